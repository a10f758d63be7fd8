"""Create or repair the Editors and Members groups and the "Network review" workflow (idempotent)."""

from django.core.management.base import BaseCommand

from network.models import MemberGroup, ensure_network_review


class Command(BaseCommand):
    help = 'Set up the "Network review" workflow, the Editors and Members groups, and members\' page permissions.'

    def handle(self, *args, **options):
        workflow = ensure_network_review()
        groups = MemberGroup.objects.select_related("group")
        for member_group in groups:
            member_group.sync_page_permissions()
        self.stdout.write(f'Workflow "{workflow.name}" on the root page; {groups.count()} member groups synced.')
