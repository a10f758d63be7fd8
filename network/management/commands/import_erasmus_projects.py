"""`manage.py import_erasmus_projects <file>`: projects from an Erasmus+ Project Results Platform export
(network/erasmus_import.py). Export the search results at https://erasmus-plus.ec.europa.eu/projects as XLSX or
CSV and pass the file."""

from django.core.management.base import BaseCommand, CommandError

from network.erasmus_import import ErasmusFormatError, ErasmusProjectImport
from network.models import ProjectIndexPage


class Command(BaseCommand):
    help = "Create or update project pages from an Erasmus+ Project Results Platform export (XLSX or CSV)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The exported .xlsx or .csv file")
        parser.add_argument("--parent", type=int, help="Id of the project index page new projects go under")
        parser.add_argument(
            "--create-members",
            action="store_true",
            help="Create organisations that are not members as draft member pages (to check and publish) and link "
            "them; without it they are only listed.",
        )

    def handle(self, *args, file, parent=None, create_members=False, **options):
        parent_page = None
        if parent is not None:
            parent_page = ProjectIndexPage.objects.filter(pk=parent).first()
            if parent_page is None:
                raise CommandError(f"No project index page with id {parent}.")
        try:
            report = ErasmusProjectImport(file, parent_page, create_members=create_members).run()
        except ErasmusFormatError as error:
            raise CommandError(str(error)) from error
        for heading, items in (
            ("Created (drafts, to check and publish)", report.created),
            ("Updated", report.updated),
            ("Unchanged", report.unchanged),
            ("Created as draft members (to check and publish; linked)", report.created_members),
            ("Not members (not linked; add them as members, or import with --create-members)", report.not_members),
            ("Problems", report.problems),
        ):
            if items:
                self.stdout.write(f"{heading}: {len(items)}")
                for item in items:
                    self.stdout.write(f"  {item}")
        if not report.changed:
            self.stdout.write("Nothing changed: every project already matches the export.")
