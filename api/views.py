"""The headless API router: Wagtail's pages, images and documents endpoints plus what partner sites need.

Mounted at `/api/v2/` by `api/urls.py` (before the i18n patterns and Wagtail's catch-all). On top of
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

import copy
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import Http404
from django.urls import path

from wagtail import fields as wagtail_fields
from wagtail.api import APIField
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer, RichTextFieldSerializer
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, Site

from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.fields import Field
from rest_framework.response import Response

from home.blocks import API_RENDITIONS, rendition_representation
from home.filters import FILTERS, APIParameterError, parse_int
from home.freshness import content_changed_at
from home.page_types import optimise_queryset
from home.site_address import absolute_links, absolute_url
from network.confinement import public_files
from partners.preview import PreviewTokenError, page_for_preview_token

from .backends import (
    GuildLocaleFilter,
    GuildOrderingFilter,
    GuildSearchFilter,
    IdParameterFilter,
    PageFilterBackend,
    StrictFieldsFilter,
)
from .caching import CachedResponseMixin, NotModified
from .throttling import APIAnonRateThrottle

MAX_VALUE_LENGTH = 1000
MAX_OFFSET = 1_000_000

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


class GuildPagination(WagtailPagination):
    """Wagtail's limit/offset pagination with errors that name their parameter, at a cost that stays flat.

    `limit` above WAGTAILAPI_LIMIT_MAX is a 400 (as in Wagtail), never silently clamped.

    As content grows, two things would slow every listing down: `total_count` (a COUNT(*) over every
    matching page) and sorting whole rows (StreamField bodies included) to skip `offset` of them. The count is
    kept per filter set until content changes (`home.freshness`), and a page of results is one narrow query for
    its ids, then its rows by primary key.
    """

    count_cache_seconds = 300

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        offset = parse_int("offset", request.GET.get("offset", "0"), minimum=0, maximum=MAX_OFFSET)
        limit = parse_int("limit", request.GET.get("limit", str(min(20, limit_max))), minimum=0, maximum=None)
        if limit > limit_max:
            raise APIParameterError("limit", f"limit cannot be higher than {limit_max}")
        self.view = view
        self.total_count = self.cached_count(queryset, request)
        if not isinstance(queryset, QuerySet) or queryset.query.distinct or not limit:
            return queryset[offset : offset + limit]  # search results and DISTINCT filters: as Wagtail does
        ids = list(queryset.prefetch_related(None).values_list("pk", flat=True)[offset : offset + limit])
        # The rows by primary key alone: the filters (the site's tree, live, public...) already chose them, and
        # running them again would scan the whole page table a second time. Joins and prefetches are kept.
        rows = queryset.model._default_manager.filter(pk__in=ids)
        rows.query.select_related = copy.deepcopy(queryset.query.select_related)
        rows = {page.pk: page for page in rows.prefetch_related(*queryset._prefetch_related_lookups)}
        return [rows[pk] for pk in ids if pk in rows]

    def cached_count(self, queryset, request):
        """How many results the request's filters match, counted once per content version."""
        filters = sorted(
            (name, value)
            for name, values in request.GET.lists()
            if name not in ("offset", "limit", "fields")
            for value in values
        )
        raw = f"{request.get_host()}|{request.path}|{content_changed_at().timestamp()}|{filters}"
        key = "guild:api-count:" + hashlib.sha256(raw.encode()).hexdigest()
        count = cache.get(key)
        if count is None:
            count = queryset.count()
            cache.set(key, count, self.count_cache_seconds)
        return count


class GuildAPIViewMixin(CachedResponseMixin):
    """What every endpoint under /api/v2/ shares: strict parameters, JSON errors, throttling, pagination."""

    throttle_classes = [APIAnonRateThrottle]
    pagination_class = GuildPagination
    cacheable_actions = {"listing_view", "detail_view", "find_view"}

    def initial(self, request, *args, **kwargs):
        # Before content negotiation, so `format=xml` is a 400 naming `format`, not DRF's bare 404.
        if request.GET.get("format", "json") != "json":
            raise APIParameterError("format", "format must be json")
        super().initial(request, *args, **kwargs)
        for name in ("type", "fields", "order", "search", "limit", "offset", "locale"):
            if len(request.GET.getlist(name)) > 1:
                raise APIParameterError(name, f"{name} takes one value (comma-separate several types)")
        if "type" in request.GET and not request.GET["type"].strip(" ,"):
            raise APIParameterError("type", "type needs a value, e.g. type=network.EventPage")
        if "*" in request.GET.get("fields", "").split(",") and "," in request.GET.get("type", ""):
            raise APIParameterError("fields", "fields=* shows one type's fields: use it with a single type")
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
        self.check_not_modified(request)

    def allowed_parameters(self):
        """Parameters the current action accepts, or None to leave it to Wagtail's own check."""
        common = {"fields", "rich_text_format", "format", "_"}
        if self.action == "detail_view":
            return common | {"site"}
        if self.action == "find_view":
            return common | set(self.find_query_parameters) | {"site", "locale"}
        return None

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        if fields_config and not nested:
            # `fields=_` drops the fields, never the identity: every item keeps `id` and `meta.type`.
            if fields_config[0][0] == "_":
                fields_config = [fields_config[0], ("id", False, None), ("type", False, None), *fields_config[1:]]
            custom = {
                field.name
                for field in getattr(model, "api_fields", [])
                if isinstance(field, APIField) and field.serializer is not None
            }
            for name, _negated, children in fields_config:
                if children is not None and name in custom:
                    raise APIParameterError("fields", f"'{name}' does not support nested fields")
        return super()._get_serializer_class(router, model, fields_config, show_details=show_details, nested=nested)

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
        if isinstance(exc, NotModified):
            return self.not_modified_response(exc)
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


class TranslationFallbackField(Field):
    """True when a page stands in for a missing translation (`?locale=fr&fallback=en`), else false."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        requested = getattr(self.context["request"], "guild_requested_locale", None)
        return bool(requested) and page.locale.language_code != requested


class AbsoluteRichTextFieldSerializer(RichTextFieldSerializer):
    """A RichTextField as HTML whose links to our pages and documents are absolute at the public address."""

    def to_representation(self, instance):
        representation = super().to_representation(instance)
        if self.context.get("_wagtail_rich_text_format") == "html":
            return absolute_links(representation)
        return representation


class GuildPageSerializer(PageSerializer):
    """Wagtail's page serializer, plus a top-level `type` (the OpenAPI discriminator) and absolute rich text."""

    translation_fallback = TranslationFallbackField(read_only=True)
    serializer_field_mapping = {
        **PageSerializer.serializer_field_mapping,
        wagtail_fields.RichTextField: AbsoluteRichTextFieldSerializer,
    }

    def to_representation(self, instance):
        data = super().to_representation(instance)
        # `meta.type` is nested, which TypeScript cannot narrow a union on; the same value at the top level
        # (right after `id`) is what the OpenAPI `discriminator` names.
        typed = {"id": data.pop("id")} if "id" in data else {}
        specific_class = type(instance) if type(instance) is not Page else instance.specific_class
        typed["type"] = (specific_class or type(instance))._meta.label
        typed.update(data)
        return typed


def public_collections_only(queryset):
    """Images or documents outside every restricted collection (and its descendants), whoever asks.

    Wagtail lets a signed-in editor's request see restricted collections; API responses are public and cached
    (no `Vary: Cookie`), so what one editor saw must never be served to the next visitor.
    """
    restricted_paths = Collection.objects.filter(
        id__in=CollectionViewRestriction.objects.exclude(restriction_type=CollectionViewRestriction.NONE).values(
            "collection_id"
        )
    ).values_list("path", flat=True)
    for path_prefix in restricted_paths:
        queryset = queryset.exclude(collection__path__startswith=path_prefix)
    return queryset


class ImageAltField(Field):
    """The image's default alt text (Wagtail 6+), or its title when an editor left it empty."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return getattr(image, "default_alt_text", "") or image.title


class ImageRenditionsField(Field):
    """The widths of `home.blocks.API_RENDITIONS`, as `{name: {url, width, height}}` at the public address."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        renditions = image.get_renditions(*API_RENDITIONS.values())
        return {name: rendition_representation(renditions[spec]) for name, spec in API_RENDITIONS.items()}


class AbsoluteImageDownloadUrlField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return absolute_url(image.file.url)


class GuildImageSerializer(ImageSerializer):
    download_url = AbsoluteImageDownloadUrlField(read_only=True)
    alt = ImageAltField(read_only=True)
    renditions = ImageRenditionsField(read_only=True)


class GuildPagesAPIViewSet(GuildAPIViewMixin, PagesAPIViewSet):
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
        parameter for page_filter in FILTERS.values() for parameter in page_filter.parameters
    ).union({"fallback"})
    base_serializer_class = GuildPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "translation_fallback"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "translation_fallback"]
    # Computed or fetched per page (a campaign's supporter counts, a member's pledge follow-up): in a listing they
    # would cost queries per item.
    detail_only_fields = [
        "parent",
        "related",
        "supporter_counts",
        "pledge_targets",
        "pledge_reports",
        "pledge_progress",
    ]
    cacheable_actions = CachedResponseMixin.cacheable_actions

    @classmethod
    def filter_parameter_names(cls):
        return {parameter for page_filter in FILTERS.values() for parameter in page_filter.parameters}

    @classmethod
    def get_listing_default_fields(cls, model):
        return super().get_listing_default_fields(model) + list(getattr(model, "api_listing_fields", []))

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
        return optimise_queryset(super().get_queryset().select_related("locale"))

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
        # Partner front ends route by the path they see: a language prefix (`/fr/...`, as in `html_url`) or
        # `locale=fr` routes from the home page's translation in that language.
        site = Site.find_for_request(request)
        if site is None:
            return None
        components = [component for component in html_path.split("/") if component]
        codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        code = components.pop(0) if components and components[0] in codes else None
        if "locale" in request.GET:
            if request.GET["locale"] not in codes:
                raise APIParameterError("locale", f"unknown locale {request.GET['locale'][:20]!r}")
            code = request.GET["locale"]
        root = site.root_page.specific
        if code is not None:
            locale = Locale.objects.filter(language_code=code).first()
            root = root.get_translation_or_none(locale) if locale else None
            if root is None:
                return None
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        return page if queryset.filter(id=page.id).exists() else None

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


class GuildImagesAPIViewSet(GuildAPIViewMixin, ImagesAPIViewSet):
    base_serializer_class = GuildImageSerializer
    filter_backends = [StrictFieldsFilter, OrderingFilter, GuildSearchFilter]
    body_fields = [*ImagesAPIViewSet.body_fields, "alt", "renditions"]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "alt", "renditions"]

    def get_queryset(self):
        return public_files(public_collections_only(super().get_queryset())).prefetch_related("renditions")

    @classmethod
    def filter_parameter_names(cls):
        return set()


class GuildDocumentsAPIViewSet(GuildAPIViewMixin, DocumentsAPIViewSet):
    filter_backends = [StrictFieldsFilter, OrderingFilter, GuildSearchFilter]

    def get_queryset(self):
        return public_files(public_collections_only(super().get_queryset()))

    @classmethod
    def filter_parameter_names(cls):
        return set()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", GuildPagesAPIViewSet)
api_router.register_endpoint("images", GuildImagesAPIViewSet)
api_router.register_endpoint("documents", GuildDocumentsAPIViewSet)
