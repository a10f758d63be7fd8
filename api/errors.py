"""JSON errors everywhere under /api/: `{"message", "parameter"}` with the right status, never an HTML page."""

from functools import wraps

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt


def json_error(status, message, parameter=None, headers=None):
    response = JsonResponse({"message": message, "parameter": parameter}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def api_not_found(request, path=""):
    """Any address under /api/ no endpoint answers (`/api/v2/pages/abc/`, a typo): a JSON 404."""
    return json_error(404, "not found: no API endpoint at this address")


def json_get_only(view):
    """GET and HEAD answer; any other method is a JSON 405 with `Allow` (not a CSRF 403: nothing is written)."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return json_error(405, f"method {request.method[:20]} not allowed", headers={"Allow": "GET, HEAD"})
        return view(request, *args, **kwargs)

    return wrapper
