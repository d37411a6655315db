"""The PropertyValue shape: a source record's field is one named node with exactly one plain value."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.validate import validate

DATA = Path(__file__).parent / "data" / "shapes"


def _load(name: str) -> Graph:
    g = Graph().parse(DATA / "base.ttl", format="turtle")
    return g.parse(DATA / name, format="turtle")


def test_every_kind_of_value_conforms():
    """Strings, integers, decimals, booleans, doubles and rdf:JSON values all pass."""
    report = validate(_load("propertyvalue-ok.ttl"))
    assert report.conforms and report.violations == (), report.text()


@pytest.mark.parametrize(
    ("name", "focus", "path", "fragment"),
    [
        ("propertyvalue-bad-value.ttl", "article/t1/property/rubrik", "schema:value", "exactly one schema:value"),
        ("propertyvalue-bad-two-values.ttl", "article/t1/property/dibaca", "schema:value", "exactly one"),
        ("propertyvalue-bad-datatype.ttl", "article/t1/property/terbit", "schema:value", "rdf:JSON literal"),
        ("propertyvalue-bad-name.ttl", "article/t1/property/x", "schema:name", "non-empty string"),
        ("article-bad-additional-property.ttl", "article/t1", "schema:additionalProperty", "schema:PropertyValue"),
    ],
    ids=["no-value", "two-values", "date-value", "blank-name", "not-a-property-value"],
)
def test_violating_graph_fails_with_exactly_its_violation(name, focus, path, fragment):
    """Each broken graph gives one violation, on the right node and property, with the shape's message."""
    report = validate(_load(name))
    assert not report.conforms
    assert len(report.violations) == 1, report.text()
    (v,) = report.violations
    assert v.focus == "https://w3id.org/kg-exporter/id/" + focus
    assert (v.path, v.severity) == (path, "Violation")
    assert fragment in v.message
