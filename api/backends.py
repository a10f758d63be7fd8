"""Filter backends of the API listings: strict Wagtail field filters, our page filters, ordering, locale, search.

Every backend checks its parameters before they reach SQL or a search engine, so a malformed value is a 400
naming the parameter (`APIParameterError`), never a 500.
"""

import logging

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q

from taggit.managers import TaggableManager
from wagtail import fields as wagtail_fields
from wagtail.api.v2.filters import OrderingFilter, SearchFilter
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from django_countries.fields import CountryField
from rest_framework.filters import BaseFilterBackend

from home.filters import FILTERS, APIParameterError, parse_int
from home.page_types import date_field, page_types
from search.query import clean_text, text_terms

logger = logging.getLogger(__name__)

#: Elasticsearch's default index.max_result_window: results past it cannot be paged to.
SEARCH_RESULT_WINDOW = 10_000

MAX_OFFSET = 1_000_000


class StrictFieldsFilter(BaseFilterBackend):
    """Wagtail's `?field=value` filtering, for plain fields only, with values checked before they reach SQL.

    Our own filter parameters (country, eqf_level, ...) are skipped here: the page filter backend owns them.
    """

    FILTERABLE = (
        models.CharField,
        models.IntegerField,
        models.BooleanField,
        models.DateField,
        models.DecimalField,
        models.ForeignKey,
        models.AutoField,
    )

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        fields -= view.filter_parameter_names()
        for name in request.GET:
            if name not in fields:
                continue
            value = request.GET[name]
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            if isinstance(field, (TaggableManager, wagtail_fields.StreamField, wagtail_fields.RichTextField)):
                raise APIParameterError(name, f"cannot filter by {name}")
            if isinstance(field, CountryField) or not isinstance(field, self.FILTERABLE):
                raise APIParameterError(name, f"cannot filter by {name}")
            try:
                if isinstance(field, models.BooleanField):
                    lowered = value.lower()
                    if lowered not in {"true", "false", "1", "0"}:
                        raise ValueError(value)
                    python_value = lowered in {"true", "1"}
                elif isinstance(field, models.ForeignKey):
                    python_value = parse_int(name, value, minimum=1)
                elif isinstance(field, (models.IntegerField, models.AutoField)):
                    python_value = parse_int(name, value, minimum=-MAX_OFFSET * 1000, maximum=2**31 - 1)
                else:
                    python_value = field.to_python(value)
                    if field.choices and python_value not in {key for key, _label in field.flatchoices}:
                        raise ValueError(value)
                queryset = queryset.filter(**{name: python_value})
            except (ValueError, ValidationError, TypeError, OverflowError) as error:
                raise APIParameterError(name, f"{value[:40]!r} is not a valid value for {name}") from error
        return queryset


class PageFilterBackend(BaseFilterBackend):
    """Our filters (`home.filters.FILTERS`). Each narrows by page ids, per page type, so the result stays a plain
    queryset that Wagtail's search can still search (it only sees `pk IN (...)`, an indexed filter)."""

    def filter_queryset(self, request, queryset, view):
        requested = view.requested_models
        for page_filter in FILTERS.values():
            if not page_filter.is_present(request.GET):
                continue
            value = page_filter.parse(request.GET)
            candidates = [model for model in page_types() if page_filter.applies_to(model)]
            if requested:
                candidates = [model for model in candidates if issubclass(model, requested)]
                if not candidates:
                    names = ", ".join(model._meta.label for model in requested)
                    raise APIParameterError(page_filter.name, f"{page_filter.name} does not apply to type {names}")
            condition = Q()
            for model in candidates:
                condition |= Q(pk__in=model.objects.filter(page_filter.condition(model, value)).values("pk"))
            queryset = queryset.filter(condition)
        return queryset


class GuildOrderingFilter(OrderingFilter):
    """Adds `order=date` / `-date` (each type's own date) and `relevance` (the default when searching)."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order", "").strip()
        if order == "relevance":
            if "search" not in request.GET:
                raise APIParameterError("order", "order=relevance needs a search")
            return queryset
        if order in {"date", "-date"}:
            return queryset.order_by(f"{order[:-4]}{date_field(queryset.model)}", "pk")
        return super().filter_queryset(request, queryset, view)


class GuildSearchFilter(SearchFilter):
    """Wagtail's search, with the operator and query checked first; relevance unless another order is asked.

    With another order (`date`, `title`, `random` ...) the engine only selects: the matching ids narrow the
    already ordered queryset, so any order the listing offers combines with search (engines can only sort by
    indexed filter fields, and not by `pk` or at random). Past the engine's result window (offset + limit
    above `SEARCH_RESULT_WINDOW`) is a 400; an unreachable Elasticsearch falls back to the database backend.
    """

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in {"and", "or"}:
            raise APIParameterError("search_operator", "search_operator must be and or or")
        if "search" not in request.GET:
            return queryset
        if len(request.GET["search"].strip()) > 200:
            raise APIParameterError("search", "search is limited to 200 characters")
        window_end = _number(request, "offset", 0) + _number(request, "limit", 20)
        if window_end > SEARCH_RESULT_WINDOW:
            raise APIParameterError(
                "offset", f"with search, offset + limit can be at most {SEARCH_RESULT_WINDOW} (the engine's window)"
            )
        # Words only, as the search service does: the engines' own query syntax (FTS5's quotes, Lucene's
        # `field:(`) is never interpreted, so a stray quote cannot fail the query when it is evaluated.
        query = " ".join(text_terms(clean_text(request.GET["search"])))
        if request.GET.get("order", "relevance") == "relevance":
            return self.search(query, queryset, operator, order_by_relevance=True)
        matches = self.search(query, queryset.order_by(), operator, order_by_relevance=False)
        return queryset.filter(pk__in=[page.pk for page in matches[:SEARCH_RESULT_WINDOW]])

    @staticmethod
    def search(query, queryset, operator, order_by_relevance):
        try:
            try:
                results = get_search_backend().search(
                    query, queryset, operator=operator, order_by_relevance=order_by_relevance
                )
                len(results)  # evaluate here, so an unreachable engine is caught here
                return results
            except Exception as error:
                if "database" not in settings.WAGTAILSEARCH_BACKENDS:  # the database answered: not an outage
                    raise
                logger.warning("Elasticsearch unavailable, the pages API searches the database: %s", error)
                return get_search_backend("database").search(
                    query, queryset, operator=operator, order_by_relevance=order_by_relevance
                )
        except APIParameterError:
            raise
        except Exception as error:  # FilterFieldError, a backend's query syntax error
            raise APIParameterError("search", f"cannot search with these parameters: {error}") from error


def _number(request, name, default):
    value = request.GET.get(name, "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else default


def locale_parameter(request, name):
    code = request.GET[name]
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise APIParameterError(name, f"unknown locale {code[:20]!r}")
    return locale


class GuildLocaleFilter(BaseFilterBackend):
    """`?locale=fr` keeps the French pages; `&fallback=en` adds the English pages that have no live French
    translation (each marked `meta.translation_fallback: true`), so a partner site shows every page once."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            if "fallback" in request.GET:
                raise APIParameterError("fallback", "fallback needs a locale (?locale=fr&fallback=en)")
            return queryset
        locale = locale_parameter(request, "locale")
        parent = getattr(queryset, "_filtered_by_child_of", None)
        if "fallback" in request.GET:
            fallback = locale_parameter(request, "fallback")
            translated = Page.objects.live().filter(locale=locale).values("translation_key")
            queryset = queryset.filter(Q(locale=locale) | (Q(locale=fallback) & ~Q(translation_key__in=translated)))
            request.guild_requested_locale = locale.language_code
        else:
            queryset = queryset.filter(locale=locale)
        if parent:
            queryset._filtered_by_child_of = parent
        return queryset


class IdParameterFilter(BaseFilterBackend):
    """Checks the page-id parameters of Wagtail's tree filters (child_of ...) before they reach SQL."""

    PARAMETERS = ("child_of", "ancestor_of", "descendant_of", "translation_of")

    def filter_queryset(self, request, queryset, view):
        for name in self.PARAMETERS:
            if name in request.GET and request.GET[name] != "root":
                parse_int(name, request.GET[name], minimum=1)
        return queryset
