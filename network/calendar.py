"""iCalendar (RFC 5545) for events: the calendar feeds and the .ics attached to a registration's confirmation.

One VEVENT builder for both, so an event has the same UID wherever a calendar app got it from (importing the
feed after the confirmation updates the event instead of duplicating it).
"""

import datetime

from django.conf import settings
from django.utils import timezone

import icalendar

from home.site_address import public_hostname


def calendar_host(request=None):
    """The host part of event UIDs: the public address's, whichever host the request came through."""
    return public_hostname()


def event_component(event, request=None, stamp=None):
    """One VEVENT in the event's own time zone (TZID); whole-day events as DATE values."""
    host = calendar_host(request)
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.pk}@{host}")
    entry.add("dtstamp", stamp or timezone.now())
    if event.is_all_day:  # DTEND of a DATE event is the day after its last day (RFC 5545, 3.6.1)
        entry.add("dtstart", event.local_start.date())
        entry.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        entry.add("dtstart", event.local_start)
        entry.add("dtend", event.local_end)
    entry.add("summary", event.title)
    if event.summary:
        entry.add("description", event.summary)
    url = event.get_full_url(request)
    if url:
        entry.add("url", url)
    location = ", ".join(
        part for part in (event.venue, event.city, str(event.country.name) if event.country else "") if part
    )
    if event.format == "online":
        location = event.online_url or "Online"
    if location:
        entry.add("location", location)
    if event.organiser_id and event.organiser.live:
        organiser = event.organiser
        entry.add(
            "organizer", f"mailto:{organiser.contact_email or 'no-reply@' + host}", parameters={"CN": organiser.title}
        )
    categories = [skill.label for skill in event.skills.all()]
    if categories:
        entry.add("categories", categories)
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at)
    return entry


def build_calendar(events, request=None, title=None):
    """A calendar of these events with the VTIMEZONE definitions of every zone they use."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Guild events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if title:
        calendar.add("x-wr-calname", title)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for event in events:
        calendar.add_component(event_component(event, request, stamp))
    calendar.add_missing_timezones()
    return calendar


def event_ics(event, request=None):
    """The .ics of one event, as bytes."""
    return build_calendar([event], request).to_ical()
