"""The recognizer vote (kg_ner_vote) keeps what most members predict, and an assembled ensemble
loads in kg like any other model."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")
from spacy.language import Language  # noqa: E402
from spacy.tokens import Span  # noqa: E402

import kg.nlp.factories  # noqa: E402,F401

TEXT = "Ketua Dewan Pers Hendra Wiratama bertemu pengurus Persatuan Wartawan di Kota Malang pada Senin."


class FixedGuesses:
    """A stand-in recognizer: predicts the same token spans for every doc, around the entities
    already on it (as spaCy's ner does), and records the entities it was given."""

    def __init__(self, guesses):
        self.guesses = [tuple(g) for g in guesses]
        self.labels = tuple(sorted({label for _, _, label in self.guesses}))
        self.seen = []

    def predict(self, docs):
        self.seen.extend([(e.start, e.end, e.label_) for e in doc.ents] for doc in docs)
        return [self.guesses for _ in docs]

    def set_annotations(self, docs, guesses):
        for doc, spans in zip(docs, guesses):
            given = list(doc.ents)
            taken = {i for e in given for i in range(e.start, e.end)}
            new = [Span(doc, s, e, label=l) for s, e, l in spans if taken.isdisjoint(range(s, e))]
            doc.set_ents(sorted([*given, *new], key=lambda span: span.start), default="outside")


@Language.factory("test_fixed_guesses", default_config={"guesses": []})
def make_fixed_guesses(nlp, name, guesses):
    return FixedGuesses(guesses)


# token indices in TEXT: 1-3 "Dewan Pers", 3-5 "Hendra Wiratama", 7-9 "Persatuan Wartawan",
# 10-12 "Kota Malang", 11-12 "Malang"
def vote_pipeline(member_guesses, min_votes):
    nlp = spacy.blank("id")
    names = []
    for index, guesses in enumerate(member_guesses):
        names.append(f"ner_{index}")
        nlp.add_pipe("test_fixed_guesses", name=names[-1], config={"guesses": guesses})
    nlp.add_pipe("kg_ner_vote", name="ner", config={"members": names, "min_votes": min_votes})
    for name in names:
        nlp.disable_pipe(name)
    return nlp


def found(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_a_majority_keeps_the_spans_two_of_three_members_agree_on():
    nlp = vote_pipeline([
        [[3, 5, "PER"], [7, 9, "ORG"], [11, 12, "LOC"]],
        [[3, 5, "PER"], [7, 9, "LOC"], [10, 12, "LOC"]],
        [[3, 5, "PER"], [7, 9, "ORG"], [10, 12, "LOC"]],
    ], min_votes=2)
    assert found(nlp(TEXT)) == [("Hendra Wiratama", "PER"), ("Persatuan Wartawan", "ORG"), ("Kota Malang", "LOC")]


def test_with_one_vote_enough_overlaps_go_to_the_span_with_more_votes_then_the_longer():
    nlp = vote_pipeline([
        [[1, 3, "ORG"], [11, 12, "LOC"]],
        [[1, 5, "ORG"], [11, 12, "LOC"]],
        [[1, 3, "ORG"], [10, 12, "LOC"]],
    ], min_votes=1)
    # "Dewan Pers" (2 votes) beats "Dewan Pers Hendra Wiratama" (1); "Malang" (2) beats "Kota Malang" (1)
    assert found(nlp(TEXT)) == [("Dewan Pers", "ORG"), ("Malang", "LOC")]
    nlp = vote_pipeline([[[10, 12, "LOC"]], [[11, 12, "LOC"]]], min_votes=1)
    assert found(nlp(TEXT)) == [("Kota Malang", "LOC")]


def test_each_member_sees_the_entities_given_and_not_another_members_guesses():
    nlp = vote_pipeline([[[3, 5, "PER"]], [[7, 9, "ORG"]], [[3, 5, "PER"]]], min_votes=2)
    doc = nlp.make_doc(TEXT)
    doc.ents = [Span(doc, 1, 3, label="ORG", kb_id="Q1")]  # as the gazetteer marks a known name
    doc = nlp(doc)
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("Dewan Pers", "ORG", "Q1"), ("Hendra Wiratama", "PER", "")]
    for member in nlp.get_pipe("ner").members:
        assert member.seen == [[(1, 3, "ORG")]]


def test_pipe_votes_in_batches_like_call():
    nlp = vote_pipeline([[[3, 5, "PER"]], [[3, 5, "PER"]], [[7, 9, "ORG"]]], min_votes=2)
    docs = list(nlp.pipe([TEXT, TEXT, TEXT], batch_size=2))
    assert [found(doc) for doc in docs] == [[("Hendra Wiratama", "PER")]] * 3
    assert nlp.get_pipe("ner").labels == ("ORG", "PER")


@pytest.mark.parametrize("members, min_votes, message", [
    ([], 1, "are not components"),
    (["ner_0", "ner_9"], 1, "['ner_9']"),
    (["ner_0"], 2, "between 1 and 1"),
])
def test_a_vote_with_unknown_members_or_impossible_votes_is_refused(members, min_votes, message):
    nlp = spacy.blank("id")
    nlp.add_pipe("test_fixed_guesses", name="ner_0")
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        nlp.add_pipe("kg_ner_vote", name="ner", config={"members": members, "min_votes": min_votes})


@pytest.fixture(scope="module")
def train_ner():
    script = Path(__file__).resolve().parents[1] / "scripts" / "train_ner.py"
    spec = importlib.util.spec_from_file_location("train_ner", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_ner"] = module
    spec.loader.exec_module(module)
    return module


def test_an_assembled_ensemble_loads_in_kg_with_its_members_and_the_gazetteer_tags(tmp_path, train_ner):
    """Members trained with the gazetteer feature (untrained here: only the wiring is tested)
    become one pipeline that kg loads with --model, the members' inputs kept."""
    from spacy.tokens import DocBin
    from spacy.training.initialize import init_nlp

    from kg.nlp.pipeline import load_pipeline

    docs = DocBin()
    docs.add(train_ner.make_doc(spacy.blank("id").vocab, ["Polres", "Bogor", "menahan", "Budi"],
                                [(0, 2, "ORG"), (3, 4, "PER")]))
    docs.to_disk(tmp_path / "train.spacy")
    docs.to_disk(tmp_path / "dev.spacy")
    members = []
    for seed in (0, 1, 2):
        cfg = train_ner.training_config(train_ner.ROOT / "scripts" / "ner" / "gaztags.cfg", tmp_path, 1.0,
                                        {"system.seed": seed})
        members.append(tmp_path / f"member-{seed}")
        init_nlp(cfg, use_gpu=-1).to_disk(members[-1])
    train_ner.assemble_ensemble(members, tmp_path / "ensemble", min_votes=2)

    nlp = load_pipeline(model=tmp_path / "ensemble")
    assert nlp.pipe_names[:3] == ["kg_gazetteer_tags", "kg_gazetteer", "ner"]
    assert set(nlp.disabled) == {"ner_0", "ner_1", "ner_2"}
    vote = nlp.get_pipe("ner")
    assert vote.min_votes == 2 and vote.labels == ("ORG", "PER")
    # each member has its own tok2vec: their weights differ (three seeds), none listens to another
    weights = {nlp.get_pipe(name).model.get_ref("tok2vec").to_bytes() for name in vote.member_names}
    assert len(weights) == 3
    doc = nlp("Kapolres Bogor AKBP Budi Santoso menahan dua orang di Cibinong.")
    assert all(e.label_ in {"PER", "ORG", "LOC"} for e in doc.ents)
