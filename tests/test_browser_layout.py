"""The layout in a real browser: on a phone the main menu folds behind a button; on a desktop it is open."""

import pytest

# A live server needs committed data (a transactional test); serialized_rollback puts back what the
# migrations created (root page, locale, groups, workflow) when the test's flush empties the tables.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(site_tree):
    for section in (site_tree.members, site_tree.practices, site_tree.events, site_tree.news):
        section.show_in_menus = True
        section.save_revision().publish()
    return site_tree


def test_the_main_menu_folds_on_a_phone_and_opens_with_its_button(browser, live_server, site):
    phone = browser.new_context(viewport={"width": 375, "height": 740}).new_page()
    phone.goto(live_server.url + "/")
    menu = phone.locator("#main-nav-list")
    toggle = phone.locator(".main-nav__toggle")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu.is_visible()
    assert phone.locator("#main-nav-list a", has_text="Members").is_visible()
    # Keyboard users reach the button and open it with Enter.
    toggle.click()
    toggle.focus()
    phone.keyboard.press("Enter")
    assert menu.is_visible()

    desktop = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    desktop.goto(live_server.url + "/")
    assert desktop.locator("#main-nav-list").is_visible()
    assert not desktop.locator(".main-nav__toggle").is_visible()
