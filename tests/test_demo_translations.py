"""The demo's example translations translate their English source: every field translated, the same figures and
dates, nothing the English page does not say. Checked against `practices.demo_content`; the published French
pages are checked in tests/test_i18n_demo_pages.py."""

import re

import pytest

from practices import demo_content as content
from practices import demo_translations as demo


def english_source(path):
    """The English spec `load_demo_content` loads at this slug path."""
    if path == ():
        return {**content.HOME, "body": content.HOME_BODY}
    if len(path) == 1:
        specs = content.INDEX_PAGES + content.STANDARD_PAGES
    else:
        specs = {
            "good-practices": content.PRACTICES,
            "events": content.EVENTS,
            "news": content.NEWS,
        }[path[0]]
    return next(spec for spec in specs if spec["slug"] == path[-1])


def numbers(text):
    """The figures and dates a text states (2019, 14, 20 ...), whatever the language writes around them."""
    text = text.replace("XXIe", "21e")  # French writes centuries in Roman numerals
    return sorted(re.findall(r"\d+", re.sub(r"<[^>]+>", " ", text)))


def stream_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from stream_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from stream_strings(item)


CASES = [
    (path, language, name)
    for path, languages in demo.PAGES.items()
    for language, fields in languages.items()
    for name in fields
]


@pytest.mark.parametrize(("path", "language", "name"), CASES)
def test_each_translated_field_translates_its_english_source(path, language, name):
    source = english_source(path)
    translated = demo.PAGES[path][language][name]
    english = source[name]
    assert english, f"{path} {name}: translating a field the English page leaves empty adds a claim"
    assert translated != english
    assert numbers(translated) == numbers(english), f"{path} {name} ({language}) changes the figures or dates"


@pytest.mark.parametrize("language", sorted(demo.STREAM_TEXTS))
def test_every_stream_text_translation_has_an_english_source_and_keeps_its_figures(language):
    sources = set()
    for spec in [
        {"body": content.HOME_BODY},
        *content.STANDARD_PAGES,
        *content.PRACTICES,
        *content.EVENTS,
        *content.NEWS,
    ]:
        for field in ("body", "impact_figures"):
            sources.update(stream_strings(spec.get(field) or []))
    for english, translated in demo.STREAM_TEXTS[language].items():
        assert english in sources, f"no English page says {english[:60]!r}"
        assert numbers(translated) == numbers(english), english[:60]


def test_the_translated_home_pages_translate_the_hero_text():
    for language in ("fr", "de"):
        assert demo.PAGES[()][language]["intro"] != content.HOME["intro"]
