"""The OpenAPI document is valid and real responses match it; the docs page renders it and the footer links it."""

from django.test import override_settings

from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from api.openapi import build_document

from .api_content import network_fixture  # noqa: F401  (fixture)

PAGE_TYPES = [
    "home.HomePage",
    "home.StandardPage",
    "network.MemberPage",
    "network.ProjectPage",
    "network.CampaignPage",
    "network.EventPage",
    "network.NewsPage",
    "practices.GoodPracticePage",
    "practices.JointQualificationPage",
]


def response_schema(document, path, status="200"):
    schema = document["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    return {**schema, "components": document["components"], "$defs": {}}


def check(document, path, data, status="200"):
    schema = response_schema(document, path, status)
    resolved = {"$ref": "#/$wrapped", "$wrapped": schema, "components": document["components"]}
    errors = sorted(Draft202012Validator(resolved).iter_errors(data), key=str)
    assert errors == [], [error.message[:300] for error in errors[:3]]


def test_schema_endpoint_serves_a_valid_openapi_document(client, db):
    response = client.get("/api/v2/schema/")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    for path in [
        "/api/v2/pages/",
        "/api/v2/pages/{id}/",
        "/api/v2/pages/find/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/search/",
        "/api/v2/search/suggest/",
        "/api/v2/pages/preview/",
    ]:
        assert path in document["paths"]
    names = {parameter["name"] for parameter in document["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert {
        "skill",
        "skill_match",
        "topic",
        "skill_category",
        "country",
        "member_type",
        "eqf_level",
        "eqf_level_min",
        "eqf_level_max",
        "year",
        "starts_after",
        "starts_before",
        "upcoming",
        "member",
        "search",
        "order",
        "limit",
    } <= names
    for page_type in PAGE_TYPES:
        assert page_type in document["components"]["schemas"]


def test_real_responses_match_the_document(client, network):
    document = build_document()
    for page_type in PAGE_TYPES:
        check(document, "/api/v2/pages/", client.get("/api/v2/pages/", {"type": page_type}).json())
        listing = client.get("/api/v2/pages/", {"type": page_type, "fields": "*"}).json()
        check(document, "/api/v2/pages/", listing)
        assert listing["items"], page_type
        detail = client.get(f"/api/v2/pages/{listing['items'][0]['id']}/").json()
        check(document, "/api/v2/pages/{id}/", detail)
    check(document, "/api/v2/pages/", client.get("/api/v2/pages/", {"search": "ghent", "skill": "coding"}).json())
    check(
        document,
        "/api/v2/pages/find/",
        client.get("/api/v2/pages/find/", {"html_path": "/members/city-of-ghent/"}).json(),
    )
    check(document, "/api/v2/images/", client.get("/api/v2/images/").json())
    check(document, "/api/v2/documents/", client.get("/api/v2/documents/").json())
    bad = client.get("/api/v2/pages/", {"eqf_level": "9"})
    check(document, "/api/v2/pages/", bad.json(), status="400")
    search = client.get("/api/v2/search/", {"q": "ghent"})
    assert search.status_code == 200
    check(document, "/api/v2/search/", search.json())
    check(document, "/api/v2/search/suggest/", client.get("/api/v2/search/suggest/", {"q": "gh"}).json())


def test_docs_page_renders_the_document_and_the_footer_links_it(client, network):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "GET /api/v2/pages/find/" in html
    assert "eqf_level_min" in html
    assert "network.EventPage" in html
    assert "cdn" not in html.lower()
    home = client.get("/")
    assert 'href="/api/docs/"' in home.content.decode()


@override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example"])
def test_cors_for_configured_origins_only(client, network):
    allowed = client.get("/api/v2/pages/", HTTP_ORIGIN="https://partner.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"
    refused = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in refused
