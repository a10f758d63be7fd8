"""Admin URLs and the account-page link for two-factor sign-in (accounts/two_factor.py, docs/security.md)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    """/admin/2fa/...: the code step after the password and each account's own two-factor settings."""
    return [
        path("2fa/", views.TwoFactorView.as_view(), name="accounts_2fa"),
        path("2fa/setup/", views.SetupView.as_view(), name="accounts_2fa_setup"),
        path("2fa/verify/", views.VerifyView.as_view(), name="accounts_2fa_verify"),
        path("2fa/recovery-codes/", views.RecoveryCodesView.as_view(), name="accounts_2fa_recovery_codes"),
        path("2fa/disable/", views.DisableView.as_view(), name="accounts_2fa_disable"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    """On /admin/account/, under "More actions"."""
    return {
        "url": reverse("accounts_2fa"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Ask for a code from an authenticator app after your password."),
    }
