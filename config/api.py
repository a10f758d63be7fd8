"""The headless API router: Wagtail's pages, images and documents endpoints plus what partner sites need.

Mounted at `/api/v2/` by `config/urls.py` (before the i18n patterns and Wagtail's catch-all). On top of
Wagtail's API v2 it adds, for every endpoint:

- strict parameters: anything unknown or malformed answers 400 `{"message", "parameter"}`, never 500;
- our filters (skill, topic, skill_category, country, member_type, eqf_level, year, starts_after,
  starts_before, upcoming, member), applied before Wagtail's search so they combine with `?search=`;
- `order=date|-date|title|-title|relevance` besides Wagtail's field ordering;
- `find/?html_path=` answering the page detail itself (200) instead of a redirect;
- `preview/?token=` for drafts (signed, expiring tokens made in the admin, see `partners.preview`);
- cache validators (ETag, Last-Modified, 304) and `Cache-Control: public, max-age=API_CACHE_MAX_AGE`;
- an anonymous per-IP rate limit (`API_RATE_LIMIT`), 429 with `Retry-After`.

docs/api.md is the user's manual.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.urls import path
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from taggit.managers import TaggableManager
from wagtail import fields as wagtail_fields
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from django_countries.fields import CountryField
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from home.api import APIParameterError, parse_int, skill_filters
from network import api as network_api
from partners.freshness import content_changed_at
from partners.preview import PreviewTokenError, page_for_preview_token
from practices import api as practices_api
from search.query import clean_text, text_terms

MAX_VALUE_LENGTH = 1000
MAX_OFFSET = 1_000_000

PAGE_FILTERS = [*skill_filters(), *network_api.network_filters(), *practices_api.practices_filters()]
QUERYSET_OPTIMISATIONS = {
    "home.HomePage": {"select_related": ["hero_image"], "prefetch_related": ["featured_practices__practice"]},
    "home.StandardPage": {},
    **network_api.QUERYSET_OPTIMISATIONS,
    **practices_api.QUERYSET_OPTIMISATIONS,
}
DATE_FIELDS = {**network_api.DATE_FIELDS, **practices_api.DATE_FIELDS}

#: Fields shown in listings of one type (`?type=...`) besides Wagtail's id, meta and title.
LISTING_FIELDS = {
    "network.MemberPage": ["summary", "member_type", "country", "city", "skills", "topics"],
    "network.ProjectPage": ["summary", "acronym", "start_date", "end_date", "skills", "topics"],
    "network.CampaignPage": ["summary", "start_date", "end_date", "skills", "topics"],
    "network.EventPage": ["summary", "kind", "start", "end", "format", "city", "country", "skills", "topics"],
    "network.NewsPage": ["summary", "publication_date", "kind", "skills", "topics"],
    "practices.GoodPracticePage": ["summary", "country", "city", "start_year", "stage", "skills", "topics"],
    "practices.JointQualificationPage": ["summary", "eqf_level", "status", "countries", "skills", "topics"],
}

#: Wagtail raises plain BadRequestErrors; this names the parameter each one is about.
WAGTAIL_MESSAGE_PARAMETERS = [
    ("fields error", "fields"),
    ("unknown fields", "fields"),
    ("does not support nested fields", "fields"),
    ("cannot order by", "order"),
    ("random ordering", "order"),
    ("type doesn't exist", "type"),
    ("child_of", "child_of"),
    ("parent page doesn't exist", "child_of"),
    ("ancestor_of", "ancestor_of"),
    ("descendant page doesn't exist", "ancestor_of"),
    ("descendant_of", "descendant_of"),
    ("ancestor page doesn't exist", "descendant_of"),
    ("translation_of", "translation_of"),
    ("search", "search"),
    ("while searching", "search"),
    ("rich_text_format", "rich_text_format"),
    ("site", "site"),
    ("limit", "limit"),
    ("offset", "offset"),
]


def parameter_of(error, request):
    parameter = getattr(error, "parameter", None)
    if parameter:
        return parameter
    message = str(error).lower()
    for fragment, name in WAGTAIL_MESSAGE_PARAMETERS:
        if fragment in message:
            return name
    for name in request.GET:
        if name.lower() in message:
            return name
    return None


class APIAnonRateThrottle(AnonRateThrottle):
    """Anonymous requests per client IP; the rate comes from `API_RATE_LIMIT` ("600/minute"), empty = off."""

    scope = "api_anon"

    def get_rate(self):
        return getattr(settings, "API_RATE_LIMIT", "") or None


class GuildPagination(WagtailPagination):
    """Wagtail's limit/offset pagination with errors that name their parameter.

    `limit` above WAGTAILAPI_LIMIT_MAX is a 400 (as in Wagtail), never silently clamped.
    """

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        offset = parse_int("offset", request.GET.get("offset", "0"), minimum=0, maximum=MAX_OFFSET)
        limit = parse_int("limit", request.GET.get("limit", str(min(20, limit_max))), minimum=0, maximum=None)
        if limit > limit_max:
            raise APIParameterError("limit", f"limit cannot be higher than {limit_max}")
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]


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
    """Our filters. Each narrows by page ids, per model, so the result stays a plain queryset that
    Wagtail's search can still search (it only sees `pk IN (...)`, an indexed filter)."""

    def filter_queryset(self, request, queryset, view):
        requested = view.requested_models
        for page_filter in PAGE_FILTERS:
            if not page_filter.is_present(request.GET):
                continue
            value = page_filter.parse(request.GET)
            candidates = page_filter.models()
            if requested:
                candidates = [model for model in candidates if issubclass(model, requested)]
                if not candidates:
                    names = ", ".join(model._meta.label for model in requested)
                    raise APIParameterError(
                        page_filter.parameter, f"{page_filter.parameter} does not apply to type {names}"
                    )
            condition = Q()
            for model in candidates:
                condition |= Q(pk__in=page_filter.narrow(model, model.objects.all(), value).values("pk"))
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
            model = queryset.model
            field = DATE_FIELDS.get(model._meta.label, "first_published_at")
            return queryset.order_by(f"{order[:-4]}{field}", "pk")
        return super().filter_queryset(request, queryset, view)


class GuildSearchFilter(SearchFilter):
    """Wagtail's search, with the operator and query checked first; relevance unless another order is asked."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in {"and", "or"}:
            raise APIParameterError("search_operator", "search_operator must be and or or")
        if "search" not in request.GET:
            return queryset
        if len(request.GET["search"].strip()) > 200:
            raise APIParameterError("search", "search is limited to 200 characters")
        # Words only, as the search service does: the engines' own query syntax (FTS5's quotes, Lucene's
        # `field:(`) is never interpreted, so a stray quote cannot fail the query when it is evaluated.
        query = " ".join(text_terms(clean_text(request.GET["search"])))
        order_by_relevance = request.GET.get("order", "relevance") == "relevance"
        try:
            return get_search_backend().search(
                query, queryset, operator=operator, order_by_relevance=order_by_relevance
            )
        except Exception as error:  # FilterFieldError, OrderByFieldError, a backend's query syntax error
            if "order" in str(error).lower():
                raise APIParameterError(
                    "order", f"cannot order by {request.GET.get('order')} while searching"
                ) from error
            raise APIParameterError("search", f"cannot search with these parameters: {error}") from error


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


class CachedResponseMixin:
    """ETag + Last-Modified + Cache-Control on successful GETs, and 304 on a matching revalidation.

    The ETag hashes the body, so it changes exactly when the answer does; Last-Modified is the last
    time any content changed (kept by `partners.freshness` on publish, unpublish and delete).
    """

    throttle_classes = [APIAnonRateThrottle]
    pagination_class = GuildPagination
    cacheable_actions = {"listing_view", "detail_view", "find_view"}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if len(name) > 100:
                raise APIParameterError(name[:100], "parameter name too long")
            for value in values:
                if "\x00" in value or len(value) > MAX_VALUE_LENGTH:
                    raise APIParameterError(name, f"{name} has a null character or is too long")
        allowed = self.allowed_parameters()
        if allowed is not None:
            unknown = sorted(set(request.GET) - allowed)
            if unknown:
                raise APIParameterError(unknown[0], f"unknown query parameter: {', '.join(unknown)[:200]}")

    def allowed_parameters(self):
        """Parameters the current action accepts, or None to leave it to Wagtail's own check."""
        common = {"fields", "rich_text_format", "format", "_"}
        if self.action == "detail_view":
            return common | {"site"}
        if self.action == "find_view":
            return common | set(self.find_query_parameters) | {"site"}
        return None

    def check_query_parameters(self, queryset):
        allowed = set(self.get_available_fields(queryset.model, db_fields_only=True)) | set(
            self.known_query_parameters
        )
        unknown = sorted(set(self.request.GET) - allowed)
        if unknown:
            raise APIParameterError(
                unknown[0], f"query parameter is not an operation or a recognised field: {', '.join(unknown)[:200]}"
            )

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"message": str(exc) or "not found", "parameter": None}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, (BadRequestError, APIParameterError)):
            return Response(
                {"message": str(exc), "parameter": parameter_of(exc, self.request)},
                status=status.HTTP_400_BAD_REQUEST,
            )
        response = super().handle_exception(exc)
        if isinstance(exc, APIException):
            response.data = {"message": str(exc.detail), "parameter": None}
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if getattr(self, "action", None) not in self.cacheable_actions:
            return response
        response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        last_modified = int(content_changed_at().timestamp())
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        patch_vary_headers(response, ["Accept"])
        conditional = get_conditional_response(
            request._request if hasattr(request, "_request") else request,
            etag=etag,
            last_modified=last_modified,
            response=response,
        )
        if conditional is not response:
            for header in ("Cache-Control", "Vary", "Access-Control-Allow-Origin"):
                if header in response:
                    conditional[header] = response[header]
        return conditional


class TranslationFallbackField(Field):
    """True when a page stands in for a missing translation (`?locale=fr&fallback=en`), else false."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        requested = getattr(self.context["request"], "guild_requested_locale", None)
        return bool(requested) and page.locale.language_code != requested


class GuildPageSerializer(PageSerializer):
    translation_fallback = TranslationFallbackField(read_only=True)


class GuildPagesAPIViewSet(CachedResponseMixin, PagesAPIViewSet):
    filter_backends = [
        IdParameterFilter,
        StrictFieldsFilter,
        PageFilterBackend,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        GuildOrderingFilter,
        TranslationOfFilter,
        GuildLocaleFilter,
        GuildSearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        parameter for page_filter in PAGE_FILTERS for parameter in page_filter.parameters
    ).union({"fallback"})
    base_serializer_class = GuildPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "translation_fallback"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "translation_fallback"]
    detail_only_fields = ["parent", "related"]
    cacheable_actions = CachedResponseMixin.cacheable_actions

    @classmethod
    def filter_parameter_names(cls):
        return {parameter for page_filter in PAGE_FILTERS for parameter in page_filter.parameters}

    @classmethod
    def get_listing_default_fields(cls, model):
        return super().get_listing_default_fields(model) + LISTING_FIELDS.get(model._meta.label, [])

    @classmethod
    def get_urlpatterns(cls):
        return [
            *super().get_urlpatterns(),
            path("preview/", cls.as_view({"get": "preview_view"}), name="preview"),
        ]

    @property
    def requested_models(self):
        models_type = self.request.GET.get("type")
        if not models_type:
            return ()
        try:
            return page_models_from_string(models_type)
        except (LookupError, ValueError) as error:
            raise APIParameterError("type", "type doesn't exist") from error

    def get_base_queryset(self):
        try:
            return super().get_base_queryset()
        except (Http404, BadRequestError) as error:
            raise APIParameterError("site", f"no site matches the site parameter: {error}") from error

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        optimisations = QUERYSET_OPTIMISATIONS.get(queryset.model._meta.label, {})
        if optimisations.get("select_related"):
            queryset = queryset.select_related(*optimisations["select_related"])
        if optimisations.get("prefetch_related"):
            queryset = queryset.prefetch_related(*optimisations["prefetch_related"])
        return queryset

    def find_view(self, request):
        """The detail of the page at `html_path` (or with `id`), in one request: no redirect."""
        if "html_path" not in request.GET and "id" not in request.GET:
            raise APIParameterError("html_path", "find needs html_path (or id)")
        queryset = self.get_queryset()
        if "html_path" in request.GET:
            page = self.find_object(queryset, request)
        else:
            page_id = parse_int("id", request.GET["id"], minimum=1)
            page = queryset.filter(pk=page_id).first()
        if page is None:
            raise Http404("no page at this path")
        self._cached_object = page.specific
        serializer = self.get_serializer(self._cached_object)
        return Response(serializer.data)

    def find_object(self, queryset, request):
        if "html_path" not in request.GET:
            return super().find_object(queryset, request)
        html_path = request.GET["html_path"]
        if len(html_path) > 500:
            raise APIParameterError("html_path", "html_path is too long")
        # Partner front ends route by the path they see, with or without a language prefix.
        return super().find_object(queryset, request)

    def preview_view(self, request):
        """A draft's latest revision as page detail, for a signed, unexpired preview token."""
        token = request.GET.get("token", "")
        try:
            page = page_for_preview_token(token)
        except PreviewTokenError as error:
            return Response(
                {"message": str(error), "parameter": "token"},
                status=status.HTTP_403_FORBIDDEN,
                headers={"Cache-Control": "private, no-store"},
            )
        self._cached_object = page
        serializer = self.get_serializer(page)
        response = Response(serializer.data)
        response["Cache-Control"] = "private, no-store"
        return response

    def allowed_parameters(self):
        if self.action == "preview_view":
            return {"token", "fields", "rich_text_format", "format", "_"}
        return super().allowed_parameters()

    def get_object(self):
        if self.action == "preview_view":
            return self._cached_object
        return super().get_object()


class GuildImagesAPIViewSet(CachedResponseMixin, ImagesAPIViewSet):
    filter_backends = [StrictFieldsFilter, OrderingFilter, GuildSearchFilter]

    @classmethod
    def filter_parameter_names(cls):
        return set()


class GuildDocumentsAPIViewSet(CachedResponseMixin, DocumentsAPIViewSet):
    filter_backends = [StrictFieldsFilter, OrderingFilter, GuildSearchFilter]

    @classmethod
    def filter_parameter_names(cls):
        return set()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", GuildPagesAPIViewSet)
api_router.register_endpoint("images", GuildImagesAPIViewSet)
api_router.register_endpoint("documents", GuildDocumentsAPIViewSet)
