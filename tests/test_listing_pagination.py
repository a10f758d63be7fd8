"""Listing pages and the API listing show the right items in the right order on every page, whatever the page
number, and show a publish or unpublish at once although their ids and counts are kept between requests."""

import datetime

from django.core.cache import cache
from django.db import transaction

from wagtail.models import Locale, Page, Site

import pytest

from bench.extra_pages import add_extra_pages
from network.choices import NewsKind

from . import factories

NEWS_COUNT = 30  # three pages of 12: 12, 12, 6
FIRST_DAY = datetime.date(2020, 1, 1)


@pytest.fixture(scope="module")
def news_tree(django_db_setup, django_db_blocker):
    """A home page with a news index of 30 items dated a day apart, every third one a video; built once."""
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            Locale.objects.get_or_create(language_code="en")
            root = Page.get_first_root_node()
            Page.objects.filter(depth=2).delete()
            root.refresh_from_db()
            home = factories.HomePageFactory(parent=root)
            Site.objects.update_or_create(
                is_default_site=True,
                defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Guild"},
            )
            index = factories.NewsIndexPageFactory(parent=home)
            for number in range(NEWS_COUNT):
                factories.NewsPageFactory(
                    parent=index,
                    title=f"News {number:02d}",
                    publication_date=FIRST_DAY + datetime.timedelta(days=number),
                    kind=NewsKind.VIDEO if number % 3 == 0 else NewsKind.NEWS,
                )
            yield index
            transaction.set_rollback(True)
        cache.clear()


@pytest.fixture
def news_index(news_tree, db):
    return news_tree


# Newest first: News 29, News 28, ... News 00.
EXPECTED = [f"News {number:02d}" for number in reversed(range(NEWS_COUNT))]


def listed_titles(response):
    assert response.status_code == 200
    titles = [item.title for item in response.context["items"]]
    html = response.content.decode()
    positions = [html.index(f">{title}<") for title in titles]
    assert positions == sorted(positions)  # the cards appear in the page in this order too
    return titles


def test_first_middle_and_last_pages_show_their_items_in_order(client, news_index):
    assert listed_titles(client.get(news_index.url)) == EXPECTED[:12]
    assert listed_titles(client.get(news_index.url, {"page": 2})) == EXPECTED[12:24]
    last = client.get(news_index.url, {"page": 3})
    assert listed_titles(last) == EXPECTED[24:]
    assert last.context["paginator"].count == NEWS_COUNT
    assert last.context["page_obj"].number == 3
    assert 'rel="prev"' in last.content.decode() and 'rel="next"' not in last.content.decode()


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("abc", EXPECTED[:12]),  # not a number: the first page
        ("", EXPECTED[:12]),
        ("1.5", EXPECTED[:12]),
        ("0", EXPECTED[24:]),  # out of range: the last page (Django's Paginator.get_page)
        ("-1", EXPECTED[24:]),
        (str(10**9), EXPECTED[24:]),
        ("9" * 400, EXPECTED[24:]),
    ],
)
def test_bad_page_numbers_answer_a_page_of_the_listing(client, news_index, page, expected):
    assert listed_titles(client.get(news_index.url, {"page": page})) == expected


def test_a_filtered_listing_pages_through_its_own_items(client, news_index):
    videos = [title for title in EXPECTED if int(title.split()[1]) % 3 == 0]
    response = client.get(news_index.url, {"kind": NewsKind.VIDEO})
    assert listed_titles(response) == videos  # 10 videos: one page
    assert response.context["paginator"].count == len(videos)
    # The unfiltered listing, asked for after the filtered one, is not served the filtered ids.
    assert listed_titles(client.get(news_index.url)) == EXPECTED[:12]
    assert 'href="?kind=video&amp;page=2"' not in response.content.decode()


def test_a_publish_and_an_unpublish_show_at_once(client, news_index):
    assert listed_titles(client.get(news_index.url)) == EXPECTED[:12]  # ids and count now kept
    newest = factories.NewsPageFactory(
        parent=news_index, title="Newest", publication_date=FIRST_DAY + datetime.timedelta(days=999), live=False
    )
    newest.save_revision().publish()
    response = client.get(news_index.url)
    assert listed_titles(response) == ["Newest", *EXPECTED[:11]]
    assert response.context["paginator"].count == NEWS_COUNT + 1

    newest.refresh_from_db()  # publish() went through a revision: this copy still says draft
    newest.unpublish()
    response = client.get(news_index.url, {"page": 3})
    assert listed_titles(response) == EXPECTED[24:]
    assert response.context["paginator"].count == NEWS_COUNT


def test_a_moved_page_leaves_the_listing_at_once(client, news_index):
    assert client.get(news_index.url).context["paginator"].count == NEWS_COUNT
    other_index = factories.StandardPageFactory(parent=news_index.get_parent())
    moved = Page.objects.get(title="News 29")
    moved.move(other_index, pos="last-child")
    assert listed_titles(client.get(news_index.url)) == EXPECTED[1:13]


def api_titles(client, **params):
    response = client.get("/api/v2/pages/", {"type": "network.NewsPage", "order": "-date", **params})
    assert response.status_code == 200, response.content
    body = response.json()
    return body["meta"]["total_count"], [item["title"] for item in body["items"]]


def test_api_first_and_deep_pages_in_order(client, news_index):
    assert api_titles(client, limit=10) == (NEWS_COUNT, EXPECTED[:10])
    assert api_titles(client, limit=10, offset=20) == (NEWS_COUNT, EXPECTED[20:])
    assert api_titles(client, limit=10, offset=25) == (NEWS_COUNT, EXPECTED[25:])
    assert api_titles(client, limit=10, offset=10**5) == (NEWS_COUNT, [])
    assert api_titles(client, limit=0) == (NEWS_COUNT, [])
    assert api_titles(client, limit=5, kind=NewsKind.VIDEO) == (
        10,
        ["News 27", "News 24", "News 21", "News 18", "News 15"],
    )


@pytest.mark.parametrize("offset", ["-1", "abc", str(10**9)])
def test_api_bad_offsets_are_a_400_naming_offset(client, news_index, offset):
    response = client.get("/api/v2/pages/", {"type": "network.NewsPage", "offset": offset})
    assert response.status_code == 400
    assert response.json()["parameter"] == "offset"


def test_api_count_follows_a_publish_at_once(client, news_index):
    assert api_titles(client, limit=1) == (NEWS_COUNT, EXPECTED[:1])
    newest = factories.NewsPageFactory(
        parent=news_index, title="Newest", publication_date=FIRST_DAY + datetime.timedelta(days=999), live=False
    )
    newest.save_revision().publish()
    assert api_titles(client, limit=1) == (NEWS_COUNT + 1, ["Newest"])
    newest.refresh_from_db()  # publish() went through a revision: this copy still says draft
    newest.unpublish()
    assert api_titles(client, limit=1) == (NEWS_COUNT, EXPECTED[:1])


def test_the_bench_builder_adds_live_pages_every_listing_shows(client, news_index):
    """bench/extra_pages.py's bulk inserts make real pages: listed, in order, reachable, counted by the API."""
    add_extra_pages(2, batch_size=1, models=("network.NewsPage",))
    titles = listed_titles(client.get(news_index.url, {"page": 3}))
    assert len(titles) == 8  # 30 + 2 = 32 items: the third page has 8
    assert api_titles(client, limit=1)[0] == NEWS_COUNT + 2
    extra = Page.objects.get(slug="extra-newspage-0")
    assert client.get(extra.url).status_code == 200
