"""Search in the visitor's language, on both engines: their pages first, `locale=` to keep only them, and
facets by skill that do not care which language a page is written in."""

from django.db import connection

from wagtail.models import Locale

import pytest

from search.query import SearchQuery
from search.service import run_search

from .i18n_tree import translate, translate_tree
from .search_engines import build_demo_content, rebuild_index, use_engine


@pytest.fixture(scope="module")
def search_content_build():
    return build_bilingual


@pytest.fixture
def bilingual(search_demo):
    """The search demo content in English, two of its pages translated into French (built once per module and
    engine: tests/conftest.py, `search_module`)."""
    return search_demo


def build_bilingual(site_tree):
    """The search demo content in English, two of its pages translated into French."""
    pages = build_demo_content(site_tree)
    french, _tree = translate_tree(site_tree, "fr")
    pages["review_fr"] = translate(
        pages["ghent_review"],
        french,
        title="Revue par les pairs à Gand : inadéquation des compétences",
        summary="Revue par des villes amies de la façon dont Gand traite l'inadéquation des compétences.",
        slug="revue-par-les-pairs-gand",
    )
    pages["green_fr"] = translate(
        pages["green_apprenticeships"],
        french,
        title="Compétences vertes dans l'apprentissage de la rénovation",
        summary="Les apprentis de Vienne apprennent la rénovation économe en énergie : des compétences vertes.",
        slug="competences-vertes-renovation",
    )
    rebuild_index()
    return pages


def search(text="", **params):
    return run_search(SearchQuery(text=text, **params))


def ids(result):
    return [hit["id"] for hit in result["hits"]]


def test_a_french_visitor_sees_french_pages_first_then_the_rest(bilingual):
    result = search(language="fr")  # browse mode: every page
    languages = [hit["locale"] for hit in result["hits"]]
    assert languages[:2] == ["fr", "fr"]
    assert set(languages[2:]) == {"en"}
    assert set(ids(result)[:2]) == {bilingual["review_fr"].pk, bilingual["green_fr"].pk}


def test_french_words_find_the_french_page_first(bilingual):
    result = search("compétences vertes", language="fr")
    assert ids(result)[0] == bilingual["green_fr"].pk
    assert result["hits"][0]["locale"] == "fr"


def test_an_english_visitor_sees_english_pages_first(bilingual):
    # "Ghent"/"Gand": the English review matches "skills mismatch"; its French translation does not rank first.
    result = search("skills", language="en")
    languages = [hit["locale"] for hit in result["hits"]]
    assert languages[0] == "en"
    assert languages == sorted(languages, key=lambda code: code != "en")


def test_locale_keeps_only_that_language_with_facets_counted_over_it(bilingual):
    result = search(locale="fr", language="fr")
    assert set(ids(result)) == {bilingual["review_fr"].pk, bilingual["green_fr"].pk}
    assert result["total"] == 2
    assert {item["value"]: item["count"] for item in result["facets"]["type"]} == {"good_practice": 2}


def test_a_skill_filter_finds_the_concept_in_every_language(bilingual):
    result = search(filters={"skill": ("green-skills",)})
    found = set(ids(result))
    assert {bilingual["green_apprenticeships"].pk, bilingual["green_fr"].pk} <= found
    french_only = search(filters={"skill": ("green-skills",)}, locale="fr")
    assert set(ids(french_only)) == {bilingual["green_fr"].pk}
    skill_counts = {item["value"]: item["count"] for item in french_only["facets"]["skill"]}
    assert skill_counts["green-skills"] == 1


def test_the_french_search_page_ranks_french_first_and_labels_other_languages(client, bilingual):
    response = client.get("/fr/search/", {"q": "Gand"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Revue par les pairs à Gand" in html
    # On the English page, a French page that matches is still found, marked as French.
    english = client.get("/search/", {"q": "Gand"}).content.decode()
    assert "Revue par les pairs à Gand" in english
    assert 'hreflang="fr"' in english and "français" in english


def test_the_search_api_takes_locale_and_language(client, bilingual):
    french = client.get("/api/v2/search/", {"locale": "fr"}).json()
    assert {hit["locale"] for hit in french["hits"]} == {"fr"}
    ranked = client.get("/api/v2/search/", {"language": "fr"}).json()
    assert [hit["locale"] for hit in ranked["hits"]][:2] == ["fr", "fr"]
    assert ranked["total"] == french["total"] + 9
    assert Locale.objects.filter(language_code="fr").exists()


def test_french_queries_are_read_as_french(bilingual):
    if bilingual["_engine"] == "database" and connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 has no French stemming or stop words; PostgreSQL and Elasticsearch do")
    # "aux" is a French stop word and appears in no page: only French analysis lets the query match.
    french = search("aux compétences vertes", language="fr")
    assert bilingual["green_fr"].pk in ids(french)
    assert french["hits"][0]["locale"] == "fr"
    # Read without a language, ranked OR matching (two of the three words) may still find the French page, but
    # never ranks it above where French analysis puts it.
    as_typed = ids(search("aux compétences vertes"))
    if bilingual["green_fr"].pk in as_typed:
        assert as_typed.index(bilingual["green_fr"].pk) >= ids(french).index(bilingual["green_fr"].pk)


def test_dutch_queries_are_read_as_dutch_on_postgresql(request, settings, site_tree):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's `dutch` configuration; SQLite's FTS5 has no Dutch stemming or stop words")
    use_engine(request, settings, "database")
    pages = build_demo_content(site_tree)
    dutch = Locale.objects.create(language_code="nl")
    page = translate(
        pages["green_apprenticeships"],
        dutch,
        title="Groene vaardigheden in de renovatie",
        summary="Leerlingen leren energiezuinige renovatie: groene vaardigheden op het werk.",
        slug="groene-vaardigheden",
    )
    rebuild_index()
    # "van" is a Dutch stop word that appears in no page.
    dutch = ids(search("van groene vaardigheden", language="nl"))
    assert page.pk in dutch
    # Ranked OR may find it without a language too, but never above where Dutch analysis puts it.
    as_typed = ids(search("van groene vaardigheden"))
    if page.pk in as_typed:
        assert as_typed.index(page.pk) >= dutch.index(page.pk)
