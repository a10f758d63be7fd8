"""RSS and Atom for news, iCalendar for events: parsed by feedparser and icalendar."""

import feedparser
import icalendar

from .api_content import network_fixture  # noqa: F401  (fixture)


def test_news_rss_and_atom_site_wide_and_per_tag(client, network):
    rss = client.get("/feeds/news.rss")
    assert rss.status_code == 200
    parsed = feedparser.parse(rss.content)
    assert not parsed.bozo
    assert parsed.version == "rss20"
    assert [entry.title for entry in parsed.entries] == ["Ghent trains solar installers", "Lyon coding school opens"]
    assert parsed.entries[0].link == network.news.get_full_url()
    atom = feedparser.parse(client.get("/feeds/news.atom").content)
    assert atom.version == "atom10"
    assert len(atom.entries) == 2
    per_skill = feedparser.parse(client.get("/feeds/news/skill/coding.rss").content)
    assert [entry.title for entry in per_skill.entries] == ["Lyon coding school opens"]
    per_topic = feedparser.parse(client.get("/feeds/news/topic/economy.atom").content)
    assert [entry.title for entry in per_topic.entries] == ["Ghent trains solar installers"]
    assert client.get("/feeds/news/skill/nothing.rss").status_code == 404
    assert client.get("/feeds/news/colour/coding.rss").status_code == 404


def test_events_calendar_with_time_zones(client, network):
    response = client.get("/feeds/events.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"Solar forum in Ghent", "Coding bootcamp Lyon"}
    forum = events["Solar forum in Ghent"]
    assert forum["dtstart"].params["TZID"] == "Europe/Helsinki"
    assert forum.decoded("dtstart") == network.event.start.replace(microsecond=0)
    assert "City Hall" in str(forum["location"])
    assert {str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")} >= {"Europe/Helsinki"}
    skill_calendar = icalendar.Calendar.from_ical(client.get("/feeds/events/skill/solar-installation.ics").content)
    assert [str(event["summary"]) for event in skill_calendar.walk("VEVENT")] == ["Solar forum in Ghent"]
    member_calendar = icalendar.Calendar.from_ical(client.get(f"/feeds/events/member/{network.lyon.pk}.ics").content)
    assert [str(event["summary"]) for event in member_calendar.walk("VEVENT")] == ["Coding bootcamp Lyon"]
    assert client.get("/feeds/events/member/999999.ics").status_code == 404
    assert client.get("/feeds/events/skill/nothing.ics").status_code == 404


def test_pages_advertise_the_feeds(client, network):
    html = client.get("/").content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/feeds/events.ics"' in html


def test_feeds_hold_each_item_once_in_the_feed_s_language(client, network):
    """A French feed has the French translation where there is one and the English item where there is none."""
    from wagtail.models import Locale

    from .i18n_tree import translate

    french = Locale.objects.create(language_code="fr")
    translate(network.news, french, title="Gand forme des installateurs solaires", slug="gand-solaire")
    translate(network.event, french, title="Forum solaire à Gand", slug="forum-solaire")

    default = feedparser.parse(client.get("/feeds/news.rss").content)
    assert [entry.title for entry in default.entries] == ["Ghent trains solar installers", "Lyon coding school opens"]
    in_french = feedparser.parse(client.get("/feeds/news.rss", {"language": "fr"}).content)
    assert [entry.title for entry in in_french.entries] == [
        "Gand forme des installateurs solaires",
        "Lyon coding school opens",
    ]
    assert in_french.feed.title.endswith(" : actualités")
    assert in_french.feed.language == "fr"
    assert in_french.entries[0].link.endswith("/fr/" + in_french.entries[0].link.split("/fr/", 1)[1])

    calendar = icalendar.Calendar.from_ical(client.get("/feeds/events.ics", {"language": "fr"}).content)
    default_calendar = icalendar.Calendar.from_ical(client.get("/feeds/events.ics").content)
    english_summaries = [str(event["summary"]) for event in default_calendar.walk("VEVENT")]
    french_summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert french_summaries == [
        "Forum solaire à Gand" if title == network.event.title else title for title in english_summaries
    ]
    assert "Forum solaire à Gand" not in {str(event["summary"]) for event in default_calendar.walk("VEVENT")}

    assert client.get("/feeds/news.rss", {"language": "xx"}).status_code == 404
    assert client.get("/feeds/events.ics", {"language": "<script>"}).status_code == 404
