"""Editors see which engine answers searches and how fresh the index is (a panel on the admin dashboard)."""

from django.db.models import Count, Max
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from . import skill_suggestions
from .models import SearchDocument, SkillSuggestion
from .service import engine_name, index_status
from .skill_suggestion_views import page_skill_suggestions


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


@hooks.register("register_admin_urls")
def register_skill_suggestion_urls():
    return [
        path("pages/<int:page_id>/suggested-skills/", page_skill_suggestions, name="search_skill_suggestions"),
    ]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def suggest_skills_after_save(request, page):
    """Look for ESCO skills in what the editor just saved, and say so when there are some (never applied)."""
    if not skill_suggestions.suggests_skills(page):
        return
    pending = skill_suggestions.suggest_skills(page)
    if pending:
        url = reverse("search_skill_suggestions", args=[page.pk])
        message = ngettext(
            "%(count)d ESCO skill is suggested for this page.",
            "%(count)d ESCO skills are suggested for this page.",
            len(pending),
        ) % {"count": len(pending)}
        messages.info(request, message, buttons=[messages.button(url, _("Review suggested skills"))])


@hooks.register("register_page_header_buttons")
def suggested_skills_button(page, user, view_name, next_url=None):
    if skill_suggestions.suggests_skills(page):
        count = SkillSuggestion.objects.filter(page=page, status=SkillSuggestion.Status.PENDING).count()
        yield Button(
            _("Suggested skills (%(count)d)") % {"count": count},
            reverse("search_skill_suggestions", args=[page.pk]),
            icon_name="tag",
            priority=68,
        )
