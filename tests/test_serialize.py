"""Serializations: formats and extensions, round trips, named graphs, nested JSON-LD, golden Turtle."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.errors import ConfigError, RdfInputError
from kg.rdf import build_graph
from kg.serialize import (
    FORMATS,
    context,
    format_for_path,
    get_format,
    parse,
    parse_file,
    serialize,
)
from tests.rdf_samples import rich_article, small_article

GOLDEN = Path(__file__).parent / "data" / "golden"
ID = "https://w3id.org/kg-exporter/id/"


@pytest.fixture(scope="module")
def rich() -> Graph:
    return build_graph(rich_article())


@pytest.fixture(scope="module")
def batch() -> list[Graph]:
    return [
        build_graph(rich_article()),
        build_graph(small_article("s1")),
        build_graph(small_article("s2")),
    ]


def _union(ds) -> Graph:
    g = Graph()
    for s, p, o, _c in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


@pytest.mark.parametrize(
    ("name", "canonical", "extension"),
    [
        ("turtle", "turtle", ".ttl"),
        ("ttl", "turtle", ".ttl"),
        ("json-ld", "json-ld", ".jsonld"),
        ("jsonld", "json-ld", ".jsonld"),
        ("JSON-LD", "json-ld", ".jsonld"),
        ("nt", "nt", ".nt"),
        ("n-triples", "nt", ".nt"),
        ("nquads", "nquads", ".nq"),
        ("nq", "nquads", ".nq"),
        ("trig", "trig", ".trig"),
    ],
)
def test_format_names_and_aliases(name, canonical, extension):
    f = get_format(name)
    assert (f.name, f.extension) == (canonical, extension)


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("out/a.ttl", "turtle"),
        ("A.JSONLD", "json-ld"),
        ("x.json", "json-ld"),
        ("x.nt", "nt"),
        ("x.nq", "nquads"),
        ("dir.v2/x.trig", "trig"),
    ],
)
def test_format_for_path(path, name):
    assert format_for_path(path).name == name


@pytest.mark.parametrize("path", ["x.rdf", "x.txt", "noextension", "x.ttl.gz"])
def test_unknown_extension_raises_with_the_choices(path):
    with pytest.raises(ConfigError, match=r"\.ttl"):
        format_for_path(path)


def test_unknown_format_name_raises():
    with pytest.raises(ConfigError, match="turtle"):
        get_format("rdfxml")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_one_article_round_trips_isomorphic(rich, fmt):
    data = serialize(rich, fmt)
    assert isinstance(data, bytes)
    assert isomorphic(_union(parse(data, fmt)), rich)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_batch_round_trips_to_the_union(batch, fmt):
    expected = Graph()
    for g in batch:
        expected += g
    assert isomorphic(_union(parse(serialize(batch, fmt), fmt)), expected)


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_quad_formats_keep_one_named_graph_per_article(batch, fmt):
    ds = parse(serialize(batch, fmt), fmt)
    named = {str(g.identifier): len(g) for g in ds.graphs() if len(g)}
    assert named == {str(g.identifier): len(g) for g in batch}


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_triple_formats_have_no_named_graphs(batch, fmt):
    ds = parse(serialize(batch, fmt), fmt)
    assert {str(g.identifier) for g in ds.graphs() if len(g)} == {"urn:x-rdflib:default"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_is_the_same_bytes_every_time(fmt):
    assert serialize(build_graph(rich_article()), fmt) == serialize(
        build_graph(rich_article()), fmt
    )


def test_turtle_uses_https_schema_and_our_prefixes(rich):
    text = serialize(rich, "turtle").decode()
    assert "@prefix schema: <https://schema.org/> ." in text
    assert "@prefix kgo: <https://w3id.org/kg-exporter/ontology#> ." in text
    assert "http://schema.org/" not in text


def test_jsonld_is_one_nested_article_with_inline_context(rich):
    doc = json.loads(serialize(rich, "json-ld"))
    assert doc["@context"] == context()
    assert doc["@id"] == f"{ID}article/kompastv-bitung-2025"
    assert doc["@type"] == "NewsArticle"
    assert {s["cue"] for s in doc["statements"]} == {"kata", "menambahkan", "ujarnya"}
    assert all("isPartOf" not in s for s in doc["statements"])
    assert doc["author"]["name"] == "Rahmat Hidayat"
    assert doc["image"]["creator"]["name"] == "Andi Pratama"
    assert doc["wasGeneratedBy"]["wasAssociatedWith"]["softwareVersion"] == "0.1.0"
    people = {m["name"]: m for m in doc["mentions"] if isinstance(m, dict)}
    assert len(people["Sri Wahyuni Tanjung"]["mentionedAt"]) == 4
    assert people["Indonesia"]["sameAs"] == "wd:Q252"


def test_jsonld_writes_each_node_in_full_once(rich):
    text = serialize(rich, "json-ld").decode()
    nodes = {str(s) for s in rich.subjects()}
    for node in nodes:
        assert text.count(f'"@id": "{node}"') == 1, node


def test_jsonld_batch_is_a_graph_of_articles(batch):
    doc = json.loads(serialize(batch, "json-ld"))
    assert [n["@type"] for n in doc["@graph"]] == ["NewsArticle"] * 3


def test_jsonld_parses_without_network(rich, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("JSON-LD parsing tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert isomorphic(_union(parse(serialize(rich, "json-ld"), "json-ld")), rich)


def test_shipped_context_declares_our_prefixes():
    ctx = context()
    assert ctx["@vocab"] == "https://schema.org/"
    assert ctx["kgo"] == "https://w3id.org/kg-exporter/ontology#"
    assert ctx["wd"] == "http://www.wikidata.org/entity/"
    assert ctx["beginIndex"]["@type"] == "xsd:nonNegativeInteger"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"<a> <b> .", "nt"),
        (b"@prefix x: <y> . x:a x:b", "turtle"),
        (b"{not json", "json-ld"),
        (b"\xff\xfe\x00", "turtle"),
    ],
)
def test_unparsable_input_raises(data, fmt):
    with pytest.raises(RdfInputError):
        parse(data, fmt)


def test_graph_without_iri_cannot_be_a_named_graph():
    g = Graph()
    g += build_graph(small_article())
    with pytest.raises(ConfigError, match="no IRI"):
        serialize(g, "nquads")


def _diff(expected: Graph, actual: Graph) -> str:
    _both, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = [f"- {' '.join(t.n3() for t in triple)}" for triple in sorted(only_expected)]
    lines += [f"+ {' '.join(t.n3() for t in triple)}" for triple in sorted(only_actual)]
    return "\n".join(lines[:40])


def test_rich_article_matches_golden_turtle(rich):
    path = GOLDEN / "rich-article.ttl"
    if os.environ.get("KG_UPDATE_GOLDEN"):
        path.write_bytes(serialize(rich, "turtle"))
    expected = Graph().parse(path, format="turtle")
    assert isomorphic(expected, rich), "graph differs from the golden file:\n" + _diff(
        expected, rich
    )


def test_golden_diff_is_readable(rich):
    changed = Graph()
    changed += rich
    changed.remove((URIRef(f"{ID}article/kompastv-bitung-2025"), None, None))
    diff = _diff(rich, changed)
    assert diff.startswith("- <https://w3id.org/kg-exporter/id/article/kompastv-bitung-2025>")
    assert "+ " not in diff


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_parse_file_picks_the_format_from_the_extension(tmp_path, rich, fmt):
    path = tmp_path / f"article{get_format(fmt).extension}"
    path.write_bytes(serialize(rich, fmt))
    assert isomorphic(_union(parse_file(path)), rich)


def test_parse_file_with_explicit_format(tmp_path, rich):
    path = tmp_path / "article.data"
    path.write_bytes(serialize(rich, "nt"))
    assert len(_union(parse_file(path, "n-triples"))) == len(rich)


@pytest.mark.parametrize(
    ("name", "content", "error", "match"),
    [
        ("missing.ttl", None, RdfInputError, "cannot read"),
        ("broken.ttl", b"<a> <b> ", RdfInputError, "cannot parse the input as turtle"),
        ("unknown.xyz", b"", ConfigError, "cannot tell the RDF format"),
    ],
)
def test_parse_file_errors_name_the_file(tmp_path, name, content, error, match):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(error, match=match) as info:
        parse_file(path)
    if error is RdfInputError:
        assert str(info.value).startswith(str(path))


def test_output_does_not_depend_on_hash_seed():
    """Sets and dicts iterate differently per process; the bytes written must not."""
    import subprocess
    import sys

    code = (
        "import hashlib, sys\n"
        "from tests.rdf_samples import rich_article, small_article\n"
        "from kg.rdf import build_graph\n"
        "from kg.serialize import FORMATS, serialize\n"
        "gs = [build_graph(rich_article()), build_graph(small_article())]\n"
        "print([hashlib.sha256(serialize(gs, f)).hexdigest() for f in sorted(FORMATS)])\n"
    )
    root = Path(__file__).resolve().parent.parent
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
