"""Cache validators, Cache-Control, the limit cap and the anonymous rate limit of the API."""

from django.core.cache import cache
from django.test import override_settings

from .api_content import network_fixture  # noqa: F401  (fixture)


@override_settings(API_CACHE_MAX_AGE=123)
def test_etag_and_last_modified_revalidate_to_304(client, network):
    url = f"/api/v2/pages/{network.ghent.pk}/"
    first = client.get(url)
    assert first.status_code == 200
    assert "max-age=123" in first["Cache-Control"]
    assert "public" in first["Cache-Control"]
    etag, last_modified = first["ETag"], first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    listing = client.get("/api/v2/pages/", {"type": "network.MemberPage"})
    assert (
        client.get("/api/v2/pages/", {"type": "network.MemberPage"}, HTTP_IF_NONE_MATCH=listing["ETag"]).status_code
        == 304
    )

    network.ghent.title = "City of Ghent (Gent)"
    network.ghent.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed.json()["title"] == "City of Ghent (Gent)"
    assert changed["ETag"] != etag


@override_settings(WAGTAILAPI_LIMIT_MAX=30)
def test_limit_above_the_cap_is_a_400(client, network):
    assert client.get("/api/v2/pages/", {"limit": "30"}).status_code == 200
    response = client.get("/api/v2/pages/", {"limit": "31"})
    assert response.status_code == 400
    assert response.json() == {"message": "limit cannot be higher than 30", "parameter": "limit"}


@override_settings(API_RATE_LIMIT="3/minute")
def test_anonymous_rate_limit_answers_429_with_retry_after(client, network):
    cache.clear()
    statuses = [client.get("/api/v2/pages/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v2/pages/")
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 60
    assert limited.json()["message"]
    cache.clear()
