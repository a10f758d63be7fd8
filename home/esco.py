"""Reading ESCO's CSV downloads into the skills vocabulary (`manage.py import_esco <folder>`).

ESCO (https://esco.ec.europa.eu/en/use-esco/download) publishes, per language, `skills_<lang>.csv` (columns
conceptType, conceptUri, skillType, reuseLevel, preferredLabel, altLabels, hiddenLabels, status, modifiedDate,
scopeNote, definition, inScheme, description; `altLabels` holds one label per line) and the collections
`greenSkillsCollection_<lang>.csv`, `digitalSkillsCollection_<lang>.csv`, `transversalSkillsCollection_<lang>.csv`
(a `conceptUri` column among others). A concept is one `SkillTag` identified by its URI: its name and
alternative labels in the default language, a `SkillTagLabel` per other language, its type and its collection.

The import is idempotent: it compares what it read with what is stored and writes only differences, so a
second run over the same files writes nothing. Editors' own text is kept: a description is filled only where a
skill has none, and a name that differs from ESCO's only in letter case ("Energy efficiency") is left alone.
"""

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from wagtail.search.backends import get_search_backends

from .freshness import mark_content_changed, mark_vocabulary_changed
from .models import SkillCategory, SkillSource, SkillTag, SkillTagLabel, SkillType
from .models.vocabulary import ESCO_SKILL_URI_PATTERN, base_language

SKILLS_FILE_RE = re.compile(r"^skills_([A-Za-z]{2,3})\.csv$")
# Collection files, in the order that decides a concept's one category when it is in several collections.
COLLECTION_FILES = {
    SkillCategory.GREEN: "greenSkillsCollection",
    SkillCategory.DIGITAL: "digitalSkillsCollection",
    SkillCategory.TRANSVERSAL: "transversalSkillsCollection",
}
REQUIRED_SKILL_COLUMNS = ("conceptUri", "preferredLabel")
CONCEPT_TYPE = "KnowledgeSkillCompetence"
SKILL_TYPES = frozenset(SkillType.values)
URI_RE = re.compile(ESCO_SKILL_URI_PATTERN)
SLUG_LENGTH = 90  # the filters accept slugs of up to 100 characters; room for a "-2" suffix
BATCH = 500


class EscoFormatError(ValueError):
    """The folder or a file is not an ESCO CSV download (a message for the person running the import)."""


@dataclass
class Concept:
    uri: str
    label: str = ""
    alternatives: list = field(default_factory=list)
    skill_type: str = ""
    description: str = ""
    labels: dict = field(default_factory=dict)  # language -> (label, [alternatives])
    category: str = ""


@dataclass
class ImportReport:
    files: list = field(default_factory=list)
    skipped_files: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)

    @property
    def changed(self):
        keys = ("skills created", "skills updated", "labels created", "labels updated")
        return any(self.counts[key] for key in keys)


def read_rows(path):
    """The rows of one CSV file as dicts; ESCO writes UTF-8, sometimes with a byte order mark."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or ())
        yield columns
        yield from reader


def split_alternatives(value):
    return list(dict.fromkeys(line.strip() for line in (value or "").splitlines() if line.strip()))


class EscoImport:
    """One import of one folder. `run(progress)` reads, compares, writes and returns an ImportReport."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.report = ImportReport()
        self.default_language = base_language(settings.LANGUAGE_CODE)
        self.content_languages = {base_language(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}

    # ---- reading --------------------------------------------------------------------------------------------
    def skills_files(self):
        if not self.folder.is_dir():
            raise EscoFormatError(f"{self.folder} is not a folder.")
        found = {}
        for path in sorted(self.folder.iterdir()):
            match = SKILLS_FILE_RE.match(path.name)
            if not match:
                continue
            language = match.group(1).lower()
            if language not in self.content_languages:
                self.report.skipped_files.append(f"{path.name} (language {language!r} is not a content language)")
                continue
            found[language] = path
        if not found:
            raise EscoFormatError(f"No skills_<language>.csv file in {self.folder} (ESCO's CSV download, unzipped).")
        if self.default_language not in found:
            raise EscoFormatError(
                f"skills_{self.default_language}.csv is missing: the default language names every skill."
            )
        return found

    def read_skills(self, path, language, concepts):
        rows = read_rows(path)
        columns = next(rows)
        missing = [name for name in REQUIRED_SKILL_COLUMNS if name not in columns]
        if missing:
            raise EscoFormatError(f"{path.name} is not an ESCO skills file: no column {', '.join(missing)}.")
        self.report.files.append(path.name)
        for line, row in enumerate(rows, start=2):
            if row.get("conceptType", CONCEPT_TYPE) not in (CONCEPT_TYPE, ""):
                continue
            if row.get("status") and row["status"] != "released":
                self.report.counts["rows not released"] += 1
                continue
            uri = (row.get("conceptUri") or "").strip()
            label = (row.get("preferredLabel") or "").strip()
            if not URI_RE.match(uri) or not label:
                self.report.counts["rows skipped"] += 1
                if len(self.report.problems) < 10:
                    self.report.problems.append(f"{path.name}, line {line}: not an ESCO skill ({uri[:80]!r})")
                continue
            alternatives = [alt for alt in split_alternatives(row.get("altLabels")) if alt != label]
            if language == self.default_language:
                concept = concepts.setdefault(uri, Concept(uri))
                concept.label, concept.alternatives = label, alternatives
                concept.skill_type = row.get("skillType", "") if row.get("skillType") in SKILL_TYPES else ""
                concept.description = (row.get("description") or "").strip()
            elif uri in concepts:
                concepts[uri].labels[language] = (label, alternatives)

    def read_collections(self, concepts):
        """Each concept's category from the collection files present (any language: the URIs are the same)."""
        read_any = False
        for category, stem in reversed(COLLECTION_FILES.items()):  # the first collection in the order wins
            paths = sorted(self.folder.glob(f"{stem}_*.csv"))
            if not paths:
                continue
            rows = read_rows(paths[0])
            if "conceptUri" not in next(rows):
                raise EscoFormatError(f"{paths[0].name} is not an ESCO collection file: no column conceptUri.")
            read_any = True
            self.report.files.append(paths[0].name)
            for row in rows:
                concept = concepts.get((row.get("conceptUri") or "").strip())
                if concept is not None:
                    concept.category = category
        return read_any

    # ---- writing --------------------------------------------------------------------------------------------
    def run(self, progress=lambda items, total: items):
        files = self.skills_files()
        concepts = {}
        self.read_skills(files[self.default_language], self.default_language, concepts)
        for language, path in files.items():
            if language != self.default_language:
                self.read_skills(path, language, concepts)
        with_collections = self.read_collections(concepts)
        self.report.counts["concepts read"] = len(concepts)
        with transaction.atomic():
            self.write(concepts, with_collections, progress)
        if self.report.changed:  # bulk writes send no signals
            mark_content_changed()
            mark_vocabulary_changed()
        return self.report

    def write(self, concepts, with_collections, progress):
        existing = {skill.esco_uri: skill for skill in SkillTag.objects.exclude(esco_uri="")}
        names = {name.lower(): pk for pk, name in SkillTag.objects.values_list("pk", "name")}
        slugs = set(SkillTag.objects.values_list("slug", flat=True))
        stored = SkillTagLabel.objects.exclude(skill__esco_uri="")
        labels = {(label.skill_id, label.language): label for label in stored}
        created, updated = [], []
        pending_labels = []  # (skill, language, label, alternatives), written once every skill has a primary key
        for concept in progress(concepts.values(), len(concepts)):
            skill = existing.get(concept.uri)
            if skill is None:
                skill = SkillTag(
                    esco_uri=concept.uri,
                    name=self.unique_name(concept, names, None),
                    slug=self.unique_slug(concept.label, slugs),
                    source=SkillSource.ESCO,
                    skill_type=concept.skill_type,
                    category=concept.category,
                    alternative_labels="\n".join(concept.alternatives),
                    description=concept.description,
                )
                created.append(skill)
            elif self.update(skill, concept, with_collections, names):
                updated.append(skill)
            pending_labels.extend((skill, language, *value) for language, value in concept.labels.items())
        SkillTag.objects.bulk_create(created, batch_size=BATCH)
        SkillTag.objects.bulk_update(
            updated,
            ["name", "source", "skill_type", "category", "alternative_labels", "description"],
            batch_size=BATCH,
        )
        self.report.counts["skills created"] = len(created)
        self.report.counts["skills updated"] = len(updated)
        self.report.counts["skills unchanged"] = len(concepts) - len(created) - len(updated)
        self.write_labels(pending_labels, labels)
        changed = created + updated
        if changed:
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(SkillTag, changed)

    def update(self, skill, concept, with_collections, names):
        """Bring one stored skill in line with ESCO; True when something changed."""
        wanted = {
            "source": SkillSource.ESCO,
            "skill_type": concept.skill_type or skill.skill_type,
            "alternative_labels": "\n".join(concept.alternatives),
        }
        if skill.name.lower() != concept.label.lower():
            wanted["name"] = self.unique_name(concept, names, skill.pk)
        if with_collections:
            wanted["category"] = concept.category
        if not skill.description and concept.description:
            wanted["description"] = concept.description
        changed = {key: value for key, value in wanted.items() if getattr(skill, key) != value}
        for key, value in changed.items():
            setattr(skill, key, value)
        return bool(changed)

    def write_labels(self, pending, stored):
        new, changed = [], []
        for skill, language, name, alternatives in pending:
            text = "\n".join(alternatives)
            label = stored.get((skill.pk, language))
            if label is None:
                new.append(SkillTagLabel(skill=skill, language=language, name=name, alternative_labels=text))
            else:
                name = label.name if label.name.lower() == name.lower() else name  # an editor's capitals stay
                if (label.name, label.alternative_labels) != (name, text):
                    label.name, label.alternative_labels = name, text
                    changed.append(label)
        SkillTagLabel.objects.bulk_create(new, batch_size=BATCH)
        SkillTagLabel.objects.bulk_update(changed, ["name", "alternative_labels"], batch_size=BATCH)
        self.report.counts["labels created"] = len(new)
        self.report.counts["labels updated"] = len(changed)

    def unique_name(self, concept, names, own_pk):
        """ESCO's preferred label, unless another skill holds it (names are unique): then the URI's start is added."""
        name = concept.label[:200]
        holder = names.get(name.lower())
        if holder is not None and holder != own_pk:
            name = f"{name} ({concept.uri.rsplit('/', 1)[-1][:8]})"
            self.report.counts["names shared with another skill"] += 1
        names[name.lower()] = own_pk if own_pk is not None else -1
        return name

    @staticmethod
    def unique_slug(label, slugs):
        base = slugify(label)[:SLUG_LENGTH].strip("-") or "skill"
        slug, number = base, 2
        while slug in slugs:
            slug, number = f"{base}-{number}", number + 1
        slugs.add(slug)
        return slug
