"""`manage.py publish_scheduled_loop`: Wagtail's `publish_scheduled` every minute, for as long as it runs.

Scheduled publishing ("go live at") only happens when `publish_scheduled` runs. In production one process
runs this next to the task worker (`manage.py db_worker`), so no cron entry is needed (see the README).
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections


class Command(BaseCommand):
    help = "Publish and unpublish scheduled pages every --interval seconds (Wagtail's publish_scheduled)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run once and stop.")

    def handle(self, *args, interval, once, **options):
        while True:
            close_old_connections()  # a database restart between runs must not leave a dead connection
            try:
                call_command("publish_scheduled", stdout=self.stdout)
            except DatabaseError as error:  # the database is down: try again next round, do not die
                self.stderr.write(f"publish_scheduled failed, retrying in {interval} s: {error}")
            if once:
                return
            time.sleep(max(interval, 1))
