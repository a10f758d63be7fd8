"""Joining the network: the public application form, and accepting or declining in the admin."""

import re

from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from wagtail.models import GroupPagePermission

import pytest

from network.choices import ApplicationStatus, MemberType, PledgeArea, PledgeStatus
from network.models import MemberGroup, MemberPage, MembershipApplication, ensure_network_review

from .factories import SkillTagFactory

JOIN_URL = "/join/apply/"


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


def application_data(**overrides):
    data = {
        "organisation_name": "City of Ghent",
        "member_type": MemberType.CITY,
        "country": "BE",
        "city": "Ghent",
        "website": "https://stad.gent",
        "contact_name": "An Peeters",
        "email": "apprenticeships@stad.gent",
        "pledge_status": PledgeStatus.WILL_SUBMIT,
        "pledge_areas": [PledgeArea.SUPPLY, PledgeArea.QUALITY],
        "motivation": "We want to grow apprenticeships with our schools and companies.",
        "consent": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def editor(site_tree):
    ensure_network_review()
    user = User.objects.create_user("editor", "editor@guild.example", "editor-password-123")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_the_join_form_renders_with_a_honeypot(client, db):
    response = client.get(JOIN_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="organisation_name"' in content
    assert 'name="homepage"' in content
    assert 'name="consent"' in content


def test_an_application_is_stored_and_confirmed_by_email(client, db, settings):
    settings.GUILD_EDITORS_EMAIL = ["editors@guild.example"]
    skill = SkillTagFactory(name="Digital skills", slug="digital-skills")
    response = client.post(JOIN_URL, application_data(skills=[skill.pk]), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    assert response["Location"] == "/join/thanks/"

    application = MembershipApplication.objects.get()
    assert application.status == ApplicationStatus.NEW
    assert application.organisation_name == "City of Ghent"
    assert application.pledge_areas == ["supply", "quality"]
    assert list(application.skills.all()) == [skill]
    assert application.consent is True and application.consented_at is not None
    assert application.ip_hash and "203.0.113.7" not in application.ip_hash

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["apprenticeships@stad.gent", "editors@guild.example"]
    editors_message = next(message for message in mail.outbox if message.to == ["editors@guild.example"])
    assert "City of Ghent" in editors_message.subject
    assert editors_message.reply_to == ["apprenticeships@stad.gent"]


def test_an_application_survives_a_failing_mail_server(client, db, settings):
    settings.EMAIL_BACKEND = "tests.test_membership.FailingEmailBackend"
    response = client.post(JOIN_URL, application_data())
    assert response.status_code == 302
    assert MembershipApplication.objects.filter(organisation_name="City of Ghent").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"organisation_name": ""}, "organisation_name"),
        ({"email": "not-an-address"}, "email"),
        ({"consent": ""}, "consent"),
        ({"member_type": "pirate"}, "member_type"),
        ({"country": "XX"}, "country"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"pledge_areas": ["everything"]}, "pledge_areas"),
        ({"motivation": "x" * 4001}, "motivation"),
        ({"organisation_name": "y" * 256}, "organisation_name"),
        ({"city": "Ghent\x00"}, "city"),
    ],
)
def test_bad_applications_get_form_errors_and_store_nothing(client, db, overrides, field):
    response = client.post(JOIN_URL, application_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not MembershipApplication.objects.exists()
    assert mail.outbox == []


def test_markup_in_an_application_is_escaped_when_shown_back(client, db):
    payload = '<script>alert("x")</script>'
    response = client.post(JOIN_URL, application_data(organisation_name=payload, email="bad"))
    content = response.content.decode()
    assert payload not in content
    assert "&lt;script&gt;" in content


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client, db):
    response = client.post(JOIN_URL, application_data(homepage="http://spam.example"))
    assert response.status_code == 302
    assert not MembershipApplication.objects.exists()
    assert mail.outbox == []


def test_a_burst_of_submissions_is_refused_with_429(client, db, settings):
    settings.GUILD_FORM_RATE_LIMIT = "3/600"
    for number in range(3):
        response = client.post(JOIN_URL, application_data(email=f"a{number}@example.org"), REMOTE_ADDR="198.51.100.9")
        assert response.status_code == 302
    response = client.post(JOIN_URL, application_data(email="a4@example.org"), REMOTE_ADDR="198.51.100.9")
    assert response.status_code == 429
    assert "Too many submissions" in response.content.decode()
    assert MembershipApplication.objects.count() == 3
    # Another address is not affected.
    response = client.post(JOIN_URL, application_data(email="other@example.org"), REMOTE_ADDR="198.51.100.10")
    assert response.status_code == 302


def test_editors_see_applications_with_their_status_in_the_admin(client, editor):
    MembershipApplication.objects.create(**_stored_application())
    client.force_login(editor)
    response = client.get(reverse("network_applications:index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "City of Ghent" in content
    assert "New" in content
    assert reverse("network_applications:accept", args=[MembershipApplication.objects.get().pk]) in content


def test_members_and_anonymous_users_cannot_see_applications(client, site_tree):
    MembershipApplication.objects.create(**_stored_application())
    response = client.get(reverse("network_applications:index"))
    assert response.status_code == 302  # to the login page
    member = User.objects.create_user("member", "m@example.org", "member-password-123")
    ensure_network_review()
    member.groups.add(Group.objects.get(name="Members"))
    client.force_login(member)
    response = client.get(reverse("network_applications:index"))
    assert response.status_code in (302, 403)
    assert "City of Ghent" not in response.content.decode()


def _stored_application(**overrides):
    data = application_data(consent=True, **overrides)
    data.pop("pledge_areas")
    return {**data, "pledge_areas": ["supply"]}


def test_accepting_publishes_the_member_page_and_creates_a_group_and_an_invited_account(
    client, editor, site_tree, django_capture_on_commit_callbacks
):
    skill = SkillTagFactory(name="Green skills", slug="green-skills")
    application = MembershipApplication.objects.create(**_stored_application())
    application.skills.add(skill)
    client.force_login(editor)

    response = client.get(reverse("network_applications:accept", args=[application.pk]))
    assert response.status_code == 200
    assert not MemberPage.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("network_applications:accept", args=[application.pk]))
    assert response.status_code == 302

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    page = application.member_page
    assert page.live is True
    assert client.get(page.url).status_code == 200
    assert page.get_parent().specific == site_tree.members
    assert (page.title, page.member_type, page.country.code, page.city) == ("City of Ghent", "city", "BE", "Ghent")
    assert page.contact_email == "apprenticeships@stad.gent"
    assert page.pledge_areas == ["supply"]
    assert list(page.skills.all()) == [skill]
    assert page.get_latest_revision() is not None

    user = User.objects.get(email="apprenticeships@stad.gent")
    assert not user.has_usable_password()
    member_group = MemberGroup.objects.get(member=page)
    assert set(user.groups.values_list("name", flat=True)) == {"Members", member_group.group.name}
    assert GroupPagePermission.objects.filter(group=member_group.group, page=page).exists()

    invitation = next(message for message in mail.outbox if message.to == ["apprenticeships@stad.gent"])
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", invitation.body).group(1)
    client.logout()
    response = client.get(link, follow=True)
    assert response.status_code == 200
    set_password_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(
        set_password_url, {"new_password1": "a-long-new-pass-2024", "new_password2": "a-long-new-pass-2024"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-long-new-pass-2024")


def test_an_application_cannot_be_accepted_twice(client, editor):
    application = MembershipApplication.objects.create(**_stored_application())
    client.force_login(editor)
    client.post(reverse("network_applications:accept", args=[application.pk]))
    client.post(reverse("network_applications:accept", args=[application.pk]))
    assert MemberPage.objects.count() == 1


def test_declining_records_the_reason_and_emails_it(client, editor):
    application = MembershipApplication.objects.create(**_stored_application())
    client.force_login(editor)
    response = client.post(reverse("network_applications:decline", args=[application.pk]), {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors

    response = client.post(
        reverse("network_applications:decline", args=[application.pk]),
        {"reason": "The network is for organisations in Europe."},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    assert application.decline_reason == "The network is for organisations in Europe."
    assert application.decided_by == editor
    message = mail.outbox[-1]
    assert message.to == ["apprenticeships@stad.gent"]
    assert "The network is for organisations in Europe." in message.body
    assert not MemberPage.objects.exists()


def test_an_unknown_application_is_a_404(client, editor):
    client.force_login(editor)
    assert client.get(reverse("network_applications:accept", args=[999])).status_code == 404
