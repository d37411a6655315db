"""Export speed with and without the statistical NER, in one process, and the pipeline load times.

The articles are ``examples/*.txt`` and ``tests/data/articles/*.txt``, repeated in order up to
``--articles``. Both pipelines are loaded once; one warm-up article each is not timed. The two
set-ups take turns article by article, so that load from other processes on the machine falls
on both alike. An export is what ``kg export`` does for one article: read, extract, build the
graph, validate it with SHACL and serialize Turtle; the extract step is also timed alone. Load
time is measured in a fresh process per set-up (the first pipeline loaded in a process also pays
for data the second one reuses). ``--other-model PATH`` adds a third set-up, another spaCy
pipeline given as ``kg export --model PATH`` would take it (e.g. one member of an ensemble).

    .venv/bin/python scripts/bench_ner.py --articles 100
    .venv/bin/python scripts/bench_ner.py --articles 100 --other-model training/runs/NAME/model-best
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from kg.files import write_atomic

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "examples", ROOT / "tests" / "data" / "articles")
# set-up name -> (model path or None for the default, use the model at all)
SETUPS = {"with model": (None, True), "without model": (None, False)}


def articles(count: int) -> list[Path]:
    """``count`` article paths: the example and test articles, repeated in order."""
    from kg.errors import InputError

    paths = sorted(p for folder in SOURCES for p in folder.glob("*.txt"))
    if not paths:
        raise InputError("no articles found in examples/ or tests/data/articles/", "run from a kg checkout")
    return [paths[i % len(paths)] for i in range(count)]


def export_one(path: Path, use_model: bool, model: str | None = None) -> tuple[float, float]:
    """Export one article like ``kg export`` (validated Turtle); return (extract seconds, total seconds)."""
    from kg import api

    started = time.perf_counter()
    document = api.read_article(path)
    before = time.perf_counter()
    article = api.extract(document, model=model, use_model=use_model)
    extracted = time.perf_counter()
    graph = api.build_graph(article)
    api.ensure_conforms(graph, document.source)
    api.serialize(graph, "turtle")
    return extracted - before, time.perf_counter() - started


def measure_speed(count: int, setups: dict = SETUPS) -> dict:
    """Articles per second for each set-up, interleaved article by article, warm-up excluded."""
    from kg.nlp.pipeline import load_pipeline

    paths = articles(count + 1)
    for model, use_model in setups.values():
        load_pipeline(model, use_model=use_model)
        export_one(paths[0], use_model, model)  # warm-up: first-call caches (shapes, mapping, lexicons)
    totals = {name: [0.0, 0.0] for name in setups}
    for path in paths[1:]:
        for name, (model, use_model) in setups.items():
            ext, total = export_one(path, use_model, model)
            totals[name][0] += ext
            totals[name][1] += total
    return {name: {"articles": count, "export_s": t, "extract_s": e, "export_per_s": count / t,
                   "extract_per_s": count / e} for name, (e, t) in totals.items()}


def load_seconds(use_model: bool, model: str | None = None) -> float:
    """Seconds ``load_pipeline`` takes in a fresh process (imports of kg and spaCy excluded)."""
    code = ("import time, kg.nlp.pipeline as p, kg.nlp.factories\n"
            "t = time.perf_counter()\n"
            f"p.load_pipeline({model!r}, use_model={use_model})\n"
            "print(time.perf_counter() - t)\n")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100, help="timed articles per set-up")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--other-model", type=Path, metavar="PATH",
                        help="also time this spaCy pipeline (as kg export --model PATH takes it)")
    args = parser.parse_args(argv)
    setups = dict(SETUPS)
    if args.other_model:
        from kg.errors import KgError
        from kg.nlp.pipeline import load_pipeline

        try:
            load_pipeline(args.other_model)
        except KgError as err:  # (kg's advice names kg export's option; here it is --other-model)
            fix = err.fix.replace("--model", "--other-model")
            print(f"{Path(__file__).name}: error: {err.what}" + (f" ({fix})" if fix else ""), file=sys.stderr)
            return 2
        setups[f"model {args.other_model}"] = (str(args.other_model), True)
    loads = {name: load_seconds(use_model, model) for name, (model, use_model) in setups.items()}
    speed = measure_speed(args.articles, setups)
    print("| set-up | pipeline load (s) | export (articles/s) | extract only (articles/s) |")
    print("|---|---|---|---|")
    for name in setups:
        s = speed[name]
        print(f"| {name} | {loads[name]:.2f} | {s['export_per_s']:.2f} | {s['extract_per_s']:.2f} |")
    with_m, without = speed["with model"], speed["without model"]
    print(f"\n{args.articles} articles per set-up; without/with model: export "
          f"{without['export_per_s'] / with_m['export_per_s']:.2f}x, extract "
          f"{without['extract_per_s'] / with_m['extract_per_s']:.2f}x faster")
    if args.json:
        try:  # the table above already holds the figures: a bad path loses nothing
            write_atomic(args.json, json.dumps({"load_s": loads, "speed": speed}, indent=1).encode())
        except OSError as exc:
            print(f"{Path(__file__).name}: error: cannot write {args.json}: {exc} "
                  "(give a writable file path to --json)", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
