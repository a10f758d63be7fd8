"""Initiatives members join or pledge to, and who supports them.

Supporters come three ways: editors list member organisations on the page (`CampaignSupporter`, inline children
going through review), a signed-in member account supports with one click (`CampaignMemberSupport`), and a
visitor gives a name and an address and confirms it from an email (`CampaignVisitorSupport`, personal data).
The one-click and visitor supports are plain models, not page children: a page revision published later would
otherwise delete supports given after it was drafted.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
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

from ..forms import CampaignFilterForm, CampaignSupportForm
from .collaboration import MemberGroup, PersonalData


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
        # Detail only (api/views.py): counted per campaign, so a listing would cost a query per item.
        APIField(
            "supporter_counts",
            serializer=ValueField(
                {
                    "type": "object",
                    "required": ["members", "visitors"],
                    "properties": {"members": {"type": "integer"}, "visitors": {"type": "integer"}},
                }
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

    def member_supports_to_show(self):
        """Members who supported with one click and are not already listed by the editors."""
        listed = self.supporter_links.values("member__translation_key")
        supports = self.member_supports.select_related("member").exclude(member__translation_key__in=listed)
        return links_in_visitor_language(supports, "member")

    def supporter_counts(self):
        """Member organisations (listed by editors or supporting with one click, each once, live members only,
        any language version counted once) and visitors who confirmed their address."""
        member_model = self.member_supports.model._meta.get_field("member").related_model
        members = (
            member_model.objects.live()
            .filter(models.Q(campaign_links__campaign=self) | models.Q(campaign_supports__campaign=self))
            .values("translation_key")
            .distinct()
            .count()
        )
        visitors = self.visitor_supports.filter(confirmed_at__isnull=False).count()
        return {"members": members, "visitors": visitors}

    def supporter_figures(self):
        """The supporter counts as progress figures, shown after the editors' figures."""
        counts = self.supporter_counts()
        return [
            CampaignProgressFigure(value=counts["members"], label=_("member organisations support the campaign")),
            CampaignProgressFigure(value=counts["visitors"], label=_("people confirmed their support")),
        ]

    def progress_figures_with_supporters(self):
        return [*self.progress_figures.all(), *self.supporter_figures()]

    def get_context(self, request, *args, **kwargs):
        """Adds the support section: the visitor form, and the signed-in account's organisations."""
        context = super().get_context(request, *args, **kwargs)
        members = MemberGroup.members_of(request.user)
        supported = set(self.member_supports.filter(member__in=members).values_list("member_id", flat=True))
        context["support_members"] = [(member, member.pk in supported) for member in members]
        context["support_form"] = CampaignSupportForm()
        return context

    def support(self, member, user):
        """`member` supports the campaign; supporting twice keeps the first support. Returns the support."""
        support, _created = CampaignMemberSupport.objects.get_or_create(
            campaign=self, member=member, defaults={"supported_by": user}
        )
        return support

    def withdraw(self, member):
        return self.member_supports.filter(member=member).delete()[0] > 0


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


class CampaignMemberSupport(models.Model):
    """A member organisation supporting a campaign with one click from the campaign page; it can withdraw."""

    campaign = models.ForeignKey(CampaignPage, on_delete=models.CASCADE, related_name="member_supports")
    member = models.ForeignKey("network.MemberPage", on_delete=models.CASCADE, related_name="campaign_supports")
    supported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("member support of a campaign")
        constraints = [models.UniqueConstraint(fields=["campaign", "member"], name="one_support_per_member")]

    def __str__(self):
        return f"{self.member_id} → {self.campaign_id}"


class InvalidConfirmation(Exception):
    """A confirmation link that was altered, is for another support, or has expired."""


class CampaignVisitorSupport(PersonalData):
    """A visitor supporting a campaign: counted only once the address is confirmed from the emailed link.

    The link carries a signed, timestamped token (`django.core.signing`) naming this record; it expires after
    `GUILD_CAMPAIGN_CONFIRMATION_MAX_AGE` seconds (7 days by default). Unconfirmed records older than that are
    deleted when the next visitor supports any campaign (docs/collaboration.md, "Campaign support").
    """

    signing_salt = "network.campaign-support"

    campaign = models.ForeignKey(CampaignPage, on_delete=models.CASCADE, related_name="visitor_supports")
    name = models.CharField(_("name"), max_length=150)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    export_fields = ("name", "email", "confirmed_at", "consent", "consented_at")

    class Meta:
        verbose_name = _("visitor support of a campaign")
        ordering = ("created_at",)
        constraints = [models.UniqueConstraint(fields=("campaign", "email"), name="one_support_per_email")]

    def __str__(self):
        return f"{self.name} → {self.campaign_id}"

    def export_data(self):
        data = super().export_data()
        data["campaign"] = self.campaign.title
        return data

    @staticmethod
    def max_age():
        return settings.GUILD_CAMPAIGN_CONFIRMATION_MAX_AGE

    def confirmation_token(self):
        return signing.dumps({"support": self.pk, "email": self.email.lower()}, salt=self.signing_salt, compress=True)

    @classmethod
    def from_token(cls, token, campaign):
        """The support a token confirms, or InvalidConfirmation (altered, expired, another campaign, erased)."""
        try:
            data = signing.loads(token, salt=cls.signing_salt, max_age=cls.max_age())
        except signing.BadSignature as error:  # SignatureExpired is a BadSignature
            raise InvalidConfirmation from error
        support = cls.objects.filter(pk=data.get("support"), campaign=campaign).first()
        if support is None or support.email.lower() != data.get("email"):
            raise InvalidConfirmation
        return support

    def confirm(self):
        if self.confirmed_at is None:
            self.confirmed_at = timezone.now()
            self.save(update_fields=["confirmed_at"])

    @classmethod
    def delete_expired(cls):
        """Unconfirmed supports whose link has expired: nobody can confirm them any more."""
        cutoff = timezone.now() - datetime.timedelta(seconds=cls.max_age())
        return cls.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()[0]
