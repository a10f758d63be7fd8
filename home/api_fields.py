"""Serializer fields of the headless API: what page models list in their `api_fields`.

Each field is a DRF `Field` that declares `openapi` (its JSON Schema), so the OpenAPI document
(`api.openapi`) is built from the same classes that produce the JSON and cannot drift from it.
"""

from django.urls import NoReverseMatch

from wagtail.models import Page

from rest_framework.fields import Field, SkipField

from home.blocks import IMAGE_SCHEMA, image_representation
from home.models.vocabulary import SkillCategory


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


class ImageField(Field):
    """An image: `{"id", "title", "alt", "url", "width", "height", "renditions"}`, URLs at the public address.

    `url` is the `spec` rendition (a 16:9 card crop by default); `renditions` are uncropped widths for `srcset`.
    """

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


class PageSummaryListField(Field):
    """A list of pages (a method or property returning pages) as page summaries; only live pages.

    `detail_only`: left out of listings, even with `fields=*` (a value computed per page, such as similar pages,
    would cost queries per item there).
    """

    openapi = {"type": "array", "items": PAGE_SUMMARY_SCHEMA}

    def __init__(self, detail_only=False, **kwargs):
        kwargs.setdefault("read_only", True)
        self.detail_only = detail_only
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        view = self.context.get("view")
        if self.detail_only and getattr(view, "action", None) != "detail_view":
            raise SkipField
        return super().get_attribute(instance)

    def to_representation(self, pages):
        request = self.context.get("request")
        return [page_summary(page, request) for page in pages if page.live]


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

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        # A method computing the list is called; a related manager (callable too, for `manager=`) is not.
        return value() if callable(value) and not hasattr(value, "all") else value

    def to_representation(self, items):
        # A related manager (reach targets) or a computed list (pledge progress, supporter figures).
        items = items.all() if hasattr(items, "all") else items
        return [{name: getattr(item, name) for name in self.attributes} for item in items]


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
