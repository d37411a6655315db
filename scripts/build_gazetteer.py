"""Build ``kg/nlp/data/gazetteer.jsonl`` from the raw gazetteer sources and the curated overlay.

Usage::

    .venv/bin/python scripts/build_gazetteer.py [--sources DIR] [--overlay FILE] [--out FILE]

Inputs (see ``/work/shared/data/gazetteer-sources/README.md`` and
``kg/nlp/data/GAZETTEER-SOURCES.md``):

* ``countries-regions.csv`` (OWID): countries and territories with QIDs and English names;
  Indonesian names come from CLDR through Babel. A row is a ``Country`` when the leaders file
  lists office-holders for it, otherwise an ``AdministrativeArea`` (dependent territories).
* ``populated-places.csv`` (Natural Earth): capitals and large cities, ``City``.
* ``indonesia-provinces.csv`` (Natural Earth): provinces, ``AdministrativeArea``.
* ``international-organizations.yaml`` (supraverden): international organisations.
* ``world-leaders-2022.csv`` (Wikidata): heads of state and government, ``Person``.
* ``gazetteer-overlay.jsonl`` (ours): entries and patches the sources lack, each with a note.

Entries from different sources with the same QID are merged. Names from the sources pass a
sanity filter (no mojibake, no statistical abbreviations such as "Bsnia.&Hrzgvna.", no inverted
forms such as "Korea, Rep."). Every name also yields its diacritic-free spelling ("Erdogan").

Transliteration rule for persons: a name token ending in one of the Slavic adjective endings
-skyy, -skyi, -skiy, -sky, -ski gets the other four endings as variants ("Zelenskyy" ->
"Zelensky", "Zelenskiy", ...), and a token containing "ymyr" gets "imir" ("Volodymyr" ->
"Volodimir"); variants combine. The surname (last token, and its variants) of a person in office
when the list was made becomes a surface form of its own only when it is distinctive: at least 4
letters, not a token of any other person's name, not a spaCy stop word (Indonesian or English),
and not a name of another entry. Surnames that are still common names ("Johnson", "Khan") are
removed by the overlay's ``drop_names``. A name that is another entry's display name is removed
from the entries that merely list it ("Panama" stays with the country, not Panama City).

Output: one JSON object per line, sorted by id (QIDs numerically, then ``kg:`` slugs), with
sorted keys, so the same inputs always give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml
from babel import Locale
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.id.stop_words import STOP_WORDS as ID_STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = Path("/work/shared/data/gazetteer-sources")
DEFAULT_OVERLAY = ROOT / "kg" / "nlp" / "data" / "gazetteer-overlay.jsonl"
DEFAULT_OUT = ROOT / "kg" / "nlp" / "data" / "gazetteer.jsonl"

QID_RE = re.compile(r"(Q[1-9][0-9]*)$")
SLAVIC_ENDINGS = ("skyy", "skyi", "skiy", "sky", "ski")
# Fields of the supraverden yaml that hold English or Indonesian names, and abbreviations.
ORG_NAME_FIELDS = ("Name_en", "Name_other_en", "Name_other_1_en", "Name_other_2_en", "Name_other_3_en")
ORG_ABBR_FIELDS = ("Abbreviation_en", "Abbreviation_other_en", "Abbreviation_other_2_en")
OVERLAY_KEYS = {"id", "type", "name", "names", "wikidata", "extra_types", "name_en", "note", "drop_names"}
TYPES = ("Person", "Organization", "Place")


class BuildError(Exception):
    """The sources or the overlay are inconsistent; the message says where and what to fix."""


def qid_of(value: str | None) -> str | None:
    """Return the QID at the end of a Wikidata URI or code ("http://.../entity/Q252" -> "Q252")."""
    if not value:
        return None
    m = QID_RE.search(value.strip())
    return m.group(1) if m else None


def fold(text: str) -> str:
    """Return ``text`` without combining diacritics and with typographic apostrophes made plain."""
    text = text.replace("\u2019", "'").replace("\u02bb", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def slug(text: str) -> str:
    """Return an ASCII slug for ids of entries without a QID ("Kompas.com" -> "kompas-com")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def sane(name: str | None, *, person: bool = False) -> bool:
    """Tell whether a name taken from a source is fit to be a surface form."""
    if not name or len(name) < 2 or "Ã" in name or QID_RE.fullmatch(name):
        return False
    if any(c in name for c in ",()[]&/;"):
        return False
    if not name[0].isupper() and not name[0].isdigit():
        return False  # truncated mojibake such as "rumqi", and lowercase prose
    if person:
        return True
    if "-" in name and " " in name:
        return False  # metro-area compounds: "New York-Newark", "Osaka-Kobe"
    if re.search(r"(^|\s)\w$", name):
        return False  # cut off after a letter: "Ciudad de M"
    # Dots only in "St. " (Saint); "Congo, Dem. Rep.", "Br.Virgin Is." are statistical forms.
    return "." not in name.replace("St. ", "")


def clean_cldr(name: str | None) -> list[str]:
    """Split a CLDR territory name into usable forms ("Myanmar (Burma)" -> Myanmar, Burma)."""
    if not name:
        return []
    name = name.split(" DAK ")[0]  # "Hong Kong DAK Tiongkok": the special-region qualifier
    name = name.replace(" - ", "-")
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    forms = [m.group(1), m.group(2)] if m else [name]
    return [f for f in forms if sane(f)]


def transliterations(name: str) -> list[str]:
    """Return the name's Slavic transliteration variants (the name itself first)."""
    options: list[list[str]] = []
    for token in name.split(" "):
        alts = [token]
        low = token.lower()
        for ending in SLAVIC_ENDINGS:
            if low.endswith(ending) and len(low) > len(ending) + 2:
                stem = token[: -len(ending)]
                alts += [stem + e for e in SLAVIC_ENDINGS if e != ending]
                break
        alts += [a.replace("ymyr", "imir") for a in alts if "ymyr" in a]
        options.append(alts)
    variants = [""]
    for alts in options:
        variants = [f"{v} {a}".strip() for v in variants for a in alts]
    return variants


class Gazetteer:
    """Entries being built, keyed by id, merged by QID."""

    def __init__(self) -> None:
        self.entries: dict[str, dict] = {}

    def add(
        self,
        *,
        type: str,
        name: str,
        names: list[str],
        wikidata: str | None,
        extra_types: list[str] = (),
        name_en: str | None = None,
        source: str,
        id: str | None = None,
    ) -> dict:
        """Add an entry, or merge it into the entry with the same id (its QID, else a slug)."""
        if type not in TYPES:
            raise BuildError(f"{source}: type {type!r} is not one of {TYPES}")
        id = wikidata or id or f"kg:{slug(name)}"
        entry = self.entries.get(id)
        if entry is None:
            entry = {"id": id, "type": type, "name": name, "names": [], "wikidata": wikidata,
                     "extra_types": [], "name_en": name_en}
            self.entries[id] = entry
        elif entry["type"] != type:
            raise BuildError(
                f"{source}: {id} is a {type} here but a {entry['type']} already "
                f"({entry['name']}); fix the QID or the type"
            )
        for form in [name, *names]:
            add_name(entry, form)
        for t in extra_types:
            if t not in entry["extra_types"]:
                entry["extra_types"].append(t)
        if entry["name_en"] is None and name_en:
            entry["name_en"] = name_en
        return entry


def add_name(entry: dict, form: str) -> None:
    """Add a surface form and its diacritic-free spelling to an entry, keeping order."""
    form = " ".join(form.split())
    for f in (form, fold(form)):
        if f and f not in entry["names"]:
            entry["names"].append(f)


def read_csv(path: Path) -> list[dict]:
    """Read a CSV file with a header row."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def add_countries(g: Gazetteer, sources: Path, sovereign: set[str]) -> None:
    """Add OWID countries and territories with QIDs, with CLDR Indonesian names."""
    cldr = Locale("id").territories
    for row in read_csv(sources / "countries-regions.csv"):
        qid = qid_of(row["wikidata_uri"])
        if not qid or not row["iso_alpha2"]:
            continue
        english = [n for n in (row["name"], row["wikidata_label"]) if sane(n)]
        aliases = [a for a in json.loads(row["aliases"] or "[]") if sane(a)]
        indonesian = clean_cldr(cldr.get(row["iso_alpha2"]))
        forms = indonesian + english + aliases
        if not forms:
            continue
        g.add(type="Place", name=forms[0], names=forms, wikidata=qid,
              extra_types=["Country" if qid in sovereign else "AdministrativeArea"],
              name_en=english[0] if english else None, source="countries-regions.csv")


def add_cities(g: Gazetteer, sources: Path) -> None:
    """Add Natural Earth capitals and large cities."""
    for row in read_csv(sources / "populated-places.csv"):
        alts = [a for a in row["NAMEALT"].split("|") if sane(a)]
        forms = [n for n in (row["NAME_ID"], row["NAME"], row["NAME_EN"], *alts) if sane(n)]
        if not forms:
            continue
        g.add(type="Place", name=forms[0], names=forms, wikidata=qid_of(row["WIKIDATAID"]),
              extra_types=["City"], name_en=row["NAME_EN"] if sane(row["NAME_EN"]) else None,
              source="populated-places.csv")


def add_provinces(g: Gazetteer, sources: Path) -> None:
    """Add Indonesian provinces; an alternate name shared by two provinces ("Jawa") is dropped."""
    rows = read_csv(sources / "indonesia-provinces.csv")
    seen: dict[str, int] = {}
    for row in rows:
        for alt in set(filter(None, row["name_alt"].split("|"))):
            seen[alt] = seen.get(alt, 0) + 1
    for row in rows:
        alts = [a for a in row["name_alt"].split("|") if sane(a) and seen.get(a) == 1]
        forms = [n for n in (row["name"], row["name_id"], row["name_en"], *alts) if sane(n)]
        g.add(type="Place", name=forms[0], names=forms, wikidata=qid_of(row["wikidataid"]),
              extra_types=["AdministrativeArea"], name_en=row["name_en"] or None,
              source="indonesia-provinces.csv")


def add_organisations(g: Gazetteer, sources: Path) -> None:
    """Add supraverden organisations; QIDs used twice and abbreviations used twice are dropped."""
    with (sources / "international-organizations.yaml").open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    qids: dict[str, int] = {}
    abbrs: dict[str, int] = {}
    for org in data.values():
        q = qid_of(str(org.get("Wikidata_code") or ""))
        if q:
            qids[q] = qids.get(q, 0) + 1
        for f in ORG_ABBR_FIELDS:
            if org.get(f):
                abbrs[str(org[f])] = abbrs.get(str(org[f]), 0) + 1
    for key, org in data.items():
        q = qid_of(str(org.get("Wikidata_code") or ""))
        english = [str(org[f]) for f in ORG_NAME_FIELDS if org.get(f) and sane(str(org[f]))]
        # Two-letter abbreviations ("AU", "UN") collide with Indonesian ones (TNI AU, UN exams).
        short = [str(org[f]) for f in ORG_ABBR_FIELDS
                 if org.get(f) and len(str(org[f])) >= 3 and abbrs[str(org[f])] == 1 and sane(str(org[f]))]
        name_id = org.get("Name_id")
        indonesian = [name_id] if name_id and sane(name_id) and name_id not in english else []
        forms = indonesian + english + short
        if not forms:
            continue
        g.add(type="Organization", name=forms[0], names=forms,
              wikidata=q if q and qids[q] == 1 else None,
              name_en=english[0] if english else None, source=f"international-organizations.yaml {key!r}")


def add_leaders(g: Gazetteer, sources: Path) -> list[dict]:
    """Add heads of state and government with transliteration variants; return those in office."""
    added: list[dict] = []
    for row in read_csv(sources / "world-leaders-2022.csv"):
        label = row["officeholderLabel"].strip()
        qid = qid_of(row["officeholder"])
        if not qid or not sane(label, person=True):
            continue
        entry = g.add(type="Person", name=label, names=transliterations(label), wikidata=qid,
                      name_en=label, source="world-leaders-2022.csv")
        if not row["end_year"].strip() and entry not in added:
            added.append(entry)  # only people in office when the list was made get surnames
    return added


def add_surnames(g: Gazetteer, persons: list[dict]) -> None:
    """Give persons their distinctive surname (and its variants) as a surface form of its own."""
    token_owners: dict[str, set[str]] = {}
    for e in (e for e in g.entries.values() if e["type"] == "Person"):
        for form in e["names"]:
            for token in form.split(" "):
                token_owners.setdefault(token.lower(), set()).add(e["id"])
    other_names = {n.lower() for e in g.entries.values() if e["type"] != "Person" for n in e["names"]}
    stop = {w.lower() for w in ID_STOP_WORDS | EN_STOP_WORDS}
    for e in persons:
        tokens = e["name"].split(" ")
        if len(tokens) < 2 or any(t.islower() for t in tokens):
            continue  # mononyms, regnal names, patronymic chains ("Mohammad bin Salman")
        for variant in transliterations(tokens[-1]):
            low = variant.lower()
            if (len(variant) >= 4 and variant.isalpha() and variant[0].isupper()
                    and token_owners.get(low) == {e["id"]} and low not in stop and low not in other_names):
                add_name(e, variant)


def drop_shadowed_names(g: Gazetteer) -> None:
    """Remove a surface form from an entry when it is another entry's display name ("Panama")."""
    display: dict[str, list[str]] = {}
    for e in g.entries.values():
        display.setdefault(e["name"].casefold(), []).append(e["id"])
    for e in g.entries.values():
        kept = []
        for n in e["names"]:
            owners = display.get(n.casefold())
            if owners is None or e["id"] in owners or len(owners) > 1:
                kept.append(n)
        e["names"] = kept


def apply_overlay(g: Gazetteer, path: Path) -> None:
    """Apply the curated overlay: new entries, patches to the entry with the given id, or
    (id "*") names to drop from every entry that does not display them."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BuildError(f"{where}: not valid JSON ({exc.msg}); fix the line") from exc
        unknown = set(item) - OVERLAY_KEYS
        if unknown or not item.get("note"):
            raise BuildError(f"{where}: unknown keys {sorted(unknown)} or missing 'note'; "
                             f"allowed keys are {sorted(OVERLAY_KEYS)}")
        id = item.get("id") or item.get("wikidata")
        if id == "*":
            drop = set(item.get("drop_names", []))
            for e in g.entries.values():
                e["names"] = [n for n in e["names"] if n not in drop or n == e["name"]]
            continue
        entry = g.entries.get(id) if id else None
        if entry is None:
            if "type" not in item or "name" not in item:
                raise BuildError(f"{where}: {id or 'a new entry'} is not in the sources, so it "
                                 "needs 'type' and 'name'")
            g.add(type=item["type"], name=item["name"], names=item.get("names", []),
                  wikidata=item.get("wikidata"), extra_types=item.get("extra_types", []),
                  name_en=item.get("name_en"), source=where, id=item.get("id"))
            continue
        patch(g, entry, item)


def patch(g: Gazetteer, entry: dict, item: dict) -> None:
    """Change an existing entry as an overlay line says."""
    drop = set(item.get("drop_names", []))
    entry["names"] = [n for n in entry["names"] if n not in drop]
    if "name" in item:
        entry["names"].insert(0, item["name"])
        entry["name"] = item["name"]
    for form in item.get("names", []):
        add_name(entry, form)
    entry["names"] = list(dict.fromkeys(entry["names"]))
    for t in item.get("extra_types", []):
        if t not in entry["extra_types"]:
            entry["extra_types"].append(t)
    if "name_en" in item:
        entry["name_en"] = item["name_en"]
    if "wikidata" in item and item["wikidata"] is None:
        # The QID is in doubt: the entry lives on under a slug id, without a Wikidata link.
        del g.entries[entry["id"]]
        entry["wikidata"] = None
        entry["id"] = f"kg:{slug(entry['name'])}"
        g.entries[entry["id"]] = entry


def sort_key(entry: dict) -> tuple:
    """Order QIDs numerically, then slug ids alphabetically."""
    if entry["id"].startswith("Q"):
        return (0, int(entry["id"][1:]), "")
    return (1, 0, entry["id"])


def build(sources: Path, overlay: Path | None) -> list[dict]:
    """Build every gazetteer entry from the sources and the overlay, sorted."""
    for name in ("countries-regions.csv", "populated-places.csv", "indonesia-provinces.csv",
                 "international-organizations.yaml", "world-leaders-2022.csv"):
        if not (sources / name).is_file():
            raise BuildError(f"{sources / name} is missing; pass --sources with the folder that "
                             "holds the five gazetteer source files")
    g = Gazetteer()
    sovereign = {qid_of(r["countryid"]) for r in read_csv(sources / "world-leaders-2022.csv")}
    add_countries(g, sources, sovereign)
    add_cities(g, sources)
    add_provinces(g, sources)
    add_organisations(g, sources)
    persons = add_leaders(g, sources)
    add_surnames(g, persons)
    if overlay is not None:
        apply_overlay(g, overlay)
    drop_shadowed_names(g)
    entries = sorted(g.entries.values(), key=sort_key)
    for e in entries:
        e["names"] = list(dict.fromkeys([e["name"], *e["names"]]))
    return entries


def write(entries: list[dict], out: Path) -> None:
    """Write entries as JSON Lines with sorted keys."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for e in entries:
            fh.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Build the gazetteer file; print a one-line summary, or the error and exit 1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--overlay", type=Path, default=DEFAULT_OVERLAY)
    parser.add_argument("--no-overlay", action="store_true", help="build from the sources alone")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        entries = build(args.sources, None if args.no_overlay else args.overlay)
    except BuildError as exc:
        print(f"build_gazetteer: {exc}", file=sys.stderr)
        return 1
    write(entries, args.out)
    counts = {t: sum(e["type"] == t for e in entries) for t in TYPES}
    print(f"wrote {len(entries)} entries to {args.out} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
