"""Editors can create every page type through the Wagtail admin."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from home.models import SkillTag

from . import factories


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@guild.example", "pw")
    client.force_login(user)
    return client


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def admin_form_data(client, model, parent, fields):
    """The add form as the browser would submit it, with `fields` filled in."""
    form_page = client.get(add_url(model, parent))
    assert form_page.status_code == 200
    data = querydict_from_html(form_page.content.decode(), form_id="page-edit-form")
    # StreamFields are drawn by JavaScript; an empty one submits a zero count.
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    for name, value in fields.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    data["action-publish"] = "action-publish"
    # The test client posts a QueryDict's last value only; lists keep them all.
    return {key: data.getlist(key) for key in data}


def create_through_admin(client, model, parent, fields):
    response = client.post(add_url(model, parent), admin_form_data(client, model, parent, fields))
    form = response.context["form"] if response.context and "form" in response.context else None
    assert response.status_code == 302, form.errors if form is not None else response.status_code
    return model.objects.get(slug=fields["slug"])


def test_admin_creates_every_index_and_standard_page(editor_client, site_tree):
    from home.models import StandardPage
    from network.models import MemberIndexPage

    standard = create_through_admin(
        editor_client, StandardPage, site_tree.home, {"title": "Join the network", "slug": "join", "intro": "No fee"}
    )
    assert standard.live and standard.intro == "No fee"
    site_tree.members.delete()
    members = create_through_admin(
        editor_client, MemberIndexPage, site_tree.home, {"title": "Members", "slug": "members"}
    )
    assert members.live


def test_admin_creates_member_page(editor_client, site_tree):
    from network.models import MemberPage

    skill = factories.SkillTagFactory(name="Green skills", slug="green-skills")
    page = create_through_admin(
        editor_client,
        MemberPage,
        site_tree.members,
        {
            "title": "City of Ghent",
            "slug": "ghent",
            "member_type": "city",
            "country": "BE",
            "city": "Ghent",
            "eafa_pledge": "on",
            "pledge_areas": ["supply", "quality"],
            "skills": '"Green skills"',  # the tag widget quotes names with spaces
        },
    )
    assert page.country.code == "BE"
    assert page.pledge_areas == ["supply", "quality"]
    assert list(page.skills.all()) == [skill]


def test_admin_ignores_unknown_skills_because_free_tagging_is_off(editor_client, site_tree):
    from network.models import MemberPage

    data = admin_form_data(
        editor_client,
        MemberPage,
        site_tree.members,
        {"title": "X", "slug": "x", "member_type": "city", "country": "BE", "skills": "Invented skill"},
    )
    editor_client.post(add_url(MemberPage, site_tree.members), data)
    assert not SkillTag.objects.filter(name="Invented skill").exists()
    assert MemberPage.objects.get(slug="x").skills.count() == 0


@pytest.mark.parametrize(
    ("model_path", "index_name", "fields"),
    [
        (
            "network.ProjectPage",
            "projects",
            {
                "title": "Forward",
                "slug": "forward",
                "project_code": "101132823",
                "start_date": "2024-01-01",
                "end_date": "2026-12-31",
            },
        ),
        (
            "network.CampaignPage",
            "campaigns",
            {"title": "Inclusive Cities", "slug": "inclusive", "aim": "Social rights"},
        ),
        (
            "network.EventPage",
            "events",
            {
                "title": "Webinar",
                "slug": "webinar",
                "start": "2027-02-06 10:00",
                "end": "2027-02-06 12:00",
                "kind": "webinar",
            },
        ),
        ("network.NewsPage", "news", {"title": "Highlights", "slug": "highlights", "publication_date": "2019-12-24"}),
        (
            "practices.JointQualificationPage",
            "qualifications",
            {
                "title": "Solar technician",
                "slug": "solar",
                "eqf_level": "4",
                "isced_field": "07",
                "countries": ["FI", "ES"],
            },
        ),
    ],
)
def test_admin_creates_detail_pages(editor_client, site_tree, model_path, index_name, fields):
    from django.apps import apps

    model = apps.get_model(model_path)
    page = create_through_admin(editor_client, model, getattr(site_tree, index_name), fields)
    assert page.live
    assert page.title == fields["title"]


def test_admin_creates_good_practice_with_owner(editor_client, site_tree):
    from practices.models import GoodPracticePage

    member = factories.MemberPageFactory(parent=site_tree.members, title="Lille Metropole")
    page = create_through_admin(
        editor_client,
        GoodPracticePage,
        site_tree.practices,
        {
            "title": "Social economy jobs",
            "slug": "social-economy",
            "country": "FR",
            "owners-TOTAL_FORMS": "1",
            "owners-INITIAL_FORMS": "0",
            "owners-0-member": str(member.pk),
            "owners-0-ORDER": "1",
            "owners-0-id": "",
            "owners-0-DELETE": "",
            "target_groups": ["long_term_unemployed"],
        },
    )
    assert page.owner_members() == [member]
    assert page.target_groups == ["long_term_unemployed"]


def test_admin_refuses_an_event_that_ends_before_it_starts(editor_client, site_tree):
    from network.models import EventPage

    data = admin_form_data(
        editor_client,
        EventPage,
        site_tree.events,
        {"title": "Backwards", "slug": "backwards", "start": "2027-02-06 12:00", "end": "2027-02-06 10:00"},
    )
    response = editor_client.post(add_url(EventPage, site_tree.events), data)
    assert response.status_code == 200
    assert not Page.objects.filter(slug="backwards").exists()


def autosave(client, model, parent, fields):
    """The create form's first autosave: the same form, posted as JSON by Wagtail's autosave controller."""
    data = admin_form_data(client, model, parent, fields)
    data.pop("action-publish")
    return client.post(add_url(model, parent), data, headers={"Accept": "application/json"})


def test_publish_right_after_autosave_created_the_page_publishes_that_page(editor_client, site_tree):
    from home.models import StandardPage

    fields = {"title": "Quick news", "slug": "quick-news", "intro": "First words"}
    saved = autosave(editor_client, StandardPage, site_tree.home, fields)
    assert saved.status_code == 200 and saved.json()["success"] is True
    draft = StandardPage.objects.get(slug="quick-news")
    assert not draft.live

    # The browser had not switched to the edit view yet: "Publish" posts the create form again.
    data = admin_form_data(editor_client, StandardPage, site_tree.home, {**fields, "intro": "Last words"})
    response = editor_client.post(add_url(StandardPage, site_tree.home), data)
    assert response.status_code == 302  # published, not "slug already in use"
    assert StandardPage.objects.filter(slug="quick-news").count() == 1
    page = StandardPage.objects.get(slug="quick-news")
    assert page.pk == draft.pk and page.live and page.intro == "Last words"


def test_a_save_that_races_past_the_slug_check_publishes_into_the_other_create(editor_client, site_tree, monkeypatch):
    """The interleaving of two concurrent creates: the form's slug check ran before the other request committed, so
    only `Page.save()` sees the clash. The form check is made to pass once, as it did for the losing request."""
    from home import admin_create
    from home.models import StandardPage

    fields = {"title": "Race news", "slug": "race-news", "intro": "Autosaved"}
    assert autosave(editor_client, StandardPage, site_tree.home, fields).json()["success"] is True
    data = admin_form_data(editor_client, StandardPage, site_tree.home, {**fields, "intro": "Published"})
    real_check = Page._slug_is_available
    calls = []

    def slug_check_before_the_other_commit(slug, parent_page, page=None):
        calls.append(slug)
        return True if len(calls) == 1 else real_check(slug, parent_page, page)

    monkeypatch.setattr(Page, "_slug_is_available", staticmethod(slug_check_before_the_other_commit))
    # Likewise the middleware's own look before the view: the other create had not committed yet.
    real_lookup = admin_create.fresh_draft
    lookups = []

    def lookup_before_the_other_commit(*args):
        lookups.append(args)
        return None if len(lookups) == 1 else real_lookup(*args)

    monkeypatch.setattr(admin_create, "fresh_draft", lookup_before_the_other_commit)
    response = editor_client.post(add_url(StandardPage, site_tree.home), data)
    assert response.status_code == 302, "not a 500"
    page = StandardPage.objects.get(slug="race-news")
    assert page.live and page.intro == "Published"
    assert StandardPage.objects.filter(slug="race-news").count() == 1
    assert len(lookups) == 2  # the fallback, not the first look, found the draft


def test_a_create_with_a_slug_another_editor_holds_is_still_refused(editor_client, site_tree):
    from home.models import StandardPage

    other = get_user_model().objects.create_superuser("other", "other@guild.example", "pw")
    factories.StandardPageFactory(parent=site_tree.home, slug="taken", title="Taken", live=False, owner=other)
    data = admin_form_data(editor_client, StandardPage, site_tree.home, {"title": "Taken", "slug": "taken"})
    response = editor_client.post(add_url(StandardPage, site_tree.home), data)
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert StandardPage.objects.filter(slug="taken").count() == 1
