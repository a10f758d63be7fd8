"""Keep the facet store true: Wagtail's own handlers update the search backends; these update our tables.

Deletion: the rows carry no database constraint (treebeard deletes subtrees with raw SQL), so the handler
below forgets every page Django reports deleted.
"""

from django.db.models.signals import post_delete

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import SearchDocument


def refresh_document(sender, instance, **kwargs):
    SearchDocument.objects.refresh_page(instance)


def forget_document(sender, instance, **kwargs):
    if isinstance(instance, Page):
        SearchDocument.objects.forget([instance.pk])


def connect():
    post_delete.connect(forget_document, dispatch_uid="search_forget_on_delete")
    page_published.connect(refresh_document, dispatch_uid="search_refresh_on_publish")
    page_unpublished.connect(refresh_document, dispatch_uid="search_refresh_on_unpublish")
    post_page_move.connect(refresh_document, dispatch_uid="search_refresh_on_move")
