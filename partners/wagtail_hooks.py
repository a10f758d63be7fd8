"""Admin: webhook endpoints and the delivery log (Partner sites menu), and the headless preview button."""

from django.conf import settings
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import WebhookDelivery, WebhookEndpoint
from .views import headless_preview


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


class WebhookDeliveryViewSet(SnippetViewSet):
    """The delivery log: what was sent where, how it answered, how many attempts it took."""

    model = WebhookDelivery
    icon = "history"
    menu_label = "Webhook deliveries"
    list_display = ["__str__", "event", "status", "status_code", "attempts", "error", "created_at"]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_enabled = True
    search_fields = None


class PartnerSitesGroup(SnippetViewSetGroup):
    menu_label = "Partner sites"
    menu_icon = "site"
    menu_order = 800
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)


register_snippet(PartnerSitesGroup)


@hooks.register("register_admin_urls")
def register_preview_url():
    return [path("partners/preview/<int:page_id>/", headless_preview, name="partners_headless_preview")]


@hooks.register("register_page_header_buttons")
def preview_on_partner_site_button(page, user, view_name, next_url=None):
    if settings.HEADLESS_PREVIEW_CLIENT_URLS and not page.is_root():
        yield Button(
            "Preview on partner site",
            reverse("partners_headless_preview", args=[page.pk]),
            icon_name="view",
            priority=75,
        )
