"""Wagtail's frontend cache purge (a CDN or proxy in front of the site), configured from the environment.

Imported by the settings, so it imports nothing of Django's models. `FRONTEND_CACHE` names the cache in front:

- `cloudflare`: `CLOUDFLARE_ZONE_ID` and either `CLOUDFLARE_BEARER_TOKEN` (an API token with the "Cache Purge"
  permission) or `CLOUDFLARE_EMAIL` + `CLOUDFLARE_API_KEY` (the global key);
- `cloudfront`: `CLOUDFRONT_DISTRIBUTION_ID`; AWS credentials from boto3's usual sources (`AWS_ACCESS_KEY_ID`
  ... or an instance role); boto3 is not a dependency of the site: install it where CloudFront is used;
- `http`: `FRONTEND_CACHE_URL`, a Varnish/nginx/Squid-style cache that accepts `PURGE` requests;
- unset or empty: no purge (and `wagtail.contrib.frontend_cache` is not installed).
"""

from django.core.exceptions import ImproperlyConfigured

BACKENDS = {
    "cloudflare": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
    "cloudfront": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
    "http": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
}


def required(environ, name, kind):
    value = environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"FRONTEND_CACHE={kind} needs {name} in the environment.")
    return value


def frontend_cache_settings(environ):
    """`WAGTAILFRONTENDCACHE` for the environment `environ`: {} when FRONTEND_CACHE is unset."""
    kind = environ.get("FRONTEND_CACHE", "").strip().lower()
    if not kind:
        return {}
    if kind not in BACKENDS:
        raise ImproperlyConfigured(f"FRONTEND_CACHE must be one of {', '.join(sorted(BACKENDS))}, not {kind!r}.")
    backend = {"BACKEND": BACKENDS[kind]}
    if kind == "cloudflare":
        backend["ZONEID"] = required(environ, "CLOUDFLARE_ZONE_ID", kind)
        if environ.get("CLOUDFLARE_BEARER_TOKEN", "").strip():
            backend["BEARER_TOKEN"] = environ["CLOUDFLARE_BEARER_TOKEN"].strip()
        else:
            backend["EMAIL"] = required(environ, "CLOUDFLARE_EMAIL", kind)
            backend["API_KEY"] = required(environ, "CLOUDFLARE_API_KEY", kind)
    elif kind == "cloudfront":
        backend["DISTRIBUTION_ID"] = required(environ, "CLOUDFRONT_DISTRIBUTION_ID", kind)
    else:
        backend["LOCATION"] = required(environ, "FRONTEND_CACHE_URL", kind)
    return {"default": backend}
