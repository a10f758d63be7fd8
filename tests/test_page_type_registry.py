"""The page-type registry: every page class's own declaration reaches the API, search, webhooks and filters.

Nothing else lists page types, so a page type added with its model, template, migration and tests appears
everywhere below without further configuration.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.api import APIField

import pytest

from api.openapi import build_document
from home.filters import FILTERS, lookups_of, resolve_field
from home.page_types import optimise_queryset, page_types, search_types
from partners.models import WebhookEndpoint
from search.facets import FACETS, TYPE_LABELS, TYPE_MODELS

pytestmark = pytest.mark.django_db


def test_every_page_type_is_in_the_openapi_document_and_its_type_discriminator():
    document = build_document()
    labels = {model._meta.label for model in page_types()}
    assert labels <= set(document["components"]["schemas"])
    for label in labels:
        assert document["components"]["schemas"][label]["properties"]["meta"]["properties"]["type"]["const"] == label
    type_parameter = next(p for p in document["paths"]["/api/v2/pages/"]["get"]["parameters"] if p["name"] == "type")
    assert all(label in type_parameter["description"] for label in labels)


def test_every_page_type_can_be_chosen_for_webhooks():
    choices = WebhookEndpoint._meta.get_field("page_types").get_limit_choices_to()
    allowed = set(ContentType.objects.filter(choices).values_list("app_label", "model"))
    for model in page_types():
        assert (model._meta.app_label, model._meta.model_name) in allowed


def test_search_types_come_from_the_page_classes():
    found = search_types()
    assert set(found) == set(TYPE_MODELS) == set(TYPE_LABELS)
    for key, model in found.items():
        assert TYPE_MODELS[key] == model._meta.label
        assert str(TYPE_LABELS[key]) == str(model.search_type_label)
    assert "type" in FACETS


def test_every_declared_lookup_resolves_to_a_field():
    for model in page_types():
        for name in getattr(model, "filter_lookups", {}):
            assert name in FILTERS, f"{model.__name__} declares an unknown filter {name}"
            for lookup in lookups_of(model, name):
                assert resolve_field(model, lookup) is not None


def test_listing_fields_are_api_fields_and_fetch_declarations_work(client):
    for model in page_types():
        names = {field.name if isinstance(field, APIField) else field for field in model.api_fields}
        assert set(getattr(model, "api_listing_fields", [])) <= names, model
        list(optimise_queryset(model.objects.all()))  # a typo in select/prefetch raises here
        response = client.get("/api/v2/pages/", {"type": model._meta.label})
        assert response.status_code == 200, (model, response.content)
