"""The embedded engine: Wagtail's database index for words, the facet store for everything else.

Why not `Page.objects.search(...)` with `.facet()`? Profiling Wagtail 8's database backend at 10,000 pages
(see docs/search.md) shows where its time goes:
- relevance ordering annotates every matching page with a *correlated* subquery that re-runs the full-text
  match once per row (`score_subquery ... OuterRef("pk")` in modelsearch's sqlite backend), so a query matching
  thousands of pages runs thousands of FTS lookups;
- the match is not restricted to the content types searched (it joins the index for every Page subclass),
  and the page queryset joins `wagtailcore_page` for `live()` before filtering by the id list;
- facets (`.facet(field)`) re-run the whole search per facet and can only count fields of one model, so
  counting countries across seven page types means seven searches per facet.
This engine runs the match once as a plain uncorrelated query over the index tables (restricted to the
searched content types), then filters and counts facets over an in-memory copy of the small facet store
(`FacetSnapshot`, reloaded whenever the store changes), and builds highlights only for the hits shown.
"""

import difflib
import re
from dataclasses import dataclass, field
from functools import cache as cache_result

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection

from modelsearch.conf import get_app_config

from home.models import SkillTag
from home.models.mixins import LANGUAGE_ANALYZERS

from .analysis import WORD_RE, parse, stop_words
from .facets import FACET_METHODS, TYPE_MODELS, indexed_page_models, locale_ids
from .highlight import stem
from .models import FacetStoreVersion, SearchDocument, SearchFacetValue

RERANK_WINDOW = 100
# Ranked OR: a page holding every clause of the query, or the words as typed, ranks above one holding most.
ALL_CLAUSES_BOOST = 1.5
PHRASE_BOOST = 2.0
SHORT_WORD = 3
AUTOCOMPLETE_CANDIDATES = 500
# PostgreSQL's text search configuration per language: Elasticsearch's list plus Dutch, which PostgreSQL ships
# (and which the Elasticsearch side leaves out only for want of a test, see home.models.mixins).
TEXT_SEARCH_CONFIGS = {**LANGUAGE_ANALYZERS, "nl": "dutch"}

# Wagtail's database index tables (wagtail.search's IndexEntry and, on SQLite, its FTS5 shadow table).
INDEX_ENTRY = get_app_config().get_model("IndexEntry", require_ready=False)
FACET_LIMIT = 50


@dataclass
class EngineResult:
    """What an engine answers; the service turns it into the public result shape."""

    total: int
    hits: list  # [(page_id, [highlight html, ...])] for the requested page, in order
    facets: dict  # facet -> {value: count}
    suggestion: str | None = None
    engine: str = "database"
    extra: dict = field(default_factory=dict)


def _fts_alternative(text):
    """One alternative as FTS5 syntax: all its words (AND), each word's crude stem as a prefix, compounds as phrases.

    "small companies" finds "small craft companies"; "e-skills" is the phrase "e skills", never the prefix "e*".
    """
    units = []
    for word in WORD_RE.findall(text.lower()):
        parts = re.findall(r"\w+", word)
        if len(parts) > 1:  # a hyphenated compound: its parts in order
            units.append('"' + " ".join(parts) + '"')
            continue
        root = stem(word)
        units.append(f'"{root}"*' if len(root) > SHORT_WORD else f'"{word}"')
    return "(" + " AND ".join(units) + ")" if units else '""'


def content_type_ids(type_keys=None):
    pairs = zip(TYPE_MODELS, indexed_page_models(), strict=True)
    models = [model for key, model in pairs if not type_keys or key in type_keys]
    return [ct.pk for ct in ContentType.objects.get_for_models(*models, for_concrete_models=False).values()]


class FacetSnapshot:
    """The facet store in memory, per process, reloaded whenever the store changes.

    At 10,000 pages the grouped-SQL facet counts over thousands of matched ids cost 50-200 ms on PostgreSQL;
    counting in Python over an in-memory copy costs a few ms. Freshness: every query first reads the store's
    version token (`FacetStoreVersion`, one row by primary key); any publish/unpublish/delete changes it.
    Memory is roughly 1 KB per page (fine to ~50,000 pages; beyond that, use Elasticsearch).
    """

    _current = None

    def __init__(self, stamp):
        self.stamp = stamp
        rows = SearchDocument.objects.values_list("page_id", "kind", "date", "locale_id").iterator()
        self.documents = {pk: (kind, date.isoformat() if date else None, locale) for pk, kind, date, locale in rows}
        self.by_value = {}  # (facet, value) -> ids of the pages that have it
        for pk, facet, value in SearchFacetValue.objects.values_list("page_id", "facet", "value").iterator():
            self.by_value.setdefault((facet, value), set()).add(pk)
        for pk, (kind, _date, _locale) in self.documents.items():
            self.by_value.setdefault(("type", kind), set()).add(pk)

    @classmethod
    def current(cls):
        stamp = (FacetStoreVersion.current(), connection.settings_dict.get("NAME"))
        if cls._current is None or cls._current.stamp != stamp:
            cls._current = cls(stamp)
        return cls._current

    def pages_with(self, facet, values):
        pages = set()
        for value in values:
            pages |= self.by_value.get((facet, value), set())
        return pages

    def count(self, pages, facets):
        """{facet: {value: count}} over `pages`, the most frequent values first.

        One set intersection per facet value (there are tens of values, and C does the work) rather than a
        Python loop over every page's values: 3-4x faster for thousands of matches.
        """
        wanted = set(facets)
        counts = {facet: [] for facet in facets}
        for (facet, value), holders in self.by_value.items():
            if facet in wanted:
                number = len(pages & holders)
                if number:
                    counts[facet].append((value, number))
        return {
            facet: dict(sorted(items, key=lambda item: (-item[1], item[0]))[:FACET_LIMIT])
            for facet, items in counts.items()
        }


class DatabaseEngine:
    name = "database"

    # --- words -------------------------------------------------------------------------------------------------
    # The SQL below is assembled only from constants and "%s" placeholders; every value is a parameter.
    def _match_sql(self, parsed, ct_ids, language="", locale_id=None):
        """PostgreSQL: SQL + params selecting (page_id, score, clause) for every clause (and the phrase, clause -1)
        a page matches. One statement: a UNION ALL of one index match per clause; the engine counts the clauses.
        """
        selects, params = [], []
        clauses = [(index, clause.alternatives) for index, clause in enumerate(parsed.clauses)]
        if parsed.phrase and len(parsed.clauses) > 1:
            clauses.append((-1, (parsed.phrase,)))
        for index, alternatives in clauses:
            sql, clause_params = self._clause_sql(index, alternatives, ct_ids, language, locale_id)
            selects.append(sql)
            params.extend(clause_params)
        return " UNION ALL ".join(selects), params

    def _clause_sql(self, index, alternatives, ct_ids, language, locale_id):
        placeholders = ", ".join(["%s"] * len(ct_ids))
        entries = INDEX_ENTRY._meta.db_table
        # Each alternative's words (AND, stemmed), the alternatives OR'ed; the phrase boost as a phrase.
        function = "phraseto_tsquery" if index < 0 else "plainto_tsquery"
        tsquery = " || ".join([f"{function}(%s)"] * len(alternatives))
        sql = (
            f"SELECT CAST(ie.object_id AS integer), ts_rank(ie.title, q) * 10 + ts_rank(ie.body, q), {int(index)} "  # noqa: S608
            # OFFSET 0 keeps PostgreSQL from inlining the subselect, which re-ran every plainto_tsquery twice per
            # row: 1.1 s instead of 45 ms for "apprenticeship" (19 thesaurus alternatives) at 10,000 pages.
            f"FROM {entries} ie, (SELECT {tsquery} AS q OFFSET 0) tq "
            f"WHERE (ie.title @@ q OR ie.body @@ q) AND ie.content_type_id IN ({placeholders})"
        )
        params = [*alternatives, *ct_ids]
        config = TEXT_SEARCH_CONFIGS.get(language) if language != settings.LANGUAGE_CODE else None
        if config is None or locale_id is None:
            return sql, params
        # The index is built with one configuration; pages in the visitor's language also match as that
        # language reads them (its stemming and stop words), computed at query time over those pages only.
        language_tsquery = " || ".join([f"{function}(CAST(%s AS regconfig), %s)"] * len(alternatives))
        in_language = (
            f"SELECT CAST(ie.object_id AS integer), ts_rank(v, q) * 10, {int(index)} "  # noqa: S608
            f"FROM {SearchDocument._meta.db_table} d "
            f"JOIN {entries} ie ON ie.object_id = CAST(d.page_id AS varchar) "
            "CROSS JOIN LATERAL to_tsvector(CAST(%s AS regconfig), ie.title_text || ' ' || ie.body_text) v, "
            f"(SELECT {language_tsquery} AS q OFFSET 0) tq "
            f"WHERE d.locale_id = %s AND ie.content_type_id IN ({placeholders}) AND v @@ q"
        )
        language_params = [config]
        for alternative in alternatives:
            language_params += [config, alternative]
        return f"{sql} UNION ALL {in_language}", [*params, *language_params, locale_id, *ct_ids]

    def _scores(self, parsed, language, locale_id, spelling):
        """{page_id: score} of the pages matching enough clauses, ranked OR with the all-words and phrase boosts.

        When no page holds enough clauses, the pages holding the most of them answer, unless the words look
        misspelt (`spelling()`, the search's one spelling suggestion, is not None): a word no page holds, of
        another language or a name ("formazione professionale duale"), must not empty a result that its other
        words would fill.
        """
        if connection.vendor == "sqlite":
            matched, sums, phrase = self._sqlite_matches(parsed, content_type_ids())
        else:
            matched, sums, phrase = self._postgresql_matches(parsed, content_type_ids(), language, locale_id)
        scores = self._ranked(parsed, matched, sums, phrase, parsed.required)
        held = max(matched.values(), default=0)  # the most clauses one page holds
        if not scores and 0 < held < parsed.required and spelling() is None:
            scores = self._ranked(parsed, matched, sums, phrase, held)
        return scores

    @staticmethod
    def _ranked(parsed, matched, sums, phrase, required):
        count = len(parsed.clauses)
        scores = {}
        for page_id, clauses in matched.items():
            if clauses < required:
                continue
            share = clauses / count
            score = (sums[page_id] + 1.0) * share * (ALL_CLAUSES_BOOST if clauses == count else 1.0)
            scores[page_id] = score + PHRASE_BOOST * phrase.get(page_id, 0.0)
        return scores

    def _postgresql_matches(self, parsed, ct_ids, language, locale_id):
        """({page: clauses matched}, {page: summed rank}, {page: phrase rank}) from one UNION ALL statement."""
        with connection.cursor() as cursor:
            cursor.execute(*self._match_sql(parsed, ct_ids, language, locale_id))
            rows = cursor.fetchall()
        matched, sums, phrase = {}, {}, {}
        for page_id, score, index in rows:
            if index < 0:
                phrase[page_id] = max(phrase.get(page_id, 0.0), score)
                continue
            matched.setdefault(page_id, set()).add(index)
            sums[page_id] = sums.get(page_id, 0.0) + max(score, 0.0)
        return {page_id: len(clauses) for page_id, clauses in matched.items()}, sums, phrase

    def _sqlite_matches(self, parsed, ct_ids):
        """The same three maps from SQLite FTS5 (columns: autocomplete, body, title), in few, cheap statements.

        BM25 is a sum over the query's phrases, so one match of every clause OR'ed gives each page the sum of its
        clauses' scores; it is the only statement that joins the index entries (for the page id and the content
        type). Which clauses a page holds comes from one rowid-only match per clause, and the phrase boost from
        one more. Measured at 10,000 synthetic pages: 45 ms instead of 76 ms for a three-word query, against one
        joined match per clause. Every word is quoted (no FTS syntax gets through), see _fts_alternative.
        """
        fts, entries = f"{INDEX_ENTRY._meta.db_table}_fts", INDEX_ENTRY._meta.db_table
        clauses = ["(" + " OR ".join(_fts_alternative(alt) for alt in c.alternatives) + ")" for c in parsed.clauses]
        placeholders = ", ".join(["%s"] * len(ct_ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {fts}.rowid, CAST(ie.object_id AS integer), -bm25({fts}, 0.0, 1.0, 10.0) "  # noqa: S608
                f"FROM {fts} JOIN {entries} ie ON ie.id = {fts}.rowid "
                # The unary "+" keeps SQLite from driving the join from the content-type index and re-running the
                # FTS match per row (13 s instead of 15 ms for a one-type search at 10,000 pages).
                f"WHERE {fts} MATCH %s AND +ie.content_type_id IN ({placeholders})",
                ["{title body} : (" + " OR ".join(clauses) + ")", *ct_ids],
            )
            rows = cursor.fetchall()
            if len(clauses) == 1:
                return {page_id: 1 for _r, page_id, _s in rows}, {page_id: max(s, 0.0) for _r, page_id, s in rows}, {}
            holders = []
            for clause in clauses:
                cursor.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", ["{title body} : " + clause])  # noqa: S608
                holders.append({row[0] for row in cursor.fetchall()})
            phrase_of = {}
            if parsed.phrase:
                words = " ".join(re.findall(r"\w+", parsed.phrase.lower()))
                cursor.execute(
                    f"SELECT rowid, -bm25({fts}, 0.0, 1.0, 10.0) FROM {fts} WHERE {fts} MATCH %s",  # noqa: S608
                    ['{title body} : "' + words + '"'],
                )
                phrase_of = dict(cursor.fetchall())
        matched, sums, phrase = {}, {}, {}
        for rowid, page_id, score in rows:
            matched[page_id] = sum(1 for held in holders if rowid in held)
            sums[page_id] = max(score, 0.0)
            if rowid in phrase_of:
                phrase[page_id] = phrase_of[rowid]
        return matched, sums, phrase

    # --- the search --------------------------------------------------------------------------------------------
    def search(self, query):
        parsed = parse(query.text, query.language)
        terms = parsed.typed_words
        # Asked at most once a search: by the relaxation in _scores and for a search that finds nothing.
        spelling = cache_result(lambda: self.suggest_spelling(terms, query.language))
        snapshot = FacetSnapshot.current()
        locales = locale_ids() if query.language or query.locale else {}
        if parsed.clauses:
            # Every content type is matched (a selected type is a facet filter below), so the type facet keeps
            # its alternatives when a type is selected with words.
            scores = self._scores(parsed, query.language, locales.get(query.language), spelling)
            candidates = scores.keys() & snapshot.documents.keys()
        else:
            scores = {}
            candidates = set(snapshot.documents)
        if query.locale:
            wanted_locale = locales.get(query.locale)
            candidates = {pk for pk in candidates if snapshot.documents[pk][2] == wanted_locale}
        selections = {facet: snapshot.pages_with(facet, values) for facet, values in query.filters.items()}
        if query.skill_categories:
            slugs = SkillTag.objects.filter(category__in=query.skill_categories).values_list("slug", flat=True)
            candidates &= snapshot.pages_with("skill", slugs)

        def narrowed(exclude=None):
            pages = set(candidates)
            for facet, pages_with_value in selections.items():
                if facet != exclude:
                    pages &= pages_with_value
            return pages

        eligible = narrowed()
        facets = snapshot.count(eligible, [f for f in ("type", *FACET_METHODS) if f not in selections])
        for facet in selections:
            facets.update(snapshot.count(narrowed(exclude=facet), [facet]))

        rows = [(pk, snapshot.documents[pk][1]) for pk in eligible]
        if terms and query.sort == "relevance":
            rows.sort(key=lambda row: (-scores.get(row[0], 0.0), -row[0]))
            rows[:RERANK_WINDOW] = self._rerank(rows[:RERANK_WINDOW], scores, terms)
        else:
            rows.sort(key=lambda row: (row[1] is not None, row[1] or "", row[0]), reverse=True)
        if query.language in locales:
            # The visitor's language first, each part in the order above (the sort is stable).
            preferred = locales[query.language]
            rows.sort(key=lambda row: snapshot.documents[row[0]][2] != preferred)
        total = len(rows)
        start = (query.page - 1) * query.per_page
        page_ids = [row[0] for row in rows[start : start + query.per_page]]
        hits = [(pk, []) for pk in page_ids]  # the service builds the snippets, alike for both engines
        suggestion = spelling() if terms and total == 0 else None
        return EngineResult(total=total, hits=hits, facets=facets, suggestion=suggestion)

    def _rerank(self, rows, scores, terms):
        """Title > summary > body: the index keeps only title and body, so add the summary's weight here."""
        stems = [stem(term) for term in terms]

        texts = {
            pk: (title.lower(), (summary or "").lower())
            for pk, title, summary in SearchDocument.objects.filter(page_id__in=[row[0] for row in rows]).values_list(
                "page_id", "title", "summary"
            )
        }

        def weight(row):
            title, summary = texts.get(row[0], ("", ""))
            in_title = sum(1 for s in stems if s in title) / len(stems)
            in_summary = sum(1 for s in stems if s in summary) / len(stems)
            return -(scores.get(row[0], 0.0) * (1 + in_title * 2 + in_summary)), -row[0]

        return sorted(rows, key=weight)

    # --- spelling and autocomplete -----------------------------------------------------------------------------
    def vocabulary(self, language=""):
        """Words of the live titles and summaries (of one language's pages if given), cached until the store changes.

        Per language, so that a French query is corrected to French words ("dans" is not "das").
        """
        locale_id = locale_ids().get(language) if language else None
        key = f"search-vocabulary-{connection.alias}-{FacetStoreVersion.current()}-{locale_id}"
        words = cache.get(key)
        if words is None:
            documents = SearchDocument.objects.all()
            if locale_id is not None:
                documents = documents.filter(locale_id=locale_id)
            words = set()
            for title, summary in documents.values_list("title", "summary").iterator():
                words.update(word.lower() for word in re.findall(r"[^\W\d_]{3,}", f"{title} {summary}"))
            words.update(name.lower() for name in SkillTag.objects.values_list("name", flat=True))
            words = sorted(words)
            cache.set(key, words, 3600)
        return words

    def index_words(self):
        """Every word of the index (titles and bodies, all languages) on SQLite, from FTS5's own term list
        (`fts5vocab`, a per-connection virtual table: nothing is stored); empty elsewhere. Cached like
        `vocabulary`. Reading the bodies' text instead would cost seconds at 10,000 pages; FTS5 keeps the list."""
        if connection.vendor != "sqlite":
            return ()
        key = f"search-index-words-{connection.alias}-{FacetStoreVersion.current()}"
        words = cache.get(key)
        if words is None:
            fts = f"{INDEX_ENTRY._meta.db_table}_fts"
            with connection.cursor() as cursor:
                cursor.execute(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_index_terms USING fts5vocab(main, {fts}, row)"
                )
                cursor.execute("SELECT term FROM temp.search_index_terms")
                words = sorted(term for (term,) in cursor.fetchall() if re.fullmatch(r"[^\W\d_]{3,}", term))
            cache.set(key, words, 3600)
        return words

    def suggest_spelling(self, terms, language=""):
        """A corrected query, or None. Stop words, numbers and words the pages hold (or extend) are left alone.

        Corrections come from the titles and summaries in the visitor's language first ("dans" is not "das"),
        then, on SQLite, from every word of the index ("renovaton" -> "renovation", a word only a body holds).
        The service only shows it when the corrected query finds something (and the typed one found nothing).
        """
        vocabulary, index_words = self.vocabulary(language), self.index_words()
        known, stops = {*vocabulary, *index_words}, stop_words(language)
        corrected, changed = [], False
        for term in terms:
            if term in known or term in stops or term.isdigit() or len(term) < SHORT_WORD:
                corrected.append(term)
                continue
            close = difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75) or difflib.get_close_matches(
                term, index_words, n=1, cutoff=0.75
            )
            if close and not close[0].startswith(stem(term)):  # "support" -> "supports" is no correction
                corrected.append(close[0])
                changed = True
            else:
                corrected.append(term)
        return " ".join(corrected) if changed else None

    def autocomplete(self, text, limit=8):
        """Titles with a word starting with each typed word ("gh" finds "Ghent", not "Highlights").

        Ranked by importance: titles that start with the words first, then members, practices and
        qualifications before news, then shorter titles.
        """
        terms = re.findall(r"\w+", text.lower())[:6]
        if not terms:
            return []
        documents = SearchDocument.objects.all()
        for term in terms:
            documents = documents.filter(title__icontains=term)
        starts = [re.compile(r"(?:^|\W)" + re.escape(term), re.IGNORECASE) for term in terms]
        rows = [
            row
            for row in documents.values_list("page_id", "title", "kind")[:AUTOCOMPLETE_CANDIDATES]
            if all(pattern.search(row[1]) for pattern in starts)
        ]
        order = list(TYPE_MODELS)
        rows.sort(
            key=lambda row: (
                not row[1].lower().startswith(terms[0]),
                order.index(row[2]) if row[2] in order else len(order),
                len(row[1]),
                row[1],
            )
        )
        return rows[:limit]
