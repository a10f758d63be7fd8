"""Root URLconf: admin, API and feeds first, then language-prefixed site pages, Wagtail's catch-all last."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.sign_in import ThrottledPasswordResetView
from home import views as home_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before Wagtail's admin URLs: its own password reset view, rate limited per client IP.
    path("admin/password_reset/", ThrottledPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("manifest.webmanifest", home_views.web_manifest, name="web_manifest"),
    path("favicon.ico", home_views.favicon_ico),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("api.urls")),
    path("feeds/", include("network.feed_urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.DEBUG or settings.GUILD_SERVE_MEDIA:
    # Uploaded files from Django itself, with members' private images refused to others (network/media.py): for
    # `make run` and a server without object storage in front (GUILD_SERVE_MEDIA=1; with nginx, through
    # GUILD_MEDIA_ACCEL_REDIRECT).
    from django.urls import re_path

    from network.media import serve_media

    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_media)]

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include("network.urls")),
    path("", include("home.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "home.errors.page_not_found"
handler500 = "home.errors.server_error"
