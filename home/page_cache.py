"""The full-page cache of anonymous public HTML, its Cache-Control and its cheap revalidation.

`PageCacheMiddleware` keeps a copy of each public answer a visitor without a session gets (Wagtail pages,
listings, the search page, tag pages, feeds, sitemap) in Django's cache, and serves the next anonymous request
for the same address from it without running the view. An entry's key names the scheme, host, full path with
its query string, the active language and the content version of `home.freshness`; the version moves on every
change a visitor could see (publish, unpublish, delete, move, a live save, images, documents, vocabulary,
site settings, view restrictions), so a change is visible at once and old entries are never read again (they
expire after `GUILD_PAGE_CACHE_TIMEOUT`).

What is never stored or served from the cache, and why:

- requests that carry a session cookie (a signed-in editor or member, or a visitor who passed a page password),
  a messages cookie or an Authorization header: their answer can be theirs alone;
- answers that set a cookie, used a CSRF token (every page with `{% csrf_token %}`: join, contact, event
  registration, password-restricted pages), changed the session, or already say `private`, `no-cache` or
  `no-store` (Wagtail marks every page with view restrictions so, and every preview);
- anything but a 200, streaming answers, and answers over `MAX_ENTRY_BYTES`;
- the admin, Django's admin, the API (`api/caching.py` has its own validators), documents (they check
  collection privacy per request), the language switch and uploaded media.

The middleware stands after LocaleMiddleware (the language is known) and before CSRF, authentication and
messages (it sees what they add to an answer).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from home.freshness import content_changed_at

#: Path prefixes the page cache never touches (no lookup, no copy, no Cache-Control).
UNCACHED_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/documents/", "/i18n/", "/static/", "/media/")
#: Cache-Control directives that forbid a shared copy.
PRIVATE_DIRECTIVES = ("private", "no-cache", "no-store")
#: A listing download can be large; entries past this size are rendered every time instead.
MAX_ENTRY_BYTES = 1024 * 1024
#: The response header that says what the cache did: "hit", "miss" (rendered and stored) or "skip".
STATUS_HEADER = "X-Page-Cache"
KEY_PREFIX = "guild:page:"


def may_use_cache(request):
    """Whether this request may be answered from, and stored in, the shared copy of its address."""
    if request.method not in ("GET", "HEAD") or request.path.startswith(UNCACHED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    return getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES


def request_fingerprint(request):
    """Scheme, host, full path with query string, language and period: what an entry's content depends on.

    The period (the current GUILD_PAGE_CACHE_TIMEOUT-long slice of time) bounds what no signal announces, an
    event becoming past, for the ETag as for the copy: a browser revalidating gets a fresh page once a period.
    """
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    period = int(time.time() // max(settings.GUILD_PAGE_CACHE_TIMEOUT, 1))
    return f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{language}|{period}"


def page_etag(fingerprint, version):
    # Weak: two renders at one content version may differ in bytes (the home page's "upcoming" lists follow
    # the clock for up to a minute) while saying the same thing.
    digest = hashlib.sha256(f"{version.timestamp()}|{fingerprint}".encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def entry_key(fingerprint, version):
    return KEY_PREFIX + hashlib.sha256(f"{version.timestamp()}|{fingerprint}".encode()).hexdigest()


def patch_public_cache_control(response):
    """`public, max-age, s-maxage, stale-while-revalidate` for the browser and a CDN (keeps a view's max-age)."""
    directives = {
        "public": True,
        "s_maxage": settings.GUILD_PAGE_S_MAXAGE,
        "stale_while_revalidate": settings.GUILD_PAGE_STALE_WHILE_REVALIDATE,
    }
    if "max-age" not in response.get("Cache-Control", ""):
        directives["max_age"] = settings.GUILD_PAGE_MAX_AGE
    patch_cache_control(response, **directives)


def is_shareable(request, response):
    """Whether an answer holds nothing of one visitor's: no cookie set, no CSRF token, no session change."""
    # A page that used its CSRF token always sets the CSRF cookie (Django renews it on every get_token()), so
    # "no cookie set" also means "no token in the HTML"; the flag catches a token used after CSRF's middleware.
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages._queued_messages or vars(messages).get("_loaded_data")):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in PRIVATE_DIRECTIVES)


def stored_entry(response):
    """What the cache keeps of an answer: status, body and headers (never cookies: it has none)."""
    return (response.status_code, response.content, list(response.headers.items()))


def response_from_entry(entry):
    status, content, headers = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    """Serve anonymous public pages from Django's cache; mark every page's cacheability for browsers and CDNs.

    With `GUILD_PAGE_CACHE` off only the Cache-Control headers remain (they depend on nothing shared between
    processes); the copies, ETag and Last-Modified need one content version for every process, so a shared
    cache (Redis) or a single process.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(UNCACHED_PREFIXES):
            return self.get_response(request)
        if not may_use_cache(request):
            return self.mark_private(request, self.get_response(request))
        if not settings.GUILD_PAGE_CACHE:
            response = self.get_response(request)
            if is_shareable(request, response):
                patch_public_cache_control(response)
            return self.mark_private(request, response)

        version = content_changed_at()
        fingerprint = request_fingerprint(request)
        etag = page_etag(fingerprint, version)
        last_modified = int(version.timestamp())

        # A revalidation whose validators match the current version costs neither the view nor the cache entry.
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None and not_modified.status_code == 304:
            not_modified["ETag"] = etag
            not_modified["Last-Modified"] = http_date(last_modified)
            patch_public_cache_control(not_modified)
            not_modified[STATUS_HEADER] = "hit"
            return not_modified

        key = entry_key(fingerprint, version)
        entry = cache.get(key)
        if entry is not None:
            response = response_from_entry(entry)
            response[STATUS_HEADER] = "hit"
            # A view's own validators (feeds) are honoured as well as ours.
            return get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=last_modified,
                response=response,
            )

        response = self.get_response(request)
        if not is_shareable(request, response):
            response[STATUS_HEADER] = "skip"
            return self.mark_private(request, response)
        response.headers.setdefault("ETag", etag)
        # The content version, not a feed's newest item: renames, unpublished items and settings count too.
        response["Last-Modified"] = http_date(last_modified)
        patch_public_cache_control(response)
        if request.method == "GET" and len(response.content) <= MAX_ENTRY_BYTES:
            cache.set(key, stored_entry(response), settings.GUILD_PAGE_CACHE_TIMEOUT)
            response[STATUS_HEADER] = "miss"
        else:
            response[STATUS_HEADER] = "skip"
        return response

    def mark_private(self, request, response):
        """A 200 that is one visitor's (signed in, a form's CSRF token, a cookie set) is kept by no shared cache."""
        one_visitors = not (may_use_cache(request) and is_shareable(request, response))
        if response.status_code == 200 and not response.has_header("Cache-Control") and one_visitors:
            patch_cache_control(response, private=True, no_cache=True)
        return response
