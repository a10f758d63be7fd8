"""Page vectors are computed by the background worker after a publish, never in the editor's request."""

from django.core.management import call_command
from django.test import override_settings

import pytest
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from search.models import PageEmbedding

from . import factories

MENTORS = "Apprenticeship mentors in craft companies"


def run_worker():
    """The worker production runs, once over what is queued (`--batch`)."""
    call_command("db_worker", "--queue-name", "embeddings", "--backend", "embeddings", "--batch", "--no-startup-delay")


@pytest.mark.django_db
def test_publishing_queues_the_vector_for_the_worker_not_the_request(
    site_tree, django_capture_on_commit_callbacks, monkeypatch
):
    # The worker closes stale connections between tasks, as a long-running process should; here its connection
    # is the test's, whose transaction (on PostgreSQL) must outlive it, as Django's test client keeps it too.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
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
