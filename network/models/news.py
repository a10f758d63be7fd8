"""News, highlights, videos and publications."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.api_fields import (
    ChoiceField,
    ImageField,
    PageLinkListField,
    PageSummaryField,
    SkillListField,
    TopicListField,
)
from home.blocks import BodyBlock
from home.localization import in_visitor_language
from home.models import ListingIndexMixin, SkillTaggedItem, TaggedPageMixin, TopicTaggedItem

from ..choices import NewsKind
from ..forms import NewsFilterForm


class NewsIndexPage(ListingIndexMixin, Page):
    """Lists news, newest first, with kind, country, skill, topic and year filters."""

    listing_model = "network.NewsPage"
    filter_form_class = NewsFilterForm
    listing_ordering = ("-publication_date", "-pk")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("image", serializer=ImageField())]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.NewsPage"]

    class Meta:
        verbose_name = _("news index page")


class NewsPageSkill(SkillTaggedItem):
    content_object = ParentalKey("network.NewsPage", on_delete=models.CASCADE, related_name="skill_items")


class NewsPageTopic(TopicTaggedItem):
    content_object = ParentalKey("network.NewsPage", on_delete=models.CASCADE, related_name="topic_items")


class NewsPage(TaggedPageMixin, Page):
    """A news item, highlight, video or publication, with related members and events."""

    publication_date = models.DateField(default=datetime.date.today, db_index=True)
    kind = models.CharField(max_length=20, choices=NewsKind.choices, default=NewsKind.NEWS, db_index=True)
    body = StreamField(BodyBlock(), blank=True)
    project = models.ForeignKey(
        "network.ProjectPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="news"
    )

    skills = ClusterTaggableManager(through=NewsPageSkill, blank=True, verbose_name=_("skills"))
    topics = ClusterTaggableManager(through=NewsPageTopic, blank=True, verbose_name=_("topics"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("publication_date"), FieldPanel("kind"), FieldPanel("summary")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("member_links", label=_("Related members")),
                InlinePanel("event_links", label=_("Related events")),
                FieldPanel("project"),
            ],
            heading=_("Related"),
        ),
        MultiFieldPanel([FieldPanel("skills"), FieldPanel("topics")], heading=_("Skills and topics")),
    ]
    search_fields = (
        Page.search_fields
        + TaggedPageMixin.summary_search_fields
        + [
            index.SearchField("body"),
            index.FilterField("kind"),
            index.FilterField("publication_date"),
        ]
    )
    api_fields = [
        APIField("image", serializer=ImageField()),
        APIField("summary"),
        APIField("publication_date"),
        APIField("kind", serializer=ChoiceField()),
        APIField("body"),
        APIField("project", serializer=PageSummaryField()),
        APIField("related_members", serializer=PageLinkListField("member", source="member_links")),
        APIField("related_events", serializer=PageLinkListField("event", source="event_links")),
        APIField("skills", serializer=SkillListField()),
        APIField("topics", serializer=TopicListField()),
    ]
    parent_page_types = ["network.NewsIndexPage"]
    # What this page type is to the API, search, listings and feeds (home/page_types.py).
    api_listing_fields = ["summary", "publication_date", "kind", "skills", "topics"]
    select_related_fields = ("project",)
    prefetch_related_fields = ("skills", "topics", "member_links__member", "event_links__event")
    open_data_fields = ("publication_date", "kind")
    date_field = "publication_date"
    filter_lookups = {
        **TaggedPageMixin.filter_lookups,
        "country": ("member_links__member__country",),
        "member_type": ("member_links__member__member_type",),
        "member": ("member_links__member",),
        "year": ("publication_date",),
    }
    search_type = "news"
    search_type_label = _("News")
    subpage_types = []

    class Meta:
        verbose_name = _("news item")

    def related_members(self):
        """The live members named, in the visitor's language (drafts are never linked)."""
        return in_visitor_language([link.member for link in self.member_links.select_related("member")])

    def related_events(self):
        return in_visitor_language([link.event for link in self.event_links.select_related("event")])


class NewsMember(Orderable):
    news = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="member_links")
    member = models.ForeignKey("network.MemberPage", on_delete=models.CASCADE, related_name="news_links")

    panels = [FieldPanel("member")]


class NewsEvent(Orderable):
    news = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="event_links")
    event = models.ForeignKey("network.EventPage", on_delete=models.CASCADE, related_name="news_links")

    panels = [FieldPanel("event")]
