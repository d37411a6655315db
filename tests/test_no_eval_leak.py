"""No text of the evaluation articles has found its way into the project's code, data or tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED_EVAL

SHINGLE = 6  # six words in a row in common is copying, not coincidence
PROJECT_DIRS = ("kg", "tests", "examples", "scripts", "ontology", "shapes", "docs")
SUFFIXES = {".py", ".txt", ".jsonl", ".json", ".tsv", ".cfg", ".rq", ".ttl", ".md", ".html", ".jsonld"}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _shingles(text: str) -> set[tuple[str, ...]]:
    w = _words(text)
    return {tuple(w[i : i + SHINGLE]) for i in range(len(w) - SHINGLE + 1)}


@pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="../shared/eval is not beside this checkout")
def test_no_six_word_run_of_an_eval_article_appears_in_the_project():
    eval_shingles: set[tuple[str, ...]] = set()
    for path in sorted(SHARED_EVAL.glob("*/*.txt")):
        eval_shingles |= _shingles(path.read_text(encoding="utf-8"))
    leaks = []
    for top in PROJECT_DIRS:
        for path in (ROOT / top).rglob("*"):
            if path.suffix not in SUFFIXES or not path.is_file() or "models" in path.parts:
                continue
            if path.stat().st_size > 5_000_000:
                continue
            common = _shingles(path.read_text(encoding="utf-8", errors="replace")) & eval_shingles
            if common:
                leaks.append(f"{path.relative_to(ROOT)}: {' '.join(sorted(common)[0])}")
    assert not leaks, "eval text copied into the project:\n" + "\n".join(leaks)


@pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="../shared/eval is not beside this checkout")
def test_no_name_annotated_in_the_eval_sets_appears_in_the_project():
    """Names of the eval articles' people and organisations stay out, unless the gazetteer has
    them from its public sources (heads of state, countries, international organisations)."""
    import json

    from kg.nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    # general page furniture, not article content: Tribunnews' parent company in every footer
    allowed = {"kg media"}
    names: set[str] = set()
    for gold in SHARED_EVAL.glob("*/*.json"):
        for entity in json.loads(gold.read_text(encoding="utf-8")).get("entities", []):
            for name in entity["names"]:
                if len(name.split()) >= 2 and not gazetteer.lookup(name) and name.casefold() not in allowed:
                    names.add(name.casefold())
    leaks = []
    for top in PROJECT_DIRS:
        for path in (ROOT / top).rglob("*"):
            if path.suffix not in SUFFIXES or not path.is_file() or "models" in path.parts:
                continue
            text = " ".join(_words(path.read_text(encoding="utf-8", errors="replace")))
            for name in names:
                if f" {' '.join(_words(name))} " in f" {text} ":
                    leaks.append(f"{path.relative_to(ROOT)}: {name}")
    assert not leaks, "names from the eval sets in the project:\n" + "\n".join(sorted(leaks))
