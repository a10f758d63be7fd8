"""Test support for the search suite: the demo-like content and a switch between the two engines.

Elasticsearch runs as osmem (an in-memory OpenSearch-compatible emulator from requirements-dev) started on
127.0.0.1 by its pytest fixtures. Production keeps the stock elasticsearch 9 client; osmem answers 406 to the
client's `application/vnd.elasticsearch+json; compatible-with=9` media type, so the test node rewrites it to
plain JSON. With ELASTICSEARCH_URL set in the environment the suite runs against that real cluster instead.
"""

import datetime
import os
from contextlib import contextmanager

from django.core.management import call_command

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest
from elastic_transport import Urllib3HttpNode
from osmem_server import OsmemServer

from search import elasticsearch_engine
from search.engines import search_backends

from . import factories

ENGINES = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


class OsmemNode(Urllib3HttpNode):
    """Sends plain application/json instead of Elasticsearch's versioned media type (test only)."""

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers is not None:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if name in headers and "vnd.elasticsearch" in headers[name]:
                    headers[name] = "application/json"
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


def use_engine(request, settings, engine, backend=None):
    """Point Wagtail's search settings at the engine under test (`backend`: an ELASTICSEARCH_BACKEND value)."""
    elasticsearch_engine.mark_available()
    if engine == "database":
        settings.WAGTAILSEARCH_BACKENDS = search_backends("")
        return
    url = os.environ.get("ELASTICSEARCH_URL")
    options = {}
    backend = backend or os.environ.get("ELASTICSEARCH_BACKEND", "elasticsearch9")
    if not url:
        url = request.getfixturevalue("osmem_clone").url
        # opensearch-py sends plain JSON already; the elasticsearch client needs the rewrite.
        options = {"node_class": OsmemNode} if backend.startswith("elasticsearch") else {}
    settings.WAGTAILSEARCH_BACKENDS = search_backends(url, backend=backend, index_prefix="guildtest_", options=options)


def engine_settings(url, backend=None, options=None):
    """WAGTAILSEARCH_BACKENDS for an Elasticsearch-compatible node at `url` (osmem unless ELASTICSEARCH_URL)."""
    backend = backend or os.environ.get("ELASTICSEARCH_BACKEND", "elasticsearch9")
    if options is None and not os.environ.get("ELASTICSEARCH_URL"):
        options = {"node_class": OsmemNode} if backend.startswith("elasticsearch") else {}
    return search_backends(url, backend=backend, index_prefix="guildtest_", options=options or {})


def mark_available():
    elasticsearch_engine.mark_available()


class ModuleEngine:
    """The engine a module's search content is indexed in once (`search_module` in conftest), and each test's view
    of it: the database engine's index lives in the module's transaction (a test's changes roll back with its
    savepoint); Elasticsearch indexes into an osmem server of the module's own, and each test gets a clone of it
    (changes stay in the clone). Against a real cluster (ELASTICSEARCH_URL) there is nothing to clone: each test
    rebuilds the index from the database before it runs, as the per-test fixtures used to."""

    def __init__(self, name, backend=None):
        self.name, self.backend, self.server = name, backend, None
        if name == "elasticsearch" and not os.environ.get("ELASTICSEARCH_URL"):
            self.server = OsmemServer.start()

    def build_settings(self):
        if self.name == "database":
            return search_backends("")
        return engine_settings(self.server.url if self.server else os.environ["ELASTICSEARCH_URL"], self.backend)

    @contextmanager
    def for_test(self, settings):
        mark_available()
        if self.name == "database":
            settings.WAGTAILSEARCH_BACKENDS = search_backends("")
            yield
        elif self.server is None:
            settings.WAGTAILSEARCH_BACKENDS = self.build_settings()
            rebuild_index()
            yield
        else:
            clone = self.server.clone()  # the first clone freezes the module's index as its base
            try:
                settings.WAGTAILSEARCH_BACKENDS = engine_settings(clone.url, self.backend)
                yield
            finally:
                clone.close()

    def close(self):
        if self.server is not None:
            self.server.close()


def rebuild_index():
    call_command("update_index", verbosity=0)
    backend = get_search_backend("default")
    if hasattr(backend, "get_index_for_model"):
        backend.get_index_for_model(Page).refresh()


def build_demo_content(tree):
    """Pages mirroring the seed texts and the demo loader, with the judged queries' answers among them."""
    green = factories.SkillTagFactory(name="Green skills", slug="green-skills", category="green")
    digital = factories.SkillTagFactory(name="Digital skills", slug="digital-skills", category="digital")
    mismatch = factories.SkillTagFactory(name="Skills matching", slug="skills-matching", category="transversal")
    employment = factories.TopicTagFactory(name="Employment", slug="employment")
    culture = factories.TopicTagFactory(name="Culture", slug="culture")
    ghent = factories.MemberPageFactory(
        parent=tree.members,
        title="City of Ghent",
        organisation_name="Stad Gent",
        city="Ghent",
        country="BE",
        member_type="city",
        summary="Flemish city active in the working group employment.",
        joined_on=datetime.date(2020, 6, 1),
        skills=[green],
        topics=[employment],
    )
    lille = factories.MemberPageFactory(
        parent=tree.members,
        title="Métropole Européenne de Lille",
        organisation_name="MEL",
        city="Lille",
        country="FR",
        member_type="city",
        summary="Metropolitan authority in northern France.",
        joined_on=datetime.date(2021, 3, 1),
        skills=[digital],
        topics=[employment],
    )
    chamber = factories.MemberPageFactory(
        parent=tree.members,
        title="Chamber of Crafts Vienna",
        organisation_name="WKW",
        city="Vienna",
        country="AT",
        member_type="chamber",
        summary="Chamber supporting apprenticeship in crafts.",
        joined_on=datetime.date(2021, 9, 1),
        skills=[green, digital],
    )
    pages = {
        "ghent": ghent,
        "lille": lille,
        "chamber": chamber,
        "ghent_review": factories.GoodPracticePageFactory(
            parent=tree.practices,
            title="Critical friend review in Ghent: skills mismatch and 21st century skills",
            summary="Peer review of how Ghent tackles the skills mismatch on its local labour market.",
            challenge="<p>Employers in Ghent report vacancies they cannot fill while jobseekers lack skills.</p>",
            country="BE",
            city="Ghent",
            start_year=2019,
            skills=[mismatch],
            topics=[employment],
        ),
        "lille_video": factories.GoodPracticePageFactory(
            parent=tree.practices,
            title="Lille video: bringing long-term unemployed people back to work",
            summary="A video on Lille's approach to long-term unemployment through apprenticeships.",
            approach="<p>Coaching and work placements for people out of work for over a year.</p>",
            country="FR",
            city="Lille",
            start_year=2021,
            skills=[digital],
            topics=[employment],
        ),
        "green_apprenticeships": factories.GoodPracticePageFactory(
            parent=tree.practices,
            title="Green skills in apprenticeships for renovation",
            summary="Vienna's craft apprentices learn energy-efficient renovation: green skills on the job.",
            country="AT",
            city="Vienna",
            start_year=2022,
            skills=[green],
            topics=[],
        ),
        "heritage_webinar": factories.EventPageFactory(
            parent=tree.events,
            title="Cultural heritage, social and economic returns",
            summary="Webinar on how cities leverage heritage for cohesive societies.",
            country="TR",
            city="Istanbul",
            start=datetime.datetime(2020, 2, 6, 10, tzinfo=datetime.UTC),
            end=datetime.datetime(2020, 2, 6, 12, tzinfo=datetime.UTC),
            topics=[culture],
        ),
        "inclusive_news": factories.NewsPageFactory(
            parent=tree.news,
            title="Join the initiative Inclusive Cities for All",
            summary="Is your city pursuing inclusive policies? Join the apprenticeship network.",
            publication_date=datetime.date(2020, 1, 13),
            topics=[employment],
        ),
        "qualification": factories.JointQualificationPageFactory(
            parent=tree.qualifications,
            title="Joint qualification in digital apprenticeship coaching",
            summary="EQF 5 qualification for apprenticeship coaches in companies.",
            eqf_level=5,
            countries=["FI", "ES"],
            skills=[digital],
        ),
    }
    rebuild_index()
    return pages
