"""Behaviour shared by Guild's page types."""

import datetime
from collections import OrderedDict

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from api.filters import FILTERS

from .vocabulary import SkillCategory, label_lookups

# Per language, the analyser that knows its stemming and stop words: Elasticsearch's built-in language analysers
# and PostgreSQL's text search configurations share these names. Polish has neither built in (Elasticsearch needs
# the Stempel plugin). Dutch has both, but the OpenSearch emulator the test suite runs on lacks `dutch`, and an
# analyser we cannot test is not shipped: Polish and Dutch pages keep the default analysis for now.
LANGUAGE_ANALYZERS = {"en": "english", "fr": "french", "de": "german", "es": "spanish", "it": "italian"}


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


class TaggedPageMixin(SearchLanguageMixin):
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
        index.RelatedFields("skills", [index.SearchField("name"), index.FilterField("slug")]),
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
    # Filter concept -> the lookups that carry it on this page type (api.filters); pages add theirs.
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
        """ISO date (or None) that dates this page in search: its own date field, else first publication."""
        value = getattr(self, self.date_field, None) if self.date_field else None
        if value is None:
            value = self.first_published_at
        if value is None:
            return None
        if isinstance(value, int):  # a year field
            return f"{value:04d}-01-01"
        if hasattr(value, "astimezone"):
            value = value.astimezone(datetime.UTC)
        return value.isoformat()[:10]

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


class ListingIndexMixin(models.Model):
    """An index page that lists its child pages with a filter form and pagination.

    Subclasses set `listing_model` (a string "app.Model"), `filter_form_class`
    and `listing_ordering`; `listing_queryset` adds the joins the cards need so
    the query count stays flat however many items a page shows.
    """

    intro = models.TextField(_("introduction"), blank=True)

    listing_model = None
    filter_form_class = None
    listing_ordering = ("title",)
    listing_select_related = ()
    listing_prefetch_related = ("skills", "topics")
    per_page = 12

    class Meta:
        abstract = True

    def get_listing_model(self):
        return apps.get_model(self.listing_model)

    def listing_queryset(self):
        model = self.get_listing_model()
        queryset = model.objects.live().public().descendant_of(self).filter(locale=self.locale)
        if self.listing_select_related:
            queryset = queryset.select_related(*self.listing_select_related)
        if self.listing_prefetch_related:
            queryset = queryset.prefetch_related(*self.listing_prefetch_related)
        # Skill and topic labels in the visitor's language, at a fixed query count (none in English).
        queryset = queryset.prefetch_related(*label_lookups("skills", "topics"))
        return queryset.order_by(*self.listing_ordering)

    def filter_form_kwargs(self, base_queryset):
        """Offer only the countries that occur in this listing (by the shared `country` filter definition)."""
        return {"country_codes": FILTERS["country"].codes_in(base_queryset), "model": base_queryset.model}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.listing_queryset()
        form = self.filter_form_class(request.GET or None, **self.filter_form_kwargs(base))
        items = form.filter(base) if form.is_bound else base
        paginator = Paginator(items, self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            page_obj=page_obj,
            items=page_obj.object_list,
            paginator=paginator,
            filter_querystring=query.urlencode(),
        )
        return context
