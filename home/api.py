"""Headless API building blocks every content app shares.

Serializer fields (DRF `Field` subclasses used in the page models' `api_fields`) and the filter machinery
behind `/api/v2/pages/`. Each field declares `openapi` (its JSON Schema), so the OpenAPI document is built
from the same classes that produce the JSON and cannot drift from it.

Filters are `PageFilter` objects: one query parameter, parsed strictly (a malformed value raises
`APIParameterError`, answered as 400 naming the parameter), applied per page model. `content apps declare
which models a filter applies to and how (`lookups`); the router's filter backend narrows the queryset with
them before Wagtail's search runs, which is why our filters combine with `?search=`.
"""

import re

from django.apps import apps
from django.db.models import Q
from django.urls import NoReverseMatch

from wagtail.models import Page

from rest_framework.fields import Field

from .blocks import image_representation
from .models.vocabulary import SkillCategory, SkillTag

MAX_ID = 2**31 - 1
SLUG_RE = re.compile(r"^[-\w]{1,100}$")


class APIParameterError(Exception):
    """A query parameter with a value we cannot use; the API answers 400 naming `parameter`."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter


# --- serializer fields -------------------------------------------------------------------------------------


def page_summary(page, request=None):
    """{id, title, type, url}: how one page names another in the API."""
    specific_class = type(page) if type(page) is not Page else page.specific_class
    try:
        url = page.get_full_url(request)
    except NoReverseMatch:
        url = None
    return {
        "id": page.pk,
        "title": page.title,
        "type": specific_class._meta.label if specific_class else None,
        "url": url,
    }


PAGE_SUMMARY_SCHEMA = {
    "type": "object",
    "required": ["id", "title", "type", "url"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "type": {"type": ["string", "null"], "description": "app_label.ModelName"},
        "url": {"type": ["string", "null"], "format": "uri", "description": "The page's full HTML URL"},
    },
}


class SkillListField(Field):
    """Skills as objects: `[{"slug", "name", "category", "esco_uri"}]`, in vocabulary order."""

    openapi = {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["slug", "name", "category", "esco_uri"],
            "properties": {
                "slug": {"type": "string"},
                "name": {"type": "string"},
                "category": {"type": "string", "enum": list(SkillCategory.values)},
                "esco_uri": {"type": ["string", "null"], "format": "uri"},
            },
        },
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, manager):
        # `.all()` without ordering so a `prefetch_related("skills")` is used; sort in Python.
        skills = sorted(manager.all(), key=lambda skill: (skill.category, skill.name.lower()))
        return [
            {"slug": skill.slug, "name": skill.name, "category": skill.category, "esco_uri": skill.esco_uri or None}
            for skill in skills
        ]


class TopicListField(Field):
    """Topics as objects: `[{"slug", "name"}]`, by name."""

    openapi = {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["slug", "name"],
            "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
        },
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, manager):
        topics = sorted(manager.all(), key=lambda topic: topic.name.lower())
        return [{"slug": topic.slug, "name": topic.name} for topic in topics]


COUNTRY_SCHEMA = {
    "type": "object",
    "required": ["code", "name"],
    "properties": {"code": {"type": "string", "pattern": "^[A-Z]{2}$"}, "name": {"type": "string"}},
}


def country_representation(country):
    if not country or not country.code:
        return None
    return {"code": country.code, "name": str(country.name)}


class CountryObjectField(Field):
    """A django-countries value as `{"code": "BE", "name": "Belgium"}` (null when empty)."""

    openapi = {"oneOf": [COUNTRY_SCHEMA, {"type": "null"}]}

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, country):
        return country_representation(country)


class CountryListField(Field):
    """A multiple CountryField as a list of `{"code", "name"}`."""

    openapi = {"type": "array", "items": COUNTRY_SCHEMA}

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, countries):
        return [item for item in (country_representation(country) for country in countries) if item]


CHOICE_SCHEMA = {
    "type": "object",
    "required": ["value", "label"],
    "properties": {"value": {"type": ["string", "integer"]}, "label": {"type": "string"}},
}


class ChoiceField(Field):
    """A value from a closed list as `{"value", "label"}`: filters take the value, front ends show the label."""

    openapi = {"oneOf": [CHOICE_SCHEMA, {"type": "null"}]}

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = getattr(instance, self.source)
        if value in (None, ""):
            return None
        return value, str(getattr(instance, f"get_{self.source}_display")())

    def to_representation(self, pair):
        value, label = pair
        return {"value": value, "label": label}


class ChoiceListRepresentationField(Field):
    """A `home.fields.ChoiceListField` value as a list of `{"value", "label"}`."""

    openapi = {"type": "array", "items": CHOICE_SCHEMA}

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        values = getattr(instance, self.source) or []
        labels = instance._meta.get_field(self.source).labels(values)
        return list(zip(values, labels, strict=True))

    def to_representation(self, pairs):
        return [{"value": value, "label": str(label)} for value, label in pairs]


IMAGE_SCHEMA = {
    "type": "object",
    "required": ["id", "title", "alt", "url", "width", "height"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "alt": {"type": "string"},
        "url": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
    },
}


class ImageField(Field):
    """An image as a rendition: `{"id", "title", "alt", "url", "width", "height"}`."""

    openapi = {"oneOf": [IMAGE_SCHEMA, {"type": "null"}]}

    def __init__(self, spec="fill-1200x675", **kwargs):
        self.spec = spec
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, image):
        return image_representation(image, self.spec)


class PageSummaryField(Field):
    """A related page (a foreign key) as `{"id", "title", "type", "url"}`; null when not live."""

    openapi = {"oneOf": [PAGE_SUMMARY_SCHEMA, {"type": "null"}]}

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        page = super().get_attribute(instance)
        if page is None or not page.live:
            return None
        return page

    def to_representation(self, page):
        return page_summary(page, self.context.get("request"))


class PageLinkListField(Field):
    """Pages reached through link objects (`owners` -> `member`), as summaries plus extra link attributes.

    `extra` maps output keys to link attributes (`{"role": "role"}`); choice attributes give their value.
    Only live pages are listed, so a partner site never links to a page that answers 404.
    """

    def __init__(self, through, extra=None, **kwargs):
        self.through = through
        self.extra = extra or {}
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    @property
    def openapi(self):
        item = {
            "type": "object",
            "required": [*PAGE_SUMMARY_SCHEMA["required"], *self.extra],
            "properties": {**PAGE_SUMMARY_SCHEMA["properties"], **{key: {} for key in self.extra}},
        }
        return {"type": "array", "items": item}

    def to_representation(self, manager):
        request = self.context.get("request")
        items = []
        for link in manager.all():
            page = getattr(link, self.through)
            if page is None or not page.live:
                continue
            item = page_summary(page, request)
            for key, attribute in self.extra.items():
                value = getattr(link, attribute)
                item[key] = value.isoformat() if hasattr(value, "isoformat") else value
            items.append(item)
        return items


class ObjectListField(Field):
    """Child objects (reach targets, progress figures) as plain dictionaries of the named attributes."""

    def __init__(self, attributes, schema, **kwargs):
        self.attributes = attributes
        self.openapi = {
            "type": "array",
            "items": {"type": "object", "required": list(attributes), "properties": schema},
        }
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return [{name: getattr(item, name) for name in self.attributes} for item in manager.all()]


class LocalDateTimeField(Field):
    """A datetime in ISO 8601 with the offset of its own time zone (an event's local start, say)."""

    openapi = {"type": ["string", "null"], "format": "date-time"}

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value.isoformat()


class ValueField(Field):
    """A plain computed value (a property or method result) with a declared schema."""

    def __init__(self, schema, **kwargs):
        self.openapi = schema
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return value() if callable(value) else value

    def to_representation(self, value):
        return value


class RelatedContentField(Field):
    """A page's `related_content()` (a dict of querysets) as `{name: [page summaries]}` (detail only)."""

    openapi = {"type": "object", "additionalProperties": {"type": "array", "items": PAGE_SUMMARY_SCHEMA}}

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        return {
            name: [page_summary(item, request) for item in queryset]
            for name, queryset in page.related_content().items()
        }


# --- query parameters ----------------------------------------------------------------------------------------


def parameter_values(params, name):
    """All values of a parameter, repeated or comma-separated; 400 when present but empty."""
    values = []
    for raw in params.getlist(name):
        values.extend(part.strip() for part in raw.split(","))
    values = [value for value in values if value]
    if not values:
        raise APIParameterError(name, f"{name} needs at least one value")
    if len(values) > 50:
        raise APIParameterError(name, f"{name} takes at most 50 values")
    return values


def single_value(params, name):
    values = params.getlist(name)
    if len(values) != 1:
        raise APIParameterError(name, f"{name} takes exactly one value")
    value = values[0].strip()
    if not value:
        raise APIParameterError(name, f"{name} needs a value")
    return value


def parse_int(parameter, value, minimum=None, maximum=MAX_ID):
    if not re.fullmatch(r"-?\d{1,10}", value):
        raise APIParameterError(parameter, f"{parameter} must be an integer, not {value[:40]!r}")
    number = int(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise APIParameterError(parameter, f"{parameter} must be between {minimum} and {maximum}")
    return number


def parse_int_range(parameter, value, minimum, maximum):
    """'4' -> (4, 4); '3-5' -> (3, 5)."""
    match = re.fullmatch(r"(\d{1,4})\s*-\s*(\d{1,4})", value)
    if match:
        low = parse_int(parameter, match.group(1), minimum, maximum)
        high = parse_int(parameter, match.group(2), minimum, maximum)
        if low > high:
            raise APIParameterError(parameter, f"{parameter}: the range {value!r} runs backwards")
        return low, high
    number = parse_int(parameter, value, minimum, maximum)
    return number, number


def parse_boolean(parameter, value):
    lowered = value.lower()
    if lowered in {"true", "1", "yes"}:
        return True
    if lowered in {"false", "0", "no"}:
        return False
    raise APIParameterError(parameter, f"{parameter} must be true or false")


def page_models():
    """Every concrete page model of our apps (Wagtail's own Page excluded)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label in {"home", "network", "practices"}
    ]


class PageFilter:
    """One filter parameter of `/api/v2/pages/`.

    `lookups` maps a model label ("network.EventPage") to a function `(queryset, value) -> queryset`.
    Subclasses implement `parse(params)` and may widen `models()`.
    """

    parameter = None
    extra_parameters = ()
    description = ""
    openapi = {"type": "string"}

    def __init__(self, parameter=None, lookups=None, description=None, **kwargs):
        if parameter:
            self.parameter = parameter
        self.lookups = dict(lookups or {})
        if description:
            self.description = description
        for key, value in kwargs.items():
            setattr(self, key, value)

    @property
    def parameters(self):
        return (self.parameter, *self.extra_parameters)

    def is_present(self, params):
        return self.parameter in params

    def models(self):
        return [apps.get_model(label) for label in self.lookups]

    def lookup_for(self, model):
        return self.lookups.get(model._meta.label)

    def narrow(self, model, queryset, value):
        return self.lookup_for(model)(queryset, value)

    def parse(self, params):
        raise NotImplementedError


class SlugListFilter(PageFilter):
    """skill= / topic=: slugs, several (repeated or comma-separated), matched any (default) or all."""

    openapi = {"type": "array", "items": {"type": "string"}}
    vocabulary = None  # a model; unknown slugs of a controlled vocabulary are a 400
    relation = None  # "skill_items" / "topic_items"

    @property
    def match_parameter(self):
        return f"{self.parameter}_match"

    @property
    def extra_parameters(self):
        return (self.match_parameter,)

    def is_present(self, params):
        return self.parameter in params or self.match_parameter in params

    def parse(self, params):
        if self.parameter not in params:
            raise APIParameterError(self.match_parameter, f"{self.match_parameter} needs {self.parameter}")
        slugs = [slug.lower() for slug in parameter_values(params, self.parameter)]
        for slug in slugs:
            if not SLUG_RE.match(slug):
                raise APIParameterError(self.parameter, f"{self.parameter}: {slug[:40]!r} is not a slug")
        if self.vocabulary is not None:
            known = set(self.vocabulary.objects.filter(slug__in=slugs).values_list("slug", flat=True))
            unknown = sorted(set(slugs) - known)
            if unknown:
                raise APIParameterError(self.parameter, f"unknown {self.parameter}: {', '.join(unknown)}")
        match = params.get(self.match_parameter, "any").strip().lower()
        if match not in {"any", "all"}:
            raise APIParameterError(self.match_parameter, f"{self.match_parameter} must be any or all")
        return slugs, match

    def models(self):
        return [model for model in page_models() if hasattr(model, self.relation)]

    def lookup_for(self, model):
        return self.narrow_by_slugs if hasattr(model, self.relation) else None

    def narrow_by_slugs(self, queryset, value):
        slugs, match = value
        if match == "all":
            for slug in slugs:
                queryset = queryset.filter(**{f"{self.relation}__tag__slug": slug})
            return queryset
        return queryset.filter(**{f"{self.relation}__tag__slug__in": slugs})


class SkillCategoryFilter(PageFilter):
    """skill_category=green,digital: pages with at least one skill in one of the categories."""

    parameter = "skill_category"
    openapi = {"type": "array", "items": {"type": "string", "enum": list(SkillCategory.values)}}
    description = "Pages with at least one skill of these categories (green, digital, transversal)."

    def parse(self, params):
        categories = [value.lower() for value in parameter_values(params, self.parameter)]
        unknown = sorted(set(categories) - set(SkillCategory.values))
        if unknown:
            raise APIParameterError(self.parameter, f"unknown skill_category: {', '.join(unknown)[:80]}")
        return categories

    def models(self):
        return [model for model in page_models() if hasattr(model, "skill_items")]

    def lookup_for(self, model):
        if hasattr(model, "skill_items"):
            return lambda queryset, value: queryset.filter(skill_items__tag__category__in=value)
        return None


class MultiValueFilter(PageFilter):
    """A parameter with several values from a closed list (member_type=, country=)."""

    openapi = {"type": "array", "items": {"type": "string"}}
    allowed = None  # callable returning the set of allowed values
    normalise = staticmethod(str.lower)

    def parse(self, params):
        values = [self.normalise(value) for value in parameter_values(params, self.parameter)]
        allowed = self.allowed()
        unknown = sorted(set(values) - allowed)
        if unknown:
            raise APIParameterError(self.parameter, f"unknown {self.parameter}: {', '.join(unknown)[:80]}")
        return values


def any_of(*lookups):
    """A lookup matching `value` (a list) through any of several relations: Q(a__in=v) | Q(b__in=v)."""

    def narrow(queryset, value):
        condition = Q()
        for lookup in lookups:
            condition |= Q(**{f"{lookup}__in": value})
        return queryset.filter(condition).distinct()

    return narrow


def skill_filters():
    return [
        SlugListFilter(
            "skill",
            vocabulary=SkillTag,
            relation="skill_items",
            description="Skill slugs (repeat or comma-separate); `skill_match=all` requires every skill.",
        ),
        SlugListFilter(
            "topic",
            relation="topic_items",
            description="Topic slugs (repeat or comma-separate); `topic_match=all` requires every topic.",
        ),
        SkillCategoryFilter(),
    ]
