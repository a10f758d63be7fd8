"""Feed URLs, mounted at /feeds/ by config/urls.py (no language prefix: feed URLs must stay put)."""

from django.urls import path

from . import feeds

urlpatterns = [
    path("news.rss", feeds.NewsFeed(), name="news_rss"),
    path("news.atom", feeds.AtomNewsFeed(), name="news_atom"),
    path("news/<kind>/<slug:slug>.rss", feeds.NewsFeed(), name="news_tag_rss"),
    path("news/<kind>/<slug:slug>.atom", feeds.AtomNewsFeed(), name="news_tag_atom"),
    path("events.ics", feeds.events_calendar, name="events_ics"),
    path("events/skill/<slug:slug>.ics", feeds.skill_events_calendar, name="skill_events_ics"),
    path("events/member/<int:member_id>.ics", feeds.member_events_calendar, name="member_events_ics"),
]
