"""The admin pages of two-factor sign-in: overview, set-up, the code step after the password, recovery codes,
switching it off. The rules live in `accounts.two_factor`; these views only ask and answer."""

import math
from base64 import b32encode
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

import qrcode
import qrcode.image.svg

from network.ratelimit import UNAVAILABLE_RETRY_AFTER, RateLimitUnavailable

from . import two_factor

WRONG_CODE = _("That code is not valid.")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six-digit code your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )


class SetupCodeForm(CodeForm):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six-digit code your authenticator app shows."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )


def next_url(request, default="wagtailadmin_home"):
    """Where to go after this step: the `next` address if it is one of ours, else `default`."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    allowed_hosts = {request.get_host()}
    if url_has_allowed_host_and_scheme(candidate, allowed_hosts=allowed_hosts, require_https=request.is_secure()):
        return candidate
    return reverse(default)


class AccountBreadcrumbsMixin(WagtailAdminTemplateMixin):
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]


class RefusalMixin:
    def refuse(self, form, status, retry_after):
        """The form again with why and when to retry; the code was not even looked at."""
        minutes = max(math.ceil(retry_after / 60), 1)
        context = self.get_context_data(form=form, refused_status=status, retry_minutes=minutes)
        response = self.render_to_response(context, status=status)
        response["Retry-After"] = str(retry_after)
        return response


class CodeCheckMixin(RefusalMixin):
    """A form that takes a current code, behind the account's wrong-code limit (`two_factor.CodeThrottle`) and
    the device's own throttle."""

    form_class = CodeForm

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        throttle = two_factor.CodeThrottle(request.user)
        try:
            retry_after = throttle.retry_after()
        except RateLimitUnavailable:
            return self.refuse(form, 503, UNAVAILABLE_RETRY_AFTER)
        if retry_after:
            return self.refuse(form, 429, retry_after)
        if not form.is_valid():
            return self.form_invalid(form)
        check = two_factor.check_code(request.user, form.cleaned_data["code"])
        if check.wait:  # not looked at, so not counted
            return self.refuse(form, 429, check.wait)
        device = check.device
        try:
            if device is None:
                retry_after = throttle.wrong_code()
            else:
                throttle.right_code()
        except RateLimitUnavailable:
            return self.refuse(form, 503, UNAVAILABLE_RETRY_AFTER)
        if device is None:
            if retry_after:
                return self.refuse(form, 429, retry_after)
            form.add_error("code", WRONG_CODE)
            return self.form_invalid(form)
        return self.code_accepted(device)

    def code_accepted(self, device):
        raise NotImplementedError


class TwoFactorView(AccountBreadcrumbsMixin, TemplateView):
    """Whether this account uses two-factor sign-in, and the way to set it up, renew codes or switch it off."""

    template_name = "accounts/admin/two_factor.html"
    page_title = _("Two-factor sign-in")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            device=two_factor.authenticator(user),
            recovery_codes_left=two_factor.recovery_codes_left(user),
            required=two_factor.required_for(user),
            **kwargs,
        )


class SetupView(AccountBreadcrumbsMixin, RefusalMixin, FormView):
    """Scan the QR code (or type the secret) into an app, then prove it with the code it shows."""

    template_name = "accounts/admin/two_factor_setup.html"
    page_title = _("Set up two-factor sign-in")
    form_class = SetupCodeForm

    def dispatch(self, request, *args, **kwargs):
        if two_factor.is_enrolled(request.user):
            return redirect("accounts_2fa")
        self.device = two_factor.start_setup(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        qr = qrcode.make(self.device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
        secret = b32encode(self.device.bin_key).decode()
        return super().get_context_data(
            # Our own drawing of the device's address, no user input in it.
            qr_svg=mark_safe(qr.to_string(encoding="unicode")),  # noqa: S308
            secret=" ".join(secret[index : index + 4] for index in range(0, len(secret), 4)),
            next=self.request.GET.get("next", ""),
            required=two_factor.required_for(self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        wait = two_factor.device_wait(self.device)
        if wait:
            return self.refuse(form, 429, wait)
        codes = two_factor.confirm_setup(self.request, self.device, form.cleaned_data["code"])
        if codes is None:
            form.add_error("code", WRONG_CODE)
            return self.form_invalid(form)
        self.request.session[two_factor.NEW_CODES_SESSION_KEY] = codes
        messages.success(self.request, _("Two-factor sign-in is on. Keep your recovery codes somewhere safe."))
        target = reverse("accounts_2fa_recovery_codes")
        if self.request.POST.get("next"):  # a forced set-up goes on to where the editor was going
            target += "?" + urlencode({"next": self.request.POST["next"]})
        return redirect(target)


class EnrolledOnlyMixin:
    """For an account with two-factor sign-in on; others go to the overview, which offers to set it up."""

    def dispatch(self, request, *args, **kwargs):
        if not two_factor.is_enrolled(request.user):
            return redirect("accounts_2fa")
        return super().dispatch(request, *args, **kwargs)


class RecoveryCodesView(EnrolledOnlyMixin, AccountBreadcrumbsMixin, TemplateView):
    """New recovery codes are shown here once, right after they are made; afterwards only how many are left."""

    template_name = "accounts/admin/two_factor_recovery_codes.html"
    page_title = _("Recovery codes")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            codes=self.request.session.pop(two_factor.NEW_CODES_SESSION_KEY, None),
            recovery_codes_left=two_factor.recovery_codes_left(self.request.user),
            next=next_url(self.request, default="accounts_2fa"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        request.session[two_factor.NEW_CODES_SESSION_KEY] = two_factor.new_recovery_codes(request.user)
        messages.success(request, _("New recovery codes made; the old ones no longer work."))
        return redirect("accounts_2fa_recovery_codes")


class DisableView(EnrolledOnlyMixin, AccountBreadcrumbsMixin, CodeCheckMixin, FormView):
    """Switching it off takes a current code (or a recovery code), not only an open session."""

    template_name = "accounts/admin/two_factor_disable.html"
    page_title = _("Turn off two-factor sign-in")

    def code_accepted(self, device):
        two_factor.remove_devices(self.request.user)
        messages.success(self.request, _("Two-factor sign-in is off for your account."))
        return redirect("accounts_2fa")


class VerifyView(CodeCheckMixin, FormView):
    """The step after the password for accounts with an authenticator: the sign-in page's look, no admin menu
    (nothing of the admin opens before this step)."""

    template_name = "accounts/admin/two_factor_verify.html"
    success_url = reverse_lazy("wagtailadmin_home")

    def dispatch(self, request, *args, **kwargs):
        if not two_factor.is_enrolled(request.user) or request.user.is_verified():
            return redirect(next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=next_url(self.request), **kwargs)

    def code_accepted(self, device):
        two_factor.mark_verified(self.request, device)
        if device.name == two_factor.RECOVERY_NAME:
            left = two_factor.recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                ngettext(
                    "You signed in with a recovery code; %(count)d is left.",
                    "You signed in with a recovery code; %(count)d are left.",
                    left,
                )
                % {"count": left},
            )
        return redirect(next_url(self.request))
