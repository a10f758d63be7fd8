"""Index pages narrow their lists by the filters in the query string."""

import datetime

from django.utils import timezone

import pytest

from home.models import SkillCategory
from network.choices import EventFormat, EventKind, MemberType, NewsKind
from practices.choices import PracticeStage, QualificationStatus

from . import factories


def listed(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def skills(db):
    return {
        "green": factories.SkillTagFactory(name="Energy efficiency", slug="energy-efficiency"),
        "digital": factories.SkillTagFactory(
            name="Data literacy", slug="data-literacy", category=SkillCategory.DIGITAL
        ),
    }


def test_members_filter_by_country_type_skill_topic_and_year(site_tree, client, skills):
    economy = factories.TopicTagFactory(name="Economy", slug="economy")
    ghent = factories.MemberPageFactory(
        parent=site_tree.members,
        title="City of Ghent",
        country="BE",
        skills=[skills["green"]],
        topics=[economy],
        joined_on=datetime.date(2020, 6, 1),
    )
    college = factories.MemberPageFactory(
        parent=site_tree.members,
        title="Helsinki Vocational College",
        country="FI",
        city="Helsinki",
        member_type=MemberType.VET_PROVIDER,
        skills=[skills["digital"]],
        joined_on=datetime.date(2022, 3, 1),
    )

    html = listed(client, site_tree.members)
    assert ghent.title in html and college.title in html

    for query, shown, hidden in [
        ("?country=FI", college, ghent),
        ("?member_type=city", ghent, college),
        ("?skill=data-literacy", college, ghent),
        ("?topic=economy", ghent, college),
        ("?year=2022", college, ghent),
        ("?country=BE&member_type=city&skill=energy-efficiency", ghent, college),
    ]:
        html = listed(client, site_tree.members, query)
        assert shown.title in html, query
        assert hidden.title not in html, query


def test_combined_filters_that_match_nothing_show_an_empty_list(site_tree, client, skills):
    member = factories.MemberPageFactory(parent=site_tree.members, title="City of Lyon", country="FR")
    html = listed(client, site_tree.members, "?country=FR&member_type=chamber")
    assert member.title not in html


@pytest.mark.parametrize(
    "query",
    [
        "?country=ZZ",
        "?skill=no-such-skill",
        "?year=abc",
        "?year=99999",
        "?member_type=%3Cscript%3E",
        "?page=9999",
        "?page=-1",
        "?page=abc",
        "?topic=" + "x" * 5000,
    ],
)
def test_malformed_filters_never_fail(site_tree, client, query):
    factories.MemberPageFactory(parent=site_tree.members, title="City of Madrid", country="ES")
    response = client.get(site_tree.members.url + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[-1]


def test_events_filter_upcoming_and_past_kind_and_format(site_tree, client):
    now = timezone.now()
    future = factories.EventPageFactory(
        parent=site_tree.events,
        title="Green skills webinar",
        start=now + datetime.timedelta(days=10),
        end=now + datetime.timedelta(days=10, hours=2),
        kind=EventKind.WEBINAR,
        format=EventFormat.ONLINE,
    )
    past = factories.EventPageFactory(
        parent=site_tree.events,
        title="Social Affairs Forum",
        start=datetime.datetime(2019, 10, 22, 9, tzinfo=datetime.UTC),
        end=datetime.datetime(2019, 10, 24, 17, tzinfo=datetime.UTC),
        kind=EventKind.FORUM,
        country="PL",
        city="Warsaw",
    )
    for query, shown, hidden in [
        ("?when=upcoming", future, past),
        ("?when=past", past, future),
        ("?kind=forum", past, future),
        ("?format=online", future, past),
        ("?country=PL", past, future),
        ("?year=2019", past, future),
    ]:
        html = listed(client, site_tree.events, query)
        assert shown.title in html, query
        assert hidden.title not in html, query


def test_news_filter_by_kind_and_year(site_tree, client):
    video = factories.NewsPageFactory(
        parent=site_tree.news, title="Lille video", kind=NewsKind.VIDEO, publication_date=datetime.date(2019, 11, 13)
    )
    highlight = factories.NewsPageFactory(
        parent=site_tree.news,
        title="Ghent review highlights",
        kind=NewsKind.HIGHLIGHT,
        publication_date=datetime.date(2020, 1, 2),
    )
    for query, shown, hidden in [("?kind=video", video, highlight), ("?year=2020", highlight, video)]:
        html = listed(client, site_tree.news, query)
        assert shown.title in html, query
        assert hidden.title not in html, query


def test_practices_filter_by_country_member_type_stage_and_skill(site_tree, client, skills):
    chamber = factories.MemberPageFactory(
        parent=site_tree.members, title="Chamber", member_type=MemberType.CHAMBER, country="DE"
    )
    city = factories.MemberPageFactory(parent=site_tree.members, title="City", member_type=MemberType.CITY)
    dual = factories.GoodPracticePageFactory(
        parent=site_tree.practices,
        title="Dual training alliance",
        country="DE",
        stage=PracticeStage.EVALUATED,
        skills=[skills["digital"]],
    )
    dual.owners.create(member=chamber)
    dual.save_revision().publish()
    green = factories.GoodPracticePageFactory(
        parent=site_tree.practices, title="Green jobs pact", country="BE", skills=[skills["green"]]
    )
    green.owners.create(member=city)
    green.save_revision().publish()
    for query, shown, hidden in [
        ("?country=DE", dual, green),
        ("?member_type=city", green, dual),
        ("?stage=evaluated", dual, green),
        ("?skill=energy-efficiency", green, dual),
        ("?year=2019&skill=data-literacy", dual, green),
    ]:
        html = listed(client, site_tree.practices, query)
        assert shown.title in html, query
        assert hidden.title not in html, query


def test_qualifications_filter_by_eqf_level_status_and_country(site_tree, client):
    level3 = factories.JointQualificationPageFactory(
        parent=site_tree.qualifications, title="Solar installer", eqf_level=3, countries=["FI", "SE"]
    )
    level5 = factories.JointQualificationPageFactory(
        parent=site_tree.qualifications,
        title="Digital production technician",
        eqf_level=5,
        countries=["ES"],
        status=QualificationStatus.ACCREDITED,
    )
    for query, shown, hidden in [
        ("?eqf_level=3", level3, level5),
        ("?status=accredited", level5, level3),
        ("?country=SE", level3, level5),
        ("?country=ES", level5, level3),
    ]:
        html = listed(client, site_tree.qualifications, query)
        assert shown.title in html, query
        assert hidden.title not in html, query


def test_projects_and_campaigns_filter_by_the_years_they_run(site_tree, client):
    old = factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Older project",
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2021, 6, 30),
    )
    running = factories.ProjectPageFactory(
        parent=site_tree.projects,
        title="Long project",
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    new = factories.ProjectPageFactory(
        parent=site_tree.projects, title="Forward project", start_date=datetime.date(2024, 1, 1)
    )
    html = listed(client, site_tree.projects, "?year=2024")
    assert new.title in html and running.title in html and old.title not in html

    first = factories.CampaignPageFactory(
        parent=site_tree.campaigns,
        title="Inclusive Cities",
        start_date=datetime.date(2020, 1, 13),
        end_date=datetime.date(2020, 12, 31),
    )
    second = factories.CampaignPageFactory(
        parent=site_tree.campaigns,
        title="Skills pledge",
        start_date=datetime.date(2023, 5, 1),
        end_date=datetime.date(2024, 5, 1),
    )
    html = listed(client, site_tree.campaigns, "?year=2020")
    assert first.title in html and second.title not in html


def test_pagination_splits_long_lists_and_keeps_filters(site_tree, client):
    for number in range(15):
        factories.MemberPageFactory(parent=site_tree.members, title=f"Member {number:02d}", country="IT")
    first = client.get(site_tree.members.url + "?country=IT")
    second = client.get(site_tree.members.url + "?country=IT&page=2")
    assert first.context["paginator"].count == 15
    assert len(first.context["items"]) == 12
    assert len(second.context["items"]) == 3
    assert "country=IT" in first.content.decode().split("page=2")[0].rsplit("href", 1)[-1]


def test_events_list_upcoming_soonest_first_then_past_latest_first(site_tree, client):
    now = timezone.now()
    for title, days in [("Past 2019", -2000), ("Next month", 40), ("Next week", 7), ("Past 2024", -300)]:
        start = now + datetime.timedelta(days=days)
        factories.EventPageFactory(
            parent=site_tree.events, title=title, start=start, end=start + datetime.timedelta(hours=2)
        )
    response = client.get(site_tree.events.url)
    titles = [event.title for event in response.context["items"]]
    assert titles == ["Next week", "Next month", "Past 2024", "Past 2019"]
    upcoming = client.get(site_tree.events.url, {"when": "upcoming"})
    assert [event.title for event in upcoming.context["items"]] == ["Next week", "Next month"]
    past = client.get(site_tree.events.url, {"when": "past"})
    assert [event.title for event in past.context["items"]] == ["Past 2024", "Past 2019"]
