"""Reads the demo content from `demo/data/*.yaml` and checks it before anything is written.

The YAML files are what an editor of the demo edits (docs/demo-content.md describes the conventions). This module
turns them into the records `demo.loader.DemoContentLoader` writes: references become `Ref`s, datetimes become
aware datetimes in the record's `time_zone`, decimals become `Decimal`s, and the compact StreamField blocks
(`- paragraph: "<p>..</p>"`) become the stored ("raw") JSON the loader compares to detect changes.

Anything it cannot make sense of (a malformed file, an unknown field, kind, reference, skill, topic, picture or
block) raises `DemoDataError` naming the file and the record, so a typo never gets halfway into the database.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.apps import apps
from django.db import models

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.fields import StreamField
from wagtail.images import get_image_model

import yaml

from . import images

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Ref:
    """A reference to another demo page by kind ("member", "event", ...) and slug; written `!ref member/ghent`."""

    kind: str
    slug: str


class DemoDataError(Exception):
    """A demo data file that cannot be loaded, with the file and the record it is about."""

    def __init__(self, path, record, message):
        self.path, self.record = path, record
        where = f"{path}" if record is None else f"{path}, record {record!r}"
        super().__init__(f"{where}: {message}")


class DemoYamlLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` plus one tag: `!ref kind/slug`."""


def _construct_ref(loader, node):
    value = loader.construct_scalar(node)
    kind, _slash, slug = value.partition("/")
    if not kind or not slug or "/" in slug:
        raise yaml.constructor.ConstructorError(
            None, None, f"!ref {value!r} is not of the form kind/slug", node.start_mark
        )
    return Ref(kind, slug)


DemoYamlLoader.add_constructor("!ref", _construct_ref)


@dataclass(frozen=True)
class PageKind:
    """One YAML file of pages: its kind (the first half of a `!ref`), page model and parent."""

    filename: str
    kind: str
    model: str
    parent: str  # an index page's key, or "home"
    attribute: str


# In load order: a record may refer only to pages loaded before it (index pages and the home page come first).
PAGE_KINDS = [
    PageKind("members.yaml", "member", "network.MemberPage", "members", "members"),
    PageKind("projects.yaml", "project", "network.ProjectPage", "projects", "projects"),
    PageKind("practices.yaml", "practice", "practices.GoodPracticePage", "practices", "practices"),
    PageKind(
        "qualifications.yaml", "qualification", "practices.JointQualificationPage", "qualifications", "qualifications"
    ),
    PageKind("events.yaml", "event", "network.EventPage", "events", "events"),
    PageKind("news.yaml", "news", "network.NewsPage", "news", "news"),
    PageKind("standard_pages.yaml", "standard", "home.StandardPage", "home", "standard_pages"),
    PageKind("legal_pages.yaml", "standard", "home.StandardPage", "home", "legal_pages"),
    PageKind("campaigns.yaml", "campaign", "network.CampaignPage", "campaigns", "campaigns"),
]
REF_KINDS = {"index", "home"} | {page_kind.kind for page_kind in PAGE_KINDS}
# Keys of a page record that are not model fields: the loader sets tags and inline children itself.
RECORD_KEYS = {"slug", "skills", "topics", "children"}


@dataclass
class DemoContent:
    """Everything `load_demo_content` loads, as plain records (dicts) in load order."""

    site_name: str = ""
    site_settings: dict = field(default_factory=dict)
    skills: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    home: dict = field(default_factory=dict)
    home_body: list = field(default_factory=list)
    featured_practices: list = field(default_factory=list)
    index_pages: list = field(default_factory=list)
    members: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    practices: list = field(default_factory=list)
    qualifications: list = field(default_factory=list)
    events: list = field(default_factory=list)
    news: list = field(default_factory=list)
    standard_pages: list = field(default_factory=list)
    legal_pages: list = field(default_factory=list)
    campaigns: list = field(default_factory=list)

    def pages_of(self, page_kind):
        return getattr(self, page_kind.attribute)

    def find(self, kind, slug):
        """The record of kind `kind` ("member", "index" ...) at `slug` (an index page's key for "index")."""
        if kind == "home":
            return self.home
        if kind == "index":
            return next((spec for spec in self.index_pages if spec["key"] == slug), None)
        for page_kind in PAGE_KINDS:
            if page_kind.kind == kind:
                spec = next((spec for spec in self.pages_of(page_kind) if spec["slug"] == slug), None)
                if spec is not None:
                    return spec
        return None


@dataclass
class DemoTranslations:
    """The example translations `load_demo_translations` loads (demo/data/translations.yaml)."""

    example_mark: dict
    pages: dict  # English slug path from the home page (() is the home page) -> {language: fields}
    stream_texts: dict  # language -> {English text inside a StreamField: its translation}
    skill_labels: dict
    topic_labels: dict
    site_settings: dict


def read_file(path):
    """The parsed YAML of one data file, or DemoDataError naming the file and the line."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=DemoYamlLoader)  # noqa: S506 - a SafeLoader subclass
    except FileNotFoundError:
        raise DemoDataError(path, None, "file not found") from None
    except yaml.YAMLError as error:
        raise DemoDataError(path, None, f"not valid YAML: {error}") from None


# ---- StreamField blocks ---------------------------------------------------------------------------


def _block_mapping(value, allowed, required, defaults, describe):
    if not isinstance(value, dict):
        raise ValueError(f"{describe} needs a mapping of {', '.join(allowed)}")
    unknown = set(value) - set(allowed)
    if unknown:
        raise ValueError(f"{describe} has unknown key(s) {', '.join(sorted(unknown))}")
    missing = [key for key in required if key not in value]
    if missing:
        raise ValueError(f"{describe} lacks {', '.join(missing)}")
    return {key: value.get(key, defaults.get(key)) for key in allowed}


def _heading(value):
    if isinstance(value, str):
        value = {"text": value}
    return _block_mapping(value, ("text", "level"), ("text",), {"level": "h2"}, "heading")


def _paragraph(value):
    if not isinstance(value, str):
        raise ValueError("paragraph needs an HTML string")
    return value


def _quote(value):
    if isinstance(value, str):
        value = {"quote": value}
    return _block_mapping(value, ("quote", "attribution"), ("quote",), {"attribution": ""}, "quote")


def _call_to_action(value):
    return _block_mapping(
        value,
        ("title", "text", "button_label", "page", "url"),
        ("title", "button_label"),
        {"text": "", "page": None, "url": ""},
        "call_to_action",
    )


def _key_figures(value):
    value = _block_mapping(value, ("title", "figures"), ("figures",), {"title": ""}, "key_figures")
    figures = []
    for figure in value["figures"] or []:
        if not (isinstance(figure, list) and len(figure) == 2 and all(isinstance(part, str) for part in figure)):
            raise ValueError(f"key_figures: each figure is [value, label] (two strings), not {figure!r}")
        figures.append({"value": figure[0], "label": figure[1]})
    return {"title": value["title"], "figures": figures}


def _unit(value):
    keys = ("title", "knowledge", "skills", "responsibility_and_autonomy", "credits")
    return _block_mapping(value, keys, ("title",), dict.fromkeys(keys[1:], ""), "unit")


def _occupation(value):
    # No ESCO URI unless one is given: the demo does not invent concept identifiers.
    if isinstance(value, str):
        value = {"title": value}
    return _block_mapping(value, ("title", "esco_uri"), ("title",), {"esco_uri": ""}, "occupation")


BLOCKS = {
    "heading": _heading,
    "paragraph": _paragraph,
    "quote": _quote,
    "call_to_action": _call_to_action,
    "key_figures": _key_figures,
    "unit": _unit,
    "occupation": _occupation,
}


def expand_stream(value, stream_field):
    """Compact blocks (`[{"paragraph": "<p>..</p>"}, ...]`) as StreamField raw data, checked against the field."""
    if not isinstance(value, list):
        raise ValueError(f"{stream_field.name} needs a list of blocks")
    known = set(stream_field.stream_block.child_blocks)
    raw = []
    for block in value:
        if not (isinstance(block, dict) and len(block) == 1):
            raise ValueError(f"{stream_field.name}: each block is a one-key mapping such as `- paragraph: ...`")
        ((kind, block_value),) = block.items()
        if kind not in known or kind not in BLOCKS:
            raise ValueError(f"{stream_field.name} has no block type {kind!r} (it takes {', '.join(sorted(known))})")
        raw.append({"type": kind, "value": BLOCKS[kind](block_value)})
    return raw


# ---- fields ---------------------------------------------------------------------------------------


def _aware(value, time_zone, name):
    if isinstance(value, datetime.datetime):  # written with seconds, YAML reads a (naive) datetime itself
        naive = value.replace(tzinfo=None)
    else:
        try:
            naive = datetime.datetime.strptime(str(value), "%Y-%m-%d %H:%M")
        except ValueError:
            raise ValueError(f"{name} {value!r} is not of the form 'YYYY-MM-DD HH:MM'") from None
    if not time_zone:
        raise ValueError(f"{name} needs the record's time_zone")
    try:
        return naive.replace(tzinfo=zoneinfo.ZoneInfo(time_zone))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time_zone {time_zone!r}") from None


def _choice_values(model_field):
    """The values a field (or each item of a list field) may take, or None where any value goes."""
    if getattr(model_field, "item_choices", None):  # home.fields.ChoiceListField
        choices = model_field.item_choices
    elif model_field.choices is not None:
        choices = list(model_field.choices)  # a CountryField's choices are lazy
    else:
        return None
    values = set()
    for value, label in choices:
        if isinstance(label, (list, tuple)):  # grouped choices
            values.update(str(item) for item, _label in label)
        else:
            values.add(str(value))
    return values


def convert_field(model, name, value, record):
    """The value `name` of `model` takes for the YAML `value`; ValueError says what is wrong."""
    try:
        model_field = model._meta.get_field(name)
    except Exception:
        raise ValueError(f"unknown field {name!r} for a {model._meta.verbose_name}") from None
    if not model_field.concrete or model_field.primary_key or isinstance(model_field, ClusterTaggableManager):
        raise ValueError(f"field {name!r} cannot be set from the demo data")
    if isinstance(model_field, StreamField):
        return expand_stream(value, model_field)
    if value is None:
        return None
    if isinstance(model_field, models.ForeignKey):
        if model_field.related_model is get_image_model():
            if value not in images.ILLUSTRATIONS_BY_KEY:
                raise ValueError(f"{name}: no illustration {value!r} in demo/images.py")
            return value
        if not isinstance(value, Ref):
            raise ValueError(f"{name} needs a reference such as `!ref member/ghent`, not {value!r}")
        return value
    if isinstance(value, Ref):
        raise ValueError(f"{name} is not a reference to a page")
    if isinstance(model_field, models.DateTimeField):
        return _aware(value, record.get("time_zone"), name)
    if isinstance(model_field, models.DateField):
        if not isinstance(value, datetime.date):
            raise ValueError(f"{name} {value!r} is not a date (YYYY-MM-DD)")
        return value
    if isinstance(model_field, models.DecimalField):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(f"{name} {value!r} is not a number") from None
        if name in ("latitude", "longitude"):
            number = number.quantize(Decimal(1).scaleb(-model_field.decimal_places))
        return number
    choices = _choice_values(model_field)
    if choices is not None:
        items = value if isinstance(value, list) else [value]
        unknown = [str(item) for item in items if str(item) not in choices and item != ""]
        if unknown:
            raise ValueError(f"{name}: {', '.join(unknown)} is not among its choices")
    return value


def convert_children(model, children):
    if not isinstance(children, dict):
        raise ValueError("children needs a mapping of relation name to rows")
    converted = {}
    for relation, rows in children.items():
        try:
            relation_field = model._meta.get_field(relation)
        except Exception:
            raise ValueError(f"unknown children {relation!r} for a {model._meta.verbose_name}") from None
        child_model = relation_field.related_model
        if not (relation_field.one_to_many and isinstance(getattr(relation_field, "field", None), ParentalKey)):
            raise ValueError(f"{relation!r} is not an inline list of a {model._meta.verbose_name}")
        if not isinstance(rows, list):
            raise ValueError(f"children {relation!r} needs a list of rows")
        converted[relation] = []
        for row in rows:
            if not isinstance(row, dict):
                raise ValueError(f"children {relation!r}: each row is a mapping")
            converted[relation].append(
                {name: convert_field(child_model, name, value, row) for name, value in row.items()}
            )
    return converted


def convert_page(model, record):
    """A page record with every field checked and converted (raises ValueError)."""
    converted = {}
    for name, value in record.items():
        if name == "slug":
            if not isinstance(value, str) or not value:
                raise ValueError("slug needs a non-empty string")
            converted[name] = value
        elif name in ("skills", "topics"):
            if not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
                raise ValueError(f"{name} needs a list of slugs")
            converted[name] = list(value)
        elif name == "children":
            converted[name] = convert_children(model, value)
        else:
            converted[name] = convert_field(model, name, value, record)
    return converted


# ---- reading ----------------------------------------------------------------------------------


class _Reader:
    def __init__(self, data_dir):
        self.data_dir = Path(data_dir)

    def error(self, filename, record, message):
        return DemoDataError(self.data_dir / filename, record, message)

    def mapping(self, filename, keys):
        data = read_file(self.data_dir / filename)
        if not isinstance(data, dict):
            raise self.error(filename, None, "needs a mapping at the top level")
        unknown = set(data) - set(keys)
        if unknown:
            raise self.error(filename, None, f"unknown key(s) {', '.join(sorted(unknown))}")
        missing = set(keys) - set(data)
        if missing:
            raise self.error(filename, None, f"missing key(s) {', '.join(sorted(missing))}")
        return data

    def records(self, filename):
        data = read_file(self.data_dir / filename)
        if data is None:
            return []
        if not isinstance(data, list):
            raise self.error(filename, None, "needs a list of records (each starting `- slug: ...`)")
        seen = set()
        for position, record in enumerate(data, 1):
            if not isinstance(record, dict) or not record.get("slug"):
                raise self.error(filename, f"#{position}", "each record is a mapping with a slug")
            if record["slug"] in seen:
                raise self.error(filename, record["slug"], "slug used twice")
            seen.add(record["slug"])
        return data

    def page(self, filename, model, record, key="slug"):
        try:
            return convert_page(apps.get_model(model), record)
        except ValueError as error:
            raise self.error(filename, record.get(key), str(error)) from None

    def read(self):
        content = DemoContent()
        site = self.mapping("site.yaml", ("site_name", "site_settings"))
        content.site_name = site["site_name"]
        content.site_settings = site["site_settings"]
        site_settings_model = apps.get_model("home.SiteSettings")
        for name in content.site_settings:
            try:
                site_settings_model._meta.get_field(name)
            except Exception:
                raise self.error("site.yaml", "site_settings", f"unknown field {name!r}") from None

        for record in self.records("skills.yaml"):
            for name in record:
                if name != "slug":
                    try:
                        convert_field(apps.get_model("home.SkillTag"), name, record[name], record)
                    except ValueError as error:
                        raise self.error("skills.yaml", record["slug"], str(error)) from None
            content.skills.append(record)
        for record in self.records("topics.yaml"):
            if set(record) != {"slug", "name"}:
                raise self.error("topics.yaml", record["slug"], "a topic has exactly a slug and a name")
            content.topics.append((record["slug"], record["name"]))

        home_file = self.mapping("home.yaml", ("home", "index_pages"))
        home = dict(home_file["home"] or {})
        content.featured_practices = list(home.pop("featured_practices", []) or [])
        home_body = home.pop("body", [])
        home = self.page("home.yaml", "home.HomePage", {**home, "body": home_body}, key="slug")
        content.home_body = home.pop("body")
        content.home = home
        for record in home_file["index_pages"] or []:
            record = dict(record)
            key, model = record.pop("key", None), record.pop("model", None)
            if not key or not model:
                raise self.error("home.yaml", record.get("slug"), "an index page needs a key and a model")
            try:
                apps.get_model(model)
            except (LookupError, ValueError):
                raise self.error("home.yaml", key, f"unknown model {model!r}") from None
            content.index_pages.append({"key": key, "model": model, **self.page("home.yaml", model, record)})

        for page_kind in PAGE_KINDS:
            specs = self.pages_of_file(page_kind)
            getattr(content, page_kind.attribute).extend(specs)
        self.check_references(content)
        return content

    def pages_of_file(self, page_kind):
        return [self.page(page_kind.filename, page_kind.model, record) for record in self.records(page_kind.filename)]

    def check_references(self, content):
        """Every `!ref` names a page loaded before the record, every skill and topic is in the vocabularies."""
        skills = {spec["slug"] for spec in content.skills}
        topics = {slug for slug, _name in content.topics}
        loaded = {("index", spec["key"]) for spec in content.index_pages} | {("home", content.home.get("slug"))}
        for slug in content.featured_practices:
            if content.find("practice", slug) is None:
                raise self.error("home.yaml", "home", f"featured_practices: no practice {slug!r}")
        sections = [(page_kind.filename, page_kind.kind, content.pages_of(page_kind)) for page_kind in PAGE_KINDS]
        sections.append(("home.yaml", "home", [{**content.home, "body": content.home_body}]))
        for filename, kind, specs in sections:
            for spec in specs:
                for ref in _refs(spec):
                    if ref.kind not in REF_KINDS:
                        raise self.error(
                            filename, spec["slug"], f"!ref {ref.kind}/{ref.slug}: unknown kind {ref.kind!r}"
                        )
                    if (ref.kind, ref.slug) not in loaded:
                        problem = "no such page" if content.find(ref.kind, ref.slug) is None else "loaded after it"
                        raise self.error(filename, spec["slug"], f"!ref {ref.kind}/{ref.slug}: {problem}")
                for name, vocabulary in (("skills", skills), ("topics", topics)):
                    unknown = sorted(set(spec.get(name) or []) - vocabulary)
                    if unknown:
                        raise self.error(filename, spec["slug"], f"unknown {name}: {', '.join(unknown)}")
                loaded.add((kind, spec["slug"]))


def _refs(value):
    if isinstance(value, Ref):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _refs(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _refs(item)


def read_content(data_dir=None):
    """The demo content of `data_dir` (default demo/data/), checked; raises DemoDataError."""
    return _Reader(data_dir or DATA_DIR).read()


def read_translations(data_dir=None):
    """The example translations of `data_dir`/translations.yaml; raises DemoDataError."""
    reader = _Reader(data_dir or DATA_DIR)
    keys = ("example_mark", "pages", "stream_texts", "skill_labels", "topic_labels", "site_settings")
    data = reader.mapping("translations.yaml", keys)
    pages = {}
    for path, languages in (data["pages"] or {}).items():
        if not (isinstance(path, str) and path.startswith("/")):
            raise reader.error("translations.yaml", path, "a page is named by its English path, such as /about")
        pages[tuple(part for part in path.split("/") if part)] = languages
    stream_texts = {}
    for language, pairs in (data["stream_texts"] or {}).items():
        stream_texts[language] = {}
        for pair in pairs:
            if not (isinstance(pair, dict) and set(pair) == {"english", "translation"}):
                raise reader.error(
                    "translations.yaml", f"stream_texts {language}", "each text is english + translation"
                )
            stream_texts[language][pair["english"]] = pair["translation"]
    return DemoTranslations(
        example_mark=data["example_mark"],
        pages=pages,
        stream_texts=stream_texts,
        skill_labels=data["skill_labels"],
        topic_labels=data["topic_labels"],
        site_settings=data["site_settings"],
    )
