"""Create the development admin account the README names (admin / guild-admin).

Refuses to run with DEBUG off: a known password must never reach production.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "guild-admin"  # noqa: S105 - documented development-only credential


class Command(BaseCommand):
    help = "Create (or reset) the development superuser admin / guild-admin. Development only."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG on (development settings).")
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@guild.example"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(PASSWORD)
        user.save()
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} development admin: {USERNAME} / {PASSWORD} at /admin/")
