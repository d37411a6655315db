"""Article model -> one rdflib graph (the article's named graph), following ``kg.rdf.mapping``."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

import kg
from kg.errors import KgError
from kg.model import Article, Entity, Statement
from kg.rdf import mapping as M
from kg.rdf.iris import DEFAULT_BASE, Minter
from kg.rdf.namespaces import SDO, WD, bind_prefixes

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$"
)


def build_graph(article: Article, base_iri: str = DEFAULT_BASE) -> Graph:
    """The article as RDF: one graph whose identifier is the article's named-graph IRI."""
    return _Builder(article, base_iri).build()


def xsd_date(value: str, *, where: str) -> Literal:
    """An ISO 8601 date as ``xsd:date``, or a date-time as ``xsd:dateTime``; else KgError."""
    value = value.strip()
    try:
        if _DATE.match(value):
            date.fromisoformat(value)
            return Literal(value, datatype=XSD.date)
        m = _DATETIME.match(value)
        if m:
            day, hm, sec, tz = m.groups()
            tz = "" if tz is None else tz if tz == "Z" or ":" in tz else f"{tz[:3]}:{tz[3:]}"
            lexical = f"{day}T{hm}{sec or ':00'}{tz}"
            datetime.fromisoformat(lexical)
            return Literal(lexical, datatype=XSD.dateTime)
    except ValueError:
        pass
    raise KgError(
        f"{where}: {value!r} is not an ISO 8601 date (2024-03-01) or date-time (2024-03-01T10:15:00+07:00)",
        "the ingest or NLP stage must normalise dates before building the graph",
    )


def value_literal(value: object, *, is_json: bool = False, where: str = "a value") -> Literal:
    """A JSON value as a literal typed by what it is (the ``value`` kind of ``kg.rdf.mapping``)."""
    if is_json and isinstance(value, str):
        return Literal(value, datatype=RDF.JSON)
    if isinstance(value, str):
        return Literal(value)
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD.integer)
    if isinstance(value, Decimal):
        if value.is_finite() and abs(value.adjusted()) <= M.MAX_DECIMAL_EXPONENT:
            return Literal(format(value, "f"), datatype=XSD.decimal)
        value = float(value)
    if isinstance(value, float):
        lexical = "NaN" if math.isnan(value) else "INF" if value == math.inf else "-INF" if value == -math.inf \
            else repr(value)
        return Literal(lexical, datatype=XSD.double, normalize=False)  # rdflib would write "inf"
    raise KgError(
        f"{where}: {value!r} is a {type(value).__name__}, not a string, boolean, number or JSON text",
        "the ingest stage must keep record fields as str, bool, int, Decimal or JSON text",
    )


class _Builder:
    """Builds the graph of one article; one instance per call."""

    def __init__(self, article: Article, base_iri: str):
        self.a = article
        self.iri = Minter(article.id, base_iri)
        self.g = Graph(identifier=self.iri.graph(), bind_namespaces="none")
        bind_prefixes(self.g)
        self.node = self.iri.article()
        self.entities: dict[str, tuple[Entity, URIRef]] = {}
        self._extra = M.extra_types()

    # -- helpers -------------------------------------------------------------------------------

    def _where(self, what: str = "") -> str:
        return f"article {self.a.id}" + (f", {what}" if what else "")

    def _entity_node(self, key: str, where: str) -> URIRef:
        try:
            return self.entities[key][1]
        except KeyError:
            raise KgError(
                f"{self._where(where)}: entity key {key!r} is not among the article's entities",
                "the NLP stage must put every entity it refers to in Article.entities",
            ) from None

    def _offset(self, value: int, where: str) -> Literal:
        if not 0 <= value <= len(self.a.text):
            raise KgError(
                f"{self._where(where)}: offset {value} is outside the article text (0..{len(self.a.text)})",
                "offsets must point into Article.text",
            )
        return Literal(value, datatype=XSD.nonNegativeInteger)

    def _add_fields(self, node: URIRef, obj: object, fields: Iterable[M.Field], where: str) -> None:
        g = self.g
        for f in fields:
            value = getattr(obj, f.attr)
            if value is None or (f.kind != "value" and (value == "" or value == ())):
                continue
            if f.kind == "text":
                g.add((node, f.predicate, Literal(value)))
            elif f.kind == "texts":
                for v in dict.fromkeys(value):
                    g.add((node, f.predicate, Literal(v)))
            elif f.kind == "date":
                g.add((node, f.predicate, xsd_date(value, where=self._where(f"{where} {f.attr}"))))
            elif f.kind == "uri":
                g.add((node, f.predicate, Literal(value, datatype=XSD.anyURI)))
            elif f.kind == "offset":
                g.add((node, f.predicate, self._offset(value, f"{where} {f.attr}")))
            elif f.kind == "entity":
                g.add((node, f.predicate, self._entity_node(value, f"{where} {f.attr}")))
            elif f.kind == "entities":
                for key in dict.fromkeys(value):
                    g.add((node, f.predicate, self._entity_node(key, f"{where} {f.attr}")))
            elif f.kind == "value":
                is_json = getattr(obj, "is_json", False)
                g.add((node, f.predicate, value_literal(value, is_json=is_json, where=self._where(where))))
            else:  # a mapping row with a kind this builder does not know is a programming error
                raise AssertionError(f"unknown field kind {f.kind!r}")

    # -- parts ---------------------------------------------------------------------------------

    def build(self) -> Graph:
        a, g, node = self.a, self.g, self.node
        self._mint_entities()
        g.add((node, RDF.type, M.ARTICLE_CLASS))
        self._add_fields(node, a, M.ARTICLE_FIELDS, "article")
        for entity, iri in self._unique_entities():
            self._entity(entity, iri)
        for entity in a.entities:
            self._mentions(entity)
        skipped = sum(0 if self._statement(s) else 1 for s in a.statements)
        g.add((node, M.UNATTRIBUTED, Literal(skipped, datatype=XSD.nonNegativeInteger)))
        self._image()
        self._additional_properties()
        self._provenance()
        return g

    def _mint_entities(self) -> None:
        for e in self.a.entities:
            if e.key in self.entities:
                raise KgError(
                    f"{self._where()}: two entities share the key {e.key!r}",
                    "entity keys must be unique within one article",
                )
            if e.type not in M.CORE_TYPES:
                raise KgError(
                    f"{self._where(e.key)}: entity type {e.type!r} is not one of {sorted(M.CORE_TYPES)}",
                    "give each entity one core type",
                )
            self.entities[e.key] = (e, self.iri.entity(e.type, e.name, e.wikidata))

    def _unique_entities(self) -> list[tuple[Entity, URIRef]]:
        """One (entity, node) per node; entities that fall on the same node lend it their names."""
        seen: dict[URIRef, Entity] = {}
        for e, iri in self.entities.values():
            if iri in seen:
                first = seen[iri]
                if first.type != e.type:
                    raise KgError(
                        f"{self._where()}: {first.name!r} ({first.type}) and {e.name!r} ({e.type}) "
                        f"are both linked to {iri}",
                        "one Wikidata id names one entity; fix the link or the type",
                    )
                names = (*first.alternate_names, e.name, *e.alternate_names)
                seen[iri] = _merge(first, e, names)
            else:
                seen[iri] = e
        return [(e, iri) for iri, e in seen.items()]

    def _entity(self, e: Entity, node: URIRef) -> None:
        g = self.g
        g.add((node, RDF.type, M.CORE_TYPES[e.type]))
        allowed = self._extra[e.type]
        for extra in e.extra_types:
            if extra not in allowed:
                raise KgError(
                    f"{self._where(e.key)}: {e.name!r} is a {e.type}; {extra!r} is not a kind of {e.type} "
                    "kg knows",
                    f"use one of {', '.join(sorted(allowed))} (kg/rdf/data/extra_types.tsv)",
                )
            g.add((node, RDF.type, SDO[extra]))
        self._add_fields(node, e, M.ENTITY_FIELDS, f"entity {e.key}")
        g.remove((node, M.ENTITY_FIELDS[1].predicate, Literal(e.name)))  # the name is not an alias
        if e.wikidata:
            g.add((node, M.SAME_AS, WD[e.wikidata]))
        for role in e.roles:
            if not role.title.strip():
                continue
            g.add((node, M.JOB_TITLE, Literal(role.title)))
            position = self.iri.position(node, role.title)
            g.add((node, M.HOLDS_POSITION, position))
            g.add((position, RDF.type, M.POSITION_CLASS))
            g.add((position, M.IN_ARTICLE, self.node))
            self._add_fields(position, role, M.POSITION_FIELDS, f"role of {e.key}")

    def _mentions(self, e: Entity) -> None:
        g = self.g
        node = self.entities[e.key][1]
        for m in e.mentions:
            mention = self.iri.mention(m.start, m.end)
            g.add((mention, RDF.type, M.MENTION_CLASS))
            g.add((mention, M.MENTION_OF, node))
            g.add((mention, M.IN_ARTICLE, self.node))
            self._add_fields(mention, m, M.MENTION_FIELDS, f"mention of {e.key}")
        if e.mentions:
            g.add((self.node, M.MENTIONS, node))

    def _statement(self, s: Statement) -> bool:
        """Add the statement; False (and nothing added) when it has no Person/Organization speaker."""
        if s.speaker is None:
            return False
        where = f"statement {s.start}-{s.end}"
        self._entity_node(s.speaker, where)
        if self.entities[s.speaker][0].type not in ("Person", "Organization"):
            return False
        if s.mode not in M.STATEMENT_CLASSES:
            raise KgError(
                f"{self._where(where)}: statement mode {s.mode!r} is not one of {sorted(M.STATEMENT_CLASSES)}",
                "the NLP stage must say whether a statement is a direct quote or reported speech",
            )
        node = self.iri.statement(s.start, s.end)
        for cls in M.STATEMENT_CLASSES[s.mode]:
            self.g.add((node, RDF.type, cls))
        self.g.add((node, M.PART_OF, self.node))
        self._add_fields(node, s, M.STATEMENT_FIELDS, where)
        return True

    def _image(self) -> None:
        if self.a.image is None:
            return
        node = self.iri.image()
        self.g.add((self.node, M.IMAGE, node))
        self.g.add((node, RDF.type, M.IMAGE_CLASS))
        self._add_fields(node, self.a.image, M.IMAGE_FIELDS, "image")

    def _additional_properties(self) -> None:
        for p in self.a.additional_properties:
            node = self.iri.property_value(p.name)
            self.g.add((self.node, M.ADDITIONAL_PROPERTY, node))
            self.g.add((node, RDF.type, M.PROPERTY_VALUE_CLASS))
            self._add_fields(node, p, M.PROPERTY_VALUE_FIELDS, f"property {p.name!r}")

    def _provenance(self) -> None:
        g, p = self.g, self.a.provenance
        name, version = (p.software, p.version) if p else ("kg", kg.__version__)
        activity, agent = self.iri.activity(), self.iri.software(name, version)
        g.add((self.node, PROV.wasGeneratedBy, activity))
        g.add((activity, RDF.type, PROV.Activity))
        g.add((activity, PROV.wasAssociatedWith, agent))
        if p and p.pipeline:
            g.add((activity, M.PIPELINE, Literal(p.pipeline)))
        g.add((agent, RDF.type, PROV.SoftwareAgent))
        g.add((agent, RDF.type, SDO.SoftwareApplication))
        g.add((agent, SDO.name, Literal(name)))
        g.add((agent, SDO.softwareVersion, Literal(version)))


def _merge(first: Entity, other: Entity, names: tuple[str, ...]) -> Entity:
    aliases = tuple(n for n in dict.fromkeys(names) if n != first.name)
    return replace(
        first,
        alternate_names=aliases,
        extra_types=tuple(dict.fromkeys((*first.extra_types, *other.extra_types))),
        roles=tuple(dict.fromkeys((*first.roles, *other.roles))),
    )
