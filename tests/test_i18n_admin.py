"""Editors translate in the admin with wagtail-localize: "Translate" creates the translation, PO export answers,
and the vocabulary and site settings forms take labels per language."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale, Site
from wagtail_localize.models import Translation

import polib
import pytest

from home.models import SiteSettings, SkillTag

from . import factories
from .i18n_tree import translate_tree


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@guild.example", "pw")
    client.force_login(user)
    return client


def test_translate_action_creates_the_translation_and_po_export_answers(admin_client, site_tree):
    french_locale, _french = translate_tree(site_tree, "fr")
    practice = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Green lab")

    url = reverse("wagtail_localize:submit_page_translation", args=[practice.id])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"locales": [french_locale.id]})
    assert response.status_code == 302

    translated = practice.get_translation(french_locale)
    assert translated.locale.language_code == "fr"
    translation = Translation.objects.get(target_locale=french_locale, source__object_id=practice.translation_key)

    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    catalogue = polib.pofile(response.content.decode())
    assert "Green lab" in [entry.msgid for entry in catalogue]

    # The editor translates the title in a PO file and uploads it; the French draft takes it.
    for entry in catalogue:
        if entry.msgid == "Green lab":
            entry.msgstr = "Laboratoire vert"
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    po_file = SimpleUploadedFile("fr.po", str(catalogue).encode(), content_type="text/x-gettext-translation")
    response = admin_client.post(upload, {"file": po_file, "next": "/admin/"})
    assert response.status_code == 302
    translation.save_target(publish=True)
    translated.refresh_from_db()
    assert translated.title == "Laboratoire vert"


def test_machine_translation_is_off_unless_configured(settings):
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")


def test_submit_translation_of_an_unknown_page_is_a_404(admin_client, site_tree):
    Locale.objects.get_or_create(language_code="fr")
    url = reverse("wagtail_localize:submit_page_translation", args=[999999])
    assert admin_client.get(url).status_code == 404


def test_skill_snippet_form_edits_labels_per_language(admin_client, db):
    skill = factories.SkillTagFactory(name="Green skills", slug="green-skills")
    url = reverse("wagtailsnippets_home_skilltag:edit", args=[skill.pk])
    assert admin_client.get(url).status_code == 200
    data = {
        "name": "Green skills",
        "slug": "green-skills",
        "category": "green",
        "source": "network",
        "esco_uri": "",
        "skill_type": "",
        "alternative_labels": "",
        "description": "",
        "labels-TOTAL_FORMS": "1",
        "labels-INITIAL_FORMS": "0",
        "labels-MIN_NUM_FORMS": "0",
        "labels-MAX_NUM_FORMS": "1000",
        "labels-0-language": "fr",
        "labels-0-name": "Compétences vertes",
        "labels-0-alternative_labels": "",
        "labels-0-id": "",
        "labels-0-ORDER": "0",
        "labels-0-DELETE": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert SkillTag.objects.get(pk=skill.pk).label_for("fr") == "Compétences vertes"


def test_site_settings_form_takes_translations(admin_client, site_tree):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
    assert admin_client.get(url).status_code == 200
    data = {
        "network_name": "Guild",
        "tagline": "Apprenticeships across Europe",
        "contact_email": "",
        "footer_text": "",
        "funding_disclaimer": "Disclaimer.",
        "translations-TOTAL_FORMS": "1",
        "translations-INITIAL_FORMS": "0",
        "translations-MIN_NUM_FORMS": "0",
        "translations-MAX_NUM_FORMS": "1000",
        "translations-0-language": "fr",
        "translations-0-network_name": "",
        "translations-0-tagline": "L’apprentissage en Europe",
        "translations-0-footer_text": "",
        "translations-0-funding_disclaimer": "",
        "translations-0-id": "",
        "translations-0-ORDER": "0",
        "translations-0-DELETE": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302
    site_settings = SiteSettings.for_site(site)
    assert site_settings.localized_for("fr").tagline == "L’apprentissage en Europe"
    assert site_settings.localized_for("fr").network_name == "Guild"
