"""Defects partners hit (issue 11): translated paths in find/, ordering with search, `fields=_`, JSON errors."""

import datetime
from urllib.parse import urlsplit

import pytest

from . import factories
from .i18n_tree import translate, translate_tree

API = "/api/v2/pages/"


@pytest.fixture
def french_practice(site_tree):
    locale, _french = translate_tree(site_tree, "fr")
    english = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Green lab", summary="green roofs")
    french = translate(english, locale, title="Laboratoire vert", summary="toits verts green")
    return english, french


def test_find_resolves_the_html_url_of_translated_pages(client, french_practice):
    english, french = french_practice
    detail = client.get(f"{API}{french.pk}/").json()
    path = urlsplit(detail["meta"]["html_url"]).path
    assert path.startswith("/fr/")
    found = client.get(f"{API}find/", {"html_path": path})
    assert found.status_code == 200, found.content
    assert found.json()["id"] == french.pk
    # The path without the prefix plus locale=fr is the same page; without either, the English one.
    unprefixed = path.removeprefix("/fr")
    assert client.get(f"{API}find/", {"html_path": unprefixed, "locale": "fr"}).json()["id"] == french.pk
    english_path = urlsplit(client.get(f"{API}{english.pk}/").json()["meta"]["html_url"]).path
    assert client.get(f"{API}find/", {"html_path": english_path}).json()["id"] == english.pk


def test_find_with_an_unknown_locale_is_a_400(client, french_practice):
    response = client.get(f"{API}find/", {"html_path": "/practices/", "locale": "xx"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "locale"


@pytest.mark.parametrize("order", ["date", "-date", "title", "-title", "random"])
def test_ordering_combines_with_search(client, site_tree, order):
    for year, title in ((2019, "Green old"), (2024, "Green new"), (2021, "Blue middle")):
        factories.NewsPageFactory(
            parent=site_tree.news, title=title, summary=f"{title} story", publication_date=datetime.date(year, 1, 1)
        )
    response = client.get(API, {"type": "network.NewsPage", "search": "green", "order": order})
    assert response.status_code == 200, response.content
    titles = [item["title"] for item in response.json()["items"]]
    assert set(titles) == {"Green old", "Green new"}
    if order == "date":
        assert titles == ["Green old", "Green new"]
    if order == "-date":
        assert titles == ["Green new", "Green old"]


def test_search_past_the_result_window_is_a_400(client, site_tree):
    response = client.get(API, {"search": "green", "offset": 9990, "limit": 20})
    assert response.status_code == 400
    assert response.json()["parameter"] == "offset"


def test_fields_underscore_keeps_id_and_type(client, site_tree):
    factories.MemberPageFactory(parent=site_tree.members, title="Ghent")
    items = client.get(API, {"type": "network.MemberPage", "fields": "_"}).json()["items"]
    # The top-level `type` is the OpenAPI discriminator: it stays whatever fields a client asks for.
    assert items and all(
        set(item) == {"id", "type", "meta"} and item["type"] == item["meta"]["type"] == "network.MemberPage"
        for item in items
    )


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v2/pages/abc/", 404),
        ("/api/v2/nothing-here/", 404),
        ("/api/v2/images/abc/", 404),
    ],
)
def test_unknown_addresses_under_api_are_json_404s(client, db, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


@pytest.mark.parametrize("url", ["/api/v2/search/", "/api/v2/search/suggest/", "/api/v2/schema/", API])
def test_other_methods_are_json_405s(client, db, url):
    response = client.generic("QUERY", url)
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    response = client.post(url)
    assert response.status_code == 405


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"format": "xml"}, "format"),
        ({"type": ""}, "type"),
        ({"type": ["network.MemberPage", "network.EventPage"]}, "type"),
        ({"type": "network.MemberPage,network.EventPage", "fields": "*"}, "fields"),
        ({"type": "network.EventPage", "fields": "organiser(title)"}, "fields"),
        ({"type": "network.EventPage", "starts_after": "2025-01-01T10:00:00+16:00"}, "starts_after"),
    ],
)
def test_ignored_parameters_are_now_400s(client, site_tree, params, parameter):
    response = client.get(API, params)
    assert response.status_code == 400, response.content
    assert response.json()["parameter"] == parameter


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("/api/v2/search/", {"q": "green", "qq": "typo"}, "qq"),
        ("/api/v2/search/", {"q": "green", "format": "xml"}, "format"),
        ("/api/v2/search/suggest/", {"q": "gr", "limit": "3"}, "limit"),
    ],
)
def test_search_api_rejects_unknown_parameters(client, db, url, params, parameter):
    response = client.get(url, params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
