"""Page text -> blocks (headline, lede, bylines, caption, credit, body, chrome) and page metadata.

The text is what a reader gets by copying a news page: site chrome around the story, bylines,
a photo credit and caption, then the body with its dateline. Every cue (chrome markers, byline
labels, dateline and credit patterns, month names) lives in ``kg/ingest/data/*.txt``; this module
only decides, from those cues and the order of the blocks, what each block is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

from kg.errors import ConfigError
from kg.model import Block, ImageCredit, Name, PageMetadata

DATA_DIR = Path(__file__).parent / "data"

_SPACE = " \t\u00a0\u200b\ufeff\u3000"
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]"
_HEADLINE_MAX_WORDS = 30
_SUBHEADING_MAX_WORDS = 12
_SUBHEADING_MAX_CHARS = 100
_HEADER_SCAN = 40  # blocks from the top searched for a dateline


@dataclass(frozen=True)
class _Rules:
    chrome: tuple[tuple[str, re.Pattern[str]], ...]
    sites: tuple[re.Pattern[str], ...]
    bylines: tuple[tuple[str, re.Pattern[str]], ...]
    particles: frozenset[str]
    separators: re.Pattern[str]
    datelines: tuple[re.Pattern[str], ...]
    credit_lines: tuple[re.Pattern[str], ...]
    credit_inline: tuple[re.Pattern[str], ...]
    not_people: frozenset[str]
    dates: tuple[re.Pattern[str], ...]
    months: dict[str, int]
    zones: dict[str, str]
    publishers: tuple[re.Pattern[str], ...]


def _lines(name: str) -> Iterator[str]:
    """Yield the rule lines of a data file: comments (``#`` first) and blank lines left out."""
    path = DATA_DIR / name
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            f"cannot read layout data {path}: {exc}", "reinstall kg-exporter"
        ) from exc
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\r\n")


def _compile(name: str, regex: str) -> re.Pattern[str]:
    try:
        return re.compile(regex)
    except re.error as exc:
        raise ConfigError(
            f"bad pattern in {DATA_DIR / name}: {regex!r} ({exc})", "fix the data file"
        ) from exc


def _tabbed(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    rules = []
    for line in _lines(name):
        detail, sep, regex = line.partition("\t")
        if not sep:
            raise ConfigError(
                f"{DATA_DIR / name}: expected DETAIL<TAB>REGEX, got {line!r}", "fix the data file"
            )
        rules.append((detail.strip(), _compile(name, regex)))
    return tuple(rules)


def _with_macros(name: str) -> tuple[re.Pattern[str], ...]:
    macros: dict[str, str] = {}
    rules = []
    for line in _lines(name):
        if line.startswith("@"):
            key, _, value = line[1:].partition("=")
            for k, v in macros.items():
                value = value.replace("{" + k + "}", v)
            macros[key.strip()] = value.strip()
            continue
        for k, v in macros.items():
            line = line.replace("{" + k + "}", v)
        rules.append(_compile(name, line))
    return tuple(rules)


def month_numbers() -> dict[str, int]:
    """Month names and abbreviations (Indonesian and English, casefolded) -> month number."""
    return _rules().months


def _table(name: str) -> dict[str, str]:
    out = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        out[key.strip().casefold()] = value.strip()
    return out


@cache
def _rules() -> _Rules:
    credits = _tabbed("credits.txt")
    return _Rules(
        chrome=_tabbed("chrome.txt"),
        sites=tuple(
            _compile("outlets.txt", f"(?i)^(?:{line.strip()})$") for line in _lines("outlets.txt")
        ),
        bylines=_tabbed("bylines.txt"),
        particles=frozenset(line.strip().casefold() for line in _lines("name_particles.txt")),
        separators=_compile(
            "name_separators.txt",
            "(?i)\\s*(?:"
            + "|".join(line.strip() for line in _lines("name_separators.txt"))
            + ")\\s*",
        ),
        datelines=_with_macros("datelines.txt"),
        credit_lines=tuple(p for d, p in credits if d == "line"),
        credit_inline=tuple(p for d, p in credits if d == "inline"),
        not_people=frozenset(line.strip().casefold() for line in _lines("not_people.txt")),
        dates=tuple(_compile("dates.txt", line) for line in _lines("dates.txt")),
        months={k: int(v) for k, v in _table("months.txt").items()},
        zones={k.upper(): v for k, v in _table("timezones.txt").items()},
        publishers=tuple(_compile("publishers.txt", line) for line in _lines("publishers.txt")),
    )


# ---------------------------------------------------------------------------------------------
# splitting


def _split(text: str, rules: _Rules) -> list[tuple[int, int]]:
    """Cut the text into line spans without surrounding blanks; join hard-wrapped prose lines."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while s < e and text[s] in _SPACE:
            s += 1
        while e > s and text[e - 1] in _SPACE:
            e -= 1
        if s == e:
            continue
        if spans:
            ps, pe = spans[-1]
            gap = text[pe:s]
            prev = text[ps:pe]
            # a prose line broken before its end continues on the next line (no blank line between)
            if (
                gap.count("\n") == 1
                and pe - ps >= 40
                and prev[-1] not in _TERMINAL + _CLOSERS + ":"
                and (text[s].islower() or prev[-1] in ",-")
                and _chrome_detail(prev, rules) is None
            ):
                spans[-1] = (ps, e)
                continue
        spans.append((s, e))
    return spans


# ---------------------------------------------------------------------------------------------
# names


def _is_name(words: list[str], particles: frozenset[str]) -> bool:
    if not 1 <= len(words) <= 7:
        return False
    capitalised = 0
    for w in words:
        core = w.strip(".,'’-")
        if not core:
            return False
        if core.casefold() in particles:
            continue
        if not core[0].isupper() or not any(ch.isalpha() for ch in core):
            return False
        capitalised += 1
    return capitalised >= 1


def _names(text: str, start: int, end: int, rules: _Rules) -> list[Name] | None:
    """Split ``text[start:end]`` into person names with offsets; None when it is not names."""
    seg = text[start:end]
    names = []
    pos = 0
    pieces = []
    for m in rules.separators.finditer(seg):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(seg)))
    for a, b in pieces:
        piece = seg[a:b]
        # drop a trailing "(Tribunnews.com)"-like note and stray punctuation
        piece_clean = re.sub(r"\s*\([^)]*\)\s*$", "", piece)
        b = a + len(piece_clean)
        while a < b and (seg[a] in _SPACE + "-–—:"):
            a += 1
        while b > a and seg[b - 1] in _SPACE + ".,;:-–—":
            b -= 1
        if a == b:
            continue
        words = seg[a:b].split()
        if not _is_name(words, rules.particles):
            return None
        names.append(Name(seg[a:b], start + a, start + b))
    return names or None


def _title(name: str) -> str:
    """Title-case an all-capitals name ("ADI WIBOWO" -> "Adi Wibowo"); leave others alone."""
    if name.upper() != name:
        return name
    return " ".join(w[:1] + w[1:].lower() for w in name.split())


# ---------------------------------------------------------------------------------------------
# block-level cues


@dataclass
class _Cell:
    start: int
    end: int
    kind: str = ""
    detail: str = ""


def _chrome_detail(line: str, rules: _Rules) -> str | None:
    if any(p.match(line) for p in rules.sites):
        return "site"
    for detail, pattern in rules.chrome:
        if pattern.search(line):
            return detail
    return None


def _byline_parts(
    text: str, cell: _Cell, rules: _Rules
) -> list[tuple[str, list[Name], Name | None]] | None:
    """Parse a byline block into (detail, names, outlet) parts; None when it is not a byline."""
    parts: list[tuple[str, list[Name], Name | None]] = []
    start, end = cell.start, cell.end
    # a wire credit line: "(Reporting by A; Writing by B; Editing by C)"
    if text[start] == "(" and text[end - 1] == ")" and ";" in text[start:end]:
        start, end = start + 1, end - 1
    pos = start
    for piece in re.split(r"[|;]", text[start:end]):
        a = pos + len(piece) - len(piece.lstrip())
        b = pos + len(piece.rstrip())
        pos += len(piece) + 1
        if a == b:
            continue
        part = text[a:b]
        for detail, pattern in rules.bylines:
            m = pattern.match(part)
            if not m or m.end() != len(part):
                continue
            if detail == "initials":
                parts.append((detail, [], None))
                break
            names = _names(text, a + m.start("names"), a + m.end("names"), rules)
            if not names:
                continue
            names = [n for n in names if n.text.casefold() not in rules.not_people]
            outlet = None
            if "outlet" in m.re.groupindex and m.group("outlet"):
                outlet = Name(m.group("outlet"), a + m.start("outlet"), a + m.end("outlet"))
            parts.append((detail, names, outlet))
            break
        else:
            return None
    return parts or None


def _parse_date(m: re.Match[str], rules: _Rules) -> str | None:
    month_raw = m.group("month")
    month = (
        int(month_raw)
        if month_raw.isdigit()
        else rules.months.get(month_raw.casefold().rstrip("."))
    )
    if not month:
        return None
    try:
        day = datetime(int(m.group("year")), month, int(m.group("day")))
    except ValueError:
        return None
    groups = m.re.groupindex
    if "hour" in groups and m.group("hour"):
        try:
            moment = day.replace(hour=int(m.group("hour")), minute=int(m.group("minute")))
        except ValueError:
            return None
        zone = rules.zones.get((m.group("tz") or "").upper(), "") if "tz" in groups else ""
        return moment.strftime("%Y-%m-%dT%H:%M:%S") + zone
    return day.strftime("%Y-%m-%d")


def _date_line(line: str, rules: _Rules) -> tuple[str, re.Match[str]] | None:
    if len(line) > 80:
        return None
    for pattern in rules.dates:
        m = pattern.search(line)
        if m:
            iso = _parse_date(m, rules)
            if iso:
                return iso, m
    return None


def _credit(
    text: str,
    start: int,
    end: int,
    patterns: tuple[re.Pattern[str], ...],
    rules: _Rules,
    *,
    inline: bool,
):
    """Match a photo credit in ``text[start:end]``: (credit, photographer, agency), or None."""
    line = text[start:end]
    for pattern in patterns:
        m = pattern.search(line) if inline else pattern.match(line)
        if not m or (not inline and m.end() != len(line)):
            continue
        groups = m.re.groupindex
        credit = Name(m.group("credit"), start + m.start("credit"), start + m.end("credit"))
        person = None
        if "person" in groups and m.group("person"):
            raw = m.group("person").strip()
            if (
                raw.casefold().rstrip(".") not in rules.not_people
                and raw.casefold() not in rules.not_people
            ):
                titled = _title(raw)
                at = start + m.start("person")
                # a name whose case was changed is no longer a substring of the text: no offsets
                person = Name(raw, at, at + len(raw)) if titled == raw else Name(titled)
        agency = None
        for key in ("agency", "agency2"):
            if key in groups and m.group(key):
                agency = Name(m.group(key), start + m.start(key), start + m.end(key))
                break
        return credit, person, agency
    return None


def _dateline(text: str, cell: _Cell, rules: _Rules, *, place_only: bool):
    """Match a dateline at the start of a block: (place or None, outlet or None, where it ends), or None."""
    for pattern in rules.datelines:
        has_outlet = "outlet" in pattern.groupindex
        if has_outlet == place_only:
            continue
        m = pattern.match(text[cell.start : cell.end])
        if not m:
            continue
        at = cell.start
        place = None
        if "place" in pattern.groupindex and m.group("place"):
            place = Name(m.group("place"), at + m.start("place"), at + m.end("place"))
        outlet = (
            Name(m.group("outlet"), at + m.start("outlet"), at + m.end("outlet"))
            if has_outlet
            else None
        )
        return place, outlet, at + m.end()
    return None


def _words(line: str) -> int:
    return len(line.split())


def _headline_like(line: str) -> bool:
    return _words(line) <= _HEADLINE_MAX_WORDS and len(line) <= 250 and not line.endswith(".")


def _prose_like(line: str) -> bool:
    return line[-1] in _TERMINAL + _CLOSERS or _words(line) >= 15


def _subheading_like(line: str) -> bool:
    return (
        _words(line) <= _SUBHEADING_MAX_WORDS
        and len(line) <= _SUBHEADING_MAX_CHARS
        and line[-1].isalnum()
        and ". " not in line
        and (line[0].isupper() or line[0].isdigit())
    )


def _clean_headline(text: str, start: int, end: int, rules: _Rules) -> Name:
    """The headline without a trailing " - Site" / " | Site" tail."""
    line = text[start:end]
    m = re.search(r"\s+[-–—|:]\s+([^-–—|:]+)$", line)
    if m and any(p.match(m.group(1).strip()) for p in rules.sites):
        end = start + m.start()
    return Name(text[start:end], start, end)


# ---------------------------------------------------------------------------------------------
# the analysis, one step per function over a shared page state


@dataclass
class _Page:
    text: str
    rules: _Rules
    cells: list[_Cell]
    lines: list[str]
    authors: list[Name] = field(default_factory=list)
    editors: list[Name] = field(default_factory=list)
    outlets: dict[str, Name] = field(default_factory=dict)  # where it was seen -> outlet
    date_published: str | None = None
    widget_titles: list[str] = field(default_factory=list)
    dateline: Name | None = None
    dateline_at: int | None = None
    dateline_end: int | None = None
    image_credit: tuple[Name, Name | None, Name | None] | None = None
    top: int | None = None  # first block of the byline/credit/dateline area
    headline_at: int | None = None
    lede_at: int | None = None


def analyze_layout(text: str) -> tuple[tuple[Block, ...], PageMetadata]:
    """Split page text into classified blocks with exact offsets and read the page's metadata."""
    rules = _rules()
    cells = [_Cell(s, e) for s, e in _split(text, rules)]
    page = _Page(text, rules, cells, [text[c.start : c.end] for c in cells])
    _mark_cue_lines(page)
    _find_dateline(page)
    _mark_caption(page)
    _mark_headline_and_lede(page)
    _mark_body(page)
    blocks = tuple(Block(c.start, c.end, c.kind, c.detail) for c in cells)  # type: ignore[arg-type]
    return blocks, _metadata(page)


def caption_credit(text: str, start: int, end: int) -> tuple[Name, Name | None, Name | None] | None:
    """The photo credit written at the end of a caption in ``text[start:end]``: (credit as
    written, photographer, agency), or None ("... Rabu (3/12/2026). (KOMPAS.com/ADI WIBOWO)")."""
    rules = _rules()
    return _credit(text, start, end, rules.credit_inline, rules, inline=True)


def _add_names(target: list[Name], names: list[Name]) -> None:
    seen = {t.text.casefold() for t in target}
    for n in names:
        if n.text.casefold() not in seen:
            target.append(n)
            seen.add(n.text.casefold())


def _mark_cue_lines(page: _Page) -> None:
    """Chrome, date, byline and credit lines: what each line says of itself."""
    text, rules = page.text, page.rules
    for cell, line in zip(page.cells, page.lines, strict=True):
        chrome = _chrome_detail(line, rules)
        if chrome:
            cell.kind, cell.detail = "chrome", chrome
            if chrome == "image-widget":
                title = re.sub(r"(?i)^(zoom-in|zoom in|lihat foto|perbesar)\s*", "", line)
                page.widget_titles.append(title.strip())
            continue
        dated = _date_line(line, rules)
        if dated:
            cell.kind, cell.detail = "byline", "date"
            iso, m = dated
            page.date_published = page.date_published or iso
            if "outlet" in m.re.groupindex and m.group("outlet"):
                at = cell.start + m.start("outlet")
                page.outlets.setdefault(
                    "date", Name(m.group("outlet"), at, at + len(m.group("outlet")))
                )
            continue
        parts = _byline_parts(text, cell, rules)
        if parts:
            for detail, names, outlet in parts:
                _add_names(page.editors if detail == "editor" else page.authors, names)
                if outlet:
                    page.outlets.setdefault("byline", outlet)
            cell.kind = "byline"
            cell.detail = "+".join(dict.fromkeys(detail for detail, _, _ in parts))
            continue
        if len(line) <= 120 and _credit(
            text, cell.start, cell.end, rules.credit_lines, rules, inline=False
        ):
            cell.kind = "credit"


def _find_dateline(page: _Page) -> None:
    """Find the dateline paragraph that opens the body ("OUTLET, PLACE –", "PLACE, OUTLET —")."""
    cells = page.cells
    for i, cell in enumerate(cells[:_HEADER_SCAN]):
        if cell.kind:
            continue
        found = _dateline(page.text, cell, page.rules, place_only=False)
        if found:
            page.dateline, outlet, page.dateline_end = found
            page.dateline_at = i
            if outlet:
                page.outlets.setdefault("dateline", outlet)
            return
    first_anchor = next((i for i, c in enumerate(cells) if c.kind in ("byline", "credit")), None)
    if first_anchor is None:
        return
    # a bare "Place - " is trusted only near the byline area, on a paragraph-length block (a
    # caption that is not yet marked may come first, so a miss does not end the search)
    for i in range(first_anchor + 1, min(len(cells), first_anchor + 8)):
        if cells[i].kind or _words(page.lines[i]) < 8:
            continue
        found = _dateline(page.text, cells[i], page.rules, place_only=True)
        if found:
            page.dateline, _, page.dateline_end = found
            page.dateline_at = i
            return


def _mark_caption(page: _Page) -> None:
    """The caption sits beside a credit line, or is a header block ending in an inline credit."""
    text, rules, cells, lines = page.text, page.rules, page.cells, page.lines
    end = page.dateline_at if page.dateline_at is not None else min(len(cells), _HEADER_SCAN)
    for i, cell in enumerate(cells[:end]):
        if cell.kind != "credit":
            continue
        if page.image_credit is None:
            page.image_credit = _credit(
                text, cell.start, cell.end, rules.credit_lines, rules, inline=False
            )
        if i + 1 < end and not cells[i + 1].kind and _words(lines[i + 1]) >= 3:
            cells[i + 1].kind = "caption"
        elif (
            i >= 2 and not cells[i - 1].kind and cells[i - 2].kind in ("byline", "chrome", "credit")
        ):
            cells[i - 1].kind = "caption"
    if page.image_credit is not None:
        return
    for i, cell in enumerate(cells[:end]):
        if cell.kind or _words(lines[i]) < 4:
            continue
        found = _credit(text, cell.start, cell.end, rules.credit_inline, rules, inline=True)
        if found:
            cell.kind = "caption"
            page.image_credit = found
            return


def _mark_headline_and_lede(page: _Page) -> None:
    """Headline and lede are the last free blocks above the byline/credit/dateline area."""
    cells, lines = page.cells, page.lines
    anchors = [i for i, c in enumerate(cells) if c.kind in ("byline", "credit", "caption")]
    if page.dateline_at is not None:
        anchors.append(page.dateline_at)
    page.top = min(anchors) if anchors else None
    if page.top is None:
        # no page furniture at all: a title line over paragraphs
        free = [i for i, c in enumerate(cells) if not c.kind]
        if len(free) >= 2 and _headline_like(lines[free[0]]):
            page.headline_at = free[0]
    else:
        free = [i for i in range(page.top) if not cells[i].kind]
        hinted = [i for i in free if lines[i] in page.widget_titles]
        if hinted:
            page.headline_at = hinted[0]
            after = [i for i in free if i > hinted[0]]
            if after and _prose_like(lines[after[0]]):
                page.lede_at = after[0]
        elif len(free) >= 2 and _prose_like(lines[free[-1]]) and _headline_like(lines[free[-2]]):
            page.headline_at, page.lede_at = free[-2], free[-1]
        elif free and _headline_like(lines[free[-1]]):
            page.headline_at = free[-1]
        # whatever sits above the headline is page header: promos, menus
        for i in free:
            if page.headline_at is not None and i < page.headline_at:
                cells[i].kind, cells[i].detail = "chrome", "header"
    if page.headline_at is not None:
        cells[page.headline_at].kind = "headline"
    if page.lede_at is not None:
        cells[page.lede_at].kind = "lede"


def _mark_body(page: _Page) -> None:
    """The rest is body and subheadings, up to a footer line after which everything is chrome."""
    cells, lines = page.cells, page.lines
    start = page.dateline_at if page.dateline_at is not None else (page.top or 0)
    in_footer = False
    last_free = max((i for i, c in enumerate(cells) if not c.kind), default=-1)
    for i, cell in enumerate(cells):
        if in_footer:
            if cell.kind != "byline":
                cell.detail = cell.detail if cell.kind == "chrome" else "footer"
                cell.kind = "chrome"
            continue
        if cell.kind == "chrome" and cell.detail == "footer" and i > start:
            in_footer = True
            continue
        if cell.kind:
            continue
        if start < i < last_free and _subheading_like(lines[i]):
            cell.kind = "subheading"
        else:
            cell.kind = "body"
    if page.dateline_at is not None:
        cells[page.dateline_at].kind, cells[page.dateline_at].detail = "body", "dateline"


def _publisher(page: _Page) -> Name | None:
    """The outlet from the dateline, else the date line, else a byline, else the copyright line."""
    for where in ("dateline", "date", "byline"):
        if where in page.outlets:
            return page.outlets[where]
    for cell, line in zip(page.cells, page.lines, strict=True):
        if cell.kind == "chrome" and cell.detail == "footer":
            for pattern in page.rules.publishers:
                m = pattern.search(line)
                if m:
                    return Name(
                        m.group("outlet"),
                        cell.start + m.start("outlet"),
                        cell.start + m.end("outlet"),
                    )
    return None


def _block_name(page: _Page, i: int | None) -> Name | None:
    if i is None:
        return None
    cell = page.cells[i]
    return Name(page.lines[i], cell.start, cell.end)


def _metadata(page: _Page) -> PageMetadata:
    headline = None
    if page.headline_at is not None:
        cell = page.cells[page.headline_at]
        headline = _clean_headline(page.text, cell.start, cell.end, page.rules)
    image = None
    if page.image_credit is not None:
        credit, person, agency = page.image_credit
        caption_at = next((i for i, c in enumerate(page.cells) if c.kind == "caption"), None)
        image = ImageCredit(
            caption=_block_name(page, caption_at),
            credit_text=credit,
            photographer=person,
            agency=agency,
        )
    return PageMetadata(
        headline=headline,
        description=_block_name(page, page.lede_at),
        authors=tuple(page.authors),
        editors=tuple(page.editors),
        publisher=_publisher(page),
        dateline=page.dateline,
        date_published=page.date_published,
        image=image,
        dateline_end=page.dateline_end,
    )
