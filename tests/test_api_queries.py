"""An API listing of 50 items costs no more queries than one of 5, for every page type with fields=*."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from network.choices import PartnerRole

from . import factories

TYPES = [
    (factories.MemberPageFactory, "members"),
    (factories.ProjectPageFactory, "projects"),
    (factories.CampaignPageFactory, "campaigns"),
    (factories.EventPageFactory, "events"),
    (factories.NewsPageFactory, "news"),
    (factories.GoodPracticePageFactory, "practices"),
    (factories.JointQualificationPageFactory, "qualifications"),
    (factories.StandardPageFactory, "home"),
    (factories.MemberIndexPageFactory, "home"),
]


def count_queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200
    return len(queries), response.json()


@pytest.mark.parametrize(("factory", "parent"), TYPES, ids=[factory._meta.model.__name__ for factory, _ in TYPES])
def test_listing_queries_do_not_grow_with_items(client, site_tree, factory, parent):
    skill = factories.SkillTagFactory(slug="solar", category="green")
    topic = factories.TopicTagFactory(slug="economy")
    member = factories.MemberPageFactory(parent=site_tree.members, title="Linked member", skills=[skill])
    model = factory._meta.model
    parent_page = getattr(site_tree, parent)
    for number in range(50):
        kwargs = {"parent": parent_page, "title": f"{model.__name__} {number}", "slug": f"item-{number}"}
        if hasattr(model, "skill_items"):
            kwargs.update(skills=[skill], topics=[topic])
        page = factory(**kwargs)
        if model.__name__ == "ProjectPage":
            page.partner_links.create(member=member, role=PartnerRole.PARTNER)
        elif model.__name__ == "GoodPracticePage":
            page.owners.create(member=member)
        elif model.__name__ == "JointQualificationPage":
            page.partner_links.create(member=member)
        elif model.__name__ == "CampaignPage":
            page.supporter_links.create(member=member)
        elif model.__name__ == "NewsPage":
            page.member_links.create(member=member)
        elif model.__name__ == "EventPage":
            page.organiser = member
            page.save()
    label = model._meta.label
    five, small = count_queries(client, {"type": label, "fields": "*", "limit": "5"})
    fifty, large = count_queries(client, {"type": label, "fields": "*", "limit": "50"})
    assert len(small["items"]) == 5
    assert len(large["items"]) == 50
    assert fifty <= five, (label, five, fifty)
