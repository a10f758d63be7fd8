"""The Elasticsearch/OpenSearch engine: queries Wagtail's page index with elasticsearch.dsl.

Wagtail's backend keeps the index (one index, aliased, for every Page type). Field names follow Wagtail's
mapping: the facet fields are the `TaggedPageMixin.search_*` FilterFields, named alike on every page type
(`home_taggedpagemixin__search_countries_filter`); `_all_text` holds every SearchField, `title` the title.
One request returns hits, facet aggregations (each filtered by the *other* selected facets, with the
selections applied to hits in `post_filter`) and a term suggester for "did you mean".

Bounded time: searches use a short request timeout and no retries; after a failure the engine is skipped for
`SEARCH_ELASTICSEARCH_RETRY_AFTER` seconds so that a dead cluster costs one timeout, not one per visitor.
"""

import time
from dataclasses import dataclass
from functools import cache

from django.conf import settings

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import FilterField, SearchField

from elasticsearch.dsl import A, Q, Search

from home.models import SkillTag
from home.models.mixins import LANGUAGE_ANALYZERS, TaggedPageMixin

from .analysis import parse
from .database_engine import EngineResult
from .facets import FACET_METHODS, TYPE_MODELS, indexed_page_models, locale_ids
from .models import restricted_page_ids

FACET_SIZE = 50
# Added to the score of pages in the visitor's language: larger than any text score, so they rank first.
LANGUAGE_BOOST = 10_000
_unavailable_until = 0.0


class EngineUnavailable(RuntimeError):
    """Elasticsearch did not answer (down, timed out, or rejected the request)."""


def mark_available():
    global _unavailable_until
    _unavailable_until = 0.0


_backends = {}


def shared_backend():
    """Wagtail's Elasticsearch backend (and its client, with its connection pool), one per process.

    `get_search_backend()` builds a new backend and a new client on every call: a new connection per search and
    per autocomplete keystroke. Keyed by the configuration, so a changed setting (tests) gets its own client.
    """
    key = repr(sorted(settings.WAGTAILSEARCH_BACKENDS.get("default", {}).items()))
    backend = _backends.get(key)
    if backend is None:
        backend = _backends[key] = get_search_backend("default")
    return backend


def _facet_field(facet):
    return f"home_taggedpagemixin__{FACET_METHODS[facet]}_filter"


def _type_labels(keys=None):
    return [label for key, label in TYPE_MODELS.items() if not keys or key in keys]


@dataclass(frozen=True)
class IndexFieldNames:
    """The names Wagtail's mapping gives the fields the queries use (the same for every page type)."""

    summary: tuple  # boosted below the title
    text: tuple  # every other searched field, for highlighting
    languages: dict  # language code -> that language's analysed copies of the text
    locale: str


@cache
def index_field_names(mapping_class):
    """Worked out once per process (an engine is made per search; the mapping does not change)."""
    summary, text = set(), set()
    for model in indexed_page_models():
        mapping = mapping_class(model)
        searched = [field for field in model.get_search_fields() if isinstance(field, SearchField)]
        text.update(mapping.get_field_column_name(field) for field in searched)
        if issubclass(model, TaggedPageMixin):  # general pages have an intro (a boosted field), no summary
            summary.add(mapping.get_field_column_name(SearchField("summary")))
    # Each language's analysed copy of the text (home.models.mixins.SearchLanguageMixin), searched for visitors
    # of that language and kept out of the highlighted fields (the other fields hold the same text).
    languages = {
        code: tuple(
            sorted(
                {
                    mapping_class(model).get_field_column_name(SearchField(f"search_text_{code}"))
                    for model in indexed_page_models()
                }
            )
        )
        for code in LANGUAGE_ANALYZERS
    }
    text -= {"title", *summary, *(name for names in languages.values() for name in names)}
    return IndexFieldNames(
        summary=tuple(sorted(summary)),
        text=tuple(sorted(text)),
        languages=languages,
        locale=mapping_class(Page).get_field_column_name(FilterField("locale")),
    )


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self):
        self.backend = shared_backend()
        self.index = self.backend.get_index_for_model(Page).name
        self.timeout = getattr(settings, "SEARCH_ELASTICSEARCH_TIMEOUT", 2.0)
        names = index_field_names(self.backend.mapping_class)
        self.summary_fields, self.text_fields = names.summary, names.text
        self.language_fields, self.locale_field = names.languages, names.locale

    # --- transport ---------------------------------------------------------------------------------------------
    def _call(self, method, **kwargs):
        global _unavailable_until
        if time.monotonic() < _unavailable_until:
            raise EngineUnavailable("skipped after a recent failure")
        client = self.backend.es
        try:
            if hasattr(client, "options"):  # elasticsearch-py 8/9
                response = getattr(client.options(request_timeout=self.timeout, max_retries=0), method)(**kwargs)
                return response.body
            return getattr(client, method)(request_timeout=self.timeout, **kwargs)  # opensearch-py
        except Exception as error:  # any transport or server error means "answer from the database"
            _unavailable_until = time.monotonic() + getattr(settings, "SEARCH_ELASTICSEARCH_RETRY_AFTER", 30)
            raise EngineUnavailable(f"{type(error).__name__}: {error}") from error

    # --- query pieces ------------------------------------------------------------------------------------------
    def _visible(self):
        """Live content pages, none behind a view restriction (on the page or an ancestor)."""
        filters = [Q("term", live_filter=True), Q("terms", _django_content_type=_type_labels())]
        restricted = restricted_page_ids()
        if restricted:
            filters.append(~Q("terms", pk=[str(pk) for pk in sorted(restricted)]))
        return filters

    def _scope(self, query, locales):
        filters = self._visible()
        if query.locale:
            filters.append(Q({"term": {self.locale_field: locales.get(query.locale, 0)}}))
        if query.skill_categories:
            slugs = list(SkillTag.objects.filter(category__in=query.skill_categories).values_list("slug", flat=True))
            filters.append(Q({"terms": {_facet_field("skill"): slugs or ["-"]}}))
        return filters

    def _facet_filter(self, facet, values):
        if facet == "type":
            return Q("terms", _django_content_type=_type_labels(values))
        # A dict, not keyword arguments: elasticsearch.dsl would read Wagtail's "__" as a nested path.
        return Q({"terms": {_facet_field(facet): list(values)}})

    def _selected_filters(self, query, exclude=None):
        return [self._facet_filter(f, values) for f, values in query.filters.items() if f != exclude]

    def _text_query(self, query, required=None):
        """Ranked OR over the query's clauses (search.analysis): at least `required` of them, the more the better.

        Each clause matches as typed (typos forgiven) or as any thesaurus equivalent, and, for a visitor of a
        language Elasticsearch analyses, as that language reads it. On top: the words as typed, as a phrase.
        """
        parsed = parse(query.text, query.language)
        fields = ["title^6", *(f"{name}^3" for name in self.summary_fields), "_all_text_boost_2^1.5", "_all_text"]
        language_fields = self.language_fields.get(query.language)
        clauses = []
        for clause in parsed.clauses:
            options = []
            for number, alternative in enumerate(clause.alternatives):
                # Every word of the alternative; the words as typed with typos forgiven, the equivalents exactly.
                # Not in a sentence-like query: there, forgiving every word's typos (two letters in a long word)
                # let unrelated words match and ranked OR let the pages in (judged sentence-like queries: 0.693
                # with, 0.700 without; a misspelt sentence that finds nothing still gets its suggestion).
                fuzziness = "AUTO" if number == 0 and not parsed.sentence_like else 0
                options.append(Q("multi_match", query=alternative, fields=fields, fuzziness=fuzziness, operator="and"))
                if language_fields:
                    options.append(Q("multi_match", query=alternative, fields=language_fields, operator="and"))
            clauses.append(Q("dis_max", queries=options))
        text = Q("bool", should=clauses, minimum_should_match=required or parsed.required)
        if not parsed.phrase or len(parsed.clauses) < 2:
            return text
        phrase = Q("multi_match", query=parsed.phrase, fields=fields, type="phrase", boost=2)
        return Q("bool", must=[text], should=[phrase])

    # --- the search --------------------------------------------------------------------------------------------
    def _language_first(self, query, locales):
        """A `should` clause that lifts the visitor's language above everything else, or none."""
        if query.language not in locales:
            return []
        language = Q({"term": {self.locale_field: locales[query.language]}})
        return [Q("constant_score", filter=language, boost=LANGUAGE_BOOST)]

    def search(self, query):
        result = self._result(self._call("search", index=self.index, body=self._search_body(query)), query)
        if (
            result.total == 0
            and not result.suggestion
            and query.terms
            and parse(query.text, query.language).required > 1
        ):
            # As on the database engine: a query no page holds enough of, whose words do not look misspelt,
            # is answered by the pages holding some of it (the more, the higher), not by nothing.
            relaxed = self._search_body(query, required=1)
            result = self._result(self._call("search", index=self.index, body=relaxed), query)
        return result

    def _search_body(self, query, required=None):
        search = Search(index=self.index)
        locales = locale_ids() if query.language or query.locale else {}
        scope, language_first = self._scope(query, locales), self._language_first(query, locales)
        if query.terms and query.sort == "relevance":
            text = self._text_query(query, required)
            search = search.query(Q("bool", must=[text], filter=scope, should=language_first))
        else:
            # Ordered by date: the words only select, the score is just "in the visitor's language or not".
            if query.terms:
                scope = [self._text_query(query, required), *scope]
            search = search.query(Q("bool", filter=scope, should=language_first))
        selected = self._selected_filters(query)
        if selected:
            search = search.post_filter(Q("bool", filter=selected))
        for facet in ("type", *FACET_METHODS):
            others = self._selected_filters(query, exclude=facet)
            if facet == "type":
                terms = A("terms", field="_django_content_type", size=20, include=_type_labels())
            else:
                terms = A("terms", field=_facet_field(facet), size=FACET_SIZE)
            bucket = A("filter", Q("bool", filter=others)) if others else A("filter", Q("match_all"))
            bucket.bucket("values", terms)
            search.aggs.bucket(facet, bucket)
        if query.sort == "date" or not query.terms:
            # The score here is only the language boost (0 without one), so this is "language, then date".
            search = search.sort(
                {"_score": {"order": "desc"}}, {_facet_field_date(): {"order": "desc", "missing": "_last"}}
            )
        if query.terms:
            search = search.suggest("spelling", query.text, term={"field": "_all_text", "suggest_mode": "missing"})
        start = (query.page - 1) * query.per_page
        search = search.extra(from_=start, size=query.per_page, track_total_hits=True).source(["pk"])
        return search.to_dict()

    def _result(self, raw, query):
        hits = []
        for hit in raw["hits"]["hits"]:
            highlight = hit.get("highlight", {})
            fragments = [fragment for fragments in highlight.values() for fragment in fragments][:2]
            hits.append((int(hit["_source"]["pk"]), fragments))
        label_to_key = {label: key for key, label in TYPE_MODELS.items()}
        facets = {}
        for facet in ("type", *FACET_METHODS):
            buckets = raw.get("aggregations", {}).get(facet, {}).get("values", {}).get("buckets", [])
            if facet == "type":
                facets[facet] = {label_to_key[b["key"]]: b["doc_count"] for b in buckets if b["key"] in label_to_key}
            else:
                facets[facet] = {str(b["key"]): b["doc_count"] for b in buckets}
        suggestion = None
        spelling = raw.get("suggest", {}).get("spelling", [])
        if spelling:
            words, changed = [], False
            for entry in spelling:
                if entry.get("options"):
                    words.append(entry["options"][0]["text"])
                    changed = True
                else:
                    words.append(entry["text"])
            suggestion = " ".join(words) if changed else None
        total = raw["hits"]["total"]
        total = total["value"] if isinstance(total, dict) else total
        return EngineResult(total=total, hits=hits, facets=facets, suggestion=suggestion, engine=self.name)

    def document_count(self):
        return self._call("count", index=self.index)["count"]

    def autocomplete(self, text, limit=8):
        """As-you-type: Wagtail's edge-ngram title field (`title_edgengrams`), live content pages only."""
        if not text.strip():
            return []
        search = Search(index=self.index).query(
            Q(
                "bool",
                must=[Q("match", title_edgengrams={"query": text, "operator": "and"})],
                filter=self._visible(),
            )
        )
        search = search.extra(size=limit).source(["pk", "title", "_django_content_type"])
        raw = self._call("search", index=self.index, body=search.to_dict())
        label_to_key = {label: key for key, label in TYPE_MODELS.items()}
        rows = []
        for hit in raw["hits"]["hits"]:
            source = hit["_source"]
            kinds = [label_to_key[label] for label in source.get("_django_content_type", []) if label in label_to_key]
            rows.append((int(source["pk"]), source.get("title", ""), kinds[0] if kinds else ""))
        return rows


def _facet_field_date():
    return f"home_taggedpagemixin__{TaggedPageMixin.search_date.__name__}_filter"
