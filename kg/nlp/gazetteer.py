"""Well-known people, organisations and places with their Wikidata ids, and the spaCy component
that marks them in a text.

The data is ``kg/nlp/data/gazetteer.jsonl``, built by ``scripts/build_gazetteer.py`` from
public sources and a curated overlay (see ``kg/nlp/data/GAZETTEER-SOURCES.md``).

Case rule, shared by :meth:`Gazetteer.lookup` and :class:`GazetteerComponent`: a surface form
without lowercase letters ("AS", "PBB", "G7") or a short one-word form with an inner capital
("IsDB") is an abbreviation and matches only as written, so "AS" never matches "as". Any other
form matches case-insensitively in ``lookup``; in a text it matches as written, capitalised word
by word and, when it has one or two words, in capitals ("KYIV"); "bank dunia" is not "Bank Dunia".

Sentence starts: a one-word match that is not an abbreviation is dropped at the start of a
sentence when its lowercase form is an Indonesian or English stop word or is listed in
``data/gazetteer-common-words.txt`` ("Lima orang ..." is not Lima, Peru), since there the capital
letter says nothing about it being a name. Mid-sentence capitals are trusted.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, get_args

from kg.errors import ConfigError
from kg.model import EntityType

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_PATH = Path(__file__).parent / "data" / "gazetteer.jsonl"
COMMON_WORDS_PATH = Path(__file__).parent / "data" / "gazetteer-common-words.txt"
LABELS: dict[str, str] = {"Person": "PER", "Organization": "ORG", "Place": "LOC"}
_SENTENCE_END = {".", "!", "?", "\n", "\n\n", "–", "—", ":", '"', "“", "”"}


@dataclass(frozen=True)
class GazetteerEntry:
    """One well-known entity: its id, core type, display name and every surface form."""

    id: str  # "Q212", or "kg:<slug>" for entries without a Wikidata id
    type: EntityType
    name: str  # preferred display name, Indonesian where one exists
    names: tuple[str, ...]  # every surface form
    wikidata: str | None = None
    extra_types: tuple[str, ...] = ()  # "Country", "City", "NewsMediaOrganization", ...
    name_en: str | None = None


def is_exact_form(form: str) -> bool:
    """Tell whether a surface form is an abbreviation that matches only as written."""
    if not any(c.islower() for c in form):
        return True
    return " " not in form and len(form) <= 5 and any(c.isupper() for c in form[1:])


def case_variants(form: str) -> tuple[str, ...]:
    """Return the spellings a form is matched under in a text: as written, capitalised and, for
    forms of one or two words (datelines: "KYIV", "TRIBUNNEWS.COM"), in capitals."""
    if is_exact_form(form):
        return (form,)
    words = form.split(" ")
    capitalised = " ".join(w[:1].upper() + w[1:] for w in words)
    upper = (form.upper(),) if len(words) <= 2 else ()
    return tuple(dict.fromkeys((form, *upper, capitalised)))


class Gazetteer:
    """Entries by id and by surface form."""

    def __init__(self, entries: Iterable[GazetteerEntry]):
        self._entries: tuple[GazetteerEntry, ...] = tuple(entries)
        self._by_id: dict[str, GazetteerEntry] = {}
        self._exact: dict[str, list[GazetteerEntry]] = {}
        self._folded: dict[str, list[GazetteerEntry]] = {}
        for entry in self._entries:
            if entry.id in self._by_id:
                raise ConfigError(f"gazetteer id {entry.id} is used twice",
                                  "give every entry its own id, or merge the two")
            self._by_id[entry.id] = entry
            for form in dict.fromkeys((entry.name, *entry.names)):
                index, key = (self._exact, form) if is_exact_form(form) else (self._folded, form.casefold())
                bucket = index.setdefault(key, [])
                if entry not in bucket:
                    bucket.append(entry)

    def get(self, id: str) -> GazetteerEntry | None:
        """Return the entry with this id ("Q212", "kg:tribunnews"), or None."""
        return self._by_id.get(id)

    def lookup(self, surface: str) -> list[GazetteerEntry]:
        """Return the entries that have this surface form (see the module's case rule); [] if none."""
        surface = " ".join(surface.split())
        found = list(self._exact.get(surface, ()))
        for entry in self._folded.get(surface.casefold(), ()):
            if entry not in found:
                found.append(entry)
        return found

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries)

    @classmethod
    def from_jsonl(cls, path: Path) -> "Gazetteer":
        """Read a gazetteer from a JSON Lines file, one entry per line."""
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            raise ConfigError(f"gazetteer file {path} does not exist",
                              "rebuild it with scripts/build_gazetteer.py or give the right path") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"gazetteer file {path} cannot be read ({exc})",
                              "check the file is UTF-8 JSON Lines") from None
        return cls(_parse_line(line, path, n) for n, line in enumerate(lines, 1) if line.strip())


def _parse_line(line: str, path: Path, n: int) -> GazetteerEntry:
    """Turn one JSON line into an entry, or raise ConfigError naming the line."""
    where = f"{path}:{n}"
    try:
        raw = json.loads(line)
        entry = GazetteerEntry(
            id=raw["id"],
            type=raw["type"],
            name=raw["name"],
            names=tuple(raw.get("names") or (raw["name"],)),
            wikidata=raw.get("wikidata"),
            extra_types=tuple(raw.get("extra_types") or ()),
            name_en=raw.get("name_en"),
        )
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{where}: not valid JSON ({exc.msg})",
                          "fix the line or rebuild with scripts/build_gazetteer.py") from None
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{where}: an entry needs 'id', 'type' and 'name' (missing {exc})",
                          "fix the line or rebuild with scripts/build_gazetteer.py") from None
    if entry.type not in get_args(EntityType):
        raise ConfigError(f"{where}: type {entry.type!r} is not one of {get_args(EntityType)}",
                          "use Person, Organization or Place")
    return entry


@lru_cache(maxsize=4)
def _load(path: Path) -> Gazetteer:
    return Gazetteer.from_jsonl(path)


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Return the gazetteer at ``path`` (default: the shipped one), read once per process."""
    return _load(Path(path or DEFAULT_PATH).resolve())


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Read the common words that are not matched as names at a sentence start."""
    lines = COMMON_WORDS_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _rank(entry: GazetteerEntry, form: str) -> tuple[int, int, int]:
    """Order entries sharing a surface form: displayed under it, then countries, then linked."""
    return (
        0 if entry.name.casefold() == form.casefold() else 1,
        0 if "Country" in entry.extra_types else 1,
        0 if entry.wikidata else 1,
    )


class GazetteerComponent:
    """spaCy component: marks gazetteer entities as ``doc.ents`` with ``kb_id_`` = entry id.

    Labels are PER, ORG and LOC. Overlapping matches keep the longest (then the earliest);
    entities already on the doc are kept where no gazetteer match overlaps them.
    """

    def __init__(self, nlp: "Language", name: str = "kg_gazetteer", path: str | None = None):
        from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
        from spacy.lang.id.stop_words import STOP_WORDS as ID_STOP
        from spacy.matcher import PhraseMatcher

        self.name = name
        self.path = path
        self.gazetteer = load_gazetteer(Path(path) if path else None)
        self._weak_words = {w.lower() for w in ID_STOP | EN_STOP} | _common_words()
        chosen: dict[str, GazetteerEntry] = {}
        for entry in self.gazetteer:
            for form in dict.fromkeys((entry.name, *entry.names)):
                for variant in case_variants(form):
                    other = chosen.get(variant)
                    if other is None or _rank(entry, form) < _rank(other, form):
                        chosen[variant] = entry
        self._exact_variants = {v for v, e in chosen.items() if is_exact_form(v)}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_entry: dict[str, list[str]] = {}
        for variant, entry in chosen.items():
            by_entry.setdefault(entry.id, []).append(variant)
        texts = [v for variants in by_entry.values() for v in variants]
        docs = iter(nlp.tokenizer.pipe(texts))
        for entry_id, variants in by_entry.items():
            self.matcher.add(entry_id, [next(docs) for _ in variants])

    def renamed(self, name: str) -> "GazetteerComponent":
        """This component under another name, sharing its phrase matcher (a third of a second to build)."""
        twin = copy.copy(self)
        twin.name = name
        return twin

    def __call__(self, doc: "Doc") -> "Doc":
        found = self.matches(doc)
        taken = {i for span in found for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = sorted([*found, *kept], key=lambda s: s.start)
        return doc

    def matches(self, doc: "Doc") -> list["Span"]:
        """Gazetteer names in ``doc`` as labelled spans, longest first where they overlap."""
        from spacy.tokens import Span
        from spacy.util import filter_spans

        spans = []
        for match_id, start, end in self.matcher(doc):
            if end - start == 1 and self._weak_sentence_start(doc, start):
                continue
            entry = self.gazetteer.get(doc.vocab.strings[match_id])
            spans.append(Span(doc, start, end, label=LABELS[entry.type], kb_id=entry.id))
        return filter_spans(spans)

    def _weak_sentence_start(self, doc: "Doc", i: int) -> bool:
        """Tell whether token i opens a sentence and is a capitalised function word there."""
        token = doc[i]
        if token.text in self._exact_variants or token.lower_ not in self._weak_words:
            return False
        return i == 0 or doc[i - 1].text.strip() in _SENTENCE_END or doc[i - 1].is_space


class GazetteerTagger:
    """spaCy component: the gazetteer's matches as token tags ("B-LOC", "I-ORG"), a model feature.

    A recognizer trained with ``TAG`` among its tok2vec attributes learns how far to trust the
    gazetteer from the corpora, instead of the gazetteer deciding spans on its own.
    """

    def __init__(self, nlp: "Language", name: str = "kg_gazetteer_tags", path: str | None = None):
        self.name = name
        self.path = path
        self.component = GazetteerComponent(nlp, name, path=path)

    def __call__(self, doc: "Doc") -> "Doc":
        for span in self.component.matches(doc):
            for i, token in enumerate(span):
                token.tag_ = ("B-" if i == 0 else "I-") + span.label_
        return doc
