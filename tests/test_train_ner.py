"""The NER training script converts corpus tags and NERP sentences the way the model card says."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_ner.py"
_spec = importlib.util.spec_from_file_location("train_ner", SCRIPT)
train_ner = importlib.util.module_from_spec(_spec)
sys.modules["train_ner"] = train_ner  # dataclasses look their module up here
_spec.loader.exec_module(train_ner)


@pytest.mark.parametrize("tags,spans", [
    (["O", "B-PER", "I-PER", "O"], [(1, 3, "PER")]),
    (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
    (["O", "I-PPL", "I-PPL", "O"], [(1, 3, "PPL")]),  # bare I- starts a span
    (["B-ORG", "I-LOC"], [(0, 1, "ORG"), (1, 2, "LOC")]),  # I- of another type is a new span
    (["O", "O"], []),
])
def test_bio_spans(tags, spans):
    """BIO tags become token spans, tolerant of bare and mismatched I- tags."""
    assert train_ner.bio_spans(tags) == spans


def test_recase_nerp_restores_case_and_marks_unknown_organisations_missing():
    """NERP words get their usual casing, PER/LOC spans stay, IND and known ORG names become missing."""
    sent = train_ner.Sentence(
        ["warga", "kota", "medan", "melapor", "ke", "bawaslu", "dan", "indomart", "kata", "rudi", "hartono"],
        ["O", "O", "B-PLC", "O", "O", "O", "O", "B-IND", "O", "B-PPL", "I-PPL"])
    truecase = {"bawaslu": "Bawaslu", "kota": "kota"}
    words, ents, missing = train_ner.recase_nerp(sent, truecase, {("bawaslu",)})
    assert words[:3] == ["Warga", "kota", "Medan"]
    assert words[5] == "Bawaslu" and words[9:] == ["Rudi", "Hartono"]
    assert ents == [(2, 3, "LOC"), (9, 11, "PER")]
    assert sorted(missing) == [(5, 6), (7, 8)]


def test_make_doc_leaves_missing_tokens_unannotated():
    """Tokens in missing spans carry no IOB value, the rest are O or entity tokens."""
    nlp = spacy.blank("id")
    doc = train_ner.make_doc(nlp.vocab, ["Rudi", "ke", "Bawaslu", "."], [(0, 1, "PER")], [(2, 3)])
    assert [t.ent_iob_ for t in doc] == ["B", "O", "", "O"]
    assert [(e.text, e.label_) for e in doc.ents] == [("Rudi", "PER")]


def _write_conll(path: Path, sentences: list[list[tuple[str, str]]], sep: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join("\n".join(f"{w}{sep}{t}" for w, t in s) for s in sentences) + "\n",
                    encoding="utf-8")


def test_raw_sentences_for_pretraining_never_include_dev_test_or_idner_paired_text(tmp_path):
    """Pretraining text: cased train splits, plus NERP text not paired with idner; dev/test never."""
    train_sent = [("Bupati", "O"), ("Sleman", "B-LOC"), ("meresmikan", "O"), ("pasar", "O")]
    _write_conll(tmp_path / "idner-news-2k/train.txt", [train_sent], " ")
    _write_conll(tmp_path / "idner-news-2k/dev.txt", [[("Kalimat", "O"), ("dev", "O")]], " ")
    _write_conll(tmp_path / "nerui/train.01.tsv", [train_sent], "\t")  # a duplicate, kept once
    _write_conll(tmp_path / "nergrit/train_preprocess.txt", [[("Warga", "O"), ("Bantul", "B-PLACE")]], "\t")
    for name in ("train", "valid", "test"):
        _write_conll(tmp_path / f"nerp/{name}_preprocess.txt",
                     [[("warga", "O"), ("sleman", "B-PLC"), (name, "O")],
                      [("kalimat", "O"), ("idner", "O"), (name, "O")]], "\t")
    (tmp_path / "overlaps.tsv").write_text(
        "file\tsentence_index\talso_in_file\talso_sentence_index\tnormalized_chars\n"
        "nerp/train_preprocess.txt\t1\tidner-news-2k/test.txt\t4\t80\n"
        "nerp/valid_preprocess.txt\t1\tidner-news-2k/dev.txt\t0\t80\n"
        "nerp/test_preprocess.txt\t1\tidner-news-2k/train.txt\t0\t80\n", encoding="utf-8")

    cased_only = train_ner.raw_sentences(tmp_path, use_nerp=False)
    assert cased_only == ["Bupati Sleman meresmikan pasar", "Warga Bantul"]

    with_nerp = train_ner.raw_sentences(tmp_path, use_nerp=True)
    assert with_nerp[:2] == cased_only
    assert with_nerp[2:] == ["Warga Sleman train", "Warga Sleman valid", "Warga Sleman test"]
    assert not any("dev" in text.split() or "idner" in text.split() for text in with_nerp)


def test_pretrained_tok2vec_weights_are_loaded_into_the_training_pipeline(tmp_path):
    """paths.init_tok2vec really initialises the tok2vec (spaCy ignores it without a [pretraining] block)."""
    from spacy.tokens import DocBin
    from spacy.training.initialize import init_nlp

    vocab = spacy.blank("id").vocab
    docs = DocBin()
    for words, ents in ((["Gubernur", "Ridwan", "tiba", "di", "Bandung"], [(1, 2, "PER"), (4, 5, "LOC")]),
                        (["Polres", "Bogor", "menahan", "dua", "orang"], [(0, 2, "ORG")])):
        docs.add(train_ner.make_doc(vocab, words, ents))
    docs.to_disk(tmp_path / "train.spacy")
    docs.to_disk(tmp_path / "dev.spacy")

    def tok2vec_bytes(overrides):
        cfg = train_ner.training_config(train_ner.DEFAULT_CONFIG, tmp_path, 1.0, overrides)
        return init_nlp(cfg, use_gpu=-1).get_pipe("tok2vec").model.to_bytes()

    other_seed = tok2vec_bytes({"system.seed": 7})
    weights = tmp_path / "pretrain" / "model0.bin"
    weights.parent.mkdir()
    weights.write_bytes(other_seed)

    assert tok2vec_bytes({}) != other_seed  # the seed alone changes the initial weights
    assert tok2vec_bytes({"paths.init_tok2vec": str(weights)}) == other_seed

    with pytest.raises(train_ner.ConfigError):
        tok2vec_bytes({"paths.init_tok2vec": str(tmp_path / "missing.bin")})


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\x9c\x00\xff binary", "not a text config"),
    (b"[paths\ntrain = null\n", "cannot read config"),
])
def test_a_bad_training_config_is_a_one_line_config_error(tmp_path, content, message):
    path = tmp_path / "bad.cfg"
    path.write_bytes(content)
    with pytest.raises(train_ner.ConfigError, match=message):
        train_ner.read_config(path)
    with pytest.raises(train_ner.ConfigError, match="not found"):
        train_ner.read_config(tmp_path / "missing.cfg")


def _corpus_for_convert(root: Path) -> None:
    """Every split convert() reads; each NERP file has one clean sentence, one paired with idner
    and (valid/test) one that repeats a NERP train sentence."""
    for split in train_ner.SPLITS:
        if split.role != "nerp":
            sep = split.sep or " "
            _write_conll(root / split.path, [[("Warga", "O"), ("Bantul", "B-LOC"), (split.name, "O")]], sep)
    for name in ("train", "valid", "test"):
        sentences = [[("warga", "O"), ("sleman", "B-PLC"), (name, "O")],
                     [("kalimat", "O"), ("idner", "O"), (name, "O")]]
        if name != "train":
            sentences.append([("warga", "O"), ("sleman", "B-PLC"), ("train", "O")])
        _write_conll(root / f"nerp/{name}_preprocess.txt", sentences, "\t")
    (root / "overlaps.tsv").write_text(
        "file\tsentence_index\talso_in_file\talso_sentence_index\tnormalized_chars\n"
        "nerp/train_preprocess.txt\t1\tidner-news-2k/test.txt\t0\t80\n"
        "nerp/valid_preprocess.txt\t1\tidner-news-2k/test.txt\t0\t80\n"
        "nerp/test_preprocess.txt\t1\tidner-news-2k/test.txt\t0\t80\n"
        "nerp/valid_preprocess.txt\t2\tnerp/train_preprocess.txt\t0\t80\n"
        "nerp/test_preprocess.txt\t2\tnerp/train_preprocess.txt\t0\t80\n", encoding="utf-8")


@pytest.mark.parametrize("nerp_all, expected", [
    (False, ["Warga Sleman train"]),
    (True, ["Warga Sleman train", "Warga Sleman valid", "Warga Sleman test"]),
])
def test_nerp_all_adds_nerps_valid_and_test_without_idner_pairs_or_repeats(tmp_path, nerp_all, expected):
    from spacy.tokens import DocBin

    _corpus_for_convert(tmp_path / "data")
    summary = train_ner.convert(tmp_path / "data", tmp_path / "work", use_nerp=True, nerp_all=nerp_all)
    nlp = spacy.blank("id")
    train = [d.text for d in DocBin().from_disk(tmp_path / "work" / "train.spacy").get_docs(nlp.vocab)]
    assert [t for t in train if "Sleman" in t] == expected
    assert not any("idner" in t.split() for t in train)
    assert summary["nerp_all"] is nerp_all
    if nerp_all:
        assert summary["dropped"]["nerp-valid"] == 2 and summary["dropped"]["nerp-test"] == 2


def test_mention_replacement_swaps_entities_for_same_label_ones_and_keeps_missing_tokens(tmp_path):
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example

    nlp = spacy.blank("id")
    pool = DocBin()
    pool.add(Doc(nlp.vocab, words=["Rina", "Sari", "ke", "Bantul"], ents=["B-PER", "I-PER", "O", "B-LOC"]))
    pool.to_disk(tmp_path / "train.spacy")
    ref = Doc(nlp.vocab, words=["Budi", "tiba", "di", "Sleman", "bersama", "kpu"],
              spaces=[True, True, True, True, True, False], ents=["B-PER", "O", "O", "B-LOC", "O", None])
    example = Example(Doc(nlp.vocab, words=[t.text for t in ref]), ref)

    augment = train_ner.make_mention_replace(level=1.0, pool=str(tmp_path / "train.spacy"))
    original, copy = list(augment(nlp, example))
    assert original is example
    assert copy.reference.text == "Rina Sari tiba di Bantul bersama kpu"
    assert [(e.text, e.label_) for e in copy.reference.ents] == [("Rina Sari", "PER"), ("Bantul", "LOC")]
    assert copy.reference[-1].ent_iob_ == ""  # unannotated stays unannotated, not "O"
    assert copy.predicted.text == copy.reference.text and not copy.predicted.ents

    never = train_ner.make_mention_replace(level=0.0, pool=str(tmp_path / "train.spacy"))
    assert list(never(nlp, example)) == [example]


def test_the_hash_and_character_embedding_gives_one_vector_of_the_width_per_token():
    nlp = spacy.blank("id")
    docs = [nlp("Bupati Sleman meninjau pasar"), nlp("Warga")]
    model = train_ner.hash_char_embed(width=32, attrs=["NORM", "PREFIX"], rows=[100, 50],
                                      include_static_vectors=False, nM=8, nC=2)
    model.initialize(X=docs)
    vectors = model.predict(docs)
    assert [v.shape for v in vectors] == [(4, 32), (1, 32)]


def test_repeat_weights_a_corpus_in_training_only(tmp_path):
    """`repeat` puts a corpus's training sentences in N times; dev and test files stay as they are."""
    from spacy.tokens import DocBin

    _corpus_for_convert(tmp_path / "data")
    summary = train_ner.convert(tmp_path / "data", tmp_path / "work", use_nerp=True, repeat={"nerui": 3})
    nlp = spacy.blank("id")

    def texts(name):
        return [d.text for d in DocBin().from_disk(tmp_path / "work" / f"{name}.spacy").get_docs(nlp.vocab)]

    train = texts("train")
    assert train.count("Warga Bantul nerui-train") == 3
    assert train.count("Warga Bantul idner-train") == 1 and train.count("Warga Sleman train") == 1
    assert texts("nerui-dev") == ["Warga Bantul nerui-dev"]
    assert texts("nerui-test") == ["Warga Bantul nerui-test"]
    assert summary["repeat"] == {"nerui": 3}


@pytest.mark.parametrize("option", ["nerui=0", "ner=2", "nerui", "nerui=two"])
def test_a_bad_repeat_option_is_a_usage_error(option, capsys):
    with pytest.raises(SystemExit) as stop:
        train_ner.main(["--repeat", option, "--steps", "convert"])
    assert stop.value.code == 2
    assert "--repeat takes CORPUS=N" in capsys.readouterr().err


def _dev_corpus_for_convert(root: Path, n: int = 4) -> None:
    """As _corpus_for_convert, but each NER-UI dev file holds `n` numbered sentences."""
    _corpus_for_convert(root)
    _write_conll(root / "nerui/dev.01.tsv",
                 [[("Warga", "O"), ("Bantul", "B-LOC"), (f"dev{i}", "O")] for i in range(n)], "\t")


@pytest.mark.parametrize("mode, in_train, in_dev", [
    ("none", [], ["dev0", "dev1", "dev2", "dev3"]),
    ("half", ["dev0", "dev2"], ["dev1", "dev3"]),
    ("other-half", ["dev1", "dev3"], ["dev0", "dev2"]),
    ("all", ["dev0", "dev1", "dev2", "dev3"], ["dev0", "dev1", "dev2", "dev3"]),
])
def test_dev_in_train_moves_every_other_dev_sentence_or_all_of_them(tmp_path, mode, in_train, in_dev):
    from spacy.tokens import DocBin

    _dev_corpus_for_convert(tmp_path / "data")
    summary = train_ner.convert(tmp_path / "data", tmp_path / "work", use_nerp=False, dev_in_train=mode)
    nlp = spacy.blank("id")

    def last_words(name):
        docs = DocBin().from_disk(tmp_path / "work" / f"{name}.spacy").get_docs(nlp.vocab)
        return [d[-1].text for d in docs if d[-1].text.startswith("dev")]

    assert last_words("train") == in_train
    assert last_words("nerui-dev") == in_dev
    assert last_words("dev") == in_dev
    assert summary["dev_in_train"] == mode


def test_the_card_says_when_the_dev_rows_were_training_data():
    plain = train_ner.ship_note("gaztags.cfg", True, {"overrides": {"system.seed": 2}}, "best")
    assert plain == "config=gaztags.cfg nerp=True overrides={'system.seed': 2}"
    on_dev = train_ner.ship_note("gaztags.cfg", True, {"overrides": {}, "dev_in_train": "all"}, "last")
    assert "dev_in_train=all checkpoint=last" in on_dev and "not held-out scores" in on_dev
    half = train_ner.ship_note("gaztags.cfg", True, {"overrides": {}, "dev_in_train": "half"}, "best")
    assert "dev_in_train=half" in half and "not held-out" not in half


def test_evaluating_a_run_that_was_never_trained_is_a_one_line_error(tmp_path):
    with pytest.raises(train_ner.ConfigError, match="model-last not found"):
        train_ner.main(["--work", str(tmp_path), "--run", "never", "--steps", "evaluate", "--checkpoint", "last"])


def test_a_nerp_teacher_marks_the_organisations_it_finds_on_o_tokens_missing(tmp_path):
    """Where a teacher pipeline finds an ORG on NERP's O tokens, they become unknown, not O and
    not ORG; NERP's own PER/LOC spans stay."""
    from spacy.tokens import DocBin

    _corpus_for_convert(tmp_path / "data")
    teacher = spacy.blank("id")
    teacher.add_pipe("entity_ruler").add_patterns([
        {"label": "ORG", "pattern": [{"LOWER": "warga"}]},  # on an O token: marked missing
        {"label": "ORG", "pattern": [{"LOWER": "sleman"}]},  # on NERP's LOC: NERP wins
    ])
    teacher.to_disk(tmp_path / "teacher")
    summary = train_ner.convert(tmp_path / "data", tmp_path / "work", use_nerp=True,
                                nerp_teacher=tmp_path / "teacher")
    nlp = spacy.blank("id")
    docs = list(DocBin().from_disk(tmp_path / "work" / "train.spacy").get_docs(nlp.vocab))
    nerp = next(d for d in docs if d.text == "Warga Sleman train")
    assert [t.ent_iob_ for t in nerp] == ["", "B", "O"]
    assert [(e.text, e.label_) for e in nerp.ents] == [("Sleman", "LOC")]
    cased = next(d for d in docs if d.text == "Warga Bantul idner-train")
    assert [t.ent_iob_ for t in cased] == ["O", "B", "O"]  # the cased corpora are never touched
    assert summary["teacher_missing"] == 1


def test_a_nerp_teacher_that_is_no_pipeline_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        train_ner.main(["--nerp", "--nerp-teacher", str(tmp_path), "--steps", "convert"])
    assert stop.value.code == 2
    assert "not a spaCy pipeline folder" in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["--seeds", "0"], "--seeds takes two or more distinct numbers"),
    (["--seeds", "0,0"], "--seeds takes two or more distinct numbers"),
    (["--seeds", "0,a"], "--seeds takes two or more distinct numbers"),
    (["--min-votes", "2"], "--min-votes takes a number between 1 and the number of --seeds"),
    (["--seeds", "0,1,2", "--min-votes", "4"], "--min-votes takes a number between 1 and the number of --seeds"),
])
def test_bad_seeds_or_votes_are_usage_errors(argv, message, capsys):
    with pytest.raises(SystemExit) as stop:
        train_ner.main([*argv, "--steps", "evaluate"])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


def test_an_ensemble_of_runs_that_were_never_trained_is_a_one_line_error(tmp_path):
    (tmp_path / "runs" / "exp-s0" / "model-best").mkdir(parents=True)
    with pytest.raises(train_ner.ConfigError, match=r"exp-s1/model-best not found") as error:
        train_ner.main(["--work", str(tmp_path), "--run", "exp", "--seeds", "0,1", "--steps", "ensemble"])
    assert "exp-s0" not in str(error.value)


def test_the_card_says_the_model_is_a_vote_of_seeds():
    note = train_ner.ship_note("gaztags.cfg", True, {"overrides": {}, "seeds": [0, 1, 2], "min_votes": 2}, "best")
    assert note.endswith("; a vote of 3 runs, seeds [0, 1, 2], an entity needs 2 votes")


@pytest.mark.parametrize("config", [b"", b"\x00\xff\xfe binary", b"[paths\ntrain = null\n"])
def test_an_ensemble_of_members_that_cannot_be_loaded_is_a_one_line_error(tmp_path, config):
    for seed in (0, 1):
        (tmp_path / "runs" / f"exp-s{seed}" / "model-best").mkdir(parents=True)
        (tmp_path / "runs" / f"exp-s{seed}" / "model-best" / "config.cfg").write_bytes(config)
    with pytest.raises(train_ner.ConfigError, match=r"cannot read the config of .*exp-s0") as error:
        train_ner.main(["--work", str(tmp_path), "--run", "exp", "--seeds", "0,1", "--steps", "ensemble"])
    assert "\n" not in str(error.value)
