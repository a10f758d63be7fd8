"""`manage.py import_esco <folder>`: the ESCO skills of an unzipped ESCO CSV download (home/esco.py).

Download the CSV files from https://esco.ec.europa.eu/en/use-esco/download (classification "skills",
one package per language), unzip them into one folder and pass that folder.
"""

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from home.esco import EscoFormatError, EscoImport

REPORTED = (
    "concepts read",
    "skills created",
    "skills updated",
    "skills unchanged",
    "labels created",
    "labels updated",
    "rows skipped",
    "rows not released",
    "names shared with another skill",
)


class Command(BaseCommand):
    help = "Create or update the skills vocabulary from ESCO's CSV files (skills_<lang>.csv and the collections)."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Folder holding skills_en.csv, skills_fr.csv, ... and the collection files")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs)")

    def handle(self, *args, folder, no_progress=False, **options):
        def progress(items, total):
            return tqdm(items, total=total, desc="ESCO skills", unit=" skills", file=self.stderr, disable=no_progress)

        try:
            report = EscoImport(folder).run(progress)
        except (EscoFormatError, UnicodeDecodeError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Read: {', '.join(report.files)}")
        for name in report.skipped_files:
            self.stdout.write(f"Skipped: {name}")
        for problem in report.problems:
            self.stdout.write(f"Warning: {problem}")
        self.stdout.write("; ".join(f"{report.counts[key]} {key}" for key in REPORTED if report.counts[key]))
        if report.changed:
            self.stdout.write(
                self.style.SUCCESS("ESCO import done. Run manage.py update_index so that search knows the new labels.")
            )
        else:
            self.stdout.write("Nothing changed: the skills vocabulary already matches these files.")
