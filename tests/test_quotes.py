"""Quote finding and attribution on Indonesian news patterns (our own sentences)."""

from __future__ import annotations

import pytest

from kg.model import Block
from kg.nlp.quotes import QuoteRecord, find_quotes, guess_mentions, load_lexicon


def found(text: str, blocks=(), mentions=()) -> list[tuple]:
    return [(r.mode, r.text, r.speaker_text, r.cue) for r in find_quotes(text, blocks, mentions)]


CASES = [
    # --- direct quotes, cue after the quote -------------------------------------------------
    pytest.param(
        "”Kami akan menaikkan anggaran pendidikan tahun depan,” kata Rina Kartika.",
        [("direct", "Kami akan menaikkan anggaran pendidikan tahun depan", "Rina Kartika", "kata")],
        id="kompas-marks-name"),
    pytest.param(
        '"Semua pos pemeriksaan kami perketat selama libur panjang," ujar Kapolri.',
        [("direct", "Semua pos pemeriksaan kami perketat selama libur panjang", "Kapolri", "ujar")],
        id="straight-marks-title-only"),
    pytest.param(
        "“Kerja sama ini menguntungkan kedua negara,” tutur Menlu Retno di Jakarta.",
        [("direct", "Kerja sama ini menguntungkan kedua negara", "Menlu Retno", "tutur")],
        id="curly-marks-title-and-name"),
    pytest.param(
        "Siti Aminah berjualan sayur di Pasar Kramat sejak 2010.\n\n"
        "”Harga cabai naik dua kali lipat,” kata dia.",
        [("direct", "Harga cabai naik dua kali lipat", "Siti Aminah", "kata")],
        id="pronoun-after-cue"),
    pytest.param(
        "Kepala Dinas Pendidikan Kota Palu, Gregorius Hale, meninjau sekolah yang rusak.\n\n"
        "”Perbaikan dimulai pekan depan,” ujarnya.",
        [("direct", "Perbaikan dimulai pekan depan", "Gregorius Hale", "ujarnya")],
        id="nya-cue"),
    pytest.param(
        '"Kami tidak akan mundur," kata juru bicara serikat buruh, Darto Wiyono, dalam jumpa pers.',
        [("direct", "Kami tidak akan mundur", "Darto Wiyono", "kata")],
        id="lowercase-role-before-name"),
    pytest.param(
        "”Jalur evakuasi sudah kami siapkan,” kata Kepala Desa Sukamaju, Kecamatan Cibeber, "
        "Endang Suherman di Cianjur.",
        [("direct", "Jalur evakuasi sudah kami siapkan", "Endang Suherman", "kata")],
        id="long-appositive-role"),
    pytest.param(
        "”Bantuan harus sampai pekan ini,” tutur Presiden, dari Gedung Agung, Yogyakarta.",
        [("direct", "Bantuan harus sampai pekan ini", "Presiden", "tutur")],
        id="title-only-then-place-clause"),
    pytest.param(
        "”Semua data sudah kami serahkan,” Yohana Saragih menambahkan.",
        [("direct", "Semua data sudah kami serahkan", "Yohana Saragih", "menambahkan")],
        id="name-then-verb-after-quote"),
    # --- cue before the quote ---------------------------------------------------------------
    pytest.param(
        "Bambang Sutrisno menegaskan: “Tidak ada penggusuran tanpa musyawarah.”",
        [("direct", "Tidak ada penggusuran tanpa musyawarah.", "Bambang Sutrisno", "menegaskan")],
        id="colon-before"),
    pytest.param(
        "Pelatih Andi Wijaya tampak tenang. Soal jadwal final, ia berkata, "
        '"Kami siap bermain kapan saja."',
        [("direct", "Kami siap bermain kapan saja.", "Andi Wijaya", "berkata")],
        id="pronoun-comma-before"),
    pytest.param(
        "Saat ditanya wartawan, kata Budi Santoso, “Kami sepakat menunda pemilihan ketua.”",
        [("direct", "Kami sepakat menunda pemilihan ketua.", "Budi Santoso", "kata")],
        id="kata-name-comma-before"),
    # --- broken, multi-paragraph, nested -------------------------------------------------------
    pytest.param(
        "”Produksi padi tahun ini naik,” kata Hendra Wijaya, ”tetapi harga gabah masih rendah.”",
        [("direct", "Produksi padi tahun ini naik", "Hendra Wijaya", "kata"),
         ("direct", "tetapi harga gabah masih rendah.", "Hendra Wijaya", "kata")],
        id="broken-by-cue"),
    pytest.param(
        "”Kami sudah tiga hari tidak bisa melaut. Ombak terlalu tinggi.\n\n"
        "”Kalau cuaca membaik, kami berangkat lagi,” kata nelayan Yusuf Latif.",
        [("direct", ("Kami sudah tiga hari tidak bisa melaut. Ombak terlalu tinggi.\n\n"
                     "Kalau cuaca membaik, kami berangkat lagi"), "Yusuf Latif", "kata")],
        id="multi-paragraph-kompas"),
    pytest.param(
        '"Listrik padam sejak subuh.\n\n"Genset kami juga rusak," ujar Maria Ulfa.',
        [("direct", "Listrik padam sejak subuh.\n\nGenset kami juga rusak", "Maria Ulfa", "ujar")],
        id="multi-paragraph-straight"),
    pytest.param(
        '"Saya hanya bilang ‘tunggu hasil audit’, itu saja," ujar Fajar Nugroho.',
        [("direct", "Saya hanya bilang ‘tunggu hasil audit’, itu saja", "Fajar Nugroho", "ujar")],
        id="nested-single-quotes"),
    pytest.param(
        "Wali Kota Sinta Dewi meninjau lokasi banjir pada Minggu pagi.\n\n"
        "”Pompa air tambahan sudah kami kirim ke sini.”",
        [("direct", "Pompa air tambahan sudah kami kirim ke sini.", "Sinta Dewi", None)],
        id="standalone-quote-paragraph-inherits-speaker"),
    # --- not statements ------------------------------------------------------------------------
    pytest.param("Film “Laskar Pelangi” diputar kembali di bioskop Belitung.", [], id="film-title"),
    pytest.param('Para "relawan" itu ternyata dibayar oleh panitia.', [], id="scare-quote"),
    pytest.param("Warga menyebut Tono sebagai ”dokter” kampung.", [], id="nickname"),
    pytest.param("Kampanye bertajuk “Indonesia Bersih 2030” diluncurkan pada Senin.", [], id="slogan"),
    pytest.param("Menteri Rahmat Hidayat memastikan, ”kota pelajar” itu siap menerima mahasiswa baru.",
                 [], id="quoted-phrase-inside-clause"),
    # --- reported speech -----------------------------------------------------------------------
    pytest.param(
        "Direktur Utama PT Maju Jaya, Agus Salim, mengatakan bahwa perusahaan akan membuka "
        "500 lowongan baru.",
        [("reported", "perusahaan akan membuka 500 lowongan baru", "Agus Salim", "mengatakan")],
        id="mengatakan-bahwa"),
    pytest.param(
        "Menurut Gubernur Arief Rahman, pembangunan jembatan selesai bulan depan.",
        [("reported", "pembangunan jembatan selesai bulan depan", "Gubernur Arief Rahman", "Menurut")],
        id="menurut-name"),
    pytest.param(
        "Menurut pengamat politik dari Universitas Andalas, Rizal Fauzi, koalisi itu rapuh.",
        [("reported", "koalisi itu rapuh", "Rizal Fauzi", "Menurut")],
        id="menurut-role-then-name-between-commas"),
    pytest.param(
        "Proyek itu molor dua tahun, menurut Bupati Yosef Lado.",
        [("reported", "Proyek itu molor dua tahun", "Bupati Yosef Lado", "menurut")],
        id="menurut-at-end"),
    pytest.param(
        "Camat Lina Marlina datang terlambat. Menurut dia, jalan menuju desa tertutup longsor.",
        [("reported", "jalan menuju desa tertutup longsor", "Lina Marlina", "Menurut")],
        id="menurut-dia"),
    pytest.param(
        "Pemerintah akan menambah kuota haji tahun depan. Hal itu disampaikan oleh Menteri Agama "
        "Yusuf Hamdan di Jakarta, Kamis (12/10/2023).",
        [("reported", "Pemerintah akan menambah kuota haji tahun depan", "Menteri Agama Yusuf Hamdan",
          "disampaikan")],
        id="hal-itu-disampaikan-oleh"),
    pytest.param(
        "Stok beras aman hingga akhir tahun, kata Direktur Wahyu Pratama.",
        [("reported", "Stok beras aman hingga akhir tahun", "Direktur Wahyu Pratama", "kata")],
        id="kata-at-end-without-quotes"),
    pytest.param(
        "Rudi Hartono tiba di lokasi pukul 09.00. Dia menambahkan evakuasi warga berjalan lancar.",
        [("reported", "evakuasi warga berjalan lancar", "Rudi Hartono", "menambahkan")],
        id="dia-menambahkan"),
    pytest.param(
        "Kementerian Luar Negeri menyatakan seluruh WNI di lokasi gempa dalam keadaan selamat.",
        [("reported", "seluruh WNI di lokasi gempa dalam keadaan selamat", "Kementerian Luar Negeri",
          "menyatakan")],
        id="organisation-speaker"),
    # --- English -------------------------------------------------------------------------------
    pytest.param(
        '"We will not raise taxes this year," said Laura Becker.',
        [("direct", "We will not raise taxes this year", "Laura Becker", "said")],
        id="english-said-name"),
    pytest.param(
        'Maria Lopez runs a bakery in Lisbon.\n\n"Prices went up twice this spring," she said.',
        [("direct", "Prices went up twice this spring", "Maria Lopez", "said")],
        id="english-pronoun-said"),
    pytest.param(
        "Maria Lopez runs a bakery in Lisbon. She added that flour prices doubled since March.",
        [("reported", "flour prices doubled since March", "Maria Lopez", "added")],
        id="english-reported-that"),
    pytest.param("Laporan tahunan itu menyebutkan angka kemiskinan turun.", [], id="no-speaker-no-statement"),
    pytest.param("Warga yang mengatakan hal itu enggan disebut namanya.", [], id="relative-clause"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_find_quotes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("verb", ["mengatakan", "menyatakan", "menjelaskan", "menegaskan", "mengungkapkan",
                                  "menambahkan", "menuturkan", "menilai", "menyebut", "mengklaim"])
@pytest.mark.parametrize("conj", ["", "bahwa ", "jika ", "kalau ", ", "])
def test_reported_speech_verbs(verb, conj):
    text = f"Ekonom Lestari Wulandari {verb}{'' if conj == ', ' else ' '}{conj}inflasi akan turun pada akhir tahun."
    assert found(text) == [("reported", "inflasi akan turun pada akhir tahun", "Lestari Wulandari", verb)]


@pytest.mark.parametrize("pronoun", ["Dia", "Ia", "Beliau"])
def test_pronoun_subject_resolves_to_last_person(pronoun):
    text = f"Dokter Ratna Sari memeriksa pasien sejak pagi. {pronoun} menjelaskan stok obat masih cukup."
    [r] = find_quotes(text, ())
    assert (r.speaker_text, r.speaker_kind, r.text) == ("Ratna Sari", "pronoun", "stok obat masih cukup")
    assert text[r.speaker_start:r.speaker_end] == "Ratna Sari"


def test_offsets_point_into_text():
    text = "Pembuka berita.\n\n”Kami siap menghadapi musim hujan,” kata Joko Susilo, Kamis (3/11/2022)."
    [r] = find_quotes(text, ())
    assert text[r.start:r.end] == r.text
    assert text[r.cue_start:r.cue_end] == "kata"
    assert text[r.speaker_start:r.speaker_end] == "Joko Susilo"
    assert "Kamis (3/11/2022)" in text[r.frame_start:r.frame_end]


def test_only_body_blocks_are_searched():
    headline = 'Menkeu: "Ekonomi Tumbuh Lima Persen"'
    chrome = 'Baca juga: "Kami Siap Juara," kata Pelatih Timnas'
    body = "”Pertumbuhan ditopang konsumsi rumah tangga,” kata Sri Wahyuni."
    text = f"{headline}\n{chrome}\n{body}"
    blocks = (Block(0, len(headline), "headline"),
              Block(len(headline) + 1, len(headline) + 1 + len(chrome), "chrome"),
              Block(len(text) - len(body), len(text), "body"))
    assert found(text, blocks) == [("direct", "Pertumbuhan ditopang konsumsi rumah tangga", "Sri Wahyuni", "kata")]


def test_recognizer_mentions_choose_speaker_and_antecedent():
    text = ("Lembaga Survei Nusantara merilis hasil jajak pendapat. Peneliti Made Arsana memaparkan datanya.\n\n"
            "”Tingkat kepuasan publik naik,” katanya.")
    org = text.index("Lembaga Survei Nusantara")
    per = text.index("Made Arsana")
    mentions = [(org, org + len("Lembaga Survei Nusantara"), "ORG"), (per, per + len("Made Arsana"), "PER")]
    [r] = [r for r in find_quotes(text, (), mentions) if r.mode == "direct"]
    assert (r.speaker_start, r.speaker_end, r.speaker_kind) == (per, per + len("Made Arsana"), "pronoun")


def test_organisation_mention_after_cue():
    text = "”Bantuan tahap kedua dikirim besok,” tulis Palang Merah Indonesia dalam keterangannya."
    org = text.index("Palang Merah Indonesia")
    [r] = find_quotes(text, (), [(org, org + len("Palang Merah Indonesia"), "ORG")])
    assert (r.speaker_text, r.speaker_kind, r.cue) == ("Palang Merah Indonesia", "organization", "tulis")


def test_records_are_frozen_and_in_text_order():
    text = ("”Satu,” kata Ani Lestari.\n\nDia menambahkan panen raya dimulai pekan depan di desa itu.\n\n"
            "”Dua hal penting harus disiapkan,” ujar Ani Lestari.")
    records = find_quotes(text, ())
    assert [r.start for r in records] == sorted(r.start for r in records)
    assert [r.mode for r in records] == ["direct", "reported", "direct"]
    with pytest.raises(AttributeError):
        records[0].text = "x"  # type: ignore[misc]
    assert isinstance(records[0], QuoteRecord)


def test_guess_mentions_trims_titles_and_splits_roles():
    text = ("Direktur Jenderal Perhubungan Darat Kementerian Perhubungan Budi Setiadi meninjau terminal. "
            "Sebab itu, jadwal diubah.")
    names = {text[s:e]: label for s, e, label in guess_mentions(text)}
    assert names.get("Budi Setiadi") == "PER"
    assert "Sebab" not in names


def test_guess_mentions_leave_out_calendar_words_and_holidays():
    text = "Warga antre sejak pagi menjelang Lebaran di pasar. Pasar tetap buka pada hari Sabtu, kata Rina Sari."
    names = {text[s:e] for s, e, _ in guess_mentions(text)}
    assert names == {"Rina Sari"}


def test_a_speakerless_quote_never_goes_to_a_holiday_or_a_disease_standing_in_for_a_person():
    text = ("Warga bersiap menyambut Lebaran. Banyak yang belum divaksin Covid-19.\n\n"
            "”Stok vaksin cukup untuk semua,” katanya.")
    [r] = [r for r in find_quotes(text, ()) if r.mode == "direct"]
    assert r.speaker_text is None


def test_cue_words_come_from_data_files():
    lex = load_lexicon()
    assert {"kata", "ujar", "tutur", "ungkap", "imbuh", "lanjut", "pungkas", "sambung"} <= lex.cues
    assert {"mengatakan", "menambahkan", "menilai", "mengklaim"} <= lex.speech_verbs
    assert {"dia", "ia", "beliau"} <= lex.pronouns


def test_name_after_comma_beats_a_mislabelled_name_inside_the_role():
    text = '"Kasus baru turun," kata juru bicara Satgas Covid-19 Kota Palu, Nur Aisyah, dalam jumpa pers.'
    covid, nur = text.index("Covid"), text.index("Nur Aisyah")
    palu = text.index("Palu")
    mentions = [(covid, covid + 5, "PER"), (palu, palu + 4, "LOC"), (nur, nur + 10, "PER")]
    [r] = find_quotes(text, (), mentions)
    assert (r.speaker_text, r.speaker_kind) == ("Nur Aisyah", "name")


def test_person_missed_by_the_recognizer_is_still_the_speaker():
    text = "”Jembatan darurat selesai besok,” kata Kepala BPBD Sigi, Hasan Basri, di lokasi banjir."
    sigi = text.index("Sigi")
    [r] = find_quotes(text, (), [(sigi, sigi + 4, "LOC")])
    assert r.speaker_text == "Hasan Basri"


@pytest.mark.parametrize("text, blocks, expected", [
    ("", (), []),
    ("”Kalimat ini ada di menu situs,” kata Admin.", (Block(0, 44, "chrome"),), []),
    ("Pembuka.\n\n”Kami bertahan sampai bantuan datang", (),
     [("direct", "Kami bertahan sampai bantuan datang", None, None)]),
    ("Harga naik 10 persen” tahun ini menurut catatan.", (), []),
], ids=["empty", "chrome-only", "never-closed-at-the-end", "stray-closing-mark"])
def test_edge_cases(text, blocks, expected):
    assert found(text, blocks) == expected


ACTING_SUBJECT = [
    pytest.param(
        "”Stok beras aman sampai Lebaran,” kata Hendro Saputro.\n\n"
        "Bupati Kendal, Ratih Wulansari, meminta pedagang tidak menimbun beras.\n\n"
        "”Kami akan sidak ke gudang,” ujarnya.",
        "Ratih Wulansari", id="subject-of-previous-paragraph-beats-last-speaker"),
    pytest.param(
        "”Stok beras aman sampai Lebaran,” kata Hendro Saputro.\n\n"
        "Dalam rapat itu, Ratih Wulansari juga meminta pedagang tidak menimbun beras.\n\n"
        "”Kami akan sidak ke gudang,” ujarnya.",
        "Ratih Wulansari", id="subject-after-adverbial-and-adverb"),
    pytest.param(
        "”Stok beras aman sampai Lebaran,” kata Hendro Saputro.\n\n"
        "Ratih Wulansari ditegur karena terlambat membagikan beras.\n\n"
        "”Kami akan sidak ke gudang,” ujarnya.",
        "Hendro Saputro", id="passive-subject-does-not-speak"),
    pytest.param(
        "”Stok beras aman sampai Lebaran,” kata Hendro Saputro.\n\n"
        "Harga beras di pasar yang dikunjungi Ratih Wulansari mulai turun.\n\n"
        "”Kami akan sidak ke gudang,” ujarnya.",
        "Hendro Saputro", id="person-not-subject"),
    pytest.param(
        "Bupati Kendal Ratih Wulansari meminta pedagang tidak menimbun beras.\n\n"
        "”Stok beras aman sampai Lebaran,” kata Hendro Saputro.\n\n"
        "Gudang Bulog di Kendal masih menyimpan 2.000 ton.\n\n"
        "”Kami akan sidak ke gudang,” ujarnya.",
        "Hendro Saputro", id="subject-two-paragraphs-back-loses"),
    pytest.param(
        "”Stok beras aman sampai Lebaran,” kata Hendro Saputro.\n\n"
        "Bupati Ratih Wulansari meminta pedagang tidak menimbun beras.\n\n"
        "”Kami akan sidak ke gudang.”",
        "Ratih Wulansari", id="cue-less-quote"),
    pytest.param(
        "”Stok beras aman sampai Lebaran,” kata Hendro Saputro.\n\n"
        "Ketua sekaligus Pendiri Paguyuban Tani Subur (PTS) Ratih Wulansari yakin, harga akan turun.\n\n"
        "”Kami akan sidak ke gudang,” ujarnya.",
        "Ratih Wulansari", id="stance-word-after-a-long-title"),
    pytest.param(
        "”Stok beras aman sampai Lebaran,” kata Hendro Saputro.\n\n"
        "Ketua Paguyuban Tani Subur (PTS) Ratih Wulansari yakin, harga akan turun.\n\n"
        "Ia berharap pedagang tidak menimbun beras.\n\n"
        "”Kami akan sidak ke gudang,” ujarnya.",
        "Ratih Wulansari", id="stance-subject-through-a-pronoun"),
    pytest.param(
        "”Stok beras aman sampai Lebaran,” kata Hendro Saputro.\n\n"
        "Ketua Paguyuban Tani Subur (PTS) Ratih Wulansari kecewa, harga tidak turun.\n\n"
        "”Kami akan sidak ke gudang,” ujarnya.",
        "Hendro Saputro", id="a-word-outside-the-stance-list-keeps-the-speaker"),
]


@pytest.mark.parametrize("text, speaker", ACTING_SUBJECT)
def test_bare_nya_cue_goes_to_the_acting_subject_of_the_paragraph_before(text, speaker):
    last = find_quotes(text, ())[-1]
    assert (last.text.rstrip("."), last.speaker_text) == ("Kami akan sidak ke gudang", speaker)


@pytest.mark.parametrize("text, speaker", [
    ("”Harga gabah turun sejak panen raya,” tutur Lalu.", "Lalu"),
    ("Gunawan Susanto mengeluh.\n\n”Harga gabah turun sejak panen raya,” tuturnya lalu pergi.", "Gunawan Susanto"),
])
def test_a_capitalised_clause_word_after_the_cue_is_a_name(text, speaker):
    last = find_quotes(text, ())[-1]
    assert (last.text, last.speaker_text) == ("Harga gabah turun sejak panen raya", speaker)


def test_a_name_the_recognizer_gave_beats_capitalised_words_standing_in_for_one():
    text = "”Posko kami buka 24 jam,” kata Ketua Siaga Command Center (SCC) Rudi Hartono dalam jumpa pers."
    start = text.index("Rudi Hartono")
    records = find_quotes(text, (), [(start, start + len("Rudi Hartono"), "PER")])
    assert [r.speaker_text for r in records] == ["Rudi Hartono"]


def test_guess_mentions_take_no_word_written_twice_for_a_name():
    text = "Warga resah. Sasaran Sasaran razia itu pedagang kaki lima, kata Rina Sari."
    assert {text[s:e] for s, e, _ in guess_mentions(text)} == {"Rina Sari"}


def test_a_pronouns_antecedent_is_a_person_not_an_organisation_that_spoke():
    text = ("Wali Kota Rina Kartika meninjau posko banjir.\n\n"
            "Pemerintah Kota Bogor menyatakan bahwa stok pangan aman.\n\n"
            "”Kami siap membantu warga,” katanya.")
    per, org = text.index("Rina Kartika"), text.index("Pemerintah Kota Bogor")
    mentions = [(per, per + len("Rina Kartika"), "PER"), (org, org + len("Pemerintah Kota Bogor"), "ORG")]
    [r] = [r for r in find_quotes(text, (), mentions) if r.mode == "direct"]
    assert r.speaker_text == "Rina Kartika"


def _mention(text: str, name: str, label: str) -> tuple[int, int, str]:
    at = text.index(name)
    return at, at + len(name), label


def test_a_speakers_description_between_commas_after_according_to_is_no_statement():
    text = ("According to Rudi Hartono, director of the Pacific Reef Monitoring Initiative, "
            "the deal signals closer coordination among fishing states.")
    mentions = [_mention(text, "Rudi Hartono", "PER"), _mention(text, "Pacific Reef Monitoring Initiative", "ORG")]
    [r] = find_quotes(text, (), mentions)
    assert (r.text, r.speaker_text) == ("the deal signals closer coordination among fishing states", "Rudi Hartono")


def test_an_english_company_title_between_commas_after_menurut_is_no_statement():
    text = "Menurut Dimas Saputra, Corporate Communications Manager Traveloka, permintaan tiket naik dua kali lipat."
    mentions = [_mention(text, "Dimas Saputra", "PER"), _mention(text, "Traveloka", "ORG")]
    [r] = find_quotes(text, (), mentions)
    assert (r.text, r.speaker_text) == ("permintaan tiket naik dua kali lipat", "Dimas Saputra")


def test_the_agency_in_a_dateline_is_never_the_speaker():
    text = ("MANILA, Dec 4 (Reuters) - The two countries agreed to expand joint patrols, officials said, "
            "as pressure grows in the disputed waters.")
    dateline_end = text.index("The two")
    mentions = [_mention(text, "MANILA", "LOC"), _mention(text, "Reuters", "ORG")]
    records = find_quotes(text, (), mentions, dateline_end=dateline_end)
    assert not [r for r in records if r.speaker_text == "Reuters"]


def test_a_person_who_refuses_to_comment_is_the_subject_a_pronoun_points_back_to():
    text = ("Juru bicara KPK Rina Kartika mengatakan pemeriksaan berjalan lancar.\n\n"
            "Usai diperiksa, Heru Wibowo enggan berkomentar banyak. Ia hanya menyebut dirinya "
            "menghormati proses hukum.")
    mentions = [_mention(text, "Rina Kartika", "PER"), _mention(text, "Heru Wibowo", "PER")]
    said = {r.text: r.speaker_text for r in find_quotes(text, (), mentions)}
    assert said["dirinya menghormati proses hukum"] == "Heru Wibowo"


def test_a_noun_phrase_opening_a_sentence_is_no_acting_subject():
    text = ("Kepala Unit Taman Kota Budi Hartono menjelaskan, taman akan dibuka pekan depan.\n\n"
            "Pembukaan Tamansari tetap mengacu pada hasil evaluasi pembatasan sosial.\n\n"
            "”Kalau kasus naik, pembukaan bisa ditunda,” ujarnya.")
    mentions = [_mention(text, "Budi Hartono", "PER")]
    [direct] = [r for r in find_quotes(text, (), mentions) if r.mode == "direct"]
    assert direct.speaker_text == "Budi Hartono"


@pytest.mark.parametrize("text, speaker", [
    ("Vietnam's foreign ministry said in a statement that the agreement would bring peace to the region.",
     "Vietnam's foreign ministry"),
    ("Jakarta's police said on Monday that two men had been arrested near the port.", "Jakarta's police"),
])
def test_an_english_body_named_by_its_country_or_city_is_the_speaker(text, speaker):
    [r] = find_quotes(text, (), [_mention(text, speaker.split("'")[0], "LOC")])
    assert (r.speaker_text, r.speaker_kind) == (speaker, "organization")


def test_a_possessive_before_a_person_noun_is_no_body():
    text = "The company's spokesman said on Monday that the plant would reopen next week."
    assert all(r.speaker_kind != "organization" for r in find_quotes(text, (), ()))


@pytest.mark.parametrize("text, said", [
    ("The port will reopen on Monday after repairs, police said.", "The port will reopen on Monday after repairs"),
    ("The two countries agreed to expand joint patrols, officials said, as pressure grows at sea.",
     "The two countries agreed to expand joint patrols"),
])
def test_a_clause_said_by_unnamed_people_is_a_statement_without_a_speaker(text, said):
    [r] = find_quotes(text, (), [])
    assert (r.mode, r.text, r.speaker_text, r.speaker_kind) == ("reported", said, None, "none")


def test_a_named_speaker_after_the_clause_keeps_the_statement():
    text = "The port will reopen on Monday after repairs, Budi Santoso said."
    [r] = find_quotes(text, (), [_mention(text, "Budi Santoso", "PER")])
    assert (r.text, r.speaker_text) == ("The port will reopen on Monday after repairs", "Budi Santoso")
