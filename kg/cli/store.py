"""``kg load``, ``kg query``, ``kg queries`` and ``kg drop``: triple stores and SPARQL."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from kg.cli import cli
from kg.errors import KgError

FORMAT_CHOICES = ["table", "csv", "tsv", "json", "turtle", "ntriples"]


def _one_line_errors(command):
    """Turn kg's errors into one line on stderr and the error's exit status, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KgError as e:
            click.echo(f"Error: {e.line()}", err=True)
            sys.exit(e.exit_code)

    return wrapper


def _store_options(command):
    command = click.option(
        "--update-endpoint", metavar="URL", help="SPARQL 1.1 Update endpoint (default: guessed from --endpoint)."
    )(command)
    command = click.option(
        "--timeout", type=float, default=30.0, show_default=True, help="Seconds to wait for the server."
    )(command)
    return command


def _target(store_path, endpoint, update_endpoint, timeout, *, query_endpoint=None):
    from kg.store import RemoteStore, Store

    if store_path and endpoint:
        raise click.UsageError("give either --store or --endpoint, not both")
    if endpoint:
        return RemoteStore(endpoint, query_endpoint=query_endpoint, update_endpoint=update_endpoint, timeout=timeout)
    return Store(store_path)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", "store_path", type=click.Path(path_type=Path, file_okay=False),
              help="Embedded store folder (default: $KG_STORE, else the user data dir).")
@click.option("--endpoint", metavar="URL",
              help="SPARQL 1.1 Graph Store Protocol endpoint of a server, e.g. http://localhost:7878/store.")
@_store_options
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
@_one_line_errors
def load(paths, store_path, endpoint, update_endpoint, timeout, quiet):
    """Load exports (files or folders) into the embedded store or a SPARQL server.

    Each article goes into its own named graph, so loading it again replaces it. Credentials for
    a server come from KG_STORE_USER / KG_STORE_PASSWORD or ~/.netrc, never from the command line.

    \b
    Examples:
      kg load out/*.ttl
      kg load out/ --store ./kgstore
      kg load out/ --endpoint http://localhost:7878/store
      kg load out/ --endpoint http://localhost:8890/sparql-graph-crud-auth

    Exit status: 0 when every article was loaded, 1 when some failed (the others are loaded), 2
    when the store cannot be opened or reached.
    """
    from kg.store import Store, load as load_exports, progress_printer

    target = _target(store_path, endpoint, update_endpoint, timeout)
    try:
        report = load_exports(paths, target, progress=None if quiet else progress_printer())
    finally:
        target.close()
    for failure in report.failed:
        click.echo(f"failed: {failure.message}", err=True)
    where = f"store {target.path}" if isinstance(target, Store) else f"endpoint {endpoint}"
    click.echo(f"{report.summary()} into {where}")
    if report.failed:
        sys.exit(1 if report.loaded else 2)


@cli.command()
@click.argument("graphs", nargs=-1, required=True)
@click.option("--store", "store_path", type=click.Path(path_type=Path, file_okay=False),
              help="Embedded store folder (default: $KG_STORE, else the user data dir).")
@click.option("--endpoint", metavar="URL", help="SPARQL 1.1 Graph Store Protocol endpoint of a server.")
@_store_options
@_one_line_errors
def drop(graphs, store_path, endpoint, update_endpoint, timeout):
    """Remove articles from a store: give graph IRIs, article IRIs or article ids.

    \b
    Examples:
      kg drop tribun-banjir-rob-semarang
      kg drop https://w3id.org/kg-exporter/id/graph/tribun-banjir-rob-semarang --store ./kgstore
    """
    from kg.store import graph_name

    target = _target(store_path, endpoint, update_endpoint, timeout)
    missing = 0
    try:
        for given in graphs:
            graph = graph_name(given)
            if target.drop(graph):
                click.echo(f"dropped <{graph}>")
            else:
                missing += 1
                click.echo(f"no graph <{graph}> in the store", err=True)
    finally:
        target.close()
    if missing:
        sys.exit(1)


@cli.command()
@click.argument("query_text", metavar="QUERY")
@click.option("--on", "on", multiple=True, type=click.Path(path_type=Path, exists=True),
              help="Query these export files or folders instead of a store (repeatable).")
@click.option("--store", "store_path", type=click.Path(path_type=Path, file_okay=False),
              help="Embedded store folder (default: $KG_STORE, else the user data dir).")
@click.option("--endpoint", metavar="URL", help="SPARQL query endpoint, e.g. http://localhost:7878/query.")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help='Bind ?NAME to VALUE: plain text, "text"@lang, <iri> or prefix:name (repeatable).')
@click.option("-f", "--format", "fmt", type=click.Choice(FORMAT_CHOICES),
              help="Output format (default: table on a terminal, else csv; turtle for CONSTRUCT).")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds to wait for the server.")
@_one_line_errors
def query(query_text, on, store_path, endpoint, binds, fmt, timeout):
    """Run SPARQL (text, a .rq file, or a named query) on exports, the store or an endpoint.

    The prefixes schema, kgo, wd, rdf, rdfs, xsd and prov are predeclared. `kg queries` lists
    the named queries.

    \b
    Examples:
      kg query "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }"
      kg query people-quoted --on out/article.ttl --format csv
      kg query person-said --on out/ --bind name="Hendra Wijaya"
      kg query q.rq --endpoint http://localhost:7878/query --format json
    """
    from kg.query import format_result, query as run_query
    from kg.store import RemoteStore, Store

    if sum(bool(x) for x in (on, store_path, endpoint)) > 1:
        raise click.UsageError("give one of --on, --store or --endpoint")
    bindings = {}
    for item in binds:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.UsageError(f"--bind takes NAME=VALUE, not {item!r}")
        bindings[name] = value
    if on:
        target = list(on)
    elif endpoint:
        target = RemoteStore(query_endpoint=endpoint, timeout=timeout)
    else:
        target = Store.open_existing(store_path)
    result = run_query(query_text, on=target, bindings=bindings)
    if fmt is None:
        if result.kind == "graph":
            fmt = "turtle"
        else:
            fmt = "table" if sys.stdout.isatty() else "csv"
    click.echo(format_result(result, fmt), nl=False)


@cli.command()
@_one_line_errors
def queries():
    """List the named queries shipped with kg, one line each, with their parameters.

    \b
    Example:
      kg queries
      kg query who-said-what --on out/
    """
    from kg.query import named_queries

    found = named_queries()
    width = max(len(n) for n in found)
    for name, q in found.items():
        click.echo(f"{name.ljust(width)}  {q.summary}")
        for p in q.params:
            need = "required" if p.required else "optional"
            click.echo(f"{'':{width}}    --bind {p.name}=...  ({need}) {p.description}")
