"""Additional properties in the graph: typed literals by kind of value, stable IRIs, one node per field."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF

from kg.errors import KgError
from kg.model import Article, PropertyValue
from kg.rdf import build_graph
from kg.rdf.build import value_literal
from kg.rdf.iris import Minter
from kg.rdf.namespaces import SDO
from kg.validate import validate

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
TEXT = "Harga Cabai Naik\n\nKENDAL - Harga cabai rawit di Pasar Weleri naik dua kali lipat."


@pytest.mark.parametrize(
    ("value", "is_json", "lexical", "datatype"),
    [
        ("Ekonomi", False, "Ekonomi", XSD.string),
        ("", False, "", XSD.string),
        ('{"a":1}', False, '{"a":1}', XSD.string),  # a string that looks like JSON stays a string
        ('{"a":1}', True, '{"a":1}', RDF.JSON),
        (True, False, "true", XSD.boolean),
        (False, False, "false", XSD.boolean),
        (0, False, "0", XSD.integer),
        (-42, False, "-42", XSD.integer),
        (Decimal("12.50"), False, "12.50", XSD.decimal),
        (Decimal("1E+3"), False, "1000", XSD.decimal),
        (Decimal("1.5E-3"), False, "0.0015", XSD.decimal),
        (Decimal("1E+100"), False, "1e+100", XSD.double),  # too long as a decimal
        (Decimal("1E+400"), False, "INF", XSD.double),  # too large for a double too
        (float("nan"), False, "NaN", XSD.double),
        (float("-inf"), False, "-INF", XSD.double),
    ],
)
def test_value_literal_types_each_kind(value, is_json, lexical, datatype):
    """Each JSON kind becomes the literal its datatype promises, with a valid lexical form."""
    lit = value_literal(value, is_json=is_json)
    assert str(lit) == lexical
    assert (lit.datatype or XSD.string) == datatype
    assert lit.ill_typed is not True


@pytest.mark.parametrize("value", [None, ["a"], {"a": 1}, b"bytes"], ids=["none", "list", "dict", "bytes"])
def test_value_literal_refuses_what_the_ingest_stage_should_have_converted(value):
    """Lists and objects must arrive as JSON text; anything else is a KgError naming the value."""
    with pytest.raises(KgError, match="not a string, boolean, number or JSON text"):
        value_literal(value, where="article a1, property 'x'")


def _article(*props: PropertyValue) -> Article:
    return Article(id="cabai-3", text=TEXT, language="id", headline="Harga Cabai Naik", additional_properties=props)


def test_each_field_is_one_property_value_node_under_the_article():
    """The article links one PropertyValue per field, named by an IRI from the field name."""
    g = build_graph(_article(PropertyValue("rubrik", "Ekonomi"), PropertyValue("kode wilayah", 3324)))
    article = URIRef("https://w3id.org/kg-exporter/id/article/cabai-3")
    nodes = sorted(g.objects(article, SDO.additionalProperty))
    assert nodes == [URIRef(str(article) + "/property/kode%20wilayah"), URIRef(str(article) + "/property/rubrik")]
    assert {(str(g.value(n, SDO.name)), g.value(n, SDO.value)) for n in nodes} == {
        ("rubrik", Literal("Ekonomi")), ("kode wilayah", Literal("3324", datatype=XSD.integer))}
    assert all((n, RDF.type, SDO.PropertyValue) in g for n in nodes)
    assert validate(g).conforms


def test_names_that_slug_alike_get_distinct_nodes():
    """"kode_wilayah" and "kode-wilayah" are different fields, so they get different IRIs."""
    minter = Minter("cabai-3")
    assert minter.property_value("kode_wilayah") != minter.property_value("kode-wilayah")
    assert minter.property_value("rubrik") == minter.property_value("rubrik")


def test_no_fields_no_nodes():
    """An article without extra fields has no additionalProperty and no PropertyValue."""
    g = build_graph(_article())
    assert not list(g.triples((None, SDO.additionalProperty, None)))
    assert not list(g.subjects(RDF.type, SDO.PropertyValue))
