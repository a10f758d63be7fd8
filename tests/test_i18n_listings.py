"""Listings, figures and related lists in the visitor's language: the translation where there is one, the
English page (marked) where there is none, each page once, at a query count that does not grow with the items."""

import re

from wagtail.models import Locale

import pytest

from home.freshness import mark_content_changed
from network.models import MemberPage
from practices.models import GoodPracticeOwner

from . import factories
from .i18n_tree import translate, translate_tree


@pytest.fixture
def french(site_tree):
    locale, pages = translate_tree(site_tree)
    return locale, pages


def card_hrefs(html):
    return re.findall(r'class="card__title"><a href="([^"]+)"', html)


def test_a_french_index_lists_french_translations_and_english_stand_ins_once_each(client, site_tree, french):
    locale, fr = french
    translated = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Green Skills Lab")
    french_version = translate(translated, locale, title="Laboratoire des compétences vertes")
    untranslated = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Digital Bootcamp")

    html = client.get(fr.practices.url).content.decode()

    assert sorted(card_hrefs(html)) == sorted([french_version.url, untranslated.url])
    assert f'href="{translated.url}"' not in html
    assert "0 résultat" not in html
    # The English stand-in says so: hreflang on its link, lang on its card, a badge naming the language.
    assert f'<a href="{untranslated.url}" hreflang="en">Digital Bootcamp</a>' in html
    assert re.search(
        # Within the one card (its picture comes before the title): the card that links the stand-in is English.
        r'<article class="card card--practice" lang="en">(?:(?!</article>).)*?<h[23] class="card__title"><a href="'
        + re.escape(untranslated.url),
        html,
        flags=re.S,
    )
    assert '<span class="badge badge--fallback" lang="en">English</span>' in html
    assert re.search(r'<a href="' + re.escape(french_version.url) + r'"\s*>', html)  # no hreflang: it is French


def test_an_english_index_never_shows_translations(client, site_tree, french):
    locale, _fr = french
    practice = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Green Skills Lab")
    translate(practice, locale, title="Laboratoire des compétences vertes")

    html = client.get(site_tree.practices.url).content.decode()

    assert card_hrefs(html) == [practice.url]
    assert "badge--fallback" not in html
    assert "1 result" in html


def test_the_french_home_counts_every_member_once_and_lists_english_events(client, site_tree, french):
    locale, fr = french
    ghent = factories.MemberPageFactory(parent=site_tree.members, title="Ghent", member_type="city", country="BE")
    translate(ghent, locale, title="Gand")
    factories.MemberPageFactory(parent=site_tree.members, title="VET school", member_type="vet_provider", country="FR")
    event = factories.EventPageFactory(parent=site_tree.events, title="Webinar on the future")

    html = client.get(fr.home.url).content.decode()

    figures = re.findall(r'key-figure__value">(\d+)<', html)
    assert figures[:3] == ["2", "2", "1"]  # members, countries, city members: Ghent counted once, not twice
    assert f'href="{event.url}"' in html
    assert "Aucun événement à venir" not in html


def test_a_french_member_page_lists_the_french_practice_once(client, site_tree, french):
    locale, _fr = french
    member = factories.MemberPageFactory(parent=site_tree.members, title="Ghent")
    practice = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Skills mismatch")
    GoodPracticeOwner.objects.create(practice=practice, member=member)
    french_practice = translate(practice, locale, title="Inadéquation des compétences")
    translate(practice, Locale.objects.get_or_create(language_code="de")[0], title="Qualifikationsmismatch")
    french_member = translate(member, locale, title="Gand")

    english = client.get(member.url).content.decode()
    french_html = client.get(french_member.url).content.decode()

    english_list = re.search(r'id="member-practices">.*?</ul>', english, re.S).group(0)
    french_list = re.search(r'id="member-practices">.*?</ul>', french_html, re.S).group(0)
    assert english_list.count("<li") == 1 and f'href="{practice.url}"' in english_list
    assert french_list.count("<li") == 1 and f'href="{french_practice.url}"' in french_list
    # and the French practice names its member in French
    assert f'href="{french_member.url}"' in client.get(french_practice.url).content.decode()


def test_a_practice_never_links_to_a_draft_member(client, site_tree):
    draft = factories.MemberPageFactory(parent=site_tree.members, title="Draft organisation")
    draft.unpublish()
    practice = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Skills mismatch")
    GoodPracticeOwner.objects.create(practice=practice, member=draft)

    html = client.get(practice.url).content.decode()

    assert draft.url not in html
    assert MemberPage.objects.get(pk=draft.pk).live is False


@pytest.mark.parametrize("index_name", ["members", "practices", "events", "news"])
def test_a_french_index_costs_the_same_queries_however_many_translations_it_shows(
    client, site_tree, french, index_name, django_assert_max_num_queries
):
    locale, fr = french
    build = {
        "members": lambda: factories.MemberPageFactory(parent=site_tree.members),
        "practices": lambda: factories.GoodPracticePageFactory(parent=site_tree.practices),
        "events": lambda: factories.EventPageFactory(parent=site_tree.events),
        "news": lambda: factories.NewsPageFactory(parent=site_tree.news),
    }[index_name]
    url = getattr(fr, index_name).url

    def add(count):
        for number in range(count):
            page = build()
            if number % 2:
                translate(page, locale, title=f"[fr] {page.title}")

    add(4)
    client.get(url)  # warm per-process caches
    mark_content_changed()  # counted as right after a change, as the second count is
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == 200
    add(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(card_hrefs(response.content.decode())) == 12  # a full page of 24, each once


def test_the_french_home_costs_the_same_queries_however_much_content(
    client, site_tree, french, django_assert_max_num_queries
):
    locale, fr = french

    def add(count):
        for _number in range(count):
            translate(factories.EventPageFactory(parent=site_tree.events), locale)
            factories.NewsPageFactory(parent=site_tree.news)
            translate(factories.MemberPageFactory(parent=site_tree.members), locale)

    add(2)
    client.get(fr.home.url)
    mark_content_changed()
    with django_assert_max_num_queries(60) as few:
        client.get(fr.home.url)
    add(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(fr.home.url).content.decode()
    assert re.findall(r'key-figure__value">(\d+)<', html)[0] == "10"
