"""Writing kg graphs as Turtle, N-Triples, N-Quads, TriG or JSON-LD, and reading them back.

A batch is several article graphs (each an rdflib graph whose identifier is the article's
named-graph IRI). Turtle and N-Triples carry the union of their triples; N-Quads and TriG keep
one named graph per article; JSON-LD is compacted with the context kg ships
(``kg/rdf/context.jsonld``, embedded inline so the file reads offline) and nested the way
``kg/rdf/frame.jsonld`` describes: each article is one document, with its statements (under
``statements``), the entities it names, their mentions (``mentionedAt``) and positions, its image
and provenance inside it, each node written out in full once and referred to by ``@id`` after.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import ConfigError, RdfInputError
from kg.rdf import context_document
from kg.rdf.namespaces import PREFIXES, bind_prefixes

__all__ = [
    "FORMATS",
    "Format",
    "context",
    "format_for_path",
    "get_format",
    "parse",
    "parse_file",
    "serialize",
]


@dataclass(frozen=True)
class Format:
    """An RDF serialization kg writes and reads."""

    name: str
    extension: str  # with the dot
    media_type: str
    rdflib_name: str
    aliases: tuple[str, ...] = ()
    named_graphs: bool = False  # keeps one named graph per article


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", ".ttl", "text/turtle", "turtle", ("ttl",)),
        Format("json-ld", ".jsonld", "application/ld+json", "json-ld", ("jsonld", "json")),
        Format("nt", ".nt", "application/n-triples", "nt", ("n-triples", "ntriples")),
        Format("nquads", ".nq", "application/n-quads", "nquads", ("nq", "n-quads"), True),
        Format("trig", ".trig", "application/trig", "trig", (), True),
    )
}
_BY_ALIAS = {alias: f for f in FORMATS.values() for alias in (f.name, *f.aliases)}
_BY_EXTENSION = {f.extension: f for f in FORMATS.values()} | {".json": FORMATS["json-ld"]}


def get_format(name: str) -> Format:
    """The format called ``name`` or one of its aliases ("ttl", "jsonld", "nq", ...)."""
    try:
        return _BY_ALIAS[name.strip().lower()]
    except KeyError:
        raise ConfigError(
            f"unknown RDF format {name!r}",
            f"use one of {', '.join(sorted(_BY_ALIAS))}",
        ) from None


def format_for_path(path: str | Path) -> Format:
    """The format a file name's extension stands for (``out.ttl`` -> turtle)."""
    suffix = Path(path).suffix.lower()
    try:
        return _BY_EXTENSION[suffix]
    except KeyError:
        raise ConfigError(
            f"cannot tell the RDF format of {str(path)!r} from its extension",
            f"name the file with one of {', '.join(sorted(_BY_EXTENSION))} or give the format",
        ) from None


@lru_cache(maxsize=1)
def _context_text() -> str:
    return context_document().read_text(encoding="utf-8")


def context() -> dict[str, Any]:
    """The JSON-LD ``@context`` object kg writes (a fresh copy)."""
    return json.loads(_context_text())["@context"]


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """Silence the deprecation warnings rdflib 7 raises from its own Dataset internals."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"(Dataset\.|ConjunctiveGraph)", category=DeprecationWarning
        )
        yield


def serialize(graphs: Graph | Iterable[Graph], fmt: str | Format) -> bytes:
    """One article graph, or a batch of them, in ``fmt``, as UTF-8 bytes."""
    f = fmt if isinstance(fmt, Format) else get_format(fmt)
    with _quiet_rdflib():
        return _serialize(graphs, f)


def _serialize(graphs: Graph | Iterable[Graph], f: Format) -> bytes:
    batch = _as_batch(graphs)
    if f.named_graphs:
        ds = Dataset(default_union=False)
        bind_prefixes(ds)
        for g in batch:
            target = ds.graph(_graph_id(g))
            for triple in g:
                target.add(triple)
        quads = _sorted_lines(ds.serialize(format="nquads"))
        return quads if f.name == "nquads" else _trig(quads)
    if f.name == "json-ld":
        return _jsonld(batch)
    union = Graph(bind_namespaces="none")
    bind_prefixes(union)
    for g in batch:
        for triple in g:
            union.add(triple)
    text = union.serialize(format=f.rdflib_name)
    return _sorted_lines(text) if f.name == "nt" else text.encode("utf-8")


def parse(data: bytes | str, fmt: str | Format) -> Dataset:
    """Read RDF in ``fmt``; triples outside any named graph go to the default graph."""
    f = fmt if isinstance(fmt, Format) else get_format(fmt)
    ds = Dataset()
    try:
        with _quiet_rdflib():
            ds.parse(
                data=data.decode("utf-8") if isinstance(data, bytes) else data, format=f.rdflib_name
            )
    except UnicodeDecodeError as exc:
        raise RdfInputError(
            f"the {f.name} input is not UTF-8: {exc}", "save the file as UTF-8"
        ) from exc
    except Exception as exc:  # each rdflib parser raises its own exception types
        raise RdfInputError(
            f"cannot parse the input as {f.name}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
            "check the file is valid RDF in that format, or give the right format",
        ) from exc
    return ds


def parse_file(path: str | Path, fmt: str | Format | None = None) -> Dataset:
    """Read an RDF file in ``fmt``, or in the format its extension names."""
    f = (fmt if isinstance(fmt, Format) else get_format(fmt)) if fmt else format_for_path(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RdfInputError(
            f"cannot read {str(path)!r}: {exc.strerror or exc}", "check the path", source=str(path)
        ) from exc
    try:
        return parse(data, f)
    except RdfInputError as exc:
        raise RdfInputError(exc.what, exc.fix, source=str(path)) from exc


# -- helpers ---------------------------------------------------------------------------------


def _as_batch(graphs: Graph | Iterable[Graph]) -> list[Graph]:
    if isinstance(graphs, Dataset):
        return [g for g in graphs.graphs() if len(g)]
    if isinstance(graphs, Graph):
        return [graphs]
    return list(graphs)


def _graph_id(g: Graph) -> URIRef:
    if not isinstance(g.identifier, URIRef) or g.identifier == DATASET_DEFAULT_GRAPH_ID:
        raise ConfigError(
            f"graph {g.identifier} has no IRI to name it by",
            "serialize graphs made by kg.rdf.build_graph, whose identifier is the article graph IRI",
        )
    return g.identifier


def _trig(nquads: bytes) -> bytes:
    """TriG from sorted N-Quads, one block per graph, in graph order (rdflib's writer is not stable)."""
    import pyoxigraph as ox

    quads = sorted(
        ox.parse(nquads, format=ox.RdfFormat.N_QUADS), key=lambda q: (str(q.graph_name), str(q))
    )
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES))


def _sorted_lines(text: str) -> bytes:
    lines = sorted(line for line in text.splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def _jsonld(batch: list[Graph]) -> bytes:
    ctx = context()
    trees: list[dict] = []
    for g in batch:
        flat = json.loads(g.serialize(format="json-ld", context=ctx, auto_compact=True))
        nodes = flat.get("@graph", [flat]) if isinstance(flat, dict) else flat
        nodes = [{k: v for k, v in n.items() if k != "@context"} for n in nodes]
        trees.extend(_Nester(ctx, nodes).trees())
    doc: dict[str, Any] = {"@context": ctx}
    if len(trees) == 1:
        doc.update(trees[0])
    else:
        doc["@graph"] = trees
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _frame_root_type() -> str:
    frame = json.loads(
        context_document().parent.joinpath("frame.jsonld").read_text(encoding="utf-8")
    )
    return frame["@type"]


class _Nester:
    """Turns a flat list of compacted node objects into nested trees, each node written in full once."""

    def __init__(self, ctx: dict[str, Any], nodes: list[dict]):
        self.index = {n["@id"]: n for n in nodes if "@id" in n}
        self.loose = [n for n in nodes if "@id" not in n]
        self.id_terms = {
            t for t, d in ctx.items() if isinstance(d, dict) and d.get("@type") == "@id"
        }
        iri_to_term = {d["@id"]: t for t, d in ctx.items() if isinstance(d, dict) and "@id" in d}
        # reverse term -> the forward term its children use to point at their parent
        self.reverse = {
            t: iri_to_term[d["@reverse"]]
            for t, d in ctx.items()
            if isinstance(d, dict) and "@reverse" in d and d["@reverse"] in iri_to_term
        }
        self.done: set[str] = set()
        self.root_type = _frame_root_type()

    def trees(self) -> list[dict]:
        def is_root(n: dict) -> bool:
            types = n.get("@type", [])
            return self.root_type in (types if isinstance(types, list) else [types])

        out = []
        for node_id in sorted(self.index, key=lambda i: (not is_root(self.index[i]), i)):
            if node_id not in self.done:
                self.done.add(node_id)
                out.append(self._visit(self.index[node_id], (node_id,)))
        return out + self.loose

    def _ref(self, key: str, value: Any) -> str | None:
        if isinstance(value, str) and key in self.id_terms:
            return value
        if isinstance(value, dict) and set(value) == {"@id"}:
            return value["@id"]
        return None

    def _visit(self, node: dict, path: tuple[str, ...]) -> dict:
        out: dict[str, Any] = {}
        for key in sorted(node, key=_key_order):
            values = node[key]
            if key.startswith("@"):
                out[key] = sorted(values) if isinstance(values, list) else values
                continue
            many = isinstance(values, list)
            items = []
            for value in sorted(values if many else [values], key=_value_order):
                ref = self._ref(key, value)
                if (
                    ref is not None
                    and ref in self.index
                    and ref not in self.done
                    and ref not in path
                ):
                    self.done.add(ref)
                    value = self._visit(self.index[ref], (*path, ref))
                items.append(value)
            out[key] = items if many else items[0]
        for term, forward in sorted(self.reverse.items()):
            children = []
            for child_id in sorted(self.index):
                child = self.index[child_id]
                if child_id in self.done or child_id in path:
                    continue
                pointers = child.get(forward)
                pointers = pointers if isinstance(pointers, list) else [pointers]
                if node["@id"] not in [self._ref(forward, p) for p in pointers]:
                    continue
                rest = [p for p in pointers if self._ref(forward, p) != node["@id"]]
                trimmed = {k: v for k, v in child.items() if k != forward}
                if rest:
                    trimmed[forward] = rest if len(rest) > 1 else rest[0]
                self.done.add(child_id)
                children.append(self._visit(trimmed, (*path, child_id)))
            if children:
                out[term] = children
        return out


def _key_order(key: str) -> tuple[int, str]:
    return (0 if key == "@id" else 1 if key == "@type" else 2, key)


def _value_order(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("@id", value.get("@value", "")))
    return str(value)
