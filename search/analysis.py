"""How both engines read a visitor's words: stop words, the domain thesaurus, and how many words must match.

A query becomes clauses, one per concept the visitor named: "how cities support apprenticeships in small
companies" is [cities|ville|…] [support] [apprenticeships|work-based learning|Ausbildung|…] [small companies|SMEs|…]
("how" and "in" are stop words). A page matches when it matches at least `required` clauses (ranked OR: every
clause up to two, then 60% of them), and ranks higher the more clauses it matches, with a boost when it holds
them all and another when it holds the words as typed, as a phrase. The data live next to this module:
`stopwords.json` (per language, short lists of function words) and `thesaurus.json` (groups of equivalent
words and phrases, maintained by editors of the network's vocabulary).
"""

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent
# Words, with hyphenated compounds kept whole ("e-skills", "long-term"): a compound is matched as a phrase,
# never as the prefix "e*".
WORD_RE = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
MAX_PHRASE_WORDS = 5
ALL_REQUIRED_UP_TO = 2
MINIMUM_SHARE = 0.6
# A query of this many concepts or more reads as a sentence: meaning weighs more in the fusion (search.semantic),
# and Elasticsearch matches its words exactly (search.elasticsearch_engine).
SENTENCE_CLAUSES = 3


@cache
def stop_words(language=""):
    """The stop words of one language, or of every language the lists know (a query of unknown language)."""
    data = json.loads((DATA / "stopwords.json").read_text())
    lists = {code: words for code, words in data.items() if not code.startswith("_")}
    if language in lists:
        return frozenset(lists[language])
    if language:  # a language without a list (Polish before it had one): keep every word
        return frozenset()
    return frozenset(word for words in lists.values() for word in words)


@cache
def thesaurus():
    """{phrase as a tuple of words: the group's phrases}, every phrase lower case; the same phrases also by their
    words' inflection-folded forms (see `fold`), so that "kleinen Unternehmen" finds "kleine unternehmen"."""
    groups = json.loads((DATA / "thesaurus.json").read_text())["groups"]
    entries, folded = {}, {}
    for group in groups:
        phrases = tuple(dict.fromkeys(phrase.lower() for phrase in group))
        for phrase in phrases:
            words = tuple(WORD_RE.findall(phrase))
            entries.setdefault(words, phrases)
            folded.setdefault(tuple(fold(word) for word in words), phrases)
    return {**folded, **entries}  # an exact phrase wins over a folded one


INFLECTIONS = ("en", "es", "e", "s", "n", "i", "a", "o")


def fold(word):
    """A word without one common inflection ending of the network's languages ("kleinen" and "kleine" -> "klein",
    "petites" -> "petit", "piccole" -> "piccol"), for thesaurus lookups only: crude, but both sides are folded
    alike and a key is a whole phrase of the thesaurus."""
    for ending in INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def words_of(text):
    return [word.lower() for word in WORD_RE.findall(text or "")]


@dataclass(frozen=True)
class Clause:
    """One concept of the query: the words as typed first, then the thesaurus's equivalents."""

    alternatives: tuple

    @property
    def typed(self):
        return self.alternatives[0]


@dataclass(frozen=True)
class ParsedQuery:
    clauses: tuple
    required: int
    phrase: str  # the words as typed, for the phrase boost ("" for a one-word query)

    @property
    def sentence_like(self):
        return len(self.clauses) >= SENTENCE_CLAUSES

    @property
    def words(self):
        """Every word a match can contain (typed and equivalent), for highlighting."""
        return sorted({word for clause in self.clauses for alt in clause.alternatives for word in words_of(alt)})

    @property
    def typed_words(self):
        return [word for clause in self.clauses for word in words_of(clause.typed)]


def parse(text, language="", max_terms=12):
    """The clauses of a query (see the module docstring); no clauses for a query of no words."""
    tokens = words_of(text)[:max_terms]
    entries = thesaurus()
    clauses, position = [], 0
    while position < len(tokens):
        for size in range(min(MAX_PHRASE_WORDS, len(tokens) - position), 0, -1):
            key = tuple(tokens[position : position + size])
            if key not in entries:
                key = tuple(fold(token) for token in key)
            if key in entries:
                typed = " ".join(tokens[position : position + size])
                clauses.append(Clause((typed, *(p for p in entries[key] if p != typed))))
                position += size
                break
        else:
            clauses.append(Clause((tokens[position],)))
            position += 1
    stops = stop_words(language)
    content = [clause for clause in clauses if len(clause.alternatives) > 1 or clause.typed not in stops]
    clauses = content or clauses  # a query of stop words only ("on"): keep them
    clauses = list(dict.fromkeys(clauses))
    count = len(clauses)
    required = count if count <= ALL_REQUIRED_UP_TO else max(ALL_REQUIRED_UP_TO, math.floor(count * MINIMUM_SHARE))
    return ParsedQuery(clauses=tuple(clauses), required=required, phrase=" ".join(tokens) if len(tokens) > 1 else "")
