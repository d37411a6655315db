"""The pipeline-order evaluation scores set-ups with spaCy's scorer and fills only free tokens when asked."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import Doc, DocBin, Span  # noqa: E402

from kg.errors import ConfigError, InputError  # noqa: E402

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "eval_pipeline_ner.py"
_spec = importlib.util.spec_from_file_location("eval_pipeline_ner", SCRIPT)
epn = importlib.util.module_from_spec(_spec)
sys.modules["eval_pipeline_ner"] = epn
_spec.loader.exec_module(epn)


@pytest.fixture(scope="module")
def blank():
    """A blank Indonesian pipeline with kg's factories registered."""
    import kg.nlp.factories  # noqa: F401

    return spacy.blank("id")


@pytest.fixture(scope="module")
def free_gazetteer(blank):
    """The fill-only gazetteer wrapper around kg's shipped gazetteer."""
    return epn.make_free_gazetteer(blank, "kg_gazetteer", None)


def _doc(nlp, words, ents):
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


# (words, entities set before the gazetteer, expected entities after it)
FREE_CASES = [
    # nothing set: the gazetteer's place is added
    (["Banjir", "melanda", "Jakarta", "kemarin", "."], [], [(2, 3, "LOC")]),
    # a recognizer span over the same tokens wins, even with another label
    (["Banjir", "melanda", "Jakarta", "kemarin", "."], [(2, 3, "ORG")], [(2, 3, "ORG")]),
    # a longer recognizer span that covers the match is kept whole
    (["Warga", "DKI", "Jakarta", "Utara", "mengungsi"], [(1, 4, "LOC")], [(1, 4, "LOC")]),
    # spans elsewhere stay, the free match is added beside them
    (["Rudi", "Hartono", "tiba", "di", "Jakarta"], [(0, 2, "PER")], [(0, 2, "PER"), (4, 5, "LOC")]),
]


@pytest.mark.parametrize("words,before,after", FREE_CASES)
def test_free_gazetteer_adds_only_on_free_tokens(blank, free_gazetteer, words, before, after):
    """Spans already set are kept; gazetteer matches are added only where no span overlaps."""
    doc = free_gazetteer(_doc(blank, words, before))
    assert [(e.start, e.end, e.label_) for e in doc.ents] == after


def test_free_gazetteer_gives_an_identical_span_its_entry_id(blank, free_gazetteer):
    """A recognizer span equal to a gazetteer match takes the gazetteer's Wikidata-backed id."""
    doc = free_gazetteer(_doc(blank, ["Banjir", "melanda", "Jakarta"], [(2, 3, "LOC")]))
    assert doc.ents[0].kb_id_ == "Q3630"


def test_unknown_variant_is_a_config_error():
    """Asking for a set-up that does not exist says which ones do."""
    with pytest.raises(ConfigError, match="no-model"):
        epn.build("gazetteer-twice", epn.DEFAULT_MODEL)
    with pytest.raises(ConfigError):
        epn.main(["--variants", "kg,bogus"])


def _gold_file(tmp_path, nlp, sentences):
    db = DocBin()
    for words, ents in sentences:
        db.add(_doc(nlp, words, ents))
    path = tmp_path / "gold.spacy"
    db.to_disk(path)
    return path


def test_score_counts_exact_spans_per_label(tmp_path, blank, free_gazetteer):
    """Found gold spans count as true positives, missed ones lower recall of their label only."""
    blank_with_gaz = spacy.blank("id")
    blank_with_gaz.add_pipe("kg_eval_gazetteer_free", name="kg_gazetteer")
    path = _gold_file(tmp_path, blank, [
        (["Banjir", "melanda", "Jakarta", "."], [(2, 3, "LOC")]),
        (["Sutarjo", "Wiranata", "tiba", "di", "Jakarta", "."], [(0, 2, "PER"), (4, 5, "LOC")]),
    ])
    result = epn.score(blank_with_gaz, path)
    assert result["sentences"] == 2
    assert result["per_type"]["LOC"]["f"] == pytest.approx(1.0)
    assert result["per_type"]["PER"]["r"] == pytest.approx(0.0)
    assert result["r"] == pytest.approx(2 / 3)
    assert result["p"] == pytest.approx(1.0)


def test_score_without_converted_data_says_to_convert(tmp_path, blank):
    """A missing .spacy file raises InputError pointing at the convert step."""
    with pytest.raises(InputError, match="convert"):
        epn.score(blank, tmp_path / "nerui-test.spacy")


RESULTS = {"kg": {"dev": {"sentences": 3, "p": 0.5, "r": 0.25, "f": 1 / 3,
                          "per_type": {"PER": {"p": 1.0, "r": 0.5, "f": 2 / 3}}}}}


def test_card_block_is_replaced_and_the_rest_kept(tmp_path):
    """Only the text between the pipeline-order markers changes."""
    card = tmp_path / "MODEL_CARD.md"
    card.write_text(f"# Card\n\nBefore.\n{epn.MARK_START}\nold table\n{epn.MARK_END}\nAfter.\n")
    epn.update_card(card, RESULTS, Path("id_ner"))
    text = card.read_text()
    assert "old table" not in text
    assert text.startswith("# Card\n\nBefore.\n") and text.endswith("After.\n")
    assert "| kg | dev | 0.500 | 0.250 | 0.333 | 0.667 | 0.000 | 0.000 |" in text


def test_card_without_markers_is_a_config_error(tmp_path):
    """A card missing the markers is not silently rewritten."""
    card = tmp_path / "MODEL_CARD.md"
    card.write_text("# Card\n")
    with pytest.raises(ConfigError, match="pipeline-order"):
        epn.update_card(card, RESULTS, Path("id_ner"))
    assert card.read_text() == "# Card\n"


def test_export_options_go_together(tmp_path):
    """--export-from without --export-to is refused before any work."""
    with pytest.raises(ConfigError, match="together"):
        epn.main(["--export-from", str(tmp_path)])


def test_export_of_an_empty_folder_is_an_input_error(tmp_path, blank):
    """A folder without .txt articles is reported, not silently skipped."""
    with pytest.raises(InputError, match="no .txt articles"):
        epn.export_articles(blank, tmp_path, tmp_path / "out")
