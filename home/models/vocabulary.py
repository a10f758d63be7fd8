"""The skills and topics vocabularies every content type is tagged with.

A skill or topic is one concept in every language: pages in French, German or
English point at the same `SkillTag` row, so filters and facets by slug work
whatever the page language. Only the label a visitor reads changes: `name` is
the label in the default language (English) and `labels` hold the others.
"""

from django.conf import settings
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


class SkillTag(LocalizedLabelMixin, index.Indexed, TagBase, ClusterableModel):
    """A skill from the network's controlled vocabulary.

    Editors keep the list as a snippet; pages can only pick existing skills
    (free tagging is off), so "green skills" means the same thing on every page
    and in every filter. `esco_uri` ties a skill to the European ESCO concept.
    """

    free_tagging = False

    category = models.CharField(max_length=20, choices=SkillCategory.choices, db_index=True)
    esco_uri = models.URLField(
        "ESCO concept URI",
        blank=True,
        help_text=_("e.g. http://data.europa.eu/esco/skill/..."),
    )
    description = models.TextField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("category"),
        FieldPanel("esco_uri"),
        FieldPanel("description"),
        InlinePanel("labels", heading=_("Labels in other languages"), label=_("label")),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("category"),
    ]

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["category", "name"]

    def get_absolute_url(self):
        return reverse("skill_tag", args=[self.slug])


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
    name = models.CharField(_("label"), max_length=100)

    panels = [FieldPanel("language"), FieldPanel("name")]

    class Meta:
        abstract = True
        ordering = ["language"]

    def __str__(self):
        return f"{self.name} ({self.language})"


class SkillTagLabel(TagLabel):
    skill = ParentalKey(SkillTag, on_delete=models.CASCADE, related_name="labels")

    class Meta(TagLabel.Meta):
        verbose_name = _("skill label")
        constraints = [models.UniqueConstraint(fields=["skill", "language"], name="unique_skill_label_language")]


class TopicTagLabel(TagLabel):
    topic = ParentalKey(TopicTag, on_delete=models.CASCADE, related_name="labels")

    class Meta(TagLabel.Meta):
        verbose_name = _("topic label")
        constraints = [models.UniqueConstraint(fields=["topic", "language"], name="unique_topic_label_language")]
