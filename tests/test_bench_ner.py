"""The NER speed benchmark repeats our own articles and times an export without the model."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "bench_ner.py"
_spec = importlib.util.spec_from_file_location("bench_ner", SCRIPT)
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_ner"] = bench
_spec.loader.exec_module(bench)


@pytest.mark.parametrize("count", [1, 11, 25, 100])
def test_articles_repeat_the_sources_in_order(count):
    """The list has exactly ``count`` paths, cycling over every example and test article."""
    paths = bench.articles(count)
    sources = sorted(p for folder in bench.SOURCES for p in folder.glob("*.txt"))
    assert len(paths) == count
    assert paths == [sources[i % len(sources)] for i in range(count)]
    assert all(p.suffix == ".txt" and p.is_file() for p in paths)


def test_articles_come_from_both_folders():
    """Examples and test articles are both in the benchmark corpus."""
    parents = {p.parent.name for p in bench.articles(50)}
    assert parents == {"examples", "articles"}


def test_export_one_times_extract_inside_the_whole_export():
    """An export without the model takes time, and its extract step is part of it."""
    pytest.importorskip("spacy")
    extract_s, total_s = bench.export_one(bench.articles(1)[0], use_model=False)
    assert 0 < extract_s < total_s


def test_an_other_model_that_is_no_pipeline_is_a_one_line_error(tmp_path, capsys):
    pytest.importorskip("spacy")
    assert bench.main(["--articles", "1", "--other-model", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no spaCy pipeline at" in err
    assert "give --other-model" in err  # the advice names this script's option, not kg export's
