"""Search page URLs (mounted at /search/ under the language prefix)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.search_page, name="search"),
    path("download.<str:fmt>", views.search_download, name="search_download"),
]
