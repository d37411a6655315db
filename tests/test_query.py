"""SPARQL over exports: named queries, bindings, syntax errors and output formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.query import (
    bind,
    format_result,
    named_queries,
    parse_term,
    query,
    query_form,
    resolve_query,
    with_prefixes,
)
from kg.store import Store, load

EXPORTS = Path(__file__).parent / "data" / "exports"
ID = "https://w3id.org/kg-exporter/id/"
NAMED = sorted(named_queries())


def texts(result) -> set[str]:
    return set(result.values("text"))


def test_the_shipped_named_queries_are_the_documented_set():
    assert NAMED == [
        "articles-by-place", "co-mentioned", "most-mentioned", "people-quoted",
        "people-roles", "person-said", "who-said-what",
    ]
    for q in named_queries().values():
        assert q.summary and not q.summary.startswith("param")


@pytest.mark.parametrize(
    "name, bindings, column, expected",
    [
        ("who-said-what", {}, "speakerName",
         ["Maria Gunawan", "Perum Bulog", "Hendra Wijaya", "Yulianto Prabowo", "Hendra Wijaya", "Hendra Wijaya",
          "Siti Aminah"]),
        ("who-said-what", {"speaker": "Siti"}, "speakerName", ["Siti Aminah"]),
        ("who-said-what", {"speaker": "Bulog"}, "speakerName", ["Perum Bulog"]),
        ("who-said-what", {"speaker": "nobody at all"}, "speakerName", []),
        ("people-quoted", {}, "statements", ["3", "1", "1", "1", "1"]),
        ("people-roles", {}, "role",
         ["Kepala BPBD Kota Semarang", "spokesperson of Perum Bulog", "pedagang ikan", "Wali Kota Semarang"]),
        ("people-roles", {"name": "Yulianto"}, "role", ["Wali Kota Semarang"]),
        ("most-mentioned", {"type": "schema:Place"}, "name", ["Indonesia", "Semarang", "Jakarta", "Tambak Lorok"]),
        ("co-mentioned", {"name": "Jakarta"}, "otherName", ["Indonesia", "Maria Gunawan", "Perum Bulog"]),
        ("co-mentioned", {"name": "Atlantis"}, "otherName", []),
        ("person-said", {"name": "Yulianto"}, "cue", ["ujarnya"]),
        ("person-said", {"name": "Perum Bulog"}, "cue", []),  # an organisation is not a person
        ("articles-by-place", {"place": "Semarang"}, "via", ["dateline", "dateline"]),
        ("articles-by-place", {"place": "Indonesia"}, "via", ["mention", "mention"]),
    ],
)
def test_named_queries_answer_from_the_exports(name, bindings, column, expected):
    result = query(name, on=EXPORTS, bindings=bindings)
    assert result.values(column) == expected


def test_person_said_finds_a_person_by_any_of_their_names_as_written():
    by_short = query("person-said", on=EXPORTS, bindings={"name": "Hendra"})
    by_full = query("person-said", on=EXPORTS, bindings={"name": "Hendra Wijaya"})
    assert query("person-said", on=EXPORTS, bindings={"name": "hendra wijaya"}).rows == []
    assert len(texts(by_short)) == 2  # "Hendra" is an alternate name in one article only
    assert texts(by_short) < texts(by_full) and len(texts(by_full)) == 3


@pytest.mark.parametrize("name", NAMED)
def test_named_queries_give_the_same_rows_on_files_and_in_the_store(name, tmp_path):
    params = {p.name: "Semarang" for p in named_queries()[name].params if p.required}
    store = Store(tmp_path / "s")
    load([EXPORTS], store)
    assert query(name, on=store, bindings=params).rows == query(name, on=[EXPORTS], bindings=params).rows
    store.close()


def test_predeclared_prefixes_and_a_query_file(tmp_path):
    rq = tmp_path / "people.rq"
    rq.write_text("SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name ; schema:jobTitle ?t }")
    result = query(str(rq), on=EXPORTS / "antara-en-rice-stock.nt")
    assert result.values("name") == ["Maria Gunawan"]


def test_bound_values_cannot_change_the_query():
    hostile = '") } } DROP ALL #'
    result = query("person-said", on=EXPORTS, bindings={"name": hostile})
    assert result.rows == []


@pytest.mark.parametrize(
    "text, where, detail",
    [
        ("SELECT ?x WHERE {\n  ?x a schema:Person\n  FILTER( }", "line 3, column 1[0-2]", "expected one of"),
        ("SELECT ?x WHERE { ?x a nope:Thing }", "line 1, column (2[4-9]|3[0-4])", "undeclared prefix"),
    ],
)
def test_a_syntax_error_names_line_and_column(text, where, detail):
    with pytest.raises(QueryError, match=f"syntax error at {where}: {detail}"):
        query(text, on=EXPORTS)


@pytest.mark.parametrize(
    "bindings, message",
    [({}, r"needs a value for \?name"), ({"name": "x", "colour": "red"}, "no parameter colour")],
)
def test_named_query_parameters_are_checked(bindings, message):
    with pytest.raises(QueryError, match=message):
        query("co-mentioned", on=EXPORTS, bindings=bindings)


def test_neither_a_name_nor_sparql_lists_the_named_queries():
    with pytest.raises(QueryError, match="who-said-what"):
        resolve_query("who-said")


@pytest.mark.parametrize(
    "value, term",
    [
        ("Hendra Wijaya", ox.Literal("Hendra Wijaya")),
        ('"Jakarta"@id', ox.Literal("Jakarta", language="id")),
        ("<http://example.org/x>", ox.NamedNode("http://example.org/x")),
        ("schema:Person", ox.NamedNode("https://schema.org/Person")),
        ("wd:Q252", ox.NamedNode("http://www.wikidata.org/entity/Q252")),
        ("notaprefix:x", ox.Literal("notaprefix:x")),
        ('"wd:Q252"', ox.Literal("wd:Q252")),
    ],
)
def test_parse_term(value, term):
    assert parse_term(value) == term


def test_parse_term_refuses_a_broken_iri():
    with pytest.raises(QueryError):
        parse_term("<http://example.org/a b>")


@pytest.mark.parametrize(
    "text, before",
    [
        ("SELECT ?a WHERE { ?a ?b ?c }", "SELECT ?a WHERE {"),
        ("SELECT ?a { ?a ?b '{' }", "SELECT ?a {"),
        ("# a { in a comment\nSELECT ?a FROM <http://e/g#x> WHERE { ?a ?b ?c }", "WHERE {"),
        ("CONSTRUCT { ?a ?b ?c } WHERE { ?a ?b ?c }", "} WHERE {"),
        ("CONSTRUCT WHERE { ?a ?b ?c }", "CONSTRUCT WHERE {"),
        ('ASK { ?a ?b """x { y""" }', "ASK {"),
    ],
)
def test_bind_puts_values_at_the_start_of_the_outer_where_group(text, before):
    out = bind(text, {"a": "v"})
    assert out.split(' VALUES (?a) { ("v") } ')[0].endswith(before)


def test_bind_needs_a_where_group():
    with pytest.raises(QueryError, match="WHERE"):
        bind("DESCRIBE <http://e/x>", {"a": "v"})


def test_with_prefixes_keeps_a_query_s_own_declarations():
    text = "PREFIX schema: <http://schema.org/>\nSELECT * { ?s a schema:Thing }"
    out = with_prefixes(text)
    assert out.count("PREFIX schema:") == 1 and "PREFIX kgo:" in out
    assert out.split("\n")[1:] == text.split("\n")[1:]  # line numbers of the query stay as written


@pytest.mark.parametrize(
    "text, form",
    [("SELECT * {}", "select"), ("# SELECT\nASK {}", "ask"), ("PREFIX a: <x:select>\nCONSTRUCT WHERE {}", "construct")],
)
def test_query_form(text, form):
    assert query_form(text) == form


SELECT_PEOPLE = "SELECT ?p ?name ?role WHERE { ?p a schema:Person ; schema:name ?name OPTIONAL { ?p schema:jobTitle ?role } } ORDER BY ?name"


def test_csv_output_has_plain_values_and_empty_cells_for_unbound():
    out = format_result(query(SELECT_PEOPLE, on=EXPORTS / "antara-en-rice-stock.nt"), "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["p", "name", "role"]
    assert rows[1] == [ID + "person/farid-hakim", "Farid Hakim", ""]
    assert rows[2] == [ID + "person/maria-gunawan", "Maria Gunawan", "spokesperson of Perum Bulog"]


def test_json_and_tsv_output_are_sparql_results_that_oxigraph_reads_back():
    result = query(SELECT_PEOPLE, on=EXPORTS / "antara-en-rice-stock.nt")
    for fmt, rfmt in (("json", ox.QueryResultsFormat.JSON), ("tsv", ox.QueryResultsFormat.TSV)):
        back = ox.parse_query_results(format_result(result, fmt).encode(), format=rfmt)
        assert [tuple(s[v] for v in ("p", "name", "role")) for s in back] == result.rows
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"] == ["p", "name", "role"]
    assert "role" not in doc["results"]["bindings"][0]


def test_table_output_aligns_columns_and_counts_rows():
    out = format_result(query(SELECT_PEOPLE, on=EXPORTS / "antara-en-rice-stock.nt"), "table")
    lines = out.splitlines()
    assert lines[0].split() == ["p", "name", "role"]
    assert lines[2].startswith("id:person/farid-hakim  ")
    assert lines[2].index("Farid") == lines[3].index("Maria") == lines[0].index("name")
    assert lines[-1] == "(2 rows)"


def test_construct_gives_rdf_and_refuses_tabular_formats():
    result = query("CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Place ; schema:name ?n }", on=EXPORTS)
    ttl = format_result(result, "turtle")
    assert len(list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))) == len(result.triples) == 4
    assert format_result(result, "ntriples").count(" .\n") == 4
    with pytest.raises(QueryError, match="turtle"):
        format_result(result, "csv")
    with pytest.raises(QueryError, match="CONSTRUCT"):
        format_result(query(SELECT_PEOPLE, on=EXPORTS), "turtle")


def test_ask_gives_a_boolean():
    assert format_result(query("ASK { ?a a schema:NewsArticle }", on=EXPORTS), "csv") == "true\n"
    assert json.loads(format_result(query("ASK { ?a a schema:Book }", on=EXPORTS), "json"))["boolean"] is False


def test_bind_reaches_inner_groups_that_use_the_variable_but_not_data_blocks_or_subquery_braces():
    text = (
        "SELECT ?a WHERE { GRAPH ?g { ?x ?p ?a } OPTIONAL { ?x ?q ?b } FILTER(EXISTS { ?x ?r ?a }) "
        "{ SELECT ?a WHERE { ?a ?b ?c } } VALUES ?z { (1) } }"
    )
    out = bind(text, {"a": "v"})
    block = ' VALUES (?a) { ("v") } '
    assert out.count(block) == 4  # outer, GRAPH, EXISTS, the subquery's WHERE
    assert "GRAPH ?g {" + block in out and "EXISTS {" + block in out
    assert "OPTIONAL { ?x ?q ?b }" in out and "{ SELECT" in out and "VALUES ?z { (1) }" in out
