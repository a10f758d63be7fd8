"""Loads the demo content (`demo/data/*.yaml`, read and checked by `demo.content`) into the page tree, idempotently.

Pages are found by slug under their parent and snippets by slug; fields are compared with what the
demo says and a new revision is published only when something differs, so a second run creates
no pages, no tags and no revisions. A demo page an editor has since saved in the admin (its latest
revision has a user) is left alone unless `force=True`, so `make run` does not undo their work.
"""

from collections import Counter, defaultdict

from django.apps import apps
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.db import models, transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.utils.file import hash_filelike

from django_countries.fields import CountryField

from home.models import HomePage, SiteSettings, SkillTag, TopicTag
from home.templatetags.guild_images import prerender

from . import images as demo_images
from .content import PAGE_KINDS, Ref, read_content

CREATED, UPDATED, UNCHANGED, KEPT = "created", "updated", "unchanged", "kept (edited in the admin)"


def _normalise_stream(data):
    """Stream data without block ids and with ListBlock items unwrapped, for comparison."""
    if isinstance(data, list):
        if data and all(isinstance(item, dict) and item.get("type") == "item" and "value" in item for item in data):
            return [_normalise_stream(item["value"]) for item in data]
        return [_normalise_stream(item) for item in data]
    if isinstance(data, dict):
        return {key: _normalise_stream(value) for key, value in data.items() if key != "id"}
    return data


class DemoContentLoader:
    """Creates or updates the demo pages, snippets and site settings; counts what it did."""

    def __init__(self, force=False, content=None):
        self.force = force
        self.content = content if content is not None else read_content()
        self.stats = defaultdict(Counter)
        self.pages = {}  # (kind, slug) -> page
        self.images = {}  # illustration key or ("logo", member slug) -> Wagtail image

    # ---- entry point -------------------------------------------------------------------------

    def run(self):
        with transaction.atomic():
            self.ensure_locale()
            self.load_vocabularies()
            self.load_images()
            home = self.load_home_page()
            site = self.load_site(home)
            self.load_site_settings(site)
            parents = {"home": home, **self.load_index_pages(home)}
            for page_kind in PAGE_KINDS:
                model = apps.get_model(page_kind.model)
                for spec in self.content.pages_of(page_kind):
                    self.upsert_page(parents[page_kind.parent], model, spec, page_kind.kind)
            # Last: the home page's body and featured practices point at pages loaded above.
            self.upsert_page(home.get_parent(), HomePage, self.home_spec(home, complete=True), "home")
        if settings.GUILD_DEMO_PRERENDER_IMAGES:
            self.prerender_images()
        return self.stats

    def summary_lines(self):
        lines = []
        for label, counter in self.stats.items():
            parts = [
                f"{counter[action]} {action}" for action in (CREATED, UPDATED, UNCHANGED, KEPT) if counter[action]
            ]
            lines.append(f"{label}: {', '.join(parts)}")
        return lines

    # ---- snippets, site, settings ------------------------------------------------------------

    def ensure_locale(self):
        Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))

    def load_vocabularies(self):
        for spec in self.content.skills:
            fields = {key: value for key, value in spec.items() if key != "slug"}
            self._upsert_snippet(SkillTag, spec["slug"], fields, "Skills")
        for slug, name in self.content.topics:
            self._upsert_snippet(TopicTag, slug, {"name": name}, "Topics")

    def _upsert_snippet(self, model, slug, fields, label):
        obj = model.objects.filter(slug=slug).first()
        if obj is None:
            model.objects.create(slug=slug, **fields)
            self.stats[label][CREATED] += 1
            return
        changed = {key: value for key, value in fields.items() if getattr(obj, key) != value}
        if changed:
            for key, value in changed.items():
                setattr(obj, key, value)
            obj.save(update_fields=list(changed))
        self.stats[label][UPDATED if changed else UNCHANGED] += 1

    def load_site(self, home):
        site = (
            Site.objects.filter(is_default_site=True).first()
            or Site.objects.filter(hostname="localhost", port=80).first()
        )
        if site is None:
            site = Site(hostname="localhost", port=80)
        wanted = {"root_page_id": home.pk, "is_default_site": True, "site_name": self.content.site_name}
        changed = site.pk is None or any(getattr(site, key) != value for key, value in wanted.items())
        if changed:
            for key, value in wanted.items():
                setattr(site, key, value)
            site.save()
        self.stats["Site"][CREATED if changed else UNCHANGED] += 1
        return site

    def load_site_settings(self, site):
        site_settings = SiteSettings.for_site(site)
        changed = {
            key: value for key, value in self.content.site_settings.items() if getattr(site_settings, key) != value
        }
        for key, value in changed.items():
            setattr(site_settings, key, value)
        if changed:
            site_settings.save()
        self.stats["Site settings"][UPDATED if changed else UNCHANGED] += 1

    # ---- images ----------------------------------------------------------------------------------

    def load_images(self):
        """The drawn illustrations and logos (demo/media/) as Wagtail images, created or updated."""
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name="Demo images").first()
        if collection is None:
            collection = root.add_child(name="Demo images")
        for illustration in demo_images.ILLUSTRATIONS:
            self.images[illustration.key] = self._upsert_image(
                collection, illustration.title, illustration.filename, illustration.alt, illustration.focal
            )
        for spec in self.content.members:
            title = f"Demo logo: {spec['title']}"
            self.images[("logo", spec["slug"])] = self._upsert_image(
                collection, title, demo_images.logo_filename(spec["slug"]), demo_images.logo_alt(spec["title"])
            )

    def _upsert_image(self, collection, title, filename, alt, focal=None):
        path = demo_images.MEDIA_DIR / filename
        with path.open("rb") as handle:
            digest = hash_filelike(handle)
        image = get_image_model().objects.filter(collection=collection, title=title).first()
        wanted = {"description": alt}
        if focal:
            # Wagtail stores the focal area by its centre.
            left, top, width, height = focal
            wanted.update(
                focal_point_x=left + width // 2,
                focal_point_y=top + height // 2,
                focal_point_width=width,
                focal_point_height=height,
            )
        if image is None or image.file_hash != digest:
            action = CREATED if image is None else UPDATED
            image = image or get_image_model()(collection=collection, title=title)
            with path.open("rb") as handle:
                image.file = ImageFile(handle, name=filename)
                image._set_image_file_metadata()
                for key, value in wanted.items():
                    setattr(image, key, value)
                image.save()
            image.renditions.all().delete()  # a redrawn file: its old renditions are stale
        else:
            changed = {key: value for key, value in wanted.items() if getattr(image, key) != value}
            for key, value in changed.items():
                setattr(image, key, value)
            if changed:
                image.save(update_fields=list(changed))
            action = UPDATED if changed else UNCHANGED
        self.stats["Images"][action] += 1
        return image

    def prerender_images(self):
        """Create the renditions the pages show now, so the first visitor does not wait for the encodes."""
        for key, image in self.images.items():
            is_logo = isinstance(key, tuple)
            prerender(image, *(("logo", "logo_large") if is_logo else ("hero", "card")), social=True)

    # ---- pages ---------------------------------------------------------------------------------

    def home_spec(self, home=None, complete=False):
        spec = dict(self.content.home)
        if home is not None:
            spec["slug"] = home.slug  # keep an existing home page's slug
        if complete:
            spec["body"] = self.content.home_body
            spec["children"] = {
                "featured_practices": [{"practice": Ref("practice", slug)} for slug in self.content.featured_practices]
            }
        return spec

    def load_home_page(self):
        """The site's root HomePage; Wagtail's welcome page from `migrate` gives way to it."""
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).first()
        if home is None:
            for page in Page.objects.child_of(root).filter(slug=self.content.home["slug"]):
                if page.specific_class is not Page or page.numchild:
                    raise CommandError(
                        f"A page with the slug {page.slug!r} already sits at the top of the tree; move it first."
                    )
                page.delete()  # Wagtail's "Welcome to your new Wagtail site!" page (its Site goes with it)
        # Created without the parts that refer to other pages; `run` completes it at the end.
        return self.upsert_page(root, HomePage, self.home_spec(home), "home", count=False)

    def load_index_pages(self, home):
        indexes = {}
        for spec in self.content.index_pages:
            spec = dict(spec)
            key = spec.pop("key")
            model = apps.get_model(spec.pop("model"))
            spec["show_in_menus"] = True
            indexes[key] = self.upsert_page(home, model, spec, "index", key=key)
        return indexes

    def upsert_page(self, parent, model, spec, kind, key=None, count=True):
        """Create the page under `parent`, or bring an existing one up to date with `spec`."""
        spec = dict(spec)
        slug = spec.pop("slug")
        if kind == "member":
            spec.setdefault("logo", self.images[("logo", slug)])
        skills = spec.pop("skills", None)
        topics = spec.pop("topics", None)
        children = spec.pop("children", {})
        fields = {name: self._resolve_field(model, name, value) for name, value in spec.items()}
        plural = str(model._meta.verbose_name_plural)
        label = plural[:1].upper() + plural[1:]

        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            if Page.objects.child_of(parent).filter(slug=slug).exists():
                raise CommandError(f"{parent.url_path}{slug}/ exists but is not a {model._meta.verbose_name}.")
            page = model(slug=slug, **fields)
            self._set_tags(page, skills, topics)
            self._set_children(page, children)
            parent.add_child(instance=page)
            page.save_revision().publish()
            action = CREATED
        elif not self.force and page.latest_revision and page.latest_revision.user_id:
            action = KEPT
        else:
            changed = self._apply_fields(page, fields)
            changed |= self._set_tags(page, skills, topics)
            changed |= self._set_children(page, children)
            if changed or not page.live:
                page.save_revision().publish()
            action = UPDATED if changed else UNCHANGED
        if count:
            self.stats[label][action] += 1
        self.pages[(kind, key or slug)] = page
        return page

    def _ref(self, ref):
        try:
            return self.pages[(ref.kind, ref.slug)]
        except KeyError:
            raise CommandError(f"Demo content refers to {ref.kind} {ref.slug!r} before loading it.") from None

    def _resolve_ids(self, value):
        """Stream data with every Ref replaced by the page id."""
        if isinstance(value, Ref):
            return self._ref(value).pk
        if isinstance(value, list):
            return [self._resolve_ids(item) for item in value]
        if isinstance(value, dict):
            return {key: self._resolve_ids(item) for key, item in value.items()}
        return value

    def _resolve_field(self, model, name, value):
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            return self._resolve_ids(value)
        if isinstance(value, Ref):
            return self._ref(value)
        if isinstance(value, str) and field.is_relation and field.related_model is get_image_model():
            return self.images[value]  # an illustration key (demo/images.py)
        return value

    def _apply_fields(self, page, fields):
        changed = False
        for name, wanted in fields.items():
            field = page._meta.get_field(name)
            if isinstance(field, StreamField):
                same = _normalise_stream(list(getattr(page, name).raw_data)) == _normalise_stream(wanted)
            elif isinstance(field, models.ForeignKey):
                same = getattr(page, field.attname) == (wanted.pk if wanted is not None else None)
            elif isinstance(field, CountryField):
                current = getattr(page, name)
                if field.multiple:
                    same = sorted(country.code for country in current) == sorted(wanted)
                else:
                    same = (current.code or "") == wanted
            else:
                same = getattr(page, name) == wanted
            if not same:
                setattr(page, name, wanted)
                changed = True
        if changed and "title" in fields:
            page.draft_title = page.title
        return changed

    def _set_tags(self, page, skills, topics):
        changed = False
        for manager_name, slugs, model in (("skills", skills, SkillTag), ("topics", topics, TopicTag)):
            if slugs is None:
                continue
            manager = getattr(page, manager_name)
            current = sorted(tag.slug for tag in manager.all()) if page.pk else []
            if current != sorted(slugs):
                tags = list(model.objects.filter(slug__in=slugs))
                missing = set(slugs) - {tag.slug for tag in tags}
                if missing:
                    raise CommandError(f"Unknown {manager_name} in the demo content: {', '.join(sorted(missing))}")
                manager.set(tags)
                changed = True
        return changed

    def _set_children(self, page, children):
        """Replace inline child objects (partners, owners, ...) when they differ from the demo's."""
        changed = False
        for relation, rows in children.items():
            child_model = page._meta.get_field(relation).related_model
            wanted = []
            for row in rows:
                values = {}
                for name, value in row.items():
                    field = child_model._meta.get_field(name)
                    if isinstance(value, Ref):
                        value = self._ref(value)
                    values[field.attname] = value.pk if isinstance(value, models.Model) else value
                wanted.append(values)
            keys = list(wanted[0]) if wanted else []
            current = (
                [{key: getattr(child, key) for key in keys} for child in getattr(page, relation).all()]
                if page.pk
                else None
            )
            if current != wanted:
                setattr(
                    page,
                    relation,
                    [child_model(sort_order=position, **values) for position, values in enumerate(wanted)],
                )
                changed = True
        return changed
