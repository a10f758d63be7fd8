"""Keep the content version (`home.freshness`) moving whenever a live page changes, however it changed, and the
vocabulary version whenever a skill or a skill label is saved or deleted.

Listings keep their ordered ids and country choices per content version (`ListingIndexMixin`), so the version
must move not only on publish, unpublish and delete (partners/signals.py) but also when a live page is saved
without a publish (created live by code, as imports and factories do) and when a page is moved to another
index.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import post_page_move

from home.freshness import mark_content_changed, mark_vocabulary_changed
from home.models import SkillTag, SkillTagLabel


@receiver(post_save)
def on_live_page_saved(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        mark_content_changed()


@receiver(post_page_move)
def on_page_moved(sender, **kwargs):
    mark_content_changed()


@receiver(post_save, sender=SkillTag)
@receiver(post_delete, sender=SkillTag)
@receiver(post_save, sender=SkillTagLabel)
@receiver(post_delete, sender=SkillTagLabel)
def on_vocabulary_changed(sender, **kwargs):
    mark_vocabulary_changed()
