"""The admin's "Suggested skills" view of one page: accept (into a new draft) or ignore each suggestion."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.admin import messages
from wagtail.models import Page

from . import skill_suggestions
from .models import SkillSuggestion


@require_http_methods(["GET", "POST"])
def page_skill_suggestions(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        number = request.POST.get("suggestion", "")
        suggestion = get_object_or_404(
            SkillSuggestion,
            pk=int(number) if number.isdigit() else 0,
            page=page,
            status=SkillSuggestion.Status.PENDING,
        )
        action = request.POST.get("action")
        if action == "accept":
            skill_suggestions.accept(suggestion, request.user)
            messages.success(
                request,
                _("“%(skill)s” was added to a new draft of this page: publish it to show the skill.")
                % {"skill": suggestion.skill},
            )
        elif action == "ignore":
            skill_suggestions.ignore(suggestion, request.user)
            messages.success(request, _("“%(skill)s” will not be suggested again.") % {"skill": suggestion.skill})
        else:
            return TemplateResponse(request, "search/skill_suggestions.html", context(page), status=400)
        return redirect("search_skill_suggestions", page_id=page.pk)
    return TemplateResponse(request, "search/skill_suggestions.html", context(page))


def context(page):
    suggestions = SkillSuggestion.objects.filter(page=page).select_related("skill", "decided_by")
    return {
        "page": page,
        "pending": [item for item in suggestions if item.status == SkillSuggestion.Status.PENDING],
        "decided": [item for item in suggestions if item.status != SkillSuggestion.Status.PENDING],
        "header_title": _("Suggested skills"),
    }
