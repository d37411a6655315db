"""``kg export`` and ``kg validate``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import cli
from kg.errors import KgError

FORMAT_CHOICES = ["turtle", "ttl", "json-ld", "jsonld", "nt", "n-triples", "nquads", "nq", "trig"]


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write every article into this one file (format from its extension unless -f is given).")
@click.option("--output-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Write one file per article into this folder, named after the input file (or the article id).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMAT_CHOICES, case_sensitive=False),
              help="Output format (default: from -o's extension, else turtle).")
@click.option("--base-iri", default=None, metavar="IRI",
              help="Base for the IRIs kg mints (default https://w3id.org/kg-exporter/id/).")
@click.option("--no-validate", is_flag=True, help="Write the graph even if it does not conform to the shapes.")
@click.option("--model", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Use the NER of this spaCy pipeline instead of the shipped one, for articles in "
                   "its language (others keep kg's default).")
@click.option("--no-model", is_flag=True, help="No statistical NER: gazetteer and rules only.")
@click.option("--lang", "language", type=click.Choice(["id", "en"], case_sensitive=False), default=None,
              help="Read every article as Indonesian (id) or English (en); default: what each source "
                   "declares, else detected from its text.")
@click.option("--encoding", default=None, help="Text encoding of the inputs when they are not UTF-8 (e.g. latin-1).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the cores available; 1 for a single file).")
@click.option("--force", is_flag=True, help="Process every article again, even those exported unchanged before.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first article that fails.")
@click.option("--errors", "errors_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the failures to this file as JSON Lines (source, file, line, kind, reason).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")
def export(inputs, output, output_dir, fmt, base_iri, no_validate, model, no_model, language, encoding, jobs,
           force, fail_fast, errors_path, quiet):
    """Export news articles as an RDF knowledge graph, validated against kg's SHACL shapes.

    INPUTS are article files (.txt, .html, .jsonl), folders (walked recursively), globs, or -
    for standard input. A corpus runs in parallel, streams its output, and a re-run skips the
    articles already exported unchanged (--force redoes them).

    \b
    Examples:
      kg export article.txt -o article.ttl          # format from the extension
      kg export article.txt -f jsonld               # to stdout
      kg export crawl/ -o corpus.nq --jobs 4        # a folder of pages into one file
      kg export dump.jsonl --output-dir out/ -f ttl --errors failures.jsonl
      kg export wire-story.txt --lang en            # skip language detection

    Exit status: 0 when every article was exported; 1 when some failed (unreadable, or a
    graph that does not conform): the others are still exported and the summary names the
    failures; 2 when nothing could be exported because no input could be read.
    """
    from kg import batch
    from kg.errors import KgError

    if output and output_dir:
        raise click.UsageError("give either -o/--output or --output-dir, not both")
    try:
        fmt = batch.resolve_format(fmt, output)
    except KgError as exc:
        raise click.UsageError(str(exc)) from exc
    settings = batch.Settings(
        fmt=fmt, base_iri=base_iri or batch.DEFAULT_BASE, validate=not no_validate,
        model=str(model) if model else None, use_model=not no_model, encoding=encoding,
        language=language.lower() if language else None,
    )
    progress = batch.Progress(sys.stderr, enabled=False if quiet else None)

    def report(failure: batch.Failure) -> None:
        lines = [f"error: {failure.source}: {failure.reason}"]
        lines += [f"  {v}" for v in failure.report.splitlines()]
        progress.message("\n".join(lines))

    try:
        summary = batch.export_corpus(
            inputs, output=output, output_dir=output_dir, settings=settings, jobs=jobs, force=force,
            fail_fast=fail_fast, errors=errors_path, on_failure=report, progress=progress,
        )
    except KgError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    if not quiet and (summary.failed or summary.articles > 1):
        click.echo(summary.line(), err=True)
    sys.exit(summary.exit_code)


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
            warned = f" ({len(report.violations)} warnings)" if report.violations else ""
            click.echo(f"{path}: conforms{warned}")
            for v in report.violations:
                click.echo(f"  {v.severity.lower()}: {v.line()}")
        else:
            click.echo(f"{path}: does not conform ({len(report.violations)} violations)")
            for v in report.violations:
                click.echo(f"  {v.line()}")
            worst = max(worst, 1)
    sys.exit(worst)
