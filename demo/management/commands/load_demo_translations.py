"""Load the example translations of `demo/data/translations.yaml` (run after load_demo_content; idempotent).

A page already translated is brought up to date only while nobody edited it in the admin (its latest
revision has no user), so `make run` never undoes a translator's work. Pages the demo does not have
(an emptied database) are skipped, not an error.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from home.models import SiteSettings, SiteSettingsTranslation, SkillTag, SkillTagLabel, TopicTag, TopicTagLabel
from search.embeddings import deferred
from search.models import PageEmbedding

from ...content import DATA_DIR, DemoDataError, read_translations


class Command(BaseCommand):
    help = "Create or update the demo's example translations (pages, skill and topic labels, site settings)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            default=str(DATA_DIR),
            help="Read translations.yaml from this directory instead of demo/data/.",
        )

    def handle(self, *args, data_dir=None, **options):
        try:
            self.demo = demo = read_translations(data_dir)
        except DemoDataError as error:
            raise CommandError(f"Demo translations not loaded, nothing written: {error}") from None
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            self.stdout.write("No default site: run load_demo_content first.")
            return
        with deferred(), transaction.atomic():  # one bulk embedding at the end, not a task per page
            counts = {"pages": 0, "labels": 0, "settings": 0}
            for path, languages in demo.pages.items():
                source = self.find(site.root_page, path)
                if source is None:
                    continue
                for language, fields in languages.items():
                    counts["pages"] += self.translate(source, language, fields)
            for model, label_model, key, labels in (
                (SkillTag, SkillTagLabel, "skill", demo.skill_labels),
                (TopicTag, TopicTagLabel, "topic", demo.topic_labels),
            ):
                tags = model.objects.in_bulk(list(labels), field_name="slug")
                for slug, names in labels.items():
                    if slug in tags:
                        for language, name in names.items():
                            _row, created = label_model.objects.update_or_create(
                                **{key: tags[slug]}, language=language, defaults={"name": name}
                            )
                            counts["labels"] += created
            site_settings = SiteSettings.for_site(site)
            for language, fields in demo.site_settings.items():
                _row, created = SiteSettingsTranslation.objects.update_or_create(
                    settings=site_settings, language=language, defaults=fields
                )
                counts["settings"] += created
        self.stdout.write(
            f"Example translations: {counts['pages']} page(s) created or updated, "
            f"{counts['labels']} label(s) and {counts['settings']} settings translation(s) created"
        )
        if settings.GUILD_DEMO_EMBEDDINGS:
            self.stdout.write(f"Embeddings: {PageEmbedding.objects.embed_all()} computed.")

    def find(self, root, path):
        page = root
        for slug in path:
            page = page.get_children().filter(slug=slug).first()
            if page is None:
                return None
        return page.specific

    def translate(self, source, language, fields):
        """1 when the translation was created or changed, else 0."""
        locale, _created = Locale.objects.get_or_create(language_code=language)
        fields = dict(fields)
        if "summary" in fields:
            fields["summary"] = f"{self.demo.example_mark[language]} {fields['summary']}"
        translated = Page.objects.filter(translation_key=source.translation_key, locale=locale).first()
        if translated is None:
            translated = source.copy_for_translation(locale, copy_parents=True)
            fields.update(self.translated_streams(translated, language))
        else:
            translated = translated.specific
            latest = translated.get_latest_revision()
            if latest is not None and latest.user_id is not None:
                return 0  # a translator edited it in the admin: keep their work
            streams = self.translated_streams(translated, language)
            if translated.live and not streams and all(getattr(translated, n) == v for n, v in fields.items()):
                return 0
            fields.update(streams)
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
        return 1

    def translated_streams(self, page, language):
        """{field name: raw stream data} for each StreamField of `page` in which `stream_texts` translates a text."""
        texts = self.demo.stream_texts.get(language, {})
        streams = {}
        for field in page._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            raw = list(getattr(page, field.name).raw_data)
            translated = translate_texts(raw, texts)
            if translated != raw:
                streams[field.name] = translated
        return streams


def translate_texts(value, texts):
    """`value` (raw StreamField JSON) with every string that is a key of `texts` replaced by its translation."""
    if isinstance(value, str):
        return texts.get(value, value)
    if isinstance(value, list):
        return [translate_texts(item, texts) for item in value]
    if isinstance(value, dict):
        return {key: item if key in ("id", "type") else translate_texts(item, texts) for key, item in value.items()}
    return value
