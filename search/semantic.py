"""Semantic search over the stored page vectors: nearest pages to a query, similar pages, and the fusion with words.

The vectors (`search.models.PageEmbedding`) are held per process as one float32 matrix, reloaded when the store
changes (one small aggregate query per search says whether it did). A query is one matrix-vector product: brute
force, exact, a few ms at 10,000 pages; fine to ~50,000 pages (see docs/search.md).

Visibility: only pages in the facet store (`SearchDocument`: live, content, not behind a view restriction) can
come back, with the query's own filters applied, exactly as on the lexical side. The same holds on the
Elasticsearch path: the nearest pages come from this store there too (the emulator the tests run on, osmem,
has neither `dense_vector` nor kNN, so an Elasticsearch kNN query could not be tested; see docs/search.md).
"""

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Max

from wagtail.models import Page

import numpy as np

from home.models import SkillTag
from home.page_types import search_types

from .analysis import parse
from .database_engine import FacetSnapshot
from .embeddings import EmbeddingsUnavailable, get_embedder, query_vector
from .facets import locale_ids
from .models import FacetStoreVersion, PageEmbedding

# Reciprocal rank fusion (Cormack et al. 2009): score = sum over the rankings of 1 / (RRF_K + rank).
RRF_K = 60
SEMANTIC_CANDIDATES = 20
# How much the semantic ranking counts in the fusion against the words' (1.0): half for a query of one or two
# concepts, where words that match are the better evidence; one and a half for a sentence-like query of three or
# more, where ranked OR lets many pages in on some of the words and meaning tells them apart. Measured on the
# judged set (docs/search.md): a flat 0.5 gave sentence-like queries 0.75 on the database and 0.64 on
# Elasticsearch, this 0.72 and 0.69, with keyword queries unchanged (0.99, 0.98) and overall 0.850 and 0.871.
SHORT_QUERY_WEIGHT = 0.5
SENTENCE_WEIGHT = 1.5


def semantic_weight(query):
    return SENTENCE_WEIGHT if parse(query.text, query.language).sentence_like else SHORT_QUERY_WEIGHT


LEXICAL_WINDOW = 100


def similarity_floor():
    """Below this cosine similarity a page is not an answer (see docs/search.md for how it was measured)."""
    return getattr(settings, "SEARCH_SEMANTIC_FLOOR", 0.82)


class VectorIndex:
    """Every stored vector of the configured model, as one matrix (rows are L2-normalised)."""

    _current = None

    def __init__(self, stamp, model):
        self.stamp = stamp
        rows = list(PageEmbedding.objects.filter(model=model).values_list("page_id", "vector"))
        self.ids = np.asarray([row[0] for row in rows], dtype=np.int64)
        self.row_of = {int(pk): number for number, pk in enumerate(self.ids)}
        dimensions = len(rows[0][1]) // 4 if rows else 1
        self.matrix = (
            np.frombuffer(b"".join(bytes(row[1]) for row in rows), dtype=np.float32).reshape(len(rows), dimensions)
            if rows
            else np.zeros((0, 1), dtype=np.float32)
        )

    @classmethod
    def current(cls, model):
        # What changes when vectors do, each read from an index in well under a millisecond (a count of the rows
        # cost 3 ms at 10,000 pages even from an index): a write moves the latest write time and the largest id
        # (vectors are replaced, never updated in place), and a page deleted or unpublished, whose vector is then
        # forgotten, changes the facet store's token.
        latest = PageEmbedding.objects.filter(model=model).aggregate(latest=Max("updated_at"))["latest"]
        last = PageEmbedding.objects.aggregate(last=Max("pk"))["last"]
        stamp = (model, latest, last, FacetStoreVersion.current(), connection.settings_dict.get("NAME"))
        if cls._current is None or cls._current.stamp != stamp:
            cls._current = cls(stamp, model)
        return cls._current

    def above(self, vector, floor):
        """[(page id, cosine similarity)] of the stored pages at or above `floor`, the most similar first.

        The cut is made in NumPy: only the few pages above the floor become Python objects (building a dict of
        every page's score cost 18 ms at 10,000 pages, the product itself well under 1 ms).
        """
        if not len(self.ids) or self.matrix.shape[1] != len(vector):
            return []
        scores = self.matrix @ np.asarray(vector, dtype=np.float32)
        rows = np.flatnonzero(scores >= floor)
        rows = rows[np.argsort(-scores[rows], kind="stable")]
        return list(zip(self.ids[rows].tolist(), scores[rows].tolist(), strict=True))

    def vector_of(self, page_id):
        row = self.row_of.get(page_id)
        return None if row is None else self.matrix[row]


def _scope(query, snapshot):
    """Visible pages within the query's locale and skill categories (not its facet selections), of the page types
    found by meaning (a type with `search_by_meaning = False` is found by its words only)."""
    by_words_only = {kind for kind, model in search_types().items() if not getattr(model, "search_by_meaning", True)}
    pages = {pk for pk, document in snapshot.documents.items() if document[0] not in by_words_only}
    if query.locale:
        wanted = locale_ids().get(query.locale)
        pages = {pk for pk in pages if snapshot.documents[pk][2] == wanted}
    if query.skill_categories:
        slugs = SkillTag.objects.filter(category__in=query.skill_categories).values_list("slug", flat=True)
        pages &= snapshot.pages_with("skill", slugs)
    return pages


# The model runs beside the word match (it is C code that releases the GIL, or a request to an endpoint), so a
# search costs the longer of the two rather than their sum. Threads touch no database connection.
_model_threads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="query-embedding")


@dataclass(frozen=True)
class PendingLookup:
    """A semantic lookup under way: the vectors it searches and the future of the query's vector."""

    index: VectorIndex
    vector: Future


def start_lookup(query):
    """The lookup, its model started now; None when there is nothing to look for (embeddings off, no words, no
    page embedded yet: the model is not run at all then)."""
    embedder = get_embedder()
    if embedder is None or not query.terms:
        return None
    index = VectorIndex.current(embedder.name)
    if not len(index.ids):
        return None
    return PendingLookup(index, _model_threads.submit(query_vector, query.text))


def nearest(query, lookup=None, limit=SEMANTIC_CANDIDATES):
    """[(page id, similarity)] of the visible pages nearest the query's words, above the floor, best first.

    Facet selections are not applied here (the service applies them, and counts facets, as for words). Empty
    when embeddings are off, unavailable, or the query has no words. `lookup` is what `start_lookup` returned,
    when the caller started the model earlier.
    """
    lookup = lookup or start_lookup(query)
    if lookup is None:
        return []
    try:
        vector = lookup.vector.result()
    except EmbeddingsUnavailable:
        return []
    scope = _scope(query, FacetSnapshot.current())
    return [(pk, score) for pk, score in lookup.index.above(vector, similarity_floor()) if pk in scope][:limit]


def fuse(rankings, weights=None, k=RRF_K):
    """Reciprocal rank fusion of ranked id lists (each with its weight): the ids, best first."""
    scores = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, pk in enumerate(ranking):
            scores[pk] = scores.get(pk, 0.0) + weight / (k + rank + 1)
    return sorted(scores, key=lambda pk: (-scores[pk], pk))


def similar_pages(page, limit=3):
    """The visible pages of the same type nearest this page, in its language first, one per translation set.

    [] when embeddings are off or the page has no vector yet (its task has not run).
    """
    embedder = get_embedder()
    if embedder is None:
        return []
    index = VectorIndex.current(embedder.name)
    vector = index.vector_of(page.pk)
    if vector is None:
        return []
    snapshot = FacetSnapshot.current()
    own = snapshot.documents.get(page.pk)
    kind = own[0] if own else None
    candidates = [
        (pk, score)
        for pk, score in index.above(vector, similarity_floor())
        if pk != page.pk and pk in snapshot.documents and snapshot.documents[pk][0] == kind
    ][: limit * 10]
    rows = Page.objects.filter(pk__in=[pk for pk, _score in candidates]).values_list(
        "pk", "translation_key", "locale_id"
    )
    facts = {pk: (key, locale) for pk, key, locale in rows}
    ordered = sorted(
        (pk for pk, _score in candidates if pk in facts), key=lambda pk: facts[pk][1] != page.locale_id
    )  # stable: by similarity within each part
    chosen, seen = [], {page.translation_key}
    for pk in ordered:
        if facts[pk][0] not in seen:
            seen.add(facts[pk][0])
            chosen.append(pk)
        if len(chosen) == limit:
            break
    pages = Page.objects.filter(pk__in=chosen).specific().in_bulk()
    return [pages[pk] for pk in chosen if pk in pages]
