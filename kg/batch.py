"""The corpus runner: many inputs -> parallel extraction -> validation -> streamed, atomic outputs.

Sources are streamed (:func:`kg.ingest.sources.iter_sources`); at most a few articles per worker
are in flight, so memory does not grow with the corpus. Results come back in input order, so the
output is the same for any number of jobs. Each article is read, extracted, mapped, validated and
serialized in a worker process (which loads the NLP pipeline once); the main process only writes:

* ``output_dir``: one file per article, each written atomically;
* ``output``: one corpus file, written to a temporary file as articles finish and renamed at the
  end. Each worker serializes its article (Turtle and TriG with Oxigraph's writer: rdflib's slows
  down badly on large graphs) and the main process appends it, declaring each prefix once; JSON-LD
  is one document whose ``@graph`` lists each article's nested tree;
* neither: the corpus on standard output.

A re-run skips unchanged articles: a manifest keyed by source and content hash (and the settings)
remembers what was exported. For a corpus file, each article's result is also kept in a journal
beside it (``.NAME.kg/``), so an interrupted or partly changed run redoes only what changed.
A source that fails is reported with its file, line and reason, and the rest go on.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from kg import __version__
from kg.errors import ConfigError, InputError, KgError, ValidationFailed
from kg.ingest.sources import Source, expand_path, iter_sources

STAGES = ("read", "nlp", "map", "validate", "serialize", "write")
DEFAULT_BASE = "https://w3id.org/kg-exporter/id/"
_IN_FLIGHT_PER_JOB = 4
_KEEP_FAILURES = 1000  # failures kept in memory for the summary; all go to --errors


@dataclass(frozen=True)
class Settings:
    """Everything that changes what one article exports to (part of the resume key)."""

    fmt: str = "nquads"
    base_iri: str = DEFAULT_BASE
    validate: bool = True
    model: str | None = None
    use_model: bool = True
    encoding: str | None = None
    language: str | None = None  # forced (--lang); else each article's own, declared or detected

    def fingerprint(self) -> str:
        """A short hash of the settings and kg's version: a change makes every article stale."""
        data = json.dumps({**asdict(self), "kg": __version__}, sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Failure:
    """A source that could not be exported: where it is, why, and what kind of failure it was."""

    source: str  # the label: a path, "-", "file.jsonl:12"
    reason: str
    kind: str = "input"  # "input" (cannot be read), "invalid" (does not conform), "error" (a bug)
    report: str = ""  # the SHACL violations, one per line, for "invalid"

    @property
    def exit_code(self) -> int:
        """1 when the graph did not conform, 2 when the article could not be exported at all."""
        return 1 if self.kind == "invalid" else 2

    def as_record(self) -> dict[str, Any]:
        """The failure as one --errors JSON Lines record: file, line (JSON Lines only), reason."""
        file, line = self.source, None
        head, _, tail = self.source.rpartition(":")
        if head and tail.isdigit():
            file, line = head, int(tail)
        record: dict[str, Any] = {"source": self.source, "file": file, "line": line, "kind": self.kind,
                                  "reason": self.reason}
        if self.report:
            record["violations"] = self.report.splitlines()
        return record


@dataclass
class Summary:
    """What a run did: articles exported and skipped, triples, statements, failures, time per stage."""

    articles: int = 0  # exported, including those reused unchanged
    skipped: int = 0  # unchanged since the last run, not processed again
    triples: int = 0
    statements: int = 0
    failed: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    failures: list[Failure] = field(default_factory=list)  # the first 1000
    stopped: bool = False  # --fail-fast stopped the run

    @property
    def exit_code(self) -> int:
        """0 when everything was exported; 1 when some articles failed (the others were exported)
        or a graph did not conform; 2 when nothing could be exported because no input was readable."""
        if not self.failed:
            return 0
        if self.articles == 0:
            return max((f.exit_code for f in self.failures), default=1)
        return 1

    def line(self, names: int = 5) -> str:
        """The one-line summary printed at the end of a run, naming the first few failures."""
        rate = self.articles / self.seconds if self.seconds else 0.0
        skipped = f" ({self.skipped:,} unchanged, skipped)" if self.skipped else ""
        line = (
            f"exported {self.articles:,} of {self.articles + self.failed:,} articles{skipped}, "
            f"{self.triples:,} triples, {self.statements:,} statements, {self.failed:,} failed, "
            f"{self.seconds:.1f} s ({rate:.{1 if rate >= 1 or not rate else 2}f} articles/s)"
        )
        if self.stopped:
            line += "; stopped at the first failure"
        if self.failures:
            shown = ", ".join(f.source for f in self.failures[:names])
            more = f" and {self.failed - names:,} more" if self.failed > names else ""
            line += f"; failed: {shown}{more}"
        return line


@dataclass
class _Outcome:
    """One source after processing (or reuse): the payload to write or the failure."""

    label: str
    path: str | None = None
    key: str = ""  # source hash; "" when the source cannot be resumed (stdin, an error)
    payload: bytes | None = None
    name: str = ""  # the article id, for naming per-article files
    triples: int = 0
    statements: int = 0
    times: dict[str, float] = field(default_factory=dict)
    failure: Failure | None = None
    reused: dict[str, Any] | None = None  # the manifest entry of an unchanged article


# -- the worker side ---------------------------------------------------------------------------

def process_source(source: Source, settings: Settings) -> _Outcome:
    """Read, extract, map, validate and serialize one source; a failure is returned, not raised."""
    from kg.ingest.language import article_language
    from kg.ingest.sources import read_source
    from kg.nlp.extract import extract
    from kg.nlp.pipeline import load_pipeline, model_for
    from kg.rdf import build_graph
    from kg.serialize import serialize

    times: dict[str, float] = {}
    outcome = _Outcome(source.label, source.path, key=getattr(source, "key", ""), times=times)
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        times[stage] = times.get(stage, 0.0) + now - clock
        clock = now

    try:
        document = read_source(source, encoding=settings.encoding)
        lap("read")
        language = article_language(document, settings.language)
        nlp = load_pipeline(model_for(settings.model, language), language=language, use_model=settings.use_model)
        clock = time.perf_counter()  # loading the pipeline (once per process) is no article's cost
        article = extract(document, nlp, language=language)
        lap("nlp")
        graph = build_graph(article, settings.base_iri)
        lap("map")
        if settings.validate:
            _ensure_conforms(graph, source.label)
        lap("validate")
        outcome.payload = _article_payload(graph, settings.fmt, serialize)
        lap("serialize")
    except ValidationFailed as exc:
        outcome.failure = Failure(source.label, exc.what, "invalid", exc.report)
    except KgError as exc:
        outcome.failure = Failure(source.label, _reason(exc), "input" if isinstance(exc, InputError) else "error")
    except MemoryError:
        outcome.failure = Failure(source.label, "ran out of memory on this article", "error")
    except Exception as exc:  # noqa: BLE001  (a bug must not stop a corpus run: report it with the article)
        outcome.failure = Failure(source.label, f"internal error: {type(exc).__name__}: {exc}", "error")
    else:
        outcome.name = document.id
        outcome.triples = len(graph)
        outcome.statements = len(article.statements)
    return outcome


def _ensure_conforms(graph, source: str) -> None:
    from kg.validate import validate

    validate(graph).raise_for_violations(source=source)


def _article_payload(graph, fmt: str, serialize) -> bytes:
    """One article in ``fmt``, as a document of its own that the main process can append."""
    if fmt not in ("turtle", "trig"):
        return serialize(graph, fmt)
    # Oxigraph's writer, not rdflib's: it is linear, and its prefix lines are easy to merge.
    import pyoxigraph as ox

    from kg.rdf.namespaces import PREFIXES

    quads = ox.parse(serialize(graph, "nquads"), format=ox.RdfFormat.N_QUADS)
    if fmt == "turtle":
        return ox.serialize((q.triple for q in quads), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def _init_worker(settings: Settings) -> None:
    import gc
    import signal

    # Ctrl-C is the main process's to handle: it stops the pool and removes partial files.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Load the pipeline once per process, before the first article, so its cost is not an article's.
    try:
        from kg.nlp.pipeline import load_pipeline

        load_pipeline(settings.model, language=settings.language or "id", use_model=settings.use_model)
    except Exception:  # noqa: BLE001, S110  (reported with each article that needs it)
        pass
    # The pipeline lives as long as the process: set it apart from the garbage collector, so
    # that collections stay cheap and frequent and each article's cycles are freed soon.
    gc.collect()
    gc.freeze()


# -- ordering and parallelism -------------------------------------------------------------------

def _ordered(items: Iterable[_Outcome | Source], settings: Settings, jobs: int) -> Iterator[_Outcome]:
    """Process the sources among ``items`` (outcomes pass through) and yield results in input order."""
    if jobs <= 1:
        # The pipeline loads with the first article that reads: an unreadable input is
        # reported at once, without waiting seconds for spaCy.
        for item in items:
            yield item if isinstance(item, _Outcome) else process_source(item, settings)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(settings,))

    pool = new_pool()
    window: deque[tuple[Source | None, Future | _Outcome]] = deque()
    limit = jobs * _IN_FLIGHT_PER_JOB

    def head() -> _Outcome:
        source, pending = window.popleft()
        if isinstance(pending, _Outcome):
            return pending
        try:
            return pending.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory, a crash in native code) and took every article
            # in flight down with it, without saying which one killed it: each of those runs again
            # alone, so the one that dies again is the one reported, and the others are exported.
            window.appendleft((source, pending))
            rerun_alone()
            return head()

    def submit(source: Source) -> Future:
        try:
            return pool.submit(process_source, source, settings)
        except BrokenProcessPool as exc:  # it broke since the last look: head() finds out and reruns
            broken: Future = Future()
            broken.set_exception(exc)
            return broken

    def rerun_alone() -> None:
        nonlocal pool
        pool.shutdown(wait=False, cancel_futures=True)
        pool = new_pool()
        for i, (src, pending) in enumerate(window):
            if isinstance(pending, Future) and not _succeeded(pending):
                window[i] = (src, alone(src))

    def alone(source: Source) -> _Outcome:
        nonlocal pool
        try:
            return pool.submit(process_source, source, settings).result()
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = new_pool()
            return _Outcome(source.label, source.path, failure=Failure(source.label, _WORKER_DIED, "error"))

    try:
        for item in items:
            if isinstance(item, _Outcome):
                window.append((None, item))
            else:
                window.append((item, submit(item)))
            while window and (len(window) >= limit or _ready(window[0][1])):
                yield head()
        while window:
            yield head()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _ready(pending: Future | _Outcome) -> bool:
    return isinstance(pending, _Outcome) or pending.done()


def _succeeded(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


_WORKER_DIED = (
    "the worker process died while processing it, again when it ran alone (killed, out of memory, "
    "or a crash in native code); the other articles went on. Run kg export on this file with "
    "--jobs 1 to see the crash, or leave the article out"
)


def resolve_format(fmt: str | None, output: str | Path | None) -> str:
    """The canonical format name: ``fmt`` if given, else from ``output``'s extension, else turtle."""
    from kg.serialize import format_for_path, get_format

    if fmt:
        return get_format(fmt).name
    return format_for_path(output).name if output is not None else "turtle"


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


# -- outputs -------------------------------------------------------------------------------------

class _Manifest:
    """What earlier runs exported: source label -> content hash, settings and where the result is.

    An append-only JSON Lines file (the last entry of a label wins), so an interrupted run keeps
    every entry written before it stopped.
    """

    def __init__(self, path: Path, settings: Settings, *, force: bool):
        self.path, self.settings = path, settings.fingerprint()
        self.entries: dict[str, dict[str, Any]] = {}
        if not force and path.exists():
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        entry = json.loads(line)
                        self.entries[entry["source"]] = entry
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut short by an interruption
        path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(path, "w" if force else "a", encoding="utf-8")  # noqa: SIM115  (open for the run)

    def unchanged(self, label: str, key: str) -> dict[str, Any] | None:
        entry = self.entries.get(label)
        if entry and entry.get("hash") == key and entry.get("settings") == self.settings:
            return entry
        return None

    def record(self, label: str, key: str, **where: Any) -> None:
        entry = {"source": label, "hash": key, "settings": self.settings, **where}
        self.entries[label] = entry
        self.fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.fh.flush()

    def close(self, live: set[str] | None = None) -> None:
        self.fh.close()
        if live is not None and len(self.entries) > len(live):
            kept = [self.entries[k] for k in self.entries if k in live]
            from kg.files import write_atomic

            write_atomic(self.path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in kept).encode())


class _DirWriter:
    """One file per article in a folder, named after the input file (or the article id)."""

    def __init__(self, folder: Path, settings: Settings, *, force: bool, resume: bool):
        from kg.serialize import get_format

        self.folder = folder
        self.ext = get_format(settings.fmt).extension
        self.manifest = _Manifest(state_dir(folder) / "manifest.jsonl", settings, force=force) if resume else None
        self.used: dict[str, str] = {}  # file name -> label, to keep two inputs from sharing one

    def reuse(self, label: str, key: str) -> dict[str, Any] | None:
        entry = self.manifest.unchanged(label, key) if self.manifest else None
        if entry and (self.folder / entry["file"]).exists() and self.used.get(entry["file"], label) == label:
            self.used[entry["file"]] = label
            return entry
        return None

    def write(self, outcome: _Outcome) -> None:
        from kg.files import write_atomic

        if outcome.reused is not None:
            return
        stem = _safe_name(Path(outcome.path).stem if outcome.path and outcome.path == outcome.label else outcome.name)
        name, n = f"{stem}{self.ext}", 1
        while self.used.get(name, outcome.label) != outcome.label:
            n += 1
            name = f"{stem}-{n}{self.ext}"
        self.used[name] = outcome.label
        write_atomic(self.folder / name, outcome.payload or b"")
        if outcome.key and self.manifest is not None:
            self.manifest.record(outcome.label, outcome.key, file=name, triples=outcome.triples,
                                 statements=outcome.statements)

    def close(self, ok: bool) -> None:
        if self.manifest is not None:
            self.manifest.close(set(self.used.values()) if ok else None)


class _StreamWriter:
    """One corpus file (or standard output) written as articles finish, in input order.

    For a file, each article's payload is also appended to a journal, so that the next run can
    reuse it instead of processing the article again.
    """

    def __init__(self, output: Path | None, settings: Settings, *, force: bool, resume: bool,
                 stdout: IO[bytes] | None):
        self.fmt, self.output = settings.fmt, output
        self.stdout = stdout
        self.state = state_dir(output) if output and resume else None
        self.manifest = self.journal = None
        self.journal_size = 0
        self.live: set[str] = set()
        if self.state is not None:
            self.state.mkdir(parents=True, exist_ok=True)
            self.manifest = _Manifest(self.state / "manifest.jsonl", settings, force=force)
            self.journal = open(self.state / "journal", "wb" if force else "ab")  # noqa: SIM115
            self.journal_size = self.journal.seek(0, io.SEEK_END)
            self.reader = open(self.state / "journal", "rb")  # noqa: SIM115
        self.used_bytes = 0
        self.written = 0  # articles written so far

    def reuse(self, label: str, key: str) -> dict[str, Any] | None:
        if self.manifest is None:
            return None
        entry = self.manifest.unchanged(label, key)
        if entry and entry["offset"] + entry["length"] <= self.journal_size:
            return entry
        return None

    def payload(self, outcome: _Outcome) -> bytes:
        """The article's bytes to write: fresh, or read back from the journal."""
        entry = outcome.reused
        if entry is not None:
            self.reader.seek(entry["offset"])
            data = self.reader.read(entry["length"])
            self.used_bytes += len(data)
            self.live.add(outcome.label)
            return data
        data = outcome.payload or b""
        if self.manifest is not None and self.journal is not None and outcome.key:
            offset = self.journal_size
            self.journal.write(data)
            self.journal.flush()
            self.journal_size += len(data)
            self.used_bytes += len(data)
            self.live.add(outcome.label)
            self.manifest.record(outcome.label, outcome.key, offset=offset, length=len(data),
                                 triples=outcome.triples, statements=outcome.statements, id=outcome.name)
        return data

    def write_all(self, outcomes: Iterator[_Outcome], stopped: Callable[[], bool]) -> bool:
        """Write every article of ``outcomes``; False (and no file) when the run was stopped early.
        When no article could be exported the file is not written either, so a run of bad inputs
        leaves an earlier output where it was."""
        if self.output is None:
            return self._write(outcomes, self.stdout or sys.stdout.buffer) and not stopped()
        import tempfile

        self.output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.output.name}.", suffix=".part", dir=self.output.parent)
        _usual_mode(tmp)
        try:
            with os.fdopen(fd, "wb") as fh:
                complete = self._write(outcomes, fh) and not stopped()
                fh.flush()
                os.fsync(fh.fileno())
            if complete and self.written:
                os.replace(tmp, self.output)
            return complete
        finally:
            Path(tmp).unlink(missing_ok=True)

    def _write(self, outcomes: Iterator[_Outcome], fh: IO[bytes]) -> bool:
        finished = False

        def payloads() -> Iterator[bytes]:
            nonlocal finished
            for outcome in outcomes:
                if outcome.failure is None:
                    self.written += 1
                    yield self.payload(outcome)
            finished = True

        if self.fmt == "json-ld":
            _write_jsonld(payloads(), fh)
        elif self.fmt in ("turtle", "trig"):
            _write_prefixed(payloads(), fh)
        else:
            for data in payloads():
                fh.write(data)
        return finished

    def close(self, ok: bool) -> None:
        if self.manifest is None:
            return
        self.journal.close()
        self.reader.close()
        self.manifest.close(self.live if ok else None)
        if ok and self.journal_size > 2 * self.used_bytes + (1 << 20):
            self._compact()

    def _compact(self) -> None:
        """Rewrite the journal with only the articles of this run, when most of it is stale."""
        from kg.files import write_atomic

        journal = self.state / "journal"
        tmp = self.state / "journal.compact"
        entries = []
        with open(journal, "rb") as src, open(tmp, "wb") as dst:
            for label in self.live:
                entry = dict(self.manifest.entries[label])
                src.seek(entry["offset"])
                entry["offset"] = dst.tell()
                dst.write(src.read(entry["length"]))
                entries.append(entry)
        os.replace(tmp, journal)
        write_atomic(self.state / "manifest.jsonl",
                     "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries).encode())


def _write_prefixed(payloads: Iterator[bytes], fh: IO[bytes]) -> None:
    """Append Turtle or TriG documents into one, writing each ``@prefix`` line only once.

    A prefix may be declared anywhere in Turtle and TriG, and kg's graphs use no blank nodes
    (rdflib's labels would be unique anyway), so the articles' documents concatenate into one.
    """
    declared: set[bytes] = set()
    for data in payloads:
        body = 0
        while data.startswith(b"@prefix ", body):
            end = data.index(b"\n", body) + 1
            line = data[body:end]
            if line not in declared:
                declared.add(line)
                fh.write(line)
            body = end
        fh.write(memoryview(data)[body:])


def _write_jsonld(payloads: Iterator[bytes], fh: IO[bytes]) -> None:
    """One JSON-LD document: kg's context once, then every article's nested tree in ``@graph``."""
    from kg.serialize import context

    fh.write(b'{\n  "@context": ' + json.dumps(context(), ensure_ascii=False).encode() + b',\n  "@graph": [')
    first = True
    for data in payloads:
        doc = json.loads(data)
        doc.pop("@context", None)
        for tree in doc.pop("@graph") if "@graph" in doc else [doc]:
            fh.write((b"\n    " if first else b",\n    ") + json.dumps(tree, ensure_ascii=False).encode())
            first = False
    fh.write(b"\n  ]\n}\n")


def state_dir(output: Path) -> Path:
    """Where kg keeps what it needs to resume a run into ``output``: a hidden folder beside it."""
    return output.parent / f".{output.name}.kg"


def _safe_name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "-" for c in name).strip(".-")
    return cleaned[:120] or "article"


# -- progress ------------------------------------------------------------------------------------

class Progress:
    """A one-line progress bar on a terminal: done/total, articles/s and ETA; silent elsewhere."""

    def __init__(self, stream: IO[str] | None = None, *, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total: int | None = None
        self.done = self.failed = 0
        self.started = time.monotonic()
        self._shown = 0.0

    def count_in_background(self, inputs: list[str | Path]) -> None:
        """Count the articles of ``inputs`` in a thread, so the bar can show a total and an ETA."""
        if self.enabled and "-" not in [str(i) for i in inputs]:
            threading.Thread(target=self._count, args=(inputs,), daemon=True).start()

    def _count(self, inputs) -> None:
        from kg.ingest.sources import EXTENSIONS

        total = 0
        for given in inputs:
            for path in expand_path(given):
                if isinstance(path, Path) and EXTENSIONS.get(path.suffix.lower()) == "jsonl":
                    total += _count_lines(path)
                else:
                    total += 1
        self.total = total

    def step(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and now - self._shown >= 0.1:
            self._shown = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        failed = f", {self.failed} failed" if self.failed else ""
        if self.total:
            share = min(self.done / self.total, 1.0)
            bar = "#" * int(share * 24)
            eta = (self.total - self.done) / rate if rate else 0
            line = f"[{bar:<24}] {self.done}/{self.total}{failed} {rate:.1f} art/s ETA {_clock(eta)}"
        else:
            line = f"{self.done} articles{failed} {rate:.1f} art/s {_clock(elapsed)}"
        self.stream.write("\r" + line[:120] + "\x1b[K")
        self.stream.flush()

    def message(self, text: str) -> None:
        """Print a line (an error) above the bar."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
        self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _count_lines(path: Path) -> int:
    count, last = 0, b"\n"
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                count += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 1
    return count + (last != b"\n")


# -- the run --------------------------------------------------------------------------------------

def export_corpus(
    inputs: Iterable[str | Path],
    *,
    output: str | Path | None = None,
    output_dir: str | Path | None = None,
    settings: Settings = Settings(),
    jobs: int | None = None,
    force: bool = False,
    resume: bool | None = None,
    fail_fast: bool = False,
    errors: str | Path | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    progress: Progress | None = None,
    stdin: IO[bytes] | None = None,
    stdout: IO[bytes] | None = None,
) -> Summary:
    """Export every article of ``inputs`` (files, folders, globs, ``-``) and say how it went.

    With ``output_dir`` one file per article; with ``output`` one corpus file; else the corpus
    goes to ``stdout``. Failing sources are reported through ``on_failure`` (and to ``errors`` as
    JSON Lines) and the others go on, unless ``fail_fast``. ``resume`` keeps state beside the
    output (:func:`state_dir`) so that the next run skips unchanged articles; by default it is on
    for a corpus (a folder, a glob, JSON Lines or several inputs) and off for a single file.
    ``jobs`` defaults to the cores available (1 for a single file). Workers are started with
    "spawn": a script that calls this with more than one job must do so under
    ``if __name__ == "__main__":``.
    """
    from kg.serialize import get_format

    if output is not None and output_dir is not None:
        raise ConfigError("give either an output file or an output folder, not both", "drop one of them")
    settings = Settings(**{**asdict(settings), "fmt": get_format(settings.fmt).name})
    inputs = list(inputs)
    single = _single_article(inputs)
    jobs = jobs or (1 if single else default_jobs())
    resume = (not single) if resume is None else resume
    summary = Summary()
    started = time.perf_counter()
    if progress is not None:
        progress.count_in_background(inputs)

    writer: _DirWriter | _StreamWriter
    if output_dir is not None:
        writer = _DirWriter(Path(output_dir), settings, force=force, resume=resume)
    else:
        writer = _StreamWriter(Path(output) if output is not None else None, settings, force=force,
                               resume=resume, stdout=stdout)
    errors_out = _ErrorsFile(Path(errors)) if errors else None
    stop = threading.Event()

    def planned() -> Iterator[_Outcome | Source]:
        """Sources to process, with errors and unchanged articles as outcomes already."""
        clock = time.perf_counter()
        for item in iter_sources(inputs, stdin=stdin):
            summary.stage_seconds["read"] += time.perf_counter() - clock
            if stop.is_set():
                return
            if isinstance(item, InputError):
                yield _Outcome(item.source or "", failure=Failure(item.source or "", _reason(item), "input"))
            elif item.label != "-" and not item.label.startswith("-:"):
                key = hashlib.sha256(item.data).hexdigest()
                entry = writer.reuse(item.label, key)
                if entry is not None:
                    yield _Outcome(item.label, item.path, key=key, reused=entry, name=entry.get("id", ""),
                                   triples=entry.get("triples", 0), statements=entry.get("statements", 0))
                else:
                    yield _KeyedSource(item.label, item.kind, item.data, item.path, key)
            else:
                yield item
            clock = time.perf_counter()

    def accounted() -> Iterator[_Outcome]:
        """Outcomes in order, counted, reported and cut short by --fail-fast."""
        for outcome in _ordered(planned(), settings, jobs):
            for stage, seconds in outcome.times.items():
                summary.stage_seconds[stage] += seconds
            if outcome.failure is not None:
                summary.failed += 1
                if len(summary.failures) < _KEEP_FAILURES:
                    summary.failures.append(outcome.failure)
                if on_failure is not None:
                    on_failure(outcome.failure)
                if errors_out is not None:
                    errors_out.add(outcome.failure)
            else:
                summary.articles += 1
                summary.skipped += outcome.reused is not None
                summary.triples += outcome.triples
                summary.statements += outcome.statements
            if progress is not None:
                progress.step(outcome.failure is not None)
            clock = time.perf_counter()
            yield outcome
            summary.stage_seconds["write"] += time.perf_counter() - clock
            if outcome.failure is not None and fail_fast:
                summary.stopped = True
                stop.set()
                return

    ok = False
    try:
        if isinstance(writer, _DirWriter):
            for outcome in accounted():
                if outcome.failure is None:
                    clock = time.perf_counter()
                    writer.write(outcome)
                    summary.stage_seconds["write"] += time.perf_counter() - clock
            ok = not summary.stopped
        else:
            ok = writer.write_all(accounted(), lambda: summary.stopped)
    finally:
        writer.close(ok)
        if progress is not None:
            progress.close()
        if errors_out is not None:
            errors_out.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _single_article(inputs: list[str | Path]) -> bool:
    """True when ``inputs`` is one existing file that holds one article (not a folder, glob or JSON Lines)."""
    from kg.ingest.sources import EXTENSIONS

    if len(inputs) != 1 or str(inputs[0]) == "-":
        return False
    path = Path(inputs[0])
    return path.is_file() and EXTENSIONS.get(path.suffix.lower()) != "jsonl"


@dataclass(frozen=True)
class _KeyedSource(Source):
    """A source with the hash of its bytes, so its result can be remembered for the next run."""

    key: str = ""


def _reason(error: KgError) -> str:
    return error.what + (f" ({error.fix})" if error.fix else "")


class _ErrorsFile:
    """The --errors report: one JSON record per failure, written atomically at the end."""

    def __init__(self, path: Path):
        import tempfile

        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        _usual_mode(self.tmp)
        self.fh = os.fdopen(fd, "w", encoding="utf-8")

    def add(self, failure: Failure) -> None:
        self.fh.write(json.dumps(failure.as_record(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.path)


def _usual_mode(path: str) -> None:
    """Give a temporary file the permissions a new file gets (mkstemp makes it private)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)
