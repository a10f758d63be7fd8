"""Search benchmark: N synthetic pages, indexing time, p50/p95 of 20 typical queries with facets.

    .venv/bin/python bench/search_bench.py --pages 1000                      # SQLite (bench/bench.sqlite3)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/guild_bench .venv/bin/python bench/search_bench.py --pages 10000
    .venv/bin/python bench/search_bench.py --pages 10000 --engine elasticsearch   # osmem emulator on 127.0.0.1
    .venv/bin/python bench/search_bench.py --pages 10000 --engine wagtail   # Wagtail's stock search (comparison)
    .venv/bin/python bench/search_bench.py --pages 10000 --embeddings sample   # with page vectors, as `make run`

Pages are generated deterministically (seeded) and inserted through a fast path: rows for `wagtailcore_page`
with computed treebeard paths, then each page type's own table, then tags, all with bulk inserts; the search
index is then built by `manage.py update_index` (timed). Never point it at a database you care about: it
deletes every page under the bench's home page and rebuilds the search index.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / 'bench.sqlite3'}")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.http import QueryDict  # noqa: E402

from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from home.models import HomePage, SkillTag, TopicTag  # noqa: E402
from network.models import MemberIndexPage, MemberPage  # noqa: E402
from network.models.members import MemberPageSkill, MemberPageTopic  # noqa: E402
from practices.models import (  # noqa: E402
    GoodPracticePage,
    JointQualificationPage,
    PracticeIndexPage,
    QualificationIndexPage,
)
from practices.models.practices import GoodPracticePageSkill, GoodPracticePageTopic  # noqa: E402
from practices.models.qualifications import JointQualificationPageSkill  # noqa: E402
from search.embeddings import _query_vectors  # noqa: E402
from search.engines import search_backends  # noqa: E402
from search.query import SearchQuery  # noqa: E402
from search.service import run_search  # noqa: E402

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORDS = """
apprenticeship vocational training skills mismatch employment youth digital green renovation energy welding
coaching mentoring city region chamber school company partnership mobility quality inclusion unemployment
long-term jobseekers labour market lifelong learning reskilling upskilling heritage culture economy knowledge
society tourism construction care health logistics automotive agriculture water
""".split()  # noqa: SIM905
CITIES = [
    ("Ghent", "BE"),
    ("Lille", "FR"),
    ("Vienna", "AT"),
    ("Turin", "IT"),
    ("Gdansk", "PL"),
    ("Porto", "PT"),
    ("Tampere", "FI"),
    ("Bilbao", "ES"),
    ("Utrecht", "NL"),
    ("Leipzig", "DE"),
]
QUERIES = [
    {"q": "skills mismatch"},
    {"q": "apprenticeship"},
    {"q": "green skills"},
    {"q": "Ghent"},
    {"q": "long-term unemployment"},
    {"q": "digital", "type": "good_practice"},
    {"q": "welding", "country": "AT"},
    {"q": "coaching mentoring"},
    {"q": "renovation energy", "skill": "green-skills"},
    {"q": "apprentiseship"},
    {"q": ""},
    {"q": "", "type": "member", "country": "BE"},
    {"q": "", "skill": "digital-skills", "year": "2021"},
    {"q": "youth employment", "sort": "date"},
    {"q": "chamber", "member_type": "chamber"},
    {"q": "quality", "eqf_level": "4"},
    {"q": "heritage culture", "page": "2"},
    {"q": "labour market region"},
    {"q": "school", "skill_category": "green"},
    {"q": "mobility partnership", "country": ["FR", "DE"]},
]


def step(number):
    out = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        out = ALPHABET[digit] + out
    return out


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def ensure_tree():
    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        Page.objects.filter(depth=2).delete()
        root.refresh_from_db()
        home = root.add_child(instance=HomePage(title="Bench home", slug="bench-home", locale=locale))
        Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    indexes = {}
    for model, slug in (
        (MemberIndexPage, "members"),
        (PracticeIndexPage, "practices"),
        (QualificationIndexPage, "qualifications"),
    ):
        page = model.objects.first()
        if page is None:
            home.refresh_from_db()
            page = home.add_child(instance=model(title=slug.title(), slug=slug, locale=locale))
        indexes[model] = page
    skills = [
        SkillTag.objects.get_or_create(slug=slug, defaults={"name": name, "category": category})[0]
        for slug, name, category in (
            ("green-skills", "Green skills", "green"),
            ("digital-skills", "Digital skills", "digital"),
            ("skills-matching", "Skills matching", "transversal"),
        )
    ]
    topics = [
        TopicTag.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]
        for slug in ("employment", "culture", "economy")
    ]
    return locale, indexes, skills, topics


def generate(n, seed=20240601):
    """Delete the bench's content pages and insert n new ones (60% practices, 30% members, 10% qualifications)."""
    rng = random.Random(seed)
    locale, indexes, skills, topics = ensure_tree()
    started = time.perf_counter()
    with transaction.atomic():
        for parent in indexes.values():
            Page.objects.filter(path__startswith=parent.path, depth__gt=parent.depth).delete()
            Page.objects.filter(pk=parent.pk).update(numchild=0)
        plan = [(GoodPracticePage, 6), (MemberPage, 3), (JointQualificationPage, 1)]
        counters = {model: 0 for model, _ in plan}
        base_rows, specific, links = [], [], []
        now = datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC)
        for i in range(n):
            model = plan[0][0] if i % 10 < 6 else (plan[1][0] if i % 10 < 9 else plan[2][0])
            parent_model = {
                GoodPracticePage: PracticeIndexPage,
                MemberPage: MemberIndexPage,
                JointQualificationPage: QualificationIndexPage,
            }[model]
            parent = indexes[parent_model]
            counters[model] += 1
            city, country = rng.choice(CITIES)
            title = f"{sentence(rng, 3).capitalize()} in {city} #{i}"
            slug = f"bench-{i}"
            fields = {
                "title": title,
                "draft_title": title,
                "slug": slug,
                "path": parent.path + step(counters[model]),
                "depth": parent.depth + 1,
                "numchild": 0,
                "url_path": f"{parent.url_path}{slug}/",
                "live": True,
                "content_type": ContentType.objects.get_for_model(model),
                "locale": locale,
                "translation_key": uuid.UUID(int=rng.getrandbits(128)),
                "first_published_at": now,
                "last_published_at": now,
                "summary": sentence(rng, 18),
            }
            extra = {}
            if model is GoodPracticePage:
                extra = {
                    "country": country,
                    "city": city,
                    "start_year": rng.randint(2015, 2024),
                    "challenge": f"<p>{sentence(rng, 60)}</p>",
                    "approach": f"<p>{sentence(rng, 80)}</p>",
                }
            elif model is MemberPage:
                extra = {
                    "organisation_name": title,
                    "country": country,
                    "city": city,
                    "member_type": rng.choice(["city", "vet_provider", "company", "chamber"]),
                    "joined_on": datetime.date(rng.randint(2019, 2024), rng.randint(1, 12), 1),
                }
            else:
                extra = {"eqf_level": rng.randint(3, 6), "isced_field": "07", "countries": [country]}
            specific.append(model(**fields, **extra))
            links.append((model, rng.sample(skills, rng.randint(0, 2)), rng.sample(topics, rng.randint(0, 1))))
        # Base rows first (Page has no concrete parents, so bulk_create works), then the child tables.
        page_fields = [f.name for f in Page._meta.concrete_fields if f.name != "id"]
        base_rows = [Page(**{name: getattr(obj, name) for name in page_fields}) for obj in specific]
        Page.objects.bulk_create(base_rows, batch_size=500)
        if connection.vendor != "postgresql":  # SQLite returns ids from bulk_create too (3.35+); map by path
            ids = dict(Page.objects.filter(path__in=[p.path for p in base_rows]).values_list("path", "id"))
            for row in base_rows:
                row.pk = ids[row.path]
        by_model = {}
        for obj, row in zip(specific, base_rows, strict=True):
            obj.pk = obj.page_ptr_id = row.pk
            by_model.setdefault(type(obj), []).append(obj)
        for model, objs in by_model.items():
            model._base_manager._insert(objs, fields=model._meta.local_concrete_fields, using="default")
        skill_through = {
            GoodPracticePage: GoodPracticePageSkill,
            MemberPage: MemberPageSkill,
            JointQualificationPage: JointQualificationPageSkill,
        }
        topic_through = {GoodPracticePage: GoodPracticePageTopic, MemberPage: MemberPageTopic}
        skill_rows, topic_rows = {}, {}
        for obj, (model, page_skills, page_topics) in zip(specific, links, strict=True):
            for skill in page_skills:
                skill_rows.setdefault(model, []).append(skill_through[model](content_object_id=obj.pk, tag=skill))
            if model in topic_through:
                for topic in page_topics:
                    topic_rows.setdefault(model, []).append(topic_through[model](content_object_id=obj.pk, tag=topic))
        for rows in (*skill_rows.values(), *topic_rows.values()):
            rows[0].__class__.objects.bulk_create(rows, batch_size=1000)
        for model, parent_model in (
            (GoodPracticePage, PracticeIndexPage),
            (MemberPage, MemberIndexPage),
            (JointQualificationPage, QualificationIndexPage),
        ):
            Page.objects.filter(pk=indexes[parent_model].pk).update(numchild=counters[model])
    return time.perf_counter() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run_queries(engine, repeats):
    timings = []
    for params in QUERIES:
        data = QueryDict(mutable=True)
        for key, value in params.items():
            data.setlist(key, value if isinstance(value, list) else [value])
        query = SearchQuery.from_params(data)
        for _ in range(repeats):
            # Every run pays for the query's embedding, as a first search does: the per-process cache of recent
            # query vectors would otherwise hide the model's cost after the first of the repeats.
            _query_vectors.clear()
            started = time.perf_counter()
            if engine == "wagtail":
                wagtail_stock_search(query)
            else:
                result = run_search(query)
                assert result["engine"] == ("elasticsearch" if engine == "elasticsearch" else "database"), result[
                    "engine"
                ]
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def wagtail_stock_search(query):
    """What a naive implementation does: Page.objects.search + per-facet counts through the ORM (for comparison)."""
    pages = Page.objects.live().type(GoodPracticePage, MemberPage, JointQualificationPage)
    if query.text:
        results = pages.search(query.text)
        hits = list(results[:10])
        ids = [page.pk for page in results]
    else:
        hits = list(pages[:10])
        ids = list(pages.values_list("pk", flat=True))
    GoodPracticePage.objects.filter(pk__in=ids).values("country").annotate(n=django.db.models.Count("pk"))
    return hits


def store_embeddings(mode, sample_size=256):
    """Vectors for every live content page: all computed by the model, or a sample computed and reused."""
    from search.facets import indexed_page_models
    from search.models import PageEmbedding

    PageEmbedding.objects.all().delete()
    if mode == "all":
        return PageEmbedding.objects.embed_all()
    rng = random.Random(7)
    stored = 0
    for model in indexed_page_models():
        pages = list(model.objects.live().select_related("locale").order_by("pk"))
        if not pages:
            continue
        sample = rng.sample(pages, min(sample_size, len(pages)))
        PageEmbedding.objects.embed_pages(sample)
        sampled = list(PageEmbedding.objects.filter(page_id__in=[page.pk for page in sample]))
        if not sampled:
            continue
        done = {row.page_id for row in sampled}
        rest = [page for page in pages if page.pk not in done]
        PageEmbedding.objects.bulk_create(
            [
                PageEmbedding(
                    page_id=page.pk,
                    language=page.locale.language_code,
                    model=sampled[index % len(sampled)].model,
                    text_hash="bench-reused",
                    vector=sampled[index % len(sampled)].vector,
                )
                for index, page in enumerate(rest)
            ],
            batch_size=1000,
        )
        stored += len(pages)
    return stored


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--engine", choices=["database", "elasticsearch", "wagtail"], default="database")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--skip-index", action="store_true", help="reuse the index of an earlier run")
    parser.add_argument("--per-query", action="store_true", help="print each query's median")
    parser.add_argument(
        "--embeddings",
        choices=["all", "sample"],
        help="store page vectors first, so each query also runs semantic retrieval (as under `make run`): `all` "
        "embeds every page (about 30 minutes at 10,000 here); `sample` embeds 256 pages with the model and gives "
        "each other page the vector of a sampled page of the same type (the synthetic pages repeat a few "
        "templates, so the vectors' spread is close to real; the query embedding and the search are real)",
    )
    args = parser.parse_args()

    server = None
    if args.engine == "elasticsearch":
        if os.environ.get("ELASTICSEARCH_URL"):
            settings.WAGTAILSEARCH_BACKENDS = search_backends(os.environ["ELASTICSEARCH_URL"])
        else:
            # Dev-only dependencies (requirements-dev): imported only when the emulator is used.
            from osmem_server import OsmemServer

            from tests.search_engines import OsmemNode

            server = OsmemServer.start()
            settings.WAGTAILSEARCH_BACKENDS = search_backends(server.url, options={"node_class": OsmemNode})
    else:
        settings.WAGTAILSEARCH_BACKENDS = search_backends("")

    # Generation deletes and inserts thousands of pages: keep Wagtail's per-page signal handlers out of it
    # (update_index below builds every backend anyway), and let a search wait for the emulator if it must.
    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False
    settings.SEARCH_ELASTICSEARCH_TIMEOUT = 30
    call_command("migrate", verbosity=0)
    vendor = connection.vendor
    generated = 0.0 if args.skip_generate else generate(args.pages)
    started = time.perf_counter()
    if not args.skip_index:
        call_command("update_index", verbosity=0)
    indexed = time.perf_counter() - started
    if vendor == "postgresql" and not args.skip_index:
        # update_index rewrites every index row; until (auto)vacuum runs, the GIN indexes point at dead tuples
        # (measured: 90,000 heap rechecks for a 731-row match, 136 ms instead of a few ms).
        with connection.cursor() as cursor:
            for table in ("wagtailsearch_indexentry", "search_searchdocument", "search_searchfacetvalue"):
                cursor.execute(f"VACUUM ANALYZE {table}")
    if args.engine == "elasticsearch":
        get_search_backend("default").get_index_for_model(Page).refresh()
    if args.embeddings:
        started = time.perf_counter()
        embedded = store_embeddings(args.embeddings)
        print(f"embeddings ({args.embeddings}): {embedded} pages in {time.perf_counter() - started:.1f}s")
    run_queries(args.engine, 1)  # warm caches (vocabulary, content types, connections)
    timings = run_queries(args.engine, args.repeats)
    if args.per_query:
        for number, params in enumerate(QUERIES):
            own = timings[number * args.repeats : (number + 1) * args.repeats]
            print(f"{statistics.median(own):8.1f} ms  {params}")
    print(
        f"engine={args.engine} db={vendor} pages={args.pages} generate={generated:.1f}s update_index={indexed:.1f}s "
        f"queries={len(timings)} p50={statistics.median(timings):.1f}ms p95={percentile(timings, 0.95):.1f}ms "
        f"max={max(timings):.1f}ms"
    )
    if server is not None:
        server.close()


if __name__ == "__main__":
    main()
