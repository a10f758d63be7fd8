"""Relevance of the search service on the judged set: nDCG@10, P@3, MRR and the zero-result rate.

Per engine and per query kind, over the demo content (tests/relevance_judgements.json, measures in
tests/relevance.py: the same code tests/test_search_judged.py asserts floors with). It runs on the database
DATABASE_URL names (the development SQLite database by default) and expects the demo loaded there:

    .venv/bin/python manage.py load_demo_content && .venv/bin/python manage.py load_demo_translations
    .venv/bin/python bench/relevance_bench.py                 # database engine and Elasticsearch on osmem
    .venv/bin/python bench/relevance_bench.py --engine database
    ELASTICSEARCH_URL=https://... .venv/bin/python bench/relevance_bench.py --engine elasticsearch

Each engine's index is rebuilt first (`update_index`). `--queries` prints every query's nDCG@10 and top 3.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import override_settings  # noqa: E402

from search import elasticsearch_engine  # noqa: E402
from search.engines import search_backends  # noqa: E402
from tests.relevance import report, run_judged_set  # noqa: E402
from tests.search_engines import OsmemNode  # noqa: E402


def backends(engine, servers):
    if engine == "database":
        return search_backends("")
    url = os.environ.get("ELASTICSEARCH_URL")
    if url:
        return search_backends(url, backend=os.environ.get("ELASTICSEARCH_BACKEND", "elasticsearch9"))
    from osmem_server import OsmemServer

    server = OsmemServer.start()
    servers.append(server)
    return search_backends(server.url, index_prefix="guildbench_", options={"node_class": OsmemNode})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=["database", "elasticsearch", "both"], default="both")
    parser.add_argument("--queries", action="store_true", help="print each query's nDCG@10 and top 3")
    args = parser.parse_args()
    engines = ["database", "elasticsearch"] if args.engine == "both" else [args.engine]
    servers = []
    try:
        for engine in engines:
            with override_settings(WAGTAILSEARCH_BACKENDS=backends(engine, servers)):
                elasticsearch_engine.mark_available()
                cache.clear()
                call_command("update_index", verbosity=0)
                rows = run_judged_set()
                print(report(engine, rows))
                if args.queries:
                    for query, measures, ranked in rows:
                        print(
                            f"  {measures['ndcg']:.2f} [{query['kind']}/{query['language']}] {query['q']!r}",
                            ranked[:3],
                        )
                print()
    finally:
        for server in servers:
            server.close()


if __name__ == "__main__":
    main()
