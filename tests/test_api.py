"""The public API end to end on a bundled example, as README shows it."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg import api


@pytest.fixture(scope="module")
def example_graph(example_path):
    document = api.read_article(example_path)
    return api.build_graph(api.extract(document))


def test_readme_python_example_runs(example_path):
    document = api.read_article(example_path)
    article = api.extract(document)
    graph = api.build_graph(article)
    report = api.validate(graph)
    assert report.conforms, report.text()
    assert api.serialize(graph, "turtle").decode().startswith("@prefix")
    assert article.headline and article.authors and article.statements


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nquads", "trig", "nt"])
def test_export_parses_back_isomorphic(example_graph, fmt):
    data = api.serialize(example_graph, fmt)
    if fmt in ("nquads", "trig"):
        ds = Dataset()
        ds.parse(data=data, format=fmt)
        back = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            back.add((s, p, o))
    else:
        back = Graph().parse(data=data, format=fmt)
    assert isomorphic(back, example_graph)


def test_the_same_article_gives_the_same_graph_twice(example_path, example_graph):
    again = api.build_graph(api.extract(api.read_article(example_path)))
    assert isomorphic(again, example_graph)


def test_bytes_in_memory_read_like_a_file(example_path):
    from_bytes = api.read_article(example_path.read_bytes(), source_name="pasted")
    from_file = api.read_article(example_path)
    assert from_bytes.text == from_file.text and from_bytes.id == from_file.id
    assert from_bytes.source == "pasted"
