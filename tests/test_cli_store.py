"""``kg load``, ``kg query``, ``kg queries`` and ``kg drop`` through click's test runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

EXPORTS = Path(__file__).parent / "data" / "exports"
ID = "https://w3id.org/kg-exporter/id/"


@pytest.fixture
def store_dir(tmp_path, monkeypatch):
    path = tmp_path / "kgstore"
    monkeypatch.setenv("KG_STORE", str(path))
    return path


def count(runner, kg_cli) -> int:
    out = runner.invoke(kg_cli, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "csv"])
    assert out.exit_code == 0, out.output
    return int(out.stdout.splitlines()[1])


def test_load_twice_then_query_and_drop(runner, kg_cli, store_dir):
    first = runner.invoke(kg_cli, ["load", str(EXPORTS)])
    assert first.exit_code == 0, first.output
    assert "loaded 3 article graphs (0 replaced)" in first.stdout
    n = count(runner, kg_cli)
    second = runner.invoke(kg_cli, ["load", str(EXPORTS)])
    assert "(3 replaced)" in second.stdout and count(runner, kg_cli) == n

    dropped = runner.invoke(kg_cli, ["drop", "antara-en-rice-stock"])
    assert dropped.exit_code == 0 and f"<{ID}graph/antara-en-rice-stock>" in dropped.stdout
    assert count(runner, kg_cli) < n
    again = runner.invoke(kg_cli, ["drop", "antara-en-rice-stock"])
    assert again.exit_code == 1 and "no graph" in again.stderr


def test_query_a_named_query_over_files_as_csv(runner, kg_cli):
    out = runner.invoke(kg_cli, ["query", "people-quoted", "--on", str(EXPORTS / "tribun-banjir-rob-semarang.ttl"),
                                 "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [(r["name"], r["statements"]) for r in rows] == [("Hendra Wijaya", "2"), ("Siti Aminah", "1")]


def test_bind_from_the_command_line_as_json(runner, kg_cli):
    out = runner.invoke(kg_cli, ["query", "person-said", "--on", str(EXPORTS), "--bind", "name=Yulianto", "-f", "json"])
    assert out.exit_code == 0, out.output
    bindings = json.loads(out.stdout)["results"]["bindings"]
    assert [b["cue"]["value"] for b in bindings] == ["ujarnya"]


def test_queries_lists_each_named_query_with_its_parameters(runner, kg_cli):
    out = runner.invoke(kg_cli, ["queries"])
    assert out.exit_code == 0
    for name in ("who-said-what", "people-roles", "most-mentioned", "co-mentioned", "person-said", "articles-by-place"):
        assert any(line.startswith(name + " ") for line in out.stdout.splitlines())
    assert "--bind name=...  (required)" in out.stdout


@pytest.mark.parametrize(
    "args, message, code",
    [
        (["query", "SELECT ?x WHERE {\n ?x a schema:Person\n FILTER( }", "--on", str(EXPORTS)], "line 3", 2),
        (["query", "person-said", "--on", str(EXPORTS)], "--bind name=", 2),
        (["query", "people-quoted", "--on", str(EXPORTS), "-f", "turtle"], "CONSTRUCT", 2),
        (["query", "people-quoted"], "kg load", 2),  # no store yet
        (["load", "--endpoint", "http://dba:dba@127.0.0.1:1/store", str(EXPORTS)], "KG_STORE_USER", 2),
    ],
)
def test_errors_are_one_line_without_a_traceback(runner, kg_cli, store_dir, args, message, code):
    out = runner.invoke(kg_cli, args)
    assert out.exit_code == code
    assert message in out.stderr
    assert "Traceback" not in out.output and len(out.stderr.strip().splitlines()) == 1
    assert "dba:dba" not in out.output


def test_a_failed_file_is_reported_and_the_rest_loaded(runner, kg_cli, store_dir, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix s: <https://schema.org/> .\n<http://e/article/x> a s:NewsArticle ;\n")
    out = runner.invoke(kg_cli, ["load", str(bad), str(EXPORTS / "antara-en-rice-stock.nt")])
    assert out.exit_code == 1
    assert "failed:" in out.stderr and "bad.ttl" in out.stderr
    assert "loaded 1 article graph" in out.stdout


@pytest.mark.parametrize("command", ["load", "query", "queries", "drop"])
def test_every_command_has_help_with_an_example(runner, kg_cli, command):
    out = runner.invoke(kg_cli, [command, "--help"])
    assert out.exit_code == 0 and "Example" in out.stdout and "kg " in out.stdout


# README's command examples (named queries on the bundled examples) are checked in tests/test_readme.py.
