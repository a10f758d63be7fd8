"""Sign-in protection for the admin: django-axes locks out repeated wrong passwords, and password-reset
emails are rate limited per client IP (docs/security.md, "Limits").

Both key on `home.client_ip.client_ip`, the one client-IP rule of every limit. Both answer 429 with
`Retry-After`.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _

from wagtail.admin.views.account import PasswordResetView

from axes.helpers import get_cool_off

from home.client_ip import client_ip
from network.ratelimit import FormRateLimit, RateLimitUnavailable, hash_ip


def locked_out(request, original_response=None, credentials=None):
    """`AXES_LOCKOUT_CALLABLE`: a plain 429 saying how long to wait, with `Retry-After`."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 3600
    response = HttpResponse(
        _("Too many failed sign-in attempts from your connection. Please try again in %(minutes)d minutes.")
        % {"minutes": max(seconds // 60, 1)},
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(seconds)
    return response


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's "forgotten password" form, limited to `GUILD_PASSWORD_RESET_RATE_LIMIT` sends per IP."""

    def post(self, request, *args, **kwargs):
        limit = FormRateLimit("password_reset", settings.GUILD_PASSWORD_RESET_RATE_LIMIT)
        ip_hash = hash_ip(client_ip(request))
        try:
            exceeded = limit.exceeded(ip_hash)
        except RateLimitUnavailable:
            exceeded = True  # fail closed, like the public forms
        if exceeded:
            response = HttpResponse(
                _("Too many password reset requests from your connection. Please try again later."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(limit.retry_after())
            return response
        response = super().post(request, *args, **kwargs)
        if response.status_code == 302:  # a valid request: an email may have gone out
            limit.hit(ip_hash)
        return response
