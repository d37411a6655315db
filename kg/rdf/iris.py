"""IRIs for everything kg puts in a graph, minted from the article model and a base IRI.

The same input always gives the same IRI: articles and their parts from the article id and
character offsets, entities from their Wikidata id or from core type and normalized name, so
that one entity exported from two articles lands on one node in a triple store.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from kg.errors import ConfigError
from kg.rdf.mapping import IRI_TEMPLATES

DEFAULT_BASE = "https://w3id.org/kg-exporter/id/"

_QID = re.compile(r"^Q[1-9][0-9]*$")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def slug(text: str) -> str:
    """The name as an IRI segment: accents stripped, casefolded, runs of other characters as "-"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NON_ALNUM.sub("-", plain).strip("-")


def check_base(base: str) -> str:
    """Return ``base`` if it is an absolute http(s) IRI ending in "/" or "#", else raise ConfigError."""
    if not re.match(r"^https?://[^\s<>\"{}|\\^`]+[/#]$", base):
        raise ConfigError(
            f"base IRI {base!r} is not an absolute http(s) IRI ending in '/' or '#'",
            f"use something like {DEFAULT_BASE!r}",
        )
    return base


class Minter:
    """Mints the IRIs of one article's graph under one base IRI."""

    def __init__(self, article_id: str, base: str = DEFAULT_BASE):
        self.base = check_base(base)
        if not article_id.strip():
            raise ConfigError("the article has an empty id", "give every article a non-empty id")
        # ids normally are [A-Za-z0-9._-]; anything else is percent-encoded, never dropped
        self.id = quote(article_id, safe="-._~")

    def _iri(self, template: str, **values: str) -> URIRef:
        return URIRef(self.base + IRI_TEMPLATES[template].format(id=self.id, **values))

    def article(self) -> URIRef:
        """``{base}article/{id}``."""
        return self._iri("article")

    def graph(self) -> URIRef:
        """``{base}graph/{id}``: the article's named graph."""
        return self._iri("graph")

    def entity(self, core_type: str, name: str, wikidata: str | None) -> URIRef:
        """``{base}entity/{QID}`` when linked, else ``{base}{person|organization|place}/{slug}``."""
        if wikidata:
            if not _QID.match(wikidata):
                raise ConfigError(
                    f"Wikidata id {wikidata!r} of {name!r} is not of the form Q123",
                    "give the bare item id, without the wikidata.org address",
                )
            return self._iri("entity", qid=wikidata)
        segment = slug(name)
        if not segment:
            raise ConfigError(
                f"{core_type} name {name!r} has no letters or digits to build an IRI from",
                "drop the entity or give it a name",
            )
        return self._iri(core_type, slug=segment)

    def statement(self, start: int, end: int) -> URIRef:
        """``{base}article/{id}/statement/{start}-{end}``."""
        return self._iri("statement", start=str(start), end=str(end))

    def mention(self, start: int, end: int) -> URIRef:
        """``{base}article/{id}/mention/{start}-{end}``."""
        return self._iri("mention", start=str(start), end=str(end))

    def position(self, holder: URIRef, title: str) -> URIRef:
        """``{base}article/{id}/position/{holder}/{title slug}``: one role of one person here."""
        holder_part = slug(str(holder)[len(self.base) :])
        return self._iri("position", holder=holder_part, title=slug(title) or "untitled")

    def image(self) -> URIRef:
        """``{base}article/{id}/image``."""
        return self._iri("image")

    def property_value(self, name: str) -> URIRef:
        """``{base}article/{id}/property/{name}``: one field of the source record, its name percent-encoded."""
        return self._iri("property", name=quote(name, safe="-._~"))

    def activity(self) -> URIRef:
        """``{base}article/{id}/generation``: the run of kg that produced the graph."""
        return self._iri("activity")

    def software(self, name: str, version: str) -> URIRef:
        """``{base}software/{name}/{version}``."""
        return URIRef(
            self.base + IRI_TEMPLATES["software"].format(name=slug(name), version=_seg(version))
        )


def _seg(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9._~-]+", "-", value).strip("-") or "unknown"
