"""Limits that cannot be spoofed or tripped by typos, privacy tools only for whom they are meant, safe exports,
production defaults (docs/security.md)."""

import csv
import io

from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.urls import reverse

import pytest

from home.client_ip import client_ip
from network.models import ContactRequest, EventRegistration, ensure_network_review
from partners.models import WebhookEndpoint

from .factories import EventPageFactory

CONTACT_URL = "/contact/"


@pytest.fixture(autouse=True)
def clear_limits():
    cache.clear()
    yield
    cache.clear()


def contact(**overrides):
    return {
        "name": "Aino",
        "email": "aino@example.fi",
        "subject": "Hello",
        "message": "Call me",
        "consent": "on",
        **overrides,
    }


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no trusted proxy: the header is ignored
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the left-most entry is the client's own choice
        (2, "198.51.100.1, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (3, "203.0.113.9", "203.0.113.9"),  # fewer hops than proxies: the left-most is all there is
    ],
)
def test_the_client_ip_is_the_rightmost_untrusted_hop(settings, proxies, forwarded, expected):
    settings.GUILD_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_the_api_throttle_counts_the_same_trusted_proxies():
    from django.conf import settings

    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == settings.GUILD_TRUSTED_PROXY_COUNT


def test_a_spoofed_forwarded_for_does_not_escape_the_limit(client, db, settings):
    settings.GUILD_TRUSTED_PROXY_COUNT = 1
    settings.GUILD_FORM_RATE_LIMIT = "2/600"
    statuses = [
        client.post(CONTACT_URL, contact(), HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, 203.0.113.9").status_code
        for attempt in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_typos_do_not_count_and_every_429_says_when_to_retry(client, db, settings):
    settings.GUILD_FORM_RATE_LIMIT = "2/600"
    for _attempt in range(5):
        assert client.post(CONTACT_URL, contact(email="not an address")).status_code == 200
    assert [client.post(CONTACT_URL, contact()).status_code for _attempt in range(2)] == [302, 302]
    refused = client.post(CONTACT_URL, contact())
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 600
    assert ContactRequest.objects.count() == 2


def test_spam_counts_against_the_limit(client, db, settings):
    settings.GUILD_FORM_RATE_LIMIT = "2/600"
    statuses = [client.post(CONTACT_URL, contact(homepage="buy")).status_code for _attempt in range(3)]
    assert statuses == [302, 302, 429]
    assert not ContactRequest.objects.exists()


def test_forms_fail_closed_when_the_limit_cache_is_down(client, db, settings):
    # Nothing listens on port 1: the same as Redis being down.
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        },
    }
    response = client.post(CONTACT_URL, contact())
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "nothing was saved" in response.content.decode()
    assert not ContactRequest.objects.exists()


@pytest.fixture
def editors(site_tree):
    ensure_network_review()
    editor = User.objects.create_user("editor", "editor@guild.example", "pw-editor-12345")
    other = User.objects.create_user("other-editor", "other@guild.example", "pw-other-12345")
    for user in (editor, other):
        user.groups.add(Group.objects.get(name="Editors"))
    return editor, other


def test_an_editor_cannot_erase_another_editors_account_from_the_admin(client, editors):
    editor, other = editors
    client.force_login(editor)
    response = client.post(reverse("network_privacy"), {"email": other.email, "action": "erase", "confirm": "on"})
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.is_active and other.email == "other@guild.example"


def test_privacy_erase_refuses_blank_addresses_and_staff_unless_told(editors):
    _editor, other = editors
    nobody = User.objects.create_user("no-address", "", "pw-12345-nobody")
    for blank in ("", "   "):
        with pytest.raises(CommandError):
            call_command("privacy_erase", "--email", blank, "--noinput")
    nobody.refresh_from_db()
    assert nobody.is_active

    call_command("privacy_erase", "--email", other.email, "--noinput", stdout=io.StringIO(), stderr=io.StringIO())
    other.refresh_from_db()
    assert other.is_active
    call_command("privacy_erase", "--email", other.email, "--noinput", "--include-staff", stdout=io.StringIO())
    other.refresh_from_db()
    assert not other.is_active and other.email == ""


def test_every_csv_export_escapes_formulas(client, editors, site_tree):
    editor, _other = editors
    event = EventPageFactory(parent=site_tree.events, registration_open=True)
    EventRegistration.objects.create(event=event, name="=1+2", organisation="@SUM(A1)", email="x@example.org")
    client.force_login(editor)
    listing = client.get(reverse("network_registrations:index") + "?export=csv")
    assert listing.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(listing.streaming_content).decode())))
    assert [rows[1][1], rows[1][2]] == ["'=1+2", "'@SUM(A1)"]
    per_event = client.get(reverse("network_event_registrations_csv", args=[event.pk]))
    rows = list(csv.reader(io.StringIO(per_event.content.decode())))
    assert rows[1][:2] == ["'=1+2", "'@SUM(A1)"]


@pytest.mark.parametrize("url", ["ftp://partner.example/hook", "http://partner.example/hook", "javascript:x"])
def test_webhook_addresses_must_be_https(db, url):
    with pytest.raises(ValidationError):
        WebhookEndpoint(name="Partner", url=url, secret="s").clean()
    WebhookEndpoint(name="Partner", url="https://partner.example/hook", secret="s").clean()


def test_the_demo_loader_refuses_production_settings(settings):
    settings.SETTINGS_MODULE = "config.settings.production"
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo_content")


def test_admin_sign_in_locks_out_after_repeated_wrong_passwords(client, db, settings):
    settings.AXES_FAILURE_LIMIT = 3
    User.objects.create_user("editor", "editor@guild.example", "the-right-password-1")
    url = reverse("wagtailadmin_login")
    for _attempt in range(3):
        client.post(url, {"username": "editor", "password": "wrong"})
    locked = client.post(url, {"username": "editor", "password": "the-right-password-1"})
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session


def test_password_reset_emails_are_rate_limited(client, db, settings):
    settings.GUILD_PASSWORD_RESET_RATE_LIMIT = "2/3600"
    url = reverse("wagtailadmin_password_reset")
    statuses = [client.post(url, {"email": "someone@example.org"}).status_code for _attempt in range(3)]
    assert statuses == [302, 302, 429]


def test_public_pages_carry_a_csp_without_inline_script_and_the_admin_still_works(client, editors, site_tree):
    public = client.get(site_tree.home.url)
    assert public.status_code == 200
    policy = public["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src
    assert "camera=()" in public["Permissions-Policy"]
    editor, _other = editors
    client.force_login(editor)
    admin = client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.home.pk]))
    assert admin.status_code == 200
    assert "frame-ancestors 'self'" in admin["Content-Security-Policy"]
