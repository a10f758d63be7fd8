"""Bench databases: the demo content in a SQLite file of its own, and a copy with N extra live pages.

    from bench.extra_pages import bench_database
    path = bench_database(extra_pages=10_000)   # bench/speed-10000.sqlite3, built once, reused afterwards

The extra pages are inserted in bulk (treebeard paths computed here, one multi-row INSERT per table and batch),
so 10,000 pages take seconds, not the ~10 minutes factories and revisions would. They are spread evenly over
the seven listed page types, under the English index pages, with varied dates, countries, years, levels and one
skill and one topic each, so orderings, filters and facets see realistic values. They are not in the search
index (the search page measures the demo's index either way) and have no revisions (listings never read them).

Used by bench/listings.py and bench/speed.py; it runs inside a configured Django (callers call django.setup()).
"""

import datetime
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
COUNTRIES = ("BE", "FR", "DE", "ES", "IT", "PL", "NL", "PT", "AT", "SE", "FI", "IE")
# The index page (by model) each extra page goes under, and the model's own fields.
LISTED_MODELS = (
    "network.MemberPage",
    "network.ProjectPage",
    "network.CampaignPage",
    "network.EventPage",
    "network.NewsPage",
    "practices.GoodPracticePage",
    "practices.JointQualificationPage",
)


def database_path(extra_pages):
    return BENCH_DIR / ("speed-base.sqlite3" if not extra_pages else f"speed-{extra_pages}.sqlite3")


def build_base_database(path):
    """Migrate and load the demo content and its translations (`make demo` without the admin users)."""
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{path}", "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    for command in (
        ["migrate", "--noinput"],
        ["load_demo_content"],
        ["load_demo_translations"],
        ["update_index"],
    ):
        subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *command, "-v0"], cwd=ROOT, env=environment, check=True
        )


def bench_database(extra_pages=0, rebuild=False):
    """The path of a SQLite file holding the demo content plus `extra_pages` pages, built if missing.

    The file with extras is a copy of the base file, filled in a subprocess (this process may already be
    connected to another database).
    """
    base = database_path(0)
    if rebuild or not base.exists():
        base.unlink(missing_ok=True)
        build_base_database(base)
    if not extra_pages:
        return base
    target = database_path(extra_pages)
    if rebuild or not target.exists():
        partial = target.with_suffix(".partial")
        shutil.copyfile(base, partial)
        environment = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{partial}",
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        }
        code = (
            "import django; django.setup(); from bench.extra_pages import add_extra_pages; "
            f"add_extra_pages({int(extra_pages)})"
        )
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, check=True)  # noqa: S603
        partial.rename(target)
    return target


def field_values(model_label, number):
    """Values of a model's own required fields for extra page `number`, varied the way real content varies."""
    day = datetime.date(2015, 1, 1) + datetime.timedelta(days=number % 4000)
    country = COUNTRIES[number % len(COUNTRIES)]
    summary = f"An extra page for the benchmark, number {number}."
    if model_label == "network.MemberPage":
        return {"member_type": "city" if number % 3 == 0 else "vet_provider", "country": country, "city": "Ghent"}
    if model_label == "network.ProjectPage":
        return {"project_code": f"9{number:08d}", "start_date": day, "end_date": day + datetime.timedelta(days=700)}
    if model_label == "network.CampaignPage":
        return {"start_date": day, "summary": summary}
    if model_label == "network.EventPage":
        start = datetime.datetime.combine(day + datetime.timedelta(days=1500), datetime.time(9), datetime.UTC)
        return {"start": start, "end": start + datetime.timedelta(hours=3), "country": country, "city": "Lyon"}
    if model_label == "network.NewsPage":
        return {"publication_date": day, "summary": summary}
    if model_label == "practices.GoodPracticePage":
        return {"country": country, "city": "Ghent", "start_year": 2000 + number % 25, "summary": summary}
    if model_label == "practices.JointQualificationPage":
        return {"eqf_level": 1 + number % 8, "summary": summary}
    raise ValueError(model_label)


def add_extra_pages(count, batch_size=250, models=LISTED_MODELS):
    """Insert `count` live English pages, spread over `models` (the listed page types), in one transaction."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Locale, Page

    from home.freshness import mark_content_changed
    from home.models import SkillTag, TopicTag

    english = Locale.get_default()
    skills = list(SkillTag.objects.order_by("pk"))
    topics = list(TopicTag.objects.order_by("pk"))
    now = timezone.now()
    per_model = [count // len(models)] * len(models)
    for position in range(count % len(models)):
        per_model[position] += 1
    with transaction.atomic():
        for model_label, model_count in zip(models, per_model, strict=True):
            model = apps.get_model(model_label)
            index_model = next(
                related
                for related in apps.get_models()
                if getattr(related, "listing_model", None) == model_label and issubclass(related, Page)
            )
            parent = index_model.objects.get(locale=english)
            content_type = ContentType.objects.get_for_model(model)
            last_child = parent.get_last_child()
            first_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
            own_fields = model._meta.local_concrete_fields
            for batch_start in range(0, model_count, batch_size):
                numbers = range(batch_start, min(batch_start + batch_size, model_count))
                pages = []
                for number in numbers:
                    slug = f"extra-{model._meta.model_name}-{number}"
                    title = f"Extra {model._meta.verbose_name} {number:05d}"
                    pages.append(
                        Page(
                            title=title,
                            draft_title=title,
                            slug=slug,
                            content_type=content_type,
                            locale=english,
                            translation_key=uuid.uuid4(),
                            path=Page._get_path(parent.path, parent.depth + 1, first_step + number),
                            depth=parent.depth + 1,
                            numchild=0,
                            url_path=f"{parent.url_path}{slug}/",
                            live=True,
                            has_unpublished_changes=False,
                            first_published_at=now,
                            last_published_at=now,
                            show_in_menus=False,
                        )
                    )
                Page.objects.bulk_create(pages)
                specifics = []
                for number, page in zip(numbers, pages, strict=True):
                    specific = model(page_ptr_id=page.pk, **field_values(model_label, number))
                    specifics.append(specific)
                # Multi-table inheritance: Django's bulk_create refuses it, so the child rows go in through the
                # queryset's own insert (the one bulk_create uses), with the child table's fields only.
                model.objects._insert(specifics, fields=own_fields)
                if skills:
                    model.skills.through.objects.bulk_create(
                        model.skills.through(content_object_id=page.pk, tag=skills[page.pk % len(skills)])
                        for page in pages
                    )
                if topics:
                    model.topics.through.objects.bulk_create(
                        model.topics.through(content_object_id=page.pk, tag=topics[page.pk % len(topics)])
                        for page in pages
                    )
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + model_count)
    mark_content_changed()  # bulk inserts send no signal: listings and API counts must not keep old ids
