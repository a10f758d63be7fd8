"""Settings for the test suite: fast hashing, in-memory mail and cache."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
MEDIA_ROOT = BASE_DIR / ".pytest_media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The test client's host, so that absolute URLs in responses point back at the server under test.
GUILD_PUBLIC_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = GUILD_PUBLIC_URL
WAGTAILAPI_BASE_URL = GUILD_PUBLIC_URL
# WebP only: AVIF encodes take seconds per rendition (tests/test_images.py covers AVIF on a small image).
GUILD_IMAGE_FORMATS = ["webp"]
# Tests render only the pages they open; encoding every demo rendition up front cost most of each demo load.
GUILD_DEMO_PRERENDER_IMAGES = False
# Off by default: many tests read `response.context` or count a page's queries, which a copy has not.
# tests/test_page_cache.py turns it on.
GUILD_PAGE_CACHE = False
# Publishing queues page vectors on the dummy backend: nothing runs unless a test asks (tests/test_search_semantic.py
# runs the real worker). Modules that need vectors compute them with `embed_pages`; the model loads once per process.
TASKS = {
    **TASKS,  # noqa: F405
    "embeddings": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["embeddings"]},
}
GUILD_DEMO_EMBEDDINGS = False
