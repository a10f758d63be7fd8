"""Admin for the vocabularies: skills and topics are snippets with their labels per language inline."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.forms.tags import TagField
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import two_factor_views
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


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    """/admin/2fa/...: the code step after the password and each account's own two-factor settings."""
    return [
        path("2fa/", two_factor_views.TwoFactorView.as_view(), name="home_2fa"),
        path("2fa/setup/", two_factor_views.SetupView.as_view(), name="home_2fa_setup"),
        path("2fa/verify/", two_factor_views.VerifyView.as_view(), name="home_2fa_verify"),
        path("2fa/recovery-codes/", two_factor_views.RecoveryCodesView.as_view(), name="home_2fa_recovery_codes"),
        path("2fa/disable/", two_factor_views.DisableView.as_view(), name="home_2fa_disable"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    """On /admin/account/, under "More actions"."""
    return {
        "url": reverse("home_2fa"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Ask for a code from an authenticator app after your password."),
    }
