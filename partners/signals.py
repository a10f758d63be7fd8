"""Page and media changes: bump the API's Last-Modified and queue webhooks to partner endpoints.

Nothing here may break publishing: the webhook work runs after the transaction commits, and any
error in queuing is logged, never raised.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from home.freshness import mark_content_changed

from .models import WebhookDelivery, WebhookEndpoint
from .tasks import deliver_webhook

logger = logging.getLogger(__name__)


def page_payload(event, page):
    try:
        url = page.get_full_url()
    except Exception:  # a page being deleted may have lost its place in the tree
        url = None
    api_url = None
    if event != WebhookDelivery.Event.DELETED:
        try:
            api_url = reverse("wagtailapi:pages:detail", args=[page.pk])
        except NoReverseMatch:
            api_url = None
    return {
        "event": event,
        "occurred_at": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": page._meta.label,
            "title": page.title,
            "slug": page.slug,
            "url": url,
            "api_url": get_full_url_or_path(api_url),
            "locale": getattr(page.locale, "language_code", None) if page.locale_id else None,
        },
    }


def get_full_url_or_path(path):
    if path is None:
        return None
    return settings.WAGTAILAPI_BASE_URL.rstrip("/") + path


def queue_deliveries(event, page_id, content_type_id, payload):
    try:
        for endpoint in WebhookEndpoint.objects.filter(active=True).prefetch_related("page_types"):
            if not endpoint.wants(content_type_id):
                continue
            delivery = WebhookDelivery.objects.create(
                endpoint=endpoint, event=event, page_id=page_id, page_type=payload["page"]["type"], payload=payload
            )
            deliver_webhook.enqueue(delivery.pk)
    except Exception:
        logger.exception("Could not queue webhooks for %s of page %s", event, page_id)


def page_changed(event, page):
    mark_content_changed()
    try:
        payload = page_payload(event, page)
        content_type_id = ContentType.objects.get_for_model(type(page)).pk
    except Exception:
        logger.exception("Could not describe page %s for webhooks", page.pk)
        return
    page_id = page.pk
    transaction.on_commit(lambda: queue_deliveries(event, page_id, content_type_id, payload))


@receiver(page_published)
def on_page_published(sender, instance, **kwargs):
    page_changed(WebhookDelivery.Event.PUBLISHED, instance.specific)


@receiver(page_unpublished)
def on_page_unpublished(sender, instance, **kwargs):
    page_changed(WebhookDelivery.Event.UNPUBLISHED, instance.specific)


@receiver(post_delete)
def on_page_deleted(sender, instance, **kwargs):
    # Multi-table inheritance sends post_delete for the specific page and for its Page row: answer once.
    if isinstance(instance, Page) and type(instance) is not Page:
        page_changed(WebhookDelivery.Event.DELETED, instance)


@receiver(post_save, sender=get_image_model())
@receiver(post_delete, sender=get_image_model())
@receiver(post_save, sender=get_document_model())
@receiver(post_delete, sender=get_document_model())
def on_media_changed(sender, **kwargs):
    mark_content_changed()


#: Models whose change alters API responses without a publish: vocabulary names and labels, site settings.
RESPONSE_CHANGING_MODELS = (
    "home.SkillTag",
    "home.TopicTag",
    "home.SkillTagLabel",
    "home.TopicTagLabel",
    "home.SiteSettingsTranslation",
)
for _label in RESPONSE_CHANGING_MODELS:
    post_save.connect(on_media_changed, sender=_label, dispatch_uid=f"freshness-save-{_label}")
    post_delete.connect(on_media_changed, sender=_label, dispatch_uid=f"freshness-delete-{_label}")


@receiver(post_save, sender="home.SiteSettings")
def on_site_settings_saved(sender, created=False, **kwargs):
    # Wagtail creates a site's settings row with its defaults the first time a page reads them (`for_request`
    # is a get_or_create): nothing a visitor sees changes, so caches keep their version. An editor's save in
    # the admin comes after that creation, as an update.
    if not created:
        mark_content_changed()


post_delete.connect(on_media_changed, sender="home.SiteSettings", dispatch_uid="freshness-delete-home.SiteSettings")
