"""Feeds of the network: RSS and Atom for news, iCalendar for events.

Mounted at the top level under /feeds/ (network/feed_urls.py, before the language patterns), because
feed readers and calendar apps keep a URL for years: it should not depend on a language prefix.

- /feeds/news.rss, /feeds/news.atom, and per skill or topic: /feeds/news/skill/<slug>.rss (or .atom),
  /feeds/news/topic/<slug>.rss (or .atom)
- /feeds/events.ics, /feeds/events/skill/<slug>.ics, /feeds/events/member/<id>.ics: upcoming events and
  those of the last 180 days, each with its own time zone (TZID plus the VTIMEZONE definitions).

Every feed holds one language, so a translated item never appears twice: the default language, or the one
named by `?language=fr` (titles and tag names then in French too). An unknown language is a 404.
"""

import datetime
import functools
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale, Site

from home.localization import one_per_translation
from home.models import SkillTag, TopicTag
from home.models.vocabulary import label_lookups
from home.site_address import absolute_url

from .calendar import build_calendar
from .models import EventPage, MemberPage, NewsPage

FEED_ITEMS = 50
CALENDAR_PAST_DAYS = 180
CALENDAR_MAX_EVENTS = 500


def feed_locale(request):
    """The Locale the feed is in: `?language=` or the default language.

    Only a configured language reaches the database: anything else (a NUL byte, a 10 kB string) is a 404
    before any query, because PostgreSQL refuses NUL in text parameters with a server error.
    """
    code = request.GET.get("language") or settings.LANGUAGE_CODE
    if code not in dict(settings.LANGUAGES):
        raise Http404("No content in this language")
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise Http404("No content in this language")
    return locale


def in_feed_language(view):
    """Runs `view(request, locale, ...)` in the feed's language: one Locale lookup per request."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        locale = feed_locale(request)
        with translation.override(locale.language_code):
            return view(request, locale, *args, **kwargs)

    return wrapper


def network_name(request):
    site = Site.find_for_request(request)
    return getattr(site, "site_name", None) or settings.WAGTAIL_SITE_NAME


@dataclass(frozen=True)
class FeedSubject:
    """What one news feed is about: a skill or topic (or everything), in one language."""

    tag: SkillTag | TopicTag | None
    locale: Locale


class NewsFeed(Feed):
    """The latest news, optionally only those tagged with one skill or topic."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        # Titles, descriptions and tag names in the feed's language; get_object reads the locale back.
        request.feed_locale = feed_locale(request)
        with translation.override(request.feed_locale.language_code):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, kind=None, slug=None):
        self.request = request
        tag = None
        if kind == "skill":
            tag = get_object_or_404(SkillTag, slug=slug)
        elif kind == "topic":
            tag = get_object_or_404(TopicTag, slug=slug)
        elif kind is not None:
            raise Http404("Feeds exist per skill or per topic")
        return FeedSubject(tag=tag, locale=request.feed_locale)

    def title(self, subject):
        name = network_name(self.request)
        if subject.tag:
            return _("%(network)s: news about %(tag)s") % {"network": name, "tag": subject.tag.label}
        return _("%(network)s: news") % {"network": name}

    def link(self, subject):
        return absolute_url(subject.tag.get_absolute_url() if subject.tag else "/")

    def feed_url(self, subject):
        # The feed's own address (Atom rel="self", RSS atom:link) at the public address, not the request's host.
        return absolute_url(self.request.get_full_path())

    def description(self, subject):
        return _("News, highlights, videos and publications of the network.")

    def items(self, subject):
        # Each item once: in the feed's language, in English where it is not translated.
        news = one_per_translation(
            NewsPage.objects.live().public(), language=subject.locale.language_code
        ).prefetch_related("skills", "topics", *label_lookups("skills", "topics"))
        if isinstance(subject.tag, SkillTag):
            news = news.filter(skill_items__tag=subject.tag)
        elif isinstance(subject.tag, TopicTag):
            news = news.filter(topic_items__tag=subject.tag)
        return news.order_by("-publication_date", "-pk").distinct()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.publication_date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [skill.label for skill in item.skills.all()] + [topic.label for topic in item.topics.all()]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


def event_calendar(request, events, title):
    """The events as an iCalendar response (network/calendar.py builds it)."""
    calendar = build_calendar(events, request, title)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
    return response


def calendar_events(locale):
    since = timezone.now() - datetime.timedelta(days=CALENDAR_PAST_DAYS)
    return (
        one_per_translation(EventPage.objects.live().public(), language=locale.language_code)
        .filter(end__gte=since)
        .select_related("organiser")
        .prefetch_related("skills", *label_lookups("skills"))
        .order_by("start")
    )


@in_feed_language
def events_calendar(request, locale):
    title = _("%(network)s: events") % {"network": network_name(request)}
    return event_calendar(request, calendar_events(locale)[:CALENDAR_MAX_EVENTS], title)


@in_feed_language
def skill_events_calendar(request, locale, slug):
    skill = get_object_or_404(SkillTag, slug=slug)
    events = calendar_events(locale).filter(skill_items__tag=skill).distinct()[:CALENDAR_MAX_EVENTS]
    title = _("%(network)s: events about %(skill)s") % {"network": network_name(request), "skill": skill.label}
    return event_calendar(request, events, title)


@in_feed_language
def member_events_calendar(request, locale, member_id):
    member = MemberPage.objects.live().public().filter(pk=member_id).first()
    if member is None:
        raise Http404("No such member")
    events = calendar_events(locale).filter(organiser__translation_key=member.translation_key)[:CALENDAR_MAX_EVENTS]
    return event_calendar(request, events, _("%(member)s: events") % {"member": member.title})
