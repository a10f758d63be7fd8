"""Per-IP rate limit of the public forms, and the keyed hash that stands in for an IP wherever one is kept.

The limit lives in the cache (Redis in production, per-process memory otherwise), so it needs no table and
costs one cache round trip per submission. Configure it with `GUILD_FORM_RATE_LIMIT` ("count/seconds",
default "5/600": five submissions per form per IP in ten minutes).
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The client's address; X-Forwarded-For only counts behind a proxy we trust (`GUILD_TRUST_X_FORWARDED_FOR`)."""
    if getattr(settings, "GUILD_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def hash_ip(ip):
    """A keyed hash of an IP: equal IPs match, but the IP cannot be read back without the secret key."""
    if not ip:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()


def parse_rate(rate):
    count, _slash, seconds = (rate or "").partition("/")
    try:
        return max(int(count), 0), max(int(seconds), 1)
    except ValueError:
        return 5, 600


class FormRateLimit:
    """Counts one form's submissions per IP hash in a fixed window."""

    def __init__(self, scope, rate=None):
        self.scope = scope
        self.limit, self.window = parse_rate(rate or getattr(settings, "GUILD_FORM_RATE_LIMIT", "5/600"))

    def _key(self, ip_hash):
        return f"guild:ratelimit:{self.scope}:{ip_hash}"

    def exceeded(self, ip_hash):
        return cache.get(self._key(ip_hash), 0) >= self.limit

    def hit(self, ip_hash):
        key = self._key(ip_hash)
        # add() starts the window only once; incr() keeps its expiry.
        if not cache.add(key, 1, self.window):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, self.window)
