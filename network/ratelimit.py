"""Per-IP rate limit of the public forms, and the keyed hash that stands in for an IP wherever one is kept.

The limit lives in the `ratelimit` cache (Redis in production, per-process memory otherwise), so it needs no
table and costs one cache round trip per submission. Configure it with `GUILD_FORM_RATE_LIMIT`
("count/seconds", default "5/600": five submissions per form per IP in ten minutes).

What counts: stored submissions and spam (a filled honeypot). A form sent back with errors does not count, so
typos never lock anyone out. The windows are fixed (aligned on multiples of the window length), which gives
every 429 an exact `Retry-After`.

When the cache cannot be reached the forms fail closed: `RateLimitUnavailable` is raised and the view answers
503 "nothing was saved" with a `Retry-After`, rather than taking unlimited submissions (see docs/security.md).
"""

import hashlib
import hmac
import logging
import time

from django.conf import settings
from django.core.cache import caches

from home.client_ip import client_ip  # noqa: F401  (re-exported: the views import it from here)

logger = logging.getLogger(__name__)

#: Seconds a visitor is asked to wait when the rate-limit cache is down.
UNAVAILABLE_RETRY_AFTER = 60


class RateLimitUnavailable(Exception):
    """The rate-limit cache cannot be reached; the forms refuse submissions until it can."""


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


def rate_limit_cache():
    alias = "ratelimit" if "ratelimit" in settings.CACHES else "default"
    return caches[alias]


class FormRateLimit:
    """Counts one form's submissions per IP hash in fixed windows of `window` seconds."""

    def __init__(self, scope, rate=None):
        self.scope = scope
        self.limit, self.window = parse_rate(rate or getattr(settings, "GUILD_FORM_RATE_LIMIT", "5/600"))

    def _key(self, ip_hash, now):
        return f"guild:ratelimit:{self.scope}:{ip_hash}:{int(now // self.window)}"

    def retry_after(self, now=None):
        """Whole seconds until the current window ends."""
        now = time.time() if now is None else now
        return max(int(self.window - now % self.window), 1)

    def exceeded(self, ip_hash):
        try:
            return rate_limit_cache().get(self._key(ip_hash, time.time()), 0) >= self.limit
        except Exception as error:  # any cache backend's connection error: fail closed, below
            logger.error("Rate-limit cache unreachable (%s); public forms refuse submissions", error)
            raise RateLimitUnavailable from error

    def hit(self, ip_hash):
        cache = rate_limit_cache()
        key = self._key(ip_hash, time.time())
        try:
            # add() starts the window's counter only once; incr() keeps its expiry.
            if not cache.add(key, 1, self.window):
                try:
                    cache.incr(key)
                except ValueError:  # expired between add() and incr()
                    cache.set(key, 1, self.window)
        except Exception as error:
            logger.error("Rate-limit cache unreachable (%s); this submission was not counted", error)
