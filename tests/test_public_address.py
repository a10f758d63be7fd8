"""Every absolute URL is built from GUILD_PUBLIC_URL, never from the Site record or the request's host."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from home.site_address import absolute_url, public_base_url
from network.models import MembershipApplication

from .api_content import network_fixture  # noqa: F401  (fixture)
from .factories import EventPageFactory
from .i18n_tree import translate

PUBLIC = "https://guild.example.org"
# The site record says localhost:80 and the test client says testserver: neither may leak into a URL.
FORBIDDEN = re.compile(r"localhost|testserver|:8000|127\.0\.0\.1")

public_address = override_settings(GUILD_PUBLIC_URL=PUBLIC, WAGTAILADMIN_BASE_URL=PUBLIC)


def assert_public(url):
    assert url.startswith(PUBLIC + "/"), url
    assert not FORBIDDEN.search(url), url


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def test_site_address_functions():
    with override_settings(GUILD_PUBLIC_URL="https://guild.example.org/"):
        assert public_base_url() == PUBLIC
        assert absolute_url("/members/") == PUBLIC + "/members/"
        assert absolute_url("") == PUBLIC + "/"
        assert absolute_url("media/a.jpg") == PUBLIC + "/media/a.jpg"
        assert absolute_url("https://other.example/x") == "https://other.example/x"


@public_address
def test_pages_sitemap_hreflang_json_ld_and_feeds_use_the_public_address(client, network):
    """One tree for every surface (building it is the expensive part)."""
    for page in (network.ghent, network.event, network.news, network.practice, network.tree.home):
        assert_public(page.full_url)
        assert_public(page.get_full_url())
    # Relative URLs are not affected.
    assert network.ghent.url.startswith("/")
    check_sitemap(client, network)
    check_feeds(client)
    check_hreflang_and_json_ld(client, network)


def check_sitemap(client, network):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [element.text for element in ET.fromstring(response.content).findall("sm:url/sm:loc", namespace)]  # noqa: S314 (our own response)
    assert network.ghent.get_full_url() in locations
    assert len(locations) > 5
    for location in locations:
        assert_public(location)


def check_hreflang_and_json_ld(client, network):
    french = Locale.objects.create(language_code="fr")
    translate(network.ghent, french, title="Ville de Gand", slug="ville-de-gand")
    soup = BeautifulSoup(client.get(network.ghent.url).content, "html.parser")
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
    assert set(alternates) >= {"en", "fr"}
    for url in alternates.values():
        assert_public(url)
    assert alternates["fr"].startswith(PUBLIC + "/fr/")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["url"] == PUBLIC + network.ghent.url


def check_feeds(client):
    for feed in ("/feeds/news.rss", "/feeds/news.atom"):
        body = client.get(feed).content.decode()
        parsed = feedparser.parse(body)
        assert parsed.entries
        assert_public(parsed.feed.link)
        for entry in parsed.entries:
            assert_public(entry.link)
        assert not FORBIDDEN.search(body)
    calendar = icalendar.Calendar.from_ical(client.get("/feeds/events.ics").content)
    for event in calendar.walk("VEVENT"):
        assert_public(str(event["url"]))
        assert str(event["uid"]).endswith("@guild.example.org")


@public_address
def test_registration_email_links_the_public_event_page(client, site_tree):
    start = timezone.now() + datetime.timedelta(days=30)
    event = EventPageFactory(
        parent=site_tree.events,
        title="Forum",
        start=start,
        end=start + datetime.timedelta(hours=2),
        registration_open=True,
    )
    response = client.post(
        reverse("network:event_register", kwargs={"page_id": event.pk}),
        {"name": "Aino Virtanen", "organisation": "Tampere", "email": "aino@example.fi", "consent": "on"},
    )
    assert response.status_code == 302
    confirmation = next(message for message in mail.outbox if message.to == ["aino@example.fi"])
    assert PUBLIC + event.url in confirmation.body
    assert not FORBIDDEN.search(confirmation.body)


@public_address
def test_invitation_links_use_the_public_address(db):
    user = User.objects.create_user("tampere", "x@example.fi")
    application = MembershipApplication(organisation_name="Tampere")
    # The invitation is a link into the admin, whose address follows the public one unless set apart.
    url = application.invitation_url(user)
    assert_public(url)
    assert "/admin/password_reset/confirm/" in url
