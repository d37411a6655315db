"""Quote finding and attribution on English news patterns (our own sentences, wire style)."""

from __future__ import annotations

import pytest

from kg.ingest.text import read_text
from kg.nlp.quotes import find_quotes


def found(text: str) -> list[tuple]:
    """(mode, text, speaker as written, cue) of each statement, with capitalised runs as mentions."""
    return [(r.mode, r.text, r.speaker_text, r.cue) for r in find_quotes(text, ())]


CASES = [
    # --- direct quotes ----------------------------------------------------------------------
    pytest.param(
        '"We will rebuild every school before the rains," said Maria Santos.',
        [("direct", "We will rebuild every school before the rains", "Maria Santos", "said")],
        id="said-name-after-quote"),
    pytest.param(
        '"The harbour will stay closed until Friday," Port Director Hendra Wijaya told reporters.',
        [("direct", "The harbour will stay closed until Friday", "Hendra Wijaya", "told")],
        id="name-told-reporters"),
    pytest.param(
        "“Nobody expected the river to rise that fast,” Rahmat Hidayat said on Sunday.",
        [("direct", "Nobody expected the river to rise that fast", "Rahmat Hidayat", "said")],
        id="curly-marks-name-said"),
    pytest.param(
        "Farmers in Karawang have lost two harvests in a row, said Dewi Lestari.\n\n"
        '"Our savings are gone," she said.',
        [("reported", "Farmers in Karawang have lost two harvests in a row", "Dewi Lestari", "said"),
         ("direct", "Our savings are gone", "Dewi Lestari", "said")],
        id="she-said-resolves-to-the-last-speaker"),
    pytest.param(
        'Governor Andi Rahman said: "Every family will get clean water by June."',
        [("direct", "Every family will get clean water by June.", "Andi Rahman", "said")],
        id="colon-before-quote"),
    pytest.param(
        '"The talks were useful," said Laila Haddad, an envoy of the Arab League. '
        '"But a ceasefire is still far away."',
        [("direct", "The talks were useful", "Laila Haddad", "said"),
         ("direct", "But a ceasefire is still far away.", "Laila Haddad", None)],
        id="second-quote-in-the-paragraph-goes-on"),
    pytest.param(
        "Tomas Berg opened the hearing at noon.\n\n"
        '"The evidence is clear and it is overwhelming," he added.',
        [("direct", "The evidence is clear and it is overwhelming", "Tomas Berg", "added")],
        id="he-added-after-a-sentence-about-him"),
    # --- reported speech --------------------------------------------------------------------
    pytest.param(
        "Finance Minister Ratna Dewi said on Monday that the deficit would stay below 3 percent.",
        [("reported", "the deficit would stay below 3 percent", "Ratna Dewi", "said")],
        id="said-adverbial-that"),
    pytest.param(
        "The port will reopen next week, Transport Minister Adi Nugroho said on Tuesday.",
        [("reported", "The port will reopen next week", "Adi Nugroho", "said")],
        id="clause-first-then-speaker-said"),
    pytest.param(
        "According to police spokesman Budi Hartono, three suspects were arrested at the scene.",
        [("reported", "three suspects were arrested at the scene", "Budi Hartono", "According to")],
        id="according-to-first"),
    pytest.param(
        "According to the Central Statistics Agency, rice prices fell for a third month.",
        [("reported", "rice prices fell for a third month", "Central Statistics Agency", "According to")],
        id="according-to-the-organisation"),
    pytest.param(
        "Rachel Kim, an analyst at Jakarta Capital, said prices could fall again.",
        [("reported", "prices could fall again", "Rachel Kim", "said")],
        id="apposition-between-name-and-verb"),
    pytest.param(
        "Yusuf Kalla added that the bank was ready to act. He also said rates could rise.",
        [("reported", "the bank was ready to act", "Yusuf Kalla", "added"),
         ("reported", "rates could rise", "Yusuf Kalla", "said")],
        id="he-also-said"),
    # --- not statements ---------------------------------------------------------------------
    pytest.param('The film "Sang Pemimpi" drew large crowds in Belitung.', [], id="film-title"),
    pytest.param(
        'Residents called the new bridge a "miracle" after years of waiting.', [], id="scare-quote"),
    pytest.param(
        'Fans chanted "Garuda" as the team walked onto the pitch.', [], id="slogan-in-a-sentence"),
    pytest.param(
        "The ministry opened a new office in Makassar on Tuesday.", [], id="no-speech"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_english_quote_patterns(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, statement, speaker",
    [
        (("KYIV, July 13 (ANTARA) - The border crossing will reopen on Monday, "
          "Interior Minister Olena Kovalenko said."),
         "The border crossing will reopen on Monday", "Olena Kovalenko"),
        (("JAKARTA, KOMPAS.com - Harga beras di pasar tradisional mulai turun pekan ini, "
          "kata Kepala Dinas Perdagangan Rina Wulandari, Senin."),
         "Harga beras di pasar tradisional mulai turun pekan ini", "Rina Wulandari"),
    ],
    ids=["english-wire", "indonesian-portal"],
)
def test_a_dateline_is_not_part_of_a_statement_that_opens_the_story(text, statement, speaker):
    """The layout says where the dateline ends; the statement starts after it."""
    document = read_text(("A headline for the test story\n\nBy Test Writer\n\n" + text + "\n").encode(), source="t.txt")
    assert document.meta.dateline_end is not None
    [record] = find_quotes(document.text, document.blocks, dateline_end=document.meta.dateline_end)
    assert (record.text, record.speaker_text) == (statement, speaker)
