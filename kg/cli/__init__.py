"""The ``kg`` command line: one small module per command group, one library call per command."""

from __future__ import annotations

import click

from kg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Turn news articles into an RDF knowledge graph, validate it, load it and query it.

    \b
    Example:
      kg export examples/tribun-gencatan-senjata.txt -o article.ttl
    """


def _register() -> None:
    # Each command group lives in its own module and adds itself to ``cli`` here.
    from kg.cli import export as _export  # noqa: F401

    try:
        from kg.cli import store as _store  # noqa: F401
    except ImportError:  # the store commands are optional while they are being built
        pass


def main() -> None:
    _register()
    cli()
