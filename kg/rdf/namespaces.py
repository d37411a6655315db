"""The vocabularies kg writes: schema.org (https), the kg ontology, PROV-O and Wikidata.

``SDO`` and ``KGO`` raise ``AttributeError`` on a term they do not define, so a misspelt
property fails at import or build time instead of minting a wrong IRI.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD, DefinedNamespace
from rdflib.namespace import SDO as _RdflibSDO

__all__ = ["KGO", "PREFIXES", "PROV", "RDF", "RDFS", "SDO", "WD", "XSD", "bind_prefixes"]


class SDO(_RdflibSDO):
    """schema.org over https, strict: an undefined term raises instead of warning."""

    _fail = True


class KGO(DefinedNamespace):
    """The kg ontology (``ontology/kgo.ttl``): every term here is declared there, and back."""

    _NS = Namespace("https://w3id.org/kg-exporter/ontology#")
    _fail = True

    # classes
    Statement: URIRef
    DirectQuote: URIRef
    ReportedSpeech: URIRef
    Mention: URIRef
    Position: URIRef
    # properties
    sourceText: URIRef
    contentHash: URIRef
    unattributedStatements: URIRef
    mentionOf: URIRef
    inArticle: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorText: URIRef
    cue: URIRef
    holdsPosition: URIRef
    positionOf: URIRef
    pipeline: URIRef


WD = Namespace("http://www.wikidata.org/entity/")

#: The prefixes every graph kg builds is bound to (and the JSON-LD context declares).
PREFIXES: dict[str, str] = {
    "schema": str(SDO._NS),
    "kgo": str(KGO._NS),
    "prov": str(PROV._NS),
    "wd": str(WD),
    "xsd": str(XSD._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
}


def bind_prefixes(graph) -> None:
    """Bind kg's prefixes on ``graph`` (replacing rdflib's default ``schema:`` over http)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
