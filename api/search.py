"""The search API: thin JSON wrappers over `search.service`, the same service as the search page."""

import math
from functools import wraps

from django.http import JsonResponse

from search import service
from search.facets import FACETS
from search.query import InvalidSearchParameter, SearchQuery, clean_text

from .caching import cached_view
from .errors import json_error, json_get_only
from .throttling import APIAnonRateThrottle

SEARCH_PARAMETERS = {"q", *FACETS, "skill_category", "page", "sort", "locale", "language", "format"}
SUGGEST_PARAMETERS = {"q", "format"}


def unknown_parameter(request, known):
    """A 400 naming the first parameter the endpoint does not know (a typo is never silently ignored)."""
    unknown = sorted(set(request.GET) - known)
    if unknown:
        return json_error(400, f"unknown query parameter: {', '.join(unknown)[:200]}", unknown[0][:100])
    if request.GET.get("format", "json") != "json":
        return json_error(400, "format must be json", "format")
    return None


def throttled(view):
    """The pages API's anonymous rate limit, same budget per client IP: 429 with Retry-After when spent."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        throttle = APIAnonRateThrottle()
        if not throttle.allow_request(request, None):
            wait = throttle.wait()
            retry_after = str(math.ceil(wait)) if wait else "60"
            return json_error(429, "rate limit reached", headers={"Retry-After": retry_after})
        return view(request, *args, **kwargs)

    return wrapper


def checked(known):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            return unknown_parameter(request, known) or view(request, *args, **kwargs)

        return wrapper

    return decorator


@json_get_only
@throttled
@checked(SEARCH_PARAMETERS)
@cached_view
def search_api(request):
    try:
        # The API ranks no language first unless asked (`language=`/`locale=`): a partner site says which.
        query = SearchQuery.from_params(request.GET)
    except InvalidSearchParameter as error:
        return JsonResponse({"message": error.message, "parameter": error.parameter}, status=400)
    return JsonResponse(service.run_search(query, request=request))


@json_get_only
@throttled
@checked(SUGGEST_PARAMETERS)
@cached_view
def suggest_api(request):
    text = clean_text(request.GET.get("q", ""))
    return JsonResponse({"query": text, "suggestions": service.suggest(text, request=request)})
