"""Entity rules: people after titles and cue words, organisations and places after cue words.

The component runs after the gazetteer (and the statistical NER, when there is one) and works
alone when only the gazetteer ran before it. It

- finds people after titles ("Presiden Rusia Vladimir Putin"), beside reporting cues
  ("kata Budi Santoso", "Siti juga mengatakan") and in appositions ("Andi Wijaya, Kepala Dinas ..."),
- finds organisations and places that start with a cue word ("Polres Sleman", "Kabupaten Demak"),
- trims titles, ranks and honorifics out of person spans that other components produced,
- removes junk spans (months, days, page furniture, sentence-initial common words),
- tags later mentions of a person's surname or first name.

What it learns besides ``doc.ents`` is stored on the Doc in custom extensions:
``doc._.kg_roles`` (list of :class:`RoleSpan`), ``doc._.kg_name_forms`` (list of :class:`NameForm`:
the name as written with its rank or honorific) and ``doc._.kg_sources`` (dict from the
``(start_char, end_char)`` of each span this component made to ``"rules"``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.nlp.wordlists import (AFFIXED_NOUN, AFFIXED_WORD, VERB_FORM, business_units, read_kinds, read_lines,
                              read_table, title_kinds)

MAX_NAME_TOKENS = 5
DIRECTIONS = frozenset({"utara", "selatan", "barat", "timur", "tengah", "pusat", "raya", "laut", "daya"})
COMPASS_WORDS = DIRECTIONS | {"north", "south", "east", "west", "central", "northern", "southern", "eastern",
                              "western", "upper", "lower"}
CONNECTORS = frozenset({"dan", "untuk", "bidang", "/", "&", "-", "of", "for", "and", "urusan"})
# lower-case words inside personal names ("Mohammed bin Salman", "Ursula von der Leyen")
NAME_PARTICLES = frozenset({"bin", "binti", "ibn", "van", "von", "der", "den", "de", "da", "del", "della",
                            "du", "le", "la", "al", "el", "dos", "das"})
# words that go on with an organisation's name, never with a person's ("Institute for Development of Trade ...")
NAME_BREAKERS = frozenset({"of", "for", "untuk", "bidang", "urusan", "&"})
# lower-case words inside an English organisation's name: "Centre for Rural and Coastal Studies"
ENGLISH_JOINERS = frozenset({"and", "of", "&"})
PREPOSITIONS = frozenset({"di", "ke", "dari", "pada", "dengan", "oleh", "bagi", "untuk", "dalam", "antara"})
# separators and quote marks that never start or end a name (brackets may: "PT Pertamina (Persero)")
EDGE_PUNCT = frozenset({",", ";", ":", ".", '"', "“", "”", "‘", "’", "'", "–", "—", "-"})
# academic and professional degrees written after a name: "SH", "S.Pd", "MSi", "SpOG", "PhD"
DEGREE = re.compile(r"(?:S|M|Sp)\.?[A-Z][A-Za-z]{0,3}\.?|Ph\.?D\.?|MBA|MPH|Lc\.?|Dipl\.?")
SENTENCE_END = frozenset({".", "!", "?", "\n"})
LEGAL_FORMS = frozenset(line.casefold() for line in read_lines("legal_forms_id.txt"))
# "DEMAK, KOMPAS —", "TRIBUNNEWS.COM, DOHA –", "Jakarta (ANTARA) -": the place a story was filed from
DATELINE = re.compile(r"^(?:(?P<place>[A-Z][A-Z]+(?: [A-Z][A-Z]+)?), [A-Z][A-Za-z.]+ [–—-]"
                      r"|[A-Za-z.]+, (?P<place2>[A-Z][A-Z]+(?: [A-Z][A-Z]+)?) [–—-]"
                      r"|(?P<place3>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:\([A-Z]+\) )?[–—-] )", re.M)
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "(", "[", "–", "—", "-", ":"})


class RoleSpan(NamedTuple):
    """A role the text gives a person: character offsets of the title, the person and the role's owner."""

    title_start: int
    title_end: int
    person_start: int
    person_end: int
    of_start: int | None = None
    of_end: int | None = None


class NameForm(NamedTuple):
    """A person's name as written with its rank or honorific ("Kombes Pol Andi Sutrisno")."""

    start: int
    end: int
    person_start: int
    person_end: int


def register_extensions() -> None:
    """Registers the Doc extensions this component fills, once."""
    for name in ("kg_roles", "kg_name_forms", "kg_sources"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@dataclass(frozen=True)
class Lexicon:
    """The word lists the rules read, loaded from ``kg/nlp/data``."""

    # casefolded phrase -> role | role_place | role_local | role_field | part | modifier | rank | honorific
    titles: dict[tuple[str, ...], str]
    org_cues: frozenset[tuple[str, ...]]  # as written
    place_cues: frozenset[tuple[str, ...]]  # as written
    not_entities: dict[tuple[str, ...], str]  # casefolded phrase -> month | day | junk | function | common | document
    person_cues: dict[str, str]  # casefolded word -> after | before | filler
    max_len: int
    org_heads: frozenset[str] = frozenset()  # as written: "University" ends "Monash University"
    determiners: frozenset[str] = frozenset()  # casefolded: "the", "a", "an"
    any_cues: frozenset[tuple[str, ...]] = frozenset()  # org_cues and place_cues together
    english_calendar: frozenset[str] = frozenset()  # casefolded English-only days and months: "sunday"
    # first words of the title and cue phrases: most tokens start none, and are answered at once
    title_starts: frozenset[str] = frozenset()  # casefolded
    cue_starts: frozenset[str] = frozenset()  # as written
    business_units: frozenset[str] = frozenset()  # casefolded: "communications", "lending"
    company_cues: frozenset[str] = frozenset()  # as written: "vaksin", "maskapai"

    def match_title(self, doc: Doc, i: int, kinds: frozenset[str]) -> tuple[int, str] | None:
        """Longest title phrase of one of ``kinds`` starting at token ``i``: (end token, kind)."""
        if doc[i].text.casefold() not in self.title_starts:
            return None
        for n in range(min(self.max_len, len(doc) - i), 0, -1):
            kind = self.titles.get(tuple(t.text.casefold() for t in doc[i : i + n]))
            if kind is not None and kind != "other":
                # the longest phrase decides: "Komisaris Besar" is a rank, not the role "Komisaris"
                return (i + n, kind) if kind in kinds else None
        return None

    def match_cue(self, doc: Doc, i: int, cues: frozenset[tuple[str, ...]]) -> int | None:
        """End token of the longest cue phrase starting at token ``i``, else None."""
        if doc[i].text not in self.cue_starts:
            return None
        for n in range(min(self.max_len, len(doc) - i), 0, -1):
            if tuple(t.text for t in doc[i : i + n]) in cues:
                return i + n
        return None

    def kind_of(self, word: str) -> str | None:
        """What kind of non-entity word ``word`` is, or None."""
        return self.not_entities.get((word.casefold(),))


# Each list is read for every language kg supports and merged: the words rarely clash, and one
# lexicon serves an article whatever its language (Indonesian wins where both list a phrase).
LANGUAGES = ("id", "en")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped word lists of every language, merged (cached)."""
    titles = title_kinds()
    not_entities: dict[tuple[str, ...], str] = {}
    listed: dict[str, dict[tuple[str, ...], str]] = {}
    for language in LANGUAGES:
        listed[language] = read_kinds(f"not_entities_{language}.txt")
        not_entities = {**listed[language], **not_entities}
    english_calendar = frozenset(phrase[0] for phrase, kind in listed["en"].items()
                                 if kind in ("month", "day") and len(phrase) == 1 and phrase not in listed["id"])
    org = frozenset(tuple(row[0].split()) for lang in LANGUAGES for row in read_table(f"org_cues_{lang}.txt"))
    place = frozenset(tuple(row[0].split()) for lang in LANGUAGES for row in read_table(f"place_cues_{lang}.txt"))
    cues = {row[0].casefold(): row[1].strip() for row in read_table("person_cues_id.txt")}
    max_len = max(len(p) for p in (*titles, *org, *place, *not_entities))
    heads = frozenset(row[0].strip() for row in read_table("org_heads_en.txt"))
    determiners = frozenset(row[0].strip().casefold() for row in read_table("determiners_en.txt"))
    units = business_units()
    companies = frozenset(row[0].strip() for row in read_table("company_cues_id.txt"))
    return Lexicon(titles, org, place, not_entities, cues, max_len, heads, determiners, any_cues=org | place,
                   english_calendar=english_calendar, title_starts=frozenset(phrase[0] for phrase in titles),
                   cue_starts=frozenset(phrase[0] for phrase in org | place), business_units=units,
                   company_cues=companies)


ROLE_KINDS = frozenset({"role", "role_place", "role_local", "role_field", "role_for"})
# lower-case words inside the title of a law or a regulation ("tentang Cipta Kerja dan Perlindungan Buruh")
TITLE_JOINERS = PREPOSITIONS | {"dan", "atas", "serta", "terhadap"}
# lower-case words inside a name that its short form skips: "Stabilisasi Pasokan dan Harga Pangan (SPHP)"
LONG_FORM_JOINERS = frozenset({"dan", "serta", "untuk", "and", "of", "for", "&"})
# words that open a person's name, never end an office's: "Sri Rahayu", "Siti ...", Sasak "Lalu ..."
# and "Baiq ...", Bugis "Andi ...", Balinese "Tjokorda ...", Acehnese "Teuku ..."
NAME_OPENERS = frozenset({"Sri", "Siti", "Lalu", "Baiq", "Andi", "Tjokorda", "Cokorda", "Teuku", "Tengku", "Raden"})
# the words a Balinese name opens with after "I" or "Ni": birth order and caste ("I Made ...", "Ni Luh ...")
BALINESE_NAME_OPENERS = frozenset({
    "wayan", "gede", "putu", "made", "kadek", "nengah", "nyoman", "komang", "ketut", "luh", "gusti", "dewa"})
# royal titles and forms of address that, right after a cue word, name an institution's or a
# street's namesake ("Universitas Sultan ...", "Bandara Bung Hatta")
NAMESAKE_TITLES = frozenset({"Sultan", "Sunan", "Pangeran", "Bung"})
# "Kombes Pol", "Letjen TNI (Purn)", "Lettu (Inf)": services, status and army corps after a rank
RANK_SERVICES = frozenset({"pol", "polri", "tni", "purn", "inf", "kav", "arm", "arh", "czi", "cpm", "chb", "cba",
                           "cku", "ckm", "cpl", "caj", "cpn", "pnb", "mar"})
ROMAN_NUMERAL = re.compile(r"[IVXL]+")
HEAD_KINDS = ROLE_KINDS | {"modifier"}
PREFIX_KINDS = frozenset({"rank", "honorific"})
RANK_KINDS = frozenset({"rank"})
CONTINUE_KINDS = ROLE_KINDS | {"part"}


class _Ents:
    """The entity spans being built, with a token -> span index."""

    def __init__(self, doc: Doc, spans):
        self.doc = doc
        self.spans: list[Span] = []
        self.owner: list[Span | None] = [None] * len(doc)
        self.made: set[tuple[int, int]] = set()
        for s in spans:
            self.add(s.start, s.end, s.label_, kb_id=s.kb_id_, made=False)

    def at(self, i: int) -> Span | None:
        return self.owner[i] if 0 <= i < len(self.owner) else None

    def free(self, start: int, end: int) -> bool:
        return all(self.owner[i] is None for i in range(start, end))

    def add(self, start: int, end: int, label: str, *, kb_id: str = "", made: bool = True, swallow: bool = False):
        """Adds a span if its tokens are free (or, with ``swallow``, covered by spans lying wholly inside)."""
        if start >= end:
            return None
        if made and label == "PER" and not kb_id and not any(
                any(c.islower() for c in t.text) for t in self.doc[start:end]):
            return None  # "RT", "PT": capitals alone make an abbreviation, not a person's name
        inside = {id(s): s for s in (self.owner[i] for i in range(start, end)) if s is not None}
        for s in inside.values():
            if not swallow or s.start < start or s.end > end or s.label_ == "PER":
                return None
        for s in inside.values():
            self.remove(s)
        if not kb_id and len(inside) == 1:
            (s,) = inside.values()
            if s.label_ == label:
                kb_id = s.kb_id_  # "Kota" + a known "Surabaya" is still that place
        span = Span(self.doc, start, end, label=label, kb_id=kb_id)
        self.spans.append(span)
        for i in range(start, end):
            self.owner[i] = span
        if made:
            self.made.add((span.start_char, span.end_char))
        return span

    def was_made(self, span: Span) -> bool:
        """Whether the rules made ``span`` (else another component found it)."""
        return (span.start_char, span.end_char) in self.made

    def remove(self, span: Span) -> None:
        self.spans = [s for s in self.spans if s is not span]
        for i in range(span.start, span.end):
            if self.owner[i] is span:
                self.owner[i] = None

    def cut(self, start: int, end: int) -> None:
        """Frees tokens ``start`` to ``end``: the spans over them keep, with their labels, only
        what they hold outside."""
        for span in {id(s): s for s in (self.owner[i] for i in range(start, end)) if s is not None}.values():
            self.remove(span)
            if span.start < start:
                self.add(span.start, start, span.label_, made=False)
            if span.end > end:
                self.add(end, span.end, span.label_, made=False)

    def sorted(self) -> list[Span]:
        return sorted(self.spans, key=lambda s: s.start)


class EntityRules:
    """spaCy component: adds people, organisations and places from titles and cue words."""

    def __init__(self, nlp: Language, name: str = "kg_entity_rules"):
        self.name = name
        self.lex = load_lexicon()
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        run = _Run(doc, self.lex)
        run.apply()
        doc.ents = run.ents.sorted()
        doc._.kg_roles = run.roles
        doc._.kg_name_forms = run.forms
        present = {(s.start_char, s.end_char) for s in run.ents.spans}
        doc._.kg_sources = {key: "rules" for key in run.ents.made if key in present}
        return doc


class _Run:
    """One application of the rules to one Doc."""

    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc = doc
        self.text = doc.text  # spaCy joins the tokens again on every doc.text: read it once
        self.positions: dict[str, list[int]] = {}  # token text -> where it stands, for the scans below
        for tok in doc:
            self.positions.setdefault(tok.text, []).append(tok.i)
        self.lex = lex
        self.ents = _Ents(doc, doc.ents)
        self.roles: list[RoleSpan] = []
        self.pending: list[tuple[int, int, Span, list[Span]]] = []
        self.forms: list[NameForm] = []
        self.hints: dict[int, int] = {}  # title token -> end of the person span another component saw
        self._titlecase: dict[int, bool] = {}
        self._solo: frozenset[str] | None = None
        self._lower: frozenset[str] | None = None
        self._headlines: frozenset[str] | None = None
        self._known: dict[tuple[str, ...], str] | None = None
        self._lower_phrases: dict[str, bool] = {}
        # words of title heads and fields: "Kota" in "Wali Kota" starts no place
        self.head_tokens: set[int] = set()

    # -- token tests -------------------------------------------------------------------------
    def cap(self, tok: Token) -> bool:
        t = tok.text
        return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)

    def kind(self, word: str) -> str | None:
        """What kind of non-entity word ``word`` is in this article (see ``Lexicon.kind_of``): an
        English day or month in text of another language is a name ("Sunday Mandagi")."""
        kind = self.lex.kind_of(word)
        if kind in ("month", "day") and self.doc.lang_ != "en" and word.casefold() in self.lex.english_calendar:
            return None
        return kind

    def common(self, tok: Token) -> bool:
        return self.kind(tok.text) == "common"

    def stopword(self, tok: Token) -> bool:
        return self.kind(tok.text) in ("month", "day", "junk", "function", "document")

    def acronym(self, tok: Token) -> bool:
        t = tok.text
        return len(t) >= 3 and t.isupper() and t.isalpha()

    def name_token(self, tok: Token) -> bool:
        """A token that can be part of a person's name: capitalised word or initial, not a common word."""
        t = tok.text
        if self.initial(tok):
            return True
        if not self.cap(tok) or self.stopword(tok) or self.common(tok):
            return False
        if self.lex.match_title(self.doc, tok.i, PREFIX_KINDS | HEAD_KINDS):
            return False
        stripped = t.replace("'", "").replace("’", "").replace("-", "").rstrip(".")
        return stripped.isalpha()

    def initial(self, tok: Token) -> bool:
        """A capital letter standing for a name inside one ("Rudi S Hartono", "I Wayan"): an
        English "A" or "I" counts too when a capitalised word follows away from a sentence start."""
        t = tok.text.rstrip(".")
        if len(t) != 1 or not t.isupper() or tok.i + 1 >= len(self.doc):
            return False
        return self.cap(self.doc[tok.i + 1]) and (self.kind(t) is None or not self.sent_start(tok.i))

    def sent_start(self, i: int) -> bool:
        doc = self.doc
        j = i - 1
        while j >= 0 and doc[j].text in QUOTES:
            j -= 1
        if j < 0:
            return True
        prev = doc[j]
        if prev.text in SENTENCE_END or "\n" in prev.text or "\n" in prev.whitespace_:
            return True
        gap = self.text[prev.idx + len(prev.text) : doc[j + 1].idx]
        return "\n" in gap

    def titlecase_line(self, i: int) -> bool:
        """Whether token ``i`` stands in a headline-style line where most words are capitalised."""
        text = self.text
        idx = self.doc[i].idx
        start = text.rfind("\n", 0, idx) + 1
        if start not in self._titlecase:
            end = text.find("\n", idx)
            end = len(text) if end < 0 else end
            words = [w for w in text[start:end].split() if any(c.isalpha() for c in w)]
            caps = [w for w in words if w[0].isupper()]
            # in a headline the only lowercase words are small function words ("akan", "dengan")
            lower_ok = all(self.kind(w.strip(",.:;!?\"'“”")) == "function" or w in PREPOSITIONS
                           for w in words if not w[0].isupper())
            # a short line passes when it opens the text with every word capitalised ("Keluarga
            # Minta Doa"): what a copied page starts with is its headline
            # (not a byline: "Penulis: Rahmat Hidayat", "Oleh Rahmat Hidayat")
            first = (not text[:start].strip() and len(words) >= 3 and len(caps) == len(words)
                     and ":" not in text[start:end] and self.kind(words[0]) not in ("junk", "function"))
            self._titlecase[start] = first or (len(words) >= 4 and lower_ok and len(caps) / len(words) >= 0.6)
        return self._titlecase[start]

    def joins(self, k: int) -> bool:
        """Whether token ``k``, after "dan"/"untuk", goes on with the same name ("Riset dan Teknologi")
        rather than starting another one ("Kabupaten Demak dan Kota Semarang")."""
        doc = self.doc
        tok = doc[k]
        if not self.cap(tok) or self.lex.match_cue(doc, k, self.lex.any_cues):
            return False
        # an English name goes on past its "and"/"of" ("Centre for Rural and Coastal Studies")
        owner = self.ents.at(k)
        english = k > 0 and doc[k - 1].text in ENGLISH_JOINERS and tok.is_alpha and (
            owner is None or (owner.start == k and owner.label_ != "PER" and not owner.kb_id_))
        return self.common(tok) or self.acronym(tok) or english

    def line_of(self, i: int) -> str:
        """The line of text token ``i`` stands in."""
        text = self.text
        idx = self.doc[i].idx
        end = text.find("\n", idx)
        return text[text.rfind("\n", 0, idx) + 1 : len(text) if end < 0 else end].strip()

    def after_role(self, i: int) -> bool:
        """Whether a role phrase ("Kepala", "Kepala Desa", "Direktur Utama") ends just before token ``i``."""
        doc = self.doc
        for n in range(1, min(self.lex.max_len, i) + 1):
            kind = self.lex.titles.get(tuple(t.text.casefold() for t in doc[i - n : i]))
            if kind in ROLE_KINDS or kind == "part":
                return True
        return False

    def after_prefix(self, i: int) -> bool:
        """Whether a rank or honorific ("dr", "Kombes") ends just before token ``i``."""
        return any(self.lex.match_title(self.doc, i - n, PREFIX_KINDS) == (i, kind)
                   for n in range(1, min(self.lex.max_len, i) + 1) for kind in PREFIX_KINDS)

    def inner_space(self, k: int) -> bool:
        """Whether token ``k`` is a no-break space or the like inside a name ("Vladimir\xa0Putin")."""
        tok = self.doc[k]
        return tok.is_space and "\n" not in tok.text

    def run_end(self, j: int) -> int:
        """End of the run of free name words from token ``j`` (a no-break space may join them)."""
        doc = self.doc
        end = j
        while end < len(doc) and self.ents.at(end) is None:
            joined = (end > j and self.inner_space(end) and end + 1 < len(doc)
                      and (self.name_token(doc[end + 1]) or self.ents.at(end + 1) is not None))
            if not (self.name_token(doc[end]) or joined):
                break
            end += 1
        while end > j and doc[end - 1].is_space:
            end -= 1
        return end

    def run_start(self, end: int) -> int:
        """Start of the run of free name words that ends before token ``end`` (at most a name's length)."""
        doc = self.doc
        k = end
        while k > 0 and self.ents.at(k - 1) is None and end - k < MAX_NAME_TOKENS:
            joined = k < end and k >= 2 and self.inner_space(k - 1) and self.name_token(doc[k - 2])
            if not (self.name_token(doc[k - 1]) or joined):
                break
            k -= 1
        while k < end and doc[k].is_space:
            k += 1
        return k

    # -- the passes --------------------------------------------------------------------------
    def apply(self) -> None:
        self.compass_places()
        self.unit_names()
        self.clean_existing()
        self.join_split_names()
        self.balinese_names()
        self.companies_after_cues()
        self.places_ending_organisations()
        self.last_name_words()
        self.bracketed_names()
        self.titles()
        self.cue_people()
        self.cue_spans()
        self.head_final_organisations()
        self.listed_fields()
        self.acronyms()
        self.document_titles()
        self.headline_spans()
        self.split_at_solo_words()
        self.split_after_known_place()
        self.first_names_used_alone()
        self.propagate()
        self.finish_roles()

    def compass_places(self) -> None:
        """"[Jakarta] Selatan": a place span and the capitalised compass words right after it are
        one place, and another one than the place alone (its link, if any, is dropped)."""
        doc = self.doc
        for span in list(self.ents.spans):
            end = span.end
            while (span.label_ == "LOC" and end < len(doc) and doc[end].text.casefold() in DIRECTIONS
                   and self.cap(doc[end]) and self.ents.at(end) is None
                   and doc[end - 1].whitespace_ and "\n" not in doc[end - 1].whitespace_):
                end += 1
            if end > span.end:
                self.ents.remove(span)
                self.ents.add(span.start, end, "LOC")

    def unit_names(self) -> None:
        """"[Kodam III]/Siliwangi": an organisation span (or a place: "Markas Kodam III") that
        ends in a unit's number goes on over a slash and the capitalised name after it, as the cue
        rule reads such names."""
        doc = self.doc
        for span in list(self.ents.spans):
            end = span.end
            if span.label_ not in ("ORG", "LOC") or not self.unit_slash(end):
                continue
            self.ents.remove(span)
            self.ents.add(span.start, end + 2, span.label_, made=False)

    def clean_existing(self) -> None:
        """Drops junk spans and takes titles, ranks and honorifics out of other components' person spans."""
        self.split_at_commas()
        for span in list(self.ents.spans):
            if self.ents.at(span.start) is not span or span.kb_id_:
                continue
            start, end = span.start, span.end
            while start < end and (self.doc[start].is_space or self.loose_punct(start)):
                start += 1
            # a recognizer trained on sentences runs a span over a line break ("... Meluap\n\nBadan
            # Meteorologi"): a name ends at the break, and the words after it are read again
            end = next((k for k in range(start, end) if self.doc[k].is_space and "\n" in self.doc[k].text), end)
            end = self.before_open_bracket(start, end)  # "[Center of Law Studies (Celios]) warned"
            while end > start and (self.doc[end - 1].is_space or self.loose_punct(end - 1)):
                end -= 1
            if span.label_ != "PER":  # "[Polres Sukamaju Kombes] Budi Santoso": the rank is the name's
                end = next((k for k in range(start + 1, end) if self.rank_to_end(k, end)), end)
            if span.label_ == "PER":  # "[Budi Santoso SH]", "[Rina Wati, SE, MM]": degrees are no name
                while end - start > 1 and (DEGREE.fullmatch(self.doc[end - 1].text) or self.loose_punct(end - 1)):
                    end -= 1
            if (start, end) != (span.start, span.end):  # "Budi Santoso\n\n", "Kementerian Pertanian," from a recognizer
                self.ents.remove(span)
                span = self.ents.add(start, end, span.label_, made=False)
                if span is None:
                    continue
            toks = list(span)
            kinds = [self.kind(t.text) for t in toks]
            if all(k in ("month", "day", "junk", "function") for k in kinds) or \
                    self.lex.not_entities.get(self.words(span.start, span.end)) in ("month", "day"):
                self.ents.remove(span)  # "Sabtu", "Idul Fitri"
                continue
            if kinds[0] == "document":
                # "[Peraturan Menteri Kesehatan Nomor 9]", "[Perpres Tata Ruang]": a law or a letter
                self.ents.remove(span)
                continue
            if span.label_ == "PER" and len(toks) == 1 and (
                    self.affixed_noun(toks[0]) or (self.sent_start(span.start) and self.affixed_opening(span))):
                # "Dihubungi terpisah, ...", "Berkaca dari ...": a verb or an affixed noun opening a
                # sentence, never written as a name elsewhere, is no person
                self.ents.remove(span)
                continue
            if len(toks) == 1 and (kinds[0] == "common" or toks[0].text.casefold() in COMPASS_WORDS
                                   or self.lex.match_cue(self.doc, span.start, self.lex.place_cues) == span.end):
                self.ents.remove(span)  # "Badan", "Jalan", "[South] China Sea": a cue or compass word alone names nothing
                continue
            if len(toks) == 1 and self.sent_start(span.start) and toks[0].text.casefold() in self.lower_words:
                # "Berkebun membuat ...": a word the article also writes in lower case, opening
                # a sentence, is a common word
                self.ents.remove(span)
                continue
            if span.label_ == "PER" and len(toks) >= 2 and len({t.text.casefold() for t in toks}) == 1:
                # "[Sasaran Sasaran] operasi ...": a word written twice is a plural, no name
                self.ents.remove(span)
                continue
            if span.label_ == "PER" and self.numbered(span.end):
                # "[Pandemi Covid]-19", "[Vaksin Sinovac]-2": a name with a number after a hyphen
                # is a disease, a product or a model, no person
                self.ents.remove(span)
                continue
            if span.label_ != "PER" and self.numbered(span.end) and self.ents.at(span.end + 1) is None:
                # "[Satgas Penanganan Covid]-19": the number is part of the name
                self.ents.remove(span)
                span = self.ents.add(span.start, span.end + 2, span.label_, kb_id=span.kb_id_, made=False)
                if span is None:
                    continue
                toks = list(span)
                kinds = [self.kind(t.text) for t in toks]
            if span.label_ == "PER" and len(toks) >= 2 and self.written_lower(toks):
                # "tentang [Pembatasan Angkutan Barang]" when the story also writes "pembatasan
                # angkutan barang": a capitalised phrase of common words is a regulation, no person
                self.ents.remove(span)
                continue
            if span.label_ == "PER" and len(toks) >= 2 and self.sent_start(span.start) \
                    and (toks[0].text.casefold() in self.lower_words or self.affixed_opening(span)) \
                    and self.cap(toks[1]) and not any(t.text.isupper() for t in toks[1:]):
                # "[Kedatangan Budi] disambut ...": the common word opening the sentence is no
                # part of the name after it
                self.ents.remove(span)
                self.ents.add(span.start + 1, span.end, "PER", made=False)
                continue
            if len(toks) == 1 and self.titlecase_line(span.start) and not any(
                    not self.titlecase_line(i) and self.line_of(span.start) not in self.line_of(i)
                    for i in self.positions[toks[0].text]):
                # in a headline every word is capitalised: a word the story never repeats is no name
                self.ents.remove(span)
                continue
            nxt = span.end
            while nxt < len(self.doc) and self.inner_space(nxt):
                nxt += 1
            person = self.ents.at(nxt)
            if (span.label_ != "PER" and person is not None and person.label_ == "PER" and person.start == nxt
                    and person.kb_id_ and len(toks) == 1 and self.name_token(toks[0])):
                # "[Vladimir] [Putin]": a first name a recognizer took for a place joins the person
                self.ents.remove(span)
                self.ents.remove(person)
                self.ents.add(span.start, person.end, "PER", kb_id=person.kb_id_, made=False)
                continue
            named_after = nxt < len(self.doc) and (self.name_token(self.doc[nxt]) or person is not None)
            if span.label_ != "PER" and len(toks) >= 2 and self.after_role(span.start) \
                    and self.name_token(toks[-1]) and not self.common(toks[-1]) and not named_after \
                    and self.name_in_apposition(span.start, span.end, span, apply=False) is None:
                # "Kepala Desa [Sukamulya Darsono]": a recognizer ran the place into the person's
                # name; the title rule reads the words again. (With a name right after it, as in
                # "Direktur [Mitra Tani] Sandi Octa", or in apposition, as in "Camat [Tanah Abang],
                # Jakarta Pusat, Rudi", the span ends where the office does.)
                self.ents.remove(span)
                continue
            if span.label_ != "PER" and len(toks) <= 3 and self.after_prefix(span.start):
                # "dr [Wirastuti]", "Kombes [Yusuf]": a rank or honorific is a person's
                self.ents.remove(span)
                self.ents.add(span.start, span.end, "PER", made=False)
                continue
            if span.label_ != "PER" and self.lex.match_title(self.doc, span.start, ROLE_KINDS):
                # "[General Manager Hotel Melati Rina Sari]": a role opens it, so it is a title
                # with its office and person; the title rule reads the words again
                self.ents.remove(span)
                continue
            if span.label_ != "PER" and self.modifiers_before_role(span):
                # "[Education] Minister Nadiem Makarim": a portfolio word is part of the role
                self.ents.remove(span)
                continue
            if span.label_ == "LOC":
                org_end = self.lex.match_cue(self.doc, span.start, self.lex.org_cues)
                place_end = self.lex.match_cue(self.doc, span.start, self.lex.place_cues)
                if org_end is not None and org_end < span.end and (place_end is None or org_end > place_end):
                    # "Stasiun Meteorologi Maritim ...", "Dinas Kesehatan ...": an office, not a place
                    self.ents.remove(span)
                    self.ents.add(span.start, span.end, "ORG", made=False)
                    continue
            if span.label_ == "PER" and len(toks) >= 2 and toks[-1].text in self.lex.org_heads:
                # "[Rescue Committee]", "[Asia Foundation]": an English organisation, named head last
                self.ents.remove(span)
                self.ents.add(span.start, span.end, "ORG", made=False)
                continue
            if span.label_ == "PER" and len(toks) >= 2 and any(
                    self.lex.match_cue(self.doc, k, self.lex.org_cues) for k in range(span.start, span.end - 1)):
                # "Satgas Siaga Banjir", "Fakir Miskin Kementerian Sosial": an office word in it,
                # so no person's name; the rules read the words again
                self.ents.remove(span)
                continue
            lower = span.label_ == "PER" and next((k for k in range(1, len(toks)) if toks[k].is_alpha
                                                  and toks[k].text.islower() and toks[k].text not in NAME_PARTICLES), None)
            if lower:
                # "[Bima mengidap demam]": a name stops at a lower-case word that is no particle
                self.ents.remove(span)
                if any(self.name_token(t) for t in toks[:lower]):
                    self.ents.add(span.start, span.start + lower, "PER", made=False)
                continue
            if span.label_ == "PER":
                head = self.lex.match_title(self.doc, span.start, HEAD_KINDS | PREFIX_KINDS)
                if head:
                    # the title rule re-reads it, keeping the end this span had as the name's end
                    self.ents.remove(span)
                    if not (head[0] < span.end and all(self.unit_word(k) for k in range(head[0], span.end))):
                        self.hints[span.start] = span.end  # (but "[EVP Consumer]" holds a title and its unit, no name)
                elif self.stopword(toks[0]) and len(toks) > 1:
                    self.ents.remove(span)
                    self.ents.add(span.start + 1, span.end, "PER", made=False)
                else:
                    self.rank_inside(span)

    def rank_inside(self, span: Span) -> None:
        """"Kepala Polres [Sleman AKBP Budi Santoso]", "[Sleman AKBP] [Budi Santoso]": a rank
        inside a recognizer's person span, with a name after it, starts the person's name; the
        words before it are the office's (the title rule reads them again)."""
        doc = self.doc
        for r in range(span.start + 1, span.end):
            rank = self.lex.match_title(doc, r, RANK_KINDS)
            if rank is None or not self.cap(doc[r]):
                continue
            end = rank[0]
            if end < span.end and all(self.name_token(t) for t in doc[end:span.end]):
                self.ents.remove(span)
                self.hints[r] = span.end
            elif end == span.end and end < len(doc) and self.name_token(doc[end]):
                self.ents.remove(span)
            return

    def companies_after_cues(self) -> None:
        """"vaksin [Sinovac]", "maskapai [Sriwijaya Air]": a name right after a word for a
        company or its product is an organisation, whatever a recognizer called it."""
        doc = self.doc
        for span in list(self.ents.spans):
            if (span.label_ != "ORG" and not span.kb_id_ and span.start > 0
                    and doc[span.start - 1].text in self.lex.company_cues and self.cap(span[0])):
                self.ents.remove(span)
                self.ents.add(span.start, span.end, "ORG", made=False)

    def places_ending_organisations(self) -> None:
        """"[Ikatan Dokter] [Indonesia]", "[Polda] [Sulut]", "[Dinas Kesehatan Provinsi] [Jawa
        Tengah]": an organisation named with a cue word and the place right after it are one
        organisation, as the corpora annotate it. The gazetteer marks the place first, which keeps
        a recognizer from taking the longer name."""
        doc = self.doc
        for span in sorted(self.ents.spans, key=lambda s: s.start):
            if span.label_ != "ORG" or self.lex.match_cue(doc, span.start, self.lex.org_cues) is None:
                continue
            place = self.ents.at(span.end) if span.end < len(doc) else None
            if (place is None or place.start != span.end or place.label_ != "LOC"
                    or doc[span.end - 1].whitespace_ != " " or doc[span.end - 1].text == ")"):
                continue  # ("Ikatan Petani Lestari (IPL)": the short form closes the name)
            dangling = self.lex.match_cue(doc, span.end - 1, self.lex.place_cues) == span.end
            if not (place.kb_id_ or dangling):
                continue  # a recognizer's "place" after an organisation may be a person's name
            self.ents.remove(span)
            self.ents.remove(place)
            # made by the rules: no later rule reads a person's name out of its end
            self.ents.add(span.start, place.end, "ORG")

    def balinese_name_start(self, i: int) -> bool:
        """Whether token ``i`` is the "I" or "Ni" a Balinese name opens with ("I Made Suarjana")."""
        doc = self.doc
        return (doc[i].text in ("I", "Ni") and i + 2 < len(doc)
                and doc[i + 1].text.casefold() in BALINESE_NAME_OPENERS and self.cap(doc[i + 2]))

    def balinese_names(self) -> None:
        """"Kemenkeu [I Putu] Wirabawa": a Balinese name opens with "I" (men) or "Ni" (women) and
        a birth-order or caste name; a recognizer that left them out of the person's span leaves
        them to the office before it, "I" read as its numeral."""
        doc = self.doc
        for k in [*self.positions.get("I", ()), *self.positions.get("Ni", ())]:
            if not self.balinese_name_start(k):
                continue
            person = next((p for p in (self.ents.at(k + 1), self.ents.at(k + 2))
                           if p is not None and p.label_ == "PER" and p.start in (k + 1, k + 2)), None)
            if person is None:
                continue
            before = self.ents.at(k)
            # an office span may end at "I" or after the opener, not go on past them
            if before is not None and before.label_ != "PER" and not (
                    before.end == k + 1 or before.end == k + 2 == person.start):
                continue
            self.ents.cut(k, person.start)
            self.ents.remove(person)
            self.ents.add(k, person.end, "PER", kb_id=person.kb_id_, made=False)

    def join_split_names(self) -> None:
        """Joins a person's name a recognizer cut in two: "[Sri Wahyuni] Ratna [Dewi Lestari]"
        (pieces of a person's name with at most one free name word between them)."""
        doc = self.doc
        for span in sorted(self.ents.spans, key=lambda s: s.start):
            # right after a role the first piece may be the office ("Kepala [Dinkes Sukamaju]"),
            # but not after a rank, which only a name follows ("Komisaris Besar [FX] [Winarto]")
            if (span.label_ != "PER" or span.kb_id_ or self.ents.at(span.start) is not span
                    or (self.after_role(span.start) and not self.after_prefix(span.start))):
                continue
            k = span.end
            # "Vladimir\xa0Putin": a no-break space binds the pieces even when the second is known
            bound = k + 1 < len(doc) and self.inner_space(k) and self.ents.at(k + 1) is not None
            if bound:
                k += 1
            while k < len(doc) and k - span.end <= 1 and self.ents.at(k) is None and self.name_token(doc[k]):
                k += 1
            nxt = self.ents.at(k)
            if (nxt is None or nxt.start != k or nxt.label_ != "PER" or (nxt.kb_id_ and not bound)
                    or k - span.end > 1 or nxt.end - span.start > MAX_NAME_TOKENS
                    or "\n" in doc[span.start:nxt.end].text):
                continue
            start, end, kb_id = span.start, nxt.end, nxt.kb_id_
            self.ents.remove(span)
            self.ents.remove(nxt)
            self.ents.add(start, end, "PER", kb_id=kb_id, made=False)

    def last_name_words(self) -> None:
        """A name word right after a recognizer's person span, where the sentence goes on in
        lower case or punctuation, ends that name: "[Sri Wahyuni] Lestari said", "[Budi]
        Hartanto, ...", also when a recognizer tagged the word alone as something else ("[Sri
        Wahyuni] [Lestari]ORG said"). Never a title, a cue word, a word in capitals, or a word the
        article uses in another place's or organisation's name."""
        doc = self.doc
        for span in list(self.ents.spans):
            k = span.end
            guess = self.ents.at(k) if k < len(doc) else None
            if guess is not None and (len(guess) > 1 or guess.label_ == "PER" or guess.kb_id_
                                      or self.ents.was_made(guess)):
                continue
            if (span.label_ != "PER" or span.kb_id_ or k + 1 >= len(doc) or len(span) + 1 > MAX_NAME_TOKENS
                    or not self.name_token(doc[k])
                    or not any(c.islower() for c in doc[k].text) or DEGREE.fullmatch(doc[k].text)  # "Budi SH", "Budi MSi"
                    or self.cap(doc[k + 1]) or self.lex.match_title(doc, k, ROLE_KINDS | PREFIX_KINDS)
                    or self.lex.match_cue(doc, k, self.lex.any_cues) or self.place_like(doc[k], span, guess)):
                continue
            if guess is not None:
                self.ents.remove(guess)
            self.ents.remove(span)
            self.ents.add(span.start, k + 1, "PER", made=False)

    def first_names_used_alone(self) -> None:
        """"Covid-19 Rendra [Kusumawardana]" ... "Menurut [Rendra]": a free word before a person's
        span that the article tags alone as a person is that person's first name."""
        doc = self.doc
        alone = {s.text for s in self.ents.spans if s.label_ == "PER" and len(s) == 1}
        for span in sorted(self.ents.spans, key=lambda s: s.start):
            k = span.start - 1
            if (span.label_ != "PER" or span.kb_id_ or k < 0 or doc[k].text not in alone
                    or doc[k].text == span[0].text or not self.name_token(doc[k]) or self.acronym(doc[k])
                    or self.sent_start(k) or len(span) + 1 > MAX_NAME_TOKENS or self.place_like(doc[k], span)):
                continue  # (an acronym, or a word the article uses as an office or place, is not it)
            if self.ents.at(k) is not None:
                continue
            self.ents.remove(span)
            self.ents.add(k, span.end, "PER", made=False)

    def modifiers_before_role(self, span: Span) -> bool:
        """Whether ``span`` is only title modifiers and a role follows it."""
        i = span.start
        while i < span.end:
            found = self.lex.match_title(self.doc, i, frozenset({"modifier"}))
            if found is None or found[0] > span.end:
                return False
            i = found[0]
        return self.lex.match_title(self.doc, span.end, ROLE_KINDS) is not None

    def titles(self) -> None:
        """People after titles, and roles in appositions after names."""
        doc = self.doc
        i = 0
        while i < len(doc):
            tok = doc[i]
            owner = self.ents.at(i)
            if owner is not None or not tok.text[:1].isalpha():
                i += 1
                continue
            head = self.lex.match_title(doc, i, HEAD_KINDS | PREFIX_KINDS)
            if head is None or self.namesake_rank(i) is not None:
                i += 1
                continue
            i = self.title_at(i)

    def owner_before(self, i: int) -> Span | None:
        """The organisation or place named right before token ``i``, its short form in brackets
        aside: the owner of an English title written after it ("Jakarta police chief", "the
        agency (BGN) head")."""
        doc = self.doc
        k = i
        if k >= 3 and doc[k - 1].text == ")" and doc[k - 3].text == "(":
            k -= 3
        span = self.ents.at(k - 1) if k > 0 else None
        return span if span is not None and span.end == k and span.label_ in ("ORG", "LOC") else None

    def after_modifiers(self, i: int) -> int:
        """Where the title modifiers at token ``i`` end ("mantan", "Plt", "Pejabat Sementara (Pjs)")."""
        doc = self.doc
        j = i
        while (m := self.lex.match_title(doc, j, frozenset({"modifier"}))) is not None:
            j = m[0]
            if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
                j += 3  # "Pejabat Sementara (Pjs) Gubernur"
        return j

    def guessed_person_at(self, i: int) -> bool:
        """Whether a person span another component guessed, unlinked, starts at token ``i``."""
        span = self.ents.at(i)
        return (span is not None and span.start == i and span.label_ == "PER" and not span.kb_id_
                and not self.ents.was_made(span))

    def namesake_rank(self, i: int) -> int | None:
        """The end of a rank (or royal title) at token ``i`` that names the namesake of an
        organisation or a place, not a person's rank: right after a cue word, before a name
        ("Universitas [Jenderal] Achmad Yani", "Jalan [Jenderal] Gatot Subroto")."""
        doc = self.doc
        rank = self.lex.match_title(doc, i, RANK_KINDS)
        if rank is None and doc[i].text in NAMESAKE_TITLES:
            rank = (i + 1, "role")  # "Universitas [Sultan] Ageng Tirtayasa", "Bandara [Sultan] Hasanuddin"
        if rank is None or rank[0] >= len(doc) or not self.name_token(doc[rank[0]]):
            return None
        after_cue = any(self.lex.match_cue(doc, s, self.lex.any_cues) == i and self.cap(doc[s])
                        for s in range(max(0, i - 3), i))
        return rank[0] if after_cue else None

    def title_at(self, i: int) -> int:
        """Reads a title phrase starting at token ``i`` and the name after it; returns where to go on."""
        doc = self.doc
        hint = self.hints.get(i)
        title_start = i
        j = self.after_modifiers(i)
        head = self.lex.match_title(doc, j, ROLE_KINDS)
        role_kind = head[1] if head else None
        if head is not None:
            title_start = self.take_unit_words_before(i)  # "[External Affairs] Senior Lead"
            self.head_tokens.update(range(i, head[0]))
            over = self.ents.at(head[0] - 1)
            if over is not None and over.end > head[0] and over.label_ != "PER":
                # "Wali Kota Bogor" read by another component as the place "Kota Bogor"
                self.ents.remove(over)
                self.ents.add(head[0], over.end, over.label_, kb_id=over.kb_id_, made=False)
        lowercase_head = head is not None and doc[j].text[0].islower()
        if head is not None:
            j = head[0]
            if role_kind == "role_field":
                field_end = self.field_words(j, hint)
                lowercase_head = lowercase_head and field_end == j
                j = field_end
            j, of_spans = self.continue_title(j, lowercase_head, limit=hint,
                                              place_role=role_kind in ("role_place", "role_local"))
        else:
            of_spans = []
        if head is not None and hint is None:
            # "Kepala Puskesmas X, [Jakarta Utara], Name": places between commas before the name
            # belong to the title
            places = self.places_between_commas(j)
            if places and self.name_starts(places[-1].end + 1):
                of_spans.extend(places)
                j = places[-1].end
        title_end = j
        if head is None and title_end != i:
            return i + 1  # modifiers without a role
        prefix_start = j
        while (m := self.lex.match_title(doc, j, PREFIX_KINDS)) is not None and (hint is None or m[0] < hint):
            j = self.rank_service(m[0]) if m[1] == "rank" else m[0]
        prefix_end = j
        if prefix_end > prefix_start and hint is None:
            self.join_name_after_rank(j)
        name = self.name_after(j, hint)
        if name is None and hint is None:
            name = self.name_with_opener(j)
        if (name is not None and head is not None and hint is None and role_kind in ("role_place", "role_local")
                and self.place_read_as_a_name(*name)):
            # "Kapolres [Sukamara] dan Dandim ...": the word after the title is the region it
            # governs, which the article names elsewhere; no holder is named here
            n_start, n_end, existing = name
            if existing is not None:
                self.ents.remove(existing)
            place = self.ents.add(n_start, n_end, "LOC", made=existing is None)
            self.apposition(title_start, n_end, [*of_spans, *([place] if place is not None else [])])
            return n_end
        if name is None and head is not None and of_spans and hint is None:
            name = self.speaker_taken_for_a_place(j)
        if name is None and head is not None and prefix_end == prefix_start:
            name = self.name_after_comma(j)
        if name is None:
            if head is not None:
                self.apposition(title_start, title_end, of_spans)
            return max(title_end, i + 1)
        n_start, n_end, existing = name
        if head is not None and hint is None and (appos := self.name_in_apposition(n_start, n_end, existing)):
            # "Direktur [TaniJaya], Sariman, menyatakan": the word after the title names the office
            # (a company, a town, an airport); the name between the commas is the person's
            if existing is not None and role_kind != "role_for":  # (after "juru bicara" a name is the principal's)
                self.ents.remove(existing)
            office = of_spans[-1] if of_spans else None
            if role_kind in ("role_place", "role_local"):
                place = self.ents.add(n_start, n_end, "LOC")  # "Kepala Dusun [Ngablak], ..."
                of_spans = [*of_spans, place] if place is not None else of_spans
            elif (office is not None and office.end == n_start and office.label_ != "PER" and not office.kb_id_
                  and self.ents.free(n_start, n_end)):
                # "pakar ... Universitas Gadjah [Mada], Yogyakarta, Name,": the words left for a
                # name end the office's name
                self.ents.remove(office)
                of_spans = [*of_spans[:-1], self.ents.add(office.start, n_end, office.label_, made=False)]
            title_end, (n_start, n_end, existing) = appos
        if (existing is None and n_end + 1 < len(doc) and doc[n_end].text.casefold() in NAME_BREAKERS
                and self.cap(doc[n_end + 1])):
            # "Direktur Institute for [Development] of Trade": a word an organisation's name
            # goes on after is no person's name
            return max(title_end, i + 1)
        if existing is None and doc[n_end - 1].text in self.lex.org_heads:
            # "Ketua [Coastal Rescue Committee]": an English organisation, named head last
            self.ents.add(n_start, n_end, "ORG")
            return n_end
        if existing is None and n_start == j and hint is None and role_kind not in ("role_place", "role_local"):
            # "Ketua Koperasi Maju Lestari Wulan Sari": the name starts at a word the article
            # also uses alone; the words before it belong to the title
            k = next((k for k in range(n_start + 1, n_end - 1 if n_end - n_start > 2 else n_start + 1)
                      if doc[k].text in self.solo_words), None)
            if k is None and n_end - n_start >= 3 and doc[n_start].text not in self.solo_words:
                k = next((k for k in range(n_start + 1, n_end) if doc[k].text in self.solo_words), None)
            if k is not None:
                title_end = n_start = k
        appositive = title_start >= 2 and doc[title_start - 1].text == "," and (
            (self.ents.at(title_start - 2) is not None and self.ents.at(title_start - 2).label_ == "PER")
            or self.name_token(doc[title_start - 2]))
        if (existing is None and appositive and n_end < len(doc) and doc[n_end].text in (",", ".", ")")
                and n_end - n_start <= 2 and (not of_spans or n_start == title_end)):
            # "Budi, Kepala Desa Sukamaju, ...", "Budi, Kepala Dinas Pendidikan Kota Palu, ...":
            # the words after the role name its place, not a person
            if role_kind in ("role_place", "role_local") or of_spans:
                place = self.ents.add(n_start, n_end, "LOC")
                of_spans = [*of_spans, place] if place is not None else of_spans
            self.apposition(title_start, n_end, of_spans)
            return n_end
        # "Gubernur Gorontalo Rusli Habibie": the first word names the place the role governs
        least = 2 if role_kind == "role_local" else 3
        if (existing is None and role_kind in ("role_place", "role_local") and not of_spans
                and prefix_end == prefix_start and n_end - n_start >= least):
            k = n_start + 1
            while k < n_end - 2 and doc[k].text.casefold() in DIRECTIONS:
                k += 1
            place = self.ents.add(n_start, k, "LOC")
            if place is not None:
                of_spans.append(place)
            title_end = k
            n_start = k
        if existing is None:
            if self.titlecase_line(n_start) and hint is None:
                return max(title_end, i + 1)
            person = self.ents.add(n_start, n_end, "PER", made=hint is None)
            if person is None:
                return max(title_end, i + 1)
        else:
            person = existing
        if head is not None and title_end > title_start:
            self.record_role(title_start, title_end, person, of_spans)
        if prefix_end > prefix_start and person.start == prefix_end:
            # (only a rank right before the name makes a form of it: not "Universitas Jenderal
            # Achmad Yani Cimahi, Name")
            self.forms.append(NameForm(doc[prefix_start].idx, person.end_char, person.start_char, person.end_char))
        return person.end

    def name_in_apposition(self, n_start: int, n_end: int, existing: Span | None, *, apply: bool = True
                           ) -> tuple[int, tuple[int, int, Span | None]] | None:
        """The name between commas right after the one or two words a title rule took for its
        person, when a verb or a comma follows it: then those words belong to the title. Returns
        where the title ends (after the places between commas before the name) and the name.
        With ``apply=False`` it only looks: no span is relabelled."""
        doc = self.doc
        if (n_end - n_start > 2 or n_end >= len(doc) or doc[n_end].text != ","
                or (existing is not None and existing.kb_id_)):
            return None
        # "Kepala Dusun X, [Kelurahan Y], [Kecamatan Z], Name": places of the office
        n_end = max((place.end for place in self.places_between_commas(n_end)), default=n_end)
        appos = self.name_after_comma(n_end, apply=apply)
        if appos is None or (appos[2] is not None and appos[2].label_ != "PER"):
            return None
        after = doc[appos[1]] if appos[1] < len(doc) else None
        if after is None or not (after.text == "," or (after.is_alpha and after.text.islower())):
            return None
        return n_end, appos

    def places_between_commas(self, j: int) -> list[Span]:
        """The place spans each between two commas from the comma at token ``j`` on:
        ", [Kelurahan Y], [Jakarta Timur],"."""
        doc = self.doc
        places = []
        while j + 1 < len(doc) and doc[j].text == ",":
            place = self.ents.at(j + 1)
            if (place is None or place.label_ != "LOC" or place.start != j + 1
                    or not (place.end + 1 < len(doc) and doc[place.end].text == ",")):
                break
            places.append(place)
            j = place.end
        return places

    def name_starts(self, i: int) -> bool:
        """Whether a person's name starts at token ``i``: a person span, or a run of name words."""
        if i >= len(self.doc):
            return False
        owner = self.ents.at(i)
        if owner is not None:
            return owner.label_ == "PER" and owner.start == i
        return self.name_token(self.doc[i]) and self.run_end(i) > i

    def field_words(self, j: int, limit: int | None) -> int:
        """Where the field after an expert's role ends: "Pengamat [kebijakan publik] dari ...",
        "Psikolog [forensik] Dewi ...": up to three lower-case words that are no preposition,
        function word or verb (a me-/ber- word: "Pakar itu menilai")."""
        doc = self.doc
        k = j
        while (k < len(doc) and k - j < 3 and (limit is None or k < limit) and doc[k].is_alpha
               and doc[k].text.islower() and doc[k].text not in PREPOSITIONS
               and self.kind(doc[k].text) != "function" and not VERB_FORM.match(doc[k].text)):
            k += 1
        return k

    def field_word(self, tok: Token) -> bool:
        """A capitalised word of an office's field: a common noun ("Hukum"), an affixed noun
        ("Kebudayaan") or, in Indonesian, another affixed word ("Terpadu") the article never
        uses alone as a name."""
        if not self.cap(tok) or not tok.is_alpha:
            return False
        return (self.common(tok) or self.affixed_noun(tok)
                or (self.doc.lang_ == "id" and AFFIXED_WORD.fullmatch(tok.text.casefold()) is not None
                    and tok.text not in self.solo_words))

    def field_list_end(self, j: int, limit: int | None) -> int | None:
        """Where a comma list of fields that goes on a title ends, from the comma at ``j``:
        "Menteri Pertanian[, Perikanan Darat Terpadu, dan Ketahanan Pangan]". Every item starts with
        a field word and the list closes with "dan" or "serta" (after a comma or not) and one more
        item; a name or a title ("Bupati Bogor, dan ...") is no item. A person span a recognizer
        started on the last item's words gives them back ("[Keamanan Budi Santoso]"). Inside an
        item a place or organisation cue word is part of the field ("Pembangunan Kawasan
        Perdesaan"); after the last item it starts the office's place ("dan Peternakan Kabupaten
        Sleman")."""
        doc = self.doc
        end = len(doc) if limit is None else min(limit, len(doc))
        k, closed = j, False
        while k < end and k - j <= 12 and not closed:
            if doc[k].text == ",":
                k += 1
            if k < end and doc[k].text.casefold() in ("dan", "serta"):
                closed = True
                k += 1
            if k >= end or not self.field_word(doc[k]) or self.lex.match_title(doc, k, ROLE_KINDS):
                return None  # "Bupati Bogor, dan [Menteri] Agama": a title starts no field
            start = k
            while k < end:
                cue = k > start and self.cap(doc[k]) and self.lex.match_cue(doc, k, self.lex.any_cues)
                if closed and cue:
                    break  # "..., dan Peternakan [Kabupaten Sleman]": the office's place follows
                if not (self.field_word(doc[k]) or cue):
                    break
                owner = self.ents.at(k)
                if owner is not None and (owner.kb_id_ or owner.start < j):
                    return None
                k += 1
            if self.lex.match_cue(doc, start, self.lex.org_cues) and start + 1 < len(doc) and self.cap(doc[start + 1]):
                return None  # "Kementerian Pertanian, [Badan Pangan] Nasional, dan ...": a list of bodies
            if not closed and (k >= end or not (doc[k].text == ","
                                                or doc[k].text.casefold() in ("dan", "serta"))):
                return None
        if not closed:
            return None
        self.ents.cut(j, k)  # what a span runs on into past the list keeps its label
        self.head_tokens.update(range(j, k))  # no cue word in the list starts a place later
        return k

    def unit_word(self, k: int) -> bool:
        """Whether token ``k`` is a capitalised English word for a company's unit ("Lending")."""
        doc = self.doc
        return 0 <= k < len(doc) and self.cap(doc[k]) and doc[k].text.casefold() in self.lex.business_units

    def take_unit_words(self, j: int, limit: int | None) -> int:
        """Where the English unit words of a title starting at token ``j`` end ("EVP [Consumer
        Banking and Wealth] BNI", "Head [of Corporate Communication] ..."), ``j`` if none start
        there. Recognizer spans over them give way; a gazetteer name ends them."""
        doc = self.doc
        k = j
        while k < len(doc) and (limit is None or k < limit):
            span = self.ents.at(k)
            if span is not None and (span.kb_id_ or span.start < j):
                break
            if self.unit_word(k) or (doc[k].text in ("and", "&", "of") and self.unit_word(k + 1)
                                     and (k > j or doc[k].text == "of")):
                k += 1
            else:
                break
        self.ents.cut(j, k)
        return k

    def take_unit_words_before(self, i: int) -> int:
        """Where the English unit words written before a title head at token ``i`` start
        ("[External Affairs] Senior Lead"), ``i`` if there are none."""
        doc = self.doc
        k = i
        while k > 0 and (self.unit_word(k - 1)
                         or (doc[k - 1].text in ("and", "&") and k < i and self.unit_word(k - 2))):
            span = self.ents.at(k - 1)
            if span is not None and (span.kb_id_ or not all(
                    self.unit_word(x) or doc[x].text in ("and", "&") for x in range(span.start, k))):
                break  # ("[Foreign Affairs] Minister": a span that holds more than unit words stays)
            k -= 1
        self.ents.cut(k, i)
        return k

    def name_pair(self, j: int) -> bool:
        """Whether tokens ``j`` to ``j + 3`` are two names joined by a hyphen ("Budi-Rina")."""
        doc = self.doc
        return (j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_
                and not doc[j + 1].whitespace_ and self.name_token(doc[j]) and self.name_token(doc[j + 2])
                and not any((x := self.ents.at(k)) is not None and x.kb_id_ for k in (j, j + 2)))

    def one_holder(self, k: int) -> bool:
        """Whether a title starts at token ``k`` and one name, not two ("... Budi dan Rina"),
        follows it before the clause goes on: then a title and this one are one person's."""
        doc = self.doc
        head = self.lex.match_title(doc, k, ROLE_KINDS)
        if head is None:
            return False
        names = 0
        for t in range(head[0], min(len(doc), head[0] + 10)):
            word = doc[t].text
            if word in (",", ".", "(", ")") or (doc[t].is_alpha and word.islower() and word not in ("dan", "and")):
                break
            if word in ("dan", "and", "&"):
                return False  # "Presiden dan Wakil Presiden Budi dan Rina": two people
            names += self.cap(doc[t])
        return names > 0

    def continue_title(self, j: int, lowercase_head: bool, limit: int | None = None,
                       place_role: bool = False) -> tuple[int, list[Span]]:
        """Extends a role phrase from token ``j`` over its words, organisations and places."""
        doc = self.doc
        of_spans: list[Span] = []
        first = j
        while j < len(doc) and (limit is None or j < limit):
            k = self.take_unit_words(j, limit)
            if k > j:
                j = k  # "EVP [Consumer Banking] BNI", "Head [of Corporate Communication]"
                continue
            tok = doc[j]
            if j > first and (limit is None or j + 3 <= limit) and self.name_pair(j):
                # "Ketua tim kampanye [Budi-Rina], Hendra, ...": a ticket of two candidates named
                # together is the body's name, not the person the title belongs to
                self.ents.cut(j, j + 3)
                j += 3
                continue
            owner = self.ents.at(j)
            if owner is None or (owner.start == j and not owner.kb_id_):
                # "Kepala [BBWS] [Pemali Juana Harya Muldianto]": a name the article gives an
                # organisation or place starts here; it belongs to the title, whatever spans a
                # recognizer drew over it
                k = self.known_at(j, limit)
                covered = list({id(x): x for x in (self.ents.at(x) for x in range(j, k or j)) if x is not None}.values())
                if (k is not None and (owner is None or k != owner.end) and k < len(doc)
                        and all(not x.kb_id_ and x.start >= j for x in covered)
                        and (self.name_token(doc[k]) or self.lex.match_title(doc, k, PREFIX_KINDS)
                             or (self.ents.at(k) is not None and self.ents.at(k).label_ == "PER"))):
                    # "Kepala Pelaksana BPBD Demak Agus ...": "Demak" is a place the article knows
                    last = max(covered, key=lambda x: x.end, default=None)
                    for x in covered:
                        self.ents.remove(x)
                    known = self.ents.add(j, k, self.known_names[self.words(j, k)], made=owner is None)
                    if last is not None and last.end > k and last.label_ == "PER":
                        self.ents.add(k, last.end, last.label_, made=False)
                    if known is not None:
                        of_spans.append(known)
                        j = k
                        continue
                    break
            if owner is not None:
                if owner.label_ == "PER" or owner.start < j:
                    break
                cue_end = self.swallowed_name(owner, limit)
                if cue_end is not None:
                    # "Kepala [Dinas Sosial Rina Wulandari]": the recognizer ran the person into
                    # the office; the cue rule reads the words again and leaves the name free
                    self.ents.remove(owner)
                    label = "LOC" if self.lex.match_cue(doc, j, self.lex.place_cues) == cue_end else "ORG"
                    span = self.cue_phrase(j, cue_end, label, in_title=True, limit=limit)
                    if span is None:
                        self.ents.add(owner.start, owner.end, owner.label_, made=False)
                        break
                    of_spans.append(span)
                    j = span.end
                    if span.end < owner.end:
                        break
                    continue
                if of_spans and limit is None and self.speaker_like(owner):
                    break  # "Ketua IPL [Wahyu Sasongko] mengatakan": the title ends at its organisation
                of_spans.append(owner)
                j = owner.end
                continue
            m = self.lex.match_title(doc, j, CONTINUE_KINDS)
            if m is not None and self.cap(tok):
                j = m[0]
                continue
            end = self.lex.match_cue(doc, j, self.lex.org_cues)
            if end is not None:
                span = self.cue_phrase(j, end, "ORG", in_title=True, limit=limit)
                if span is not None:
                    of_spans.append(span)
                    j = span.end
                    continue
            end = self.lex.match_cue(doc, j, self.lex.place_cues)
            if end is not None:
                span = self.cue_phrase(j, end, "LOC", in_title=True, limit=limit)
                if span is not None:
                    of_spans.append(span)
                    j = span.end
                    continue
            if self.name_token(tok) and j + 1 < len(doc) and doc[j + 1].text.casefold() in DIRECTIONS \
                    and self.cap(doc[j + 1]) and self.ents.at(j + 1) is None:
                # "Wali Kota Tangerang Selatan ...": a name and a compass word make a place
                k = j + 1
                while k < len(doc) and doc[k].text.casefold() in DIRECTIONS and self.cap(doc[k]):
                    k += 1
                place = self.ents.add(j, k, "LOC")
                if place is not None:
                    of_spans.append(place)
                    j = k
                    continue
            if (j > first and self.cap(tok) and tok.is_alpha and self.numbered(j + 1)
                    and (limit is None or j + 3 <= limit)):
                j += 3  # "Juru Bicara ... untuk Penanganan Covid-19": a field named with a number
                continue
            if self.cap(tok) and (self.common(tok) or self.affixed_noun(tok)) and not self.opens_name(j):
                j += 1  # "Deputi Operasi Pencarian ...": an affixed noun is an office word
                continue
            if self.acronym(tok) and not self.lex.match_title(doc, j, PREFIX_KINDS):
                j += 1
                continue
            k = self.field_list_end(j, limit) if tok.text == "," and j > first else None
            if k is not None:
                j = k  # "Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi": a portfolio of fields
                continue
            if j == first and limit is None and tok.text.casefold() in ("dan", "and", "&") and self.one_holder(j + 1):
                j += 1  # "Co-Founder dan COO <company> <name>": two titles of one person
                continue
            if (tok.text.casefold() in CONNECTORS and j + 1 < len(doc) and self.cap(doc[j + 1])
                    and (j > first or tok.text.casefold() in ("bidang", "urusan"))):
                j += 1  # "Menteri Koordinator bidang Perekonomian"; never "Presiden dan ..."
                continue
            body = self.english_body_after(j) if doc.lang_ == "en" else None
            if body is not None:  # "director of the Pacific Reef Monitoring Initiative"
                of_spans.append(body)
                j = body.end
                continue
            if tok.text == "dari" and j + 1 < len(doc) and (
                    self.lex.match_cue(doc, j + 1, self.lex.org_cues)
                    or (self.ents.at(j + 1) is not None and self.ents.at(j + 1).label_ == "ORG")):
                j += 1  # "pengamat politik dari Universitas Lampung"
                continue
            if lowercase_head and j == first and tok.is_alpha and tok.text.islower() and tok.text not in PREPOSITIONS:
                j += 1  # "pengamat politik"
                continue
            if j == first and tok.text.islower() and (tok.text.capitalize(),) in self.lex.org_cues:
                j = self.field_words(j, limit)  # "Ketua [tim kampanye] Budi-Rina, ...": a body in lower case
                continue
            k = self.words_before_office(j, limit)
            if k > j:
                j = k  # "Direktur Jenderal [Pengembangan Ekspor] Kementerian Perdagangan ..."
                continue
            break
        # "Kapolres Sleman AKBP Budi": proper words standing before a rank belong to the title
        k = j
        guessed: list[Span] = []  # recognizer person spans over those words ("Rektor [Unpad] Prof Nur")
        while k < len(doc) and (limit is None or k < limit) and self.name_token(doc[k]):
            owner = self.ents.at(k)
            if owner is not None:
                if (owner.label_ != "PER" or owner.kb_id_ or owner.start != k
                        or self.ents.was_made(owner)
                        or not self.lex.match_title(doc, owner.end, PREFIX_KINDS)):
                    break
                guessed.append(owner)
                k = owner.end
                continue
            k += 1
        if k > j and k < len(doc) and self.lex.match_title(doc, k, PREFIX_KINDS) and k - j <= 3:
            for span in guessed:
                self.ents.remove(span)
            if place_role:
                place = self.ents.add(j, k, "LOC")
                if place is not None:
                    of_spans.append(place)
            j = k
        elif limit is None:
            j = self.organisation_in_title(j, of_spans)
        return j, of_spans

    def english_body_after(self, j: int) -> Span | None:
        """The organisation an English title names with "of the" / "at the" at token ``j``: an
        organisation span, or capitalised words (a place among them) that end in an
        organisation's kind ("head of the Jakarta Fire Department"). None if there is none."""
        doc = self.doc
        if not (doc[j].text in ("of", "at", "for") and j + 2 < len(doc) and doc[j + 1].text == "the"):
            return None
        owner = self.ents.at(j + 2)
        if owner is not None and owner.label_ == "ORG" and owner.start == j + 2:
            return owner
        k = j + 2
        while k < len(doc) and self.cap(doc[k]) and doc[k].is_alpha and (
                self.ents.at(k) is None or self.ents.at(k).label_ == "LOC"):
            k += 1
        if k - (j + 2) < 2 or doc[k - 1].text not in self.lex.org_heads:
            return None
        for x in {id(x): x for x in (self.ents.at(i) for i in range(j + 2, k)) if x is not None}.values():
            if x.start < j + 2 or x.end > k:
                return None
            self.ents.remove(x)
        return self.ents.add(j + 2, k, "ORG")

    def join_name_after_rank(self, j: int) -> None:
        """"Irjen RD [Teguh Prakoso] [Simatupang]": after a rank, the free name words and the
        unlinked place or organisation spans a recognizer drew up to a person span are that
        person's name."""
        doc = self.doc
        k, pieces = j, []
        while k < len(doc) and k - j < MAX_NAME_TOKENS:
            owner = self.ents.at(k)
            if owner is None and self.name_token(doc[k]):
                k += 1
            elif (owner is not None and owner.start == k and owner.label_ != "PER" and not owner.kb_id_
                  and all(self.name_token(t) for t in owner)):
                pieces.append(owner)
                k = owner.end
            else:
                break
        person = self.ents.at(k) if k < len(doc) else None
        if person is None and pieces and k - j <= MAX_NAME_TOKENS and k < len(doc) and (
                doc[k].text == "," or (doc[k].is_alpha and doc[k].text.islower())):
            # "Irjen [RZ] [Hendra Wicaksono Siregar] meminta": initials, then the rest of the name
            # taken for a place, and a verb: the whole is the person's name
            for span in pieces:
                self.ents.remove(span)
            self.ents.add(j, k, "PER", made=False)
            return
        if (not pieces or person is None or person.label_ != "PER" or person.start != k or person.kb_id_
                or person.end - j > MAX_NAME_TOKENS):
            return
        for span in (*pieces, person):
            self.ents.remove(span)
        self.ents.add(j, person.end, "PER", made=False)

    def rank_service(self, j: int) -> int:
        """Where the service and status words after a rank end: "Kombes [Pol]", "Letjen [TNI (Purn)]",
        "Mayor Jenderal [(TNI)]". Entity spans a recognizer drew over them are dropped."""
        doc = self.doc
        k = j
        while k < len(doc):
            if doc[k].text.casefold().rstrip(".") in RANK_SERVICES:
                k += 1
            elif (doc[k].text == "(" and k + 2 < len(doc) and doc[k + 2].text == ")"
                  and doc[k + 1].text.casefold().rstrip(".") in RANK_SERVICES):
                k += 3
            else:
                break
        for i in range(j, k):
            owner = self.ents.at(i)
            if owner is not None and not owner.kb_id_ and owner.start >= j and owner.end <= k:
                self.ents.remove(owner)
        return k

    def words_before_office(self, j: int, limit: int | None) -> int:
        """The end of up to four free capitalised words from token ``j`` that an organisation or
        place follows (a cue word or a span), so that they belong to the title before it: a
        person's name comes last in a title, not before an office. ``j`` when there are none."""
        doc = self.doc
        k = j
        while (k < len(doc) and k - j < 4 and (limit is None or k < limit) and self.cap(doc[k])
               and doc[k].is_alpha and self.ents.at(k) is None and not self.lex.match_title(doc, k, PREFIX_KINDS)
               and self.lex.match_cue(doc, k, self.lex.any_cues) is None):
            k += 1
        if k == j or k >= len(doc) or (limit is not None and k >= limit):
            return j
        office = self.ents.at(k)
        if (office is not None and office.start == k and office.label_ != "PER") or \
                self.lex.match_cue(doc, k, self.lex.any_cues) is not None:
            return k
        return j

    def swallowed_name(self, span: Span, limit: int | None) -> int | None:
        """The end of the cue starting ``span`` when a recognizer's organisation or place span in a
        title may hold the person's name too: it opens with a cue, ends in a name word, and no
        name follows it. Else None."""
        doc = self.doc
        if span.kb_id_ or self.ents.was_made(span) or len(span) < 3:
            return None
        if limit is not None and span.end > limit:
            return None
        cue_end = self.lex.match_cue(doc, span.start, self.lex.any_cues)
        if cue_end is None or cue_end >= span.end - 1:
            return None
        last = doc[span.end - 1]
        if not self.name_token(last) or self.acronym(last):
            return None
        nxt = span.end
        while nxt < len(doc) and self.inner_space(nxt):
            nxt += 1
        if nxt < len(doc) and (self.name_token(doc[nxt]) or self.ents.at(nxt) is not None):
            return None
        after = self.ents.at(nxt + 1) if nxt + 1 < len(doc) and doc[nxt].text == "," else None
        if after is not None and after.label_ == "PER" and after.start == nxt + 1:
            return None  # "Pengamat dari [Universitas Gadjah Mada], Rudi Hartono,": the name comes after
        return cue_end

    def organisation_in_title(self, j: int, of_spans: list[Span]) -> int:
        """Extends a title over an organisation's name before the person's name; returns the title's end.

        "Ketua Paguyuban Nelayan Pesisir (Panel) Darmaji": the run of capitalised words goes on to
        a word no person's name has (a bracketed abbreviation, a known place, a common word); the
        plain words after it are the person's.
        """
        doc = self.doc
        k = orgish = cue_end = j
        while k < len(doc):
            tok = doc[k]
            owner = self.ents.at(k)
            if (owner is not None and len(owner) == 1 and not owner.kb_id_ and k > orgish
                    and not self.ents.was_made(owner) and self.name_token(tok)
                    and not (owner.end < len(doc) and self.cap(doc[owner.end]))):
                break  # "Rina Kartika [Sari]": a lone word a recognizer guessed ends a name, not an organisation
            if owner is not None:
                if owner.label_ == "PER" or owner.start < k or (of_spans and self.speaker_like(owner)):
                    break
                k = orgish = owner.end
                continue
            if (self.lex.match_title(doc, k, PREFIX_KINDS) or self.balinese_name_start(k)
                    or (orgish == k and self.opens_name(k))):  # (right after an office's name)
                orgish = k  # "Polda Riau Komisaris Besar Budi", "Kemenkeu I Putu ...": the name starts here
                break
            end = self.lex.match_cue(doc, k, self.lex.any_cues)
            if end is not None and self.cap(tok):
                k = orgish = cue_end = end
                continue
            if self.cap(tok) and (self.common(tok) or self.acronym(tok)):
                k = orgish = k + 1
                continue
            if tok.text == "(" and k + 2 < len(doc) and doc[k + 2].text == ")" and self.cap(doc[k + 1]):
                k = orgish = k + 3
                continue
            if tok.text.casefold() in CONNECTORS and k > j and k + 1 < len(doc) and self.cap(doc[k + 1]):
                k += 1
                continue
            if self.name_token(tok):
                k += 1
                continue
            break
        if orgish == j:
            return j
        proper = k - orgish
        keep = max(1, proper - 2) if orgish == cue_end and proper else max(0, proper - 4)
        end = orgish + keep
        i = j
        while i < end:
            owner = self.ents.at(i)
            if owner is not None:
                of_spans.append(owner)
                i = owner.end
                continue
            for cues, label in ((self.lex.org_cues, "ORG"), (self.lex.place_cues, "LOC")):
                c_end = self.lex.match_cue(doc, i, cues)
                if c_end is not None and c_end < end:
                    span = self.cue_phrase(i, c_end, label, limit=end)
                    if span is not None:
                        of_spans.append(span)
                        i = span.end - 1
                        break
            i += 1
        return end

    def cue_phrase(self, start: int, cue_end: int, label: str, *, in_title: bool = False,
                   limit: int | None = None) -> Span | None:
        """A span from a cue word over the name after it ("Universitas Gadjah Mada").

        In a title ("Direktur Utama PT Maju Jaya Budi Santoso") the proper words at the end are
        left for the person's name.
        """
        doc = self.doc
        j = cue_end
        orgish = cue_end  # end of the last word that cannot be part of a person's name
        person_next = False  # whether a recognizer's person span starts where the words end
        namesake_end = None  # end of a namesake's rank or title after the cue ("Universitas Sultan")
        while j < len(doc) and (limit is None or j < limit):
            tok = doc[j]
            owner = self.ents.at(j)
            if (owner is not None and j == cue_end and owner.start == j and owner.label_ == "PER" and len(owner) >= 3
                    and not owner.kb_id_ and not self.ents.was_made(owner)
                    and not self.balinese_name_start(j)):
                # "Kampung [Sawah Indah Budi]" where the article also writes "Kampung Sawah Indah,": the
                # first words are the place's name, the person's starts after them
                cut = next((k for k in range(j + 1, owner.end - 1) if self.used_apart(j, k)), None)
                if cut is not None:
                    self.ents.remove(owner)
                    self.ents.add(cut, owner.end, "PER", made=False)
                    j = orgish = cut
                    continue
            if owner is not None and j == namesake_end and self.guessed_person_at(j):
                self.ents.remove(owner)  # "Bandara Bung [Hatta]": the namesake's name is the place's
                owner = None
            if owner is not None and in_title and owner.start == j and self.holds_the_name(owner, j == cue_end):
                self.ents.remove(owner)  # read its words again: the name at its end is the person's
                owner = None
            if owner is not None:
                if owner.label_ == "PER" or owner.start < j or (in_title and self.swallowed_name(owner, limit)):
                    # (the title reads an office span that swallowed the person's name again)
                    person_next = owner.label_ == "PER" and owner.start == j
                    break
                j = orgish = owner.end
                continue
            if self.name_after_office(j, cue_end, label):
                orgish = j  # "Kemenkeu [I Putu] Wirabawa", "Dinas X [Lalu] Ahmad": a person's name starts here
                break
            namesake = self.namesake_rank(j) if j == cue_end else None
            if namesake is not None and (self.ents.at(namesake) is None or self.guessed_person_at(namesake)):
                j = orgish = namesake_end = namesake  # "Universitas Jenderal Achmad Yani": the rank is the namesake's
                continue
            if j > cue_end and doc[j - 1].text in ENGLISH_JOINERS and self.cap(tok) and tok.is_alpha:
                j = orgish = j + 1  # "Institute for Research of [Energy] and [Mining]"
                continue
            if self.lex.match_title(doc, j, PREFIX_KINDS | ROLE_KINDS) and not self.common(tok):
                if self.lex.match_title(doc, j, PREFIX_KINDS):
                    orgish = j  # the rank or honorific starts the person's name
                break
            place_end = self.lex.match_cue(doc, j, self.lex.place_cues) if label == "ORG" else None
            if place_end is not None and place_end < len(doc) and self.name_token(doc[place_end]):
                j = orgish = place_end + 1  # "Dinas Kesehatan Kota Bandung"
                continue
            if self.cap(tok) and (self.common(tok) or self.acronym(tok)):
                j = orgish = j + 1
                continue
            if tok.like_num and (tok.text.isdigit() or tok.text.isupper()) and j == cue_end:
                j = orgish = j + 1
                continue
            if tok.text == "(" and j + 2 < len(doc) and doc[j + 2].text == ")" and self.cap(doc[j + 1]):
                if self.common(doc[j + 1]):
                    j = orgish = j + 3  # "PT Pertamina (Persero)"
                    continue
                orgish = j  # "Paguyuban Nelayan Pesisir (Panel)": the abbreviation closes the name
                break
            if j > cue_end and tok.text == "-" and self.name_pair(j - 1) and self.ents.at(j + 1) is None:
                j = orgish = j + 2  # "Bandara Adi-Sucipto", "Tol Jakarta-Cikampek": one name
                continue
            if j > cue_end and self.unit_slash(j):
                j = orgish = j + 2  # "Kodam III/Siliwangi", "Kodim 0618/Bandung": a unit's number and name
                continue
            if tok.text.casefold() in CONNECTORS and j > cue_end and j + 1 < len(doc) and self.joins(j + 1):
                j += 1
                continue
            if j > cue_end and self.numbered(j):
                # "Satgas Penanganan Covid-19": the number ends the name, but for the region the
                # office serves ("... Covid-19 Kota Depok", "... Covid-19 [Kendari]")
                j = orgish = j + 2
                region = self.ents.at(j) if j < len(doc) else None
                place_end = self.lex.match_cue(doc, j, self.lex.place_cues) if label == "ORG" else None
                if region is not None and region.label_ == "LOC" and region.start == j:
                    j = orgish = region.end
                elif place_end is not None and place_end < len(doc) and self.name_token(doc[place_end]) \
                        and self.ents.at(place_end) is None:
                    j = orgish = place_end + 1
                break
            if self.name_token(tok) or (tok.text.isupper() and tok.is_alpha):
                j += 1
                continue
            break
        if in_title and j > orgish:
            proper = j - orgish
            if orgish == namesake_end:  # "Universitas Sultan [Ageng Tirtayasa] Budi Santoso": a namesake has a name
                keep = max(1, proper - 2)
            elif orgish == cue_end:  # "Polres Sleman Budi Santoso": the first proper word is the organisation's
                keep = 1 if label == "LOC" else max(1, proper - 2)
            else:
                keep = max(0, proper - 4)
            solo = next((k for k in range(orgish + (1 if orgish == cue_end else 0), j)
                         if doc[k].text in self.solo_words), None)
            opener = next((k for k in range(max(orgish, cue_end + 1), j - 1) if doc[k].text in NAME_OPENERS), None)
            if person_next:
                keep = proper  # "Pemimpin Front Pembela Islam [Rizal Hasibuan]": the name is the span's
            elif solo is not None:
                keep = solo - orgish  # the person's name starts at a word the article uses alone
            elif opener is not None:
                keep = opener - orgish  # "Direktur RSUD Sukamaju [Sri] Indah Wulandari": a word names open with
            elif (known := max((k for k in range(orgish, j - 1) if self.place_like(doc[k], None)),
                               default=None)) is not None:
                keep = known + 1 - orgish  # "PT [Pertamina] Rina Kartika Sari": the office ends at a
                # word the article uses in another organisation's or place's name
            j = orgish + keep
        while j > cue_end and doc[j - 1].text.casefold() in CONNECTORS:
            j -= 1
        if j == cue_end:
            return None
        return self.ents.add(start, j, label, swallow=True)

    def holds_the_name(self, span: Span, after_cue: bool) -> bool:
        """Whether a recognizer's place or organisation span inside a title's office ran the
        person's name into itself, with no name after it: "Kepala Puskesmas [Sukamaju Wulan]
        mengatakan ... kata Wulan" (right after the cue, a name the article uses alone), "Staf
        Ahli Badan X Bidang [Penanggulangan Bencana Rina Wati] menyampaikan" (office words, then
        two name words)."""
        doc = self.doc
        if span.label_ == "PER" or span.kb_id_ or self.ents.was_made(span):
            return False
        if after_cue and self.speaker_like(span) and span[-1].text in self.solo_words:
            return True
        return (len(span) >= 3 and self.common(span[0]) and all(self.name_token(t) for t in span[-2:])
                and span.end < len(doc) and (doc[span.end].text == "," or doc[span.end].is_lower))

    def name_after(self, j: int, hint: int | None) -> tuple[int, int, Span | None] | None:
        """The person's name starting at token ``j``: (start, end, existing PER span or None)."""
        doc = self.doc
        if j >= len(doc):
            return None
        owner = self.ents.at(j)
        if owner is not None:
            return (owner.start, owner.end, owner) if owner.label_ == "PER" and owner.start == j else None
        end = hint if hint is not None else j
        if hint is None:
            end = self.run_end(j)
        if end <= j or end - j > MAX_NAME_TOKENS:
            return None
        if not self.name_token(doc[j]):
            return None
        gap = end
        while gap < len(doc) and doc[gap].is_space and "\n" not in doc[gap].text:
            gap += 1
        after = self.ents.at(gap) if gap < len(doc) else None
        if after is not None and after.start != gap:
            after = None
        if after is not None and hint is None and after.label_ != "PER" and len(after) == 1 and not after.kb_id_ \
                and not self.ents.was_made(after) and self.name_token(doc[gap]) \
                and gap + 1 < len(doc) and not self.cap(doc[gap + 1]):
            # "Rina Kartika [Sari]": a lone last word a recognizer took for a place ends the name
            self.ents.remove(after)
            return j, gap + 1, None
        if after is not None and after.label_ == "PER" and hint is None:
            # "Vladimir" + a known "Putin": one name, keeping what the other component linked
            kb_id = after.kb_id_
            self.ents.remove(after)
            span = self.ents.add(j, after.end, "PER", kb_id=kb_id)
            return (j, after.end, span) if span is not None else None
        return j, end, None

    def speaker_taken_for_a_place(self, j: int) -> tuple[int, int, Span] | None:
        """"Ketua Umum IPL [Wahyu Sasongko] mengatakan": after a title that already names its
        organisation, an unlinked place or organisation span of two or more name words, followed
        by a verb or a comma, is the person the title belongs to."""
        owner = self.ents.at(j)
        if owner is None or owner.start != j or not self.speaker_like(owner):
            return None
        return self.as_person(owner)

    def name_after_office(self, j: int, cue_end: int, label: str) -> bool:
        """Whether a person's name starts at token ``j`` inside a cue phrase that ``cue_end`` ends
        the cue of. Right after a place's cue such a name is the place's namesake ("Jalan [Sri]
        Rejeki", "Bandara [I Gusti] Ngurah Rai"); after an office's cue, a Balinese one is the
        person's ("Kemenkeu [I Putu] Wirabawa")."""
        if j == cue_end:
            return label == "ORG" and self.balinese_name_start(j)
        return self.balinese_name_start(j) or self.opens_name(j)

    def opens_name(self, j: int) -> bool:
        """Whether token ``j`` is a word a name opens with, before a name word: "[Lalu] Ahmad
        Fauzi", but not "Lalu Lintas" (traffic), whose next word is a common one."""
        doc = self.doc
        return (doc[j].text in NAME_OPENERS and j + 1 < len(doc) and self.name_token(doc[j + 1])
                and not self.common(doc[j + 1]))

    def name_with_opener(self, j: int) -> tuple[int, int, Span] | None:
        """"Kepala Dinas ... [Lalu] Ahmad Fauzi": a name that opens with a word that is also a common
        one (Sasak "Lalu", "then") is read from that word, and made a person span."""
        doc = self.doc
        if not self.opens_name(j) or self.ents.at(j) is not None:
            return None
        rest = self.name_after(j + 1, None)
        if rest is None:
            return None
        if rest[2] is not None:
            self.ents.remove(rest[2])
        person = self.ents.add(j, rest[1], "PER", made=rest[2] is None)
        return (j, rest[1], person) if person is not None else None

    def place_read_as_a_name(self, start: int, end: int, existing: Span | None) -> bool:
        """Whether the one word a title rule took for a name (free, or another component's
        unlinked person span), with no name after it, is a word the article writes elsewhere
        inside a place or an organisation ("KPU Kabupaten [Sukamara]")."""
        doc = self.doc
        if end - start != 1 or (end < len(doc) and self.name_token(doc[end])):
            return False
        if existing is not None and (existing.label_ != "PER" or existing.kb_id_
                                     or self.ents.was_made(existing)):
            return False
        return any(k != start and (other := self.ents.at(k)) is not None and other.label_ != "PER"
                   for k in self.positions.get(doc[start].text, ()))

    def as_person(self, span: Span) -> tuple[int, int, Span] | None:
        """Relabels another component's span as a person's name: (start, end, new span)."""
        self.ents.remove(span)
        person = self.ents.add(span.start, span.end, "PER", made=False)
        return (person.start, person.end, person) if person is not None else None

    def speaker_like(self, span: Span) -> bool:
        """Whether another component's place or organisation span reads as a person's name: two
        to five name words, no cue word, unlinked, and a verb or a comma after it."""
        doc = self.doc
        if (span.label_ == "PER" or span.kb_id_ or self.ents.was_made(span)
                or not 2 <= len(span) <= MAX_NAME_TOKENS or not all(self.name_token(t) for t in span)
                or self.lex.match_cue(doc, span.start, self.lex.any_cues) is not None
                or span.end >= len(doc)):
            return False
        after = doc[span.end]
        return after.text == "," or (after.is_alpha and after.text.islower())

    def lone_speaker_between_commas(self, span: Span) -> bool:
        """An unlinked one-word place or organisation span followed by a comma and a me-/ber- verb,
        where the article never uses that word as a place ("di Wulan") or inside another name."""
        doc = self.doc
        end = span.end
        return (len(span) == 1 and not span.kb_id_ and not self.ents.was_made(span)
                and self.name_token(span[0]) and not self.acronym(span[0])
                and end + 1 < len(doc) and doc[end].text == "," and VERB_FORM.fullmatch(doc[end + 1].text) is not None
                and not self.place_like(span[0], span))

    def name_after_comma(self, j: int, *, apply: bool = True) -> tuple[int, int, Span | None] | None:
        """"Anggota KPU, Budi Santoso, mengatakan": the name between commas after a title. A place
        span a recognizer drew over the name is relabelled, unless ``apply`` is False (then the
        name comes back without a span)."""
        doc = self.doc
        if j + 1 >= len(doc) or doc[j].text != ",":
            return None
        owner = self.ents.at(j + 1)
        if owner is not None:
            end = owner.end
            if owner.start != j + 1:
                return None
            # "Kepala Puskesmas Sukamaju, [Wulan], mengatakan", "Kepala Dinas Kesehatan Kota
            # Bandung, [Ratna Wulandari], mengatakan": a name a recognizer took for one more place
            # of the title, before a verb or a comma, is the person the title belongs to
            if owner.label_ != "PER":
                if not (self.lone_speaker_between_commas(owner) or self.speaker_like(owner)):
                    return None
                if not apply:
                    return owner.start, owner.end, None
                return self.as_person(owner)
        else:
            end = self.run_end(j + 1)
            if end == j + 1 or end - (j + 1) > MAX_NAME_TOKENS - 1:
                return None
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and nxt.text not in (",", ".") and not (nxt.is_alpha and nxt.text.islower()):
            return None
        joiner = end + 1 if nxt is not None and nxt.text == "," else end  # "Budi dan", "Budi, dan"
        if (joiner < len(doc) and doc[joiner].text.casefold() in ("dan", "atau", "serta")
                and not (joiner + 1 < len(doc) and self.lex.match_title(doc, joiner + 1, HEAD_KINDS))):
            # "Kepala Dinas Pertanian, Perikanan, dan Peternakan": a list of fields (but "..., Budi,
            # dan pengajar ... , Rina," lists people with their titles)
            return None
        return j + 1, end, owner

    @property
    def lower_words(self) -> frozenset[str]:
        """The words the article writes in lower case."""
        if self._lower is None:
            self._lower = frozenset(t.text for t in self.doc if t.is_alpha and t.text.islower())
        return self._lower

    def unit_slash(self, i: int) -> bool:
        """Whether token ``i`` is a slash between a unit's number and a free capitalised name
        ("Kodam III/Siliwangi")."""
        doc = self.doc
        return (0 < i < len(doc) - 1 and doc[i].text == "/" and self.cap(doc[i + 1]) and self.ents.at(i + 1) is None
                and (doc[i - 1].like_num or ROMAN_NUMERAL.fullmatch(doc[i - 1].text) is not None))

    def numbered(self, i: int) -> bool:
        """Whether token ``i`` is a hyphen written right against a number after it ("Covid-19")."""
        doc = self.doc
        return (0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_
                and not doc[i].whitespace_ and doc[i + 1].text[:1].isdigit())

    def affixed_noun(self, tok: Token) -> bool:
        """An Indonesian abstract noun made with ke-/pe-/per- ... -an ("Pencarian", "Kesiapsiagaan"):
        a word of an office or a field, no name (a place such as "Pekalongan" has the shape too,
        and is no person either)."""
        return self.doc.lang_ == "id" and AFFIXED_NOUN.fullmatch(tok.text.casefold()) is not None

    def affixed_opening(self, span: Span) -> bool:
        """Whether the first word of ``span`` has the shape of an affixed Indonesian verb or noun
        ("Dihubungi", "Keberpihakan") and the article never writes it as a name elsewhere: alone
        away from a sentence start, or inside another person's span. Indonesian text only
        ("Bernard", "Terrence" have the shape too)."""
        word = span[0].text
        if self.doc.lang_ != "id" or not AFFIXED_WORD.fullmatch(word.casefold()) or word in self.solo_words:
            return False
        return not any(other is not span and other.label_ == "PER" and any(t.text == word for t in other)
                       for other in self.ents.spans)

    def written_lower(self, toks) -> bool:
        """Whether the article also writes every word of ``toks`` in lower case (acronyms aside)."""
        words = [t for t in toks if t.is_alpha and not self.acronym(t)]
        return bool(words) and all(t.text.casefold() in self.lower_words for t in words)

    def named_elsewhere(self, tok: Token) -> bool:
        """Whether the article writes ``tok`` as a name elsewhere: alone away from a sentence start
        ("kata Budi"), or inside another component's person span ("Budi Santoso")."""
        return tok.text in self.solo_words or any(
            (span := self.ents.at(i)) is not None and span.label_ == "PER" and span.start != tok.i
            for i in self.positions[tok.text] if i != tok.i)

    @property
    def solo_words(self) -> frozenset[str]:
        """Capitalised words the text also uses alone, away from a sentence start: first names and
        surnames that stand for a person mentioned in full elsewhere ("kata Yoanita")."""
        if self._solo is None:
            doc = self.doc
            words = set()
            for t in doc:
                if not self.name_token(t) or self.sent_start(t.i):
                    continue
                before = doc[t.i - 1] if t.i > 0 else None
                after = doc[t.i + 1] if t.i + 1 < len(doc) else None
                if ((before is None or not self.cap(before) or (self.stopword(before) and not self.initial(before))
                     or before.text.casefold() in self.lex.person_cues)
                        and (after is None or not self.cap(after))):
                    words.add(t.text)
            self._solo = frozenset(words)
        return self._solo

    def apposition(self, title_start: int, title_end: int, of_spans: list[Span]) -> None:
        """Records "Name, Title" when a role phrase follows a name and a comma."""
        doc = self.doc
        comma = self.apposition_comma(title_start)
        if comma is None:
            return
        end = title_end
        # "Kepala Dusun X, Kelurahan Y, Kecamatan Z": the role goes on over places
        while end + 1 < len(doc) and doc[end].text == ",":
            cue = self.lex.match_cue(doc, end + 1, self.lex.any_cues)
            owner = self.ents.at(end + 1)
            if owner is not None and owner.label_ in ("LOC", "ORG") and owner.start == end + 1 and cue:
                of_spans.append(owner)
                end = owner.end
                continue
            if cue is None:
                break
            label = "LOC" if self.lex.match_cue(doc, end + 1, self.lex.place_cues) else "ORG"
            span = self.cue_phrase(end + 1, cue, label)
            if span is None:
                break
            of_spans.append(span)
            end = span.end
        person = self.name_before(comma)
        if person is not None:
            self.record_role(title_start, end, person, of_spans)

    def apposition_comma(self, title_start: int) -> int | None:
        """The comma that opens an apposition ending in the title at ``title_start``: right before
        it, or in English before an article and a possessive ("X, the company's president director")."""
        doc = self.doc
        if title_start >= 2 and doc[title_start - 1].text == ",":
            return title_start - 1
        if doc.lang_ != "en":
            return None
        for k in range(title_start - 1, max(1, title_start - 4), -1):
            if doc[k].text.casefold() in self.lex.determiners:
                return k - 1 if doc[k - 1].text == "," and k >= 2 else None
            if not (doc[k].text in ("'s", "’s") or doc[k].is_lower):
                return None
        return None

    def name_before(self, comma: int) -> Span | None:
        """The person span ending just before token ``comma``, made from a capitalised run if needed."""
        doc = self.doc
        owner = self.ents.at(comma - 1)
        if owner is not None:
            return owner if owner.label_ == "PER" else None
        k = self.run_start(comma)
        if k == comma or self.titlecase_line(k):
            return None
        prev = doc[k - 1] if k > 0 else None
        ok = (prev is None or self.sent_start(k)
              or self.lex.person_cues.get(prev.text.casefold()) == "after"
              or prev.text.casefold() in ("oleh", "menurut", "bersama", "dan")
              or (prev.text.isalpha() and prev.text.islower() and prev.text not in PREPOSITIONS))
        if not ok:
            return None
        return self.ents.add(k, comma, "PER")

    def record_role(self, title_start: int, title_end: int, person: Span, of_spans: list[Span]) -> None:
        doc = self.doc
        while title_end > title_start and doc[title_end - 1].text in (",", ".", "/"):
            title_end -= 1
        # "envoy of" before "the Arab League": a joining word does not end a role (but "bicara"
        # ends "juru bicara")
        while title_end - 1 > title_start and doc[title_end - 1].is_lower and (
                doc[title_end - 1].text in NAME_BREAKERS or self.kind(doc[title_end - 1].text) == "function"):
            title_end -= 1  # (nor does "yang": "kuasa hukum yang ...")
        owner = self.owner_before(title_start) if doc.lang_ == "en" and not of_spans else None
        if owner is not None:
            # English puts the organisation or country first: "NATO Secretary General X", "the
            # agency (BGN) head X"
            title_start, of_spans = owner.start, [owner]
        elif doc.lang_ == "en" and not of_spans and title_start >= 2 and doc[title_start - 1].text in ("'s", "’s"):
            # "Indonesia's Foreign Minister X": the country is the role's, the possessive no part of it
            owner = self.owner_before(title_start - 1)
            of_spans = [owner] if owner is not None else of_spans
        self.pending.append((title_start, title_end, person, list(of_spans)))

    def held_for(self, title_start: int, title_end: int, person: Span, of_spans: list[Span]
                 ) -> list[tuple[int, int, Span, list[Span]]]:
        """A role held for someone ("juru bicara", "kuasa hukum", "spokesperson") names its
        principal, not its holder, in the name right after it:

        * "Rina, juru bicara Budi Santoso," and "Juru bicara Presiden Budi Santoso, Rina," are
          Rina's roles (the principal's name is part of the title), and a title between
          ("Presiden") is the principal's. So is "Rina, kuasa hukum LSM X dan Budi Santoso,".
        * With no name in apposition, a name right after the role word alone is the principal's
          and no one's role is known ("kuasa hukum Budi Santoso mengatakan"); after a title or an
          organisation it holds the role ("Juru Bicara Presiden Rina Wati", "Juru Bicara KPK X").
        """
        doc = self.doc
        head = self.lex.match_title(doc, self.after_modifiers(title_start), frozenset({"role_for"}))
        as_read = [(title_start, title_end, person, of_spans)]
        if head is None:
            return as_read
        inside = next((x for x in (self.ents.at(j) for j in range(head[0], title_end))
                       if x is not None and x.label_ == "PER" and x.end <= title_end), None)
        if inside is not None:  # "Juru bicara Bupati [Budi Santoso], Rina": the title holds the principal
            principal, roles = inside, as_read
        else:
            joined = person.start == title_end + 1 and doc[title_end].text.casefold() in ("dan", "and")
            if person.start != title_end and not joined:
                return as_read
            inner = head[0]
            while inner < title_end and doc[inner].text.casefold() in NAME_BREAKERS:
                inner += 1  # "spokesperson for [Governor]"
            bare = not of_spans and inner == title_end  # "kuasa hukum [Budi]": nothing between
            holder = self.apposed_holder(title_start, person)
            if holder is None:
                return [] if bare or joined else as_read
            principal, roles = person, [(title_start, person.end, holder, [])]
        inner = head[0]
        while inner < principal.start and doc[inner].text.casefold() in NAME_BREAKERS:
            inner += 1
        if inner < principal.start and self.lex.match_title(doc, inner, ROLE_KINDS):
            roles.append((inner, principal.start, principal, []))
        return roles

    def apposed_holder(self, title_start: int, principal: Span) -> Span | None:
        """The person named in apposition beside a role held for ``principal``: after it ("...
        Budi Santoso, Rina,") or before it, up to three lower-case words before the title ("Rina,
        anggota tim kuasa hukum Budi")."""
        doc = self.doc
        after = self.ents.at(principal.end + 1) if principal.end + 1 < len(doc) else None
        if after is not None and doc[principal.end].text == "," and after.label_ == "PER" \
                and after.start == principal.end + 1:
            return after
        start = title_start
        while start > 0 and title_start - start < 3 and doc[start - 1].is_lower:
            start -= 1
        comma = self.apposition_comma(start)
        before = self.ents.at(comma - 1) if comma is not None else None
        return before if before is not None and before.label_ == "PER" and before.end == comma else None

    def finish_roles(self) -> None:
        """Turns the roles seen into character offsets, against the spans as they finally stand."""
        doc = self.doc
        pending = [role for args in self.pending for role in self.held_for(*args)]
        for title_start, title_end, person, of_spans in pending:
            found = self.ents.at(person.start)
            if found is None or found.label_ != "PER":
                # a later pass split an office or place off the front of the name ("Kepala Dinas
                # Sosial [Sukamaju] [Wulandari]"): the role is the person's after it, and names it
                inner = next((x for x in (self.ents.at(k) for k in range(person.start + 1, person.end))
                              if x is not None and x.label_ == "PER"), None)
                if inner is None:
                    continue
                if found is not None and found.label_ in ("ORG", "LOC"):
                    of_spans = [*of_spans, found]
                    title_end = max(title_end, found.end)
                found = inner
            person = found
            # a later pass may have grown the name to the left, into what the title had taken
            title_end = min(title_end, person.start) if person.start > title_start else title_end
            owners = [self.ents.at(s.start) for s in of_spans]
            owners = [o for o in owners if o is not None and o.label_ in ("ORG", "LOC")]
            of = next((o for o in owners if o.label_ == "ORG"), None) or next(iter(owners), None)
            self.roles.append(RoleSpan(
                doc[title_start].idx, doc[title_end - 1].idx + len(doc[title_end - 1].text),
                person.start_char, person.end_char,
                of.start_char if of is not None else None, of.end_char if of is not None else None,
            ))

    def cue_people(self) -> None:
        """People beside reporting cues: "kata Budi Santoso", "Siti juga mengatakan"."""
        doc = self.doc
        for i, tok in enumerate(doc):
            kind = self.lex.person_cues.get(tok.text.casefold())
            if kind == "after" and (tok.text[0].islower() or self.sent_start(i)):
                j = i + 1
                owner = self.ents.at(j)
                if (owner is not None and owner.start == j and owner.label_ == "LOC" and not owner.kb_id_
                        and len(owner) <= MAX_NAME_TOKENS - 1 and all(self.name_token(t) for t in owner)):
                    # "kata Perry": whoever speaks is a person, whatever a recognizer guessed
                    self.ents.remove(owner)
                    self.ents.add(owner.start, owner.end, "PER", made=False)
                    continue
                end = self.run_end(j)
                if j < end <= j + MAX_NAME_TOKENS - 1 and not self.titlecase_line(j):
                    self.ents.add(j, end, "PER")
            elif kind == "before" and tok.text[0].islower():
                k = i
                while k > 0 and self.lex.person_cues.get(doc[k - 1].text.casefold()) == "filler":
                    k -= 1
                end = k
                k = self.run_start(end)
                if k == end or self.titlecase_line(k):
                    continue
                prev = doc[k - 1] if k > 0 else None
                if prev is None or self.sent_start(k) or prev.text == "," or prev.text.islower():
                    if prev is not None and prev.text.casefold() in PREPOSITIONS:
                        continue
                    if end - k == 1 and self.sent_start(k) and not self.named_elsewhere(doc[k]):
                        continue  # "Warga mengatakan", "Petugas menjelaskan": a noun opens the sentence
                    self.ents.add(k, end, "PER")

    def cue_spans(self) -> None:
        """Organisations and places that start with a cue word."""
        doc = self.doc
        i = 0
        while i < len(doc):
            if self.ents.at(i) is not None or i in self.head_tokens:
                i += 1
                continue
            for cues, label in ((self.lex.org_cues, "ORG"), (self.lex.place_cues, "LOC")):
                end = self.lex.match_cue(doc, i, cues)
                if end is not None and self.cap(doc[i]):
                    # in a headline every word is capitalised: take the cue and one word only
                    limit = end + 1 if self.titlecase_line(i) else None
                    span = self.cue_phrase(i, end, label, limit=limit)
                    if span is not None:
                        i = span.end - 1
                        break
            i += 1

    def head_final_organisations(self) -> None:
        """Organisations whose name ends with its kind, as English writes them: "Gadjah Mada
        University", "Democratic Party". Only free capitalised words before the head join it,
        and a place right before them ("[Pacific] Reef Monitoring Initiative")."""
        doc = self.doc
        for i, tok in enumerate(doc):
            if tok.text not in self.lex.org_heads or self.ents.at(i) is not None or self.titlecase_line(i):
                continue
            k = i
            while k > 0 and self.ents.at(k - 1) is None and self.cap(doc[k - 1]) and doc[k - 1].text.isalpha() \
                    and self.kind(doc[k - 1].text) not in ("month", "day", "junk", "function") \
                    and not self.title_word_at(k - 1):  # "Direktur Eksekutif [Center]" is no name
                k -= 1
            if k < i:
                place = self.ents.at(k - 1) if k > 0 else None
                if place is not None and place.label_ == "LOC" and place.end == k:
                    self.ents.remove(place)
                    k = place.start
                self.ents.add(k, i + 1, "ORG")

    def title_word_at(self, k: int) -> bool:
        """Whether token ``k`` is a word of a title phrase that covers it."""
        return any((m := self.lex.match_title(self.doc, a, HEAD_KINDS | PREFIX_KINDS | {"part"})) is not None
                   and m[0] > k for a in range(max(0, k - 3), k + 1))

    def listed_fields(self) -> None:
        """An organisation named for a comma list of fields is one organisation: "Badan
        Meteorologi, Klimatologi, dan Geofisika", "Dinas Pertanian, Perkebunan, dan
        Ketahanan Pangan". The span must start with an organisation cue word, and the
        list reads as a title's portfolio does (``field_list_end``)."""
        for span in list(self.ents.spans):
            k = span.end
            if (span.label_ != "ORG" or span.kb_id_ or k >= len(self.doc) or self.doc[k].text != ","
                    or self.lex.match_cue(self.doc, span.start, self.lex.org_cues) is None):
                continue
            end = self.field_list_end(k, None)
            if end is not None:
                self.ents.remove(span)
                self.ents.add(span.start, end, "ORG", made=self.ents.was_made(span))

    def acronyms(self) -> None:
        """"Amerika Serikat (AS)": the abbreviation in brackets after a name is the same kind of
        entity. So is a short form after "atau" that is built from the name's words ("Badan Riset
        Kelautan Nasional atau Barikenas"); a one-word person span elsewhere in
        the article that is such a short form is that organisation or place too."""
        doc = self.doc
        short_forms: dict[str, str] = {}
        for span in list(self.ents.spans):
            k = span.end
            if (span.label_ != "PER" and k + 1 < len(doc) and doc[k + 1].is_alpha and self.cap(doc[k + 1])
                    and gives_short_form([t.text for t in span], doc[k].text, doc[k + 1].text)):
                inside = self.ents.at(k + 1)
                if inside is not None and inside.label_ == "PER" and len(inside) == 1 and not inside.kb_id_:
                    self.ents.remove(inside)
                    inside = None
                if inside is None:
                    self.ents.add(k + 1, k + 2, span.label_)
                    short_forms[doc[k + 1].text] = span.label_
                continue
            if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
                tok = doc[k + 1]
                upper = sum(c.isupper() for c in tok.text)
                # "Badan Pangan Nasional (Bapanas)": after an organisation, a short name in brackets is its own
                short = upper >= 2 or (span.label_ == "ORG" and tok.is_alpha and self.name_token(tok))
                inside = self.ents.at(k + 1)
                if inside is not None and inside.label_ == "PER" and span.label_ != "PER" and len(inside) == 1 \
                        and not inside.kb_id_ and (upper >= 2 or abbreviates(tok.text, [t.text for t in span])):
                    # "Kementerian Perhubungan ([Kemenhub])" where a recognizer took the short form
                    # for a person
                    self.ents.remove(inside)
                    inside = None
                if inside is None and tok.text[:1].isupper() and tok.text.replace("-", "").isalnum() \
                        and len(tok.text) <= 8 and short:
                    self.ents.add(k + 1, k + 2, span.label_)
                    short_forms[tok.text] = span.label_
        # "pembatasan sosial berskala mikro (PSBM)": a short form the article spells out in lower
        # case is a common noun's, wherever a recognizer took it for a name
        for k in self.positions.get("(", ()):
            if k + 2 < len(doc) and doc[k + 2].text == ")" and self.common_noun_short_form(k):
                short = doc[k + 1].text
                for span in list(self.ents.spans):
                    if span.text == short and not span.kb_id_:
                        self.ents.remove(span)
        # "Stabilisasi Pasokan dan Harga Pangan (SPHP)": the short form was found, there or later
        # in the article, and the name it stands for was not
        short_labels = {s.text: s.label_ for s in self.ents.spans if len(s) == 1 and s.label_ != "PER"}
        for k in self.positions.get("(", ()):
            if k + 2 < len(doc) and doc[k + 2].text == ")" and doc[k + 1].text in short_labels:
                inside = self.ents.at(k + 1)
                label = inside.label_ if inside is not None else short_labels[doc[k + 1].text]
                start = self.long_form_before(k, doc[k + 1].text, label)
                if start is not None and label != "PER":
                    self.ents.add(start, k, label, swallow=True)
                    if inside is None:
                        self.ents.add(k + 1, k + 2, label)
        for span in list(self.ents.spans):
            label = short_forms.get(span.text)
            if label is not None and span.label_ == "PER" and len(span) == 1 and not span.kb_id_:
                # "Barikenas menyebut ...": a recognizer's person that the article
                # introduced as an organisation's short form
                self.ents.remove(span)
                self.ents.add(span.start, span.end, label, made=False)

    def document_titles(self) -> None:
        """"Perda Nomor 3 Tahun 2019 tentang [Ketertiban Umum]": the capitalised
        words after "tentang" that follow a law, a regulation or a letter are its title, where
        a recognizer's spans name nothing (a linked name, "tentang Penanganan Covid-19 di
        [Indonesia]", stays)."""
        doc = self.doc
        for k in self.positions.get("tentang", ()):
            sentence_start = next((j + 1 for j in range(k - 1, max(-1, k - 12), -1)
                                   if doc[j].text == "." or "\n" in doc[j].text), max(0, k - 11))
            if not any(self.kind(doc[j].text) == "document" or doc[j].text in ("UU", "PP")
                       for j in range(sentence_start, k)):
                continue
            end = k + 1
            while end < len(doc) and (self.cap(doc[end]) or doc[end].like_num or doc[end].text == "-"
                                      or (doc[end].text in TITLE_JOINERS and end + 1 < len(doc)
                                          and self.cap(doc[end + 1]))):
                end += 1
            for span in list(self.ents.spans):
                if k < span.start and span.end <= end and not span.kb_id_:
                    self.ents.remove(span)

    def common_noun_short_form(self, k: int) -> bool:
        """Whether the word in brackets at token ``k`` + 1 is the short form of the lower-case
        words right before the bracket: their initials ("alat pelindung diri (APD)")."""
        doc = self.doc
        short = doc[k + 1].text
        if not (short.isalpha() and short[:1].isupper() and 2 <= len(short) <= 8):
            return False
        j = k - 1
        while j >= 0 and k - j <= len(short) + 2 and doc[j].is_alpha and doc[j].text.islower():
            if initials([t.text for t in doc[j:k] if t.text not in LONG_FORM_JOINERS]) == short.casefold():
                return True
            j -= 1
        return False

    def inside_long_form(self, j: int, k: int, label: str) -> bool:
        """Whether token ``j`` may be part of a long form of kind ``label`` ending at token ``k``:
        free and no title word, or held by an unlinked span of that kind that ends before ``k``
        ("[Badan Pengelola Pajak] dan Retribusi Daerah (BPPRD)": a recognizer's piece of the name)."""
        span = self.ents.at(j)
        if span is None:
            return j not in self.head_tokens and self.lex.match_title(self.doc, j, HEAD_KINDS | PREFIX_KINDS) is None
        return span.label_ == label and span.end <= k and not span.kb_id_

    def long_form_before(self, k: int, short: str, label: str) -> int | None:
        """Where the name that ``short`` stands for starts, when the capitalised words right
        before token ``k`` (an opening bracket) spell it and no entity holds them. The nearest
        start that spells it is taken ("Program Stabilisasi Pasokan dan Harga Pangan (SPHP)"
        starts at "Stabilisasi"): a short form's first letter is its name's first word's."""
        doc = self.doc
        j = k - 1
        while j >= 0 and k - j <= len(short) + 3 and self.inside_long_form(j, k, label):
            tok = doc[j]
            if tok.text.casefold() in LONG_FORM_JOINERS and j < k - 1:
                j -= 1
                continue
            if not (tok.is_alpha and self.cap(tok)):
                return None
            words = [t.text for t in doc[j:k] if self.cap(t)]
            if (len(words) >= 2 and tok.text[0].casefold() == short[0].casefold() and not self.stopword(tok)
                    and spells(short, words)):
                return j
            j -= 1
        return None

    def words(self, start: int, end: int) -> tuple[str, ...]:
        return tuple(t.text.casefold() for t in self.doc[start:end])

    def headline_line(self, i: int) -> bool:
        """Whether token ``i`` stands in a headline or in a line that repeats one ("zoom-in <headline>")."""
        if self.titlecase_line(i):
            return True
        if self._headlines is None:
            lines = {self.line_of(t.i) for t in self.doc if not t.is_space and self.titlecase_line(t.i)}
            self._headlines = frozenset(line for line in lines if len(line.split()) >= 4)
        line = self.line_of(i)
        return any(h in line for h in self._headlines)

    def headline_spans(self) -> None:
        """Cuts a headline's multi-word span to a name the story itself uses, or drops it.

        Headlines capitalise every word, so a recognizer runs a name into the words after it
        ("Budi Santoso Tinjau Lokasi Banjir"); only a name the body also gives is kept.
        """
        doc = self.doc
        body = {}
        for s in self.ents.spans:
            if not self.headline_line(s.start):
                body.setdefault(fold_name(s.text), s.label_)
        for span in list(self.ents.spans):
            made = self.ents.was_made(span)
            if span.kb_id_ or len(span) < 2 or not self.headline_line(span.start):
                continue
            if self.phrase_written_lower(span):
                self.ents.remove(span)  # "Longsor Tutup [Jalan Provinsi]" where the story says "jalan provinsi"
                continue
            if made and span.label_ != "PER":
                continue  # "Kota Medan": a cue word makes the place, wherever it stands
            if fold_name(span.text) in body:
                continue
            best = None
            for n in range(len(span) - 1, 0, -1):
                for a in range(span.start, span.end - n + 1):
                    label = body.get(fold_name(doc[a : a + n].text))
                    if label is not None and not doc[a].is_space and not doc[a + n - 1].is_space:
                        best = (a, a + n, label)
                        break
                if best is not None:
                    break
            self.ents.remove(span)
            if best is not None:
                self.ents.add(*best, made=made)

    def split_at_commas(self) -> None:
        """A recognizer's span over a comma is a list ("[Kementerian Pertanian, Badan Pangan
        Nasional]"): each item keeps the label. A name made of a list of fields is joined again
        later (``listed_fields``)."""
        doc = self.doc
        for span in list(self.ents.spans):
            if span.kb_id_ or self.ents.was_made(span):
                continue
            commas = [k for k in range(span.start + 1, span.end - 1) if doc[k].text == ","]
            if not commas:
                continue
            self.ents.remove(span)
            for a, b in zip([span.start] + [c + 1 for c in commas], commas + [span.end]):
                while a < b and (doc[a].is_space or doc[a].is_lower):  # ", dan Badan ..."
                    a += 1
                if a < b and not (span.label_ == "PER" and all(DEGREE.fullmatch(t.text) for t in doc[a:b])):
                    self.ents.add(a, b, span.label_, made=False)  # ("Rina Wati, SE": the degree is no item)

    def rank_to_end(self, k: int, end: int) -> bool:
        """Whether a rank starts at token ``k`` and it, with its service words ("Pol", "TNI"),
        runs to ``end``."""
        m = self.lex.match_title(self.doc, k, RANK_KINDS)
        return m is not None and all(t.text.casefold().rstrip(".") in RANK_SERVICES for t in self.doc[m[0]:end])

    def before_open_bracket(self, start: int, end: int) -> int:
        """Where a span ends if it opens a bracket it does not close: before that bracket."""
        depth, cut = 0, None
        for k in range(start, end):
            if self.doc[k].text == "(":
                depth, cut = depth + 1, (k if depth == 0 else cut)
            elif self.doc[k].text == ")" and depth:
                depth -= 1
        return cut if depth and cut is not None else end

    def loose_punct(self, i: int) -> bool:
        """Whether token ``i`` is a separator or quote mark that no name starts or ends with; a
        hyphen written against the word before it is part of that word ("se-Jawa")."""
        tok = self.doc[i]
        if tok.text not in EDGE_PUNCT:
            return False
        return tok.text != "-" or i == 0 or bool(self.doc[i - 1].whitespace_)

    def phrase_written_lower(self, span: Span) -> bool:
        """Whether the article also writes the span's words, together, all in lower case."""
        phrase = " ".join(t.text for t in span if not t.is_space).lower()
        if phrase not in self._lower_phrases:  # (a page repeats its headline: search the text once)
            found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", self.text)
            self._lower_phrases[phrase] = found is not None
        return phrase != span.text and self._lower_phrases[phrase]

    @property
    def known_names(self) -> dict[tuple[str, ...], str]:
        """Names of organisations and places the article itself gives, casefolded words -> label.

        From organisation and place spans (and the name after a place cue: "Kabupaten Demak"
        makes "Demak" a place), the dateline ("DEMAK, KOMPAS —") and abbreviations in brackets
        inside a name ("Balai Besar Wilayah Sungai (BBWS) Pemali Juana" makes "BBWS Pemali Juana").
        """
        if self._known is not None:
            return self._known
        doc = self.doc
        known: dict[tuple[str, ...], str] = {}

        def put(words, label):
            words = tuple(w.casefold() for w in words)
            if words and not (len(words) == 1 and self.kind(words[0]) is not None):
                known.setdefault(words, label)

        short_forms: set[tuple[str, ...]] = set()
        for s in self.ents.spans:
            # a lone word a recognizer guessed is no proof: it may be a first name ("Andi")
            trusted = s.kb_id_ or self.ents.was_made(s) or (
                len(s) >= 2 and not self.after_role(s.start))  # "Wali Kota [Bogor Budi]" is in question
            if s.label_ in ("ORG", "LOC") and trusted:
                put([t.text for t in s if not t.is_space], s.label_)
                short = doc[s.end + 1] if s.end + 1 < len(doc) else None
                if short is not None and self.cap(short) and gives_short_form([t.text for t in s], doc[s.end].text,
                                                                              short.text):
                    put([short.text], s.label_)  # "Perpustakaan Daerah Sukamaju atau Perpusda"
                    short_forms.add((short.text.casefold(),))
        for i, tok in enumerate(doc):
            end = self.lex.match_cue(doc, i, self.lex.place_cues)
            head = None if end is None else next(
                (m for n in (1, 2) if i >= n and (m := self.lex.match_title(doc, i - n, ROLE_KINDS))), None)
            if end is not None and self.cap(tok) and (head is None or head[0] <= i):  # not "Wali Kota"
                k = end
                # inside a title the words after the place may be the person's: "Kepala BPBD Kota Bogor Budi"
                most = 1 if self.in_title(i) else 3
                while k < len(doc) and k - end < most and self.name_token(doc[k]):
                    k += 1
                if k > end:
                    put([t.text for t in doc[end:k]], "LOC")
            if tok.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")" and i > 0 and self.cap(doc[i - 1]):
                abbr = doc[i + 1].text
                after_org = self.ents.at(i - 1) is not None and self.ents.at(i - 1).label_ == "ORG"
                if after_org and self.cap(doc[i + 1]) and abbr.isalnum() and len(abbr) <= 10:
                    put([abbr], "ORG")  # "Badan Pangan Nasional (Bapanas)"
                if sum(c.isupper() for c in abbr) >= 2 and abbr.replace("-", "").isalnum():
                    k = i + 3
                    while k < len(doc) and k - i - 3 < 3 and self.name_token(doc[k]):
                        k += 1
                    if k > i + 3:
                        put([abbr, *(t.text for t in doc[i + 3 : k])], "ORG")
                        put([t.text for t in doc[i + 3 : k]], "LOC")  # "(BPBD) Demak": the office's region
        for m in DATELINE.finditer(self.text):
            put((m.group("place") or m.group("place2") or m.group("place3")).split(), "LOC")
        # a word the article also gives as a person's name, or a legal form, names no organisation or place
        people = {t.text.casefold() for s in self.ents.spans
                  if s.label_ == "PER" and (len(s) == 1 or not self.after_role(s.start))
                  and not self.headline_line(s.start) for t in s}
        for words in [w for w in known if len(w) == 1 and (w[0] in people or w[0] in LEGAL_FORMS)
                      and w not in short_forms]:
            del known[words]
        self._known = known
        return known

    def known_at(self, j: int, limit: int | None = None) -> int | None:
        """End of the longest known organisation or place name starting at token ``j``, else None."""
        doc = self.doc
        top = min(len(doc), limit if limit is not None else len(doc))
        for n in range(min(6, top - j), 0, -1):
            words = tuple(t.text.casefold() for t in doc[j : j + n])
            if words in self.known_names and self.cap(doc[j]):
                return j + n
        return None

    def in_title(self, start: int) -> bool:
        """Whether the capitalised run that token ``start`` stands in begins with a role title."""
        k = start
        while k > 0 and start - k < 12:
            if self.after_role(k) or self.after_expert_field(k):
                return True
            prev = self.doc[k - 1]
            if not (self.cap(prev) or prev.text in ("(", ")") or prev.text.casefold() in CONNECTORS):
                return False
            k -= 1
        return False

    def after_expert_field(self, k: int) -> bool:
        """Whether an expert's role and its field in lower case end right before token ``k``
        ("Pengamat pajak [Budi Santoso Tax Center]")."""
        for b in range(k - 1, max(-1, k - 5), -1):
            m = self.lex.match_title(self.doc, b, frozenset({"role_field"}))
            if m is not None and m[0] < k and self.field_words(m[0], None) == k:
                return True
        return False

    def bracketed_names(self) -> None:
        """"Badan Penanggulangan Bencana Daerah (BPBD) Demak": a name, its abbreviation in
        brackets and the words after it are one organisation (known too as "BPBD Demak")."""
        doc = self.doc
        for k in range(1, len(doc) - 3):
            if doc[k].text != "(" or doc[k + 2].text != ")":
                continue
            abbr = doc[k + 1].text
            if sum(c.isupper() for c in abbr) < 2 or not abbr.replace("-", "").isalnum():
                continue
            before = self.ents.at(k - 1)
            if before is not None and (before.kb_id_ or before.end != k or before.label_ == "PER"
                                       or not (before.label_ == "ORG"
                                               or self.lex.match_cue(doc, before.start, self.lex.org_cues))):
                continue
            # "Kementerian Lingkungan Hidup [dan Kehutanan] (KLHK)": from the cue word to the bracket
            start = next((i for i in range(max(0, k - 8), k)
                          if self.lex.match_cue(doc, i, self.lex.org_cues) is not None and self.cap(doc[i])
                          and (self.ents.at(i) is None or self.ents.at(i).start == i)
                          and all((self.ents.at(x) is None or (self.ents.at(x).label_ != "PER"
                                                               and not self.ents.at(x).kb_id_))
                                  and (self.cap(doc[x]) or doc[x].text in CONNECTORS) for x in range(i, k))),
                         before.start if before is not None else None)
            if start is None or self.in_title(start):
                continue  # "Ketua Paguyuban Nelayan (Panel) Darmaji": the words after are a person's
            end = k + 3
            while (end < len(doc) and end - k - 3 < 3 and self.name_token(doc[end])
                   and self.lex.match_cue(doc, end, self.lex.org_cues) is None):
                owner = self.ents.at(end)
                if owner is not None and (owner.kb_id_ or owner.end > k + 6):
                    break
                end += 1
            # "(BPBD) Demak mencatat": the name goes on to the verb; before a comma it may be a person's
            if end == k + 3 or end >= len(doc) or not (doc[end].text[:1].islower() or doc[end].text == "."):
                end = k  # no words after the bracket: the name alone, its abbreviation stays apart
            if end == k and before is not None and before.start == start:
                continue
            for i in range(start, end):
                owner = self.ents.at(i)
                if owner is not None:
                    self.ents.remove(owner)
            self.ents.add(start, end, "ORG")

    def split_at_solo_words(self) -> None:
        """Splits the person's name off a span that runs an office into it, where the name starts
        at a word the article also uses alone ("[Puskesmas Melati Rina]" ... "kata Rina")."""
        doc = self.doc
        for span in list(self.ents.spans):
            if span.kb_id_ or len(span) < 2 or self.ents.at(span.start) is not span:
                continue
            toks = list(span)
            # (never after a lower-case word inside the span: "Bureau of [Statistics]" is one name)
            at = next((k for k in range(max(1, len(toks) - 3), len(toks)) if toks[k].text in self.solo_words
                       and self.cap(toks[k - 1])
                       and all(self.name_token(t) for t in toks[k:]) and not self.place_like(toks[k], span)), None)
            if at is None:
                continue
            # the office keeps a name of its own: "Perum [Damri]" is not an office and a person
            cue_end = self.lex.match_cue(doc, span.start, self.lex.any_cues)
            if (cue_end is not None and span.start + at <= cue_end) or (
                    at == 1 and toks[0].text.casefold().rstrip(".") in LEGAL_FORMS):
                continue
            # a person's own longer name ("Joko Widodo", "Widodo" alone) stays whole: a person
            # span is split only when two words or more, none used alone, stand before the name,
            # or when the article writes the words before it apart from the name ("Pendiri [Lumbung
            # Sekar Ayu]" and "aplikasi Lumbung")
            if span.label_ == "PER" and (at < 2 or any(t.text in self.solo_words for t in toks[:at])) \
                    and not (self.used_apart(span.start, span.start + at)
                             and (len(toks) - at >= 2 or all(self.place_like(t, span) for t in toks[:at]))):
                continue
            head_label = span.label_
            if span.label_ == "PER":  # the words before the name are an office's, or a place's
                head_label = "LOC" if all(self.place_like(t, span) for t in toks[:at]) else "ORG"
            made = self.ents.was_made(span)
            self.ents.remove(span)
            self.ents.add(span.start, span.start + at, head_label, made=made)
            end = span.end
            rest = self.ents.at(end) if end < len(doc) else None
            if rest is not None and rest.start == end and rest.label_ == "PER" and not rest.kb_id_:
                # "[Tegal Surya] [Abdullah]": the name split off goes on in the person after it
                self.ents.remove(rest)
                end = rest.end
            self.ents.add(span.start + at, end, "PER", made=made)

    def used_apart(self, start: int, end: int) -> bool:
        """Whether the words of tokens ``start:end`` stand elsewhere in the article with no name
        word after them ("aplikasi Lumbung,", "Lumbung, penyedia"): then they name something of their
        own. ("Muhammad" in "Muhammad Ali" does not set "Muhammad Rizal" apart.)"""
        doc = self.doc
        words = self.words(start, end)
        n = end - start
        return any(self.words(k, k + n) == words and (k + n >= len(doc) or not self.name_token(doc[k + n]))
                   for k in self.positions[doc[start].text] if k != start and k + n <= len(doc))

    def split_after_known_place(self) -> None:
        """Splits a person's name off a place span: "[Provinsi Sumba Rina Sari]" where the article
        knows "Sumba" as a place and the words after it as nothing else."""
        doc = self.doc
        for span in list(self.ents.spans):
            # a gazetteer id may come from the place inside ("Sumba"), so linked spans count too
            if span.label_ != "LOC" or self.ents.at(span.start) is not span:
                continue
            cue_end = self.lex.match_cue(doc, span.start, self.lex.place_cues)
            if cue_end is None or (span.end < len(doc) and self.cap(doc[span.end])):
                continue
            for n in (2, 1):
                cut = cue_end + n
                rest = span.end - cut
                if rest not in (2, 3) or not all(self.name_token(t) for t in doc[cut:span.end]):
                    continue
                if self.words(cue_end, cut) in self.known_names and self.words(cut, span.end) not in self.known_names:
                    made = self.ents.was_made(span)
                    self.ents.remove(span)
                    self.ents.add(span.start, cut, "LOC", kb_id=span.kb_id_, made=made)
                    self.ents.add(cut, span.end, "PER", made=made)
                    break

    def place_like(self, tok: Token, *ignore: Span | None) -> bool:
        """Whether the article uses the word of ``tok`` as a place or office: inside an
        organisation or place span other than those in ``ignore``, or after "di", "ke", "dari"
        ("di Wonosari")."""
        word = tok.text
        for i in self.positions[word]:  # where the word stands, not every span: this runs per candidate
            other = self.ents.at(i)
            if other is not None and other.label_ != "PER" and all(other is not x for x in ignore):
                return True
        return any(i > 0 and self.doc[i - 1].text.casefold() in ("di", "ke", "dari") for i in self.positions[word])

    def propagate(self) -> None:
        """Tags later single-word mentions of a known person's surname or first name, and a
        company's name without its legal form ("Bulog" after "Perum Bulog")."""
        doc = self.doc
        parts: dict[str, set[str]] = {}
        companies: dict[str, set[str]] = {}
        surnames: dict[str, set[str]] = {}
        for span in self.ents.spans:
            if span.label_ == "ORG" and len(span) == 2 and span[0].text.casefold().rstrip(".") in LEGAL_FORMS \
                    and self.name_token(span[1]):
                companies.setdefault(fold_name(span[1].text), set()).add(fold_name(span.text))
            if span.label_ != "PER" or len(span) < 2:
                continue
            full = fold_name(span.text)
            for tok in (span[0], span[-1]):
                if len(tok.text) >= 3 and self.name_token(tok):
                    parts.setdefault(fold_name(tok.text), set()).add(full)
            if len(span[-1].text) >= 3 and self.name_token(span[-1]):
                surnames.setdefault(fold_name(span[-1].text), set()).add(full)
        for i, tok in enumerate(doc):
            span = self.ents.at(i)
            if (span is not None and len(span) == 1 and span.label_ != "PER" and not span.kb_id_
                    and not self.ents.was_made(span) and not tok.text.isupper()
                    and len(surnames.get(fold_name(tok.text), ())) == 1 and not self.place_like(tok, span)):
                # "Menteri Perdagangan Larasati Wibisono ... Wibisono menyebut": a recognizer's
                # place or organisation that is the surname of the one person the article names so
                self.ents.remove(span)
                self.ents.add(i, i + 1, "PER", made=False)
                continue
            if span is not None or not self.cap(tok):
                continue
            firms = companies.get(fold_name(tok.text))
            if firms is not None and len(firms) == 1 and fold_name(tok.text) not in parts \
                    and not (i + 1 < len(doc) and self.cap(doc[i + 1])):
                self.ents.add(i, i + 1, "ORG")
                continue
            owners = parts.get(fold_name(tok.text))
            if owners is None or len(owners) != 1:
                continue
            if i + 1 < len(doc) and self.name_token(doc[i + 1]) and self.ents.at(i + 1) is None \
                    and not self.titlecase_line(i):
                continue  # part of a longer, different name
            self.ents.add(i, i + 1, "PER")


def fold_name(text: str) -> str:
    """A name folded for comparison: case, accents, punctuation and transliteration variants.

    "Zelenskyy", "Zelenskiy" and "ZELENSKY" fold alike; so do "Andriy" and "Andrii".
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[’'`.]", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    text = re.sub(r"sk(?:yy|iy|yi|ii|y|i)\b", "sky", text)
    text = text.replace("y", "i")
    return " ".join(text.split())


def gives_short_form(long_words: list[str], between: str, short: str) -> bool:
    """Whether ``short``, written after a name of ``long_words`` with ``between`` them, is given
    as its short form: "Perpustakaan Daerah Sukamaju atau Perpusda". A short form may come from
    the name in another language ("Badan Penyelamatan Satwa Liar atau Bawiliar"): after a name of
    three words or more, one capitalised word that starts with its letter is one too."""
    if between.strip().casefold() not in ("atau", "or") or " " in short:
        return False
    if abbreviates(short, long_words):
        return True
    words = [word for word in long_words if word[:1].isupper()]
    return (len(words) >= 3 and len(short) >= 3 and short[:1].isupper() and short.isalpha()
            and short[0] == words[0][0])


def spells(short: str, words: list[str]) -> bool:
    """Whether ``short`` stands for the name of ``words``: a short form in capitals is their
    initials ("BPBD"), another is built from pieces of them ("Bapanas", see :func:`abbreviates`)."""
    letters = short.replace("-", "")
    if letters.isupper():
        return letters == initials(words)
    return abbreviates(short, words)


def initials(words: list[str]) -> str:
    """The first letters of ``words``, as written."""
    return "".join(word[0] for word in words)


def abbreviates(short: str, words: list[str]) -> bool:
    """Whether ``short`` is built from pieces of ``words`` in order, starting with the first
    word's first letter: "Kemenhub" from "Kementerian Perhubungan", "Polri" from "Kepolisian
    Republik Indonesia" does not start right, "BPBD" from "Badan Penanggulangan Bencana Daerah"."""
    s = short.casefold()
    ws = [w.casefold() for w in words if w.isalpha()]
    if not s or not ws or s[0] != ws[0][0]:
        return False

    @lru_cache(maxsize=None)
    def fits(i: int, j: int) -> bool:  # s[i:] is made of pieces of ws[j:]
        if i == len(s):
            return True
        return any(s[i:i + n] in ws[k] and fits(i + n, k + 1)
                   for k in range(j, len(ws)) for n in range(len(s) - i, 0, -1))

    return fits(0, 0)
