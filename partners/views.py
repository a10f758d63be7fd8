"""Admin view that sends an editor to the partner front end's preview."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from .models import WebhookDelivery
from .preview import preview_url
from .tasks import deliver_webhook


def headless_preview(request, page_id):
    """Sign a preview token for the page's latest revision and redirect to the partner front end."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    url = preview_url(page, request)
    if url is None:
        messages.error(request, "No partner front end is configured (HEADLESS_PREVIEW_CLIENT_URLS).")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return redirect(url)


def may_redeliver(user):
    """Whoever manages the endpoints may send a delivery again."""
    return user.has_perm("partners.change_webhookendpoint")


@require_POST
def redeliver_webhook(request, delivery_id):
    """Send a logged delivery again (a partner fixed its endpoint, or lost what it received)."""
    if not may_redeliver(request.user):
        raise PermissionDenied
    delivery = get_object_or_404(WebhookDelivery, pk=delivery_id)
    again = delivery.redeliver()
    transaction.on_commit(lambda: deliver_webhook.enqueue(again.pk))
    messages.success(request, _("Delivery queued again for %(endpoint)s.") % {"endpoint": delivery.endpoint})
    return redirect(reverse("wagtailsnippets_partners_webhookdelivery:inspect", args=[again.pk]))
