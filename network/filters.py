"""The network's filter concepts: member type, member, and the event dates (see `home.filters`)."""

import datetime

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from home.filters import (
    APIParameterError,
    ChoiceListFilter,
    PageFilter,
    parse_boolean,
    parse_int,
    single_value,
)

from .choices import MemberType


class MemberTypeFilter(ChoiceListFilter):
    openapi = {"type": "array", "items": {"type": "string", "enum": list(MemberType.values)}}

    def allowed(self):
        return set(MemberType.values)


def parse_moment(parameter, value):
    """A date (midnight in the site's time zone) or a datetime; naive datetimes are in the site's time zone.

    Offsets beyond ±14:00 are no time zone on Earth (and PostgreSQL rejects them): a 400, not a 500.
    """
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
    offset = moment.utcoffset()
    if offset is not None and abs(offset) > datetime.timedelta(hours=14):
        raise APIParameterError(parameter, f"{parameter}: a UTC offset is at most ±14:00")
    return moment


class MomentFilter(PageFilter):
    """A moment compared with a page's datetime: `comparison` is `gte` (starts_after) or `lt` (starts_before)."""

    openapi = {"type": "string", "format": "date-time"}
    comparison = "gte"

    def parse(self, params):
        return parse_moment(self.name, single_value(params, self.name))

    def condition(self, model, moment):
        condition = Q()
        for lookup in self.lookups(model):
            condition |= Q(**{f"{lookup}__{self.comparison}": moment})
        return condition

    def lookups(self, model):
        return model.filter_lookups.get(self.name, ())


class UpcomingFilter(MomentFilter):
    """`true`: pages that have not ended yet; `false`: past ones (the lookup is the page's end)."""

    openapi = {"type": "boolean"}

    def parse(self, params):
        return parse_boolean(self.name, single_value(params, self.name))

    def condition(self, model, upcoming):
        now = timezone.now()
        condition = Q()
        for lookup in self.lookups(model):
            condition |= Q(**{f"{lookup}__gte": now}) if upcoming else Q(**{f"{lookup}__lt": now})
        return condition


class MemberFilter(PageFilter):
    """One member page id; the lookups are a page's relations to its members."""

    openapi = {"type": "integer", "minimum": 1}

    def parse(self, params):
        member_id = parse_int(self.name, single_value(params, self.name), minimum=1)
        if not apps.get_model("network.MemberPage").objects.live().filter(pk=member_id).exists():
            raise APIParameterError(self.name, f"member {member_id} is not a live member page")
        return member_id

    def condition(self, model, member_id):
        condition = Q()
        for lookup in model.filter_lookups.get(self.name, ()):
            condition |= self.matching(model, lookup, [member_id])
        return condition


member_type = MemberTypeFilter(
    "member_type",
    facet=True,
    description=(
        "Member types (repeat or comma-separate): a member's own type, else the types of the page's members "
        "(practices: owners; projects: coordinator and partners; events: organiser; qualifications: partners; "
        "campaigns: supporters; news: the members it is about)."
    ),
)
starts_after = MomentFilter("starts_after", description="Events starting at or after this ISO 8601 date or datetime.")
starts_before = MomentFilter(
    "starts_before", comparison="lt", description="Events starting before this ISO 8601 date or datetime."
)
upcoming = UpcomingFilter("upcoming", description="`true`: events that have not ended yet; `false`: past events.")
member = MemberFilter(
    "member",
    description=(
        "A member page id: everything of that member: its practices, the events it organises, projects it "
        "coordinates or partners in, qualifications it awards or partners in, campaigns it supports, news about it."
    ),
)
