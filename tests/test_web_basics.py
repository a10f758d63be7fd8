"""Web basics: favicon, manifest, robots.txt, canonical and OpenGraph/Twitter metadata, the EU emblem, legal pages."""

import io
import math
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from django.test import override_settings

from wagtail.images import get_image_model
from wagtail.models import Locale

from bs4 import BeautifulSoup
from PIL import Image as PILImage

from . import factories
from .i18n_tree import translate

PUBLIC = "https://guild.example.org"
FORBIDDEN = re.compile(r"localhost|testserver|:8000|127\.0\.0\.1")


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, key):
    """The content of `<meta property=key>` or `<meta name=key>` (exactly one), else None."""
    found = soup.head.find_all("meta", attrs={"property": key}) or soup.head.find_all("meta", attrs={"name": key})
    assert len(found) <= 1, key
    return found[0]["content"] if found else None


def test_robots_txt_points_at_the_sitemap(client):
    with override_settings(GUILD_PUBLIC_URL=PUBLIC):
        response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in lines


def test_manifest_names_the_network_with_icons_that_exist(client, site_tree):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"] and manifest["short_name"] and manifest["start_url"] == "/"
    assert manifest["theme_color"] == "#123047"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
        assert path, icon["src"]
        if icon["type"] == "image/png":
            width, height = (int(value) for value in icon["sizes"].split("x"))
            assert PILImage.open(path).size == (width, height)


def test_favicons_linked_and_served(client, site_tree):
    soup = soup_of(client.get("/"))
    icons = {tuple(link["rel"]): link for link in soup.head.find_all("link", rel=True)}
    svg = next(link for link in soup.head.find_all("link", rel="icon") if link.get("type") == "image/svg+xml")
    assert finders.find(svg["href"].removeprefix(settings.STATIC_URL))
    assert PILImage.open(
        finders.find(icons[("apple-touch-icon",)]["href"].removeprefix(settings.STATIC_URL))
    ).size == (
        180,
        180,
    )
    assert icons[("manifest",)]["href"] == "/manifest.webmanifest"
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert finders.find(response["Location"].removeprefix(settings.STATIC_URL))
    assert PILImage.open(finders.find("img/favicon.ico")).format == "ICO"


def make_image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 90, 160)).save(buffer, "JPEG")
    image = get_image_model()(title="Harbour", description="Cranes in the harbour.")
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name="harbour.jpg")
    image.save()
    return image


@override_settings(GUILD_PUBLIC_URL=PUBLIC)
def test_canonical_and_social_cards_from_summary_and_image(client, site_tree):
    french = Locale.objects.create(language_code="fr")
    news = factories.NewsPageFactory(
        parent=site_tree.news, title="Ghent trains solar installers", summary="Forty apprentices.", image=make_image()
    )
    french_news = translate(news, french, title="Gand forme des installateurs", slug="gand-forme")
    soup = soup_of(client.get(news.url))
    canonical = soup.head.find_all("link", rel="canonical")
    assert [link["href"] for link in canonical] == [PUBLIC + news.url]
    assert meta(soup, "description") == "Forty apprentices."
    assert meta(soup, "og:title") == "Ghent trains solar installers"
    assert meta(soup, "og:description") == "Forty apprentices."
    assert meta(soup, "og:url") == PUBLIC + news.url
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:locale") == "en_GB"
    assert [tag["content"] for tag in soup.head.find_all("meta", property="og:locale:alternate")] == ["fr_FR"]
    assert meta(soup, "og:image").startswith(PUBLIC + "/media/")
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "og:image:alt") == "Cranes in the harbour."
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")
    for tag in soup.head.find_all(["meta", "link"]):
        value = tag.get("content") or tag.get("href") or ""
        assert not FORBIDDEN.search(value), value
    # The French page is canonical for itself, in French.
    french_soup = soup_of(client.get(french_news.url))
    assert french_soup.head.find("link", rel="canonical")["href"] == PUBLIC + french_news.url
    assert meta(french_soup, "og:locale") == "fr_FR"


def test_search_description_wins_and_pages_without_image_get_the_default_card(client, site_tree):
    page = factories.StandardPageFactory(parent=site_tree.home, title="About", search_description="All about us.")
    soup = soup_of(client.get(page.url))
    assert meta(soup, "description") == "All about us."
    assert meta(soup, "og:type") == "website"
    image = meta(soup, "og:image")
    assert image.endswith("/static/img/social-card.jpg") and image.startswith("http://testserver/")
    assert PILImage.open(finders.find("img/social-card.jpg")).size == (1200, 630)


def test_promote_panel_offers_the_image(admin_client, site_tree):
    page = factories.GoodPracticePageFactory(parent=site_tree.practices)
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find(attrs={"name": "image"}) is not None
    assert soup.find(attrs={"name": "search_description"}) is not None


def eu_star_points(svg):
    """The 12 stars' 5 outer points, as (x, y), read from the emblem's <path> and <use> elements."""
    path = svg.find("path")
    vertices = [
        tuple(float(value) for value in pair.split(",")) for pair in re.findall(r"-?[\d.]+,-?[\d.]+", path["d"])
    ]
    return vertices, [(float(use["x"]), float(use["y"])) for use in svg.find_all("use")]


def test_funding_notice_shows_the_eu_emblem_geometry_and_statement(client, site_tree):
    project = factories.ProjectPageFactory(parent=site_tree.projects, title="Apprenticeships", eu_funded=True)
    soup = soup_of(client.get(project.url))
    notice = soup.find(class_="funding-disclaimer")
    flag = notice.find(class_="funding-disclaimer__flag")
    assert "Co-funded by the European Union" in flag.get_text(" ", strip=True)
    svg = flag.find("svg")
    assert svg["role"] == "img"
    assert soup.find(id=svg["aria-labelledby"]).get_text() == "Flag of the European Union"
    _x, _y, width, height = (float(value) for value in svg["viewbox"].split())
    assert width / height == 1.5
    rect = svg.find("rect")
    assert rect["fill"].lower() == "#003399"
    assert svg.find("path")["fill"].upper() == "#FFDD00"
    vertices, centres = eu_star_points(svg)
    assert len(centres) == 12
    for x, y in centres:
        assert math.isclose(math.dist((x, y), (width / 2, height / 2)), height / 3, abs_tol=0.05)
    outer = [vertex for vertex in vertices if math.isclose(math.hypot(*vertex), height / 18, abs_tol=0.05)]
    assert len(outer) == 5
    assert min(outer, key=lambda vertex: vertex[1]) == (0.0, -height / 18)  # one point straight up
    assert finders.find("img/eu-emblem.svg")


def test_footer_links_the_accessibility_statement_and_legal_notice(client, site_tree):
    accessibility = factories.StandardPageFactory(
        parent=site_tree.home, title="Accessibility statement", slug="accessibility"
    )
    legal = factories.StandardPageFactory(parent=site_tree.home, title="Legal notice", slug="legal-notice")
    footer = soup_of(client.get("/")).find("footer")
    links = {link.get_text(): link["href"] for link in footer.find_all("a")}
    assert links["Accessibility statement"] == accessibility.url
    assert links["Legal notice"] == legal.url


def test_demo_media_are_small_and_licensed():
    media = Path(settings.BASE_DIR) / "demo" / "media"
    total = sum(path.stat().st_size for path in media.iterdir())
    assert total < 600_000
    readme = (Path(settings.BASE_DIR) / "docs" / "demo-content.md").read_text()
    assert "CC0" in readme


def test_pages_without_a_summary_fall_back_to_the_tagline_then_the_network_name(client, site_tree):
    from home.models.site_settings import SiteSettings

    site_settings = SiteSettings.for_site(site_tree.home.get_site())
    site_settings.tagline = "Apprenticeships across Europe."
    site_settings.save()
    assert meta(soup_of(client.get(site_tree.members.url)), "description") == "Apprenticeships across Europe."

    site_settings.tagline = ""
    site_settings.save()
    description = meta(soup_of(client.get(site_tree.members.url)), "description")
    assert description == f"{site_tree.members.title} – {site_settings.network_name}"
