"""Throughput of each kind of page under gunicorn, as a share of a constant 20 KB response served alongside.

    .venv/bin/python bench/speed.py                             # the demo content, 5 s per page kind
    .venv/bin/python bench/speed.py --extra-pages 10000         # the demo content, then 10,000 extra pages
    .venv/bin/python bench/speed.py --duration 15 --connections 16 --json bench/results/speed.json

For each database it starts gunicorn (2 sync workers, production settings, DEBUG off) through
bench/lighthouse.py's `production_like_server`, with bench/settings.py: production settings plus one bench-only
URL, `/bench/constant/`, a constant 20 KB page through the whole middleware stack (the machine's ceiling for a
Django response). Then `wrk` (Debian: `apt-get install wrk`) loads each page kind in turn, the constant page
first and last (their mean is the ceiling), and the table gives requests per second and the share of the
ceiling. The databases are SQLite files built once by bench/extra_pages.py (demo content and translations;
the extra pages inserted in bulk). The cache is Redis when `--redis-url` (or REDIS_URL) names one, as in
production, with a key prefix of its own per run; otherwise each worker has its own in-memory cache.

On a shared machine the numbers move with what else runs: compare shares within one run, not across runs.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extra_pages import bench_database  # noqa: E402
from bench.lighthouse import production_like_server  # noqa: E402

CEILING = "constant 20 KB"
DETAIL_PATH = "/good-practices/ghent-strategic-approach-to-the-skills-mismatch/"
API_LIST_PATH = "/api/v2/pages/?type=practices.GoodPracticePage"
#: A session cookie makes the page cache step aside (as for a signed-in user): the page is rendered for each
#: request, with one query more than an anonymous render (the missing session row).
UNCACHED = {"Cookie": "sessionid=bench-uncached"}
#: (label, path, mode): mode "" loads the page as an anonymous visitor (served from the page cache after the
#: first request), "uncached" with UNCACHED's cookie, "revalidate" with If-None-Match and the page's own ETag.
PAGE_KINDS = (
    ("home", "/", "uncached"),
    ("home (page cache)", "/", ""),
    ("index", "/good-practices/", "uncached"),
    ("index (page cache)", "/good-practices/", ""),
    ("deep index (page 50)", "/good-practices/?page=50", "uncached"),
    ("deep index (page cache)", "/good-practices/?page=50", ""),
    ("detail", DETAIL_PATH, "uncached"),
    ("detail (page cache)", DETAIL_PATH, ""),
    ("detail 304 (If-None-Match)", DETAIL_PATH, "revalidate"),
    ("search", "/search/?q=apprenticeship", "uncached"),
    ("search (page cache)", "/search/?q=apprenticeship", ""),
    ("API list", API_LIST_PATH, ""),
    ("API detail", None, ""),  # the first practice of the API list: ids differ between databases
    ("API 304 (If-None-Match)", API_LIST_PATH, "revalidate"),
    ("feed", "/feeds/news.rss", "uncached"),
    ("feed (page cache)", "/feeds/news.rss", ""),
)


def parse_wrk(output):
    """{"requests_per_second", "requests", "errors", "non_2xx_3xx", "latency_ms"} from wrk's report."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if rate is None:
        raise ValueError(f"no Requests/sec in wrk's output: {output[-500:]!r}")
    requests = re.search(r"(\d+) requests in", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    latency = re.search(r"Latency\s+([\d.]+)(us|ms|s)\b", output)
    latency_ms = None
    if latency:
        latency_ms = float(latency.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[latency.group(2)]
    return {
        "requests_per_second": float(rate.group(1)),
        "requests": int(requests.group(1)) if requests else None,
        "non_2xx_3xx": int(non_2xx.group(1)) if non_2xx else 0,
        "errors": sum(int(value) for value in errors.groups()) if errors else 0,
        "latency_ms": latency_ms,
    }


def shares(rates, ceiling_label=CEILING):
    """{label: requests per second / the ceiling's}, the ceiling itself 1.0 (None without a ceiling)."""
    ceiling = rates.get(ceiling_label)
    return {label: (rate / ceiling if ceiling else None) for label, rate in rates.items()}


def format_table(columns):
    """The table printed at the end (and put in README): one row per page kind, two cells per database."""
    labels = [CEILING] + [label for label, _path, _mode in PAGE_KINDS]
    header = f"| {'page':26} |" + "".join(f" {name + ' req/s':>18} | {'share':>6} |" for name in columns)
    rule = "|" + "-" * 28 + "|" + "".join("-" * 20 + "|" + "-" * 8 + "|" for _ in columns)
    rows = [header, rule]
    for label in labels:
        cells = ""
        for results in columns.values():
            rate = results["rates"].get(label)
            share = results["shares"].get(label)
            cells += f" {rate:18.0f} | {share:6.1%} |" if rate is not None else f" {'-':>18} | {'-':>6} |"
        rows.append(f"| {label:26} |{cells}")
    return "\n".join(rows)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - our own loopback server
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def run_wrk(url, duration, connections, threads, headers=None):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    run = subprocess.run([*command, url], capture_output=True, text=True, check=True, timeout=duration + 60)  # noqa: S603
    return parse_wrk(run.stdout)


def measure_server(base_url, duration, connections, threads):
    """{label: wrk result} for the constant page and every page kind on one running server."""
    targets = {}
    api_list = json.loads(fetch(base_url + API_LIST_PATH)[2])
    api_detail = f"/api/v2/pages/{api_list['items'][0]['id']}/"
    for label, path, mode in PAGE_KINDS:
        path = path or api_detail
        headers = dict(UNCACHED) if mode == "uncached" else {}
        if mode == "revalidate":
            headers["If-None-Match"] = fetch(base_url + path)[1].get("ETag", "")
        status, _headers, _body = fetch(base_url + path, headers)
        wanted = 304 if mode == "revalidate" else 200
        if status != wanted:
            raise SystemExit(f"{label}: {path} answered {status}, not {wanted}")
        targets[label] = (path, headers)
    results = {}
    ceiling_runs = [run_wrk(base_url + "/bench/constant/", duration, connections, threads)]
    for label, (path, headers) in targets.items():
        fetch(base_url + path, headers)  # warm the workers' caches the way steady traffic would
        results[label] = run_wrk(base_url + path, duration, connections, threads, headers)
        print(f"  {label:26} {results[label]['requests_per_second']:9.0f} req/s", flush=True)
    ceiling_runs.append(run_wrk(base_url + "/bench/constant/", duration, connections, threads))
    results[CEILING] = {
        **ceiling_runs[-1],
        "requests_per_second": sum(run["requests_per_second"] for run in ceiling_runs) / len(ceiling_runs),
    }
    print(f"  {CEILING:26} {results[CEILING]['requests_per_second']:9.0f} req/s (mean of first and last)")
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--extra-pages", type=int, default=0, help="also measure with this many extra pages")
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page kind (default 5)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", ""), help="the cache, as in production")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    sizes = [0] + ([args.extra_pages] if args.extra_pages else [])
    columns = {}
    for extra_pages in sizes:
        name = "demo" if not extra_pages else f"+{extra_pages}"
        database = bench_database(extra_pages)
        environment = {
            "DATABASE_URL": f"sqlite:///{database}",
            "REDIS_URL": args.redis_url,
            "BENCH_CACHE_PREFIX": f"bench-{uuid.uuid4().hex[:8]}",
            "LOG_LEVEL": "WARNING",
        }
        print(f"{name}: {database.name}", flush=True)
        started = time.monotonic()
        with production_like_server("bench.settings", environment) as base_url:
            results = measure_server(base_url, args.duration, args.connections, args.threads)
        rates = {label: result["requests_per_second"] for label, result in results.items()}
        columns[name] = {"rates": rates, "shares": shares(rates), "wrk": results}
        print(f"  ({time.monotonic() - started:.0f} s)")
    print()
    print(format_table(columns))
    print(f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}s per page; gunicorn, 2 sync workers.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(columns, indent=2) + "\n")


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
