"""The .ics file attached to an event registration's confirmation."""

from django.conf import settings
from django.utils import timezone

import icalendar


def event_ics(event, request=None):
    """One VEVENT in the event's own time zone (with its VTIMEZONE), as bytes."""
    location = ", ".join(part for part in (event.venue, event.city) if part) or event.online_url
    calendar = icalendar.Calendar.new(prodid=f"-//{settings.WAGTAIL_SITE_NAME}//Guild//EN", method="PUBLISH")
    calendar.add_component(
        icalendar.Event.new(
            uid=f"event-{event.pk}@{settings.WAGTAIL_SITE_NAME.lower().replace(' ', '-')}.guild",
            summary=event.title,
            description=event.summary or None,
            start=event.local_start,
            end=event.local_end,
            stamp=timezone.now(),
            location=location or None,
            url=event.get_full_url(request) or None,
        )
    )
    calendar.add_missing_timezones()
    return calendar.to_ical()
