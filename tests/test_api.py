"""The public API end to end on a bundled example, as README shows it."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg import api
from kg.errors import InputError


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


HTML_PAGE = "tests/data/html/english-jsonld-graph.html"


@pytest.mark.parametrize("as_bytes", [False, True], ids=["path", "bytes"])
def test_read_article_reads_an_html_page_as_html(as_bytes):
    """A saved page is read for its main text and metadata, not as text full of tags."""
    with open(HTML_PAGE, "rb") as fh:
        source = fh.read() if as_bytes else HTML_PAGE
    document = api.read_article(source)
    assert document.meta.headline.text == "Jakarta commuter line adds night trains"
    assert document.meta.language == "en"
    assert "<" not in document.text


def test_read_article_takes_a_single_json_lines_record():
    document = api.read_article(b'{"id": "pasar-1", "text": "Harga cabai naik lagi, kata pedagang di Kramat Jati."}')
    assert document.id == "pasar-1" and document.text.startswith("Harga cabai")


def test_read_article_refuses_a_json_lines_file_of_several_articles(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"text": "Satu berita."}\n{"text": "Berita kedua."}\n', encoding="utf-8")
    with pytest.raises(InputError, match="more than one article"):
        api.read_article(dump)


def test_read_article_names_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        api.read_article(tmp_path / "missing.txt")
