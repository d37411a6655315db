"""SHACL validation of kg graphs against the shapes shipped with kg (``shapes/*.ttl``).

No inference runs: kg states every class explicitly. The shapes are parsed once per process.
One check runs in Python beside SHACL, because as a SHACL-SPARQL constraint it made validation
ten times slower: the offsets of every mention and statement lie inside the article's
``kgo:sourceText``, and a mention's ``kgo:anchorText`` is the text between them.
A dataset (several named graphs, as read from N-Quads or TriG) is validated one graph at a time,
so each article is checked against its own triples only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.errors import RdfInputError, ValidationFailed
from kg.rdf import shape_files
from kg.rdf.namespaces import KGO, PREFIXES, SDO

__all__ = ["ValidationReport", "Violation", "load_shapes", "validate"]


@dataclass(frozen=True)
class Violation:
    """One failed constraint: which node, which property, what is wrong, and how bad."""

    focus: str  # the node's IRI (or blank node label)
    path: str  # the property as a prefixed name ("schema:headline"), "" for node-level checks
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    value: str = ""  # the offending value, when the shape names one
    base: str = ""  # the id base the focus IRI is shown relative to

    def line(self) -> str:
        """One readable line: ``article/abc123 schema:headline: an article needs exactly one headline``."""
        focus = (
            self.focus[len(self.base) :]
            if self.base and self.focus.startswith(self.base)
            else self.focus
        )
        where = f"{focus} {self.path}" if self.path else focus
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one graph or dataset: it conforms when nothing is a Violation."""

    conforms: bool
    violations: tuple[Violation, ...] = ()

    def text(self) -> str:
        """Every violation on its own line, or "conforms"."""
        return "\n".join(v.line() for v in self.violations) if self.violations else "conforms"

    def raise_for_violations(self, source: str | None = None) -> None:
        """Raise ValidationFailed (carrying the report text) unless the graph conforms."""
        if self.conforms:
            return
        failed = [v for v in self.violations if v.severity == "Violation"]
        raise ValidationFailed(
            f"the graph breaks {len(failed)} SHACL constraint{'s' if len(failed) != 1 else ''}; "
            f"first: {failed[0].line()}",
            "see the full report; a broken graph usually means an extraction bug worth reporting",
            source=source,
            report=self.text(),
        )


def load_shapes(paths: Iterable[str | Path] | None = None) -> Graph:
    """The shapes graph: the files given, or every shapes file shipped with kg."""
    if paths is None:
        return _shipped_shapes()
    g = Graph()
    for p in paths:
        try:
            g.parse(str(p), format="turtle")
        except Exception as exc:  # rdflib raises many parser-specific types
            raise RdfInputError(
                f"cannot read shapes file {p}: {exc}", "give a SHACL shapes file in Turtle"
            ) from exc
    return g


@lru_cache(maxsize=1)
def _shipped_shapes() -> Graph:
    g = Graph()
    for f in shape_files():
        g.parse(
            data=f.read_text(encoding="utf-8"), format="turtle", publicID=f"urn:kg:shapes:{f.name}"
        )
    return g


def validate(graph: Graph | Dataset, *, shapes: Graph | None = None) -> ValidationReport:
    """Check ``graph`` (one article graph, a merged graph, or a dataset) against the shapes."""
    shapes_graph = shapes if shapes is not None else _shipped_shapes()
    graphs = _graphs_of(graph)
    violations: list[Violation] = []
    for g in graphs:
        violations.extend(_validate_one(g, shapes_graph))
    conforms = all(v.severity != "Violation" for v in violations)  # warnings do not fail a graph
    return ValidationReport(conforms=conforms, violations=tuple(violations))


def _graphs_of(graph: Graph | Dataset) -> list[Graph]:
    if isinstance(graph, Dataset):
        return [g for g in graph.graphs() if len(g)]
    return [graph]


def _validate_one(data: Graph, shapes_graph: Graph) -> list[Violation]:
    from pyshacl import validate as shacl_validate  # imported late: it is slow to import

    _fast_shacl_lookups()
    _conforms, results, _text = shacl_validate(
        data,
        shacl_graph=shapes_graph,
        inference="none",
        advanced=False,
        meta_shacl=False,
        allow_warnings=False,
    )
    base = _id_base(data)
    out = []
    # only the report's own results: those of nested shapes (sh:node) hang below them as sh:detail
    top = [
        r
        for report in results.subjects(RDF.type, SH.ValidationReport)
        for r in results.objects(report, SH.result)
    ]
    for result in top:
        severity = results.value(result, SH.resultSeverity)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage)
        out.append(
            Violation(
                focus=_show(results.value(result, SH.focusNode)),
                path=_qname(path) if path is not None else "",
                message=str(message) if message is not None else _default_message(results, result),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=_show(value) if value is not None else "",
                base=base,
            )
        )
    out.extend(_offset_violations(data, base))
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))


@lru_cache(maxsize=1)
def _fast_shacl_lookups() -> None:
    """Let pySHACL look constraint parameters up in a set instead of a list.

    pySHACL tests every predicate of every shape against a list of ~30 IRIs; with a frozenset
    the verdicts are the same (tests/test_validate.py, tests/test_shapes.py) and kg's validation
    takes about half the time. Only that membership test changes, and only where pySHACL's
    internals still have the shape this was written against; otherwise nothing is touched.
    """
    try:
        from pyshacl import shape
        from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP
    except ImportError:
        return
    if hasattr(shape, "module") and isinstance(ALL_CONSTRAINT_PARAMETERS, list):
        shape.module.CONSTRAINT_PARAMS = (frozenset(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)


def _offset_violations(data: Graph, base: str) -> list[Violation]:
    """Mentions and statements whose offsets do not fit their article's source text."""
    out = []
    for node, article_link in ((KGO.Mention, KGO.inArticle), (KGO.Statement, SDO.isPartOf)):
        for focus in data.subjects(RDF.type, node):
            text = data.value(data.value(focus, article_link), KGO.sourceText)
            begin, end = data.value(focus, KGO.beginIndex), data.value(focus, KGO.endIndex)
            if text is None or not _is_int(begin) or not _is_int(end):
                continue  # missing pieces are the shapes' to report
            text, b, e = str(text), int(begin), int(end)
            if e > len(text):
                message = (
                    f"endIndex {e} is past the end of the article text ({len(text)} characters)"
                )
                path = KGO.endIndex
            elif (
                node == KGO.Mention
                and b < e
                and text[b:e] != str(data.value(focus, KGO.anchorText))
            ):
                message = f"anchorText is not the article text from {b} to {e} ({text[b:e]!r})"
                path = KGO.anchorText
            else:
                continue
            out.append(Violation(_show(focus), _qname(path), message, "Violation", base=base))
    return out


def _is_int(value: Node | None) -> bool:
    try:
        return value is not None and isinstance(value.toPython(), int)
    except AttributeError:
        return False


def _id_base(data: Graph) -> str:
    """The id base of kg's IRIs in ``data``, read off its article node ("…/id/article/x" -> "…/id/")."""
    for article in data.subjects(RDF.type, SDO.NewsArticle):
        m = re.match(r"^(.*/)article/[^/]+$", str(article))
        if m:
            return m.group(1)
    return ""


def _show(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _qname(node: Node) -> str:
    if isinstance(node, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(node).startswith(ns) and len(str(node)) > len(ns):
                return f"{prefix}:{str(node)[len(ns) :]}"
        return f"<{node}>"
    return "(complex path)"


def _default_message(results: Graph, result: Node) -> str:
    component = results.value(result, SH.sourceConstraintComponent)
    return (
        f"fails {str(component).rsplit('#', 1)[-1]}" if component is not None else "fails a shape"
    )
