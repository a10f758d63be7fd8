"""What the network app exposes through the headless API: its filters and the joins its listings need."""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from django_countries import countries

from home.api import (
    APIParameterError,
    MultiValueFilter,
    PageFilter,
    any_of,
    parse_boolean,
    parse_int,
    parse_int_range,
    single_value,
)

from .choices import MemberType
from .models import MemberPage

#: select_related / prefetch_related per page model, so an API listing costs the same queries for 5 or 50 items.
QUERYSET_OPTIMISATIONS = {
    "network.MemberIndexPage": {},
    "network.ProjectIndexPage": {},
    "network.CampaignIndexPage": {},
    "network.EventIndexPage": {},
    "network.NewsIndexPage": {},
    "network.MemberPage": {"select_related": ["logo"], "prefetch_related": ["skills", "topics"]},
    "network.ProjectPage": {
        "select_related": ["coordinator"],
        "prefetch_related": ["skills", "topics", "partner_links__member", "reach_targets"],
    },
    "network.CampaignPage": {
        "select_related": ["call_to_action_page"],
        "prefetch_related": ["skills", "topics", "supporter_links__member", "progress_figures"],
    },
    "network.EventPage": {"select_related": ["organiser", "project"], "prefetch_related": ["skills", "topics"]},
    "network.NewsPage": {
        "select_related": ["project"],
        "prefetch_related": ["skills", "topics", "member_links__member", "event_links__event"],
    },
}


def _upper(value):
    return value.upper()


class CountryFilter(MultiValueFilter):
    parameter = "country"
    description = (
        "ISO 3166 alpha-2 codes (repeat or comma-separate). Members, events and practices by their country; "
        "qualifications by the countries they are offered in; projects by the countries of their consortium."
    )
    openapi = {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z]{2}$"}}
    normalise = staticmethod(_upper)

    def allowed(self):
        return {code for code, _name in countries}


def _qualification_countries(queryset, value):
    # CountryField(multiple=True) stores "FI,ES": match each code as a whole item.
    condition = Q()
    for code in value:
        condition |= Q(countries=code) | Q(countries__startswith=f"{code},") | Q(countries__endswith=f",{code}")
        condition |= Q(countries__contains=f",{code},")
    return queryset.filter(condition)


class MemberTypeFilter(MultiValueFilter):
    parameter = "member_type"
    description = (
        "Member types (repeat or comma-separate): members by type; practices, projects, events by their members."
    )
    openapi = {"type": "array", "items": {"type": "string", "enum": list(MemberType.values)}}

    def allowed(self):
        return set(MemberType.values)


class YearFilter(PageFilter):
    parameter = "year"
    description = (
        "A year or a range (`2024`, `2020-2024`): members by year joined, projects and campaigns active in it, "
        "events by start, news by publication date, practices by start year."
    )
    openapi = {"type": "string", "pattern": "^\\d{4}(-\\d{4})?$"}

    def parse(self, params):
        return parse_int_range(self.parameter, single_value(params, self.parameter), 1900, 2100)


def _overlapping_years(start_field, end_field):
    def narrow(queryset, years):
        low, high = years
        return queryset.filter(
            Q(**{f"{start_field}__year__lte": high})
            & (Q(**{f"{end_field}__isnull": True}) | Q(**{f"{end_field}__year__gte": low}))
        )

    return narrow


def _years_of(field):
    def narrow(queryset, years):
        return queryset.filter(**{f"{field}__gte": years[0], f"{field}__lte": years[1]})

    return narrow


def _parse_moment(parameter, value):
    """A date (midnight in the site's time zone) or a datetime; naive datetimes are in the site's time zone."""
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                raise ValueError
            moment = datetime.datetime.combine(day, datetime.time.min)
    except (ValueError, OverflowError) as error:
        raise APIParameterError(parameter, f"{parameter} must be an ISO 8601 date or datetime") from error
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class MomentFilter(PageFilter):
    openapi = {"type": "string", "format": "date-time"}

    def parse(self, params):
        return _parse_moment(self.parameter, single_value(params, self.parameter))


class UpcomingFilter(PageFilter):
    parameter = "upcoming"
    description = "`true`: events that have not ended yet; `false`: past events."
    openapi = {"type": "boolean"}

    def parse(self, params):
        return parse_boolean(self.parameter, single_value(params, self.parameter))


def _upcoming(queryset, value):
    now = timezone.now()
    return queryset.filter(end__gte=now) if value else queryset.filter(end__lt=now)


class MemberFilter(PageFilter):
    parameter = "member"
    description = (
        "A member page id: everything of that member: its practices, the events it organises, projects it "
        "coordinates or partners in, qualifications it awards or partners in, campaigns it supports, news about it."
    )
    openapi = {"type": "integer", "minimum": 1}

    def parse(self, params):
        member_id = parse_int(self.parameter, single_value(params, self.parameter), minimum=1)
        if not MemberPage.objects.live().filter(pk=member_id).exists():
            raise APIParameterError(self.parameter, f"member {member_id} is not a live member page")
        return member_id


def _single(lookup):
    return lambda queryset, value: lookup(queryset, [value])


def network_filters():
    country = CountryFilter(
        lookups={
            "network.MemberPage": lambda queryset, value: queryset.filter(country__in=value),
            "network.EventPage": lambda queryset, value: queryset.filter(country__in=value),
            "network.ProjectPage": any_of("coordinator__country", "partner_links__member__country"),
            "practices.GoodPracticePage": lambda queryset, value: queryset.filter(country__in=value),
            "practices.JointQualificationPage": _qualification_countries,
        }
    )
    member_type = MemberTypeFilter(
        lookups={
            "network.MemberPage": lambda queryset, value: queryset.filter(member_type__in=value),
            "network.EventPage": lambda queryset, value: queryset.filter(organiser__member_type__in=value),
            "network.ProjectPage": any_of("coordinator__member_type", "partner_links__member__member_type"),
            "practices.GoodPracticePage": any_of("owners__member__member_type"),
        }
    )
    year = YearFilter(
        lookups={
            "network.MemberPage": _years_of("joined_on__year"),
            "network.ProjectPage": _overlapping_years("start_date", "end_date"),
            "network.CampaignPage": _overlapping_years("start_date", "end_date"),
            "network.EventPage": _years_of("start__year"),
            "network.NewsPage": _years_of("publication_date__year"),
            "practices.GoodPracticePage": _years_of("start_year"),
        }
    )
    member = MemberFilter(
        lookups={
            "network.EventPage": any_of("organiser_id"),
            "network.ProjectPage": any_of("coordinator_id", "partner_links__member_id"),
            "network.CampaignPage": any_of("supporter_links__member_id"),
            "network.NewsPage": any_of("member_links__member_id"),
            "practices.GoodPracticePage": any_of("owners__member_id"),
            "practices.JointQualificationPage": any_of("partner_links__member_id"),
        }
    )
    # any_of matches a list of values; `member` is one id.
    member.lookups = {label: _single(lookup) for label, lookup in member.lookups.items()}
    return [
        country,
        member_type,
        year,
        MomentFilter(
            "starts_after",
            lookups={"network.EventPage": lambda queryset, value: queryset.filter(start__gte=value)},
            description="Events starting at or after this ISO 8601 date or datetime.",
        ),
        MomentFilter(
            "starts_before",
            lookups={"network.EventPage": lambda queryset, value: queryset.filter(start__lt=value)},
            description="Events starting before this ISO 8601 date or datetime.",
        ),
        UpcomingFilter(lookups={"network.EventPage": _upcoming}),
        member,
    ]


#: `order=date` / `order=-date`: the field that dates each page type (`first_published_at` for the rest).
DATE_FIELDS = {
    "network.MemberPage": "joined_on",
    "network.ProjectPage": "start_date",
    "network.CampaignPage": "start_date",
    "network.EventPage": "start",
    "network.NewsPage": "publication_date",
}
