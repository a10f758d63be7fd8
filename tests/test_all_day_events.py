"""Events that take whole days (00:00 to 23:59 in their own time zone) show dates, not midnight times."""

import datetime
import json
import re
import zoneinfo

import icalendar
import pytest

from . import factories

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


@pytest.fixture
def forum(site_tree):
    """The Warsaw Social Affairs Forum: 22-24 October, whole days."""
    return factories.EventPageFactory(
        parent=site_tree.events,
        title="Social Affairs Forum",
        time_zone="Europe/Warsaw",
        start=datetime.datetime(2030, 10, 22, 0, 0, tzinfo=WARSAW),
        end=datetime.datetime(2030, 10, 24, 23, 59, tzinfo=WARSAW),
        city="Warsaw",
        country="PL",
    )


@pytest.fixture
def webinar(site_tree):
    return factories.EventPageFactory(
        parent=site_tree.events,
        title="Heritage webinar",
        time_zone="Europe/Brussels",
        start=datetime.datetime(2030, 2, 6, 0, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels")),
        end=datetime.datetime(2030, 2, 6, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels")),
    )


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_a_multi_day_event_shows_its_first_and_last_day(client, forum):
    page = text(client.get(forum.url))
    assert "22 October 2030 – 24 October 2030" in page
    assert "00:00" not in page and "23:59" not in page


def test_a_one_day_event_says_all_day(client, webinar):
    page = text(client.get(webinar.url))
    assert "6 February 2030 (all day)" in page
    assert "23:59" not in page
    listing = text(client.get(webinar.get_parent().url))
    assert "6 February 2030 (all day)" in listing


def test_timed_events_keep_their_hours(client, site_tree):
    event = factories.EventPageFactory(
        parent=site_tree.events,
        time_zone="Europe/Warsaw",
        start=datetime.datetime(2030, 3, 1, 10, 0, tzinfo=WARSAW),
        end=datetime.datetime(2030, 3, 1, 12, 30, tzinfo=WARSAW),
    )
    assert not event.is_all_day
    assert re.search(r"1 March 2030, 10:00 ?– ?12:30", text(client.get(event.url)))


def test_calendars_get_date_values_with_an_exclusive_end(client, forum, webinar):
    calendar = icalendar.Calendar.from_ical(client.get("/feeds/events.ics").content)
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert events["Social Affairs Forum"].decoded("dtstart") == datetime.date(2030, 10, 22)
    assert events["Social Affairs Forum"].decoded("dtend") == datetime.date(2030, 10, 25)
    assert events["Heritage webinar"].decoded("dtend") == datetime.date(2030, 2, 7)


def test_structured_data_gives_dates(client, forum):
    html = client.get(forum.url).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    event = next(data for data in map(json.loads, blocks) if data.get("@type") == "Event")
    assert (event["startDate"], event["endDate"]) == ("2030-10-22", "2030-10-24")
