"""The OpenAPI 3.1 document of everything under /api/v2/, built from the code that answers.

Page schemas come from each model's `api_fields`: our serializer fields declare their JSON Schema
(`openapi`), plain model fields map by type. Filter parameters come from the same `PageFilter` objects
the filter backend applies. `/api/v2/schema/` serves it as JSON; `/api/docs/` renders it as HTML.
"""

import json
from functools import cache

from django.conf import settings
from django.db import models
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wagtail import blocks
from wagtail import fields as wagtail_fields
from wagtail.api import APIField

from home.blocks import IMAGE_SCHEMA, RENDITION_SCHEMA, BodyBlock
from home.filters import FILTERS
from home.page_types import page_types
from search.facets import FACETS
from search.query import MAX_PAGE, SORTS, content_languages

from .errors import json_get_only

ERROR = {"$ref": "#/components/schemas/Error"}
NULLABLE_STRING = {"type": ["string", "null"]}


RICH_TEXT = {
    "type": "string",
    "contentMediaType": "text/html",
    "description": "HTML (rich_text_format=html, the default) with absolute links; db_html/markdown on request",
}


def block_schema(block):
    """The JSON Schema of a StreamField block's API representation.

    Blocks that shape their own representation declare it (`api_schema`, next to `get_api_representation`);
    the others follow from Wagtail's: a struct is an object of its children, a list an array, choosers ids.
    """
    if getattr(block, "api_schema", None) is not None:
        return block.api_schema
    if isinstance(block, blocks.StreamBlock):
        return stream_schema(block)
    if isinstance(block, blocks.StructBlock):
        return {
            "type": "object",
            "required": list(block.child_blocks),
            "properties": {name: block_schema(child) for name, child in block.child_blocks.items()},
        }
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block)}
    if isinstance(block, blocks.RichTextBlock):
        return RICH_TEXT
    if isinstance(block, blocks.ChoiceBlock):
        values = [value for value, _label in block.field.choices if value != ""]
        return {"type": ["string", "null"], "enum": [*values, None]} if values else NULLABLE_STRING
    if isinstance(block, blocks.BooleanBlock):
        return {"type": "boolean"}
    if isinstance(block, blocks.IntegerBlock):
        return {"type": ["integer", "null"]}
    if isinstance(block, blocks.DecimalBlock | blocks.FloatBlock):
        return {"type": ["number", "null"]}
    if isinstance(block, blocks.DateBlock):
        return {"type": ["string", "null"], "format": "date"}
    if isinstance(block, blocks.ChooserBlock):  # page, image, document: the chosen object's id
        return {
            "type": ["integer", "null"],
            "description": f"id of the chosen {block.target_model._meta.verbose_name}",
        }
    if isinstance(block, blocks.URLBlock):
        return {"type": "string", "description": "An absolute URL, or empty"}
    if isinstance(block, blocks.CharBlock | blocks.TextBlock | blocks.EmailBlock | blocks.RegexBlock):
        return {"type": "string"}
    return {}


def stream_schema(stream_block):
    """A StreamField: an array of `{type, value, id}` items, one schema per block type (`type` discriminates)."""
    variants = [
        {
            "type": "object",
            "title": name,
            "required": ["type", "value", "id"],
            "properties": {
                "type": {"type": "string", "const": name},
                "value": block_schema(child),
                "id": {"type": "string"},
            },
        }
        for name, child in stream_block.child_blocks.items()
    ]
    return {"type": "array", "items": {"oneOf": variants} if len(variants) > 1 else variants[0]}


@cache
def body_block_schema():
    return stream_schema(BodyBlock())


def model_field_schema(field):
    if isinstance(field, wagtail_fields.StreamField):
        if isinstance(field.stream_block, BodyBlock):
            return {"$ref": "#/components/schemas/StreamField"}
        return stream_schema(field.stream_block)
    if isinstance(field, wagtail_fields.RichTextField):
        return RICH_TEXT
    nullable = field.null
    if isinstance(field, models.BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, (models.IntegerField, models.AutoField)):
        schema = {"type": "integer"}
    elif isinstance(field, models.DecimalField | models.FloatField):
        schema = {"type": "number"}
    elif isinstance(field, models.DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, models.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, models.ForeignKey):
        schema = {"type": "object"}
        nullable = True
    elif isinstance(field, models.JSONField):
        schema = {}
    else:
        schema = {"type": "string"}
    if nullable and "type" in schema:
        schema["type"] = [schema["type"], "null"]
    return schema


def api_field_schema(model, api_field):
    serializer = api_field.serializer
    if serializer is not None and hasattr(serializer, "openapi"):
        return serializer.openapi
    try:
        return model_field_schema(model._meta.get_field(api_field.name))
    except Exception:  # a property without a declared schema: any JSON value
        return {}


PAGE_REFERENCE = {
    "type": "object",
    "description": "Another page, as Wagtail names it: id, title and meta {type, detail_url, html_url}",
    "required": ["id", "meta", "title"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "meta": {
            "type": "object",
            "required": ["type", "detail_url", "html_url"],
            "properties": {
                "type": {"type": "string", "description": "app_label.ModelName"},
                "detail_url": {"type": "string", "format": "uri"},
                "html_url": {"type": ["string", "null"], "format": "uri"},
            },
        },
    },
}


def page_meta_schema(model):
    label = model._meta.label
    return {
        "type": "object",
        "required": ["type"],
        "properties": {
            "type": {"type": "string", "const": label},
            "detail_url": {"type": "string", "format": "uri"},
            "html_url": {"type": ["string", "null"]},
            "slug": {"type": "string"},
            "show_in_menus": {"type": "boolean"},
            "seo_title": {"type": "string"},
            "search_description": {"type": "string"},
            "first_published_at": {"type": ["string", "null"], "format": "date-time"},
            "alias_of": {
                "oneOf": [{"$ref": "#/components/schemas/PageReference"}, {"type": "null"}],
                "description": "The page this one is an alias of (null for an original)",
            },
            "parent": {
                "oneOf": [{"$ref": "#/components/schemas/PageReference"}, {"type": "null"}],
                "description": "The parent page (detail only; null when the parent is not a public page)",
            },
            "locale": {"type": "string"},
            "translation_fallback": {
                "type": "boolean",
                "description": "True when this page stands in for a missing translation (`fallback=`)",
            },
        },
    }


def page_schema(model):
    label = model._meta.label
    properties = {
        "id": {"type": "integer"},
        "type": {"type": "string", "const": label, "description": "app_label.ModelName; the union's discriminator"},
        "meta": page_meta_schema(model),
        "title": {"type": "string"},
    }
    for api_field in getattr(model, "api_fields", []):
        api_field = api_field if isinstance(api_field, APIField) else APIField(api_field)
        properties[api_field.name] = api_field_schema(model, api_field)
    return {
        "type": "object",
        "description": model.__doc__.strip().splitlines()[0] if model.__doc__ else model._meta.verbose_name,
        "required": ["id", "type", "meta"],
        "properties": properties,
        "additionalProperties": False,
    }


def parameter(name, description, schema=None, location="query", required=False, explode=None):
    item = {"name": name, "in": location, "description": description, "schema": schema or {"type": "string"}}
    if required:
        item["required"] = True
    if explode is not None:
        item["style"] = "form"
        item["explode"] = explode
    return item


def page_filter_parameters():
    items = []
    for page_filter in FILTERS.values():
        schema = page_filter.openapi
        items.append(
            parameter(
                page_filter.name,
                page_filter.description or page_filter.__class__.__doc__ or "",
                schema,
                explode=True if schema.get("type") == "array" else None,
            )
        )
        for extra in page_filter.extra_parameters:
            if extra.endswith("_match"):
                items.append(parameter(extra, "any (default) or all", {"type": "string", "enum": ["any", "all"]}))
            else:
                items.append(parameter(extra, f"Bound of {page_filter.name}", {"type": "integer"}))
    return items


COMMON_PARAMETERS = [
    parameter(
        "fields",
        "Fields to show: `*` for all, `-name` to drop one, `_` for none. Unknown fields are a 400.",
    ),
    parameter(
        "rich_text_format",
        "`html` (default: display HTML, absolute links), `db_html`, `markdown` or `db_markdown`",
        {"type": "string", "enum": ["html", "db_html", "markdown", "db_markdown"]},
    ),
]


def listing_parameters():
    limit_max = settings.WAGTAILAPI_LIMIT_MAX
    return [
        parameter(
            "limit",
            f"Items per response, 0-{limit_max} (WAGTAILAPI_LIMIT_MAX); above it is a 400, not clamped.",
            {"type": "integer", "minimum": 0, "maximum": limit_max, "default": min(20, limit_max)},
        ),
        parameter("offset", "Items to skip", {"type": "integer", "minimum": 0, "maximum": 1_000_000}),
        parameter(
            "order",
            "`date`, `-date`, `title`, `-title`, `relevance` (default with search), or any plain field; `random`.",
        ),
        parameter("search", "Full-text search; combines with every filter", {"type": "string", "maxLength": 200}),
        parameter("search_operator", "and / or", {"type": "string", "enum": ["and", "or"]}),
        *COMMON_PARAMETERS,
    ]


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


CACHE_HEADERS = {
    "ETag": {"schema": {"type": "string"}, "description": "Hash of the body; send back as If-None-Match"},
    "Last-Modified": {"schema": {"type": "string"}, "description": "When content last changed"},
    "Cache-Control": {"schema": {"type": "string"}, "description": "public, max-age=API_CACHE_MAX_AGE"},
}
ERROR_RESPONSES = {
    "400": json_response("A parameter is unknown or malformed", ERROR),
    "429": {
        "description": "Rate limit reached; retry after `Retry-After` seconds",
        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
        "content": {"application/json": {"schema": ERROR}},
    },
}


def ok(description, schema):
    response = json_response(description, schema)
    response["headers"] = CACHE_HEADERS
    return response


def not_modified():
    return {"description": "Not modified since If-None-Match / If-Modified-Since"}


def camel(name):
    return "".join(part[:1].upper() + part[1:] for part in name.replace("-", "_").split("_"))


def name_shared_schemas(document):
    """The document with every StreamField block, the embedded image and its renditions as named components.

    Inline, a block's schema appears once per StreamField that holds it, and generators (openapi-python-client,
    openapi-typescript) name each copy from where it sits: two copies of "call_to_action" become two classes
    with one name, and the generator drops both. Named once (`CallToActionBlock`, `CallToActionBlockValue`,
    `PageImage`, `Renditions`), each is one type in every client.
    """
    schemas = document["components"]["schemas"]
    named = {}  # canonical JSON -> component name

    def hoist(schema, name):
        canonical = json.dumps(schema, sort_keys=True)
        if canonical not in named:
            unique, number = name, 2
            while unique in schemas:
                unique, number = f"{name}{number}", number + 1
            named[canonical] = unique
            schemas[unique] = schema
        return {"$ref": f"#/components/schemas/{named[canonical]}"}

    def walk(node):
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        if node == RENDITION_SCHEMA:
            return {"$ref": "#/components/schemas/Rendition"}
        original, node = node, {key: walk(value) for key, value in node.items()}
        if original == IMAGE_SCHEMA["properties"]["renditions"]:
            return hoist(node, "Renditions")
        if original == IMAGE_SCHEMA:
            return hoist(node, "PageImage")
        if is_stream_item(node):
            # Generators name a class after its schema's title: "image" would become a second `Image`.
            block = camel(node["title"]) + "Block"
            value = node["properties"]["value"]
            if value.get("type") == "object" and "properties" in value:
                node = {**node, "properties": {**node["properties"], "value": hoist(value, f"{block}Value")}}
            return hoist({**node, "title": block}, block)
        return node

    for name in list(schemas):
        if name != "Rendition":
            schemas[name] = walk(schemas[name])
    document["paths"] = walk(document["paths"])
    return document


def is_stream_item(node):
    properties = node.get("properties", {})
    return "title" in node and set(properties) == {"type", "value", "id"} and "const" in properties["type"]


@cache
def build_document():
    models_ = sorted(page_types(), key=lambda model: model._meta.label)
    schemas = {f"{model._meta.app_label}.{model.__name__}": page_schema(model) for model in models_}
    # One schema per page type, told apart by the top-level `type` (TypeScript narrows on it).
    any_page = {
        "oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in schemas],
        "discriminator": {
            "propertyName": "type",
            "mapping": {
                model._meta.label: f"#/components/schemas/{name}" for model, name in zip(models_, schemas, strict=True)
            },
        },
    }
    type_labels = [model._meta.label for model in models_]
    listing = {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count"],
                "properties": {"total_count": {"type": "integer"}},
            },
            "items": {"type": "array", "items": any_page},
        },
    }
    media_meta = {
        "type": "object",
        "properties": {
            "type": {"type": "string"},
            "detail_url": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "download_url": {"type": "string"},
        },
    }
    image = {
        "type": "object",
        "required": ["id", "meta"],
        "properties": {
            "id": {"type": "integer"},
            "meta": media_meta,
            "title": {"type": "string"},
            "alt": {"type": "string", "description": "Default alt text, else the title"},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "renditions": {
                **IMAGE_SCHEMA["properties"]["renditions"],
                "description": "Uncropped widths (small 400, medium 800, large 1600), absolute, for srcset",
            },
        },
    }
    document = {
        "type": "object",
        "required": ["id", "meta"],
        "properties": {"id": {"type": "integer"}, "meta": media_meta, "title": {"type": "string"}},
    }

    def media_listing(ref):
        return {
            "type": "object",
            "required": ["meta", "items"],
            "properties": {
                "meta": {"type": "object", "properties": {"total_count": {"type": "integer"}}},
                "items": {"type": "array", "items": {"$ref": ref}},
            },
        }

    id_path = parameter("id", "Object id", {"type": "integer"}, location="path", required=True)
    pages_listing_parameters = [
        parameter("type", "Page type(s), comma-separated: " + ", ".join(type_labels)),
        *page_filter_parameters(),
        parameter("child_of", "Direct children of this page id (or `root`)"),
        parameter("descendant_of", "Descendants of this page id (or `root`)"),
        parameter("ancestor_of", "Ancestors of this page id", {"type": "integer", "minimum": 1}),
        parameter("translation_of", "Translations of this page id", {"type": "integer", "minimum": 1}),
        parameter("locale", "Language code, e.g. `fr`"),
        parameter("site", "Hostname (optionally :port) of the site to list"),
        *listing_parameters(),
    ]
    paths = {
        "/api/v2/pages/": {
            "get": {
                "summary": "List pages",
                "description": (
                    "Live, public pages. Without `type`, items show the common fields; with one `type`, "
                    "`fields=*` shows every field of that type. Filters combine with each other (AND) "
                    "and with `search`; a filter applies to the page types it makes sense for."
                ),
                "operationId": "listPages",
                "parameters": pages_listing_parameters,
                "responses": {"200": ok("Pages", listing), "304": not_modified(), **ERROR_RESPONSES},
            }
        },
        "/api/v2/pages/{id}/": {
            "get": {
                "summary": "Page detail",
                "operationId": "getPage",
                "parameters": [id_path, *COMMON_PARAMETERS, parameter("site", "Hostname of the site")],
                "responses": {
                    "200": ok("The page with every field of its type", any_page),
                    "304": not_modified(),
                    "404": json_response("No live public page with this id", ERROR),
                    **ERROR_RESPONSES,
                },
            }
        },
        "/api/v2/pages/find/": {
            "get": {
                "summary": "Find a page by its URL path, in one call",
                "description": "Answers the page detail directly (200), not a redirect.",
                "operationId": "findPage",
                "parameters": [
                    parameter("html_path", "The page's path on the site, e.g. `/members/city-of-ghent/`"),
                    parameter("id", "Alternatively, the page id", {"type": "integer", "minimum": 1}),
                    *COMMON_PARAMETERS,
                    parameter("site", "Hostname of the site"),
                ],
                "responses": {
                    "200": ok("The page detail", any_page),
                    "304": not_modified(),
                    "404": json_response("No live public page at this path", ERROR),
                    **ERROR_RESPONSES,
                },
            }
        },
        "/api/v2/pages/preview/": {
            "get": {
                "summary": "Draft preview",
                "description": "The latest revision (draft) of a page, for a signed preview token from the admin.",
                "operationId": "previewPage",
                "parameters": [
                    parameter("token", "Preview token (expires after HEADLESS_PREVIEW_MAX_AGE)", required=True),
                    *COMMON_PARAMETERS,
                ],
                "responses": {
                    "200": json_response("The draft as page detail", any_page),
                    "403": json_response("Token missing, invalid or expired", ERROR),
                    **ERROR_RESPONSES,
                },
            }
        },
        "/api/v2/images/": {
            "get": {
                "summary": "List images",
                "operationId": "listImages",
                "parameters": [parameter("title", "Exact title"), *listing_parameters()],
                "responses": {
                    "200": ok("Images", media_listing("#/components/schemas/Image")),
                    "304": not_modified(),
                    **ERROR_RESPONSES,
                },
            }
        },
        "/api/v2/images/{id}/": {
            "get": {
                "summary": "Image detail",
                "operationId": "getImage",
                "parameters": [id_path, *COMMON_PARAMETERS],
                "responses": {
                    "200": ok("The image", {"$ref": "#/components/schemas/Image"}),
                    "304": not_modified(),
                    "404": json_response("Not found", ERROR),
                    **ERROR_RESPONSES,
                },
            }
        },
        "/api/v2/documents/": {
            "get": {
                "summary": "List documents",
                "operationId": "listDocuments",
                "parameters": [parameter("title", "Exact title"), *listing_parameters()],
                "responses": {
                    "200": ok("Documents", media_listing("#/components/schemas/Document")),
                    "304": not_modified(),
                    **ERROR_RESPONSES,
                },
            }
        },
        "/api/v2/documents/{id}/": {
            "get": {
                "summary": "Document detail",
                "operationId": "getDocument",
                "parameters": [id_path, *COMMON_PARAMETERS],
                "responses": {
                    "200": ok("The document", {"$ref": "#/components/schemas/Document"}),
                    "304": not_modified(),
                    "404": json_response("Not found", ERROR),
                    **ERROR_RESPONSES,
                },
            }
        },
        **search_paths(),
    }
    return name_shared_schemas(
        {
            "openapi": "3.1.0",
            "info": {
                "title": f"{settings.WAGTAIL_SITE_NAME} headless API",
                "version": "2",
                "description": (
                    "Read-only API for partner sites: members, practices, qualifications, projects, campaigns, "
                    "events and news, with filters that combine with full-text search. Responses carry ETag and "
                    "Last-Modified; anonymous clients are rate-limited per IP (429 with Retry-After). "
                    "Feeds: /feeds/news.rss, /feeds/news.atom, /feeds/events.ics (see /api/docs/)."
                ),
            },
            "servers": [{"url": settings.WAGTAILAPI_BASE_URL}],
            "paths": paths,
            "components": {
                "schemas": {
                    "Error": {
                        "type": "object",
                        "required": ["message", "parameter"],
                        "properties": {"message": {"type": "string"}, "parameter": {"type": ["string", "null"]}},
                    },
                    "StreamField": {
                        **body_block_schema(),
                        "description": "Body blocks in order; images with renditions and alt text, rich text as HTML.",
                    },
                    "PageReference": PAGE_REFERENCE,
                    "Rendition": RENDITION_SCHEMA,
                    "Image": image,
                    "Document": document,
                    "SearchResults": SEARCH_RESULTS,
                    "SearchError": {
                        "type": "object",
                        "required": ["message", "parameter"],
                        "properties": {"message": {"type": "string"}, "parameter": {"type": ["string", "null"]}},
                    },
                    **schemas,
                }
            },
        }
    )


FACET_ITEM = {
    "type": "object",
    "required": ["value", "label", "count", "selected"],
    "properties": {
        "value": {"type": ["string", "integer"]},
        "label": {"type": "string"},
        "count": {"type": "integer"},
        "selected": {"type": "boolean"},
        "category": {"type": "string"},
    },
}
SEARCH_RESULTS = {
    "type": "object",
    "required": ["query", "engine", "total", "page", "pages", "hits", "facets", "suggestion"],
    "properties": {
        "query": {"type": "string"},
        "engine": {"type": "string"},
        "total": {"type": "integer"},
        "page": {"type": "integer"},
        "pages": {"type": "integer"},
        "hits": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "type", "title", "url", "summary", "highlights", "date", "locale"],
                "properties": {
                    "id": {"type": "integer"},
                    "type": {"type": "string"},
                    "title": {"type": "string"},
                    "url": {"type": ["string", "null"]},
                    "summary": {"type": ["string", "null"]},
                    "highlights": {"type": "array", "items": {"type": "string"}},
                    "date": {"type": ["string", "null"]},
                    "locale": {"type": "string", "description": "The page's language code"},
                },
            },
        },
        "facets": {"type": "object", "additionalProperties": {"type": "array", "items": FACET_ITEM}},
        "suggestion": {"type": ["string", "null"]},
    },
}


def search_paths():
    languages = sorted(content_languages())
    search_error = {"$ref": "#/components/schemas/SearchError"}
    facet_parameters = [
        parameter(
            name,
            f"Facet filter: {name} (repeat for several values)",
            {"type": "array", "items": {"type": "string"}},
            explode=True,
        )
        for name in FACETS
    ]
    return {
        "/api/v2/search/": {
            "get": {
                "summary": "Site search with facets, highlights and a spelling suggestion",
                "description": "Served by the search service (docs/search.md); the same engine as the search page.",
                "operationId": "search",
                "parameters": [
                    parameter("q", "Words to search for"),
                    *facet_parameters,
                    parameter(
                        "skill_category",
                        "green / digital / transversal",
                        {"type": "array", "items": {"type": "string", "enum": ["green", "digital", "transversal"]}},
                        explode=True,
                    ),
                    parameter("page", "Result page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}),
                    parameter("sort", "Sort order", {"type": "string", "enum": list(SORTS)}),
                    parameter("locale", "Only pages in this language", {"type": "string", "enum": languages}),
                    parameter(
                        "language",
                        "Rank pages in this language first (without leaving out the others)",
                        {"type": "string", "enum": languages},
                    ),
                ],
                "responses": {
                    "200": json_response("Results", {"$ref": "#/components/schemas/SearchResults"}),
                    "400": json_response("A parameter is malformed", search_error),
                },
            }
        },
        "/api/v2/search/suggest/": {
            "get": {
                "summary": "As-you-type suggestions",
                "operationId": "suggest",
                "parameters": [parameter("q", "The beginning of a title")],
                "responses": {
                    "200": json_response(
                        "Suggestions",
                        {
                            "type": "object",
                            "required": ["query", "suggestions"],
                            "properties": {
                                "query": {"type": "string"},
                                "suggestions": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["title", "url", "type"],
                                        "properties": {
                                            "title": {"type": "string"},
                                            "url": {"type": ["string", "null"]},
                                            "type": {"type": "string"},
                                        },
                                    },
                                },
                            },
                        },
                    )
                },
            }
        },
    }


@json_get_only
def schema_view(request):
    response = JsonResponse(build_document(), json_dumps_params={"indent": 1})
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"  # a public description: any tool may read it
    return response


@require_GET
def docs_view(request):
    """Server-rendered documentation of the API, from the same document /api/v2/schema/ serves."""
    return render(request, "api/api_docs.html", {"document": build_document()})
