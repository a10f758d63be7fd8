"""The judged relevance set (tests/relevance_judgements.json) over the demo content, on both engines.

The demo is loaded once for the module (it takes a while) and indexed by each engine in turn; floors are what each
engine measured when the set was written, a little below, so that a ranking change that loses relevance fails here.
bench/relevance_bench.py prints the same measures per kind over a development database.
"""

import os

from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

import pytest

from search import elasticsearch_engine
from search.engines import search_backends

from .conftest import module_transaction
from .relevance import load_queries, run_judged_set, summary
from .search_engines import OsmemNode, rebuild_index

# A database test (the module fixture loads the demo in a transaction): run before any transactional test flushes
# the tables the loader builds on, as tests/test_demo_content.py does.
pytestmark = pytest.mark.django_db

FLOORS = {
    # engine: {kind or "all": minimum nDCG@10}; measured 2026-12-02 (database 0.777 overall, sentence 0.666,
    # cross-lingual 0.735; Elasticsearch on osmem 0.815, 0.584, 0.874), floors a little below. With semantic
    # search (2026-12-03): database 0.820, sentence 0.682, cross-lingual 0.848, keyword 0.991; Elasticsearch 0.833,
    # 0.588, 0.926, 0.983. With sentence-weighted fusion, general pages by words only, the relaxation and the
    # thesaurus by inflection, exact words in Elasticsearch's sentence-like queries, every indexed word a spelling
    # correction on SQLite (2026-12-04): database 0.865 (on SQLite), 0.722, 0.890, 0.991; Elasticsearch 0.872,
    # 0.6998, 0.925, 0.983.
    "database": {"all": 0.83, "sentence": 0.69, "cross_lingual": 0.86, "keyword": 0.95},
    "elasticsearch": {"all": 0.85, "sentence": 0.66, "cross_lingual": 0.89, "keyword": 0.95},
}
MAX_ZERO_RESULT_RATE = 0.05  # issue 10's target; measured 1.5% (database) and 0% (Elasticsearch)


def engine_settings(engine, server):
    if engine == "database":
        return search_backends("")
    url = os.environ.get("ELASTICSEARCH_URL")
    backend = os.environ.get("ELASTICSEARCH_BACKEND", "elasticsearch9")
    options = {}
    if not url:
        clone = server.clone()
        url, options = clone.url, {"node_class": OsmemNode}
    return search_backends(url, backend=backend, index_prefix="guildtest_", options=options)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo and its translations, loaded once for the module: each engine indexes the same content."""
    with module_transaction(django_db_blocker):
        call_command("load_demo_content", verbosity=0)
        call_command("load_demo_translations", verbosity=0)
        call_command("embed_pages", verbosity=0)  # semantic search: the demo's vectors (off in the tests' loaders)
        yield


@pytest.fixture(scope="module", params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def judged(request, demo, django_db_blocker):
    server = request.getfixturevalue("osmem_server") if request.param == "elasticsearch" else None
    with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS=engine_settings(request.param, server)):
        elasticsearch_engine.mark_available()
        cache.clear()
        rebuild_index()
        rows = run_judged_set()
        cache.clear()
    return request.param, rows


def test_the_set_covers_the_kinds_and_languages_of_the_issue():
    queries = load_queries()
    assert len(queries) >= 60
    assert {query["language"] for query in queries} >= {"en", "fr", "de", "it"}
    assert {query["kind"] for query in queries} == {"keyword", "sentence", "label", "synonym", "cross_lingual", "typo"}
    # Every query has a page judged clearly relevant (a few, such as "climate", have no perfect answer).
    assert all(query["judgements"] and max(query["judgements"].values()) >= 2 for query in queries)


def test_ndcg_stays_above_the_measured_floor(judged):
    engine, rows = judged
    table = summary(rows)
    for kind, floor in FLOORS[engine].items():
        assert table[kind]["ndcg"] >= floor, (kind, table[kind])
    assert table["all"]["zero"] <= MAX_ZERO_RESULT_RATE
