"""Expanding inputs into sources: files, folders, globs, stdin, JSON Lines, kind detection."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest.sources import Source, iter_sources, read_source, sniff

HTML = (Path(__file__).parent / "data" / "html" / "kompas-jsonld.html").read_bytes()
TEXT = b"Banjir Rendam Tiga Kecamatan\n\nDEMAK - Banjir merendam tiga kecamatan di Demak sejak Minggu.\n"


def labels(items) -> list[str]:
    return [i.label if isinstance(i, Source) else f"ERR {i.source}" for i in items]


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "page.html").write_bytes(HTML)
    (tmp_path / "a.txt").write_bytes(TEXT)
    (tmp_path / "c.jsonl").write_bytes(b'{"text": "satu dua tiga"}\n\n{"text": "empat lima"}\n')
    (tmp_path / "noext").write_bytes(HTML)
    (tmp_path / ".hidden.txt").write_bytes(TEXT)
    (tmp_path / "old.ttl").write_bytes(b"<a> <b> <c> .")
    return tmp_path


def test_folder_is_walked_in_sorted_order_skipping_hidden_and_rdf(crawl):
    """A folder yields its files depth-first in name order; hidden files and RDF outputs are left out."""
    items = list(iter_sources([crawl]))
    assert labels(items) == [
        f"{crawl}/a.txt", f"{crawl}/b/page.html", f"{crawl}/c.jsonl:1", f"{crawl}/c.jsonl:3", f"{crawl}/noext",
    ]
    kinds = [i.kind for i in items]
    assert kinds == ["text", "html", "jsonl-line", "jsonl-line", "html"]


def test_glob_and_missing_paths(crawl):
    """A glob expands to its matches; a missing path or an empty glob is an error in its place."""
    items = list(iter_sources([crawl / "missing.txt", f"{crawl}/**/*.html", f"{crawl}/*.xml"]))
    assert labels(items) == [f"ERR {crawl}/missing.txt", f"{crawl}/b/page.html", f"ERR {crawl}/*.xml"]
    assert "file not found" in str(items[0]) and "no file matches" in str(items[2])


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    """A file over the size limit is reported, and the next input still comes."""
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2000)
    small = tmp_path / "small.txt"
    small.write_bytes(TEXT)
    items = list(iter_sources([big, small], max_bytes=1000))
    assert isinstance(items[0], InputError) and "over the 1,000-byte limit" in str(items[0])
    assert items[1].data == TEXT


@pytest.mark.parametrize(
    "data, kind",
    [
        (HTML, "html"),
        (TEXT, "text"),
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b'{"text": "' + b"a" * 5000, "jsonl"),  # first line longer than the sniff window
        (b"{ hanya kurung kurawal di awal teks biasa", "text"),
        (b"\x00\x01\x02binary", "text"),  # the text reader says why it is not text
    ],
    ids=["html", "text", "jsonl", "long-first-line", "brace-prose", "binary"],
)
def test_sniff(data, kind):
    """Content decides the kind when the extension does not."""
    assert sniff(data[:4096]) == kind


def test_stdin_jsonl_keeps_line_numbers_across_the_sniff_window():
    """Standard input read as JSON Lines numbers its lines as "-:N", even past the first 4 KB."""
    lines = [b'{"text": "%s"}\n' % (b"kata " * 300) for _ in range(5)]
    items = list(iter_sources(["-"], stdin=io.BytesIO(b"".join(lines))))
    assert labels(items) == ["-:1", "-:2", "-:3", "-:4", "-:5"]
    assert all(i.data == lines[0] for i in items)


def test_stdin_text_is_one_source():
    """Plain text on standard input is one article labelled "-"."""
    (item,) = iter_sources(["-"], stdin=io.BytesIO(TEXT))
    assert (item.label, item.kind, item.data) == ("-", "text", TEXT)


@pytest.mark.parametrize(
    "source, media_type",
    [
        (Source("a.txt", "text", TEXT), "text/plain"),
        (Source("p.html", "html", HTML), "text/html"),
        (Source("d.jsonl:2", "jsonl-line", b'{"text": "Banjir di Demak kembali datang."}'), "text/plain"),
    ],
)
def test_read_source_dispatches_by_kind(source, media_type):
    """Each kind is read by its own reader and keeps its label as the document source."""
    doc = read_source(source)
    assert doc.media_type == media_type and doc.source == source.label


def test_read_source_raises_for_a_binary_file():
    """A binary file given with a text extension is refused by the reader."""
    with pytest.raises(InputError):
        read_source(Source("x.txt", "text", b"\x00\x01\x02" * 100))


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"], ids=["empty", "blank-lines"])
def test_a_json_lines_file_without_records_is_reported_not_skipped(tmp_path, content):
    """An empty dump is a failure the user hears about, not a run that silently exports nothing."""
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(content)
    [found] = list(iter_sources([dump]))
    assert isinstance(found, InputError) and "holds no article" in str(found)
