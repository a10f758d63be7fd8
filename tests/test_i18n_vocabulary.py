"""Skills and topics are one concept in every language: labels translate, filters by slug work on French pages."""

import re

from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Site

import pytest

from home.freshness import mark_content_changed
from home.models import SiteSettings, SiteSettingsTranslation, SkillTag, SkillTagLabel, TopicTagLabel

from . import factories
from .i18n_tree import translate, translate_tree


@pytest.fixture
def green_skill(db):
    skill = factories.SkillTagFactory(name="Green skills", slug="green-skills")
    SkillTagLabel.objects.create(skill=skill, language="fr", name="Compétences vertes")
    SkillTagLabel.objects.create(skill=skill, language="de", name="Grüne Kompetenzen")
    return skill


def test_label_follows_the_active_language_and_falls_back_to_the_name(green_skill):
    skill = SkillTag.objects.prefetch_related("labels").get(pk=green_skill.pk)
    assert skill.label_for("fr") == "Compétences vertes"
    assert skill.label_for("fr-be") == "Compétences vertes"
    assert skill.label_for("es") == "Green skills"  # no Spanish label yet
    assert skill.label_for("en") == "Green skills"
    with translation.override("de"):
        assert skill.label == "Grüne Kompetenzen"
        assert str(skill) == "Grüne Kompetenzen"
    assert SkillTag.labels_by_slug(["green-skills"], "fr") == {"green-skills": "Compétences vertes"}


def test_topic_labels_translate_too(db):
    topic = factories.TopicTagFactory(name="Culture", slug="culture")
    TopicTagLabel.objects.create(topic=topic, language="it", name="Cultura")
    with translation.override("it"):
        assert str(topic) == "Cultura"


def test_one_label_per_language(green_skill):
    with pytest.raises(IntegrityError), transaction.atomic():
        SkillTagLabel.objects.create(skill=green_skill, language="fr", name="Autre libellé")


@pytest.fixture
def french_practices(site_tree, green_skill):
    locale, french = translate_tree(site_tree, "fr")
    other_skill = factories.SkillTagFactory(name="Digital skills", slug="digital-skills")
    tagged = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Green lab", skills=[green_skill])
    untagged = factories.GoodPracticePageFactory(parent=site_tree.practices, title="Code club", skills=[other_skill])
    french_tagged = translate(tagged, locale, title="Laboratoire vert")
    french_untagged = translate(untagged, locale, title="Club de code")
    return french, french_tagged, french_untagged


def test_translation_keeps_the_same_skill(french_practices, green_skill):
    _french, french_tagged, _untagged = french_practices
    assert [skill.slug for skill in french_tagged.skills.all()] == ["green-skills"]


def test_filter_by_skill_on_a_french_index_lists_french_pages(client, french_practices):
    french, french_tagged, _french_untagged = french_practices
    response = client.get(french.practices.url, {"skill": "green-skills"})
    assert response.status_code == 200
    assert [item.id for item in response.context["items"]] == [french_tagged.id]
    html = response.content.decode()
    assert "Laboratoire vert" in html
    assert "Club de code" not in html
    assert "Green lab" not in html
    # The card's skill and the filter's option read in French; the value stays the slug.
    assert "Compétences vertes" in html
    assert re.search(r'<option value="green-skills"[^>]*>Compétences vertes</option>', html)


def test_the_same_filter_on_the_english_index_lists_english_pages(client, site_tree, french_practices):
    response = client.get(site_tree.practices.url, {"skill": "green-skills"})
    assert [item.title for item in response.context["items"]] == ["Green lab"]
    assert "Compétences vertes" not in response.content.decode()


def test_unknown_skill_in_a_french_filter_is_not_a_500(client, french_practices):
    french, _tagged, _untagged = french_practices
    response = client.get(french.practices.url, {"skill": "no-such-skill"})
    assert response.status_code == 200


def test_french_listing_query_count_does_not_grow_with_items(client, site_tree, green_skill):
    locale, french = translate_tree(site_tree, "fr")

    def add(count):
        for n in range(count):
            page = factories.GoodPracticePageFactory(parent=site_tree.practices, skills=[green_skill])
            translate(page, locale, title=f"Pratique {n}")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(french.practices.url)
        assert response.status_code == 200
        return len(captured), len(response.context["items"])

    add(2)
    client.get(french.practices.url)  # warm per-process caches (site root paths, content types)
    mark_content_changed()  # counted as right after a change, as the second count is
    few, shown_few = queries()
    add(4)
    many, shown_many = queries()
    assert (shown_few, shown_many) == (2, 6)
    assert many == few


def test_skill_list_page_shows_french_labels(client, site_tree, green_skill):
    html = client.get("/fr/skills/").content.decode()
    assert "Compétences vertes" in html
    assert "Compétences vertes" not in client.get("/skills/").content.decode()


def test_site_settings_translate_per_language(client, site_tree):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.tagline = "Apprenticeships across Europe"
    site_settings.footer_text = "A network of cities and schools."
    site_settings.save()
    SiteSettingsTranslation.objects.create(
        settings=site_settings, language="fr", tagline="L’apprentissage en Europe", footer_text=""
    )
    translate_tree(site_tree, "fr")

    french = client.get("/fr/").content.decode()
    assert "L’apprentissage en Europe" in french
    assert "A network of cities and schools." in french  # empty translation: the default text
    english = client.get("/").content.decode()
    assert "Apprenticeships across Europe" in english
    assert "L’apprentissage en Europe" not in english
