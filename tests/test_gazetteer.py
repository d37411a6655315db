"""Tests for the gazetteer build script, the Gazetteer lookups and the kg_gazetteer component."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from kg.errors import ConfigError
from kg.nlp.gazetteer import (
    DEFAULT_PATH,
    Gazetteer,
    GazetteerComponent,
    GazetteerEntry,
    case_variants,
    is_exact_form,
    load_gazetteer,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "data" / "gazetteer-sources"


def _load_build_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module
    spec.loader.exec_module(module)
    return module


build_gazetteer = _load_build_script()


@pytest.fixture(scope="module")
def built() -> dict[str, dict]:
    entries = build_gazetteer.build(FIXTURE, FIXTURE / "overlay.jsonl")
    return {e["id"]: e for e in entries}


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("id")


# --- build script -----------------------------------------------------------------------------


def test_countries_get_cldr_indonesian_display_names_and_english_aliases(built):
    us = built["Q30"]
    assert us["name"] == "Amerika Serikat"
    assert us["name_en"] == "United States"
    assert {"United States", "USA", "AS"} <= set(us["names"])
    assert built["Q212"]["name"] == "Ukraina"
    assert built["Q836"]["names"] == ["Myanmar", "Burma"]  # CLDR "Myanmar (Burma)" split


def test_country_type_follows_the_leaders_file(built):
    assert built["Q252"]["extra_types"] == ["Country"]
    assert built["Q1008"]["extra_types"] == ["AdministrativeArea"]  # no office-holder listed


def test_rows_without_qid_and_bad_aliases_are_left_out(built):
    assert not any("Kosovo" in e["names"] or "EU27" in e["names"] for e in built.values())
    civ = built["Q1008"]["names"]
    assert not any("Ã" in n for n in civ)
    assert "Congo, Dem. Rep." not in civ
    assert "Cote d'Ivoire" in civ and "Côte d’Ivoire" in civ


def test_same_qid_from_two_sources_is_one_entry(built):
    jakarta = built["Q3630"]
    assert jakarta["type"] == "Place"
    assert jakarta["extra_types"] == ["City", "AdministrativeArea"]
    assert {"Jakarta", "Jakarta Raya", "DKI Jakarta"} <= set(jakarta["names"])


def test_noisy_alternates_are_dropped(built):
    assert "Jawa" not in built["Q3630"]["names"]  # shared by two provinces
    assert "Jabar" in built["Q3724"]["names"]
    ny = built["Q60"]["names"]
    assert "New York-Newark" not in ny and "rumqi" not in ny
    # "Panama" is the country's display name, so the city does not keep it as an alias
    assert "Panama" not in built["Q3306"]["names"]
    assert "Panama" in built["Q804"]["names"]


def test_organisations(built):
    assert built["Q7184"]["name"] == "NATO"
    assert "Pakta Pertahanan Atlantik Utara" in built["Q7184"]["names"]
    assert "AU" not in built["Q7159"]["names"]  # two-letter acronyms collide with Indonesian ones
    # a QID used by two organisations is dropped from both
    assert built["kg:observatory-of-distant-stars"]["wikidata"] is None
    assert built["kg:network-for-shared-archives"]["wikidata"] is None
    assert "Q99990001" not in built
    # an abbreviation used by two organisations is dropped from both
    assert "CFC" not in built["Q99990002"]["names"]
    assert "CFC" not in built["kg:coastal-fisheries-council"]["names"]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Zelenskyy", {"Zelenskyy", "Zelenskyi", "Zelenskiy", "Zelensky", "Zelenski"}),
        ("Volodymyr", {"Volodymyr", "Volodimir"}),
        ("Petro Kovalsky", {f"{g} Kovalsk{e}" for g in ["Petro"] for e in ["yy", "yi", "iy", "y", "i"]}),
        ("Budi Santoso", {"Budi Santoso"}),
        ("Ski", {"Ski"}),  # too short to be a surname ending
    ],
)
def test_transliterations(name, expected):
    assert set(build_gazetteer.transliterations(name)) == expected


def test_leaders_get_variants_and_only_distinctive_surnames(built):
    names = built["Q99991001"]["names"]
    assert "Volodimir Kovalskiy" in names and "Kovalsky" in names
    assert "Kovalski" not in names and "Kowalski" in names  # overlay drop_names / names
    for pid in ("Q99991002", "Q99991003"):  # "Santoso" is shared by two people
        assert "Santoso" not in built[pid]["names"]
    assert "Ini" not in built["Q99991005"]["names"]  # a stop word
    assert "Myint" not in built["Q99991004"]["names"]  # out of office when the list was made
    assert built["Q99991007"]["names"] == ["Charles III"]
    assert "Lindqvist" not in built["Q99991008"]["names"]  # dropped everywhere by the overlay
    assert "Q99991006" not in built  # label was a bare QID


def test_overlay_can_remove_a_doubtful_qid_and_add_entries(built):
    assert "Q3741" not in built
    assert built["kg:yogyakarta"]["wikidata"] is None
    assert built["kg:kompas-com"]["extra_types"] == ["NewsMediaOrganization"]
    assert built["Q1764511"]["names"] == ["G7", "Kelompok 7"]
    assert built["Q1899"]["name"] == "Kyiv" and "Kiev" in built["Q1899"]["names"]


def test_build_is_deterministic_and_sorted(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out in (a, b):
        args = ["--sources", str(FIXTURE), "--overlay", str(FIXTURE / "overlay.jsonl"), "--out", str(out)]
        assert build_gazetteer.main(args) == 0
    assert a.read_bytes() == b.read_bytes()
    ids = [json.loads(line)["id"] for line in a.read_text(encoding="utf-8").splitlines()]
    qids = [int(i[1:]) for i in ids if i.startswith("Q")]
    assert qids == sorted(qids) and ids[: len(qids)] == [f"Q{q}" for q in qids]


@pytest.mark.parametrize(
    "overlay_line, message",
    [
        ('{"id": "Q30", "names": ["AS"]}', "missing 'note'"),
        ('{"id": "Q30", "nmes": ["AS"], "note": "typo"}', "unknown keys"),
        ('{"id": "kg:x", "name": "X", "note": "no type"}', "needs 'type' and 'name'"),
        ('{"id": "kg:x", "type": "Thing", "name": "X", "note": "bad type"}', "is not one of"),
        ('{"id": "Q30", "type": "Organization", "name": "X", "wikidata": "Q30", "note": "clash"}', None),
        ("{not json", "not valid JSON"),
    ],
)
def test_bad_overlay_lines_are_reported(tmp_path, overlay_line, message):
    overlay = tmp_path / "overlay.jsonl"
    overlay.write_text(overlay_line + "\n", encoding="utf-8")
    if message is None:  # an existing id is patched, so the type clash cannot arise from a patch
        entries = build_gazetteer.build(FIXTURE, overlay)
        assert next(e for e in entries if e["id"] == "Q30")["type"] == "Place"
        return
    with pytest.raises(build_gazetteer.BuildError, match=re.escape(message)):
        build_gazetteer.build(FIXTURE, overlay)


def test_missing_sources_folder_fails_with_advice(tmp_path, capsys):
    assert build_gazetteer.main(["--sources", str(tmp_path), "--out", str(tmp_path / "g.jsonl")]) == 1
    assert "--sources" in capsys.readouterr().err
    assert not (tmp_path / "g.jsonl").exists()


@pytest.mark.parametrize(
    "name, ok",
    [("Kyiv", True), ("St. Lucia", True), ("CuraÃ§ao", False), ("Korea, Rep.", False),
     ("Bsnia.&Hrzgvna.", False), ("Ciudad de M", False), ("rumqi", False), ("Q123", False),
     ("Osaka-Kobe", True), ("New York-Newark", False), ("", False)],
)
def test_sane_names(name, ok):
    assert build_gazetteer.sane(name) is ok


# --- Gazetteer --------------------------------------------------------------------------------


def _write(path: Path, entries: list[dict]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


SMALL = [
    {"id": "Q30", "type": "Place", "name": "Amerika Serikat", "names": ["Amerika Serikat", "AS", "United States"],
     "wikidata": "Q30", "extra_types": ["Country"], "name_en": "United States"},
    {"id": "Q1899", "type": "Place", "name": "Kyiv", "names": ["Kyiv", "Kiev"], "wikidata": "Q1899",
     "extra_types": ["City"]},
    {"id": "Q1065", "type": "Organization", "name": "PBB", "names": ["PBB", "Perserikatan Bangsa-Bangsa"],
     "wikidata": "Q1065"},
    {"id": "Q37470", "type": "Organization", "name": "Dewan Keamanan PBB", "names": ["DK PBB"],
     "wikidata": "Q37470"},
    {"id": "Q7164", "type": "Organization", "name": "Bank Dunia", "names": ["World Bank"], "wikidata": "Q7164"},
    {"id": "Q99991001", "type": "Person", "name": "Volodymyr Kovalskyy",
     "names": ["Volodymyr Kovalskyy", "Volodymyr Kovalsky", "Volodimir Kovalskiy", "Kovalsky", "Kovalskiy"],
     "wikidata": "Q99991001"},
    {"id": "kg:tribunnews", "type": "Organization", "name": "Tribunnews",
     "names": ["Tribunnews.com", "TRIBUNNEWS.COM"], "extra_types": ["NewsMediaOrganization"]},
    {"id": "Q656", "type": "Place", "name": "St. Petersburg", "names": ["St Petersburg"], "wikidata": "Q656"},
    {"id": "Q1764511", "type": "Organization", "name": "G7", "names": ["Kelompok 7"], "wikidata": "Q1764511"},
    {"id": "kg:antara", "type": "Organization", "name": "Antara", "extra_types": ["NewsMediaOrganization"]},
    {"id": "Q2887", "type": "Place", "name": "Lima", "wikidata": "Q2887", "extra_types": ["City"]},
]


@pytest.fixture(scope="module")
def small_path(tmp_path_factory) -> Path:
    return _write(tmp_path_factory.mktemp("gaz") / "g.jsonl", SMALL)


@pytest.fixture(scope="module")
def small(small_path) -> Gazetteer:
    return Gazetteer.from_jsonl(small_path)


def test_from_jsonl_reads_entries(small):
    assert len(small) == len(SMALL)
    assert small.get("Q30") == GazetteerEntry(
        id="Q30", type="Place", name="Amerika Serikat", names=("Amerika Serikat", "AS", "United States"),
        wikidata="Q30", extra_types=("Country",), name_en="United States")
    assert small.get("Q999") is None


@pytest.mark.parametrize(
    "surface, ids",
    [
        ("AS", ["Q30"]),
        ("as", []),
        ("As", []),
        ("Kyiv", ["Q1899"]),
        ("KYIV", ["Q1899"]),
        ("kiev", ["Q1899"]),
        ("PBB", ["Q1065"]),
        ("Pbb", []),
        ("perserikatan  bangsa-bangsa", ["Q1065"]),
        ("DK PBB", ["Q37470"]),
        ("tribunnews.com", ["kg:tribunnews"]),
        ("Kovalskiy", ["Q99991001"]),
        ("Kovalski", []),
        ("Bank", []),
        ("", []),
    ],
)
def test_lookup(small, surface, ids):
    assert [e.id for e in small.lookup(surface)] == ids


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"id": "Q1", "type": "Place"}\n', "needs 'id', 'type' and 'name'"),
        ('{"id": "Q1", "type": "Thing", "name": "X"}\n', "is not one of"),
        ("not json\n", "not valid JSON"),
        ('{"id": "Q1", "type": "Place", "name": "X"}\n{"id": "Q1", "type": "Place", "name": "Y"}\n', "used twice"),
    ],
)
def test_from_jsonl_errors(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        Gazetteer.from_jsonl(path)


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        Gazetteer.from_jsonl(tmp_path / "nope.jsonl")


@pytest.mark.parametrize(
    "form, exact, variants",
    [
        ("AS", True, ("AS",)),
        ("G7", True, ("G7",)),
        ("IsDB", True, ("IsDB",)),
        ("Kyiv", False, ("Kyiv", "KYIV")),
        ("bank dunia", False, ("bank dunia", "BANK DUNIA", "Bank Dunia")),
        ("Tribunnews.com", False, ("Tribunnews.com", "TRIBUNNEWS.COM")),
        ("KOMPAS.com", False, ("KOMPAS.com", "KOMPAS.COM")),
        ("Dewan Keamanan PBB", False, ("Dewan Keamanan PBB",)),
        ("Bosnia dan Herzegovina", False, ("Bosnia dan Herzegovina", "Bosnia Dan Herzegovina")),
    ],
)
def test_case_rule(form, exact, variants):
    assert is_exact_form(form) is exact
    assert case_variants(form) == variants


# --- component --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_component(nlp, small_path) -> GazetteerComponent:
    return GazetteerComponent(nlp, path=str(small_path))


def _ents(component, nlp, text):
    return [(e.text, e.label_, e.kb_id_) for e in component(nlp.make_doc(text)).ents]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("TRIBUNNEWS.COM, KYIV – Presiden Volodymyr Kovalskyy tiba.",
         [("TRIBUNNEWS.COM", "ORG", "kg:tribunnews"), ("KYIV", "LOC", "Q1899"),
          ("Volodymyr Kovalskyy", "PER", "Q99991001")]),
        ("Menurut Kovalskiy, AS akan membantu.", [("Kovalskiy", "PER", "Q99991001"), ("AS", "LOC", "Q30")]),
        ("Ia datang as soon as possible.", []),
        ("Dewan Keamanan PBB bersidang; DK PBB menolak.",
         [("Dewan Keamanan PBB", "ORG", "Q37470"), ("DK PBB", "ORG", "Q37470")]),
        ("Pejabat PBB dan Bank Dunia bertemu.", [("PBB", "ORG", "Q1065"), ("Bank Dunia", "ORG", "Q7164")]),
        ("Pinjaman bank dunia usaha naik.", []),
        ("KTT G7 digelar di St. Petersburg, lalu St Petersburg.",
         [("G7", "ORG", "Q1764511"), ("St. Petersburg", "LOC", "Q656"), ("St Petersburg", "LOC", "Q656")]),
        ("Laporan Tribunnews.com menyebut Kyiv aman.",
         [("Tribunnews.com", "ORG", "kg:tribunnews"), ("Kyiv", "LOC", "Q1899")]),
        # a capitalised common word at a sentence start is not a name; mid-sentence it is
        ("Antara lain warga Kyiv. Lima orang tewas.", [("Kyiv", "LOC", "Q1899")]),
        ("Kantor berita Antara melaporkan dari Lima.", [("Antara", "ORG", "kg:antara"), ("Lima", "LOC", "Q2887")]),
        ("AS menolak.", [("AS", "LOC", "Q30")]),
    ],
)
def test_component_marks_entities(small_component, nlp, text, expected):
    assert _ents(small_component, nlp, text) == expected


def test_component_keeps_existing_entities_it_does_not_overlap(small_component, nlp):
    doc = nlp.make_doc("Budi Hartono dari Bank Dunia tiba di Kyiv.")
    doc.ents = [Span(doc, 0, 2, label="PER"), Span(doc, 3, 4, label="ORG")]  # "Bank" alone, overlapped
    result = [(e.text, e.label_, e.kb_id_) for e in small_component(doc).ents]
    assert result == [("Budi Hartono", "PER", ""), ("Bank Dunia", "ORG", "Q7164"), ("Kyiv", "LOC", "Q1899")]


def test_shared_surface_prefers_the_entry_displayed_under_it(nlp, tmp_path):
    path = _write(tmp_path / "g.jsonl", [
        {"id": "Q3306", "type": "Place", "name": "Kota Panama", "names": ["Panama"], "extra_types": ["City"]},
        {"id": "Q804", "type": "Place", "name": "Panama", "extra_types": ["Country"]},
    ])
    component = GazetteerComponent(nlp, path=str(path))
    assert _ents(component, nlp, "Warga Panama dan Kota Panama.") == [
        ("Panama", "LOC", "Q804"), ("Kota Panama", "LOC", "Q3306")]
    assert [e.id for e in Gazetteer.from_jsonl(path).lookup("panama")] == ["Q3306", "Q804"]


# --- the shipped gazetteer --------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    return load_gazetteer()


def test_shipped_file_loads_with_unique_ids_and_valid_qids(shipped):
    assert load_gazetteer() is shipped  # cached
    assert len(shipped) > 1000
    for entry in shipped:
        assert entry.id == (entry.wikidata or entry.id)
        assert re.fullmatch(r"Q[1-9]\d*|kg:[a-z0-9-]+", entry.id), entry.id
        assert entry.name in entry.names


@pytest.mark.parametrize(
    "surface, qid",
    [("Indonesia", "Q252"), ("NATO", "Q7184"), ("PBB", "Q1065"), ("Uni Eropa", "Q458"), ("AS", "Q30"),
     ("Inggris", "Q145"), ("Tiongkok", "Q148"), ("Korsel", "Q884"), ("G20", "Q19771"), ("Eropa", "Q46"),
     ("Jakarta", "Q3630"), ("Jawa Barat", "Q3724"), ("AFP", "Q40464"), ("Kyiv", "Q1899")],
)
def test_shipped_lookup(shipped, surface, qid):
    assert qid in [e.wikidata for e in shipped.lookup(surface)]


def test_shipped_outlets_have_no_guessed_qids(shipped):
    for surface in ("Tribunnews", "KOMPAS.com", "detikcom", "Antara", "CNN Indonesia", "Tempo"):
        (entry,) = shipped.lookup(surface)
        assert entry.type == "Organization" and "NewsMediaOrganization" in entry.extra_types


def test_shipped_component_on_an_indonesian_paragraph(nlp):
    component = GazetteerComponent(nlp)
    text = ("KOMPAS.com - Presiden Ukraina Volodymyr Zelensky meminta Dewan Keamanan PBB bertindak. "
            "Menurut Zelenskiy, Rusia dan AS harus berunding di Jenewa, as soon as possible.")
    ents = {(e.text, e.kb_id_) for e in component(nlp.make_doc(text)).ents}
    assert {("KOMPAS.com", "kg:kompas-com"), ("Ukraina", "Q212"), ("Volodymyr Zelensky", "Q3874799"),
            ("Dewan Keamanan PBB", "Q37470"), ("Zelenskiy", "Q3874799"), ("Rusia", "Q159"),
            ("AS", "Q30"), ("Jenewa", "Q71")} <= ents
    assert not any(text == "as" for text, _ in ents)


def test_default_path_is_the_shipped_file():
    assert DEFAULT_PATH.name == "gazetteer.jsonl" and DEFAULT_PATH.is_file()


def test_gazetteer_tagger_writes_matches_as_token_tags_and_sets_no_entities():
    """The tagger marks known names token by token (B-/I- plus label) and leaves doc.ents alone."""
    import spacy

    import kg.nlp.factories  # noqa: F401

    nlp = spacy.blank("id")
    nlp.add_pipe("kg_gazetteer_tags")
    doc = nlp("Warga Jawa Timur menunggu kabar dari NATO .")
    assert [t.tag_ for t in doc] == ["", "B-LOC", "I-LOC", "", "", "", "B-ORG", ""]
    assert doc.ents == ()


def test_the_gazetteer_component_shares_the_matcher_of_a_tagger_reading_the_same_gazetteer(small_path):
    """A recognizer trained on gazetteer tags brings a tagger; kg's gazetteer component after it
    reuses its phrase matcher instead of building a second one, and still sets the entities."""
    import spacy

    import kg.nlp.factories  # noqa: F401

    nlp = spacy.blank("id")
    tagger = nlp.add_pipe("kg_gazetteer_tags", config={"path": str(small_path)})
    gazetteer = nlp.add_pipe("kg_gazetteer", config={"path": str(small_path)})
    other = nlp.add_pipe("kg_gazetteer", name="kg_gazetteer_full")  # the shipped gazetteer: its own matcher
    assert gazetteer.matcher is tagger.component.matcher
    assert other.matcher is not tagger.component.matcher
    assert (gazetteer.name, tagger.component.name) == ("kg_gazetteer", "kg_gazetteer_tags")
    doc = nlp.make_doc("Utusan Amerika Serikat tiba di Kyiv.")
    doc = gazetteer(tagger(doc))
    assert [(e.text, e.label_) for e in doc.ents] == [("Amerika Serikat", "LOC"), ("Kyiv", "LOC")]
    assert [t.tag_ for t in doc] == ["", "B-LOC", "I-LOC", "", "", "B-LOC", ""]
