"""Initiatives members join or pledge to."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.api_fields import ImageField, ObjectListField, PageLinkListField, SkillListField, TopicListField, ValueField
from home.blocks import BodyBlock
from home.localization import in_visitor_language, links_in_visitor_language
from home.models import ListingIndexMixin, SkillTaggedItem, TaggedPageMixin, TopicTaggedItem

from ..forms import CampaignFilterForm


class CampaignIndexPage(ListingIndexMixin, Page):
    """Lists the network's campaigns and initiatives."""

    listing_model = "network.CampaignPage"
    filter_form_class = CampaignFilterForm
    listing_ordering = ("-start_date", "title")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("image", serializer=ImageField())]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.CampaignPage"]

    class Meta:
        verbose_name = _("campaign index page")


class CampaignPageSkill(SkillTaggedItem):
    content_object = ParentalKey("network.CampaignPage", on_delete=models.CASCADE, related_name="skill_items")


class CampaignPageTopic(TopicTaggedItem):
    content_object = ParentalKey("network.CampaignPage", on_delete=models.CASCADE, related_name="topic_items")


class CampaignPage(TaggedPageMixin, Page):
    """An initiative such as "Inclusive Cities for All": an aim, a period, a call to action, supporters."""

    aim = models.TextField(blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    call_to_action = models.CharField(max_length=250, blank=True, help_text=_('e.g. "Join the initiative"'))
    call_to_action_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    call_to_action_url = models.URLField(blank=True)
    body = StreamField(BodyBlock(), blank=True)

    skills = ClusterTaggableManager(through=CampaignPageSkill, blank=True, verbose_name=_("skills"))
    topics = ClusterTaggableManager(through=CampaignPageTopic, blank=True, verbose_name=_("topics"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("aim"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Period")),
        MultiFieldPanel(
            [FieldPanel("call_to_action"), PageChooserPanel("call_to_action_page"), FieldPanel("call_to_action_url")],
            heading=_("Call to action"),
        ),
        InlinePanel("supporter_links", label=_("Supporters")),
        InlinePanel("progress_figures", label=_("Progress figures")),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("skills"), FieldPanel("topics")], heading=_("Skills and topics")),
    ]
    search_fields = (
        Page.search_fields
        + TaggedPageMixin.summary_search_fields
        + [
            index.SearchField("aim", boost=2),
            index.SearchField("body"),
            index.FilterField("start_date"),
        ]
    )
    api_fields = [
        APIField("image", serializer=ImageField()),
        APIField("summary"),
        APIField("aim"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("call_to_action"),
        APIField(
            "call_to_action_link",
            serializer=ValueField({"type": ["string", "null"]}),
        ),
        APIField(
            "supporters", serializer=PageLinkListField("member", extra={"since": "since"}, source="supporter_links")
        ),
        APIField(
            "progress_figures",
            serializer=ObjectListField(
                ["value", "target", "label", "percent"],
                {
                    "value": {"type": "integer"},
                    "target": {"type": ["integer", "null"]},
                    "label": {"type": "string"},
                    "percent": {"type": ["integer", "null"]},
                },
            ),
        ),
        APIField("body"),
        APIField("skills", serializer=SkillListField()),
        APIField("topics", serializer=TopicListField()),
    ]
    parent_page_types = ["network.CampaignIndexPage"]
    # What this page type is to the API, search, listings and feeds (home/page_types.py).
    api_listing_fields = ["summary", "start_date", "end_date", "skills", "topics"]
    select_related_fields = ("call_to_action_page",)
    prefetch_related_fields = ("skills", "topics", "supporter_links__member", "progress_figures")
    # Supporters are member organisations; visitors who support a campaign are only counted, never named.
    open_data_fields = ("aim", "start_date", "end_date", "supporters")
    date_field = "start_date"
    filter_lookups = {
        **TaggedPageMixin.filter_lookups,
        "country": ("supporter_links__member__country",),
        "member_type": ("supporter_links__member__member_type",),
        "member": ("supporter_links__member",),
        "year": ("start_date", "end_date"),
    }
    search_type = "campaign"
    search_type_label = _("Campaigns")
    subpage_types = []

    class Meta:
        verbose_name = _("campaign")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @cached_property
    def call_to_action_link(self):
        """Where "Join the initiative" goes: the chosen page (in the visitor's language, only while it is live),
        else the external address (the organisation running the initiative, say)."""
        if self.call_to_action_page_id:
            page = next(iter(in_visitor_language([self.call_to_action_page.specific])), None)
            if page is not None:
                return page.url
        return self.call_to_action_url or None

    # Open data (home/open_data.py): linked members read from the listing's prefetch, live ones only.
    def open_data_supporters(self):
        return [link.member for link in self.supporter_links.all() if link.member.live]

    def supporters_to_show(self):
        """Supporter links whose member is live, the member in the visitor's language (drafts never linked)."""
        return links_in_visitor_language(self.supporter_links.select_related("member"), "member")


class CampaignSupporter(Orderable):
    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="supporter_links")
    member = models.ForeignKey("network.MemberPage", on_delete=models.CASCADE, related_name="campaign_links")
    since = models.DateField(null=True, blank=True)

    panels = [FieldPanel("member"), FieldPanel("since")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["campaign", "member"], name="unique_campaign_supporter")]


class CampaignProgressFigure(Orderable):
    """How far the campaign has come: "42 cities signed", with an optional target."""

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="progress_figures")
    value = models.PositiveIntegerField()
    target = models.PositiveIntegerField(null=True, blank=True)
    label = models.CharField(max_length=200)

    panels = [FieldRowPanel([FieldPanel("value"), FieldPanel("target")]), FieldPanel("label")]

    @property
    def percent(self):
        if not self.target:
            return None
        return min(100, round(100 * self.value / self.target))
