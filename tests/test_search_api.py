"""The search API: the service's shape as JSON, suggestions, and 400s that name the bad parameter."""

import pytest


@pytest.fixture(scope="module")
def search_engine():
    return "database"


@pytest.fixture
def demo(search_demo):
    """The search content, built once for the module (tests/conftest.py: `search_module`)."""
    return search_demo


def test_search_endpoint_returns_the_result_shape(client, demo):
    data = client.get("/api/v2/search/", {"q": "Ghent", "type": "member"}).json()
    assert data["query"] == "Ghent" and data["engine"] == "database"
    assert [hit["id"] for hit in data["hits"]] == [demo["ghent"].pk]
    hit = data["hits"][0]
    assert set(hit) == {"id", "type", "title", "url", "summary", "highlights", "date", "locale"}
    assert hit["locale"] == "en"
    assert set(data["facets"]) == {"type", "country", "member_type", "skill", "topic", "eqf_level", "year"}
    assert {"value": "member", "label": "Members", "count": 1, "selected": True} in data["facets"]["type"]


def test_suggest_endpoint(client, demo):
    data = client.get("/api/v2/search/suggest/", {"q": "ghe"}).json()
    assert data["query"] == "ghe"
    assert {"title": "City of Ghent", "url": demo["ghent"].url, "type": "member"} in data["suggestions"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"type": "spaceship"}, "type"),
        ({"country": "XX"}, "country"),
        ({"member_type": "guild"}, "member_type"),
        ({"eqf_level": "9"}, "eqf_level"),
        ({"year": "20x1"}, "year"),
        ({"skill": "<script>"}, "skill"),
        ({"skill_category": "blue"}, "skill_category"),
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"sort": "random"}, "sort"),
        ({"locale": "xx"}, "locale"),
        ({"language": "klingon"}, "language"),
    ],
)
def test_malformed_parameters_answer_400_naming_the_parameter(client, db, params, parameter):
    response = client.get("/api/v2/search/", params)
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert body["message"]  # the same error shape as the pages API


HOSTILE_QUERIES = ["x" * 10_000, "title:(a OR", '"unbalanced', "nul\x00byte\x1b[0m", "%00%ff"]


def test_hostile_queries_answer_200(client, demo):
    for text in HOSTILE_QUERIES:
        response = client.get("/api/v2/search/", {"q": text})
        assert response.status_code == 200, f"query {text[:40]!r}: {response.status_code}"
        assert response.json()["total"] >= 0, f"query {text[:40]!r}"
        assert client.get("/api/v2/search/suggest/", {"q": text}).status_code == 200, f"suggest {text[:40]!r}"


def test_query_count_does_not_grow_with_hits(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        data = client.get("/api/v2/search/").json()
    assert len(data["hits"]) == 9
