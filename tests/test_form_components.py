"""Every public form renders through one form component (site/templates/components/form_field.html).

Labels sit above their fields and name them; help and error texts are tied to their field by aria-describedby;
radio and checkbox groups are fieldsets with a legend and never offer an empty "---------" choice; required
fields say so. The same holds for the listing filter bars and the partner finder's filters.
"""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(site_tree):
    return factories.EventPageFactory(parent=site_tree.events, title="Peer review", registration_open=True)


def public_forms(event):
    return {
        "join": reverse("network:join"),
        "contact": reverse("network:contact"),
        "event registration": reverse("network:event_register", kwargs={"page_id": event.pk}),
    }


def controls(form):
    """The form's visible controls (no honeypot, hidden inputs or buttons)."""
    for control in form.find_all(["input", "select", "textarea"]):
        if control.get("type") in ("hidden", "submit") or control.find_parent(class_="form-honeypot"):
            continue
        yield control


def assert_labelled(soup, form):
    for control in controls(form):
        if control.get("type") in ("radio", "checkbox") and control.find_parent("fieldset"):
            fieldset = control.find_parent("fieldset")
            assert fieldset.legend and fieldset.legend.get_text(strip=True), control
            assert soup.find("label", attrs={"for": control["id"]}), control  # each choice has its own label
            continue
        label = soup.find("label", attrs={"for": control["id"]})
        assert label is not None and label.get_text(strip=True), f"{control.get('name')} has no label"
        if control.get("type") not in ("checkbox", "radio"):
            # Above the field: the label comes before the control in the field's wrapper.
            wrapper = control.find_parent(class_="form-field")
            assert wrapper is not None and wrapper.find(["label", "input", "select", "textarea"]) == label


@pytest.mark.parametrize("name", ["join", "contact", "event registration"])
def test_public_forms_label_every_field_above_it_and_mark_the_required_ones(client, event, name):
    html = client.get(public_forms(event)[name]).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", class_="public-form")
    assert_labelled(soup, form)
    assert not form.find("input", attrs={"type": "radio", "value": ""})  # no "---------" radio button
    required_labels = [
        label for label in form.find_all(["label", "legend"]) if label.find(class_="form-field__required")
    ]
    assert required_labels, "no field is marked as required"
    for label in required_labels:
        target = label.find_parent("fieldset") if label.name == "legend" else form.find(id=label["for"])
        assert target is not None and (target.has_attr("required") or target.find(attrs={"required": True}))


def test_the_pledge_radio_group_is_a_fieldset_without_an_empty_choice(client, site_tree):
    soup = BeautifulSoup(client.get(reverse("network:join")).content, "html.parser")
    radios = soup.find_all("input", attrs={"name": "pledge_status"})
    assert {radio["value"] for radio in radios} == {"holds", "will_submit", "no"}
    fieldset = radios[0].find_parent("fieldset")
    assert fieldset.legend.get_text(" ", strip=True).startswith("EAfA pledge")
    assert all(radio.find_parent("fieldset") is fieldset for radio in radios)
    areas = soup.find("input", attrs={"name": "pledge_areas"}).find_parent("fieldset")
    assert areas is not None and areas.legend is not None


@pytest.mark.parametrize("name", ["join", "contact", "event registration"])
def test_errors_are_tied_to_their_fields(client, event, name):
    response = client.post(public_forms(event)[name], {"email": "not-an-email"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    errors = soup.find_all(class_="form-field__error")
    assert errors, "an empty submission shows field errors"
    for error in errors:
        described = soup.find(attrs={"aria-describedby": lambda value, id=error["id"]: value and id in value.split()})
        assert described is not None, f"nothing points at {error['id']}"
        if described.name != "fieldset":
            assert described.get("aria-invalid") == "true"
    email = soup.find("input", attrs={"name": "email"})
    assert email["aria-describedby"].split()[-1] == email["id"] + "_error"


def test_help_text_is_tied_to_its_field(client, site_tree):
    """Fields with help text point at it (Django's `<id>_helptext`), wherever the form has any."""
    soup = BeautifulSoup(client.get(reverse("network:join")).content, "html.parser")
    for help_text in soup.find_all(class_="form-field__help"):
        assert soup.find(attrs={"aria-describedby": lambda value, id=help_text["id"]: value and id in value.split()})


def test_filter_bars_use_the_same_component(client, site_tree):
    for url in (site_tree.members.url, site_tree.events.url, reverse("network:find_partners")):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        bar = soup.find("details", class_="filter-bar")
        assert bar is not None and bar.summary.get_text(strip=True).startswith("Filters"), url
        form = bar.find("form")
        assert form.find(class_="form-field"), url
        assert_labelled(soup, form)
    bad = BeautifulSoup(client.get(site_tree.members.url, {"country": "ZZ"}).content, "html.parser")
    error = bad.find(class_="form-field__error")
    assert "This filter was ignored." in error.get_text()
    assert bad.find(id="id_country")["aria-describedby"].split()[-1] == error["id"]


def test_find_partners_has_breadcrumbs(client, site_tree):
    soup = BeautifulSoup(client.get(reverse("network:find_partners")).content, "html.parser")
    crumbs = soup.find("nav", class_="breadcrumbs")
    assert [item.get_text(strip=True) for item in crumbs.find_all("li")] == ["Home", "Find partners"]
    assert crumbs.find("a")["href"] == "/"
    assert crumbs.find(attrs={"aria-current": "page"}).get_text(strip=True) == "Find partners"
