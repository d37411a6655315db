"""Article model -> RDF: namespaces, IRI minting, the mapping table and graph building.

The ontology and the SHACL shapes ship inside this package (``kg/rdf/data/``); the repository's
``ontology/`` and ``shapes/`` folders point at the same files.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable

from kg.rdf.build import build_graph
from kg.rdf.iris import DEFAULT_BASE, Minter, slug

__all__ = [
    "DEFAULT_BASE",
    "Minter",
    "build_graph",
    "context_document",
    "ontology_file",
    "shape_files",
    "slug",
]


def _data() -> Traversable:
    return resources.files("kg.rdf").joinpath("data")


def ontology_file() -> Traversable:
    """The kg ontology in Turtle (``ontology/kgo.ttl``), as shipped in the installed package."""
    return _data().joinpath("kgo.ttl")


def shape_files() -> tuple[Traversable, ...]:
    """Every SHACL shapes file (``shapes/*.ttl``) shipped in the installed package, by name."""
    shapes = _data().joinpath("shapes")
    return tuple(
        sorted((f for f in shapes.iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name)
    )


def context_document() -> Traversable:
    """The JSON-LD context kg's JSON-LD output embeds (``kg/rdf/context.jsonld``)."""
    return resources.files("kg.rdf").joinpath("context.jsonld")
