"""The ontology, shapes and JSON-LD context ship inside the package; the repository folders point at them."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph

from kg.rdf import context_document, ontology_file, shape_files
from tests.conftest import ROOT


def test_packaged_files_are_found_through_the_package():
    assert ontology_file().is_file()
    assert [f.name for f in shape_files()] == ["article.ttl", "entities.ttl", "statements.ttl"]
    assert "@context" in json.loads(context_document().read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("repo_path", "packaged"),
    [("ontology/kgo.ttl", lambda: ontology_file())]
    + [
        (f"shapes/{n}", (lambda n=n: next(f for f in shape_files() if f.name == n)))
        for n in ("article.ttl", "entities.ttl", "statements.ttl")
    ],
)
def test_repository_folders_show_the_packaged_files(repo_path, packaged):
    assert (ROOT / repo_path).read_bytes() == packaged().read_bytes()


@pytest.mark.parametrize("f", [ontology_file, *[lambda f=f: f for f in shape_files()]])
def test_packaged_turtle_parses(f):
    assert len(Graph().parse(data=f().read_text(encoding="utf-8"), format="turtle")) > 50
