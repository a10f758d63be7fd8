"""How a query is read (search.analysis): the thesaurus by inflected forms, the network's cities in its languages.

Pure functions: no database. What the engines then do with the clauses is tested in test_search_service.py.
"""

from search.analysis import fold, parse
from search.query import SearchQuery
from search.semantic import SENTENCE_WEIGHT, SHORT_QUERY_WEIGHT, semantic_weight


def alternatives(text, language=""):
    return [clause.alternatives for clause in parse(text, language).clauses]


def test_an_inflected_phrase_finds_its_thesaurus_group():
    # German "kleinen Unternehmen" (dative) is the thesaurus's "kleine unternehmen": small companies, SMEs ...
    (small_companies,) = [alts for alts in alternatives("kleinen Unternehmen", "de") if "smes" in alts]
    assert small_companies[0] == "kleinen unternehmen"  # the words as typed come first
    assert {"small companies", "petites entreprises", "piccole imprese"} <= set(small_companies)
    # Folding is for whole thesaurus phrases: a word that is in no group stays itself.
    assert alternatives("fördern", "de") == [("fördern",)]


def test_folding_strips_one_ending_and_keeps_short_words():
    assert fold("kleinen") == fold("kleine") == "klein"
    assert fold("petites") == "petit"
    assert fold("città") == "città"  # too short to fold (4 letters at least remain)
    assert fold("vet") == "vet"


def test_city_names_in_other_languages_are_the_same_city():
    (warsaw,) = alternatives("Warschau", "de")
    assert "warsaw" in warsaw and "varsovie" in warsaw
    (lisbon,) = alternatives("Lisbonne", "fr")
    assert "lisbon" in lisbon and "lissabon" in lisbon


def test_early_school_leaving_is_one_concept_in_every_language():
    (concept,) = alternatives("décrochage scolaire", "fr")
    assert {"early school leaving", "schulabbruch", "abbandono scolastico", "dropouts"} <= set(concept)


def test_sentence_like_queries_weigh_meaning_more_than_short_ones():
    assert semantic_weight(SearchQuery(text="green skills")) == SHORT_QUERY_WEIGHT
    # Three concepts or more ("how" and "in" are stop words).
    sentence = SearchQuery(text="how cities support apprenticeships in small companies", language="en")
    assert semantic_weight(sentence) == SENTENCE_WEIGHT > SHORT_QUERY_WEIGHT
