"""Quote records -> ``Statement``s: speaker entity, entities talked about, when and where said."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from kg.ingest.layout import month_numbers
from kg.model import Entity, EntityType, Name, Statement
from kg.nlp.quotes import QuoteRecord, load_lexicon
from kg.nlp.wordlists import title_kinds

_DAYS = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"
_NUMERIC_DATE = re.compile(_DAYS + r"?\s*\(\s*(\d{1,2})\s*/\s*(\d{1,2})\s*(?:/\s*(\d{2,4}))?\s*\)")
_PLACE_LEAD = re.compile(r"\bdi\s+(?:[a-z]+\s+){0,2}$")


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.casefold()).split())


def parse_date(text: str, default_year: int | None = None) -> str | None:
    """The first date of saying in ``text`` as ISO: "Sabtu (29/7/2023)", "29 Juli 2023"; no year -> None."""
    m = _NUMERIC_DATE.search(text)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        y = (int(year) + (2000 if len(year) == 2 else 0)) if year else default_year
        if y and 1 <= month <= 12 and 1 <= day <= 31:
            return f"{y:04d}-{month:02d}-{day:02d}"
        return None
    months = month_numbers()
    for m in re.finditer(r"\b(\d{1,2})\s+([A-Za-z]+)\.?(?:\s+(\d{4}))?\b", text):
        month = months.get(m.group(2).casefold())
        if month is None:
            continue
        y = int(m.group(3)) if m.group(3) else default_year
        if y and 1 <= int(m.group(1)) <= 31:
            return f"{y:04d}-{month:02d}-{int(m.group(1)):02d}"
        return None
    return None


def _outside(text: str, frame: tuple[int, int], stmt: tuple[int, int]) -> list[tuple[int, int]]:
    """The parts of the frame that are not the statement itself."""
    a, b = frame
    parts = [(a, min(b, stmt[0])), (max(a, stmt[1]), b)]
    return [(x, y) for x, y in parts if y > x]


class _Speakers:
    def __init__(self, entities: Sequence[Entity], add_speaker: Callable[[Name, EntityType], str]):
        self.entities = list(entities)
        self.add_speaker = add_speaker
        self.added: dict[str, str] = {}  # speaker text -> key of an entity created for it

    def resolve(self, text: str, r: QuoteRecord) -> str | None:
        if r.speaker_start is None or r.speaker_end is None or not r.speaker_text:
            return None
        expected = "Organization" if r.speaker_kind == "organization" else "Person"
        best, best_rank = None, (False, 0)
        for e in self.entities:
            if e.type not in ("Person", "Organization"):
                continue
            for m in e.mentions:
                ov = min(m.end, r.speaker_end) - max(m.start, r.speaker_start)
                rank = (e.type == expected, ov)
                if ov > 0 and rank > best_rank:
                    best, best_rank = e, rank
        if best is not None:
            return self.fuller(best).key
        by_name = self.by_name(r.speaker_text, r.start)
        if by_name is not None:
            return by_name
        if r.speaker_kind == "title" and not self.names_a_role(r.speaker_text):
            return None  # "Warga menyebut ...": residents are no one person, the statement is unattributed
        key_text = _norm(r.speaker_text)
        if key_text in self.added:
            return self.added[key_text]
        etype: EntityType = "Organization" if r.speaker_kind == "organization" else "Person"
        key = self.add_speaker(Name(r.speaker_text, r.speaker_start, r.speaker_end), etype)
        self.added[key_text] = key
        return key

    @staticmethod
    def names_a_role(speaker: str) -> bool:
        """Whether a speaker given by title words holds an office ("Kapolri", "Presiden"), not
        a group's name the title list keeps for other uses ("Warga")."""
        return any(w.casefold() in _role_words() for w in speaker.split())

    def fuller(self, e: Entity) -> Entity:
        """The one person whose longer name contains this short name ("Ben" -> "Ben Wirawan").

        A one-word organisation counts too: the recognizer labels a lone surname ("Bayu") either way.
        """
        if e.type != "Person" and len(e.name.split()) != 1:
            return e
        # the entity's longest name must itself sit inside the other's: "Bayu Sinaga", also
        # called "Bayu", is not part of "Bayu Aji"
        mine = [max((_norm(n).split() for n in (e.name, *e.alternate_names)), key=len)]
        if not mine[0] or len(mine[0]) > 2:
            return e

        def contains(longer: list[str]) -> bool:
            return any(len(longer) > len(n) and any(longer[i:i + len(n)] == n for i in range(len(longer)))
                       for n in mine)

        longer = [o for o in self.entities if o.type == "Person" and o.key != e.key
                  and any(contains(_norm(n).split()) for n in (o.name, *o.alternate_names))]
        return longer[0] if len(longer) == 1 else e

    def by_name(self, speaker: str, at: int) -> str | None:
        """An entity the speaker text names: full name, surname, or a role title it holds."""
        s = _norm(speaker)
        if not s:
            return None
        titles = load_lexicon().titles
        words = speaker.split()
        while len(words) > 1 and words[0] in titles:  # "Menlu Retno" names Retno
            words = words[1:]
        if len(words) < len(speaker.split()):
            found = self.by_name(" ".join(words), at)
            if found is not None:
                return found
        people = [e for e in self.entities if e.type in ("Person", "Organization")]
        for e in people:
            if s in {_norm(n) for n in (e.name, *e.alternate_names)}:
                return e.key
        toks = s.split()
        for e in people:
            if e.type != "Person":
                continue
            names = [_norm(n).split() for n in (e.name, *e.alternate_names)]
            if len(toks) == 1 and any(len(n) > 1 and toks[0] in n for n in names):
                return e.key
        # a title alone ("Presiden", "Kapolri"): the person holding it, last named before the quote
        holders = []
        for e in people:
            if e.type == "Person" and any(_norm(role.title) == s or _norm(role.title).split()[:len(toks)] == toks
                                          for role in e.roles):
                before = [m.start for m in e.mentions if m.start < at]
                holders.append((max(before) if before else -1, e.key))
        if holders:
            return max(holders)[1]
        return None


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Casefolded words of the title phrases that name an office, a rank or a form of address
    (every kind but "other")."""
    return frozenset(w for phrase, kind in title_kinds().items() if kind != "other" for w in phrase)


def build_statements(
    text: str,
    records: Sequence[QuoteRecord],
    entities: Sequence[Entity],
    add_speaker: Callable[[Name, EntityType], str],
    *,
    default_year: int | None = None,
) -> tuple[Statement, ...]:
    """Turns quote records into statements linked to speaker, about, date and place entities.

    ``add_speaker`` is called for a speaker no entity names, and returns the new entity's key;
    ``default_year`` completes dates written without a year ("Senin (3/6)").
    """
    speakers = _Speakers(entities, add_speaker)
    places = [e for e in entities if e.type == "Place"]
    out = []
    for r in records:
        speaker = speakers.resolve(text, r)
        about = []
        for e in entities:
            if e.key == speaker:
                continue
            if any(r.start <= m.start and m.end <= r.end for m in e.mentions):
                about.append(e.key)
        date = location = None
        if r.frame_start is not None and r.frame_end is not None:
            parts = _outside(text, (r.frame_start, r.frame_end), (r.start, r.end))
            for a, b in parts:
                date = date or parse_date(text[a:b], default_year)
            location = _location(text, parts, places)
        out.append(Statement(mode=r.mode, text=r.text, start=r.start, end=r.end, speaker=speaker,
                             cue=r.cue, about=tuple(about), date_created=date, location=location))
    return tuple(out)


def _location(text: str, parts: list[tuple[int, int]], places: Sequence[Entity]) -> str | None:
    """The first place named after "di" in the frame: "di St Petersburg", "di kota Malang"."""
    found = []
    for e in places:
        for m in e.mentions:
            for a, b in parts:
                if a <= m.start and m.end <= b and _PLACE_LEAD.search(text[max(a, m.start - 30):m.start]):
                    found.append((m.start, e.key))
    return min(found)[1] if found else None
