"""The interface's message catalogues: French is complete, every configured language has one."""

from pathlib import Path

from django.conf import settings

import polib

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


def test_the_french_catalogue_translates_every_message():
    catalogue = polib.pofile(str(LOCALE_DIR / "fr" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalogue if not entry.obsolete and not entry.translated()]
    assert missing == []
    assert len(catalogue) > 300


def test_every_configured_language_but_english_has_a_catalogue_with_the_same_messages():
    french = {entry.msgid for entry in polib.pofile(str(LOCALE_DIR / "fr" / "LC_MESSAGES" / "django.po"))}
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        catalogue = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
        assert {entry.msgid for entry in catalogue} == french, code
