"""ESCO's alternative labels are search synonyms: a page tagged with a skill is found by any of the skill's labels,
in any language, on both engines."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

import pytest

from home.models import SkillTag
from search.query import SearchQuery
from search.service import run_search

from . import factories
from .search_engines import build_demo_content, rebuild_index

FIXTURE = Path(__file__).parent / "fixtures" / "esco"
INITIATIVE = "http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f"
SPORTS = "http://data.europa.eu/esco/skill/00506f28-e884-4496-800c-3477c67eb355"


def build_with_esco(tree):
    pages = build_demo_content(tree)
    call_command("import_esco", str(FIXTURE), "--no-progress", stdout=StringIO(), stderr=StringIO())
    pages["tagged"] = factories.GoodPracticePageFactory(
        parent=tree.practices,
        title="Youth club mentoring in Tampere",
        summary="Apprentices mentor younger pupils after school.",
        skills=[SkillTag.objects.get(esco_uri=INITIATIVE), SkillTag.objects.get(esco_uri=SPORTS)],
    )
    rebuild_index()
    return pages


@pytest.fixture(scope="module")
def search_content_build():
    return build_with_esco


def found(text, **params):
    return [hit["id"] for hit in run_search(SearchQuery(text=text, **params))["hits"]]


def test_a_page_is_found_by_its_skills_synonyms_in_every_language(search_demo):
    tagged = search_demo["tagged"].pk
    for text in ("driving force", "sports injury treatment", "médecine du sport", "show initiative"):
        assert tagged in found(text), text


def test_a_synonym_finds_only_the_pages_that_carry_the_skill(search_demo):
    assert found("driving force") == [search_demo["tagged"].pk]
