"""Personal data: editors only, exportable and erasable per person, never in the API."""

import json
from io import StringIO

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

import pytest

from network.choices import ApplicationStatus, PledgeStatus
from network.models import ContactRequest, EventRegistration, MembershipApplication, ensure_network_review

from .factories import EventPageFactory

EMAIL = "Aino.Virtanen@example.fi"


@pytest.fixture
def personal_data(site_tree):
    ensure_network_review()
    event = EventPageFactory(parent=site_tree.events, title="Forum", registration_open=True, capacity=10)
    event.register(name="Aino Virtanen", email=EMAIL, organisation="Tampere")
    event.register(name="Someone else", email="else@example.org")
    ContactRequest.objects.create(name="Aino", email=EMAIL.lower(), subject="Hello", message="Call me", consent=True)
    application = MembershipApplication.objects.create(
        organisation_name="Tampere",
        member_type="city",
        country="FI",
        city="Tampere",
        contact_name="Aino Virtanen",
        email=EMAIL,
        pledge_status=PledgeStatus.HOLDS,
        motivation="My personal reasons",
        consent=True,
    )
    return {"event": event, "application": application}


def test_privacy_export_lists_everything_about_one_person(personal_data):
    out = StringIO()
    call_command("privacy_export", "--email", "aino.virtanen@EXAMPLE.fi", stdout=out)
    data = json.loads(out.getvalue())
    assert [item["name"] for item in data["event_registrations"]] == ["Aino Virtanen"]
    assert data["event_registrations"][0]["event"] == "Forum"
    assert [item["subject"] for item in data["contact_requests"]] == ["Hello"]
    assert data["membership_applications"][0]["motivation"] == "My personal reasons"
    assert "Someone else" not in out.getvalue()


def test_privacy_erase_removes_the_person_and_keeps_others(personal_data):
    out = StringIO()
    call_command("privacy_erase", "--email", EMAIL, "--noinput", stdout=out)
    assert not EventRegistration.objects.filter(email__iexact=EMAIL).exists()
    assert EventRegistration.objects.filter(email="else@example.org").exists()
    assert not ContactRequest.objects.exists()
    assert not MembershipApplication.objects.exists()  # a new application is deleted outright
    assert "event_registrations: 1" in out.getvalue()


def test_erasing_an_accepted_applicant_keeps_the_decision_but_not_the_person(personal_data):
    application = personal_data["application"]
    # Accepting publishes the new member page, so the editor needs the right to publish.
    editor = User.objects.create_superuser("editor", "editor@guild.example", "pw-editor-12345")
    application.accept(by=editor)
    call_command("privacy_erase", "--email", EMAIL, "--noinput", stdout=StringIO())
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    assert application.member_page is not None
    assert (application.contact_name, application.motivation, application.ip_hash) == ("", "", "")
    assert EMAIL.lower() not in application.email.lower()
    account = User.objects.get(pk=User.objects.exclude(pk=editor.pk).get().pk)
    assert account.email == "" and account.is_active is False


def test_the_admin_privacy_view_exports_and_erases_for_editors_only(client, personal_data):
    url = reverse("network_privacy")
    member = User.objects.create_user("member", "member@example.org", "pw-member-12345")
    member.groups.add(Group.objects.get(name="Members"))
    client.force_login(member)
    assert client.get(url).status_code in (302, 403)

    editor = User.objects.create_user("editor", "editor@guild.example", "pw-editor-12345")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(url).status_code == 200
    response = client.post(url, {"email": EMAIL, "action": "export"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="personal-data.json"'
    assert json.loads(response.content)["contact_requests"][0]["message"] == "Call me"

    response = client.post(url, {"email": EMAIL, "action": "erase"})  # not confirmed
    assert response.status_code == 200
    assert ContactRequest.objects.exists()
    response = client.post(url, {"email": EMAIL, "action": "erase", "confirm": "on"})
    assert response.status_code == 302
    assert not ContactRequest.objects.exists()
    assert client.post(url, {"email": "not-an-email", "action": "export"}).status_code == 200


def test_the_events_api_exposes_no_registrant_data(client, personal_data):
    personal_data["event"].save_revision().publish()
    response = client.get("/api/v2/pages/", {"type": "network.EventPage", "fields": "*"})
    assert response.status_code == 200
    body = response.content.decode().lower()
    assert personal_data["event"].title.lower() in body
    assert EMAIL.lower() not in body
    assert "aino virtanen" not in body
    detail = client.get(f"/api/v2/pages/{personal_data['event'].pk}/").content.decode().lower()
    assert EMAIL.lower() not in detail and "registrations" not in detail


def test_personal_data_models_are_not_api_endpoints(client, personal_data):
    for path in ("/api/v2/membershipapplications/", "/api/v2/registrations/", "/api/v2/contactrequests/"):
        assert client.get(path).status_code == 404
