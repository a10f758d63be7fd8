"""Funded projects the network's members run together."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.api_fields import (
    ChoiceField,
    ImageField,
    ObjectListField,
    PageLinkListField,
    PageSummaryField,
    SkillListField,
    TopicListField,
)
from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.localization import in_visitor_language, links_in_visitor_language, one_per_translation
from home.models import ListingIndexMixin, SkillTaggedItem, TaggedPageMixin, TopicTaggedItem

from ..choices import PartnerRole, Programme
from ..forms import ProjectFilterForm


class ProjectIndexPage(ListingIndexMixin, Page):
    """Lists projects, newest first, filterable by partner country, programme, skill, topic, start year."""

    listing_model = "network.ProjectPage"
    filter_form_class = ProjectFilterForm
    listing_ordering = ("-start_date", "title")
    listing_select_related = ("coordinator",)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("image", serializer=ImageField())]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.ProjectPage"]

    class Meta:
        verbose_name = _("project index page")


class ProjectPageSkill(SkillTaggedItem):
    content_object = ParentalKey("network.ProjectPage", on_delete=models.CASCADE, related_name="skill_items")


class ProjectPageTopic(TopicTaggedItem):
    content_object = ParentalKey("network.ProjectPage", on_delete=models.CASCADE, related_name="topic_items")


class ProjectPage(TaggedPageMixin, Page):
    """A funded project as the Erasmus+ Project Results Platform records it."""

    project_code = models.CharField(max_length=60, blank=True, db_index=True, help_text=_("e.g. 101132823"))
    acronym = models.CharField(max_length=60, blank=True)
    programme = models.CharField(max_length=30, choices=Programme.choices, default=Programme.ERASMUS_PLUS)
    key_action = models.CharField(
        max_length=200, blank=True, help_text=_("e.g. Partnerships for cooperation and exchanges of practices")
    )
    action_type = models.CharField(max_length=200, blank=True, help_text=_("e.g. Forward-Looking Projects"))
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    eu_grant = models.DecimalField(_("EU grant (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True)
    coordinator = models.ForeignKey(
        "network.MemberPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="coordinated_projects"
    )
    website = models.URLField(blank=True)
    objectives = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    results = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), blank=True)
    eu_funded = models.BooleanField(
        _("EU funded"), default=True, help_text=_("Shows the EU funding disclaimer on this project's pages.")
    )
    funding_disclaimer = models.TextField(
        blank=True, help_text=_("Leave empty to use the standard disclaimer from the site settings.")
    )

    skills = ClusterTaggableManager(through=ProjectPageSkill, blank=True, verbose_name=_("skills"))
    topics = ClusterTaggableManager(through=ProjectPageTopic, blank=True, verbose_name=_("topics"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("project_code"), FieldPanel("acronym")]),
                FieldPanel("programme"),
                FieldPanel("key_action"),
                FieldPanel("action_type"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("eu_grant"),
                FieldPanel("website"),
            ],
            heading=_("Project record"),
        ),
        MultiFieldPanel(
            [FieldPanel("coordinator"), InlinePanel("partner_links", label=_("Partners"))],
            heading=_("Consortium"),
        ),
        FieldPanel("objectives"),
        InlinePanel("reach_targets", label=_("Reach targets")),
        FieldPanel("results"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("eu_funded"), FieldPanel("funding_disclaimer")], heading=_("Funding")),
        MultiFieldPanel([FieldPanel("skills"), FieldPanel("topics")], heading=_("Skills and topics")),
    ]

    search_fields = (
        Page.search_fields
        + TaggedPageMixin.summary_search_fields
        + [
            index.SearchField("project_code", boost=3),
            index.SearchField("acronym", boost=3),
            index.SearchField("objectives"),
            index.SearchField("results"),
            index.SearchField("body"),
            index.FilterField("programme"),
            index.FilterField("start_date"),
            index.FilterField("end_date"),
        ]
    )

    api_fields = [
        APIField("image", serializer=ImageField()),
        APIField("summary"),
        APIField("project_code"),
        APIField("acronym"),
        APIField("programme", serializer=ChoiceField()),
        APIField("key_action"),
        APIField("action_type"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("eu_grant"),
        APIField("coordinator", serializer=PageSummaryField()),
        APIField("partners", serializer=PageLinkListField("member", extra={"role": "role"}, source="partner_links")),
        APIField("website"),
        APIField("objectives"),
        APIField(
            "reach_targets",
            serializer=ObjectListField(
                ["number", "at_least", "label"],
                {"number": {"type": "integer"}, "at_least": {"type": "boolean"}, "label": {"type": "string"}},
            ),
        ),
        APIField("results"),
        APIField("body"),
        APIField("eu_funded"),
        APIField("funding_disclaimer"),
        APIField("skills", serializer=SkillListField()),
        APIField("topics", serializer=TopicListField()),
    ]

    parent_page_types = ["network.ProjectIndexPage"]
    # What this page type is to the API, search, listings and feeds (home/page_types.py).
    api_listing_fields = ["summary", "acronym", "start_date", "end_date", "skills", "topics"]
    select_related_fields = ("coordinator",)
    prefetch_related_fields = ("skills", "topics", "partner_links__member", "reach_targets")
    open_data_fields = (
        "project_code",
        "acronym",
        "programme",
        "key_action",
        "action_type",
        "start_date",
        "end_date",
        "eu_grant",
        "coordinator",
        "partners",
        "website",
    )
    date_field = "start_date"
    filter_lookups = {
        **TaggedPageMixin.filter_lookups,
        "country": ("coordinator__country", "partner_links__member__country"),
        "member_type": ("coordinator__member_type", "partner_links__member__member_type"),
        "member": ("coordinator", "partner_links__member"),
        "year": ("start_date", "end_date"),
    }
    search_type = "project"
    search_type_label = _("Projects")
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("project")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @property
    def duration_months(self):
        if not (self.start_date and self.end_date):
            return None
        months = (self.end_date.year - self.start_date.year) * 12 + self.end_date.month - self.start_date.month
        return months + (1 if self.end_date.day >= self.start_date.day - 1 else 0)

    @property
    def funding_project(self):
        return self if self.eu_funded else None

    def get_funding_disclaimer(self, site_settings=None):
        if self.funding_disclaimer:
            return self.funding_disclaimer
        return getattr(site_settings, "funding_disclaimer", "")

    def partners(self):
        """The consortium's live members, in the visitor's language (drafts are never linked)."""
        return links_in_visitor_language(self.partner_links.select_related("member"), "member")

    # Open data (home/open_data.py): linked members read from the listing's prefetch, live ones only.
    def open_data_coordinator(self):
        return self.coordinator if self.coordinator_id and self.coordinator.live else None

    def open_data_partners(self):
        return [link.member for link in self.partner_links.all() if link.member.live]

    def live_coordinator(self):
        """The coordinator in the visitor's language, or None while its page is not live."""
        if self.coordinator_id is None:
            return None
        return next(iter(in_visitor_language([self.coordinator])), None)

    def related_content(self):
        """Live pages that belong to this project (any language version of it), for the project page (reverse
        of their `project` field), in the visitor's language, one per translation group."""
        project = {"project__translation_key": self.translation_key}

        def belonging(model_label):
            return one_per_translation(apps.get_model(model_label).objects.live().public().filter(**project))

        return {
            "events": belonging("network.EventPage").order_by("-start"),
            "practices": belonging("practices.GoodPracticePage").order_by("title"),
            "qualifications": belonging("practices.JointQualificationPage").order_by("title"),
            "news": belonging("network.NewsPage").order_by("-publication_date"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.related_content())
        return context


class ProjectPartner(Orderable):
    """A member's place in a project consortium."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partner_links")
    member = models.ForeignKey("network.MemberPage", on_delete=models.CASCADE, related_name="project_links")
    role = models.CharField(max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER)

    panels = [FieldPanel("member"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("project partner")
        constraints = [models.UniqueConstraint(fields=["project", "member"], name="unique_project_partner")]


class ReachTarget(Orderable):
    """A number the project promises to reach and what it counts ("300+ students")."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="reach_targets")
    number = models.PositiveIntegerField()
    at_least = models.BooleanField(default=True, help_text=_('Shown as "300+" when ticked'))
    label = models.CharField(max_length=200, help_text=_('What it counts, e.g. "students"'))

    panels = [FieldRowPanel([FieldPanel("number"), FieldPanel("at_least")]), FieldPanel("label")]

    def __str__(self):
        return f"{self.number}{'+' if self.at_least else ''} {self.label}"
