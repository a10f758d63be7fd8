"""Erase the personal data of the person behind an email address."""

from django.core.management.base import BaseCommand, CommandError

from network.privacy import erase_personal_data


class Command(BaseCommand):
    help = "Erase one person's personal data: delete messages and registrations, anonymise applications and accounts."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--noinput", action="store_false", dest="interactive", help="Do not ask to confirm.")

    def handle(self, *args, email, interactive, **options):
        if interactive:
            answer = input(f"Erase all personal data stored for {email}? Type 'yes' to continue: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing erased.")
        counts = erase_personal_data(email)
        for key, count in counts.items():
            self.stdout.write(f"{key}: {count}")
