"""Plain values that flow through kg: source document -> article model.

Nothing here imports spaCy or rdflib. Every character offset (``start``/``end``) points into
``Document.text``: the source text after decoding and newline normalisation, which the exported
graph records, so that offsets can be checked against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

EntityType = Literal["Person", "Organization", "Place"]
StatementMode = Literal["direct", "reported"]

#: What a block of the source text is. Only ``headline``, ``lede``, ``subheading``, ``caption``
#: and ``body`` blocks are the article's own text: entities and statements come from those alone.
BlockKind = Literal[
    "headline",    # the title
    "lede",        # subtitle / standfirst under the title
    "byline",      # "Penulis: ...", "Editor: ...", "Laporan Wartawan ...", "Reporter: ..."
    "caption",     # photo caption
    "credit",      # photo credit line ("ADI WIBOWO / REUTERS")
    "subheading",  # a heading inside the body
    "body",        # a paragraph of the story (a dateline prefix stays inside it)
    "chrome",      # site chrome: menus, "Baca juga:", share prompts, footers, copyright
]
ARTICLE_TEXT_KINDS: frozenset[str] = frozenset({"headline", "lede", "subheading", "caption", "body"})


@dataclass(frozen=True)
class Block:
    """A paragraph-like piece of the document and what it is."""

    start: int
    end: int
    kind: BlockKind
    #: finer label, e.g. chrome "read-also" / "share" / "footer", byline "author" / "editor"
    detail: str = ""


@dataclass(frozen=True)
class Name:
    """A name or short value as the source gives it, with its offsets when it is in the text."""

    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class ImageCredit:
    """The article's lead image as the page describes it."""

    caption: Name | None = None
    credit_text: Name | None = None  # the credit line as written: "ADI WIBOWO / REUTERS"
    photographer: Name | None = None  # "Adi Wibowo" (a person)
    agency: Name | None = None  # "REUTERS" (an organisation)
    url: str | None = None


@dataclass(frozen=True)
class PageMetadata:
    """What the page says about the article, read from its layout or its HTML metadata."""

    headline: Name | None = None
    description: Name | None = None
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    publisher: Name | None = None
    dateline: Name | None = None  # the place: "KYIV" in "TRIBUNNEWS.COM, KYIV –"
    date_published: str | None = None  # ISO 8601 date or date-time
    url: str | None = None
    language: str | None = None  # BCP 47, when the source says so
    image: ImageCredit | None = None
    # where the dateline prefix ("KYIV, July 13 (ANTARA) - ", "JAKARTA, KOMPAS.com - ") ends in
    # the text: the story's own words start there
    dateline_end: int | None = None


@dataclass(frozen=True)
class PropertyValue:
    """A field of the source record that kg has no place for, kept under its own name."""

    name: str
    #: str, bool, int, Decimal (a JSON number with a fraction or exponent), float (NaN or
    #: infinity only); a JSON list or object as its compact JSON text, with ``is_json`` set
    value: str | bool | int | Decimal | float
    is_json: bool = False


@dataclass(frozen=True)
class Document:
    """A source article after reading: its text, its layout and what the page says of itself."""

    id: str  # stable article id: given id, else from the URL, else from the content hash
    text: str
    blocks: tuple[Block, ...]
    meta: PageMetadata
    source: str  # where it came from: a path, "-", "file.jsonl:12"
    media_type: str = "text/plain"
    content_hash: str = ""  # sha256 of ``text``
    #: the source record's other fields (JSON Lines), in the record's order
    additional_properties: tuple[PropertyValue, ...] = ()

    def blocks_of(self, *kinds: str) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind in kinds)

    def article_blocks(self) -> tuple[Block, ...]:
        """The blocks that are the article's own text (no chrome, bylines or credits)."""
        return tuple(b for b in self.blocks if b.kind in ARTICLE_TEXT_KINDS)


@dataclass(frozen=True)
class Mention:
    """One place in the text where an entity is named."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Role:
    """A role the text gives a person: "Presiden Prancis", "Kepala Dinas Kesehatan Jawa Tengah"."""

    title: str  # as written, without the name: "Presiden Rusia"
    of: str | None = None  # key of the Organization or Place the role belongs to, if named


@dataclass(frozen=True)
class Entity:
    """One real-world person, organisation or place, with all the ways the article names it."""

    key: str  # unique within one article; the graph mints IRIs from wikidata/type/name, not this
    type: EntityType
    name: str  # the fullest form seen
    alternate_names: tuple[str, ...] = ()
    wikidata: str | None = None  # "Q7747"
    extra_types: tuple[str, ...] = ()  # more specific schema.org classes: "Country", "City", ...
    roles: tuple[Role, ...] = ()
    mentions: tuple[Mention, ...] = ()  # in the article's own text; empty for byline-only people
    source: str = ""  # what found it: "gazetteer", "ner", "rules", "byline", ...


@dataclass(frozen=True)
class Statement:
    """Something a source said in the article: a direct quote or reported speech."""

    mode: StatementMode
    text: str  # the quoted words, or the reported clause, without speaker and cue
    start: int
    end: int
    speaker: str | None = None  # entity key of the Person or Organization
    cue: str | None = None  # the reporting word as written: "kata", "ujar", "sambungnya"
    about: tuple[str, ...] = ()  # keys of entities mentioned inside the statement
    date_created: str | None = None  # ISO date, when the text says when it was said
    location: str | None = None  # key of the Place where it was said, when the text says


@dataclass(frozen=True)
class Image:
    """The lead image, with its credit resolved to entities."""

    caption: str | None = None
    credit_text: str | None = None
    creator: str | None = None  # entity key of the photographer (Person)
    agency: str | None = None  # entity key of the agency (Organization)
    url: str | None = None


@dataclass(frozen=True)
class Provenance:
    """What produced the article model."""

    software: str  # "kg"
    version: str
    pipeline: str = ""  # name/version of the NLP pipeline used


@dataclass(frozen=True)
class Article:
    """The article model: everything kg extracted from one source article."""

    id: str
    text: str  # Document.text: the offsets of mentions and statements point into it
    language: str
    headline: str | None = None
    description: str | None = None
    url: str | None = None
    date_published: str | None = None
    authors: tuple[str, ...] = ()  # entity keys (Person)
    editors: tuple[str, ...] = ()  # entity keys (Person)
    publisher: str | None = None  # entity key (Organization)
    dateline: str | None = None  # entity key (Place)
    image: Image | None = None
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    blocks: tuple[Block, ...] = ()
    source: str = ""
    content_hash: str = ""
    provenance: Provenance | None = None
    additional_properties: tuple[PropertyValue, ...] = ()  # Document.additional_properties

    def entity(self, key: str) -> Entity:
        for e in self.entities:
            if e.key == key:
                return e
        raise KeyError(key)

    @property
    def body(self) -> str:
        """The article's own text, blocks joined by blank lines (headline and chrome left out)."""
        return "\n\n".join(
            self.text[b.start : b.end] for b in self.blocks if b.kind in ("lede", "subheading", "body")
        )
