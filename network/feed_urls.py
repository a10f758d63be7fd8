"""Feed URLs, mounted at /feeds/ by config/urls.py (no language prefix: feed URLs must stay put).

Every feed carries the API's cache validators and answers conditional GETs with 304 (`api.caching`).
"""

from django.urls import path

from api.caching import cached_view

from . import feeds

urlpatterns = [
    path("news.rss", cached_view(feeds.NewsFeed()), name="news_rss"),
    path("news.atom", cached_view(feeds.AtomNewsFeed()), name="news_atom"),
    path("news/<kind>/<slug:slug>.rss", cached_view(feeds.NewsFeed()), name="news_tag_rss"),
    path("news/<kind>/<slug:slug>.atom", cached_view(feeds.AtomNewsFeed()), name="news_tag_atom"),
    path("events.ics", cached_view(feeds.events_calendar), name="events_ics"),
    path("events/skill/<slug:slug>.ics", cached_view(feeds.skill_events_calendar), name="skill_events_ics"),
    path("events/member/<int:member_id>.ics", cached_view(feeds.member_events_calendar), name="member_events_ics"),
]
