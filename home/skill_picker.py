"""Editors pick skills by typing a label in any language.

Wagtail's tag field asks `tag-autocomplete/<app>/<model>/`, which matches the start of `name` only: an editor
typing "pompe à chaleur" or "heat pump installation" would find nothing in an ESCO vocabulary of 14,000 skills
named in English. `SkillTagWidget` points the same field at `skill_autocomplete`, which matches names,
alternative labels and the labels and alternative labels of every language, and answers with the skills'
names: the values the tag field stores (free tagging is off, so only those names are accepted).
"""

from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse

from wagtail.admin.widgets import AdminTagWidget

from .models import SkillTag

LIMIT = 10
CANDIDATES = 50
MIN_LENGTH = 2


class SkillTagWidget(AdminTagWidget):
    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-w-tag-url-value"] = reverse("home_skill_autocomplete")
        return context


def matching_skill_names(term, limit=LIMIT):
    """Names of the skills any of whose labels contains `term`, names that start with it first."""
    term = " ".join(term.split())
    if len(term) < MIN_LENGTH:
        return []
    anywhere = (
        Q(name__icontains=term)
        | Q(alternative_labels__icontains=term)
        | Q(labels__name__icontains=term)
        | Q(labels__alternative_labels__icontains=term)
    )
    names = list(SkillTag.objects.filter(anywhere).values_list("name", flat=True).distinct()[:CANDIDATES])
    lowered = term.lower()
    names.sort(key=lambda name: (not name.lower().startswith(lowered), lowered not in name.lower(), len(name), name))
    return names[:limit]


def skill_autocomplete(request):
    return JsonResponse(matching_skill_names(request.GET.get("term", "")), safe=False)
