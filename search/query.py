"""The search service's input: one validated, immutable query, built from request parameters."""

import re
import unicodedata
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.utils.translation import gettext as _

from django_countries import countries

from home.models import SkillCategory
from network.choices import MemberType

from .facets import FACETS, TYPE_MODELS

MAX_TEXT_LENGTH = 200
MAX_TERMS = 12
MAX_PAGE = 1000
MAX_VALUES_PER_FACET = 20
PER_PAGE = 10
SORTS = ("relevance", "date")

SLUG_RE = re.compile(r"^[-\w]{1,100}$")
TERM_RE = re.compile(r"\w+", re.UNICODE)


class InvalidSearchParameter(ValueError):
    """A request parameter the service cannot use; `parameter` names it for the 400 answer."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def clean_text(value):
    """Visible text only: control characters (NUL included) become spaces, whitespace collapses, length caps.

    Lucene syntax (`title:(a OR`, unbalanced quotes) is not interpreted by either engine: the database engine
    keeps only word characters, Elasticsearch gets the text in a multi_match (no query-string parsing).
    """
    value = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in value)
    return " ".join(value.split())[:MAX_TEXT_LENGTH]


def text_terms(text):
    return [term.lower() for term in TERM_RE.findall(text)][:MAX_TERMS]


def _valid_values(facet):
    if facet == "type":
        return set(TYPE_MODELS)
    if facet == "member_type":
        return set(MemberType.values)
    if facet == "eqf_level":
        return {str(level) for level in range(1, 9)}
    if facet == "country":
        return set(dict(countries))
    return None


@dataclass(frozen=True)
class SearchQuery:
    """What a visitor asked: words (may be empty: browse mode), selected facet values, page, sort."""

    text: str = ""
    filters: dict = field(default_factory=dict)  # facet name -> tuple of selected values
    skill_categories: tuple = ()
    page: int = 1
    sort: str = "relevance"
    per_page: int = PER_PAGE
    # The visitor's language: its pages come first (a ranking, not a filter). "" ranks no language first.
    language: str = ""
    # `locale=fr`: French pages only (a filter, as on the pages API's listings). "" for every language.
    locale: str = ""

    @property
    def terms(self):
        return text_terms(self.text)

    def selected(self, facet):
        return self.filters.get(facet, ())

    def with_text(self, text):
        return replace(self, text=text)

    @classmethod
    def from_params(cls, params, language=""):
        """Build from a QueryDict (GET); raises InvalidSearchParameter naming the first bad parameter.

        `language` is the visitor's (the active language); a `language` parameter overrides it (ranking only),
        and `locale` filters to one language.
        """
        locale = (params.get("locale", "") or "").strip()
        preferred = (params.get("language", "") or "").strip()
        for name, value in (("locale", locale), ("language", preferred)):
            if value and value not in content_languages():
                raise InvalidSearchParameter(name, _("Unknown language: %(value)s") % {"value": value[:20]})
        text = clean_text(params.get("q", "") or "")
        filters = {}
        for facet in FACETS:
            raw = [value.strip() for value in params.getlist(facet) if value.strip()]
            if not raw:
                continue
            if len(raw) > MAX_VALUES_PER_FACET:
                raise InvalidSearchParameter(facet, _("Too many values."))
            if facet == "country":
                raw = [value.upper() for value in raw]
            allowed = _valid_values(facet)
            for value in raw:
                if facet == "year":
                    if not (value.isascii() and value.isdigit() and len(value) == 4):
                        raise InvalidSearchParameter(facet, _("Expected a four-digit year."))
                elif allowed is not None:
                    if value not in allowed:
                        raise InvalidSearchParameter(facet, _("Unknown value: %(value)s") % {"value": value[:50]})
                elif not SLUG_RE.match(value):
                    raise InvalidSearchParameter(facet, _("Expected a slug."))
            filters[facet] = tuple(dict.fromkeys(raw))
        categories = tuple(dict.fromkeys(value for value in params.getlist("skill_category") if value))
        for category in categories:
            if category not in SkillCategory.values:
                raise InvalidSearchParameter("skill_category", _("Expected green, digital or transversal."))
        page_value = params.get("page", "1") or "1"
        if not (page_value.isascii() and page_value.isdigit()) or not 1 <= int(page_value) <= MAX_PAGE:
            raise InvalidSearchParameter("page", _("Expected a page number from 1 to %(max)s.") % {"max": MAX_PAGE})
        sort = params.get("sort", "relevance") or "relevance"
        if sort not in SORTS:
            raise InvalidSearchParameter("sort", _("Expected relevance or date."))
        return cls(
            text=text,
            filters=filters,
            skill_categories=categories,
            page=int(page_value),
            sort=sort,
            language=locale or preferred or (language if language in content_languages() else ""),
            locale=locale,
        )


def content_languages():
    """The language codes pages can be written in (WAGTAIL_CONTENT_LANGUAGES)."""
    return {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
