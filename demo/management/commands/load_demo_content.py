"""`python manage.py load_demo_content`: the network's real texts plus example records (see docs/demo-content.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.content import DATA_DIR, DemoDataError, read_content
from demo.loader import DemoContentLoader
from search.embeddings import deferred
from search.models import PageEmbedding


class Command(BaseCommand):
    help = (
        "Load the demo content: the source texts as pages plus example members, practices, qualifications and "
        "events. Safe to run again: it updates in place and creates nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also reset demo pages that an editor has changed in the admin since they were loaded.",
        )

        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even under production settings (it writes example members and events into the site).",
        )
        parser.add_argument(
            "--data-dir",
            default=str(DATA_DIR),
            help="Read the YAML files from this directory instead of demo/data/.",
        )

    def handle(self, *args, force=False, allow_production=False, data_dir=None, **options):
        # SETTINGS_MODULE is None where settings were configured in code (some test runners).
        if (settings.SETTINGS_MODULE or "").endswith(".production") and not allow_production:
            raise CommandError(
                "Refusing to load demo content under production settings; pass --allow-production if you mean it."
            )
        try:
            content = read_content(data_dir)
        except DemoDataError as error:
            raise CommandError(f"Demo data not loaded, nothing written: {error}") from None
        loader = DemoContentLoader(force=force, content=content)
        with deferred():  # one bulk embedding below, not a task per published page
            loader.run()
        for line in loader.summary_lines():
            self.stdout.write(line)
        if settings.GUILD_DEMO_EMBEDDINGS:
            self.stdout.write(f"Embeddings: {PageEmbedding.objects.embed_all()} computed.")
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
