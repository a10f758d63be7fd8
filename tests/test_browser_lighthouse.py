"""Lighthouse over the home page, an index and a detail page: all four categories at least 95.

The same runner as `bench/lighthouse.py` (the `lighthouse` npm package driving Debian's Chromium), against the
test live server (DEBUG off). Without Chromium or node_modules this skips on a laptop and fails in CI.
"""

import importlib.util
import os
from pathlib import Path

from django.conf import settings

import pytest

from . import factories
from .conftest import CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FLOOR = 95
ASSERTED = ("performance", "accessibility", "best-practices", "seo")


def load_bench():
    path = Path(settings.BASE_DIR) / "bench" / "lighthouse.py"
    spec = importlib.util.spec_from_file_location("bench_lighthouse", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def bench():
    module = load_bench()
    missing = [str(path) for path in (module.LIGHTHOUSE, CHROMIUM) if not Path(path).exists()]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"missing in CI: {', '.join(missing)} (CI runs `npm ci` and installs chromium)")
        pytest.skip(f"missing: {', '.join(missing)} (run `npm ci --no-audit --no-fund`; CI fails instead)")
    return module


@pytest.fixture
def pages(site_tree):
    for section in (site_tree.members, site_tree.practices, site_tree.events, site_tree.news):
        section.show_in_menus = True
        section.save_revision().publish()
    members = [
        factories.MemberPageFactory(parent=site_tree.members, title=f"City of Example {number}", country="BE")
        for number in range(6)
    ]
    return {"home": site_tree.home.url, "index": site_tree.members.url, "detail": members[0].url}


def test_lighthouse_scores_of_home_index_and_detail_pages(bench, live_server, pages):
    results, below = {}, []
    for kind, path in pages.items():
        scores, failed = bench.lighthouse_scores(live_server.url + path)
        results[kind] = scores
        for category in ASSERTED:
            if scores[category] < FLOOR:
                below.append(f"{kind} {path}: {category} {scores[category]} ({'; '.join(failed[category])})")
    assert below == [], results
