"""WAGTAILSEARCH_BACKENDS from the environment: the database backend, plus Elasticsearch when configured.

Imported by settings, so it imports nothing from Django. With ELASTICSEARCH_URL set, "default" is Wagtail's
Elasticsearch (or OpenSearch) backend and "database" stays configured and auto-updated, so the search
service can answer from it when Elasticsearch is down.
"""

from .serializers import GuildJsonSerializer, opensearch_serializer

ELASTICSEARCH_BACKENDS = {
    # ELASTICSEARCH_BACKEND value -> Wagtail backend module; the client major must match the server major.
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}
DATABASE_BACKEND = {"BACKEND": "wagtail.search.backends.database", "ATOMIC_REBUILD": True}


def search_backends(elasticsearch_url="", backend="elasticsearch9", index_prefix="guild_", timeout=60, options=None):
    if not elasticsearch_url:
        return {"default": dict(DATABASE_BACKEND)}
    if backend not in ELASTICSEARCH_BACKENDS:
        raise ValueError(f"ELASTICSEARCH_BACKEND must be one of {', '.join(ELASTICSEARCH_BACKENDS)}, not {backend!r}")
    return {
        "default": {
            "BACKEND": ELASTICSEARCH_BACKENDS[backend],
            "URLS": [url.strip() for url in elasticsearch_url.split(",") if url.strip()],
            "INDEX_PREFIX": index_prefix,
            # Bulk indexing of thousands of pages can exceed the client's 10 s default.
            "TIMEOUT": timeout,
            # update_index builds a new index and swaps the alias: searches never see a half-built index.
            "ATOMIC_REBUILD": True,
            "OPTIONS": {**_client_options(backend), **(options or {})},
        },
        "database": dict(DATABASE_BACKEND),
    }


def _client_options(backend):
    """Every backend gets the serializer that writes Country values (its client's own serializer class)."""
    if backend.startswith("elasticsearch"):
        return {"serializer": GuildJsonSerializer()}
    return {"serializer": opensearch_serializer()}


def uses_elasticsearch(backends):
    return any(name in backends.get("default", {}).get("BACKEND", "") for name in ("elasticsearch", "opensearch"))
