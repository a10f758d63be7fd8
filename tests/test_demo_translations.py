"""The demo's example translations translate their English source: every field translated, the same figures and
dates, nothing the English page does not say. Checked against demo/data/*.yaml; the published French
pages are checked in tests/test_i18n_demo_pages.py."""

import re

import pytest

from demo.content import read_content, read_translations

content = read_content()
demo = read_translations()


def english_source(path):
    """The English spec `load_demo_content` loads at this slug path."""
    if path == ():
        return {**content.home, "body": content.home_body}
    if len(path) == 1:
        specs = content.index_pages + content.standard_pages
    else:
        specs = {
            "good-practices": content.practices,
            "events": content.events,
            "news": content.news,
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
    for path, languages in demo.pages.items()
    for language, fields in languages.items()
    for name in fields
]


@pytest.mark.parametrize(("path", "language", "name"), CASES)
def test_each_translated_field_translates_its_english_source(path, language, name):
    source = english_source(path)
    translated = demo.pages[path][language][name]
    english = source[name]
    assert english, f"{path} {name}: translating a field the English page leaves empty adds a claim"
    assert translated != english
    assert numbers(translated) == numbers(english), f"{path} {name} ({language}) changes the figures or dates"


@pytest.mark.parametrize("language", sorted(demo.stream_texts))
def test_every_stream_text_translation_has_an_english_source_and_keeps_its_figures(language):
    sources = set()
    for spec in [
        {"body": content.home_body},
        *content.standard_pages,
        *content.practices,
        *content.events,
        *content.news,
    ]:
        for field in ("body", "impact_figures"):
            sources.update(stream_strings(spec.get(field) or []))
    for english, translated in demo.stream_texts[language].items():
        assert english in sources, f"no English page says {english[:60]!r}"
        assert numbers(translated) == numbers(english), english[:60]


def test_the_translated_home_pages_translate_the_hero_text():
    for language in ("fr", "de"):
        assert demo.pages[()][language]["intro"] != content.home["intro"]
