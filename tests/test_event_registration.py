"""Registering for events on the platform: capacity, confirmation with .ics, CSV export, full events."""

import csv
import datetime
import io

from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import icalendar
import pytest

from network.models import EventFull, EventRegistration, ensure_network_review

from .factories import EventPageFactory


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event(site_tree):
    start = timezone.make_aware(datetime.datetime(2031, 3, 12, 10, 0), timezone=datetime.UTC)
    return EventPageFactory(
        parent=site_tree.events,
        title="Green skills forum",
        start=start,
        end=start + datetime.timedelta(hours=6),
        time_zone="Europe/Helsinki",
        registration_open=True,
        capacity=2,
        venue="City Hall",
        city="Tampere",
    )


def register_url(event):
    return reverse("network:event_register", kwargs={"page_id": event.pk})


def registration(**overrides):
    return {
        "name": "Aino Virtanen",
        "organisation": "Tampere",
        "email": "aino@example.fi",
        "consent": "on",
        **overrides,
    }


def test_the_event_page_offers_registration_and_shows_seats(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    page = client.get(register_url(event)).content.decode()
    assert "2 seats left" in page
    assert 'name="email"' in page


def test_a_registration_is_stored_and_confirmed_with_an_ics_in_the_event_time_zone(client, event):
    response = client.post(register_url(event), registration())
    assert response.status_code == 302
    assert response["Location"] == reverse("network:event_registered", kwargs={"page_id": event.pk})
    stored = EventRegistration.objects.get()
    assert (stored.event_id, stored.email, stored.consent) == (event.pk, "aino@example.fi", True)

    message = mail.outbox[0]
    assert message.to == ["aino@example.fi"]
    assert "Green skills forum" in message.subject
    assert "12:00" in message.body  # 10:00 UTC is 12:00 in Helsinki
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    vevent = next(iter(calendar.walk("VEVENT")))
    start = vevent.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/Helsinki"
    assert start.hour == 12
    assert start == event.start
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Helsinki"
    assert vevent["SUMMARY"] == "Green skills forum"


def test_a_full_event_says_so_and_refuses_more(client, event):
    client.post(register_url(event), registration(email="one@example.org"))
    client.post(register_url(event), registration(email="two@example.org"))
    response = client.post(register_url(event), registration(email="three@example.org"))
    assert response.status_code == 409
    assert "This event is full" in response.content.decode()
    assert EventRegistration.objects.count() == 2
    assert "This event is full" in client.get(register_url(event)).content.decode()


def test_the_same_address_cannot_register_twice(client, event):
    client.post(register_url(event), registration())
    response = client.post(register_url(event), registration(email="AINO@example.fi"))
    assert response.status_code == 200
    assert "already registered" in response.content.decode()
    assert EventRegistration.objects.count() == 1


def test_the_capacity_is_checked_under_a_lock_in_the_same_transaction(event):
    event.register(name="One", email="one@example.org")
    with CaptureQueriesContext(connection) as queries:
        event.register(name="Two", email="two@example.org")
    sql = [query["sql"] for query in queries.captured_queries]
    lock = next(index for index, statement in enumerate(sql) if 'FROM "network_eventpage"' in statement)
    count = next(index for index, statement in enumerate(sql) if "COUNT(" in statement)
    insert = next(index for index, statement in enumerate(sql) if statement.startswith("INSERT"))
    assert lock < count < insert
    if connection.features.has_select_for_update:
        assert "FOR UPDATE" in sql[lock]
    with pytest.raises(EventFull):
        event.register(name="Three", email="three@example.org")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [({"email": "x"}, "email"), ({"name": ""}, "name"), ({"consent": ""}, "consent"), ({"name": "n" * 151}, "name")],
)
def test_bad_registrations_get_form_errors(client, event, overrides, field):
    response = client.post(register_url(event), registration(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not EventRegistration.objects.exists()


def test_events_without_registration_or_in_the_past_have_no_form(client, site_tree):
    closed = EventPageFactory(parent=site_tree.events, registration_open=False)
    past = EventPageFactory(
        parent=site_tree.events,
        registration_open=True,
        start=timezone.now() - datetime.timedelta(days=3),
        end=timezone.now() - datetime.timedelta(days=2),
    )
    for page in (closed, past):
        assert client.get(register_url(page)).status_code == 404
        assert client.post(register_url(page), registration()).status_code == 404
    assert client.get(reverse("network:event_register", kwargs={"page_id": 987654})).status_code == 404


def test_editors_and_the_organiser_export_registrations_as_csv(client, event, site_tree):
    ensure_network_review()
    event.register(name='=HYPERLINK("http://evil")', email="one@example.org", organisation="Tampere")
    csv_url = reverse("network_event_registrations_csv", args=[event.pk])
    editor = User.objects.create_user("editor", "editor@guild.example", "pw-editor-12345")
    editor.groups.add(Group.objects.get(name="Editors"))
    outsider = User.objects.create_user("outsider", "o@example.org", "pw-outsider-12345")
    outsider.groups.add(Group.objects.get(name="Members"))

    client.force_login(outsider)
    assert client.get(csv_url).status_code in (302, 403)

    client.force_login(editor)
    response = client.get(csv_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["name", "organisation", "email", "registered_at"]
    assert rows[1][0].startswith("'=")  # a formula stays text in spreadsheets
    assert rows[1][2] == "one@example.org"

    listing = client.get(reverse("network_registrations:index") + f"?event={event.pk}&export=csv")
    assert listing.status_code == 200
    assert (
        "one@example.org" in b"".join(listing.streaming_content if listing.streaming else [listing.content]).decode()
    )


def test_registration_counts_do_not_grow_queries_on_the_form(client, event, django_assert_max_num_queries):
    event.capacity = 50
    event.save()
    for number in range(20):
        event.register(name=f"Person {number}", email=f"p{number}@example.org")
    with django_assert_max_num_queries(12):
        assert client.get(register_url(event)).status_code == 200
