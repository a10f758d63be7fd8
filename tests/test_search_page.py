"""The search page: results with highlights, facets as checkboxes, promotions first, queries logged."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest


@pytest.fixture(scope="module")
def search_engine():
    return "database"


@pytest.fixture
def demo(search_demo):
    """The search content, built once for the module (tests/conftest.py: `search_module`)."""
    return search_demo


def test_results_show_highlights_facets_and_sort(client, demo):
    html = client.get("/search/", {"q": "mismatch"}).content.decode()
    assert demo["ghent_review"].title in html
    assert "<mark>mismatch</mark>" in html.lower()
    assert 'name="type" value="good_practice"' in html
    assert 'name="sort"' in html
    assert "search/search.css" in html and "search/autocomplete.js" in html


def test_selected_facet_is_checked_and_filters(client, demo):
    html = client.get("/search/", {"country": "FR"}).content.decode()
    assert 'name="country" value="FR" checked' in html
    assert demo["lille"].title in html and demo["ghent"].title not in html


def test_promotions_come_first_and_queries_are_logged(client, demo):
    query = Query.get("skills")
    SearchPromotion.objects.create(query=query, page=demo["chamber"], sort_order=0, description="Our pick")
    html = client.get("/search/", {"q": "skills"}).content.decode()
    assert html.index("Our pick") < html.index(demo["ghent_review"].title)
    assert Query.get("skills").hits == 1


def test_empty_result_suggests_spelling_and_broader_filters(client, demo):
    html = client.get("/search/", {"q": "zzzqqq", "country": "BE"}).content.decode()
    assert "Nothing found" in html
    assert "Search again without filters" in html
    html = client.get("/search/", {"q": "unemplyment"}).content.decode()
    assert "Did you mean" in html and "unemployment" in html


def test_pagination_links_keep_the_query(client, demo, settings):
    html = client.get("/search/", {"q": "", "page": "1"}).content.decode()
    assert html.count('class="card search-hit') == 9


def test_bad_parameter_is_a_400_page(client, db):
    response = client.get("/search/", {"eqf_level": "12"})
    assert response.status_code == 400
    assert "eqf_level" in response.content.decode()


def test_result_dates_are_written_out_and_years_stay_years(client, demo):
    html = client.get("/search/", {"q": "Inclusive Cities"}).content.decode()
    assert '<time datetime="2020-01-13">13 January 2020</time>' in html
    practice = client.get("/search/", {"q": "mismatch"}).content.decode()
    assert '<time datetime="2019-01-01">2019</time>' in practice
    french = client.get("/fr/search/", {"q": "Inclusive Cities"}).content.decode()
    assert "13 janvier 2020" in french
