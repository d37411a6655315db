"""Entity F1 of kg's recognizer set-ups on the NER corpora: the model alone, and with kg's components.

Scores, with spaCy's scorer (exact span and label), on the converted dev and test files that
``scripts/train_ner.py`` writes (same split hygiene; run its ``convert`` step first):

* ``model``: the trained pipeline alone;
* ``kg``: ``kg.nlp.pipeline.load_pipeline()``, in the order kg/nlp/config.cfg gives
  (gazetteer -> ner -> rules);
* ``ner-gaz-over``: ner -> gazetteer -> rules, the gazetteer replacing the spans it overlaps;
* ``ner-gaz-free``: ner -> gazetteer -> rules, the gazetteer adding spans only on free tokens;
* ``no-model``: ``load_pipeline(use_model=False)``, gazetteer and rules alone;
* ``gaz-ner`` and ``ner-rules``: kg's order without the rules, and without the gazetteer, to
  tell which component moves the scores.

    .venv/bin/python scripts/eval_pipeline_ner.py            # prints the tables
    .venv/bin/python scripts/eval_pipeline_ner.py --card     # also rewrites the model card block

``--export-from FOLDER --export-to OUT`` also exports every ``FOLDER/*.txt`` article with each
set-up to ``OUT/<set-up>/<name>.ttl``, to score whole articles with ``../shared/eval/score.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.training import Corpus, Example

from kg.errors import ConfigError, InputError

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "training" / "data"
DEFAULT_MODEL = ROOT / "kg" / "nlp" / "models" / "id_ner"
CARD = DEFAULT_MODEL / "MODEL_CARD.md"
SPLITS = ("dev", "idner-test", "nerui-test")
LABELS = ("PER", "ORG", "LOC")
VARIANTS = ("model", "kg", "ner-gaz-over", "ner-gaz-free", "gaz-ner", "ner-rules", "no-model")
MARK_START, MARK_END = "<!-- pipeline-order:start -->", "<!-- pipeline-order:end -->"


@Language.factory("kg_eval_gazetteer_free", default_config={"path": None})
def make_free_gazetteer(nlp: Language, name: str, path: str | None):
    """A gazetteer that only adds its matches where no entity is already set (for measurement only)."""
    from kg.nlp.gazetteer import GazetteerComponent

    return FreeGazetteer(GazetteerComponent(nlp, name, path=path))


class FreeGazetteer:
    """Runs kg's gazetteer on a copy of the entity layer and keeps earlier spans where they overlap."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        before = list(doc.ents)
        doc.ents = []
        found = list(self.gazetteer(doc).ents)
        same = {(s.start, s.end, s.label_): s for s in found}
        # an identical span takes the gazetteer's copy, which carries the entry id
        kept = [same.get((s.start, s.end, s.label_), s) for s in before]
        taken = {i for s in kept for i in range(s.start, s.end)}
        doc.ents = sorted([*kept, *(s for s in found if taken.isdisjoint(range(s.start, s.end)))],
                          key=lambda s: s.start)
        return doc


def build(variant: str, model: Path) -> Language:
    """The pipeline for one variant name (see the module docstring)."""
    import kg.nlp.factories  # noqa: F401  (registers the kg factories)
    from kg.nlp.pipeline import load_pipeline

    if variant == "model":
        return spacy.load(model)
    if variant == "kg":
        return load_pipeline(model)
    if variant == "no-model":
        return load_pipeline(use_model=False)
    if variant == "gaz-ner":
        nlp = spacy.load(model, exclude=["tokenizer"])
        nlp.add_pipe("kg_gazetteer", before="ner")
        return nlp
    if variant == "ner-rules":
        nlp = spacy.load(model, exclude=["tokenizer"])
        nlp.add_pipe("kg_entity_rules", after="ner")
        return nlp
    if variant in ("ner-gaz-over", "ner-gaz-free"):
        nlp = spacy.load(model, exclude=["tokenizer"])
        factory = "kg_gazetteer" if variant == "ner-gaz-over" else "kg_eval_gazetteer_free"
        nlp.add_pipe(factory, name="kg_gazetteer", after="ner")
        nlp.add_pipe("kg_entity_rules", after="kg_gazetteer")
        return nlp
    raise ConfigError(f"unknown variant '{variant}'", f"choose from {', '.join(VARIANTS)}")


def score(nlp: Language, path: Path) -> dict:
    """Run ``nlp`` over the gold file at ``path`` and return spaCy's entity P/R/F overall and per label."""
    if not path.is_file():
        raise InputError(f"{path} is missing", "run scripts/train_ner.py --steps convert first")
    gold = list(Corpus(str(path))(nlp))
    docs = nlp.pipe(eg.predicted for eg in gold)
    examples = [Example(doc, eg.reference) for doc, eg in zip(docs, gold)]
    prf = get_ner_prf(examples)
    return {"sentences": len(examples), "p": prf["ents_p"], "r": prf["ents_r"], "f": prf["ents_f"],
            "per_type": prf["ents_per_type"]}


def evaluate(model: Path, data: Path, variants=VARIANTS, splits=SPLITS) -> dict:
    """Scores per variant and split: ``{variant: {split: {...}}}``."""
    results: dict = {}
    for variant in variants:
        nlp = build(variant, model)
        started = time.perf_counter()
        results[variant] = {split: score(nlp, data / f"{split}.spacy") for split in splits}
        print(f"[eval_pipeline_ner] {variant}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return results


def export_articles(nlp: Language, folder: Path, out: Path) -> int:
    """Export every ``*.txt`` article in ``folder`` with ``nlp`` as Turtle into ``out``; return the count."""
    from kg import api
    from kg.nlp.extract import extract

    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise InputError(f"no .txt articles in {folder}", "give --export-from a folder of article texts")
    out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        document = api.read_article(path)
        graph = api.build_graph(extract(document, nlp))
        (out / f"{path.stem}.ttl").write_bytes(api.serialize(graph, "turtle"))
    return len(paths)


def table(results: dict) -> str:
    """Markdown: one row per variant and split, F1 overall and per label (P/R overall)."""
    lines = ["| set-up | split | P | R | F1 | PER F1 | ORG F1 | LOC F1 |", "|---|---|---|---|---|---|---|---|"]
    for variant, splits in results.items():
        for split, r in splits.items():
            per = [r["per_type"].get(lab, {}).get("f", 0.0) for lab in LABELS]
            lines.append(f"| {variant} | {split} | {r['p']:.3f} | {r['r']:.3f} | {r['f']:.3f} | "
                         + " | ".join(f"{v:.3f}" for v in per) + " |")
    return "\n".join(lines)


def per_label_table(results: dict) -> str:
    """Markdown: precision and recall per label for every variant and split."""
    head = "| set-up | split | " + " | ".join(f"{lab} P | {lab} R" for lab in LABELS) + " |"
    lines = [head, "|---" * (2 + 2 * len(LABELS)) + "|"]
    for variant, splits in results.items():
        for split, r in splits.items():
            cells = []
            for lab in LABELS:
                t = r["per_type"].get(lab, {"p": 0.0, "r": 0.0})
                cells += [f"{t['p']:.3f}", f"{t['r']:.3f}"]
            lines.append(f"| {variant} | {split} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def update_card(card: Path, results: dict, model: Path) -> None:
    """Rewrite the generated pipeline-order block of the model card."""
    text = card.read_text(encoding="utf-8")
    if MARK_START not in text or MARK_END not in text:
        raise ConfigError(f"{card} has no {MARK_START} ... {MARK_END} block",
                          "add the markers under the 'Pipeline order' heading")
    block = (f"{MARK_START}\n_Generated by `scripts/eval_pipeline_ner.py` (model `{model.name}`)._\n\n"
             f"{table(results)}\n\nPrecision and recall per label:\n\n{per_label_table(results)}\n{MARK_END}")
    card.write_text(text[:text.index(MARK_START)] + block + text[text.index(MARK_END) + len(MARK_END):],
                    encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL, help="trained spaCy pipeline with ner")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of converted .spacy files")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated subset of the set-ups")
    parser.add_argument("--splits", default=",".join(SPLITS), help="comma-separated .spacy file stems")
    parser.add_argument("--json", type=Path, help="also write the scores here")
    parser.add_argument("--card", action="store_true", help="rewrite the block in MODEL_CARD.md")
    parser.add_argument("--export-from", type=Path, help="folder of .txt articles to export with each set-up")
    parser.add_argument("--export-to", type=Path, help="where --export-from writes <set-up>/<name>.ttl")
    args = parser.parse_args(argv)
    if (args.export_from is None) != (args.export_to is None):
        raise ConfigError("--export-from and --export-to go together", "give both, or neither")
    variants = [v for v in args.variants.split(",") if v]
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        raise ConfigError(f"unknown variant(s) {', '.join(sorted(unknown))}", f"choose from {', '.join(VARIANTS)}")
    if args.export_from:
        for variant in variants:
            count = export_articles(build(variant, args.model), args.export_from, args.export_to / variant)
            print(f"[eval_pipeline_ner] {variant}: exported {count} articles", file=sys.stderr, flush=True)
    results = evaluate(args.model, args.data, variants, [s for s in args.splits.split(",") if s])
    print(table(results))
    print()
    print(per_label_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    if args.card:
        update_card(CARD, results, args.model)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
