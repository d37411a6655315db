"""What the user points kg at -> a stream of sources: files, folders, globs, ``-``, JSON Lines.

Paths are expanded lazily and in a stable order (folders walked depth-first, names sorted), so a
crawl of any size is streamed, never listed in memory. Each file's kind comes from its extension
(``.html``, ``.jsonl``, ``.txt``, ...) or, when the extension says nothing, from its first bytes.
A path that cannot be used becomes an :class:`~kg.errors.InputError` in the stream, in its place,
so the caller reports it and goes on.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from kg.errors import InputError
from kg.ingest.html import MAX_BYTES as MAX_HTML_BYTES
from kg.ingest.html import looks_like_html
from kg.ingest.jsonl import iter_lines
from kg.ingest.text import MAX_BYTES as MAX_TEXT_BYTES
from kg.model import Document

Kind = Literal["text", "html", "jsonl"]

EXTENSIONS: dict[str, Kind] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "jsonl",
}
#: Files a folder walk leaves out: kg's own outputs and state, never articles.
SKIPPED_EXTENSIONS = frozenset({".ttl", ".nt", ".nq", ".trig", ".jsonld", ".part"})
_GLOB_CHARS = frozenset("*?[")
_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class Source:
    """One article to read: its label (path, ``-`` or ``file.jsonl:LINE``), kind and raw bytes."""

    label: str
    kind: Literal["text", "html", "jsonl-line"]
    data: bytes
    #: the file the bytes came from, for naming outputs; None for standard input
    path: str | None = None


def iter_sources(
    inputs: Iterable[str | Path], *, stdin: IO[bytes] | None = None, max_bytes: int | None = None
) -> Iterator[Source | InputError]:
    """Each article of ``inputs`` (files, folders, globs, ``-``), in order, or the error in its place."""
    for given in inputs:
        if str(given) == "-":
            yield from _from_stream(stdin if stdin is not None else sys.stdin.buffer, "-")
            continue
        for path in expand_path(given):
            if isinstance(path, InputError):
                yield path
            else:
                yield from _from_file(path, max_bytes)


def expand_path(given: str | Path) -> Iterator[Path | InputError]:
    """The files ``given`` names: itself, the files under a folder, or the matches of a glob."""
    path = Path(given)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists():
        yield path
    elif _GLOB_CHARS & set(str(given)):
        matches = sorted(glob.iglob(str(given), recursive=True))
        if not matches:
            yield InputError("no file matches the pattern", "check the pattern and quote it", source=str(given))
        for match in matches:
            yield from expand_path(match) if Path(match).is_dir() else iter([Path(match)])
    else:
        yield InputError("file not found", "check the path", source=str(given))


def kind_of(path: Path, head: bytes) -> Kind:
    """The kind of a file: from its extension when kg knows it, else from its first bytes."""
    known = EXTENSIONS.get(path.suffix.lower())
    return known or sniff(head)


def sniff(head: bytes) -> Kind:
    """The kind of some content from its first bytes: an HTML page, JSON Lines, or plain text."""
    if looks_like_html(head):
        return "html"
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
    if first.startswith(b"{"):
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            # A first line cut off by the sniff window still opens like a record.
            if b'"' in first[:3] or first.startswith(b'{"'):
                return "jsonl"
    return "text"


def read_source(source: Source, *, encoding: str | None = None) -> Document:
    """The Document of one source, read by the reader of its kind."""
    if source.kind == "html":
        from kg.ingest.html import read_html

        return read_html(source.data, source.label, encoding=encoding)
    if source.kind == "jsonl-line":
        from kg.ingest.jsonl import parse_line

        return parse_line(source.data, source.label, encoding=encoding)
    from kg.ingest.text import read_text

    return read_text(source.data, source.label, encoding=encoding)


def _walk(folder: Path) -> Iterator[Path | InputError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(f"cannot list the folder ({exc.strerror})", "check its permissions", source=str(folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and kg's own state folders
        if entry.is_dir():
            yield from _walk(Path(entry.path))
        elif entry.is_file() and Path(entry.name).suffix.lower() not in SKIPPED_EXTENSIONS:
            yield Path(entry.path)


def _from_file(path: Path, max_bytes: int | None) -> Iterator[Source | InputError]:
    label = str(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(_SNIFF_BYTES)
            kind = kind_of(path, head)
            if kind == "jsonl":
                fh.seek(0)
                found = False
                for source in _lines(fh, label, label):
                    found = True
                    yield source
                if not found:
                    yield InputError("the JSON Lines file holds no article (no non-blank line)",
                                     "give one JSON object with \"text\" or \"html\" per line", source=label)
                return
            limit = max_bytes or (MAX_HTML_BYTES if kind == "html" else MAX_TEXT_BYTES)
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                yield InputError(
                    f"file is {size:,} bytes, over the {limit:,}-byte limit for one article",
                    "split it, or check that it is a single article",
                    source=label,
                )
                return
            data = head + fh.read()
    except OSError as exc:
        yield InputError(f"cannot read the file ({exc.strerror or exc})", "check the path and permissions", source=label)
        return
    yield Source(label, kind, data, label)


def _from_stream(stream: IO[bytes], label: str) -> Iterator[Source | InputError]:
    head = stream.read(_SNIFF_BYTES)
    kind = sniff(head)
    if kind == "jsonl":
        yield from _lines(_Prefixed(head, stream), label, None)
        return
    data = head + stream.read()
    yield Source(label, kind, data, None)


def _lines(stream: IO[bytes], name: str, path: str | None) -> Iterator[Source]:
    for label, line in iter_lines(stream, name):
        yield Source(label, "jsonl-line", line, path)


class _Prefixed:
    """A binary stream with bytes already read put back in front, iterable by lines."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self.head, self.rest = head, rest

    def __iter__(self) -> Iterator[bytes]:
        first, sep, tail = self.head.partition(b"\n")
        if not sep:
            yield first + self.rest.readline()
        else:
            yield first + sep
            pending = tail
            while b"\n" in pending:
                line, _, pending = pending.partition(b"\n")
                yield line + b"\n"
            yield pending + self.rest.readline()
        yield from self.rest
