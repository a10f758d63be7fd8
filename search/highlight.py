"""Highlighted fragments for the database engine (Elasticsearch highlights its own)."""

import re

from django.utils.html import escape

FRAGMENT_LENGTH = 160


def term_pattern(terms):
    """Words starting with a term or its crude stem, so "skills" marks "skill" and "skills"."""
    stems = sorted({stem(term) for term in terms if term}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def stem(term):
    for suffix in ("ing", "es", "ed", "s"):
        if len(term) > len(suffix) + 3 and term.endswith(suffix):
            return term[: -len(suffix)]
    return term


def fragments(texts, terms, limit=2):
    """Up to `limit` HTML fragments (escaped, matches in <mark>) from the texts that contain a term."""
    pattern = term_pattern(terms)
    if pattern is None:
        return []
    found = []
    for text in texts:
        text = " ".join((text or "").split())
        match = pattern.search(text)
        if not match:
            continue
        start = max(0, match.start() - FRAGMENT_LENGTH // 3)
        if start:
            start = text.find(" ", start) + 1 or start
        window = text[start : start + FRAGMENT_LENGTH]
        parts, last = [], 0
        for hit in pattern.finditer(window):
            parts.append(escape(window[last : hit.start()]))
            parts.append(f"<mark>{escape(hit.group(0))}</mark>")
            last = hit.end()
        parts.append(escape(window[last:]))
        prefix = "… " if start else ""
        suffix = " …" if start + FRAGMENT_LENGTH < len(text) else ""
        found.append(prefix + "".join(parts) + suffix)
        if len(found) >= limit:
            break
    return found
