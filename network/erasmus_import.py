"""Projects from the Erasmus+ Project Results Platform's export (`manage.py import_erasmus_projects <file>`).

The platform (https://erasmus-plus.ec.europa.eu/projects) exports search results as XLSX or CSV, one project per
row. Two generations of column names are in use; both are read (`COLUMNS`): the current one ("Project Identifier",
"Key Action", "Action Type", "Coordinating organisation name") and the earlier one ("Project Number", "Action",
"Activity type", "Coordinator's name"), with "Partner <n> name" / "Partner <n> country" for the consortium.

A project is found by its identifier (`ProjectPage.project_code`). New projects are created as drafts under the
project index, for an editor to check and publish; a live project without pending changes is republished with
the platform's values, one that has a draft keeps it and gets the values in a new draft. Coordinator and
partners are linked to existing members by name (page title or organisation name, letter case and spacing
ignored) and country; organisations that are not members are listed in the report, never created.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from wagtail.models import Locale

from django_countries import countries
from openpyxl import load_workbook

from .choices import PartnerRole, Programme
from .models import MemberPage, ProjectIndexPage, ProjectPage, ProjectPartner

COLUMNS = {
    "identifier": ("Project Identifier", "Project Number"),
    "title": ("Project Title",),
    "summary": ("Project Summary",),
    "programme": ("Programme",),
    "key_action": ("Key Action", "Sub-programme"),
    "action_type": ("Action Type", "Action", "Activity type"),
    "start_date": ("Start date", "Start Date"),
    "end_date": ("End date", "End Date"),
    "eu_grant": ("EU Grant award in euros",),  # the header goes on: "(This amount represents ...)"
    "website": ("Project Website",),
    "coordinator": ("Coordinating organisation name", "Coordinator's name"),
    "coordinator_country": ("Coordinator's country",),
}
PARTNER_RE = re.compile(r"^Partner (\d+) name$")
HEADER_SEARCH_ROWS = 10
SUMMARY_LENGTH = 600


class ErasmusFormatError(ValueError):
    """Not a Project Results Platform export (a message for the person running the import)."""


@dataclass
class ProjectReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    not_members: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated)


def read_table(path):
    """The rows of the export as lists of strings (or dates and numbers, from XLSX)."""
    path = Path(path)
    if not path.is_file():
        raise ErasmusFormatError(f"{path} is not a file.")
    if path.suffix.lower() == ".xlsx":
        try:
            sheet = load_workbook(path, read_only=True, data_only=True).active
        except Exception as error:  # openpyxl raises many kinds on a broken file
            raise ErasmusFormatError(f"{path.name} is not a readable XLSX file ({error}).") from error
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ErasmusFormatError(f"{path.name} is not UTF-8 text.") from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def header_index(rows):
    """(row number of the header, {key: column index}, {partner number: (name column, country column)})."""
    for number, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = [str(cell or "").strip() for cell in row]
        found = {}
        for key, aliases in COLUMNS.items():
            for position, name in enumerate(names):
                if any(name == alias or name.startswith(alias + " (") for alias in aliases):
                    found.setdefault(key, position)
        if "identifier" in found and "title" in found:
            partners = {}
            for position, name in enumerate(names):
                match = PARTNER_RE.match(name)
                if match and f"Partner {match.group(1)} country" in names:
                    partners[int(match.group(1))] = (position, names.index(f"Partner {match.group(1)} country"))
            return number, found, dict(sorted(partners.items()))
    raise ErasmusFormatError("No header with 'Project Identifier' (or 'Project Number') and 'Project Title'.")


def text_of(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    value = text_of(value)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(value[:10], pattern).date()
        except ValueError:
            continue
    return None


def parse_amount(value):
    text = text_of(value).replace("€", "").replace(" ", "").replace(",", "")
    try:
        return Decimal(text).quantize(Decimal("0.01")) if text else None
    except InvalidOperation:
        return None


def country_code(value):
    value = text_of(value)
    if len(value) == 2 and value.upper() in dict(countries):
        return value.upper()
    return countries.by_name(value) or ""


def normalised(name):
    return " ".join(name.lower().split())


class ErasmusProjectImport:
    def __init__(self, path, parent=None):
        self.path = path
        self.parent = parent
        self.report = ProjectReport()
        self.members = {}
        for member in MemberPage.objects.all().only("id", "title", "organisation_name", "country"):
            for name in (member.title, member.organisation_name):
                if name:
                    self.members.setdefault((normalised(name), member.country.code), member)

    def member(self, name, country):
        name = text_of(name)
        if not name:
            return None
        code = country_code(country)
        found = self.members.get((normalised(name), code))
        if found is None:
            entry = f"{name} ({code or text_of(country) or '?'})"
            if entry not in self.report.not_members:
                self.report.not_members.append(entry)
        return found

    def index_page(self):
        if self.parent is not None:
            return self.parent
        parent = (
            ProjectIndexPage.objects.filter(locale=Locale.get_default()).first() or ProjectIndexPage.objects.first()
        )
        if parent is None:
            raise ErasmusFormatError("There is no project index page to create projects under.")
        return parent

    def run(self):
        rows = read_table(self.path)
        start, columns, partners = header_index(rows)
        with transaction.atomic():
            for line, row in enumerate(rows[start + 1 :], start=start + 2):
                row = list(row) + [None] * (len(rows[start]) - len(row))
                if not any(text_of(cell) for cell in row):
                    continue
                self.import_row(line, row, columns, partners)
        return self.report

    def values(self, row, columns):
        def cell(key):
            return row[columns[key]] if key in columns else None

        values = {"title": text_of(cell("title"))[:255], "project_code": text_of(cell("identifier"))}
        if "summary" in columns:
            values["summary"] = text_of(cell("summary"))[:SUMMARY_LENGTH]
        if "programme" in columns and "erasmus" in text_of(cell("programme")).lower():
            values["programme"] = Programme.ERASMUS_PLUS
        for key in ("key_action", "action_type"):
            if key in columns:
                values[key] = text_of(cell(key))[:200]
        for key in ("start_date", "end_date"):
            if key in columns:
                values[key] = parse_date(cell(key))
        if "eu_grant" in columns:
            values["eu_grant"] = parse_amount(cell("eu_grant"))
        if "website" in columns:
            website = text_of(cell("website"))
            try:
                URLValidator()(website)
            except ValidationError:
                website = ""
            values["website"] = website
        return values

    def import_row(self, line, row, columns, partners):
        values = self.values(row, columns)
        if not values["project_code"] or not values["title"]:
            self.report.problems.append(f"line {line}: no project identifier or title, skipped")
            return
        coordinator = self.member(
            row[columns["coordinator"]] if "coordinator" in columns else None,
            row[columns["coordinator_country"]] if "coordinator_country" in columns else None,
        )
        partner_members = []
        for name_column, country_column in partners.values():
            member = self.member(row[name_column], row[country_column])
            if member is not None and member != coordinator and member not in partner_members:
                partner_members.append(member)
        page = ProjectPage.objects.filter(project_code=values["project_code"]).order_by("pk").first()
        label = f"{values['project_code']} {values['title']}"
        if page is None:
            page = ProjectPage(**values, coordinator=coordinator, live=False)
            page.partner_links = [
                ProjectPartner(member=member, role=PartnerRole.PARTNER) for member in partner_members
            ]
            self.index_page().add_child(instance=page)
            page.save_revision()
            self.report.created.append(label)
            return
        # Decided before editing: without revisions, the "latest revision" is this very object.
        republish = page.live and not page.has_unpublished_changes
        draft = page.get_latest_revision_as_object()
        changed = [key for key, value in values.items() if getattr(draft, key) != value]
        if coordinator is not None and draft.coordinator_id != coordinator.pk:
            draft.coordinator = coordinator
            changed.append("coordinator")
        linked = {link.member_id for link in draft.partner_links.all()}
        new_links = [member for member in partner_members if member.pk not in linked]
        if new_links:
            draft.partner_links.add(*[ProjectPartner(member=member, role=PartnerRole.PARTNER) for member in new_links])
            changed.append("partners")
        if not changed:
            self.report.unchanged.append(label)
            return
        for key in changed:
            if key in values:
                setattr(draft, key, values[key])
        revision = draft.save_revision()
        if republish:
            revision.publish()
            self.report.updated.append(f"{label}: {', '.join(changed)} (published)")
        else:
            self.report.updated.append(f"{label}: {', '.join(changed)} (in a new draft)")
