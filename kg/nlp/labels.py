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
        doc.ents = _surnames_as_people(kept)
        return doc


def _surnames_as_people(spans: list[Span]) -> list[Span]:
    """A lone word the model labelled ORG or LOC that is the last word of a person's full name in
    the same text ("Makarim said" after "Nadiem Makarim") is that person: the full name, where
    the model had more context, wins."""
    surnames = {ent[-1].text for ent in spans if ent.label_ == "PER" and len(ent) > 1}
    return [
        Span(ent.doc, ent.start, ent.end, label="PER") if len(ent) == 1 and ent.label_ != "PER"
        and not ent.kb_id_ and ent.text in surnames else ent
        for ent in spans
    ]
