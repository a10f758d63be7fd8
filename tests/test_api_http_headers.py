"""HTTP behaviour partners' browser code and caches rely on: feeds and search validators, rate limit on search,
CORS preflight and exposed headers, Vary only on what varies, labels in the `locale` language."""

from django.core.cache import cache
from django.test import override_settings

from wagtail.models import Locale

import pytest

from .api_content import network_fixture  # noqa: F401  (fixture)

ORIGIN = "https://partner.example"


@pytest.mark.parametrize("url", ["/feeds/news.rss", "/feeds/news.atom", "/feeds/events.ics"])
def test_feeds_carry_validators_and_answer_conditional_gets(client, network, url):
    first = client.get(url)
    assert first.status_code == 200
    assert "max-age" in first["Cache-Control"] and first.has_header("ETag") and first.has_header("Last-Modified")
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_search_api_carries_validators(client, network):
    first = client.get("/api/v2/search/", {"q": "ghent"})
    assert first.status_code == 200
    assert "public" in first["Cache-Control"]
    assert client.get("/api/v2/search/", {"q": "ghent"}, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@override_settings(API_RATE_LIMIT="3/minute")
def test_search_api_shares_the_rate_limit(client, network):
    cache.clear()
    statuses = [client.get("/api/v2/search/", {"q": f"ghent {n}"}).status_code for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v2/search/", {"q": "x"})
    assert int(limited["Retry-After"]) > 0
    assert client.get("/api/v2/pages/").status_code == 429  # one budget for every endpoint


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
def test_cors_preflight_allows_revalidation_and_exposes_validators(client, network):
    preflight = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, if-modified-since",
    )
    allowed = preflight["Access-Control-Allow-Headers"].lower()
    assert "if-none-match" in allowed and "if-modified-since" in allowed
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=ORIGIN)
    exposed = {name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "last-modified", "retry-after"} <= exposed


def test_api_responses_do_not_vary_by_language_or_cookie(client, network):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT_LANGUAGE="fr")
    vary = {name.strip().lower() for name in response.get("Vary", "").split(",")}
    assert "accept-language" not in vary and "cookie" not in vary
    assert "accept" in vary
    english = client.get(f"/api/v2/pages/{network.ghent.pk}/", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert english["country"]["name"] == "Belgium"  # the browser's language does not leak into the answer


def test_locale_fr_answers_country_names_in_french(client, network):
    Locale.objects.get_or_create(language_code="fr")
    listing = client.get(
        "/api/v2/pages/", {"type": "network.MemberPage", "locale": "fr", "fallback": "en", "fields": "country"}
    )
    assert listing.status_code == 200, listing.content
    names = {item["country"]["code"]: item["country"]["name"] for item in listing.json()["items"]}
    assert names["BE"] == "Belgique"
