"""A small, linked network for the API, feed and webhook tests (imported by those test modules)."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

import pytest

from network.choices import EventFormat, MemberType, PartnerRole
from practices.choices import QualificationRole

from . import factories


@pytest.fixture(name="network")
def network_fixture(site_tree):
    solar = factories.SkillTagFactory(
        slug="solar-installation",
        name="Solar installation",
        category="green",
        esco_uri="http://data.europa.eu/esco/skill/solar",
    )
    coding = factories.SkillTagFactory(slug="coding", name="Coding", category="digital")
    economy = factories.TopicTagFactory(slug="economy", name="Economy")
    ghent = factories.MemberPageFactory(
        parent=site_tree.members,
        title="City of Ghent",
        country="BE",
        city="Ghent",
        member_type=MemberType.CITY,
        latitude="51.054300",
        longitude="3.717400",
        skills=[solar],
        topics=[economy],
    )
    lyon = factories.MemberPageFactory(
        parent=site_tree.members,
        title="VET School Lyon",
        country="FR",
        city="Lyon",
        member_type=MemberType.VET_PROVIDER,
        skills=[coding],
    )
    project = factories.ProjectPageFactory(
        parent=site_tree.projects, title="Green Apprenticeships", coordinator=ghent, skills=[solar]
    )
    project.partner_links.create(member=lyon, role=PartnerRole.PARTNER)
    project.save_revision().publish()
    start = timezone.now() + datetime.timedelta(days=20)
    event = factories.EventPageFactory(
        parent=site_tree.events,
        title="Solar forum in Ghent",
        organiser=ghent,
        project=project,
        time_zone="Europe/Helsinki",
        start=start,
        end=start + datetime.timedelta(hours=4),
        format=EventFormat.HYBRID,
        online_url="https://meet.example.org/solar",
        venue="City Hall",
        city="Ghent",
        country="BE",
        skills=[solar, coding],
    )
    past_event = factories.EventPageFactory(
        parent=site_tree.events,
        title="Coding bootcamp Lyon",
        organiser=lyon,
        start=timezone.now() - datetime.timedelta(days=40),
        end=timezone.now() - datetime.timedelta(days=39),
        city="Lyon",
        country="FR",
        skills=[coding],
    )
    news = factories.NewsPageFactory(
        parent=site_tree.news,
        title="Ghent trains solar installers",
        publication_date=datetime.date(2024, 5, 2),
        skills=[solar],
        topics=[economy],
    )
    news.member_links.create(member=ghent)
    news.event_links.create(event=event)
    news.save_revision().publish()
    other_news = factories.NewsPageFactory(
        parent=site_tree.news,
        title="Lyon coding school opens",
        publication_date=datetime.date(2023, 3, 1),
        skills=[coding],
    )
    practice = factories.GoodPracticePageFactory(
        parent=site_tree.practices, title="Ghent solar apprenticeships", country="BE", city="Ghent", skills=[solar]
    )
    practice.owners.create(member=ghent)
    practice.save_revision().publish()
    other_practice = factories.GoodPracticePageFactory(
        parent=site_tree.practices,
        title="Lyon coding mentors",
        country="FR",
        city="Lyon",
        skills=[coding],
        start_year=2022,
    )
    qualification = factories.JointQualificationPageFactory(
        parent=site_tree.qualifications, title="Solar technician", eqf_level=4, skills=[solar], countries=["BE", "FI"]
    )
    qualification.partner_links.create(member=lyon, role=QualificationRole.AWARDING_BODY)
    qualification.save_revision().publish()
    advanced = factories.JointQualificationPageFactory(
        parent=site_tree.qualifications, title="Digital twin engineer", eqf_level=6, skills=[coding], countries=["FR"]
    )
    campaign = factories.CampaignPageFactory(parent=site_tree.campaigns, title="Inclusive Cities", skills=[solar])
    campaign.supporter_links.create(member=ghent)
    campaign.save_revision().publish()
    standard = factories.StandardPageFactory(parent=site_tree.home, title="About the network")
    return SimpleNamespace(**{name: value for name, value in locals().items() if name != "site_tree"}, tree=site_tree)


def api_get(client, url, expected=200, **params):
    response = client.get(url, params)
    assert response.status_code == expected, response.content[:500]
    return response.json()


def titles(data):
    return sorted(item["title"] for item in data["items"])
