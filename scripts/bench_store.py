"""Benchmark the embedded store against rdflib's in-memory Dataset on synthetic article graphs.

Synthetic articles are made from template exports (real ones, from `kg export`, or the test
fixtures): each copy gets its own article id, and its people get other names drawn from a large
generated pool with a skewed distribution (a few people in many articles, most in few), as in
news. All copies go into one N-Quads file with a graph per article, which is loaded into a fresh
embedded store (kg.store.load) and into rdflib.Dataset; then every named query runs on both.

    .venv/bin/python scripts/bench_store.py --articles 10000 --rdflib-articles 1000 --template out/

rdflib is slow at scale, so it may run on fewer articles (--rdflib-articles); the ratios are
always taken at equal size, with the embedded store also run at that size.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.query import PREFIXES, bind, named_queries, query  # noqa: E402
from kg.store import Store, load, ntriples  # noqa: E402

SYLLABLES = "ba bu di da har ja ka la lu ma mi na ni pra ra ri sa si su ta ti to wa wi ya yu".split()
PERSON = "https://w3id.org/kg-exporter/id/person/"
NAME = "https://schema.org/name"
ALT = "https://schema.org/alternateName"


def synthetic_name(rng: random.Random) -> str:
    def word(n: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()

    return f"{word(rng.randint(2, 3))} {word(rng.randint(2, 3))}"


def templates(paths: list[Path]) -> list[tuple[str, str, dict[str, tuple[str, list[str]]]]]:
    """Return (graph IRI, N-Triples text, {person IRI: (name, alternate names)}) per template article."""
    store = Store.from_files(paths)
    out = []
    for graph in store.graphs():
        result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        people: dict[str, tuple[str, list[str]]] = {}
        for t in result.triples:
            s = t.subject.value
            if s.startswith(PERSON) and t.predicate.value in (NAME, ALT):
                name, alts = people.get(s, ("", []))
                if t.predicate.value == NAME:
                    name = t.object.value
                else:
                    alts.append(t.object.value)
                people[s] = (name, alts)
        out.append((graph, ntriples(result.triples), people))
    return out


def generate(path: Path, n: int, tpls, seed: int = 7) -> int:
    """Write ``n`` synthetic article graphs as N-Quads to ``path``; return the number of quads."""
    rng = random.Random(seed)
    pool = [synthetic_name(rng) for _ in range(max(200, n // 2))]
    quads = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            graph, text, people = tpls[i % len(tpls)]
            old_id = graph.rsplit("/", 1)[1]
            text = text.replace(old_id, f"{old_id}-s{i}")
            for iri, (name, alts) in people.items():
                k = min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)  # skewed: low k is common
                new = pool[k] if rng.random() < 0.7 else pool[rng.randrange(len(pool))]
                slug = re.sub(r"[^a-z0-9]+", "-", new.lower()).strip("-")
                text = text.replace(f"<{iri}>", f"<{PERSON}{slug}>")
                if name:
                    text = text.replace(f'"{name}"', f'"{new}"')
                for alt in alts:
                    text = text.replace(f'"{alt}"', f'"{new.split()[-1]}"')
            g = graph.replace(old_id, f"{old_id}-s{i}")
            for line in text.splitlines():
                out.write(f"{line[:-1]}<{g}> .\n")
                quads += 1
    return quads


def bindings_for(name: str, frequent_person: str, frequent_place: str) -> dict[str, str]:
    q = named_queries()[name]
    values = {"name": frequent_person if name != "co-mentioned" else frequent_place}
    return {p.name: values.get(p.name, frequent_person) for p in q.params if p.required}


def bench_oxigraph(nq: Path, folder: Path, names: list[str], person: str, place: str):
    store = Store(folder / "store")
    report = load([nq], store)
    times = {}
    for name in names:
        t = time.perf_counter()
        rows = len(query(name, on=store, bindings=bindings_for(name, person, place)).rows)
        times[name] = (time.perf_counter() - t, rows)
    store.close()
    return report.triples, report.seconds, times


def bench_rdflib(nq: Path, names: list[str], person: str, place: str):
    import rdflib

    t = time.perf_counter()
    ds = rdflib.Dataset()
    ds.parse(str(nq), format="nquads")
    seconds = time.perf_counter() - t
    triples = sum(1 for _ in ds.quads((None, None, None, None)))
    prefix = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    times = {}
    for name in names:
        text = prefix + bind(named_queries()[name].text, bindings_for(name, person, place))
        t = time.perf_counter()
        rows = len(list(ds.query(text)))
        times[name] = (time.perf_counter() - t, rows)
    return triples, seconds, times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--rdflib-articles", type=int, default=1000, help="size for the rdflib comparison (0: skip)")
    ap.add_argument("--template", type=Path, action="append",
                    help="export files/folders to copy (default: tests/data/exports)")
    args = ap.parse_args()
    tpls = templates(args.template or [ROOT / "tests" / "data" / "exports"])
    names = sorted(named_queries())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sizes = sorted({args.articles, args.rdflib_articles} - {0})
        results = {}
        for n in sizes:
            nq = tmp / f"corpus-{n}.nq"
            generate(nq, n, tpls)
            probe = Store.from_files([nq]) if n == sizes[0] else None
            if probe is not None:
                top = query("most-mentioned", on=probe, bindings={"type": "schema:Person"}).values("name")
                place = query("most-mentioned", on=probe, bindings={"type": "schema:Place"}).values("name")
                person, place = top[0], place[0]
            folder = tmp / f"ox-{n}"
            folder.mkdir()
            results[("oxigraph", n)] = bench_oxigraph(nq, folder, names, person, place)
            if n == args.rdflib_articles:
                results[("rdflib", n)] = bench_rdflib(nq, names, person, place)
    print(f"templates: {len(tpls)} article graphs; bound person {person!r}, place {place!r}")
    for (engine, n), (triples, seconds, _) in sorted(results.items(), key=lambda x: (x[0][1], x[0][0])):
        print(f"load  {engine:8s} {n:6d} articles  {triples:9d} triples  {seconds:8.2f}s  {triples / seconds:10,.0f} triples/s")
    for n in sizes:
        print(f"\nqueries at {n} articles (seconds, rows){'; ratio = rdflib / oxigraph' if ('rdflib', n) in results else ''}")
        ox_times = results[("oxigraph", n)][2]
        rd = results.get(("rdflib", n))
        for name in names:
            t, rows = ox_times[name]
            line = f"  {name:18s} oxigraph {t:8.3f}s {rows:6d} rows"
            if rd:
                rt, rrows = rd[2][name]
                line += f"   rdflib {rt:8.3f}s {rrows:6d} rows   x{rt / t if t else float('inf'):7.1f}"
            print(line)
        if rd:
            ox_load, rd_load = results[("oxigraph", n)], rd
            ratio = (ox_load[0] / ox_load[1]) / (rd_load[0] / rd_load[1])
            print(f"  load speed: oxigraph {ratio:.1f}x rdflib's triples/s")


if __name__ == "__main__":
    main()
