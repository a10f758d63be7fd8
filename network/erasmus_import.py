"""Projects from the Erasmus+ Project Results Platform's export (`manage.py import_erasmus_projects <file>`).

The platform (https://erasmus-plus.ec.europa.eu/projects) exports search results as XLSX or CSV, one project per
row. Two generations of column names are in use; both are read (`COLUMNS`): the current one ("Project Identifier",
"Key Action", "Action Type", "Coordinating organisation name") and the earlier one ("Project Number", "Action",
"Activity type", "Coordinator's name"), with "Partner <n> name" / "Partner <n> country" for the consortium.

A project is found by its identifier (`ProjectPage.project_code`). New projects are created as drafts under the
project index, for an editor to check and publish; a live project without pending changes is republished with
the platform's values, one that has a draft keeps it and gets the values in a new draft. Coordinator and
partners are linked to existing members by name (page title or organisation name, letter case and spacing
ignored) and country. Organisations that are not members are listed in the report; when asked
(`--create-members`, or the box in the admin upload) they are created as draft member pages instead, with the
member type guessed from the export's organisation type, for the Network to check and publish, and linked at
once (drafts never show on the public site, so nothing is published on the platform's behalf).
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

from .choices import MemberType, PartnerRole, Programme
from .models import MemberIndexPage, MemberPage, ProjectIndexPage, ProjectPage, ProjectPartner

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
    "coordinator_type": ("Coordinator organisation type", "Coordinator's organisation type"),
    "coordinator_website": ("Coordinator's website",),
}
PARTNER_RE = re.compile(r"^Partner (\d+) name$")
HEADER_SEARCH_ROWS = 10
SUMMARY_LENGTH = 600

# The platform's organisation types (its "Organisation type" lists) to Guild's member types, first match wins.
# A guess for the Network to check in the draft, so the report names the type it chose.
ORGANISATION_TYPES = (
    (("chamber",), MemberType.CHAMBER),
    (("trade union", "employers", "social partner"), MemberType.SOCIAL_PARTNER),
    (("research",), MemberType.RESEARCH),
    (("professional", "network"), MemberType.PROFESSIONAL_BODY),
    (("non-governmental", "association", "foundation", "youth"), MemberType.NON_PROFIT),
    (("school", "vocational", "educational", "education institution", "training"), MemberType.VET_PROVIDER),
    (("enterprise", "company", "business"), MemberType.COMPANY),
)
# A public body is a city when its name says so, otherwise a regional or national authority.
CITY_WORDS = re.compile(
    r"\b(city|town|municipal\w*|stadt|gemeente|ville|commune|comune|ayuntamiento|concello|ajuntament|miasto|"
    r"kaupunki|kommune?|kommun|mairie|metropol\w*)\b",
    re.IGNORECASE,
)


class ErasmusFormatError(ValueError):
    """Not a Project Results Platform export (a message for the person running the import)."""


@dataclass
class ProjectReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    not_members: list = field(default_factory=list)
    created_members: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated or self.created_members)


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
    """(row number of the header, {key: column index},
    {partner number: (name column, country column, organisation type column or None, website column or None)})."""
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
                number_text = match.group(1) if match else None
                if match and f"Partner {number_text} country" in names:
                    optional = [f"Partner {number_text} organisation type", f"Partner {number_text} website"]
                    partners[int(number_text)] = (
                        position,
                        names.index(f"Partner {number_text} country"),
                        *(names.index(name) if name in names else None for name in optional),
                    )
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


def cell_of(row, columns, key):
    """The row's value in the column `key` names (`COLUMNS`), or None where the export has no such column."""
    return row[columns[key]] if key in columns else None


def normalised(name):
    return " ".join(name.lower().split())


def member_type_for(organisation_type, name):
    """Guild's member type for an organisation of the export (a guess, shown in the report)."""
    kind = text_of(organisation_type).lower()
    for words, member_type in ORGANISATION_TYPES:
        if any(word in kind for word in words):
            return member_type
    if "public" in kind or not kind:
        if CITY_WORDS.search(name):
            return MemberType.CITY
        if "public" in kind:
            return MemberType.REGIONAL_AUTHORITY
    return MemberType.NON_PROFIT


def valid_url(value):
    value = text_of(value)
    try:
        URLValidator()(value)
    except ValidationError:
        return ""
    return value


class ErasmusProjectImport:
    """One import run: `run()` reads the export and returns a `ProjectReport`. With `create_members`, organisations
    that are not members become draft member pages (under the default language's member index) and are linked."""

    def __init__(self, path, parent=None, create_members=False):
        self.path = path
        self.parent = parent
        self.create_members = create_members
        self._member_index = None
        self.report = ProjectReport()
        self.members = {}
        for member in MemberPage.objects.all().only("id", "title", "organisation_name", "country"):
            for name in (member.title, member.organisation_name):
                if name:
                    self.members.setdefault((normalised(name), member.country.code), member)

    def member(self, name, country, organisation_type=None, website=None):
        name = text_of(name)[:255]
        if not name:
            return None
        code = country_code(country)
        found = self.members.get((normalised(name), code))
        if found is None and self.create_members and code:
            found = self.draft_member(name, code, organisation_type, website)
        if found is None:
            entry = f"{name} ({code or text_of(country) or '?'})"
            if entry not in self.report.not_members:
                self.report.not_members.append(entry)
        return found

    def member_index(self):
        if self._member_index is None:
            self._member_index = (
                MemberIndexPage.objects.filter(locale=Locale.get_default()).first() or MemberIndexPage.objects.first()
            )
            if self._member_index is None:
                raise ErasmusFormatError("There is no member index page to create draft members under.")
        return self._member_index

    def draft_member(self, name, code, organisation_type, website):
        member_type = member_type_for(organisation_type, name)
        member = MemberPage(
            title=name,
            organisation_name=name,
            country=code,
            member_type=member_type,
            website=valid_url(website),
            live=False,
        )
        self.member_index().add_child(instance=member)
        member.save_revision()
        self.members[(normalised(name), code)] = member
        self.report.created_members.append(f"{name} ({code}): {member_type.label}")
        return member

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
            return cell_of(row, columns, key)

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
            values["website"] = valid_url(cell("website"))
        return values

    def import_row(self, line, row, columns, partners):
        values = self.values(row, columns)
        if not values["project_code"] or not values["title"]:
            self.report.problems.append(f"line {line}: no project identifier or title, skipped")
            return

        keys = ("coordinator", "coordinator_country", "coordinator_type", "coordinator_website")
        coordinator = self.member(*(cell_of(row, columns, key) for key in keys))
        partner_members = []
        for name_column, country_column, type_column, website_column in partners.values():
            member = self.member(
                row[name_column],
                row[country_column],
                row[type_column] if type_column is not None else None,
                row[website_column] if website_column is not None else None,
            )
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
