"""`manage.py suggest_skills`: skill suggestions for the pages that exist already (after a first `import_esco`).

Saving a page in the admin suggests skills for it (search.skill_suggestions); pages written before the ESCO
vocabulary was imported get theirs from this command. It reads each page's latest draft, like the editor would.
"""

from django.core.management.base import BaseCommand

from wagtail.models import get_page_models

from search.skill_suggestions import suggest_skills


class Command(BaseCommand):
    help = "Suggest ESCO skills for every good practice, qualification and event from its text (never applied)."

    def handle(self, *args, **options):
        pages = suggestions = 0
        for model in get_page_models():
            if not getattr(model, "suggests_skills", False):
                continue
            for page in model.objects.all().iterator():
                suggestions += len(suggest_skills(page.get_latest_revision_as_object()))
                pages += 1
        self.stdout.write(f"{pages} pages read; {suggestions} skill suggestions waiting for an editor.")
