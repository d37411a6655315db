"""Loading and querying real SPARQL servers: Oxigraph server and Virtuoso (digest authentication)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.query import named_queries, query
from kg.store import RemoteStore, Store, load
from tests.servers import oxigraph_server, virtuoso_server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.server

EXPORTS = Path(__file__).parent / "data" / "exports"
ID = "https://w3id.org/kg-exporter/id/"
TRIBUN = EXPORTS / "tribun-banjir-rob-semarang.ttl"
TRIBUN_GRAPH = ID + "graph/tribun-banjir-rob-semarang"
GRAPHS = [ID + "graph/" + n for n in ("antara-en-rice-stock", "kompas-pompa-air-semarang", "tribun-banjir-rob-semarang")]


@pytest.fixture(params=["oxigraph_server", "virtuoso_server"])
def server(request, monkeypatch):
    """Each real server in turn, with its credentials (if any) in the environment."""
    found = request.getfixturevalue(request.param)
    monkeypatch.setenv("NETRC", "/nonexistent")
    if found.user:
        monkeypatch.setenv("KG_STORE_USER", found.user)
        monkeypatch.setenv("KG_STORE_PASSWORD", found.password)
    else:
        monkeypatch.delenv("KG_STORE_USER", raising=False)
    return found


@pytest.fixture(scope="module")
def local():
    """The fixture exports in an embedded in-memory store: what every server must agree with."""
    return Store.from_files([EXPORTS])


def remote_for(server) -> RemoteStore:
    return RemoteStore(server.gsp, query_endpoint=server.query, update_endpoint=server.update, retries=1, backoff=0.1)


def test_load_reload_replace_and_drop(server, local, tmp_path):
    remote = remote_for(server)
    first = load([EXPORTS], remote)
    assert first.ok, first.failed
    counts = {g: remote.count(g) for g in GRAPHS}
    assert counts == {g: local.count(g) for g in GRAPHS}

    again = load([EXPORTS], remote)  # the same export twice: same number of triples
    assert again.ok and {g: remote.count(g) for g in GRAPHS} == counts

    shorter = tmp_path / "tribun-banjir-rob-semarang.ttl"
    text = TRIBUN.read_text(encoding="utf-8")
    shorter.write_text(text[: text.index("id:statement\\/tribun-banjir-rob-semarang-3")], encoding="utf-8")
    assert load([shorter], remote).ok
    assert 0 < remote.count(TRIBUN_GRAPH) < counts[TRIBUN_GRAPH]

    assert remote.drop(TRIBUN_GRAPH) is True
    assert remote.count(TRIBUN_GRAPH) == 0
    assert remote.drop(TRIBUN_GRAPH) is False
    assert load([TRIBUN], remote).ok
    remote.close()


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_queries_give_the_same_rows_as_the_embedded_store(server, local, name):
    remote = remote_for(server)
    assert load([EXPORTS], remote).ok
    params = {p.name: "Semarang" for p in named_queries()[name].params if p.required}
    assert query(name, on=remote, bindings=params).rows == query(name, on=local, bindings=params).rows
    remote.close()


def test_construct_over_the_protocol(server):
    remote = remote_for(server)
    assert load([EXPORTS], remote).ok
    text = (
        "CONSTRUCT { ?p schema:name ?n } WHERE { GRAPH ?g { ?p a schema:Place ; schema:name ?n } }"
    )
    assert len(query(text, on=remote).triples) == 4
    remote.close()


def test_sparql_update_is_used_where_there_is_no_graph_store_endpoint(oxigraph_server, monkeypatch):  # noqa: F811
    monkeypatch.delenv("KG_STORE_USER", raising=False)
    remote = RemoteStore(query_endpoint=oxigraph_server.query, update_endpoint=oxigraph_server.update)
    for _ in range(2):
        report = load([EXPORTS / "antara-en-rice-stock.nt"], remote)
        assert report.ok, report.failed
    assert remote.count(GRAPHS[0]) == Store.from_files([EXPORTS / "antara-en-rice-stock.nt"]).count(GRAPHS[0])
    assert remote.drop(GRAPHS[0]) is True and remote.count(GRAPHS[0]) == 0


def test_virtuoso_refuses_without_credentials_and_says_so(virtuoso_server, monkeypatch):  # noqa: F811
    monkeypatch.delenv("KG_STORE_USER", raising=False)
    monkeypatch.setenv("NETRC", "/nonexistent")
    remote = RemoteStore(virtuoso_server.gsp, retries=0)
    report = load([TRIBUN], remote)
    assert not report.loaded
    message = report.failed[0].message
    assert "401" in message and "KG_STORE_USER" in message


def test_virtuoso_digest_credentials_from_a_netrc_file(virtuoso_server, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.delenv("KG_STORE_USER", raising=False)
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {virtuoso_server.user} password {virtuoso_server.password}\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    remote = RemoteStore(virtuoso_server.gsp)
    report = load([TRIBUN], remote)
    assert report.ok, report.failed
    assert remote.count(TRIBUN_GRAPH) > 0
    assert virtuoso_server.password not in report.summary()


def test_wrong_password_is_a_clear_refusal(virtuoso_server, monkeypatch):  # noqa: F811
    monkeypatch.setenv("KG_STORE_USER", "dba")
    monkeypatch.setenv("KG_STORE_PASSWORD", "not-the-password")
    remote = RemoteStore(virtuoso_server.gsp, retries=0)
    with pytest.raises(StoreError, match="401") as caught:
        remote.replace_graph(TRIBUN_GRAPH, [])
    assert "not-the-password" not in str(caught.value)


def test_a_query_error_from_the_server_carries_its_message(server):
    remote = remote_for(server)
    with pytest.raises(Exception) as caught:
        query("SELECT ?x WHERE { ?x ?y }", on=remote)
    assert "400" in str(caught.value) or "syntax" in str(caught.value).lower()
