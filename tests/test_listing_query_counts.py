"""An index page costs the same number of queries whether it shows 5 items or a full page of them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.freshness import mark_content_changed

from . import factories

# The home page: its figures and lists are kept per content version (home.models.pages.HomePage).
HOME_QUERIES = 12
HOME_QUERIES_AFTER_A_CHANGE = 29


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
    mark_content_changed()  # counted as right after a change, as the second count is
    few_queries, few_items = count_queries(client, index.url)

    build(site_tree, 45, skill, topic)
    many_queries, many_items = count_queries(client, index.url)

    assert few_items == 5
    assert many_items == 12  # a full page of the 50
    assert many_queries == few_queries
    # 21-22 measured right after a change (the page's picture and its renditions are joined and prefetched once
    # for all cards; the listing's ids and its country choices are queried).
    assert few_queries <= 22
    # Until the next change the ids and country choices come from the cache: only the cards are queried.
    repeat_queries, repeat_items = count_queries(client, index.url)
    assert repeat_items == 12
    assert repeat_queries <= many_queries - 2
    assert repeat_queries <= 20


def build_home(site_tree, count):
    """`count` featured practices (with skills), upcoming events and news items on the home page."""
    skill = factories.SkillTagFactory()
    for _ in range(count):
        practice = factories.GoodPracticePageFactory(parent=site_tree.practices, skills=[skill])
        site_tree.home.featured_practices.create(practice=practice)
        factories.EventPageFactory(parent=site_tree.events, skills=[skill])
        factories.NewsPageFactory(parent=site_tree.news, skills=[skill])
        factories.MemberPageFactory(parent=site_tree.members)
    site_tree.home.save()  # the featured practices are the page's child objects: saved with it


def test_home_page_queries_are_few_and_flat(site_tree, client, django_assert_max_num_queries):
    build_home(site_tree, 1)
    client.get("/")  # per-process caches (site root paths, content types)
    # A page of content just changed: figures counted, lists fetched (41 on the demo before the change).
    build_home(site_tree, 2)
    with django_assert_max_num_queries(HOME_QUERIES_AFTER_A_CHANGE) as cold:
        response = client.get("/")
    assert response.status_code == 200
    assert len(response.context["featured"]) == 3
    assert [event.title for event in response.context["upcoming_events"]]
    # Until the next change: figures and the lists' fragment come from the cache.
    with django_assert_max_num_queries(HOME_QUERIES) as warm:
        again = client.get("/")
    assert again.content == response.content
    assert len(warm.captured_queries) < len(cold.captured_queries)

    build_home(site_tree, 3)  # twice the featured practices, events and news: not one query more
    with django_assert_max_num_queries(len(cold.captured_queries)):
        assert len(client.get("/").context["featured"]) == 6
