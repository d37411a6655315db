"""The exported graph reads right through the evaluation scorer (../shared/eval/score.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kg.rdf import build_graph
from kg.serialize import serialize
from tests.conftest import SHARED_EVAL
from tests.rdf_samples import rich_article

# the scorer is not our code: rdflib's deprecation warnings from its Dataset parsing are its own
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

GOLD = Path(__file__).parent / "data" / "golden" / "rich-article.gold.json"


@pytest.fixture(scope="module")
def score():
    path = SHARED_EVAL / "score.py"
    if not path.is_file():
        pytest.skip("../shared/eval/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("kg_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("fmt,ext", [("turtle", ".ttl"), ("json-ld", ".jsonld"), ("nquads", ".nq")])
def test_hand_built_article_scores_perfectly_in_every_format(score, tmp_path, fmt, ext):
    out = tmp_path / f"kompastv-bitung-2025{ext}"
    out.write_bytes(serialize(build_graph(rich_article()), fmt))
    result = score.score_one(GOLD, out)
    assert result["article"]["score"] == 1.0, result["article"]
    ents = result["entities"]
    assert (ents["f1"], ents["duplicates"], ents["linking"]["accuracy"]) == (1.0, [], 1.0), ents
    st = result["statements"]
    assert (st["f1"], st["attributed_recall"], st["mode_accuracy_on_found"]) == (1.0, 1.0, 1.0), st
    assert result["roles"]["recall"] == 1.0, result["roles"]


def test_scorer_notices_a_wrong_speaker(score, tmp_path):
    from dataclasses import replace

    a = rich_article()
    wrong = tuple(replace(s, speaker="p2") if s.speaker == "p1" else s for s in a.statements)
    out = tmp_path / "kompastv-bitung-2025.ttl"
    out.write_bytes(serialize(build_graph(replace(a, statements=wrong)), "turtle"))
    result = score.score_one(GOLD, out)
    assert result["statements"]["f1"] == 1.0
    assert result["statements"]["attributed_recall"] == pytest.approx(1 / 3, abs=1e-3)
    assert json.dumps(result)  # the result stays JSON-serialisable
