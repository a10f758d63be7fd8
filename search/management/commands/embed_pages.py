"""`manage.py embed_pages`: compute the vectors of every live page for semantic search (see docs/search.md).

Pages whose text is unchanged keep their vectors unless `--force`. Run after changing EMBEDDINGS (a new model
needs new vectors; the old model's rows are dropped) and after a bulk import made without the worker running.
"""

from django.core.management.base import BaseCommand

from search.embeddings import get_embedder
from search.models import PageEmbedding


class Command(BaseCommand):
    help = "Compute the sentence-embedding vectors of every live page (semantic search, similar pages)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Recompute every vector, even unchanged ones.")

    def handle(self, *args, force=False, verbosity=1, **options):
        embedder = get_embedder()
        if embedder is None:
            self.stdout.write("EMBEDDINGS is off: nothing to compute.")
            return
        stale = PageEmbedding.objects.exclude(model=embedder.name)
        if force:
            stale = PageEmbedding.objects.all()
        stale.delete()
        count = PageEmbedding.objects.embed_all()
        if verbosity:
            total = PageEmbedding.objects.filter(model=embedder.name).count()
            self.stdout.write(f"Embeddings ({embedder.name}): {count} computed, {total} pages in all.")
