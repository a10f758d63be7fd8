"""Compile the project's message catalogues (locale/*/LC_MESSAGES/django.po -> .mo) without GNU gettext.

`manage.py compilemessages` needs `msgfmt` from GNU gettext, which a fresh laptop may lack; polib (installed
with wagtail-localize) writes the same .mo files in pure Python. Only catalogues whose .po is newer than
their .mo are rewritten, so `make run` stays fast. Fuzzy entries are left out, as msgfmt does.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import polib


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po to .mo with polib (no GNU gettext needed)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Recompile even when the .mo is up to date.")

    def handle(self, *args, force=False, verbosity=1, **options):
        compiled = skipped = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    skipped += 1
                    continue
                try:
                    catalogue = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path}: {error}") from error
                for entry in catalogue.fuzzy_entries():
                    catalogue.remove(entry)
                catalogue.save_as_mofile(str(mo_path))
                compiled += 1
                if verbosity > 1:
                    self.stdout.write(f"compiled {po_path.relative_to(settings.BASE_DIR)}")
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"{compiled} catalogue(s) compiled, {skipped} up to date"))
