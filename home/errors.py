"""Custom error views that render without touching the database.

A 500 page must not depend on the thing that may have failed, so it renders a
static template with no context processors that query.
"""

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"request_path": request.path}, request))


def server_error(request):
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
