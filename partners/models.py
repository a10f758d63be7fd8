"""Webhook endpoints partner sites register, and the log of every delivery to them."""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from home.page_types import page_types


def page_content_types():
    """Limit the endpoint's page types to the registered page types (evaluated lazily, in the admin form)."""
    ids = [ContentType.objects.get_for_model(model).pk for model in page_types()]
    return models.Q(pk__in=ids)


def sign(secret, body):
    """`sha256=<hex>`: HMAC-SHA256 of the raw request body with the endpoint's secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookEndpoint(models.Model):
    """A partner site's URL that receives a signed POST when pages of the chosen types change."""

    name = models.CharField(max_length=120, help_text=_("Whose endpoint this is, e.g. “City of Ghent website”"))
    url = models.URLField(max_length=500)
    secret = models.CharField(
        max_length=200, help_text=_("Shared with the partner; signs each request (X-Guild-Signature).")
    )
    page_types = models.ManyToManyField(
        ContentType,
        blank=True,
        limit_choices_to=page_content_types,
        related_name="+",
        help_text=_("Leave empty for every page type."),
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("secret"),
        FieldPanel("page_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("webhook endpoint")
        ordering = ["name"]

    def clean(self):
        """https only (a secret-signed body must not travel in clear); http only to localhost while DEBUG."""
        super().clean()
        scheme, _sep, rest = (self.url or "").partition("://")
        host = rest.split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0].strip("[]").lower()
        local_http = settings.DEBUG and scheme.lower() == "http" and host in {"localhost", "127.0.0.1", "::1"}
        if scheme.lower() != "https" and not local_http:
            raise ValidationError({"url": _("Webhook addresses must start with https://.")})

    def __str__(self):
        return self.name

    def wants(self, content_type_id):
        chosen = [content_type.pk for content_type in self.page_types.all()]
        return not chosen or content_type_id in chosen


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one endpoint, with what happened on each attempt."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    class Event(models.TextChoices):
        PUBLISHED = "page.published", _("Page published")
        UNPUBLISHED = "page.unpublished", _("Page unpublished")
        DELETED = "page.deleted", _("Page deleted")

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=30, choices=Event.choices)
    page_id = models.PositiveIntegerField()
    page_type = models.CharField(max_length=100, blank=True)
    payload = models.JSONField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_event_display()} #{self.page_id} → {self.endpoint}"

    def redeliver(self):
        """A new delivery of the same event and payload to the same endpoint (the log keeps both)."""
        return WebhookDelivery.objects.create(
            endpoint=self.endpoint,
            event=self.event,
            page_id=self.page_id,
            page_type=self.page_type,
            payload=self.payload,
        )

    @property
    def can_retry(self):
        return self.status == self.Status.FAILED and self.attempts < settings.WEBHOOK_MAX_ATTEMPTS

    def request_body(self, sent_at):
        # The timestamp is inside the signed body too, so a receiver can refuse replays.
        return json.dumps({**self.payload, "sent_at": sent_at}, separators=(",", ":"), sort_keys=True).encode()

    def attempt(self):
        """POST once; record the outcome. Never raises for a network or HTTP failure."""
        timestamp = str(int(time.time()))
        body = self.request_body(int(timestamp))
        request = urllib.request.Request(  # noqa: S310  (admin-registered http(s) URLs only)
            self.endpoint.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "User-Agent": "Guild-Webhooks/1.0",
                "X-Guild-Event": self.event,
                "X-Guild-Delivery": str(self.pk),
                "X-Guild-Timestamp": timestamp,
                "X-Guild-Signature": sign(self.endpoint.secret, body),
            },
        )
        self.attempts += 1
        self.last_attempt_at = timezone.now()
        try:
            with urllib.request.urlopen(request, timeout=settings.WEBHOOK_TIMEOUT) as response:  # noqa: S310
                self.status_code = response.status
            self.status = self.Status.SUCCEEDED
            self.error = ""
            self.delivered_at = timezone.now()
        except urllib.error.HTTPError as error:
            self.status_code = error.code
            self.status = self.Status.FAILED
            self.error = f"HTTP {error.code} {error.reason}"
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError, ValueError) as error:
            self.status_code = None
            self.status = self.Status.FAILED
            self.error = f"{type(error).__name__}: {getattr(error, 'reason', error)}"[:1000]
        self.save()
        return self.status == self.Status.SUCCEEDED
