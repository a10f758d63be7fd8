"""Remind members whose pledge progress report for last year is missing (once per member and year).

Run it from cron or a scheduler once a day or once a week (README, "Running in production"); running it again
sends nothing new: each reminder is recorded (`PledgeReminder`, unique per member and year).
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from network.models import PledgeReminder


class Command(BaseCommand):
    help = "Email members whose pledge progress report for last year (or --year) is missing; once per member and year."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="The report year to remind about (default: last year).")
        parser.add_argument("--dry-run", action="store_true", help="List who would be reminded; send nothing.")

    def handle(self, *args, year=None, dry_run=False, **options):
        this_year = timezone.localdate().year
        year = this_year - 1 if year is None else year
        if year >= this_year:
            raise CommandError(f"A report for {year} is not due yet: give a year before {this_year}.")
        sent = 0
        for member in PledgeReminder.members_due(year):
            recipients = PledgeReminder.recipients(member)
            if not recipients:
                self.stderr.write(f"{member.title}: no account or contact address to remind.")
                continue
            if dry_run:
                self.stdout.write(f"Would remind {member.title} ({', '.join(recipients)}) about {year}.")
                continue
            if PledgeReminder.send(member, year):
                sent += 1
                self.stdout.write(f"Reminded {member.title} ({', '.join(recipients)}) about {year}.")
            else:
                self.stderr.write(f"{member.title}: the reminder could not be sent; the next run tries again.")
        if not dry_run:
            self.stdout.write(f"{sent} reminder(s) sent for {year}.")
