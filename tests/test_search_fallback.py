"""Elasticsearch unreachable: the service answers from the database engine, logs a warning, never a 500."""

import logging

from search import elasticsearch_engine
from search.engines import search_backends

from .search_engines import build_demo_content, use_engine


def test_unreachable_elasticsearch_falls_back_to_the_database(request, settings, site_tree, client, caplog):
    use_engine(request, settings, "database")
    pages = build_demo_content(site_tree)
    # Port 9 (discard) on localhost: connection refused at once; the timeout bounds a silent host.
    settings.WAGTAILSEARCH_BACKENDS = {
        **search_backends("http://127.0.0.1:9", timeout=1),
        "default": {**search_backends("http://127.0.0.1:9", timeout=1)["default"], "AUTO_UPDATE": False},
    }
    settings.SEARCH_ELASTICSEARCH_TIMEOUT = 0.5
    elasticsearch_engine.mark_available()
    with caplog.at_level(logging.WARNING, logger="search.service"):
        response = client.get("/api/v2/search/", {"q": "Ghent"})
        page = client.get("/search/", {"q": "Ghent"})
        suggestions = client.get("/api/v2/search/suggest/", {"q": "Gh"})
    assert response.status_code == 200
    data = response.json()
    assert data["engine"] == "database"
    assert pages["ghent"].pk in {hit["id"] for hit in data["hits"]}
    assert page.status_code == 200 and "City of Ghent" in page.content.decode()
    assert suggestions.status_code == 200 and suggestions.json()["suggestions"]
    assert any("Elasticsearch unavailable" in record.message for record in caplog.records)
