"""A spaCy component that puts another NER's labels into kg's set (PER, ORG, LOC)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Span


class LabelMap:
    """Renames each entity's label through ``labels``; entities whose label is not there are dropped.

    A leading word in ``strip`` ("the" in OntoNotes' "the Nordic Shipping Council") is left out
    of the span: it is not part of the name.
    """

    def __init__(self, labels: Mapping[str, str], strip: Iterable[str] = ()):
        self.labels = dict(labels)
        self.strip = frozenset(word.casefold() for word in strip)

    def __call__(self, doc: Doc) -> Doc:
        kept = []
        for ent in doc.ents:
            label = self.labels.get(ent.label_)
            if label is None:
                continue
            start = ent.start + 1 if len(ent) > 1 and ent[0].text.casefold() in self.strip else ent.start
            if label != ent.label_ or start != ent.start:
                ent = Span(doc, start, ent.end, label=label, kb_id=ent.kb_id)
            kept.append(ent)
        doc.ents = kept
        return doc
