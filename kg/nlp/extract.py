"""Document -> Article: run the pipeline, resolve entities, attach metadata and statements."""

from __future__ import annotations

from spacy.language import Language

from kg import __version__
from kg.model import Article, Document, EntityType, Image, Name, Provenance
from kg.nlp.entities import EntityResolver
from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.pipeline import load_pipeline, pipeline_name
from kg.nlp.quotes import find_quotes
from kg.nlp.statements import build_statements

LABEL_OF_TYPE = {"Person": "PER", "Organization": "ORG", "Place": "LOC"}


def extract(document: Document, nlp: Language | None = None, *, language: str | None = None) -> Article:
    """The article model of ``document``: its metadata, entities and statements."""
    language = language or document.meta.language or "id"
    nlp = nlp or load_pipeline(language=language)
    doc = nlp(document.text)

    resolver = EntityResolver(load_gazetteer(), language=language)
    resolver.add_doc(doc, document.article_blocks())
    meta = document.meta

    def add(name: Name | None, type_: EntityType, source: str) -> str | None:
        return resolver.add_name(name, type_, source) if name and name.text.strip() else None

    authors = _unique(add(n, "Person", "byline") for n in meta.authors)
    editors = _unique(add(n, "Person", "byline") for n in meta.editors)
    publisher = add(meta.publisher, "Organization", "publisher")
    dateline = add(meta.dateline, "Place", "dateline")
    image = None
    if meta.image is not None:
        img = meta.image
        image = Image(
            caption=img.caption.text if img.caption else None,
            credit_text=img.credit_text.text if img.credit_text else None,
            creator=add(img.photographer, "Person", "credit"),
            agency=add(img.agency, "Organization", "credit"),
            url=img.url,
        )

    entities = resolver.entities()
    mentions = sorted(
        (m.start, m.end, LABEL_OF_TYPE[e.type]) for e in entities for m in e.mentions
    )
    records = find_quotes(document.text, document.blocks, mentions, dateline_end=meta.dateline_end)
    statements = build_statements(
        document.text, records, entities, lambda name, type_: resolver.add_name(name, type_, "speaker")
    )
    entities = resolver.entities()  # speakers the recognizer missed were added above

    return Article(
        id=document.id,
        text=document.text,
        language=language,
        headline=meta.headline.text if meta.headline else None,
        description=meta.description.text if meta.description else None,
        url=meta.url,
        date_published=meta.date_published,
        authors=authors,
        editors=editors,
        publisher=publisher,
        dateline=dateline,
        image=image,
        entities=entities,
        statements=statements,
        blocks=document.blocks,
        source=document.source,
        content_hash=document.content_hash,
        provenance=Provenance(software="kg", version=__version__, pipeline=pipeline_name(nlp)),
        additional_properties=document.additional_properties,
    )


def _unique(keys) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for k in keys if k))
