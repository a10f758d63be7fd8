"""Admin for the vocabularies: skills and topics are snippets with their labels per language inline."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SkillTag, TopicTag


class SkillTagViewSet(SnippetViewSet):
    model = SkillTag
    icon = "tag"
    menu_label = _("Skills")
    list_display = ["name", "slug", "category"]
    list_filter = ["category"]

    def get_queryset(self, request):
        return SkillTag.objects.prefetch_related("labels")


class TopicTagViewSet(SnippetViewSet):
    model = TopicTag
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]

    def get_queryset(self, request):
        return TopicTag.objects.prefetch_related("labels")


class VocabularyGroup(SnippetViewSetGroup):
    items = (SkillTagViewSet, TopicTagViewSet)
    menu_icon = "tag"
    menu_label = _("Vocabularies")
    menu_name = "vocabularies"


register_snippet(VocabularyGroup)
