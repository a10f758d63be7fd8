"""Member organisations of the network."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from django_countries.fields import CountryField

from home.api_fields import (
    ChoiceField,
    ChoiceListRepresentationField,
    CountryObjectField,
    ImageField,
    ObjectListField,
    RelatedContentField,
    SkillListField,
    TopicListField,
)
from home.blocks import BodyBlock
from home.fields import ChoiceListField
from home.localization import one_per_translation
from home.models import ListingIndexMixin, SkillTaggedItem, TaggedPageMixin, TopicTaggedItem
from home.site_address import absolute_url

from ..choices import MemberType, PledgeArea
from ..forms import MemberFilterForm
from .pledges import MemberPageForm, ProgressChart, progress_of


class MemberIndexPage(ListingIndexMixin, Page):
    """Lists the network's members with filters by country, type, skill, topic and year joined."""

    listing_model = "network.MemberPage"
    filter_form_class = MemberFilterForm
    listing_ordering = ("title",)
    listing_image_field = "logo"  # member cards show the logo

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("image", serializer=ImageField())]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.MemberPage"]

    class Meta:
        verbose_name = _("member index page")


class MemberPageSkill(SkillTaggedItem):
    content_object = ParentalKey("network.MemberPage", on_delete=models.CASCADE, related_name="skill_items")


class MemberPageTopic(TopicTaggedItem):
    content_object = ParentalKey("network.MemberPage", on_delete=models.CASCADE, related_name="topic_items")


class MemberPage(TaggedPageMixin, Page):
    """A member organisation: a city, VET provider, company, chamber, authority or network."""

    organisation_name = models.CharField(
        max_length=255, blank=True, help_text=_("Full legal name, if it differs from the page title.")
    )
    member_type = models.CharField(max_length=30, choices=MemberType.choices, db_index=True)
    country = CountryField(db_index=True)
    city = models.CharField(max_length=120, blank=True, db_index=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    website = models.URLField(blank=True)
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    joined_on = models.DateField(null=True, blank=True)
    contact_email = models.EmailField(
        _("public contact address"),
        blank=True,
        help_text=_("A role address (info@, apprenticeships@), never a person's private address."),
    )
    open_to_projects = models.BooleanField(
        _("open to new projects"), default=False, help_text=_("Shown to organisations looking for partners.")
    )
    eafa_pledge = models.BooleanField(_("EAfA pledge"), default=False)
    pledge_start_year = models.PositiveSmallIntegerField(null=True, blank=True)
    pledge_commitments = models.TextField(blank=True)
    pledge_areas = ChoiceListField(_("areas of action"), item_choices=PledgeArea.choices)
    body = StreamField(BodyBlock(), blank=True)

    skills = ClusterTaggableManager(through=MemberPageSkill, blank=True, verbose_name=_("skills"))
    topics = ClusterTaggableManager(through=MemberPageTopic, blank=True, verbose_name=_("topics"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("member_type"),
                FieldPanel("summary"),
                FieldPanel("logo"),
                FieldPanel("website"),
                FieldPanel("contact_email"),
                FieldPanel("joined_on"),
                FieldPanel("open_to_projects"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        FieldPanel("body"),
    ]
    pledge_panels = [
        MultiFieldPanel(
            [
                FieldPanel("eafa_pledge"),
                FieldPanel("pledge_start_year"),
                FieldPanel("pledge_areas"),
                FieldPanel("pledge_commitments"),
            ],
            heading=_("European Alliance for Apprenticeships pledge"),
        ),
        InlinePanel("pledge_targets", label=_("Pledge targets")),
        InlinePanel("pledge_reports", label=_("Yearly progress reports")),
    ]
    tagging_panels = [FieldPanel("skills"), FieldPanel("topics")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(pledge_panels, heading=_("EAfA pledge")),
            ObjectList(tagging_panels, heading=_("Skills and topics")),
            ObjectList(TaggedPageMixin.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = (
        Page.search_fields
        + TaggedPageMixin.summary_search_fields
        + [
            index.SearchField("organisation_name", boost=2),
            index.SearchField("city", boost=2),
            index.SearchField("pledge_commitments"),
            index.SearchField("body"),
            index.FilterField("member_type"),
            index.FilterField("country"),
            index.FilterField("city"),
            index.FilterField("joined_on"),
            index.FilterField("open_to_projects"),
            index.FilterField("eafa_pledge"),
        ]
    )

    api_fields = [
        APIField("image", serializer=ImageField()),
        APIField("summary"),
        APIField("organisation_name"),
        APIField("member_type", serializer=ChoiceField()),
        APIField("country", serializer=CountryObjectField()),
        APIField("city"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("website"),
        APIField("logo", serializer=ImageField("max-400x400")),
        APIField("joined_on"),
        APIField("contact_email"),
        APIField("open_to_projects"),
        APIField("eafa_pledge"),
        APIField("pledge_start_year"),
        APIField("pledge_areas", serializer=ChoiceListRepresentationField()),
        APIField("pledge_commitments"),
        # The pledge fields are detail only (api/views.py): open data and listings need not fetch them.
        APIField(
            "pledge_targets",
            serializer=ObjectListField(
                ["number", "counts", "target_year"],
                {"number": {"type": "integer"}, "counts": {"type": "string"}, "target_year": {"type": "integer"}},
            ),
        ),
        APIField(
            "pledge_reports",
            serializer=ObjectListField(
                ["year", "achieved", "counts", "narrative"],
                {
                    "year": {"type": "integer"},
                    "achieved": {"type": "integer"},
                    "counts": {"type": "string"},
                    "narrative": {"type": "string"},
                },
            ),
        ),
        APIField(
            "pledge_progress",
            serializer=ObjectListField(
                ["label", "achieved", "target", "target_year", "percent"],
                {
                    "label": {"type": "string"},
                    "achieved": {"type": "integer"},
                    "target": {"type": "integer"},
                    "target_year": {"type": "integer"},
                    "percent": {"type": ["integer", "null"]},
                },
            ),
        ),
        APIField("body"),
        APIField("skills", serializer=SkillListField()),
        APIField("topics", serializer=TopicListField()),
        APIField("related", serializer=RelatedContentField()),
    ]

    parent_page_types = ["network.MemberIndexPage"]
    # What this page type is to the API, search, listings and feeds (home/page_types.py).
    api_listing_fields = ["summary", "member_type", "country", "city", "skills", "topics"]
    select_related_fields = ("logo",)
    prefetch_related_fields = ("skills", "topics")
    # Open data columns (home/open_data.py): public fields only; the contact address stays out.
    open_data_fields = (
        "organisation_name",
        "member_type",
        "country",
        "city",
        "latitude",
        "longitude",
        "website",
        "joined_on",
        "open_to_projects",
        "eafa_pledge",
        "pledge_start_year",
        "pledge_areas",
    )
    date_field = "joined_on"
    filter_lookups = {
        **TaggedPageMixin.filter_lookups,
        "country": ("country",),
        "member_type": ("member_type",),
        "year": ("joined_on",),
    }
    search_type = "member"
    search_type_label = _("Members")
    # The member types the home page counts as "cities": a city or metropolitan authority.
    city_member_types = (MemberType.CITY,)
    subpage_types = []
    base_form_class = MemberPageForm

    class Meta:
        verbose_name = _("member")

    @property
    def display_name(self):
        return self.organisation_name or self.title

    def page_image(self):
        """A member without a picture of its own is represented by its logo."""
        return self.image or self.logo

    def get_structured_data(self, request=None):
        """schema.org Organization (JSON-LD in the page head), with address, coordinates and logo.

        `addressCountry` is the ISO 3166-1 alpha-2 code, as schema.org and Google recommend (a name would be
        ambiguous across languages); the logo is an absolute PNG rendition at the public address.
        """
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization" if self.member_type == MemberType.CITY else "Organization",
            "name": self.display_name,
            "description": self.summary,
            "url": self.get_full_url(request),
            "address": {"@type": "PostalAddress", "addressLocality": self.city, "addressCountry": self.country.code},
        }
        if self.logo_id:
            data["logo"] = absolute_url(self.logo.get_rendition("max-400x400|format-png").url)
        if self.website:
            data["sameAs"] = [self.website]
        if self.contact_email:
            data["email"] = self.contact_email
        if self.latitude is not None and self.longitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        if self.joined_on:
            data["memberOf"] = {
                "@type": "Organization",
                "name": "Guild network",
                "startDate": self.joined_on.isoformat(),
            }
        return data

    def pledge_progress(self):
        """Progress against each pledge target (the reports of the same kind added up), for the chart."""
        return progress_of(list(self.pledge_targets.all()), list(self.pledge_reports.all()))

    def pledge_chart(self):
        return ProgressChart(self.pledge_progress())

    def pledge_area_labels(self):
        return self._meta.get_field("pledge_areas").labels(self.pledge_areas)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.related_content())
        return context

    def similar_members(self, limit=6):
        """Live members sharing this one's type, country or skills, best matches first (two queries at most),
        in the visitor's language, once each."""
        skill_ids = [item.tag_id for item in self.skill_items.all()]
        similarity = (
            models.Case(models.When(member_type=self.member_type, then=1), default=0)
            + models.Case(models.When(country=self.country, then=1), default=0)
            + models.Count("skill_items", filter=models.Q(skill_items__tag_id__in=skill_ids), distinct=True)
        )
        return (
            one_per_translation(MemberPage.objects.live().public().exclude(translation_key=self.translation_key))
            .annotate(similarity=similarity)
            .filter(similarity__gt=0)
            .order_by("-similarity", "title")[:limit]
        )

    def related_content(self):
        """Everything that links to this member (any language version of it), for the member page and the API:
        live pages in the visitor's language, one per translation group."""
        Q = models.Q
        member = self.translation_key

        def linked(model_label, condition):
            model = apps.get_model(model_label)
            # The links are matched in a subquery so the joins cannot repeat a page (no DISTINCT needed).
            pages = model.objects.filter(pk__in=model.objects.filter(condition).values("pk"))
            return one_per_translation(pages.live().public())

        return {
            "practices": linked("practices.GoodPracticePage", Q(owners__member__translation_key=member)).order_by(
                "title"
            ),
            "qualifications": linked(
                "practices.JointQualificationPage", Q(partner_links__member__translation_key=member)
            ).order_by("title"),
            "projects": linked(
                "network.ProjectPage",
                Q(coordinator__translation_key=member) | Q(partner_links__member__translation_key=member),
            ).order_by("-start_date"),
            "events": linked("network.EventPage", Q(organiser__translation_key=member)).order_by("-start"),
            "campaigns": linked("network.CampaignPage", Q(supporter_links__member__translation_key=member)).order_by(
                "title"
            ),
            "news": linked("network.NewsPage", Q(member_links__member__translation_key=member)).order_by(
                "-publication_date"
            ),
        }
