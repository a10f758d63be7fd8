"""Behaviour shared by Guild's page types."""

import datetime
import hashlib
from collections import OrderedDict

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from ..filters import FILTERS
from ..freshness import content_changed_at
from ..localization import one_per_translation
from ..open_data import download_response, listing_rows
from ..site_address import public_base_url
from .vocabulary import SkillCategory, label_lookups

# Per language, the analyser that knows its stemming and stop words: Elasticsearch's built-in language analysers
# and PostgreSQL's text search configurations share these names. Polish has neither built in (Elasticsearch needs
# the Stempel plugin). Dutch has both, but the OpenSearch emulator the test suite runs on lacks `dutch`, and an
# analyser we cannot test is not shipped: Polish and Dutch pages keep the default analysis for now.
# Choice fields whose label says what a page is (TaggedPageMixin.search_labels).
LABELLED_CHOICE_FIELDS = ("kind", "member_type", "format", "stage", "status", "implementation_level")
LANGUAGE_ANALYZERS = {"en": "english", "fr": "french", "de": "german", "es": "spanish", "it": "italian"}


class PublicAddressMixin:
    """Absolute URLs of a page built from the site's public address (``GUILD_PUBLIC_URL``).

    Wagtail builds a page's full URL from its Site record's hostname and port, which the demo loader (and
    any fresh install) leaves at ``localhost:80`` and which cannot say ``https`` on another port or a path
    prefix. Guild serves one site, so the root of every page URL is the public address instead; relative
    URLs and routing are unchanged. ``full_url``, ``get_full_url()``, the sitemap, hreflang alternates,
    canonical links, feeds, JSON-LD and the API's ``html_url`` all come through here.
    """

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, _site_root_url, page_path = parts
        return site_id, public_base_url(), page_path


class PageImageMixin(models.Model):
    """The page's picture: the hero at the top of the page, its card in listings, its link preview.

    One image per page, chosen in the Promote tab next to the search description, because the three uses
    are the same editorial choice ("what picture stands for this page"). ``page_image()`` says which image
    to show when the page has none of its own (a member's logo, the home page's hero); templates render it
    through ``{% responsive_image %}`` (home/templatetags/guild_images.py) and fall back to a drawn
    placeholder when it is None.
    """

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown at the top of the page, on its card in listings and when the page is shared. "
            "Set its focal point so that the crops keep what matters."
        ),
    )

    promote_panels = Page.promote_panels + [FieldPanel("image")]

    class Meta:
        abstract = True

    def page_image(self):
        """The image that stands for this page: its own, else None (subclasses add fallbacks)."""
        return self.image


class SearchLanguageMixin(models.Model):
    """A page's text once more, in a field analysed for the page's language (Elasticsearch only).

    Wagtail's backends analyse every page alike. `search_text_fr` holds a French page's text (empty for pages
    in other languages) and is mapped with Elasticsearch's `french` analyser, so a French query finds
    "compétences vertes" for "aux compétences vertes". Only filled when Elasticsearch is the engine: the
    database backend indexes every SearchField too, and would otherwise store each page's text twice (on
    PostgreSQL, search.database_engine applies the language's configuration at query time instead).
    """

    language_search_fields = [
        index.SearchField(f"search_text_{code}", es_extra={"analyzer": analyzer})
        for code, analyzer in LANGUAGE_ANALYZERS.items()
    ]

    class Meta:
        abstract = True

    def language_text(self, code):
        backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND", "")
        if "elastic" not in backend and "opensearch" not in backend:
            return ""
        if self.locale.language_code != code:
            return ""
        parts = []
        for field in self.get_search_fields():
            if type(field) is not index.SearchField or field.field_name.startswith("search_text_"):
                continue
            value = field.get_value(self)
            values = value if isinstance(value, list | tuple) else [value]
            parts.extend(strip_tags(str(item)) for item in values if item)
        return " ".join(parts)

    def search_text_en(self):
        return self.language_text("en")

    def search_text_fr(self):
        return self.language_text("fr")

    def search_text_de(self):
        return self.language_text("de")

    def search_text_es(self):
        return self.language_text("es")

    def search_text_it(self):
        return self.language_text("it")


class TaggedPageMixin(PublicAddressMixin, PageImageMixin, SearchLanguageMixin):
    """A detail page with a summary, skills and topics.

    Concrete pages declare `skills` and `topics` as ClusterTaggableManagers
    through their own ParentalKey models (one through model per page type,
    the way django-taggit and modelcluster expect).
    """

    summary = models.TextField(
        _("summary"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences shown in listings, search results and link previews."),
    )

    summary_search_fields = [
        index.SearchField("summary", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("search_labels", boost=2),
        # Every label and synonym of the skills, in every language: ESCO's alternative labels find the page.
        index.RelatedFields(
            "skills", [index.SearchField("name"), index.SearchField("search_terms"), index.FilterField("slug")]
        ),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        # Facet values, one flat keyword list each: defined here once so that Elasticsearch names them alike
        # on every page type (home_taggedpagemixin__search_countries_filter, ...) and the search service can
        # aggregate across types in one request. The database engine stores the same values (search app).
        index.FilterField("search_countries"),
        index.FilterField("search_member_types"),
        index.FilterField("search_skills"),
        index.FilterField("search_topics"),
        index.FilterField("search_eqf_levels"),
        index.FilterField("search_years"),
        index.FilterField("search_date"),
        *SearchLanguageMixin.language_search_fields,
    ]

    # The field that dates this page (API `order=date`, search results, feeds); None: its first publication.
    date_field = None
    # Filter concept -> the lookups that carry it on this page type (home.filters); pages add theirs.
    filter_lookups = {"skill": ("skills__slug",), "topic": ("topics__slug",), "skill_category": ("skills__category",)}

    class Meta:
        abstract = True

    def facet_values(self, name):
        """This page's values of one filter concept, read from the same declaration the filters use."""
        page_filter = FILTERS.get(name)
        return page_filter.page_values(self) if page_filter else []

    def search_countries(self):
        """ISO codes of the countries this page is about (see the `country` filter)."""
        return self.facet_values("country")

    def search_member_types(self):
        return self.facet_values("member_type")

    def search_skills(self):
        return self.facet_values("skill")

    def search_topics(self):
        return self.facet_values("topic")

    def search_eqf_levels(self):
        return self.facet_values("eqf_level")

    def search_date(self):
        """ISO date (or None) that dates this page in search: its own date field, in the page's own time zone.

        A page without a date of its own shows none (falling back to the first publication showed the day the
        demo was loaded). A time-zone-aware value is read in the page's zone (`tzinfo`, events): an event at
        00:30 in Brussels is on that day, not the day before in UTC.
        """
        value = getattr(self, self.date_field, None) if self.date_field else None
        if value is None:
            return None
        if isinstance(value, int):  # a year field
            return f"{value:04d}-01-01"
        if hasattr(value, "astimezone"):
            value = value.astimezone(getattr(self, "tzinfo", None) or datetime.UTC)
        return value.isoformat()[:10]

    def search_labels(self):
        """Words for what this page is ("joint VET qualification", "peer review", "city"), so labels are found.

        The type's name and the labels of its choice fields, in the page's language and in English (a visitor
        types either).
        """
        languages = {self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE, settings.LANGUAGE_CODE}
        words = []
        for language in sorted(languages):
            with translation.override(language):
                words += [str(self._meta.verbose_name), str(self._meta.verbose_name_plural)]
                for name in LABELLED_CHOICE_FIELDS:
                    if getattr(self, name, "") and hasattr(self, f"get_{name}_display"):
                        words.append(str(getattr(self, f"get_{name}_display")()))
        return " ".join(dict.fromkeys(words))

    def search_years(self):
        return self.facet_values("year")

    def skills_with_labels(self):
        """The page's skills with their labels loaded (reuses a listing's prefetch when there is one)."""
        skills = list(self.skills.all())
        prefetch_related_objects(skills, *label_lookups(None))
        return skills

    def topics_with_labels(self):
        topics = list(self.topics.all())
        prefetch_related_objects(topics, *label_lookups(None))
        return topics

    def skills_by_category(self):
        """Skills grouped under their category label, in vocabulary order."""
        grouped = OrderedDict((label, []) for _value, label in SkillCategory.choices)
        for skill in self.skills_with_labels():
            grouped[skill.get_category_display()].append(skill)
        return OrderedDict((label, items) for label, items in grouped.items() if items)

    @property
    def funding_project(self):
        """The EU-funded project this page belongs to, if any (for the footer disclaimer)."""
        project = getattr(self, "project", None)
        if project is None or not project.live:
            return None
        return project.funding_project  # None unless the project is marked EU funded

    def get_meta_description(self):
        return self.search_description or self.summary


class ListingIndexMixin(PublicAddressMixin, PageImageMixin, models.Model):
    """An index page that lists its child pages with a filter form and pagination.

    Subclasses set `listing_model` (a string "app.Model"), `filter_form_class`
    and `listing_ordering`; `listing_queryset` adds the joins the cards need so
    the query count stays flat however many items a page shows.
    """

    intro = models.TextField(_("introduction"), blank=True)

    # How long a listing's ordered ids and country choices are kept (the content version in the key retires
    # them at once on publish, unpublish and delete; this bounds what no signal announces, e.g. an event
    # becoming past). Listings longer than `listing_cache_max_ids` are paginated in SQL each time.
    listing_cache_seconds = 300
    listing_cache_max_ids = 50_000
    listing_model = None
    filter_form_class = None
    listing_ordering = ("title",)
    listing_select_related = ()
    listing_prefetch_related = ("skills", "topics")
    # The picture each card shows, joined with its renditions so cards with images add no queries per item.
    listing_image_field = "image"
    per_page = 12

    class Meta:
        abstract = True

    def get_listing_model(self):
        return apps.get_model(self.listing_model)

    def listing_queryset(self):
        """Live child pages in the visitor's language, one per translation group (see `home.localization`).

        The children of every version of this index count: a French index lists the English pages nobody has
        translated yet alongside the French ones.
        """
        model = self.get_listing_model()
        index_paths = Page.objects.filter(translation_key=self.translation_key).values_list("path", flat=True)
        in_any_version = Q()
        for path in index_paths:
            in_any_version |= Q(path__startswith=path, depth__gt=self.depth)
        queryset = one_per_translation(model.objects.live().public().filter(in_any_version))
        if self.listing_select_related:
            queryset = queryset.select_related(*self.listing_select_related)
        if self.listing_prefetch_related:
            queryset = queryset.prefetch_related(*self.listing_prefetch_related)
        if self.listing_image_field:
            queryset = queryset.select_related(self.listing_image_field).prefetch_related(
                f"{self.listing_image_field}__renditions"
            )
        # Skill and topic labels in the visitor's language, at a fixed query count (none in English).
        queryset = queryset.prefetch_related(*label_lookups("skills", "topics"))
        # The primary key last: pages that tie on the ordering keep one order, so no page shows one twice.
        return queryset.order_by(*self.listing_ordering, "pk")

    def listing_cache_key(self, request, part):
        """A key for something derived from this listing that holds until content changes.

        It names the index, the language, the content version (`home.freshness`, moved by every publish,
        unpublish and delete), and the filters of `request` (the page number excluded; none without one).
        """
        filters = sorted(
            (name, value)
            for name, values in (request.GET.lists() if request else ())
            if name != "page"
            for value in values
        )
        raw = f"{self.pk}|{translation.get_language()}|{content_changed_at().timestamp()}|{filters}|{part}"
        return "guild:listing:" + hashlib.sha256(raw.encode()).hexdigest()

    def filter_form_kwargs(self, base_queryset):
        """Offer only the countries that occur in this listing (by the shared `country` filter definition).

        Computed once per content version and language (a DISTINCT over the whole listing), not per request.
        """
        key = self.listing_cache_key(None, "country-codes")
        codes = cache.get(key)
        if codes is None:
            codes = FILTERS["country"].codes_in(base_queryset)
            cache.set(key, codes, self.listing_cache_seconds)
        return {"country_codes": codes, "model": base_queryset.model}

    def ordered_ids(self, request, items):
        """The primary keys of the listing's pages in display order, from the cache where they are.

        One narrow query (ids only: SQLite and PostgreSQL sort keys, not whole rows with their StreamField
        bodies) gives both the count and every page of the listing; the cards of one page are then fetched
        by primary key. So a deep page costs what the first one does, and neither pays a COUNT(*).
        """
        key = self.listing_cache_key(request, "ordered-ids")
        ids = cache.get(key)
        if ids is None:
            ids = list(items.prefetch_related(None).values_list("pk", flat=True))
            if len(ids) <= self.listing_cache_max_ids:
                cache.set(key, ids, self.listing_cache_seconds)
        return ids

    def filtered_listing(self, request):
        """(filter form, the filtered items): what the page lists, in its order, on every page of it."""
        base = self.listing_queryset()
        form = self.filter_form_class(request.GET or None, **self.filter_form_kwargs(base))
        return form, (form.filter(base) if form.is_bound else base)

    def serve_download(self, request, fmt):
        """Open data (home/open_data.py): what the page lists, with the same filters (the query string), every page
        of it, as `fmt`. Served at `<index url>download.csv` / `download.json` (home.views.listing_download)."""
        # Invalid filter values are ignored, as on the page: the download lists exactly what the page lists.
        _form, items = self.filtered_listing(request)
        columns, rows = listing_rows(items, request)
        metadata = {"title": self.title, "url": self.get_full_url(request), "filters": request.GET.urlencode()}
        return download_response(fmt, self.slug, columns, rows, metadata)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, items = self.filtered_listing(request)
        paginator = Paginator(self.ordered_ids(request, items), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        page_ids = list(page_obj.object_list)
        cards = {page.pk: page for page in items.filter(pk__in=page_ids)} if page_ids else {}
        page_obj.object_list = [cards[pk] for pk in page_ids if pk in cards]
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            page_obj=page_obj,
            items=page_obj.object_list,
            paginator=paginator,
            page_numbers=paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
            filter_querystring=query.urlencode(),
        )
        return context
