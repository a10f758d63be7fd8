"""Pledge follow-up: targets and yearly reports on member pages (through review), charts with tables on the
member page and the network dashboard, the API, and the reminders of `send_pledge_reminders`."""

import re
from io import StringIO

from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction, WorkflowState

import pytest

from network.choices import PledgeStatus
from network.models import MemberPage, PledgeReminder, ensure_network_review

from .admin_forms import editor_form_data
from .factories import MemberPageFactory, accepted_member

THIS_YEAR = timezone.localdate().year
LAST_YEAR = THIS_YEAR - 1


def with_pledge(member, targets=(), reports=()):
    """Publish `member` with pledge targets (number, counts, year) and reports (year, achieved, counts)."""
    for number, counts, target_year in targets:
        member.pledge_targets.create(number=number, counts=counts, target_year=target_year)
    for year, achieved, counts in reports:
        member.pledge_reports.create(year=year, achieved=achieved, counts=counts, narrative=f"How {year} went.")
    member.eafa_pledge = True
    member.save_revision().publish()
    return MemberPage.objects.get(pk=member.pk)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def chart_label(html, chart_id):
    svg = re.search(rf'<svg[^>]*aria-label="([^"]*)"[^>]*>\s*<title id="{chart_id}-title"', html)
    assert svg, f"no chart {chart_id}"
    return svg.group(1)


@pytest.fixture
def braga(site_tree):
    member = MemberPageFactory(parent=site_tree.members, title="Braga VET School", country="PT", city="Braga")
    return with_pledge(
        member,
        targets=[(50, "apprenticeship places", THIS_YEAR + 2), (10, "teachers trained", THIS_YEAR)],
        reports=[(LAST_YEAR - 1, 12, "apprenticeship places"), (LAST_YEAR, 8, "Apprenticeship places ")],
    )


def test_the_member_page_shows_progress_as_an_accessible_chart_and_a_table(client, braga):
    html = html_of(client, braga.url)
    label = chart_label(html, "pledge-chart")
    assert "apprenticeship places: 20 of 50, 40%" in label
    assert "teachers trained: 0 of 10, 0%" in label
    assert 'role="img"' in html
    assert '<desc id="pledge-chart-desc">' in html
    table = html[html.index('<table class="data-table">') : html.index("</table>")]
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", table)
    assert cells[:5] == ["apprenticeship places", str(THIS_YEAR + 2), "50", "20", "40%"]
    assert f"<strong>{LAST_YEAR}</strong>: 8 Apprenticeship places" in html
    assert f"How {LAST_YEAR} went." in html
    # The bar is drawn to scale, as a share of the track (the SVG is as wide as its column, text unscaled).
    assert 'width="40%" height="10"' in html
    assert re.search(r'<svg[^>]*width="100%" height="\d+"', html) and "viewBox" not in html[html.index("<svg") :]
    # The table scrolls sideways in its own labelled, focusable region on a phone.
    assert re.search(r'<div class="table-scroll" role="region" aria-label="[^"]+" tabindex="0">', html)


def test_a_member_without_targets_shows_no_chart(client, site_tree):
    member = MemberPageFactory(parent=site_tree.members, title="No pledge")
    assert "pledge-chart" not in html_of(client, member.url)


def test_the_api_exposes_targets_reports_and_progress(client, braga):
    data = client.get(f"/api/v2/pages/{braga.pk}/").json()
    assert {"number": 50, "counts": "apprenticeship places", "target_year": THIS_YEAR + 2} in data["pledge_targets"]
    assert [report["achieved"] for report in data["pledge_reports"]] == [12, 8]
    assert data["pledge_reports"][1]["narrative"] == f"How {LAST_YEAR} went."
    progress = {row["label"]: (row["achieved"], row["target"], row["percent"]) for row in data["pledge_progress"]}
    assert progress == {"apprenticeship places": (20, 50, 40), "teachers trained": (0, 10, 0)}


def test_the_dashboard_totals_live_public_members_only(client, site_tree, braga):
    ghent = MemberPageFactory(parent=site_tree.members, title="City of Ghent")
    with_pledge(
        ghent, targets=[(30, "Apprenticeship places", THIS_YEAR)], reports=[(LAST_YEAR, 25, "apprenticeship places")]
    )
    draft = MemberPageFactory(parent=site_tree.members, title="Draft member", live=False)
    draft.pledge_targets.create(number=1000, counts="apprenticeship places", target_year=THIS_YEAR)
    draft.save()
    private = MemberPageFactory(parent=site_tree.members, title="Private member")
    with_pledge(private, targets=[(500, "apprenticeship places", THIS_YEAR)])
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    html = html_of(client, reverse("network:pledges"))
    totals = chart_label(html, "totals-chart")
    assert "apprenticeship places: 45 of 80, 56%" in totals
    assert "teachers trained: 0 of 10" in totals
    per_member = chart_label(html, "members-chart")
    assert "(City of Ghent), 83%" in per_member and "(Braga VET School), 40%" in per_member
    assert "Draft member" not in html and "Private member" not in html
    assert f'href="{ghent.url}"' in html


def test_the_dashboard_query_count_does_not_grow_with_members(client, site_tree, django_assert_max_num_queries):
    def add_members(count):
        for index in range(count):
            member = MemberPageFactory(parent=site_tree.members, title=f"Member {index} of {count}")
            with_pledge(member, targets=[(10, "places", THIS_YEAR)], reports=[(LAST_YEAR, 1, "places")])

    add_members(2)
    with CaptureQueriesContext(connection) as two:
        client.get(reverse("network:pledges"))
    add_members(8)
    with django_assert_max_num_queries(len(two.captured_queries)):
        html = html_of(client, reverse("network:pledges"))
    assert "places: 10 of 100, 10%" in html


def test_the_empty_dashboard_says_so(client, site_tree):
    assert "No member has recorded a pledge target yet." in html_of(client, reverse("network:pledges"))


# The admin: a member records targets and a report in its page editor, through review.


@pytest.fixture
def member_account(site_tree):
    ensure_network_review()
    editor = User.objects.create_user("editor", "editor@guild.example", "editor-password-123")
    editor.groups.add(Group.objects.get(name="Editors"))
    page, user = accepted_member(editor, pledge_status=PledgeStatus.HOLDS)
    return page, user, editor


def pledge_form(client, page, targets=(), reports=(), action="action-submit"):
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = editor_form_data(client.get(edit_url).content.decode(), MemberPage, **{action: action})
    for prefix, rows, names in (
        ("pledge_targets", targets, ("number", "counts", "target_year")),
        ("pledge_reports", reports, ("year", "achieved", "counts", "narrative")),
    ):
        data.update({f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"})
        for index, row in enumerate(rows):
            data.update({f"{prefix}-{index}-{name}": str(value) for name, value in zip(names, row, strict=True)})
            data.update({f"{prefix}-{index}-id": "", f"{prefix}-{index}-ORDER": str(index + 1)})
    return client.post(edit_url, data)


def test_a_member_reports_progress_in_its_page_editor_and_an_editor_approves_it(client, member_account):
    page, account, editor = member_account
    client.force_login(account)
    response = pledge_form(
        client,
        page,
        targets=[(40, "apprenticeship places", THIS_YEAR + 1)],
        reports=[(LAST_YEAR, 15, "apprenticeship places", "Fifteen young people started.")],
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    # In review: the public page and the API do not show it yet.
    assert "pledge-chart" not in html_of(client, page.url)
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["pledge_reports"] == []
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)

    client.force_login(editor)
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk])
    client.post(approve, {"comment": ""})
    html = html_of(client, page.url)
    assert "apprenticeship places: 15 of 40, 38%" in chart_label(html, "pledge-chart")
    assert "Fifteen young people started." in html
    # The report is part of the page's history: the submitted revision holds it.
    assert MemberPage.objects.get(pk=page.pk).get_latest_revision().content["pledge_reports"][0]["achieved"] == 15


@pytest.mark.parametrize(
    "targets, reports, error",
    [
        ([(-5, "places", THIS_YEAR)], [], "greater than or equal to"),
        ([(0, "places", THIS_YEAR)], [], "greater than or equal to 1"),
        ([(5, "places", 1850)], [], "greater than or equal to 2000"),
        ([(5, "places", THIS_YEAR)], [(THIS_YEAR + 1, 3, "places", "")], "a year that has not begun"),
        ([(5, "places", THIS_YEAR)], [(LAST_YEAR, -3, "places", "")], "greater than or equal to"),
        ([(5, "places", THIS_YEAR)], [(LAST_YEAR, 3, "teachers", "")], "No pledge target counts this"),
        (
            [(5, "places", THIS_YEAR)],
            [(LAST_YEAR, 3, "places", ""), (LAST_YEAR, 2, "Places", "")],
            "already a report for this target and year",
        ),
        ([(5, "places", "soon")], [], "Enter a whole number"),
    ],
)
def test_bad_pledge_input_is_refused_in_the_editor_and_saves_nothing(client, member_account, targets, reports, error):
    page, account, _editor = member_account
    client.force_login(account)
    revisions = page.revisions.count()
    response = pledge_form(client, page, targets=targets, reports=reports, action="action-submit")
    assert response.status_code == 200
    assert error in response.content.decode()
    assert page.revisions.count() == revisions
    assert not page.pledge_targets.exists()


# Reminders


@pytest.fixture
def reminders(site_tree):
    ensure_network_review()
    due = with_pledge(
        MemberPageFactory(parent=site_tree.members, title="Due member", contact_email="info@due.example"),
        targets=[(10, "places", THIS_YEAR)],
    )
    reported = with_pledge(
        MemberPageFactory(parent=site_tree.members, title="Reported member", contact_email="info@reported.example"),
        targets=[(10, "places", THIS_YEAR)],
        reports=[(LAST_YEAR, 4, "places")],
    )
    finished = with_pledge(
        MemberPageFactory(parent=site_tree.members, title="Finished member", contact_email="info@old.example"),
        targets=[(10, "places", LAST_YEAR - 1)],
    )
    return {"due": due, "reported": reported, "finished": finished}


def run(*args):
    out = StringIO()
    call_command("send_pledge_reminders", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_reminders_go_once_to_members_whose_report_is_missing(reminders):
    output = run()
    assert [message.to for message in mail.outbox] == [["info@due.example"]]
    message = mail.outbox[0]
    assert str(LAST_YEAR) in message.subject
    assert f"/admin/pages/{reminders['due'].pk}/edit/" in message.body
    assert "- 10 places" in message.body
    assert "1 reminder(s) sent" in output
    assert PledgeReminder.objects.get().member == reminders["due"]

    assert "0 reminder(s) sent" in run()
    assert len(mail.outbox) == 1


def test_a_dry_run_sends_and_records_nothing(reminders):
    output = run("--dry-run")
    assert "Would remind Due member (info@due.example)" in output
    assert "Reported member" not in output and "Finished member" not in output
    assert mail.outbox == []
    assert not PledgeReminder.objects.exists()


def test_reminders_go_to_the_members_accounts_before_the_contact_address(member_account):
    page, account, _editor = member_account
    page.contact_email = "info@stad.gent"
    with_pledge(page, targets=[(10, "places", THIS_YEAR)])
    run()
    assert [message.to for message in mail.outbox] == [[account.email]]
    account.is_active = False
    account.save()
    PledgeReminder.objects.all().delete()
    run()
    assert mail.outbox[-1].to == ["info@stad.gent"]  # no active account left: the page's contact address


def test_a_failing_mail_server_records_nothing_so_the_next_run_retries(reminders, settings):
    settings.EMAIL_BACKEND = "tests.test_membership.FailingEmailBackend"
    run()
    assert not PledgeReminder.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run()
    assert PledgeReminder.objects.count() == 1


def test_a_reminder_for_a_year_not_over_is_refused(db):
    with pytest.raises(CommandError, match="not due yet"):
        run("--year", str(THIS_YEAR))
