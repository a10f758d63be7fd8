"""One filter definition per concept: the API, the listing pages and the search facets give the same counts.

For every page type the site search finds, every filter concept its listing, the API or the search facets
offer, and every value the demo content has for it, the three surfaces must count the same English pages.
The content is the demo (loaded once for the module, rolled back afterwards).
"""

import io

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Locale

import pytest

from home.filters import FILTERS
from home.page_types import search_types
from search import service
from search.models import SearchDocument
from search.query import SearchQuery

pytestmark = pytest.mark.django_db

FACET_FILTERS = ("country", "member_type", "skill", "topic", "eqf_level", "year")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            call_command("load_demo_content", stdout=io.StringIO())
            SearchDocument.objects.rebuild()
            yield
            transaction.set_rollback(True)
        cache.clear()


def english_pages(model):
    return model.objects.live().public().filter(locale=Locale.objects.get(language_code="en"))


def demo_values():
    """(type key, model, filter name, value) for every value an English demo page carries."""
    cases = []
    for key, model in search_types().items():
        for name in FACET_FILTERS:
            if not FILTERS[name].applies_to(model):
                continue
            values = {value for page in english_pages(model).specific() for value in FILTERS[name].page_values(page)}
            cases.extend((key, model, name, value) for value in sorted(values))
    return cases


def api_count(client, model, name, value):
    response = client.get("/api/v2/pages/", {"type": model._meta.label, name: value, "locale": "en", "limit": 0})
    assert response.status_code == 200, response.content
    return response.json()["meta"]["total_count"]


def search_facet_counts(key, name):
    result = service.run_search(SearchQuery(filters={"type": (key,)}, locale="en", language="en"))
    return {str(item["value"]): item["count"] for item in result["facets"][name]}


def index_of(model):
    """The English index page that lists `model`, or None."""
    return next(
        (
            page
            for page in english_pages(model).first().get_ancestors().specific()
            if getattr(page, "listing_model", None) == model._meta.label
        ),
        None,
    )


def listing_count(client, model, name, value, index):
    """The English index page's count, or None where its filter form does not offer this filter."""
    if index is None:
        return None
    form = index.filter_form_class(model=model, country_codes=None)
    if name not in form.fields:
        return None
    response = client.get(index.url, {name: value})
    assert response.status_code == 200
    return response.context["paginator"].count


def test_every_demo_filter_value_counts_the_same_in_api_listings_and_search(demo, client):
    cases = demo_values()
    assert len(cases) > 50  # the demo has countries, types, skills, topics, levels and years for every type
    disagreements = []
    facet_cache = {}
    # Read once per type and filter: each page's values (what the filter must count) and the type's index page.
    pages = {model: list(english_pages(model).specific()) for _key, model, _name, _value in cases}
    page_values = {
        (model, name): [set(FILTERS[name].page_values(page)) for page in pages[model]]
        for _key, model, name, _value in cases
    }
    indexes = {model: index_of(model) for model in pages}
    for key, model, name, value in cases:
        expected = sum(1 for values in page_values[model, name] if value in values)
        counts = {"pages": expected, "api": api_count(client, model, name, value)}
        if (key, name) not in facet_cache:
            facet_cache[key, name] = search_facet_counts(key, name)
        counts["search"] = facet_cache[key, name].get(value, 0)
        listed = listing_count(client, model, name, value, indexes[model])
        if listed is not None:
            counts["listing"] = listed
        if len(set(counts.values())) != 1:
            disagreements.append((model.__name__, name, value, counts))
    assert disagreements == []


def test_projects_count_by_coordinator_or_partner_country_everywhere(demo, client):
    """The case partners hit: a project counts for a country when its coordinator or a partner is there."""
    model = search_types()["project"]
    project = next(page for page in english_pages(model).specific() if page.coordinator_id)
    code = project.coordinator.country.code
    assert code in FILTERS["country"].page_values(project)
    assert project.pk in [
        item["id"]
        for item in client.get(
            "/api/v2/pages/", {"type": "network.ProjectPage", "country": code, "locale": "en", "limit": 100}
        ).json()["items"]
    ]
    assert search_facet_counts("project", "country")[code] == api_count(client, model, "country", code)
