"""The search page: a thin wrapper over `search.service` (the search API is `api.search`)."""

import dataclasses
import datetime

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from home.models import SkillCategory
from home.open_data import FORMATS, SEARCH_COLUMNS, download_response
from home.site_address import absolute_url

from . import service
from .facets import TYPE_LABELS, year_dated_types
from .query import InvalidSearchParameter, SearchQuery, clean_text

FACET_HEADINGS = {
    "type": _("Content type"),
    "country": _("Country"),
    "member_type": _("Member type"),
    "skill": _("Skills"),
    "topic": _("Topics"),
    "eqf_level": _("EQF level"),
    "year": _("Year"),
}


@require_GET
def search_page(request):
    try:
        query = SearchQuery.from_params(request.GET, language=get_language())
    except InvalidSearchParameter as error:
        context = {"error": error, "query": SearchQuery(text=clean_text(request.GET.get("q", "")))}
        return render(request, "search/search_page.html", context, status=400)
    result = service.run_search(query, request=request)
    service.log_query(query.text)
    hits = [
        {
            **hit,
            "type_label": TYPE_LABELS.get(hit["type"], ""),
            # A date object, so the template formats it in the visitor's language (a year alone for year fields).
            "date_value": datetime.date.fromisoformat(hit["date"]) if hit["date"] else None,
            "year_only": hit["type"] in year_dated_types(),
        }
        for hit in result["hits"]
    ]
    result = {**result, "hits": hits}
    querystring = request.GET.copy()
    querystring.pop("page", None)
    facet_groups = []
    for facet, items in result["facets"].items():
        if not items:
            continue
        group = {"name": facet, "heading": FACET_HEADINGS[facet], "items": items}
        if facet == "skill":
            group["categories"] = [
                {"label": label, "items": [item for item in items if item["category"] == value]}
                for value, label in SkillCategory.choices
            ]
        facet_groups.append(group)
    context = {
        "query": query,
        "result": result,
        "facet_groups": facet_groups,
        "promotions": service.promoted_pages(query.text) if query.page == 1 else [],
        "filter_querystring": querystring.urlencode(),
        "has_filters": bool(query.filters or query.skill_categories),
        "page_numbers": _page_numbers(result["page"], result["pages"]),
    }
    return render(request, "search/search_page.html", context)


def _page_numbers(current, last):
    return [n for n in range(1, last + 1) if n in (1, last) or abs(n - current) <= 2]


#: A search download holds at most this many results (the first ones, in the page's order).
MAX_DOWNLOAD_RESULTS = 1000
DOWNLOAD_BATCH = 100


@require_GET
def search_download(request, fmt):
    """The results of a search as CSV or JSON: the same words, filters and order as the page, every page of it."""
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    try:
        query = SearchQuery.from_params(request.GET, language=get_language())
    except InvalidSearchParameter as error:
        return JsonResponse({"error": str(error)}, status=400)

    def rows():
        number = 1
        while (number - 1) * DOWNLOAD_BATCH < MAX_DOWNLOAD_RESULTS:
            batch = service.run_search(dataclasses.replace(query, page=number, per_page=DOWNLOAD_BATCH), request)
            for hit in batch["hits"]:
                yield {
                    "id": hit["id"],
                    "type": hit["type"],
                    "title": hit["title"],
                    "url": absolute_url(hit["url"]) if hit["url"] else None,
                    "language": hit["locale"],
                    "summary": hit["summary"],
                    "date": hit["date"],
                }
            if number >= batch["pages"]:
                return
            number += 1

    metadata = {"title": "search", "query": query.text, "filters": request.GET.urlencode()}
    return download_response(fmt, f"search-{query.text}"[:60], SEARCH_COLUMNS, rows(), metadata)
