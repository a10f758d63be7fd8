"""What the search service facets on, and the names both engines give it.

A facet value is a short string (an ISO country code, a skill slug, "4", "2021"); labels are looked up when a
result is shown. The page models produce the values (`TaggedPageMixin.search_*`), so the database engine and
Elasticsearch index the same thing.
"""

from collections.abc import Mapping
from functools import cache

from django.utils.html import strip_tags

from wagtail.models import Locale
from wagtail.search.index import SearchField

from django_countries import countries

from home.models import SkillTag, TopicTag
from home.models.mixins import TaggedPageMixin
from home.page_types import search_types
from network.choices import MemberType
from practices.choices import EQFLevel


class _SearchTypeView(Mapping):
    """A read-only view of the page-type registry (`home.page_types.search_types`), keyed by search type.

    `TYPE_MODELS` gives each key's model label, `TYPE_LABELS` its facet label: the page classes declare both
    (`search_type`, `search_type_label`), nothing here lists page types.
    """

    def __init__(self, read):
        self.read = read

    def __getitem__(self, key):
        return self.read(search_types()[key])

    def __iter__(self):
        return iter(search_types())

    def __len__(self):
        return len(search_types())


TYPE_MODELS = _SearchTypeView(lambda model: model._meta.label)
TYPE_LABELS = _SearchTypeView(lambda model: model.search_type_label)

# facet name -> the page method that gives its values (and, on Elasticsearch, the indexed field).
FACET_METHODS = {
    "country": "search_countries",
    "member_type": "search_member_types",
    "skill": "search_skills",
    "topic": "search_topics",
    "eqf_level": "search_eqf_levels",
    "year": "search_years",
}
FACETS = ("type", *FACET_METHODS)
# Searched fields that are not prose: the title (shown already), the summary (the service reads it first).
PROSE_EXCLUDED = {"title", "summary", "search_description"}


@cache
def indexed_page_models():
    return tuple(search_types().values())


@cache
def year_dated_types():
    """Type keys whose search date is a year (a `start_year` field), so results show the year, not 1 January."""
    years = set()
    for key, model in zip(TYPE_MODELS, indexed_page_models(), strict=True):
        name = getattr(model, "date_field", None)
        if name and model._meta.get_field(name).get_internal_type().endswith("IntegerField"):
            years.add(key)
    return frozenset(years)


def locale_ids():
    """{language code: Locale id}: the engines store and filter pages by locale id."""
    return dict(Locale.objects.values_list("language_code", "pk"))


def type_key_for_model(model):
    return getattr(model, "search_type", None)


def document_values(page):
    """Everything the facet store keeps about one page.

    General pages (StandardPage: about, join, working group) are found by their words but carry no facet
    values and no date: they are not about a country or a skill, and are not news.
    """
    if not isinstance(page, TaggedPageMixin):
        return {
            "summary": getattr(page, "intro", "") or page.search_description or "",
            "date": None,
            "facets": {facet: [] for facet in FACET_METHODS},
        }
    return {
        "summary": page.summary or page.search_description or "",
        "date": page.search_date(),
        "facets": {facet: getattr(page, method)() for facet, method in FACET_METHODS.items()},
    }


def prose_texts(page):
    """The page's own prose for snippets: its searched text fields, without tags, labels or language copies."""
    texts = []
    for search_field in page.get_search_fields():
        name = search_field.field_name
        if type(search_field) is not SearchField or name in PROSE_EXCLUDED or name.startswith("search_"):
            continue
        value = search_field.get_value(page)  # a StreamField's text blocks come back as a list of strings
        values = value if isinstance(value, list | tuple) else [value]
        texts.extend(strip_tags(str(item)) for item in values if isinstance(item, str) and item)
    return texts


def facet_labels(facet, values):
    """{value: label} (and {value: category} for skills) for the values shown in one facet."""
    values = list(values)
    if facet == "type":
        return {value: str(TYPE_LABELS.get(value, value)) for value in values}, {}
    if facet == "country":
        return {value: str(countries.name(value) or value) for value in values}, {}
    if facet == "member_type":
        names = dict(MemberType.choices)
        return {value: str(names.get(value, value)) for value in values}, {}
    if facet == "eqf_level":
        names = {str(level): label for level, label in EQFLevel.choices}
        return {value: str(names.get(value, value)) for value in values}, {}
    if facet == "skill":
        # Labels in the visitor's language; the value (slug) is the same in every language.
        skills = list(SkillTag.objects.filter(slug__in=values).prefetch_related("labels"))
        return {skill.slug: skill.label for skill in skills}, {skill.slug: skill.category for skill in skills}
    if facet == "topic":
        return TopicTag.labels_by_slug(values), {}
    return {value: value for value in values}, {}
