"""Each article is read in its language: forced, else declared by the source, else detected."""

import pytest

from kg.errors import InputError
from kg.ingest.language import article_language, detect_language, normalize_language
from kg.ingest.text import read_text
from kg.model import Block, Document, PageMetadata

INDONESIAN = (
    "Pemerintah Kabupaten Sleman menutup sementara jalur pendakian setelah hujan deras "
    "memicu longsor di lereng utara. Petugas meminta warga tidak mendekati sungai yang "
    "berhulu di kawasan itu sampai cuaca kembali normal."
)
ENGLISH = (
    "The regional government closed the hiking trails after heavy rain triggered a landslide "
    "on the northern slope. Officials asked residents to stay away from the rivers that rise "
    "in the area until the weather returns to normal."
)


@pytest.mark.parametrize(
    "tag, expected",
    [
        ("id", "id"),
        ("id-ID", "id"),
        ("id_ID", "id"),
        ("in", "id"),  # the withdrawn ISO 639 code old pages still declare
        ("EN-us", "en"),
        ("en_GB", "en"),
        (" fr ", "fr"),
        ("", None),
        (None, None),
    ],
)
def test_normalize_language_keeps_the_primary_subtag(tag, expected):
    assert normalize_language(tag) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (INDONESIAN, "id"),
        (ENGLISH, "en"),
        ("Presiden meresmikan jembatan baru di Samarinda, Kamis.", "id"),
        ("The minister opened a new bridge in Samarinda on Thursday.", "en"),
        ("", "id"),
    ],
)
def test_detect_language_tells_indonesian_from_english(text, expected):
    assert detect_language(text) == expected


def _document(text: str, *, declared: str | None = None, blocks=None) -> Document:
    blocks = blocks if blocks is not None else (Block(0, len(text), "body"),)
    return Document(id="a", text=text, blocks=blocks, meta=PageMetadata(language=declared), source="a.txt")


def test_declared_language_wins_over_detection():
    assert article_language(_document(INDONESIAN, declared="en-US")) == "en"


def test_forced_language_wins_over_the_declared_one():
    assert article_language(_document(ENGLISH, declared="en"), forced="id") == "id"


def test_undeclared_language_is_detected_from_the_article_text():
    assert article_language(_document(ENGLISH)) == "en"
    assert article_language(_document(INDONESIAN)) == "id"


def test_site_chrome_does_not_decide_the_language():
    # An English story on an Indonesian portal: menus and promos are Indonesian, the story is not.
    chrome = "Beranda Berita Terkini Ekonomi Olahraga Baca juga berita menarik lainnya di sini\n"
    text = chrome * 3 + ENGLISH
    blocks = (Block(0, len(chrome) * 3, "chrome"), Block(len(chrome) * 3, len(text), "body"))
    assert article_language(_document(text, blocks=blocks)) == "en"


@pytest.mark.parametrize("declared", ["fr", "de-DE"])
def test_a_declared_language_kg_cannot_read_is_an_input_error_that_names_the_fix(declared):
    with pytest.raises(InputError) as caught:
        article_language(_document(ENGLISH, declared=declared))
    assert declared in str(caught.value) and "--lang" in str(caught.value)


def test_forcing_an_unsupported_language_is_refused():
    with pytest.raises(InputError):
        article_language(_document(ENGLISH), forced="jv")


def test_a_plain_text_article_is_detected_through_its_layout():
    page = (
        "Flood waters recede in Demak as repairs begin\n\n"
        "By Sari Hartono\n\n"
        "DEMAK, March 20 (ANTARA) - " + ENGLISH + "\n"
    )
    assert article_language(read_text(page.encode(), source="page.txt")) == "en"
