"""Background computation of page vectors (semantic search), on the `embeddings` task backend.

Queued when a page is published or unpublished (`search.signals`), after the transaction commits, and run by
the worker (`python manage.py db_worker --queue-name embeddings --backend embeddings`) with the database backend
(production and `make run`): the model never runs in the editor's request. Tests use the dummy backend (nothing
runs unless a test asks), see config/settings/test.py.
"""

from wagtail.models import Page

from django_tasks import task

from .models import PageEmbedding


@task(queue_name="embeddings", backend="embeddings")
def embed_pages(page_ids):
    """Compute (or drop) the vectors of these pages from their current live state."""
    pages = list(Page.objects.filter(pk__in=page_ids).select_related("locale").specific())
    PageEmbedding.objects.embed_pages(pages)
    missing = set(page_ids) - {page.pk for page in pages}
    if missing:  # deleted since: forget their vectors
        PageEmbedding.objects.filter(page_id__in=missing).delete()
