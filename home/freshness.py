"""When content last changed: the content version behind the API's Last-Modified, listing caches and the page cache.

Publishing, unpublishing or deleting a page and saving or deleting an image or document bump one
timestamp in the cache (`signals.py`). With a cold cache the answer is "now": a client may revalidate once
more than it needed to, but never gets a stale 304.
"""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

CACHE_KEY = "guild:content-changed-at"


def content_changed_at():
    value = cache.get(CACHE_KEY)
    if value is None:
        value = timezone.now()
        cache.set(CACHE_KEY, value, None)
    return value


def bump_content_version():
    cache.set(CACHE_KEY, timezone.now(), None)


def mark_content_changed():
    bump_content_version()
    # The signals fire inside the editor's transaction: a request arriving between the bump and the commit
    # still reads the old rows and would keep them under the new version. Moving it again after the commit
    # leaves that copy under a version nobody asks for.
    transaction.on_commit(bump_content_version)


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
