"""Every page type of the demo site in a real browser, in English and French, on a phone and a desktop.

For each page: no sideways scrolling at 320, 390, 768, 1024, 1280 and 1440 px (the document is never wider
than the window), zero axe-core violations at 390 and 1280 px, every <img> with an alt text (and a srcset
where it is a content image), no console error and no failed request for the page's own assets. Plus the
behaviours the layout promises: filters fold behind a "Filters" control on a phone so results come first,
and the main menu fits one row at 1280 px.

The demo content is loaded once (`load_demo_content` and `load_demo_translations`) for one test that walks
every page with one browser page, resizing it between widths (a resize re-applies the media queries, as a
load at that width would; the phone width is loaded first, so scripts that read the width at load see a
phone). Problems are collected for every page and reported together, so one run shows everything broken.
axe-core comes from npm (`npm ci`: package.json); like Chromium, it fails the test in CI when missing.
"""

import io
import mimetypes
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from wagtail.models import Page

import pytest

from home.models import SkillTag, TopicTag
from network.models import EventPage

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"

# A live server needs committed data (a transactional test); serialized_rollback puts back what the
# migrations created (root page, locale, groups, workflow) when the test's flush empties the tables.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OVERFLOW_WIDTHS = (390, 320, 768, 1024, 1280, 1440)  # the phone first: it is the width each page loads at
AXE_WIDTHS = (390, 1280)
# A 1x1 transparent PNG served for map tiles, so the test never depends on the tile server being reachable.
BLANK_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def axe():
    """axe-core's source, checked before the demo content is loaded (a skip should not cost a minute)."""
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing: CI runs `npm ci` before the tests")
        pytest.skip("axe-core is not installed: run `npm ci --no-audit --no-fund` (CI fails instead of skipping)")
    return AXE.read_text()


def first_live(model_name, language):
    return (
        Page.objects.live()
        .filter(content_type__model=model_name, locale__language_code=language)
        .order_by("path")
        .first()
    )


PAGE_TYPES = (
    "homepage",
    "standardpage",
    "memberindexpage",
    "projectindexpage",
    "campaignindexpage",
    "eventindexpage",
    "newsindexpage",
    "practiceindexpage",
    "qualificationindexpage",
    "memberpage",
    "projectpage",
    "jointqualificationpage",
    "goodpracticepage",
    "campaignpage",
    "eventpage",
    "newspage",
)


def pages_to_visit(event):
    """(label, path) for each page type in English and in French, plus the views that are not Wagtail pages."""
    skill = SkillTag.objects.order_by("name").first()
    topic = TopicTag.objects.order_by("name").first()
    campaign = Page.objects.live().filter(content_type__model="campaignpage").order_by("path").first()
    visits = []
    for language in ("en", "fr"):
        prefix = "" if language == "en" else "/fr"
        for model_name in PAGE_TYPES:
            page = first_live(model_name, language)
            if page is not None:  # a type without a French page yet is still checked in English
                visits.append((f"{language} {model_name}", page.url))
        for label, path in (
            ("search", "/search/?q=apprenticeship"),
            ("search without a query", "/search/"),
            ("join/apply", reverse("network:join")),
            ("contact", reverse("network:contact")),
            ("event registration", reverse("network:event_register", kwargs={"page_id": event.pk})),
            ("find partners", reverse("network:find_partners")),
            ("skills", reverse("skill_list")),
            ("skill", reverse("skill_tag", args=[skill.slug])),
            ("topic", reverse("topic_tag", args=[topic.slug])),
            ("pledge dashboard", reverse("network:pledges")),
            ("campaign support", reverse("network:campaign_visitor_support", kwargs={"page_id": campaign.pk})),
            ("open data", reverse("open_data")),
            ("404", "/no-such-page/"),
        ):
            visits.append((f"{language} {label}", prefix + path))
    return visits


@pytest.fixture
def demo_event():
    """The demo site, loaded once for the module's one test; returns an event open for registration."""
    # The renditions are encoded up front, as `make run` does: the live server serves the stored files.
    with override_settings(GUILD_DEMO_PRERENDER_IMAGES=True):
        call_command("load_demo_content", stdout=io.StringIO())
    call_command("load_demo_translations", stdout=io.StringIO())
    # The demo's upcoming events take no registrations on the platform; open one so its form is checked.
    event = EventPage.objects.live().filter(locale__language_code="en").order_by("-start").first().specific
    event.registration_open = True
    event.save_revision().publish()
    return event


IMAGE_PROBLEMS = """() => Array.from(document.images).flatMap((img) => {
  const problems = [];
  const name = img.currentSrc || img.src;
  if (!img.hasAttribute("alt")) problems.push("no alt: " + name);
  // Content images (not the map's tiles and markers) come from renditions with a srcset.
  if (img.closest("main") && !img.closest(".leaflet-container") && !img.hasAttribute("srcset"))
    problems.push("no srcset: " + name);
  return problems;
})"""

AXE_RUN = """() => axe.run(document, {resultTypes: ["violations"]}).then((result) => result.violations.map(
  (v) => v.id + " (" + v.impact + "): " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")))"""

MENU_ROWS = """() => new Set(Array.from(document.querySelectorAll("#main-nav-list > li"),
  (li) => Math.round(li.getBoundingClientRect().top))).size"""


def test_every_page_type_in_both_languages_on_a_phone_and_a_desktop(browser, axe, live_server, demo_event):
    visits = pages_to_visit(demo_event)
    assert len(visits) >= 2 * 10 + 16, visits  # every type in English, the views in both languages

    context = browser.new_context(viewport={"width": 390, "height": 844})
    # Media is not served with DEBUG off; the renditions live in the test settings' in-memory storage.
    context.route(
        live_server.url + settings.MEDIA_URL + "**",
        lambda route: route.fulfill(
            body=default_storage.open(urlsplit(route.request.url).path[len(settings.MEDIA_URL) :]).read(),
            content_type=mimetypes.guess_type(route.request.url)[0] or "application/octet-stream",
        ),
    )
    context.route(
        "https://tile.openstreetmap.org/**", lambda route: route.fulfill(body=BLANK_PNG, content_type="image/png")
    )
    page = context.new_page()
    console_errors, failed_requests = [], []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.on("pageerror", lambda error: console_errors.append(str(error)))

    def record_failure(response):
        # The 404 page answers 404 by design; a missing favicon is the browser's own guess, not our markup.
        own_asset = response.request.resource_type != "document" and not response.url.endswith("/favicon.ico")
        if response.status >= 400 and own_asset:
            failed_requests.append(f"{response.status} {response.url}")

    page.on("response", record_failure)

    problems = {}
    for label, path in visits:
        console_errors.clear()
        failed_requests.clear()
        found = []
        page.set_viewport_size({"width": 390, "height": 844})
        response = page.goto(live_server.url + path, wait_until="load")
        expected = 404 if label.endswith("404") else 200
        if response.status != expected:
            found.append(f"status {response.status}, expected {expected}")
        for width in OVERFLOW_WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                found.append(f"{width}px: scrollWidth {scroll_width}")
            if width in AXE_WIDTHS:
                if not page.evaluate("Boolean(window.axe)"):
                    # Evaluated through the DevTools protocol: the site's CSP (no inline script) stays in force.
                    page.evaluate(axe)
                found += [f"{width}px axe: {violation}" for violation in page.evaluate(AXE_RUN)]
            if width == 1280 and page.evaluate(MENU_ROWS) > 1:
                found.append("1280px: the main menu wraps onto a second row")
        found += page.evaluate(IMAGE_PROBLEMS)
        found += [f"console: {text}" for text in console_errors if not text.startswith("Failed to load resource")]
        found += [f"request failed: {failed}" for failed in failed_requests]
        if found:
            problems[f"{label} {path}"] = found
    context.close()
    assert problems == {}


def test_filters_fold_on_a_phone_so_results_come_first(browser, live_server, site_tree):
    """On a phone a listing's filter bar and the search page's facets start closed behind "Filters";
    on a desktop they are open; without a toggle the first result would sit below every facet."""
    phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    phone.goto(live_server.url + site_tree.members.url)
    assert phone.locator("details.filter-bar").get_attribute("open") is None
    phone.locator("details.filter-bar summary").click()
    assert phone.locator("#id_country").is_visible()

    phone.goto(live_server.url + "/search/?q=apprenticeship")
    toggle = phone.locator("button.filters-toggle")
    facets = phone.locator("#search-facets")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not facets.is_visible()
    toggle.click()
    # Opened: no longer hidden (with no hits in this small tree the facet lists themselves may be empty).
    assert toggle.get_attribute("aria-expanded") == "true" and facets.get_attribute("hidden") is None

    desktop = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    desktop.goto(live_server.url + site_tree.members.url)
    assert desktop.locator("details.filter-bar").get_attribute("open") is not None
    desktop.goto(live_server.url + "/search/?q=apprenticeship")
    assert desktop.locator("#search-facets").get_attribute("hidden") is None
    assert not desktop.locator("button.filters-toggle").is_visible()
