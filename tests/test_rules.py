"""The entity rules component: people after titles and cues, organisations and places after cue
words, titles trimmed out of names, junk removed, roles recorded on the Doc."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.nlp.gazetteer import GazetteerComponent
from kg.nlp.rules import EntityRules, RoleSpan, _Run, abbreviates, fold_name, load_lexicon, register_extensions

GAZETTEER = [
    {"id": "Q159", "type": "Place", "name": "Rusia", "names": ["Rusia", "Russia"], "wikidata": "Q159",
     "extra_types": ["Country"]},
    {"id": "Q7747", "type": "Person", "name": "Vladimir Putin", "names": ["Vladimir Putin", "Putin"],
     "wikidata": "Q7747"},
    {"id": "Q3724", "type": "Place", "name": "Jawa Barat", "names": ["Jawa Barat"], "wikidata": "Q3724"},
    {"id": "Q1", "type": "Place", "name": "Jakarta Barat", "names": ["Jakarta Barat"], "wikidata": "Q1"},
    {"id": "Q212", "type": "Place", "name": "Ukraina", "names": ["Ukraina", "Ukraine"], "wikidata": "Q212"},
]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("id")


@pytest.fixture(scope="module")
def english():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def nlp(tmp_path_factory, blank):
    path = tmp_path_factory.mktemp("gaz") / "g.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in GAZETTEER), encoding="utf-8")
    pipeline = blank
    gazetteer = GazetteerComponent(pipeline, path=str(path))
    rules = EntityRules(pipeline)
    return lambda text: rules(gazetteer(pipeline(text)))


def ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def roles(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [
        (doc.text[r.title_start:r.title_end], doc.text[r.person_start:r.person_end],
         doc.text[r.of_start:r.of_end] if r.of_start is not None else None)
        for r in doc._.kg_roles
    ]


@pytest.mark.parametrize(
    "text, person, role",
    [
        ("Presiden Rusia Vladimir Putin menerima tamu di istana.", "Vladimir Putin", ("Presiden Rusia", "Rusia")),
        ("Menlu Retno Marsudi menghadiri pertemuan itu.", "Retno Marsudi", ("Menlu", None)),
        ("Kapolres Jakarta Barat Kombes Pol Andi Sutrisno memimpin apel pagi.", "Andi Sutrisno",
         ("Kapolres Jakarta Barat", "Jakarta Barat")),
        ("Bupati Grobogan Sri Sumarni meninjau banjir.", "Sri Sumarni", ("Bupati Grobogan", "Grobogan")),
        ("Kepala Badan Ketahanan Pangan Wisnu Prabowo menyebut stok beras aman.", "Wisnu Prabowo",
         ("Kepala Badan Ketahanan Pangan", "Badan Ketahanan Pangan")),
        ("Direktur Utama PT Sinar Laut (Persero) Maria Ulfah menuturkan rencana itu.", "Maria Ulfah",
         ("Direktur Utama PT Sinar Laut (Persero)", "PT Sinar Laut (Persero)")),
        ("Wali Kota Tangerang Selatan Rina Kartika meresmikan taman.", "Rina Kartika",
         ("Wali Kota Tangerang Selatan", "Tangerang Selatan")),
        ("Ketua Paguyuban Nelayan Pesisir (Panel) Darmaji Sulistyo mengeluhkan harga solar.", "Darmaji Sulistyo",
         ("Ketua Paguyuban Nelayan Pesisir (Panel)", "Paguyuban Nelayan Pesisir")),
        ("kata pengamat politik Arif Santosa kepada wartawan.", "Arif Santosa", ("pengamat politik", None)),
        ("Anggota Komisi Pemilihan, Dedi Kurnia, mengatakan tahapan berjalan.", "Dedi Kurnia",
         ("Anggota Komisi Pemilihan", "Komisi Pemilihan")),
        ("Direktur Reserse Polda Metro Jaya Komisaris Besar Yoga Pratama mengatakan hal itu.", "Yoga Pratama",
         ("Direktur Reserse Polda Metro Jaya", "Polda Metro Jaya")),
        ("Ketua Gerai Rakyat Lestari Wulan Sari membuka rapat. Menurut Wulan, harga pupuk naik.", "Wulan Sari",
         ("Ketua Gerai Rakyat Lestari", None)),
        ("Wakil Gubernur Sulbar Andi Mappa Lolo tiba. Mappa disambut warga.", "Andi Mappa Lolo",
         ("Wakil Gubernur Sulbar", "Sulbar")),
        ("Penjabat Sementara (Pjs) Bupati Wonoasri Hartono Wibisono membuka pasar.", "Hartono Wibisono",
         ("Penjabat Sementara (Pjs) Bupati Wonoasri", "Wonoasri")),
    ],
)
def test_a_title_gives_the_person_and_the_role(nlp, text, person, role):
    doc = nlp(text)
    assert (person, "PER") in ents(doc)
    title, of = role
    assert (title, person, of) in roles(doc)


@pytest.mark.parametrize(
    "text, person, title, of",
    [
        ('"Kami siap," kata Oleksiy Hrytsenko, Kepala Staf Angkatan Darat Ukraina.', "Oleksiy Hrytsenko",
         "Kepala Staf Angkatan Darat Ukraina", "Ukraina"),
        ("Andi Wijaya, Kepala Dinas Pendidikan Jawa Barat, meninjau sekolah itu.", "Andi Wijaya",
         "Kepala Dinas Pendidikan Jawa Barat", "Dinas Pendidikan Jawa Barat"),
        ('"Air sudah surut," ujar Wahyu Prakoso, Kepala Dusun Mekarsari, Kelurahan Sukamaju.', "Wahyu Prakoso",
         "Kepala Dusun Mekarsari, Kelurahan Sukamaju", "Mekarsari"),
    ],
)
def test_an_apposition_gives_the_role_of_the_name_before_it(nlp, text, person, title, of):
    doc = nlp(text)
    assert (person, "PER") in ents(doc)
    assert (title, person, of) in roles(doc)


@pytest.mark.parametrize(
    "text, person",
    [
        ('"Kami siap membantu," ujar Siti Rahmawati.', "Siti Rahmawati"),
        ("Bambang Irawan juga mengatakan bahwa jalan itu rusak.", "Bambang Irawan"),
        ("Menurut Yohanes Lado, panen tahun ini gagal.", "Yohanes Lado"),
    ],
)
def test_reporting_cues_mark_people(nlp, text, person):
    assert (person, "PER") in ents(nlp(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mahasiswa Universitas Gadjah Mada berunjuk rasa di depan kantor Polres Sleman.",
         [("Universitas Gadjah Mada", "ORG"), ("Polres Sleman", "ORG")]),
        ("Kementerian Luar Negeri memanggil duta besar itu.", [("Kementerian Luar Negeri", "ORG")]),
        ("Banjir melanda Kabupaten Demak dan Kota Semarang sejak Selasa.",
         [("Kabupaten Demak", "LOC"), ("Kota Semarang", "LOC")]),
        ("Kader Partai Demokrat berkumpul.", [("Partai Demokrat", "ORG")]),
        ("Banjir Rendam Kota Medan, Warga Mengungsi ke Masjid", [("Kota Medan", "LOC")]),
        ("Badan Riset dan Inovasi Nasional membuka lowongan.", [("Badan Riset dan Inovasi Nasional", "ORG")]),
    ],
)
def test_cue_words_mark_organisations_and_places(nlp, text, expected):
    assert ents(nlp(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Presiden mengatakan hal itu di istana.",
        "Kepala sekolah itu pulang lebih awal.",
        "Namun pada Februari lalu rapat digelar setiap Senin pagi.",
        "Menteri Baru Tak Akan Datang ke Acara Itu",
        "Dia juga mengatakan bahwa harga naik.",
    ],
)
def test_no_person_without_a_name(nlp, text):
    assert [e for e in nlp(text).ents if e.label_ == "PER"] == []


def test_a_later_surname_alone_is_tagged_as_the_same_person(nlp):
    doc = nlp("Menlu Retno Marsudi tiba pagi ini. Setelah rapat, Marsudi langsung kembali ke kantor.")
    assert ents(doc) == [("Retno Marsudi", "PER"), ("Marsudi", "PER")]


def test_titles_and_honorifics_are_trimmed_from_other_components_person_spans(blank):
    rules = EntityRules(blank)
    doc = blank("Kemarin Presiden Joko Widodo dan Ibu Iriana tiba, kata Dr. Hasan Basri.")
    # what a statistical recognizer might have produced
    doc.ents = [Span(doc, 1, 4, label="PER"), Span(doc, 5, 7, label="PER"), Span(doc, 10, 13, label="PER")]
    doc = rules(doc)
    assert ents(doc) == [("Joko Widodo", "PER"), ("Iriana", "PER"), ("Hasan Basri", "PER")]
    assert roles(doc) == [("Presiden", "Joko Widodo", None)]
    assert [doc.text[f.start:f.end] for f in doc._.kg_name_forms] == ["Ibu Iriana", "Dr. Hasan Basri"]


@pytest.mark.parametrize(
    "text, start, end, label",
    [
        ("Baca juga berita lainnya.", 0, 1, "ORG"),
        ("Sidang ditunda hingga Februari mendatang.", 3, 4, "PER"),
        ("Pada Sabtu pagi warga berkumpul.", 1, 2, "LOC"),
        ("Namun warga menolak.", 0, 1, "PER"),
        ("Sosial media ramai.", 0, 1, "ORG"),
        ("”Semoga jembatan ini segera dipakai warga,” katanya.", 1, 2, "LOC"),
        ("”Mohon warga bersabar,” katanya.", 1, 2, "PER"),
        ("Pemerintah memperpanjang PSBB hingga akhir bulan.", 2, 3, "ORG"),
        ("Warga berstatus OTG diminta isolasi mandiri.", 2, 3, "ORG"),
    ],
)
def test_junk_spans_from_other_components_are_removed(blank, text, start, end, label):
    doc = blank(text)
    doc.ents = [Span(doc, start, end, label=label)]
    assert EntityRules(blank)(doc).ents == ()


def test_gazetteer_spans_are_kept_and_spans_the_rules_made_are_marked(nlp):
    text = "Presiden Rusia Vladimir Putin bertemu Menlu Retno Marsudi."
    doc = nlp(text)
    assert [(e.text, e.kb_id_) for e in doc.ents] == [
        ("Rusia", "Q159"), ("Vladimir Putin", "Q7747"), ("Retno Marsudi", "")]
    start = text.index("Retno")
    assert doc._.kg_sources == {(start, start + len("Retno Marsudi")): "rules"}


def test_role_spans_are_character_offsets(blank):
    text = "Gubernur Maluku Utara Abdul Gani Kasuba hadir."
    doc = EntityRules(blank)(blank(text))
    person = text.index("Abdul")
    assert doc._.kg_roles == [RoleSpan(0, person - 1, person, text.index(" hadir"), len("Gubernur "), person - 1)]


def test_extensions_register_once():
    register_extensions()
    register_extensions()
    assert Doc.has_extension("kg_roles") and Doc.has_extension("kg_name_forms")


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Zelensky", "Zelenskiy", True),
        ("Volodymyr Zelenskyy", "VOLODYMYR ZELENSKY", True),
        ("Andriy", "Andrii", True),
        ("St. Petersburg", "St Petersburg", True),
        ("Budi Santoso", "Budi Santosa", False),
    ],
)
def test_fold_name(a, b, same):
    assert (fold_name(a) == fold_name(b)) is same


def test_a_first_name_before_a_known_surname_joins_it_across_a_no_break_space(nlp):
    doc = nlp("Presiden Rusia Vladimir\xa0Putin tiba di bandara.")
    assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "PER"] == [("Vladimir\xa0Putin", "Q7747")]
    assert roles(doc) == [("Presiden Rusia", "Vladimir\xa0Putin", "Rusia")]


def test_a_speaker_a_recognizer_took_for_a_place_becomes_a_person(blank):
    doc = blank("Menurut Perry, inflasi terkendali.")
    doc.ents = [Span(doc, 1, 2, label="LOC")]
    assert ents(EntityRules(blank)(doc)) == [("Perry", "PER")]


@pytest.mark.parametrize(
    "text, start, end, label, person",
    [
        ("Kepala Desa Karangjati Sakimin mengatakan hal itu.", 2, 4, "LOC", "Sakimin"),
        ("Kepala Pusat Data Kementerian Dalam Negeri Burhan mengatakan itu.", 1, 7, "ORG", "Burhan"),
    ],
)
def test_a_span_a_recognizer_ran_into_the_name_after_a_title_is_read_again(blank, text, start, end, label, person):
    doc = blank(text)
    doc.ents = [Span(doc, start, end, label=label)]
    assert (person, "PER") in ents(EntityRules(blank)(doc))


def test_a_recognizer_span_after_a_title_that_ends_in_a_common_word_is_kept(blank):
    doc = blank("Kepala Badan Ketahanan Pangan Wisnu Prabowo hadir.")
    doc.ents = [Span(doc, 1, 4, label="ORG")]
    assert ents(EntityRules(blank)(doc)) == [("Badan Ketahanan Pangan", "ORG"), ("Wisnu Prabowo", "PER")]


# The first name as the recognizer left it: taken for a place, or a person on its own.
@pytest.mark.parametrize("first_name_label", ["LOC", "PER"])
def test_a_first_name_joins_the_known_surname_across_a_no_break_space(nlp, blank, first_name_label):
    doc = blank("Presiden Rusia Vladimir\xa0Putin tiba.")
    doc.ents = [Span(doc, 1, 2, label="LOC", kb_id="Q159"), Span(doc, 2, 3, label=first_name_label),
                Span(doc, 4, 5, label="PER", kb_id="Q7747")]
    doc = EntityRules(blank)(doc)
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("Rusia", "LOC", "Q159"), ("Vladimir\xa0Putin", "PER", "Q7747")]
    assert roles(doc) == [("Presiden Rusia", "Vladimir\xa0Putin", "Rusia")]


def test_a_plain_space_does_not_bind_a_name_to_a_known_person(blank):
    doc = blank("Menurut Rahmat Putin tiba kemarin.")
    doc.ents = [Span(doc, 1, 2, label="PER"), Span(doc, 2, 3, label="PER", kb_id="Q7747")]
    assert [(e.text, e.kb_id_) for e in EntityRules(blank)(doc).ents if e.label_ == "PER"] == [
        ("Rahmat", ""), ("Putin", "Q7747")]


def test_spaces_at_the_edges_of_a_recognizer_span_are_trimmed(blank):
    doc = blank("Penulis: Rahmat Hidayat\n\nEditor: Sinta")
    doc.ents = [Span(doc, 2, 5, label="PER")]
    assert ents(EntityRules(blank)(doc)) == [("Rahmat Hidayat", "PER")]


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Warga Bantaran Kali Berbenah Usai Banjir Besar\n\nWarga mulai membersihkan rumah.", False),
        ("Warga Bantaran Kali Berbenah Usai Banjir Besar\nfoto: Warga Bantaran Kali Berbenah Usai Banjir Besar",
         False),
        ("Berbenah Usai Banjir, Warga Bantaran Kali Kerja Bakti\n\nKegiatan Berbenah digelar rutin.", True),
    ],
)
def test_a_headline_word_the_story_never_repeats_is_dropped(blank, text, kept):
    doc = blank(text)
    start = next(t.i for t in doc if t.text == "Berbenah")
    doc.ents = [Span(doc, start, start + 1, label="LOC")]
    assert (("Berbenah", "LOC") in ents(EntityRules(blank)(doc))) is kept


@pytest.mark.parametrize(
    "text, start, end, label, expected",
    [
        # an office the recognizer ran on into the person's name, after a long title
        ("Direktur Jenderal Perlindungan Sosial Kementerian Koperasi Larasati Dewi Anggraini menyatakan hal itu.",
         4, 9, "ORG", [("Kementerian Koperasi", "ORG"), ("Larasati Dewi Anggraini", "PER")]),
        ("Direktur Keuangan Bank Sentosa Gilang Ramadhan menuturkan hal itu.",
         2, 6, "ORG", [("Bank Sentosa", "ORG"), ("Gilang Ramadhan", "PER")]),
        # ... also when the title's own office, read from its cue word, runs up to that span
        ("Kepala Badan Riset Pangan Kementerian Pertanian Sutrisno Adi menambahkan, benih baru siap.",
         4, 8, "ORG", [("Badan Riset Pangan", "ORG"), ("Kementerian Pertanian", "ORG"), ("Sutrisno Adi", "PER")]),
        # a name the gazetteer knows is left whole
        ("Direktur Keuangan Bank Sentosa Gilang Ramadhan menuturkan hal itu.",
         2, 6, "ORG:Q9", [("Bank Sentosa Gilang Ramadhan", "ORG")]),
        # the span ends in a common word: no name inside it
        ("Direktur Keuangan Bank Sentosa Pertanian menuturkan hal itu.",
         2, 5, "ORG", [("Bank Sentosa Pertanian", "ORG")]),
    ],
)
def test_an_office_span_that_swallowed_the_name_after_a_title_is_split(blank, text, start, end, label, expected):
    doc = blank(text)
    label, _, kb_id = label.partition(":")
    doc.ents = [Span(doc, start, end, label=label, kb_id=kb_id)]
    assert ents(EntityRules(blank)(doc)) == expected


@pytest.mark.parametrize(
    "text, start, end, person",
    [
        ("General Manager PT Cendana Wulan Sari menuturkan, tamu diperiksa.", 0, 6, "Wulan Sari"),
        ("Sosiolog Bagus Hariyanto berpendapat, mudik sulit diubah.", 0, 3, "Bagus Hariyanto"),
    ],
)
def test_a_recognizer_span_that_opens_with_a_role_is_read_as_a_title(blank, text, start, end, person):
    doc = blank(text)
    doc.ents = [Span(doc, start, end, label="ORG")]
    out = ents(EntityRules(blank)(doc))
    assert (person, "PER") in out
    assert not any(t.startswith(("General", "Sosiolog")) for t, _ in out)


@pytest.mark.parametrize(
    "text, start, end, label, expected",
    [
        # the article calls her "Rina" alone: the office and the name come apart
        ("Kepala Puskesmas Melati Rina mengatakan stok vaksin cukup. Menurut Rina, antrean tertib.",
         1, 4, "ORG", [("Puskesmas Melati", "ORG"), ("Rina", "PER"), ("Rina", "PER")]),
        ("Pendiri Sentosa Jaya Dewi Anggraini hadir. Menurut Dewi, usaha itu tumbuh.",
         1, 5, "PER", [("Sentosa Jaya", "ORG"), ("Dewi Anggraini", "PER"), ("Dewi", "PER")]),
        # a word the article uses as a place ("di Wonosari") is the office's, not a first name
        ("Sekretariat Daerah Wonosari mengumumkan jadwal. Acara digelar di Wonosari.",
         0, 3, "ORG", [("Sekretariat Daerah Wonosari", "ORG")]),
        # a person's own name stays whole though the article uses one of its words alone
        ("Joko Widodo tiba di Solo. Menurut Widodo, acara lancar.",
         0, 2, "PER", [("Joko Widodo", "PER"), ("Solo", "LOC"), ("Widodo", "PER")]),
        # one word before the name, which the article also writes on its own: the office's name
        ("Aplikasi Lumbung sempat tak bisa diakses. Pendiri Lumbung Sekar Ayu Lestari mengatakan, "
         "server dipindah. Menurut Sekar, layanan pulih besok.",
         8, 12, "PER", [("Lumbung", "ORG"), ("Sekar Ayu Lestari", "PER"), ("Sekar", "PER")]),
        # ... but a first name that only starts other people's names stays with the person's
        ("Menteri Desa Muhammad Rizal Hakim mengatakan, dana desa cair. Menurut Rizal, "
         "laporan diperiksa. Muhammad Ali juga hadir.",
         2, 5, "PER", [("Muhammad Rizal Hakim", "PER"), ("Rizal", "PER")]),
    ],
)
def test_a_span_is_split_where_a_name_the_article_uses_alone_starts(blank, text, start, end, label, expected):
    doc = blank(text)
    doc.ents = [Span(doc, start, end, label=label)]
    out = ents(EntityRules(blank)(doc))
    assert [e for e in out if e[1] in ("ORG", "PER")] == [e for e in expected if e[1] in ("ORG", "PER")]


@pytest.mark.parametrize(
    "text, start, end, person",
    [
        ("”Kami terus melacak kontak,” ujar juru bicara Gugus Tugas Siaga Kabupaten Sukamaju, "
         "Bambang Hermawan, kemarin.", 10, 13, "Bambang Hermawan"),
        ("Dekan Fakultas Teknik Universitas Cendana Maria Lestari hadir.", 3, 7, "Maria Lestari"),
    ],
)
def test_a_person_span_that_opens_with_an_office_cue_is_no_person(blank, text, start, end, person):
    doc = blank(text)
    doc.ents = [Span(doc, start, end, label="PER")]
    out = ents(EntityRules(blank)(doc))
    assert (person, "PER") in out
    assert not any(label == "PER" and t.startswith(("Gugus", "Universitas")) for t, label in out)


@pytest.mark.parametrize(
    "text, start, kept",
    [
        # the article also writes "berkebun" in lower case: the sentence-initial word is no name
        ("Warga senang berkebun. Berkebun membuat mereka sehat.", 4, False),
        # a name opening a sentence, never written in lower case, stays
        ("Warga senang berkebun. Sutrisno membuat mereka sehat.", 4, True),
    ],
)
def test_a_sentence_initial_word_the_article_writes_in_lower_case_is_no_name(blank, text, start, kept):
    doc = blank(text)
    doc.ents = [Span(doc, start, start + 1, label="PER")]
    assert bool(ents(EntityRules(blank)(doc))) is kept


@pytest.mark.parametrize(
    "text, start, end, label, expected",
    [
        # "dr" is an honorific: the word after it is a person, whatever the recognizer said
        ("Hal itu disampaikan dr Wirastuti di Kendari.", 4, 5, "LOC", ("Wirastuti", "PER")),
        ("Pemeriksaan dipimpin Kombes Yusuf di lokasi.", 3, 4, "ORG", ("Yusuf", "PER")),
        # no rank or honorific before it: the label stays
        ("Hal itu disampaikan di Wirastuti kemarin.", 4, 5, "LOC", ("Wirastuti", "LOC")),
    ],
)
def test_a_word_after_a_rank_or_honorific_is_a_person(blank, text, start, end, label, expected):
    doc = blank(text)
    doc.ents = [Span(doc, start, end, label=label)]
    assert expected in ents(EntityRules(blank)(doc))


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Sumba" is a place the article names alone; the two words after it are nothing else
        ("Bantuan tiba di Provinsi Sumba kemarin. Juru Bicara Satgas Covid-19 Provinsi Sumba Reza Pahlevi mengatakan stok cukup.",
         [("Provinsi Sumba", "LOC"), ("Reza Pahlevi", "PER")]),
        # the whole name is the place: nothing to split
        ("Bantuan tiba di Kabupaten Sumba Barat Daya kemarin.", [("Kabupaten Sumba Barat Daya", "LOC")]),
    ],
)
def test_a_person_is_split_off_a_place_span_after_a_known_place(nlp, text, expected):
    out = ents(nlp(text))
    for e in expected:
        assert e in out


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        # one free word between two pieces: one person
        ("Kepala Bidang Dinas Kesehatan Sri Wahyuni Ratna Dewi Lestari menjelaskan hal itu.",
         [(4, 6), (7, 9)], [("Sri Wahyuni Ratna Dewi Lestari", "PER")]),
        # a comma between them: two people
        ("Hadir Budi Santoso, Rina Kartika dan warga.", [(1, 3), (4, 6)],
         [("Budi Santoso", "PER"), ("Rina Kartika", "PER")]),
        # two free name words between them: left apart
        ("Acara itu dihadiri oleh Budi Santoso Wakil Ketua Rina Kartika pada pagi hari.", [(4, 6), (8, 10)],
         [("Budi Santoso", "PER"), ("Rina Kartika", "PER")]),
    ],
)
def test_pieces_of_one_name_a_recognizer_cut_are_joined(blank, text, spans, expected):
    doc = blank(text)
    doc.ents = [Span(doc, a, b, label="PER") for a, b in spans]
    out = [e for e in ents(EntityRules(blank)(doc)) if e[1] == "PER"]
    assert out == expected


def test_an_office_span_after_a_role_with_a_name_after_it_is_kept(blank):
    doc = blank("Sementara itu, Direktur Koperasi Tani Makmur Sandi Oktaviano Susilo mengatakan, panen naik.")
    doc.ents = [Span(doc, 4, 7, label="ORG"), Span(doc, 8, 10, label="PER")]
    assert [e for e in ents(EntityRules(blank)(doc)) if e[1] == "PER"] == [("Sandi Oktaviano Susilo", "PER")]


def test_pieces_right_after_a_role_are_not_joined(blank):
    doc = blank("Kepala Dinkes Sukamaju Rahmat Hidayat menjelaskan hal itu.")
    doc.ents = [Span(doc, 1, 3, label="PER"), Span(doc, 3, 5, label="PER")]
    assert ("Rahmat Hidayat", "PER") in ents(EntityRules(blank)(doc))


def test_a_word_before_a_person_that_the_article_tags_alone_as_that_person_joins_the_name(blank):
    # the recognizer saw only the surname; the cue rule tags "Rendra" alone after "Menurut"
    doc = blank("Hal itu disampaikan Ketua Tim Riset Covid-19 Rendra Kusumawardana. Menurut Rendra, stok aman.")
    doc.ents = [Span(doc, 10, 11, label="PER")]
    assert [e for e in ents(EntityRules(blank)(doc)) if e[1] == "PER"] == [
        ("Rendra Kusumawardana", "PER"), ("Rendra", "PER")]


def test_pieces_right_after_a_rank_are_joined(blank):
    doc = blank("Hal itu disampaikan Kepala Polres Sukamaju Ajun Komisaris Besar FX Winarto Pamungkas kepada wartawan.")
    doc.ents = [Span(doc, 9, 10, label="PER"), Span(doc, 10, 12, label="PER")]
    out = EntityRules(blank)(doc)
    assert [e for e in ents(out) if e[1] == "PER"] == [("FX Winarto Pamungkas", "PER")]
    assert [r[:2] for r in roles(out)] == [("Kepala Polres Sukamaju", "FX Winarto Pamungkas")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Perum Damri menambah armada. Menurut pengelola, stok tiket Damri masih ada.", ("Damri", "ORG")),
        # followed by another capitalised word: part of a longer name, left alone
        ("PT Sentosa menambah armada. Kapal Sentosa Jaya berlayar.", None),
    ],
)
def test_a_company_named_without_its_legal_form_is_the_same_organisation(blank, text, expected):
    doc = blank(text)
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    out = ents(EntityRules(blank)(doc))
    if expected is None:
        assert not any(t == "Sentosa" for t, _ in out)
    else:
        assert expected in out


@pytest.mark.parametrize(
    "text, office_span, person, role",
    [
        ("Budi Santoso, Kepala Dinas Pendidikan Kota Palu, meninjau sekolah.", (3, 6),
         "Budi Santoso", "Kepala Dinas Pendidikan Kota Palu"),
        ("Budi Santoso, Kepala Dinas Pendidikan Palu, meninjau sekolah.", (3, 5),
         "Budi Santoso", "Kepala Dinas Pendidikan Palu"),
    ],
)
def test_the_place_after_an_appositive_roles_office_is_no_person(blank, text, office_span, person, role):
    """'Name, Kepala Dinas X Palu,': a recognizer's office span is followed by the place, not a name."""
    doc = blank(text)
    doc.ents = [Span(doc, 0, 2, label="PER"), Span(doc, *office_span, label="ORG")]
    doc = EntityRules(blank)(doc)
    assert ("Palu", "PER") not in ents(doc)
    assert (role, person) in [(r[0], r[1]) for r in roles(doc)]


@pytest.mark.parametrize(
    "text, spans, person",
    [
        # the recognizer saw "A Rachim": the initial is no English article, and the first name joins
        ("Wakil Ketua DPRD Dedi A Prasetyo mengatakan, tes diperluas. Dedi melanjutkan, hasil keluar besok.",
         [(4, 6, "PER")], "Dedi A Prasetyo"),
        # the recognizer ran the place into the name: the initial keeps the name in one piece
        ("Wakil Bupati Sleman Danang A Maharsa mengatakan, jalan itu ditutup. Menurut Danang, perbaikan lama.",
         [(2, 6, "LOC")], "Danang A Maharsa"),
        ("Kepala Dinas Pendidikan Rudi S Hartono membuka acara itu.", [], "Rudi S Hartono"),
    ],
)
def test_a_capital_initial_inside_a_name_belongs_to_it(blank, text, spans, person):
    doc = blank(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    out = ents(EntityRules(blank)(doc))
    assert (person, "PER") in out
    assert not any(label == "PER" and text != person and text in person.split()[-1:] for text, label in out)


def test_a_sentence_opening_a_is_no_initial(blank):
    doc = blank("Kepala sekolah itu tiba. A Tribune reporter saw Rudi Hartono there.")
    doc.ents = [Span(doc, 9, 11, label="PER")]
    assert ents(EntityRules(blank)(doc)) == [("Rudi Hartono", "PER")]


def test_a_speaker_a_recognizer_took_for_a_place_after_a_title_with_its_organisation_is_a_person(blank):
    doc = blank("Ketua Umum Ikatan Petani Lestari (IPL) Wahyu Sasongko Adi mengatakan, harga pupuk naik.")
    doc.ents = [Span(doc, 2, 8, label="ORG"), Span(doc, 8, 11, label="LOC")]
    out = EntityRules(blank)(doc)
    assert ents(out) == [("Ikatan Petani Lestari (IPL)", "ORG"), ("Wahyu Sasongko Adi", "PER")]
    assert roles(out) == [("Ketua Umum Ikatan Petani Lestari (IPL)", "Wahyu Sasongko Adi",
                           "Ikatan Petani Lestari (IPL)")]


@pytest.mark.parametrize(
    "text, spans",
    [
        # a place the gazetteer linked is the office's, whatever follows it
        ("Kepala Dinas Pendidikan Jawa Barat mengatakan, sekolah dibuka.", [(1, 3, "ORG", ""), (3, 5, "LOC", "Q3724")]),
        # a place that opens with a cue word ("Kabupaten") is no name
        ("Kepala Dinas Pendidikan Kabupaten Sukamaju mengatakan, sekolah dibuka.",
         [(1, 3, "ORG", ""), (3, 5, "LOC", "")]),
    ],
)
def test_a_place_after_a_title_stays_a_place(blank, text, spans):
    doc = blank(text)
    doc.ents = [Span(doc, s, e, label=label, kb_id=kb) for s, e, label, kb in spans]
    assert not [e for e in ents(EntityRules(blank)(doc)) if e[1] == "PER"]


@pytest.mark.parametrize(
    "text, start, end, person",
    [
        # the article writes "Kampung Sawah Indah," on its own: those words are the place's
        ("Warga memadati Kampung Sawah Indah, Minggu. Ketua Kampung Sawah Indah Budi Prakoso mengatakan, "
         "acara berjalan lancar.", 10, 14, "Budi Prakoso"),
        # no such evidence: the recognizer's person span is left as it is
        ("Ketua Kampung Sawah Indah Budi Prakoso mengatakan, acara berjalan lancar.", 2, 6,
         "Sawah Indah Budi Prakoso"),
    ],
)
def test_words_a_person_span_took_from_the_place_after_a_cue_go_back_to_it(blank, text, start, end, person):
    doc = blank(text)
    doc.ents = [Span(doc, start, end, label="PER")]
    assert [e for e in ents(EntityRules(blank)(doc)) if e[1] == "PER"] == [(person, "PER")]


def test_a_name_between_commas_after_a_title_that_a_recognizer_took_for_a_place_is_a_person(blank):
    doc = blank("Kepala Dinas Kesehatan Kota Bandung, Ratna Wulandari, mengatakan vaksinasi dilanjutkan.")
    doc.ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 3, 5, label="LOC", kb_id="Q10389"),
                Span(doc, 6, 8, label="LOC")]
    out = EntityRules(blank)(doc)
    assert ("Ratna Wulandari", "PER") in ents(out)
    assert [r[:2] for r in roles(out)] == [("Kepala Dinas Kesehatan Kota Bandung", "Ratna Wulandari")]


def test_a_lone_surname_a_recognizer_took_for_a_place_is_the_person(blank):
    doc = blank("Menteri Perdagangan Larasati Wibisono hadir di pasar. Sementara itu, Wibisono menyebut harga stabil.")
    doc.ents = [Span(doc, 2, 4, label="PER"), Span(doc, 11, 12, label="LOC")]
    assert ents(EntityRules(blank)(doc)) == [("Larasati Wibisono", "PER"), ("Wibisono", "PER")]


def test_a_linked_place_that_shares_a_persons_surname_stays_a_place(blank):
    doc = blank("Menteri Perdagangan Larasati Wibisono hadir di pasar. Sementara itu, Wibisono menyebut harga stabil.")
    doc.ents = [Span(doc, 2, 4, label="PER"), Span(doc, 11, 12, label="LOC", kb_id="Q1")]
    assert ents(EntityRules(blank)(doc)) == [("Larasati Wibisono", "PER"), ("Wibisono", "LOC")]


def test_a_place_the_recognizer_ran_into_a_surname_goes_back_to_the_place_and_the_dateline_stays(blank):
    """The recognizer read "Sukamaju Wulandari" as one person; the article writes Sukamaju as a
    place and Wulandari alone. The capitalised dateline is never taken for that person."""
    doc = blank("SUKAMAJU, KOMPAS — Banjir merendam Kota Sukamaju. Kepala Dinas Sosial Sukamaju Wulandari "
                "mengatakan, bantuan tiba. Menurut Wulandari, warga aman.")
    doc.ents = [Span(doc, 0, 1, label="LOC"), Span(doc, 6, 8, label="LOC"), Span(doc, 10, 12, label="ORG"),
                Span(doc, 12, 14, label="PER"), Span(doc, 20, 21, label="PER")]
    done = EntityRules(blank)(doc)
    out = ents(done)
    assert ("SUKAMAJU", "LOC") in out
    assert [e for e in out if e[0] in ("Sukamaju", "Wulandari")] == [
        ("Sukamaju", "LOC"), ("Wulandari", "PER"), ("Wulandari", "PER")]
    # the role the title gave the whole span goes to the person, with the place in its title
    assert roles(done) == [("Kepala Dinas Sosial Sukamaju", "Wulandari", "Dinas Sosial")]


def test_a_person_span_stops_at_a_lower_case_word_that_is_no_name_particle(blank):
    doc = blank("Hasil pemeriksaan menunjukkan Bima mengidap demam berdarah sejak Senin. Ursula von der Leyen hadir.")
    doc.ents = [Span(doc, 3, 6, label="PER"), Span(doc, 10, 14, label="PER")]
    out = ents(EntityRules(blank)(doc))
    assert ("Bima", "PER") in out and ("Ursula von der Leyen", "PER") in out
    assert not any("mengidap" in text for text, _ in out)


def test_a_person_span_with_an_office_word_inside_is_no_person(blank):
    doc = blank("Direktur Jenderal Perlindungan Anak Kementerian Sosial Rini Handayani menyatakan, bantuan cair.")
    doc.ents = [Span(doc, 2, 6, label="PER"), Span(doc, 6, 8, label="PER")]
    out = ents(EntityRules(blank)(doc))
    assert [e for e in out if e[1] == "PER"] == [("Rini Handayani", "PER")]
    assert ("Kementerian Sosial", "ORG") in out


def test_a_first_name_the_rules_cut_off_joins_the_surname_when_the_article_uses_it_alone(blank):
    doc = blank("Nelayan di Tegal resah. Ketua Paguyuban Nelayan Tegal Surya Abdullah mengemukakan, harga solar "
                "naik. Stok menipis, tutur Surya.")
    doc.ents = [Span(doc, 8, 10, label="LOC"), Span(doc, 10, 11, label="PER")]
    out = EntityRules(blank)(doc)
    assert [e for e in ents(out) if e[1] == "PER"] == [("Surya Abdullah", "PER"), ("Surya", "PER")]
    assert [r[:2] for r in roles(out)] == [("Ketua Paguyuban Nelayan Tegal", "Surya Abdullah")]


def test_a_word_an_organisations_name_goes_on_after_is_no_person(blank):
    doc = blank("Direktur Institute for Development of Trade and Finance (IDTF) Rina Kartika menilai, "
                "ekonomi pesisir tumbuh.")
    doc.ents = [Span(doc, 11, 13, label="PER")]
    out = ents(EntityRules(blank)(doc))
    assert [e for e in out if e[1] == "PER"] == [("Rina Kartika", "PER")]


@pytest.mark.parametrize(
    "text, spans",
    [
        # a recognizer's person span
        ("Relawan dari Coastal Rescue Committee tiba di lokasi banjir.", [(2, 5, "PER")]),
        # the run of name words the title rule reads after "Ketua"
        ("Pada hari Rabu, Ketua Coastal Rescue Committee (CRC-Indonesia) meninjau lokasi banjir.", []),
    ],
)
def test_a_name_that_ends_in_an_english_organisation_head_is_an_organisation(blank, text, spans):
    doc = blank(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    assert ents(EntityRules(blank)(doc)) == [("Coastal Rescue Committee", "ORG")]


def spans_at(doc: Doc, *words: tuple[str, str]) -> list[Span]:
    """Spans over the first occurrence of each (phrase, label), as a recognizer would set them."""
    out = []
    for phrase, label in words:
        n = len(phrase.split())
        start = next(i for i in range(len(doc)) if doc[i:i + n].text == phrase)
        out.append(Span(doc, start, start + n, label=label))
    return out


def test_a_capitalised_phrase_of_words_the_article_also_writes_in_lower_case_is_no_person(blank):
    doc = blank("Dinas Perhubungan menerbitkan aturan tentang Pembatasan Angkutan Barang. Menurut dinas, "
                "pembatasan angkutan barang berlaku selama libur sekolah.")
    doc.ents = spans_at(doc, ("Pembatasan Angkutan Barang", "PER"))
    assert not [e for e in ents(EntityRules(blank)(doc)) if e[1] == "PER"]


def test_a_common_word_opening_a_sentence_is_cut_off_the_name_after_it(blank):
    doc = blank("Pemeriksaan Joko Susilo berlangsung tertutup. Polisi menunda pemeriksaan saksi lain.")
    doc.ents = spans_at(doc, ("Pemeriksaan Joko Susilo", "PER"))
    assert ents(EntityRules(blank)(doc)) == [("Joko Susilo", "PER")]


def test_a_name_written_against_a_number_after_a_hyphen_is_no_person(blank):
    doc = blank("Warga antre vaksin Sinovac-2 sejak pagi, kata Andi Pratama.")
    doc.ents = spans_at(doc, ("Sinovac", "PER"), ("Andi Pratama", "PER"))
    assert [e for e in ents(EntityRules(blank)(doc)) if e[1] == "PER"] == [("Andi Pratama", "PER")]


@pytest.mark.parametrize("short", ["Bawasda", "BPS"])
def test_an_organisations_short_form_in_brackets_that_a_recognizer_took_for_a_person_is_the_organisation(
        blank, short):
    doc = blank(f"Laporan itu diterima Badan Pengawas Daerah Statistik ({short}) pekan lalu.")
    doc.ents = spans_at(doc, ("Badan Pengawas Daerah Statistik", "ORG"), (short, "PER"))
    assert (short, "ORG") in ents(EntityRules(blank)(doc))


@pytest.mark.parametrize("text, short, label, name", [
    ("Beras program Stabilisasi Pasokan dan Harga Pangan (SPHP) dijual di pasar.", "SPHP", "ORG",
     "Stabilisasi Pasokan dan Harga Pangan"),
    ("Pemerintah memperluas Kartu Indonesia Pintar (KIP) tahun ini.", "KIP", "ORG", "Kartu Indonesia Pintar"),
    ("Data itu masuk ke Sistem Informasi Kesehatan Daerah (Sikda) setiap pekan.", "Sikda", "ORG",
     "Sistem Informasi Kesehatan Daerah"),
])
def test_the_name_a_short_form_in_brackets_stands_for_is_the_same_kind_of_entity(blank, text, short, label, name):
    doc = blank(text)
    doc.ents = spans_at(doc, (short, label))
    assert ents(EntityRules(blank)(doc)) == [(name, label), (short, label)]


@pytest.mark.parametrize("text", [
    "Rombongan Sinar Harapan Jaya (BPS) tiba kemarin.",  # the initials spell something else
    "Laporan itu dibacakan Rudi (BPS) kemarin.",  # one word is no name a short form stands for
])
def test_capitalised_words_before_a_short_form_they_do_not_spell_stay_as_they_are(blank, text):
    doc = blank(text)
    doc.ents = spans_at(doc, ("BPS", "ORG"))
    assert ents(EntityRules(blank)(doc)) == [("BPS", "ORG")]


def test_a_persons_name_in_brackets_after_an_organisation_stays_a_person(blank):
    doc = blank("Pemilik Toko Sinar Jaya (Hendra) menolak berkomentar.")
    doc.ents = spans_at(doc, ("Toko Sinar Jaya", "ORG"), ("Hendra", "PER"))
    assert ("Hendra", "PER") in ents(EntityRules(blank)(doc))


@pytest.mark.parametrize("short, words, expected", [
    ("Kemenhub", ["Kementerian", "Perhubungan"], True),
    ("BPBD", ["Badan", "Penanggulangan", "Bencana", "Daerah"], True),
    ("Hendra", ["Toko", "Sinar", "Jaya"], False),
    ("Polri", ["Kepolisian", "Republik", "Indonesia"], False),
])
def test_abbreviates(short, words, expected):
    assert abbreviates(short, words) is expected




def test_a_verb_after_an_experts_role_is_no_field(nlp):
    doc = nlp("Pengamat menilai kebijakan itu keliru, kata Rina Kusuma.")
    assert not any(r[0].startswith("Pengamat") for r in roles(doc))


@pytest.mark.parametrize("text, spans, office, title, person", [
    # the name follows after a comma: the organisation keeps its last word
    ("Pengamat politik dari Universitas Gadjah Mada, Rudi Hartono, menilai langkah itu tepat.",
     [("Universitas Gadjah Mada", "ORG"), ("Rudi Hartono", "PER")],
     "Universitas Gadjah Mada", "Pengamat politik dari Universitas Gadjah Mada", "Rudi Hartono"),
    # a recognizer's person span follows: every word before it is the office's
    ("Ketua Front Pemuda Mandiri Rizal Hasibuan menolak hadir.",
     [("Front Pemuda Mandiri", "PER"), ("Rizal Hasibuan", "PER")],
     "Front Pemuda Mandiri", "Ketua Front Pemuda Mandiri", "Rizal Hasibuan"),
])
def test_an_organisation_in_a_title_keeps_its_words_before_the_persons_name(blank, text, spans, office, title,
                                                                            person):
    doc = blank(text)
    doc.ents = spans_at(doc, *spans)
    out = EntityRules(blank)(doc)
    assert ents(out) == [(office, "ORG"), (person, "PER")]
    assert [r[:2] for r in roles(out)] == [(title, person)]


def test_one_word_a_recognizer_took_for_a_place_between_commas_before_a_verb_is_the_titles_person(blank):
    doc = blank("Kepala Puskesmas Sukamaju, Wulan, mengatakan pasien sudah dirujuk.")
    doc.ents = spans_at(doc, ("Puskesmas Sukamaju", "ORG"), ("Wulan", "LOC"))
    out = EntityRules(blank)(doc)
    assert ("Wulan", "PER") in ents(out)
    assert [r[:2] for r in roles(out)] == [("Kepala Puskesmas Sukamaju", "Wulan")]


def test_a_word_the_article_uses_as_a_place_stays_a_place_between_commas(blank):
    doc = blank("Kepala Dinas Kesehatan, Bandung, mengatakan warga diperiksa di Bandung.")
    doc.ents = spans_at(doc, ("Dinas Kesehatan", "ORG"), ("Bandung", "LOC"))
    assert ("Bandung", "LOC") in ents(EntityRules(blank)(doc))


@pytest.mark.parametrize("text, spans, title, person", [
    ("Kepala Puskesmas Cibeureum, Jakarta Utara, Edi Saputra mengatakan pasien dirujuk.",
     [("Puskesmas Cibeureum", "ORG"), ("Jakarta", "LOC"), ("Edi Saputra", "PER")],
     "Kepala Puskesmas Cibeureum, Jakarta Utara", "Edi Saputra"),
    ("Pengamat hukum dari Universitas Pakuan, Bogor, Maya Lestari menilai putusan itu janggal.",
     [("Universitas Pakuan", "ORG"), ("Bogor", "LOC"), ("Maya Lestari", "PER")],
     "Pengamat hukum dari Universitas Pakuan, Bogor", "Maya Lestari"),
    # free capitalised words before an office belong to the title
    ("Direktur Jenderal Perluasan Ekspor Kementerian Perdagangan Hadi Wibowo mengatakan, ekspor naik.",
     [("Kementerian Perdagangan Hadi Wibowo", "ORG")],
     "Direktur Jenderal Perluasan Ekspor Kementerian Perdagangan", "Hadi Wibowo"),
    ("Ketua Rumpun Logistik Satuan Tugas Banjir Kalsel Rudi Gunawan mengatakan, bantuan tiba.",
     [("Kalsel", "LOC"), ("Rudi Gunawan", "PER")],
     "Ketua Rumpun Logistik Satuan Tugas Banjir Kalsel", "Rudi Gunawan"),
])
def test_a_title_takes_the_places_and_office_words_before_its_persons_name(blank, text, spans, title, person):
    """A place between commas after a title, when the name follows, and free capitalised words
    before an office belong to the title."""
    doc = blank(text)
    doc.ents = spans_at(doc, *spans)
    assert [r[:2] for r in roles(EntityRules(blank)(doc))] == [(title, person)]


@pytest.mark.parametrize("text, spans, title, person", [
    ("Direktur TaniJaya, Sariman, menyatakan pasokan aman.", [("TaniJaya", "PER"), ("Sariman", "PER")],
     "Direktur TaniJaya", "Sariman"),
    ("Kepala Dinas Pertanian Klaten, Bambang Priyono, menuturkan, panen mundur sepekan.",
     [("Dinas Pertanian", "ORG"), ("Klaten", "PER"), ("Bambang Priyono", "PER")],
     "Kepala Dinas Pertanian Klaten", "Bambang Priyono"),
])
def test_the_word_after_a_title_names_the_office_when_a_name_follows_between_commas(blank, text, spans, title, person):
    doc = blank(text)
    doc.ents = spans_at(doc, *spans)
    out = EntityRules(blank)(doc)
    assert [r[:2] for r in roles(out)] == [(title, person)]
    assert [e for e in ents(out) if e[1] == "PER"] == [(person, "PER")]


@pytest.mark.parametrize("text", [
    "Menteri Keuangan Rina Kartika, Senin, mengatakan defisit melebar.",
    "Ketua DPRD Rina Kartika, Andi Santoso, dan Budi Hartono hadir.",
])
def test_a_day_or_a_list_after_the_titles_person_leaves_the_person_alone(blank, text):
    doc = blank(text)
    doc.ents = spans_at(doc, ("Rina Kartika", "PER"))
    assert [r[1] for r in roles(EntityRules(blank)(doc))] == ["Rina Kartika"]


def test_a_recognizers_person_span_before_an_honorific_after_a_title_names_the_office(blank):
    doc = blank("Hal itu disampaikan Rektor Unpad Prof Nurhadi di kampus.")
    doc.ents = spans_at(doc, ("Unpad", "PER"), ("Nurhadi", "PER"))
    out = EntityRules(blank)(doc)
    assert [r[:2] for r in roles(out)] == [("Rektor Unpad", "Nurhadi")]
    assert [e for e in ents(out) if e[1] == "PER"] == [("Nurhadi", "PER")]


def test_a_village_heads_places_between_commas_belong_to_the_title_before_the_name(blank):
    doc = blank("Kepala Dusun Ngablak, Kelurahan Sumberrejo, Kecamatan Minggir, Wahyu Prasetyo, mengatakan warga siap.")
    doc.ents = spans_at(doc, ("Kelurahan Sumberrejo", "LOC"), ("Kecamatan Minggir", "LOC"), ("Wahyu Prasetyo", "PER"))
    doc = EntityRules(blank)(doc)
    assert [r[:2] for r in roles(doc)] == [
        ("Kepala Dusun Ngablak, Kelurahan Sumberrejo, Kecamatan Minggir", "Wahyu Prasetyo")]
    assert ("Ngablak", "LOC") in ents(doc)


@pytest.mark.parametrize("text, title, person", [
    ("Lonjakan itu wajar, ujar ahli virologi Universitas Udayana, Made Suarjana, di Denpasar.",
     "ahli virologi Universitas Udayana", "Made Suarjana"),
    ("Staf Ahli Menteri Keuangan Bidang Penerimaan Negara Rina Kartika hadir.",
     "Staf Ahli Menteri Keuangan Bidang Penerimaan Negara", "Rina Kartika"),
])
def test_ahli_is_an_experts_role_and_still_goes_on_a_role_phrase(nlp, text, title, person):
    assert (title, person) in [r[:2] for r in roles(nlp(text))]


def test_a_word_written_twice_is_no_person(blank):
    doc = blank("Sasaran Sasaran operasi pasar masih ada, kata Rudi Hartono.")
    doc.ents = spans_at(doc, ("Sasaran Sasaran", "PER"), ("Rudi Hartono", "PER"))
    assert ents(EntityRules(blank)(doc)) == [("Rudi Hartono", "PER")]


@pytest.mark.parametrize("word", ["Dihubungi", "Berkaca", "Keberpihakan", "Menghadapi"])
def test_an_affixed_word_opening_a_sentence_is_no_person(blank, word):
    doc = blank(f"{word} soal itu, warga memilih diam. Kepala Desa Sukamaju Arif Rahman belum berkomentar.")
    doc.ents = spans_at(doc, (word, "PER"))
    assert word not in [e[0] for e in ents(EntityRules(blank)(doc))]


def test_an_affixed_looking_name_the_article_uses_as_a_name_stays_a_person(blank):
    doc = blank("Bernardus Sitanggang tiba pukul 09.00. Bernardus mengatakan, rapat ditunda.")
    doc.ents = spans_at(doc, ("Bernardus Sitanggang", "PER"))
    k = next(t.i for t in doc if t.text == "Bernardus" and t.i > 0)
    doc.ents = [*doc.ents, Span(doc, k, k + 1, label="PER")]
    assert [e for e in ents(EntityRules(blank)(doc)) if e[0] == "Bernardus"] == [("Bernardus", "PER")]


def test_a_holiday_of_two_words_is_no_person(blank):
    doc = blank("Menjelang Idul Fitri, harga daging naik, kata Rina Kartika.")
    doc.ents = spans_at(doc, ("Idul Fitri", "PER"), ("Rina Kartika", "PER"))
    assert ents(EntityRules(blank)(doc)) == [("Rina Kartika", "PER")]


def test_an_affixed_noun_opening_a_sentence_is_cut_off_the_name_after_it(blank):
    doc = blank("Keterlambatan Hendra dalam rapat itu dipersoalkan. Polisi menunggu Hendra Wijaya.")
    doc.ents = spans_at(doc, ("Keterlambatan Hendra", "PER"), ("Hendra Wijaya", "PER"))
    assert [e[0] for e in ents(EntityRules(blank)(doc))] == ["Hendra", "Hendra Wijaya"]


def test_an_english_name_with_the_shape_of_an_indonesian_affixed_word_stays_a_person():
    english = spacy.blank("en")
    doc = english("Terrence arrived late. The meeting went on without him.")
    doc.ents = spans_at(doc, ("Terrence", "PER"))
    assert ents(EntityRules(english)(doc)) == [("Terrence", "PER")]


def test_a_recognizers_organisation_span_takes_the_number_after_its_hyphen(blank):
    doc = blank("Relawan Satgas Covid-19 berjaga di posko.")
    doc.ents = spans_at(doc, ("Satgas Covid", "ORG"))
    assert ents(EntityRules(blank)(doc)) == [("Satgas Covid-19", "ORG")]


@pytest.mark.parametrize("text, person", [
    ("Ketua Bidang Kesiapsiagaan PMI Letjen TNI (Purn) Suhartono mengatakan, relawan siaga.", "Suhartono"),
    ("Hal itu disampaikan Deputi Operasi Basarnas Mayor Jenderal (TNI) Arif Setiawan di Medan.", "Arif Setiawan"),
    ("Kapolda Jambi Irjen Pol Budi Hartono meninjau pos.", "Budi Hartono"),
])
def test_service_words_after_a_rank_are_neither_the_name_nor_the_role(nlp, text, person):
    doc = nlp(text)
    assert [r[1] for r in roles(doc)] == [person]
    assert not any(e[0] in ("TNI", "Pol") and e[1] == "PER" for e in ents(doc))


def test_an_english_day_word_in_an_indonesian_name_is_part_of_the_name(nlp):
    doc = nlp("Anggota KPU Jawa Barat Sunday Mandagi mengatakan, surat suara tiba.")
    assert [r[:2] for r in roles(doc)] == [("Anggota KPU Jawa Barat", "Sunday Mandagi")]


def test_after_a_rank_the_pieces_a_recognizer_split_up_to_a_person_are_one_name(blank):
    doc = blank("Kepala Polda Sulut Irjen RD Teguh Prakoso Simatupang meminta semua pihak tenang.")
    doc.ents = spans_at(doc, ("Teguh Prakoso", "LOC"), ("Simatupang", "PER"))
    out = EntityRules(blank)(doc)
    assert [e for e in ents(out) if e[1] == "PER"] == [("RD Teguh Prakoso Simatupang", "PER")]
    assert [r[1] for r in roles(out)] == ["RD Teguh Prakoso Simatupang"]


@pytest.mark.parametrize("after", ["meminta semua pihak tenang.", ", Rabu, meminta semua pihak tenang."])
def test_after_a_rank_initials_and_a_name_a_recognizer_took_for_a_place_are_the_person(blank, after):
    doc = blank(f"Kepala Polda Maluku Inspektur Jenderal RZ Hendra Wicaksono Siregar {after}")
    doc.ents = spans_at(doc, ("Hendra Wicaksono Siregar", "LOC"))
    out = EntityRules(blank)(doc)
    assert [e for e in ents(out) if e[1] != "ORG"] == [("RZ Hendra Wicaksono Siregar", "PER")]
    assert [r[:2] for r in roles(out)] == [("Kepala Polda Maluku", "RZ Hendra Wicaksono Siregar")]


@pytest.mark.parametrize("taken", [("Sukamara", "PER"), ("Kapolres Sukamara", "LOC")])
def test_one_word_after_a_regional_title_that_the_article_writes_inside_a_place_is_that_place(blank, taken):
    doc = blank("Massa membakar kantor KPU Kabupaten Sukamara. Kapolres Sukamara dan Dandim sudah meninjau lokasi.")
    k = [t.i for t in doc if t.text == "Sukamara"][1]
    start = k - len(taken[0].split()) + 1
    doc.ents = [*spans_at(doc, ("KPU Kabupaten Sukamara", "ORG")), Span(doc, start, k + 1, label=taken[1])]
    out = EntityRules(blank)(doc)
    assert [e for e in ents(out) if e[1] != "ORG"] == [("Sukamara", "LOC")]
    assert roles(out) == []


def test_one_word_after_a_regional_title_that_the_article_never_writes_as_a_place_stays_the_person(blank):
    doc = blank("Kapolres Hendrawan dan Dandim sudah meninjau lokasi. Kantor KPU Kabupaten Sukamara dijaga.")
    doc.ents = spans_at(doc, ("Hendrawan", "PER"), ("KPU Kabupaten Sukamara", "ORG"))
    out = EntityRules(blank)(doc)
    assert ("Hendrawan", "PER") in ents(out)
    assert [r[:2] for r in roles(out)] == [("Kapolres", "Hendrawan")]


@pytest.mark.parametrize("office, name", [
    ("Direktorat Jenderal Bina Keuangan Daerah Kemendagri", "I Made Suarjana"),
    ("Dinas Sosial Kabupaten Gianyar", "Ni Luh Putu Ariani"),
])
def test_the_i_or_ni_opening_a_balinese_name_is_the_persons_not_the_office_before_it(blank, office, name):
    doc = blank(f"Sekretaris {office} {name} menjelaskan, anggaran sudah cair.")
    doc.ents = spans_at(doc, (name.split(" ", 1)[1], "PER"))
    out = EntityRules(blank)(doc)
    assert (name, "PER") in ents(out)
    assert [r[:2] for r in roles(out)] == [(f"Sekretaris {office}", name)]


@pytest.mark.parametrize("recognized", [None, "Putu Wirabawa"])
@pytest.mark.parametrize("before", ["", "Data semester I sudah masuk. "])
def test_a_balinese_name_after_an_office_keeps_its_i(blank, recognized, before):
    office = "Direktorat Jenderal Perimbangan dan Retribusi Daerah Kemenkeu"
    doc = blank(f"{before}Sekretaris {office} I Putu Wirabawa menjelaskan, data diperbarui.")
    doc.ents = spans_at(doc, (recognized, "PER")) if recognized else []
    out = EntityRules(blank)(doc)
    assert [e for e in ents(out) if e[1] == "PER"] == [("I Putu Wirabawa", "PER")]
    assert [r[:2] for r in roles(out)] == [(f"Sekretaris {office}", "I Putu Wirabawa")]


@pytest.mark.parametrize("place", ["Jalan I Gusti Ngurah Rai", "Bandara I Gusti Ngurah Rai"])
def test_a_balinese_name_right_after_a_place_cue_is_the_places_namesake(blank, place):
    doc = blank(f"Kemacetan terjadi di {place} sejak pagi.")
    assert ents(EntityRules(blank)(doc)) == [(place, "LOC")]


def test_a_balinese_name_opening_a_recognizer_put_into_the_office_before_it_goes_back_to_the_person(blank):
    doc = blank("Sekretaris Direktorat Jenderal Anggaran Kemenkeu I Putu Wirabawa menjelaskan, data diperbarui.")
    doc.ents = spans_at(doc, ("Kemenkeu I Putu", "ORG"), ("Wirabawa", "PER"))
    out = EntityRules(blank)(doc)
    assert [e for e in ents(out) if e[1] == "PER"] == [("I Putu Wirabawa", "PER")]


@pytest.mark.parametrize("office", ["Universitas Sultan Ageng Tirtayasa", "Universitas Jenderal Achmad Yani"])
def test_an_institution_named_after_a_sultan_or_general_keeps_the_namesakes_name_in_a_title(blank, office):
    doc = blank(f"Rektor {office} Budi Hartono mengatakan, kuliah tatap muka dimulai pekan depan.")
    out = EntityRules(blank)(doc)
    assert ents(out) == [(office, "ORG"), ("Budi Hartono", "PER")]
    assert [r[:2] for r in roles(out)] == [(f"Rektor {office}", "Budi Hartono")]


def test_an_office_name_a_title_rule_cut_for_a_name_before_an_apposition_is_whole_again(blank):
    doc = blank("Sementara itu, pakar epidemiologi Fakultas Kedokteran Universitas Ahmad Yani, Cimahi, "
                "Rina Kartika Sari, mengatakan, kasus naik.")
    doc.ents = spans_at(doc, ("Universitas Ahmad Yani", "ORG"), ("Cimahi", "LOC"), ("Rina Kartika Sari", "PER"))
    out = EntityRules(blank)(doc)
    assert ("Universitas Ahmad Yani", "ORG") in ents(out)
    assert [r[1] for r in roles(out)] == ["Rina Kartika Sari"]


def _linked(span: Span, kb_id: str) -> Span:
    return Span(span.doc, span.start, span.end, label=span.label_, kb_id=kb_id)


@pytest.mark.parametrize("text, org, place, kb_id, whole", [
    # a known place right after an organisation named with a cue word is the end of its name
    ("Ketua Ikatan Dokter Indonesia Budi Santoso mengatakan, vaksin aman.",
     "Ikatan Dokter", "Indonesia", "Q252", "Ikatan Dokter Indonesia"),
    ("Kepala Polda Sulut Irjen Budi Hartono mengatakan, situasi aman.", "Polda", "Sulut", "Q1", "Polda Sulut"),
    # a name no list knows, after a place cue the organisation's name cannot end with
    ("Dinas Kesehatan Provinsi Jawa Tengah mencatat kasus naik.",
     "Dinas Kesehatan Provinsi", "Jawa Tengah", "", "Dinas Kesehatan Provinsi Jawa Tengah"),
])
def test_an_organisation_and_the_place_right_after_it_are_one_organisation(blank, text, org, place, kb_id, whole):
    doc = blank(text)
    org_span, place_span = spans_at(doc, (org, "ORG"), (place, "LOC"))
    doc.ents = [org_span, _linked(place_span, kb_id)]
    out = ents(EntityRules(blank)(doc))
    assert (whole, "ORG") in out
    assert (place, "LOC") not in out


def test_a_place_a_recognizer_guessed_after_an_organisation_stays_apart(blank):
    # (it may be a person's name: "Ketua Umum Ikatan Petani Lestari [Wahyu Sasongko Adi]")
    doc = blank("Bantuan dari Yayasan Cahaya Harapan Sukamulya tiba semalam.")
    doc.ents = spans_at(doc, ("Yayasan Cahaya Harapan", "ORG"), ("Sukamulya", "LOC"))
    assert ents(EntityRules(blank)(doc)) == [("Yayasan Cahaya Harapan", "ORG"), ("Sukamulya", "LOC")]


def test_an_office_joined_with_its_place_keeps_the_role_of_the_name_before_it(blank):
    # (the rules made the joined span: none of them reads "Jakarta" as a name at its end)
    doc = blank("Rina Kartika Sari, Kepala Dinas Perhubungan DKI Jakarta kemudian menjelaskan, jalan ditutup.")
    org, place, person = spans_at(doc, ("Dinas Perhubungan", "ORG"), ("DKI Jakarta", "LOC"), ("Rina Kartika Sari", "PER"))
    doc.ents = [person, org, _linked(place, "Q1")]
    out = EntityRules(blank)(doc)
    assert ents(out) == [("Rina Kartika Sari", "PER"), ("Dinas Perhubungan DKI Jakarta", "ORG")]
    assert [r[:2] for r in roles(out)] == [("Kepala Dinas Perhubungan DKI Jakarta", "Rina Kartika Sari")]


@pytest.mark.parametrize("rank", ["Lettu (Inf)", "Serda", "Kopda", "Letnan Kolonel (Inf)"])
def test_army_ranks_and_corps_are_kept_out_of_names(blank, rank):
    doc = blank(f"Asisten Ajudan Presiden {rank} Budi Hartono Siregar mengatakan, acara dimulai pukul 09.00.")
    doc.ents = [*spans_at(doc, *((word, "PER") for word in rank.replace("(", "").replace(")", "").split()
                                 if word[0].isupper())), *spans_at(doc, ("Budi Hartono Siregar", "PER"))]
    out = EntityRules(blank)(doc)
    assert [e for e in ents(out) if e[1] == "PER"] == [("Budi Hartono Siregar", "PER")]
    assert [r[:2] for r in roles(out)] == [("Asisten Ajudan Presiden", "Budi Hartono Siregar")]


@pytest.mark.parametrize("text, namesake", [
    ("Ribuan suporter memadati Gelora Bung Tomo sejak sore.", "Tomo"),
    ("Pesawat itu mendarat di Bandara Bung Hatta sore tadi.", "Hatta"),
])
def test_a_place_named_after_bung_someone_keeps_the_name(blank, text, namesake):
    doc = blank(text)
    doc.ents = spans_at(doc, (namesake, "PER"))
    place = text[text.index("Bung") - len(text.split("Bung")[0].split()[-1]) - 1:text.index(namesake) + len(namesake)]
    assert ents(EntityRules(blank)(doc)) == [(place, "LOC")]


@pytest.mark.parametrize("text, spans, office, name", [
    # Sasak "Lalu", also the common word "then", opens the name after an office
    ("Kepala Dinas Peternakan Sukamaju Lalu Ahmad Fauzi mengatakan, sapi sehat.",
     [("Dinas Peternakan Sukamaju", "ORG"), ("Ahmad Fauzi", "PER")], "Kepala Dinas Peternakan Sukamaju",
     "Lalu Ahmad Fauzi"),
    # "Sri" opens a name; it does not end the hospital's
    ("Direktur RSUD Sukamaju Sri Indah Wulandari mengatakan, pasien bertambah.",
     [("RSUD Sukamaju Sri Indah Wulandari", "LOC")], "Direktur RSUD Sukamaju", "Sri Indah Wulandari"),
])
def test_a_word_names_open_with_starts_the_person_after_an_office(blank, text, spans, office, name):
    doc = blank(text)
    doc.ents = spans_at(doc, *spans)
    out = EntityRules(blank)(doc)
    assert (name, "PER") in ents(out)
    assert [r[:2] for r in roles(out)] == [(office, name)]


def test_lalu_lintas_stays_in_the_title(blank):
    doc = blank("Kepala Satuan Lalu Lintas Polres Sukamaju AKP Rina Kartika mengatakan, arus padat.")
    doc.ents = spans_at(doc, ("Polres Sukamaju", "ORG"), ("Rina Kartika", "PER"))
    assert [r[:2] for r in roles(EntityRules(blank)(doc))] == [
        ("Kepala Satuan Lalu Lintas Polres Sukamaju", "Rina Kartika")]


def test_a_place_a_recognizer_ran_into_the_name_after_an_office_cue_gives_the_name_back(blank):
    doc = blank("Kepala Puskesmas Sukamaju Wulan mengatakan, pasien dirujuk. Menurut Wulan, stok obat cukup.")
    doc.ents = spans_at(doc, ("Sukamaju Wulan", "LOC"))
    k = next(t.i for t in doc if t.text == "Wulan" and t.i > 5)
    doc.ents = [*doc.ents, Span(doc, k, k + 1, label="PER")]
    out = EntityRules(blank)(doc)
    assert [r[:2] for r in roles(out)] == [("Kepala Puskesmas Sukamaju", "Wulan")]


def test_a_two_word_place_after_an_office_cue_stays_whole_without_a_name_used_alone(blank):
    doc = blank("Kepala Puskesmas Sukamaju Kidul mengatakan, pasien dirujuk.")
    doc.ents = spans_at(doc, ("Sukamaju Kidul", "LOC"))
    assert not [e for e in ents(EntityRules(blank)(doc)) if e[1] == "PER"]


def test_bidang_right_after_a_role_goes_on_the_title(nlp):
    doc = nlp("Menteri Koordinator bidang Perekonomian Budi Hartono mengatakan, inflasi terkendali.")
    assert [r[:2] for r in roles(doc)] == [("Menteri Koordinator bidang Perekonomian", "Budi Hartono")]


def test_office_words_a_recognizer_ran_into_the_name_at_the_end_of_a_title_give_the_name_back(blank):
    doc = blank("Staf Ahli Badan Pengelola Keuangan Bidang Penanggulangan Bencana Rina Kartika menyampaikan, "
                "dana siap.")
    doc.ents = spans_at(doc, ("Penanggulangan Bencana Rina Kartika", "LOC"))
    out = EntityRules(blank)(doc)
    assert [e for e in ents(out) if e[1] == "PER"] == [("Rina Kartika", "PER")]
    assert [r[1] for r in roles(out)] == ["Rina Kartika"]


def test_a_village_heads_place_stays_whole_when_the_name_follows_in_apposition(blank):
    doc = blank("Camat Kebon Jeruk, Jakarta Barat, Andi Wijaya mengungkapkan, warga sudah divaksin.")
    doc.ents = spans_at(doc, ("Kebon Jeruk", "LOC"), ("Jakarta Barat", "LOC"), ("Andi Wijaya", "PER"))
    out = EntityRules(blank)(doc)
    assert ("Kebon Jeruk", "LOC") in ents(out)
    assert [r[:2] for r in roles(out)] == [("Camat Kebon Jeruk, Jakarta Barat", "Andi Wijaya")]


def test_pusat_after_a_place_name_is_part_of_it(blank):
    doc = blank("Kepala Puskesmas Menteng, Jakarta Pusat, Rudi Hartono mengatakan pasien dirujuk.")
    doc.ents = spans_at(doc, ("Puskesmas Menteng", "ORG"), ("Jakarta", "LOC"), ("Rudi Hartono", "PER"))
    assert [r[:2] for r in roles(EntityRules(blank)(doc))] == [("Kepala Puskesmas Menteng, Jakarta Pusat", "Rudi Hartono")]


@pytest.mark.parametrize("phrase", ["Peraturan Tata Niaga Beras", "Perpres Tata Ruang Pesisir", "Undang-Undang Cipta Kerja"])
def test_a_law_or_regulation_is_no_person_or_organisation(blank, phrase):
    doc = blank(f"Pemerintah menerbitkan {phrase} pekan lalu, kata Rina Sari.")
    doc.ents = spans_at(doc, (phrase, "PER"), ("Rina Sari", "PER"))
    assert ents(EntityRules(blank)(doc)) == [("Rina Sari", "PER")]


@pytest.mark.parametrize("text, title, person", [
    # an expert's field in lower case belongs to the role
    ("Psikolog forensik Dewi Anggraini khawatir kasus serupa terulang.", "Psikolog forensik", "Dewi Anggraini"),
    ("Sementara itu, pakar hukum pidana Dimas Wicaksono mengatakan aturan itu lemah.",
     "pakar hukum pidana", "Dimas Wicaksono"),
    ("Pengamat kebijakan publik Lestari Handayani menilai langkah itu tepat.",
     "Pengamat kebijakan publik", "Lestari Handayani"),
    # a number written against a hyphen ends an organisation's name, and the title goes on
    ("”Pelacakan terus berjalan,” kata juru bicara Tim Siaga Covid-19 Kabupaten Kebumen, "
     "Arif Gunawan, dalam keterangan tertulis.",
     "juru bicara Tim Siaga Covid-19 Kabupaten Kebumen", "Arif Gunawan"),
    # affixed nouns and a last field after ", dan" belong to the office
    ("Hal itu disampaikan Deputi Bidang Pencegahan dan Penindakan, dan Kesiapsiagaan Basarnas "
     "Laksamana Pertama Agus Widodo dalam jumpa pers.",
     "Deputi Bidang Pencegahan dan Penindakan, dan Kesiapsiagaan Basarnas", "Agus Widodo"),
    # a comma list of fields is a minister's portfolio, also when a recognizer ran the last
    # field into the name
    ("Menurut Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi Bambang Sutrisno, sekolah dibuka.",
     "Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi", "Bambang Sutrisno"),
    ("Menurut Menteri Pertanian, Pengelolaan Kawasan Hutan Terpadu dan Ketahanan Pangan Bambang Sutrisno, dana cair.",
     "Menteri Pertanian, Pengelolaan Kawasan Hutan Terpadu dan Ketahanan Pangan", "Bambang Sutrisno"),
])
def test_an_office_or_an_experts_field_stays_in_the_title_and_out_of_the_name(nlp, text, title, person):
    doc = nlp(text)
    assert [r[:2] for r in roles(doc)] == [(title, person)]
    assert [e[0] for e in ents(doc) if e[1] == "PER"] == [person]


def test_a_lone_affixed_noun_is_no_person(blank):
    doc = blank("Tim itu bergerak demi Keselamatan, kata Rudi Hartono.")
    doc.ents = spans_at(doc, ("Keselamatan", "PER"), ("Rudi Hartono", "PER"))
    assert ents(EntityRules(blank)(doc)) == [("Rudi Hartono", "PER")]


def test_an_office_in_a_title_ends_at_a_word_the_article_uses_in_another_organisations_name(blank):
    doc = blank("Kilang milik PT Nusa Energi terbakar. ”Api sudah padam,” kata Manajer Humas "
                "PT Nusa Rina Kartika Dewi.")
    doc.ents = spans_at(doc, ("PT Nusa Energi", "ORG"))
    assert [r[:2] for r in roles(EntityRules(blank)(doc))] == [("Manajer Humas PT Nusa", "Rina Kartika Dewi")]



def test_a_place_and_the_compass_words_after_it_are_one_other_place(blank):
    doc = blank("Banjir merendam Jakarta Selatan dan Bekasi sejak pagi.")
    doc.ents = spans_at(doc, ("Jakarta", "LOC"), ("Bekasi", "LOC"))
    doc.ents = [Span(doc, doc.ents[0].start, doc.ents[0].end, label="LOC", kb_id="Q3630"), doc.ents[1]]
    out = EntityRules(blank)(doc)
    assert [(e.text, e.label_, e.kb_id_) for e in out.ents] == [("Jakarta Selatan", "LOC", ""), ("Bekasi", "LOC", "")]


def test_looking_for_a_name_in_apposition_changes_no_span(blank):
    doc = blank("Camat Kebon Jeruk, Dewi Lestari mengatakan warga siap.")
    doc.ents = spans_at(doc, ("Kebon Jeruk", "LOC"), ("Dewi Lestari", "LOC"))
    run = _Run(doc, load_lexicon())
    before = [(e.start, e.end, e.label_) for e in run.ents.spans]
    assert run.name_in_apposition(1, 3, None, apply=False) is not None
    assert [(e.start, e.end, e.label_) for e in run.ents.spans] == before


def test_a_list_of_offices_or_people_after_a_title_is_no_portfolio(blank):
    doc = blank("Rapat dihadiri Menteri Sosial, Bupati Bogor Rina Sari, dan Wali Kota Depok.")
    doc.ents = spans_at(doc, ("Bogor", "LOC"), ("Rina Sari", "PER"), ("Depok", "LOC"))
    doc = EntityRules(blank)(doc)
    assert [r[:2] for r in roles(doc)] == [("Bupati Bogor", "Rina Sari")]


def test_the_last_field_of_a_portfolio_stops_at_the_offices_place(blank):
    doc = blank("Kepala Dinas Pertanian, Perikanan, dan Peternakan Kabupaten Sleman Rina Wulandari meninjau sawah.")
    doc.ents = spans_at(doc, ("Kabupaten Sleman", "LOC"), ("Rina Wulandari", "PER"))
    doc = EntityRules(blank)(doc)
    assert [r[:2] for r in roles(doc)] == [
        ("Kepala Dinas Pertanian, Perikanan, dan Peternakan Kabupaten Sleman", "Rina Wulandari")]


def test_a_field_named_with_a_number_goes_on_the_title(blank):
    doc = blank("Juru Bicara Pemerintah Daerah Istimewa Aceh untuk Penanganan Covid-19, Rina Wulandari, "
                "mengatakan, ada kasus baru.")
    doc.ents = spans_at(doc, ("Daerah Istimewa Aceh", "LOC"), ("Rina Wulandari", "ORG"))
    doc = EntityRules(blank)(doc)
    assert [r[:2] for r in roles(doc)] == [
        ("Juru Bicara Pemerintah Daerah Istimewa Aceh untuk Penanganan Covid-19", "Rina Wulandari")]
    assert ("Rina Wulandari", "PER") in ents(doc)


def test_a_short_form_after_atau_is_the_organisation_and_so_is_its_later_person_span(blank):
    doc = blank("Namun, Badan Nasional Penanggulangan Bencana atau Banaspen memastikan pencarian "
                "dilakukan. Banaspen belum dapat memastikan lokasi, kata Rina Sari.")
    later = next(t.i for t in doc if t.text == "Banaspen" and t.i > 10)
    doc.ents = [*spans_at(doc, ("Badan Nasional Penanggulangan Bencana", "ORG"), ("Banaspen", "PER")),
                Span(doc, later, later + 1, label="PER"), *spans_at(doc, ("Rina Sari", "PER"))]
    assert ents(EntityRules(blank)(doc)) == [
        ("Badan Nasional Penanggulangan Bencana", "ORG"), ("Banaspen", "ORG"), ("Banaspen", "ORG"),
        ("Rina Sari", "PER")]


def test_a_short_form_after_atau_from_a_name_in_another_language_is_the_organisation_too(blank):
    # "Bawiliar" is built from no piece of the Indonesian name, only its first letter
    doc = blank("Badan Penyelamatan Satwa Liar atau Bawiliar menerima laporan itu. Bawiliar belum "
                "memastikan jumlahnya, kata Rina Sari.")
    later = next(t.i for t in doc if t.text == "Bawiliar" and t.i > 8)
    doc.ents = [*spans_at(doc, ("Badan Penyelamatan Satwa Liar", "ORG")), Span(doc, later, later + 1, label="PER"),
                *spans_at(doc, ("Rina Sari", "PER"))]
    assert ents(EntityRules(blank)(doc)) == [
        ("Badan Penyelamatan Satwa Liar", "ORG"), ("Bawiliar", "ORG"), ("Bawiliar", "ORG"), ("Rina Sari", "PER")]


def test_a_short_form_the_article_spells_out_in_lower_case_is_no_entity(blank):
    doc = blank("Warga diwajibkan memakai alat pelindung tubuh (APT) saat bertugas. APT dibagikan gratis, "
                "kata Rina Sari.")
    later = next(t.i for t in doc if t.text == "APT" and t.i > 8)
    doc.ents = [*spans_at(doc, ("APT", "ORG")), Span(doc, later, later + 1, label="ORG"), *spans_at(doc, ("Rina Sari", "PER"))]
    assert ents(EntityRules(blank)(doc)) == [("Rina Sari", "PER")]


def test_a_short_form_of_capitalised_words_in_brackets_stays_an_organisation(blank):
    doc = blank("Badan Pengawas Tambang Rakyat (BPTR) menutup lokasi itu. BPTR juga menyita alat berat.")
    later = next(t.i for t in doc if t.text == "BPTR" and t.i > 8)
    doc.ents = [*spans_at(doc, ("Badan Pengawas Tambang Rakyat", "ORG"), ("BPTR", "ORG")),
                Span(doc, later, later + 1, label="ORG")]
    assert [e[0] for e in ents(EntityRules(blank)(doc))] == ["Badan Pengawas Tambang Rakyat", "BPTR", "BPTR"]


@pytest.mark.parametrize("text, title_span", [
    ("DPR mengesahkan Undang-Undang Nomor 7 Tahun 2021 tentang Harmonisasi Pajak Daerah pada Senin.",
     ("Pajak Daerah", "LOC")),
    ("Aturan itu tertuang dalam Perda Nomor 3 Tahun 2019 tentang Ketertiban Umum dan Perlindungan Warga.",
     ("Perlindungan Warga", "ORG")),
])
def test_the_title_of_a_law_after_tentang_holds_no_entity(blank, text, title_span):
    doc = blank(text)
    doc.ents = spans_at(doc, title_span)
    assert title_span not in ents(EntityRules(blank)(doc))


def test_a_name_after_tentang_with_no_law_before_it_stays(blank):
    doc = blank("Presiden berbicara tentang Kepulauan Natuna di depan wartawan.")
    doc.ents = spans_at(doc, ("Kepulauan Natuna", "LOC"))
    assert ents(EntityRules(blank)(doc)) == [("Kepulauan Natuna", "LOC")]


def test_a_name_a_recognizer_cut_at_dan_is_whole_when_its_short_form_follows(blank):
    doc = blank("Kepala Badan Pengelola Pajak dan Retribusi Daerah (BPPRD) Kota Sukamaju, Budi Santoso, menjelaskan.")
    doc.ents = spans_at(doc, ("Badan Pengelola Pajak", "ORG"), ("BPPRD", "ORG"), ("Budi Santoso", "PER"))
    out = EntityRules(blank)(doc)
    assert ("Badan Pengelola Pajak dan Retribusi Daerah", "ORG") in ents(out)
    assert [r[1] for r in roles(out)] == ["Budi Santoso"]


def test_places_before_a_short_form_of_another_kind_stay_apart(blank):
    doc = blank("Warga Jawa Barat dan Banten (JBB) mengungsi.")
    doc.ents = spans_at(doc, ("Jawa Barat", "LOC"), ("Banten", "LOC"), ("JBB", "ORG"))
    assert ents(EntityRules(blank)(doc)) == [("Jawa Barat", "LOC"), ("Banten", "LOC"), ("JBB", "ORG")]


@pytest.mark.parametrize("text, name, label", [
    ("Pengiriman vaksin Koronavak tahap kedua tiba kemarin.", "Koronavak", "PER"),
    ("Penumpang maskapai Rajawali Air diminta tenang.", "Rajawali Air", "LOC"),
])
def test_a_name_after_a_word_for_a_company_or_its_product_is_an_organisation(blank, text, name, label):
    doc = blank(text)
    doc.ents = spans_at(doc, (name, label))
    assert ents(EntityRules(blank)(doc)) == [(name, "ORG")]


def test_a_place_after_atau_that_is_no_short_form_stays_apart(blank):
    doc = blank("Warga Kota Bandung atau Bekasi diminta waspada, kata Rina Sari.")
    doc.ents = spans_at(doc, ("Kota Bandung", "LOC"), ("Bekasi", "LOC"), ("Rina Sari", "PER"))
    assert ents(EntityRules(blank)(doc)) == [("Kota Bandung", "LOC"), ("Bekasi", "LOC"), ("Rina Sari", "PER")]


@pytest.mark.parametrize("spans", [
    [("Sleman AKBP Budi Santoso", "PER")],
    [("Sleman AKBP", "PER"), ("Budi Santoso", "PER")],
])
def test_a_rank_inside_a_person_span_starts_the_name_and_gives_the_office_its_place(blank, spans):
    doc = blank("Kepala Polres Sleman AKBP Budi Santoso mengatakan, kasus itu diselidiki.")
    doc.ents = spans_at(doc, *spans)
    doc = EntityRules(blank)(doc)
    assert [r[:2] for r in roles(doc)] == [("Kepala Polres Sleman", "Budi Santoso")]
    assert [e for e in ents(doc) if e[1] == "PER"] == [("Budi Santoso", "PER")]


@pytest.mark.parametrize("text, name", [
    ("Ia kuliah di Universitas Jenderal Achmad Yani sejak 2010.", "Universitas Jenderal Achmad Yani"),
    ("Kantor itu di Jalan Jenderal Gatot Subroto, kata Budi Santoso.", "Jalan Jenderal Gatot Subroto"),
])
def test_a_rank_right_after_a_cue_word_names_a_namesake_not_a_person(blank, text, name):
    doc = EntityRules(blank)(blank(text))
    assert name in [e[0] for e in ents(doc)]
    assert all(e[0] not in name for e in ents(doc) if e[1] == "PER")


def test_a_rank_before_a_name_after_a_comma_makes_no_name_form(blank):
    doc = blank("Dihubungi terpisah, Dosen Hukum Fakultas Hukum Universitas Jenderal Sutomo Cimahi, "
                "Rina Wulan Sari, mengatakan, hal itu baik.")
    doc.ents = spans_at(doc, ("Sutomo Cimahi", "PER"), ("Rina Wulan Sari", "PER"))
    doc = EntityRules(blank)(doc)
    assert [r[1] for r in roles(doc)] == ["Rina Wulan Sari"]
    assert doc._.kg_name_forms == []  # never "Jenderal Sutomo Cimahi, Rina Wulan Sari"


@pytest.mark.parametrize("text, unit", [
    ("Prajurit Kodam III/Siliwangi bersiaga di perbatasan.", "Kodam III/Siliwangi"),
    ("Prajurit Kodam III/ Siliwangi bersiaga di perbatasan.", "Kodam III/ Siliwangi"),
])
def test_a_military_units_number_and_name_after_a_slash_are_one_organisation(text, unit):
    from kg.nlp.pipeline import load_pipeline

    doc = load_pipeline(use_model=False)(text)
    assert (unit, "ORG") in ents(doc)


@pytest.mark.parametrize("label", ["ORG", "LOC"])
def test_a_recognizers_unit_span_goes_on_over_the_slash_and_the_units_name(label):
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline(use_model=False)  # its tokenizer splits "III/" into "III" and "/"
    doc = nlp.make_doc("Rapat digelar di Markas Kodam III/ Siliwangi, Bandung.")
    doc.ents = spans_at(doc, ("Markas Kodam III", label))
    assert ("Markas Kodam III/ Siliwangi", label) in ents(EntityRules(nlp)(doc))


def char_spans(doc: Doc, *phrases: tuple[str, str]) -> list[Span]:
    """Spans over the first occurrence of each (text, label), whatever tokens it covers."""
    out = []
    for phrase, label in phrases:
        start = doc.text.index(phrase)
        out.append(doc.char_span(start, start + len(phrase), label=label))
    return out


def run_rules(nlp, text: str, *found: tuple[str, str]) -> Doc:
    """The rules applied to ``text`` after a recognizer found the (text, label) spans ``found``."""
    doc = nlp(text)
    doc.ents = char_spans(doc, *found)
    return EntityRules(nlp)(doc)


@pytest.mark.parametrize("text, found, want", [
    # the recognizer stopped at the first comma and took the last field for a person
    ("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperkirakan hujan lebat turun sore ini.",
     [("Badan Meteorologi", "ORG"), ("Geofisika", "PER"), ("BMKG", "ORG")],
     [("Badan Meteorologi, Klimatologi, dan Geofisika", "ORG"), ("BMKG", "ORG")]),
    # the recognizer found nothing: the cue word makes the organisation, the list goes on it
    ("Bibit disalurkan Dinas Pertanian, Perkebunan, dan Ketahanan Pangan pekan lalu.",
     [], [("Dinas Pertanian, Perkebunan, dan Ketahanan Pangan", "ORG")]),
    ("Pelatihan dibuka Dinas Koperasi, Usaha Kecil, dan Menengah Kota Bogor.",
     [("Kota Bogor", "LOC")], [("Dinas Koperasi, Usaha Kecil, dan Menengah", "ORG"), ("Kota Bogor", "LOC")]),
    # a list of bodies stays a list, also when the recognizer ran two of them together
    ("Rapat dihadiri Kementerian Pertanian, Kementerian Perdagangan, dan Badan Pangan Nasional.",
     [("Kementerian Pertanian", "ORG"), ("Kementerian Perdagangan", "ORG"), ("Badan Pangan Nasional", "ORG")],
     [("Kementerian Pertanian", "ORG"), ("Kementerian Perdagangan", "ORG"), ("Badan Pangan Nasional", "ORG")]),
    ("Rapat dihadiri Kementerian Pertanian, Badan Pangan Nasional, dan Badan Urusan Logistik.",
     [("Kementerian Pertanian, Badan Pangan Nasional", "ORG")],
     [("Kementerian Pertanian", "ORG"), ("Badan Pangan Nasional", "ORG"), ("Badan Urusan Logistik", "ORG")]),
    ("Gugatan itu ditujukan kepada Mahkamah Agung, dan Menteri Agama diminta hadir.",
     [("Mahkamah Agung", "ORG")], [("Mahkamah Agung", "ORG")]),
])
def test_an_organisation_named_for_a_comma_list_of_fields_is_one_organisation(blank, text, found, want):
    assert ents(run_rules(blank, text, *found)) == want


@pytest.mark.parametrize("text, found, want", [
    ("Rapat dihadiri Kementerian Pertanian, dan pengusaha.", [("Kementerian Pertanian,", "ORG")],
     [("Kementerian Pertanian", "ORG")]),
    ("Banjir melanda Kelapa Gading — kawasan padat di utara kota.", [("Kelapa Gading —", "LOC")],
     [("Kelapa Gading", "LOC")]),
    ("Lahan itu dibeli “Budi Santoso” tahun lalu.", [("“Budi Santoso”", "PER")],
     [("Budi Santoso", "PER")]),
    # a hyphen written against the word is part of it
    ("Forum Kepala Desa se-Jawa bertemu di Semarang.", [("Forum Kepala Desa se-Jawa", "ORG")],
     [("Forum Kepala Desa se-Jawa", "ORG")]),
])
def test_a_recognizers_span_loses_the_punctuation_at_its_edges(blank, text, found, want):
    assert ents(run_rules(blank, text, *found)) == want


def test_a_recognizers_span_ends_at_a_line_break(blank):
    doc = blank("Baca juga: Sungai Cimanuk Meluap\n\nBadan Meteorologi, Klimatologi, dan Geofisika memperkirakan "
                "hujan masih turun.")
    doc.ents = char_spans(doc, ("Sungai Cimanuk Meluap\n\nBadan Meteorologi, Klimatologi", "LOC"))
    assert ents(EntityRules(blank)(doc)) == [("Sungai Cimanuk Meluap", "LOC"),
                                              ("Badan Meteorologi, Klimatologi, dan Geofisika", "ORG")]


def test_a_headline_phrase_the_story_writes_in_lower_case_is_no_name(blank):
    doc = blank("Longsor Tutup Jalan Provinsi di Garut\n\nTanah longsor menutup ruas jalan provinsi di Garut, "
                "kata Wahyu Santoso.")
    doc.ents = char_spans(doc, ("Wahyu Santoso", "PER"))
    out = ents(EntityRules(blank)(doc))
    assert not [e for e in out if "Jalan" in e[0] or "jalan" in e[0]]
    assert ("Wahyu Santoso", "PER") in out


@pytest.mark.parametrize("text", [
    "Warga menyebut air mulai naik sejak sore.",
    "Petugas mengatakan api sudah padam pukul 03.00.",
    "Korban menuturkan ia dipukul dua kali.",
])
def test_a_lone_noun_opening_a_sentence_before_a_reporting_verb_is_no_person(blank, text):
    assert ents(EntityRules(blank)(blank(text))) == []


def test_a_name_the_article_gives_elsewhere_opens_a_sentence_before_a_reporting_verb(blank):
    doc = blank("Polisi memeriksa Sutrisno Hadi. Sutrisno mengatakan ia tidak tahu.")
    doc.ents = char_spans(doc, ("Sutrisno Hadi", "PER"))
    assert ents(EntityRules(blank)(doc)) == [("Sutrisno Hadi", "PER"), ("Sutrisno", "PER")]


@pytest.mark.parametrize("text, found, want", [
    ("Meanwhile, Finance Minister Sri Wahyuni Lestari said the budget was secure.",
     [("Sri Wahyuni", "PER")], [("Sri Wahyuni Lestari", "PER")]),
    ("Hal itu disampaikan Budi Hartanto, pengurus koperasi.", [("Budi", "PER")], [("Budi Hartanto", "PER")]),
    # a word the article uses in a place's name, a degree and a capitalised next word end nothing
    ("Banjir melanda Sukamaju. Rapat dipimpin Budi Sukamaju kemarin.",
     [("Sukamaju", "LOC"), ("Budi", "PER")], [("Sukamaju", "LOC"), ("Budi", "PER")]),
    ("Rapat dipimpin Budi Santoso SH kemarin.", [("Budi Santoso", "PER")], [("Budi Santoso", "PER")]),
    ("Surat itu diteken Budi Santoso Ketua, bukan sekretaris.", [("Budi Santoso", "PER")],
     [("Budi Santoso", "PER")]),
])
def test_a_free_name_word_after_a_persons_span_ends_the_name(blank, text, found, want):
    assert [e for e in ents(run_rules(blank, text, *found)) if e[1] != "ORG"] == want


@pytest.mark.parametrize("text, found, want", [
    ("Kuasa hukum korban, Budi Santoso SH, mengatakan gugatan sudah masuk.",
     "Budi Santoso SH", "Budi Santoso"),
    ("Kepala puskesmas, Rina Wati SpOG MKes, mengatakan stok vaksin cukup.", "Rina Wati SpOG MKes", "Rina Wati"),
    ("Dosen itu, Hendra Wicaksana PhD, menilai aturan itu lemah.", "Hendra Wicaksana PhD", "Hendra Wicaksana"),
    ("Ketua panitia, Dewi Lestari, S.Pd, membuka acara.", "Dewi Lestari, S.Pd", "Dewi Lestari"),
])
def test_degrees_after_a_name_are_no_part_of_it(blank, text, found, want):
    doc = blank(text)
    doc.ents = char_spans(doc, (found, "PER"))
    assert ents(EntityRules(blank)(doc)) == [(want, "PER")]


@pytest.mark.parametrize("text, found, want", [
    ("Economist Rudi Hartono of the Center for Fiscal Studies (CFS) warned of a deficit.",
     [("Rudi Hartono", "PER"), ("Center for Fiscal Studies (CFS", "ORG")],
     [("Rudi Hartono", "PER"), ("Center for Fiscal Studies", "ORG"), ("CFS", "ORG")]),
    ("Hal itu disampaikan Komisi Pemilihan Umum (KPU) Kota Ambon.", [("Komisi Pemilihan Umum (", "ORG")],
     [("Komisi Pemilihan Umum", "ORG"), ("KPU", "ORG")]),
    # a bracket the span closes stays
    ("Saham PT Semen Gresik (Persero) naik.", [("PT Semen Gresik (Persero)", "ORG")],
     [("PT Semen Gresik (Persero)", "ORG")]),
])
def test_a_span_that_opens_a_bracket_it_does_not_close_ends_before_it(blank, text, found, want):
    assert [e for e in ents(run_rules(blank, text, *found)) if "Ambon" not in e[0]] == want


def test_a_recognizers_one_word_guess_after_a_persons_span_ends_the_name(blank):
    doc = blank("Meanwhile, Finance Minister Sri Wahyuni Lestari said the budget was secure.")
    doc.ents = char_spans(doc, ("Sri Wahyuni", "PER"), ("Lestari", "ORG"))
    assert ents(EntityRules(blank)(doc)) == [("Sri Wahyuni Lestari", "PER")]
    # a word the article also writes as an organisation's name stays apart
    doc = blank("Lestari Bank grew fast. Finance Minister Sri Wahyuni Lestari said the budget was secure.")
    doc.ents = char_spans(doc, ("Lestari Bank", "ORG"), ("Sri Wahyuni", "PER"))
    doc.ents = list(doc.ents) + [Span(doc, 9, 10, label="ORG")]  # the second "Lestari"
    assert ("Sri Wahyuni", "PER") in ents(EntityRules(blank)(doc))


@pytest.mark.parametrize("cue", ["Jalan", "Kota", "Desa"])
def test_a_place_cue_word_alone_is_no_place(blank, cue):
    doc = blank(f"Warga memadati {cue} sejak pagi.")
    doc.ents = char_spans(doc, (cue, "LOC"))
    assert ents(EntityRules(blank)(doc)) == []


def test_an_english_headline_with_small_words_in_lower_case_is_a_headline(blank):
    doc = blank("Government to Expand Free Meal Program to Eastern Provinces\n\n"
                "The government will extend the program to five provinces, an official said.")
    doc.ents = char_spans(doc, ("Eastern Provinces", "ORG"))
    assert ents(EntityRules(blank)(doc)) == []


@pytest.mark.parametrize("text, found, title, owner", [
    ("National Water Agency (NWA) head Rudi Hartono said the dam was safe.",
     [("National Water Agency", "ORG"), ("NWA", "ORG"), ("Rudi Hartono", "PER")],
     "National Water Agency (NWA) head", "National Water Agency"),
    ("Ambon police chief Rudi Hartono said two men were arrested.",
     [("Ambon", "LOC"), ("Rudi Hartono", "PER")], "Ambon police chief", "Ambon"),
])
def test_an_english_title_written_after_its_organisation_or_place_holds_it(english, text, found, title, owner):
    assert roles(run_rules(english, text, *found)) == [(title, "Rudi Hartono", owner)]


@pytest.mark.parametrize("text, found, want", [
    # the name right after "juru bicara" is the principal's; the name beside it holds the role
    ("Rina Kartika, juru bicara Budi Santoso, mewakili keluarga.",
     [("Rina Kartika", "PER"), ("Budi Santoso", "PER")], [("juru bicara Budi Santoso", "Rina Kartika")]),
    ("Juru bicara Bupati Budi Santoso, Rina Kartika, mengatakan beliau sehat.",
     [("Budi Santoso", "PER"), ("Rina Kartika", "PER")],
     [("Bupati", "Budi Santoso"), ("Juru bicara Bupati Budi Santoso", "Rina Kartika")]),
    ("Kuasa hukum Budi Santoso, Andi Wijaya, mengatakan kliennya kooperatif.",
     [("Budi Santoso", "PER"), ("Andi Wijaya", "PER")], [("Kuasa hukum Budi Santoso", "Andi Wijaya")]),
    ("Aziz Wibowo, kuasa hukum LSM Cakra dan Budi Santoso, menyatakan pihaknya menghormati penyidik.",
     [("Aziz Wibowo", "PER"), ("LSM Cakra", "ORG"), ("Budi Santoso", "PER")],
     [("kuasa hukum LSM Cakra", "Aziz Wibowo")]),  # and Budi Santoso, the second principal, holds none
    ("Namun, Aziz Wibowo, anggota tim kuasa hukum Budi, datang pada Selasa.",
     [("Aziz Wibowo", "PER"), ("Budi", "PER")], [("anggota tim", "Aziz Wibowo"), ("kuasa hukum Budi", "Aziz Wibowo")]),
    # with no name beside it, the name after a title or an organisation holds it; right after
    # the role word alone it is the principal's, and no one's role is known
    ("Juru Bicara Bupati Rina Kartika mengatakan bupati sehat.", [("Rina Kartika", "PER")],
     [("Juru Bicara Bupati", "Rina Kartika")]),
    ("Kuasa hukum Budi Santoso mengatakan kliennya kooperatif.", [("Budi Santoso", "PER")], []),
])
def test_a_role_held_for_someone_goes_to_the_name_beside_it(blank, text, found, want):
    assert sorted(r[:2] for r in roles(run_rules(blank, text, *found))) == sorted(want)


def test_an_english_spokesperson_for_someone_is_the_name_in_apposition(blank):
    doc = spacy.blank("en")("Rina Kartika, spokesperson for Governor Budi Santoso, said he was stable.")
    doc.ents = char_spans(doc, ("Rina Kartika", "PER"), ("Budi Santoso", "PER"))
    assert sorted(r[:2] for r in roles(EntityRules(blank)(doc))) == [
        ("Governor", "Budi Santoso"), ("spokesperson for Governor Budi Santoso", "Rina Kartika")]


def test_a_rank_at_the_end_of_an_organisation_span_goes_to_the_name_after_it(blank):
    doc = blank("Kepala Polres Sukamaju Kombes Pol Budi Santoso mengatakan dua orang ditangkap.")
    doc.ents = char_spans(doc, ("Polres Sukamaju Kombes Pol", "ORG"), ("Budi Santoso", "PER"))
    out = EntityRules(blank)(doc)
    assert ("Polres Sukamaju", "ORG") in ents(out)
    assert [r[:2] for r in roles(out)] == [("Kepala Polres Sukamaju", "Budi Santoso")]


@pytest.mark.parametrize("text", [
    "Nantinya, kuasa hukum yang memediasi semua keterangan keluarga.",
    "Sebenarnya, juru bicara yang ditunjuk belum bekerja.",
])
def test_an_adverb_before_a_comma_and_a_title_is_no_person(blank, text):
    out = EntityRules(blank)(blank(text))
    assert ents(out) == [] and roles(out) == []


def test_a_short_headline_opening_the_text_is_read_as_a_headline(blank):
    doc = blank("Keluarga Minta Doa\n\nMAKASSAR - Rina Kartika mengatakan bupati dirawat sejak Senin.")
    doc.ents = char_spans(doc, ("Minta Doa", "PER"), ("Rina Kartika", "PER"))
    assert ents(EntityRules(blank)(doc)) == [("Rina Kartika", "PER")]
    # the same words further down are a line of the story, not a headline
    doc = blank("Rina Kartika mengatakan hal itu.\n\nKeluarga Minta Doa")
    doc.ents = char_spans(doc, ("Rina Kartika", "PER"), ("Minta Doa", "PER"))
    assert ("Minta Doa", "PER") in ents(EntityRules(blank)(doc))


@pytest.mark.parametrize("text, found, want", [
    # a day or a month in English text is still a day or a month, also abbreviated
    ("Sunday was quiet in the capital.", [("Sunday", "PER")], []),
    ("MANILA, Dec 4 - The talks ended.", [("Dec", "PER")], []),
    # a compass word alone names no place
    ("Ships sailed into the South China Sea on Monday.", [("South", "LOC"), ("China", "LOC")],
     [("China", "LOC")]),
])
def test_english_calendar_and_compass_words_are_no_names(english, text, found, want):
    assert ents(run_rules(english, text, *found)) == want


@pytest.mark.parametrize("text, found, want", [
    # an English name goes on past "and"/"of", also over a recognizer's piece of it
    ("Direktur Eksekutif Centre for Rural and Coastal Studies (CRCS) Rudi Hartono menilai hal itu.",
     [("Coastal Studies", "ORG"), ("Rudi Hartono", "PER")],
     [("Centre for Rural and Coastal Studies", "ORG"), ("CRCS", "ORG"), ("Rudi Hartono", "PER")]),
    ("Direktur Institute for Research of Energy and Mining (IREM) Rudi Hartono menilai hal itu.",
     [("Rudi Hartono", "PER")],
     [("Institute for Research of Energy and Mining", "ORG"), ("IREM", "ORG"), ("Rudi Hartono", "PER")]),
    # a head-final organisation takes a place before it, never title words
    ("Data from the Pacific Reef Monitoring Initiative showed the loss.", [("Pacific", "LOC")],
     [("Pacific Reef Monitoring Initiative", "ORG")]),
    ("Menurut Direktur Eksekutif Center, angka itu naik.", [], []),
])
def test_english_organisation_names(blank, text, found, want):
    assert ents(run_rules(blank, text, *found)) == want


def test_an_english_title_names_its_organisation_with_of_the(english):
    doc = english("Budi Santoso, head of the Jakarta Fire Department, said the blaze was out.")
    doc.ents = char_spans(doc, ("Budi Santoso", "PER"), ("Jakarta", "LOC"))
    out = EntityRules(english)(doc)
    assert roles(out) == [("head of the Jakarta Fire Department", "Budi Santoso", "Jakarta Fire Department")]


def test_a_name_after_an_expert_organisations_abbreviation_is_the_experts(blank):
    doc = blank("Pengamat pajak Budi Santoso Tax Center (BSTC) Hartono berpendapat, isu utama belum terjawab.")
    doc.ents = char_spans(doc, ("Budi Santoso Tax Center", "PER"))
    out = EntityRules(blank)(doc)
    assert ents(out) == [("Budi Santoso Tax Center", "ORG"), ("BSTC", "ORG"), ("Hartono", "PER")]
    assert [r[:2] for r in roles(out)] == [("Pengamat pajak Budi Santoso Tax Center (BSTC)", "Hartono")]


def test_a_currency_after_a_cue_word_makes_no_place(blank):
    doc = blank("KPK Periksa Bupati Sukamaju Terkait Proyek Jalan Rp 120 Miliar\n\nJAKARTA - KPK memeriksa bupati.")
    assert not [e for e in ents(EntityRules(blank)(doc)) if "Rp" in e[0]]


@pytest.mark.parametrize("text, found, role", [
    # English unit words after the title word belong to the role, a recognizer's person span
    # over the title and its unit ("[EVP Consumer]") leaves no name behind
    ("EVP Consumer Banking BNI Sari Wulandari, Kamis (3/2/2022), mengatakan, kredit naik.",
     [("EVP Consumer", "PER"), ("BNI", "ORG")],
     ("EVP Consumer Banking BNI", "Sari Wulandari", "BNI")),
    # ... and before it, when the title word ends the English title
    ("External Affairs Senior Lead Bukalapak Dimas Saputra menyatakan, mitra bertambah.",
     [("External Affairs", "ORG"), ("Bukalapak", "ORG"), ("Dimas Saputra", "PER")],
     ("External Affairs Senior Lead Bukalapak", "Dimas Saputra", "Bukalapak")),
    ("Head of Corporate Communication Sinar Kencana Rudi Hartono mengatakan, proyek selesai.",
     [("Sinar Kencana", "ORG"), ("Rudi Hartono", "PER")],
     ("Head of Corporate Communication Sinar Kencana", "Rudi Hartono", "Sinar Kencana")),
    # the tokenizer splits "Co-Founder" at the hyphen
    ("Co-Founder Kopi Nusa Rina Marlina mengatakan, penjualan naik.",
     [("Kopi Nusa", "ORG"), ("Rina Marlina", "PER")],
     ("Co-Founder Kopi Nusa", "Rina Marlina", "Kopi Nusa")),
])
def test_english_company_titles_in_indonesian_news(blank, text, found, role):
    assert roles(run_rules(blank, text, *found)) == [role]


def test_english_unit_words_stay_out_of_an_indonesian_sentence_without_a_title(blank):
    out = run_rules(blank, "Divisi Digital Banking BNI meluncurkan layanan baru, kata Sari Wulandari.",
                    ("BNI", "ORG"), ("Sari Wulandari", "PER"))
    assert roles(out) == []
    assert ("Sari Wulandari", "PER") in ents(out)



def test_a_hyphenated_name_after_a_cue_word_in_a_title_is_one_name(blank):
    out = run_rules(blank, "Kepala Bandara Adi-Sucipto Budi Santoso mengatakan, penerbangan normal.",
                    ("Budi Santoso", "PER"))
    assert ("Bandara Adi-Sucipto", "LOC") in ents(out)
    assert roles(out) == [("Kepala Bandara Adi-Sucipto", "Budi Santoso", "Bandara Adi-Sucipto")]


def test_people_listed_with_their_titles_each_keep_their_role(blank):
    text = ("Hal itu disampaikan pengajar Ilmu Politik Universitas Andalas Padang, Rudi Hartono, dan "
            "pengajar Hukum Tata Negara Universitas Brawijaya, Malang, Sari Dewi.")
    out = run_rules(blank, text, ("Universitas Andalas", "ORG"), ("Padang", "LOC"), ("Rudi Hartono", "PER"),
                    ("Universitas Brawijaya", "ORG"), ("Malang", "LOC"), ("Sari Dewi", "PER"))
    assert [r[:2] for r in roles(out)] == [
        ("pengajar Ilmu Politik Universitas Andalas Padang", "Rudi Hartono"),
        ("pengajar Hukum Tata Negara Universitas Brawijaya, Malang", "Sari Dewi")]


@pytest.mark.parametrize("text, found, role", [
    # a body written in lower case after the title, then the name between commas
    ("Ketua tim pemenangan Budi Santoso, Hendra Wijaya, mengatakan, relawan siap.",
     [("Budi Santoso", "PER"), ("Hendra Wijaya", "PER")],
     ("Ketua tim pemenangan Budi Santoso", "Hendra Wijaya")),
    # a ticket of two candidates joined by a hyphen is the body's name
    ("Ketua tim kampanye Budi-Rina, Hendra Wijaya, mengatakan, relawan siap.",
     [("Budi", "PER"), ("Rina", "PER"), ("Hendra Wijaya", "PER")],
     ("Ketua tim kampanye Budi-Rina", "Hendra Wijaya")),
])
def test_a_campaign_teams_head_is_the_name_between_commas(blank, text, found, role):
    out = run_rules(blank, text, *found)
    assert [r[:2] for r in roles(out)] == [role]
    assert (role[1], "PER") in ents(out)


def test_a_lower_case_body_word_after_a_title_makes_no_person_of_the_verb(blank):
    out = run_rules(blank, "Ketua tim mengatakan, relawan siap bekerja.")
    assert ents(out) == [] and roles(out) == []


def test_a_short_form_given_with_atau_is_the_organisations_name_in_a_title(blank):
    text = ("Perpustakaan Daerah Sukamaju atau Perpusda membuka layanan lagi. Kepala Perpusda Budi Santoso "
            "mengatakan, pengunjung dibatasi.")
    out = run_rules(blank, text, ("Perpustakaan Daerah Sukamaju", "ORG"), ("Perpusda Budi Santoso", "PER"))
    assert ("Budi Santoso", "PER") in ents(out)
    assert [r[:2] for r in roles(out)] == [("Kepala Perpusda", "Budi Santoso")]


@pytest.mark.parametrize("text, found, want", [
    # two titles joined by "dan" before one name are that person's
    ("Co-Founder dan COO Kopi Nusa Rina Marlina mengatakan, penjualan naik tajam bulan ini.",
     [("Kopi Nusa", "ORG"), ("Rina Marlina", "PER")],
     [("Co-Founder dan COO Kopi Nusa", "Rina Marlina")]),
    # ... but not before two names, nor before no name
    ("Presiden dan Wakil Presiden Budi Santoso dan Rina Marlina hadir di Demak.",
     [("Budi Santoso", "PER"), ("Rina Marlina", "PER")],
     [("Wakil Presiden", "Budi Santoso")]),
    ("Presiden dan Wakil Presiden mengunjungi lokasi banjir di Demak.", [], []),
])
def test_two_titles_joined_by_dan_before_one_name(blank, text, found, want):
    assert [r[:2] for r in roles(run_rules(blank, text, *found))] == want



def test_a_recognizer_span_holding_more_than_unit_words_is_not_cut_by_a_title(english):
    doc = english("Indonesia's Foreign Affairs Minister Budi Santoso said the talks would continue.")
    doc.ents = char_spans(doc, ("Indonesia", "LOC"), ("Foreign Affairs", "ORG"), ("Budi Santoso", "PER"))
    out = EntityRules(english)(doc)
    assert ("Foreign", "ORG") not in ents(out)


@pytest.mark.parametrize("text, found, role", [
    ("Home Affairs Minister Hendra Wijaya told reporters the elections would go ahead.",
     [("Home Affairs", "ORG"), ("Hendra Wijaya", "PER")], "Home Affairs Minister"),
    ("Trade and Industry Minister Rina Marlina said exports rose 12 percent.",
     [("Rina Marlina", "PER")], "Trade and Industry Minister"),
])
def test_an_english_portfolio_of_several_words_is_part_of_the_role(english, text, found, role):
    doc = english(text)
    doc.ents = char_spans(doc, *found)
    out = EntityRules(english)(doc)
    assert [r[0] for r in roles(out)] == [role]
    assert [e for e in ents(out) if e[1] == "ORG"] == []


def test_a_country_before_an_english_title_with_a_possessive_is_the_roles(english):
    doc = english("Indonesia's Trade Minister Rina Marlina said exports rose 12 percent.")
    doc.ents = char_spans(doc, ("Indonesia", "LOC"), ("Rina Marlina", "PER"))
    out = EntityRules(english)(doc)
    assert roles(out) == [("Trade Minister", "Rina Marlina", "Indonesia")]
