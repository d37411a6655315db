"""Rebuild kg's Indonesian NER model (PER/ORG/LOC): convert -> train -> evaluate -> ship.

The one command that rebuilds the shipped model is in scripts/ner/README.md.

Reads the corpora in ``--data`` (see its README.md), writes working files to ``--work``
(git-ignored) and copies the chosen checkpoint into ``kg/nlp/models/id_ner`` (the ship step).
Every step can be run alone with ``--steps``.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

import kg.nlp.factories  # noqa: F401  (kg_gazetteer_tags, used by scripts/ner/gaztags.cfg)
from kg.errors import ConfigError, InputError, KgError

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_DATA = Path("/work/shared/data/ner-id")
DEFAULT_WORK = ROOT / "training"
DEFAULT_CONFIG = ROOT / "scripts" / "ner" / "base.cfg"
SHIP_DIR = ROOT / "kg" / "nlp" / "models" / "id_ner"
LABELS = ("PER", "ORG", "LOC")

# Source tag type -> target label; None means "annotation unknown here" (missing, not O).
TAG_MAP = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "PLACE": "LOC", "PLC": "LOC",
    "IND": None, "EVT": None, "FNB": None,
}


@dataclass
class Split:
    """One corpus file: where it is, how its columns are separated, and its role."""

    name: str
    path: str
    sep: str | None  # None = any whitespace
    role: str  # train | dev | test | nerp


SPLITS = [
    Split("idner-train", "idner-news-2k/train.txt", None, "train"),
    Split("nerui-train", "nerui/train.01.tsv", "\t", "train"),
    Split("nergrit-train", "nergrit/train_preprocess.txt", "\t", "train"),
    Split("idner-dev", "idner-news-2k/dev.txt", None, "dev"),
    Split("nerui-dev", "nerui/dev.01.tsv", "\t", "dev"),
    Split("nergrit-dev", "nergrit/valid_preprocess.txt", "\t", "dev"),
    Split("idner-test", "idner-news-2k/test.txt", None, "test"),
    Split("nerui-test", "nerui/test.01.tsv", "\t", "test"),
    Split("nergrit-test", "nergrit/test_preprocess.txt", "\t", "test"),
    Split("nerp-train", "nerp/train_preprocess.txt", "\t", "nerp"),
    # NERP's own valid/test are no kg test split: with --nerp-all they are training text too
    Split("nerp-valid", "nerp/valid_preprocess.txt", "\t", "nerp"),
    Split("nerp-test", "nerp/test_preprocess.txt", "\t", "nerp"),
]


def corpus_of(split: Split) -> str:
    """The corpus a split belongs to: "nerui" for "nerui-train"."""
    return split.name.split("-")[0]


CORPORA = tuple(dict.fromkeys(corpus_of(sp) for sp in SPLITS))  # idner, nerui, nergrit, nerp


@dataclass
class Sentence:
    """Tokens with their source BIO tags."""

    words: list[str]
    tags: list[str]


def read_conll(path: Path, sep: str | None) -> list[Sentence]:
    """Read a CoNLL-style file (token ... tag per line, blank line between sentences)."""
    if not path.is_file():
        raise InputError(f"corpus file {path} is missing", "pass --data pointing at the ner-id folder")
    sentences, words, tags = [], [], []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip("\r\n")
        if not line.strip():
            if words:
                sentences.append(Sentence(words, tags))
                words, tags = [], []
            continue
        cols = line.split(sep) if sep else line.split()
        token, tag = cols[0].strip(), cols[-1].strip()
        if not token:
            continue
        words.append(token)
        tags.append(tag)
    if words:
        sentences.append(Sentence(words, tags))
    return sentences


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Turn BIO tags into (start, end, source_type) token spans; a bare I- starts a span."""
    spans: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        continues = prefix == "I" and typ == kind
        if start is not None and not continues:
            spans.append((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and not continues:
            start, kind = i, typ
    return spans


def load_overlaps(data: Path) -> dict[str, set[tuple[int, str]]]:
    """Map file -> {(sentence_index, other_file)} from overlaps.tsv."""
    table: dict[str, set[tuple[int, str]]] = defaultdict(set)
    path = data / "overlaps.tsv"
    if not path.is_file():
        raise InputError(f"{path} is missing", "it lists sentences shared between splits")
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        f, idx, other, _other_idx, _n = line.split("\t")
        table[f].add((int(idx), other))
    return table


def build_truecaser(sentences: list[Sentence]) -> dict[str, str]:
    """Most frequent cased form of each lowercased word, from cased corpora (sentence-initial excluded)."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for sent in sentences:
        for word in sent.words[1:]:
            forms[word.lower()][word] += 1
    return {low: c.most_common(1)[0][0] for low, c in forms.items()}


def org_lexicon(sentences: list[Sentence]) -> set[tuple[str, ...]]:
    """Lowercased ORG names (as token tuples) annotated in the cased training corpora."""
    names = set()
    for sent in sentences:
        for s, e, typ in bio_spans(sent.tags):
            if TAG_MAP.get(typ) == "ORG":
                names.add(tuple(w.lower() for w in sent.words[s:e]))
    return names


def recase_nerp(sent: Sentence, truecase: dict[str, str], orgs: set[tuple[str, ...]]):
    """Restore casing of a lowercased NERP sentence; return (words, ents, missing spans)."""
    words = [truecase.get(w, w) for w in sent.words]
    ents, missing = [], []
    for s, e, typ in bio_spans(sent.tags):
        label = TAG_MAP.get(typ)
        if label is None:
            missing.append((s, e))
            continue
        for i in range(s, e):
            if words[i][:1].isalpha() and words[i] == words[i].lower():
                words[i] = words[i][:1].upper() + words[i][1:]
        ents.append((s, e, label))
    # NERP leaves government bodies and parties as O; where a known ORG name sits on O tokens,
    # mark it unknown rather than teach the model that it is not an entity.
    tagged = {i for s, e, _ in ents for i in range(s, e)} | {i for s, e in missing for i in range(s, e)}
    low = [w.lower() for w in sent.words]
    longest = max((len(n) for n in orgs), default=0)
    i = 0
    while i < len(low):
        for n in range(min(longest, len(low) - i), 0, -1):
            if tuple(low[i:i + n]) in orgs and not tagged.intersection(range(i, i + n)):
                missing.append((i, i + n))
                i += n - 1
                break
        i += 1
    if words and words[0][:1].isalpha():
        words[0] = words[0][:1].upper() + words[0][1:]
    return words, ents, missing


def make_doc(vocab, words, ents, missing=()) -> Doc:
    """Build a gold Doc with PER/ORG/LOC spans; tokens in `missing` spans have unknown labels."""
    doc = Doc(vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
    gold = [Span(doc, s, e, label=label) for s, e, label in ents]
    doc.set_ents(gold, missing=[doc[s:e] for s, e in missing], default="outside")
    return doc


def teacher_org_spans(teacher, words: list[str], taken: set[int]) -> list[tuple[int, int]]:
    """ORG spans a teacher pipeline finds on tokens the sentence's own annotation leaves O."""
    doc = teacher(Doc(teacher.vocab, words=words))
    return [(ent.start, ent.end) for ent in doc.ents
            if ent.label_ == "ORG" and not taken.intersection(range(ent.start, ent.end))]


def convert(data: Path, work: Path, use_nerp: bool, nerp_org_missing: bool = True, nerp_all: bool = False,
            repeat: dict[str, int] | None = None, dev_in_train: str = "none", nerp_teacher: Path | None = None) -> dict:
    """Write train/dev/test .spacy files to `work` with overlaps removed; return a summary.

    `repeat` maps a corpus ("idner", "nerui", "nergrit", "nerp") to how many times its training
    sentences go into train.spacy (default once): a corpus weight, not new data.
    `dev_in_train` "half" moves every other kept dev sentence of each corpus (the 1st, 3rd, ...)
    into training (the rest stays dev, to measure what more in-domain data is worth),
    "other-half" the 2nd, 4th, ... (the two halves give a two-fold estimate); "all" trains on the
    whole dev set too (dev scores then mean nothing; take a fixed number of steps and model-last).
    `nerp_teacher` is a spaCy pipeline trained without NERP: where it finds an ORG on a NERP
    sentence's O tokens, those tokens are marked missing (NERP has no general ORG class, so its O
    there may be wrong), never labelled ORG.
    """
    halves = {"half": 0, "other-half": 1}
    if dev_in_train not in ("none", "all", *halves):
        raise ValueError(f"dev_in_train must be none, half, other-half or all, not {dev_in_train!r}")
    repeat = repeat or {}
    nlp = spacy.blank("id")
    overlaps = load_overlaps(data)
    corpora = {sp.name: read_conll(data / sp.path, sp.sep) for sp in SPLITS}
    by_name = {sp.name: sp for sp in SPLITS}
    train_files = {by_name[n].path for n in by_name if by_name[n].role == "train"}
    dev_files = {by_name[n].path for n in by_name if by_name[n].role == "dev"}
    summary: dict = {"dropped": {}, "sentences": {}}

    def keep(split: Split, idx: int) -> bool:
        others = {o for i, o in overlaps.get(split.path, ()) if i == idx}
        if split.role == "test":
            return not (others & (train_files | dev_files))
        if split.role == "dev":
            return not (others & train_files)
        if split.role == "nerp":
            # never a sentence of the cased corpora (idner test!), nor a copy of an earlier NERP split
            earlier = {sp.path for sp in SPLITS[:SPLITS.index(split)] if sp.role == "nerp"}
            return not any(o.startswith(("idner-news-2k/", "nerui/", "nergrit/")) or o in earlier
                           for o in others)
        return True

    cased_train = [s for sp in SPLITS if sp.role == "train" for s in corpora[sp.name]]
    truecase = build_truecaser(cased_train)
    orgs = org_lexicon(cased_train) if nerp_org_missing else set()
    teacher = spacy.load(nerp_teacher) if nerp_teacher else None
    summary["teacher_missing"] = 0
    bins: dict[str, DocBin] = defaultdict(lambda: DocBin(store_user_data=False))
    for sp in SPLITS:
        if sp.role == "nerp" and not (use_nerp and (nerp_all or sp.name == "nerp-train")):
            continue
        kept = dropped = 0
        for idx, sent in enumerate(corpora[sp.name]):
            if not keep(sp, idx):
                dropped += 1
                continue
            if sp.role == "nerp":
                words, ents, missing = recase_nerp(sent, truecase, orgs)
                if teacher is not None:
                    taken = {i for s, e, _ in ents for i in range(s, e)} | {i for s, e in missing for i in range(s, e)}
                    found = teacher_org_spans(teacher, words, taken)
                    summary["teacher_missing"] += len(found)
                    missing += found
            else:
                words = sent.words
                ents = [(s, e, TAG_MAP[t]) for s, e, t in bio_spans(sent.tags)]
                missing = []
            doc = make_doc(nlp.vocab, words, ents, missing)
            target = {"train": "train", "nerp": "train", "dev": "dev"}.get(sp.role, sp.name)
            if sp.role == "dev" and (dev_in_train == "all" or kept % 2 == halves.get(dev_in_train)):
                bins["train"].add(doc)
                if dev_in_train in halves:
                    kept += 1
                    continue
            copies = repeat.get(corpus_of(sp), 1) if target == "train" else 1
            for _ in range(copies):
                bins[target].add(doc)
            if sp.role == "dev":
                bins[sp.name].add(doc)  # per-corpus dev, reported but not used for selection
            kept += 1
        summary["dropped"][sp.name] = dropped
        summary["sentences"][sp.name] = kept
    work.mkdir(parents=True, exist_ok=True)
    for name, db in bins.items():
        db.to_disk(work / f"{name}.spacy")
    summary["nerp"] = use_nerp
    summary["nerp_all"] = use_nerp and nerp_all
    summary["repeat"] = dict(sorted(repeat.items()))
    summary["dev_in_train"] = dev_in_train
    summary["nerp_teacher"] = str(nerp_teacher) if nerp_teacher else None
    (work / "convert.json").write_text(json.dumps(summary, indent=2))
    return summary


def raw_sentences(data: Path, use_nerp: bool) -> list[str]:
    """Unlabelled training text for `spacy pretrain`: no dev or test sentence of idner/NER-UI/NERGrit.

    The cased train splits always; with `use_nerp`, also every NERP sentence (train, valid and
    test: only their text is used, recased) that overlaps.tsv does not pair with idner-news-2k.
    """
    overlaps = load_overlaps(data)
    cased = [s for sp in SPLITS if sp.role == "train" for s in read_conll(data / sp.path, sp.sep)]
    texts = [" ".join(s.words) for s in cased]
    if use_nerp:
        truecase = build_truecaser(cased)
        for name in ("train", "valid", "test"):
            path = f"nerp/{name}_preprocess.txt"
            paired = {i for i, other in overlaps.get(path, ()) if other.startswith("idner-news-2k/")}
            for idx, sent in enumerate(read_conll(data / path, "\t")):
                if idx not in paired:
                    texts.append(" ".join(recase_nerp(sent, truecase, set())[0]))
    seen, unique = set(), []
    for text in texts:
        if text.lower() not in seen:
            seen.add(text.lower())
            unique.append(text)
    return unique


def pretrain(config: Path, data: Path, out: Path, use_nerp: bool, epochs: int, overrides: dict) -> dict:
    """Pretrain the tok2vec of `config` on raw corpus text (spaCy's character objective).

    Writes `out/raw.jsonl` and one `out/model<epoch>.bin` per epoch; pass one of them to a
    training run with `--set paths.init_tok2vec=...`.
    """
    from spacy.language import DEFAULT_CONFIG_PRETRAIN_PATH
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import dot_to_dict

    base = read_config(config)
    texts = raw_sentences(data, use_nerp)
    out.mkdir(parents=True, exist_ok=True)
    raw = out / "raw.jsonl"
    raw.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    settings = {"paths.raw_text": str(raw), "pretraining.max_epochs": epochs, **overrides}
    cfg = read_config(DEFAULT_CONFIG_PRETRAIN_PATH).merge(base).merge(dot_to_dict(settings))
    cfg.to_disk(out / "pretrain.cfg")  # training runs read their [pretraining] block from here
    started = time.monotonic()
    spacy_pretrain(cfg.interpolate(), out, silent=False)
    summary = {"sentences": len(texts), "words": sum(len(t.split()) for t in texts), "nerp_text": use_nerp,
               "epochs": epochs, "minutes": round((time.monotonic() - started) / 60, 1)}
    (out / "pretrain.json").write_text(json.dumps(summary, indent=1))
    return summary


def pretrained_on_nerp(init_tok2vec: str | None) -> bool:
    """Whether the pretrained weights at `init_tok2vec` saw NERP text (read from pretrain.json)."""
    if not init_tok2vec:
        return False
    info = Path(init_tok2vec).parent / "pretrain.json"
    return json.loads(info.read_text()).get("nerp_text", True) if info.is_file() else True


def read_config(path: Path, overrides: dict | None = None):
    """A spaCy config file, not interpolated; a missing, empty, binary or broken one is a ConfigError."""
    from thinc.api import Config
    from thinc.config import ConfigValidationError

    if not Path(path).is_file():
        raise ConfigError(f"training config {path} not found", "see scripts/ner/ for the configs")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not a text config file", "give a spaCy .cfg file") from None
    if not text.strip():
        raise ConfigError(f"{path} is empty", "give a spaCy .cfg file, e.g. scripts/ner/base.cfg")
    try:
        return Config().from_str(text, overrides=overrides or {}, interpolate=False)
    except (ConfigValidationError, ValueError, KeyError) as exc:  # configparser errors are ValueErrors
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError(f"cannot read config {path}: {first}", "check its sections and --set keys") from None


class TimeUp(Exception):
    """Raised by the time-limit callback to end training; model-best is already on disk."""


@spacy.registry.callbacks("kg.train_time_limit.v1")
def make_time_limit(minutes: float):
    """Return a before_update callback that stops training after `minutes` of wall-clock time."""
    started = time.monotonic()

    def check(nlp, info):
        if time.monotonic() - started > minutes * 60:
            raise TimeUp(f"stopped after {minutes} minutes at step {info['step']}")

    return check


def mention_pools(train: Path) -> dict[str, list[tuple[str, ...]]]:
    """Every annotated entity of the training file, as words, by label (repeats kept: common names
    are drawn more often)."""
    nlp = spacy.blank("id")
    pools: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for doc in DocBin().from_disk(train).get_docs(nlp.vocab):
        for ent in doc.ents:
            pools[ent.label_].append(tuple(t.text for t in ent))
    return dict(pools)


@spacy.registry.augmenters("kg.mention_replace.v1")
def make_mention_replace(level: float, pool: str, seed: int = 0):
    """An augmenter that adds, for a share `level` of the training sentences, a copy whose every
    entity is replaced by another entity of the same label from the training file (mention
    replacement, Dai & Adel 2020). Tokens without annotation (NERP's organisations) stay so."""
    from spacy.training import Example

    pools = mention_pools(Path(pool))
    rng = random.Random(seed)

    def augment(nlp, example):
        yield example
        ref = example.reference
        if not ref.ents or rng.random() >= level:
            return
        words, spaces, tags = [], [], []

        def keep(tokens):
            for t in tokens:
                words.append(t.text)
                spaces.append(bool(t.whitespace_))
                tags.append(None if t.ent_iob_ == "" else "O")

        at = 0
        for ent in ref.ents:
            keep(ref[at:ent.start])
            other = rng.choice(pools.get(ent.label_) or [tuple(t.text for t in ent)])
            for k, word in enumerate(other):
                words.append(word)
                spaces.append(True)
                tags.append(("B-" if k == 0 else "I-") + ent.label_)
            spaces[-1] = bool(ref[ent.end - 1].whitespace_)
            at = ent.end
        keep(ref[at:])
        yield Example(Doc(nlp.vocab, words=words, spaces=spaces),
                      Doc(nlp.vocab, words=words, spaces=spaces, ents=tags))

    return augment


@spacy.registry.architectures("kg.HashCharEmbed.v1")
def hash_char_embed(width: int, attrs: list, rows: list, include_static_vectors: bool, nM: int = 16, nC: int = 4):
    """An experiment: spaCy's MultiHashEmbed (the token attributes, the gazetteer tag among them)
    side by side with its character embedding of the first and last `nC` characters, mixed by a
    maxout layer, as CharacterEmbed does for one attribute. Select it with
    `--set components.tok2vec.model.embed.@architectures=kg.HashCharEmbed.v1`."""
    from spacy.ml import _character_embed
    from spacy.ml.models.tok2vec import MultiHashEmbed
    from thinc.api import Maxout, chain, concatenate, list2ragged, ragged2list, with_array

    hashed = chain(MultiHashEmbed(width, attrs, rows, include_static_vectors), list2ragged())
    chars = chain(_character_embed.CharacterEmbed(nM=nM, nC=nC), list2ragged())
    mix = with_array(Maxout(width, width + nM * nC, nP=3, normalize=True, dropout=0.0))
    return chain(concatenate(hashed, chars), mix, ragged2list())


def training_config(config: Path, work: Path, max_minutes: float, overrides: dict, augment: float = 0.0):
    """The training config: `config` with the converted data, the time limit and `overrides`.

    spaCy only reads `paths.init_tok2vec` when the config has a [pretraining] block (it says
    which layer the weights belong to) and silently trains from scratch otherwise, so the block
    the weights were pretrained with is added here.
    """
    from spacy.language import DEFAULT_CONFIG_PRETRAIN_PATH

    cfg = read_config(config, {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "dev.spacy"),
        **overrides,
    })
    cfg["training"]["before_update"] = {"@callbacks": "kg.train_time_limit.v1", "minutes": max_minutes}
    if augment:
        cfg["corpora"]["train"]["augmenter"] = {"@augmenters": "kg.mention_replace.v1", "level": augment,
                                                "pool": str(work / "train.spacy"), "seed": cfg["system"]["seed"]}
    weights = overrides.get("paths.init_tok2vec")
    if weights and not cfg.get("pretraining"):
        if not Path(weights).is_file():
            raise ConfigError(f"pretrained weights {weights} not found", "run the pretrain step first")
        used = Path(weights).parent / "pretrain.cfg"
        pretraining = read_config(used if used.is_file() else DEFAULT_CONFIG_PRETRAIN_PATH)["pretraining"]
        pretraining["corpus"] = "corpora.train"  # only named here; pretraining is not run
        cfg = cfg.merge({"pretraining": pretraining})
    return cfg


def train(config: Path, work: Path, out: Path, max_minutes: float, overrides: dict, augment: float = 0.0) -> float:
    """Train from `config` on the converted files; return the wall-clock minutes spent."""
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop

    cfg = training_config(config, work, max_minutes, overrides, augment)
    started = time.monotonic()
    weights = overrides.get("paths.init_tok2vec")
    try:
        nlp = init_nlp(cfg, use_gpu=-1)
    except (ValueError, UnicodeDecodeError) as exc:
        if not weights:
            raise
        raise ConfigError(f"cannot load pretrained weights {weights}: {exc}",
                          "give a model<N>.bin written by the pretrain step") from None
    out.mkdir(parents=True, exist_ok=True)
    try:
        train_loop(nlp, out, use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)
    except TimeUp as stop:
        print(f"[train_ner] {stop}", flush=True)
    return (time.monotonic() - started) / 60


def assemble_ensemble(members: list[Path], out: Path, min_votes: int) -> None:
    """Write to `out` one pipeline whose `ner` votes among the recognizers at `members`.

    Each member's ner takes a private copy of its tok2vec (members were trained apart and share
    no weights) and joins the pipeline disabled, as `ner_0`, `ner_1`, ...; the `kg_ner_vote`
    component named `ner` runs them (kg/nlp/ensemble.py). The first member's other components
    (the gazetteer tagger) stay in front.
    """
    from spacy.util import load_model_from_config

    from kg.nlp.pipeline import read_pipeline_config

    nlp = None
    names = []
    for index, path in enumerate(members):
        # loaded from its interpolated config: the tok2vec's copy must not point into the
        # tok2vec component's section ("${components.tok2vec...}"), which goes away
        config = read_pipeline_config(path, interpolate=True, fix="train this member again (--steps train)")
        try:
            if nlp is None:
                member = load_model_from_config(config).from_disk(path)
            else:  # the first member brings the components in front of ner and the tokenizer
                others = [name for name in config["nlp"].get("pipeline", []) if name not in ("tok2vec", "ner")]
                member = load_model_from_config(config, exclude=others).from_disk(path, exclude=[*others, "tokenizer"])
        except (OSError, ValueError) as exc:  # a weights file missing or broken
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[-1]
            raise ConfigError(f"cannot load the member {path}: {reason}", "train this member again (--steps train)") from None
        if "ner" not in member.pipe_names:
            raise ConfigError(f"the member {path} has no ner component", "give runs trained with an ner")
        if "tok2vec" in member.pipe_names:
            member.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
            member.remove_pipe("tok2vec")
        name = f"ner_{index}"
        if nlp is None:
            nlp = member
            nlp.rename_pipe("ner", name)
        else:
            nlp.add_pipe("ner", name=name, source=member)
        names.append(name)
    nlp.add_pipe("kg_ner_vote", name="ner", config={"members": names, "min_votes": min_votes})
    for name in names:
        nlp.disable_pipe(name)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)


def evaluate(model: Path, work: Path) -> dict:
    """Score `model` with spaCy's scorer on dev and on every test split; return the scores."""
    from spacy.training import Corpus

    nlp = spacy.load(model)
    results = {}
    names = ["dev", *[sp.name for sp in SPLITS if sp.role in ("dev", "test")]]
    for name in names:
        path = work / f"{name}.spacy"
        if not path.is_file():
            continue
        examples = list(Corpus(str(path))(nlp))
        scores = nlp.evaluate(examples)
        results[name] = {
            "sentences": len(examples),
            "p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"],
            "per_type": scores["ents_per_type"],
        }
    return results


def scores_table(results: dict) -> str:
    """Render evaluation results as a Markdown table (F1 overall and per label, P/R overall)."""
    lines = ["| split | sentences | P | R | F1 | PER F1 | ORG F1 | LOC F1 |", "|---|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        per = [r["per_type"].get(lab, {}).get("f", 0.0) for lab in LABELS]
        lines.append(f"| {name} | {r['sentences']} | {r['p']:.3f} | {r['r']:.3f} | {r['f']:.3f} | "
                     + " | ".join(f"{v:.3f}" for v in per) + " |")
    return "\n".join(lines)


def per_label_table(results: dict) -> str:
    """Render precision/recall/F1 per label for each split as a Markdown table."""
    head = "| split | " + " | ".join(f"{lab} P | {lab} R | {lab} F1" for lab in LABELS) + " |"
    lines = [head, "|---" * (1 + 3 * len(LABELS)) + "|"]
    for name, r in results.items():
        cells = []
        for lab in LABELS:
            t = r["per_type"].get(lab, {"p": 0.0, "r": 0.0, "f": 0.0})
            cells += [f"{t['p']:.3f}", f"{t['r']:.3f}", f"{t['f']:.3f}"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ship_note(config_name: str, nerp: bool, run_info: dict, checkpoint: str) -> str:
    """How the shipped run was made, for the model card's generated block."""
    note = f"config={config_name} nerp={nerp} overrides={run_info.get('overrides', {})}"
    if run_info.get("repeat"):
        note += f" repeat={run_info['repeat']}"
    if run_info.get("seeds"):
        note += (f"; a vote of {len(run_info['seeds'])} runs, seeds {run_info['seeds']}, "
                 f"an entity needs {run_info['min_votes']} votes")
    if run_info.get("dev_in_train", "none") != "none":
        note += f" dev_in_train={run_info['dev_in_train']} checkpoint={checkpoint}"
        if run_info["dev_in_train"] == "all":
            note += "; the dev rows below were training data, so they are not held-out scores"
    return note


def update_card(card: Path, results: dict, minutes: float, note: str, size_mb: float) -> None:
    """Rewrite the generated block of the model card (between the scores markers)."""
    start, end = "<!-- scores:start -->", "<!-- scores:end -->"
    if not card.is_file():
        return
    text = card.read_text(encoding="utf-8")
    if start not in text or end not in text:
        raise ConfigError(f"{card} has no {start} ... {end} block", "add the markers where scores go")
    block = (f"{start}\n_Generated by `scripts/train_ner.py` ({note}; {minutes:.1f} min of training; "
             f"{size_mb:.1f} MB on disk)._\n\nEntity-level scores (spaCy scorer, exact span and label match):\n\n"
             f"{scores_table(results)}\n\nPer label:\n\n{per_label_table(results)}\n{end}")
    card.write_text(text[:text.index(start)] + block + text[text.index(end) + len(end):], encoding="utf-8")


def ship(model: Path, dest: Path, results: dict, minutes: float, note: str, used_nerp: bool) -> float:
    """Copy the pipeline at `model` into `dest` without training settings; return size in MB."""
    from spacy.util import load_config

    nlp = spacy.load(model)
    nlp.meta.update({
        "name": "id_ner", "version": "0.1.0", "lang": "id",
        "description": "kg Indonesian NER (PER, ORG, LOC), CNN, trained from scratch; see MODEL_CARD.md",
        "license": "CC BY-SA 4.0" if used_nerp else "CC BY 4.0",
        "kg_scores": {k: {"f": v["f"], "p": v["p"], "r": v["r"]} for k, v in results.items()},
        "kg_training_minutes": round(minutes, 1),
        "kg_training_note": note,
    })
    nlp.meta.pop("performance", None)
    keep = {"MODEL_CARD.md"}
    if dest.exists():
        for child in dest.iterdir():
            if child.name not in keep:
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    nlp.to_disk(dest)
    cfg = load_config(dest / "config.cfg", interpolate=False)
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg["paths"]["init_tok2vec"] = None  # the weights are in the pipeline; the .bin stays local
    cfg["training"]["before_update"] = None
    cfg.to_disk(dest / "config.cfg")
    # The string store only caches training words; hashes are recomputed at run time, so an
    # almost empty one gives identical predictions and keeps a corpus word list out of the package.
    (dest / "vocab" / "strings.json").write_text(json.dumps(list(LABELS)))
    return sum(p.stat().st_size for p in dest.rglob("*") if p.is_file()) / 1e6


def parse_repeat(items: list[str], ap: argparse.ArgumentParser) -> dict[str, int]:
    """`--repeat nerui=2` options as {"nerui": 2}; a bad one is a usage error."""
    repeat = {}
    for item in items:
        corpus, _, count = item.partition("=")
        if corpus not in CORPORA or not count.isdigit() or int(count) < 1:
            ap.error(f"--repeat takes CORPUS=N with CORPUS one of {', '.join(CORPORA)} and N >= 1, not {item!r}")
        if int(count) != 1:
            repeat[corpus] = int(count)
    return repeat


def parse_seeds(text: str, ap: argparse.ArgumentParser) -> list[int]:
    """`--seeds 0,1,2` as [0, 1, 2]; anything else than two or more distinct numbers is a usage error."""
    items = [item.strip() for item in text.split(",")]
    if len(items) < 2 or not all(item.isdigit() for item in items) or len(set(items)) != len(items):
        ap.error(f"--seeds takes two or more distinct numbers separated by commas, not {text!r}")
    return [int(item) for item in items]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  OMP_NUM_THREADS=1 python scripts/train_ner.py --set training.optimizer.use_averages=true\n"
               "  python scripts/train_ner.py --steps pretrain --run pt --pretrain-epochs 60\n"
               "  python scripts/train_ner.py --steps train,evaluate --run exp --set system.seed=1 \\\n"
               "      --set paths.init_tok2vec=$PWD/training/pretrain/pt/model59.bin\n"
               "  python scripts/train_ner.py --steps ensemble,evaluate --run exp --seeds 0,1,2   # vote of exp-s0..s2")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the ner-id corpora")
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="working folder (converted data, runs)")
    ap.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="spaCy training config")
    ap.add_argument("--run", default="base", help="name of the run folder under WORK/runs")
    ap.add_argument("--max-minutes", type=float, default=12.0, help="wall-clock training cap")
    ap.add_argument("--nerp", action="store_true", help="add de-duplicated, recased NERP (PER/LOC only)")
    ap.add_argument("--nerp-all", action="store_true",
                    help="with --nerp, also train on NERP's valid and test files (de-duplicated the same way)")
    ap.add_argument("--nerp-teacher", type=Path, metavar="MODEL",
                    help="with --nerp, mark NERP's O tokens this pipeline tags ORG as missing")
    ap.add_argument("--repeat", action="append", default=[], metavar="CORPUS=N",
                    help="put a corpus's training sentences in N times (idner, nerui, nergrit, nerp)")
    ap.add_argument("--dev-in-train", choices=("none", "half", "other-half", "all"), default="none",
                    help="train on every other dev sentence (half, other-half; the rest stays dev) or on all of dev")
    ap.add_argument("--checkpoint", choices=("best", "last"), default="best",
                    help="evaluate and ship model-best (best dev F1) or model-last (for --dev-in-train all)")
    ap.add_argument("--augment", type=float, default=0.0, metavar="SHARE",
                    help="add a mention-replaced copy of this share of the training sentences (0 to 1)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="config override, e.g. components.tok2vec.model.encode.width=128")
    ap.add_argument("--steps", default="convert,train,evaluate,ship",
                    help="comma-separated subset of convert,pretrain,train,ensemble,evaluate,ship "
                         "(ensemble: vote among the --seeds runs already trained; train does it too)")
    ap.add_argument("--pretrain-epochs", type=int, default=20,
                    help="epochs of `spacy pretrain` over the raw text (pretrain step)")
    ap.add_argument("--pretrain-nerp-text", action="store_true",
                    help="pretrain on NERP's text too (makes the weights CC BY-SA 4.0)")
    ap.add_argument("--seeds", metavar="S,S,...",
                    help="train one run per seed (RUN-s<seed>) and vote among them: RUN is the ensemble")
    ap.add_argument("--min-votes", type=int, metavar="N",
                    help="with --seeds, how many members must predict an entity (default: a majority)")
    ap.add_argument("--dest", type=Path, default=SHIP_DIR, help="where the shipped pipeline goes")
    args = ap.parse_args(argv)

    steps = set(args.steps.split(","))
    seeds = parse_seeds(args.seeds, ap) if args.seeds else []
    min_votes = args.min_votes if args.min_votes is not None else len(seeds) // 2 + 1
    if args.min_votes is not None and not (seeds and 1 <= args.min_votes <= len(seeds)):
        ap.error(f"--min-votes takes a number between 1 and the number of --seeds, not {args.min_votes}")
    if not 0.0 <= args.augment <= 1.0:
        ap.error("--augment takes a share between 0 and 1")
    if args.nerp_all and not args.nerp:
        ap.error("--nerp-all needs --nerp")
    if args.nerp_teacher and not args.nerp:
        ap.error("--nerp-teacher needs --nerp")
    if args.nerp_teacher and not (args.nerp_teacher / "config.cfg").is_file():
        ap.error(f"--nerp-teacher {args.nerp_teacher} is not a spaCy pipeline folder (no config.cfg)")
    repeat = parse_repeat(args.repeat, ap)
    data_dir = args.work / ("data-nerpall" if args.nerp_all else "data-nerp" if args.nerp else "data")
    if repeat:
        data_dir = data_dir.with_name(data_dir.name + "".join(f"-{c}{n}" for c, n in sorted(repeat.items())))
    if args.nerp_teacher:
        data_dir = data_dir.with_name(data_dir.name + "-teacher")
    if args.dev_in_train != "none":
        data_dir = data_dir.with_name(f"{data_dir.name}-dev{args.dev_in_train}")
    run_dir = args.work / "runs" / args.run
    overrides = {}
    for item in args.set:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except ValueError:
            overrides[key] = value  # a bare string such as an architecture name
    if "convert" in steps:
        summary = convert(args.data, data_dir, args.nerp, nerp_all=args.nerp_all, repeat=repeat,
                          dev_in_train=args.dev_in_train, nerp_teacher=args.nerp_teacher)
        print(json.dumps(summary, indent=1), flush=True)
    if "pretrain" in steps:
        pre_dir = args.work / "pretrain" / args.run
        summary = pretrain(args.config, args.data, pre_dir, args.pretrain_nerp_text, args.pretrain_epochs,
                           {k: v for k, v in overrides.items() if k.startswith(("pretraining.", "system."))})
        print(json.dumps(summary), flush=True)
    minutes = 0.0
    run_info = {
        "config": args.config.name, "nerp": args.nerp, "nerp_all": args.nerp_all, "augment": args.augment,
        "repeat": repeat, "dev_in_train": args.dev_in_train,
        "nerp_teacher": str(args.nerp_teacher) if args.nerp_teacher else None,
        "overrides": overrides,
        "pretrained_on_nerp_text": pretrained_on_nerp(overrides.get("paths.init_tok2vec")),
    }
    # with --seeds, the runs trained are the members; RUN itself is assembled from them
    member_dirs = [run_dir.with_name(f"{args.run}-s{seed}") for seed in seeds]
    if seeds and "train" in steps:
        for member_dir, seed in zip(member_dirs, seeds):
            member_overrides = {**overrides, "system.seed": seed}
            spent = train(args.config, data_dir, member_dir, args.max_minutes, member_overrides, args.augment)
            (member_dir / "minutes.txt").write_text(f"{spent:.1f}\n")
            (member_dir / "run.json").write_text(json.dumps({**run_info, "overrides": member_overrides}, indent=1))
    if seeds and {"train", "ensemble"} & steps:
        members = [member_dir / f"model-{args.checkpoint}" for member_dir in member_dirs]
        absent = [str(member) for member in members if not member.is_dir()]
        if absent:
            raise ConfigError(f"{', '.join(absent)} not found", "train the members first (--steps train)")
        assemble_ensemble(members, run_dir / f"model-{args.checkpoint}", min_votes)
        minutes = sum(float((d / "minutes.txt").read_text()) for d in member_dirs if (d / "minutes.txt").is_file())
        (run_dir / "minutes.txt").write_text(f"{minutes:.1f}\n")
        (run_dir / "run.json").write_text(json.dumps({**run_info, "seeds": seeds, "min_votes": min_votes}, indent=1))
    elif "train" in steps:
        minutes = train(args.config, data_dir, run_dir, args.max_minutes, overrides, args.augment)
        (run_dir / "minutes.txt").write_text(f"{minutes:.1f}\n")
        (run_dir / "run.json").write_text(json.dumps(run_info, indent=1))
    elif (run_dir / "minutes.txt").is_file():
        minutes = float((run_dir / "minutes.txt").read_text())
    model = run_dir / f"model-{args.checkpoint}"
    if ("evaluate" in steps or "ship" in steps) and not model.is_dir():
        raise ConfigError(f"{model} not found", f"train run {args.run!r} first (--steps train), "
                          "or give the --run and --checkpoint it was trained with")
    scores_path = run_dir / "scores.json"
    if "evaluate" in steps or ("ship" in steps and not scores_path.is_file()):
        results = evaluate(model, data_dir)
        scores_path.write_text(json.dumps(results, indent=1))
        print(scores_table(results), flush=True)
    elif "ship" in steps:
        results = json.loads(scores_path.read_text())
    if "ship" in steps:
        run_info = json.loads((run_dir / "run.json").read_text()) if (run_dir / "run.json").is_file() else {}
        nerp_weights = args.nerp or run_info.get("pretrained_on_nerp_text", False)
        note = ship_note(args.config.name, args.nerp, {"overrides": overrides, **run_info}, args.checkpoint)
        size = ship(model, args.dest, results, minutes, note, nerp_weights)
        update_card(args.dest / "MODEL_CARD.md", results, minutes, note, size)
        print(f"[train_ner] shipped {model} -> {args.dest} ({size:.1f} MB)")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except KgError as err:  # a missing corpus or weights file: one line, not a traceback
        print(f"train_ner.py: error: {err}", file=sys.stderr)
        raise SystemExit(2)
