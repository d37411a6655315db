"""The kg ontology declares every kgo term the builder uses, each with a label and a comment."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib import namespace as ns

from kg.rdf import build_graph, ontology_file
from kg.rdf.namespaces import KGO, SDO
from tests.rdf_samples import rich_article

ONTOLOGY_IRI = URIRef("https://w3id.org/kg-exporter/ontology")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(data=ontology_file().read_text(encoding="utf-8"), format="turtle")


def _declared(onto: Graph) -> set[URIRef]:
    kinds = (ns.OWL.Class, ns.OWL.ObjectProperty, ns.OWL.DatatypeProperty)
    return {
        s for k in kinds for s in onto.subjects(ns.RDF.type, k) if str(s).startswith(str(KGO._NS))
    }


def test_every_kgo_term_in_the_namespace_is_declared_and_back(onto):
    in_code = {KGO[name] for name in KGO.__annotations__}
    assert in_code == _declared(onto)


def test_every_kgo_term_the_builder_writes_is_declared(onto):
    g = build_graph(rich_article())
    used = {
        t
        for triple in g
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(str(KGO._NS))
    }
    assert used, "the rich article uses kgo terms"
    assert used <= _declared(onto), used - _declared(onto)


def test_every_term_has_english_label_and_comment(onto):
    for term in _declared(onto) | {ONTOLOGY_IRI}:
        labels = {lit.language for lit in onto.objects(term, ns.RDFS.label)}
        comments = {lit.language for lit in onto.objects(term, ns.RDFS.comment)}
        assert "en" in labels, f"{term} has no English rdfs:label"
        assert "en" in comments, f"{term} has no English rdfs:comment"


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, ns.RDF.type, ns.OWL.Ontology) in onto
    for p in (ns.OWL.versionInfo, ns.DCTERMS.license, ns.DCTERMS.creator):
        assert onto.value(ONTOLOGY_IRI, p) is not None, p


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (KGO.DirectQuote, KGO.Statement),
        (KGO.DirectQuote, SDO.Quotation),
        (KGO.ReportedSpeech, KGO.Statement),
        (KGO.Statement, SDO.CreativeWork),
        (KGO.Position, SDO.Role),
    ],
)
def test_classes_link_to_schema_org(onto, sub, sup):
    assert (sub, ns.RDFS.subClassOf, sup) in onto


def test_misspelt_terms_raise():
    with pytest.raises(AttributeError):
        KGO.statement  # noqa: B018
    with pytest.raises(AttributeError):
        SDO.Persn  # noqa: B018


def test_shapes_speak_only_of_declared_terms(onto):
    """A misspelt class or property in a shape would silently match nothing; catch it here."""
    from kg.validate import load_shapes

    shapes = load_shapes()
    terms = {t for triple in shapes for t in triple if isinstance(t, URIRef)}
    kgo_terms = {t for t in terms if str(t).startswith(str(KGO._NS))}
    sdo_terms = {t for t in terms if str(t).startswith(str(SDO._NS))}
    assert kgo_terms and sdo_terms
    assert kgo_terms <= _declared(onto), kgo_terms - _declared(onto)
    unknown = {t for t in sdo_terms if str(t)[len(str(SDO._NS)) :] not in SDO.__annotations__}
    assert not unknown, unknown
