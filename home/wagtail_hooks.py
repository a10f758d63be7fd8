"""Admin for the vocabularies: skills and topics are snippets with their labels per language inline."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.forms.tags import TagField
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SkillTag, TopicTag
from .skill_picker import SkillTagWidget, skill_autocomplete


class SkillTagViewSet(SnippetViewSet):
    model = SkillTag
    icon = "tag"
    menu_label = _("Skills")
    list_display = ["name", "slug", "category", "source", "skill_type"]
    list_filter = ["category", "source", "skill_type"]

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


def page_tag_field(db_field):
    """Wagtail's own tag field for every tag manager, with the any-language skill picker for skills."""
    override = {"form_class": TagField, "tag_model": db_field.related_model}
    if issubclass(db_field.related_model, SkillTag):
        override["widget"] = SkillTagWidget
    return override


register_form_field_override(ClusterTaggableManager, override=page_tag_field)


@hooks.register("register_admin_urls")
def register_skill_autocomplete_url():
    return [path("skills/autocomplete/", skill_autocomplete, name="home_skill_autocomplete")]
