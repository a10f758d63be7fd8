"""Listings as content grows: each index page (first and page 50) and API listing, demo content vs N extra pages.

    .venv/bin/python bench/listings.py                          # 10,000 extra pages, 30 rounds
    .venv/bin/python bench/listings.py --rounds 60 --extra-pages 5000
    .venv/bin/python bench/listings.py --queries                # also print each URL's SQL with its time

Both databases are SQLite files built once by bench/extra_pages.py (the demo content, then a copy with the
extra pages inserted in bulk). The views run in this process through Django's test Client, DEBUG off, the two
databases measured in alternating rounds (so a busy moment on a shared machine hits both alike); each URL's
median milliseconds are printed with the ratio extra/base. The target (issue 13) is a ratio ≤ 1.3 everywhere.
At the demo's size `?page=50` is past the end and shows the last page (Django's `get_page`), as visitors see.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["API_RATE_LIMIT"] = ""

from bench.extra_pages import bench_database  # noqa: E402

INDEX_PATHS = (
    "/members/",
    "/projects/",
    "/campaigns/",
    "/events/",
    "/news/",
    "/good-practices/",
    "/joint-vet-qualifications/",
)
API_PATHS = (
    "/api/v2/pages/",
    "/api/v2/pages/?type=practices.GoodPracticePage&fields=*",
    "/api/v2/pages/?type=network.NewsPage&order=-date&offset=600",
)


def bench_urls():
    urls = []
    for path in INDEX_PATHS:
        urls += [path, f"{path}?page=50"]
    return urls + list(API_PATHS)


def use_database(path):
    """Point the default connection at another SQLite file (same schema, same demo pages)."""
    from django.db import connections

    connection = connections["default"]
    connection.close()
    connection.settings_dict["NAME"] = str(path)


def measure(databases, urls, rounds):
    """{(database, url): [milliseconds...]}, the databases taking turns each round.

    After each switch the caches are emptied and every URL is requested once untimed, so the times are the
    steady state between two publishes (the first request after a publish also pays for the listing's ids).
    """
    from django.core.cache import caches
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    samples = {(name, url): [] for name in databases for url in urls}
    for round_number in range(rounds + 1):
        for name, path in databases.items():
            use_database(path)
            for cache in caches.all():
                cache.clear()  # per-database state (site root paths, content version) must not carry over
            for url in urls:
                client.get(url)  # steady state: what a listing costs between two publishes
            for url in urls:
                start = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - start) * 1000
                if response.status_code != 200:
                    raise SystemExit(f"{url} on {name}: {response.status_code}")
                if round_number:  # round 0 warms the process
                    samples[name, url].append(elapsed)
    return samples


def print_queries(databases, urls):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    for name, path in databases.items():
        use_database(path)
        for url in urls:
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            print(f"\n## {name} {url}: {len(captured)} queries")
            for query in sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:8]:
                print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:400]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--extra-pages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--rebuild", action="store_true", help="build the bench databases again")
    parser.add_argument("--queries", action="store_true", help="print each URL's slowest queries")
    parser.add_argument("--only", nargs="*", help="URLs to measure (default: every index and API listing)")
    args = parser.parse_args()

    # "+84": twelve extra pages per listed type, so that every listing's first page is full, as it is at
    # 10,000: compared with it, a ratio measures what grows with content rather than with cards shown (the
    # demo has 2 campaigns and 3 projects; at 10,000 extra pages their first page shows 12 cards).
    full_page = 12 * 7
    databases = {
        "base": bench_database(0, rebuild=args.rebuild),
        f"+{full_page}": bench_database(full_page, rebuild=args.rebuild),
        f"+{args.extra_pages}": bench_database(args.extra_pages, rebuild=args.rebuild),
    }
    os.environ["DATABASE_URL"] = f"sqlite:///{databases['base']}"
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # dev settings for media and static files, without DEBUG's query log
    urls = args.only or bench_urls()
    if args.queries:
        settings.DEBUG = True
        print_queries(databases, urls)
        return
    samples = measure(databases, urls, args.rounds)
    base, full, extra = databases
    print(f"{'URL':62} {base + ' ms':>9} {full + ' ms':>9} {extra + ' ms':>12} {'/base':>6} {'/' + full:>6}")
    worst = {base: 0, full: 0}
    for url in urls:
        medians = {name: statistics.median(samples[name, url]) for name in databases}
        ratios = {name: medians[extra] / medians[name] for name in (base, full)}
        for name, ratio in ratios.items():
            worst[name] = max(worst[name], ratio)
        print(
            f"{url:62} {medians[base]:9.1f} {medians[full]:9.1f} {medians[extra]:12.1f}"
            f" {ratios[base]:6.2f} {ratios[full]:6.2f}"
        )
    print(
        f"worst ratio {worst[base]:.2f} to the demo, {worst[full]:.2f} to full first pages (target ≤ 1.30);"
        f" {args.rounds} rounds, medians"
    )


if __name__ == "__main__":
    main()
