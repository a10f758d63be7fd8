"""One filter definition per concept, shared by the API, the listing forms and the search facets.

A filter (`PageFilter`) is a concept with one meaning everywhere: "country", "member type", "year", ...
Page classes declare, in `filter_lookups`, the model lookups that carry the concept for them:

    class ProjectPage(TaggedPageMixin, Page):
        filter_lookups = {
            **TaggedPageMixin.filter_lookups,
            "country": ("coordinator__country", "partner_links__member__country"),
            "year": ("start_date", "end_date"),
        }

From that one declaration a filter derives
- `condition(model, value)`: the SQL condition, used by the API's filter backend (`api.backends`) and by the
  index pages' filter forms (`home.forms`);
- `page_values(page)`: the same facts read from one page object, which the search facets index
  (`TaggedPageMixin.search_countries` ...), so a search facet counts what the API and the listings find.

Values parse strictly: a malformed value raises `APIParameterError` naming its parameter (a 400 in the API).
The meanings (which page says what about a country, a year ...) are documented in docs/api.md.
Generic filters live here; a content app defines the filters of its own vocabulary (`network.filters`,
`practices.filters`). Every filter registers itself in `FILTERS` by name.
"""

import datetime
import re

from django.db.models import Q
from django.utils import timezone

from django_countries import countries
from django_countries.fields import CountryField

from home.models.vocabulary import SkillCategory, SkillTag

MAX_ID = 2**31 - 1
SLUG_RE = re.compile(r"^[-\w]{1,100}$")

#: name -> PageFilter, in definition order (the order of the OpenAPI parameters).
FILTERS = {}


class APIParameterError(Exception):
    """A query parameter with a value we cannot use; the API answers 400 naming `parameter`."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter


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


def lookups_of(model, name):
    """The lookups through which `model` carries the concept `name` (empty: the filter does not apply)."""
    return tuple(getattr(model, "filter_lookups", {}).get(name, ()))


def resolve_field(model, lookup):
    """The model field at the end of a lookup path (`partner_links__member__country` -> MemberPage.country)."""
    field = None
    for part in lookup.split("__"):
        field = model._meta.get_field(part)
        if field.is_relation and field.related_model is not None:
            model = field.related_model
    return field


def follow(obj, lookup):
    """The values at the end of a lookup path, read from an object (managers expanded, None dropped)."""
    items = [obj]
    for part in lookup.split("__"):
        following = []
        for item in items:
            value = getattr(item, part, None)
            if value is None:
                continue
            if hasattr(value, "all") and callable(value.all):
                following.extend(value.all())
            else:
                following.append(value)
        items = following
    return items


class PageFilter:
    """One concept, as an API parameter, a listing filter and (when `facet`) a search facet.

    Subclasses implement `parse(params)` (the API's strict parsing), `condition(model, value)` and, for facets,
    `value_strings(item)` (how one value reached by a lookup reads as a facet value).
    """

    name = None
    extra_parameters = ()
    description = ""
    openapi = {"type": "string"}
    facet = False

    def __init__(self, name=None, **attributes):
        if name:
            self.name = name
        for key, value in attributes.items():
            setattr(self, key, value)
        FILTERS[self.name] = self

    @property
    def parameter(self):
        return self.name

    @property
    def parameters(self):
        return (self.name, *self.extra_parameters)

    def is_present(self, params):
        return self.name in params

    def applies_to(self, model):
        return bool(lookups_of(model, self.name))

    def parse(self, params):
        raise NotImplementedError

    def condition(self, model, value):
        raise NotImplementedError

    def narrow(self, queryset, value):
        """`queryset` narrowed to the pages matching `value` (by primary key, so it stays searchable)."""
        return queryset.filter(self.condition(queryset.model, value))

    def page_values(self, page):
        """This page's values of the concept, as the search facets store them (sorted strings)."""
        values = set()
        for lookup in lookups_of(type(page), self.name):
            for item in follow(page, lookup):
                values.update(self.value_strings(item))
        return sorted(values)

    def value_strings(self, item):
        return [str(item)] if str(item) else []

    def matching(self, model, lookup, values):
        """Pages of `model` whose `lookup` is one of `values`, as a primary-key subquery."""
        return Q(pk__in=model.objects.filter(**{f"{lookup}__in": values}).values("pk"))


class ChoiceListFilter(PageFilter):
    """Several values from a closed list (member_type=, skill_category=): a page matches any of them."""

    openapi = {"type": "array", "items": {"type": "string"}}
    allowed = None  # callable returning the set of allowed values

    def normalise(self, value):
        return value.lower()

    def parse(self, params):
        values = [self.normalise(value) for value in parameter_values(params, self.name)]
        unknown = sorted(set(values) - set(self.allowed()))
        if unknown:
            raise APIParameterError(self.name, f"unknown {self.name}: {', '.join(unknown)[:80]}")
        return values

    def condition(self, model, values):
        condition = Q()
        for lookup in lookups_of(model, self.name):
            condition |= self.matching(model, lookup, values)
        return condition


class CountryFilter(ChoiceListFilter):
    """ISO 3166 codes; a multiple CountryField ("FI,ES") matches each code as a whole item."""

    openapi = {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z]{2}$"}}

    def normalise(self, value):
        return value.upper()

    def allowed(self):
        return {code for code, _name in countries}

    def matching(self, model, lookup, values):
        field = resolve_field(model, lookup)
        if not (isinstance(field, CountryField) and field.multiple):
            return super().matching(model, lookup, values)
        condition = Q()
        for code in values:
            condition |= Q(**{lookup: code}) | Q(**{f"{lookup}__startswith": f"{code},"})
            condition |= Q(**{f"{lookup}__endswith": f",{code}"}) | Q(**{f"{lookup}__contains": f",{code},"})
        return Q(pk__in=model.objects.filter(condition).values("pk"))

    def value_strings(self, item):
        if hasattr(item, "code"):
            return [item.code] if item.code else []
        if isinstance(item, str):
            return [code for code in item.split(",") if code]
        return [code for country in item for code in self.value_strings(country)]

    def codes_in(self, queryset):
        """Every country code the pages of `queryset` carry (the listing form offers only these)."""
        codes = set()
        for lookup in lookups_of(queryset.model, self.name):
            for value in queryset.order_by().values_list(lookup, flat=True).distinct():
                codes.update(self.value_strings(value or ""))
        return codes


class SlugListFilter(PageFilter):
    """skill= / topic=: slugs, several (repeated or comma-separated), matched any (default) or all."""

    openapi = {"type": "array", "items": {"type": "string"}}
    vocabulary = None  # a model; unknown slugs of a controlled vocabulary are a 400
    facet = True

    @property
    def match_parameter(self):
        return f"{self.name}_match"

    @property
    def extra_parameters(self):
        return (self.match_parameter,)

    def is_present(self, params):
        return self.name in params or self.match_parameter in params

    def parse(self, params):
        if self.name not in params:
            raise APIParameterError(self.match_parameter, f"{self.match_parameter} needs {self.name}")
        slugs = [slug.lower() for slug in parameter_values(params, self.name)]
        for slug in slugs:
            if not SLUG_RE.match(slug):
                raise APIParameterError(self.name, f"{self.name}: {slug[:40]!r} is not a slug")
        if self.vocabulary is not None:
            known = set(self.vocabulary.objects.filter(slug__in=slugs).values_list("slug", flat=True))
            unknown = sorted(set(slugs) - known)
            if unknown:
                raise APIParameterError(self.name, f"unknown {self.name}: {', '.join(unknown)}")
        match = params.get(self.match_parameter, "any").strip().lower()
        if match not in {"any", "all"}:
            raise APIParameterError(self.match_parameter, f"{self.match_parameter} must be any or all")
        return slugs, match

    def condition(self, model, value):
        slugs, match = value
        groups = [[slug] for slug in slugs] if match == "all" else [slugs]
        condition = Q()
        for group in groups:
            any_lookup = Q()
            for lookup in lookups_of(model, self.name):
                any_lookup |= self.matching(model, lookup, group)
            condition &= any_lookup
        return condition


class YearFilter(PageFilter):
    """`year=2024` or `year=2020-2024`: pages whose period overlaps those years.

    A page declares its period as `(start,)` (a date, a datetime or a year number) or `(start, end)`; a page
    without an end counts in its start year only (an open period would match every year to come).
    """

    openapi = {"type": "string", "pattern": "^\\d{4}(-\\d{4})?$"}
    facet = True

    def parse(self, params):
        return parse_int_range(self.name, single_value(params, self.name), 1900, 2100)

    @staticmethod
    def year_lookup(model, lookup):
        field = resolve_field(model, lookup)
        return lookup if field.get_internal_type().endswith("IntegerField") else f"{lookup}__year"

    def condition(self, model, years):
        low, high = years
        lookups = lookups_of(model, self.name)
        start = self.year_lookup(model, lookups[0])
        if len(lookups) == 1:
            return Q(**{f"{start}__gte": low, f"{start}__lte": high})
        end_field, end = lookups[1], self.year_lookup(model, lookups[1])
        no_end = Q(**{f"{end_field}__isnull": True, f"{start}__gte": low})
        return Q(**{f"{start}__lte": high}) & (Q(**{f"{end}__gte": low}) | no_end)

    @staticmethod
    def year_of(value):
        if isinstance(value, int):
            return value
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value).year if timezone.is_aware(value) else value.year
        return value.year

    def page_values(self, page):
        lookups = lookups_of(type(page), self.name)
        if not lookups:
            return []
        start = getattr(page, lookups[0], None)
        if start is None:
            return []
        first = self.year_of(start)
        if len(lookups) == 1:
            return [str(first)]
        end = getattr(page, lookups[1], None)
        last = self.year_of(end) if end is not None else first
        return [str(year) for year in range(first, last + 1)]


class RangeFilter(PageFilter):
    """A number or a range (`eqf_level=4`, `eqf_level=3-5`), or `<name>_min` / `<name>_max` alone or together."""

    minimum, maximum = 1, 8
    facet = True

    @property
    def extra_parameters(self):
        return (f"{self.name}_min", f"{self.name}_max")

    @property
    def openapi(self):
        return {"type": "string", "pattern": f"^[{self.minimum}-{self.maximum}](-[{self.minimum}-{self.maximum}])?$"}

    def is_present(self, params):
        return any(name in params for name in self.parameters)

    def parse(self, params):
        low_name, high_name = self.extra_parameters
        low, high = self.minimum, self.maximum
        if self.name in params:
            if low_name in params or high_name in params:
                raise APIParameterError(self.name, f"use {self.name} or {low_name}/{high_name}, not both")
            low, high = parse_int_range(self.name, single_value(params, self.name), self.minimum, self.maximum)
        if low_name in params:
            low = parse_int(low_name, single_value(params, low_name), self.minimum, self.maximum)
        if high_name in params:
            high = parse_int(high_name, single_value(params, high_name), self.minimum, self.maximum)
        if low > high:
            raise APIParameterError(low_name, f"{low_name} cannot be above {high_name}")
        return low, high

    def condition(self, model, value):
        condition = Q()
        for lookup in lookups_of(model, self.name):
            condition |= Q(**{f"{lookup}__gte": value[0], f"{lookup}__lte": value[1]})
        return condition


class SkillCategoryFilter(ChoiceListFilter):
    def allowed(self):
        return set(SkillCategory.values)


country = CountryFilter(
    "country",
    facet=True,
    description=(
        "ISO 3166 alpha-2 codes (repeat or comma-separate). A page's own country where it has one (members, "
        "events, practices), the countries a qualification is offered in, else its members' countries (projects: "
        "coordinator and partners; campaigns: supporters; news: the members it is about)."
    ),
)
skill = SlugListFilter(
    "skill",
    vocabulary=SkillTag,
    description="Skill slugs (repeat or comma-separate); `skill_match=all` requires every skill.",
)
topic = SlugListFilter(
    "topic", description="Topic slugs (repeat or comma-separate); `topic_match=all` requires every topic."
)
skill_category = SkillCategoryFilter(
    "skill_category",
    openapi={"type": "array", "items": {"type": "string", "enum": list(SkillCategory.values)}},
    description="Pages with at least one skill of these categories (green, digital, transversal).",
)
year = YearFilter(
    "year",
    description=(
        "A year or a range (`2024`, `2020-2024`): pages whose period overlaps it: members by the year they "
        "joined, projects, campaigns and practices while they run, events by their dates, news by publication."
    ),
)
