"""An event page shows its seats left: a registration taken or withdrawn moves the content version, so the page
cache (`home.page_cache`) and the API never show yesterday's count or an open form for a full event."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.freshness import mark_content_changed

from .models import EventRegistration


@receiver(post_save, sender=EventRegistration)
@receiver(post_delete, sender=EventRegistration)
def on_registration_changed(sender, **kwargs):
    mark_content_changed()
