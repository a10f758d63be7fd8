"""The demo data files are checked before anything is written: a typo in `demo/data/*.yaml` stops
`load_demo_content` (and `load_demo_translations`) with a CommandError that names the file and the record,
never a traceback and never half a demo.

Each test copies the shipped data directory, breaks one thing and runs the command with `--data-dir`.
"""

import io
import shutil

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from demo.content import DATA_DIR, read_content
from network.models import MemberPage


@pytest.fixture
def data_dir(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def edit(data_dir, filename, old, new):
    """Replace the one occurrence of `old` in a copied data file (failing if it is not exactly once there)."""
    path = data_dir / filename
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {filename}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def load_error(data_dir, command="load_demo_content"):
    with pytest.raises(CommandError) as error:
        call_command(command, "--data-dir", str(data_dir), stdout=io.StringIO())
    return str(error.value)


def test_the_shipped_data_reads_without_errors():
    content = read_content()
    assert len(content.members) == 20
    assert {spec["slug"] for spec in content.practices} >= set(content.featured_practices)


def test_malformed_yaml_names_the_file_and_the_line(data_dir):
    edit(data_dir, "members.yaml", "- slug: bristol\n", "- slug: bristol\n  title: [unclosed\n")
    message = load_error(data_dir)
    assert "members.yaml" in message
    assert "not valid YAML" in message
    assert "line" in message


def test_an_unknown_field_names_the_file_the_record_and_the_field(data_dir):
    edit(data_dir, "members.yaml", "  city: Bristol\n", "  citty: Bristol\n")
    message = load_error(data_dir)
    assert "members.yaml, record 'bristol'" in message
    assert "unknown field 'citty'" in message


def test_an_unknown_reference_names_the_record_that_makes_it(data_dir):
    edit(
        data_dir,
        "practices.yaml",
        "      - member: !ref member/ghent\n",
        "      - member: !ref member/gent\n",
    )
    message = load_error(data_dir)
    assert "practices.yaml, record 'ghent-strategic-approach-to-the-skills-mismatch'" in message
    assert "member/gent: no such page" in message


def test_an_unknown_kind_of_reference_is_refused(data_dir):
    edit(data_dir, "events.yaml", "organiser: !ref member/warsaw", "organiser: !ref city/warsaw")
    message = load_error(data_dir)
    assert "events.yaml, record 'social-affairs-forum-warsaw-2019'" in message
    assert "unknown kind 'city'" in message


def test_a_reference_without_a_slug_is_malformed_yaml(data_dir):
    edit(data_dir, "events.yaml", "organiser: !ref member/warsaw", "organiser: !ref warsaw")
    message = load_error(data_dir)
    assert "events.yaml" in message and "kind/slug" in message


def test_a_reference_to_a_page_loaded_later_is_refused(data_dir):
    # Projects load before practices, so a project cannot point at a practice yet.
    edit(
        data_dir,
        "projects.yaml",
        "  coordinator: !ref member/example-regional-skills-authority-lisbon\n",
        "  coordinator: !ref practice/green-retrofit-apprenticeships\n",
    )
    message = load_error(data_dir)
    assert "projects.yaml, record 'example-apprenticeship-mobility-bridges'" in message
    assert "loaded after it" in message


def test_an_unknown_block_type_lists_the_ones_the_field_takes(data_dir):
    edit(
        data_dir,
        "news.yaml",
        "    - paragraph: <p>The two-day meeting offered the opportunity to identify what works.</p>\n",
        "    - paragraf: <p>The two-day meeting offered the opportunity to identify what works.</p>\n",
    )
    message = load_error(data_dir)
    assert "news.yaml, record 'highlights-social-affairs-forum-warsaw'" in message
    assert "no block type 'paragraf'" in message and "paragraph" in message


def test_a_key_figure_must_be_a_value_and_a_label(data_dir):
    edit(data_dir, "practices.yaml", "          - ['9', cities]\n", "          - ['9']\n")
    message = load_error(data_dir)
    assert "practices.yaml, record 'ghent-strategic-approach-to-the-skills-mismatch'" in message
    assert "[value, label]" in message


def test_an_unknown_skill_or_choice_is_refused(data_dir):
    edit(data_dir, "members.yaml", "  skills: [21st-century-skills]\n", "  skills: [22nd-century-skills]\n")
    message = load_error(data_dir)
    assert "members.yaml, record 'ghent'" in message and "unknown skills: 22nd-century-skills" in message

    edit(data_dir, "members.yaml", "  skills: [22nd-century-skills]\n", "  skills: [21st-century-skills]\n")
    edit(data_dir, "members.yaml", "  member_type: company\n", "  member_type: corporation\n")
    message = load_error(data_dir)
    assert "members.yaml, record 'example-green-energy-installers'" in message
    assert "corporation is not among its choices" in message


def test_an_event_time_needs_its_format_and_time_zone(data_dir):
    edit(data_dir, "events.yaml", 'start: "2027-05-19 09:00"', 'start: "19/05/2027 9am"')
    message = load_error(data_dir)
    assert "events.yaml, record 'example-annual-forum-lisbon-2027'" in message
    assert "'YYYY-MM-DD HH:MM'" in message

    edit(data_dir, "events.yaml", 'start: "19/05/2027 9am"', 'start: "2027-05-19 09:00"')
    edit(data_dir, "events.yaml", "  time_zone: Europe/Lisbon\n", "  time_zone: Europe/Lisboa\n")
    message = load_error(data_dir)
    assert "example-annual-forum-lisbon-2027" in message and "unknown time_zone 'Europe/Lisboa'" in message


def test_an_unknown_illustration_is_refused(data_dir):
    edit(data_dir, "campaigns.yaml", "  image: green-building\n", "  image: green-buildings\n")
    message = load_error(data_dir)
    assert "campaigns.yaml, record 'example-green-apprenticeship-pledge-2027'" in message
    assert "no illustration 'green-buildings'" in message


def test_a_missing_file_and_a_duplicate_slug_are_named(data_dir):
    (data_dir / "topics.yaml").unlink()
    assert "topics.yaml: file not found" in load_error(data_dir)
    shutil.copy(DATA_DIR / "topics.yaml", data_dir / "topics.yaml")
    edit(data_dir, "topics.yaml", "- slug: economy\n", "- slug: culture\n")
    assert "topics.yaml, record 'culture': slug used twice" in load_error(data_dir)


@pytest.mark.django_db
def test_bad_data_writes_nothing(data_dir):
    # Campaigns are the last file read: every file before it is valid.
    edit(data_dir, "campaigns.yaml", "  call_to_action: Pledge with", "  call_to_action_label: Pledge with")
    message = load_error(data_dir)
    assert "campaigns.yaml, record 'example-green-apprenticeship-pledge-2027'" in message
    assert "unknown field 'call_to_action_label'" in message
    assert not MemberPage.objects.exists()


def test_malformed_translations_stop_load_demo_translations(data_dir):
    edit(data_dir, "translations.yaml", "stream_texts:\n", "stream_texts: [\n")
    message = load_error(data_dir, "load_demo_translations")
    assert "translations.yaml" in message and "not valid YAML" in message
