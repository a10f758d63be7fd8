"""ESCO's CSV downloads become the skills vocabulary: `manage.py import_esco`, the any-language skill picker,
ESCO URIs validated, synonyms found by search.

The fixture (tests/fixtures/esco/) is a few rows of ESCO v1.2 in the official format, with real concept URIs and
labels (English and French skills files, the three collection files).
"""

import csv
import shutil
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest

from home.models import SkillTag, SkillTagLabel

from . import factories

FIXTURE = Path(__file__).parent / "fixtures" / "esco"
ESCO = "http://data.europa.eu/esco/skill/"
HEAT_PUMP = ESCO + "00735755-adc6-4ea0-b034-b8caff339c9f"
HASKELL = ESCO + "000f1d3d-220f-4789-9c0a-cc742521fb02"
INITIATIVE = ESCO + "001115fb-569f-4ee6-8381-c6807ef2527f"
BIODIVERSITY = ESCO + "0171653e-c8e9-4c24-bb86-a4b6fe038f25"
SPORTS = ESCO + "00506f28-e884-4496-800c-3477c67eb355"


def import_esco(folder=FIXTURE):
    out = StringIO()
    call_command("import_esco", str(folder), "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def snapshot():
    skills = list(SkillTag.objects.order_by("pk").values())
    labels = list(SkillTagLabel.objects.order_by("pk").values())
    return skills, labels


def rewrite(path, change):
    """Rewrite one CSV file of a copied fixture, row by row."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns, rows = reader.fieldnames, [change(row) for row in reader]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(row for row in rows if row)


@pytest.fixture
def copied(tmp_path):
    folder = tmp_path / "esco"
    shutil.copytree(FIXTURE, folder)
    return folder


def test_import_creates_concepts_with_type_labels_synonyms_and_collection(db):
    output = import_esco()
    assert "6 concepts read; 6 skills created; 4 labels created" in output
    heat_pump = SkillTag.objects.get(esco_uri=HEAT_PUMP)
    assert (heat_pump.name, heat_pump.source, heat_pump.skill_type, heat_pump.category) == (
        "install heat pump",
        "esco",
        "skill/competence",
        "green",
    )
    assert "heat pump commissioning" in heat_pump.alternative_labels.splitlines()
    assert heat_pump.description.startswith("Install heat pumps, which use the physical properties")
    assert heat_pump.label_for("fr") == "installer une pompe à chaleur"
    haskell = SkillTag.objects.get(esco_uri=HASKELL)
    assert (haskell.skill_type, haskell.category) == ("knowledge", "digital")
    assert haskell.alternative_labels == "Haskell techniques"
    assert SkillTag.objects.get(esco_uri=INITIATIVE).category == "transversal"
    # In both the green and the transversal collection: green comes first.
    assert SkillTag.objects.get(esco_uri=BIODIVERSITY).category == "green"
    sports = SkillTag.objects.get(esco_uri=SPORTS)
    assert sports.category == ""  # in no collection
    assert sports.labels_in("fr") == ("médecine sportive", ["médecine du sport"])
    # No French row for "show initiative": no French label, English shows instead.
    assert SkillTag.objects.get(esco_uri=INITIATIVE).label_for("fr") == "show initiative"


def test_a_second_import_changes_nothing_and_says_so(db):
    import_esco()
    before = snapshot()
    output = import_esco()
    assert "Nothing changed" in output
    assert "6 skills unchanged" in output
    assert snapshot() == before


def test_import_updates_what_esco_changed_and_keeps_what_editors_wrote(db, copied):
    import_esco(copied)
    heat_pump = SkillTag.objects.get(esco_uri=HEAT_PUMP)
    heat_pump.name, heat_pump.description = "Install heat pump", "Our own words."  # an editor's capital and text
    heat_pump.save()

    def change(row):
        if row["conceptUri"] == HEAT_PUMP:
            row["preferredLabel"] = "installer des pompes à chaleur"
            row["altLabels"] = "poser une pompe à chaleur"
        return row

    rewrite(copied / "skills_fr.csv", change)
    output = import_esco(copied)
    assert "1 labels updated" in output and "6 skills unchanged" in output
    heat_pump.refresh_from_db()
    assert heat_pump.name == "Install heat pump" and heat_pump.description == "Our own words."
    assert heat_pump.labels_in("fr") == ("installer des pompes à chaleur", ["poser une pompe à chaleur"])


def test_a_network_skill_linked_to_an_esco_uri_is_completed_not_duplicated(db):
    linked = factories.SkillTagFactory(name="Heat pumps", slug="heat-pumps", esco_uri=HEAT_PUMP, source="esco")
    import_esco()
    assert SkillTag.objects.filter(esco_uri=HEAT_PUMP).count() == 1
    linked.refresh_from_db()
    assert linked.slug == "heat-pumps"  # its address stays
    assert linked.name == "install heat pump" and linked.skill_type == "skill/competence"


def test_bad_folders_and_files_are_clear_errors(db, tmp_path, copied):
    with pytest.raises(CommandError, match="is not a folder"):
        import_esco(tmp_path / "missing")
    with pytest.raises(CommandError, match=r"No skills_<language>\.csv"):
        import_esco(tmp_path)
    (copied / "skills_en.csv").rename(copied / "english.csv")
    with pytest.raises(CommandError, match=r"skills_en\.csv is missing"):
        import_esco(copied)
    (copied / "skills_en.csv").write_text("uri,label\nx,y\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no column conceptUri, preferredLabel"):
        import_esco(copied)
    (copied / "skills_en.csv").write_bytes(b"conceptUri,preferredLabel\n\xff\xfe\n")
    with pytest.raises(CommandError):
        import_esco(copied)
    assert not SkillTag.objects.exists()


def test_rows_that_are_not_esco_skills_are_skipped_with_a_warning(db, copied):
    def change(row):
        if row["conceptUri"] == HASKELL:
            row["conceptUri"] = "https://example.com/not-esco"
        return row

    rewrite(copied / "skills_en.csv", change)
    shutil.copy(copied / "skills_fr.csv", copied / "skills_sv.csv")  # Swedish is not a content language
    output = import_esco(copied)
    assert "1 rows skipped" in output and "skills_en.csv, line" in output and "not-esco" in output
    assert "Skipped: skills_sv.csv" in output
    assert SkillTag.objects.count() == 5


def snippet_form(**fields):
    data = {
        "name": "Solar",
        "slug": "solar",
        "category": "green",
        "source": "esco",
        "esco_uri": "",
        "skill_type": "",
        "alternative_labels": "",
        "description": "",
        "labels-TOTAL_FORMS": "0",
        "labels-INITIAL_FORMS": "0",
        "labels-MIN_NUM_FORMS": "0",
        "labels-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def test_the_skill_form_accepts_only_esco_concept_uris(admin_client, db):
    url = reverse("wagtailsnippets_home_skilltag:add")
    for bad in ("https://example.com/not-esco", "http://data.europa.eu/esco/skill/solar", HEAT_PUMP.upper()):
        response = admin_client.post(url, snippet_form(esco_uri=bad))
        assert response.status_code == 200, bad
        assert "Enter an ESCO skill concept URI" in response.content.decode(), bad
    response = admin_client.post(url, snippet_form(esco_uri=""))
    assert "An ESCO skill needs its ESCO concept URI" in response.content.decode()
    assert not SkillTag.objects.exists()
    assert admin_client.post(url, snippet_form(esco_uri=HEAT_PUMP)).status_code == 302
    assert SkillTag.objects.get(slug="solar").esco_uri == HEAT_PUMP


def test_the_skill_admin_lists_who_defines_each_skill(admin_client, db):
    import_esco()
    factories.SkillTagFactory(name="Soft skills", slug="soft-skills")
    html = admin_client.get(reverse("wagtailsnippets_home_skilltag:list")).content.decode()
    assert "ESCO concept" in html and "Defined by the network" in html


def test_editors_find_skills_by_any_label_in_any_language(admin_client, db):
    import_esco()
    url = reverse("home_skill_autocomplete")
    assert url == "/admin/skills/autocomplete/"
    cases = {
        "pompe à chaleur": ["install heat pump"],  # French label
        "médecine du sport": ["sport and exercise medicine"],  # French alternative label
        "driving force": ["show initiative"],  # English alternative label
        "HASK": ["Haskell"],  # the name, any case
        "h": [],  # too short to mean anything
        "": [],
    }
    for term, expected in cases.items():
        assert admin_client.get(url, {"term": term}).json() == expected, term


def test_names_that_start_with_the_term_come_first(admin_client, db):
    import_esco()
    names = admin_client.get(reverse("home_skill_autocomplete"), {"term": "energy"}).json()
    assert names == ["develop energy saving concepts"]
    factories.SkillTagFactory(name="energy markets", slug="energy-markets")
    names = admin_client.get(reverse("home_skill_autocomplete"), {"term": "energy"}).json()
    assert names == ["energy markets", "develop energy saving concepts"]


def test_the_skill_picker_is_for_editors_only(client, db):
    import_esco()
    response = client.get(reverse("home_skill_autocomplete"), {"term": "heat"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_page_editor_asks_the_any_language_picker(admin_client, site_tree):
    page = factories.GoodPracticePageFactory(parent=site_tree.practices)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-w-tag-url-value="/admin/skills/autocomplete/"' in html
    # Topics keep Wagtail's own autocomplete.
    assert 'data-w-tag-url-value="/admin/tag-autocomplete/home/topictag/"' in html


def test_public_lists_offer_the_network_skills_and_skills_in_use_only(client, site_tree):
    import_esco()
    factories.SkillTagFactory(name="Soft skills", slug="soft-skills")
    used = SkillTag.objects.get(esco_uri=HEAT_PUMP)
    factories.GoodPracticePageFactory(parent=site_tree.practices, skills=[used])
    html = client.get("/skills/").content.decode()
    assert "Soft skills" in html and "install heat pump" in html
    assert "Haskell" not in html and "show initiative" not in html
