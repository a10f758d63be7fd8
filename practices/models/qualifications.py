"""Joint VET qualifications the network's members develop together."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from django_countries.fields import CountryField

from home.api_fields import (
    ChoiceField,
    ChoiceListRepresentationField,
    CountryListField,
    ImageField,
    PageLinkListField,
    PageSummaryField,
    PageSummaryListField,
    SkillListField,
    TopicListField,
)
from home.blocks import BodyBlock, LearningOutcomeUnitBlock
from home.fields import ChoiceListField
from home.localization import in_visitor_language
from home.models import ListingIndexMixin, SkillTaggedItem, TaggedPageMixin, TopicTaggedItem

from ..choices import EU_LANGUAGES, CreditSystem, EQFLevel, ISCEDField, QualificationRole, QualificationStatus
from ..forms import QualificationFilterForm


class QualificationIndexPage(ListingIndexMixin, Page):
    """Lists joint qualifications with EQF level, status, country, skill and topic filters."""

    listing_model = "practices.JointQualificationPage"
    filter_form_class = QualificationFilterForm
    listing_ordering = ("eqf_level", "title")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("image", serializer=ImageField())]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["practices.JointQualificationPage"]

    class Meta:
        verbose_name = _("qualification index page")


class JointQualificationPageSkill(SkillTaggedItem):
    content_object = ParentalKey(
        "practices.JointQualificationPage", on_delete=models.CASCADE, related_name="skill_items"
    )


class JointQualificationPageTopic(TopicTaggedItem):
    content_object = ParentalKey(
        "practices.JointQualificationPage", on_delete=models.CASCADE, related_name="topic_items"
    )


class OccupationBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    esco_uri = blocks.URLBlock(required=False, label="ESCO occupation URI")

    class Meta:
        icon = "user"
        template = "practices/blocks/occupation_block.html"


class JointQualificationPage(TaggedPageMixin, Page):
    """A joint VET qualification described with the fields of EQF Annex VI."""

    # Saving it in the admin suggests ESCO skills found in its text (search.skill_suggestions).
    suggests_skills = True

    eqf_level = models.PositiveSmallIntegerField(_("EQF level"), choices=EQFLevel.choices, db_index=True)
    isced_field = models.CharField(_("field of education (ISCED-F)"), max_length=2, choices=ISCEDField.choices)
    learning_outcomes = StreamField([("unit", LearningOutcomeUnitBlock())], blank=True)
    credit_system = models.CharField(max_length=10, choices=CreditSystem.choices, default=CreditSystem.ECVET)
    credits = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    notional_workload_hours = models.PositiveIntegerField(null=True, blank=True)
    countries = CountryField(multiple=True, blank=True)
    languages = ChoiceListField(_("languages"), item_choices=EU_LANGUAGES)
    duration_months = models.PositiveSmallIntegerField(null=True, blank=True)
    work_based_learning_share = models.PositiveSmallIntegerField(
        _("share of work-based learning (%)"), null=True, blank=True
    )
    related_occupations = StreamField([("occupation", OccupationBlock())], blank=True)
    status = models.CharField(
        max_length=20, choices=QualificationStatus.choices, default=QualificationStatus.IN_DEVELOPMENT, db_index=True
    )
    project = models.ForeignKey(
        "network.ProjectPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="qualifications"
    )
    body = StreamField(BodyBlock(), blank=True)

    skills = ClusterTaggableManager(through=JointQualificationPageSkill, blank=True, verbose_name=_("skills"))
    topics = ClusterTaggableManager(through=JointQualificationPageTopic, blank=True, verbose_name=_("topics"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("eqf_level"), FieldPanel("isced_field")]),
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("credit_system"), FieldPanel("credits")]),
                FieldRowPanel([FieldPanel("notional_workload_hours"), FieldPanel("duration_months")]),
                FieldPanel("work_based_learning_share"),
            ],
            heading=_("Qualification"),
        ),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [
                InlinePanel("partner_links", label=_("Awarding bodies and partners")),
                FieldPanel("countries"),
                FieldPanel("languages"),
                FieldPanel("project"),
            ],
            heading=_("Who and where"),
        ),
        FieldPanel("related_occupations"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("skills"), FieldPanel("topics")], heading=_("Skills and topics")),
    ]
    search_fields = (
        Page.search_fields
        + TaggedPageMixin.summary_search_fields
        + [
            index.SearchField("learning_outcomes"),
            index.SearchField("related_occupations"),
            index.SearchField("body"),
            index.FilterField("eqf_level"),
            index.FilterField("isced_field"),
            index.FilterField("status"),
        ]
    )

    @cached_property
    def similar(self):
        """The qualifications nearest this one in meaning (search.semantic, from the same vectors as search)."""
        from search.semantic import similar_pages  # search builds on the page models: imported when used

        return similar_pages(self)

    api_fields = [
        APIField("image", serializer=ImageField()),
        APIField("summary"),
        APIField("eqf_level", serializer=ChoiceField()),
        APIField("isced_field", serializer=ChoiceField()),
        APIField("status", serializer=ChoiceField()),
        APIField("learning_outcomes"),
        APIField("credit_system", serializer=ChoiceField()),
        APIField("credits"),
        APIField("notional_workload_hours"),
        APIField("duration_months"),
        APIField("work_based_learning_share"),
        APIField("countries", serializer=CountryListField()),
        APIField("languages", serializer=ChoiceListRepresentationField()),
        APIField("partners", serializer=PageLinkListField("member", extra={"role": "role"}, source="partner_links")),
        APIField("related_occupations"),
        APIField("project", serializer=PageSummaryField()),
        APIField("body"),
        APIField("skills", serializer=SkillListField()),
        APIField("topics", serializer=TopicListField()),
        APIField("similar", serializer=PageSummaryListField(detail_only=True)),
    ]
    parent_page_types = ["practices.QualificationIndexPage"]
    # What this page type is to the API, search, listings and feeds (home/page_types.py).
    api_listing_fields = ["summary", "eqf_level", "status", "countries", "skills", "topics"]
    select_related_fields = ("project",)
    prefetch_related_fields = ("skills", "topics", "partner_links__member")
    open_data_fields = (
        "eqf_level",
        "isced_field",
        "status",
        "credit_system",
        "credits",
        "notional_workload_hours",
        "countries",
        "languages",
        "duration_months",
        "work_based_learning_share",
        "awarding_bodies",
        "partners",
    )
    filter_lookups = {
        **TaggedPageMixin.filter_lookups,
        "country": ("countries",),
        "member_type": ("partner_links__member__member_type",),
        "member": ("partner_links__member",),
        "eqf_level": ("eqf_level",),
    }
    search_type = "qualification"
    search_type_label = _("Joint qualifications")
    subpage_types = []

    class Meta:
        verbose_name = _("joint VET qualification")

    def clean(self):
        super().clean()
        if self.work_based_learning_share is not None and self.work_based_learning_share > 100:
            raise ValidationError({"work_based_learning_share": _("A share cannot exceed 100%.")})

    def get_structured_data(self, request=None):
        """schema.org EducationalOccupationalCredential (JSON-LD) with its EQF level."""
        data = {
            "@context": "https://schema.org",
            "@type": "EducationalOccupationalCredential",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "credentialCategory": "Joint VET qualification",
            "educationalLevel": {
                "@type": "DefinedTerm",
                "name": self.get_eqf_level_display(),
                "termCode": str(self.eqf_level),
                "inDefinedTermSet": "https://europa.eu/europass/en/description-eight-eqf-levels",
            },
            "competencyRequired": [
                {"@type": "DefinedTerm", "name": skill.name, **({"url": skill.esco_uri} if skill.esco_uri else {})}
                for skill in self.skills.all()
            ],
        }
        awarding = [member for member in self.awarding_bodies() if member.live]
        if awarding:
            data["recognizedBy"] = [
                {"@type": "Organization", "name": member.display_name, "url": member.get_full_url(request)}
                for member in awarding
            ]
        if self.countries:
            data["countryOfOrigin"] = [{"@type": "Country", "name": country.code} for country in self.countries]
        return data

    def language_labels(self):
        return self._meta.get_field("languages").labels(self.languages)

    def awarding_bodies(self):
        return [link.member for link in self.partner_links.all() if link.role == QualificationRole.AWARDING_BODY]

    def partner_members(self):
        return [link.member for link in self.partner_links.all() if link.role == QualificationRole.PARTNER]

    # Open data (home/open_data.py): linked members read from the listing's prefetch, live ones only.
    def open_data_awarding_bodies(self):
        return [member for member in self.awarding_bodies() if member.live]

    def open_data_partners(self):
        return [member for member in self.partner_members() if member.live]

    def members_to_show(self, role):
        """Live members in `role`, in the visitor's language, for the page (a draft member is never linked)."""
        links = self.partner_links.select_related("member")
        return in_visitor_language([link.member for link in links if link.role == role])

    def awarding_bodies_to_show(self):
        return self.members_to_show(QualificationRole.AWARDING_BODY)

    def partner_members_to_show(self):
        return self.members_to_show(QualificationRole.PARTNER)


class QualificationPartner(Orderable):
    qualification = ParentalKey(JointQualificationPage, on_delete=models.CASCADE, related_name="partner_links")
    member = models.ForeignKey("network.MemberPage", on_delete=models.CASCADE, related_name="qualification_links")
    role = models.CharField(max_length=20, choices=QualificationRole.choices, default=QualificationRole.PARTNER)

    panels = [FieldPanel("member"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["qualification", "member"], name="unique_qualification_partner")
        ]
