"""Keep the content version (`home.freshness`) moving whenever a live page changes, however it changed, and the
vocabulary version whenever a skill or a skill label is saved or deleted.

Listings keep their ordered ids and country choices per content version (`ListingIndexMixin`), so the version
must move not only on publish, unpublish and delete (partners/signals.py) but also when a live page is saved
without a publish (created live by code, as imports and factories do) and when a page is moved to another
index.

The page cache (`home.page_cache`) keys its copies by the same version, so a view restriction added to a page
and a change of a site's host or root move it too: a public copy of a page that has just become private is
never served again.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.freshness import mark_content_changed, mark_vocabulary_changed
from home.models import SkillTag, SkillTagLabel


@receiver(post_save)
def on_live_page_saved(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        mark_content_changed()


@receiver(post_page_move)
def on_page_moved(sender, **kwargs):
    mark_content_changed()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def on_visibility_changed(sender, **kwargs):
    mark_content_changed()


@receiver(page_published)
@receiver(page_unpublished)
def purge_listings_in_front(sender, instance, **kwargs):
    """Wagtail's frontend cache purges the page itself; its index and its language's home page list it too."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    purge_pages_from_cache(instance.get_ancestors().filter(depth__in={2, instance.depth - 1}))


@receiver(post_save, sender=SkillTag)
@receiver(post_delete, sender=SkillTag)
@receiver(post_save, sender=SkillTagLabel)
@receiver(post_delete, sender=SkillTagLabel)
def on_vocabulary_changed(sender, **kwargs):
    mark_vocabulary_changed()
