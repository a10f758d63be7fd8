"""Switch two-factor sign-in off for an editor who lost their phone and their recovery codes."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.two_factor import remove_devices


class Command(BaseCommand):
    help = (
        "Remove the authenticator app and recovery codes of the account(s) with this email address; they then "
        "sign in with their password alone (and set up two-factor sign-in again from their account page)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)

    def handle(self, *args, email, **options):
        email = (email or "").strip()
        if not email:
            raise CommandError("--email must be an address: an empty one would match every account without one.")
        users = list(get_user_model().objects.filter(email__iexact=email).order_by("pk"))
        if not users:
            raise CommandError(f"No account has the address {email}.")
        for user in users:
            removed = remove_devices(user)
            self.stdout.write(f"{user.get_username()}: {removed} two-factor device(s) removed")
