"""Loading exports into triple stores: the embedded Oxigraph store, or any SPARQL 1.1 server.

Every article lives in its own named graph, so loading an article again replaces it. Files in a
quad format (N-Quads, TriG) name their graphs. Files in a triple format (Turtle, N-Triples,
JSON-LD, RDF/XML) hold one article: its graph is named after the ``schema:NewsArticle`` node,
``{base}graph/{id}`` for the article IRI ``{base}article/{id}``.
"""

from __future__ import annotations

import netrc
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from kg.errors import ConfigError, KgError, QueryError, RdfInputError, StoreError

SCHEMA = "https://schema.org/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
NEWS_ARTICLE = ox.NamedNode(SCHEMA + "NewsArticle")

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}

_ARTICLE_IRI = re.compile(r"^(?P<base>.*/)article/(?P<id>[^/#?]+)$")


def default_store_path() -> Path:
    """Return the embedded store's folder: $KG_STORE, else ``<user data dir>/kg/store``."""
    env = os.environ.get("KG_STORE")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("kg")) / "store"


def graph_for_article(article_iri: str) -> str:
    """Return the named graph IRI for an article IRI: ``{base}article/{id}`` -> ``{base}graph/{id}``."""
    m = _ARTICLE_IRI.match(article_iri)
    if not m:
        raise RdfInputError(
            f"cannot name a graph after the article <{article_iri}>",
            "article IRIs must look like {base}article/{id}; or export N-Quads/TriG, which name graphs",
        )
    return f"{m.group('base')}graph/{m.group('id')}"


DEFAULT_BASE = "https://w3id.org/kg-exporter/id/"


def graph_name(given: str, base: str = DEFAULT_BASE) -> str:
    """Return the graph IRI for a graph IRI, an article IRI, or an article id under ``base``."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", given, re.IGNORECASE):
        return graph_for_article(given) if _ARTICLE_IRI.match(given) else given
    if not re.fullmatch(r"[^/#?\s<>]+", given):
        raise ConfigError(f"{given!r} is neither an IRI nor an article id", "give the graph IRI, e.g. <{base}graph/ID>")
    return f"{base}graph/{given}"


def export_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (recursively) into the RDF files they hold, in name order."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in RDF_FORMATS)
        elif p.is_file():
            found.append(p)
        else:
            raise RdfInputError(f"{p} does not exist", "give export files or folders that hold them")
    return found


def rdf_format(path: Path) -> ox.RdfFormat:
    """Return the RDF format of a file from its extension."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(RDF_FORMATS))
        raise RdfInputError(f"{path} has no RDF file extension", f"use one of {known}", source=str(path))
    return fmt


def article_graphs(path: str | Path) -> list[tuple[str, list[ox.Quad]]]:
    """Parse an export file and split it into (graph IRI, quads in that graph), one per article."""
    path = Path(path)
    fmt = rdf_format(path)
    try:
        quads = list(ox.parse(path=path, format=fmt))
    except SyntaxError as e:
        where = f" at line {e.lineno}, column {e.offset}" if getattr(e, "lineno", None) else ""
        reason = str(e).split(":", 1)[-1].strip() if where else str(e)
        raise RdfInputError(
            f"not valid {fmt.name}{where}: {reason}", "fix or re-export the file", source=str(path)
        ) from None
    except OSError as e:
        raise RdfInputError(f"cannot read the file: {e}", source=str(path)) from None
    default: list[ox.Quad] = []
    named: dict[str, list[ox.Quad]] = {}
    articles: list[str] = []
    for q in quads:
        if isinstance(q.graph_name, ox.DefaultGraph):
            default.append(q)
            if q.predicate == RDF_TYPE and q.object == NEWS_ARTICLE and isinstance(q.subject, ox.NamedNode):
                articles.append(q.subject.value)
        elif isinstance(q.graph_name, ox.NamedNode):
            named.setdefault(q.graph_name.value, []).append(q)
        else:
            raise RdfInputError("a graph is named by a blank node", "name graphs with IRIs", source=str(path))
    if default:
        articles = sorted(set(articles))
        if len(articles) == 1:
            target = graph_for_article(articles[0])
        elif not articles and len(named) == 1:
            target = next(iter(named))
        elif not articles:
            raise RdfInputError(
                "the file has triples but no schema:NewsArticle to name their graph after",
                "load kg exports, or N-Quads/TriG that name their graphs",
                source=str(path),
            )
        else:
            raise RdfInputError(
                f"the file's default graph holds {len(articles)} articles",
                "export one article per Turtle/N-Triples file, or use N-Quads/TriG with a graph per article",
                source=str(path),
            )
        g = ox.NamedNode(target)
        named.setdefault(target, []).extend(ox.Quad(q.subject, q.predicate, q.object, g) for q in default)
    if not named:
        raise RdfInputError("the file holds no triples", "re-export the article", source=str(path))
    return list(named.items())


def ntriples(statements: Iterable[ox.Triple | ox.Quad]) -> str:
    """Serialize triples (or the triples of quads, without their graph) as N-Triples text."""
    return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in statements)


# ---------------------------------------------------------------------------------------------


@dataclass
class Loaded:
    """One article graph written to a store."""

    graph: str
    triples: int
    source: str
    replaced: bool


@dataclass
class Written:
    """What became of one graph handed to a store: its size, or the error that stopped it."""

    graph: str
    triples: int
    source: str
    replaced: bool
    error: str | None = None
    fatal: bool = False  # the store cannot take more: unreachable or misconfigured


@dataclass
class Failure:
    """One file or graph that could not be loaded, and why."""

    source: str
    message: str


@dataclass
class LoadReport:
    """What a load did: graphs written, failures, triples and time."""

    loaded: list[Loaded] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def triples(self) -> int:
        return sum(x.triples for x in self.loaded)

    def summary(self) -> str:
        """Return one line: graphs loaded and replaced, triples, failures, rate."""
        replaced = sum(x.replaced for x in self.loaded)
        rate = self.triples / self.seconds if self.seconds > 0 else 0.0
        text = (
            f"loaded {len(self.loaded)} article graph{'s' if len(self.loaded) != 1 else ''} "
            f"({replaced} replaced), {self.triples} triples in {self.seconds:.2f}s ({rate:,.0f} triples/s)"
        )
        if self.failed:
            text += f"; {len(self.failed)} failed"
        return text


class Store:
    """The embedded store: Oxigraph on disk (or in memory), one named graph per article."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False, memory: bool = False):
        self.path = None if memory else Path(path) if path is not None else default_store_path()
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                self._ox = ox.Store.read_only(str(self.path))
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as e:
            hint = "another kg process may be using it; wait for it or use --store PATH"
            if "lock" not in str(e).lower():
                hint = "check that the folder is an Oxigraph store and writable, or use --store PATH"
            raise StoreError(f"cannot open the store at {self.path}: {e}", hint) from None

    @classmethod
    def open_existing(cls, path: str | Path | None = None) -> Store:
        """Open a store that must already exist, for reading (queries)."""
        where = Path(path) if path is not None else default_store_path()
        if not where.is_dir():
            raise StoreError(f"there is no store at {where}", "load exports first: kg load out/ (or pass --store PATH)")
        return cls(where, read_only=True)

    @classmethod
    def from_files(cls, paths: Sequence[str | Path]) -> Store:
        """Parse export files and folders into a store in memory, a graph per article."""
        store = cls(memory=True)
        for path in export_files(paths):
            store.write_graphs([(graph, quads, str(path)) for graph, quads in article_graphs(path)])
        return store

    def replace_graph(self, graph: str, triples: Sequence[ox.Triple | ox.Quad]) -> bool:
        """Make ``graph`` hold exactly ``triples``, in one transaction; return True if it existed."""
        g = ox.NamedNode(graph)
        existed = self._ox.contains_named_graph(g)
        try:
            if not existed:
                self._ox.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in triples)
            else:
                # One update request is one transaction: the old graph is never half-replaced.
                self._ox.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{ntriples(triples)}}} }}")
        except (OSError, SyntaxError, RuntimeError) as e:
            raise StoreError(f"writing graph <{graph}> failed: {e}", "the store is unchanged for this graph") from None
        return existed

    def write_graphs(self, batch: Sequence[tuple[str, Sequence[ox.Quad], str]]) -> list[Written]:
        """Write (graph, quads in that graph, source) items, each graph replaced as a whole.

        Graphs the store does not have yet go in together through Oxigraph's bulk writer, which
        is several times faster; if that fails, those graphs, being new, are removed again (the
        store is as it was) and written one transaction each, so one bad graph fails alone.
        Graphs the store has are replaced one transaction each.
        """
        out: list[Written] = []
        seen: set[str] = set()
        new, old = [], []
        for item in batch:
            if item[0] in seen:  # the same article twice in a batch: the later copy wins
                new = [x for x in new if x[0] != item[0]]
                old = [x for x in old if x[0] != item[0]]
            seen.add(item[0])
            (old if self._ox.contains_named_graph(ox.NamedNode(item[0])) else new).append(item)
        if len(new) > 1:
            try:
                self._ox.bulk_extend(q for _, quads, _ in new for q in quads)
                out += [Written(g, len(q), s, False) for g, q, s in new]
                new = []
            except (OSError, RuntimeError, ValueError):
                for g, _, _ in new:
                    self._ox.remove_graph(ox.NamedNode(g))
        for graph, quads, source in new + old:
            try:
                replaced = self.replace_graph(graph, quads)
            except KgError as e:
                out.append(Written(graph, 0, source, False, e.line()))
            else:
                out.append(Written(graph, len(quads), source, replaced))
        return out

    def drop(self, graph: str) -> bool:
        """Remove an article graph; return False if there was none."""
        g = ox.NamedNode(graph)
        if not self._ox.contains_named_graph(g):
            return False
        self._ox.remove_graph(g)
        return True

    def graphs(self) -> list[str]:
        """Return the names of the graphs the store holds, sorted."""
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def count(self, graph: str | None = None) -> int:
        """Return the number of triples in one graph, or in the whole store."""
        if graph is None:
            return len(self._ox)
        return sum(1 for _ in self._ox.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def query(self, text: str):
        """Run SPARQL on all graphs together; return a :class:`kg.query.QueryResult`."""
        from kg.query import run_local

        return run_local(self._ox, text)

    def dump(self, output: str | Path) -> None:
        """Write every article graph to one N-Quads file, the input for bulk loaders."""
        self._ox.dump(str(output), format=ox.RdfFormat.N_QUADS)

    def flush(self) -> None:
        """Write buffered changes to disk."""
        if self.path is not None:
            self._ox.flush()

    def close(self) -> None:
        """Release the store (and its folder lock)."""
        self.flush()
        del self._ox


# ---------------------------------------------------------------------------------------------
# Remote stores


def _strip_userinfo(url: str) -> str:
    parts = urlsplit(url)
    if parts.username or parts.password:
        raise ConfigError(
            "the endpoint URL carries credentials",
            "remove user:password@ from it; set KG_STORE_USER and KG_STORE_PASSWORD or use ~/.netrc",
        )
    return urlunsplit(parts)


def credentials(url: str) -> tuple[str, str] | None:
    """Return (user, password) for an endpoint from KG_STORE_USER/KG_STORE_PASSWORD, else netrc."""
    user, password = os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")
    if user:
        return user, password or ""
    host = urlsplit(url).hostname or ""
    path = os.environ.get("NETRC") or str(Path.home() / ".netrc")
    if not Path(path).is_file():
        return None
    try:
        entry = netrc.netrc(path).authenticators(host)
    except (netrc.NetrcParseError, OSError) as e:
        raise ConfigError(f"cannot read the netrc file {path}: {e}", "fix its syntax or set KG_STORE_USER") from None
    if entry and entry[0]:
        return entry[0], entry[2] or ""
    return None


class _ChallengeAuth(httpx.Auth):
    """Basic or digest authentication, whichever the server's 401 challenge asks for."""

    def __init__(self, user: str, password: str):
        self._basic = httpx.BasicAuth(user, password)
        self._digest = httpx.DigestAuth(user, password)
        self._scheme: str | None = None

    def auth_flow(self, request: httpx.Request):
        if self._scheme == "digest":
            yield from self._digest.auth_flow(request)
            return
        if self._scheme == "basic":
            yield from self._basic.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        challenge = response.headers.get("www-authenticate", "").lower()
        if "digest" in challenge:
            self._scheme = "digest"
            yield from self._digest.auth_flow(request)
        elif "basic" in challenge:
            self._scheme = "basic"
            yield from self._basic.auth_flow(request)


_GSP_SUFFIXES = {  # GSP endpoint -> (query, update) on servers whose layout is known
    "/store": ("/query", "/update"),  # Oxigraph
    "/data": ("/query", "/update"),  # Fuseki
    "/sparql-graph-crud-auth": ("/sparql-auth", "/sparql-auth"),  # Virtuoso
    "/sparql-graph-crud": ("/sparql", "/sparql"),  # Virtuoso, no auth
}


class RemoteStore:
    """A SPARQL 1.1 server: Graph Store Protocol for loading, Update where GSP is missing, Query."""

    def __init__(
        self,
        endpoint: str | None = None,
        query_endpoint: str | None = None,
        update_endpoint: str | None = None,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        auth: tuple[str, str] | None = None,
    ):
        if not (endpoint or query_endpoint or update_endpoint):
            raise ConfigError("no endpoint given", "pass --endpoint URL")
        self.endpoint = _strip_userinfo(endpoint) if endpoint else None
        q = u = None
        if self.endpoint:
            for suffix, (qs, us) in _GSP_SUFFIXES.items():
                if self.endpoint.rstrip("/").endswith(suffix):
                    root = self.endpoint.rstrip("/")[: -len(suffix)]
                    q, u = root + qs, root + us
                    break
        self.query_endpoint = _strip_userinfo(query_endpoint) if query_endpoint else q
        self.update_endpoint = _strip_userinfo(update_endpoint) if update_endpoint else u
        self.retries = retries
        self.backoff = backoff
        some_url = self.endpoint or self.query_endpoint or self.update_endpoint or ""
        creds = auth or credentials(some_url)
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            auth=_ChallengeAuth(*creds) if creds else None,
            follow_redirects=True,
        )
        self._gsp_works: bool | None = None if self.endpoint else False

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    def _send(self, method: str, url: str, **kwargs) -> httpx.Response:
        """Send a request, retrying with back-off on connection errors, 5xx and 429 (never on 4xx)."""
        attempt = 0
        while True:
            try:
                response = self._client.request(method, url, **kwargs)
            except (httpx.ConnectError, httpx.ConnectTimeout) as e:
                if attempt >= self.retries:
                    raise StoreError(
                        f"cannot reach {url}: {e}", "is the server running, and is the endpoint URL right?"
                    ) from None
            except httpx.TimeoutException:
                # The server has the request and may still be working on it: sending it again
                # would only pile up work, so a read/write timeout is not retried.
                raise StoreError(
                    f"{url} did not answer within {self._client.timeout.read}s", "raise --timeout, or simplify the query"
                ) from None
            except httpx.TransportError as e:
                raise StoreError(f"talking to {url} failed: {e}", "check the server and its log") from None
            else:
                if response.status_code < 500 and response.status_code != 429:
                    return response
                if attempt >= self.retries:
                    return response
            time.sleep(self.backoff * (2**attempt))
            attempt += 1

    @staticmethod
    def _refused(response: httpx.Response, what: str) -> StoreError:
        text = response.text or ""
        if "html" in response.headers.get("content-type", ""):
            text = re.sub(r"<[^>]+>", " ", text)
        text = re.sub(r"\s+", " ", text).strip()[:300]
        hint = "check the endpoint and the server's log"
        if response.status_code == 401:
            hint = "set KG_STORE_USER and KG_STORE_PASSWORD, or add the host to ~/.netrc"
        elif response.status_code == 403:
            hint = "the user lacks the right to write; grant it on the server"
        return StoreError(f"{what}: the server answered {response.status_code} {response.reason_phrase}: {text}", hint)

    def _update(self, text: str, what: str) -> None:
        if not self.update_endpoint:
            raise ConfigError(
                f"{what}: the server has no Graph Store endpoint that works, and no update endpoint is known",
                "pass --update-endpoint URL",
            )
        r = self._send(
            "POST", self.update_endpoint, content=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )
        if r.status_code >= 400:
            raise self._refused(r, what)

    def write_graphs(self, batch: Sequence[tuple[str, Sequence[ox.Quad], str]]) -> list[Written]:
        """Write (graph, quads, source) items one request each; stop early if the server is gone."""
        out: list[Written] = []
        for graph, quads, source in batch:
            try:
                replaced = self.replace_graph(graph, quads)
            except KgError as e:
                fatal = isinstance(e, ConfigError) or "cannot reach" in e.what
                out.append(Written(graph, 0, source, False, e.line(), fatal))
                if fatal:
                    break
            else:
                out.append(Written(graph, len(quads), source, replaced))
        return out

    def replace_graph(self, graph: str, triples: Sequence[ox.Triple | ox.Quad]) -> bool:
        """Make ``graph`` hold exactly ``triples`` (GSP PUT, else one SPARQL Update).

        Returns True when the server says the graph existed (GSP 200/204 rather than 201).
        """
        body = ntriples(triples)
        if self._gsp_works is not False:
            r = self._send(
                "PUT", self.endpoint, params={"graph": graph}, content=body.encode("utf-8"),
                headers={"Content-Type": "text/turtle; charset=utf-8"},
            )
            if r.status_code < 300:
                self._gsp_works = True
                return r.status_code == 204 or r.status_code == 200
            if r.status_code in (404, 405, 501) and self._gsp_works is None and self.update_endpoint:
                self._gsp_works = False
            else:
                raise self._refused(r, f"PUT graph <{graph}>")
        self._update(
            f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}}} }}", f"replacing graph <{graph}>"
        )
        return False

    def drop(self, graph: str) -> bool:
        """Remove an article graph; return False if the server had none."""
        if self._gsp_works is not False and self.endpoint:
            r = self._send("DELETE", self.endpoint, params={"graph": graph})
            if r.status_code == 404:
                return False
            if r.status_code < 300:
                return True
            if r.status_code not in (405, 501):
                raise self._refused(r, f"DELETE graph <{graph}>")
        had = self.count(graph) > 0
        self._update(f"DROP SILENT GRAPH <{graph}>", f"dropping graph <{graph}>")
        return had

    def query(self, text: str):
        """Run SPARQL on the server's query endpoint; return a :class:`kg.query.QueryResult`."""
        from kg.query import QueryResult, query_form, with_prefixes

        if not self.query_endpoint:
            raise ConfigError("no query endpoint is known for this server", "pass --query-endpoint URL")
        form = query_form(text)
        accept = (
            "application/sparql-results+json"
            if form in ("select", "ask")
            else "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5"
        )
        r = self._send(
            "POST", self.query_endpoint, data={"query": with_prefixes(text)}, headers={"Accept": accept}
        )
        if r.status_code >= 400:
            e = self._refused(r, "the query failed")
            raise QueryError(e.what, "check the query") if r.status_code == 400 else e
        ctype = r.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if form in ("select", "ask"):
                fmt = ox.QueryResultsFormat.from_media_type(ctype) or ox.QueryResultsFormat.JSON
                return QueryResult.from_oxigraph(ox.parse_query_results(r.content, format=fmt))
            rdf = ox.RdfFormat.from_media_type(ctype) or ox.RdfFormat.N_TRIPLES
            if ctype == "text/plain":
                rdf = ox.RdfFormat.N_TRIPLES
            return QueryResult.from_oxigraph(ox.parse(r.content, format=rdf))
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"the server's answer ({ctype}) cannot be read: {e}", "check the query endpoint") from None

    def count(self, graph: str | None = None) -> int:
        """Return the number of triples in one graph, or in all named graphs."""
        if graph:
            text = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        else:
            text = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        return int(self.query(text).values("n")[0] or 0)


# ---------------------------------------------------------------------------------------------


def load(
    paths: Iterable[str | Path],
    store: Store | RemoteStore,
    progress: Callable[[int, int, str], None] | None = None,
    *,
    batch_quads: int = 200_000,
) -> LoadReport:
    """Load export files and folders into a store, each article graph replaced as a whole.

    A file or graph that fails is recorded in the report and the batch goes on; the store keeps
    what it had for that article. Graphs are handed to the store in batches of about
    ``batch_quads`` quads.
    """
    report = LoadReport()
    start = time.perf_counter()
    pending: list[tuple[str, list[ox.Quad], str]] = []
    size = 0

    def flush() -> bool:
        nonlocal pending, size
        fatal = False
        for w in store.write_graphs(pending) if pending else []:
            if w.error:
                report.failed.append(Failure(f"{w.source} <{w.graph}>", w.error))
                fatal = fatal or w.fatal
            else:
                report.loaded.append(Loaded(w.graph, w.triples, w.source, w.replaced))
        pending, size = [], 0
        return not fatal

    try:
        files = export_files(paths)
        for i, path in enumerate(files, 1):
            if progress:
                progress(i, len(files), str(path))
            try:
                graphs = article_graphs(path)
            except KgError as e:
                report.failed.append(Failure(str(path), e.line()))
                continue
            for graph, quads in graphs:
                pending.append((graph, quads, str(path)))
                size += len(quads)
            if size >= batch_quads and not flush():
                break  # the server is gone or refuses the setup: no point going on
        else:
            flush()
    except KgError as e:  # an input that does not exist
        report.failed.append(Failure(e.source or "", e.line()))
    if isinstance(store, Store):
        store.flush()
    report.seconds = time.perf_counter() - start
    return report


def progress_printer(stream=sys.stderr, every: int = 100) -> Callable[[int, int, str], None]:
    """Return a progress callback that prints 'i/n file' to ``stream`` now and then."""

    def show(i: int, n: int, name: str) -> None:
        if n > 1 and (i == 1 or i == n or i % every == 0):
            print(f"[{i}/{n}] {name}", file=stream, flush=True)

    return show
