"""Page vectors are computed by the background worker after a publish, never in the editor's request."""

from django.core.management import call_command
from django.test import override_settings

import pytest
from django_tasks_db.models import DBTaskResult

from search.models import PageEmbedding

from . import factories

MENTORS = "Apprenticeship mentors in craft companies"


def run_worker():
    """The worker production runs, once over what is queued (`--batch`)."""
    call_command("db_worker", "--queue-name", "embeddings", "--backend", "embeddings", "--batch", "--no-startup-delay")


# Transactional: the worker, like production's, closes and reopens its database connection between tasks, which
# would end the test's own transaction on PostgreSQL. serialized_rollback puts back what the flush at the end
# removes (Wagtail's root page and locale, made by migrations), as the browser tests do.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_queues_the_vector_for_the_worker_not_the_request(site_tree, django_capture_on_commit_callbacks):
    tasks = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "embeddings": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["embeddings"]},
    }
    with override_settings(TASKS=tasks):
        practice = factories.GoodPracticePageFactory(parent=site_tree.practices, title=MENTORS)
        with django_capture_on_commit_callbacks(execute=True):
            practice.save_revision().publish()
        assert not PageEmbedding.objects.filter(page_id=practice.pk).exists()  # nothing computed in the publish
        assert DBTaskResult.objects.filter(queue_name="embeddings", status="READY").count() == 1
        run_worker()
        assert PageEmbedding.objects.filter(page_id=practice.pk, language="en").count() == 1
        assert DBTaskResult.objects.get(queue_name="embeddings").status == "SUCCESSFUL"
        # Unpublishing drops the vector, through the worker as well.
        with django_capture_on_commit_callbacks(execute=True):
            practice.unpublish()
        run_worker()
        assert not PageEmbedding.objects.filter(page_id=practice.pk).exists()
