"""Read the word lists in ``kg/nlp/data``: one reader for every list the NLP stage uses.

Formats: one entry a line (``read_lines``), tab-separated columns (``read_table``), and phrases
under ``# [kind]`` headings (``read_sections``). Lines starting with ``#`` are comments.
The shapes of affixed Indonesian words, which no list can hold, are here too, for the rules and
the quote finder alike.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kg.errors import ConfigError

DATA_DIR = Path(__file__).with_name("data")

# Shapes of casefolded Indonesian words. An abstract noun made with ke-/pe-/ber- ... -an
# ("pencarian", "keberpihakan", "berdasarkan") is a word of an office, a field or a clause, no
# name; more broadly, affixed verbs and nouns ("dihubungi", "mengikuti", "berkaca", "terdampak",
# "biasakan"); a me-/ber- verb ("menilai", "berpendapat") goes on with a clause.
AFFIXED_NOUN = re.compile(r"(?:ke|pe|ber)[a-z]{3,}an")
AFFIXED_WORD = re.compile(
    rf"di[a-z]{{3,}}(?:kan|i)|(?:meng|meny|mem|men|ber|ter)[a-z]{{3,}}|{AFFIXED_NOUN.pattern}|[a-z]{{4,}}kan")
VERB_FORM = re.compile(r"(?:me|ber)[a-z]{3,}")


def _lines(name: str) -> list[str]:
    path = DATA_DIR / name
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the word list {path}: {exc}",
                          "reinstall kg-exporter or restore the file from the repository") from exc


def read_lines(name: str) -> list[str]:
    """The entries of a one-entry-a-line list, stripped, without comments and blank lines."""
    return [line.strip() for line in _lines(name) if line.strip() and not line.lstrip().startswith("#")]


def read_table(name: str) -> list[list[str]]:
    """The rows of a tab-separated list, without comments and blank lines."""
    return [line.split("\t") for line in read_lines(name)]


def read_kinds(name: str) -> dict[tuple[str, ...], str]:
    """A ``word<TAB>kind`` list (``not_entities_*.txt``): casefolded phrase, as words -> kind."""
    return {tuple(row[0].casefold().split()): row[1].strip() for row in read_table(name) if len(row) > 1}


def read_sections(name: str, *, casefold: bool = True) -> dict[tuple[str, ...], str]:
    """Phrases under ``# [kind]`` headings: phrase (as words, casefolded unless told) -> kind.

    A phrase listed twice keeps its first kind; phrases before any heading are of kind "other".
    """
    out: dict[tuple[str, ...], str] = {}
    kind = "other"
    for line in _lines(name):
        line = line.strip()
        if line.startswith("# [") and line.endswith("]"):
            kind = line[3:-1].strip()
        elif line and not line.startswith("#"):
            out.setdefault(tuple((line.casefold() if casefold else line).split()), kind)
    return out


@lru_cache(maxsize=1)
def business_units() -> frozenset[str]:
    """English words for a company's unit in a job title ("communications", "lending"),
    casefolded, from ``business_units_en.txt``. Cached: the rules and the quotes share it."""
    return frozenset(row[0].strip().casefold() for row in read_table("business_units_en.txt"))


@lru_cache(maxsize=1)
def title_kinds() -> dict[tuple[str, ...], str]:
    """Every title phrase of ``titles_id.txt`` and ``titles_en.txt``, casefolded -> its kind
    (Indonesian wins where both list a phrase). Cached: the rules and the statements share it."""
    kinds: dict[tuple[str, ...], str] = {}
    for name in ("titles_id.txt", "titles_en.txt"):
        for phrase, kind in read_sections(name).items():
            kinds.setdefault(phrase, kind)
    return kinds
