"""Everything under /api/: the search API and the OpenAPI document before Wagtail's router, the docs page."""

from django.urls import path, re_path

from . import openapi, search
from .errors import api_not_found
from .views import api_router

urlpatterns = [
    path("v2/search/", search.search_api, name="search_api"),
    path("v2/search/suggest/", search.suggest_api, name="search_suggest_api"),
    path("v2/schema/", openapi.schema_view, name="api_schema"),
    path("v2/", api_router.urls),
    path("docs/", openapi.docs_view, name="api_docs"),
    # Last: whatever the endpoints above do not match (`pages/abc/`) is a JSON 404, not the site's HTML page.
    re_path(r"^(?P<path>.*)$", api_not_found),
]
