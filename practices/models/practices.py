"""Good practices: what members did, what came of it, and what others can reuse."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from django_countries.fields import CountryField

from home.api_fields import (
    ChoiceField,
    ChoiceListRepresentationField,
    CountryObjectField,
    ImageField,
    PageLinkListField,
    PageSummaryField,
    PageSummaryListField,
    SkillListField,
    TopicListField,
)
from home.blocks import RICH_TEXT_FEATURES, KeyFiguresBlock, ResourceBlock
from home.fields import ChoiceListField
from home.localization import in_visitor_language
from home.models import ListingIndexMixin, SkillTaggedItem, TaggedPageMixin, TopicTaggedItem

from ..choices import ImplementationLevel, PracticeStage, TargetGroup
from ..forms import GoodPracticeFilterForm


class PracticeIndexPage(ListingIndexMixin, Page):
    """Lists good practices with country, member type, level, stage, skill, topic and year filters."""

    listing_model = "practices.GoodPracticePage"
    filter_form_class = GoodPracticeFilterForm
    # Practices editors pin (the network's real, sourced practices) first, then the newest; a practice without a
    # start year comes after the dated ones, but a pinned one is never buried by that.
    listing_ordering = ("-pinned", F("start_year").desc(nulls_last=True), "title")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("image", serializer=ImageField())]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["practices.GoodPracticePage"]

    class Meta:
        verbose_name = _("practice index page")


class GoodPracticePageSkill(SkillTaggedItem):
    content_object = ParentalKey("practices.GoodPracticePage", on_delete=models.CASCADE, related_name="skill_items")


class GoodPracticePageTopic(TopicTaggedItem):
    content_object = ParentalKey("practices.GoodPracticePage", on_delete=models.CASCADE, related_name="topic_items")


class GoodPracticePage(TaggedPageMixin, Page):
    """A good practice, structured the way Cedefop's practice databases record them."""

    # Saving it in the admin suggests ESCO skills found in its text (search.skill_suggestions).
    suggests_skills = True

    pinned = models.BooleanField(
        _("show first in the good-practice index"),
        default=False,
        help_text=_("For the practices the network wants every visitor to see first, whatever their dates."),
    )
    country = CountryField(db_index=True)
    city = models.CharField(max_length=120, blank=True)
    start_year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    end_year = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Empty while it runs"))
    challenge = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    approach = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    results = RichTextField(_("results and impact"), blank=True, features=RICH_TEXT_FEATURES)
    impact_figures = StreamField(
        [("key_figures", KeyFiguresBlock())], blank=True, max_num=1, help_text=_("Numbers, where there are numbers")
    )
    lessons = RichTextField(_("lessons learnt"), blank=True, features=RICH_TEXT_FEATURES)
    transferability = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    implementation_level = models.CharField(
        max_length=20, choices=ImplementationLevel.choices, default=ImplementationLevel.LOCAL, db_index=True
    )
    stage = models.CharField(
        max_length=20, choices=PracticeStage.choices, default=PracticeStage.RUNNING, db_index=True
    )
    target_groups = ChoiceListField(_("target groups"), item_choices=TargetGroup.choices)
    resources = StreamField(ResourceBlock(), blank=True)
    project = models.ForeignKey(
        "network.ProjectPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="practices"
    )

    skills = ClusterTaggableManager(through=GoodPracticePageSkill, blank=True, verbose_name=_("skills"))
    topics = ClusterTaggableManager(through=GoodPracticePageTopic, blank=True, verbose_name=_("topics"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                InlinePanel("owners", label=_("Member organisations"), min_num=1),
                FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")], heading=_("Period")),
                FieldRowPanel([FieldPanel("implementation_level"), FieldPanel("stage")]),
                FieldPanel("target_groups"),
                FieldPanel("project"),
                FieldPanel("pinned"),
            ],
            heading=_("The practice"),
        ),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        MultiFieldPanel([FieldPanel("results"), FieldPanel("impact_figures")], heading=_("Results and impact")),
        FieldPanel("lessons"),
        FieldPanel("transferability"),
        FieldPanel("resources"),
        MultiFieldPanel([FieldPanel("skills"), FieldPanel("topics")], heading=_("Skills and topics")),
    ]
    search_fields = (
        Page.search_fields
        + TaggedPageMixin.summary_search_fields
        + [
            index.SearchField("city", boost=2),
            index.SearchField("challenge"),
            index.SearchField("approach"),
            index.SearchField("results"),
            index.SearchField("lessons"),
            index.SearchField("transferability"),
            index.RelatedFields("owners", [index.RelatedFields("member", [index.SearchField("title")])]),
            index.FilterField("country"),
            index.FilterField("start_year"),
            index.FilterField("implementation_level"),
            index.FilterField("stage"),
            index.FilterField("pinned"),
        ]
    )

    @cached_property
    def similar(self):
        """The practices nearest this one in meaning (search.semantic, from the same vectors as search)."""
        from search.semantic import similar_pages  # search builds on the page models: imported when used

        return similar_pages(self)

    api_fields = [
        APIField("image", serializer=ImageField()),
        APIField("summary"),
        APIField("pinned"),
        APIField("members", serializer=PageLinkListField("member", source="owners")),
        APIField("country", serializer=CountryObjectField()),
        APIField("city"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("implementation_level", serializer=ChoiceField()),
        APIField("stage", serializer=ChoiceField()),
        APIField("target_groups", serializer=ChoiceListRepresentationField()),
        APIField("challenge"),
        APIField("approach"),
        APIField("results"),
        APIField("impact_figures"),
        APIField("lessons"),
        APIField("transferability"),
        APIField("resources"),
        APIField("project", serializer=PageSummaryField()),
        APIField("skills", serializer=SkillListField()),
        APIField("topics", serializer=TopicListField()),
        APIField("similar", serializer=PageSummaryListField(detail_only=True)),
    ]
    parent_page_types = ["practices.PracticeIndexPage"]
    # What this page type is to the API, search, listings and feeds (home/page_types.py).
    api_listing_fields = ["summary", "country", "city", "start_year", "stage", "skills", "topics"]
    select_related_fields = ("project",)
    prefetch_related_fields = ("skills", "topics", "owners__member")
    open_data_fields = (
        "country",
        "city",
        "start_year",
        "end_year",
        "implementation_level",
        "stage",
        "target_groups",
        "owners",
    )
    date_field = "start_year"
    filter_lookups = {
        **TaggedPageMixin.filter_lookups,
        "country": ("country",),
        "member_type": ("owners__member__member_type",),
        "member": ("owners__member",),
        "year": ("start_year", "end_year"),
    }
    search_type = "good_practice"
    search_type_label = _("Good practices")
    subpage_types = []

    class Meta:
        verbose_name = _("good practice")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    @property
    def period(self):
        if self.start_year and self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        if self.start_year and self.stage in (PracticeStage.RUNNING, PracticeStage.PLANNED):
            return _("since %(year)s") % {"year": self.start_year}
        return str(self.start_year or "")

    def get_structured_data(self, request=None):
        """schema.org Article (JSON-LD) naming the member organisations behind the practice."""
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "keywords": [skill.name for skill in self.skills.all()] + [topic.name for topic in self.topics.all()],
            "contentLocation": {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": self.city,
                    "addressCountry": self.country.code,
                },
            },
        }
        if self.first_published_at:
            data["datePublished"] = self.first_published_at.isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        authors = [member for member in self.owner_members() if member.live]
        if authors:
            data["author"] = [
                {"@type": "Organization", "name": member.display_name, "url": member.get_full_url(request)}
                for member in authors
            ]
        return data

    def target_group_labels(self):
        return self._meta.get_field("target_groups").labels(self.target_groups)

    def owner_members(self):
        return [link.member for link in self.owners.all()]

    # Open data (home/open_data.py): linked members read from the listing's prefetch, live ones only.
    def open_data_owners(self):
        return [link.member for link in self.owners.all() if link.member.live]

    def owner_members_to_show(self):
        """The live member organisations behind the practice, in the visitor's language, for the page (a draft
        member is never linked)."""
        return in_visitor_language([link.member for link in self.owners.select_related("member")])


class GoodPracticeOwner(Orderable):
    """A member organisation behind a good practice."""

    practice = ParentalKey(GoodPracticePage, on_delete=models.CASCADE, related_name="owners")
    member = models.ForeignKey("network.MemberPage", on_delete=models.CASCADE, related_name="practice_links")

    panels = [FieldPanel("member")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["practice", "member"], name="unique_practice_owner")]
