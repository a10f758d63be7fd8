"""Find partners: members by country, type, skill and "open to new projects", a list always and a map."""

import json
import re
from decimal import Decimal

from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from network.choices import MemberType

from .factories import MemberPageFactory, SkillTagFactory

URL = "/partners/"


@pytest.fixture
def members(site_tree):
    digital = SkillTagFactory(name="Digital skills", slug="digital-skills")
    green = SkillTagFactory(name="Green skills", slug="green-skills")
    ghent = MemberPageFactory(
        parent=site_tree.members,
        title="City of Ghent",
        member_type=MemberType.CITY,
        country="BE",
        open_to_projects=True,
        latitude=Decimal("51.054342"),
        longitude=Decimal("3.717424"),
        skills=[digital, green],
    )
    antwerp = MemberPageFactory(
        parent=site_tree.members, title="City of Antwerp", member_type=MemberType.CITY, country="BE", skills=[green]
    )
    school = MemberPageFactory(
        parent=site_tree.members,
        title="Omnia school",
        member_type=MemberType.VET_PROVIDER,
        country="FI",
        open_to_projects=True,
        latitude=Decimal("60.205"),
        longitude=Decimal("24.656"),
        skills=[digital],
    )
    draft = MemberPageFactory(parent=site_tree.members, title="Unpublished member", country="BE", live=False)
    return {"ghent": ghent, "antwerp": antwerp, "school": school, "draft": draft, "digital": digital}


def names(response):
    return [member.title for member in response.context["members"]]


def test_the_page_lists_live_members_and_works_without_javascript(client, members):
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == ["City of Antwerp", "City of Ghent", "Omnia school"]
    content = response.content.decode()
    assert 'href="/members/city-of-ghent/"' in content
    assert "network/vendor/leaflet/leaflet.js" in content  # served from our static files, not a CDN
    assert "unpkg.com" not in content and "cdnjs" not in content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=FI", ["Omnia school"]),
        ("member_type=city", ["City of Antwerp", "City of Ghent"]),
        ("skill=digital-skills", ["City of Ghent", "Omnia school"]),
        ("open_to_projects=on", ["City of Ghent", "Omnia school"]),
        ("country=BE&open_to_projects=on&skill=digital-skills", ["City of Ghent"]),
    ],
)
def test_filters_combine(client, members, query, expected):
    assert names(client.get(f"{URL}?{query}")) == expected


@pytest.mark.parametrize("query", ["country=ZZ", "member_type=pirate", "skill=nope", "page=abc", "page=999"])
def test_bad_filters_do_not_break_the_page(client, members, query):
    assert client.get(f"{URL}?{query}").status_code == 200


def test_map_points_are_emitted_as_json_for_members_with_coordinates(client, members):
    content = client.get(URL).content.decode()
    raw = re.search(r'<script id="partners-map-points" type="application/json">(.*?)</script>', content, re.S)
    points = json.loads(raw.group(1))
    assert {point["name"] for point in points} == {"City of Ghent", "Omnia school"}
    ghent = next(point for point in points if point["name"] == "City of Ghent")
    assert ghent == {
        "name": "City of Ghent",
        "url": "/members/city-of-ghent/",
        "city": "Ghent",
        "lat": 51.054342,
        "lng": 3.717424,
    }


def test_member_names_are_escaped_in_the_map_json(client, site_tree):
    MemberPageFactory(parent=site_tree.members, title="</script><script>alert(1)</script>", latitude=1, longitude=2)
    content = client.get(URL).content.decode()
    assert "</script><script>alert(1)" not in content


def test_the_vendored_leaflet_files_are_served(client, db):
    for name in ("leaflet.js", "leaflet.css", "images/marker-icon.png", "images/marker-shadow.png"):
        assert finders.find(f"network/vendor/leaflet/{name}"), name


def test_the_listing_query_count_does_not_grow_with_members(client, site_tree):
    skill = SkillTagFactory()

    def queries_for_listing():
        client.get(URL)  # warm caches (site root paths, settings)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    for number in range(2):
        MemberPageFactory(parent=site_tree.members, latitude=Decimal(f"50.{number}"), longitude=4, skills=[skill])
    few = queries_for_listing()
    for number in range(2, 20):
        MemberPageFactory(parent=site_tree.members, latitude=Decimal(f"50.{number}"), longitude=4, skills=[skill])
    assert queries_for_listing() == few


def test_member_pages_show_similar_members_and_link_to_find_partners(client, members, django_assert_max_num_queries):
    response = client.get(members["ghent"].url)
    content = response.content.decode()
    assert "Similar members" in content
    similar = list(members["ghent"].similar_members())
    assert similar == [members["antwerp"], members["school"]]  # same type, country and a skill first
    assert reverse("network:find_partners") in content
    # The members, their skills, and the translations that stand in for them in the visitor's language.
    with django_assert_max_num_queries(3):
        list(members["school"].similar_members())


def test_find_partners_is_linked_from_the_members_index_and_every_footer(client, members, site_tree):
    index = client.get(site_tree.members.url).content.decode()
    assert 'href="/partners/"' in index and 'href="/join/apply/"' in index
    home = client.get("/").content.decode()
    footer = home[home.index('class="site-footer"') :]
    assert 'href="/partners/"' in footer and 'href="/join/apply/"' in footer and 'href="/contact/"' in footer
    french_footer = client.get("/fr/partners/").content.decode()
    assert 'href="/fr/partners/"' in french_footer
