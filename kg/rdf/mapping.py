"""The article model -> RDF mapping, as tables: IRI templates, classes, and field -> predicate.

``kg.rdf.build`` walks these tables; to change what a field becomes in the graph, change the
row here. Kinds of value:

- ``text``: an ``xsd:string`` literal (skipped when empty)
- ``texts``: one ``xsd:string`` literal per item
- ``date``: ``xsd:date`` or ``xsd:dateTime``, by the form of the ISO 8601 value
- ``uri``: an ``xsd:anyURI`` literal (page addresses are not always valid IRIs)
- ``offset``: an ``xsd:nonNegativeInteger`` literal
- ``entity`` / ``entities``: the node of the entity (or entities) with that key
- ``value``: a literal typed by the value itself (see :data:`VALUE_DATATYPES`)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import URIRef

from kg.rdf.namespaces import KGO, SDO

#: IRI templates, relative to the base IRI.
IRI_TEMPLATES: dict[str, str] = {
    "article": "article/{id}",
    "graph": "graph/{id}",
    "entity": "entity/{qid}",
    "Person": "person/{slug}",
    "Organization": "organization/{slug}",
    "Place": "place/{slug}",
    "statement": "article/{id}/statement/{start}-{end}",
    "mention": "article/{id}/mention/{start}-{end}",
    "position": "article/{id}/position/{holder}/{title}",
    "image": "article/{id}/image",
    "property": "article/{id}/property/{name}",
    "activity": "article/{id}/generation",
    "software": "software/{name}/{version}",
}

#: Entity type (``kg.model.EntityType``) -> its one core schema.org class.
CORE_TYPES: dict[str, URIRef] = {
    "Person": SDO.Person,
    "Organization": SDO.Organization,
    "Place": SDO.Place,
}

#: Statement mode -> the classes of its node.
STATEMENT_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "direct": (KGO.Statement, KGO.DirectQuote, SDO.Quotation),
    "reported": (KGO.Statement, KGO.ReportedSpeech),
}

ARTICLE_CLASS = SDO.NewsArticle
IMAGE_CLASS = SDO.ImageObject
MENTION_CLASS = KGO.Mention
POSITION_CLASS = KGO.Position


@dataclass(frozen=True)
class Field:
    """One row: a field of a model object, the predicate it becomes, and the kind of value."""

    attr: str
    predicate: URIRef
    kind: str
    #: for entity links: the core types the linked entity should have (SHACL checks it)
    types: tuple[str, ...] = ()


ARTICLE_FIELDS: tuple[Field, ...] = (
    Field("headline", SDO.headline, "text"),
    Field("description", SDO.description, "text"),
    Field("url", SDO.url, "uri"),
    Field("date_published", SDO.datePublished, "date"),
    Field("language", SDO.inLanguage, "text"),
    Field("authors", SDO.author, "entities", ("Person",)),
    Field("editors", SDO.editor, "entities", ("Person",)),
    Field("publisher", SDO.publisher, "entity", ("Organization",)),
    Field("dateline", SDO.locationCreated, "entity", ("Place",)),
    Field("text", KGO.sourceText, "text"),
    Field("body", SDO.articleBody, "text"),
    Field("content_hash", KGO.contentHash, "text"),
)

ENTITY_FIELDS: tuple[Field, ...] = (
    Field("name", SDO.name, "text"),
    Field("alternate_names", SDO.alternateName, "texts"),
)
#: A linked entity also gets ``schema:sameAs wd:{wikidata}``.
SAME_AS = SDO.sameAs

#: A role gives its holder ``schema:jobTitle`` and a ``kgo:Position`` node with these fields.
JOB_TITLE = SDO.jobTitle
HOLDS_POSITION = KGO.holdsPosition
POSITION_FIELDS: tuple[Field, ...] = (
    Field("title", SDO.name, "text"),
    Field("of", KGO.positionOf, "entity", ("Organization", "Place")),
)

STATEMENT_FIELDS: tuple[Field, ...] = (
    Field("text", SDO.text, "text"),
    Field("speaker", SDO.creator, "entity", ("Person", "Organization")),
    Field("cue", KGO.cue, "text"),
    Field("about", SDO.about, "entities", ("Person", "Organization", "Place")),
    Field("date_created", SDO.dateCreated, "date"),
    Field("location", SDO.locationCreated, "entity", ("Place",)),
    Field("start", KGO.beginIndex, "offset"),
    Field("end", KGO.endIndex, "offset"),
)
#: statement -> article, and mention/position -> article
PART_OF = SDO.isPartOf
IN_ARTICLE = KGO.inArticle

MENTION_FIELDS: tuple[Field, ...] = (
    Field("start", KGO.beginIndex, "offset"),
    Field("end", KGO.endIndex, "offset"),
    Field("text", KGO.anchorText, "text"),
)
MENTION_OF = KGO.mentionOf
#: article -> every entity with a mention in the article's own text
MENTIONS = SDO.mentions

IMAGE_FIELDS: tuple[Field, ...] = (
    Field("caption", SDO.caption, "text"),
    Field("credit_text", SDO.creditText, "text"),
    Field("creator", SDO.creator, "entity", ("Person",)),
    Field("agency", SDO.copyrightHolder, "entity", ("Organization",)),
    Field("url", SDO.contentUrl, "uri"),
)
IMAGE = SDO.image

#: A source record's other fields: article -> ``schema:PropertyValue`` nodes with these fields.
ADDITIONAL_PROPERTY = SDO.additionalProperty
PROPERTY_VALUE_CLASS = SDO.PropertyValue
PROPERTY_VALUE_FIELDS: tuple[Field, ...] = (
    Field("name", SDO.name, "text"),
    Field("value", SDO.value, "value"),
)
#: Kinds of ``value``: str ``xsd:string``, bool ``xsd:boolean``, int ``xsd:integer``, Decimal
#: ``xsd:decimal`` (``xsd:double`` past :data:`MAX_DECIMAL_EXPONENT`), float ``xsd:double``
#: (NaN and infinities), JSON text (``is_json``) ``rdf:JSON``: the JSON-LD 1.1 / RDF 1.2 datatype
#: of JSON values, so that a list is not mistaken for a string that looks like one.
MAX_DECIMAL_EXPONENT = 64

#: Speakerless statements are left out of the graph and counted here, on the article.
UNATTRIBUTED = KGO.unattributedStatements


@lru_cache(maxsize=1)
def extra_types() -> dict[str, frozenset[str]]:
    """Core type -> the more specific schema.org classes an entity of that type may carry."""
    table: dict[str, set[str]] = {core: set() for core in CORE_TYPES}
    text = resources.files("kg.rdf").joinpath("data/extra_types.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cls, core = line.split("\t")
        table[core].add(cls)
    return {core: frozenset(classes) for core, classes in table.items()}


#: the NLP pipeline's name/version, on the PROV activity
PIPELINE = KGO.pipeline
