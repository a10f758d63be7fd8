"""`manage.py update_index`: Wagtail's rebuild of every search backend, then the facet store.

Both halves are atomic: Wagtail's backends are configured with ATOMIC_REBUILD (Elasticsearch builds a new
index and swaps the alias; the database backend rebuilds inside a transaction), and the facet store is
rebuilt in one transaction. This command shadows Wagtail's own (the `search` app precedes `wagtail.search`
in INSTALLED_APPS) and accepts the same options, plus `--facets-only`.
"""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as WagtailUpdateIndexCommand

from search.models import SearchDocument


class Command(WagtailUpdateIndexCommand):
    help = "Rebuild the search backends (atomically) and the search facet store."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--facets-only", action="store_true", help="Rebuild only the facet store.")

    def handle(self, **options):
        if not options.get("facets_only"):
            super().handle(**options)
        count = SearchDocument.objects.rebuild()
        if options.get("verbosity", 1):
            self.stdout.write(f"Search facet store: {count} live pages.")
