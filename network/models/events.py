"""Workshops, webinars, forums, meetings and peer reviews."""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from django_countries.fields import CountryField

from home.api_fields import (
    ChoiceField,
    CountryObjectField,
    ImageField,
    LocalDateTimeField,
    PageSummaryField,
    SkillListField,
    TopicListField,
    ValueField,
)
from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.localization import one_per_translation
from home.models import ListingIndexMixin, SkillTaggedItem, TaggedPageMixin, TopicTaggedItem

from ..choices import EventFormat, EventKind
from ..forms import EventFilterForm
from .collaboration import AlreadyRegistered, EventFull
from .news import NewsPage

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones()) if name.startswith("Europe/")]
TIME_ZONE_CHOICES.append(("UTC", "UTC"))


class EventIndexPage(ListingIndexMixin, Page):
    """Lists events, upcoming first (soonest first), then past ones (latest first), with upcoming/past, kind,
    format, country, skill and year filters."""

    listing_model = "network.EventPage"
    filter_form_class = EventFilterForm
    listing_select_related = ("organiser",)

    @property
    def listing_ordering(self):
        """Upcoming events (not ended yet) first by start, then past events newest first."""
        now = timezone.now()
        is_past = Case(When(end__lt=now, then=Value(1)), default=Value(0), output_field=models.IntegerField())
        upcoming_start = Case(When(end__gte=now, then=F("start")), default=None, output_field=models.DateTimeField())
        return (is_past, upcoming_start.asc(nulls_last=True), "-start", "pk")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("image", serializer=ImageField())]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.EventPage"]

    class Meta:
        verbose_name = _("event index page")


class EventPageSkill(SkillTaggedItem):
    content_object = ParentalKey("network.EventPage", on_delete=models.CASCADE, related_name="skill_items")


class EventPageTopic(TopicTaggedItem):
    content_object = ParentalKey("network.EventPage", on_delete=models.CASCADE, related_name="topic_items")


class EventPage(TaggedPageMixin, Page):
    """An event. Start and end are stored in UTC and shown in the event's own time zone."""

    # Saving it in the admin suggests ESCO skills found in its text (search.skill_suggestions).
    suggests_skills = True

    kind = models.CharField(max_length=20, choices=EventKind.choices, default=EventKind.WORKSHOP, db_index=True)
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField(db_index=True)
    time_zone = models.CharField(max_length=50, choices=TIME_ZONE_CHOICES, default="Europe/Brussels")
    format = models.CharField(max_length=20, choices=EventFormat.choices, default=EventFormat.IN_PERSON)
    venue = models.CharField(max_length=250, blank=True)
    city = models.CharField(max_length=120, blank=True)
    country = CountryField(blank=True, db_index=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    organiser = models.ForeignKey(
        "network.MemberPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="organised_events"
    )
    project = models.ForeignKey(
        "network.ProjectPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    registration_url = models.URLField(blank=True, help_text=_("An external registration page, if any"))
    registration_open = models.BooleanField(
        _("registration on this site"),
        default=False,
        help_text=_("Take registrations with the form on the event page (name, organisation, email)"),
    )
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Seats for registrations on this site; empty means no limit")
    )
    body = StreamField(BodyBlock(), blank=True)
    participants_count = models.PositiveIntegerField(
        _("participants"), null=True, blank=True, help_text=_("For the report after the event")
    )
    cities_count = models.PositiveIntegerField(_("cities represented"), null=True, blank=True)
    participating_cities = models.TextField(
        blank=True, help_text=_("Cities that took part, separated by commas (for the report after the event)")
    )
    report = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    skills = ClusterTaggableManager(through=EventPageSkill, blank=True, verbose_name=_("skills"))
    topics = ClusterTaggableManager(through=EventPageTopic, blank=True, verbose_name=_("topics"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldPanel("format"),
            ],
            heading=_("When and how"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("project"),
                FieldPanel("registration_url"),
                FieldRowPanel([FieldPanel("registration_open"), FieldPanel("capacity")]),
            ],
            heading=_("Organiser and registration"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("participants_count"), FieldPanel("cities_count")]),
                FieldPanel("participating_cities"),
                FieldPanel("report"),
            ],
            heading=_("After the event"),
        ),
        MultiFieldPanel([FieldPanel("skills"), FieldPanel("topics")], heading=_("Skills and topics")),
    ]
    search_fields = (
        Page.search_fields
        + TaggedPageMixin.summary_search_fields
        + [
            index.SearchField("city", boost=2),
            index.SearchField("venue"),
            index.SearchField("participating_cities"),
            index.SearchField("body"),
            index.SearchField("report"),
            index.FilterField("kind"),
            index.FilterField("format"),
            index.FilterField("country"),
            index.FilterField("start"),
            index.FilterField("end"),
        ]
    )
    api_fields = [
        APIField("image", serializer=ImageField()),
        APIField("summary"),
        APIField("kind", serializer=ChoiceField()),
        APIField("start", serializer=LocalDateTimeField(source="local_start")),
        APIField("end", serializer=LocalDateTimeField(source="local_end")),
        APIField("time_zone"),
        APIField("is_upcoming", serializer=ValueField({"type": "boolean"})),
        APIField("format", serializer=ChoiceField()),
        APIField("venue"),
        APIField("city"),
        APIField("country", serializer=CountryObjectField()),
        APIField("online_url"),
        APIField("organiser", serializer=PageSummaryField()),
        APIField("project", serializer=PageSummaryField()),
        APIField("registration_url"),
        APIField("body"),
        APIField("participants_count"),
        APIField("cities_count"),
        APIField(
            "participating_cities",
            serializer=ValueField({"type": "array", "items": {"type": "string"}}, source="participating_city_list"),
        ),
        APIField("report"),
        APIField("skills", serializer=SkillListField()),
        APIField("topics", serializer=TopicListField()),
    ]
    parent_page_types = ["network.EventIndexPage"]
    # What this page type is to the API, search, listings and feeds (home/page_types.py).
    api_listing_fields = ["summary", "kind", "start", "end", "format", "city", "country", "skills", "topics"]
    select_related_fields = ("organiser", "project")
    prefetch_related_fields = ("skills", "topics")
    open_data_fields = (
        "kind",
        "start",
        "end",
        "time_zone",
        "format",
        "venue",
        "city",
        "country",
        "organiser",
        "registration_url",
        "participants_count",
        "cities_count",
    )
    date_field = "start"
    filter_lookups = {
        **TaggedPageMixin.filter_lookups,
        "country": ("country",),
        "member_type": ("organiser__member_type",),
        "member": ("organiser",),
        "year": ("start", "end"),
        "starts_after": ("start",),
        "starts_before": ("start",),
        "upcoming": ("end",),
    }
    search_type = "event"
    search_type_label = _("Events")
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end cannot be before the start.")})

    @property
    def tzinfo(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.tzinfo)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.tzinfo)

    @property
    def is_upcoming(self):
        return self.end >= timezone.now()

    @property
    def is_single_day(self):
        return self.local_start.date() == self.local_end.date()

    @property
    def is_all_day(self):
        """Whole days in the event's own time zone: from 00:00 to 23:59 (or to 00:00 of a later day).

        Editors enter all-day events (a forum over three days, a webinar whose hours the source does not give)
        that way; pages then show dates only, and calendars get DATE values rather than midnight times.
        """
        start, end = self.local_start, self.local_end
        if (start.hour, start.minute) != (0, 0):
            return False
        return (end.hour, end.minute) == (23, 59) or ((end.hour, end.minute) == (0, 0) and end.date() > start.date())

    @property
    def last_day(self):
        """The last calendar day the event covers (an end at 00:00 belongs to the day before)."""
        end = self.local_end
        if (end.hour, end.minute, end.second) == (0, 0, 0) and end.date() > self.local_start.date():
            return end.date() - datetime.timedelta(days=1)
        return end.date()

    # Open data (home/open_data.py): linked members read from the listing's prefetch, live ones only.
    def open_data_organiser(self):
        return self.organiser if self.organiser_id and self.organiser.live else None

    def related_news(self):
        """Live news items that name this event, any language version of it (the other side of NewsPage's
        related events), in the visitor's language, one per translation group."""
        naming = NewsPage.objects.filter(event_links__event__translation_key=self.translation_key).values("pk")
        return one_per_translation(NewsPage.objects.live().public().filter(pk__in=naming)).order_by(
            "-publication_date", "-pk"
        )

    @property
    def takes_registrations(self):
        """Registration on the platform is open and the event has not ended."""
        return self.registration_open and self.is_upcoming

    def seats_left(self):
        """Seats still free, or None when the event has no capacity limit (one COUNT query)."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.registrations.count(), 0)

    def register(self, *, name, email, organisation="", consent=True, ip_hash=""):
        """Take a seat, or raise EventFull / AlreadyRegistered.

        The event row is locked (SELECT ... FOR UPDATE on PostgreSQL) before the seats are counted, inside
        the same transaction as the insert, so two people cannot take the last seat at once.
        """
        registration_model = self.registrations.model
        with transaction.atomic():
            locked = type(self).objects.select_for_update().only("pk", "capacity").get(pk=self.pk)
            taken = registration_model.objects.filter(event_id=self.pk)
            if taken.filter(email__iexact=email).exists():
                raise AlreadyRegistered
            if locked.capacity is not None and taken.count() >= locked.capacity:
                raise EventFull
            return registration_model.objects.create(
                event_id=self.pk,
                name=name,
                email=email,
                organisation=organisation,
                consent=consent,
                consented_at=timezone.now() if consent else None,
                ip_hash=ip_hash,
            )

    def get_structured_data(self, request=None):
        """schema.org Event (JSON-LD in the page head): local start/end with offsets, place and/or online."""
        modes = {
            EventFormat.ONLINE: "OnlineEventAttendanceMode",
            EventFormat.IN_PERSON: "OfflineEventAttendanceMode",
            EventFormat.HYBRID: "MixedEventAttendanceMode",
        }
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "startDate": self.local_start.date().isoformat() if self.is_all_day else self.local_start.isoformat(),
            "endDate": self.last_day.isoformat() if self.is_all_day else self.local_end.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{modes.get(self.format, 'OfflineEventAttendanceMode')}",
            "url": self.get_full_url(request),
        }
        locations = []
        if self.format != EventFormat.ONLINE:
            address = {"@type": "PostalAddress", "addressLocality": self.city}
            if self.country:
                address["addressCountry"] = self.country.code
            locations.append({"@type": "Place", "name": self.venue or self.city, "address": address})
        if self.format != EventFormat.IN_PERSON:
            locations.append({"@type": "VirtualLocation", "url": self.online_url or self.get_full_url(request)})
        data["location"] = locations[0] if len(locations) == 1 else locations
        if self.organiser_id and self.organiser.live:
            data["organizer"] = {
                "@type": "Organization",
                "name": self.organiser.display_name,
                "url": self.organiser.get_full_url(request),
            }
        return data

    def participating_city_list(self):
        return [city.strip() for city in self.participating_cities.split(",") if city.strip()]
