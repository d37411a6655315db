"""Every spaCy factory kg provides, registered in one place so names used in configs are easy to find.

Importing this module registers them; :func:`kg.nlp.pipeline.load_pipeline` does so before it
builds a pipeline. Factory names carry a version (``.v1``) so that old configs keep working when
a component changes its behaviour under a new name.
"""

from __future__ import annotations

from spacy.language import Language


@Language.factory(
    "kg.gazetteer.v1",
    default_config={"path": None},
    assigns=["doc.ents", "token.ent_kb_id"],
)
def make_gazetteer(nlp: Language, name: str, path: str | None):
    """Marks well-known entities from the shipped gazetteer (with their Wikidata ids)."""
    from kg.nlp.gazetteer import GazetteerComponent

    return GazetteerComponent(nlp, name, path=path)


@Language.factory(
    "kg.entity_rules.v1",
    requires=["doc.ents"],
    assigns=["doc.ents", "doc._.kg_roles"],
)
def make_entity_rules(nlp: Language, name: str):
    """Finds people after titles, organisations and places after cue words; trims titles out of names."""
    from kg.nlp.rules import EntityRules

    return EntityRules(nlp, name)
