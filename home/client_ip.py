"""The client's IP address, one rule for every limit (public forms, login throttling, the API's throttles).

Behind `GUILD_TRUSTED_PROXY_COUNT` proxies that each append the address they saw to `X-Forwarded-For`, the
client is the right-most address no trusted proxy wrote: the N-th from the right. Anything left of it was
written by the client and can be anything, so the left-most entry is never used. With no trusted proxy
(the default) only `REMOTE_ADDR` counts. Django REST framework's `NUM_PROXIES` is set to the same number, and
its rule is the same one.
"""

from django.conf import settings


def client_ip(request):
    """The address the request came from, as far as the trusted proxies vouch for it."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "GUILD_TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote_addr
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote_addr
    return hops[-min(proxies, len(hops))]


def axes_client_ip(request):
    """`AXES_CLIENT_IP_CALLABLE`: login throttling keys on the same address as every other limit."""
    return client_ip(request)
