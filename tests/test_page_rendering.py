"""Every page type renders its fields for a visitor: dates, countries, labels, links both ways, chrome."""

import datetime
import json
import re

from django.db import connection
from django.template import loader
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Site

import pytest
import wagtail_factories

from home.models import SiteSettings, SkillCategory
from network.choices import EventFormat, EventKind, MemberType, NewsKind, PartnerRole, PledgeArea, Programme
from practices.choices import ImplementationLevel, PracticeStage, QualificationRole, QualificationStatus

from . import factories

UTC = datetime.UTC


def html_of(client, page_or_url, **params):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


@pytest.fixture
def site_settings(site_tree):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.network_name = "Cities for Apprenticeships Test Network"
    settings.contact_email = "info@network.example"
    settings.footer_text = "A footer line that only the footer carries."
    settings.funding_disclaimer = "STANDARD-EU-DISCLAIMER-TEXT for funded pages."
    settings.save()
    return settings


@pytest.fixture
def skills():
    return {
        "solar": factories.SkillTagFactory(
            name="Solar panel installation", slug="solar", category=SkillCategory.GREEN
        ),
        "data": factories.SkillTagFactory(name="Data literacy", slug="data", category=SkillCategory.DIGITAL),
    }


@pytest.fixture
def network(site_tree, site_settings, skills):
    """A member linked to one of everything, so both directions of each link can be checked."""
    topic = factories.TopicTagFactory(name="Knowledge society", slug="knowledge-society")
    member = factories.MemberPageFactory(
        parent=site_tree.members,
        title="Braga Vocational School",
        organisation_name="Escola Profissional de Braga (example)",
        member_type=MemberType.VET_PROVIDER,
        country="PT",
        city="Braga",
        latitude="41.545400",
        longitude="-8.426500",
        website="https://braga-vet.example",
        contact_email="apprenticeships@braga-vet.example",
        joined_on=datetime.date(2021, 3, 15),
        open_to_projects=True,
        eafa_pledge=True,
        pledge_start_year=2019,
        pledge_areas=[PledgeArea.SUPPLY, PledgeArea.MOBILITY],
        pledge_commitments="Offer 40 apprenticeship places a year.",
        summary="A vocational school in the north of Portugal.",
        skills=[skills["solar"], skills["data"]],
        topics=[topic],
    )
    partner = factories.MemberPageFactory(
        parent=site_tree.members, title="Chamber of Crafts Tampere", country="FI", city="Tampere"
    )
    project = factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Green Apprenticeships Alliance",
        project_code="101132823",
        acronym="GAA",
        programme=Programme.ERASMUS_PLUS,
        key_action="Partnerships for cooperation",
        action_type="Forward-Looking Projects",
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2026, 12, 31),
        eu_grant="400000.00",
        coordinator=member,
        objectives="<p>Objective: apprenticeships that stay in the region.</p>",
        results="<p>Result: a shared curriculum.</p>",
    )
    project.partner_links.create(member=member, role=PartnerRole.COORDINATOR)
    project.partner_links.create(member=partner, role=PartnerRole.ASSOCIATED)
    project.reach_targets.create(number=300, at_least=True, label="students")
    project.reach_targets.create(number=12, at_least=False, label="cities")
    project.save()  # child rows of a ClusterableModel are written when the page is saved
    practice = factories.GoodPracticePageFactory(
        parent=site_tree.practices,
        title="Apprenticeship ambassadors",
        country="PT",
        city="Braga",
        start_year=2018,
        end_year=2022,
        stage=PracticeStage.EVALUATED,
        implementation_level=ImplementationLevel.REGIONAL,
        target_groups=["long_term_unemployed", "parents"],
        challenge="<p>Few parents knew apprenticeships.</p>",
        approach="<p>Former apprentices visit schools.</p>",
        results="<p>Enrolment rose.</p>",
        lessons="<p>Start with teachers.</p>",
        transferability="<p>Works in any mid-sized city.</p>",
        impact_figures=stream(
            ("key_figures", {"title": "Impact", "figures": [{"value": "75%", "label": "more enrolments"}]})
        ),
        resources=stream(("link", {"title": "Ambassador handbook", "url": "https://handbook.example/"})),
        project=project,
        skills=[skills["solar"]],
    )
    practice.owners.create(member=member)
    practice.save()
    qualification = factories.JointQualificationPageFactory(
        parent=site_tree.qualifications,
        title="Solar Technician Joint Qualification",
        eqf_level=5,
        isced_field="07",
        status=QualificationStatus.PILOTED,
        credit_system="ects",
        credits="60.0",
        notional_workload_hours=1500,
        countries=["PT", "FI"],
        languages=["pt", "fi", "en"],
        duration_months=18,
        work_based_learning_share=45,
        learning_outcomes=stream(
            (
                "unit",
                {
                    "title": "Unit 1: Rooftop safety",
                    "knowledge": "Knows fall-protection rules",
                    "skills": "Installs anchors",
                    "responsibility_and_autonomy": "Checks the team's harnesses",
                    "credits": "5.0",
                },
            )
        ),
        related_occupations=stream(
            ("occupation", {"title": "Solar energy technician", "esco_uri": "http://data.europa.eu/esco/occupation/x"})
        ),
        project=project,
    )
    qualification.partner_links.create(member=member, role=QualificationRole.AWARDING_BODY)
    qualification.partner_links.create(member=partner, role=QualificationRole.PARTNER)
    qualification.save()
    event = factories.EventPageFactory(
        parent=site_tree.events,
        title="Warsaw Social Affairs Forum",
        kind=EventKind.FORUM,
        format=EventFormat.HYBRID,
        # 07:00 UTC is 09:00 in Warsaw (summer time).
        start=datetime.datetime(2019, 10, 22, 7, 0, tzinfo=UTC),
        end=datetime.datetime(2019, 10, 24, 14, 0, tzinfo=UTC),
        time_zone="Europe/Warsaw",
        venue="Palace of Culture and Science",
        city="Warsaw",
        country="PL",
        online_url="https://meet.example/forum",
        registration_url="https://register.example/forum",
        organiser=member,
        project=project,
        participants_count=150,
        cities_count=50,
        participating_cities="Ghent, Lille, Braga",
        report="<p>The forum agreed on a common agenda.</p>",
    )
    news = factories.NewsPageFactory(
        parent=site_tree.news,
        title="Ghent critical friend review",
        publication_date=datetime.date(2020, 2, 6),
        kind=NewsKind.HIGHLIGHT,
        body=stream(("paragraph", "<p>Nine cities reviewed Ghent's approach.</p>")),
        project=project,
    )
    news.member_links.create(member=member)
    news.event_links.create(event=event)
    news.save()
    campaign = factories.CampaignPageFactory(
        parent=site_tree.campaigns,
        title="Inclusive Cities for All",
        aim="Every city offers apprenticeships to newcomers.",
        start_date=datetime.date(2020, 1, 13),
        end_date=datetime.date(2025, 6, 30),
        call_to_action="Sign the pledge",
        call_to_action_url="https://pledge.example/sign",
    )
    campaign.supporter_links.create(member=member, since=datetime.date(2020, 5, 4))
    campaign.progress_figures.create(value=42, target=100, label="cities signed")
    campaign.save()
    return {
        "member": member,
        "partner": partner,
        "project": project,
        "practice": practice,
        "qualification": qualification,
        "event": event,
        "news": news,
        "campaign": campaign,
        "topic": topic,
    }


def test_member_page_shows_every_field_and_what_links_to_it(client, network):
    html = html_of(client, network["member"])
    for text in [
        "Braga Vocational School",
        "Escola Profissional de Braga (example)",
        "VET provider",
        "Braga",
        "Portugal",
        "15 March 2021",
        "https://braga-vet.example",
        "mailto:apprenticeships@braga-vet.example",
        "Yes, looking for partners",
        "Pledged since 2019",
        "Supply of apprenticeships",
        "Mobility of apprentices",
        "Offer 40 apprenticeship places a year.",
        "41.5454, -8.4265",
    ]:
        assert text in html, text
    for related in ["practice", "qualification", "project", "event", "news", "campaign"]:
        assert f'href="{network[related].url}"' in html, related
    # Skills grouped by category and linked to their tag pages; topics linked too.
    assert re.search(r"Green skills</dt>\s*<dd>.*Solar panel installation", html, re.S)
    assert re.search(r"Digital skills</dt>\s*<dd>.*Data literacy", html, re.S)
    assert 'href="/skills/solar/"' in html
    assert 'href="/topics/knowledge-society/"' in html


def test_project_page_shows_record_consortium_targets_and_related_pages(client, network):
    html = html_of(client, network["project"])
    for text in [
        "101132823",
        "GAA",
        "Erasmus+",
        "Partnerships for cooperation",
        "Forward-Looking Projects",
        "1 January 2024",
        "31 December 2026",
        "36 months",
        "€400,000.00",
        "Objective: apprenticeships that stay in the region.",
        "Result: a shared curriculum.",
        "Associated partner",
        "Chamber of Crafts Tampere",
    ]:
        assert text in html, text
    assert re.search(r">300\+</span>\s*<span[^>]*>students<", html)
    assert re.search(r">12</span>\s*<span[^>]*>cities<", html)
    for related in ["member", "partner", "event", "practice", "qualification", "news"]:
        assert f'href="{network[related].url}"' in html, related
    assert "STANDARD-EU-DISCLAIMER-TEXT" in html


def test_funding_disclaimer_follows_the_project(client, network, site_tree):
    for page in ["event", "practice", "qualification", "news"]:
        assert "STANDARD-EU-DISCLAIMER-TEXT" in html_of(client, network[page]), page
    # Pages without a funded project carry no disclaimer.
    for page in [network["member"], network["campaign"], site_tree.home, site_tree.events]:
        assert "STANDARD-EU-DISCLAIMER-TEXT" not in html_of(client, page), page.title
    unfunded = factories.ProjectPageFactory(parent=site_tree.projects, title="National pilot", eu_funded=False)
    event = factories.EventPageFactory(parent=site_tree.events, project=unfunded)
    assert "STANDARD-EU-DISCLAIMER-TEXT" not in html_of(client, unfunded)
    assert "STANDARD-EU-DISCLAIMER-TEXT" not in html_of(client, event)
    # A project's own disclaimer wins over the site's, and reaches the pages under the project.
    custom = factories.ProjectPageFactory(
        parent=site_tree.projects, title="Custom", funding_disclaimer="PROJECT-OWN-DISCLAIMER"
    )
    work_package = factories.StandardPageFactory(parent=custom, title="Work package 2")
    assert "PROJECT-OWN-DISCLAIMER" in html_of(client, custom)
    assert "PROJECT-OWN-DISCLAIMER" in html_of(client, work_package)


def test_event_page_shows_local_times_venue_and_report(client, network):
    event = network["event"]
    html = html_of(client, event)
    for text in [
        "22 October 2019, 09:00",
        "24 October 2019, 16:00",
        "Europe/Warsaw",
        "Forum",
        "Hybrid",
        "Palace of Culture and Science",
        "Warsaw",
        "Poland",
        'href="https://meet.example/forum"',
        'href="https://register.example/forum"',
        ">150<",
        ">50<",
        "Ghent",
        "Lille",
        "The forum agreed on a common agenda.",
        "Past",
    ]:
        assert text in html, text
    assert f'href="{network["member"].url}"' in html  # organiser
    assert f'href="{network["project"].url}"' in html
    assert f'href="{network["news"].url}"' in html  # news that names the event


def test_news_page_shows_date_kind_body_and_related(client, network):
    html = html_of(client, network["news"])
    for text in ["6 February 2020", "Highlight", "Nine cities reviewed Ghent's approach."]:
        assert text in html, text
    for related in ["member", "event", "project"]:
        assert f'href="{network[related].url}"' in html, related


def test_good_practice_page_shows_structure_and_owners(client, network):
    html = html_of(client, network["practice"])
    for text in [
        "Portugal",
        "Braga",
        "2018–2022",
        "Evaluated",
        "Regional",
        "Long-term unemployed",
        "Parents and prospective students",
        "Few parents knew apprenticeships.",
        "Former apprentices visit schools.",
        "Enrolment rose.",
        "Start with teachers.",
        "Works in any mid-sized city.",
        "75%",
        "more enrolments",
        'href="https://handbook.example/"',
    ]:
        assert text in html, text
    assert f'href="{network["member"].url}"' in html
    assert f'href="{network["project"].url}"' in html


def test_qualification_page_shows_eqf_record_and_partners(client, network):
    html = html_of(client, network["qualification"])
    for text in [
        "EQF level 5",
        "07 Engineering, manufacturing and construction",
        "Piloted",
        "60 ECTS",
        "1500 hours",
        "18 months",
        "45% of the programme",
        "Portugal",
        "Finland",
        "Portuguese, Finnish, English",
        "Unit 1: Rooftop safety",
        "Knows fall-protection rules",
        "Installs anchors",
        "Checks the team&#x27;s harnesses",
        "Solar energy technician",
        'href="http://data.europa.eu/esco/occupation/x"',
    ]:
        assert text in html, text
    assert re.search(r"Awarding bodies</dt><dd>.*" + re.escape(network["member"].url), html, re.S)
    assert re.search(r"Partners</dt><dd>.*" + re.escape(network["partner"].url), html, re.S)


def test_campaign_page_shows_aim_period_call_to_action_and_progress(client, network):
    html = html_of(client, network["campaign"])
    for text in [
        "Every city offers apprenticeships to newcomers.",
        "13 January 2020",
        "30 June 2025",
        'href="https://pledge.example/sign"',
        "Sign the pledge",
        "cities signed",
        'aria-valuenow="42"',
        "42% of target",
        "since 4 May 2020",
    ]:
        assert text in html, text
    assert f'href="{network["member"].url}"' in html


def test_home_page_shows_hero_figures_featured_events_and_news(client, network, site_tree):
    home = site_tree.home
    home.hero_title = "Apprenticeships grow in cities"
    home.intro = "Cities, schools and companies together."
    home.featured_practices.create(practice=network["practice"])
    home.save()
    upcoming = factories.EventPageFactory(parent=site_tree.events, title="Webinar on the future")
    html = html_of(client, home)
    for text in [
        "Apprenticeships grow in cities",
        "Cities, schools and companies together.",
        "The network in numbers",
    ]:
        assert text in html, text
    assert re.search(r">2</span>\s*<span[^>]*>member organisations<", html)
    assert re.search(r">2</span>\s*<span[^>]*>countries with members<", html)
    assert f'href="{network["practice"].url}"' in html
    assert f'href="{upcoming.url}"' in html
    assert f'href="{network["news"].url}"' in html


def test_standard_page_renders_intro_and_every_body_block(client, site_tree):
    image = wagtail_factories.ImageFactory(title="Workshop photo")
    document = wagtail_factories.DocumentFactory(title="Annual report")
    page = factories.StandardPageFactory(
        parent=site_tree.home,
        title="About the network",
        intro="Who we are.",
        body=stream(
            ("heading", {"text": "Our history", "level": "h3"}),
            ("paragraph", "<p>Founded by cities.</p>"),
            ("image", {"image": image.pk, "alt_text": "Apprentices at a workbench", "caption": "Lille, 2019"}),
            ("image", {"image": image.pk, "alt_text": "", "caption": ""}),
            ("quote", {"quote": "No fee is required.", "attribution": "The network"}),
            ("document", {"document": document.pk, "title": "", "description": "Our year in numbers"}),
            (
                "call_to_action",
                {"title": "Join us", "text": "It is free.", "button_label": "Apply", "url": "https://join.example/"},
            ),
            ("key_figures", {"title": "Reach", "figures": [{"value": "150+", "label": "work-life representatives"}]}),
        ),
    )
    html = html_of(client, page)
    assert "Who we are." in html
    assert '<h3 class="block-heading">Our history</h3>' in html
    assert "Founded by cities." in html
    assert 'alt="Apprentices at a workbench"' in html
    assert "<figcaption>Lille, 2019</figcaption>" in html
    assert 'alt=""' in html  # the decorative image
    assert "No fee is required." in html and "The network" in html
    assert "Annual report" in html and document.url in html and "Our year in numbers" in html
    assert 'href="https://join.example/"' in html and ">Apply<" in html
    assert "150+" in html and "work-life representatives" in html
    # Every image on the page carries an alt attribute.
    for img in re.findall(r"<img\b[^>]*>", html):
        assert " alt=" in img, img


def test_index_pages_show_cards_with_key_facts(client, network, site_tree):
    members = html_of(client, site_tree.members)
    assert "VET provider" in members and "Portugal" in members and "Braga" in members
    assert "2 results" in members
    practices = html_of(client, site_tree.practices)
    assert all(text in practices for text in ["Portugal", "2018–2022", "Evaluated", "Solar panel installation"])
    qualifications = html_of(client, site_tree.qualifications)
    assert all(text in qualifications for text in ["EQF level 5", "Piloted", "Portugal", "Finland"])
    factories.EventPageFactory(parent=site_tree.events, title="Upcoming peer review")
    events = html_of(client, site_tree.events)
    assert "22 October 2019, 09:00" in events and "Europe/Warsaw" in events
    assert "Upcoming" in events and "Past" in events and "Hybrid" in events
    news = html_of(client, site_tree.news)
    assert "6 February 2020" in news and "Highlight" in news
    projects = html_of(client, site_tree.projects)
    assert "Erasmus+" in projects and "101132823" in projects
    campaigns = html_of(client, site_tree.campaigns)
    assert "Inclusive Cities for All" in campaigns


def test_filter_bar_keeps_query_in_pagination_and_survives_bad_input(client, site_tree):
    for number in range(14):
        factories.MemberPageFactory(parent=site_tree.members, title=f"Portuguese member {number:02}", country="PT")
    factories.MemberPageFactory(parent=site_tree.members, title="Belgian member", country="BE")
    html = html_of(client, site_tree.members, country="PT")
    assert 'for="id_country">Country</label>' in html
    assert 'type="submit"' in html
    assert f'href="{site_tree.members.url}">Clear filters' in html
    assert "14 results" in html and "Belgian member" not in html
    assert 'href="?country=PT&amp;page=2"' in html
    assert 'aria-label="Pagination"' in html
    page_two = html_of(client, site_tree.members, country="PT", page=2)
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2' in page_two
    bad = client.get(site_tree.members.url, {"year": "not-a-year", "country": "ZZ"})
    assert bad.status_code == 200
    assert "This filter was ignored." in bad.content.decode()


def test_tag_pages_group_results_by_type(client, network, skills):
    html = html_of(client, "/skills/solar/")
    assert "Green skill" in html and "Solar panel installation" in html
    assert re.search(r"<h2[^>]*>Members <span", html)
    assert re.search(r"<h2[^>]*>Good practices <span", html)
    assert f'href="{network["member"].url}"' in html and f'href="{network["practice"].url}"' in html
    topic = html_of(client, "/topics/knowledge-society/")
    assert "Knowledge society" in topic and f'href="{network["member"].url}"' in topic
    listing = html_of(client, "/skills/")
    assert re.search(r"Green skills</h2>\s*<ul[^>]*>(?:(?!</ul>).)*Solar panel installation", listing, re.S)
    assert re.search(r"Digital skills</h2>\s*<ul[^>]*>(?:(?!</ul>).)*Data literacy", listing, re.S)


def test_header_navigation_marks_current_section(client, network, site_tree):
    for index in [site_tree.members, site_tree.practices]:
        index.show_in_menus = True
        index.save_revision().publish()
    html = html_of(client, site_tree.home)
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert f'href="{site_tree.members.url}"' in nav and f'href="{site_tree.practices.url}"' in nav
    assert f'href="{site_tree.events.url}"' not in nav  # not marked show_in_menus
    on_index = html_of(client, site_tree.members)
    assert f'href="{site_tree.members.url}" aria-current="page"' in on_index
    on_member = html_of(client, network["member"])
    assert f'href="{site_tree.members.url}" aria-current="true"' in on_member
    assert f'href="{site_tree.practices.url}" aria-current' not in on_member


def test_header_navigation_query_count_does_not_grow_with_menu_pages(client, site_tree):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            html_of(client, site_tree.home)
        return len(queries)

    for number in range(2):
        factories.StandardPageFactory(parent=site_tree.home, title=f"Menu page {number}", show_in_menus=True)
    client.get(site_tree.home.url)  # warm caches (site root paths)
    with_two = count_queries()
    for number in range(2, 8):
        factories.StandardPageFactory(parent=site_tree.home, title=f"Menu page {number}", show_in_menus=True)
    client.get(site_tree.home.url)
    with_eight = count_queries()
    assert with_two == with_eight
    assert "Menu page 7" in html_of(client, site_tree.home)


def test_breadcrumbs_skip_link_landmarks_and_footer(client, network, site_tree):
    html = html_of(client, network["member"])
    crumbs = re.search(r'<nav class="breadcrumbs" aria-label="Breadcrumb">.*?</nav>', html, re.S).group(0)
    assert f'href="{site_tree.home.url}"' in crumbs and f'href="{site_tree.members.url}"' in crumbs
    assert 'aria-current="page">Braga Vocational School' in crumbs
    assert '<html lang="en">' in html
    body = html.split("<body", 1)[1]
    assert re.search(r'^[^<]*>\s*<a class="skip-link" href="#main">', body)
    for landmark in ["<header", '<main id="main"', "<footer", 'action="/search/"', 'name="q"']:
        assert landmark in html, landmark
    assert '<meta name="description" content="A vocational school in the north of Portugal.">' in html
    assert "Cities for Apprenticeships Test Network" in html
    assert "mailto:info@network.example" in html
    assert "A footer line that only the footer carries." in html


def test_language_switcher_links_translations_and_hreflang(client, network, site_tree):
    french = Locale.objects.create(language_code="fr")
    member = network["member"]
    site_tree.home.copy_for_translation(french).save_revision().publish()
    site_tree.members.copy_for_translation(french).save_revision().publish()
    translated = member.copy_for_translation(french)
    translated.save_revision().publish()
    translated.refresh_from_db()
    html = html_of(client, member)
    assert f'<link rel="alternate" hreflang="fr" href="http://testserver{translated.url}">' in html
    assert f'<a href="{translated.url}" hreflang="fr"' in html
    assert translated.url.startswith("/fr/")
    # German has no translation: the link says so.
    assert re.search(r'<a href="/de/[^"]*" hreflang="de"[^>]*title="This page is not translated', html)


def test_not_found_page_is_helpful(client, site_tree, site_settings):
    response = client.get("/no-such-page-here/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'action="/search/"' in html and 'id="not-found-q"' in html
    assert "Go to the home page" in html
    assert "Cities for Apprenticeships Test Network" in html


def test_server_error_template_renders_without_the_database(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render({})
    assert "Something went wrong" in html
    assert 'href="/"' in html
