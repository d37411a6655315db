"""Entity resolution: mentions in one article -> one :class:`kg.model.Entity` per real-world entity.

Surface forms are merged when they name the same thing:

- the same gazetteer id ("AS" and "Amerika Serikat");
- the same name up to case, accents, punctuation and transliteration ("KYIV"/"Kyiv",
  "Zelensky"/"Zelenskiy"/"Zelenskyy");
- a person's full name and, later or earlier, the surname or first name alone;
- a name and the abbreviation in brackets right after it ("Kelompok 7 (G7)").

The name of an entity is the fullest form the text uses (the gazetteer's preferred name when
the text uses it; never all capitals when a mixed-case form exists); every other form is an
alternate name. Roles come from ``doc._.kg_roles`` (see :mod:`kg.nlp.rules`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.errors import InputError
from kg.model import Block, Entity, EntityType, Mention, Name, Role
from kg.nlp.gazetteer import Gazetteer, GazetteerEntry
from kg.nlp.rules import HEAD_KINDS, LEGAL_FORMS, PREFIX_KINDS, fold_name, gives_short_form, load_lexicon

BRACKETED = re.compile(r"^(.+?) \(([^()\s]+)\) ?(.*)$")

TYPES: dict[str, EntityType] = {
    "PER": "Person", "PERSON": "Person",
    "ORG": "Organization",
    "LOC": "Place", "GPE": "Place",
}


@dataclass
class _Cluster:
    """What the resolver knows of one entity while it reads."""

    key: str
    forms: list[str] = field(default_factory=list)  # surface forms as written, first seen first
    extra_forms: list[str] = field(default_factory=list)  # forms with a rank or honorific: never the name
    votes: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)  # how often each form is used
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    entry: GazetteerEntry | None = None
    source: str = ""
    last: int = -1  # offset of the latest mention, to prefer the nearest person for a bare surname
    dateline: bool = False  # the article's dateline names it (set in capitals by convention)
    named_type: EntityType | None = None  # set by a long name given with its short form

    @property
    def type(self) -> EntityType:
        if self.entry is not None:
            return self.entry.type
        if self.named_type is not None:
            return self.named_type
        best = max(self.votes.values())
        return next(t for t in self.votes if self.votes[t] == best)

    def folded(self) -> set[str]:
        if self.type == "Person":
            return {fold_name(f) for f in self.forms}
        return {k for f in self.forms for k in org_keys(f)}

    def longest_tokens(self) -> list[str]:
        return max((fold_name(f).split() for f in self.forms), key=len, default=[])

    def add_form(self, text: str) -> None:
        text = " ".join(text.split())  # a no-break space or line break inside a name is a space
        self.counts[text] += 1
        if text not in self.forms:
            self.forms.append(text)


class EntityResolver:
    """Collects mentions and names of one article and merges them into entities."""

    def __init__(self, gazetteer: Gazetteer, language: str = "id"):
        self.gazetteer = gazetteer
        self.language = language
        self._clusters: list[_Cluster] = []
        self._blocks: list[Block] = []

    # -- input -----------------------------------------------------------------------------
    def add_doc(self, doc: Doc, blocks: Sequence[Block]) -> None:
        """Turns the doc's entity spans inside ``blocks`` into mentions, and its role spans into roles."""
        self._blocks.extend(blocks)
        sources = (doc._.kg_sources if Doc.has_extension("kg_sources") else None) or {}
        text = doc.text  # spaCy rebuilds doc.text from the tokens on every access
        previous: tuple[object, _Cluster] | None = None
        for ent in doc.ents:
            type_ = TYPES.get(ent.label_)
            if type_ is None or not self._in_blocks(ent.start_char, ent.end_char):
                continue
            entry = self.gazetteer.get(ent.kb_id_) if ent.kb_id_ else None
            if entry is None and _legal_form(ent.text):
                type_ = "Organization"  # "Perum Bulog", "PT Maju Jaya": a company, whatever a recognizer guessed
            source = "gazetteer" if entry else sources.get((ent.start_char, ent.end_char), "ner")
            cluster = None
            if previous is not None and (_bracketed_after(text, previous[0], ent)
                                         or _short_form_after(text, previous[0], ent)):
                prev_cluster = previous[1]
                if entry is None or prev_cluster.entry is None or entry.id == prev_cluster.entry.id:
                    cluster = prev_cluster
                    # the name before the brackets says what the abbreviation is, wherever else it
                    # stands: an organisation's or a place's name fixes the type
                    cluster.votes[cluster.type] += 2
                    if previous[0].label_ in ("ORG", "LOC"):
                        cluster.named_type = TYPES[previous[0].label_]
                    if cluster.entry is None and entry is not None:
                        cluster.entry = entry
            if cluster is None:
                cluster = self._match(ent.text, type_, entry, partial=True)
            if cluster is None:
                cluster = self._new(type_, source, entry or self._lookup(ent.text, type_))
            cluster.add_form(ent.text)
            cluster.votes[type_] += 1
            cluster.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
            cluster.last = ent.start_char
            previous = (ent, cluster)
        self._add_roles(doc)

    def _add_roles(self, doc: Doc) -> None:
        text = doc.text
        roles = (doc._.kg_roles if Doc.has_extension("kg_roles") else None) or []
        for r in roles:
            person = self._cluster_at(r[2], r[3])
            if person is None or person.type != "Person":
                continue
            owner = self._cluster_at(r[4], r[5]) if r[4] is not None else None
            of = owner.key if owner is not None and owner.type != "Person" else None
            self._add_role(person, Role(title=text[r[0]:r[1]], of=of))
        forms = (doc._.kg_name_forms if Doc.has_extension("kg_name_forms") else None) or []
        for f in forms:
            person = self._cluster_at(f[2], f[3])
            form = text[f[0]:f[1]]
            if person is not None and form not in person.extra_forms:
                person.extra_forms.append(form)

    def add_name(self, name: Name, type: EntityType, source: str) -> str:
        """Adds a name the page gives outside the recognised text; returns the key of its entity."""
        key = self._add_name(name, type, source)
        if source == "dateline":
            next(c for c in self._clusters if c.key == key).dateline = True
        return key

    def _add_name(self, name: Name, type: EntityType, source: str) -> str:
        text = " ".join(name.text.split())
        if not text:
            raise InputError(f"an empty {type} name was given (source {source!r})",
                             "pass only names with text; skip empty metadata fields")
        owner = None
        if name.start is not None and name.end is not None:
            owner = self._cluster_at(name.start, name.end)
            if owner is not None and owner.type == type:
                return owner.key
            if owner is not None and owner.entry is None and owner.source in ("ner", "rules"):
                # a recognizer guessed the type of these words; the page or the quote knows better
                owner.votes[type] += sum(owner.votes.values()) + 1
                return owner.key
        role = None
        if type == "Person":
            text, role = _strip_title(text)
            if not text:  # the name is a title alone: "kata Presiden"
                key = self._by_role(role or name.text)
                if key is not None:
                    return key
                text = " ".join(name.text.split())
                role = None
        # the page says what the name is (an author is a person): only an entity of that type will do
        cluster = self._match(text, type, None, partial=type == "Person", strict_type=True)
        if cluster is None:
            entry = self._lookup(text, type)
            cluster = self._match(text, type, entry, partial=False, strict_type=True) if entry else None
            if cluster is None:
                cluster = self._new(type, source, entry)
        cluster.add_form(text)
        cluster.votes[type] += 1
        if role:
            self._add_role(cluster, Role(title=role))
        if (name.start is not None and name.end is not None and self._in_blocks(name.start, name.end)
                and owner is None):
            cluster.mentions.append(Mention(name.start, name.end, name.text))
            cluster.mentions.sort(key=lambda m: m.start)
        return cluster.key

    # -- queries ---------------------------------------------------------------------------
    def key_at(self, start: int, end: int) -> str | None:
        """Key of the entity with a mention overlapping ``[start, end)``, else None."""
        cluster = self._cluster_at(start, end)
        return cluster.key if cluster is not None else None

    def find(self, surface: str, type: EntityType | None = None) -> str | None:
        """Key of the entity ``surface`` names (a name, a surname, or a role held by one person), else None."""
        surface = " ".join(surface.split())
        if not surface:
            return None
        cluster = self._match(surface, type, None, partial=type in (None, "Person"), strict_type=True)
        if cluster is not None:
            return cluster.key
        if type in (None, "Person"):
            return self._by_role(surface)
        return None

    def entities(self) -> tuple[Entity, ...]:
        """The merged entities, in the order the article first names them."""
        return tuple(self._entity(c) for c in self._clusters if c.forms)

    # -- internals -------------------------------------------------------------------------
    def _in_blocks(self, start: int, end: int) -> bool:
        return any(b.start <= start and end <= b.end for b in self._blocks)

    def _cluster_at(self, start: int, end: int) -> _Cluster | None:
        for c in self._clusters:
            if any(m.start < end and start < m.end for m in c.mentions):
                return c
        return None

    def _new(self, type_: EntityType, source: str, entry: GazetteerEntry | None) -> _Cluster:
        if entry is not None:
            for c in self._clusters:
                if c.entry is not None and c.entry.id == entry.id:
                    return c
        c = _Cluster(key=f"e{len(self._clusters) + 1}", entry=entry, source="gazetteer" if entry else source)
        c.votes[type_] += 0
        self._clusters.append(c)
        return c

    def _lookup(self, surface: str, type_: EntityType) -> GazetteerEntry | None:
        """The gazetteer entry of this type that ``surface`` names, when exactly one does."""
        candidates = [e for e in self.gazetteer.lookup(surface) if e.type == type_]
        if len(candidates) == 1:
            return candidates[0]
        return None

    def _match(self, surface: str, type_: EntityType | None, entry: GazetteerEntry | None, *,
               partial: bool, strict_type: bool = False) -> _Cluster | None:
        if entry is not None:
            for c in self._clusters:
                if c.entry is not None and c.entry.id == entry.id:
                    return c
        folded = fold_name(surface)
        if not folded:
            return None
        keys = {folded} if type_ == "Person" else org_keys(surface)
        exact = [c for c in self._clusters
                 if keys & c.folded() and (entry is None or c.entry is None)
                 and (type_ is None or not strict_type or c.type == type_)
                 and (entry is None or c.type == entry.type)]
        if exact:
            same = [c for c in exact if type_ is None or c.type == type_]
            chosen = (same or exact)[0]
            if entry is not None and chosen.entry is None:
                chosen.entry = entry
            return chosen
        if not partial or type_ not in (None, "Person"):
            return None
        tokens = folded.split()
        people = [c for c in self._clusters if c.type == "Person"
                  and (entry is None or c.entry is None or c.entry.id == entry.id)]
        hits = [c for c in people if _part_of(tokens, c) or _part_of(c.longest_tokens(), None, tokens)]
        if not hits:
            return None
        if len({id(c) for c in hits}) > 1:
            # a bare surname shared by two people: the one named most recently
            hits.sort(key=lambda c: c.last, reverse=True)
        chosen = hits[0]
        if entry is not None and chosen.entry is None:
            chosen.entry = entry
        return chosen

    def _by_role(self, title: str) -> str | None:
        """The one person whose role is ``title`` ("Presiden"), else None."""
        want = fold_name(title)
        if not want:
            return None
        exact = [c for c in self._clusters if c.type == "Person" and any(fold_name(r.title) == want for r in c.roles)]
        if len(exact) == 1:
            return exact[0].key
        if exact:
            return None
        prefix = [c for c in self._clusters if c.type == "Person"
                  and any(fold_name(r.title).startswith(want + " ") for r in c.roles)]
        return prefix[0].key if len(prefix) == 1 else None

    def _add_role(self, cluster: _Cluster, role: Role) -> None:
        title = " ".join(role.title.split()).strip(" ,")
        if not title:
            return
        for i, r in enumerate(cluster.roles):
            if fold_name(r.title) == fold_name(title):
                if r.of is None and role.of is not None:
                    cluster.roles[i] = Role(title=r.title, of=role.of)
                return
        cluster.roles.append(Role(title=title, of=role.of))

    def _entity(self, c: _Cluster) -> Entity:
        name = _choose_name(c)
        alternates = [f for f in (*c.forms, *c.extra_forms) if f != name]
        if c.type != "Person":
            # "Balai Besar Wilayah Sungai (BBWS) Pemali Juana": named without the brackets, and
            # known too by its abbreviation ("BBWS Pemali Juana")
            for form in c.forms:
                parts = _bracketed(form)
                if parts is not None and parts[1].casefold() not in LEGAL_FORMS:
                    long, abbr, tail = parts
                    if name == form:
                        name = " ".join(f"{long} {tail}".split())
                    alternates.extend(a for a in (form, " ".join(f"{abbr} {tail}".split())) if a != name)
        entry = c.entry
        return Entity(
            key=c.key,
            type=c.type,
            name=name,
            alternate_names=tuple(dict.fromkeys(alternates)),
            wikidata=entry.wikidata if entry else None,
            extra_types=tuple(entry.extra_types) if entry else (),
            roles=tuple(c.roles),
            mentions=tuple(sorted(c.mentions, key=lambda m: (m.start, m.end))),
            source=c.source,
        )


def _bracketed(text: str) -> tuple[str, str, str] | None:
    """"Badan Pusat Statistik (BPS) Jawa Tengah" -> ("Badan Pusat Statistik", "BPS", "Jawa Tengah")."""
    m = BRACKETED.match(" ".join(text.split()))
    return (m.group(1), m.group(2), m.group(3)) if m else None


def _legal_form(text: str) -> bool:
    """Whether the name carries a company's legal form: "Perum Bulog", "PT Maju Jaya Tbk"."""
    words = [w.strip("().,").casefold() for w in text.split()]
    return len(words) >= 2 and (words[0] in LEGAL_FORMS or words[-1] in LEGAL_FORMS)


def org_keys(text: str) -> set[str]:
    """The folded forms under which an organisation or place name matches another mention of it:
    as written, without its legal form ("Perum Bulog" ~ "Bulog"), and for "Long (ABBR) Tail" the
    forms "ABBR Tail", "ABBR" and "Long Tail"."""
    keys = {fold_name(text)}
    parts = _bracketed(text)
    if parts is not None and parts[1].casefold() in LEGAL_FORMS:
        keys.add(fold_name(f"{parts[0]} {parts[2]}"))  # "PT Pertamina (Persero)"
    elif parts is not None:
        long, abbr, tail = parts
        head = long.split()[0]  # "Dinas PUPR" for "Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)"
        keys |= {fold_name(f"{abbr} {tail}"), fold_name(abbr), fold_name(f"{long} {tail}"),
                 fold_name(f"{head} {abbr} {tail}"), fold_name(f"{head} {abbr}")}
    for key in list(keys):
        words = key.split()
        while len(words) > 1 and words[0] in LEGAL_FORMS:
            words = words[1:]
        while len(words) > 1 and words[-1] in LEGAL_FORMS:
            words = words[:-1]
        keys.add(" ".join(words))
    keys.discard("")
    return keys


def _part_of(tokens: list[str], cluster: _Cluster | None, whole: list[str] | None = None) -> bool:
    """Whether ``tokens`` is a first name, surname or inner run of a longer name.

    With ``cluster`` the longer names are the cluster's forms; with ``whole`` it is that one name.
    """
    wholes = [whole] if whole is not None else [fold_name(f).split() for f in cluster.forms]
    n = len(tokens)
    if not n:
        return False
    for w in wholes:
        if len(w) <= n:
            continue
        if n == 1:
            # initials aside ("M Fadjar Rahman" is "Fadjar"), and any word of a longer name: "Rizal"
            # stands for "Muhammad Rizal Hasibuan"
            words = [t for t in w if len(t.rstrip(".")) > 1] or w
            if len(tokens[0]) >= 3 and (tokens[0] in (words[0], words[-1])
                                        or (len(words) >= 3 and tokens[0] in words[1:-1])):
                return True
        elif any(w[i : i + n] == tokens for i in range(len(w) - n + 1)):
            return True
    return False


def _choose_name(c: _Cluster) -> str:
    forms = c.forms
    if c.entry is not None:
        preferred = c.entry.name.casefold()
        if any(f.casefold() == preferred for f in forms):
            return c.entry.name
    mixed = [f for f in forms if not _all_caps(f)]
    fullest = lambda f: (len(f.split()), c.counts[f], -forms.index(f))
    if mixed:
        return max(mixed, key=fullest)
    best = max(forms, key=fullest)
    if c.entry is not None and not _all_caps(c.entry.name) and not _abbreviation(best):
        return c.entry.name  # the text only shouts it ("TRIBUNNEWS.COM"); the gazetteer says it properly
    if c.type == "Person" or (c.type == "Place" and c.dateline):
        # a dateline is set in capitals by convention ("DEMAK, KOMPAS —"), not because the name is
        return " ".join(w[:1] + w[1:].lower() for w in best.split())
    return best


def _all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(letters) > 1


def _abbreviation(text: str) -> bool:
    """An abbreviation such as "AS", "NATO", "G7": one short word, no dots."""
    return " " not in text and "." not in text and len(text) <= 5


def _bracketed_after(text: str, first, second) -> bool:
    """Whether ``second`` stands in brackets right after ``first``: "Amerika Serikat (AS)"."""
    between = text[first.end_char : second.start_char]
    upper = sum(ch.isupper() for ch in second.text)
    return between.strip() == "(" and text[second.end_char : second.end_char + 1] == ")" \
        and (upper >= 2 or (upper == 1 and second.text[0].isupper() and " " not in second.text
                            and first.label_ == "ORG" == second.label_))


def _short_form_after(text: str, first, second) -> bool:
    """Whether ``second`` is the short form of the organisation or place ``first`` given right
    after it with "atau" / "or": "Lembaga Kajian Pangan Nusantara atau Lekapan"."""
    return first.label_ in ("ORG", "LOC") and gives_short_form(
        first.text.split(), text[first.end_char : second.start_char], second.text)


def _strip_title(text: str) -> tuple[str, str | None]:
    """Takes leading titles, ranks and honorifics off a person's name: (name, role or None)."""
    lex = load_lexicon()
    words = text.split()
    i = 0
    role_start = role_end = None
    while i < len(words):
        for n in range(min(lex.max_len, len(words) - i), 0, -1):
            kind = lex.titles.get(tuple(w.casefold() for w in words[i : i + n]))
            if kind in HEAD_KINDS | PREFIX_KINDS | {"part"}:
                if kind in HEAD_KINDS and role_start is None:
                    role_start = i
                if kind in HEAD_KINDS | {"part"}:
                    role_end = i + n
                i += n
                break
        else:
            break
    if role_start is not None and len(words) - i == 1 and (words[i],) in lex.any_cues:
        # "Menteri Desa": the word after the title is an office word, part of the title, no name
        role_end = i = len(words)
    role = " ".join(words[role_start:role_end]) if role_start is not None else None
    return " ".join(words[i:]), role
