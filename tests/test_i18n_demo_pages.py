"""The demo site in English and French, read as a visitor reads it: real figures, no zeros, no page twice.

`load_demo_content` and `load_demo_translations` run once for the module (inside a transaction rolled back
afterwards); every test then asks for pages over HTTP and parses the HTML.
"""

import io
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Locale, Page

import pytest

from demo.content import read_content, read_translations
from network.models import MemberPage, NewsPage
from practices.models import GoodPracticeOwner

from .test_demo_translations import stream_strings

pytestmark = pytest.mark.django_db

content = read_content()
STREAM_TEXTS = read_translations().stream_texts

SOURCED_PRACTICES = {
    "ghent-strategic-approach-to-the-skills-mismatch",
    "lille-metropole-social-economy-against-long-term-unemployment",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            call_command("load_demo_content", stdout=io.StringIO())
            call_command("load_demo_translations", stdout=io.StringIO())
            yield
            transaction.set_rollback(True)
        cache.clear()


class PageParser(HTMLParser):
    """Links (with their attributes and text), key figures and the main heading of a page."""

    def __init__(self):
        super().__init__()
        self.links, self.figures, self.lead = [], [], []
        self._link = self._figure = None
        self._in_lead = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "a" and attrs.get("href"):
            self._link = {"href": attrs["href"], "attrs": attrs, "text": ""}
        if tag == "li" and "key-figure" in classes:
            self._figure = {"value": "", "label": "", "part": None}
        if tag == "span" and self._figure is not None:
            self._figure["part"] = "value" if "key-figure__value" in classes else "label"
        if tag == "p" and "lead" in classes:
            self._in_lead = True

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self._link["text"] = self._link["text"].strip()
            self.links.append(self._link)
            self._link = None
        if tag == "li" and self._figure is not None:
            self.figures.append((self._figure["value"].strip(), self._figure["label"].strip()))
            self._figure = None
        if tag == "p":
            self._in_lead = False

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data
        if self._figure is not None and self._figure["part"]:
            self._figure[self._figure["part"]] += data
        if self._in_lead:
            self.lead.append(data)


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = PageParser()
    parser.feed(response.content.decode())
    parser.html = response.content.decode()
    return parser


def card_links(parser):
    """Links of the listing's cards (their titles), in order."""
    titles = re.findall(r'class="card__title"><a href="([^"]+)"', parser.html)
    by_href = {link["href"]: link for link in parser.links}
    return [by_href[href] for href in titles]


@pytest.fixture
def page_at(demo):
    """The live page a served URL shows (/fr/membres/x/ -> that French page)."""
    pages = {page.url: page for page in Page.objects.live().filter(depth__gte=2).select_related("locale")}

    def find(href):
        return pages[urlsplit(href).path]

    return find


def keys_of(page_at, hrefs):
    return [page_at(href).translation_key for href in hrefs]


EXPECTED = {
    "members": len(content.members),
    "countries": len({member["country"] for member in content.members}),
    "cities": sum(member["member_type"] == "city" for member in content.members),
    "practices": len(content.practices),
    "qualifications": len(content.qualifications),
}


@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_the_home_page_shows_the_network_s_real_figures_in_both_languages(demo, client, prefix):
    figures = [value for value, _label in parse(client, f"{prefix}/").figures]
    assert EXPECTED["cities"] == 10  # the ten city and metropolitan authority members, not 20 seats
    assert figures == [
        str(EXPECTED[name]) for name in ("members", "countries", "cities", "practices", "qualifications")
    ]
    assert "0" not in figures


def test_every_figure_says_what_it_counts(demo, client):
    labels = [label for _value, label in parse(client, "/").figures]
    assert labels == [
        "member organisations",
        "countries with members",
        "cities and metropolitan authorities among the members",
        "good practices shared",
        "joint VET qualifications",
    ]


def test_the_french_home_speaks_french_and_lists_events_news_and_featured_practices(demo, client):
    page = parse(client, "/fr/")
    lead = " ".join(page.lead)
    assert lead.startswith("Le réseau Villes pour l’apprentissage soutient l’apprentissage")
    assert "Aucun événement à venir" not in page.html
    news_links = [link for link in page.links if "/news/" in link["href"] or "/actualites/" in link["href"]]
    assert news_links, "latest news on the French home"
    # The featured Ghent practice is shown in its French version, once.
    ghent_fr = Page.objects.get(slug="ghent-strategic-approach-to-the-skills-mismatch", locale__language_code="fr")
    assert [link["href"] for link in page.links].count(ghent_fr.url) == 1
    ghent_en = Page.objects.get(slug="ghent-strategic-approach-to-the-skills-mismatch", locale__language_code="en")
    assert ghent_en.url not in [link["href"] for link in page.links]


@pytest.mark.parametrize(
    "section", ["members", "projects", "campaigns", "events", "news", "good-practices", "joint-vet-qualifications"]
)
@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_every_index_lists_each_page_once_in_the_visitor_s_language(demo, client, page_at, prefix, section):
    index = Page.objects.get(depth=3, slug=section, locale__language_code="en")
    index = index.get_translation(Locale.objects.get(language_code="fr")) if prefix else index
    page = parse(client, index.url)
    assert not re.search(r'class="result-count" role="status">0 ', page.html)
    hrefs = [link["href"] for link in card_links(page)]
    assert hrefs, f"{index.url} lists nothing"
    keys = keys_of(page_at, hrefs)
    assert len(keys) == len(set(keys)), f"{index.url} lists a page twice"
    for link in card_links(page):
        target = page_at(link["href"])
        if prefix and target.locale.language_code == "en":
            assert link["attrs"].get("hreflang") == "en"  # an English stand-in, marked as such
        else:
            assert target.locale.language_code == ("fr" if prefix else "en")
            assert "hreflang" not in link["attrs"]


def test_french_listings_prefer_the_french_translation_and_badge_the_english_ones(demo, client):
    page = parse(client, Page.objects.get(slug="good-practices", locale__language_code="fr").url)
    hrefs = [link["href"] for link in card_links(page)]
    ghent_fr = Page.objects.get(slug="ghent-strategic-approach-to-the-skills-mismatch", locale__language_code="fr")
    assert ghent_fr.url in hrefs
    assert 'class="badge badge--fallback" lang="en">English</span>' in page.html


@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_the_two_sourced_practices_come_first_on_the_good_practice_index(demo, client, page_at, prefix):
    index = Page.objects.get(slug="good-practices", locale__language_code="fr" if prefix else "en")
    hrefs = [link["href"] for link in card_links(parse(client, index.url))]
    first_two = {page_at(href).slug for href in hrefs[:2]}
    assert first_two == SOURCED_PRACTICES


def test_ghent_s_member_page_lists_its_practice_once(demo, client):
    """The practice exists in English, French and German; the English member page lists the English one."""
    ghent = MemberPage.objects.get(slug="ghent", locale__language_code="en")
    page = parse(client, ghent.url)
    practice_versions = Page.objects.filter(slug="ghent-strategic-approach-to-the-skills-mismatch")
    assert practice_versions.count() == 3
    section = re.search(r'id="member-practices">.*?</ul>', page.html, re.S).group(0)
    assert section.count("<li") == 1
    assert f'href="{practice_versions.get(locale__language_code="en").url}"' in section


def test_the_ghent_event_lists_its_news_once(demo, client):
    event = Page.objects.get(slug="critical-friend-review-ghent-2019")
    page = parse(client, event.url)
    section = re.search(r'id="event-news">.*?</ul>', page.html, re.S).group(0)
    news = NewsPage.objects.filter(slug="highlights-critical-friend-review-ghent")
    assert news.count() == 2  # English and French
    assert section.count("<li") == 1
    assert f'href="{news.get(locale__language_code="en").url}"' in section


def test_find_partners_shows_each_member_once(demo, client, page_at):
    for url in ("/partners/", "/fr/partners/"):
        page = parse(client, url)
        member_hrefs = re.findall(r'<h2[^>]*><a href="([^"]+)"', page.html)
        assert len(member_hrefs) == EXPECTED["members"]
        keys = keys_of(page_at, member_hrefs)
        assert len(keys) == len(set(keys))


def test_the_inclusive_cities_call_to_action_goes_to_the_eurocities_initiative(demo, client):
    campaign = Page.objects.get(slug="inclusive-cities-for-all")
    page = parse(client, campaign.url)
    buttons = [link for link in page.links if link["text"] == "Join the initiative"]
    assert buttons
    # The initiative's own page, where EUROCITIES explains how a city pledges (docs/demo-content.md).
    assert {link["href"] for link in buttons} == {"https://inclusivecities4all.eu/political-campaign/"}
    join = Page.objects.get(slug="join-the-network", locale__language_code="en")
    assert join.url not in {link["href"] for link in buttons}


def test_no_public_page_links_to_a_page_visitors_cannot_open(demo, client):
    """Every page of the site in both languages, every internal link on it: none leads to a draft (404)."""
    member = MemberPage.objects.get(slug="ghent", locale__language_code="en")
    draft = member.copy(update_attrs={"slug": "draft-member", "title": "Draft member", "live": False})
    lille = "lille-metropole-social-economy-against-long-term-unemployment"
    practice = Page.objects.get(slug=lille, locale__language_code="en").specific
    GoodPracticeOwner.objects.create(practice=practice, member=draft)
    pages = Page.objects.live().filter(depth__gte=2)
    checked, bad = set(), []
    for page in pages:
        for link in parse(client, page.url).links:
            href = link["href"]
            if urlsplit(href).scheme or not href.startswith("/") or href.startswith(("/admin", "/static", "/media")):
                continue
            path = urlsplit(href).path
            if path in checked:
                continue
            checked.add(path)
            if client.get(path).status_code == 404:
                bad.append((page.url, path))
    assert draft.url not in checked
    assert not bad


def test_the_published_french_pages_keep_no_english_source_text(demo, client):
    """Each French page's StreamField texts are French: no English text that `stream_texts` translates is left."""
    english_texts = {english for english, french in STREAM_TEXTS["fr"].items() if english != french}
    checked = 0
    for page in Page.objects.filter(locale__language_code="fr").specific():
        for field in ("body", "impact_figures"):
            stream = getattr(page, field, None)
            if stream is None:
                continue
            left = set(stream_strings(list(stream.raw_data))) & english_texts
            assert not left, f"{page.url}: {sorted(left)[:1]}"
            checked += 1
    assert checked >= 5
    home = parse(client, "/fr/")
    assert "It will play a proactive role" not in home.html
    assert "Il jouera un rôle proactif" in home.html
