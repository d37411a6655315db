#!/usr/bin/env python3
"""Re-export the bundled examples into examples/out/ and refresh README's command output.

Every ```console block in README.md whose first line is ``$ kg ...`` is run (from the repository
root) and its output replaced with what the command prints now. tests/test_readme.py checks that
README and examples/out/ are current, so run this after a change to extraction:

    .venv/bin/python scripts/update_readme.py
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
EXAMPLES = ROOT / "examples"
EXPORTS = EXAMPLES / "out"
CONSOLE_BLOCK = re.compile(r"```console\n\$ kg ([^\n]+)\n(.*?)```", re.DOTALL)


def kg(args: list[str]):
    from kg.cli import _register, cli

    _register()
    return CliRunner().invoke(cli, args)


def export_examples() -> None:
    EXPORTS.mkdir(exist_ok=True)
    for path in sorted(EXAMPLES.glob("*.txt")):
        result = kg(["export", str(path.relative_to(ROOT)), "-o", str((EXPORTS / f"{path.stem}.ttl").relative_to(ROOT)),
                     "--force", "-q"])
        if result.exit_code != 0:
            sys.exit(f"export of {path.name} failed:\n{result.output}")
        print(f"exported {path.name}", file=sys.stderr)


def refresh_readme() -> None:
    text = README.read_text(encoding="utf-8")

    def run(match: re.Match) -> str:
        command = match.group(1)
        result = kg(shlex.split(command))
        if result.exit_code != 0:
            sys.exit(f"README command failed: kg {command}\n{result.output}")
        return f"```console\n$ kg {command}\n{result.stdout}```"

    README.write_text(CONSOLE_BLOCK.sub(run, text), encoding="utf-8")


if __name__ == "__main__":
    import os

    os.chdir(ROOT)
    export_examples()
    refresh_readme()
    print("README.md and examples/out/ are current", file=sys.stderr)
