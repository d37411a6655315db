"""A worker process that dies (killed, or crashing in native code) costs one article, not the run.

The crash is injected from outside the code under test: a ``sitecustomize`` module on the
``PYTHONPATH`` of a real ``kg export`` run wraps ``kg.nlp.extract.extract`` in every process
(workers are spawned, so each imports it afresh) to kill its own process on a marker in the text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.batch import Settings, export_corpus

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
#: text that makes a worker kill itself with SIGKILL (as the OOM killer does), and text that makes it exit
KILL = "Arsip ini rusak pada halaman tiga."
EXIT = "Arsip ini rusak pada halaman tujuh."
FAST = Settings(use_model=False)  # gazetteer and rules, validated: the runner is under test

HOOK = textwrap.dedent('''
    """Test hook: a process that extracts an article holding $KG_CRASH_KILL or $KG_CRASH_EXIT dies."""
    import importlib.abc
    import importlib.machinery
    import os
    import signal
    import sys

    KILL = os.environ.get("KG_CRASH_KILL")
    EXIT = os.environ.get("KG_CRASH_EXIT")


    class _WrapExtract(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name != "kg.nlp.extract":
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            run_module = spec.loader.exec_module

            def exec_module(module):
                run_module(module)
                real = module.extract

                def extract(document, *args, **kwargs):
                    if KILL in document.text:
                        os.kill(os.getpid(), signal.SIGKILL)
                    if EXIT in document.text:
                        os._exit(70)
                    return real(document, *args, **kwargs)

                module.extract = extract

            spec.loader.exec_module = exec_module
            return spec


    if KILL and EXIT:
        sys.meta_path.insert(0, _WrapExtract())
''')


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> tuple[Path, Path, list[Path]]:
    """Nine articles of ours (three variants of each example); the third and the seventh die.

    With two jobs, up to eight articles are in flight when the third one kills its worker, so
    articles before and after it are caught in the broken pool; the seventh dies in the pool
    that replaced it.
    """
    base = tmp_path_factory.mktemp("crash")
    folder = base / "crawl"
    folder.mkdir()
    paths = []
    for n in range(3):
        for example in EXAMPLES:
            path = folder / f"{n}-{example.stem}.txt"
            path.write_text(example.read_text(encoding="utf-8") + f"\nCatatan redaksi nomor {n}.\n",
                            encoding="utf-8")
            paths.append(path)
    paths.sort()
    for crasher, marker in ((paths[2], KILL), (paths[6], EXIT)):
        crasher.write_text(crasher.read_text(encoding="utf-8") + marker + "\n", encoding="utf-8")
    hook = base / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    return folder, hook, paths


def _kg_export(folder: Path, hook: Path, out: Path, errors: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(hook), os.environ.get("PYTHONPATH")])),
           "KG_CRASH_KILL": KILL, "KG_CRASH_EXIT": EXIT}
    command = [str(Path(sys.executable).with_name("kg")), "export", str(folder), "-o", str(out), "--jobs", "2", "--no-model",
               "--errors", str(errors)]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.slow
def test_a_dying_worker_costs_only_its_own_article(crawl, tmp_path):
    """Every other article is exported exactly as without the crashes; the dead ones are named; exit 1."""
    folder, hook, paths = crawl
    crashers = [paths[2], paths[6]]
    out, errors = tmp_path / "corpus.nq", tmp_path / "errors.jsonl"
    done = _kg_export(folder, hook, out, errors)

    assert done.returncode == 1 and errors.exists(), done.stderr
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(r["source"], r["kind"]) for r in records] == [(str(c), "error") for c in crashers], records
    assert all("worker process died" in r["reason"] for r in records)
    summary = done.stderr.strip().splitlines()[-1]
    assert f"exported {len(paths) - 2} of {len(paths)} articles" in summary and "2 failed" in summary
    assert all(str(c) in summary for c in crashers)

    # The same corpus without the crashing article, in this process with one job, is the reference.
    reference_folder = tmp_path / "reference"
    reference_folder.mkdir()
    for path in paths:
        if path not in crashers:
            (reference_folder / path.name).write_bytes(path.read_bytes())
    reference = tmp_path / "reference.nq"
    assert export_corpus([reference_folder], output=reference, settings=FAST, jobs=1).failed == 0

    got, want = Dataset(), Dataset()
    got.parse(out, format="nquads")
    want.parse(reference, format="nquads")
    assert len(got) == len(want) > 0
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == sorted(
        reference.read_text(encoding="utf-8").splitlines())
