"""The site's URLs with uploaded files served by Django, as under `make run` or `GUILD_SERVE_MEDIA=1` (the test
settings leave both off, and config.urls decides at import)."""

from django.conf import settings
from django.urls import re_path

from config.urls import handler404, handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns
from network.media import serve_media

urlpatterns = [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_media), *site_urlpatterns]
