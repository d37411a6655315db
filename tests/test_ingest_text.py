"""kg.ingest.text: decoding, newline normalisation, ids and the errors for input that is no article."""

from __future__ import annotations

import hashlib

import pytest

from kg.errors import InputError
from kg.ingest import read_path, read_text
from tests.conftest import EXAMPLES

ARTICLE = "Judul Berita Uji Coba\n\nJAKARTA, KOMPAS.com - Warga Jakarta memadati Monas pada Minggu pagi untuk lari bersama.\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        ("", "empty"),
        (b"   \n\t\r\n  ", "empty"),
        ("\ufeff \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"abc\x00def ghi", "binary"),
        ("teks\x01\x02\x03\x04\x05\x06", "binary"),
        (b"Berita \xe9\xe8 tanpa UTF-8 yang sah", "--encoding"),
        (b"\xff\xfe\xfd", "--encoding"),
    ],
)
def test_read_text_rejects_input_that_is_not_article_text(data, message):
    """Empty, whitespace-only, binary and undecodable input raise InputError naming the problem."""
    with pytest.raises(InputError) as err:
        read_text(data, "berita.txt")
    assert message in str(err.value)
    assert str(err.value).startswith("berita.txt: ")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("data", [b"a" * 101, "a" * 101, "é" * 51])
def test_read_text_rejects_input_over_the_size_limit(data):
    """Input longer than max_bytes (counted in UTF-8 bytes) is refused with advice."""
    with pytest.raises(InputError, match="limit"):
        read_text(data, max_bytes=100)


def test_read_text_accepts_input_at_the_size_limit():
    """Input exactly max_bytes long is read."""
    text = ("Kata " * 20)[:100]
    assert len(read_text(text, max_bytes=100).text) == 100


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbfBaris satu\nBaris dua", "Baris satu\nBaris dua"),
        ("\ufeffBaris satu\nBaris dua", "Baris satu\nBaris dua"),
        (b"Baris satu\r\nBaris dua\r\n", "Baris satu\nBaris dua\n"),
        (b"Baris satu\rBaris dua\r", "Baris satu\nBaris dua\n"),
        (b"Baris satu\r\n\r\nBaris dua", "Baris satu\n\nBaris dua"),
        ("  Spasi dijaga  \n\tTab juga ", "  Spasi dijaga  \n\tTab juga "),
        ("“Kutipan” — ”Kompas” – ‘ganda’", "“Kutipan” — ”Kompas” – ‘ganda’"),
    ],
)
def test_read_text_removes_bom_and_normalises_newlines_only(data, expected):
    """A BOM is dropped and CRLF/CR become LF; every other character is kept as it was."""
    assert read_text(data).text == expected


def test_read_text_decodes_with_the_named_encoding():
    """With encoding= the bytes are decoded in that encoding instead of UTF-8."""
    doc = read_text("Peluncuran café di Bandung".encode("latin-1"), encoding="latin-1")
    assert doc.text == "Peluncuran café di Bandung"


def test_read_text_reads_utf16_with_a_bom():
    """UTF-16 text with its BOM is recognised even though it contains NUL bytes."""
    doc = read_text("Berita dalam UTF-16\n".encode("utf-16"))
    assert doc.text == "Berita dalam UTF-16\n"


def test_read_text_rejects_an_unknown_encoding_name():
    """An encoding name Python does not know is an InputError that lists real ones."""
    with pytest.raises(InputError, match="unknown encoding"):
        read_text(b"teks", encoding="klingon-8")


def test_offsets_point_into_the_normalised_text():
    """Block offsets index the text after CRLF normalisation, not the raw bytes."""
    raw = ARTICLE.replace("\n", "\r\n").encode("utf-8")
    doc = read_text(raw)
    assert doc.text == ARTICLE
    body = doc.blocks_of("body")[0]
    assert doc.text[body.start : body.end].startswith("JAKARTA, KOMPAS.com - Warga")
    assert doc.text[doc.meta.dateline.start : doc.meta.dateline.end] == "JAKARTA"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"id": "artikel-01"}, "artikel-01"),
        ({"id": "artikel-01", "url": "https://x.id/a/b"}, "artikel-01"),
        (
            {"url": "https://www.tribunnews.com/nasional/2024/06/14/pasar-murah-dki?page=all"},
            "pasar-murah-dki",
        ),
        (
            {"url": "https://news.detik.com/berita/d-7391234/polisi-tangkap-pencuri/"},
            "polisi-tangkap-pencuri",
        ),
        ({"url": "https://example.com/read/Berita_Satu.html"}, "berita-satu"),
        ({"url": "https://www.antaranews.com/"}, "www-antaranews-com"),
    ],
)
def test_document_id_prefers_given_id_then_url_slug(kwargs, expected):
    """The id is the one given, else a slug of the URL's last path segment."""
    assert read_text(ARTICLE, **kwargs).id == expected


def test_document_id_falls_back_to_the_content_hash():
    """Without id or URL the id is the first 16 hex digits of the text's sha256."""
    doc = read_text(ARTICLE)
    digest = hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()
    assert doc.content_hash == digest
    assert doc.id == digest[:16]
    assert read_text(ARTICLE + "Tambahan.").id != doc.id


def test_url_is_recorded_in_the_metadata():
    """A URL passed in is kept as the page URL."""
    doc = read_text(ARTICLE, url="https://kompas.com/read/x")
    assert doc.meta.url == "https://kompas.com/read/x"


def test_read_path_reads_a_file_and_records_its_source(tmp_path):
    """A file is read, decoded and laid out; source is the path as given."""
    path = tmp_path / "berita.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    doc = read_path(path)
    assert doc.source == str(path)
    assert doc.text == ARTICLE
    assert doc.media_type == "text/plain"
    assert doc.meta.publisher.text == "KOMPAS.com"


def test_read_path_reads_every_example():
    """Every bundled example reads into a Document with a headline and body blocks."""
    paths = sorted(EXAMPLES.glob("*.txt"))
    assert paths
    for path in paths:
        doc = read_path(path)
        assert doc.meta.headline is not None, path
        assert doc.blocks_of("body"), path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "tidak-ada.txt", "not found"),
        (lambda d: d, "directory"),
    ],
)
def test_read_path_rejects_missing_files_and_directories(tmp_path, make, message):
    """A missing path or a directory raises InputError naming the path."""
    path = make(tmp_path)
    with pytest.raises(InputError, match=message) as err:
        read_path(path)
    assert str(path) in str(err.value)


def test_read_path_rejects_a_file_over_the_limit_before_reading_it(tmp_path):
    """A file bigger than max_bytes is refused from its size."""
    path = tmp_path / "besar.txt"
    path.write_bytes(b"kata " * 50)
    with pytest.raises(InputError, match="limit"):
        read_path(path, max_bytes=100)


def test_read_path_passes_the_encoding_on(tmp_path):
    """read_path decodes with encoding= like read_text, and without it suggests --encoding."""
    path = tmp_path / "latin.txt"
    path.write_bytes("Pertemuan di Café Braga, Bandung".encode("cp1252"))
    with pytest.raises(InputError, match="--encoding"):
        read_path(path)
    assert read_path(path, encoding="cp1252").text == "Pertemuan di Café Braga, Bandung"
