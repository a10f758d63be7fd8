"""The one search service: a SearchQuery in, the public result shape out, whichever engine answers.

The HTML page (`search.views`) and the API (`search.api_views`) call `run_search` and `suggest`; nothing else
talks to an engine. With ELASTICSEARCH_URL set, Elasticsearch answers; when it is down or slow the database
engine answers within the bounded timeout (see `search.elasticsearch_engine`), with a warning in the log.
"""

import logging
import math
from dataclasses import replace

from django.conf import settings

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from . import semantic
from .analysis import parse
from .database_engine import DatabaseEngine, EngineResult, FacetSnapshot
from .elasticsearch_engine import ElasticsearchEngine, EngineUnavailable
from .engines import uses_elasticsearch
from .facets import FACETS, facet_labels, prose_texts
from .highlight import fragments
from .models import SearchDocument
from .query import SearchQuery

logger = logging.getLogger(__name__)

database_engine = DatabaseEngine()


def elasticsearch_enabled():
    return uses_elasticsearch(settings.WAGTAILSEARCH_BACKENDS)


def engine_name():
    return "elasticsearch" if elasticsearch_enabled() else "database"


def _engine_answer(query):
    if elasticsearch_enabled():
        try:
            return ElasticsearchEngine().search(query)
        except EngineUnavailable as error:
            logger.warning("Elasticsearch unavailable, answering from the database engine: %s", error)
    return database_engine.search(query)


def _fused_answer(query):
    """The engine's answer, with the pages nearest in meaning fused in (reciprocal rank fusion) when ranking.

    The lexical ranking is read over its first LEXICAL_WINDOW hits, the semantic one over the visible pages above
    the similarity floor with the query's facet selections applied; both are fused and the page requested is cut
    from the fusion. Facet counts are the engine's plus the pages only the semantic side found. Past the fused
    list (deep pages of a query matching more than the window), the engine's own order continues.
    """
    if not query.terms or query.sort != "relevance":
        return _engine_answer(query)
    lookup = semantic.start_lookup(query)  # the model runs while the words are matched
    if lookup is None:
        return _lexical_only(_engine_answer(query))
    window = replace(query, page=1, per_page=semantic.LEXICAL_WINDOW)
    lexical = _engine_answer(window)
    nearest = semantic.nearest(query, lookup)
    if not nearest:
        start = (query.page - 1) * query.per_page
        if start + query.per_page > semantic.LEXICAL_WINDOW:  # past the window: the engine's own page
            return _lexical_only(_engine_answer(query))
        return _lexical_only(replace(lexical, hits=lexical.hits[start : start + query.per_page]))
    snapshot = FacetSnapshot.current()
    selections = {facet: snapshot.pages_with(facet, values) for facet, values in query.filters.items()}

    def narrowed(pages, exclude=None):
        pages = set(pages)
        for facet, holders in selections.items():
            if facet != exclude:
                pages &= holders
        return pages

    lexical_ids = [page_id for page_id, _highlights in lexical.hits]
    eligible = narrowed(pk for pk, _score in nearest)
    semantic_ids = [pk for pk, _score in nearest if pk in eligible]
    fused = semantic.fuse([lexical_ids, semantic_ids], [1.0, semantic.semantic_weight(query)])
    only_semantic = [pk for pk, _score in nearest if pk not in set(lexical_ids)]
    facets = {facet: dict(counts) for facet, counts in lexical.facets.items()}
    for facet in facets:
        extra = snapshot.count(narrowed(only_semantic, exclude=facet), [facet]).get(facet, {})
        for value, count in extra.items():
            facets[facet][value] = facets[facet].get(value, 0) + count
    total = lexical.total + len(set(semantic_ids) - set(lexical_ids))
    start = (query.page - 1) * query.per_page
    if start < len(fused):
        hits = [(pk, []) for pk in fused[start : start + query.per_page]]
    else:
        deeper = _engine_answer(query)
        hits = [hit for hit in deeper.hits if hit[0] not in set(fused)]
    return EngineResult(
        total=total,
        hits=hits,
        facets=facets,
        suggestion=lexical.suggestion,
        engine=lexical.engine,
        extra={"lexical_total": lexical.total},
    )


def _lexical_only(answer):
    answer.extra["lexical_total"] = answer.total
    return answer


def run_search(query: SearchQuery, request=None):
    """Search and return the result shape documented in docs/search.md (and the OpenAPI document)."""
    answer = _fused_answer(query)
    suggestion = None
    if answer.extra.get("lexical_total", answer.total) == 0 and answer.suggestion and query.text:
        # No page has the words as typed: answer for the spelling suggestion, and say so, when its words are
        # found (pages only near in meaning to a misspelling are a worse answer than the corrected words'). A
        # suggestion that finds nothing either is never shown, nor one when the words as typed found something.
        corrected = _fused_answer(query.with_text(answer.suggestion))
        if corrected.extra.get("lexical_total", corrected.total):
            suggestion = answer.suggestion
            answer = corrected
    words = parse(suggestion or query.text, query.language).words
    return {
        "query": query.text,
        "engine": answer.engine,
        "total": answer.total,
        "page": query.page,
        "pages": max(1, math.ceil(answer.total / query.per_page)),
        "hits": _hits(answer.hits, request, words),
        "facets": _facets(answer.facets, query),
        "suggestion": suggestion,
    }


def _hits(engine_hits, request, words):
    ids = [page_id for page_id, _highlights in engine_hits]
    documents = SearchDocument.objects.in_bulk(ids)
    pages = Page.objects.select_related("locale").in_bulk(ids)
    snippets = _snippets(ids, documents, words) if words else {}
    hits = []
    for page_id, _highlights in engine_hits:
        document, page = documents.get(page_id), pages.get(page_id)
        if document is None or page is None:  # deleted between the engine's answer and now
            continue
        hits.append(
            {
                "id": page_id,
                "type": document.kind,
                "title": document.title,
                "url": page.get_url(request=request),
                "summary": document.summary,
                "highlights": snippets.get(page_id, []),
                "date": document.date.isoformat() if document.date else None,
                "locale": page.locale.language_code,
            }
        )
    return hits


def _snippets(ids, documents, words):
    """{page id: snippets}: the text around the matched words, from the summary and the page's own prose.

    Built here for both engines, from what the page says (summary, challenge, approach, body ...): never from
    the tag names, labels and copies the index also holds. One query per page type among the hits shown.
    """
    snippets = {}
    for page in Page.objects.filter(pk__in=ids).specific(defer=False):
        document = documents.get(page.pk)
        texts = [document.summary if document else "", *prose_texts(page)]
        snippets[page.pk] = fragments(texts, words)
    return snippets


def _facets(counts, query):
    facets = {}
    for facet in FACETS:
        values = dict(counts.get(facet, {}))
        for selected in query.selected(facet):  # a selected value stays visible (and un-selectable) at zero
            values.setdefault(selected, 0)
        labels, categories = facet_labels(facet, values)
        items = []
        for value, count in values.items():
            item = {
                "value": value,
                "label": labels.get(value, value),
                "count": count,
                "selected": value in query.selected(facet),
            }
            if facet == "skill":
                item["category"] = categories.get(value, "")
            items.append(item)
        if facet == "year":
            items.sort(key=lambda item: item["value"], reverse=True)
        elif facet == "eqf_level":
            items.sort(key=lambda item: item["value"])
        else:
            items.sort(key=lambda item: (-item["count"], item["label"]))
        facets[facet] = items
    return facets


def suggest(text, request=None, limit=8):
    """As-you-type suggestions: [{"title", "url", "type"}]."""
    rows = None
    if elasticsearch_enabled():
        try:
            rows = ElasticsearchEngine().autocomplete(text, limit)
        except EngineUnavailable as error:
            logger.warning("Elasticsearch unavailable for suggestions, using the database: %s", error)
    if rows is None:
        rows = database_engine.autocomplete(text, limit)
    pages = Page.objects.in_bulk([row[0] for row in rows])
    return [
        {"title": title, "url": pages[page_id].get_url(request=request), "type": kind}
        for page_id, title, kind in rows
        if page_id in pages
    ]


def promoted_pages(text):
    """Editors' picks for these words (wagtail.contrib.search_promotions), live pages only."""
    if not text:
        return []
    promotions = SearchPromotion.objects.filter(query__query_string=normalise_query_string(text))
    return [
        promotion
        for promotion in promotions.select_related("page").order_by("sort_order")
        if promotion.page is None or promotion.page.live
    ]


def log_query(text):
    """Count the query for editors' "popular searches" report."""
    if text:
        Query.get(text).add_hit()


def index_status():
    """A short human line about the Elasticsearch index (document count), or why it is unavailable."""
    if not elasticsearch_enabled():
        return ""
    try:
        return f"({ElasticsearchEngine().document_count()} documents in Elasticsearch)"
    except EngineUnavailable as error:
        return f"(Elasticsearch unavailable, answering from the database: {error})"
