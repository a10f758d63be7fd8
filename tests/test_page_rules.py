"""Where each page type may live, and what may live under it."""

from django.template.loader import get_template

from wagtail.models import Page

import pytest

from home.models import HomePage, StandardPage
from network.models import (
    CampaignIndexPage,
    CampaignPage,
    EventIndexPage,
    EventPage,
    MemberIndexPage,
    MemberPage,
    NewsIndexPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
)
from practices.models import GoodPracticePage, JointQualificationPage, PracticeIndexPage, QualificationIndexPage

INDEX_AND_CHILD = [
    (MemberIndexPage, MemberPage),
    (ProjectIndexPage, ProjectPage),
    (CampaignIndexPage, CampaignPage),
    (EventIndexPage, EventPage),
    (NewsIndexPage, NewsPage),
    (PracticeIndexPage, GoodPracticePage),
    (QualificationIndexPage, JointQualificationPage),
]
DETAIL_PAGES = [child for _index, child in INDEX_AND_CHILD]


def test_home_page_sits_only_at_the_root():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert HomePage.max_count_per_parent == 1


@pytest.mark.parametrize(("index_model", "child_model"), INDEX_AND_CHILD)
def test_each_index_sits_under_home_and_holds_only_its_own_type(index_model, child_model):
    assert index_model.allowed_parent_page_models() == [HomePage]
    assert index_model.allowed_subpage_models() == [child_model]
    assert child_model.allowed_parent_page_models() == [index_model]


@pytest.mark.parametrize("detail_model", DETAIL_PAGES)
def test_detail_pages_cannot_be_created_under_home_or_another_index(site_tree, detail_model):
    assert not detail_model.can_create_at(site_tree.home)
    other_indexes = [page for page in vars(site_tree).values() if isinstance(page, Page) and page.depth == 3]
    allowed = [index for index in other_indexes if detail_model.can_create_at(index)]
    assert len(allowed) == 1
    assert allowed[0].specific_class.allowed_subpage_models() == [detail_model]


@pytest.mark.parametrize("detail_model", [MemberPage, CampaignPage, EventPage, NewsPage, GoodPracticePage])
def test_leaf_pages_take_no_children(detail_model):
    assert detail_model.allowed_subpage_models() == []


def test_projects_may_hold_standard_pages_and_standard_pages_nest():
    assert ProjectPage.allowed_subpage_models() == [StandardPage]
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage, ProjectPage}


def test_a_second_home_page_cannot_be_created_under_the_root(site_tree):
    assert not HomePage.can_create_at(site_tree.root)


@pytest.mark.parametrize("model", DETAIL_PAGES)
def test_every_detail_page_declares_search_and_api_fields(model):
    search_names = {field.field_name for field in model.search_fields}
    assert {"title", "summary"} <= search_names
    assert hasattr(model, "api_fields")
    assert model.template == f"{model._meta.app_label}/{_snake(model.__name__)}.html"
    assert get_template(model.template)  # raises TemplateDoesNotExist if the file is missing


def _snake(name):
    return "".join(f"_{char.lower()}" if char.isupper() else char for char in name).lstrip("_")
