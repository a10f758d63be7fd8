"""Background delivery of webhooks, with retries.

Runs on the `webhooks` task backend (settings.TASKS): the immediate backend in development and tests,
the database backend with a worker in production (`python manage.py db_worker --queue-name webhooks`).
Where the backend can defer (the database one), a failed attempt is retried later with exponential
backoff; where it cannot (immediate), the attempts follow one another at once.
"""

import datetime
import logging

from django.conf import settings
from django.utils import timezone

from django_tasks import task

from .models import WebhookDelivery

logger = logging.getLogger(__name__)


def backoff(attempts):
    return datetime.timedelta(seconds=settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempts - 1))


@task(queue_name="webhooks", backend="webhooks")
def deliver_webhook(delivery_id):
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status == WebhookDelivery.Status.SUCCEEDED:
        return
    while not delivery.attempt():
        logger.warning("Webhook delivery %s failed (attempt %s): %s", delivery.pk, delivery.attempts, delivery.error)
        if not delivery.can_retry:
            return
        if deliver_webhook.get_backend().supports_defer:
            deliver_webhook.using(run_after=timezone.now() + backoff(delivery.attempts)).enqueue(delivery.pk)
            return
