"""Anonymous rate limiting of the API: one budget per client IP for every endpoint under /api/."""

from django.conf import settings

from rest_framework.throttling import AnonRateThrottle


class APIAnonRateThrottle(AnonRateThrottle):
    """Anonymous requests per client IP; the rate comes from `API_RATE_LIMIT` ("600/minute"), empty = off."""

    scope = "api_anon"

    def get_rate(self):
        return getattr(settings, "API_RATE_LIMIT", "") or None
