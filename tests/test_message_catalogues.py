"""The interface's message catalogues: every configured language translates every message, correctly formed.

An untranslated or fuzzy message, a placeholder lost or renamed, an empty plural form or a wrong plural rule
fails here, for every language in ``settings.LANGUAGES`` (the source language, English, has no catalogue).
"""

import gettext
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.utils import translation

import polib
import pytest

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
MSGFMT = shutil.which("msgfmt")

# What a placeholder is: Python %-format (named or not, and the escaped %%), str.format fields, HTML tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif%]|\{\w*\}|</?[a-zA-Z][^>]*>")

# gettext's plural rules (GNU gettext manual, "Plural forms"): how many forms each language has, and for a few
# counts which form it must pick. Polish has three: 1; 2-4, 22-24, ...; and everything else (5-21, 25-31, ...).
PLURAL_FORMS = {
    "fr": (2, {0: 0, 1: 0, 2: 1, 5: 1}),
    "de": (2, {0: 1, 1: 0, 2: 1, 5: 1}),
    "es": (2, {0: 1, 1: 0, 2: 1, 5: 1}),
    "it": (2, {0: 1, 1: 0, 2: 1, 5: 1}),
    "nl": (2, {0: 1, 1: 0, 2: 1, 5: 1}),
    "pt": (2, {0: 1, 1: 0, 2: 1, 5: 1}),
    "fi": (2, {0: 1, 1: 0, 2: 1, 5: 1}),
    "sv": (2, {0: 1, 1: 0, 2: 1, 5: 1}),
    "pl": (3, {0: 2, 1: 0, 2: 1, 4: 1, 5: 2, 12: 2, 14: 2, 21: 2, 22: 1, 25: 2, 102: 1, 112: 2}),
}


def catalogue_path(code):
    return LOCALE_DIR / code / "LC_MESSAGES" / "django.po"


def load(code):
    return polib.pofile(str(catalogue_path(code)))


def placeholders(text):
    return Counter(PLACEHOLDER.findall(text))


def test_every_configured_language_but_english_has_a_catalogue():
    assert TRANSLATED_LANGUAGES, "no interface language besides English is configured"
    for code in TRANSLATED_LANGUAGES:
        assert catalogue_path(code).is_file(), code


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_the_catalogue_translates_every_message_and_none_is_fuzzy(code):
    catalogue = load(code)
    assert len(catalogue) > 300
    assert catalogue.metadata.get("Language") == code
    assert not catalogue.metadata_is_fuzzy
    assert [entry.msgid for entry in catalogue if not entry.obsolete and not entry.translated()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


SOURCE_DIRS = ("api", "config", "home", "network", "partners", "practices", "search", "site")


def test_every_message_in_the_code_and_templates_is_in_the_catalogues(tmp_path, settings):
    """What `makemessages` extracts from the source today is all in the French catalogue (and so, by the test
    below, in every catalogue): a string added in code without a translation fails here, not on the French site.
    makemessages runs on a copy, so the real catalogues are never rewritten by a test."""
    if shutil.which("xgettext") is None:
        pytest.skip("GNU gettext (xgettext) is not installed")
    for name in SOURCE_DIRS:
        shutil.copytree(
            Path(settings.BASE_DIR) / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
        )
    shutil.copytree(LOCALE_DIR / "fr", tmp_path / "locale" / "fr", ignore=shutil.ignore_patterns("*.mo"))
    subprocess.run(  # noqa: S603
        [
            sys.executable,
            str(Path(settings.BASE_DIR) / "manage.py"),
            "makemessages",
            "-l",
            "fr",
            "--no-obsolete",
            "-v0",
        ],
        cwd=tmp_path,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "GUILD_LOCALE_DIR": str(tmp_path / "locale"),
        },
        check=True,
        capture_output=True,
    )
    extracted = polib.pofile(str(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in extracted if not entry.translated() or "fuzzy" in entry.flags]
    assert missing == []


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_every_catalogue_has_the_same_messages_as_french(code):
    french = {(entry.msgctxt, entry.msgid) for entry in load("fr") if not entry.obsolete}
    assert {(entry.msgctxt, entry.msgid) for entry in load(code) if not entry.obsolete} == french


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_every_translation_keeps_the_placeholders_and_markup_of_its_message(code):
    wrong = []
    for entry in load(code):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            expected = placeholders(entry.msgid_plural)
            wrong += [(entry.msgid, form) for form in entry.msgstr_plural.values() if placeholders(form) != expected]
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append((entry.msgid, entry.msgstr))
    assert wrong == []


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_the_plural_rule_is_the_languages_own_and_every_form_is_filled(code):
    catalogue = load(code)
    match = re.fullmatch(r"\s*nplurals=(\d+);\s*plural=(.+?);?\s*", catalogue.metadata["Plural-Forms"])
    assert match, catalogue.metadata["Plural-Forms"]
    nplurals, plural = int(match.group(1)), gettext.c2py(match.group(2))
    expected_nplurals, expected_forms = PLURAL_FORMS[code]
    assert nplurals == expected_nplurals
    assert {count: plural(count) for count in expected_forms} == expected_forms
    plural_entries = [entry for entry in catalogue if entry.msgid_plural and not entry.obsolete]
    assert plural_entries, "the catalogue has no plural messages to check"
    for entry in plural_entries:
        assert sorted(entry.msgstr_plural) == list(range(nplurals)), entry.msgid
        assert all(form.strip() for form in entry.msgstr_plural.values()), entry.msgid


@pytest.mark.skipif(MSGFMT is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_gnu_msgfmt_accepts_the_catalogue_with_its_format_checks(code, tmp_path):
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own catalogue
        [MSGFMT, "--check", "--check-format", "-o", str(tmp_path / "django.mo"), str(catalogue_path(code))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "django.mo").stat().st_size > 0


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_the_compiled_catalogue_serves_every_translation_in_django(code):
    """compile_translations ran for the session (tests/conftest.py); Django now answers from the .mo files.

    Django's own catalogues may have other plural rules (its Polish one has four forms); ours must still win.
    """
    catalogue = load(code)
    _nplurals, expected_forms = PLURAL_FORMS[code]
    wrong = []
    with translation.override(code):
        for entry in catalogue:
            if entry.obsolete:
                continue
            if entry.msgid_plural:
                for count, form in expected_forms.items():
                    served = translation.ngettext(entry.msgid, entry.msgid_plural, count)
                    if served != entry.msgstr_plural[form]:
                        wrong.append((entry.msgid, count, served))
            elif translation.gettext(entry.msgid) != entry.msgstr:
                wrong.append((entry.msgid, translation.gettext(entry.msgid)))
    assert wrong == []
