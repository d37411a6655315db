"""Bytes or a path -> a normalised :class:`~kg.model.Document`, with clear errors for bad input.

The text is decoded (UTF-8 with or without a BOM, or the encoding the caller names), the BOM is
dropped and CRLF/CR become LF; nothing else is changed, so every offset points into this text.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kg.errors import InputError
from kg.ingest.layout import analyze_layout
from kg.model import Document

MAX_BYTES = 5 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_SHARE = 0.10  # more control characters than this and it is not text
_SLUG_MAX = 80


def read_path(
    path: str | Path,
    *,
    id: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Document:
    """Read an article file into a Document, raising InputError when it cannot be an article."""
    p = Path(path)
    source = str(path)
    if not p.exists():
        raise InputError("file not found", "check the path", source=source)
    if p.is_dir():
        raise InputError(
            "is a directory, not an article file", "give the path of a .txt file", source=source
        )
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"file is {size:,} bytes, over the {max_bytes:,}-byte limit",
                "split it, or raise the limit (max_bytes)",
                source=source,
            )
        data = p.read_bytes()
    except PermissionError as exc:
        raise InputError(
            "permission denied", "check the file's permissions", source=source
        ) from exc
    except OSError as exc:
        raise InputError(
            f"cannot read the file ({exc.strerror or exc})", "check the path", source=source
        ) from exc
    return read_text(data, source, id=id, url=url, encoding=encoding, max_bytes=max_bytes)


def read_text(
    text: str | bytes,
    source: str = "-",
    *,
    id: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Document:
    """Normalise article text (or bytes) into a Document with blocks and page metadata."""
    if isinstance(text, (bytes, bytearray)):
        data = bytes(text)
        if len(data) > max_bytes:
            raise InputError(
                f"input is {len(data):,} bytes, over the {max_bytes:,}-byte limit",
                "split it, or raise the limit (max_bytes)",
                source=source,
            )
        if b"\x00" in data and not _is_utf16(data, encoding):
            raise InputError(
                "looks binary (it contains NUL bytes), not article text",
                "give a plain-text file",
                source=source,
            )
        decoded = _decode(data, encoding, source)
    else:
        decoded = text
        if len(decoded) > max_bytes or len(decoded.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputError(
                f"input is over the {max_bytes:,}-byte limit",
                "split it, or raise the limit (max_bytes)",
                source=source,
            )
    if decoded.startswith("\ufeff"):
        decoded = decoded[1:]
    normal = decoded.replace("\r\n", "\n").replace("\r", "\n")
    if not normal.strip():
        raise InputError(
            "is empty (no text at all, or only whitespace)",
            "give a file with the article's text",
            source=source,
        )
    if "\x00" in normal or len(_CONTROL.findall(normal)) > _CONTROL_SHARE * len(normal):
        raise InputError(
            "looks binary (mostly control characters), not article text",
            "give a plain-text file",
            source=source,
        )
    blocks, meta = analyze_layout(normal)
    if url and not meta.url:
        meta = replace(meta, url=url)
    digest = hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()
    return Document(
        id=id or (_slug_from_url(url) if url else None) or digest[:16],
        text=normal,
        blocks=blocks,
        meta=meta,
        source=source,
        media_type="text/plain",
        content_hash=digest,
    )


def _is_utf16(data: bytes, encoding: str | None) -> bool:
    if encoding:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _decode(data: bytes, encoding: str | None, source: str) -> str:
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise InputError(
                f"unknown encoding {encoding!r}",
                "use a name such as utf-8, latin-1, cp1252",
                source=source,
            ) from exc
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"cannot be decoded as {encoding} (byte {exc.start})",
                "try another --encoding",
                source=source,
            ) from exc
    codec = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        label = "UTF-8" if codec == "utf-8-sig" else "UTF-16"
        raise InputError(
            f"is not valid {label} (byte {exc.start})",
            "name its encoding, e.g. --encoding cp1252",
            source=source,
        ) from exc


def _slug_from_url(url: str) -> str | None:
    """A readable id from a URL: its last path segment (or host), lower-cased, joined by "-"."""
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    last = segments[-1] if segments else parts.netloc
    last = re.sub(r"\.(html?|php|aspx?)$", "", last, flags=re.I)
    slug = re.sub(r"[^0-9a-z]+", "-", last.casefold()).strip("-")[:_SLUG_MAX].strip("-")
    return slug or None
