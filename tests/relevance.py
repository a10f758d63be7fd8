"""The judged relevance set and its measures: nDCG@10, P@3, MRR and the zero-result rate, per query kind.

`tests/relevance_judgements.json` holds the queries (text, language, kind) and graded judgements written from what
each demo page is about (3 = the answer, 2 = clearly relevant, 1 = related, unlisted = not relevant). Pages are
named by their English slug path and language (`"fr:good-practices/ghent-..."`), so the set survives a reload of
the demo. `tests/test_search_judged.py` asserts floors; `bench/relevance_bench.py` prints the table.
"""

import json
import math
from collections import defaultdict
from pathlib import Path

from wagtail.models import Locale, Page

from search.query import SearchQuery, clean_text
from search.service import run_search

JUDGEMENTS = Path(__file__).with_name("relevance_judgements.json")
KINDS = ("keyword", "sentence", "label", "synonym", "cross_lingual", "typo")


def load_queries():
    return json.loads(JUDGEMENTS.read_text())["queries"]


def page_keys():
    """{page id: "language:english/slug/path"} for every page under the default site's home page."""
    english = Locale.objects.get(language_code="en")
    pages = (
        Page.objects.filter(depth__gt=2).select_related("locale").only("id", "url_path", "translation_key", "locale")
    )
    english_paths = {
        page.translation_key: page.url_path.split("/", 2)[-1].strip("/")
        for page in pages
        if page.locale_id == english.pk
    }
    return {page.pk: f"{page.locale.language_code}:{english_paths.get(page.translation_key, '?')}" for page in pages}


def dcg(grades):
    return sum((2**grade - 1) / math.log2(position + 2) for position, grade in enumerate(grades))


def measure(query, ranked_keys):
    """The measures of one query, from the ranked page keys the engine returned."""
    judged = query["judgements"]
    grades = [judged.get(key, 0) for key in ranked_keys[:10]]
    ideal = dcg(sorted(judged.values(), reverse=True)[:10])
    relevant = [position for position, key in enumerate(ranked_keys) if judged.get(key, 0) >= 2]
    return {
        "ndcg": dcg(grades) / ideal if ideal else 0.0,
        "p3": sum(1 for grade in grades[:3] if grade >= 2) / 3,
        "mrr": 1 / (relevant[0] + 1) if relevant else 0.0,
        "zero": 1.0 if not ranked_keys else 0.0,
    }


def run_judged_set(per_page=10):
    """[(query, measures, ranked keys)] for every judged query, through the search service."""
    keys = page_keys()
    rows = []
    for query in load_queries():
        result = run_search(
            SearchQuery(text=clean_text(query["q"]), language=query.get("language", ""), per_page=per_page)
        )
        ranked = [keys.get(hit["id"], "?") for hit in result["hits"]]
        rows.append((query, measure(query, ranked), ranked))
    return rows


def summary(rows):
    """{kind (and "all"): {measure: mean}}."""
    groups = defaultdict(list)
    for query, measures, _ranked in rows:
        groups[query["kind"]].append(measures)
        groups["all"].append(measures)
    return {
        kind: {name: sum(m[name] for m in items) / len(items) for name in ("ndcg", "p3", "mrr", "zero")}
        | {"queries": len(items)}
        for kind, items in groups.items()
    }


def report(engine, rows):
    lines = [f"engine: {engine}", f"{'kind':<14} {'queries':>7} {'nDCG@10':>8} {'P@3':>6} {'MRR':>6} {'zero':>6}"]
    table = summary(rows)
    for kind in (*KINDS, "all"):
        if kind in table:
            m = table[kind]
            lines.append(
                f"{kind:<14} {m['queries']:>7} {m['ndcg']:>8.3f} {m['p3']:>6.3f} {m['mrr']:>6.3f} {m['zero']:>6.1%}"
            )
    return "\n".join(lines)
