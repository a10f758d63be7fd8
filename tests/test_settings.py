"""Production settings refuse to start insecurely; the deploy checklist is clean."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env_overrides):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env_overrides)
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="guild.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-for-the-check-" + "k3y9" * 10,
        ALLOWED_HOSTS="guild.example",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_wsgi_defaults_to_production_settings():
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def serve_media_urlconf():
    """config.urls as built under the current settings (it reads DEBUG and GUILD_SERVE_MEDIA at import)."""
    import importlib

    from django.urls import clear_url_caches

    import config.urls

    clear_url_caches()
    return importlib.reload(config.urls)


def test_uploads_are_served_by_django_only_when_asked(db, client, settings):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    default_storage.save("images/logo.txt", ContentFile(b"a logo"))  # the storage the site reads uploads from
    try:
        settings.GUILD_SERVE_MEDIA = False
        serve_media_urlconf()
        assert client.get("/media/images/logo.txt").status_code == 404

        settings.GUILD_SERVE_MEDIA = True
        serve_media_urlconf()
        response = client.get("/media/images/logo.txt")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"a logo"
        # Out of MEDIA_ROOT: refused as a suspicious path.
        assert client.get("/media/../config/settings/base.py").status_code == 400
    finally:
        default_storage.delete("images/logo.txt")
        settings.GUILD_SERVE_MEDIA = False
        serve_media_urlconf()
