"""The judged set: queries a visitor types, and the page that must rank in the top 3, on both engines."""

import pytest

from search.query import SearchQuery, clean_text
from search.service import run_search

JUDGED = [
    ("skills mismatch", "ghent_review"),
    ("long-term unemployment", "lille_video"),
    ("Ghent", "ghent"),
    ("Ghent", "ghent_review"),
    ("green skills", "green_apprenticeships"),
    ("apprentiseship coaching", "qualification"),
    ("cultural heritage", "heritage_webinar"),
    ("Lille", "lille"),
]


@pytest.fixture
def demo(search_demo):
    """The search content, built once per engine for the module (tests/conftest.py: `search_module`)."""
    return search_demo


def test_judged_queries_rank_their_page_in_the_top_three(demo):
    misses = []
    for text, key in JUDGED:
        top = [hit["id"] for hit in run_search(SearchQuery(text=clean_text(text)))["hits"][:3]]
        if demo[key].pk not in top:
            misses.append((text, key, top))
    assert misses == []
