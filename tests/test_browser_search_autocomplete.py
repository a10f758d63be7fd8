"""The header search box's autocomplete in a real browser: a combobox, keyboard and pointer, word starts only."""

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from .factories import MemberPageFactory, NewsPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def pages(site_tree):
    ghent = MemberPageFactory(parent=site_tree.members, title="City of Ghent", country="BE")
    highlights = NewsPageFactory(parent=site_tree.news, title="Highlights of the year")
    call_command("update_index", verbosity=0)
    return {"ghent": ghent, "highlights": highlights}


def test_typing_in_the_header_box_offers_pages_and_the_keyboard_picks_one(browser, live_server, pages):
    page = browser.new_page()
    page.goto(f"{live_server.url}/members/")
    box = page.locator("#site-search-q")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    box.press_sequentially("gh", delay=50)
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option")).to_have_text(["City of Ghent"])  # a word start: not "Highlights"
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", listbox.get_by_role("option").first.get_attribute("id"))
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("Backspace")
    box.press_sequentially("h", delay=50)
    expect(listbox.get_by_role("option")).to_have_count(1)
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(f"**{pages['ghent'].url}")
    page.close()


def test_without_a_choice_enter_submits_the_words_to_the_search_page(browser, live_server, pages):
    page = browser.new_page()
    page.goto(f"{live_server.url}/members/")
    box = page.locator("#site-search-q")
    box.press_sequentially("highlights", delay=20)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    expect(listbox.get_by_role("option")).to_have_text(["Highlights of the year"])
    box.press("Enter")
    page.wait_for_url("**/search/?q=highlights")
    page.close()
