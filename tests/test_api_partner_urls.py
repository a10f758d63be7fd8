"""What a partner site shows on its own domain: absolute URLs at the public address, rich text as HTML with
absolute links, images with alt text and srcset renditions, only public media, a top-level type to narrow on,
and previews bound to the revision they were made for."""

from django.core import signing
from django.core.files.base import ContentFile
from django.test import override_settings

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from partners.preview import SALT, make_preview_token

from .api_content import api_get, network_fixture  # noqa: F401  (fixture)

PUBLIC = "https://guild.example.org"
PAGES = "/api/v2/pages/"


def with_linked_body(network):
    """A standard page whose body has a paragraph linking a member page and a document, and an image block;
    the practice's `challenge` (a RichTextField) links the same two."""
    document = Document.objects.create(title="Annual report", file=ContentFile(b"report", name="report.pdf"))
    image = Image.objects.create(title="Solar roof", file=get_test_image_file(), description="Panels on a roof")
    links = (
        f'<p>See <a linktype="page" id="{network.ghent.pk}">Ghent</a> and '
        f'<a linktype="document" id="{document.pk}">the report</a>.</p>'
    )
    page = network.standard
    page.body = [
        ("paragraph", links),
        ("image", {"image": image, "alt_text": "", "caption": "", "attribution": ""}),
    ]
    page.image = image
    page.save_revision().publish()
    network.practice.challenge = links
    network.practice.save_revision().publish()
    return page, document, image


@override_settings(GUILD_PUBLIC_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC)
def test_every_url_is_at_the_public_address_not_the_request_host(client, network):
    page, document, _image = with_linked_body(network)
    detail = client.get(f"{PAGES}{page.pk}/", HTTP_HOST="127.0.0.1:8080").json()
    assert detail["meta"]["html_url"] == f"{PUBLIC}/about-the-network/"
    assert detail["meta"]["detail_url"] == f"{PUBLIC}/api/v2/pages/{page.pk}/"
    paragraph, image_block = detail["body"]
    # Rich text is display HTML by default, and its links work on a partner's domain.
    assert f'href="{PUBLIC}/members/city-of-ghent/"' in paragraph["value"]
    assert f'href="{PUBLIC}{document.url}"' in paragraph["value"]
    assert "linktype" not in paragraph["value"]
    assert image_block["value"]["image"]["url"].startswith(f"{PUBLIC}/media/")
    assert image_block["value"]["image"]["alt"] == "Panels on a roof"
    challenge = client.get(f"{PAGES}{network.practice.pk}/").json()["challenge"]
    assert f'href="{PUBLIC}/members/city-of-ghent/"' in challenge
    assert f'href="{PUBLIC}{document.url}"' in challenge
    listing = client.get(PAGES, {"type": "practices.GoodPracticePage"}, HTTP_HOST="127.0.0.1:8080").json()
    assert all(item["meta"]["html_url"].startswith(PUBLIC) for item in listing["items"])
    assert all(item["meta"]["detail_url"].startswith(PUBLIC) for item in listing["items"])
    # db_html stays available on request, untouched.
    raw = client.get(f"{PAGES}{page.pk}/", {"rich_text_format": "db_html"}).json()
    assert 'linktype="page"' in raw["body"][0]["value"]


@override_settings(GUILD_PUBLIC_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC)
def test_images_come_with_alt_text_and_renditions_for_srcset(client, network):
    page, _document, image = with_linked_body(network)
    item = api_get(client, f"/api/v2/images/{image.pk}/")
    assert item["alt"] == "Panels on a roof"
    assert item["meta"]["download_url"].startswith(f"{PUBLIC}/media/")
    assert set(item["renditions"]) == {"small", "medium", "large"}
    small = item["renditions"]["small"]
    assert small["url"].startswith(f"{PUBLIC}/media/images/") and small["width"] == min(400, image.width)
    # Width renditions keep the aspect ratio (no crop), so srcset candidates are interchangeable.
    assert abs(small["width"] / small["height"] - image.width / image.height) < 0.02
    listing = api_get(client, "/api/v2/images/")
    assert listing["items"][0]["renditions"]["medium"]["url"].startswith(PUBLIC)
    page_image = api_get(client, f"{PAGES}{page.pk}/")["image"]
    assert page_image["url"].startswith(PUBLIC) and page_image["renditions"]["large"]["url"].startswith(PUBLIC)


def test_media_in_restricted_collections_is_never_listed(client, admin_client, network):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    Image.objects.create(title="Public roof", file=get_test_image_file())
    hidden = Image.objects.create(title="Board photo", file=get_test_image_file(), collection=private)
    Document.objects.create(title="Public report", file=ContentFile(b"x", name="public.pdf"))
    secret = Document.objects.create(title="Minutes", file=ContentFile(b"x", name="minutes.pdf"), collection=private)
    for client_ in (client, admin_client):  # an editor's session must not leak into a public, cached response
        assert [item["title"] for item in api_get(client_, "/api/v2/images/")["items"]] == ["Public roof"]
        assert [item["title"] for item in api_get(client_, "/api/v2/documents/")["items"]] == ["Public report"]
        assert client_.get(f"/api/v2/images/{hidden.pk}/").status_code == 404
        assert client_.get(f"/api/v2/documents/{secret.pk}/").status_code == 404


def test_items_carry_a_top_level_type_even_with_no_fields(client, network):
    listing = api_get(client, PAGES, fields="_")
    assert listing["items"] and all(set(item) >= {"id", "type"} for item in listing["items"])
    types = {item["type"] for item in api_get(client, PAGES, limit=50)["items"]}
    assert {"network.MemberPage", "network.EventPage", "practices.GoodPracticePage"} <= types
    detail = api_get(client, f"{PAGES}{network.event.pk}/")
    assert detail["type"] == detail["meta"]["type"] == "network.EventPage"


def test_preview_honours_fields_and_shows_the_revision_its_token_was_made_for(client, network):
    page = network.practice
    page.title = "Draft one"
    first = page.save_revision()
    token_one = make_preview_token(page, first)
    page.title = "Draft two"
    page.save_revision()
    token_two = make_preview_token(page)
    assert api_get(client, f"{PAGES}preview/", token=token_one)["title"] == "Draft one"
    assert api_get(client, f"{PAGES}preview/", token=token_two)["title"] == "Draft two"
    trimmed = api_get(client, f"{PAGES}preview/", token=token_two, fields="_,title")
    assert trimmed["title"] == "Draft two" and "city" not in trimmed and "body" not in trimmed
    assert set(trimmed) >= {"id", "type", "meta"}
    assert client.get(f"{PAGES}preview/", {"token": token_two, "fields": "nonsense"}).status_code == 400


def test_forged_or_stale_preview_tokens_are_a_json_4xx(client, network):
    forged_revision = signing.dumps({"page": network.practice.pk, "revision": 999_999}, salt=SALT)
    not_a_number = signing.dumps({"page": network.practice.pk, "revision": "1; drop"}, salt=SALT)
    wrong_page = signing.dumps({"page": network.event.pk, "revision": network.practice.latest_revision_id}, salt=SALT)
    for token in [forged_revision, not_a_number, wrong_page, "garbage", "a:b:c", "%00", "x" * 900]:
        response = client.get(f"{PAGES}preview/", {"token": token})
        assert 400 <= response.status_code < 500, token
        assert response.json()["parameter"] == "token"
