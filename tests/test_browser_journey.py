"""The whole membership journey in a real browser (Playwright driving Debian's Chromium).

apply to join -> an editor accepts in the Wagtail admin -> the member sets a password from the invitation and
signs in -> submits a good practice to "Network review" -> the editor approves -> the practice is live, in the
pages API and the search API; and a member cannot open another member's page for editing.

Without /usr/bin/chromium these tests skip on a laptop and fail in CI (`CI` set), so CI never skips silently.
"""

import re

from django.contrib.auth.models import Group, User
from django.core import mail

from wagtail.models import Page

import pytest
from playwright.sync_api import expect

from network.models import MemberPage, ensure_network_review
from practices.models import GoodPracticePage

from .factories import MemberPageFactory

# A live server needs committed data (a transactional test); serialized_rollback puts back what the
# migrations created (root page, locale, groups, workflow) when the test's flush empties the tables.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def network(site_tree):
    ensure_network_review()
    editor = User.objects.create_user("editor", "editor@guild.example", "editor-pass-2024!")
    editor.groups.add(Group.objects.get(name="Editors"))
    other = MemberPageFactory(parent=site_tree.members, title="Lyon Metropole", country="FR")
    return {"tree": site_tree, "editor": editor, "other": other}


def sign_in(page, base, username, password):
    page.goto(f"{base}/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', password)
    page.click('button[type="submit"]')
    page.wait_for_url(re.compile(r".*/admin/$"))


def new_page(browser):
    """A page in its own browser context: each person has their own cookies (session)."""
    context = browser.new_context()
    context.set_default_timeout(20_000)
    return context.new_page()


def test_apply_accept_submit_approve_publish(browser, live_server, network, mailoutbox):
    base = live_server.url
    visitor = new_page(browser)

    # 1. Apply to join.
    visitor.goto(f"{base}/join/apply/")
    visitor.fill('input[name="organisation_name"]', "City of Ghent")
    visitor.select_option('select[name="member_type"]', "city")
    visitor.select_option('select[name="country"]', "BE")
    visitor.fill('input[name="city"]', "Ghent")
    visitor.fill('input[name="website"]', "https://stad.gent")
    visitor.fill('input[name="contact_name"]', "An Peeters")
    visitor.fill('input[name="email"]', "apprenticeships@stad.gent")
    visitor.check('input[name="pledge_status"][value="will_submit"]')
    visitor.check('input[name="pledge_areas"][value="supply"]')
    visitor.fill('textarea[name="motivation"]', "We want more apprenticeships with our schools.")
    visitor.check('input[name="consent"]')
    visitor.click("form.public-form button[type=submit]")
    visitor.wait_for_url(re.compile(r".*/join/thanks/$"))
    assert "application has been received" in visitor.content()

    # 2. An editor accepts it in the Wagtail admin.
    editor = new_page(browser)
    sign_in(editor, base, "editor", "editor-pass-2024!")
    editor.goto(f"{base}/admin/network/applications/")
    assert "City of Ghent" in editor.content()
    accept_link = editor.locator('a[href*="/admin/network/applications/accept/"]').first
    editor.goto(base + accept_link.get_attribute("href"))
    editor.get_by_role("button", name="Accept and invite").click()
    editor.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    member_page = MemberPage.objects.get(title="City of Ghent")
    assert member_page.live is True  # published on acceptance: the member's practices link to it
    editor.goto(f"{base}/admin/network/applications/")  # leave the editor (and its session pings) behind

    # 3. The member sets a password from the invitation and signs in.
    invitation = next(message for message in mail.outbox if "Welcome" in message.subject)
    link = re.search(r"https?://\S+(/admin/password_reset/confirm/\S+)", invitation.body).group(1)
    member = new_page(browser)
    member.goto(base + link)
    member.fill('input[name="new_password1"]', "ghent-member-pass-2024")
    member.fill('input[name="new_password2"]', "ghent-member-pass-2024")
    member.click('button[type="submit"]')
    member.wait_for_url(re.compile(r".*/admin/password_reset/complete/$"))
    sign_in(member, base, "apprenticeships@stad.gent", "ghent-member-pass-2024")

    # 4. ...and submits a good practice to the Network review.
    practices = network["tree"].practices
    member.goto(f"{base}/admin/pages/add/practices/goodpracticepage/{practices.pk}/")
    # The slug follows the title through Wagtail's `w-sync` controller: wait until it is connected (on a busy
    # machine the admin's scripts can still be starting when the page has loaded).
    member.wait_for_function(
        "() => window.wagtail && window.wagtail.app && window.wagtail.app"
        ".getControllerForElementAndIdentifier(document.querySelector('#id_title'), 'w-sync')"
    )
    member.fill('input[name="title"]', "Ghent apprenticeship coalition")
    member.fill('textarea[name="summary"]', "Schools, companies and the city recruit apprentices together.")
    member.select_option('select[name="country"]', "BE")
    member.fill('input[name="city"]', "Ghent")
    # The owner is a page chooser (a modal); its value is a hidden input holding the page id.
    member.eval_on_selector('input[name="owners-0-member"]', f"el => {{ el.value = '{member_page.pk}'; }}")
    expect(member.locator('input[name="slug"]')).to_have_value("ghent-apprenticeship-coalition")
    member.locator('button[name="action-submit"]').dispatch_event("click")
    member.wait_for_url(re.compile(rf".*/admin/pages/{practices.pk}/$"))  # back to the practice index
    practice = GoodPracticePage.objects.get(title="Ghent apprenticeship coalition")
    assert practice.live is False
    member.goto(f"{base}/admin/")
    assert "Ghent apprenticeship coalition" in member.content()  # "your pages in a workflow"

    # ... and cannot open another member's page for editing.
    response = member.goto(f"{base}/admin/pages/{network['other'].pk}/edit/")
    assert response.status == 403 or f"/admin/pages/{network['other'].pk}/edit/" not in member.url
    assert 'name="title"' not in member.content()

    # 5. The editor approves from the dashboard.
    editor.goto(f"{base}/admin/")
    assert "Ghent apprenticeship coalition" in editor.content()
    editor.locator('button[data-workflow-action-url*="/approve/"]').first.dispatch_event("click")
    editor.wait_for_load_state("networkidle")
    practice.refresh_from_db()
    for _attempt in range(20):
        if practice.live:
            break
        editor.wait_for_timeout(250)
        practice.refresh_from_db()
    assert practice.live is True

    # 6. Live on the site, in the pages API and in the search API.
    visitor.goto(base + practice.url)
    assert "Ghent apprenticeship coalition" in visitor.content()
    pages_api = visitor.request.get(f"{base}/api/v2/pages/?type=practices.GoodPracticePage&fields=title")
    assert "Ghent apprenticeship coalition" in pages_api.text()
    search_api = visitor.request.get(f"{base}/api/v2/search/?q=coalition")
    assert search_api.status == 200
    assert "Ghent apprenticeship coalition" in search_api.text()
    assert Page.objects.get(pk=practice.pk).live
