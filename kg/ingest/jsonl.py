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

A field given in the line wins over what kg reads from the text or page. Every other field is
left as it is and ignored. A line that is not a JSON object, or has neither ``text`` nor
``html``, is reported as ``file.jsonl:LINE`` and the other lines go on.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError
from kg.model import Document, Name, PageMetadata

ALIASES = {
    "headline": ("headline", "title"),
    "description": ("description",),
    "date_published": ("datePublished", "date_published", "date"),
    "authors": ("author", "authors"),
    "editors": ("editor", "editors"),
    "publisher": ("publisher",),
    "language": ("language", "inLanguage"),
}


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
    return _with_fields(document, record, url=url, language=language)


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
        record = json.loads(line.lstrip("\ufeff"))
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
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, dict):
        value = value.get("name")
    return (value.strip() or None) if isinstance(value, str) else None
