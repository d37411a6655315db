"""JSON Lines dumps -> Documents: one article per line, each line read and reported on its own.

Each non-blank line is a JSON object. Fields kg reads:

==================  ===========================================================================
``text``            the article as plain text (headline, lede and body as on the page), or
``html``            the saved page; used when ``text`` is absent (main text and page metadata
                    are extracted as for an ``.html`` file)
``id``              the article id (default: from ``url``, else from the content hash)
``url``             the page address
``headline``        the title (alias ``title``)
``description``     the lede / subtitle
``datePublished``   ISO 8601 date or date-time (aliases ``date_published``, ``date``)
``author``          a name or a list of names (alias ``authors``)
``editor``          a name or a list of names (alias ``editors``)
``publisher``       the outlet's name
``language``        BCP 47 tag: ``id``, ``en`` (alias ``inLanguage``)
==================  ===========================================================================

A field given in the line wins over what kg reads from the text or page. Every other top-level
field is kept, in the line's order, as a ``Document.additional_properties`` item that the graph
states as ``schema:additionalProperty`` of the article (a ``schema:PropertyValue`` with the field
name as ``schema:name`` and the value as ``schema:value``):

==================  ===========================================================================
string              ``xsd:string``, as given (an empty string too)
true / false        ``xsd:boolean``
integer             ``xsd:integer``
other number        ``xsd:decimal`` with the digits as written (``12.50``, ``1e3`` -> ``1000``);
                    ``xsd:double`` when the exponent is too large for that, and for NaN/Infinity
list or object      ``rdf:JSON`` (the JSON-LD 1.1 datatype of JSON values, so that a list is not
                    taken for a string that looks like one): its compact JSON text, object keys
                    sorted, NaN and infinities inside it as ``null``
null                left out
==================  ===========================================================================

A line that is not a JSON object, or has neither ``text`` nor ``html``, is reported as
``file.jsonl:LINE`` and the other lines go on.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError
from kg.model import Document, Name, PageMetadata, PropertyValue

ALIASES = {
    "headline": ("headline", "title"),
    "description": ("description",),
    "date_published": ("datePublished", "date_published", "date"),
    "authors": ("author", "authors"),
    "editors": ("editor", "editors"),
    "publisher": ("publisher",),
    "language": ("language", "inLanguage"),
}
#: every field name kg reads itself; the others become additional properties
KNOWN_FIELDS = frozenset({"text", "html", "id", "url", *(name for names in ALIASES.values() for name in names)})


def iter_lines(stream: IO[bytes], name: str) -> Iterator[tuple[str, bytes]]:
    """``(source, raw line)`` for each non-blank line of ``stream``; source is ``name:LINE``."""
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield f"{name}:{number}", line


def read_jsonl(path: str | Path, *, encoding: str | None = None) -> Iterator[Document | InputError]:
    """Each line of a JSON Lines file as a Document, or the InputError that says why it is not one."""
    with open(path, "rb") as stream:
        for source, line in iter_lines(stream, str(path)):
            try:
                yield parse_line(line, source, encoding=encoding)
            except InputError as exc:
                yield exc


def parse_line(line: bytes | str, source: str, *, encoding: str | None = None) -> Document:
    """The Document of one JSON Lines record (see the module docstring for the fields)."""
    record = _record(line, source, encoding)
    text, html = record.get("text"), record.get("html")
    ident, url = _string(record.get("id")), _string(record.get("url"))
    language = _string(_field(record, "language"))
    if isinstance(text, str) and text.strip():
        from kg.ingest.text import read_text

        document = read_text(text, source, id=ident, url=url)
    elif isinstance(html, str) and html.strip():
        from kg.ingest.html import read_html

        document = read_html(html, source, id=ident, url=url, language=language)
    else:
        raise InputError(
            'the record has no "text" or "html" field with content',
            'give each line a "text" (plain text) or "html" (the saved page) string',
            source=source,
        )
    document = _with_fields(document, record, url=url, language=language)
    extra = additional_properties(record)
    return dataclasses.replace(document, additional_properties=extra) if extra else document


def additional_properties(record: dict[str, Any]) -> tuple[PropertyValue, ...]:
    """The record's fields that kg does not read itself, as PropertyValues (nulls and unnamed left out)."""
    kept = []
    for name, value in record.items():
        if name in KNOWN_FIELDS or value is None or not name.strip():
            continue
        if isinstance(value, (list, dict)):
            text = json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                              allow_nan=False)
            kept.append(PropertyValue(name, text, is_json=True))
        else:
            kept.append(PropertyValue(name, value))
    return tuple(kept)


def _plain(value: Any) -> Any:
    """``value`` with its numbers as JSON numbers again; NaN and infinities as null, as JSON.stringify does."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (Decimal, float)):
        number = float(value)
        return number if math.isfinite(number) else None
    return value


def _record(line: bytes | str, source: str, encoding: str | None) -> dict[str, Any]:
    if isinstance(line, (bytes, bytearray)):
        try:
            line = bytes(line).decode(encoding or "utf-8")
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(
                f"the line is not valid {encoding or 'UTF-8'} ({exc})",
                "JSON Lines must be UTF-8; re-encode the file or give --encoding",
                source=source,
            ) from exc
    try:
        # Decimal keeps a number's digits as written ("12.50") for the additional properties.
        record = json.loads(line.lstrip("\ufeff"), parse_float=Decimal)
    except ValueError as exc:
        raise InputError(f"the line is not valid JSON ({exc})", "fix or remove the line", source=source) from exc
    if not isinstance(record, dict):
        raise InputError(
            f"the line is a JSON {type(record).__name__}, not an object",
            'write one object per line: {"text": "...", "url": "..."}',
            source=source,
        )
    return record


def _with_fields(document: Document, record: dict[str, Any], *, url: str | None, language: str | None) -> Document:
    """The document with the record's own metadata put over what was read from the text."""
    text = document.text

    def name(value: Any) -> Name | None:
        value = _string(value)
        if not value:
            return None
        at = text.find(value)
        return Name(value, at, at + len(value)) if at >= 0 else Name(value)

    def names(value: Any) -> tuple[Name, ...]:
        items = value if isinstance(value, list) else [value]
        return tuple(n for n in (name(v) for v in items) if n)

    meta = document.meta
    changes: dict[str, Any] = {}
    for field, value in (
        ("headline", name(_field(record, "headline"))),
        ("description", name(_field(record, "description"))),
        ("publisher", name(_field(record, "publisher"))),
        ("authors", names(_field(record, "authors"))),
        ("editors", names(_field(record, "editors"))),
        ("date_published", _string(_field(record, "date_published"))),
        ("url", url),
        ("language", language),
    ):
        if value:
            changes[field] = value
    if not changes:
        return document
    new_meta: PageMetadata = dataclasses.replace(meta, **changes)
    return dataclasses.replace(document, meta=new_meta)


def _field(record: dict[str, Any], key: str) -> Any:
    return next((record[k] for k in ALIASES[key] if record.get(k) not in (None, "", [])), None)


def _string(value: Any) -> str | None:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, dict):
        value = value.get("name")
    return (value.strip() or None) if isinstance(value, str) else None
