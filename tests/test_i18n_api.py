"""The pages API by language: `?locale=`, `translation_of`, and `?locale=fr&fallback=en` marked as such."""

import pytest

from . import factories
from .i18n_tree import translate, translate_tree

API = "/api/v2/pages/"


@pytest.fixture
def practices(site_tree):
    locale, _french = translate_tree(site_tree, "fr")
    translated = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Green lab")
    untranslated = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Code club")
    french_page = translate(translated, locale, title="Laboratoire vert")
    return translated, untranslated, french_page


def titles(response):
    assert response.status_code == 200, response.content
    return {item["title"]: item for item in response.json()["items"]}


def test_locale_keeps_one_language(client, practices):
    items = titles(client.get(API, {"type": "practices.GoodPracticePage", "locale": "fr"}))
    assert set(items) == {"Laboratoire vert"}
    assert items["Laboratoire vert"]["meta"]["locale"] == "fr"
    assert items["Laboratoire vert"]["meta"]["translation_fallback"] is False
    items = titles(client.get(API, {"type": "practices.GoodPracticePage", "locale": "en"}))
    assert set(items) == {"Green lab", "Code club"}


def test_translation_of_finds_the_translations(client, practices):
    translated, _untranslated, french_page = practices
    items = titles(client.get(API, {"translation_of": translated.id, "locale": "fr"}))
    assert [item["id"] for item in items.values()] == [french_page.id]


def test_fallback_fills_missing_translations_and_marks_them(client, practices):
    _translated, untranslated, _french_page = practices
    items = titles(client.get(API, {"type": "practices.GoodPracticePage", "locale": "fr", "fallback": "en"}))
    # Each page once: the French version where it exists, else the English one, marked as a fallback.
    assert set(items) == {"Laboratoire vert", "Code club"}
    assert items["Laboratoire vert"]["meta"]["translation_fallback"] is False
    assert items["Code club"]["meta"]["translation_fallback"] is True
    assert items["Code club"]["meta"]["locale"] == "en"
    assert items["Code club"]["id"] == untranslated.id


def test_fallback_combines_with_search(client, practices):
    items = titles(client.get(API, {"locale": "fr", "fallback": "en", "search": "club"}))
    assert set(items) == {"Code club"}
    assert items["Code club"]["meta"]["translation_fallback"] is True


@pytest.mark.parametrize(
    "params",
    [{"locale": "xx"}, {"locale": "fr", "fallback": "xx"}, {"fallback": "en"}, {"translation_of": "abc"}],
)
def test_bad_locale_parameters_are_400(client, practices, params):
    response = client.get(API, params)
    assert response.status_code == 400
    assert response.json()["message"]
