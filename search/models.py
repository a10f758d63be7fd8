"""The database engine's facet store: one row per live content page, one row per facet value.

Wagtail's database backend answers "which pages match these words" well enough, but it has no notion of facets:
counting countries or skills over the matches with the ORM means joining seven page tables and their tag tables.
These two tables hold, per live page, exactly what the search page shows and filters by, so that facet counts
are one grouped query over the matched ids. They are kept true by `search.signals` (publish, unpublish, move,
delete) and rebuilt atomically by `manage.py update_index`. The values come from the page models'
`search_*` methods (home.models.mixins.TaggedPageMixin), the same ones Elasticsearch indexes.
"""

import hashlib
import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, PageViewRestriction

import numpy as np

from .facets import document_values, indexed_page_models, type_key_for_model


def restricted_page_ids():
    """Ids of the pages behind a view restriction (password, login, groups) on themselves or an ancestor.

    Search shows none of them, anywhere: results, facet counts, suggestions, autocomplete. Restrictions are few
    (a handful of sections), so this is two small queries.
    """
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if not paths:
        return set()
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    return set(Page.objects.filter(under).values_list("pk", flat=True))


class SearchDocumentQuerySet(models.QuerySet):
    def refresh_page(self, page):
        """Store (or drop) the document of one page, from its current live state."""
        self.refresh_pages([page])

    def refresh_pages(self, pages):
        """Store (or drop) the documents of these pages: live, content, and not behind a view restriction."""
        pages = [page.specific_deferred if type(page) is Page else page for page in pages]
        if not pages:
            return
        restricted = restricted_page_ids()
        with transaction.atomic():
            self.forget([page.pk for page in pages])
            self._store(
                [
                    page
                    for page in pages
                    if page.live and type(page) in indexed_page_models() and page.pk not in restricted
                ]
            )

    def forget(self, page_ids):
        SearchFacetValue.objects.filter(page_id__in=page_ids).delete()
        self.filter(page_id__in=page_ids).delete()
        FacetStoreVersion.bump()

    def rebuild(self, batch_size=500):
        """Recompute every document in one transaction (readers see the old or the new set, never half)."""
        restricted = restricted_page_ids()
        with transaction.atomic():
            SearchFacetValue.objects.all().delete()
            self.all().delete()
            count = 0
            for model in indexed_page_models():
                pages = model.objects.live().exclude(pk__in=restricted)
                if hasattr(model, "skills"):
                    pages = pages.prefetch_related("skills", "topics")
                if hasattr(model, "owners"):
                    pages = pages.prefetch_related("owners__member")
                pages = pages.order_by("pk")
                for start in range(0, pages.count(), batch_size):
                    batch = list(pages[start : start + batch_size])
                    self._store(batch)
                    count += len(batch)
            FacetStoreVersion.bump()
            return count

    def _store(self, pages):
        documents, values = [], []
        for page in pages:
            data = document_values(page)
            documents.append(
                SearchDocument(
                    page_id=page.pk,
                    kind=type_key_for_model(type(page)),
                    title=page.title[:255],
                    summary=data["summary"],
                    date=data["date"],
                    locale_id=page.locale_id,
                )
            )
            for facet, facet_values in data["facets"].items():
                values.extend(SearchFacetValue(page_id=page.pk, facet=facet, value=value) for value in facet_values)
        SearchDocument.objects.bulk_create(documents)
        SearchFacetValue.objects.bulk_create(values, batch_size=2000)
        # No bump here: both callers bump in the same transaction (refresh_page through forget, rebuild at its
        # end), so other processes see the new token together with the new rows.


class SearchDocument(models.Model):
    """What search needs to know about one live content page, without loading the page."""

    page = models.OneToOneField(
        Page, primary_key=True, on_delete=models.DO_NOTHING, related_name="search_document", db_constraint=False
    )
    kind = models.CharField(max_length=30, db_index=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True, db_index=True)
    locale_id = models.IntegerField(null=True, db_index=True)
    indexed_at = models.DateTimeField(auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("search document")

    def __str__(self):
        return self.title


class SearchFacetValue(models.Model):
    """One facet value of one page ("country" = "BE"); a page has as many rows as values."""

    # No database constraint: treebeard deletes subtrees with raw queries; `search.signals` removes the rows.
    page = models.ForeignKey(Page, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False)
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("search facet value")
        indexes = [
            models.Index(fields=["facet", "value", "page"], name="search_facet_value_page"),
            models.Index(fields=["page", "facet", "value"], name="search_facet_page_value"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class FacetStoreVersion(models.Model):
    """One row whose token changes with every change to the facet store.

    Every search process keeps an in-memory copy of the store (search.database_engine.FacetSnapshot) and must
    notice any change made by another process. Reading this row by primary key costs well under a millisecond;
    counting the store's rows on every query cost 3-5 ms at 10,000 pages on PostgreSQL. A random token rather
    than a counter: a rolled-back transaction (a test, a failed import) must not bring back a number that an
    older copy of the store already carries.
    """

    token = models.UUIDField(default=uuid.uuid4)

    class Meta:
        verbose_name = _("facet store version")

    def __str__(self):
        return str(self.token)

    @classmethod
    def bump(cls):
        if not cls.objects.filter(pk=1).update(token=uuid.uuid4()):
            cls.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4()})

    @classmethod
    def current(cls):
        return cls.objects.filter(pk=1).values_list("token", flat=True).first()


class SkillSuggestion(models.Model):
    """An ESCO skill that a page's text names, offered to its editors (search.skill_suggestions).

    Saving a good practice, a qualification or an event looks for ESCO labels in its text; what it finds waits
    here until an editor accepts it (the skill is added to a new draft of the page) or ignores it. Nothing is
    ever added to a page without that click; an ignored suggestion is not offered again.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Suggested")
        ACCEPTED = "accepted", _("Accepted")
        IGNORED = "ignored", _("Ignored")

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="skill_suggestions")
    skill = models.ForeignKey("home.SkillTag", on_delete=models.CASCADE, related_name="+")
    matched_label = models.CharField(_("found as"), max_length=255)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("skill suggestion")
        verbose_name_plural = _("skill suggestions")
        ordering = ["skill__name"]
        constraints = [models.UniqueConstraint(fields=["page", "skill"], name="unique_skill_suggestion")]

    def __str__(self):
        return f"{self.skill} ({self.get_status_display()})"


class PageEmbeddingQuerySet(models.QuerySet):
    def embed_pages(self, pages, batch_size=32):
        """Store the vectors of these pages' live versions (bulk: one model call per batch); returns how many.

        A page whose text and model are unchanged keeps its vector (re-publishing or re-running the demo loader
        costs nothing). Pages that are not live content lose theirs. Search filters by visibility at query time
        (`search.semantic`), so a restricted page may keep a vector but is never returned.
        """
        from .embeddings import get_embedder, passage_text

        embedder = get_embedder()
        if embedder is None:
            return 0
        pages = [page.specific_deferred if type(page) is Page else page for page in pages]
        content = [page for page in pages if page.live and type(page) in indexed_page_models()]
        self.filter(page_id__in=[page.pk for page in pages if page not in content]).delete()
        texts = {page.pk: passage_text(page) for page in content}
        hashes = {pk: hashlib.sha256(text.encode()).hexdigest()[:32] for pk, text in texts.items()}
        kept = set(self.filter(page_id__in=list(texts), model=embedder.name).values_list("page_id", "text_hash"))
        todo = [page for page in content if (page.pk, hashes[page.pk]) not in kept]
        for start in range(0, len(todo), batch_size):
            batch = todo[start : start + batch_size]
            vectors = embedder.passages([texts[page.pk] for page in batch])
            with transaction.atomic():
                self.filter(page_id__in=[page.pk for page in batch]).delete()
                self.bulk_create(
                    PageEmbedding(
                        page_id=page.pk,
                        language=page.locale.language_code if page.locale_id else "",
                        model=embedder.name,
                        text_hash=hashes[page.pk],
                        vector=np.asarray(vector, dtype=np.float32).tobytes(),
                    )
                    for page, vector in zip(batch, vectors, strict=True)
                )
        return len(todo)

    def embed_all(self, batch_size=32):
        """(Re)compute the vectors of every live content page; returns how many were computed."""
        count = 0
        for model in indexed_page_models():
            pages = list(model.objects.live().select_related("locale").order_by("pk"))
            count += self.embed_pages(pages, batch_size=batch_size)
        live = Page.objects.live().values_list("pk", flat=True)
        self.exclude(page_id__in=live).delete()
        return count


class PageEmbedding(models.Model):
    """The sentence-embedding vector of one live page's text, for semantic search and "similar" pages.

    Float32 bytes (384 values for multilingual-e5-small: 1.5 KB a page). Searched by brute-force cosine over an
    in-memory matrix (`search.semantic`): fine to ~50,000 pages (75 MB per process), beyond which a vector index
    is needed (docs/search.md has the measurements). Written only by background tasks and commands
    (`search.tasks`, `manage.py embed_pages`, the demo loaders), never in an editor's request.
    """

    # No database constraint, as for the facet store: treebeard deletes subtrees with raw queries;
    # `search.signals` forgets the vectors of every deleted page.
    page = models.ForeignKey(Page, on_delete=models.DO_NOTHING, related_name="+", db_constraint=False)
    language = models.CharField(max_length=10, blank=True)
    model = models.CharField(max_length=100)
    text_hash = models.CharField(max_length=32)
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = PageEmbeddingQuerySet.as_manager()

    class Meta:
        verbose_name = _("page embedding")
        constraints = [models.UniqueConstraint(fields=["page", "model"], name="search_page_embedding_unique")]
        # Every search asks whether the vectors changed (count and latest write of the model's rows): from this
        # index alone that is under a millisecond at 10,000 pages; from the table, whose rows carry the vectors,
        # it was 10-13 ms.
        indexes = [models.Index(fields=["model", "updated_at"], name="search_embedding_freshness")]

    def __str__(self):
        return f"{self.page_id} ({self.model})"
