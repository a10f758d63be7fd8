"""Cache validators of API responses: ETag, Last-Modified, Cache-Control, and 304 on revalidation."""

import hashlib
from functools import wraps

from django.conf import settings
from django.http import HttpResponseNotModified
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.views.decorators.http import condition

from home.freshness import content_changed_at


class NotModified(Exception):
    """The client's copy is current: answer 304 before the view queries or renders anything."""

    def __init__(self, etag, last_modified):
        super().__init__("not modified")
        self.etag, self.last_modified = etag, last_modified


def response_etag(request):
    """The validator of one response: the content version with the request's address and representation.

    The content version (`api.freshness`) moves on every change that can alter a response: publish,
    unpublish, delete, images and documents, vocabulary names and labels, site settings. So the ETag is
    known before the view runs, and a revalidation is answered without a query or a render.
    """
    version = content_changed_at().timestamp()
    key = f"{version}|{request.get_full_path()}|{request.headers.get('Accept', '')}"
    return f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'


class CachedResponseMixin:
    """ETag + Last-Modified + Cache-Control on successful GETs, and 304 on a matching revalidation.

    The 304 is decided in `initial` (after throttling and parameter checks), before the view runs.
    """

    cacheable_actions = {"listing_view", "detail_view", "find_view"}

    def check_not_modified(self, request):
        if request.method not in ("GET", "HEAD") or getattr(self, "action", None) not in self.cacheable_actions:
            return
        etag = response_etag(request)
        last_modified = int(content_changed_at().timestamp())
        django_request = request._request if hasattr(request, "_request") else request
        conditional = get_conditional_response(django_request, etag=etag, last_modified=last_modified)
        if conditional is not None and conditional.status_code == 304:
            raise NotModified(etag, last_modified)

    def not_modified_response(self, exc):
        response = HttpResponseNotModified()
        response["ETag"] = exc.etag
        response["Last-Modified"] = http_date(exc.last_modified)
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        patch_vary_headers(response, ["Accept"])
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if getattr(self, "action", None) not in self.cacheable_actions:
            return response
        etag = response_etag(request)
        last_modified = int(content_changed_at().timestamp())
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        patch_vary_headers(response, ["Accept"])
        conditional = get_conditional_response(
            request._request if hasattr(request, "_request") else request,
            etag=etag,
            last_modified=last_modified,
            response=response,
        )
        if conditional is not response:
            for header in ("Cache-Control", "Vary", "Access-Control-Allow-Origin"):
                if header in response:
                    conditional[header] = response[header]
        return conditional


def cached_view(view):
    """Plain views (feeds, calendars, the search API) get the API's validators and Cache-Control.

    ETag and Last-Modified come from the content version, so a 304 is answered before rendering.

    Only successful answers carry them (an unknown language or tag stays an uncached 404).
    """

    def etag(request, *args, **kwargs):
        return response_etag(request)

    def last_modified(request, *args, **kwargs):
        return content_changed_at()

    @wraps(view)
    def validated_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # Django's feeds date themselves by their newest item; the content version also covers renames,
        # unpublished items and settings, and must be the one If-Modified-Since is compared with.
        if response.has_header("Last-Modified"):
            del response["Last-Modified"]
        return response

    conditional_view = condition(etag_func=etag, last_modified_func=last_modified)(validated_view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = conditional_view(request, *args, **kwargs)
        if response.status_code in (200, 304):
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return response

    return wrapper
