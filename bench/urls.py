"""The site's URLs plus `/bench/constant/`, a constant 20 KB page: the ceiling bench/speed.py compares with.

Only bench/settings.py names this URLconf; production URLs never carry the constant view.
"""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler404, handler500  # noqa: F401 - the handlers
from config.urls import urlpatterns as site_urlpatterns

CONSTANT_BODY = b"<!doctype html><title>constant</title>" + b"x" * (20 * 1024 - 38)


def constant_page(request):
    """The same 20 KB for everyone, through the whole middleware stack: what a response costs at the least."""
    return HttpResponse(CONSTANT_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/constant/", constant_page, name="bench_constant"), *site_urlpatterns]
