"""Each SHACL shape accepts a conforming graph and rejects a violating one with its own message."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.validate import validate

DATA = Path(__file__).parent / "data" / "shapes"


def _load(name: str) -> Graph:
    g = Graph().parse(DATA / "base.ttl", format="turtle")
    return g.parse(DATA / name, format="turtle")


@pytest.mark.parametrize(
    "name", ["base.ttl", "article-ok.ttl", "image-ok.ttl", "person-ok.ttl", "statement-ok.ttl"]
)
def test_conforming_graph_passes(name):
    report = validate(_load(name))
    assert report.conforms, report.text()
    assert report.violations == ()


@pytest.mark.parametrize(
    ("name", "focus", "path", "fragment"),
    [
        (
            "article-bad-headline.ttl",
            "article/t1",
            "schema:headline",
            "at most one headline",
        ),
        ("article-bad-date.ttl", "article/t1", "schema:datePublished", "xsd:date or xsd:dateTime"),
        ("article-bad-publisher.ttl", "article/t1", "schema:publisher", "schema:Organization"),
        ("article-bad-language.ttl", "article/t1", "schema:inLanguage", "BCP 47"),
        ("image-bad-creator.ttl", "article/t1/image", "schema:creator", "schema:Person"),
        ("entity-bad-two-core-types.ttl", "place/kendal", "rdf:type", "exactly one core type"),
        ("entity-bad-sameas.ttl", "place/kendal", "schema:sameAs", "Wikidata item IRI"),
        ("entity-bad-name.ttl", "organization/tanpa-nama", "schema:name", "exactly one non-empty"),
        ("person-bad-position.ttl", "person/rina-marlina", "kgo:holdsPosition", "kgo:Position"),
        (
            "organization-bad-position.ttl",
            "organization/bpbd",
            "kgo:holdsPosition",
            "only a person",
        ),
        ("place-bad-jobtitle.ttl", "place/kendal", "schema:jobTitle", "no jobTitle"),
        ("position-bad-article.ttl", "article/t1/position/p", "kgo:inArticle", "one article"),
        ("statement-bad-creator.ttl", "article/t1/statement/26-47", "schema:creator", "speaker"),
        (
            "statement-bad-creator-place.ttl",
            "article/t1/statement/26-47",
            "schema:creator",
            "Person or Organization",
        ),
        ("statement-bad-text.ttl", "article/t1/statement/26-47", "schema:text", "non-empty"),
        ("statement-bad-offsets.ttl", "article/t1/statement/47-26", "kgo:beginIndex", "less than"),
        (
            "directquote-bad-quotation.ttl",
            "article/t1/statement/26-47",
            "rdf:type",
            "schema:Quotation",
        ),
        (
            "reportedspeech-bad-quotation.ttl",
            "article/t1/statement/26-47",
            "",
            "not a schema:Quotation",
        ),
        ("mention-bad-entity.ttl", "article/t1/mention/71-77", "kgo:mentionOf", "exactly one"),
        ("mention-bad-anchor.ttl", "article/t1/mention/71-77", "kgo:anchorText", "'Kendal'"),
        ("activity-bad-agent.ttl", "article/t1/run2", "prov:wasAssociatedWith", "SoftwareAgent"),
        (
            "software-bad-version.ttl",
            "software/kg/dev",
            "schema:softwareVersion",
            "softwareVersion",
        ),
        # a source record's other fields: one named node with exactly one plain value
        ("propertyvalue-bad-value.ttl", "article/t1/property/rubrik", "schema:value", "exactly one schema:value"),
        ("propertyvalue-bad-two-values.ttl", "article/t1/property/dibaca", "schema:value", "exactly one"),
        ("propertyvalue-bad-datatype.ttl", "article/t1/property/terbit", "schema:value", "rdf:JSON literal"),
        ("propertyvalue-bad-name.ttl", "article/t1/property/x", "schema:name", "non-empty string"),
        ("article-bad-additional-property.ttl", "article/t1", "schema:additionalProperty", "schema:PropertyValue"),
    ],
)
def test_violating_graph_fails_with_exactly_its_violation(name, focus, path, fragment):
    report = validate(_load(name))
    assert not report.conforms
    assert len(report.violations) == 1, report.text()
    (v,) = report.violations
    assert v.focus == "https://w3id.org/kg-exporter/id/" + focus
    assert (v.path, v.severity) == (path, "Violation")
    assert fragment in v.message
    assert v.line().startswith(f"{focus} {path}: " if path else f"{focus}: ")


@pytest.mark.parametrize(
    ("name", "triple"),
    [
        ("article-ok.ttl", "<article/t1> schema:mentions <organization/kabar-kendal> ."),
        ("statement-ok.ttl", "<article/t1/statement/26-47> schema:about <article/t1> ."),
        (
            "person-ok.ttl",
            "<article/t1/position/person-rina-marlina/kepala-bpbd-kendal> kgo:positionOf <person/rina-marlina> .",
        ),
    ],
    ids=["mentions an organization", "about an article", "position of a person"],
)
def test_links_to_entities_accept_the_right_kinds_only(name, triple):
    """A mentioned organization is fine; a statement about an article or a position of a person is not."""
    g = _load(name)
    g.parse(
        data="@base <https://w3id.org/kg-exporter/id/> . @prefix schema: <https://schema.org/> . "
        "@prefix kgo: <https://w3id.org/kg-exporter/ontology#> . " + triple,
        format="turtle",
    )
    report = validate(g)
    assert report.conforms == ("mentions" in triple), report.text()


def test_every_shapes_file_has_a_test_graph():
    """A shape added without a violating graph is noticed: each NodeShape is named by some file."""
    from rdflib.namespace import RDF, SH

    from kg.validate import load_shapes

    file_prefix = {"newsarticle": "article", "imageobject": "image", "softwareagent": "software"}
    shapes = load_shapes()
    names = {
        str(s).rsplit("#", 1)[-1].removesuffix("Shape").lower()
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if shapes.value(s, SH.targetClass) is not None  # helpers used via sh:node have no target
    }
    covered = {p.name.split("-")[0] for p in DATA.glob("*-bad-*.ttl")}
    missing = {n for n in names if file_prefix.get(n, n) not in covered}
    assert not missing, f"shapes without a violating test graph: {missing}"


def test_article_without_headline_conforms_with_a_warning():
    """Print-edition text often has no title: the graph is kept, and the report says so."""
    from rdflib import URIRef

    g = _load("article-ok.ttl")
    g.remove((None, URIRef("https://schema.org/headline"), None))
    report = validate(g)
    assert report.conforms
    assert [v.severity for v in report.violations] == ["Warning"]
    assert "no headline" in report.violations[0].line()


def test_every_kind_of_property_value_conforms():
    """Strings, integers, decimals, booleans, doubles and rdf:JSON values all pass."""
    report = validate(_load("propertyvalue-ok.ttl"))
    assert report.conforms and report.violations == (), report.text()
