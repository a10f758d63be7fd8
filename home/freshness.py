"""When content last changed: the API's Last-Modified.

Publishing, unpublishing or deleting a page and saving or deleting an image or document bump one
timestamp in the cache (`signals.py`). With a cold cache the answer is "now": a client may revalidate once
more than it needed to, but never gets a stale 304.
"""

from django.core.cache import cache
from django.utils import timezone

CACHE_KEY = "guild:content-changed-at"


def content_changed_at():
    value = cache.get(CACHE_KEY)
    if value is None:
        value = timezone.now()
        cache.set(CACHE_KEY, value, None)
    return value


def mark_content_changed():
    cache.set(CACHE_KEY, timezone.now(), None)


VOCABULARY_KEY = "guild:vocabulary-changed-at"


def vocabulary_changed_at():
    """When a skill or one of its labels last changed (saved in the admin or by `import_esco`)."""
    value = cache.get(VOCABULARY_KEY)
    if value is None:
        value = timezone.now()
        cache.set(VOCABULARY_KEY, value, None)
    return value


def mark_vocabulary_changed():
    cache.set(VOCABULARY_KEY, timezone.now(), None)
