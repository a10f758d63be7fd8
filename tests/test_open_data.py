"""Open data: every listing and the search results download as CSV and JSON with the page's filters and order,
without personal data; the catalogue lists the datasets (DCAT-AP JSON-LD and an HTML page)."""

import csv
import html
import io
import json
import re

import pytest

from network.choices import MemberType
from network.models import CampaignSupporter

from . import factories
from .search_engines import use_engine

CARD_TITLE = re.compile(r'class="card__title"><a href="([^"]+)"[^>]*>([^<]+)</a>')
PRIVATE_ADDRESS = "apprenticeships@ghent.example"


def shown_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [html.unescape(title) for _href, title in CARD_TITLE.findall(response.content.decode())]


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content).decode()
    return response, body


def csv_rows(client, url):
    response, body = download(client, url)
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(body)))


def json_items(client, url):
    response, body = download(client, url)
    assert response["Content-Type"].startswith("application/json")
    return json.loads(body)["items"]


@pytest.fixture
def members(site_tree):
    skill = factories.SkillTagFactory(name="Energy efficiency", slug="energy-efficiency")
    made = [
        factories.MemberPageFactory(
            parent=site_tree.members,
            title=f"{name} member",
            country=country,
            member_type=member_type,
            contact_email=PRIVATE_ADDRESS,
            skills=[skill] if country == "BE" else [],
        )
        for name, country, member_type in [
            ("Zeta", "BE", MemberType.CITY),
            ("Alpha", "FI", MemberType.VET_PROVIDER),
            ("Mu", "BE", MemberType.VET_PROVIDER),
            ("Delta", "BE", MemberType.CITY),
        ]
    ]
    factories.MemberPageFactory(parent=site_tree.members, title="Draft member", live=False)
    return made


@pytest.mark.parametrize("query", ["", "?country=BE", "?country=BE&member_type=city", "?skill=energy-efficiency"])
def test_member_downloads_list_what_the_page_shows_in_its_order(client, site_tree, members, query):
    page_titles = shown_titles(client, site_tree.members.url + query)
    assert page_titles  # the filters leave something to compare
    csv_titles = [row["title"] for row in csv_rows(client, f"{site_tree.members.url}download.csv{query}")]
    json_titles = [item["title"] for item in json_items(client, f"{site_tree.members.url}download.json{query}")]
    assert csv_titles == page_titles == json_titles
    assert "Draft member" not in csv_titles


def test_download_links_carry_the_filters(client, site_tree, members):
    body = client.get(site_tree.members.url + "?country=BE").content.decode()
    assert f'href="{site_tree.members.url}download.csv?country=BE"' in body
    assert f'href="{site_tree.members.url}download.json?country=BE"' in body


def test_a_download_spans_every_page_of_the_listing(client, site_tree, members):
    for number in range(site_tree.members.specific.per_page + 3):
        factories.MemberPageFactory(parent=site_tree.members, title=f"Extra {number:02d}")
    rows = csv_rows(client, f"{site_tree.members.url}download.csv")
    assert len(rows) == 4 + site_tree.members.specific.per_page + 3


def test_member_rows_hold_public_fields_and_no_contact_address(client, site_tree, members):
    _response, body = download(client, f"{site_tree.members.url}download.json")
    assert PRIVATE_ADDRESS not in body
    item = next(item for item in json.loads(body)["items"] if item["title"] == "Zeta member")
    assert item["country"] == "BE"
    assert item["member_type"] == "city"
    assert item["skills"] == ["Energy efficiency"]
    assert item["url"].endswith(members[0].url)
    assert "contact_email" not in item
    _response, body = download(client, f"{site_tree.members.url}download.csv")
    assert PRIVATE_ADDRESS not in body


def test_invalid_filters_are_ignored_as_on_the_page(client, site_tree, members):
    query = "?country=XX"
    assert [row["title"] for row in csv_rows(client, f"{site_tree.members.url}download.csv{query}")] == shown_titles(
        client, site_tree.members.url + query
    )


def test_unknown_format_is_a_404(client, site_tree, members):
    assert client.get(f"{site_tree.members.url}download.xml").status_code == 404


def test_every_listing_downloads_without_personal_data(client, site_tree, members):
    ghent = members[0]
    project = factories.ProjectPageFactory(parent=site_tree.projects, coordinator=ghent)
    event = factories.EventPageFactory(parent=site_tree.events, organiser=ghent, registration_open=True)
    event.register(name="Ada Private", email="ada.private@example.org")
    factories.NewsPageFactory(parent=site_tree.news)
    campaign = factories.CampaignPageFactory(parent=site_tree.campaigns)
    CampaignSupporter.objects.create(campaign=campaign, member=ghent)
    factories.GoodPracticePageFactory(parent=site_tree.practices)
    factories.JointQualificationPageFactory(parent=site_tree.qualifications)
    for index in (
        site_tree.projects,
        site_tree.events,
        site_tree.news,
        site_tree.campaigns,
        site_tree.practices,
        site_tree.qualifications,
    ):
        for fmt in ("csv", "json"):
            _response, body = download(client, f"{index.url}download.{fmt}")
            assert "@" not in body.replace("@context", ""), (index, fmt)  # no address of any kind
            assert "Ada Private" not in body
        assert [item["title"] for item in json_items(client, f"{index.url}download.json")] == shown_titles(
            client, index.url
        )
    assert json_items(client, f"{site_tree.projects.url}download.json")[0]["coordinator"] == ghent.title
    assert json_items(client, f"{site_tree.campaigns.url}download.json")[0]["supporters"] == [ghent.title]
    assert project.title in [row["title"] for row in csv_rows(client, f"{site_tree.projects.url}download.csv")]


def test_download_query_count_does_not_grow_with_items(client, site_tree, members, django_assert_max_num_queries):
    url = f"{site_tree.members.url}download.csv"
    with django_assert_max_num_queries(14):
        small = csv_rows(client, url)
    for number in range(20):
        factories.MemberPageFactory(parent=site_tree.members, title=f"More {number}")
    with django_assert_max_num_queries(14):
        assert len(csv_rows(client, url)) == len(small) + 20


def test_csv_cells_that_look_like_formulas_stay_text(client, site_tree):
    factories.MemberPageFactory(parent=site_tree.members, title="=HYPERLINK(1)")
    rows = csv_rows(client, f"{site_tree.members.url}download.csv")
    assert rows[0]["title"] == "'=HYPERLINK(1)"


def test_search_results_download_like_the_page(request, settings, client, site_tree, members):
    use_engine(request, settings, "database")
    for member in members:
        member.save_revision().publish()  # indexed with the engine in use
    page = client.get("/search/?q=member")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'href="/search/download.csv?q=member"' in body
    shown = re.findall(r'class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>', body)
    rows = csv_rows(client, "/search/download.csv?q=member")
    assert [row["title"] for row in rows][: len(shown)] == shown
    assert "Draft member" not in [row["title"] for row in rows]
    assert PRIVATE_ADDRESS not in json.dumps(json_items(client, "/search/download.json?q=member"))
    assert client.get("/search/download.json?page=0").status_code == 400


def test_catalogue_lists_every_listing_with_licence_and_formats(client, site_tree, members):
    response = client.get("/open-data/catalogue.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    catalogue = json.loads(response.content)
    assert catalogue["@type"] == "dcat:Catalog"
    datasets = catalogue["dcat:dataset"]
    landing = [dataset["dcat:landingPage"]["@id"] for dataset in datasets]
    assert any(url.endswith(site_tree.members.url) for url in landing)
    assert len(datasets) == 8  # seven listings and the search
    members_dataset = next(d for d in datasets if d["dcat:landingPage"]["@id"].endswith(site_tree.members.url))
    downloads = {d["dcat:mediaType"]: d["dcat:downloadURL"]["@id"] for d in members_dataset["dcat:distribution"]}
    assert downloads["text/csv"].endswith(f"{site_tree.members.url}download.csv")
    assert members_dataset["dct:license"]["@id"] == "https://creativecommons.org/licenses/by/4.0/"

    page = client.get("/open-data/")
    assert page.status_code == 200
    text = page.content.decode()
    assert f'href="{downloads["text/csv"]}"' in text
    assert "CC BY 4.0" in text
