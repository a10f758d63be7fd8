"""What search shows and when: restricted pages never, values that follow their sources, dates as the page says."""

import datetime

from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

import pytest

from practices.models import GoodPracticeOwner
from search.query import SearchQuery
from search.service import run_search, suggest

from . import factories
from .search_engines import rebuild_index


@pytest.fixture
def demo(search_demo):
    """The search content, built once per engine for the module (tests/conftest.py: `search_module`)."""
    return search_demo


def refreshed_search(text="", **filters):
    backend = get_search_backend("default")
    if hasattr(backend, "get_index_for_model"):
        backend.get_index_for_model(Page).refresh()
    return run_search(SearchQuery(text=text, filters={key: tuple(value) for key, value in filters.items()}))


def ids(result):
    return {hit["id"] for hit in result["hits"]}


def facet(result, name):
    return {item["value"]: item["count"] for item in result["facets"][name]}


def restricted_content(tree):
    """A password-protected practice and a page under a login-restricted section, each with words of its own."""
    secret_skill = factories.SkillTagFactory(name="Quokka handling", slug="quokka-handling", category="transversal")
    practice = factories.GoodPracticePageFactory(
        parent=tree.practices,
        title="Quokka welding secrets",
        summary="Quokka welding for apprentices, behind a password.",
        country="NZ",
        skills=[secret_skill],
    )
    PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.PASSWORD, password="x")
    section = factories.StandardPageFactory(parent=tree.home, title="Members area", intro="For members.")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    minutes = factories.StandardPageFactory(parent=section, title="Quokka board minutes", intro="Quokka minutes.")
    return practice, section, minutes


def test_restricted_pages_appear_nowhere_in_search(demo):
    practice, section, minutes = restricted_content(demo["tree"])
    rebuild_index()
    hidden = {practice.pk, section.pk, minutes.pk}
    result = refreshed_search("quokka")
    assert result["total"] == 0 and not ids(result) & hidden
    browse = refreshed_search()
    assert browse["total"] == 9  # the demo's pages, none of the restricted ones
    assert "NZ" not in facet(browse, "country")
    assert "quokka-handling" not in facet(browse, "skill")
    assert facet(browse, "type").get("page", 0) == 0
    assert suggest("quok") == []
    assert refreshed_search("quoka")["suggestion"] is None  # no spelling taken from a restricted page
    # A word shared with public pages: the restricted ones are neither counted nor highlighted.
    welding = refreshed_search("apprentices")
    assert not ids(welding) & hidden
    assert all("quokka" not in " ".join(hit["highlights"]).lower() for hit in welding["hits"])


def test_search_follows_view_restrictions_as_they_change(demo):
    page = demo["green_apprenticeships"]
    assert page.pk in ids(refreshed_search("renovation"))
    restriction = PageViewRestriction.objects.create(page=demo["tree"].practices, restriction_type="login")
    assert page.pk not in ids(refreshed_search("renovation"))  # restricted on an ancestor
    assert refreshed_search(type=["good_practice"])["total"] == 0
    restriction.delete()
    assert page.pk in ids(refreshed_search("renovation"))
    assert refreshed_search(type=["good_practice"])["total"] == 3


def test_a_members_type_change_reaches_its_practices(demo):
    ghent, review = demo["ghent"], demo["ghent_review"]
    GoodPracticeOwner.objects.create(practice=review, member=ghent)
    rebuild_index()
    assert review.pk in ids(refreshed_search("mismatch", member_type=["city"]))
    ghent = ghent.specific.__class__.objects.get(pk=ghent.pk)
    ghent.member_type = "vet_provider"
    ghent.save_revision().publish()
    assert review.pk not in ids(refreshed_search("mismatch", member_type=["city"]))
    assert review.pk in ids(refreshed_search("mismatch", member_type=["vet_provider"]))


def test_dates_are_the_pages_own_and_undated_pages_show_none(demo):
    late = factories.EventPageFactory(
        parent=demo["tree"].events,
        title="Yodel evening workshop",
        time_zone="Europe/Brussels",
        start=datetime.datetime(2020, 3, 5, 23, 30, tzinfo=datetime.UTC),  # 00:30 on 6 March in Brussels
        end=datetime.datetime(2020, 3, 6, 1, 0, tzinfo=datetime.UTC),
    )
    undated = factories.MemberPageFactory(parent=demo["tree"].members, title="Yodel guild", joined_on=None)
    rebuild_index()
    hits = {hit["id"]: hit for hit in refreshed_search("yodel")["hits"]}
    assert hits[late.pk]["date"] == "2020-03-06"
    assert hits[undated.pk]["date"] is None


def test_the_type_facet_keeps_its_alternatives_with_words(demo):
    result = refreshed_search("apprenticeship", type=["good_practice"])
    assert {hit["type"] for hit in result["hits"]} == {"good_practice"}
    assert facet(result, "type") == {"member": 1, "good_practice": 2, "news": 1, "qualification": 1}


def test_snippets_are_text_around_the_words_never_tag_names(demo):
    result = refreshed_search("employment")  # a topic of five pages, a word of one summary
    assert len(result["hits"]) >= 4
    for hit in result["hits"]:
        # Pages tagged "Employment" without the word in their text have no snippet rather than a tag list.
        assert all(snippet.strip() != "<mark>Employment</mark>" for snippet in hit["highlights"])
    ghent = next(hit for hit in result["hits"] if hit["id"] == demo["ghent"].pk)
    assert ghent["highlights"][0] == "Flemish city active in the working group <mark>employment</mark>."
