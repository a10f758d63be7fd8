"""Draft previews for headless front ends: a signed token reads the draft; expired or forged ones are refused."""

from unittest import mock

from django.core import signing
from django.test import override_settings

from partners.preview import make_preview_token, preview_url

from .api_content import network_fixture  # noqa: F401  (fixture)


def test_valid_token_reads_the_draft(client, network):
    page = network.practice
    page.title = "Ghent solar apprenticeships (draft)"
    page.save_revision()  # not published
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["title"] == "Ghent solar apprenticeships"
    response = client.get("/api/v2/pages/preview/", {"token": make_preview_token(page)})
    assert response.status_code == 200
    assert response.json()["title"] == "Ghent solar apprenticeships (draft)"
    assert "no-store" in response["Cache-Control"]


@override_settings(HEADLESS_PREVIEW_MAX_AGE=60)
def test_expired_or_invalid_tokens_are_refused(client, network):
    token = make_preview_token(network.practice)
    with mock.patch("django.core.signing.time.time", return_value=signing.time.time() + 3600):
        expired = client.get("/api/v2/pages/preview/", {"token": token})
    assert expired.status_code == 403
    assert expired.json()["parameter"] == "token"
    assert "expired" in expired.json()["message"]
    assert client.get("/api/v2/pages/preview/", {"token": token[:-2] + "xx"}).status_code == 403
    assert client.get("/api/v2/pages/preview/").status_code == 403


@override_settings(HEADLESS_PREVIEW_CLIENT_URLS={"default": "https://partner.example/preview"})
def test_admin_preview_redirects_to_the_partner_front_end(admin_client, network):
    assert preview_url(network.practice).startswith(
        "https://partner.example/preview?content_type=practices.goodpracticepage"
    )
    response = admin_client.get(f"/admin/partners/preview/{network.practice.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("https://partner.example/preview?")
    assert "token=" in response["Location"]
