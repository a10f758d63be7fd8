from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in to the admin: throttled sign-in and password reset (django-axes), and optional two-factor sign-in
    (django-otp). Its own app because it stands on `network` (the rate limits, who counts as staff), which `home`
    must not import (DESIGN.md, "Layout")."""

    name = "accounts"
    verbose_name = _("Accounts")
