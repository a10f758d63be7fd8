"""When content last changed: the content version behind the API's Last-Modified, listing caches and the page cache.

Publishing, unpublishing or deleting a page and saving or deleting an image or document bump one
timestamp in the cache (`signals.py`). With a cold cache the answer is "now": a client may revalidate once
more than it needed to, but never gets a stale 304.
"""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

CACHE_KEY = "guild:content-changed-at"
VOCABULARY_KEY = "guild:vocabulary-changed-at"


def changed_at(key):
    """The timestamp kept under `key`; with a cold cache, now (and kept from now on)."""
    value = cache.get(key)
    if value is None:
        value = timezone.now()
        cache.set(key, value, None)
    return value


def content_changed_at():
    return changed_at(CACHE_KEY)


def bump_content_version():
    cache.set(CACHE_KEY, timezone.now(), None)


def mark_content_changed():
    bump_content_version()
    # The signals fire inside the editor's transaction: a request arriving between the bump and the commit
    # still reads the old rows and would keep them under the new version. Moving it again after the commit
    # leaves that copy under a version nobody asks for.
    transaction.on_commit(bump_content_version)


def vocabulary_changed_at():
    """When a skill or one of its labels last changed (saved in the admin or by `import_esco`)."""
    return changed_at(VOCABULARY_KEY)


def mark_vocabulary_changed():
    cache.set(VOCABULARY_KEY, timezone.now(), None)
