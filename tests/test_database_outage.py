# ruff: noqa: S603  (the commands are this test's own: PostgreSQL binaries and manage.py)
"""The database goes away and comes back: 503 pages (HTML, JSON under /api/) with Retry-After, then recovery
without a restart. The test starts its own PostgreSQL cluster (initdb/pg_ctl) and a server process on it.

Without PostgreSQL binaries it skips locally and fails when CI is set.
"""

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent


def pg_bin_dir():
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(candidates[-1]).parent if candidates else None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_cluster_owner(command):
    """initdb refuses to run as root: run the cluster as `postgres` then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (a local test server)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for(url, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return fetch(url)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer in {timeout} s")


@pytest.fixture
def postgres():
    bin_dir = pg_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL binaries are missing: CI must run the outage test")
        pytest.skip("no /usr/lib/postgresql/*/bin (this test fails instead of skipping in CI)")
    # Not pytest's tmp_path: its parents are private to root, and the cluster runs as `postgres` under root.
    tmp_path = Path(tempfile.mkdtemp(prefix="guild-outage-"))
    data = tmp_path / "pgdata"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(tmp_path, "postgres")
        shutil.chown(data, "postgres")
    port = free_port()
    subprocess.run(
        as_cluster_owner([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {tmp_path} -c listen_addresses=127.0.0.1 -c fsync=off"
    pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(tmp_path / "pg.log")]

    def start():
        subprocess.run(as_cluster_owner([*pg_ctl, "start"]), check=True, capture_output=True)

    def stop():
        subprocess.run(as_cluster_owner([*pg_ctl, "-m", "fast", "stop"]), check=False, capture_output=True)

    start()
    try:
        yield {"url": f"postgres://postgres@127.0.0.1:{port}/postgres", "start": start, "stop": stop}
    finally:
        stop()
        shutil.rmtree(tmp_path, ignore_errors=True)


def test_a_database_outage_answers_503_and_recovers_without_a_restart(postgres):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": postgres["url"],
        "DATABASE_CONN_MAX_AGE": "60",
    }
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=BASE_DIR)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        status, _headers, _body = wait_for(f"{base}/feeds/events.ics")
        assert status == 200
        assert fetch(f"{base}/api/v2/pages/")[0] == 200

        postgres["stop"]()
        status, headers, body = fetch(f"{base}/feeds/events.ics")
        assert status == 503
        assert int(headers["Retry-After"]) > 0
        assert "nothing was saved" in body.decode()
        status, headers, body = fetch(f"{base}/contact/")
        assert status == 503
        status, headers, body = fetch(f"{base}/api/v2/pages/")
        assert status == 503
        assert headers["Content-Type"].startswith("application/json")
        assert json.loads(body)["status"] == 503
        assert int(headers["Retry-After"]) > 0

        postgres["start"]()
        # The same server process, no restart: the next request opens a new connection.
        assert fetch(f"{base}/feeds/events.ics")[0] == 200
        assert fetch(f"{base}/api/v2/pages/")[0] == 200
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
