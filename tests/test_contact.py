"""The contact form: "send us a message and we will contact you back"."""

from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

import pytest

from network.models import ContactRequest, ensure_network_review

CONTACT_URL = "/contact/"


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


def contact_data(**overrides):
    data = {
        "name": "Marta Nowak",
        "organisation": "Chamber of Crafts Kraków",
        "email": "marta@izba.example",
        "subject": "Joining without an EAfA pledge",
        "message": "We are not ready to pledge yet; can we still join?",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_a_message_is_stored_forwarded_to_editors_and_acknowledged(client, db, settings):
    settings.GUILD_EDITORS_EMAIL = ["editors@guild.example"]
    response = client.post(CONTACT_URL, contact_data())
    assert response.status_code == 302
    assert response["Location"] == "/contact/thanks/"
    contact = ContactRequest.objects.get()
    assert contact.subject == "Joining without an EAfA pledge"
    assert contact.consented_at is not None
    forwarded = next(message for message in mail.outbox if message.to == ["editors@guild.example"])
    assert "We are not ready to pledge yet" in forwarded.body
    assert forwarded.reply_to == ["marta@izba.example"]
    assert any(message.to == ["marta@izba.example"] for message in mail.outbox)


def test_a_message_survives_a_failing_mail_server(client, db, settings):
    settings.EMAIL_BACKEND = "tests.test_membership.FailingEmailBackend"
    assert client.post(CONTACT_URL, contact_data()).status_code == 302
    assert ContactRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"email": "nope"}, "email"),
        ({"message": ""}, "message"),
        ({"message": "m" * 5001}, "message"),
        ({"subject": "s" * 201}, "subject"),
        ({"consent": ""}, "consent"),
    ],
)
def test_bad_messages_get_form_errors(client, db, overrides, field):
    response = client.post(CONTACT_URL, contact_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ContactRequest.objects.exists()


def test_a_subject_with_line_breaks_cannot_inject_mail_headers(client, db, settings):
    settings.GUILD_EDITORS_EMAIL = ["editors@guild.example"]
    client.post(CONTACT_URL, contact_data(subject="Hello\r\nBcc: victim@example.org"))
    for message in mail.outbox:
        assert "\n" not in message.subject
        assert "victim@example.org" not in message.bcc


def test_a_filled_honeypot_stores_nothing(client, db):
    assert client.post(CONTACT_URL, contact_data(homepage="buy now")).status_code == 302
    assert not ContactRequest.objects.exists()


def test_a_spam_burst_gets_429(client, db, settings):
    settings.GUILD_FORM_RATE_LIMIT = "2/600"
    statuses = [client.post(CONTACT_URL, contact_data()).status_code for _attempt in range(4)]
    assert statuses == [302, 302, 429, 429]
    assert ContactRequest.objects.count() == 2


def test_only_editors_read_contact_requests_in_the_admin(client, site_tree):
    ensure_network_review()
    ContactRequest.objects.create(**{**contact_data(), "consent": True})
    editor = User.objects.create_user("editor", "editor@guild.example", "pw-editor-12345")
    editor.groups.add(Group.objects.get(name="Editors"))
    member = User.objects.create_user("member", "member@example.org", "pw-member-12345")
    member.groups.add(Group.objects.get(name="Members"))
    client.force_login(member)
    assert "Joining without" not in client.get(reverse("network_contact_requests:index")).content.decode()
    client.force_login(editor)
    response = client.get(reverse("network_contact_requests:index"))
    assert response.status_code == 200
    assert "Joining without an EAfA pledge" in response.content.decode()
