"""``kg export`` and ``kg validate``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import cli
from kg.errors import KgError, ValidationFailed

FORMAT_CHOICES = ["turtle", "ttl", "json-ld", "jsonld", "nt", "n-triples", "nquads", "nq", "trig"]


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file (format from its extension unless -f is given).")
@click.option("--output-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Write one file per input into this folder, named after the input's stem.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMAT_CHOICES, case_sensitive=False),
              help="Output format (default: from -o's extension, else turtle).")
@click.option("--base-iri", default=None, metavar="IRI",
              help="Base for the IRIs kg mints (default https://w3id.org/kg-exporter/id/).")
@click.option("--no-validate", is_flag=True, help="Write the graph even if it does not conform to the shapes.")
@click.option("--model", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Use the NER of this spaCy pipeline instead of the shipped one.")
@click.option("--no-model", is_flag=True, help="No statistical NER: gazetteer and rules only.")
@click.option("--encoding", default=None, help="Text encoding of the inputs when they are not UTF-8 (e.g. latin-1).")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")
def export(inputs, output, output_dir, fmt, base_iri, no_validate, model, no_model, encoding, quiet):
    """Export news articles as an RDF knowledge graph, validated against kg's SHACL shapes.

    \b
    Examples:
      kg export article.txt -o article.ttl          # format from the extension
      kg export article.txt -f jsonld               # to stdout
      kg export a.txt b.txt c.txt --output-dir out/ # out/a.ttl, out/b.ttl, out/c.ttl

    Exit status: 0 when every article was exported, 1 when a graph did not conform to the
    shapes, 2 when an input could not be read. In a batch the other articles are still exported.
    """
    from kg import api

    if output and output_dir:
        raise click.UsageError("give either -o/--output or --output-dir, not both")
    if output and len(inputs) > 1:
        raise click.UsageError("-o/--output takes one input; use --output-dir for several")
    fmt = _format(fmt, output)
    base_iri = base_iri or api.DEFAULT_BASE
    ext = api.FORMATS[fmt].extension

    failures: list[tuple[Path, KgError]] = []
    graphs = []
    progress = _Progress(len(inputs), quiet)
    for path in inputs:
        try:
            document = api.read_article(path, encoding=encoding)
            article = api.extract(document, model=model, use_model=not no_model)
            graph = api.build_graph(article, base_iri=base_iri)
            if not no_validate:
                api.ensure_conforms(graph, str(path))
        except ValidationFailed as exc:
            click.echo(exc.report, err=True)
            failures.append((path, exc))
            progress.step(path, "does not conform")
            continue
        except KgError as exc:
            failures.append((path, exc))
            progress.step(path, "failed")
            click.echo(f"error: {exc}", err=True)
            continue
        if output_dir:
            _write(output_dir / f"{path.stem}{ext}", api.serialize(graph, fmt))
        elif output:
            _write(output, api.serialize(graph, fmt))
        else:
            graphs.append(graph)
        progress.step(path, f"{len(article.entities)} entities, {len(article.statements)} statements")
    if graphs:
        sys.stdout.buffer.write(api.serialize(graphs if len(graphs) > 1 else graphs[0], fmt))
        sys.stdout.flush()
    progress.summary(failures)
    if failures:
        codes = {exc.exit_code for _, exc in failures}
        sys.exit(2 if 2 in codes else 1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files):
    """Validate RDF files against kg's SHACL shapes; print one line per violation.

    \b
    Example:
      kg validate article.ttl
    Exit status: 0 when every file conforms, 1 when one does not, 2 when one cannot be read.
    """
    from kg import api

    worst = 0
    for path in files:
        try:
            report = api.validate(api.load_rdf(path))
        except KgError as exc:
            click.echo(f"error: {exc}", err=True)
            worst = 2
            continue
        if report.conforms:
            click.echo(f"{path}: conforms")
        else:
            click.echo(f"{path}: does not conform ({len(report.violations)} violations)")
            for v in report.violations:
                click.echo(f"  {v.line()}")
            worst = max(worst, 1)
    sys.exit(worst)


def _format(fmt: str | None, output: Path | None) -> str:
    from kg import api

    if fmt:
        return api.FORMATS.canonical(fmt)
    if output:
        try:
            return api.format_for_path(output)
        except KgError as exc:
            raise click.UsageError(str(exc)) from exc
    return "turtle"


def _write(path: Path, data: bytes) -> None:
    from kg.files import write_atomic

    write_atomic(path, data)


class _Progress:
    """One line per article on stderr, and a summary at the end."""

    def __init__(self, total: int, quiet: bool):
        self.total, self.done, self.quiet = total, 0, quiet

    def step(self, path: Path, what: str) -> None:
        self.done += 1
        if not self.quiet and self.total > 1:
            click.echo(f"[{self.done}/{self.total}] {path}: {what}", err=True)

    def summary(self, failures) -> None:
        if self.quiet or (self.total == 1 and not failures):
            return
        ok = self.total - len(failures)
        line = f"exported {ok} of {self.total} articles"
        if failures:
            line += "; failed: " + ", ".join(str(p) for p, _ in failures)
        click.echo(line, err=True)
