"""Admin: webhook endpoints and the delivery log (Partner sites menu), and the headless preview button."""

import json

from django.conf import settings
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import WebhookDelivery, WebhookEndpoint
from .views import headless_preview, may_redeliver, redeliver_webhook


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = "Webhook endpoints"
    list_display = ["name", "url", "active", "created_at"]
    list_filter = ["active"]


class RecordPermissionPolicy(ModelPermissionPolicy):
    """A log is a record of what happened: it can be read (list, inspect), never added, edited or deleted by hand,
    not even by a superuser."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(WebhookDelivery, RecordPermissionPolicy(WebhookDelivery))


def local_time(value):
    """A time as the list and the detail both show it: in the admin's active time zone, with its offset, so
    the two never disagree (they did: the list in the user's zone, the detail in UTC)."""
    if value is None:
        return "-"
    local = timezone.localtime(value)
    return f"{formats.date_format(local, 'Y-m-d H:i:s')} {local.strftime('%Z')}".strip()


class LocalTimeColumn(Column):
    def get_value(self, instance):
        return local_time(getattr(instance, self.accessor))


class WebhookDeliveryInspectView(InspectView):
    """The delivery with its payload as indented JSON and its times in the admin's zone; "Redeliver" sends it
    again as a new delivery."""

    def get_payload_display_value(self):
        return format_html(
            '<pre class="webhook-payload">{}</pre>', json.dumps(self.object.payload, indent=2, ensure_ascii=False)
        )

    def get_created_at_display_value(self):
        return local_time(self.object.created_at)

    def get_last_attempt_at_display_value(self):
        return local_time(self.object.last_attempt_at)

    def get_delivered_at_display_value(self):
        return local_time(self.object.delivered_at)

    @cached_property
    def header_more_buttons(self):
        buttons = []
        if may_redeliver(self.request.user):
            url = reverse("partners_redeliver_webhook", args=[self.object.pk])
            buttons.append(
                Button(
                    _("Redeliver"),
                    url=url,
                    icon_name="redirect",
                    # Wagtail's action controller sends a POST with the CSRF token (a redelivery changes state).
                    attrs={
                        "data-controller": "w-action",
                        "data-action": "w-action#post",
                        "data-w-action-url-value": url,
                    },
                    priority=10,
                )
            )
        return buttons


class WebhookDeliveryViewSet(SnippetViewSet):
    """The delivery log: what was sent where, how it answered, how many attempts it took."""

    model = WebhookDelivery
    icon = "history"
    menu_label = "Webhook deliveries"
    list_display = [
        "__str__",
        "event",
        "status",
        "status_code",
        "attempts",
        "error",
        LocalTimeColumn("created_at", label=_("Created at")),
    ]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_enabled = True
    inspect_view_class = WebhookDeliveryInspectView
    search_fields = None


class PartnerSitesGroup(SnippetViewSetGroup):
    menu_label = "Partner sites"
    menu_icon = "site"
    menu_order = 800
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)


register_snippet(PartnerSitesGroup)


@hooks.register("register_admin_urls")
def register_preview_url():
    return [
        path("partners/preview/<int:page_id>/", headless_preview, name="partners_headless_preview"),
        path("partners/deliveries/<int:delivery_id>/redeliver/", redeliver_webhook, name="partners_redeliver_webhook"),
    ]


@hooks.register("register_page_header_buttons")
def preview_on_partner_site_button(page, user, view_name, next_url=None):
    if settings.HEADLESS_PREVIEW_CLIENT_URLS and not page.is_root():
        yield Button(
            "Preview on partner site",
            reverse("partners_headless_preview", args=[page.pk]),
            icon_name="view",
            priority=75,
        )
