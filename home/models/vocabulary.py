"""The skills and topics vocabularies every content type is tagged with.

A skill or topic is one concept in every language: pages in French, German or
English point at the same `SkillTag` row, so filters and facets by slug work
whatever the page language. Only the label a visitor reads changes: `name` is
the label in the default language (English) and `labels` hold the others.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index


def content_language_choices():
    """The configured languages; a callable so migrations do not change with GUILD_LANGUAGES."""
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


def base_language(code):
    """ "fr-be" -> "fr": labels are kept per language, not per regional variant."""
    return (code or settings.LANGUAGE_CODE).split("-")[0].lower()


def label_lookups(*relations):
    """Prefetch lookups for the labels of `relations` ("skills", "topics"), only when the active language needs
    them: in the default language the label is `name`, so English pages spend no query on labels."""
    if base_language(translation.get_language()) == base_language(settings.LANGUAGE_CODE):
        return ()
    return tuple(f"{relation}__labels" if relation else "labels" for relation in relations)


class LocalizedLabelMixin:
    """`label` is the tag's name in the active language, falling back to `name`.

    Reads `labels` from the prefetch cache when the queryset prefetched them
    (`prefetch_related("skills__labels")`), so listings stay at a fixed number
    of queries; without a prefetch it costs one query per tag.
    """

    def label_for(self, language):
        language = base_language(language)
        if language == base_language(settings.LANGUAGE_CODE):
            return self.name
        for label in self.labels.all():
            if label.language == language and label.name:
                return label.name
        return self.name

    @property
    def label(self):
        return self.label_for(translation.get_language())

    @classmethod
    def labels_by_slug(cls, slugs, language=None):
        """{slug: label} for many tags in two queries (facets, API)."""
        tags = cls.objects.filter(slug__in=list(slugs)).prefetch_related("labels")
        language = language or translation.get_language()
        return {tag.slug: tag.label_for(language) for tag in tags}

    def __str__(self):
        return self.label


class SkillCategory(models.TextChoices):
    GREEN = "green", _("Green")
    DIGITAL = "digital", _("Digital")
    TRANSVERSAL = "transversal", _("Transversal")


class SkillSource(models.TextChoices):
    """Who defines a skill: the European classification, or the network itself (no ESCO concept fits)."""

    ESCO = "esco", _("ESCO concept")
    NETWORK = "network", _("Defined by the network")


class SkillType(models.TextChoices):
    """ESCO's `skillType` column, with ESCO's own values."""

    SKILL = "skill/competence", _("Skill or competence")
    KNOWLEDGE = "knowledge", _("Knowledge")


# An ESCO skill concept, exactly as ESCO publishes it (`conceptUri`): lower-case UUID, plain http.
ESCO_SKILL_URI_PATTERN = (
    r"^http://data\.europa\.eu/esco/skill/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
)
validate_esco_skill_uri = RegexValidator(
    ESCO_SKILL_URI_PATTERN,
    _("Enter an ESCO skill concept URI: http://data.europa.eu/esco/skill/ followed by the concept's UUID."),
    code="invalid_esco_uri",
)


def split_lines(text):
    """Non-empty, stripped lines: alternative labels are kept one per line, as ESCO's CSV holds them."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class SkillTagQuerySet(models.QuerySet):
    def offered(self):
        """The skills public lists offer: the network's own and those some page carries.

        Not every imported ESCO concept: a full import holds 14,000 skills, which no list or checkbox form can show.
        """
        offered = models.Q(source=SkillSource.NETWORK)
        for relation in self.model._meta.related_objects:
            if issubclass(relation.related_model, SkillTaggedItem):
                offered |= models.Q(pk__in=relation.related_model.objects.values("tag_id"))
        return self.filter(offered)


class SkillTag(LocalizedLabelMixin, index.Indexed, TagBase, ClusterableModel):
    """A skill from the network's controlled vocabulary.

    Editors keep the list as a snippet; pages can only pick existing skills
    (free tagging is off), so "green skills" means the same thing on every page
    and in every filter. Most skills are ESCO concepts (`source` "esco", imported
    by `manage.py import_esco`, identified by `esco_uri`); the others are the
    network's own (`source` "network"), for ideas ESCO has no concept for
    ("soft skills" is a whole collection in ESCO, not a concept). `category` is
    the ESCO collection a concept belongs to (green, digital, transversal), or
    none: most ESCO skills are in no collection. Alternative labels (one per
    line) are ESCO's synonyms; pages are found by them (`search_terms`).
    """

    free_tagging = False

    # ESCO's preferred labels run past taggit's 100 characters ("apply knowledge of ... " phrases).
    name = models.CharField(verbose_name=_("name"), unique=True, max_length=255)
    category = models.CharField(
        _("collection"),
        max_length=20,
        choices=SkillCategory.choices,
        blank=True,
        db_index=True,
        help_text=_("The ESCO collection this skill belongs to (green, digital or transversal), if any."),
    )
    source = models.CharField(
        _("defined by"), max_length=10, choices=SkillSource.choices, default=SkillSource.NETWORK, db_index=True
    )
    esco_uri = models.CharField(
        "ESCO concept URI",
        max_length=100,
        blank=True,
        validators=[validate_esco_skill_uri],
        help_text=_("e.g. http://data.europa.eu/esco/skill/..."),
    )
    skill_type = models.CharField(_("type"), max_length=20, choices=SkillType.choices, blank=True)
    alternative_labels = models.TextField(
        _("alternative labels"),
        blank=True,
        help_text=_("Other names of this skill in the default language, one per line; search finds pages by them."),
    )
    description = models.TextField(blank=True)

    objects = SkillTagQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("source"),
        FieldPanel("esco_uri"),
        FieldPanel("skill_type"),
        FieldPanel("category"),
        FieldPanel("alternative_labels"),
        FieldPanel("description"),
        InlinePanel("labels", heading=_("Labels in other languages"), label=_("label")),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("alternative_labels"),
        index.SearchField("description"),
        index.FilterField("category"),
        index.FilterField("source"),
    ]

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["category", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["esco_uri"], condition=~models.Q(esco_uri=""), name="unique_skill_esco_uri"
            )
        ]

    def clean(self):
        super().clean()
        if self.source == SkillSource.ESCO and not self.esco_uri:
            raise ValidationError({"esco_uri": _("An ESCO skill needs its ESCO concept URI.")})
        if self.source == SkillSource.NETWORK and self.esco_uri:
            raise ValidationError({"source": _("A skill with an ESCO concept URI is an ESCO concept.")})

    def get_absolute_url(self):
        return reverse("skill_tag", args=[self.slug])

    def labels_in(self, language):
        """(preferred label, [alternative labels]) in `language`; ("", []) where the skill has none in it."""
        language = base_language(language)
        if language == base_language(settings.LANGUAGE_CODE):
            return self.name, split_lines(self.alternative_labels)
        for label in self.labels.all():
            if label.language == language:
                return label.name, split_lines(label.alternative_labels)
        return "", []

    def search_terms(self):
        """Every label and alternative label in every language: a page tagged with the skill is found by any."""
        terms = [self.name, *split_lines(self.alternative_labels)]
        for label in self.labels.all():
            terms += [label.name, *split_lines(label.alternative_labels)]
        return " ".join(dict.fromkeys(term for term in terms if term))


class TopicTag(LocalizedLabelMixin, TagBase, ClusterableModel):
    """A free topic tag (culture, economy, knowledge society, ...); `labels` translate it."""

    free_tagging = True

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        InlinePanel("labels", heading=_("Labels in other languages"), label=_("label")),
    ]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("topic_tag", args=[self.slug])


class SkillTaggedItem(TaggedItemBase):
    """Base of every page type's skill link; subclasses add the ParentalKey."""

    tag = models.ForeignKey(SkillTag, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items")

    class Meta:
        abstract = True


class TopicTaggedItem(TaggedItemBase):
    """Base of every page type's topic link; subclasses add the ParentalKey."""

    tag = models.ForeignKey(TopicTag, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items")

    class Meta:
        abstract = True


class TagLabel(models.Model):
    """A tag's label in one language other than the default one."""

    language = models.CharField(_("language"), max_length=12, choices=content_language_choices)
    name = models.CharField(_("label"), max_length=255)

    panels = [FieldPanel("language"), FieldPanel("name")]

    class Meta:
        abstract = True
        ordering = ["language"]

    def __str__(self):
        return f"{self.name} ({self.language})"


class SkillTagLabel(TagLabel):
    skill = ParentalKey(SkillTag, on_delete=models.CASCADE, related_name="labels")
    alternative_labels = models.TextField(_("alternative labels"), blank=True, help_text=_("One per line."))

    panels = [FieldPanel("language"), FieldPanel("name"), FieldPanel("alternative_labels")]

    class Meta(TagLabel.Meta):
        verbose_name = _("skill label")
        constraints = [models.UniqueConstraint(fields=["skill", "language"], name="unique_skill_label_language")]


class TopicTagLabel(TagLabel):
    topic = ParentalKey(TopicTag, on_delete=models.CASCADE, related_name="labels")

    class Meta(TagLabel.Meta):
        verbose_name = _("topic label")
        constraints = [models.UniqueConstraint(fields=["topic", "language"], name="unique_topic_label_language")]
