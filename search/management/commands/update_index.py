"""`manage.py update_index`: Wagtail's rebuild of every search backend, then the facet store.

Both halves are atomic: Wagtail's backends are configured with ATOMIC_REBUILD (Elasticsearch builds a new
index and swaps the alias; the database backend rebuilds inside a transaction), and the facet store is
rebuilt in one transaction. This command shadows Wagtail's own (the `search` app precedes `wagtail.search`
in INSTALLED_APPS) and accepts the same options, plus `--facets-only` and `--prune-only`.

An atomic rebuild that is interrupted (a deploy, a killed worker, a full disk) leaves its half-built index
(`<alias>_<seven random characters>`) behind, never aliased and never deleted: each one holds a full copy of the
content. Every run first deletes those stale indexes: older than `--stale-after` minutes (default 60, so that a
rebuild running at the same time in another process keeps its new index) and not pointed at by their alias.
"""

import re
import time

from wagtail.search.backends import get_search_backends

from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import Command as WagtailUpdateIndexCommand

from search.models import SearchDocument

#: The name ElasticsearchAtomicIndexRebuilder gives a new index: the alias, "_", 7 random lowercase characters.
REBUILD_SUFFIX = re.compile(r"_[a-z0-9]{7}$")


def stale_indices(backend, older_than_seconds):
    """Names of the indexes an interrupted atomic rebuild of `backend` left behind."""
    aliases = {backend.get_index_for_model(model).name for model in get_indexed_models()}
    stale = []
    now_ms = time.time() * 1000
    for alias in sorted(aliases):
        found = backend.es.indices.get(index=f"{alias}_*", ignore_unavailable=True, allow_no_indices=True)
        if not found:
            continue
        live = set(backend.es.indices.get_alias(name=alias)) if backend.es.indices.exists_alias(name=alias) else set()
        for name, description in found.items():
            if name in live or not REBUILD_SUFFIX.fullmatch(name[len(alias) :]):
                continue
            created_ms = int(description.get("settings", {}).get("index", {}).get("creation_date", 0) or 0)
            if now_ms - created_ms >= older_than_seconds * 1000:
                stale.append(name)
    return stale


def prune_stale_indices(older_than_seconds, write=None):
    """Deletes every stale index of every Elasticsearch backend; returns their names."""
    pruned = []
    for backend in get_search_backends():
        if not hasattr(backend, "es"):  # the database backend rebuilds in a transaction: nothing is left over
            continue
        for name in stale_indices(backend, older_than_seconds):
            backend.es.indices.delete(index=name)
            pruned.append(name)
            if write:
                write(f"Deleted stale search index {name} (left by an interrupted rebuild).")
    return pruned


class Command(WagtailUpdateIndexCommand):
    help = "Delete stale search indexes, rebuild the search backends (atomically) and the search facet store."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--facets-only", action="store_true", help="Rebuild only the facet store.")
        parser.add_argument(
            "--prune-only", action="store_true", help="Only delete stale indexes left by interrupted rebuilds."
        )
        parser.add_argument(
            "--stale-after",
            type=int,
            default=60,
            help="Minutes after which an unaliased rebuild index counts as abandoned (default 60).",
        )

    def handle(self, **options):
        verbose = options.get("verbosity", 1)
        if not options.get("facets_only"):
            prune_stale_indices(options["stale_after"] * 60, write=self.stdout.write if verbose else None)
            if options.get("prune_only"):
                return
            super().handle(**options)
        count = SearchDocument.objects.rebuild()
        if verbose:
            self.stdout.write(f"Search facet store: {count} live pages.")
