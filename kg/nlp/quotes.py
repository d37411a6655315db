"""Direct quotes and reported speech in Indonesian news text, with their cue and speaker span.

A pure function of the text, its layout blocks and (optionally) the entity mentions a recognizer
found: no spaCy needed. Quotation styles: straight "...", curly “...”, Kompas' ”...” (the same
mark opening and closing), quotes broken by the cue, quotes running over paragraphs, nested
‘...’. Reported speech: "X mengatakan (bahwa) ...", "Menurut X, ...", "..., kata X.",
"Hal itu diungkapkan oleh X". Reporting words live in ``kg/nlp/data/*.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from kg.model import ARTICLE_TEXT_KINDS, Block
from kg.nlp.wordlists import AFFIXED_NOUN, business_units, read_kinds, read_lines, read_sections

SpeakerKind = Literal["name", "title", "organization", "pronoun", "none"]
Mention = tuple[int, int, str]

#: block kinds searched for statements: the story's paragraphs (headlines and captions quote
#: without attribution, chrome never says anything)
SEARCHED_KINDS = frozenset({"body"}) & ARTICLE_TEXT_KINDS

OPENERS = "“„«"
CLOSERS = "»"
AMBIGUOUS = "\"”"
QUOTE_MARKS = OPENERS + CLOSERS + AMBIGUOUS

_CLAUSE_STOP = re.compile(r"[.!?](?=\s|$)|[“”\"]|\n")
_WORD = re.compile(r"[^\W\d_][\w’'.-]*", re.UNICODE)


@dataclass(frozen=True)
class QuoteRecord:
    """One statement found in the text: what was said, the cue, and the span naming the speaker."""

    mode: Literal["direct", "reported"]
    #: the words inside the marks, or the reported clause; a quote running over paragraphs keeps
    #: its paragraph breaks but not the opening marks that repeat inside it
    text: str
    start: int
    end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    #: how the text names the speaker; for "pronoun" the speaker span is the antecedent, for
    #: "none" (a quote standing alone) it is the speaker carried over from the text before
    speaker_kind: SpeakerKind
    #: the sentence(s) around the cue, where the text may say when and where it was said
    frame_start: int | None = None
    frame_end: int | None = None


@dataclass(frozen=True)
class Lexicon:
    """The word lists quote finding reads from ``kg/nlp/data``."""

    cues: frozenset[str]
    speech_verbs: frozenset[str]
    passive_cues: frozenset[str]
    pronouns: frozenset[str]
    not_quote_context: frozenset[str]
    titles: frozenset[str]
    name_heads: dict[str, str]
    abbreviations: frozenset[str]
    adverbs: frozenset[str]
    function_words: frozenset[str]
    clause_breakers: frozenset[str]
    complementizers: frozenset[str]
    source_markers: tuple[tuple[str, ...], ...] = ()  # "menurut", "according to"
    determiners: frozenset[str] = frozenset()  # "the": may stand before a speaker's name
    stance_words: frozenset[str] = frozenset()  # "yakin": makes the name before it a subject
    calendar: frozenset[str] = frozenset()  # "Sabtu", "Lebaran": capitalised, never a name


def _folded(*names: str) -> frozenset[str]:
    return frozenset(w.casefold() for name in names for w in read_lines(name))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Reads the cue, verb, pronoun, title and context word lists once."""
    heads = {}
    for line in read_lines("name_heads_id.txt"):
        label, _, word = line.partition("\t")
        heads[word.strip()] = label.strip()
    return Lexicon(
        cues=_folded("cues_id.txt", "cues_en.txt"),
        speech_verbs=_folded("speech_verbs_id.txt", "speech_verbs_en.txt"),
        passive_cues=frozenset(w.casefold() for w in read_lines("passive_cues_id.txt")),
        pronouns=_folded("pronouns_id.txt", "pronouns_en.txt"),
        not_quote_context=frozenset(w.casefold() for w in read_lines("not_quote_context_id.txt")),
        # shared with the entity rules, which keep phrases under "# [kind]" headings: any word of
        # any title phrase counts here ("Kepala" from "Kepala Dinas")
        titles=frozenset(w for line in read_lines("titles_id.txt") for w in line.split()) | _english_titles(),
        name_heads=heads,
        abbreviations=_folded("abbreviations_id.txt", "abbreviations_en.txt"),
        adverbs=_folded("adverbs_id.txt", "adverbs_en.txt"),
        function_words=_folded("function_words_id.txt", "function_words_en.txt"),
        clause_breakers=_folded("clause_breakers_id.txt", "clause_breakers_en.txt"),
        complementizers=_folded("complementizers.txt"),
        determiners=_folded("determiners_en.txt"),
        stance_words=_folded("stance_words_id.txt"),
        calendar=frozenset(" ".join(phrase) for name in ("not_entities_id.txt", "not_entities_en.txt")
                           for phrase, kind in read_kinds(name).items() if kind in ("month", "day")),
        # longest first, so that a longer phrase is tried before a phrase it starts with
        source_markers=tuple(sorted({tuple(line.casefold().split()) for line in read_lines("source_markers.txt")},
                                    key=len, reverse=True)),
    )


def _english_titles() -> frozenset[str]:
    """The words of English role, rank and honorific phrases ("Foreign", "Minister", "Gen.")."""
    sections = read_sections("titles_en.txt", casefold=False)
    kinds = ("role", "role_for", "rank", "honorific")
    return frozenset(w for phrase, kind in sections.items() if kind in kinds for w in phrase)


# ---------------------------------------------------------------------------------------------
# paragraphs, sentences, words


def _paragraphs(text: str, blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """The searched paragraphs; with no blocks at all, every blank-line separated paragraph."""
    if blocks:
        return sorted((b.start, b.end) for b in blocks if b.kind in SEARCHED_KINDS)
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    for m in _WORD.finditer(text, start, end):
        w = m.group()
        # a trailing period ends the sentence unless the word is an initialism ("A.S.")
        if w.endswith(".") and not re.fullmatch(r"(?:\w\.){2,}", w):
            w = w.rstrip(".")
        out.append((m.start(), m.start() + len(w), w))
    return out


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _sentences(text: str, para: tuple[int, int], masked: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph; ``masked`` hides sentence marks inside quotes."""
    start, end = para
    out = []
    s = start
    while s < end and text[s].isspace():
        s += 1
    for m in re.finditer(r"[.!?]+[”\"’)]*(?=\s+[\"“”‘(\w])", masked[start:end]):
        stop = start + m.end()
        dot = start + m.start()
        before = re.search(r"(\S+)$", text[s:dot])
        if before:
            w = before.group(1).casefold().lstrip("(\"“”")
            if w in lex.abbreviations or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w?", w):
                continue
        if stop > s:
            out.append((s, stop))
        s = stop
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        out.append((s, end))
    return out


# ---------------------------------------------------------------------------------------------
# direct quotes


@dataclass
class _Span:
    open: int  # the opening mark
    close: int  # the closing mark (or the paragraph end when never closed)
    pieces: list[tuple[int, int]]  # content per paragraph
    first_para: tuple[int, int]
    last_para: tuple[int, int]


def _mark_kind(text: str, i: int, para: tuple[int, int]) -> str:
    ch = text[i]
    if ch in OPENERS:
        return "open"
    if ch in CLOSERS:
        return "close"
    before = text[i - 1] if i > para[0] else " "
    after = text[i + 1] if i + 1 < para[1] else " "
    opener_like = (before.isspace() or before in "([:—-–") and not after.isspace()
    closer_like = not before.isspace() and (after.isspace() or after in ".,;:!?)—-–" or after in QUOTE_MARKS)
    if opener_like and not closer_like:
        return "open"
    if closer_like and not opener_like:
        return "close"
    return "either"


def _quote_spans(text: str, paras: list[tuple[int, int]]) -> list[_Span]:
    spans: list[_Span] = []
    carry: _Span | None = None  # a quote left open at the end of the previous paragraph
    for pi, para in enumerate(paras):
        marks = [i for i in range(para[0], para[1]) if text[i] in QUOTE_MARKS]
        cur: _Span | None = None
        if carry is not None:
            if marks and text[para[0]:marks[0]].strip() == "" and _mark_kind(text, marks[0], para) != "close":
                cur = carry
                cur.pieces.append((marks[0] + 1, para[1]))
                cur.last_para = para
                marks = marks[1:]
            else:  # never closed and not continued: it ends with its paragraph
                spans.append(carry)
            carry = None
        for i in marks:
            kind = _mark_kind(text, i, para)
            if cur is None:
                if kind in ("open", "either"):
                    cur = _Span(i, -1, [(i + 1, para[1])], para, para)
            elif kind in ("close", "either"):
                s0 = cur.pieces[-1][0]
                cur.pieces[-1] = (s0, i)
                cur.close = i
                spans.append(cur)
                cur = None
            elif text[i] in OPENERS:  # an explicit opener while open: the first one was stray
                cur = _Span(i, -1, [(i + 1, para[1])], para, para)
        if cur is not None:
            cur.close = para[1]
            carry = cur
        if pi == len(paras) - 1 and carry is not None:
            spans.append(carry)
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace()):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—"):
        end -= 1
    return start, end


# ---------------------------------------------------------------------------------------------
# the finder


class _Finder:
    def __init__(self, text: str, blocks: Sequence[Block], mentions: Sequence[Mention],
                 dateline_end: int | None = None):
        self.text = text
        self.dateline_end = dateline_end
        self.lex = load_lexicon()
        self.paras = _paragraphs(text, blocks)
        self.spans = _quote_spans(text, self.paras)
        masked = list(text)
        self.inside = []  # content ranges of quotes
        for sp in self.spans:
            for a, b in sp.pieces:
                self.inside.append((a, b))
                for k in range(a, b):
                    if masked[k] in ".!?":
                        masked[k] = "_"
        self.masked = "".join(masked)
        self.sentences = [s for p in self.paras for s in _sentences(text, p, self.masked, self.lex)]
        # "Covid-19", "N219-A": a name with a number in it or after a hyphen is not a person
        def person_like(m: Mention) -> bool:
            return m[2] != "PER" or not (re.match(r"-\d", text[m[1]:m[1] + 2]) or re.search(r"\d", text[m[0]:m[1]]))

        self.guessed = [m for m in guess_mentions(text, blocks) if person_like(m)]
        self.mentions = sorted(m for m in (mentions or self.guessed) if m[2] in ("PER", "ORG", "LOC")
                               and person_like(m))
        self.records: list[QuoteRecord] = []

    # -- helpers ------------------------------------------------------------------------------

    def in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.inside)

    def sentence_of(self, pos: int) -> tuple[int, int] | None:
        for s in self.sentences:
            if s[0] <= pos < s[1]:
                return s
        return None

    def para_of(self, pos: int) -> tuple[int, int] | None:
        for p in self.paras:
            if p[0] <= pos <= p[1]:
                return p
        return None

    def mentions_in(self, start: int, end: int, labels=("PER", "ORG", "LOC")) -> list[Mention]:
        return [m for m in self.mentions if start <= m[0] and m[1] <= end and m[2] in labels
                and not self.in_quote(m[0])]

    def is_cue_word(self, word: str) -> tuple[bool, bool]:
        """(is a cue, carries -nya) for a lower-cased word."""
        w = word.casefold()
        if w in self.lex.cues:
            return True, False
        if w.endswith("nya") and w[:-3] in self.lex.cues:
            return True, True
        return False, False

    def is_verb(self, word: str) -> bool:
        """A verb of saying, written in lower case ("Said" in "Said Aqil" is a name)."""
        return word[:1].islower() and word.casefold() in self.lex.speech_verbs

    def antecedent(self, pos: int) -> tuple[int, int] | None:
        """The person a pronoun or a speakerless quote at ``pos`` most likely refers to.

        The last speaker within a few sentences wins (a statement's speaker, or a person right
        before a verb of saying); failing that, the first person of the nearest sentence naming one.
        """
        sents = [s for s in self.sentences if s[0] < pos][-8:]
        # the paragraph before the one at ``pos``: a person acting as its subject is nearer
        # than any earlier speaker ("Wali Kota X meminta ... .\n\n”...,” ujarnya.")
        here = self.para_of(pos)
        before = [p for p in self.paras if here is not None and p[1] <= here[0]]
        near_from = before[-1][0] if before else (here[0] if here else pos)
        nearest = None
        # a pronoun stands for a person: an organisation that spoke is passed over
        heard = [r for r in self.records if r.speaker_start is not None and r.speaker_kind != "organization"]
        for s in reversed(sents):
            end = min(s[1], pos)
            spoken = [r for r in heard if r.speaker_kind != "none"
                      and (s[0] <= r.start < end or (r.cue_start is not None and s[0] <= r.cue_start < end))]
            if spoken:
                r = spoken[-1]
                return r.speaker_start, r.speaker_end
            first = _WORD.match(self.text, s[0], end)
            if first and first.group().casefold() in self.lex.pronouns and nearest is None:
                return self.antecedent(s[0])  # "Ia berharap ...": the same person as before
            people = self.mentions_in(s[0], end, ("PER",)) or self.guessed_people(s[0], end)
            if s[0] >= near_from and nearest is None:
                actor = self.acting_subject(s[0], end, people)
                if actor is not None:
                    return actor[0], actor[1]
            for w0, _, w in _words(self.text, s[0], end):
                if self.is_verb(w) and not self.in_quote(w0):
                    subject = self.subject(s[0], w0, people)
                    if subject:
                        return subject[0], subject[1]
            if people and nearest is None:
                nearest = (people[0][0], people[0][1])
            inherited = [r for r in heard if s[0] <= r.start < end]
            if inherited and nearest is None:
                nearest = (inherited[-1].speaker_start, inherited[-1].speaker_end)
        return nearest

    def acting_subject(self, start: int, end: int, people: list[Mention]) -> Mention | None:
        """The person opening a sentence, titles aside, followed by an active verb, not a passive one."""
        opening = []
        for m in people:
            raw = self.text[start:m[0]]
            before_titles = _TITLE_RUN_END.sub("", raw)
            lead = before_titles.strip()
            if lead and not lead.endswith(","):  # "Dalam rapat itu, X meminta ...": still the subject
                break
            run = _words(raw, len(before_titles), len(raw))
            if run and not self._title_word(run[0][2]):
                break  # "Pembukaan Tamansari tetap ...": a noun phrase, not a title, opens the sentence
            opening.append(m)
        # "Bupati X, Nama, meminta": the name right before the verb first, then across an apposition
        for skip in (r"[\s,]*", r"(?:\s*,[^,]{0,80},)?\s*"):
            for m in opening:
                after = re.compile(skip).match(self.text, m[1], end).end()
                words = _words(self.text, after, end)
                # "Heru enggan berkomentar", "Ia tidak hadir": a modal or a negation goes on with the subject
                while words and (words[0][2].casefold() in self.lex.adverbs or words[0][2] in _PREDICATE_LEADS):
                    words = words[1:]
                if words:
                    w = words[0][2]
                    if w[0].islower() and ((re.match(r"(?:me|ber)\w{3,}", w) and w.casefold() != "merupakan")
                                           or w in self.lex.stance_words):
                        return m
        return None

    def guessed_people(self, start: int, end: int) -> list[Mention]:
        """Stand-in person names in a span where the recognizer found no mention at all."""
        given = [m for m in self.mentions if m[0] < end and start < m[1]]
        return [m for m in self.guessed if start <= m[0] and m[1] <= end and m[2] == "PER"
                and not self.in_quote(m[0]) and not any(o[0] < m[1] and m[0] < o[1] for o in given)]

    def subject(self, start: int, verb: int, people: list[Mention]) -> Mention | None:
        """The person opening the clause before a verb: at the start, or after a comma, titles aside."""
        before = [m for m in people if m[1] <= verb]
        for m in before:
            lead = re.sub(r"(?:[A-Z][\w.'’-]*\s*)+$", "", self.text[start:m[0]]).rstrip()
            if not lead or lead.endswith(","):
                return m
        return before[-1] if before else None

    def speaker_after(self, pos: int, limit: int) -> tuple[int, int, SpeakerKind] | None:
        """The speaker named right after a cue word: a pronoun, a name, an organisation or a title."""
        text = self.text
        while pos < limit and text[pos].isspace():
            pos += 1
        m = _WORD.match(text, pos, limit)
        if not m:
            return None
        first = m.group().rstrip(".")
        if first.casefold() in self.lex.pronouns:
            ante = self.antecedent(pos)
            if ante:
                return ante[0], ante[1], "pronoun"
            return m.start(), m.start() + len(first), "pronoun"
        if first.casefold() in self.lex.determiners and _is_cap(text[m.end():limit].lstrip()[:1] or "a"):
            # "according to the Australian Bureau of Statistics": the article is not the name
            return self.speaker_after(m.end(), limit)
        # the description after the cue runs to the first clause word ("di", "dalam", "saat"):
        # "kata Kepala Dusun X, Kelurahan Y, Bagus Prakoso di ..." -> the first person in it
        chain_end = limit
        prev_end = pos
        for n, (w0, w1, w) in enumerate(_words(text, pos, limit)):
            after_comma = "," in text[prev_end:w0]
            # a capitalised word right after the cue is a name even when it is also a clause
            # word ("tutur Lalu", a given name that means "then")
            breaker = w.casefold() in self.lex.clause_breakers and not (n == 0 and _is_cap(w))
            if (breaker or n >= 25
                    or (after_comma and w.casefold() in self.lex.function_words)):  # ", dari Istana"
                chain_end = w0
                break
            prev_end = w1
        chain_end = pos + len(text[pos:chain_end].rstrip(" ,"))
        if chain_end <= pos:
            return None
        inside = [mm for mm in self.mentions if pos <= mm[0] < chain_end]
        # names the recognizer missed: capitalised words stand in where it found nothing
        people = sorted([mm for mm in inside if mm[2] == "PER"] + [
            mm for mm in self.guessed if pos <= mm[0] < chain_end and mm[2] == "PER"
            and not any(o[0] < mm[1] and mm[0] < o[1] for o in inside)])
        if people:
            # "kata Rudi Hartono, Kepala Dinas ..." / "kata juru bicara Satgas ..., Wulan
            # Sari, dalam ...": the name opens the description or one of its comma parts
            heads = [mm for mm in people if self._opens_part(pos, self._title_start(pos, mm[0]))]
            # a name the recognizer gave beats capitalised words standing in for one ("kata
            # Ketua Siaga Command Center (SCC) Rudi Hartono")
            given = [mm for mm in people if mm in inside]
            mm = ([h for h in heads if h in given] or given or heads or people)[0]
            # the span as written keeps the titles right before the name ("Menlu Retno")
            return self._title_start(pos, mm[0]), mm[1], "name"
        if inside and inside[0][0] == pos and inside[0][2] == "ORG":
            return inside[0][0], inside[0][1], "organization"
        # no name: the capitalised run right after the cue is a title ("kata Kapolri")
        run_end = pos
        for w0, w1, w in _words(text, pos, chain_end):
            if text[run_end:w0].strip() or not _is_cap(w):
                break
            run_end = w1
        if run_end > pos:
            return pos, run_end, "title" if self._all_titles(pos, run_end) else "name"
        # a description ("ujar pria itu", "kata juru bicara tersebut") points back like a pronoun
        ante = self.antecedent(pos)
        return (ante[0], ante[1], "pronoun") if ante else None

    def _title_start(self, floor: int, start: int) -> int:
        """Where the titles written right before ``start`` begin ("Menlu" in "Menlu Retno")."""
        for w0, w1, w in reversed(_words(self.text, floor, start)):
            if self.text[w1:start].strip() or w not in self.lex.titles:
                break
            start = w0
        return start

    def _opens_part(self, floor: int, start: int) -> bool:
        lead = self.text[floor:start].rstrip()
        return not lead or lead.endswith(",")

    def _describes(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is a description of the speaker between commas: it opens
        with a title word ("director of ...", "Kepala Dinas ...") and holds no verb of saying."""
        words = _words(self.text, start, end)
        # "Corporate Communications Manager X": English unit words may come before the title word
        lead = next((w for _, _, w in words if w.casefold() not in business_units()), "")
        return bool(words) and self._title_word(lead) and not any(self.is_verb(w) for _, _, w in words)

    def _title_word(self, word: str) -> bool:
        """A word of a title, in any case, also as the last part of a compound ("Co-Founder")."""
        return any(w in self.lex.titles or w.capitalize() in self.lex.titles for w in (word, word.split("-")[-1]))

    def _all_titles(self, start: int, end: int) -> bool:
        return all(w in self.lex.titles for _, _, w in _words(self.text, start, end))

    def speaker_before(self, start: int, end: int) -> tuple[int, int, SpeakerKind] | None:
        """The subject of a verb of saying that ends at ``end``: a pronoun, a name or an organisation."""
        text = self.text
        words = _words(text, start, end)
        # drop adverbs between subject and verb ("juga", "pun", "kemudian")
        while words and words[-1][2].casefold() in self.lex.adverbs:
            words.pop()
        if not words:
            return None
        if self._only_adverbs(words[-1][1], end) and words[-1][2].casefold() in self.lex.pronouns:
            w0, w1, _ = words[-1]
            ante = self.antecedent(w0)
            return (ante[0], ante[1], "pronoun") if ante else (w0, w1, "pronoun")
        if len(words) >= 2 and words[-2][2].casefold() == "yang":
            return None
        # the agency in a dateline ("MANILA, Dec 4 (Reuters) - ") is the publisher, never the subject
        cands = self.mentions_in(max(start, self.dateline_end or 0), end, ("PER", "ORG"))
        people = [m for m in cands if m[2] == "PER"] or self.guessed_people(start, end)
        # "Rachel Kim, an analyst at X, said": the name before the apposition is the subject
        for m in people:
            if _APPOSITION.fullmatch(text, m[1], end) and self._opens_part(start, self._title_start(start, m[0])):
                return m[0], m[1], "name"
        if people:
            m = people[-1]
            return m[0], m[1], "name"
        if cands:
            m = cands[0]
            return m[0], m[1], "organization"
        # "Vietnam's foreign ministry said": a country's or a city's body, named by what it is
        if len(words) >= 2 and words[-1][2].casefold() in _BODY_NOUNS:
            k = len(words) - 2
            while k > 0 and len(words) - k <= 3 and words[k][2].islower():
                k -= 1
            w0, _, w = words[k]
            if _is_cap(w) and w.endswith(("'s", "’s")) and all(x[2].islower() for x in words[k + 1:]):
                return w0, words[-1][1], "organization"
        # a title alone at the start of the clause ("Kapolri mengatakan ...")
        run = []
        for w0, w1, w in words:
            if not _is_cap(w):
                break
            run.append((w0, w1))
        if run and len(run) == len(words) and self._all_titles(run[0][0], run[-1][1]):
            return run[0][0], run[-1][1], "title"
        return None

    def add(self, **kw) -> None:
        self.records.append(QuoteRecord(**kw))

    # -- direct quotes ------------------------------------------------------------------------

    def direct(self, sp: _Span, prev_close: int | None) -> None:
        text = self.text
        pieces = [_trim(text, a, b) for a, b in sp.pieces]
        pieces = [p for p in pieces if p[1] > p[0]]
        if not pieces:
            return
        start, end = pieces[0][0], pieces[-1][1]
        content = "\n\n".join(text[a:b] for a, b in pieces)
        n_words = len(_words(text, start, end))
        para0, para1 = sp.first_para, sp.last_para
        sent = self.sentence_of(sp.open) or (para0[0], para0[1])
        # the word before the opening mark: film “...”, bertajuk "..." are names, not statements
        lead_from = prev_close + 1 if prev_close is not None and prev_close >= para0[0] else para0[0]
        lead = text[lead_from:sp.open]
        lead_words = _words(text, lead_from, sp.open)
        if lead_words and lead_words[-1][2].casefold() in self.lex.not_quote_context and not lead.rstrip().endswith((",", ":")):
            return
        cue = self._cue_after(sp.close + 1, para1[1])
        if cue is None:
            cue = self._cue_before(lead_from, sp.open, para0)
            if cue is not None and re.match(r"\s*[a-z]", text[sp.close + 1:para1[1]]) \
                    and not re.search(r"[.!?,]$", content):
                return  # 'memastikan, ”kota hujan” tersebut ...': a phrase inside the clause
        if cue is None:
            # a quote standing alone as a paragraph is what the last speaker goes on saying; a
            # short quote inside a sentence is a scare quote, a nickname or a title
            at_para_start = text[para0[0]:sp.open].strip() == "" or (prev_close is not None and lead.strip() == "")
            ends_para = sp.close >= para1[1] or text[sp.close + 1:para1[1]].strip(" .") == ""
            # '"...," Budi said. "...."': a new sentence that is only a quote, after a quote
            # attributed in the same paragraph, goes on with that quote's speaker
            goes_on = self._attributed_quote_before(para0, sp.open) if (
                prev_close is not None and ends_para and n_words >= 3 and lead.rstrip().endswith((".", "!", "?"))
            ) else None
            if goes_on is not None:
                cue = (None, (goes_on.speaker_start, goes_on.speaker_end, goes_on.speaker_kind), sent)
            elif not (at_para_start and ends_para and n_words >= 3):
                return
            else:
                ante = self.antecedent(sp.open)
                cue = (None, (ante[0], ante[1], "none") if ante else None, sent)
        where, spk, frame = cue
        s0, s1, kind = spk if spk is not None else (None, None, "none")
        self.add(mode="direct", text=content, start=start, end=end,
                 cue=text[where[0]:where[1]] if where else None, cue_start=where[0] if where else None,
                 cue_end=where[1] if where else None, speaker_text=text[s0:s1] if s0 is not None else None,
                 speaker_start=s0, speaker_end=s1, speaker_kind=kind, frame_start=frame[0], frame_end=frame[1])

    def _attributed_quote_before(self, para: tuple[int, int], pos: int) -> QuoteRecord | None:
        """The last direct quote before ``pos`` in the paragraph, if it has a speaker and a cue."""
        for r in reversed(self.records):
            if r.mode == "direct" and para[0] <= r.start and r.end <= pos:
                return r if r.speaker_start is not None and r.cue is not None else None
        return None

    def _clause_end(self, pos: int, limit: int) -> int:
        """Where the sentence or clause from ``pos`` ends: a full stop, a quotation mark, a newline."""
        at = pos
        while True:
            m = _CLAUSE_STOP.search(self.masked, at, limit)
            if m is None:
                return limit
            last = self.text[pos:m.start()].split()
            # "St. Petersburg", "dr. Rina": an abbreviation's period does not end the clause
            if self.masked[m.start()] == "." and last and last[-1].casefold() in self.lex.abbreviations:
                at = m.end()
                continue
            return m.start()

    def _cue_after(self, pos: int, limit: int):
        """A cue right after a closing mark: ', kata X', 'ujarnya', ', X menambahkan.'"""
        text = self.text
        m = re.compile(r"[\s,.]*").match(text, pos, limit)
        p = m.end()
        words = _words(text, p, min(limit, p + 200))
        if not words:
            return None
        clause_end = self._clause_end(p, limit)
        idx = 0
        if words[0][2].casefold() in ("demikian", "begitu"):
            idx = 1
            # "”...,” begitu Risma menyapa warga": any verb of the me-/ber- form is the cue
            for w0, w1, w in words[1:9]:
                if w1 > clause_end:
                    break
                if w[0].islower() and re.match(r"(?:me|ber)\w{3,}", w) and w0 > words[1][0]:
                    spk = self.speaker_before(words[1][0], w0)
                    if spk is not None:
                        return (w0, w1), spk, (pos, clause_end)
                    break
        if idx < len(words):
            w0, w1, w = words[idx]
            is_cue, nya = self.is_cue_word(w)
            if is_cue and (w[0].islower() or idx == 0):
                if nya:
                    ante = self.antecedent(w0)
                    spk = (ante[0], ante[1], "pronoun") if ante else None
                    return (w0, w1), spk, (pos, max(clause_end, w1))
                spk = self.speaker_after(w1, clause_end)
                return (w0, w1), spk, (pos, max(clause_end, w1))
            if self.is_verb(w):
                spk = self.speaker_after(w1, clause_end)
                return (w0, w1), spk, (pos, max(clause_end, w1))
        # "”...,” Hartono menambahkan." / "”...,” katanya menambahkan"
        for j in range(min(len(words), 8)):
            w0, w1, w = words[j]
            if w1 > clause_end:
                break
            if self.is_verb(w) or (self.is_cue_word(w)[0] and j > 0 and w[0].islower()):
                if j == 0:
                    break
                spk = self.speaker_before(p, w0)
                if spk is None:
                    break
                return (w0, w1), spk, (pos, clause_end)
        return None

    def _cue_before(self, start: int, open_at: int, para: tuple[int, int]):
        """A cue before an opening mark: 'Ia mengatakan: “...', 'kata Budi, “...'."""
        text = self.text
        lead = text[start:open_at]
        if not re.search(r"[,:]\s*$", lead):
            # a paragraph that ends with a colon introduces the quote paragraph after it
            if lead.strip() == "" and start == para[0]:
                prev = [p for p in self.paras if p[1] <= para[0]]
                if prev and text[prev[-1][0]:prev[-1][1]].rstrip().endswith(":"):
                    p0, p1 = prev[-1]
                    return self._cue_in_clause(p0, text.rindex(":", p0, p1))
            return None
        stop = start + len(lead.rstrip()) - 1  # the comma or colon
        sent = self.sentence_of(stop) or para
        return self._cue_in_clause(max(start, sent[0]), stop)

    def _cue_in_clause(self, start: int, stop: int):
        text = self.text
        words = _words(text, start, stop)
        for j in range(len(words) - 1, -1, -1):
            w0, w1, w = words[j]
            lw = w.casefold()
            is_cue, nya = self.is_cue_word(lw)
            if self.is_verb(w):
                spk = self.speaker_before(start, w0)
                return (w0, w1), spk, (start, stop)
            if is_cue and w[0].islower():
                if nya:
                    ante = self.antecedent(w0)
                    return (w0, w1), ((ante[0], ante[1], "pronoun") if ante else None), (start, stop)
                return (w0, w1), self.speaker_after(w1, stop), (start, stop)
            if lw == "menurut":
                return (w0, w1), self.speaker_after(w1, stop), (start, stop)
        return None

    # -- reported speech ----------------------------------------------------------------------

    def reported(self, sent: tuple[int, int]) -> None:
        text = self.text
        s0, s1 = sent
        body_end = s1
        while body_end > s0 and text[body_end - 1] in " .!?\n":
            body_end -= 1
        words = _words(text, s0, body_end)
        if len(words) < 4:
            return
        low = [w[2].casefold() for w in words]
        # "Hal itu diungkapkan oleh X ..."
        if low[0] == "hal" and len(low) > 2 and low[1] in ("itu", "tersebut", "ini"):
            k = 2
            while k < len(low) and low[k] in self.lex.adverbs:
                k += 1
            if k < len(low) and low[k] in self.lex.passive_cues:
                self._passive(sent, words[k])
                return
        # "Menurut X, ..." / "According to X, ..." (anywhere in the sentence) and "..., menurut X."
        marker = self._source_marker(low)
        if marker is not None:
            j, n = marker
            cue = (words[j][0], words[j + n - 1][1], text[words[j][0]:words[j + n - 1][1]])
            after = words[j + n - 1][1]
            cut = text.find(",", after, body_end)
            if cut != -1 and j + n < len(words):
                spk = self.speaker_after(after, cut)
                stmt_from = cut + 1
                # "Menurut pengamat dari Universitas X, Rizal Fauzi, ...": the name between commas
                nxt = text.find(",", cut + 1, body_end)
                said_by_pronoun = low[j + n] in self.lex.pronouns
                if nxt != -1 and not said_by_pronoun and (spk is None or spk[2] in ("pronoun", "title")):
                    inner = self.mentions_in(cut + 1, nxt, ("PER",))
                    if inner and not text[cut + 1:inner[0][0]].strip() and not text[inner[-1][1]:nxt].strip():
                        spk, stmt_from = (inner[0][0], inner[-1][1], "name"), nxt + 1
                elif nxt != -1 and spk is not None and spk[2] == "name" and self._describes(cut + 1, nxt):
                    stmt_from = nxt + 1  # "According to X, director of Y, the deal ...": the title is no statement
                if spk:
                    a, b = _trim(text, stmt_from, body_end)
                    if j > 0 and b - a < 10:  # "..., menurut X." at the end
                        a, b = _trim(text, s0, words[j][0])
                    self._reported(a, b, cue, spk, sent)
                    return
            elif cut == -1 and j > 2 and text[s0:words[j][0]].rstrip().endswith(","):
                spk = self.speaker_after(after, body_end)
                if spk:
                    a, b = _trim(text, s0, words[j][0])
                    self._reported(a, b, cue, spk, sent)
                    return
        # "X (juga) mengatakan (bahwa) ..."
        for j, lw in enumerate(low):
            if not self.is_verb(words[j][2]) or j == 0:
                continue
            spk = self.speaker_before(s0, words[j][0])
            if spk is None:
                if self._unnamed_after_clause(words, j, body_end):
                    # "The talks will go on, officials said.": the clause is said, by no one named
                    comma = text.rfind(",", s0, words[j - 1][0])
                    a, b = _trim(text, self._after_dateline(s0), comma)
                    if len(_words(text, a, b)) >= 3:
                        self._reported(a, b, words[j], (None, None, "none"), sent)
                        return
                continue
            a = re.compile(r"[\s,:]*").match(text, words[j][1], body_end).end()
            # "said (on Monday / in a statement) that ...": the clause starts after the complementizer
            for k in range(j + 1, min(j + 6, len(words))):
                if low[k] in self.lex.complementizers:
                    if k == j + 1 or "," not in text[words[j][1]:words[k][0]]:
                        a = words[k][1]
                    break
                if self.is_verb(words[k][2]):
                    break
            a, b = _trim(text, a, body_end)
            if len(_words(text, a, b)) < 3:
                # "The port will reopen, Minister X said on Tuesday.": the clause comes first
                # (the speaker's description, "Transport Minister", "police spokesman", sits between)
                lead = _TRAILING_DESCRIPTION.search(text, s0, spk[0])
                if lead is not None and self._only_adverbs(spk[1], words[j][0]):
                    a, b = _trim(text, self._after_dateline(s0), lead.start())
                    if len(_words(text, a, b)) >= 3:
                        self._reported(a, b, words[j], spk, sent)
                        return
                continue
            self._reported(a, b, words[j], spk, sent)
            return
        # "..., kata X." at the end of a sentence without quotation marks
        for j in range(len(words) - 1, 0, -1):
            w0, w1, w = words[j]
            if not w[0].islower() or not self.is_cue_word(w)[0]:
                continue
            if not text[s0:w0].rstrip().endswith(","):
                continue
            if self.is_cue_word(w)[1]:
                ante = self.antecedent(w0)
                spk = (ante[0], ante[1], "pronoun") if ante else None
            else:
                spk = self.speaker_after(w1, body_end)
            if spk is None:
                continue
            a, b = _trim(text, self._after_dateline(s0), w0)
            if len(_words(text, a, b)) >= 3:
                self._reported(a, b, words[j], spk, sent)
            return

    def _after_dateline(self, start: int) -> int:
        """Past the dateline the layout found ("KYIV, July 13 (ANTARA) - "), when it lies at ``start``."""
        end = self.dateline_end
        return end if end is not None and start <= end and self.para_of(start) == self.para_of(end) else start

    def _only_adverbs(self, start: int, end: int) -> bool:
        return all(w.casefold() in self.lex.adverbs for _, _, w in _words(self.text, start, end))

    def _source_marker(self, low: list[str]) -> tuple[int, int] | None:
        """The first "menurut" / "according to" in a sentence's words: (index, length)."""
        for j in range(len(low)):
            for phrase in self.lex.source_markers:
                if tuple(low[j:j + len(phrase)]) == phrase:
                    return j, len(phrase)
        return None

    def _reported(self, a: int, b: int, cue, spk, sent) -> None:
        s0, s1, kind = spk
        self.add(mode="reported", text=self.text[a:b], start=a, end=b, cue=self.text[cue[0]:cue[1]],
                 cue_start=cue[0], cue_end=cue[1], speaker_text=self.text[s0:s1] if s0 is not None else None,
                 speaker_start=s0, speaker_end=s1, speaker_kind=kind, frame_start=sent[0], frame_end=sent[1])

    def _unnamed_after_clause(self, words, j: int, body_end: int) -> bool:
        """Whether the verb of saying at ``words[j]`` follows a clause and a comma, with one or two
        plain nouns as its subject and nothing said after it: "..., officials said." """
        text = self.text
        if j < 2:
            return False
        k = j - 1
        while k > 0 and j - k < 2 and words[k - 1][2].islower() and "," not in text[words[k - 1][1]:words[k][0]]:
            k -= 1
        subject = words[k:j]
        if not all(w[2].isalpha() and w[2].islower() and w[2].casefold() not in self.lex.pronouns
                   and w[2].casefold() not in self.lex.adverbs for w in subject):
            return False
        if "," not in text[words[k - 1][1]:words[k][0]]:
            return False
        after = text[words[j][1]:body_end].lstrip()
        return after[:1] in (",", ".", "")

    def _passive(self, sent: tuple[int, int], verb) -> None:
        """'Hal itu diungkapkan oleh X': the sentence before is X's, said when and where this one says."""
        text = self.text
        m = re.compile(r"\s*(?:oleh\s+)?").match(text, verb[1], sent[1])
        spk = self.speaker_after(m.end(), self._clause_end(m.end(), sent[1]))
        prev = [s for s in self.sentences if s[1] <= sent[0]]
        if not prev or spk is None:
            return
        p0, p1 = prev[-1]
        for i in range(len(self.records) - 1, -1, -1):
            r = self.records[i]
            if r.start < p1 and r.end > p0:  # already a statement: it gains a setting
                self.records[i] = replace(r, frame_start=min(r.frame_start or p0, p0), frame_end=sent[1])
                return
        a, b = _trim(text, p0, p1)
        while b > a and text[b - 1] in ".!?":
            b -= 1
        self._reported(a, b, verb, spk, (p0, sent[1]))

    # -- the pass -----------------------------------------------------------------------------

    def run(self) -> list[QuoteRecord]:
        spans = sorted(self.spans, key=lambda s: s.open)
        done: set[int] = set()
        for sent in self.sentences:
            inside = [sp for sp in spans if sent[0] <= sp.open < sent[1]]
            if inside:
                for sp in inside:
                    if id(sp) in done:
                        continue
                    done.add(id(sp))
                    prev = [o for o in spans if o.close < sp.open and o.last_para == sp.first_para]
                    self.direct(sp, prev[-1].close if prev else None)
                continue
            if any(sp.open < sent[1] and sp.close > sent[0] for sp in spans):
                continue  # a later paragraph of a quote
            self.reported(sent)
        return sorted(self.records, key=lambda r: r.start)




# ", an analyst at Jakarta Capital," between a name and its verb
_APPOSITION = re.compile(r"\s*,[^,]{1,80},\s*")
# a comma, then at most five words without punctuation, up to the speaker's name
# what a country's or a city's body is called in English: "Vietnam's foreign ministry said"
_BODY_NOUNS = frozenset({"ministry", "embassy", "government", "police", "military", "army", "navy",
                         "office", "agency", "department", "parliament", "court", "presidency", "cabinet"})
# words between a sentence's subject and its verb that are no adverbs of saying (a negated or
# wished-for verb is no statement, so they stay out of the adverbs list): only the subject is read
_PREDICATE_LEADS = frozenset({"enggan", "tidak", "tak", "belum", "masih", "akan", "tetap", "langsung",
                              "segera", "mau", "ingin", "bisa", "dapat", "harus", "sedang", "tengah", "terus"})
_TRAILING_DESCRIPTION = re.compile(r",(?:\s+[\w.'’-]+){0,5}\s*$")


def find_quotes(text: str, blocks: Sequence[Block], mentions: Sequence[Mention] = (), *,
                dateline_end: int | None = None) -> list[QuoteRecord]:
    """Finds the direct quotes and reported speech in the body blocks, in text order.

    ``mentions`` are the recognizer's (start, end, label) with label PER/ORG/LOC; without them,
    capitalised word sequences stand in (see :func:`guess_mentions`). With no blocks at all, every
    blank-line separated paragraph of ``text`` is searched. ``dateline_end`` is where the layout's
    dateline ends (``PageMetadata.dateline_end``): a statement never starts inside it.
    """
    return _Finder(text, blocks, mentions, dateline_end).run()


def guess_mentions(text: str, blocks: Sequence[Block] = ()) -> list[Mention]:
    """Capitalised word sequences in the body, split into a title/organisation head and a name.

    A crude stand-in for the recognizer: a word that the text also writes in lower case, a title,
    an affixed common noun ("Perindustrian") or an acronym ends the head; what follows is a
    person's name. Sentence-initial common words ("Sebab", "Ironisnya") are not names.
    """
    lex = load_lexicon()
    lower = {m.group().casefold() for m in re.finditer(r"\b[a-z][\w-]*", text)}
    # words of names written after "di" or a place word are places ("di Banyumas", "Kota Bogor")
    places = set()
    for m in re.finditer(r"\b(?:di|Kabupaten|(?<!Wali )Kota|Provinsi|Kecamatan|Desa)\s+([A-Z][\w-]*)", text):
        places.add(m.group(1))
    inner = set()  # capitalised words seen inside a sentence, not at its start
    for m in re.finditer(r"(?<=[a-z,] )[A-Z][\w-]*", text):
        inner.add(m.group())
    out: list[Mention] = []

    def cap(word: str) -> bool:  # a capitalised word that may be part of a name
        return _is_cap(word) and word.casefold() not in lex.calendar

    def common(word: str) -> bool:
        return (word in lex.titles or word in lex.name_heads or word.casefold() in lower or word in places
                or (len(word) >= 3 and word.isupper()) or AFFIXED_NOUN.fullmatch(word.casefold()) is not None)

    for p0, p1 in _paragraphs(text, blocks):
        words = _words(text, p0, p1)
        i = 0
        while i < len(words):
            if not cap(words[i][2]):
                i += 1
                continue
            j = i
            while j + 1 < len(words) and cap(words[j + 1][2]) and re.fullmatch(r"\.?[ \u00a0]", text[words[j][1]:words[j + 1][0]]):
                j += 1
            run = words[i:j + 1]
            i = j + 1
            initial = re.search(r"(?:^|[.!?:][”\"’)]*|[“”\"(])\s*$", text[p0:run[0][0]]) is not None
            while run and (run[0][2].casefold() in lex.function_words or run[0][2].casefold() in lex.pronouns
                           or (initial and (run[0][2].casefold() in lower or run[0][2].endswith("nya")))):
                run = run[1:]
                initial = False
            if not run:
                continue
            k = max((n for n, w in enumerate(run) if common(w[2])), default=-1)
            head, tail = run[:k + 1], run[k + 1:]
            if (head and tail and lex.name_heads.get(head[-1][2]) == "LOC"
                    and not (len(head) > 1 and head[-2][2] == "Wali")):  # "Wali Kota" is a title
                head, tail = head + tail[:1], tail[1:]
            if len(head) == 1 and lex.name_heads.get(head[0][2]) == "ORG":
                head, tail = head + tail, []  # "Kementerian Luar Negeri": the head needs its complement
            while head and head[0][2] in lex.titles:
                head = head[1:]
            if head and not all(w[2] in lex.titles for w in head):
                label = lex.name_heads.get(head[0][2])
                if label is None:
                    label = "LOC" if any(lex.name_heads.get(w[2]) == "LOC" for w in head) else "ORG"
                if len(head) > 1 or head[0][2].isupper() or head[0][2].casefold() not in lower:
                    out.append((head[0][0], head[-1][1], label))
            # "Sulbar Rahmat Hidayat": a first word the text also uses on its own
            # (not before the same next word) belongs to the title, not to the name
            while len(tail) > 2 and re.search(
                    rf"\b{re.escape(tail[0][2])}\b(?! {re.escape(tail[1][2])})", text):
                tail = tail[1:]
            if len(tail) == 1 and initial and tail[0][2] not in inner:
                continue  # a lone capitalised word opening a sentence, never seen inside one
            if len(tail) >= 2 and len({w[2].casefold() for w in tail}) == 1:
                continue  # "Sasaran Sasaran": a word written twice is a plural
            if tail:
                label = lex.name_heads.get(tail[0][2]) or "PER"
                out.append((tail[0][0], tail[-1][1], label))
    return out


# the title before a name that opens a sentence, with its connectors and bracketed
# abbreviations: "Ketua sekaligus Pendiri Komunitas Jalan Kaki (KJK) "
_TITLE_RUN_END = re.compile(r"(?:(?:[A-Z][\w.'’-]*|\([A-Z][\w-]*\)|sekaligus|dan|to|of|for|and|&),?\s*)+$")
