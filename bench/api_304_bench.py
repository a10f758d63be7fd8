"""API revalidation benchmark: a full 200 against a 304 for If-None-Match, on the demo content.

    .venv/bin/python bench/api_304_bench.py            # loads the demo into bench/api_bench.sqlite3 once
    .venv/bin/python bench/api_304_bench.py --rounds 50

A 304 is decided from the content version before the view queries or renders anything (api/caching.py), so
it should cost a small fraction of the 200 it saves. Prints mean and p95 milliseconds of each, and the ratio.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / 'api_bench.sqlite3'}")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("API_RATE_LIMIT", "")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from network.models import MemberPage  # noqa: E402

URLS = [
    "/api/v2/pages/?type=network.MemberPage&fields=*&limit=50",
    "/api/v2/pages/?type=practices.GoodPracticePage&fields=*&limit=50",
    "/api/v2/pages/?limit=50",
]


def timed(function, rounds):
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.mean(samples), samples[int(len(samples) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if not MemberPage.objects.exists():
        call_command("load_demo_content", verbosity=0)
    client = Client(HTTP_HOST="localhost")
    for url in URLS:
        first = client.get(url)
        assert first.status_code == 200, first.status_code
        etag = first["ETag"]
        full_mean, full_p95 = timed(lambda url=url: client.get(url).content, args.rounds)
        cached_mean, cached_p95 = timed(
            lambda url=url, etag=etag: client.get(url, HTTP_IF_NONE_MATCH=etag), args.rounds
        )
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
        print(
            f"{url}\n  200: mean {full_mean:.1f} ms, p95 {full_p95:.1f} ms\n"
            f"  304: mean {cached_mean:.1f} ms, p95 {cached_p95:.1f} ms\n"
            f"  a 304 costs 1/{full_mean / cached_mean:.0f} of a 200"
        )


if __name__ == "__main__":
    main()
