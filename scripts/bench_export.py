"""Benchmark of corpus export: articles/s, peak memory and the share of each stage.

Builds a corpus of varied articles (the example articles, the test HTML pages and, when present,
the dev article of ../shared/eval/dev, each copy with its paragraphs shuffled and a closing line
of its own, so that no two are alike), then exports it with ``kg.batch.export_corpus`` to one
N-Quads file, each run in a fresh process, for --jobs 1 and 2 and for a small and the full
corpus. Last it times writing one corpus file of 10,000 articles as N-Quads and as Turtle.

    .venv/bin/python scripts/bench_export.py --articles 2000 --small 200
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASES = [*sorted((ROOT / "examples").glob("*.txt")), *sorted((ROOT / "tests" / "data" / "html").glob("*.html")),
         *sorted((ROOT.parent / "shared" / "eval" / "dev").glob("*.txt"))]


def make_corpus(folder: Path, count: int, seed: int = 7) -> None:
    """``count`` article files in ``folder``: the base articles with their middle paragraphs
    shuffled and a closing line of their own, so that no two are alike."""
    rng = random.Random(seed)
    bases = [(p.suffix, p.read_text(encoding="utf-8")) for p in BASES if "truncated" not in p.name]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        suffix, text = bases[i % len(bases)]
        note = f"Catatan redaksi: arsip nomor {i} dari {count}."
        if suffix == ".txt":
            head, *paras = text.split("\n\n")
            middle = paras[1:-1]
            rng.shuffle(middle)
            text = "\n\n".join([head, *paras[:1], *middle, *paras[-1:], note]) + "\n"
        else:
            text = text.replace("</article>", f"<p>{note}</p></article>", 1)
        (folder / f"a{i:05d}{suffix}").write_text(text, encoding="utf-8")


def run_once(corpus: Path, output: Path, jobs: int) -> dict:
    """Export ``corpus`` in this process and return the figures as a dict."""
    from kg.batch import Settings, export_corpus

    summary = export_corpus([corpus], output=output, settings=Settings(fmt="nquads"), jobs=jobs, force=True)
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "articles": summary.articles, "failed": summary.failed, "triples": summary.triples,
        "seconds": summary.seconds, "rate": summary.articles / summary.seconds,
        "main_mb": self_kb / 1024, "worker_mb": child_kb / 1024 if jobs > 1 else 0.0,
        "peak_mb": (self_kb + (jobs * child_kb if jobs > 1 else 0)) / 1024,
        "stages": summary.stage_seconds,
    }


def time_writers(nquads: Path, copies: int) -> dict:
    """Seconds to write ``copies`` articles (copies of those in ``nquads``) as N-Quads and as Turtle.

    Turtle costs the per-article Oxigraph serialization (done by the workers in a real run) plus
    the concatenation; N-Quads only the concatenation.
    """
    import pyoxigraph as ox

    from kg.batch import _write_prefixed
    from kg.rdf.namespaces import PREFIXES

    graphs: dict[str, list[str]] = {}
    for line in nquads.read_text(encoding="utf-8").splitlines():
        graphs.setdefault(line.rsplit(" ", 2)[-2], []).append(line)
    base = ["\n".join(lines) + "\n" for lines in graphs.values()]
    # Each copy gets its own IRIs, so the file holds that many distinct articles.
    payloads = [re.sub(r"(<https?://[^>\s]*?/id/[^>\s]*?)>", rf"\1-c{c}>", p).encode()
                for c in range(copies // len(base) + 1) for p in base][:copies]
    out: dict = {"articles": len(payloads), "triples": sum(p.count(b"\n") for p in payloads)}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        with open(Path(tmp) / "c.nq", "wb") as fh:
            fh.writelines(payloads)
        out["nquads_s"] = time.perf_counter() - start
        start = time.perf_counter()
        fragments = [ox.serialize((q.triple for q in ox.parse(p, format=ox.RdfFormat.N_QUADS)),
                                  format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) for p in payloads]
        out["turtle_workers_s"] = time.perf_counter() - start
        start = time.perf_counter()
        with open(Path(tmp) / "c.ttl", "wb") as fh:
            _write_prefixed(iter(fragments), fh)
        out["turtle_s"] = time.perf_counter() - start
        start = time.perf_counter()
        check = sum(1 for _ in ox.parse(path=str(Path(tmp) / "c.ttl"), format=ox.RdfFormat.TURTLE))
        out["turtle_parses"] = check
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--writer-articles", type=int, default=10000)
    parser.add_argument("--run", nargs=3, metavar=("CORPUS", "OUTPUT", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_once(Path(args.run[0]), Path(args.run[1]), int(args.run[2]))))
        return

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        results = []
        for size in sorted({args.small, args.articles}):
            corpus = tmp / f"corpus{size}"
            make_corpus(corpus, size)
            for jobs in args.jobs:
                output = tmp / f"out{size}-{jobs}.nq"
                done = subprocess.run([sys.executable, __file__, "--run", str(corpus), str(output), str(jobs)],
                                      check=True, capture_output=True, text=True)
                figures = json.loads(done.stdout.strip().splitlines()[-1])
                figures.update(size=size, jobs=jobs)
                results.append(figures)
                report(figures)
        largest = tmp / f"out{args.articles}-{args.jobs[0]}.nq"
        writers = time_writers(largest, args.writer_articles)
        print(f"writing {writers['articles']:,} articles ({writers['triples']:,} triples) into one file: "
              f"N-Quads {writers['nquads_s']:.2f} s; Turtle {writers['turtle_s']:.2f} s in the main process "
              f"+ {writers['turtle_workers_s']:.2f} s of per-article serialization in the workers "
              f"(the Turtle file parses back to {writers['turtle_parses']:,} triples)")
        for jobs in args.jobs:
            small = next(r for r in results if r["size"] == args.small and r["jobs"] == jobs)
            big = next(r for r in results if r["size"] == args.articles and r["jobs"] == jobs)
            print(f"peak memory, --jobs {jobs}: {args.articles} articles {big['peak_mb']:.0f} MB vs "
                  f"{args.small} articles {small['peak_mb']:.0f} MB ({big['peak_mb'] / small['peak_mb']:.2f}x)")


def report(f: dict) -> None:
    stages = f["stages"]
    total = sum(stages.values()) or 1.0
    shares = ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in stages.items())
    print(f"{f['size']} articles, --jobs {f['jobs']}: {f['rate']:.1f} articles/s ({f['seconds']:.1f} s), "
          f"{f['triples']:,} triples, {f['failed']} failed; peak memory {f['peak_mb']:.0f} MB "
          f"(main {f['main_mb']:.0f} MB, largest worker {f['worker_mb']:.0f} MB); stages: {shares}", flush=True)


if __name__ == "__main__":
    main()
