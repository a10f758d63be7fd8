"""The home page and the general-purpose standard page."""

from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..api_fields import ImageField, PageLinkListField, ValueField
from ..blocks import BodyBlock
from ..freshness import content_changed_at
from ..localization import in_visitor_language, one_per_translation
from .mixins import PageImageMixin, PublicAddressMixin, SearchLanguageMixin
from .vocabulary import label_lookups


class HomePage(PublicAddressMixin, Page):
    """The network's front page: featured practices, upcoming events, latest news, figures."""

    hero_title = models.CharField(max_length=200, blank=True)
    intro = models.TextField(blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("intro"), FieldPanel("hero_image")], heading="Hero"),
        InlinePanel("featured_practices", label=_("Featured good practices"), max_num=6),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [
        APIField("hero_title"),
        APIField("intro"),
        APIField("hero_image", serializer=ImageField()),
        APIField("body"),
        APIField("featured_practices", serializer=PageLinkListField("practice")),
        APIField(
            "network_figures",
            serializer=ValueField({"type": "object", "additionalProperties": {"type": "integer"}}),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    select_related_fields = ("hero_image",)
    prefetch_related_fields = ("featured_practices__practice",)

    class Meta:
        verbose_name = _("home page")

    def page_image(self):
        """The hero stands for the home page (in link previews too)."""
        return self.hero_image

    def _live_in_visitor_language(self, model_label):
        """Live pages of a type, one per translation group, in the visitor's language or else the default."""
        model = apps.get_model(model_label)
        return one_per_translation(model.objects.live().public())

    def upcoming_events(self, limit=3):
        return (
            self._live_in_visitor_language("network.EventPage")
            .filter(end__gte=timezone.now())
            .order_by("start")
            .select_related("organiser", "image")
            .prefetch_related("image__renditions")[:limit]
        )

    def latest_news(self, limit=3):
        return (
            self._live_in_visitor_language("network.NewsPage")
            .order_by("-publication_date", "-pk")
            .select_related("image")
            .prefetch_related("image__renditions")[:limit]
        )

    def featured(self):
        """The featured practices in the visitor's language (their English version where untranslated).

        A fixed number of queries however many are featured: the chosen practices in one query, their
        versions in the visitor's language in another, then their pictures, renditions and skills prefetched.
        """
        practice_model = apps.get_model("practices.GoodPracticePage")
        chosen_ids = [item.practice_id for item in self.featured_practices.all()]
        by_id = practice_model.objects.in_bulk(chosen_ids)
        shown = in_visitor_language([by_id[pk] for pk in chosen_ids if pk in by_id])
        prefetch_related_objects(shown, "image__renditions", "skills", *label_lookups("skills"))
        return shown

    @property
    def network_figures(self):
        """Counts shown on the front page, computed from live content, each page counted once (not once per
        translation). "cities" counts the members that are cities (MemberPage.city_member_types), not the
        distinct city names members give: a VET school in Ghent does not make Ghent a member.

        Nine queries (five counts, each with Wagtail's view-restriction lookup), so they are kept per language
        and content version (`api.freshness`: every publish, unpublish, delete, move or live save moves it).
        """
        key = f"guild:network-figures:{translation.get_language()}:{content_changed_at().timestamp()}"
        figures = cache.get(key)
        if figures is None:
            figures = self.count_network_figures()
            cache.set(key, figures, 300)
        return figures

    def count_network_figures(self):
        member_model = apps.get_model("network.MemberPage")
        members = self._live_in_visitor_language("network.MemberPage")
        return {
            "members": members.count(),
            "countries": members.exclude(country="").order_by().values("country").distinct().count(),
            "cities": members.filter(member_type__in=member_model.city_member_types).count(),
            "good_practices": self._live_in_visitor_language("practices.GoodPracticePage").count(),
            "qualifications": self._live_in_visitor_language("practices.JointQualificationPage").count(),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The three lists are read by the template only when its fragment cache misses (once a minute per
        # language and content version), so they stay lazy: a cached front page spends no query on them.
        context["featured"] = SimpleLazyObject(self.featured)
        context["upcoming_events"] = self.upcoming_events()
        context["latest_news"] = self.latest_news()
        context["figures"] = self.network_figures
        context["content_version"] = content_changed_at().timestamp()
        return context


class HomePageFeaturedPractice(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_practices")
    practice = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("practice", page_type="practices.GoodPracticePage")]
    api_fields = [APIField("practice")]


class StandardPage(PublicAddressMixin, PageImageMixin, SearchLanguageMixin, Page):
    """A general page: about, join, working group, privacy notice."""

    intro = models.TextField(blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = (
        Page.search_fields
        + [index.SearchField("intro", boost=2), index.SearchField("body")]
        + SearchLanguageMixin.language_search_fields
    )
    api_fields = [APIField("intro"), APIField("body"), APIField("image", serializer=ImageField())]

    parent_page_types = ["home.HomePage", "home.StandardPage", "network.ProjectPage"]
    subpage_types = ["home.StandardPage"]
    search_type = "page"
    search_type_label = _("Pages")
    # Found by their words only, never by meaning: pages about the network itself (about, join, a working group)
    # read like every query about VET, so the semantic side ranked them above the practices a visitor wanted
    # (the judged set's sentence-like queries: nDCG@10 0.68 with them, 0.72 without; search.semantic).
    search_by_meaning = False

    class Meta:
        verbose_name = _("standard page")

    @property
    def funding_project(self):
        """A page under a project (e.g. a work package page) carries that project's funding disclaimer."""
        parent = self.get_parent()
        return getattr(parent.specific, "funding_project", None) if parent is not None else None
