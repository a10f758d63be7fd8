"""An index page costs the same number of queries whether it shows 5 items or a full page of them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from . import factories


def build_members(site_tree, count, skill, topic):
    return [
        factories.MemberPageFactory(parent=site_tree.members, skills=[skill], topics=[topic]) for _ in range(count)
    ]


def add_practices(site_tree, count, skill, topic):
    member = factories.MemberPageFactory(parent=site_tree.members)
    for _ in range(count):
        practice = factories.GoodPracticePageFactory(parent=site_tree.practices, skills=[skill], topics=[topic])
        practice.owners.create(member=member)
        practice.save_revision().publish()


BUILDERS = {
    "members": lambda tree, n, s, t: build_members(tree, n, s, t),
    "practices": add_practices,
    "events": lambda tree, n, s, t: [
        factories.EventPageFactory(parent=tree.events, skills=[s], topics=[t]) for _ in range(n)
    ],
    "news": lambda tree, n, s, t: [
        factories.NewsPageFactory(parent=tree.news, skills=[s], topics=[t]) for _ in range(n)
    ],
    "projects": lambda tree, n, s, t: [
        factories.ProjectPageFactory(parent=tree.projects, skills=[s], topics=[t]) for _ in range(n)
    ],
    "campaigns": lambda tree, n, s, t: [
        factories.CampaignPageFactory(parent=tree.campaigns, skills=[s], topics=[t]) for _ in range(n)
    ],
    "qualifications": lambda tree, n, s, t: [
        factories.JointQualificationPageFactory(parent=tree.qualifications, skills=[s], topics=[t]) for _ in range(n)
    ],
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), len(response.context["items"])


@pytest.mark.parametrize("index_name", sorted(BUILDERS))
def test_index_query_count_does_not_grow_with_items(site_tree, client, index_name):
    skill = factories.SkillTagFactory()
    topic = factories.TopicTagFactory()
    index = getattr(site_tree, index_name)
    build = BUILDERS[index_name]

    build(site_tree, 5, skill, topic)
    client.get(index.url)  # warm per-process caches (site root paths, content types)
    few_queries, few_items = count_queries(client, index.url)

    build(site_tree, 45, skill, topic)
    many_queries, many_items = count_queries(client, index.url)

    assert few_items == 5
    assert many_items == 12  # a full page of the 50
    assert many_queries == few_queries
    # 21-22 measured (the page's picture and its renditions are joined and prefetched once for all cards).
    assert few_queries <= 22
