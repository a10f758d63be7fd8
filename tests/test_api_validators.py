"""Validators follow every change that alters a response, and a 304 is answered before the view runs."""

from django.core.cache import cache

from home.models import SkillTag

from .api_content import network_fixture  # noqa: F401  (fixture)


def test_renaming_a_skill_invalidates_the_pages_that_show_it(client, network):
    url = f"/api/v2/pages/{network.ghent.pk}/"
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    skill = SkillTag.objects.get(slug="solar-installation")
    skill.name = "Solar panel installation"
    skill.save()
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "Solar panel installation" in [item["name"] for item in again.json()["skills"]]


def test_a_304_runs_no_query(client, network, django_assert_num_queries):
    cache.clear()
    url = "/api/v2/pages/?type=network.MemberPage&fields=*"
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(0):
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert "max-age" in response["Cache-Control"]


def test_validators_differ_per_address(client, network):
    members = client.get("/api/v2/pages/", {"type": "network.MemberPage"})
    events = client.get("/api/v2/pages/", {"type": "network.EventPage"})
    assert members["ETag"] != events["ETag"]
    assert (
        client.get("/api/v2/pages/", {"type": "network.EventPage"}, HTTP_IF_NONE_MATCH=members["ETag"]).status_code
        == 200
    )
