"""SPARQL over exports: named queries, bound variables, and results as table, CSV, TSV, JSON or RDF.

A query runs against files and folders of exports (parsed by Oxigraph into a store in memory), the
embedded store, or a SPARQL endpoint. The prefixes in :data:`PREFIXES` are predeclared. Values given
with ``bindings`` are encoded as RDF terms and added as a ``VALUES`` block at the start of the
query's outer ``WHERE`` group, so that they constrain the whole pattern the same way on every target.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal, Union

import pyoxigraph as ox

from kg.errors import QueryError

PREFIXES: dict[str, str] = {
    "schema": "https://schema.org/",
    "kgo": "https://w3id.org/kg-exporter/ontology#",
    "wd": "http://www.wikidata.org/entity/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
}

FORMATS = ("table", "csv", "tsv", "json", "turtle", "ntriples")
ResultKind = Literal["select", "ask", "graph"]
Term = Union[ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple]


# ---------------------------------------------------------------------------------------------
# Named queries


@dataclass(frozen=True)
class Param:
    """A variable a named query lets the caller bind."""

    name: str
    description: str
    required: bool


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``kg/queries/``: its name, one-line summary, parameters and text."""

    name: str
    summary: str
    params: tuple[Param, ...]
    text: str


_PARAM_LINE = re.compile(r"#\s*param\s+\??(\w+)\s*(\((required|optional)\))?\s*:\s*(.*)")


def _parse_header(name: str, text: str) -> NamedQuery:
    summary = ""
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _PARAM_LINE.match(line)
        if m:
            params.append(Param(m.group(1), m.group(4).strip(), m.group(3) == "required"))
        elif not summary and line.lstrip("# ").strip():
            summary = line.lstrip("# ").strip()
    return NamedQuery(name, summary, tuple(params), text)


def named_queries() -> dict[str, NamedQuery]:
    """Return the queries shipped in ``kg/queries/*.rq`` by name, in name order."""
    folder = resources.files("kg") / "queries"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = _parse_header(name, entry.read_text(encoding="utf-8"))
    return found


def resolve_query(text_or_name: str) -> tuple[str, NamedQuery | None]:
    """Return the SPARQL text for a named query, a ``.rq`` file path, or SPARQL text itself."""
    queries = named_queries()
    if text_or_name in queries:
        return queries[text_or_name].text, queries[text_or_name]
    if text_or_name.endswith((".rq", ".sparql")) and "\n" not in text_or_name:
        path = Path(text_or_name)
        if not path.is_file():
            raise QueryError(f"query file {text_or_name} does not exist", "give a path to a .rq file")
        return path.read_text(encoding="utf-8"), None
    if not re.search(r"\b(select|construct|describe|ask)\b", text_or_name, re.IGNORECASE):
        names = ", ".join(queries)
        raise QueryError(
            f"{text_or_name!r} is neither a named query nor SPARQL",
            f"use one of: {names}; or a .rq file; or a SELECT/CONSTRUCT/ASK/DESCRIBE query",
        )
    return text_or_name, None


# ---------------------------------------------------------------------------------------------
# Query text: a small scanner that knows strings, IRIs and comments, enough to find keywords
# and the outer WHERE group without parsing SPARQL.


_TOKEN = re.compile(
    r'''(?P<skip>\#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>)'''
    r"|(?P<brace>[{}])|(?P<var>[?$]\w+)|(?P<paren>[()])|(?P<word>[A-Za-z_][\w-]*)",
    re.DOTALL,
)


def _tokens(text: str) -> Iterable[tuple[str, str, int]]:
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or ""
        yield kind, m.group(), m.start()


def query_form(text: str) -> str:
    """Return ``select``, ``construct``, ``describe`` or ``ask`` for a SPARQL query text."""
    for kind, value, _ in _tokens(text):
        if kind == "word" and value.lower() in ("select", "construct", "describe", "ask"):
            return value.lower()
    raise QueryError("the text is not a SPARQL query", "start it with SELECT, CONSTRUCT, ASK or DESCRIBE")


def declared_prefixes(text: str) -> set[str]:
    """Return the prefix names a query declares itself."""
    return {m.group(1) for m in re.finditer(r"(?im)^\s*prefix\s+([\w-]*):", text)}


def with_prefixes(text: str) -> str:
    """Return the query with the common prefixes it does not declare prepended on its first line."""
    own = declared_prefixes(text)
    head = " ".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in own)
    return f"{head} {text}" if head else text


def _where_brace(text: str) -> int:
    """Return the offset of the brace that opens the outer WHERE group."""
    form = query_form(text)
    depth = 0
    groups_seen = 0
    after_construct_where = False
    for kind, value, pos in _tokens(text):
        if kind == "word" and form == "construct" and depth == 0 and value.lower() == "where":
            after_construct_where = True
        if kind != "brace":
            continue
        if value == "{":
            if depth == 0:
                groups_seen += 1
                # CONSTRUCT { template } WHERE { ... }: the template is the first outer group.
                if form != "construct" or after_construct_where or groups_seen == 2:
                    return pos
            depth += 1
        else:
            depth -= 1
    raise QueryError("the query has no WHERE group to bind variables in", "bind only in queries with WHERE { ... }")


def parse_term(value: str) -> Term:
    """Turn a command-line value into an RDF term: <iri>, prefix:name, "quoted"@lang, or plain text."""
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        iri = v[1:-1]
        if not re.fullmatch(r'[^<>"{}|^`\\\s]+', iri):
            raise QueryError(f"{value!r} is not a valid IRI", "write it as <https://...> without spaces")
        return ox.NamedNode(iri)
    m = re.fullmatch(r"([A-Za-z][\w-]*):([\w\-.%]*)", v)
    if m and m.group(1) in PREFIXES:
        return ox.NamedNode(PREFIXES[m.group(1)] + m.group(2))
    m = re.fullmatch(r'"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?', v, re.DOTALL)
    if m:
        return ox.Literal(m.group(1), language=m.group(2)) if m.group(2) else ox.Literal(m.group(1))
    return ox.Literal(value)


def _groups(text: str, where: int) -> list[tuple[int, int, str, set[str]]]:
    """Return (open, close, first word, variables inside) for each group from the WHERE brace on."""
    groups = []
    stack: list[tuple[int, str, set[str], bool]] = []
    values_pending = False
    first_pending = False
    for kind, value, pos in _tokens(text):
        if pos < where:
            continue
        if kind == "brace" and value == "{":
            # A VALUES data block is not a group: it follows VALUES ?x or VALUES (?x ?y).
            stack.append((pos, "", set(), values_pending))
            values_pending = False
            first_pending = True
        elif kind == "brace" and stack:
            open_pos, first, names, data = stack.pop()
            if not data:
                groups.append((open_pos, pos, first, names))
            if stack:
                stack[-1][2].update(names)
        else:
            if first_pending and stack:
                open_pos, _, names, data = stack[-1]
                stack[-1] = (open_pos, value.lower(), names, data)
                first_pending = False
            if kind == "var" and stack:
                stack[-1][2].add(value[1:])
            if kind == "word" and value.lower() == "values":
                values_pending = True
    return groups


def bind(text: str, bindings: Mapping[str, str | Term]) -> str:
    """Return the query with ``bindings`` as VALUES blocks, so the values act as constants.

    The block goes at the start of the outer WHERE group, and again at the start of every inner
    group (GRAPH, OPTIONAL, EXISTS, UNION branch) that uses the variable, so that filters there
    see the value and the store can look the value up in its indexes instead of scanning.
    """
    if not bindings:
        return text
    terms: dict[str, str] = {}
    for name, value in bindings.items():
        clean = name.lstrip("?$")
        if not re.fullmatch(r"\w+", clean):
            raise QueryError(f"{name!r} is not a variable name", "use --bind name=value with letters, digits, _")
        term = parse_term(value) if isinstance(value, str) else value
        terms[clean] = str(term)
    where = _where_brace(text)
    inserts = []
    for open_pos, close_pos, first, names in _groups(text, where):
        used = [n for n in terms if n in names] if open_pos != where else list(terms)
        if used and first != "select":
            block = f" VALUES ({' '.join('?' + n for n in used)}) {{ ({' '.join(terms[n] for n in used)}) }} "
            inserts.append((open_pos + 1, block))
    for at, block in sorted(inserts, reverse=True):
        text = text[:at] + block + text[at:]
    return text


def check_params(named: NamedQuery | None, bindings: Mapping[str, object]) -> None:
    """Raise QueryError when a named query misses a required binding or gets an unknown one."""
    if named is None:
        return
    given = {k.lstrip("?$") for k in bindings}
    known = {p.name for p in named.params}
    for p in named.params:
        if p.required and p.name not in given:
            raise QueryError(
                f"named query {named.name} needs a value for ?{p.name} ({p.description})",
                f'add --bind {p.name}="..."',
            )
    unknown = given - known
    if unknown:
        allowed = ", ".join(sorted(known)) or "none"
        raise QueryError(
            f"named query {named.name} has no parameter {', '.join(sorted(unknown))}",
            f"its parameters: {allowed}",
        )


_OX_SYNTAX = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


def syntax_error(error: SyntaxError, text: str, *, offset_first_line: int = 0) -> QueryError:
    """Turn Oxigraph's SPARQL syntax error into a QueryError naming the line and column."""
    message = str(error)
    m = _OX_SYNTAX.search(message)
    if not m:
        return QueryError(f"SPARQL syntax error: {message.splitlines()[0]}", "check the query")
    line, col = int(m.group(1)), int(m.group(2))
    if line == 1:
        col = max(1, col - offset_first_line)
    detail = m.group(3).split("\n")[0]
    if "Prefix not found" in detail:
        detail = "undeclared prefix (declare it with PREFIX name: <iri>)"
    if len(detail) > 80:
        detail = detail[:77] + "..."
    lines = text.splitlines()
    near = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return QueryError(
        f"SPARQL syntax error at line {line}, column {col}: {detail}" + (f" in `{near}`" if near else ""),
        "fix the query; prefixes schema, kgo, wd, rdf, rdfs, xsd, prov are predeclared",
    )


# ---------------------------------------------------------------------------------------------
# Results


@dataclass
class QueryResult:
    """What a query returned: solutions (select), a boolean (ask) or triples (construct/describe)."""

    kind: ResultKind
    variables: tuple[str, ...] = ()
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    @classmethod
    def from_oxigraph(cls, raw: object) -> QueryResult:
        """Materialise a pyoxigraph result (QuerySolutions, QueryBoolean or triples)."""
        if isinstance(raw, ox.QuerySolutions):
            variables = tuple(v.value for v in raw.variables)
            rows = [tuple(solution[v] for v in variables) for solution in raw]
            return cls("select", variables, rows)
        if isinstance(raw, ox.QueryBoolean):
            return cls("ask", boolean=bool(raw))
        triples = []
        for t in raw:  # QueryTriples yields Triple; a parsed RDF answer yields Quad
            triples.append(t if isinstance(t, ox.Triple) else ox.Triple(t.subject, t.predicate, t.object))
        return cls("graph", triples=triples)

    def values(self, variable: str) -> list[str | None]:
        """Return the plain values (IRI, literal text, blank node id) of one column."""
        i = self.variables.index(variable)
        return [_plain(row[i]) for row in self.rows]

    def records(self) -> list[dict[str, str | None]]:
        """Return each row as a dict of plain values."""
        return [{v: _plain(t) for v, t in zip(self.variables, row)} for row in self.rows]


def _plain(term: Term | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


#: Shown in tables only (not a query prefix): the default base of the IRIs kg mints.
_DISPLAY_PREFIXES = {**PREFIXES, "id": "https://w3id.org/kg-exporter/id/"}


def _compact(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for p, iri in _DISPLAY_PREFIXES.items():
            if term.value.startswith(iri) and re.fullmatch(r"[\w\-./]*", term.value[len(iri):]):
                return f"{p}:{term.value[len(iri):]}"
        return f"<{term.value}>"
    return _plain(term) or ""


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")},
        }
    out: dict[str, object] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _table(result: QueryResult, width: int = 60) -> str:
    def cell(t: Term | None) -> str:
        s = _compact(t).replace("\n", " ")
        return s if len(s) <= width else s[: width - 1] + "…"

    header = list(result.variables)
    body = [[cell(t) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
    n = len(body)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"


_RDF_OUT = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}


def format_result(result: QueryResult, fmt: str) -> str:
    """Render a result as ``table``, ``csv``, ``tsv``, ``json`` (SPARQL results) or RDF."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown output format {fmt!r}", f"use one of: {', '.join(FORMATS)}")
    if result.kind == "graph":
        if fmt not in _RDF_OUT:
            raise QueryError(
                f"CONSTRUCT/DESCRIBE results are RDF, not {fmt}", "use --format turtle or --format ntriples"
            )
        prefixes = PREFIXES if fmt == "turtle" else None
        return ox.serialize(result.triples, format=_RDF_OUT[fmt], prefixes=prefixes).decode("utf-8")
    if fmt in _RDF_OUT:
        raise QueryError(f"{fmt} output is for CONSTRUCT/DESCRIBE queries", "use table, csv, tsv or json")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "table":
        return _table(result)
    if fmt == "json":
        bindings = [
            {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
        ]
        doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    buf = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(result.variables)
        writer.writerows([[_plain(t) or "" for t in row] for row in result.rows])
        return buf.getvalue()
    # TSV as the SPARQL 1.1 results TSV format: terms in N-Triples/Turtle syntax.
    buf.write("\t".join(f"?{v}" for v in result.variables) + "\n")
    for row in result.rows:
        buf.write("\t".join("" if t is None else str(t) for t in row) + "\n")
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# Running


def run_local(store: ox.Store, text: str) -> QueryResult:
    """Run a query on a pyoxigraph store, all named graphs together as the default graph."""
    try:
        raw = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
        return QueryResult.from_oxigraph(raw)
    except SyntaxError as e:
        raise syntax_error(e, text) from None
    except (RuntimeError, OSError, ValueError) as e:
        raise QueryError(f"the query failed: {e}", "check the query") from None


def query(
    text_or_name: str,
    on: object = None,
    bindings: Mapping[str, str | Term] | None = None,
) -> QueryResult:
    """Run SPARQL text, a ``.rq`` file or a named query on files/folders, a store or an endpoint.

    ``on`` is a path or a sequence of paths (files and folders of exports), a
    :class:`kg.store.Store` or :class:`kg.store.RemoteStore`, an ``http(s)://`` query endpoint,
    or None for the default embedded store.
    """
    from kg import store as _store  # store imports nothing from here but the term helpers

    bindings = dict(bindings or {})
    text, named = resolve_query(text_or_name)
    check_params(named, bindings)
    text = bind(text, bindings)
    target = on
    if target is None:
        target = _store.Store.open_existing()
    elif isinstance(target, str) and re.match(r"https?://", target):
        target = _store.RemoteStore(query_endpoint=target)
    elif isinstance(target, (str, Path)) or (
        isinstance(target, Sequence) and all(isinstance(p, (str, Path)) for p in target)
    ):
        paths = [target] if isinstance(target, (str, Path)) else list(target)
        target = _store.Store.from_files(paths)
    return target.query(text)
