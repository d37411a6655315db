"""The embedded store: a graph per article, replace on reload, drop, failures that leave it as it was."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import ConfigError, RdfInputError, StoreError
from kg.store import (
    RemoteStore,
    Store,
    article_graphs,
    credentials,
    graph_for_article,
    graph_name,
    load,
)

EXPORTS = Path(__file__).parent / "data" / "exports"
ID = "https://w3id.org/kg-exporter/id/"
TRIBUN = EXPORTS / "tribun-banjir-rob-semarang.ttl"
TRIBUN_GRAPH = ID + "graph/tribun-banjir-rob-semarang"
ALL_GRAPHS = sorted(
    ID + "graph/" + name for name in ("antara-en-rice-stock", "kompas-pompa-air-semarang", "tribun-banjir-rob-semarang")
)


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "store")
    yield s
    s.close()


def test_each_article_gets_its_own_graph(store):
    report = load([EXPORTS], store)
    assert report.ok, report.failed
    assert store.graphs() == ALL_GRAPHS
    assert report.triples == store.count() == sum(store.count(g) for g in ALL_GRAPHS)


def test_loading_twice_leaves_the_same_number_of_triples(store):
    first = load([EXPORTS], store)
    before = store.count()
    second = load([EXPORTS], store)
    assert store.count() == before == first.triples
    assert [x.replaced for x in first.loaded] == [False, False, False]
    assert [x.replaced for x in second.loaded] == [True, True, True]


def test_reloading_an_article_drops_its_stale_triples(store, tmp_path):
    load([TRIBUN], store)
    old = store.count(TRIBUN_GRAPH)
    shorter = tmp_path / "tribun.ttl"
    # The same article re-exported without its third statement.
    text = TRIBUN.read_text(encoding="utf-8")
    shorter.write_text(text[: text.index("id:statement\\/tribun-banjir-rob-semarang-3")], encoding="utf-8")
    load([shorter], store)
    assert 0 < store.count(TRIBUN_GRAPH) < old
    gone = store.query("ASK { ?s <https://schema.org/text> ?t FILTER(CONTAINS(?t, 'berjualan')) }")
    assert gone.boolean is False


def test_a_broken_file_leaves_the_store_as_it_was_and_the_batch_goes_on(store, tmp_path):
    load([TRIBUN], store)
    before = store.count(TRIBUN_GRAPH)
    broken = tmp_path / "tribun-banjir-rob-semarang.ttl"
    broken.write_text(TRIBUN.read_text(encoding="utf-8").replace('"Hendra Wijaya" ;', '"Hendra Wijaya ;', 1))
    report = load([broken, EXPORTS / "antara-en-rice-stock.nt"], store)
    assert len(report.failed) == 1 and "line" in report.failed[0].message
    assert [x.graph for x in report.loaded] == [ID + "graph/antara-en-rice-stock"]
    assert store.count(TRIBUN_GRAPH) == before


def test_drop_removes_an_article_and_says_when_there_was_none(store):
    load([EXPORTS], store)
    assert store.drop(TRIBUN_GRAPH) is True
    assert TRIBUN_GRAPH not in store.graphs()
    assert store.drop(TRIBUN_GRAPH) is False
    assert store.count() == sum(store.count(g) for g in store.graphs())


def test_the_store_persists_on_disk(tmp_path):
    s = Store(tmp_path / "s")
    load([EXPORTS], s)
    n = s.count()
    s.close()
    again = Store.open_existing(tmp_path / "s")
    assert again.count() == n and again.graphs() == ALL_GRAPHS


def test_opening_a_missing_store_for_queries_says_to_load_first(tmp_path):
    with pytest.raises(StoreError, match="kg load"):
        Store.open_existing(tmp_path / "nothing-here")


@pytest.mark.parametrize("fmt, ext", [(ox.RdfFormat.JSON_LD, ".jsonld"), (ox.RdfFormat.N_TRIPLES, ".nt"),
                                      (ox.RdfFormat.RDF_XML, ".rdf"), (ox.RdfFormat.TURTLE, ".ttl")])
def test_triple_formats_name_the_graph_after_the_article(tmp_path, fmt, ext):
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=TRIBUN)]
    path = tmp_path / f"article{ext}"
    path.write_bytes(ox.serialize(triples, format=fmt))
    [(graph, parsed)] = article_graphs(path)
    assert graph == TRIBUN_GRAPH
    assert len(parsed) == len(triples)


def test_an_nquads_bundle_loads_one_graph_per_article(store, tmp_path):
    memory = Store.from_files([EXPORTS])
    bundle = tmp_path / "corpus.nq"
    memory.dump(bundle)
    report = load([bundle], store)
    assert sorted(x.graph for x in report.loaded) == ALL_GRAPHS
    assert store.count() == memory.count()


@pytest.mark.parametrize(
    "text, message",
    [
        ("<http://e/a> <http://e/p> 1 .", "no schema:NewsArticle"),
        (
            "@prefix s: <https://schema.org/> . <http://e/article/a> a s:NewsArticle . "
            "<http://e/article/b> a s:NewsArticle .",
            "2 articles",
        ),
        ("@prefix s: <https://schema.org/> . <http://e/story/a> a s:NewsArticle .", "cannot name a graph"),
        ("", "no triples"),
    ],
)
def test_files_whose_graph_cannot_be_named_are_refused(tmp_path, text, message):
    path = tmp_path / "x.ttl"
    path.write_text(text)
    with pytest.raises(RdfInputError, match=message):
        article_graphs(path)


def test_an_unknown_extension_is_refused(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("hello")
    with pytest.raises(RdfInputError, match="extension"):
        article_graphs(path)


@pytest.mark.parametrize(
    "given, expected",
    [
        ("tribun-banjir-rob-semarang", TRIBUN_GRAPH),
        (ID + "article/tribun-banjir-rob-semarang", TRIBUN_GRAPH),
        (TRIBUN_GRAPH, TRIBUN_GRAPH),
        ("http://example.org/graphs/7", "http://example.org/graphs/7"),
    ],
)
def test_graph_name_accepts_ids_article_iris_and_graph_iris(given, expected):
    assert graph_name(given) == expected


def test_graph_for_article_needs_the_article_pattern():
    assert graph_for_article("http://x.org/kg/article/42") == "http://x.org/kg/graph/42"
    with pytest.raises(RdfInputError):
        graph_for_article("http://x.org/kg/news/42")


def test_credentials_come_from_the_environment_before_netrc(tmp_path, monkeypatch):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine db.example.org login alice password s3cret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.delenv("KG_STORE_USER", raising=False)
    monkeypatch.delenv("KG_STORE_PASSWORD", raising=False)
    assert credentials("http://db.example.org:8890/sparql") == ("alice", "s3cret")
    assert credentials("http://other.example.org/sparql") is None
    monkeypatch.setenv("KG_STORE_USER", "bob")
    monkeypatch.setenv("KG_STORE_PASSWORD", "pw")
    assert credentials("http://db.example.org:8890/sparql") == ("bob", "pw")


def test_credentials_in_the_endpoint_url_are_refused():
    with pytest.raises(ConfigError, match="KG_STORE_USER"):
        RemoteStore("http://dba:dba@127.0.0.1:8890/sparql-graph-crud-auth")


def test_an_unreachable_server_is_a_clear_error_after_retries(monkeypatch):
    from tests.servers import free_port

    monkeypatch.delenv("KG_STORE_USER", raising=False)
    port = free_port()
    remote = RemoteStore(f"http://127.0.0.1:{port}/store", retries=2, backoff=0.01, timeout=2)
    report = load([TRIBUN], remote)
    assert not report.loaded
    assert "cannot reach" in report.failed[0].message and str(port) in report.failed[0].message


@pytest.mark.parametrize(
    "endpoint, query, update",
    [
        ("http://h:7878/store", "http://h:7878/query", "http://h:7878/update"),
        ("http://h:3030/ds/data", "http://h:3030/ds/query", "http://h:3030/ds/update"),
        ("http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql-auth", "http://h:8890/sparql-auth"),
        ("http://h:9999/gsp", None, None),
    ],
)
def test_query_and_update_endpoints_are_guessed_for_known_servers(endpoint, query, update, monkeypatch):
    monkeypatch.delenv("KG_STORE_USER", raising=False)
    remote = RemoteStore(endpoint)
    assert (remote.query_endpoint, remote.update_endpoint) == (query, update)


def test_the_same_article_twice_in_one_load_keeps_the_later_copy(store, tmp_path):
    shorter = tmp_path / "later" / "tribun.ttl"
    shorter.parent.mkdir()
    text = TRIBUN.read_text(encoding="utf-8")
    shorter.write_text(text[: text.index("id:statement\\/tribun-banjir-rob-semarang-3")], encoding="utf-8")
    report = load([TRIBUN, shorter, EXPORTS / "antara-en-rice-stock.nt"], store)
    assert report.ok
    assert store.count(TRIBUN_GRAPH) == Store.from_files([shorter]).count(TRIBUN_GRAPH)
    assert sorted(x.graph for x in report.loaded) == [ALL_GRAPHS[0], TRIBUN_GRAPH]
