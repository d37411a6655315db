"""A saved news page (HTML) -> Document: main text by trafilatura, metadata from the page itself.

What the publisher put in the page wins: schema.org JSON-LD (``NewsArticle`` and its kin), then
OpenGraph and ``article:*`` properties, then ``<meta name=...>`` tags, then trafilatura's own
guesses; the layout heuristics of :mod:`kg.ingest.layout` only fill what is still missing (for
example the dateline). ``Document.text`` is the text kg extracted — headline, lede, then one
paragraph per block, separated by blank lines — and every offset points into it.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from kg.errors import InputError
from kg.model import Block, Document, ImageCredit, Name, PageMetadata

MEDIA_TYPE = "text/html"
# trafilatura and htmldate log what they discard; without a handler Python would print it on stderr.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

MIN_TEXT_CHARS = 25  # less than this is a menu or a stub, not an article
MAX_BYTES = 20 * 1024 * 1024  # a page carries scripts and markup: four times the text limit

#: JSON-LD types that describe the article itself.
ARTICLE_TYPES = frozenset({
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "Report", "LiveBlogPosting",
})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HTML_SNIFF = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)[\s>]", re.IGNORECASE | re.DOTALL)
_SPLIT_AUTHORS = re.compile(r"\s*(?:;|\||,|\s+dan\s+|\s+and\s+|&)\s*", re.IGNORECASE)
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
              "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "content_publishdate")


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of a file look like an HTML page."""
    head = head.lstrip(codecs.BOM_UTF8)
    return bool(_HTML_SNIFF.match(head[:4096]))


_HTML_OPEN = re.compile(r"<html[\s>]", re.IGNORECASE)
_PAGE_CLOSE = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def _is_truncated(html: str) -> bool:
    """A whole page that opens ``<html>`` closes it (or at least its body); a fragment need not."""
    return bool(_HTML_OPEN.search(html[:4096])) and not _PAGE_CLOSE.search(html[-65536:])


def read_html(
    data: bytes | str,
    source: str,
    *,
    id: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    language: str | None = None,
) -> Document:
    """The Document of one HTML page: its main text, blocks and the metadata the page declares."""
    import trafilatura

    html = decode_html(data, source, encoding) if isinstance(data, (bytes, bytearray)) else data
    if not html.strip():
        raise InputError("the HTML page is empty", "check the crawl that saved it", source=source)
    if _is_truncated(html):
        # Half a page would give half a graph that looks whole: refuse it and say so.
        raise InputError(
            "the HTML page is truncated (it opens <html> but ends before </body> and </html>)",
            "save or download the page again, completely",
            source=source,
        )
    tree = trafilatura.load_html(html)
    if tree is None:
        raise InputError("the HTML page cannot be parsed", "check that the file is a saved web page", source=source)

    page = _page_metadata(tree)
    extracted = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False, fast=True,
    )
    paragraphs = _paragraphs(getattr(extracted, "text", None) or "")
    if sum(len(p) for p in paragraphs) < MIN_TEXT_CHARS:
        raise InputError(
            "no article text found in the HTML page (truncated, or not an article page)",
            "check that the page was saved completely",
            source=source,
        )

    headline = _first(page.get("headline"), getattr(extracted, "title", None))
    description = _first(page.get("description"), getattr(extracted, "description", None))
    caption = _page_caption(tree) if page.get("image") and not page["image"].get("caption") else None
    text, blocks, layout = _compose(headline, description, paragraphs, caption)
    meta = _merge_metadata(text, blocks, layout, page, extracted, url=url, language=language)
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        id=id or document_id(meta.url, content_hash),
        text=text,
        blocks=blocks,
        meta=meta,
        source=source,
        media_type=MEDIA_TYPE,
        content_hash=content_hash,
    )


def document_id(url: str | None, content_hash: str) -> str:
    """A stable article id, as for text files: a slug of the URL's last path segment, else the hash."""
    from kg.ingest.text import _slug_from_url

    return (_slug_from_url(url) if url else None) or content_hash[:16]


def decode_html(data: bytes, source: str, encoding: str | None = None) -> str:
    """Bytes of a page as text: the given encoding, else a BOM, else the page's charset, else UTF-8."""
    if len(data) > MAX_BYTES:
        raise InputError(
            f"the HTML page is {len(data) // (1024 * 1024)} MB, more than the {MAX_BYTES // (1024 * 1024)} MB limit",
            "split the input or check that it is a single page",
            source=source,
        )
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("the file is binary, not an HTML page", "give kg HTML, text or JSON Lines", source=source)
    candidates: list[str] = []
    if encoding:
        candidates.append(encoding)
    elif data.startswith(codecs.BOM_UTF8):
        candidates.append("utf-8-sig")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates.append("utf-16")
    else:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            candidates.append(declared.group(1).decode("ascii", "replace"))
        candidates.append("utf-8")
    last: Exception | None = None
    for name in dict.fromkeys(candidates):
        try:
            text = data.decode(name)
        except LookupError as exc:
            last = exc
            continue
        except UnicodeDecodeError as exc:
            last = exc
            continue
        return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raise InputError(
        f"the HTML page cannot be decoded as {', '.join(dict.fromkeys(candidates))} ({last})",
        "give the page's encoding with --encoding (e.g. --encoding latin-1)",
        source=source,
    )


# -- metadata the page declares ------------------------------------------------------------------

def _page_metadata(tree) -> dict[str, Any]:
    """Metadata from JSON-LD, then OpenGraph/article:*, then <meta name>, as plain values."""
    found: dict[str, Any] = {}
    article = _jsonld_article(tree)
    if article:
        found["headline"] = _text(article.get("headline")) or _text(article.get("name"))
        found["description"] = _text(article.get("description"))
        found["authors"] = _people(article.get("author"))
        found["editors"] = _people(article.get("editor"))
        found["publisher"] = _names(article.get("publisher"))[:1]
        found["date_published"] = _iso_date(_text(article.get("datePublished")))
        found["url"] = _url(article.get("url")) or _url(article.get("mainEntityOfPage"))
        found["language"] = _text(article.get("inLanguage"))
        found["image"] = _jsonld_image(article.get("image"))
    props = _meta_values(tree, "property")
    names = _meta_values(tree, "name")
    either = {**names, **props}
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    html_lang = tree.xpath("/html/@lang")

    def fill(key: str, *values: Any) -> None:
        if not found.get(key):
            found[key] = next((v for v in values if v), None)

    fill("headline", props.get("og:title"), names.get("twitter:title"))
    fill("description", props.get("og:description"), names.get("description"), names.get("twitter:description"))
    fill("authors", _split_authors(names.get("author") or props.get("article:author") or ""))
    fill("publisher", [props["og:site_name"]] if props.get("og:site_name") else [])
    fill("date_published", *(_iso_date(either.get(k)) for k in _DATE_META))
    fill("url", _url(props.get("og:url")), _url(canonical[0] if canonical else None))
    fill("language", html_lang[0] if html_lang else None, props.get("og:locale"),
         names.get("content-language"), _meta_values(tree, "http-equiv").get("content-language"))
    if not found.get("image") and props.get("og:image"):
        found["image"] = {"url": props["og:image"], "caption": props.get("og:image:alt")}
    return found


#: where pages put the lead photo's caption: <figcaption>, else an element whose class says so
_CAPTION_PATHS = ("//figure//figcaption", "//figcaption",
                  "//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]")
MAX_CAPTION_CHARS = 600


def _page_caption(tree) -> str | None:
    """The text of the page's first photo caption, or None."""
    for path in _CAPTION_PATHS:
        for node in tree.xpath(path):
            text = re.sub(r"\s+", " ", " ".join(node.itertext())).strip()
            if 3 <= len(text.split()) and len(text) <= MAX_CAPTION_CHARS:
                return text
    return None


def _jsonld_article(tree) -> dict[str, Any] | None:
    """The first article-typed node in the page's JSON-LD scripts; broken scripts are skipped."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$", "", raw)
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        for node in _nodes(data):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.rsplit("/", 1)[-1] in ARTICLE_TYPES for t in types):
                return node
    return None


def _nodes(data: Any) -> Iterable[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _nodes(data["@graph"])


def _meta_values(tree, attribute: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.xpath(f"//meta[@{attribute}][@content]"):
        key = meta.get(attribute).strip().lower()
        content = meta.get("content").strip()
        if key and content and key not in values:
            values[key] = content
    return values


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, str):
        value = re.sub(r"\s+", " ", value).strip()
        return value or None
    return None


def _url(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    value = _text(value)
    return value if value and re.match(r"https?://", value) else None


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [n for n in (_text(item) for item in items) if n]


def _people(value: Any) -> list[str]:
    """Names of the Person nodes (or plain strings) in a JSON-LD author/editor value."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict) and item.get("@type") not in (None, "Person"):
            continue
        if isinstance(item, str):
            names.extend(_split_authors(item))
        elif (name := _text(item)) is not None:
            names.append(name)
    return names


def _split_authors(value: str) -> list[str]:
    return [p for p in _SPLIT_AUTHORS.split(value.strip()) if p and not re.match(r"https?://", p)]


def _jsonld_image(value: Any) -> dict[str, str | None] | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return {"url": value}
    if isinstance(value, dict):
        credit = _text(value.get("creditText")) or _text(value.get("copyrightHolder"))
        return {"url": _url(value.get("url") or value.get("contentUrl")), "caption": _text(value.get("caption")),
                "credit": credit, "creator": _names(value.get("creator"))[0] if _names(value.get("creator")) else None}
    return None


def _iso_date(value: str | None) -> str | None:
    """``value`` as an ISO 8601 date or date-time, or None when it is not one."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            return date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return parsed.isoformat()


def _language(value: str | None) -> str | None:
    """The primary language subtag of a BCP 47 tag or a locale: "id-ID" / "id_ID" -> "id"."""
    if not value:
        return None
    primary = re.split(r"[-_]", value.strip())[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


# -- the extracted text and its blocks ----------------------------------------------------------

def _paragraphs(text: str) -> list[str]:
    return [p for p in (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")) if p]


def _compose(
    headline: str | None, description: str | None, paragraphs: list[str], caption: str | None = None,
) -> tuple[str, tuple[Block, ...], PageMetadata]:
    """The document text (headline, lede, photo caption, paragraphs, blank lines between), its
    blocks, and what the layout analysis of the body found (offsets into the whole text)."""
    parts: list[tuple[str, str]] = []
    if headline:
        parts.append((headline, "headline"))
        if paragraphs and _same(paragraphs[0], headline):
            paragraphs = paragraphs[1:]
    # The lede goes in only when the page does not already open with it.
    if description and not any(_same(description, p) or description in p for p in paragraphs[:3]):
        parts.append((description, "lede"))
    if caption:  # the caption is its own block, never a body paragraph
        paragraphs = [p for p in paragraphs if not _same(p, caption)]
        parts.append((caption, "caption"))
    parts.extend((p, "body") for p in paragraphs)
    body_from = len(parts) - len(paragraphs)

    text = "\n\n".join(p for p, _ in parts)
    blocks: list[Block] = []
    offset = 0
    for i, (part, kind) in enumerate(parts):
        if i < body_from:
            blocks.append(Block(offset, offset + len(part), kind))  # type: ignore[arg-type]
        offset += len(part) + 2
    body_start = sum(len(p) + 2 for p, _ in parts[:body_from])
    body_blocks, layout = _analyze_body(text, body_start)
    return text, tuple(blocks + body_blocks), layout


def _analyze_body(text: str, start: int) -> tuple[list[Block], PageMetadata]:
    """Layout analysis of the body paragraphs: chrome, bylines, captions, dateline, shifted to ``text``."""
    from kg.ingest.layout import analyze_layout

    blocks, meta = analyze_layout(text[start:])
    # The body holds no title: a paragraph the layout took for one is a body paragraph here.
    shifted = [
        Block(b.start + start, b.end + start, "body" if b.kind in ("headline", "lede") else b.kind, b.detail)
        for b in blocks
    ]

    def move(name: Name | None) -> Name | None:
        if name is None or name.start is None or name.end is None:
            return name
        return Name(name.text, name.start + start, name.end + start)

    image = meta.image
    if image is not None:
        image = ImageCredit(move(image.caption), move(image.credit_text), move(image.photographer),
                            move(image.agency), image.url)
    return shifted, PageMetadata(
        authors=tuple(move(n) for n in meta.authors), editors=tuple(move(n) for n in meta.editors),
        publisher=move(meta.publisher), dateline=move(meta.dateline), date_published=meta.date_published,
        url=meta.url, language=meta.language, image=image,
        dateline_end=meta.dateline_end + start if meta.dateline_end is not None else None,
    )


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()
    return norm(a) == norm(b)


def _merge_metadata(text, blocks, layout, page, extracted, *, url, language) -> PageMetadata:
    """PageMetadata: the page's own metadata first, trafilatura next, layout heuristics last."""

    def name(value: str | None) -> Name | None:
        if not value:
            return None
        at = text.find(value)
        return Name(value, at, at + len(value)) if at >= 0 else Name(value)

    headline = next((b for b in blocks if b.kind == "headline"), None)
    lede = next((b for b in blocks if b.kind == "lede"), None)
    authors = page.get("authors") or _split_authors(getattr(extracted, "author", None) or "")
    publisher = (page.get("publisher") or [None])[0] or getattr(extracted, "sitename", None)
    image = page.get("image")
    return PageMetadata(
        headline=Name(text[headline.start:headline.end], headline.start, headline.end) if headline else None,
        description=Name(text[lede.start:lede.end], lede.start, lede.end) if lede else name(page.get("description")),
        authors=tuple(name(a) for a in dict.fromkeys(authors)) or layout.authors,
        editors=tuple(name(e) for e in dict.fromkeys(page.get("editors") or [])) or layout.editors,
        publisher=name(publisher) or layout.publisher,
        dateline=layout.dateline,
        date_published=page.get("date_published") or _iso_date(getattr(extracted, "date", None))
        or layout.date_published,
        url=url or page.get("url") or getattr(extracted, "url", None) or layout.url,
        language=language or _language(page.get("language")) or layout.language,
        image=_image(image, name, text, blocks) if image else layout.image,
        dateline_end=layout.dateline_end,
    )


def _image(image: dict[str, Any], name, text: str, blocks: tuple[Block, ...]) -> ImageCredit | None:
    """The lead image as the page declares it; a caption found in the page (a "caption" block)
    fills what it leaves out, with the credit written at its end."""
    from kg.ingest.layout import caption_credit

    if not any(image.values()):
        return None
    caption, credit, photographer, agency = (name(image.get("caption")), name(image.get("credit")),
                                             name(image.get("creator")), None)
    block = next((b for b in blocks if b.kind == "caption"), None)
    if caption is None and block is not None:
        caption = Name(text[block.start:block.end], block.start, block.end)
        found = caption_credit(text, block.start, block.end)
        if found is not None and credit is None:
            credit, photographer, agency = found[0], photographer or found[1], found[2]
    return ImageCredit(caption=caption, credit_text=credit, photographer=photographer, agency=agency,
                       url=image.get("url"))


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)
