"""Optional two-factor sign-in for the admin, on django-otp (docs/security.md, "Editors' sign-in").

An account that has confirmed an authenticator app (a TOTP device) signs in with its password as before, and
then passes a second step, a six-digit code from the app or one of its ten single-use recovery codes, before
any page of the Wagtail admin or the Django admin opens. Accounts without one sign in as before, unless
`GUILD_REQUIRE_2FA_FOR_STAFF` makes accounts with staff rights enrol first.

The second step comes after Wagtail's own login view rather than inside it, so the password step (and
django-axes' lockout of it) stays exactly Wagtail's. The code step has a limit of its own, per account:
`GUILD_2FA_FAILURE_LIMIT` wrong codes lock it for `GUILD_2FA_LOCKOUT_MINUTES`, the right code included, in the
rate-limit cache (failing closed like the public forms when that cache is down). A wrong code gets the same
answer whatever was wrong with it, so nothing tells an attacker that a code was nearly right.
"""

import functools
import math
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from django_otp import devices_for_user, verify_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from network.privacy import has_staff_rights
from network.ratelimit import RateLimitUnavailable, rate_limit_cache

#: How many recovery codes an account holds after enrolling or regenerating.
RECOVERY_CODE_COUNT = 10
#: Session key holding freshly made recovery codes until the page that shows them once has read them.
NEW_CODES_SESSION_KEY = "guild_2fa_new_recovery_codes"
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"


def authenticator(user, confirmed=True):
    """The account's authenticator app (confirmed, or the one being set up with `confirmed=False`), or None."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.devices_for_user(user, confirmed=confirmed).order_by("pk").first()


def is_enrolled(user):
    """Has this account confirmed an authenticator app? Only then does it pass the second step."""
    return authenticator(user) is not None


def required_for(user):
    """`GUILD_REQUIRE_2FA_FOR_STAFF` is on and this account has staff rights (superuser, is_staff, Editors: the
    same rule as the privacy tools')."""
    return settings.GUILD_REQUIRE_2FA_FOR_STAFF and user.is_authenticated and has_staff_rights(user)


def must_enrol(user):
    """Two-factor sign-in is required of this account and it has no authenticator yet."""
    return required_for(user) and not is_enrolled(user)


def start_setup(user):
    """The unconfirmed authenticator this account is setting up: one secret per attempt until it is confirmed."""
    device = authenticator(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def confirm_setup(request, device, code):
    """Confirm `device` if `code` is its current code; the session then counts as verified. Returns the new
    recovery codes (to show once), or None for a wrong code."""
    code = normalise(code)
    if not (code.isdigit() and len(code) == device.digits):
        return None
    if verify_token(request.user, device.persistent_id, code) is None:
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
        codes = new_recovery_codes(request.user)
    mark_verified(request, device)
    return codes


def new_recovery_codes(user):
    """Replace the account's recovery codes with `RECOVERY_CODE_COUNT` new ones and return them (only their
    holder sees them, once; each works once)."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def normalise(code):
    """What the person typed, without the spaces and dashes an app or a printout puts into codes."""
    return "".join((code or "").split()).replace("-", "").lower()


@dataclass(frozen=True)
class CodeCheck:
    """What a code got: the `device` that accepted it, or none; `wait` seconds when the device's own throttle
    refused to look at it (django-otp doubles the wait after each wrong code: 1 s, 2 s, 4 s ...)."""

    device: object = None
    wait: int = 0


def device_wait(device):
    """Seconds until `device` checks codes again after wrong ones (0: it does now)."""
    allowed, info = device.verify_is_allowed()
    if allowed:
        return 0
    locked_until = (info or {}).get("locked_until")
    if locked_until is None:
        return 60
    return max(math.ceil((locked_until - timezone.now()).total_seconds()), 1)


def check_code(user, code):
    """Check `code` for `user`, consuming it if right (a TOTP code or a recovery code works once): a
    `CodeCheck`. Six digits are tried on the authenticator only, anything else on the recovery codes only, so
    one attempt never counts against both devices' throttles."""
    code = normalise(code)
    device = authenticator(user)
    if device is None or not code:
        return CodeCheck()
    if not (code.isdigit() and len(code) == device.digits):
        device = StaticDevice.objects.devices_for_user(user, confirmed=True).first()
        if device is None:
            return CodeCheck()
    wait = device_wait(device)
    if wait:
        return CodeCheck(wait=wait)
    return CodeCheck(device=verify_token(user, device.persistent_id, code))


def mark_verified(request, device):
    """This session has passed the second step with `device`. A new session key, as at a password sign-in."""
    request.session.cycle_key()
    otp_login(request, device)


def remove_devices(user):
    """Switch two-factor sign-in off for `user`: every authenticator and recovery code goes. Returns how many
    devices were removed."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    return len(devices)


class CodeThrottle:
    """Wrong codes of one account: `GUILD_2FA_FAILURE_LIMIT` of them within `GUILD_2FA_LOCKOUT_MINUTES` lock
    the code step for that long. Per account, not per IP: the password is already known to whoever is here."""

    def __init__(self, user):
        self.limit = max(settings.GUILD_2FA_FAILURE_LIMIT, 1)
        self.seconds = max(settings.GUILD_2FA_LOCKOUT_MINUTES, 1) * 60
        self.count_key = f"guild:2fa:wrong:{user.pk}"
        self.lock_key = f"guild:2fa:locked:{user.pk}"

    def retry_after(self):
        """Seconds until the code step opens again, or 0 if it is open. Raises `RateLimitUnavailable`."""
        try:
            locked_until = rate_limit_cache().get(self.lock_key)
        except Exception as error:  # any cache backend's connection error: fail closed
            raise RateLimitUnavailable from error
        if not locked_until:
            return 0
        return max(math.ceil(locked_until - time.time()), 0)

    def wrong_code(self):
        """Count a wrong code; the one that reaches the limit starts the lock. Returns `retry_after()`."""
        cache = rate_limit_cache()
        try:
            if cache.add(self.count_key, 1, self.seconds):
                count = 1
            else:
                try:
                    count = cache.incr(self.count_key)
                except ValueError:  # expired between add() and incr()
                    cache.set(self.count_key, 1, self.seconds)
                    count = 1
            if count >= self.limit:
                cache.set(self.lock_key, time.time() + self.seconds, self.seconds)
                cache.delete(self.count_key)
                return self.seconds
        except Exception as error:
            raise RateLimitUnavailable from error
        return 0

    def right_code(self):
        try:
            rate_limit_cache().delete(self.count_key)
        except Exception as error:
            raise RateLimitUnavailable from error


def _with_next(url_name, request):
    return f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}"


# Resolved once per process, not on every request this middleware sees (every public page too).
@functools.cache
def protected_prefixes():
    return (reverse("wagtailadmin_home"), reverse("admin:index"))


@functools.cache
def open_paths():
    """Signing out and in, the code step itself, and the admin's translations for its scripts."""
    names = ("wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_javascript_catalog", "accounts_2fa_verify")
    return frozenset([*(reverse(name) for name in names), reverse("admin:login"), reverse("admin:logout")])


class TwoFactorMiddleware:
    """Sends a signed-in account that has not passed its second step to it, from every admin address.

    Covers Wagtail's admin (every page, its JSON endpoints and previews) and the Django admin. After
    `OTPMiddleware`, which says whether this session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.second_step(request) or self.get_response(request)

    @staticmethod
    def protected(path):
        return path.startswith(protected_prefixes())

    @staticmethod
    def open_without_second_step(path):
        return path in open_paths()

    def second_step(self, request):
        # The address first: reading request.user reads the session, which adds `Vary: Cookie` to public pages.
        if not self.protected(request.path):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if self.open_without_second_step(request.path) or user.is_verified():
            return None
        if is_enrolled(user):
            return redirect(_with_next("accounts_2fa_verify", request))
        if must_enrol(user) and request.path not in {
            reverse("accounts_2fa_setup"),
            reverse("accounts_2fa_recovery_codes"),
        }:
            return redirect(_with_next("accounts_2fa_setup", request))
        return None
