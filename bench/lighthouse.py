"""Lighthouse scores (performance, accessibility, best practices, SEO) of the home page, an index and a detail page.

Runs the `lighthouse` npm package (installed by `npm ci`, see package.json) with Debian's Chromium
(`CHROME_PATH=/usr/bin/chromium`, never a downloaded browser) against a server with production-like static
handling: by default it starts one itself (production settings, DEBUG off, `collectstatic` into staticfiles/,
WhiteNoise serving compressed, hashed files, gunicorn) on the database `DATABASE_URL` names (or
db.sqlite3, which `make demo` fills). Point it at a server you already run with `--base-url` instead.

    .venv/bin/python bench/lighthouse.py                       # home, /members/, the first member page
    .venv/bin/python bench/lighthouse.py --paths / /news/ --floor 95
    .venv/bin/python bench/lighthouse.py --base-url http://127.0.0.1:8000 --json bench/results/lighthouse.json

Prints one line per page and exits 1 when a score is under `--floor`. tests/test_browser_lighthouse.py reuses
`lighthouse_scores` to hold the suite to the same floors.
"""

import argparse
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
DEFAULT_PATHS = ("/", "/members/", "/good-practices/ghent-strategic-approach-to-the-skills-mismatch/")


# Lighthouse's own runtime errors that say "run Lighthouse again": the trace of a page load on a busy 2-core
# machine sometimes lacks its navigation-start event. They are about the recording, never about the page.
TRANSIENT_ERRORS = ("NO_NAVSTART", "NO_FCP", "NO_LCP", "PROTOCOL_TIMEOUT", "Please run Lighthouse again")


def lighthouse_scores(url, categories=CATEGORIES, timeout=180, attempts=3):
    """{category: score out of 100} for `url`, and the audits that failed ({category: [audit titles]}).

    A run that Lighthouse itself reports as a recording failure is repeated, up to `attempts` runs in all.
    """
    for attempt in range(1, attempts + 1):
        try:
            return _lighthouse_run(url, categories, timeout)
        except RuntimeError as error:
            if attempt == attempts or not any(marker in str(error) for marker in TRANSIENT_ERRORS):
                raise
    raise AssertionError("unreachable")


def _lighthouse_run(url, categories, timeout):
    with tempfile.TemporaryDirectory() as workdir:
        report = Path(workdir) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(categories)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ]
        environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)}
        run = subprocess.run(command, timeout=timeout, env=environment, capture_output=True, text=True)  # noqa: S603 - our own arguments
        if run.returncode != 0:
            raise RuntimeError(f"lighthouse failed on {url}: {run.stderr[-2000:]}")
        result = json.loads(report.read_text())
    scores = {name: round(category["score"] * 100) for name, category in result["categories"].items()}
    failed = {
        name: [
            result["audits"][ref["id"]]["title"]
            for ref in category["auditRefs"]
            if ref["weight"]
            and (result["audits"][ref["id"]]["score"] is not None)
            and result["audits"][ref["id"]]["score"] < 0.9
        ]
        for name, category in result["categories"].items()
    }
    return scores, failed


def free_port():
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def production_like_server(settings_module="config.settings.production", extra_environment=None, workers=2):
    """gunicorn on production settings with WhiteNoise serving freshly collected static files; yields its URL.

    bench/speed.py passes its own settings module (production plus a bench-only URL) and database.
    """
    port = free_port()
    environment = {
        **os.environ,
        **(extra_environment or {}),
        "DJANGO_SETTINGS_MODULE": settings_module,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "lighthouse-bench-only-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",  # plain http on the loopback
        "SECURE_HSTS_SECONDS": "0",
        # The demo's pictures are uploads: without a media server in front, Django serves them.
        "GUILD_SERVE_MEDIA": "1",
        "GUILD_PUBLIC_URL": f"http://127.0.0.1:{port}",
    }
    python = ROOT / ".venv" / "bin" / "python"
    subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [str(python), "manage.py", "collectstatic", "--noinput", "-v0", "--settings", settings_module],
        cwd=ROOT,
        env=environment,
        check=True,
    )
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(60):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base_url + "/", timeout=5)  # noqa: S310 (our own loopback server)
                break
            time.sleep(0.5)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", help="a server you run; without it a production-like one is started")
    parser.add_argument("--paths", nargs="+", default=DEFAULT_PATHS)
    parser.add_argument("--floor", type=int, default=95, help="the lowest acceptable score (default 95)")
    parser.add_argument("--json", type=Path, help="also write the scores to this file")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci --no-audit --no-fund` first")

    with contextlib.ExitStack() as stack:
        base_url = args.base_url or stack.enter_context(production_like_server())
        results, below = {}, []
        for path in args.paths:
            scores, failed = lighthouse_scores(base_url.rstrip("/") + path)
            results[path] = scores
            print(f"{path:70} " + "  ".join(f"{name} {score}" for name, score in scores.items()))
            for name, score in scores.items():
                if score < args.floor:
                    below.append(f"{path} {name} {score}: {'; '.join(failed[name]) or 'no single audit under 0.9'}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    if below:
        print("\nUnder the floor of", args.floor, file=sys.stderr)
        print("\n".join(below), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
