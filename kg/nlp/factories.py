"""Every spaCy factory kg provides, registered in one place so names used in configs are easy to find.

Importing this module registers them; :func:`kg.nlp.pipeline.load_pipeline` does so before it
builds a pipeline. spaCy factory names cannot contain dots, so a component whose behaviour
changes incompatibly is registered again under a ``_v2`` name and the old name keeps working
for old configs.
"""

from __future__ import annotations

from spacy.language import Language


@Language.factory(
    "kg_gazetteer",
    default_config={"path": None},
    assigns=["doc.ents", "token.ent_kb_id"],
)
def make_gazetteer(nlp: Language, name: str, path: str | None):
    """Marks well-known entities from the shipped gazetteer (with their Wikidata ids)."""
    from kg.nlp.gazetteer import GazetteerComponent, GazetteerTagger

    # a recognizer trained on gazetteer tags brings its own tagger: build the matcher once
    tagger = next((pipe for _, pipe in nlp.pipeline if isinstance(pipe, GazetteerTagger) and pipe.path == path), None)
    if tagger is not None:
        return tagger.component.renamed(name)
    return GazetteerComponent(nlp, name, path=path)


@Language.factory(
    "kg_gazetteer_tags",
    default_config={"path": None},
    assigns=["token.tag"],
)
def make_gazetteer_tags(nlp: Language, name: str, path: str | None):
    """Writes the gazetteer's matches into ``token.tag_`` ("B-LOC", "I-ORG", ...) as a feature for
    a recognizer trained with them (scripts/ner/gaztags.cfg); it sets no entities itself."""
    from kg.nlp.gazetteer import GazetteerTagger

    return GazetteerTagger(nlp, name, path=path)


@Language.factory(
    "kg_entity_rules",
    requires=["doc.ents"],
    assigns=["doc.ents", "doc._.kg_roles"],
)
def make_entity_rules(nlp: Language, name: str):
    """Finds people after titles, organisations and places after cue words; trims titles out of names."""
    from kg.nlp.rules import EntityRules

    return EntityRules(nlp, name)


@Language.factory(
    "kg_ner_vote",
    default_config={"members": [], "min_votes": 2},
    assigns=["doc.ents"],
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_ner_vote(nlp: Language, name: str, members: list[str], min_votes: int):
    """Runs several recognizers (disabled ``ner`` components of the pipeline) and keeps the
    entities at least ``min_votes`` of them predict: an ensemble made by scripts/train_ner.py."""
    from kg.nlp.ensemble import NerVote

    return NerVote(nlp, name, members, min_votes)


@Language.factory(
    "kg_ner_labels",
    default_config={"labels": {}, "strip": []},
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def make_ner_labels(nlp: Language, name: str, labels: dict[str, str], strip: list[str]):
    """Renames entity labels to kg's (PERSON -> PER, GPE -> LOC) and drops the ones kg has no type for."""
    from kg.nlp.labels import LabelMap

    return LabelMap(labels, strip)
