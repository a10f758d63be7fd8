"""Campaign support: members support with one click (and withdraw), visitors confirm their address by email,
counts on the page, in its progress figures and in the API; visitors' supports in the privacy tools."""

import json
import re
from io import StringIO

from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

import pytest

from network.models import CampaignMemberSupport, CampaignVisitorSupport, ensure_network_review

from .factories import CampaignPageFactory, MemberPageFactory, accepted_member

EMAIL = "Aino.Virtanen@example.fi"


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def campaign(site_tree):
    return CampaignPageFactory(parent=site_tree.campaigns, title="Inclusive Cities for All", aim="Apprenticeships.")


@pytest.fixture
def member_account(site_tree):
    """A member organisation accepted the real way, with its account."""
    ensure_network_review()
    editor = User.objects.create_superuser("editor", "editor@guild.example", "editor-password-123")
    return accepted_member(editor)


def counts(client, campaign):
    """The supporter counts as the API and the page show them (they must agree)."""
    api = client.get(f"/api/v2/pages/{campaign.pk}/").json()
    html = client.get(campaign.url).content.decode()
    members = int(re.search(r'class="supporter-count--members">(\d+)<', html).group(1))
    visitors = int(re.search(r'class="supporter-count--visitors">(\d+)<', html).group(1))
    assert api["supporter_counts"] == {"members": members, "visitors": visitors}
    # The page shows them among its progress figures too.
    assert f'<span class="progress-item__value">{members}</span> member organisations support the campaign' in html
    assert f'<span class="progress-item__value">{visitors}</span> people confirmed their support' in html
    return api["supporter_counts"]


def support_url(campaign):
    return reverse("network:campaign_member_support", kwargs={"page_id": campaign.pk})


def visitor_url(campaign):
    return reverse("network:campaign_visitor_support", kwargs={"page_id": campaign.pk})


# Members: one click


def test_a_member_supports_with_one_click_once_and_can_withdraw(client, campaign, member_account):
    member, account = member_account
    client.force_login(account)
    html = client.get(campaign.url).content.decode()
    assert "Support as City of Ghent" in html
    assert f'name="member" value="{member.pk}"' in html

    response = client.post(support_url(campaign), {"member": member.pk, "action": "support"})
    assert response.status_code == 302 and response["Location"].endswith("#support")
    client.post(support_url(campaign), {"member": member.pk, "action": "support"})  # twice: still one support
    assert CampaignMemberSupport.objects.filter(campaign=campaign, member=member).count() == 1
    assert counts(client, campaign) == {"members": 1, "visitors": 0}
    html = client.get(campaign.url).content.decode()
    assert "Withdraw the support of City of Ghent" in html
    assert f'href="{member.url}"' in html  # listed among the supporters

    client.post(support_url(campaign), {"member": member.pk, "action": "withdraw"})
    assert counts(client, campaign) == {"members": 0, "visitors": 0}
    assert "Support as City of Ghent" in client.get(campaign.url).content.decode()


def test_a_member_listed_by_the_editors_and_supporting_counts_once(client, campaign, member_account):
    member, account = member_account
    campaign.supporter_links.create(member=member)
    campaign.save_revision().publish()
    client.force_login(account)
    client.post(support_url(campaign), {"member": member.pk, "action": "support"})
    assert counts(client, campaign)["members"] == 1
    html = client.get(campaign.url).content.decode()
    supporters = html[html.index('aria-labelledby="supporters-heading"') :]
    supporters = supporters[: supporters.index("</section>")]
    assert supporters.count(f'href="{member.url}"') == 1


def test_one_click_support_refuses_visitors_strangers_gets_and_forged_requests(
    client, site_tree, campaign, member_account
):
    member, account = member_account
    response = client.post(support_url(campaign), {"member": member.pk})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    other = MemberPageFactory(parent=site_tree.members, title="Another member")
    client.force_login(account)
    assert client.post(support_url(campaign), {"member": other.pk}).status_code == 400
    assert client.post(support_url(campaign), {"member": "not-a-number"}).status_code == 400
    assert client.get(support_url(campaign)).status_code == 405
    missing = reverse("network:campaign_member_support", kwargs={"page_id": 999999})
    assert client.post(missing, {"member": member.pk}).status_code == 404

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(account)
    assert strict.post(support_url(campaign), {"member": member.pk}).status_code == 403
    assert not CampaignMemberSupport.objects.exists()


def test_editors_without_an_organisation_get_no_one_click_button(client, campaign, member_account):
    client.force_login(User.objects.get(username="editor"))
    assert 'name="member"' not in client.get(campaign.url).content.decode()


# Visitors: an address, confirmed


def visitor_data(**overrides):
    return {"name": "Aino Virtanen", "email": EMAIL, "consent": "on", "homepage": "", **overrides}


def confirmation_link(message):
    return re.search(r"http://testserver(/\S+/confirm/\S+/)", message.body).group(1)


def test_a_visitor_counts_only_once_the_address_is_confirmed(client, campaign):
    response = client.post(visitor_url(campaign), visitor_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("network:campaign_support_thanks", kwargs={"page_id": campaign.pk})
    assert "Check your email" in client.get(response["Location"]).content.decode()
    [message] = mail.outbox
    assert message.to == [EMAIL]
    assert "Inclusive Cities for All" in message.subject
    assert counts(client, campaign)["visitors"] == 0

    link = confirmation_link(message)
    page = client.get(link)  # a link scanner following the link confirms nothing
    assert page.status_code == 200 and "Confirm my support" in page.content.decode()
    assert counts(client, campaign)["visitors"] == 0
    confirmed = client.post(link)
    assert "Your support is confirmed" in confirmed.content.decode()
    assert counts(client, campaign) == {"members": 0, "visitors": 1}
    client.post(link)  # confirming twice changes nothing
    assert counts(client, campaign)["visitors"] == 1
    support = CampaignVisitorSupport.objects.get()
    assert support.consent and support.ip_hash and "127.0.0.1" not in support.ip_hash


def test_supporting_twice_with_one_address_counts_once(client, campaign):
    client.post(visitor_url(campaign), visitor_data())
    client.post(visitor_url(campaign), visitor_data(email=EMAIL.upper()))  # unconfirmed: a fresh link
    assert CampaignVisitorSupport.objects.count() == 1
    assert len(mail.outbox) == 2
    client.post(confirmation_link(mail.outbox[1]))
    client.post(visitor_url(campaign), visitor_data())  # confirmed already: no new record, no email
    assert CampaignVisitorSupport.objects.count() == 1
    assert len(mail.outbox) == 2
    assert counts(client, campaign)["visitors"] == 1


def test_bad_expired_and_foreign_tokens_are_refused(client, campaign, site_tree, settings):
    client.post(visitor_url(campaign), visitor_data())
    link = confirmation_link(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[1]

    altered = link.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    for bad in (altered, link.replace(token, "nonsense")):
        response = client.post(bad)
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    other = CampaignPageFactory(parent=site_tree.campaigns, title="Another campaign")
    foreign = reverse("network:campaign_support_confirm", kwargs={"page_id": other.pk, "token": token})
    assert client.post(foreign).status_code == 400

    settings.GUILD_CAMPAIGN_CONFIRMATION_MAX_AGE = -1  # every link is past its age
    assert client.get(link).status_code == 400
    assert client.post(link).status_code == 400
    assert counts(client, campaign)["visitors"] == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "n" * 151}, "name"),
        ({"name": "Aino\x00"}, "name"),
        ({"email": "nope"}, "email"),
        ({"email": "a" * 250 + "@example.org"}, "email"),  # longer than the database column
        ({"email": "aino\x00@example.fi"}, "email"),
        ({"consent": ""}, "consent"),
    ],
)
def test_bad_visitor_input_gets_form_errors(client, campaign, overrides, field):
    response = client.post(visitor_url(campaign), visitor_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not CampaignVisitorSupport.objects.exists() and mail.outbox == []


def test_a_filled_honeypot_stores_nothing(client, campaign):
    response = client.post(visitor_url(campaign), visitor_data(homepage="http://spam.example"))
    assert response.status_code == 302
    assert not CampaignVisitorSupport.objects.exists() and mail.outbox == []


def test_the_visitor_form_is_rate_limited(client, campaign, settings):
    settings.GUILD_FORM_RATE_LIMIT = "2/600"
    for index in range(2):
        client.post(visitor_url(campaign), visitor_data(email=f"person{index}@example.org"))
    response = client.post(visitor_url(campaign), visitor_data(email="third@example.org"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many submissions" in response.content.decode()
    assert CampaignVisitorSupport.objects.count() == 2


def test_the_campaign_page_offers_the_visitor_form(client, campaign):
    html = client.get(campaign.url).content.decode()
    assert f'action="{visitor_url(campaign)}"' in html
    assert 'class="form-honeypot"' in html  # the house form component
    assert client.get(visitor_url(campaign)).status_code == 200


def test_expired_unconfirmed_supports_are_deleted_at_the_next_support(client, campaign, settings):
    client.post(visitor_url(campaign), visitor_data())
    settings.GUILD_CAMPAIGN_CONFIRMATION_MAX_AGE = -1
    client.post(visitor_url(campaign), visitor_data(email="someone@example.org"))
    assert list(CampaignVisitorSupport.objects.values_list("email", flat=True)) == ["someone@example.org"]


def test_visitors_are_never_named_in_the_api_or_on_the_page(client, campaign):
    client.post(visitor_url(campaign), visitor_data())
    client.post(confirmation_link(mail.outbox[0]))
    assert "Aino" not in client.get(f"/api/v2/pages/{campaign.pk}/").content.decode()
    assert "Aino" not in client.get(campaign.url).content.decode()


# Privacy


def test_visitor_supports_are_exported_and_erased(client, campaign):
    client.post(visitor_url(campaign), visitor_data())
    client.post(visitor_url(campaign), visitor_data(email="else@example.org", name="Someone else"))
    out = StringIO()
    call_command("privacy_export", "--email", EMAIL.lower(), stdout=out)
    [exported] = json.loads(out.getvalue())["campaign_supports"]
    assert (exported["name"], exported["campaign"]) == ("Aino Virtanen", "Inclusive Cities for All")

    out = StringIO()
    call_command("privacy_erase", "--email", EMAIL, "--noinput", stdout=out)
    assert "campaign_supports: 1" in out.getvalue()
    assert list(CampaignVisitorSupport.objects.values_list("email", flat=True)) == ["else@example.org"]


def test_editors_see_visitor_supporters_in_the_admin_and_members_do_not(client, campaign, member_account):
    _member, account = member_account
    client.post(visitor_url(campaign), visitor_data())
    url = reverse("network_campaign_supporters:index")
    client.force_login(account)
    assert client.get(url).status_code in (302, 403)
    editor = User.objects.create_user("reviewer", "reviewer@guild.example", "reviewer-password-123")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "Aino Virtanen" in response.content.decode()
