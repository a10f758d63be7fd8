"""Filters of /api/v2/pages/: combinable with each other and with search; bad values answer 400, never 500."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .api_content import api_get, network_fixture, titles  # noqa: F401  (fixture)

PAGES = "/api/v2/pages/"


def test_skill_and_country_filters_combine_with_search(client, network):
    data = api_get(client, PAGES, search="ghent", skill="solar-installation", country="BE")
    assert "City of Ghent" in titles(data)
    assert "VET School Lyon" not in titles(data)
    assert all(item["title"] != "Lyon coding mentors" for item in data["items"])
    typed = api_get(client, PAGES, type="network.MemberPage", search="ghent", skill="solar-installation", country="BE")
    assert titles(typed) == ["City of Ghent"]
    nothing = api_get(client, PAGES, type="network.MemberPage", search="ghent", country="FR")
    assert nothing["items"] == []


def test_skill_any_and_all(client, network):
    any_match = api_get(client, PAGES, type="network.EventPage", skill="solar-installation,coding")
    assert titles(any_match) == ["Coding bootcamp Lyon", "Solar forum in Ghent"]
    repeated = client.get(PAGES + "?type=network.EventPage&skill=solar-installation&skill=coding&skill_match=all")
    assert titles(repeated.json()) == ["Solar forum in Ghent"]
    unknown = client.get(PAGES, {"skill": "no-such-skill"})
    assert unknown.status_code == 400
    assert unknown.json()["parameter"] == "skill"


def test_topic_category_member_type_and_year(client, network):
    assert titles(api_get(client, PAGES, type="network.NewsPage", topic="economy")) == [
        "Ghent trains solar installers"
    ]
    digital = api_get(client, PAGES, type="practices.GoodPracticePage", skill_category="digital")
    assert titles(digital) == ["Lyon coding mentors"]
    assert titles(api_get(client, PAGES, type="network.MemberPage", member_type="vet_provider")) == ["VET School Lyon"]
    assert titles(api_get(client, PAGES, type="network.NewsPage", year="2024")) == ["Ghent trains solar installers"]
    assert len(api_get(client, PAGES, type="network.NewsPage", year="2020-2024")["items"]) == 2
    countries = api_get(client, PAGES, type="network.MemberPage", country="be,fr")
    assert titles(countries) == ["City of Ghent", "VET School Lyon"]


def test_eqf_level_and_ranges(client, network):
    qualifications = {"type": "practices.JointQualificationPage"}
    assert titles(api_get(client, PAGES, eqf_level="4", **qualifications)) == ["Solar technician"]
    assert len(api_get(client, PAGES, eqf_level="3-6", **qualifications)["items"]) == 2
    assert titles(api_get(client, PAGES, eqf_level_min="5", **qualifications)) == ["Digital twin engineer"]
    assert titles(api_get(client, PAGES, eqf_level_max="4", country="FI", **qualifications)) == ["Solar technician"]
    # Without a type the filter narrows to the types it applies to.
    assert titles(api_get(client, PAGES, eqf_level="6")) == ["Digital twin engineer"]
    wrong_type = client.get(PAGES, {"type": "network.MemberPage", "eqf_level": "4"})
    assert wrong_type.status_code == 400
    assert wrong_type.json()["parameter"] == "eqf_level"


def test_event_dates_and_upcoming(client, network):
    events = {"type": "network.EventPage"}
    assert titles(api_get(client, PAGES, upcoming="true", **events)) == ["Solar forum in Ghent"]
    assert titles(api_get(client, PAGES, upcoming="false", **events)) == ["Coding bootcamp Lyon"]
    start = network.event.start.date().isoformat()
    assert titles(api_get(client, PAGES, starts_after=start, **events)) == ["Solar forum in Ghent"]
    assert titles(api_get(client, PAGES, starts_before=start, **events)) == ["Coding bootcamp Lyon"]
    ordered = api_get(client, PAGES, order="-date", **events)
    assert [item["title"] for item in ordered["items"]] == ["Solar forum in Ghent", "Coding bootcamp Lyon"]


def test_member_returns_everything_of_one_member(client, network):
    data = api_get(client, PAGES, member=str(network.ghent.pk), limit="50")
    assert titles(data) == sorted(
        [
            "Green Apprenticeships",
            "Solar forum in Ghent",
            "Ghent trains solar installers",
            "Ghent solar apprenticeships",
            "Inclusive Cities",
        ]
    )
    lyon = api_get(client, PAGES, member=str(network.lyon.pk), limit="50")
    assert titles(lyon) == sorted(["Green Apprenticeships", "Coding bootcamp Lyon", "Solar technician"])
    ordered = api_get(client, PAGES, member=str(network.lyon.pk), order="title")
    assert [item["title"] for item in ordered["items"]] == sorted(titles(lyon))


MALFORMED = {
    "skill": ["", ",", "no-such-skill", "a b", "ü" * 200, "<script>", "%00"],
    "topic": ["", "a b", "x" * 300, "'; drop table"],
    "skill_match": ["some", "", "ALL ", "1"],
    "skill_category": ["", "blue", "green;digital"],
    "country": ["", "XX", "BEL", "1", "b"],
    "member_type": ["", "mayor", "CITY!"],
    "eqf_level": ["", "0", "9", "4-", "-4", "5-3", "a", "4.5", "99999999999999999999", "1-2-3"],
    "eqf_level_min": ["", "0", "x", "9"],
    "eqf_level_max": ["", "-1", "10"],
    "year": ["", "abc", "20", "1800", "2024-2020", "2024-abc", "99999"],
    "starts_after": ["", "tomorrow", "2024-13-01", "2024-02-30", "9999999-01-01", "2024-01-01T25:00"],
    "starts_before": ["", "yesterday", "0000-00-00"],
    "upcoming": ["", "maybe", "2"],
    "member": ["", "abc", "0", "-1", "99999999999999999999", "999999", "1.5"],
    "limit": ["", "-1", "abc", "1000000", "99999999999999999999"],
    "offset": ["-1", "abc", "99999999999999999999", "1e3"],
    "order": ["nope", "-", "random,title", "relevance", "date,date", "-body"],
    "type": ["nope", "network.Nope", "home.SkillTag", "a.b.c", "wagtailcore"],
    "fields": ["nope", "*,nope", "title(", "body(x)", "-", ",,"],
    "child_of": ["abc", "-1", "99999999999999999999", "999999"],
    "descendant_of": ["abc", "0", "99999999999999999999"],
    "ancestor_of": ["abc", "99999999999999999999"],
    "translation_of": ["abc", "99999999999999999999"],
    "locale": ["xx", "", "en-gb-x"],
    "site": ["nowhere.example", "localhost:abc"],
    "search_operator": ["xor", ""],
    "search": ["x" * 500],
    "title": ["\x00"],
    "unknown_param": ["1"],
    "skills": ["solar-installation"],
    "body": ["x"],
}


def test_malformed_parameters_answer_400_naming_the_parameter(client, network):
    failures = []
    for name, values in MALFORMED.items():
        for value in values:
            response = client.get(PAGES, {name: value})
            body = response.json() if response["Content-Type"].startswith("application/json") else {}
            if response.status_code != 400 or body.get("parameter") != name or not body.get("message"):
                failures.append((name, value, response.status_code, body))
    assert str([failure[:3] for failure in failures]) == "[]"


def test_malformed_parameters_with_a_type_answer_400(client, network):
    failures = []
    for page_type in ["network.EventPage", "network.MemberPage", "practices.JointQualificationPage"]:
        for name in ["start", "joined_on", "eqf_level", "latitude", "organiser", "open_to_projects", "city"]:
            for value in ["not-a-value", "99999999999999999999", "\x01", "2024-99-99"]:
                response = client.get(PAGES, {"type": page_type, name: value})
                if response.status_code == 500 or (
                    response.status_code == 400 and not response.json().get("parameter")
                ):
                    failures.append((page_type, name, value, response.status_code))
    assert str([failure[:3] for failure in failures]) == "[]"


def test_detail_and_find_reject_unknown_or_malformed_parameters(client, network):
    detail = client.get(f"{PAGES}{network.ghent.pk}/", {"colour": "blue"})
    assert detail.status_code == 400
    assert detail.json()["parameter"] == "colour"
    find = client.get(f"{PAGES}find/", {"id": "abc"})
    assert find.status_code == 400
    assert find.json()["parameter"] == "id"
    assert client.get(f"{PAGES}find/", {"html_path": "/" + "a/" * 400}).status_code == 400


PARAMETERS = sorted(MALFORMED)
values = st.text(alphabet=string.printable + "éü€\u2028", max_size=40)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(PARAMETERS), values, min_size=1, max_size=4))
def test_no_combination_of_parameters_answers_500(client, network, params):
    response = client.get(PAGES, params)
    assert response.status_code in (200, 400), (params, response.status_code, response.content[:300])
    body = response.json()
    if response.status_code == 400:
        assert body["parameter"] in params or body["parameter"] is None, body
