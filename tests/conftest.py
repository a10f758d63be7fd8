"""Shared fixtures: the site tree every page test stands on, search content built once per module, and a real
browser for the browser tests.

Content that is expensive to build is built once per module, not per test:

- `module_transaction(django_db_blocker)` (a context manager) opens a transaction for a module-scoped fixture and
  rolls it back when the module is done; each test of the module then runs in a savepoint inside it (pytest-django's
  `db`), so what a test writes is undone before the next one. `build_site_tree()` is `site_tree` for such fixtures,
  and `fresh(value)` fetches what they built again for each test (see `test_i18n_routing.py`).
- `search_demo` (function scope) hands a test the search content of `tests/search_engines.py`, built and indexed
  once per module and engine by `search_module`: `{"ghent": page, ..., "tree": site tree, "_engine": name}`, each
  model instance fetched afresh for the test. The Elasticsearch engine indexes into an osmem server of the module's
  own and gives each test a clone of it, so a test that changes the index changes only its clone. A module
  narrows the engines by overriding `search_engine` (a module-scoped fixture returning an engine name, see
  `test_search_page.py`) and adds content by overriding `search_content_build` (see `test_i18n_search.py`).
"""

import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, models, transaction
from django.test import override_settings
from django.utils import translation

from wagtail.models import Locale, Page, Site

import pytest
from playwright.sync_api import sync_playwright

from . import factories, search_engines


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request to /fr/... leaves French active in this thread (LocaleMiddleware activates, nothing resets);
    code called directly by the next test would then speak French."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """The .mo catalogues are build output (gitignored): compile them before any test renders a page.

    Under pytest-xdist every worker runs this: the lock keeps one worker from reading a catalogue another is still
    writing (the second finds them up to date and writes nothing)."""
    with open(Path(tempfile.gettempdir()) / "guild-compile-translations.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        call_command("compile_translations", verbosity=0)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a `serialized_rollback` test (the browser tests), put back what the migrations created.

    Django restores that content at the start of such a test and flushes every table at its end without
    post_migrate, so the tests after it on the same worker (pytest-xdist does not keep pytest-django's
    "transactional tests last" order across files) would find no content types, permissions, root page,
    collection, locale or groups, and a content-type cache with ids that no longer exist."""
    yield
    marker = item.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("serialized_rollback"):
        return
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all(initialized_only=True):
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)
    ContentType.objects.clear_cache()


@pytest.fixture
def site_tree(db):
    """A site whose root is a HomePage with one of each index page under it."""
    return build_site_tree()


def build_site_tree():
    """What `site_tree` builds, callable from module-scoped fixtures (inside `module_transaction`)."""
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    # Wagtail's migrations leave a welcome page (and a site on it); replace both.
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = factories.HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Guild"},
    )
    return SimpleNamespace(
        root=root,
        home=home,
        members=factories.MemberIndexPageFactory(parent=home),
        projects=factories.ProjectIndexPageFactory(parent=home),
        campaigns=factories.CampaignIndexPageFactory(parent=home),
        events=factories.EventIndexPageFactory(parent=home),
        news=factories.NewsIndexPageFactory(parent=home),
        practices=factories.PracticeIndexPageFactory(parent=home),
        qualifications=factories.QualificationIndexPageFactory(parent=home),
    )


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def browser(monkeypatch):
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing: CI must run the browser tests")
        pytest.skip("/usr/bin/chromium is not installed (these tests fail instead of skipping in CI)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test are still sync.
    # (set for this test only: the deploy check refuses it, and it must not leak into other tests' subprocesses)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def module_transaction(django_db_blocker):
    """Database access for a module-scoped fixture, in a transaction rolled back when the `with` ends.

    Yield inside it from the fixture: the module's tests run in savepoints within this transaction. Not for modules
    with transactional tests (`transactional_db`, `live_server`): those flush the tables this builds on."""
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
        cache.clear()


def fresh(value):
    """`value` with every model instance in it fetched again from the database, in dicts, tuples, lists and
    SimpleNamespaces: what a module-scoped fixture built, as a test must see it (earlier tests may have changed
    the Python objects; their database changes were rolled back)."""
    if isinstance(value, models.Model):
        return type(value)._default_manager.get(pk=value.pk)
    if isinstance(value, dict):
        return {key: fresh(item) for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return type(value)(fresh(item) for item in value)
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**{key: fresh(item) for key, item in vars(value).items()})
    return value


@pytest.fixture(scope="module", params=search_engines.ENGINES)
def search_engine(request):
    """The search engine a module's `search_demo` tests run on: each test runs once per engine (override to narrow)."""
    return request.param


@pytest.fixture(scope="module")
def search_content_build():
    """What `search_module` builds on a fresh `site_tree`: a function (tree) -> {name: object}; it indexes."""
    return search_engines.build_demo_content


@pytest.fixture(scope="module")
def search_module(search_engine, search_content_build, django_db_setup, django_db_blocker):
    """The search content, built and indexed once per module and engine (rolled back after the module)."""
    engine = search_engines.ModuleEngine(search_engine)
    try:
        with module_transaction(django_db_blocker), override_settings(WAGTAILSEARCH_BACKENDS=engine.build_settings()):
            search_engines.mark_available()
            tree = build_site_tree()
            pages = search_content_build(tree)
            pages["tree"] = tree
            pages["_engine"] = engine.name
            yield engine, pages
    finally:
        engine.close()


@pytest.fixture
def search_demo(search_module, db, settings):
    """`search_module`'s content for one test: fresh instances, this test's copy of the index, an empty cache."""
    engine, pages = search_module
    cache.clear()
    with engine.for_test(settings):
        yield fresh(pages)
