"""Members edit only their own pages, submit through the "Network review" workflow, and see its state."""

from django.contrib.auth.models import Group, User
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowState

import pytest

from network.choices import PledgeStatus
from network.models import EventPage, MembershipApplication, ensure_network_review
from practices.models import GoodPracticeOwner, GoodPracticePage

from .admin_forms import editor_form_data
from .factories import EventPageFactory, GoodPracticePageFactory


def accept(name, email, editor):
    application = MembershipApplication.objects.create(
        organisation_name=name,
        member_type="city",
        country="BE",
        city="Ghent",
        contact_name="Contact person",
        email=email,
        pledge_status=PledgeStatus.NO,
        motivation="To share practices.",
        consent=True,
    )
    page = application.accept(by=editor)
    return page, User.objects.get(email=email)


@pytest.fixture
def network(site_tree):
    ensure_network_review()
    editor = User.objects.create_user("editor", "editor@guild.example", "editor-password-123")
    editor.groups.add(Group.objects.get(name="Editors"))
    ghent, ghent_user = accept("City of Ghent", "apprenticeships@stad.gent", editor)
    lyon, lyon_user = accept("Lyon Metropole", "apprentissage@lyon.example", editor)
    lyon_practice = GoodPracticePageFactory(parent=site_tree.practices, title="Lyon apprenticeship desk")
    GoodPracticeOwner.objects.create(practice=lyon_practice, member=lyon)
    lyon_practice.save_revision().publish()
    lyon_event = EventPageFactory(parent=site_tree.events, title="Lyon forum", organiser=lyon)
    lyon.access_group.sync_page_permissions()
    return type(
        "Network",
        (),
        {
            "tree": site_tree,
            "editor": editor,
            "ghent": ghent,
            "ghent_user": ghent_user,
            "lyon": lyon,
            "lyon_user": lyon_user,
            "lyon_practice": lyon_practice,
            "lyon_event": lyon_event,
        },
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_a_member_edits_its_own_page_but_not_another_members(client, network):
    client.force_login(network.ghent_user)
    assert client.get(edit_url(network.ghent)).status_code == 200
    assert client.get(edit_url(network.lyon)).status_code in (302, 403)


def test_a_member_cannot_open_pages_another_member_owns(client, network):
    client.force_login(network.ghent_user)
    for page in (network.lyon_practice, network.lyon_event):
        assert client.get(edit_url(page)).status_code in (302, 403)
    client.force_login(network.lyon_user)
    for page in (network.lyon_practice, network.lyon_event, network.lyon):
        assert client.get(edit_url(page)).status_code == 200


def test_a_member_cannot_edit_index_pages_or_add_members(client, network):
    client.force_login(network.ghent_user)
    assert client.get(edit_url(network.tree.members)).status_code in (302, 403)
    assert client.get(edit_url(network.tree.home)).status_code in (302, 403)
    add_member = reverse("wagtailadmin_pages:add", args=["network", "memberpage", network.tree.members.pk])
    assert client.get(add_member).status_code in (302, 403)
    add_practice = reverse("wagtailadmin_pages:add", args=["practices", "goodpracticepage", network.tree.practices.pk])
    assert client.get(add_practice).status_code == 200


def test_the_explorer_offers_only_the_members_own_page_for_editing(client, network):
    client.force_login(network.ghent_user)
    response = client.get(reverse("wagtailadmin_explore", args=[network.tree.members.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert edit_url(network.ghent) in content
    assert edit_url(network.lyon) not in content
    response = client.get(reverse("wagtailadmin_explore", args=[network.tree.practices.pk]))
    assert edit_url(network.lyon_practice) not in response.content.decode()


def test_a_practice_a_member_creates_goes_to_network_review_and_editors_approve_it(client, network):
    client.force_login(network.ghent_user)
    add_practice = reverse("wagtailadmin_pages:add", args=["practices", "goodpracticepage", network.tree.practices.pk])
    form = client.get(add_practice).content.decode()
    data = editor_form_data(
        form,
        GoodPracticePage,
        **{
            "title": "Ghent apprenticeship coalition",
            "slug": "ghent-apprenticeship-coalition",
            "summary": "Schools and companies of Ghent working together.",
            "country": "BE",
            "city": "Ghent",
            "start_year": "2021",
            "owners-TOTAL_FORMS": "1",
            "owners-INITIAL_FORMS": "0",
            "owners-MIN_NUM_FORMS": "1",
            "owners-MAX_NUM_FORMS": "1000",
            "owners-0-member": str(network.ghent.pk),
            "owners-0-id": "",
            "owners-0-ORDER": "1",
            "owners-0-DELETE": "",
            "action-submit": "action-submit",
        },
    )
    response = client.post(add_practice, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    practice = GoodPracticePage.objects.get(slug="ghent-apprenticeship-coalition")
    assert practice.live is False
    assert practice.owner == network.ghent_user

    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(practice.pk))
    assert state.workflow == Workflow.objects.get(name="Network review")
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # The member sees the state of the submission: on the dashboard and in the editor.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ghent apprenticeship coalition" in dashboard
    assert "Editors review" in dashboard
    assert "Editors review" in client.get(edit_url(practice)).content.decode()
    # The new practice is the member's to edit, and not the other member's.
    client.force_login(network.lyon_user)
    assert client.get(edit_url(practice)).status_code in (302, 403)

    # An editor asks for changes with a comment, then approves the next submission.
    client.force_login(network.editor)
    task_state = state.current_task_state
    reject = reverse("wagtailadmin_pages:workflow_action", args=[practice.pk, "reject", task_state.pk])
    response = client.post(reject, {"comment": "Please add the number of apprentices."})
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state.refresh_from_db()
    assert task_state.comment == "Please add the number of apprentices."

    client.force_login(network.ghent_user)
    history = client.get(reverse("wagtailadmin_pages:history", args=[practice.pk])).content.decode()
    assert "Please add the number of apprentices." in history
    form = client.get(edit_url(practice)).content.decode()
    response = client.post(
        edit_url(practice), editor_form_data(form, GoodPracticePage, **{"action-submit": "action-submit"})
    )
    assert response.status_code == 302
    state = WorkflowState.objects.filter(object_id=str(practice.pk)).order_by("-pk").first()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(network.editor)
    approve = reverse("wagtailadmin_pages:workflow_action", args=[practice.pk, "approve", state.current_task_state.pk])
    client.post(approve, {"comment": ""})
    practice.refresh_from_db()
    assert practice.live is True
    assert client.get(practice.url).status_code == 200


def test_a_member_cannot_publish_directly(client, network):
    client.force_login(network.ghent_user)
    form = client.get(edit_url(network.ghent)).content.decode()
    # The member page is live from acceptance on; the member's change must not reach it without review.
    data = editor_form_data(
        form, type(network.ghent), **{"action-publish": "action-publish", "title": "Renamed by the member"}
    )
    client.post(edit_url(network.ghent), data)
    network.ghent.refresh_from_db()
    assert network.ghent.title == "City of Ghent"
    assert "Renamed by the member" not in client.get(network.ghent.url).content.decode()


def test_events_organised_by_a_member_become_editable_by_it_when_an_editor_creates_them(client, network):
    client.force_login(network.editor)
    add_event = reverse("wagtailadmin_pages:add", args=["network", "eventpage", network.tree.events.pk])
    form = client.get(add_event).content.decode()
    data = editor_form_data(
        form,
        EventPage,
        title="Ghent workshop",
        slug="ghent-workshop",
        start="2030-05-01 10:00",
        end="2030-05-01 12:00",
        organiser=str(network.ghent.pk),
        **{"action-publish": "action-publish"},
    )
    response = client.post(add_event, data)
    assert response.status_code == 302
    event = EventPage.objects.get(slug="ghent-workshop")
    client.force_login(network.ghent_user)
    assert client.get(edit_url(event)).status_code == 200
    client.force_login(network.lyon_user)
    assert client.get(edit_url(event)).status_code in (302, 403)


def test_setting_up_the_workflow_twice_changes_nothing(network):
    counts = (Workflow.objects.count(), Group.objects.count(), Page.objects.count())
    ensure_network_review()
    assert (Workflow.objects.count(), Group.objects.count(), Page.objects.count()) == counts
