"""Print, as JSON, everything Guild stores about the person behind an email address."""

import json

from django.core.management.base import BaseCommand, CommandError

from network.privacy import export_personal_data


class Command(BaseCommand):
    help = "Export one person's personal data (applications, contact requests, registrations, account) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)

    def handle(self, *args, email, **options):
        if not (email or "").strip():
            raise CommandError("--email must be an address.")
        self.stdout.write(json.dumps(export_personal_data(email), indent=2, ensure_ascii=False))
