"""Custom error views that render without touching the database.

A 500 page must not depend on the thing that may have failed, so it renders a
static template with no context processors that query.

When the failure is the database itself (down, restarting, refusing connections), the answer is a 503 with
`Retry-After` instead: an HTML page that says nothing sent was saved, or a JSON error under /api/. Django
calls `handler500` inside its exception handling, whichever middleware or view raised, so this catches an
outage as early as the session lookup. Nothing here needs a restart to recover: the next request opens a new
connection (`conn_health_checks`).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError, JsonResponse
from django.template import loader

#: Seconds a client is asked to wait when the database is unreachable.
DATABASE_RETRY_AFTER = 30


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"request_path": request.path}, request))


def database_is_down():
    """Whether the exception being handled is the database being unreachable (not a bug in a query)."""
    error = sys.exc_info()[1]
    return isinstance(error, OperationalError | InterfaceError)


def service_unavailable(request):
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"message": "The service is temporarily unavailable. Please retry later.", "status": 503}, status=503
        )
    else:
        template = loader.get_template("503.html")
        response = HttpResponse(template.render({}), status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    if database_is_down():
        return service_unavailable(request)
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
