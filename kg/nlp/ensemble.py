"""A vote among several trained recognizers: the entities most of them agree on.

Recognizers trained alike from different seeds make different mistakes, and the spans most of
them predict are right more often than any one's (measured in the model card). The members
are ordinary spaCy ``ner`` components, each with its own tok2vec, kept in the same pipeline but
disabled: the vote runs them, so each sees the doc as it came in (the gazetteer's entities)
and none sees another member's guesses.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterable, Iterator

from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.util import minibatch

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.training import Example

# what a member may change and the vote puts back before the next member runs
_ENTITY_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID]


class NerVote:
    """spaCy component: runs the ``members`` (names of disabled ``ner`` components in the same
    pipeline) and keeps each span (start, end, label) that at least ``min_votes`` of them predict.

    Where kept spans overlap, the one with more votes wins, then the longer, then the earlier.
    Entities already on the doc (the gazetteer's) are kept by every member, so by the vote too.
    """

    def __init__(self, nlp: "Language", name: str, members: list[str], min_votes: int):
        missing = [member for member in members if member not in nlp.component_names]
        if not members or missing:
            raise ValueError(f"{name}: the vote's members {missing or members} are not components of the "
                             f"pipeline; list the names of its disabled ner components")
        if not 1 <= min_votes <= len(members):
            raise ValueError(f"{name}: min_votes must be between 1 and {len(members)}, not {min_votes}")
        self.name = name
        self.member_names = list(members)
        self.min_votes = min_votes
        self._nlp = nlp

    @property
    def members(self) -> list:
        return [self._nlp.get_pipe(member) for member in self.member_names]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({label for member in self.members for label in member.labels}))

    def __call__(self, doc: "Doc") -> "Doc":
        self._vote([doc])
        return doc

    def pipe(self, docs: Iterable["Doc"], batch_size: int = 128) -> Iterator["Doc"]:
        for batch in minibatch(docs, size=batch_size):
            self._vote(batch)
            yield from batch

    def score(self, examples: Iterable["Example"], **kwargs) -> dict:
        from spacy.scorer import get_ner_prf

        return get_ner_prf(examples)

    def _vote(self, docs: list["Doc"]) -> None:
        as_given = [doc.to_array(_ENTITY_ATTRS) for doc in docs]
        votes = [Counter() for _ in docs]
        # the links of the entities given (the gazetteer's), which a member need not copy over
        kb_ids = [{(e.start, e.end, e.label_): e.kb_id_ for e in doc.ents} for doc in docs]
        for member in self.members:
            for doc, given in zip(docs, as_given):
                doc.from_array(_ENTITY_ATTRS, given)
            member.set_annotations(docs, member.predict(docs))
            for doc, counts, ids in zip(docs, votes, kb_ids):
                for ent in doc.ents:
                    key = (ent.start, ent.end, ent.label_)
                    counts[key] += 1
                    ids.setdefault(key, ent.kb_id_)
        for doc, counts, ids in zip(docs, votes, kb_ids):
            doc.set_ents(self._winners(doc, counts, ids), default="outside")

    def _winners(self, doc: "Doc", counts: Counter, kb_ids: dict) -> list:
        from spacy.tokens import Span

        agreed = [key for key, n in counts.items() if n >= self.min_votes]
        agreed.sort(key=lambda key: (-counts[key], key[0] - key[1], key[0]))
        taken: set[int] = set()
        winners = []
        for start, end, label in agreed:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                winners.append(Span(doc, start, end, label=label, kb_id=kb_ids[(start, end, label)]))
        return sorted(winners, key=lambda span: span.start)
