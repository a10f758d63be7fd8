"""No input answers 5xx outside /api/: the causes found by fuzzing, and fuzzers that would catch a new one.

Hypothesis posts arbitrary text (NUL bytes, oversize values, odd Unicode) into every public form and every
filter or feed parameter; each answer must be below 500, and a form either stores its row and redirects or
stores nothing. The examples are bounded so the module runs in the suite (run more with
`HYPOTHESIS_PROFILE=fuzz`, see docs/security.md).
"""

import datetime
import os

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from network.models import ContactRequest, EventRegistration, MembershipApplication

from .factories import EventPageFactory, MemberPageFactory

settings.register_profile(
    "suite", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "fuzz", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

#: 259 characters and valid (labels of at most 63): Django's EmailField takes it, a varchar(254) column does not.
LONG_VALID_EMAIL = "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".fi"

#: Text as hostile as a form field can carry: NULs, surrogates left out (they cannot be UTF-8 encoded).
hostile_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=400),
    st.sampled_from(["\x00", "a\x00b", "x" * 5000, "=1+2", "javascript:alert(1)", LONG_VALID_EMAIL]),
)


@pytest.fixture(autouse=True)
def unlimited_forms(settings):
    settings.GUILD_FORM_RATE_LIMIT = "1000000/600"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event(site_tree):
    start = timezone.now() + datetime.timedelta(days=30)
    return EventPageFactory(
        parent=site_tree.events, start=start, end=start + datetime.timedelta(hours=3), registration_open=True
    )


def test_an_address_longer_than_the_database_column_is_a_form_error(client, event):
    url = reverse("network:event_register", kwargs={"page_id": event.pk})
    response = client.post(url, {"name": "Aino", "email": LONG_VALID_EMAIL, "consent": "on"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize(
    "feed", ["/feeds/news.rss", "/feeds/news.atom", "/feeds/events.ics", "/feeds/events/member/1.ics"]
)
@pytest.mark.parametrize("language", ["\x00", "fr\x00", "xx", "x" * 300])
def test_feeds_answer_404_to_a_language_that_is_not_configured(client, site_tree, feed, language):
    assert client.get(feed, {"language": language}).status_code == 404


def test_the_root_page_has_no_untranslated_view(client, site_tree):
    assert client.get(f"/untranslated/{site_tree.root.pk}/").status_code == 404


FORMS = {
    "join": (
        "network:join",
        MembershipApplication,
        ["organisation_name", "member_type", "country", "city", "website", "contact_name", "email", "motivation"],
    ),
    "contact": ("network:contact", ContactRequest, ["name", "organisation", "email", "subject", "message"]),
}


@pytest.mark.parametrize("form_name", sorted(FORMS))
@given(data=st.data())
def test_public_forms_never_answer_5xx_nor_half_save(client, site_tree, form_name, data):
    url_name, model, fields = FORMS[form_name]
    values = {name: data.draw(hostile_text, label=name) for name in fields}
    values.update(consent=data.draw(st.sampled_from(["on", ""]), label="consent"))
    before = model.objects.count()
    response = client.post(reverse(url_name), values)
    assert response.status_code < 500
    stored = model.objects.count() - before
    assert (response.status_code, stored) in {(302, 1), (200, 0)}


@given(data=st.data())
def test_event_registration_never_answers_5xx_nor_half_saves(client, event, data):
    values = {name: data.draw(hostile_text, label=name) for name in ("name", "organisation", "email")}
    values["consent"] = "on"
    before = EventRegistration.objects.count()
    response = client.post(reverse("network:event_register", kwargs={"page_id": event.pk}), values)
    assert response.status_code < 500
    assert (response.status_code, EventRegistration.objects.count() - before) in {(302, 1), (200, 0), (409, 0)}


FILTER_PARAMETERS = ["country", "member_type", "skill", "topic", "year", "open_to_projects", "page", "when", "kind"]


@pytest.fixture
def listings(site_tree):
    MemberPageFactory(parent=site_tree.members, country="FI")
    return [
        reverse("network:find_partners"),
        site_tree.members.url,
        site_tree.events.url,
        site_tree.news.url,
        site_tree.practices.url,
        site_tree.projects.url,
    ]


@given(data=st.data())
def test_listing_filters_and_feed_parameters_never_answer_5xx(client, listings, data):
    urls = [*listings, "/feeds/news.rss", "/feeds/events.ics", "/search/"]
    url = data.draw(st.sampled_from(urls), label="url")
    names = data.draw(st.lists(st.sampled_from([*FILTER_PARAMETERS, "language", "q"]), max_size=4), label="names")
    query = {name: data.draw(hostile_text, label=name) for name in names}
    assert client.get(url, query).status_code < 500
