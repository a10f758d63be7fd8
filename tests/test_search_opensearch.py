"""ELASTICSEARCH_BACKEND=opensearch3 (and opensearch2) index pages with countries and answer searches, on osmem.

Before the Country serializer was given to every backend, `update_index` failed on OpenSearch with
"Unable to serialize Country(code='BE')". opensearch-py talks plain JSON, so no test node class is needed.
"""

import opensearchpy
import pytest

from search.query import SearchQuery
from search.service import run_search, suggest

from .search_engines import build_demo_content, use_engine

pytestmark = pytest.mark.elasticsearch


OPENSEARCH_CLIENT_MAJOR = int(opensearchpy.__versionstr__.split(".")[0])


@pytest.fixture(
    params=[
        "opensearch3",
        # Wagtail's opensearch2 backend calls the opensearch-py 2 API (requirements-opensearch2.txt pins <3).
        pytest.param(
            "opensearch2",
            marks=pytest.mark.skipif(OPENSEARCH_CLIENT_MAJOR >= 3, reason="needs opensearch-py<3 installed"),
        ),
    ]
)
def demo(request, settings, site_tree):
    use_engine(request, settings, "elasticsearch", backend=request.param)
    return build_demo_content(site_tree)  # update_index: every page, countries included


def test_opensearch_backends_index_and_search(demo):
    result = run_search(SearchQuery(text="Ghent"))
    assert result["engine"] == "elasticsearch"
    assert {demo["ghent"].pk, demo["ghent_review"].pk} <= {hit["id"] for hit in result["hits"]}
    browse = run_search(SearchQuery(filters={"country": ("BE",)}))
    assert {item["value"]: item["count"] for item in browse["facets"]["country"]}["BE"] == 2
    assert "City of Ghent" in [row["title"] for row in suggest("ghe")]
