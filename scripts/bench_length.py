"""Extraction time against article length: does the NLP pipeline stay linear in the text?

The example articles are joined into one text, which is repeated 1x, 2x, 4x, ... up to
``--max-copies`` and run through the shipped pipeline (gazetteer, NER, rules) in one process.
For each size the script prints tokens, seconds and tokens per second, and for each doubling
the growth of the time: 2.0 is linear, 4.0 quadratic. A quadratic step once hid in the rules
(spaCy rebuilds ``doc.text`` from the tokens on every access), which cost 45 s on a
67 KB text; a news article is far shorter, but a page dump or a transcript is not.

    .venv/bin/python scripts/bench_length.py --max-copies 32
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from kg.files import write_atomic

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="example: .venv/bin/python scripts/bench_length.py --max-copies 32")
    parser.add_argument("--max-copies", type=int, default=32, help="largest number of copies of the joined examples")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.max_copies < 1:
        parser.error("--max-copies must be 1 or more (the number of copies of the joined examples)")

    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline(language="id")
    nlp.max_length = 10**9
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt")))
    nlp(base)  # warm-up
    rows = []
    copies = 1
    while copies <= args.max_copies:
        text = "\n\n".join([base] * copies)
        started = time.perf_counter()
        doc = nlp(text)
        seconds = time.perf_counter() - started
        rows.append({"copies": copies, "chars": len(text), "tokens": len(doc), "seconds": seconds})
        copies *= 2
    print("| copies | characters | tokens | seconds | tokens/s | time growth per doubling |")
    print("|---:|---:|---:|---:|---:|---:|")
    for i, row in enumerate(rows):
        growth = f"{row['seconds'] / rows[i - 1]['seconds']:.2f}" if i else ""
        print(f"| {row['copies']} | {row['chars']:,} | {row['tokens']:,} | {row['seconds']:.2f} | "
              f"{row['tokens'] / row['seconds']:,.0f} | {growth} |")
    if args.json:
        try:  # the table above already holds the figures: a bad path loses nothing
            write_atomic(args.json, json.dumps(rows, indent=1).encode())
        except OSError as exc:
            print(f"{Path(__file__).name}: error: cannot write {args.json}: {exc} "
                  "(give a writable file path to --json)", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
