"""Editors see which engine answers searches and how fresh the index is (a panel on the admin dashboard)."""

from django.db.models import Count, Max
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .models import SearchDocument
from .service import engine_name, index_status


class SearchStatusPanel(Component):
    name = "search_status"
    order = 400

    def render_html(self, parent_context=None):
        stats = SearchDocument.objects.aggregate(pages=Count("pk"), last=Max("indexed_at"))
        status = index_status()
        return format_html(
            '<section class="panel summary nice-padding"><h2>{}</h2><p>{}: <strong>{}</strong> {}</p>'
            "<p>{}: {} · {}: {}</p></section>",
            _("Search"),
            _("Engine"),
            engine_name(),
            status,
            _("Pages in the search index"),
            stats["pages"],
            _("last indexed"),
            stats["last"].strftime("%Y-%m-%d %H:%M") if stats["last"] else _("never — run manage.py update_index"),
        )


@hooks.register("construct_homepage_panels")
def add_search_status_panel(request, panels):
    panels.append(SearchStatusPanel())
