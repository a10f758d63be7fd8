"""Erase the personal data of the person behind an email address."""

from django.core.management.base import BaseCommand, CommandError

from network.privacy import erase_personal_data, staff_accounts


class Command(BaseCommand):
    help = "Erase one person's personal data: delete messages and registrations, anonymise applications and accounts."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--noinput", action="store_false", dest="interactive", help="Do not ask to confirm.")
        parser.add_argument(
            "--include-staff",
            action="store_true",
            help="Also erase a matching account with staff rights (is_staff or Editors); superusers never.",
        )

    def handle(self, *args, email, interactive, include_staff, **options):
        email = (email or "").strip()
        if not email:
            raise CommandError("--email must be an address: an empty one would match every account without one.")
        if staff_accounts(email).exists() and not include_staff:
            self.stderr.write(
                f"{email} belongs to an account with staff rights; it is kept (pass --include-staff to erase it)."
            )
        if interactive:
            answer = input(f"Erase all personal data stored for {email}? Type 'yes' to continue: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing erased.")
        counts = erase_personal_data(email, include_staff=include_staff)
        for key, count in counts.items():
            self.stdout.write(f"{key}: {count}")
