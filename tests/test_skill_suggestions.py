"""Saving a practice, qualification or event suggests the ESCO skills its text names; editors accept (into a new
draft) or ignore each one in the admin, and nothing is ever added to a page without that click."""

from io import StringIO
from pathlib import Path

from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Locale

import pytest

from home.models import SkillTag
from practices.models import GoodPracticeOwner, GoodPracticePage
from search.models import SkillSuggestion

from . import factories
from .admin_forms import editor_form_data

FIXTURE = Path(__file__).parent / "fixtures" / "esco"
HEAT_PUMP = "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f"
INITIATIVE = "http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f"
SPORTS = "http://data.europa.eu/esco/skill/00506f28-e884-4496-800c-3477c67eb355"


@pytest.fixture
def esco(db):
    call_command("import_esco", str(FIXTURE), "--no-progress", stdout=StringIO(), stderr=StringIO())


def practice(site_tree, **fields):
    """A good practice the editor can save: it needs a member organisation behind it."""
    page = factories.GoodPracticePageFactory(parent=site_tree.practices, **fields)
    member = factories.MemberPageFactory(parent=site_tree.members)
    GoodPracticeOwner.objects.create(practice=page, member=member)
    return page


def save_in_editor(client, page, **fields):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = editor_form_data(client.get(url).content.decode(), type(page), **fields)
    response = client.post(url, data, follow=True)
    assert response.redirect_chain, "the editor refused the form"
    return response


def suggested(page, status=SkillSuggestion.Status.PENDING):
    return set(SkillSuggestion.objects.filter(page=page, status=status).values_list("skill__esco_uri", flat=True))


def test_saving_a_practice_suggests_the_skills_its_text_names(admin_client, site_tree, esco):
    page = practice(site_tree)
    response = save_in_editor(
        admin_client,
        page,
        summary="Apprentices install heat pumps in social housing and show initiative in planning the work.",
    )
    assert suggested(page) == {HEAT_PUMP, INITIATIVE}
    assert "2 ESCO skills are suggested for this page." in response.content.decode()
    # Suggested, not applied: neither the page nor its latest draft carries the skills.
    assert not GoodPracticePage.objects.get(pk=page.pk).get_latest_revision_as_object().skills.exists()
    assert not GoodPracticePage.objects.get(pk=page.pk).skills.exists()


def test_suggestions_follow_the_pages_language(admin_client, site_tree, esco):
    page = practice(site_tree)
    save_in_editor(admin_client, page, summary="Un club de médecine du sport pour les apprentis.")
    assert suggested(page) == set()  # French words on an English page match no English label
    french = practice(site_tree)
    french.locale = Locale.objects.get_or_create(language_code="fr")[0]
    french.save()
    save_in_editor(admin_client, french, summary="Un club de médecine du sport pour les apprentis.")
    # A French page: no such page in the tree's French locale is needed for matching, only its language.
    assert suggested(french) == {SPORTS}


def test_stop_words_and_word_order_matter(admin_client, site_tree, esco):
    page = practice(site_tree)
    save_in_editor(admin_client, page, summary="A pump for heat; the initiative to show was theirs.")
    assert suggested(page) == set()
    save_in_editor(admin_client, page, summary="They show the initiative, and install a heat pump.")
    assert suggested(page) == {INITIATIVE, HEAT_PUMP}  # "the" and "a" are stop words


def test_accepting_adds_the_skill_to_a_new_draft_and_ignoring_never_suggests_it_again(admin_client, site_tree, esco):
    page = practice(site_tree)
    save_in_editor(admin_client, page, summary="Apprentices install heat pumps and show initiative.")
    url = reverse("search_skill_suggestions", args=[page.pk])
    html = admin_client.get(url).content.decode()
    assert "install heat pump" in html and "show initiative" in html and 'value="accept"' in html
    heat_pump = SkillSuggestion.objects.get(page=page, skill__esco_uri=HEAT_PUMP)
    initiative = SkillSuggestion.objects.get(page=page, skill__esco_uri=INITIATIVE)

    response = admin_client.post(url, {"suggestion": heat_pump.pk, "action": "accept"}, follow=True)
    assert "was added to a new draft of this page" in response.content.decode()
    draft = GoodPracticePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [skill.esco_uri for skill in draft.skills.all()] == [HEAT_PUMP]
    live = GoodPracticePage.objects.get(pk=page.pk)
    assert live.has_unpublished_changes and not live.skills.exists()  # published only when the editor publishes

    admin_client.post(url, {"suggestion": initiative.pk, "action": "ignore"})
    assert suggested(page, SkillSuggestion.Status.IGNORED) == {INITIATIVE}
    # Saving again: the ignored one stays ignored, the accepted one is on the page now.
    save_in_editor(admin_client, page, summary="Apprentices install heat pumps and show initiative.")
    assert suggested(page) == set()
    decided = SkillSuggestion.objects.get(pk=heat_pump.pk)
    assert (decided.status, decided.decided_by.is_superuser) == ("accepted", True)


def test_a_suggestion_whose_words_are_gone_goes_away(admin_client, site_tree, esco):
    page = practice(site_tree)
    save_in_editor(admin_client, page, summary="Apprentices install heat pumps.")
    assert suggested(page) == {HEAT_PUMP}
    save_in_editor(admin_client, page, summary="Apprentices insulate roofs.")
    assert suggested(page) == set()


def test_skills_the_page_carries_are_not_suggested(admin_client, site_tree, esco):
    page = practice(site_tree, skills=[SkillTag.objects.get(esco_uri=HEAT_PUMP)])
    save_in_editor(admin_client, page, summary="Apprentices install heat pumps.")
    assert suggested(page) == set()


def test_events_and_qualifications_get_suggestions_and_news_does_not(admin_client, site_tree, esco):
    event = factories.EventPageFactory(parent=site_tree.events)
    save_in_editor(admin_client, event, summary="A workshop: install heat pumps with us.")
    assert suggested(event) == {HEAT_PUMP}
    qualification = factories.JointQualificationPageFactory(parent=site_tree.qualifications)
    save_in_editor(admin_client, qualification, summary="Learners install heat pumps.")
    assert suggested(qualification) == {HEAT_PUMP}
    news = factories.NewsPageFactory(parent=site_tree.news)
    save_in_editor(admin_client, news, summary="Apprentices install heat pumps.")
    assert suggested(news) == set()


def test_the_page_header_links_to_the_suggestions(admin_client, site_tree, esco):
    page = practice(site_tree)
    save_in_editor(admin_client, page, summary="Apprentices install heat pumps.")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert reverse("search_skill_suggestions", args=[page.pk]) in html
    assert "Suggested skills (1)" in html


def test_bad_requests_and_other_peoples_pages(admin_client, client, site_tree, esco, django_user_model):
    page = practice(site_tree)
    save_in_editor(admin_client, page, summary="Apprentices install heat pumps.")
    url = reverse("search_skill_suggestions", args=[page.pk])
    suggestion = SkillSuggestion.objects.get(page=page)
    assert admin_client.post(url, {"suggestion": "nope", "action": "accept"}).status_code == 404
    assert admin_client.post(url, {"suggestion": suggestion.pk, "action": "explode"}).status_code == 400
    assert admin_client.get(reverse("search_skill_suggestions", args=[999999])).status_code == 404
    assert client.get(url).status_code == 302  # to the login page
    editor = django_user_model.objects.create_user("nobody", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Wagtail's admin answers a refused permission with its dashboard and a message.
    response = client.post(url, {"suggestion": suggestion.pk, "action": "accept"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert SkillSuggestion.objects.get(pk=suggestion.pk).status == "pending"


def test_existing_pages_get_suggestions_from_the_command(site_tree, esco):
    page = practice(site_tree, summary="Apprentices install heat pumps.")
    out = StringIO()
    call_command("suggest_skills", stdout=out)
    assert "skill suggestions waiting for an editor" in out.getvalue()
    assert suggested(page) == {HEAT_PUMP}
    assert not GoodPracticePage.objects.get(pk=page.pk).skills.exists()
