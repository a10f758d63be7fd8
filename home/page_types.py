"""The registry of page types: what each page class says about itself, read by the API, search, feeds, webhooks.

A page type is a Wagtail page model that declares `api_fields` (every Guild page does; Wagtail's own `Page`
does not). Next to `api_fields` and `search_fields` each page class declares:

- `api_listing_fields`: the fields an API listing of that one type shows (besides id, meta and title);
- `select_related_fields` / `prefetch_related_fields`: how a list of them is fetched at a flat query count;
- `date_field`: the field that dates it (API `order=date`, the search result date, feeds);
- `filter_lookups`: the lookups carrying each filter concept (`home.filters`), from which the API filters, the
  listing filter forms and the search facet values are derived;
- `search_type` / `search_type_label`: its value and label in the search page's content type facet (types
  without one are not in the site search).

Adding a page type is therefore its model file, its template, its migration and its tests; nothing else lists
page types (tests/test_page_type_registry.py adds one and checks it is everywhere). `home` imports no content
app: the registry reads Wagtail's `get_page_models()`.
"""

from wagtail.models import get_page_models


def page_types():
    """Every Guild page model, in app and definition order."""
    return [model for model in get_page_models() if getattr(model, "api_fields", None) is not None]


def page_type_labels():
    return [model._meta.label for model in page_types()]


def search_types():
    """{search type key: page model} for the types the site search finds, in registry order."""
    found = [model for model in page_types() if getattr(model, "search_type", None)]
    return {model.search_type: model for model in found}


def optimise_queryset(queryset):
    """A queryset of one page type with the joins its declaration asks for."""
    model = queryset.model
    if getattr(model, "select_related_fields", ()):
        queryset = queryset.select_related(*model.select_related_fields)
    if getattr(model, "prefetch_related_fields", ()):
        queryset = queryset.prefetch_related(*model.prefetch_related_fields)
    return queryset


def date_field(model):
    """The field that dates a page type; its first publication for types without one."""
    return getattr(model, "date_field", None) or "first_published_at"
