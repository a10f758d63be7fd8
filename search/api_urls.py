"""Search API URLs, mounted at /api/v2/search/ before the Wagtail API router."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.search_api, name="search_api"),
    path("suggest/", views.suggest_api, name="search_suggest_api"),
]
