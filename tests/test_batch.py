"""The corpus runner: every good article out, every bad one named, same output for any --jobs,
atomic outputs, resumable runs, and the failures report."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.batch import Failure, Progress, Settings, Summary, export_corpus, state_dir

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
PAGES = ROOT / "tests" / "data" / "html"
# Gazetteer and rules only, no SHACL: the runner is under test here, not the NLP or the shapes.
FAST = Settings(use_model=False, validate=False)


def build_corpus(folder: Path) -> list[str]:
    """Our example articles and pages, each twice with a different closing line; the labels."""
    folder.mkdir(parents=True, exist_ok=True)
    labels = []
    for n in range(2):
        for path in EXAMPLES:
            target = folder / f"{path.stem}-{n}.txt"
            target.write_text(path.read_text(encoding="utf-8") + f"\nCatatan redaksi nomor {n}.\n", encoding="utf-8")
            labels.append(str(target))
    for name in ("kompas-jsonld.html", "detik-opengraph.html"):
        (folder / name).write_bytes((PAGES / name).read_bytes())
        labels.append(str(folder / name))
    return sorted(labels)


BROKEN = {
    "binary.bin": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8,
    "empty.txt": b"",
    "truncated.html": (PAGES / "truncated.html").read_bytes(),
    "latin1.txt": "Harga cabai naik di Pasar Beringharjo, kata pedagang. Caf\u00e9 ramai.".encode("latin-1"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[str], list[str]]:
    folder = tmp_path_factory.mktemp("crawl")
    good = build_corpus(folder)
    for name, data in BROKEN.items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as fh:  # over the size limit for one article
        fh.write(b"Kata demi kata. " * (21 * 1024 * 1024 // 16))
    (folder / "dump.jsonl").write_text(
        json.dumps({"text": (EXAMPLES[0].read_text(encoding="utf-8")), "id": "from-jsonl"}) + "\n"
        + "{this line is broken\n"
        + json.dumps({"url": "https://example.org/no-text"}) + "\n",
        encoding="utf-8",
    )
    good.append(f"{folder}/dump.jsonl:1")
    bad = [*(str(folder / n) for n in BROKEN), str(folder / "huge.txt"), f"{folder}/dump.jsonl:2",
           f"{folder}/dump.jsonl:3"]
    return folder, sorted(good), sorted(bad)


@pytest.fixture(scope="module")
def first_run(corpus, tmp_path_factory):
    folder, _, _ = corpus
    out = tmp_path_factory.mktemp("out") / "corpus.nq"
    errors = out.parent / "errors.jsonl"
    failures: list[Failure] = []
    summary = export_corpus([folder], output=out, settings=FAST, jobs=1, errors=errors, on_failure=failures.append)
    return summary, out, errors, failures


def test_every_good_article_is_exported_and_every_bad_one_named(corpus, first_run):
    """Good articles all reach the output; each broken input is reported once; exit code 1."""
    _, good, bad = corpus
    summary, out, _, failures = first_run
    assert sorted(f.source for f in failures) == bad
    assert summary.articles == len(good) and summary.failed == len(bad)
    assert summary.exit_code == 1
    ds = Dataset()
    ds.parse(out, format="nquads")
    assert len([g for g in ds.graphs() if len(g)]) == len(good)
    assert summary.triples == len(list(ds.quads()))


@pytest.mark.parametrize(
    "name, reason",
    [("binary.bin", "binary"), ("empty.txt", "empty"), ("truncated.html", "truncated"),
     ("latin1.txt", "UTF-8"), ("huge.txt", "limit"), ("dump.jsonl:2", "not valid JSON"),
     ("dump.jsonl:3", 'no "text" or "html"')],
)
def test_failures_report_names_file_line_and_reason(corpus, first_run, name, reason):
    """The --errors file has one JSON record per failure with file, line (JSON Lines) and reason."""
    folder = corpus[0]
    records = [json.loads(line) for line in first_run[2].read_text(encoding="utf-8").splitlines()]
    (record,) = [r for r in records if r["source"] == f"{folder}/{name}"]
    assert reason in record["reason"]
    if ".jsonl:" in name:
        assert (record["file"], record["line"]) == (f"{folder}/dump.jsonl", int(name.rsplit(":", 1)[1]))
    else:
        assert (record["file"], record["line"]) == (f"{folder}/{name}", None)


def test_output_is_the_same_for_any_number_of_jobs(corpus, first_run, tmp_path):
    """Two worker processes write byte for byte what one process writes."""
    out = tmp_path / "two.nq"
    summary = export_corpus([corpus[0]], output=out, settings=FAST, jobs=2)
    assert summary.articles == first_run[0].articles
    assert out.read_bytes() == first_run[1].read_bytes()


def test_rerun_skips_unchanged_articles_and_redoes_changed_ones(corpus, first_run, tmp_path):
    """A second run reuses every unchanged article from the journal; the file comes out the same."""
    folder, good, _ = corpus
    out = tmp_path / "c.nq"
    export_corpus([folder], output=out, settings=FAST, jobs=1)
    again = export_corpus([folder], output=out, settings=FAST, jobs=1)
    assert (again.skipped, again.articles) == (len(good), len(good))
    assert out.read_bytes() == first_run[1].read_bytes()
    forced = export_corpus([folder], output=out, settings=FAST, jobs=1, force=True)
    assert forced.skipped == 0 and out.read_bytes() == first_run[1].read_bytes()


def test_changed_article_is_processed_again_in_an_output_dir(tmp_path):
    """Per-article files: only the changed input is processed on the next run; --force redoes all."""
    folder = tmp_path / "in"
    good = build_corpus(folder)
    out = tmp_path / "out"
    first = export_corpus([folder], output_dir=out, settings=FAST, jobs=1)
    assert first.articles == len(good) and first.skipped == 0
    names = sorted(p.name for p in out.glob("*.nq"))
    assert names == sorted(Path(label).stem + ".nq" for label in good)
    changed = Path(good[0])
    changed.write_text(changed.read_text(encoding="utf-8") + "\nTambahan.\n", encoding="utf-8")
    second = export_corpus([folder], output_dir=out, settings=FAST, jobs=1)
    assert (second.articles, second.skipped) == (len(good), len(good) - 1)
    other = export_corpus([folder], output_dir=out, settings=Settings(use_model=False, validate=False, base_iri="https://x.example/"),
                          jobs=1)
    assert other.skipped == 0  # new settings make every article stale
    assert export_corpus([folder], output_dir=out, settings=FAST, jobs=1, force=True).skipped == 0


@pytest.mark.parametrize("fmt, rdflib_format", [("turtle", "turtle"), ("nt", "nt"), ("trig", "trig"),
                                                ("json-ld", "json-ld")])
def test_single_corpus_file_in_each_format_holds_the_same_triples(first_run, corpus, tmp_path, fmt, rdflib_format):
    """Turtle, N-Triples, TriG and JSON-LD corpus files carry the triples of the N-Quads one."""
    ext = {"turtle": "ttl", "nt": "nt", "trig": "trig", "json-ld": "jsonld"}[fmt]
    out = tmp_path / f"corpus.{ext}"
    export_corpus([corpus[0]], output=out, settings=Settings(fmt=fmt, use_model=False, validate=False), jobs=1)
    expected = Dataset()
    expected.parse(first_run[1], format="nquads")
    if fmt == "trig":
        got = Dataset()
        got.parse(out, format="trig")
        assert sorted(map(str, got.quads())) == sorted(map(str, expected.quads()))
        return
    union = Graph()
    for s, p, o, _ in expected.quads():
        union.add((s, p, o))
    got = Graph()
    got.parse(out, format=rdflib_format)
    assert isomorphic(got, union)


def test_fail_fast_stops_at_the_first_failure_and_writes_no_corpus_file(corpus, tmp_path):
    """--fail-fast: the run stops at the first bad input and no output file looks whole."""
    out = tmp_path / "c.nq"
    summary = export_corpus([corpus[0]], output=out, settings=FAST, jobs=1, fail_fast=True)
    assert summary.stopped and summary.failed == 1 and summary.articles < len(corpus[1])
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))


def test_interrupted_run_leaves_no_file_and_the_next_run_resumes(tmp_path):
    """An interruption leaves no output file; what was done before it is reused next time."""
    folder = tmp_path / "in"
    good = build_corpus(folder)
    (folder / "zz-broken.txt").write_bytes(b"")
    out = tmp_path / "c.nq"

    def interrupt(failure: Failure) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_corpus([folder], output=out, settings=FAST, jobs=1, on_failure=interrupt)
    assert not out.exists() and not list(tmp_path.glob(".*.part"))
    resumed = export_corpus([folder], output=out, settings=FAST, jobs=1)
    assert resumed.skipped == len(good) and out.exists()


def test_validation_reports_non_conforming_graphs_with_their_violations(tmp_path):
    """With validation on, each article is exported or reported as "invalid" with its violations."""
    folder = tmp_path / "in"
    labels = build_corpus(folder)
    failures: list[Failure] = []
    out = tmp_path / "c.nq"
    summary = export_corpus([folder], output=out, settings=Settings(use_model=False), jobs=1,
                            on_failure=failures.append)
    assert summary.articles + summary.failed == len(labels)
    assert all(f.kind == "invalid" and f.report and f.exit_code == 1 for f in failures)
    ds = Dataset()
    ds.parse(out, format="nquads")
    assert len([g for g in ds.graphs() if len(g)]) == summary.articles


def test_stdin_json_lines(tmp_path):
    """"-" reads standard input; JSON Lines records are labelled "-:LINE" and go to stdout."""
    text = EXAMPLES[0].read_text(encoding="utf-8")
    stdin = io.BytesIO((json.dumps({"text": text, "id": "satu"}) + "\n{oops\n").encode())
    stdout = io.BytesIO()
    failures: list[Failure] = []
    summary = export_corpus(["-"], settings=FAST, jobs=1, stdin=stdin, stdout=stdout, on_failure=failures.append)
    assert summary.articles == 1 and [f.source for f in failures] == ["-:2"]
    assert b"/satu" in stdout.getvalue()


@pytest.mark.parametrize(
    "failures, code",
    [([], 0), ([Failure("a", "x", "invalid")], 1), ([Failure("a", "x", "input")], 2),
     ([Failure("a", "x", "invalid"), Failure("b", "y", "input")], 2), ([Failure("a", "x", "error")], 2)],
)
def test_exit_code(failures, code):
    """0 when all went well, 1 when a graph did not conform, 2 when an input could not be exported."""
    assert Summary(failed=len(failures), failures=failures).exit_code == code


def test_summary_line():
    """The summary names articles, skipped, triples, statements, failures, seconds and the rate."""
    failures = [Failure(f"f{i}.txt", "empty") for i in range(7)]
    line = Summary(articles=1200, skipped=200, triples=345678, statements=4321, failed=7, seconds=60.0,
                   failures=failures).line()
    assert line == ("exported 1,200 of 1,207 articles (200 unchanged, skipped), 345,678 triples, "
                    "4,321 statements, 7 failed, 60.0 s (20.0 articles/s); "
                    "failed: f0.txt, f1.txt, f2.txt, f3.txt, f4.txt and 2 more")
    assert Summary(articles=1, seconds=2.0).line() == (
        "exported 1 of 1 articles, 0 triples, 0 statements, 0 failed, 2.0 s (0.50 articles/s)")


def test_cli_exports_a_folder_into_one_file_with_an_errors_report(corpus, first_run, tmp_path):
    """`kg export FOLDER -o corpus.nq --errors F` writes the good articles, names the bad, exits 1."""
    from click.testing import CliRunner

    from kg.cli import _register, cli

    _register()
    out, errors = tmp_path / "corpus.nq", tmp_path / "errors.jsonl"
    result = CliRunner().invoke(cli, ["export", str(corpus[0]), "-o", str(out), "--errors", str(errors), "--jobs",
                                      "1", "--no-model", "--no-validate"])
    assert result.exit_code == 1, result.output
    assert out.read_bytes() == first_run[1].read_bytes()
    assert len(errors.read_text().splitlines()) == len(corpus[2])
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(error_lines) == len(corpus[2])
    assert result.stderr.strip().splitlines()[-1].startswith(f"exported {len(corpus[1])} of ")
    quiet = CliRunner().invoke(cli, ["export", str(corpus[0]), "-o", str(out), "--jobs", "1", "--no-model",
                                     "--no-validate", "--quiet", "--fail-fast"])
    assert quiet.exit_code == 1  # stopped at the first failure, after exporting what came before
    assert [line.startswith("error: ") for line in quiet.stderr.splitlines()] == [True]


def test_state_is_kept_beside_the_output_only_for_a_corpus(tmp_path):
    """A corpus run keeps its resume state in a hidden folder beside the output; one file does not."""
    folder = tmp_path / "in"
    labels = build_corpus(folder)
    export_corpus([labels[0]], output=tmp_path / "one.nq", settings=FAST)
    assert not state_dir(tmp_path / "one.nq").exists()
    export_corpus([folder], output_dir=tmp_path / "out", settings=FAST, jobs=1)
    assert (state_dir(tmp_path / "out") / "manifest.jsonl").exists()
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".nq"] * len(labels)


def test_progress_bar_shows_rate_and_eta_when_enabled():
    """On a terminal the bar shows done/total, articles/s and an ETA; elsewhere it is silent."""
    stream = io.StringIO()
    bar = Progress(stream, enabled=True)
    bar.total = 10
    bar.step()
    assert "1/10" in stream.getvalue() and "art/s" in stream.getvalue() and "ETA" in stream.getvalue()
    quiet = io.StringIO()
    Progress(quiet, enabled=False).step()
    assert quiet.getvalue() == ""
