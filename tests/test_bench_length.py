"""The article-length benchmark prints its table and writes its figures where --json says."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "bench_length.py"
_spec = importlib.util.spec_from_file_location("bench_length", SCRIPT)
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_length"] = bench
_spec.loader.exec_module(bench)


def test_figures_go_to_the_json_file_in_a_new_folder(tmp_path, capsys):
    pytest.importorskip("spacy")
    out = tmp_path / "new" / "length.json"
    assert bench.main(["--max-copies", "2", "--json", str(out)]) == 0
    rows = json.loads(out.read_text())
    assert [r["copies"] for r in rows] == [1, 2] and rows[1]["tokens"] == 2 * rows[0]["tokens"]
    assert "| 2 |" in capsys.readouterr().out


def test_an_unwritable_json_path_is_a_one_line_error_after_the_table(tmp_path, capsys):
    pytest.importorskip("spacy")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert bench.main(["--max-copies", "1", "--json", str(blocker / "length.json")]) == 2
    captured = capsys.readouterr()
    assert "| 1 |" in captured.out
    assert captured.err.count("\n") == 1 and "cannot write" in captured.err and "--json" in captured.err
