"""schema.org JSON-LD in the HTML of events, members, qualifications and practices."""

import json
import re

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from .api_content import network_fixture  # noqa: F401  (fixture)

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def structured_data(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    blocks = [json.loads(block) for block in JSON_LD.findall(response.content.decode())]
    assert blocks, "no JSON-LD on the page"
    return blocks[0]


def test_event_is_a_schema_org_event(client, network):
    data = structured_data(client, network.event)
    assert data["@type"] == "Event"
    assert data["startDate"] == network.event.local_start.isoformat()
    assert data["startDate"][-6:] in {"+02:00", "+03:00"}
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {location["@type"] for location in data["location"]} == {"Place", "VirtualLocation"}
    assert data["organizer"]["name"] == "City of Ghent"


def test_member_is_an_organization_with_address_and_geo(client, network):
    data = structured_data(client, network.ghent)
    assert data["@type"] in {"Organization", "GovernmentOrganization"}
    assert data["address"]["addressCountry"] == "BE"
    assert data["geo"]["latitude"] == 51.0543
    assert "logo" not in data  # Ghent has none yet


def test_member_logo_is_an_absolute_png_rendition(client, network):
    network.ghent.logo = Image.objects.create(title="Ghent logo", file=get_test_image_file())
    network.ghent.save_revision().publish()
    data = structured_data(client, network.ghent)
    assert re.fullmatch(r"http://testserver/media/images/.+\.png", data["logo"]), data["logo"]


def test_qualification_and_practice(client, network):
    qualification = structured_data(client, network.qualification)
    assert qualification["@type"] == "EducationalOccupationalCredential"
    assert qualification["educationalLevel"]["termCode"] == "4"
    assert qualification["recognizedBy"][0]["name"] == "VET School Lyon"
    practice = structured_data(client, network.practice)
    assert practice["@type"] == "Article"
    assert practice["author"][0]["name"] == "City of Ghent"
