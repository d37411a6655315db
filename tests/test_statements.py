"""Quote records -> statements: speaker entities, about, date and place of saying."""

from __future__ import annotations

import pytest

from kg.model import Entity, Mention, Name, Role
from kg.nlp.quotes import find_quotes
from kg.nlp.statements import build_statements, parse_date


def entity(key, etype, name, text, *forms, roles=(), alternate=()):
    """An entity with one mention per occurrence of each surface form in ``text``."""
    mentions = []
    for form in (name, *forms):
        start = text.find(form)
        while start != -1:
            mentions.append(Mention(start, start + len(form), form))
            start = text.find(form, start + 1)
    return Entity(key=key, type=etype, name=name, alternate_names=tuple(alternate) + tuple(forms),
                  roles=tuple(roles), mentions=tuple(mentions))


class Recorder:
    """An add_speaker that records what it was asked to create."""

    def __init__(self):
        self.calls: list[tuple[Name, str]] = []

    def __call__(self, name: Name, etype: str) -> str:
        self.calls.append((name, etype))
        return f"new{len(self.calls)}"


def mentions_of(entities):
    labels = {"Person": "PER", "Organization": "ORG", "Place": "LOC"}
    return [(m.start, m.end, labels[e.type]) for e in entities for m in e.mentions]


def run(text, entities, **kw):
    add = Recorder()
    records = find_quotes(text, (), mentions_of(entities))
    return build_statements(text, records, entities, add, **kw), add


def test_pronoun_speaker_links_to_the_named_person():
    text = ("Kepala Staf Kepresidenan Nadia Pratiwi menemui wartawan di Istana.\n\n"
            "”Kami akan mengirim bantuan ke Maluku,” kata Nadia Pratiwi.\n\n"
            "”Pengiriman dimulai Senin,” sambungnya.\n\n"
            "Dia menambahkan bantuan itu berupa obat-obatan dan tenda.")
    nadia = entity("nadia", "Person", "Nadia Pratiwi", text)
    maluku = entity("maluku", "Place", "Maluku", text)
    statements, add = run(text, [nadia, maluku])
    assert [(s.mode, s.speaker) for s in statements] == [("direct", "nadia")] * 2 + [("reported", "nadia")]
    assert statements[0].about == ("maluku",)
    assert [s.cue for s in statements] == ["kata", "sambungnya", "menambahkan"]
    assert add.calls == []


def test_surname_and_title_only_speakers_find_their_entity():
    text = ("Presiden Hartono Wibisono membuka rapat kabinet.\n\n"
            "”Anggaran harus tepat sasaran,” kata Presiden.\n\n"
            "”Tidak boleh ada yang terlambat,” ujar Wibisono.")
    hartono = entity("hartono", "Person", "Hartono Wibisono", text, roles=[Role("Presiden")])
    # the speaker spans are found from the text alone, without the recognizer's mentions
    records = find_quotes(text, ())
    add = Recorder()
    statements = build_statements(text, records, [hartono], add)
    assert [s.speaker for s in statements] == ["hartono", "hartono"]
    assert add.calls == []


def test_title_and_given_name_find_the_full_name():
    text = ("Menteri Luar Negeri Retno Marsudi tiba di Tokyo.\n\n"
            "”Kami membahas perdagangan dan iklim,” kata Menlu Retno.")
    retno = Entity(key="retno", type="Person", name="Retno Marsudi",
                   mentions=(Mention(text.index("Retno"), text.index("Retno") + 13, "Retno Marsudi"),))
    add = Recorder()
    [s] = build_statements(text, find_quotes(text, ()), [retno], add)
    assert s.speaker == "retno" and add.calls == []


@pytest.mark.parametrize("others, expected", [
    (["Bayu Aji Nugroho"], "full"),
    (["Bayu Aji Nugroho", "Bayu Pratama"], "short"),  # two candidates: keep what the text says
    ([], "short"),
])
def test_one_word_speaker_entity_prefers_the_one_fuller_name(others, expected):
    text = "Pengurus koperasi hadir.\n\n”Kami butuh modal tambahan,” kata Bayu."
    at = text.index("Bayu")
    short = Entity(key="short", type="Person", name="Bayu", mentions=(Mention(at, at + 4, "Bayu"),))
    fulls = [Entity(key="full" if i == 0 else f"other{i}", type="Person", name=n) for i, n in enumerate(others)]
    [s] = build_statements(text, find_quotes(text, (), [(at, at + 4, "PER")]), [short, *fulls], Recorder())
    assert s.speaker == expected


@pytest.mark.parametrize("short_type, short_name, others, expected", [
    ("Organization", "Bayu", ["Bayu Aji Nugroho"], "full"),  # a lone surname the recognizer called an organisation
    ("Person", "Bayu Aji", ["Bayu Aji Nugroho"], "full"),  # two of three words
    ("Person", "Bayu Aji", ["Aji Bayu Nugroho"], "short"),  # the words, but not in that order
    ("Organization", "Bank Bayu", ["Bayu Aji Nugroho"], "short"),  # a longer organisation name stays itself
    ("Person", "Bayu Aji Nugroho", ["Bayu Aji Nugroho Putra"], "short"),  # a full name stays itself
    ("Person", "Bayu Sinaga", ["Bayu Aji"], "short"),  # "Bayu" is one of this person's names, not a part
])
def test_short_speaker_names_find_the_one_person_whose_name_holds_them(short_type, short_name, others, expected):
    text = f"Pengurus koperasi hadir.\n\n”Kami butuh modal tambahan,” kata {short_name}."
    at = text.index(short_name)
    short = Entity(key="short", type=short_type, name=short_name, alternate_names=tuple(short_name.split()[:1]),
                   mentions=(Mention(at, at + len(short_name), short_name),))
    fulls = [Entity(key="full" if i == 0 else f"other{i}", type="Person", name=n) for i, n in enumerate(others)]
    label = "PER" if short_type == "Person" else "ORG"
    records = find_quotes(text, (), [(at, at + len(short_name), label)])
    [s] = build_statements(text, records, [short, *fulls], Recorder())
    assert s.speaker == expected


@pytest.mark.parametrize("text, etype", [
    ("”Harga tiket naik mulai bulan depan,” kata Slamet Riyadi.", "Person"),
    ("”Harga tiket naik mulai bulan depan,” kata Kapolda.", "Person"),
    ("Kementerian Perhubungan menyatakan harga tiket naik mulai bulan depan.", "Organization"),
])
def test_unknown_speaker_is_created_once_with_its_type(text, etype):
    records = find_quotes(text, ())
    add = Recorder()
    statements = build_statements(text, records, [], add)
    assert [s.speaker for s in statements] == ["new1"]
    [(name, got_type)] = add.calls
    assert got_type == etype
    assert text[name.start:name.end] == name.text


def test_same_unknown_speaker_is_not_created_twice():
    text = "”Satu hal dulu,” kata Kapolda.\n\n”Lalu hal kedua,” kata Kapolda."
    statements, add = run(text, [])
    assert [s.speaker for s in statements] == ["new1", "new1"]
    assert len(add.calls) == 1


def test_hal_itu_sentence_gives_date_and_place_to_the_statement_before():
    text = ("Sebelumnya, Menteri Luar Negeri Dewi Anggraini mengungkapkan jika pemerintah siap menjadi "
            "penengah. Hal itu diungkapkan oleh Dewi saat bertemu para duta besar di kota Surabaya, "
            "Jawa Timur pada Sabtu (29/7/2023).")
    dewi = entity("dewi", "Person", "Dewi Anggraini", text, "Dewi")
    surabaya = entity("sby", "Place", "Surabaya", text)
    statements, _ = run(text, [dewi, surabaya])
    [s] = statements
    assert (s.mode, s.speaker, s.text) == ("reported", "dewi", "pemerintah siap menjadi penengah")
    assert (s.date_created, s.location) == ("2023-07-29", "sby")


def test_dates_inside_the_statement_are_not_when_it_was_said():
    text = "Ketua KPU Arman Siregar mengatakan pemungutan suara digelar Rabu (14/2/2024) di Medan."
    arman = entity("arman", "Person", "Arman Siregar", text)
    medan = entity("medan", "Place", "Medan", text)
    [s], _ = run(text, [arman, medan])
    assert s.date_created is None and s.location is None
    assert s.about == ("medan",)


def test_date_without_year_needs_a_default_year():
    text = "”Semua siap,” kata Lukas Tanjung di Denpasar, Senin (3/6)."
    lukas = entity("lukas", "Person", "Lukas Tanjung", text)
    bali = entity("dps", "Place", "Denpasar", text)
    [s], _ = run(text, [lukas, bali])
    assert (s.date_created, s.location) == (None, "dps")
    [s], _ = run(text, [lukas, bali], default_year=2024)
    assert s.date_created == "2024-06-03"


@pytest.mark.parametrize("text, default_year, expected", [
    ("Sabtu (29/7/2023)", None, "2023-07-29"),
    ("Jumat (10/04/20)", None, "2020-04-10"),
    ("pada 5 Januari 2021", None, "2021-01-05"),
    ("pada 17 Agustus", 2022, "2022-08-17"),
    ("Senin (3/6)", None, None),
    ("(13/13/2020)", None, None),
    ("pukul 10.00 WIB", None, None),
])
def test_parse_date(text, default_year, expected):
    assert parse_date(text, default_year) == expected


def test_statement_without_any_speaker_has_none():
    text = "Pembukaan berita tanpa nama.\n\n”Semua warga harus mengungsi sekarang juga.”"
    statements, add = run(text, [])
    assert [(s.mode, s.speaker) for s in statements] == [("direct", None)]
    assert add.calls == []


def test_a_group_named_by_a_title_list_word_speaks_for_no_one_person():
    """"Warga menyebut ...": residents are no one's name, so the statement has no speaker (the
    graph counts it as unattributed); an office alone ("Kapolda") still makes its holder."""
    text = "Banjir merendam perumahan sejak Senin.\n\nWarga menyebut air mulai naik sejak sore karena hujan deras."
    statements, add = run(text, [])
    assert [(s.text, s.speaker) for s in statements] == [("air mulai naik sejak sore karena hujan deras", None)]
    assert add.calls == []
