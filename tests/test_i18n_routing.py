"""Locale routing: `/fr/...` serves French translations, `<html lang>` and hreflang follow the page, and the
language switcher goes to the translation when there is one and to a "not translated" page (never a 404)."""

import re

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

import pytest

from .conftest import build_site_tree, fresh, module_transaction
from .i18n_tree import INDEX_NAMES, build_detail_pages, translate, translate_tree

DETAIL_NAMES = ("member", "project", "campaign", "event", "news", "practice", "qualification", "standard")


@pytest.fixture(scope="module")
def built_french_site(django_db_setup, django_db_blocker):
    """The French site, built once for the module (rolled back after it)."""
    with module_transaction(django_db_blocker):
        site_tree = build_site_tree()
        locale, french = translate_tree(site_tree, "fr")
        details = build_detail_pages(site_tree)
        for name in DETAIL_NAMES:
            page = getattr(details, name)
            setattr(french, name, translate(page, locale, title=f"[fr] {page.title}"))
        yield site_tree, details, french


@pytest.fixture
def french_site(built_french_site, db):
    """The site tree, one page of each detail type and their French translations, as this test's copies."""
    cache.clear()
    return fresh(built_french_site)


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def switcher_links(response):
    """{language code: href} of the language switcher's links."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav)}


@pytest.mark.parametrize("name", ("home", *INDEX_NAMES, *DETAIL_NAMES))
def test_each_page_type_is_served_in_french_under_fr(client, french_site, name):
    site_tree, details, french = french_site
    english = getattr(site_tree, name, None) or getattr(details, name)
    translated = getattr(french, name)
    assert translated.url.startswith("/fr/")
    assert not english.url.startswith("/fr/")

    response = client.get(translated.url)
    assert response.status_code == 200
    assert response.context["page"].id == translated.id
    assert html_lang(response) == "fr"
    assert translated.title in response.content.decode()

    response = client.get(english.url)
    assert response.status_code == 200
    assert response.context["page"].id == english.id
    assert html_lang(response) == "en"


def test_hreflang_links_name_every_live_translation(client, french_site):
    _site_tree, details, french = french_site
    html = client.get(details.practice.url).content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates == {
        "en": f"http://testserver{details.practice.url}",
        "fr": f"http://testserver{french.practice.url}",
    }


def test_switcher_goes_to_the_translation_when_it_exists(client, french_site):
    _site_tree, details, french = french_site
    links = switcher_links(client.get(details.event.url))
    assert links["fr"] == french.event.url
    links = switcher_links(client.get(french.event.url))
    assert links["en"] == details.event.url


def test_switcher_says_when_there_is_no_translation_and_never_404s(client, french_site):
    _site_tree, details, french = french_site
    response = client.get(details.member.url)
    links = switcher_links(response)
    # No German translation: the link goes to a German "not translated" page that answers 200.
    assert links["de"] == f"/de/untranslated/{details.member.id}/"
    assert "This page is not translated into German" in response.content.decode()
    for code, href in links.items():
        assert client.get(href, follow=True).status_code == 200, code

    response = client.get(links["de"])
    assert response.status_code == 200
    assert html_lang(response) == "de"
    html = response.content.decode()
    assert 'name="robots" content="noindex"' in html
    # It links the page in the languages it exists in.
    assert f'href="{details.member.url}"' in html
    assert f'href="{french.member.url}"' in html


def test_untranslated_page_points_to_the_nearest_translated_section(client, french_site):
    _site_tree, details, french = french_site
    french.members.delete()  # the French members section and its pages go; the French home stays
    with translation.override("fr"):
        url = reverse("untranslated_page", args=[details.member.id])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["nearest"].id == french.home.id


def test_untranslated_page_redirects_once_a_translation_exists(client, french_site):
    _site_tree, details, french = french_site
    response = client.get(f"/fr/untranslated/{details.news.id}/")
    assert response.status_code == 302
    assert response["Location"] == french.news.url


def test_untranslated_page_of_an_unknown_or_draft_page_is_a_404(client, french_site):
    _site_tree, details, _french = french_site
    assert client.get("/fr/untranslated/999999/").status_code == 404
    details.standard.unpublish()
    assert client.get(f"/fr/untranslated/{details.standard.id}/").status_code == 404


def test_an_untranslated_page_has_no_french_url(client, site_tree):
    translate_tree(site_tree, "fr")
    member = build_detail_pages(site_tree).member
    assert client.get("/fr" + member.url).status_code == 404
    assert client.get(member.url).status_code == 200


def test_non_page_views_switch_by_prefix(client, site_tree):
    response = client.get("/fr/skills/")
    assert response.status_code == 200
    assert html_lang(response) == "fr"
    assert switcher_links(response)["en"] == "/skills/"
    assert switcher_links(client.get("/skills/"))["pl"] == "/pl/skills/"


def test_unknown_language_prefix_is_a_404_not_a_500(client, site_tree):
    assert client.get("/xx/skills/").status_code == 404
    assert client.get("/zz/").status_code == 404
