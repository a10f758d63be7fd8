"""The index stays true: publish, unpublish, move, delete, and an atomic update_index."""

from django.core.management import call_command

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from search.query import SearchQuery
from search.service import run_search

from . import factories


@pytest.fixture
def demo(search_demo):
    """The search content, built once per engine for the module (tests/conftest.py: `search_module`)."""
    return search_demo


def found(text):
    backend = get_search_backend("default")
    if hasattr(backend, "get_index_for_model"):
        backend.get_index_for_model(Page).refresh()
    return {hit["id"] for hit in run_search(SearchQuery(text=text))["hits"]}


def test_publish_unpublish_move_delete(demo):
    page = factories.GoodPracticePageFactory.build(title="Zephyr welding academy", country="DE", summary="")
    demo["tree"].practices.add_child(instance=page)
    page.save_revision().publish()
    assert page.pk in found("zephyr")

    page.unpublish()
    assert page.pk not in found("zephyr")

    page.save_revision().publish()
    page.refresh_from_db()
    page.move(demo["tree"].practices, pos="first-child")
    assert page.pk in found("zephyr")

    page_id = page.pk
    page.delete()
    assert page_id not in found("zephyr")


def test_update_index_rebuilds_the_facet_store(demo):
    call_command("update_index", verbosity=0)
    result = run_search(SearchQuery())
    assert result["total"] == 9


def test_dashboard_shows_engine_and_freshness(demo, admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Pages in the search index" in html
    assert "9" in html
    assert ("Engine: <strong>elasticsearch</strong>" in html) or ("Engine: <strong>database</strong>" in html)


def test_update_index_deletes_indexes_an_interrupted_rebuild_left_behind(demo, search_engine):
    if search_engine == "database":
        pytest.skip("the database backend rebuilds in a transaction: an interruption leaves nothing behind")
    backend = get_search_backend("default")
    alias = backend.get_index_for_model(Page).name
    live_before = set(backend.es.indices.get_alias(name=alias))
    abandoned, unrelated = f"{alias}_abcd123", f"{alias}_archive_2025"
    for name in (abandoned, unrelated):
        backend.es.indices.create(index=name)

    # Fresh: it may be another process's rebuild in progress, so the default (60 minutes) keeps it.
    call_command("update_index", "--prune-only", verbosity=0)
    assert backend.es.indices.exists(index=abandoned)

    call_command("update_index", "--prune-only", "--stale-after", "0", verbosity=0)
    assert not backend.es.indices.exists(index=abandoned)
    assert backend.es.indices.exists(index=unrelated), "only names an atomic rebuild gives are pruned"
    assert set(backend.es.indices.get_alias(name=alias)) == live_before
    assert found("apprenticeship"), "the live index still answers"

    # A full run prunes first, then rebuilds onto a new index and retires the old one.
    backend.es.indices.create(index=abandoned)
    call_command("update_index", "--stale-after", "0", verbosity=0)
    live_after = set(backend.es.indices.get_alias(name=alias))
    assert not backend.es.indices.exists(index=abandoned)
    assert live_after and live_after != live_before
    assert not any(backend.es.indices.exists(index=name) for name in live_before)
    assert found("apprenticeship")
