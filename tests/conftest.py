"""Shared fixtures: the site tree every page test stands on, and a real browser for the browser tests."""

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from wagtail.models import Locale, Page, Site

import pytest
from playwright.sync_api import sync_playwright

from . import factories


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request to /fr/... leaves French active in this thread (LocaleMiddleware activates, nothing resets);
    code called directly by the next test would then speak French."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """The .mo catalogues are build output (gitignored): compile them before any test renders a page."""
    call_command("compile_translations", verbosity=0)


@pytest.fixture
def site_tree(db):
    """A site whose root is a HomePage with one of each index page under it."""
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
