"""`manage.py import_erasmus_projects`: Project Results Platform exports (XLSX or CSV) become project pages,
found by identifier, linked to the members that coordinate and take part, with a report of what changed.

The rows are example data in the platform's column layout (both generations of its column names); the
identifiers are fictional (call year 2099) so that no real project is described.
"""

import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

import pytest
from openpyxl import Workbook

from network.choices import MemberType
from network.erasmus_import import member_type_for
from network.models import MemberPage, ProjectPage, ensure_network_review

from . import factories

FIXTURE = Path(__file__).parent / "fixtures" / "erasmus" / "prp_export.csv"
CODE = "2099-1-BE01-KA220-VET-000000001"
GRANT = (
    "EU Grant award in euros (This amount represents the grant awarded after the selection stage and is "
    "indicative. Please note that any changes made during or after the project's lifetime will not be reflected "
    "here.)"
)
HEADER = [
    "Programme",
    "Key Action",
    "Action Type",
    "Funding Year",
    "Project Identifier",
    "Project Title",
    "Project Summary",
    "Start date",
    "End date",
    GRANT,
    "Coordinating organisation name",
    "Coordinator's country",
    "Partner 1 name",
    "Partner 1 country",
]


def run(path):
    out = StringIO()
    call_command("import_erasmus_projects", str(path), stdout=out)
    return out.getvalue()


def xlsx(tmp_path, *rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["Erasmus+ Project Results Platform - export"])  # a title row above the header
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    path = tmp_path / "export.xlsx"
    book.save(path)
    return path


@pytest.fixture
def members(site_tree):
    return {
        "ghent": factories.MemberPageFactory(parent=site_tree.members, title="Example City of Ghent", country="BE"),
        "college": factories.MemberPageFactory(
            parent=site_tree.members, title="College", organisation_name="Example VET College", country="FI"
        ),
        # Same name, other country: not the partner.
        "other": factories.MemberPageFactory(
            parent=site_tree.members, title="Example Cámara de Comercio", country="PT"
        ),
    }


def test_a_csv_export_creates_draft_projects_linked_to_members(members):
    output = run(FIXTURE)
    page = ProjectPage.objects.get(project_code=CODE)
    assert not page.live  # a draft for an editor to check
    assert page.title == "Example apprenticeship bridges"
    assert (page.key_action, page.action_type) == (
        "Key Action 2: Cooperation among organisations and institutions",
        "Partnerships for Cooperation and exchanges of practices",
    )
    assert (page.start_date, page.end_date) == (datetime.date(2099, 9, 1), datetime.date(2101, 8, 31))
    assert page.eu_grant == Decimal("250000.00") and page.website == "https://example.org/bridges"
    assert page.coordinator_id == members["ghent"].pk
    assert [link.member_id for link in page.partner_links.all()] == [members["college"].pk]
    assert "Created (drafts, to check and publish): 1" in output
    assert "Example Cámara de Comercio (ES)" in output  # not a member in Spain: listed, not linked
    assert "line 3: no project identifier or title, skipped" in output


def test_a_second_import_changes_nothing_and_says_so(members):
    run(FIXTURE)
    revisions = ProjectPage.objects.get(project_code=CODE).revisions.count()
    output = run(FIXTURE)
    assert "Nothing changed" in output and "Unchanged: 1" in output
    assert ProjectPage.objects.filter(project_code=CODE).count() == 1
    assert ProjectPage.objects.get(project_code=CODE).revisions.count() == revisions


def test_an_xlsx_export_updates_a_live_project_by_identifier(members, tmp_path, site_tree):
    live = factories.ProjectPageFactory(parent=site_tree.projects, project_code=CODE, title="Bridges", eu_grant=None)
    row = [
        "Erasmus+",
        "Partnerships for cooperation",
        "Cooperation partnerships in vocational education and training",
        "2099",
        CODE,
        "Example apprenticeship bridges",
        "Example data.",
        datetime.datetime(2099, 9, 1),
        datetime.datetime(2101, 8, 31),
        250000,
        "example city of  GHENT",  # letter case and spacing do not matter
        "Belgium",
        "Example VET College",
        "FI",
    ]
    output = run(xlsx(tmp_path, row))
    live.refresh_from_db()
    assert "Updated: 1" in output and "(published)" in output
    assert live.live and live.title == "Example apprenticeship bridges" and live.eu_grant == Decimal("250000.00")
    assert live.coordinator_id == members["ghent"].pk
    assert [link.member_id for link in live.partner_links.all()] == [members["college"].pk]
    assert "Nothing changed" in run(xlsx(tmp_path, row))


def test_a_project_with_a_pending_draft_gets_the_values_in_a_new_draft(members, tmp_path, site_tree):
    page = factories.ProjectPageFactory(parent=site_tree.projects, project_code=CODE, title="Bridges")
    page.title = "Bridges (editor's draft)"
    page.save_revision()
    row = ["Erasmus+", "", "", "2099", CODE, "Example apprenticeship bridges", "", "", "", "", "", "", "", ""]
    output = run(xlsx(tmp_path, row))
    assert "(in a new draft)" in output
    page.refresh_from_db()
    assert page.title == "Bridges"  # the live page is untouched
    assert page.get_latest_revision_as_object().title == "Example apprenticeship bridges"


def test_bad_files_are_clear_errors(site_tree, tmp_path):
    with pytest.raises(CommandError, match="is not a file"):
        run(tmp_path / "missing.csv")
    other = tmp_path / "other.csv"
    other.write_text("name,value\nx,1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="No header with 'Project Identifier'"):
        run(other)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="not a readable XLSX file"):
        run(broken)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Project Number,Project Title\n1,Caf\xe9\n".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        run(latin)
    with pytest.raises(CommandError, match="No project index page with id"):
        call_command("import_erasmus_projects", str(FIXTURE), "--parent", "999999", stdout=StringIO())
    assert not ProjectPage.objects.exists()


def test_editors_upload_an_export_in_the_admin_and_see_what_changed(client, members, admin_user):
    url = "/admin/network/erasmus-import/"
    ensure_network_review()
    member = User.objects.create_user("member", "m@example.org", "member-password-123")
    member.groups.add(Group.objects.get(name="Members"))
    client.force_login(member)
    refused = client.get(url)  # members cannot import for the whole network: Wagtail sends them to the dashboard
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert client.post(url, {"export": SimpleUploadedFile("export.csv", FIXTURE.read_bytes())}).status_code == 302
    assert not ProjectPage.objects.filter(project_code=CODE).exists()

    client.force_login(admin_user)
    page = client.get(url)
    assert page.status_code == 200
    # The header names the page (Wagtail shows the last breadcrumb there), not "Home".
    assert page.context["breadcrumbs_items"][-1]["label"] == "Import Erasmus+ projects"
    upload = SimpleUploadedFile("export.csv", FIXTURE.read_bytes(), content_type="text/csv")
    response = client.post(url, {"export": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Created (drafts, to check and publish)" in html
    assert ProjectPage.objects.filter(project_code=CODE).count() == 1
    again = client.post(url, {"export": SimpleUploadedFile("export.csv", FIXTURE.read_bytes())})
    assert "Nothing changed" in again.content.decode()

    wrong = client.post(url, {"export": SimpleUploadedFile("notes.txt", b"hello")})
    assert "Choose an .xlsx or .csv file." in wrong.content.decode()
    broken = client.post(url, {"export": SimpleUploadedFile("export.xlsx", b"not a workbook")})
    assert broken.status_code == 200 and "is not a readable XLSX file" in broken.content.decode()


def test_with_create_members_organisations_that_are_not_members_become_linked_draft_members(
    members, client, site_tree
):
    out = StringIO()
    call_command("import_erasmus_projects", str(FIXTURE), "--create-members", stdout=out)
    output = out.getvalue()
    draft = MemberPage.objects.get(title="Example Cámara de Comercio", country="ES")
    assert not draft.live and draft.member_type == MemberType.CHAMBER  # from "Chamber of commerce"
    assert draft.revisions.count() == 1  # in the moderation queue's history like any draft
    assert "Created as draft members (to check and publish; linked): 1" in output
    assert "Example Cámara de Comercio (ES): Chamber of industry, commerce or crafts" in output
    assert "Not members" not in output  # nobody left unlinked
    project = ProjectPage.objects.get(project_code=CODE)
    assert {link.member_id for link in project.partner_links.all()} == {members["college"].pk, draft.pk}
    assert MemberPage.objects.get(pk=members["other"].pk).title == "Example Cámara de Comercio"  # PT one untouched

    # Published, the project links its live partners only: the draft member stays off the public site.
    project.save_revision().publish()
    html = client.get(project.url).content.decode()
    assert "Example VET College" in html or "College" in html
    assert "Example Cámara de Comercio" not in html

    again = StringIO()
    call_command("import_erasmus_projects", str(FIXTURE), "--create-members", stdout=again)
    assert "Nothing changed" in again.getvalue()  # the draft member is found by name and country now
    assert MemberPage.objects.filter(title="Example Cámara de Comercio", country="ES").count() == 1


@pytest.mark.parametrize(
    ("organisation_type", "name", "expected"),
    [
        ("Public body (local, regional, national)", "Ayuntamiento de Gijón", MemberType.CITY),
        ("Public body (local, regional, national)", "City of Tampere", MemberType.CITY),
        ("Public body (local, regional, national)", "Regional Education Board", MemberType.REGIONAL_AUTHORITY),
        ("School/Institute/Educational centre – Vocational Training (secondary level)", "X", MemberType.VET_PROVIDER),
        ("Small and medium sized enterprise", "X", MemberType.COMPANY),
        ("Trade union", "X", MemberType.SOCIAL_PARTNER),
        ("Research Institute/Centre", "X", MemberType.RESEARCH),
        ("EU-wide network", "X", MemberType.PROFESSIONAL_BODY),
        ("Professional association", "X", MemberType.PROFESSIONAL_BODY),
        ("Non-governmental organisation/association/social enterprise", "X", MemberType.NON_PROFIT),
        ("", "Stadt Köln", MemberType.CITY),
        (None, "Anything", MemberType.NON_PROFIT),
    ],
)
def test_the_member_type_of_a_draft_member_is_guessed_from_the_organisation_type(organisation_type, name, expected):
    assert member_type_for(organisation_type, name) == expected


def test_an_organisation_without_a_known_country_is_listed_not_created(members, tmp_path):
    row = ["Erasmus+", "", "", "2099", CODE, "Example bridges", "", "", "", "", "Nowhere Org", "Atlantis", "", ""]
    out = StringIO()
    call_command("import_erasmus_projects", str(xlsx(tmp_path, row)), "--create-members", stdout=out)
    assert "Nowhere Org (Atlantis)" in out.getvalue()
    assert not MemberPage.objects.filter(title="Nowhere Org").exists()


def test_editors_can_create_draft_members_from_the_admin_upload(client, members, admin_user):
    client.force_login(admin_user)
    upload = SimpleUploadedFile("export.csv", FIXTURE.read_bytes(), content_type="text/csv")
    response = client.post("/admin/network/erasmus-import/", {"export": upload, "create_members": "on"})
    html = response.content.decode()
    assert response.status_code == 200 and "Created as draft members" in html
    assert not MemberPage.objects.get(title="Example Cámara de Comercio", country="ES").live
