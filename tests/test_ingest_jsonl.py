"""JSON Lines records -> Documents, one line at a time, with line numbers in the source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest.jsonl import parse_line, read_jsonl

TEXT = (
    "Warga Desa Sukamaju Gotong Royong Perbaiki Jembatan\n\n"
    "GARUT - Ratusan warga Desa Sukamaju bergotong royong memperbaiki jembatan gantung yang putus.\n\n"
    '"Kalau menunggu anggaran, bisa setahun lagi," kata Kepala Desa Sukamaju, Ujang Suherman.\n'
)
PAGE = (Path(__file__).parent / "data" / "html" / "detik-opengraph.html").read_text()


def line(**record) -> bytes:
    return (json.dumps(record) + "\n").encode()


def test_text_record_with_fields_overriding_the_layout():
    """Fields in the record win over what the layout reads from the text."""
    doc = parse_line(
        line(text=TEXT, id="sukamaju-1", url="https://berita.example/sukamaju", headline="Jembatan Sukamaju",
             datePublished="2025-04-02", author=["Rina Marlina", "Dedi Kurnia"], language="id", topic="desa"),
        "dump.jsonl:3",
    )
    assert doc.id == "sukamaju-1" and doc.source == "dump.jsonl:3"
    assert doc.text.startswith("Warga Desa Sukamaju")
    assert doc.meta.url == "https://berita.example/sukamaju"
    assert doc.meta.headline.text == "Jembatan Sukamaju"
    assert doc.meta.date_published == "2025-04-02"
    assert [a.text for a in doc.meta.authors] == ["Rina Marlina", "Dedi Kurnia"]


def test_a_name_found_in_the_text_gets_its_offsets():
    """A record field naming something in the text points at it."""
    doc = parse_line(line(text=TEXT, author="Ujang Suherman"), "d.jsonl:1")
    author = doc.meta.authors[0]
    assert doc.text[author.start:author.end] == "Ujang Suherman"


def test_html_record_is_read_as_a_page():
    """A record with "html" and no "text" goes through the HTML reader."""
    doc = parse_line(line(html=PAGE, id="p1"), "d.jsonl:9")
    assert doc.media_type == "text/html" and doc.id == "p1"
    assert doc.meta.headline.text.startswith("Polisi Tangkap")


def test_id_defaults_to_the_url_slug():
    """Without id, the URL names the article; without both, the content hash does."""
    assert parse_line(line(text=TEXT, url="https://x.example/read/warga-sukamaju"), "d:1").id == "warga-sukamaju"
    assert len(parse_line(line(text=TEXT), "d:1").id) == 16


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"{not json}\n", "not valid JSON"),
        (b'["a list"]\n', "not an object"),
        (b'{"url": "https://x.example/a"}\n', 'no "text" or "html"'),
        (b'{"text": "   "}\n', 'no "text" or "html"'),
        (b'{"text": 42}\n', 'no "text" or "html"'),
        (b'{"text": "caf\xe9"}\n', "UTF-8"),
    ],
    ids=["bad-json", "array", "no-text", "blank-text", "text-not-string", "latin1-bytes"],
)
def test_bad_lines_raise_with_file_and_line(raw, message):
    """A line that is not an article record raises InputError naming file:line and the reason."""
    with pytest.raises(InputError) as err:
        parse_line(raw, "dump.jsonl:12")
    assert message in str(err.value)
    assert str(err.value).startswith("dump.jsonl:12: ")


def test_read_jsonl_reports_bad_lines_and_goes_on(tmp_path):
    """Blank lines are skipped; bad lines come back as errors in place; good lines as Documents."""
    path = tmp_path / "dump.jsonl"
    path.write_bytes(line(text=TEXT, id="a") + b"\n" + b"{oops\n" + line(text=TEXT, id="b"))
    items = list(read_jsonl(path))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert items[1].source == f"{path}:3"
    assert (items[0].id, items[2].id, items[2].source) == ("a", "b", f"{path}:4")
