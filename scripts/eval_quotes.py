#!/usr/bin/env python3
"""Score the quote finder on the eval sets, read at run time from /work/shared/eval.

    .venv/bin/python scripts/eval_quotes.py [--eval-dir DIR] [--show] [--pipeline]

Runs ``find_quotes`` + ``build_statements`` on every article with stand-in mentions (capitalised
word sequences, :func:`kg.nlp.quotes.guess_mentions`) and a stand-in layout (unless
``kg.ingest.layout`` is importable), writes each result as a small graph through the output
contract, and scores it with the eval's own ``score.py`` (statement P/R/F1, attributed recall).
With ``--pipeline`` the statements come from the full ``kg.nlp.extract`` path instead.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef

from kg.model import Block, Entity, Mention, Name
from kg.nlp.quotes import find_quotes, guess_mentions
from kg.nlp.statements import build_statements

SDO = Namespace("https://schema.org/")
KGO = Namespace("https://w3id.org/kg-exporter/ontology#")
CHROME = re.compile(r"^(Baca juga|Baca Juga|Penulis|Editor|Laporan Wartawan|Dapatkan|Ikuti|©|Berita Rekomendasi)\b")


def stand_in_blocks(text: str) -> tuple[Block, ...]:
    """Every line is a block; body when it reads like a sentence, chrome when it is a known marker."""
    try:
        from kg.ingest.layout import analyze_layout  # the real layout, once it lands

        return analyze_layout(text)[0]
    except Exception as exc:  # noqa: BLE001 - the stand-in is fine until the layout module works
        print(f"(stand-in layout: kg.ingest.layout unavailable: {exc})", file=sys.stderr)
    blocks = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        if not line:
            continue
        if CHROME.match(line):
            kind = "chrome"
        elif len(line.split()) >= 6 and line[-1] in ".!?\"”'’)":
            kind = "body"
        else:
            kind = "subheading" if len(line.split()) < 12 else "body"
        blocks.append(Block(m.start(), m.end(), kind))
    return tuple(blocks)


def stand_in_entities(text: str, mentions) -> list[Entity]:
    """One entity per name; a one-word name joins the longer name it ends or begins."""
    groups: dict[str, list] = {}
    labels: dict[str, str] = {}
    long_names = [text[s:e] for s, e, label in mentions if label == "PER" and len(text[s:e].split()) > 1]
    for s, e, label in mentions:
        name = text[s:e]
        key = name
        if len(name.split()) == 1:
            for other in long_names:
                if name in other.split():
                    key = other
                    break
        groups.setdefault(key, []).append(Mention(s, e, name))
        labels.setdefault(key, label)
    types = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
    out = []
    for i, (name, ms) in enumerate(groups.items()):
        alts = tuple(sorted({m.text for m in ms} - {name}))
        out.append(Entity(key=f"e{i}", type=types[labels[name]], name=name, alternate_names=alts,
                          mentions=tuple(ms), source="stand-in"))
    return out


def article_graph(text: str) -> tuple[Graph, list]:
    blocks = stand_in_blocks(text)
    mentions = guess_mentions(text, blocks)
    records = find_quotes(text, blocks, mentions)
    entities = stand_in_entities(text, mentions)

    def add_speaker(name: Name, etype) -> str:
        key = f"e{len(entities)}"
        entities.append(Entity(key=key, type=etype, name=name.text, source="speaker"))
        return key

    statements = build_statements(text, records, entities, add_speaker)
    g = Graph()
    nodes = {}
    for e in entities:
        node = nodes[e.key] = URIRef(f"urn:e:{e.key}")
        g.add((node, RDF.type, SDO[e.type]))
        g.add((node, SDO.name, Literal(e.name)))
        for alt in e.alternate_names:
            g.add((node, SDO.alternateName, Literal(alt)))
    for st in statements:
        node = BNode()
        g.add((node, RDF.type, KGO.Statement))
        g.add((node, RDF.type, KGO.DirectQuote if st.mode == "direct" else KGO.ReportedSpeech))
        g.add((node, SDO.text, Literal(st.text)))
        if st.speaker:
            g.add((node, SDO.creator, nodes[st.speaker]))
    return g, statements


def pipeline_graph(path: Path) -> Graph:
    """The statements of the full pipeline (read_path -> extract), written as a small graph."""
    from kg.ingest.text import read_path
    from kg.nlp.extract import extract

    article = extract(read_path(path))
    g = Graph()
    nodes = {}
    for e in article.entities:
        node = nodes[e.key] = URIRef(f"urn:e:{e.key}")
        g.add((node, RDF.type, SDO[e.type]))
        for n in (e.name, *e.alternate_names):
            g.add((node, SDO.alternateName if n != e.name else SDO.name, Literal(n)))
    for st in article.statements:
        node = BNode()
        g.add((node, RDF.type, KGO.Statement))
        g.add((node, RDF.type, KGO.DirectQuote if st.mode == "direct" else KGO.ReportedSpeech))
        g.add((node, SDO.text, Literal(st.text)))
        if st.speaker:
            g.add((node, SDO.creator, nodes[st.speaker]))
    return g


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", default="/work/shared/eval")
    ap.add_argument("--show", action="store_true", help="print the misses, spurious and wrong speakers")
    ap.add_argument("--pipeline", action="store_true",
                    help="use the full kg pipeline (layout, recognizer, resolver) instead of the stand-ins")
    args = ap.parse_args(argv)
    sys.path.insert(0, args.eval_dir)
    import score  # the eval's own matching, so the figures mean the same

    for folder in ("dev", "dev-pfsa"):
        results = []
        for gp in sorted(Path(args.eval_dir, folder).glob("*.json")):
            gold = json.loads(gp.read_text(encoding="utf-8"))
            text = (gp.parent / gold["text"]).read_text(encoding="utf-8").replace("\r\n", "\n").lstrip("\ufeff")
            gold = dict(gold, scope=["statements"])
            g = pipeline_graph(gp.parent / gold["text"]) if args.pipeline else article_graph(text)[0]
            results.append(score.score_view(score.View(g), gold))
        summary = score.summarize(results)
        st = summary["statement"]
        print(f"{folder}: articles {summary['articles']}  statements P {st['precision']:.3f} R {st['recall']:.3f} "
              f"F1 {st['f1']:.3f} (tp {st['tp']} pred {st['pred']} gold {st['gold']})  "
              f"attributed recall {summary['attributed_recall']:.3f}  mode {summary['mode_accuracy_on_found']:.3f}")
        if args.show:
            for r in results:
                s = r["statements"]
                for label in ("missed", "spurious", "wrong_speaker"):
                    for item in s[label]:
                        print(f"  {r['id']} {label}: {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
