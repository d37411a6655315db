"""README is the manual: its commands print what it shows, and examples/out/ is current.

After a change to extraction, ``scripts/update_readme.py`` refreshes both.
"""

from __future__ import annotations

import re
import shlex

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from tests.conftest import EXAMPLES, ROOT

README = ROOT / "README.md"
EXPORTS = EXAMPLES / "out"
CONSOLE_BLOCK = re.compile(r"```console\n\$ kg ([^\n]+)\n(.*?)```", re.DOTALL)


def readme_commands() -> list[tuple[str, str]]:
    return CONSOLE_BLOCK.findall(README.read_text(encoding="utf-8"))


def test_readme_opens_with_the_setup_and_test_commands():
    first_block = README.read_text(encoding="utf-8").split("```")[1].splitlines()[1:3]
    assert "kg export examples/" in first_block[0]
    assert "pytest" in first_block[1]


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_examples_export_to_the_committed_graphs(example, runner, kg_cli, tmp_path):
    out = tmp_path / "x.ttl"
    result = runner.invoke(kg_cli, ["export", str(EXAMPLES / example), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    got = Graph().parse(out, format="turtle")
    want = Graph().parse(EXPORTS / example.replace(".txt", ".ttl"), format="turtle")
    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        lines = [f"+ {t}" for t in sorted(only_got)][:20] + [f"- {t}" for t in sorted(only_want)][:20]
        pytest.fail("export differs from examples/out (run scripts/update_readme.py if intended):\n"
                    + "\n".join(lines))


def test_readme_shows_every_named_query():
    from kg.query import named_queries

    shown = {cmd.split()[1] for cmd, _ in readme_commands() if cmd.startswith("query ")}
    assert shown == set(named_queries())


@pytest.mark.parametrize("command, output", readme_commands(), ids=lambda x: x.split(" --")[0][:40])
def test_readme_commands_print_what_readme_shows(runner, kg_cli, command, output, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(kg_cli, shlex.split(command))
    assert result.exit_code == 0, result.output
    assert result.stdout == output
