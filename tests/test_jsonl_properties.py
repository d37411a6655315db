"""JSON Lines fields kg does not read itself are kept: on the Document, and in the graph as
schema:additionalProperty -> schema:PropertyValue nodes that conform and can be queried back."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kg import api
from kg.batch import Settings
from kg.ingest.jsonl import KNOWN_FIELDS, parse_line
from kg.model import PropertyValue

TEXT = (
    "Nelayan Muara Angke Tolak Relokasi Dermaga\n\n"
    "JAKARTA - Puluhan nelayan Muara Angke berunjuk rasa di depan kantor wali kota, Senin.\n\n"
    '"Kami hanya minta diajak bicara," kata Ketua Paguyuban Nelayan Muara Angke, Darsono.\n'
)
KNOWN = {
    "text": TEXT, "id": "angke-7", "url": "https://warta.example/angke-7", "title": "Nelayan Tolak Relokasi",
    "description": "Unjuk rasa di kantor wali kota", "date": "2025-06-09", "authors": ["Sri Wahyuni"],
    "editors": "Bambang Sutejo", "publisher": "Warta Pesisir", "inLanguage": "id",
}
EXTRA_LINE = (
    '{"text": ' + json.dumps(TEXT) + ', "id": "angke-7", "rubrik": "Metropolitan", "dibaca": 1200, "skor": 12.50, '
    '"berbayar": false, "tag": ["nelayan", "relokasi"], '
    '"sumber": {"situs": "warta.example", "halaman": [1, 2.5]}, "foto": null, "catatan": ""}\n'
)


def test_other_fields_are_kept_in_order_with_their_json_types():
    """Strings, numbers (digits as written), booleans, lists and objects are kept; null is not."""
    doc = parse_line(EXTRA_LINE, "dump.jsonl:4")
    assert doc.additional_properties == (
        PropertyValue("rubrik", "Metropolitan"),
        PropertyValue("dibaca", 1200),
        PropertyValue("skor", Decimal("12.50")),
        PropertyValue("berbayar", False),
        PropertyValue("tag", '["nelayan","relokasi"]', is_json=True),
        PropertyValue("sumber", '{"halaman":[1,2.5],"situs":"warta.example"}', is_json=True),
        PropertyValue("catatan", ""),
    )
    assert isinstance(doc.additional_properties[1].value, int)
    assert doc.additional_properties[3].value is False


def test_known_fields_and_their_aliases_are_not_additional_properties():
    """Every field kg reads (including aliases such as title and authors) stays out of the extras."""
    doc = parse_line(json.dumps(KNOWN), "dump.jsonl:1")
    assert doc.additional_properties == ()
    assert doc.meta.headline.text == "Nelayan Tolak Relokasi"
    assert [a.text for a in doc.meta.authors] == ["Sri Wahyuni"]
    assert set(KNOWN) <= KNOWN_FIELDS


def test_html_record_keeps_its_other_fields_and_not_its_html():
    """A page record keeps its extra fields; html (read) and text (absent) are not extras."""
    page = "<html><head><title>Nelayan Tolak Relokasi</title></head><body><article>" + "".join(
        f"<p>{p}</p>" for p in TEXT.split("\n\n")[1:]) + "</article></body></html>"
    doc = parse_line(json.dumps({"html": page, "crawl_id": 88, "rubrik": "Metropolitan"}), "d.jsonl:2")
    assert [p.name for p in doc.additional_properties] == ["crawl_id", "rubrik"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"nilai": NaN', PropertyValue("nilai", float("nan"))),  # NaN != NaN: compared below by kind
        ('"nilai": [1, NaN]', PropertyValue("nilai", "[1,null]", is_json=True)),
        ('"nilai": 1e3', PropertyValue("nilai", Decimal("1E+3"))),
        ('"nilai": -0', PropertyValue("nilai", 0)),
        ('"": "tanpa nama"', None),
        ('"  ": "tanpa nama"', None),
        ('"nilai": null', None),
    ],
    ids=["nan", "nan-in-list", "exponent", "negative-zero", "empty-name", "blank-name", "null"],
)
def test_edge_values(raw, expected):
    """NaN stays a float (NaN in JSON text becomes null); unnamed and null fields are left out."""
    line = '{"text": ' + json.dumps(TEXT) + ", " + raw + "}"
    props = parse_line(line, "d.jsonl:1").additional_properties
    if expected is None:
        assert props == ()
    elif isinstance(expected.value, float):
        (p,) = props
        assert p.name == expected.name and isinstance(p.value, float) and p.value != p.value  # NaN
    else:
        assert props == (expected,)


SELECT = """
SELECT ?name ?value (DATATYPE(?value) AS ?type) WHERE {
  ?article a schema:NewsArticle ; schema:additionalProperty ?p .
  ?p a schema:PropertyValue ; schema:name ?name ; schema:value ?value .
} ORDER BY ?name
"""
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The line with extra fields and one with known fields only, exported with validation to N-Quads."""
    folder = tmp_path_factory.mktemp("jsonl")
    dump = folder / "dump.jsonl"
    dump.write_text(EXTRA_LINE + json.dumps({**KNOWN, "id": "angke-8"}) + "\n", encoding="utf-8")
    out = folder / "out.nq"
    summary = api.export_corpus([dump], output=out, settings=Settings(use_model=False), jobs=1)
    return summary, out


def test_extra_fields_export_a_conforming_graph(exported):
    """Both lines are exported and validated (SHACL ran in the export); none failed."""
    summary, out = exported
    assert (summary.articles, summary.failed) == (2, 0), summary.failures
    assert api.validate(api.load_rdf(out)).conforms


def test_extra_fields_are_queried_back_with_their_datatypes(exported):
    """SPARQL over the export gives each field's name, value and datatype, nothing for null."""
    _, out = exported
    rows = {r["name"]: (r["value"], r["type"]) for r in api.query(SELECT, on=[out]).records()}
    skor, skor_type = rows.pop("skor")  # the store gives the canonical form, 12.5
    assert (Decimal(skor), skor_type) == (Decimal("12.50"), XSD + "decimal")
    assert '"12.50"^^<http://www.w3.org/2001/XMLSchema#decimal>' in out.read_text(encoding="utf-8")
    assert rows == {
        "berbayar": ("false", XSD + "boolean"),
        "catatan": ("", XSD + "string"),
        "dibaca": ("1200", XSD + "integer"),
        "rubrik": ("Metropolitan", XSD + "string"),
        "sumber": ('{"halaman":[1,2.5],"situs":"warta.example"}', "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"),
        "tag": ('["nelayan","relokasi"]', "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"),
    }


def test_known_fields_do_not_reappear_as_property_values(exported):
    """The article with known fields only has no additionalProperty; its title is its headline."""
    _, out = exported
    ask = 'ASK { ?a schema:url "https://warta.example/angke-7"^^xsd:anyURI ; schema:additionalProperty ?p }'
    assert api.query(ask, on=[out]).boolean is False
    names = api.query(
        'SELECT ?h WHERE { ?a schema:url "https://warta.example/angke-7"^^xsd:anyURI ; schema:headline ?h }',
        on=[out]).values("h")
    assert names == ["Nelayan Tolak Relokasi"]
