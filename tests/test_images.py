"""Pictures through one tag: renditions with srcset/sizes, width/height, modern formats, focal points, fallbacks."""

import io

from django.core.cache import cache
from django.core.files.images import ImageFile
from django.test import override_settings

from wagtail.images import get_image_model

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from home.templatetags.guild_images import IMAGE_ROLES, responsive_picture

from . import factories

RED, BLUE = (220, 20, 20), (20, 20, 220)


def make_image(title="Ghent harbour", size=(1600, 900), description="Cranes in Ghent harbour at dawn.", **fields):
    """A JPEG that is red on its left quarter and blue elsewhere, as a Wagtail image."""
    picture = PILImage.new("RGB", size, BLUE)
    picture.paste(RED, (0, 0, size[0] // 4, size[1]))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    image = get_image_model()(title=title, description=description, **fields)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title.lower().replace(' ', '-')}.jpg")
    image.save()
    return image


def parse(html):
    return BeautifulSoup(html, "html.parser")


def main_images(response):
    assert response.status_code == 200
    return parse(response.content).find("main").find_all("img")


def assert_responsive(img):
    """An <img> that can never shift the layout and lets the browser choose its width."""
    assert img.has_attr("alt")
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    candidates = [part.strip().split(" ") for part in img["srcset"].split(",")]
    assert len(candidates) >= 2
    assert all(descriptor.endswith("w") for _url, descriptor in candidates)
    assert img["sizes"]


@pytest.mark.django_db
def test_card_picture_has_sources_srcset_sizes_dimensions_and_stored_renditions():
    image = make_image()
    picture = parse(str(responsive_picture(image, "card")))
    img = picture.find("picture").find("img")
    assert_responsive(img)
    assert img["alt"] == "Cranes in Ghent harbour at dawn."
    assert img["loading"] == "lazy"
    # 16:9 card crops, so width and height keep the ratio the CSS reserves.
    assert (int(img["width"]), int(img["height"])) == (400, 225)
    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/webp"]
    assert sources[0]["sizes"] == IMAGE_ROLES["card"].sizes
    assert "400w" in sources[0]["srcset"] and "800w" in sources[0]["srcset"]
    for rendition in image.renditions.all():
        assert rendition.file.storage.exists(rendition.file.name), rendition.filter_spec
    assert {rendition.file.name.rsplit(".", 1)[1] for rendition in image.renditions.all()} == {"webp", "jpg"}


@pytest.mark.django_db
@override_settings(GUILD_IMAGE_FORMATS=["avif", "webp"])
def test_avif_comes_first_where_configured():
    image = make_image(size=(320, 180))
    sources = parse(str(responsive_picture(image, "logo"))).find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    avif = image.renditions.filter(filter_spec__endswith="format-avif").first()
    with avif.file.open() as handle:
        assert PILImage.open(handle).format == "AVIF"


@pytest.mark.django_db
def test_fill_crops_keep_the_focal_point():
    # Focal point on the red left quarter: a square crop of the 16:9 image must be taken from the left.
    image = make_image(focal_point_x=200, focal_point_y=450, focal_point_width=300, focal_point_height=300)
    rendition = image.get_rendition("fill-300x300-c100|format-png")
    with rendition.file.open() as handle:
        crop = PILImage.open(handle).convert("RGB")
        red_share = sum(1 for pixel in crop.getdata() if pixel[0] > 150) / (crop.width * crop.height)
    assert red_share > 0.5
    centred = make_image(title="No focal point").get_rendition("fill-300x300-c100|format-png")
    with centred.file.open() as handle:
        crop = PILImage.open(handle).convert("RGB")
        # Without one the crop is centred: only a sliver of the red quarter is left.
        assert sum(1 for pixel in crop.getdata() if pixel[0] > 150) / (crop.width * crop.height) < 0.1


@pytest.fixture
def practices_with_images(site_tree):
    image = make_image()
    pages = [
        factories.GoodPracticePageFactory(parent=site_tree.practices, title=f"Practice {n}", image=image)
        for n in range(3)
    ]
    bare = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Practice without image")
    return pages, bare, image


def test_index_cards_hero_and_placeholder(client, site_tree, practices_with_images):
    _pages, _bare, image = practices_with_images
    site_tree.practices.image = image
    site_tree.practices.save_revision().publish()
    response = client.get(site_tree.practices.url)
    images = main_images(response)
    hero = [img for img in images if "page-hero__image" in img.get("class", [])]
    cards = [img for img in images if "card__image" in img.get("class", [])]
    assert len(hero) == 1 and hero[0]["fetchpriority"] == "high" and hero[0]["loading"] == "eager"
    assert len(cards) == 3
    for img in images:
        assert_responsive(img)
        assert img["alt"] == "Cranes in Ghent harbour at dawn."
    # The page without an image gets the drawn placeholder, not a broken box.
    soup = parse(response.content)
    card = soup.find("a", string="Practice without image").find_parent("article")
    assert card.find("img") is None
    assert card.find(class_="image-placeholder--card")["aria-hidden"] == "true"


def test_detail_page_hero_and_api_image(client, practices_with_images):
    pages, bare, image = practices_with_images
    images = main_images(client.get(pages[0].url))
    assert len(images) == 1 and "page-hero__image" in images[0]["class"]
    assert_responsive(images[0])
    assert main_images(client.get(bare.url)) == []
    data = client.get(f"/api/v2/pages/{pages[0].pk}/").json()
    assert data["image"]["id"] == image.pk


def test_card_images_add_no_queries_per_item(client, site_tree, django_assert_max_num_queries):
    """Six cards with six different images: the images and their renditions come in two queries for all of them.

    23 queries measured with the join and prefetch in place; without them each card adds two (image, renditions).
    """
    for n in range(6):
        factories.GoodPracticePageFactory(parent=site_tree.practices, image=make_image(title=f"Picture {n}"))
    client.get(site_tree.practices.url)  # renditions created once
    cache.clear()  # measure rendering, not anything cached by the first request
    with django_assert_max_num_queries(25):
        images = main_images(client.get(site_tree.practices.url))
    assert len(images) == 6


def test_member_logo_on_card_and_page(client, site_tree):
    logo = make_image(title="Logo", size=(400, 400), description="Initials on a disc.")
    member = factories.MemberPageFactory(parent=site_tree.members, title="City of Ghent", logo=logo)
    factories.MemberPageFactory(parent=site_tree.members, title="No logo")
    card_images = main_images(client.get(site_tree.members.url))
    assert len(card_images) == 1
    assert_responsive(card_images[0])
    assert card_images[0]["alt"] == ""  # the name follows at once
    page_images = main_images(client.get(member.url))
    assert page_images[0]["alt"] == "Logo of City of Ghent"
    assert_responsive(page_images[0])
    assert member.page_image() == logo


def test_home_hero_and_body_image_block(client, site_tree):
    image = make_image()
    home = site_tree.home
    home.hero_image = image
    home.body = [
        {"type": "image", "value": {"image": image.pk, "alt_text": "Harbour cranes", "caption": "", "attribution": ""}}
    ]
    home.save_revision().publish()
    images = main_images(client.get("/"))
    hero = [img for img in images if "hero__image" in img.get("class", [])]
    body = [img for img in images if img.find_parent("figure", class_="block-image")]
    assert len(hero) == 1 and hero[0]["alt"] == ""
    assert len(body) == 1 and body[0]["alt"] == "Harbour cranes"
    for img in images:
        assert_responsive(img)
