"""The public API: read an article, extract, build the graph, validate, serialize.

The command line calls these functions and nothing deeper; notebooks and pipelines can too::

    from kg import api
    document = api.read_article("examples/tribun-gencatan-senjata.txt")
    article = api.extract(document)
    graph = api.build_graph(article)
    report = api.validate(graph)
    print(api.serialize(graph, "turtle").decode())

For a corpus, :func:`export_corpus` runs the same stages in parallel and streams the output;
:func:`load` and :func:`query` put exports into a triple store and ask it questions.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from kg.batch import export_corpus
from kg.errors import InputError, RdfInputError
from kg.ingest.sources import Source, iter_sources, read_source, sniff
from kg.model import Article, Document
from kg.query import query
from kg.rdf import DEFAULT_BASE
from kg.rdf import build_graph as _build_graph
from kg.serialize import FORMATS, format_for_path, parse_file
from kg.serialize import serialize as _serialize
from kg.store import RemoteStore, Store, load
from kg.validate import ValidationReport
from kg.validate import validate as _validate

__all__ = [
    "DEFAULT_BASE",
    "FORMATS",
    "RemoteStore",
    "Store",
    "build_graph",
    "ensure_conforms",
    "export",
    "export_corpus",
    "extract",
    "format_for_path",
    "load",
    "load_rdf",
    "query",
    "read_article",
    "serialize",
    "validate",
]


def read_article(source: str | Path | bytes, *, encoding: str | None = None, source_name: str = "-") -> Document:
    """Read one article from a path, or from bytes already in memory (``source_name`` labels them).

    Plain text, an HTML page or a one-line JSON Lines record, told apart as ``kg export`` does
    (extension, else the first bytes). A JSON Lines file of several articles is an error: read
    it with :func:`kg.ingest.jsonl.read_jsonl` or export it with :func:`export_corpus`.
    """
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        kind = sniff(data[:4096])
        return read_source(Source(source_name, "jsonl-line" if kind == "jsonl" else kind, data), encoding=encoding)
    found = list(itertools.islice(iter_sources([source]), 2))
    if len(found) > 1:
        raise InputError("the file holds more than one article (JSON Lines)",
                         "read it with kg.ingest.jsonl.read_jsonl or export it with export_corpus",
                         source=str(source))
    if not found:
        raise InputError("the file holds no article", "give a file with an article's text", source=str(source))
    if isinstance(found[0], InputError):
        raise found[0]
    return read_source(found[0], encoding=encoding)


def extract(
    document: Document, *, model: str | Path | None = None, use_model: bool = True, language: str | None = None
) -> Article:
    """The article model: metadata, entities with roles and Wikidata links, statements.

    ``language`` ("id" or "en") forces the pipeline; by default it is the one the source
    declares, else the one detected from the article's text. ``model`` (a spaCy pipeline
    folder) is used when it is for that language; an article in another language gets kg's
    default for its own.
    """
    from kg.ingest.language import article_language
    from kg.nlp.extract import extract as _extract
    from kg.nlp.pipeline import load_pipeline, model_for

    language = article_language(document, language)
    nlp = load_pipeline(model_for(model, language), language=language, use_model=use_model)
    return _extract(document, nlp, language=language)


def build_graph(article: Article, *, base_iri: str = DEFAULT_BASE):
    """The article's RDF graph (an rdflib Graph named after the article)."""
    return _build_graph(article, base_iri)


def validate(graph) -> ValidationReport:
    """SHACL validation of a graph against the shipped shapes."""
    return _validate(graph)


def serialize(graphs, fmt: str = "turtle") -> bytes:
    """One graph or several (a batch) in ``fmt``: turtle, json-ld, nt, nquads or trig."""
    return _serialize(graphs, fmt)


def load_rdf(path: str | Path):
    """Parse an RDF file in any of kg's formats (chosen by extension) into an rdflib Dataset.

    A file that holds no triples is an error: an empty graph would "conform" to anything.
    """
    dataset = parse_file(path)
    if not any(len(g) for g in dataset.graphs()):
        raise RdfInputError("the file holds no triples", "give an export written by kg export", source=str(path))
    return dataset


def export(
    source: str | Path | bytes,
    *,
    fmt: str = "turtle",
    base_iri: str = DEFAULT_BASE,
    check: bool = True,
    model: str | Path | None = None,
    encoding: str | None = None,
    language: str | None = None,
) -> bytes:
    """Read, extract, build, validate (unless ``check`` is False) and serialize one article.

    Raises :class:`kg.errors.ValidationFailed` when the graph does not conform.
    """
    document = read_article(source, encoding=encoding)
    graph = build_graph(extract(document, model=model, language=language), base_iri=base_iri)
    if check:
        ensure_conforms(graph, document.source)
    return serialize(graph, fmt)


def ensure_conforms(graph, source: str) -> None:
    """Raise ValidationFailed with a readable report when ``graph`` does not conform."""
    validate(graph).raise_for_violations(source=source)
