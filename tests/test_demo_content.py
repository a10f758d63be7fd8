"""`load_demo_content` on a freshly migrated database: the source texts' facts reach the public site.

The content is loaded once per module (loading takes a while) inside a transaction that is rolled
back afterwards, so other test modules still start from the plain migrated database.
"""

import html
import io
import re

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from wagtail.images import get_image_model
from wagtail.images.models import Rendition
from wagtail.models import Page, Revision, Site

import pytest

from demo.content import PAGE_KINDS, read_content
from demo.images import ILLUSTRATIONS
from home.models import HomePage, SkillCategory, SkillTag, StandardPage, TopicTag
from network.models import CampaignPage, EventPage, MemberPage, NewsPage, ProjectPage
from practices.models import GoodPracticePage, JointQualificationPage

# Marked so pytest-django runs these with the other database tests, before any transactional test flushes
# the tables (Wagtail's root page included) that the loader builds on.
pytestmark = pytest.mark.django_db


def load(*args):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content on top of the migrated test database (no `site_tree`: the loader builds the tree)."""
    with django_db_blocker.unblock():
        cache.clear()
        # This module checks the loader's prerendered renditions; the test settings skip them elsewhere.
        with transaction.atomic(), override_settings(GUILD_DEMO_PRERENDER_IMAGES=True):
            output = load()
            yield output
            transaction.set_rollback(True)
        cache.clear()  # Wagtail caches site root paths; they point at rolled-back pages


@pytest.fixture
def site(demo, db):
    return Site.objects.get(is_default_site=True)


def text_of(response):
    """The response's visible text with tags removed and whitespace collapsed."""
    assert response.status_code == 200
    body = re.sub(r"<script.*?</script>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def page_text(client, model, **lookup):
    page = model.objects.get(**lookup)
    return text_of(client.get(page.url))


def snapshot():
    """Everything a second run could duplicate or touch."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "skills": SkillTag.objects.count(),
        "topics": TopicTag.objects.count(),
        "sites": Site.objects.count(),
        "project_partners": sum(p.partner_links.count() for p in ProjectPage.objects.all()),
        "news_links": sum(n.member_links.count() + n.event_links.count() for n in NewsPage.objects.all()),
        "featured": HomePage.objects.get().featured_practices.count(),
        "last_published": sorted(Page.objects.values_list("pk", "last_published_at")),
        "images": sorted(get_image_model().objects.values_list("pk", "file_hash", "description")),
        "renditions": Rendition.objects.count(),
    }


def test_replaces_the_welcome_page_with_the_network_home_page(site, client):
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.title == "Cities for Apprenticeship network"
    assert (site.hostname, site.port) == ("localhost", 80)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    text = text_of(client.get("/"))
    assert "advocacy platform" in text
    assert "info@guild.example" in text  # the example contact address from the site settings


def test_output_counts_what_was_created(demo):
    assert "Members: 20 created" in demo
    assert "Skills: 14 created" in demo


def test_second_run_changes_nothing(site):
    before = snapshot()
    output = load()
    assert snapshot() == before
    assert "created" not in output
    assert "updated" not in output
    slugs_per_parent = {}
    for page in Page.objects.exclude(depth=1):
        key = (page.path[: -Page.steplen], page.slug)
        assert key not in slugs_per_parent, f"duplicate slug {page.slug}"
        slugs_per_parent[key] = page.pk


def test_a_page_edited_in_the_admin_is_kept_unless_forced(site, admin_user):
    about = StandardPage.objects.get(slug="about")
    about.intro = "Our own words."
    about.save_revision(user=admin_user).publish()

    assert "kept (edited in the admin)" in load()
    about.refresh_from_db()
    assert about.intro == "Our own words."

    load("--force")
    about.refresh_from_db()
    assert about.intro.startswith("The Network of Cities for Apprenticeship")


def test_erasmus_project_record(site, client):
    text = page_text(client, ProjectPage, project_code="101132823")
    for fact in [
        "101132823",
        "Erasmus+",
        "Partnerships for cooperation and exchanges of practices",
        "Forward-Looking Projects",
        "1 January 2024",
        "31 December 2026",
        "36 months",
        "300+ students",
        "150+ work life representatives",
        "to increase the attractiveness of Vocational Education and Training (VET) in Europe",
        "digitalisation, inclusion, green transition, and internationalisation",
        "online platform for VET practitioners",
        read_content().find("project", "erasmus-plus-101132823")["funding_disclaimer"],
    ]:
        assert fact in text, fact
    project = ProjectPage.objects.get(project_code="101132823")
    assert project.eu_funded
    assert project.coordinator is None  # the source does not name one
    assert project.eu_grant is None
    assert project.qualifications.exists() and project.events.exists() and project.practices.exists()


def test_ghent_critical_friend_review(site, client):
    news = page_text(client, NewsPage, slug="highlights-critical-friend-review-ghent")
    assert "24 December 2019" in news
    assert "20 participants from 9 cities" in news
    for city in ["Ghent", "Bristol", "Lille Metropole", "Madrid", "Lyon", "Barcelona", "Gijon", "Stockholm", "Twente"]:
        assert city in news, city

    event = EventPage.objects.get(slug="critical-friend-review-ghent-2019")
    assert (event.kind, event.participants_count, event.cities_count) == ("peer_review", 20, 9)
    assert len(event.participating_city_list()) == 9
    assert event.news_links.filter(news__slug="highlights-critical-friend-review-ghent").exists()
    text = page_text(client, EventPage, pk=event.pk)
    assert "14 November 2019" in text and "15 November 2019" in text
    assert "Twente" in text


def test_warsaw_social_affairs_forum(site, client):
    news = page_text(client, NewsPage, slug="highlights-social-affairs-forum-warsaw")
    assert "5 November 2019" in news
    assert "150 participants, from 50 cities including 15 politicians" in news
    assert "Inclusive cities: Ensuring social inclusion & well-being for all ages" in news
    assert "first paper free forum" in news

    event = EventPage.objects.get(slug="social-affairs-forum-warsaw-2019")
    assert (event.kind, event.participants_count, event.cities_count) == ("forum", 150, 50)
    assert event.organiser.slug == "warsaw"
    text = page_text(client, EventPage, pk=event.pk)
    assert "22 October 2019" in text and "24 October 2019" in text


def test_webinar_lille_video_and_economy_item(site, client):
    webinar = page_text(client, EventPage, slug="cultural-heritage-social-and-economic-returns")
    assert "6 February 2020" in webinar
    assert "three expert practitioners from Europe, Turkey and China" in webinar
    event = EventPage.objects.get(slug="cultural-heritage-social-and-economic-returns")
    assert (event.kind, event.format) == ("webinar", "online")
    assert sorted(event.topics.values_list("slug", flat=True)) == ["culture", "economy"]

    lille = NewsPage.objects.get(slug="combating-long-term-unemployment-lille-video")
    assert (lille.kind, str(lille.publication_date)) == ("video", "2019-11-13")
    assert not any(block.block_type == "video" for block in lille.body)  # no invented video address

    economy = NewsPage.objects.get(publication_date="2019-11-14")
    assert list(economy.topics.values_list("slug", flat=True)) == ["economy"]
    assert "Example text" in page_text(client, NewsPage, pk=economy.pk)


def test_inclusive_cities_campaign(site, client):
    text = page_text(client, CampaignPage, slug="inclusive-cities-for-all")
    assert "Inclusive Cities for All: Social Rights in My City" in text
    assert "Is your city pursuing inclusive policies?" in text
    assert "13-01-2020" in text
    assert "example figure" in text
    assert "Join the initiative" in text


def test_join_and_working_group_pages(site, client):
    join = page_text(client, StandardPage, slug="join-the-network")
    for fact in [
        "No fee is required to join the Network of Cities for Apprenticeship.",
        "June 2020 through a series of virtual workshops",
        "Section 4 the Cities4Apprenticeship network as your partner",
        "Exchanging knowledge, e.g. through peer-to-peer training",
        "we will contact you back",
    ]:
        assert fact in join, fact
    join_html = client.get(StandardPage.objects.get(slug="join-the-network").url).content.decode()
    main = join_html[join_html.index("<main") : join_html.index("</main>")]
    assert 'href="/join/apply/"' in main and 'href="/contact/"' in main  # the forms, from the page's own text
    group = page_text(client, StandardPage, slug="working-group-employment")
    assert "increase the employment rate in Europe to 75%" in group
    assert "platform for cities to exchange good practices on local labour market policies" in group


def test_menu_reaches_every_section(site):
    home = site.root_page
    in_menu = set(home.get_children().live().in_menu().values_list("title", flat=True))
    assert {
        "Members",
        "Projects",
        "Campaigns",
        "Events",
        "News",
        "Good practices",
        "Joint VET qualifications",
        "Join the network",
        "Working group employment",
        "About",
        "Privacy notice",
    } <= in_menu


# Each index lists something, and one of its filters narrows the list without emptying it.
INDEX_FILTERS = [
    ("members", "member_type=vet_provider"),
    ("members", "country=ES"),
    ("projects", "programme=interreg"),
    ("campaigns", "year=2020"),
    ("events", "kind=peer_review"),
    ("events", "format=online"),
    ("news", "kind=highlight"),
    ("good-practices", "stage=evaluated"),
    ("good-practices", "skill=data-literacy"),
    ("joint-vet-qualifications", "eqf_level=4"),
    ("joint-vet-qualifications", "topic=culture"),
]


@pytest.mark.parametrize(("slug", "query"), INDEX_FILTERS)
def test_index_lists_items_and_a_filter_narrows_them(site, client, slug, query):
    index = site.root_page.get_children().get(slug=slug)
    everything = client.get(index.url).context["paginator"].count
    narrowed = client.get(f"{index.url}?{query}").context["paginator"].count
    assert everything >= 2
    assert 0 < narrowed < everything


def test_every_skill_category_has_tagged_pages(site, client):
    for category in SkillCategory.values:
        skill = SkillTag.objects.filter(category=category).first()
        groups = client.get(f"/skills/{skill.slug}/").context["groups"]
        assert groups, category
        tagged_pages = sum(len(group["pages"]) for group in groups)
        assert tagged_pages >= 2, skill.slug
    # Only ESCO URIs checked against ESCO data, each on a skill marked as an ESCO concept; the rest are the network's.
    linked = dict(SkillTag.objects.exclude(esco_uri="").values_list("slug", "esco_uri"))
    assert linked == {
        "renewable-energy": "http://data.europa.eu/esco/skill/f8413360-6114-40de-a276-c59b764b9913",
        "coding": "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97",
        "energy-efficiency": "http://data.europa.eu/esco/skill/83fc0b2b-6cd2-46af-b1ff-d3fc83604c26",
        "circular-economy": "http://data.europa.eu/esco/skill/22c45bf7-e52b-475f-847b-c32a87f65a5d",
        "entrepreneurship": "http://data.europa.eu/esco/skill/658605f2-1c95-49f0-bd98-0af7b15ad0b0",
    }
    assert set(SkillTag.objects.filter(source="esco").values_list("slug", flat=True)) == set(linked)
    assert SkillTag.objects.filter(source="network").count() == SkillTag.objects.count() - len(linked)


def test_every_page_type_has_demo_pages_that_render(site, client):
    for model in [
        MemberPage,
        ProjectPage,
        CampaignPage,
        EventPage,
        NewsPage,
        GoodPracticePage,
        JointQualificationPage,
        StandardPage,
    ]:
        pages = model.objects.live()
        assert pages.count() >= 2, model
        for page in pages:
            assert client.get(page.url).status_code == 200, page.url


def test_examples_are_marked_as_examples(site):
    for member in MemberPage.objects.filter(title__startswith="Example"):
        assert "Example member (fictional organisation)" in member.summary
    for member in MemberPage.objects.filter(member_type="city"):
        assert "Example membership record" in member.summary
        assert member.joined_on is None and not member.eafa_pledge  # no invented facts about real cities
    fictional_practices = GoodPracticePage.objects.exclude(owners__member__member_type="city")
    assert fictional_practices.count() >= 10
    assert all(practice.summary.startswith("Example practice") for practice in fictional_practices)
    assert all(q.summary.startswith("Example qualification") for q in JointQualificationPage.objects.all())


def test_demo_pages_carry_their_drawn_pictures(site, client):
    """Every page the demo data gives an image has its illustration, every member its logo, with alt text and focus."""
    images = get_image_model().objects.filter(collection__name="Demo images")
    assert images.count() == len(ILLUSTRATIONS) + MemberPage.objects.count()
    for image in images:
        assert image.description, image.title
        assert image.renditions.exists(), image.title  # made by the loader, not by the first visitor
    for illustration in ILLUSTRATIONS:
        image = images.get(title=illustration.title)
        assert image.has_focal_point()
    assert site.root_page.specific.hero_image.title == "Network of cities"
    content = read_content()
    kinds = {"index"} if all(spec.get("image") for spec in content.index_pages) else set()
    kinds |= {page_kind.kind for page_kind in PAGE_KINDS if any(s.get("image") for s in content.pages_of(page_kind))}
    assert kinds >= {"index", "project", "practice", "qualification", "event", "news", "campaign", "standard"}
    for model in (ProjectPage, GoodPracticePage, JointQualificationPage, EventPage, NewsPage, CampaignPage):
        assert not model.objects.filter(image__isnull=True).exists(), model
    assert not MemberPage.objects.filter(logo__isnull=True).exists()
    assert all(member.logo.title == f"Demo logo: {member.title}" for member in MemberPage.objects.all())
    practice = GoodPracticePage.objects.first()
    html = client.get(practice.url).content.decode()
    assert 'class="page-hero__image"' in html and "srcset=" in html


def test_accessibility_statement_and_legal_notice_are_linked_from_the_footer(site, client):
    footer = client.get("/").content.decode().split("<footer", 1)[1]
    for slug in ("accessibility", "legal-notice"):
        page = StandardPage.objects.get(slug=slug)
        assert f'href="{page.url}"' in footer
        assert client.get(page.url).status_code == 200


def test_example_members_report_pledge_progress_and_real_cities_report_none(site, client):
    reporting = MemberPage.objects.filter(pledge_reports__isnull=False).distinct()
    assert reporting.count() == 4
    assert all(member.title.startswith("Example") for member in reporting)  # never a figure for a real city
    for member in reporting:
        assert member.pledge_targets.exists()
        assert all(report.narrative.startswith("Example report") for report in member.pledge_reports.all())
        # Each report counts what one of the member's targets counts (the review form's rule).
        assert {report.counts for report in member.pledge_reports.all()} <= {
            t.counts for t in member.pledge_targets.all()
        }
    dashboard = text_of(client.get("/pledges/"))
    assert "Example VET College North" in dashboard and "apprenticeship places" in dashboard
    assert "171" in dashboard  # 52 + 61 + 58 reported towards the target of 180
