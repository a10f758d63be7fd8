"""The pages, images and documents endpoints: every page type's fields, listing and detail, find by path."""

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from .api_content import api_get, network_fixture  # noqa: F401  (fixture)

PAGES = "/api/v2/pages/"


def test_member_detail_has_structured_fields_and_related_content(client, network):
    data = api_get(client, f"{PAGES}{network.ghent.pk}/")
    assert data["meta"]["type"] == "network.MemberPage"
    assert data["member_type"] == {"value": "city", "label": "City or metropolitan authority"}
    assert data["country"] == {"code": "BE", "name": "Belgium"}
    assert data["latitude"] == 51.0543
    assert data["skills"] == [
        {
            "slug": "solar-installation",
            "name": "Solar installation",
            "category": "green",
            "esco_uri": "http://data.europa.eu/esco/skill/solar",
        }
    ]
    assert data["topics"] == [{"slug": "economy", "name": "Economy"}]
    related = data["related"]
    assert [item["title"] for item in related["practices"]] == ["Ghent solar apprenticeships"]
    assert [item["title"] for item in related["projects"]] == ["Green Apprenticeships"]
    assert [item["title"] for item in related["events"]] == ["Solar forum in Ghent"]
    assert related["news"][0] == {
        "id": network.news.pk,
        "title": "Ghent trains solar installers",
        "type": "network.NewsPage",
        "url": network.news.get_full_url(),
    }
    assert related["news"][0]["url"].startswith("http")


def test_event_dates_are_iso_8601_in_the_events_time_zone(client, network):
    data = api_get(client, f"{PAGES}{network.event.pk}/")
    assert data["start"] == network.event.local_start.isoformat()
    assert data["start"].endswith(("+02:00", "+03:00"))  # Europe/Helsinki
    assert data["time_zone"] == "Europe/Helsinki"
    assert data["format"]["value"] == "hybrid"
    assert data["organiser"]["title"] == "City of Ghent"
    assert data["organiser"]["type"] == "network.MemberPage"
    assert data["project"]["title"] == "Green Apprenticeships"
    assert [skill["category"] for skill in data["skills"]] == ["digital", "green"]


def test_project_news_practice_qualification_campaign_details(client, network):
    project = api_get(client, f"{PAGES}{network.project.pk}/")
    assert project["coordinator"]["title"] == "City of Ghent"
    assert project["partners"] == [
        {
            "id": network.lyon.pk,
            "title": "VET School Lyon",
            "type": "network.MemberPage",
            "url": network.lyon.get_full_url(),
            "role": "partner",
        }
    ]
    assert project["start_date"] == "2024-01-01"
    news = api_get(client, f"{PAGES}{network.news.pk}/")
    assert news["publication_date"] == "2024-05-02"
    assert [item["title"] for item in news["related_members"]] == ["City of Ghent"]
    assert [item["title"] for item in news["related_events"]] == ["Solar forum in Ghent"]
    practice = api_get(client, f"{PAGES}{network.practice.pk}/")
    assert [item["title"] for item in practice["members"]] == ["City of Ghent"]
    assert practice["stage"]["value"] == "running"
    qualification = api_get(client, f"{PAGES}{network.qualification.pk}/")
    assert qualification["eqf_level"] == {"value": 4, "label": "EQF level 4"}
    assert qualification["countries"] == [{"code": "BE", "name": "Belgium"}, {"code": "FI", "name": "Finland"}]
    assert qualification["partners"][0]["role"] == "awarding_body"
    campaign = api_get(client, f"{PAGES}{network.campaign.pk}/")
    assert [item["title"] for item in campaign["supporters"]] == ["City of Ghent"]
    home = api_get(client, f"{PAGES}{network.tree.home.pk}/")
    assert home["network_figures"]["members"] == 2


def test_listing_of_one_type_shows_key_fields_and_all_fields_on_request(client, network):
    listing = api_get(client, PAGES, type="network.EventPage")
    item = listing["items"][0]
    assert {"summary", "start", "end", "country", "skills"} <= set(item)
    assert "body" not in item
    everything = api_get(client, PAGES, type="network.EventPage", fields="*")
    assert {"body", "report", "organiser", "registration_url"} <= set(everything["items"][0])
    assert "related" not in api_get(client, PAGES, type="network.MemberPage", fields="*")["items"][0]


def test_body_stream_field_is_structured_json(client, network):
    page = network.standard
    page.body = [
        ("heading", {"text": "Why apprenticeships", "level": "h2"}),
        ("paragraph", "<p>Cities <b>train</b>.</p>"),
    ]
    page.save_revision().publish()
    body = api_get(client, f"{PAGES}{page.pk}/")["body"]
    assert body[0]["type"] == "heading"
    assert body[0]["value"] == {"text": "Why apprenticeships", "level": "h2"}
    assert body[1]["type"] == "paragraph"
    assert "<b>train</b>" in body[1]["value"]


def test_find_by_html_path_answers_the_detail_in_one_call(client, network):
    response = client.get(f"{PAGES}find/", {"html_path": "/members/city-of-ghent/"})
    assert response.status_code == 200
    data = response.json()
    assert data["id"] == network.ghent.pk
    assert data["country"]["code"] == "BE"
    assert "related" in data
    assert client.get(f"{PAGES}find/", {"html_path": "/members/nobody/"}).status_code == 404
    assert client.get(f"{PAGES}find/", {"id": network.event.pk}).json()["title"] == "Solar forum in Ghent"
    missing = client.get(f"{PAGES}find/")
    assert missing.status_code == 400
    assert missing.json()["parameter"] == "html_path"


def test_images_and_documents_endpoints(client, network):
    image = Image.objects.create(title="Solar roof", file=get_test_image_file())
    document = Document.objects.create(title="Annual report", file=ContentFile(b"report", name="report.pdf"))
    images = api_get(client, "/api/v2/images/")
    assert [item["title"] for item in images["items"]] == ["Solar roof"]
    assert api_get(client, f"/api/v2/images/{image.pk}/")["width"] == image.width
    documents = api_get(client, "/api/v2/documents/")
    assert documents["items"][0]["meta"]["download_url"].endswith(".pdf")
    assert api_get(client, f"/api/v2/documents/{document.pk}/")["title"] == "Annual report"
