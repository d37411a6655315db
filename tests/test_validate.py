"""validate(): reports, readable lines, datasets, custom shapes, offsets, speed."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib import namespace as ns

from kg.errors import RdfInputError, ValidationFailed
from kg.model import Mention
from kg.rdf import build_graph
from kg.rdf.namespaces import KGO, SDO
from kg.validate import ValidationReport, Violation, load_shapes, validate
from tests.rdf_samples import rich_article, small_article

ID = "https://w3id.org/kg-exporter/id/"


@pytest.mark.parametrize("make", [rich_article, small_article], ids=["rich", "small"])
def test_built_graphs_conform(make):
    report = validate(build_graph(make()))
    assert report.conforms, report.text()
    assert report.text() == "conforms"


def test_missing_headline_is_a_warning_that_reads_as_one_line():
    report = validate(build_graph(small_article(headline=None)))
    assert report.conforms
    assert [v.line() for v in report.violations] == [
        "article/small-1 schema:headline: the article has no headline (the source did not give one)"
    ]
    (v,) = report.violations
    assert (v.focus, v.path, v.severity) == (f"{ID}article/small-1", "schema:headline", "Warning")


def test_line_shows_full_iri_outside_kg_base():
    v = Violation("https://example.org/x", "schema:name", "needs a name", "Violation")
    assert v.line() == "https://example.org/x schema:name: needs a name"


def test_custom_base_is_shortened_too():
    g = build_graph(small_article(headline=None), base_iri="https://example.org/kg/")
    assert validate(g).violations[0].line().startswith("article/small-1 schema:headline:")


def test_dataset_is_validated_graph_by_graph():
    ds = Dataset()
    for g in (build_graph(small_article("good")), build_graph(small_article("bad", dateline="p1"))):
        target = ds.graph(g.identifier)
        for t in g:
            target.add(t)
    report = validate(ds)
    assert not report.conforms
    assert {v.focus for v in report.violations} == {f"{ID}article/bad"}


def test_mention_offsets_that_miss_the_anchor_text_are_reported():
    a = small_article()
    wrong = replace(a.entities[0], mentions=(Mention(0, 5, "Budi "),))
    report = validate(build_graph(replace(a, entities=(wrong,))))
    assert [v.path for v in report.violations] == ["kgo:anchorText"]
    assert "'Warga'" in report.violations[0].message


def test_statement_end_past_the_text_is_reported():
    g = build_graph(small_article())
    (s,) = g.subjects(ns.RDF.type, KGO.Statement)
    g.set((s, KGO.endIndex, Literal(10_000, datatype=ns.XSD.nonNegativeInteger)))
    report = validate(g)
    assert [(v.path, v.focus) for v in report.violations] == [("kgo:endIndex", str(s))]
    assert "past the end" in report.violations[0].message


WARNING_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <https://schema.org/> .
<urn:test:shape> a sh:NodeShape ; sh:targetClass schema:NewsArticle ;
  sh:property [ sh:path schema:datePublished ; sh:minCount 1 ; sh:severity sh:Warning ;
                sh:message "an article should say when it was published" ] .
"""


def test_custom_shapes_and_warnings_do_not_fail(tmp_path):
    path = tmp_path / "extra.ttl"
    path.write_text(WARNING_SHAPE, encoding="utf-8")
    report = validate(build_graph(small_article()), shapes=load_shapes([path]))
    assert report.conforms
    assert [(v.severity, v.message) for v in report.violations] == [
        ("Warning", "an article should say when it was published")
    ]


def test_unreadable_shapes_file_raises(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text("this is not turtle <", encoding="utf-8")
    with pytest.raises(RdfInputError, match="broken.ttl"):
        load_shapes([path])


def test_shipped_shapes_are_parsed_once():
    assert load_shapes() is load_shapes()
    assert len(load_shapes()) > 100


def test_foreign_graph_without_kg_nodes_conforms():
    g = Graph()
    g.add((URIRef("urn:x"), SDO.name, Literal("x")))
    assert validate(g) == ValidationReport(conforms=True, violations=())


def test_validation_of_one_article_graph_is_fast():
    g = build_graph(rich_article())
    validate(g)  # warm-up: imports pySHACL, parses the shapes
    start = time.perf_counter()
    for _ in range(3):
        validate(g)
    per_graph = (time.perf_counter() - start) / 3
    assert per_graph < 1.0, f"{per_graph:.3f}s for {len(g)} triples"


def test_raise_for_violations():
    validate(build_graph(small_article())).raise_for_violations()  # conforms: no error
    report = validate(build_graph(small_article(dateline="p1")))
    with pytest.raises(
        ValidationFailed, match="1 SHACL constraint; first: article/small-1"
    ) as info:
        report.raise_for_violations(source="in.txt")
    assert info.value.exit_code == 1
    assert info.value.report == report.text()
    assert str(info.value).startswith("in.txt: ")


def test_parsed_turtle_dataset_validates():
    from kg.serialize import parse, serialize

    data = serialize([build_graph(small_article("t1")), build_graph(small_article("t2"))], "turtle")
    assert validate(parse(data, "turtle")).conforms


def test_dateline_that_names_a_person_is_a_violation():
    """Seen in real extraction output: the dateline key resolved to a Person entity."""
    report = validate(build_graph(small_article(dateline="p1")))
    assert [v.line() for v in report.violations] == [
        (
            "article/small-1 schema:locationCreated: "
            "the dateline (locationCreated) is at most one schema:Place node"
        )
    ]


def test_set_lookups_in_pyshacl_give_the_same_verdicts():
    """Validation with pySHACL's constraint parameters in a set reports exactly what the list did."""
    from pyshacl import shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    from kg.validate import _fast_shacl_lookups

    _fast_shacl_lookups()  # the one-time swap kg does, so it cannot happen mid-test
    good = build_graph(small_article("good"))
    bad = build_graph(small_article("bad", dateline="p1"))
    saved = vars(shape.module).get("CONSTRAINT_PARAMS")
    try:
        shape.module.CONSTRAINT_PARAMS = (list(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)
        with_list = [validate(good), validate(bad)]
        assert isinstance(shape.module.CONSTRAINT_PARAMS[0], list)  # kg did not swap it back
        shape.module.CONSTRAINT_PARAMS = (frozenset(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)
        with_set = [validate(good), validate(bad)]
    finally:
        if saved is not None:
            shape.module.CONSTRAINT_PARAMS = saved
    assert with_list == with_set
    assert with_set[0].conforms and not with_set[1].conforms
