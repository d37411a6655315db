"""HTML pages -> Documents: main text, blocks, and the page's own metadata winning."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest.html import decode_html, looks_like_html, read_html

PAGES = Path(__file__).parent / "data" / "html"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@pytest.fixture(scope="module")
def kompas():
    return read_html(page("kompas-jsonld.html"), "kompas-jsonld.html")


@pytest.fixture(scope="module")
def detik():
    return read_html(page("detik-opengraph.html"), "detik-opengraph.html")


def test_jsonld_wins_over_opengraph_and_meta(kompas):
    """JSON-LD headline, authors, editor, publisher, date and language beat og:/meta values."""
    meta = kompas.meta
    assert meta.headline.text == "Pemkot Semarang Siapkan 40 Pompa Air Hadapi Puncak Hujan"
    assert [a.text for a in meta.authors] == ["Riska Andayani", "Bagus Prihantoro"]
    assert [e.text for e in meta.editors] == ["Dita Larasati"]
    assert meta.publisher.text == "Kompas.com"
    assert meta.date_published == "2025-01-14T10:15:00+07:00"  # not article:published_time 09:00
    assert meta.language == "id"
    assert meta.image.url.endswith("pompa-semarang.jpg")
    assert meta.image.caption.text.startswith("Petugas memeriksa pompa")


def test_opengraph_and_meta_fill_when_there_is_no_jsonld(detik):
    """Without JSON-LD the OpenGraph title/description/site name and <meta name=author> are used."""
    meta = detik.meta
    assert meta.headline.text == "Polisi Tangkap Dua Pencuri Kabel Lampu Jalan di Bekasi"
    assert meta.description.text.startswith("Dua pria ditangkap")
    assert [a.text for a in meta.authors] == ["Wahyu Setiadi"]
    assert meta.publisher.text == "detiknews"
    assert meta.date_published == "2025-02-03T14:27:00+07:00"
    assert meta.url.startswith("https://news.detik.com/berita/d-7712345/")
    assert meta.image.url.endswith("kabel-bekasi.jpg")
    assert detik.id == "polisi-tangkap-dua-pencuri-kabel-lampu-jalan-di-bekasi"


@pytest.mark.parametrize("fixture", ["kompas", "detik"])
def test_text_is_the_article_without_site_chrome(fixture, request):
    """The text holds the story; navigation and footer never make it in; offsets index the text."""
    doc = request.getfixturevalue(fixture)
    assert "Beranda" not in doc.text and "Hak cipta" not in doc.text and "All Rights Reserved" not in doc.text
    assert "\r" not in doc.text
    assert doc.media_type == "text/html"
    assert doc.blocks[0].kind == "headline"
    assert doc.text[doc.blocks[0].start:doc.blocks[0].end] == doc.meta.headline.text
    for block in doc.blocks:
        assert 0 <= block.start < block.end <= len(doc.text)
        assert doc.text[block.start:block.end].strip() == doc.text[block.start:block.end]


def test_headline_appears_once_and_lede_is_a_block(kompas):
    """The page's <h1> repeating the headline is not kept twice; the description becomes the lede."""
    assert kompas.text.count("Pemkot Semarang Siapkan 40 Pompa Air Hadapi Puncak Hujan") == 1
    ledes = kompas.blocks_of("lede")
    assert len(ledes) == 1 and kompas.text[ledes[0].start:ledes[0].end].startswith("Pemerintah Kota Semarang")


def test_layout_marks_read_also_as_chrome_and_finds_the_dateline(kompas):
    """Body paragraphs go through the layout analysis: "Baca juga:" is chrome, the dateline is found."""
    chrome = [kompas.text[b.start:b.end] for b in kompas.blocks_of("chrome")]
    assert any(c.startswith("Baca juga:") for c in chrome)
    assert all(not kompas.text[b.start:b.end].startswith("Baca juga") for b in kompas.article_blocks())
    dateline = kompas.meta.dateline
    assert dateline.text == "SEMARANG" and kompas.text[dateline.start:dateline.end] == "SEMARANG"


def test_jsonld_in_a_graph_is_found_and_a_broken_script_is_skipped():
    """An article node inside @graph is used even when another ld+json script is not valid JSON."""
    doc = read_html(page("english-jsonld-graph.html"), "english.html")
    assert doc.meta.language == "en"
    assert [a.text for a in doc.meta.authors] == ["Maya Kristanti"]
    assert doc.meta.publisher.text == "The Archipelago Post"
    assert doc.meta.date_published == "2025-03-09"


def test_given_id_url_and_language_win():
    """Values the caller passes (a JSON Lines record's id/url/language) override the page's."""
    doc = read_html(page("detik-opengraph.html"), "x", id="art-7", url="https://example.org/a/b", language="en")
    assert (doc.id, doc.meta.url, doc.meta.language) == ("art-7", "https://example.org/a/b", "en")


def test_content_hash_is_of_the_text(detik):
    """content_hash is the sha256 of Document.text, so equal pages hash equal."""
    import hashlib

    assert detik.content_hash == hashlib.sha256(detik.text.encode()).hexdigest()


@pytest.mark.parametrize(
    "data, message",
    [
        (page("truncated.html"), "truncated"),
        (b"", "empty"),
        (b"   \n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        (b"<html><head><meta charset='utf-8'></head><body><p>Harga \xff\xfe naik</p></body></html>", "UTF-8"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    ],
    ids=["truncated", "empty", "whitespace", "binary", "invalid-utf8", "no-article"],
)
def test_bad_pages_raise_input_error_naming_the_source(data, message):
    """Pages that hold no readable article raise InputError with the source and the reason."""
    with pytest.raises(InputError) as err:
        read_html(data, "bad.html")
    assert message.lower() in str(err.value).lower()
    assert err.value.source == "bad.html"


@pytest.mark.parametrize(
    "data, encoding, expected",
    [
        ("<html><meta charset='iso-8859-1'><p>Caf\u00e9</p></html>".encode("latin-1"), None, "Caf\u00e9"),
        ("<p>Caf\u00e9</p>".encode("cp1252"), "cp1252", "Caf\u00e9"),
        (b"\xef\xbb\xbf<p>a\r\nb</p>", None, "<p>a\nb</p>"),
    ],
    ids=["declared-charset", "given-encoding", "bom-and-crlf"],
)
def test_decoding_follows_given_then_declared_charset(data, encoding, expected):
    """The given encoding, else a BOM, else <meta charset> decides; CRLF becomes LF."""
    assert expected in decode_html(data, "p.html", encoding)


@pytest.mark.parametrize(
    "head, expected",
    [
        (b"<!DOCTYPE html>\n<html lang='id'>", True),
        (b"\xef\xbb\xbf<html><head>", True),
        (b"<!-- saved by crawler -->\n<html>", True),
        (b"  <head><title>x</title>", True),
        (b"JAKARTA, KOMPAS.com - Harga <b>cabai</b> naik.", False),
        (b'{"text": "<html>"}', False),
    ],
)
def test_looks_like_html(head, expected):
    """Only content that opens like a page is taken for HTML."""
    assert looks_like_html(head) is expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-01-14T10:15:00Z", "2025-01-14T10:15:00+00:00"),
        ("2025-01-14T10:15:00.000+0700", "2025-01-14T10:15:00+07:00"),
        ("2025-01-14 10:15:00", "2025-01-14T10:15:00"),
        ("2025-01-14", "2025-01-14"),
        ("14/01/2025", "2025-01-14"),  # not ISO: trafilatura's date finder reads it
        ("kemarin sore", None),
    ],
)
def test_published_time_is_kept_only_as_iso_8601(value, expected):
    """article:published_time becomes ISO 8601; a value kg cannot read as a date is dropped."""
    html = (
        f'<html><head><meta property="article:published_time" content="{value}"></head><body><article>'
        "<p>Warga Kampung Pulo kembali mengungsi setelah air Sungai Ciliwung naik setinggi satu meter.</p>"
        "</article></body></html>"
    )
    assert read_html(html, "t.html").meta.date_published == expected


def test_page_cut_off_after_much_of_its_text_is_refused_as_truncated():
    """A download that stopped mid-article has text enough, but a graph of it would look whole."""
    from kg.errors import InputError
    from kg.ingest.html import read_html

    whole = (PAGES / "kompas-jsonld.html").read_text(encoding="utf-8")
    cut = whole[: int(len(whole) * 0.7)]
    with pytest.raises(InputError, match="truncated"):
        read_html(cut, "cut.html")
    assert read_html(whole, "whole.html").text  # the complete page reads


def test_fragment_without_html_element_is_not_called_truncated():
    from kg.ingest.html import read_html

    whole = (PAGES / "kompas-jsonld.html").read_text(encoding="utf-8")
    body = whole[whole.index("<body"): whole.index("</body>")]
    fragment = body[body.index(">") + 1:]
    assert read_html(fragment, "fragment.html").text


def _captioned_page(caption_html: str, image: bool = True) -> str:
    og_image = '<meta property="og:image" content="https://img.example.id/banjir.jpg">' if image else ""
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<meta property="og:title" content="Banjir Rendam Ratusan Rumah di Pekalongan">{og_image}
<meta name="author" content="Nur Hidayati"></head><body>
<nav><a href="/">Beranda</a></nav>
<h1>Banjir Rendam Ratusan Rumah di Pekalongan</h1>
<figure><img src="https://img.example.id/banjir.jpg">{caption_html}</figure>
<article>
<p>PEKALONGAN, KOMPAS.com - Banjir merendam sedikitnya 400 rumah di tiga kelurahan di Kota Pekalongan
sejak Senin malam setelah hujan turun lebih dari enam jam.</p>
<p>Warga mulai mengungsi ke balai kelurahan dan masjid terdekat, sementara petugas membuka dapur umum.</p>
</article></body></html>"""


@pytest.mark.parametrize("caption_html", [
    "<figcaption>Warga melintasi banjir di Kelurahan Degayu, Senin (2/12/2024). "
    "(KOMPAS.com/NUR HIDAYATI)</figcaption>",
    '<div class="detail__media-caption">Warga melintasi banjir di Kelurahan Degayu, Senin (2/12/2024). '
    "KOMPAS.com/NUR HIDAYATI</div>",
])
def test_a_photo_caption_in_the_page_is_the_images_caption_with_its_credit(caption_html):
    doc = read_html(_captioned_page(caption_html), "banjir.html")
    image = doc.meta.image
    assert image.caption.text.startswith("Warga melintasi banjir")
    assert doc.text[image.caption.start:image.caption.end] == image.caption.text
    assert image.credit_text.text == "KOMPAS.com/NUR HIDAYATI"
    assert image.photographer.text == "Nur Hidayati" and image.agency.text == "KOMPAS.com"
    caption_blocks = [b for b in doc.blocks if b.kind == "caption"]
    assert len(caption_blocks) == 1
    assert doc.text.count("Warga melintasi banjir") == 1  # never a body paragraph as well


def test_a_caption_is_read_only_for_an_image_the_page_declares():
    doc = read_html(_captioned_page("<figcaption>Warga melintasi banjir di Kelurahan Degayu.</figcaption>",
                                    image=False), "banjir.html")
    assert doc.meta.image is None or doc.meta.image.caption is None
    assert not [b for b in doc.blocks if b.kind == "caption"]
