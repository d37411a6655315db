"""kg.ingest.layout: blocks and page metadata of news pages as a reader copies them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import analyze_layout, read_path
from kg.model import Name
from tests.conftest import EXAMPLES

ARTICLES = Path(__file__).parent / "data" / "articles"
ALL_ARTICLES = sorted(ARTICLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.txt"))

# file -> what the page says about itself. None: the page does not say it.
EXPECTED_META = {
    "tribunnews-pasar-murah.txt": dict(
        headline="Pemprov DKI Gelar Pasar Murah di 44 Kelurahan Jelang Iduladha",
        lede="Warga cukup membawa KTP",
        authors=["Nur Fitriani Lestari"],
        editors=["Dodi Kurniawan", "Sri Wahyuni"],
        publisher="TRIBUNNEWS.COM",
        dateline="JAKARTA",
        date="2024-06-14T10:20:00+07:00",
        photographer="Jeprima",
        agency="TRIBUNNEWS",
        caption="Warga mengantre membeli",
    ),
    "kompas-print-sekolah.txt": dict(
        headline=None,
        lede=None,
        authors=[],
        editors=[],
        publisher="KOMPAS",
        dateline="SEMARANG",
        date=None,
        photographer=None,
        agency=None,
        caption=None,
    ),
    "kompascom-kereta-cepat.txt": dict(
        headline="Penumpang Kereta Cepat Naik 30 Persen Selama Libur Sekolah",
        lede=None,
        authors=["Dian Erika Nugraheny"],
        editors=["Icha Rastika"],
        publisher="KOMPAS.com",
        dateline="JAKARTA",
        date="2024-07-12T10:15:00+07:00",
        photographer="Kristianto Purnomo",
        agency="KOMPAS.com",
        caption="Penumpang menunggu keberangkatan",
    ),
    "detik-pencurian-kabel.txt": dict(
        headline="Polisi Tangkap Dua Pencuri Kabel Lampu Jalan di Bekasi",
        lede=None,
        authors=["Wildan Noviansah"],
        editors=[],
        publisher="detikNews",
        dateline="Bekasi",
        date="2024-06-13T14:05:00+07:00",
        photographer="Ari Saputra",
        agency="detikcom",
        caption="Ilustrasi garis polisi",
    ),
    "antara-pupuk.txt": dict(
        headline="Petani Kendal keluhkan kelangkaan pupuk bersubsidi",
        lede=None,
        authors=["Wisnu Adhi Nugroho", "Rina Kusumawati"],
        editors=["Hendro Susilo"],
        publisher="ANTARA",
        dateline="Kendal",
        date="2024-06-15T09:12:00+07:00",
        photographer="Aji Styawan",
        agency="ANTARA FOTO",
        caption="Petani menebar pupuk",
    ),
    "cnn-gempa-garut.txt": dict(
        headline="Gempa Magnitudo 5,2 Guncang Garut, Warga Berhamburan Keluar Rumah",
        lede=None,
        authors=[],
        editors=[],
        publisher="CNN Indonesia",
        dateline="Jakarta",
        date="2024-06-17T06:45:00+07:00",
        photographer="Raisan Al Farisi",
        agency="ANTARA FOTO",
        caption="Ilustrasi seismograf.",
    ),
    "tempo-kpk.txt": dict(
        headline="KPK Periksa Tiga Pejabat Dinas PUPR dalam Kasus Suap Proyek Jalan",
        lede=None,
        authors=["Mutia Yuantisya"],
        editors=["Amirullah Suhada"],
        publisher="TEMPO.CO",
        dateline="Jakarta",
        date="2024-06-18T13:30:00+07:00",
        photographer="Imam Sukamto",
        agency="TEMPO",
        caption="Gedung Merah Putih KPK",
    ),
    "antara-en-ukraine-nato.txt": dict(
        headline="Ukraine says G7 pledges are no substitute for NATO membership",
        lede=None,
        authors=["Laura Whitfield"],  # in the byline and again in the closing credit line
        editors=["Mark Dawson"],
        publisher="ANTARA",
        dateline="KYIV",
        date="2023-07-13T19:40:00+07:00",
        photographer=None,
        agency=None,
        caption=None,
    ),
    "english-wire-summit.txt": dict(
        headline="Leaders pledge new climate fund at Jakarta summit",
        lede=None,
        authors=["Sarah Whitfield", "Daniel Okoro"],
        editors=[],
        publisher="Reuters",
        dateline="JAKARTA",
        date="2024-06-14",
        photographer=None,
        agency=None,
        caption=None,
    ),
    "tribun-gencatan-senjata.txt": dict(
        headline="Retno Marsudi Desak Gencatan Senjata Permanen di Gaza dalam Pertemuan Menlu di Doha",
        lede="Menteri Luar Negeri dari Indonesia",
        authors=["Rahmat Fajar Nugroho"],
        editors=["Wahyu Aji Santoso"],
        publisher="TRIBUNNEWS.COM",
        dateline="DOHA",
        date=None,
        photographer="Karim Jaafar",
        agency="AFP",
        caption="Menteri Luar Negeri RI Retno Marsudi (kiri)",
    ),
    "kompas-banjir-demak.txt": dict(
        headline="Banjir Demak Meluas, Ribuan Warga Mengungsi ke Balai Desa dan Masjid",
        lede="Tanggul Sungai Wulan jebol",
        authors=["Aditya Putra Perdana", "Kristi Dwi Utami"],
        editors=[],
        publisher="KOMPAS",
        dateline="DEMAK",
        date="2024-03-19T14:30:00+07:00",
        photographer="P Raditya Mahendra Yasa",
        agency="KOMPAS",
        caption="Warga menggunakan perahu karet",
    ),
    "antara-harga-beras.txt": dict(
        headline="Bapanas: harga beras medium mulai turun di sejumlah pasar",
        lede=None,
        authors=["Muhammad Harianto"],
        editors=["Budi Suyanto"],
        publisher="ANTARA",
        dateline="Jakarta",
        date="2024-03-06T15:42:00+07:00",
        photographer="Asprilla Dwi Adha",
        agency="ANTARA FOTO",
        caption="Pedagang menata beras",
    ),
    "quality-cnn-karhutla-ogan-ilir.txt": dict(
        headline="Kebakaran Lahan Gambut di Ogan Ilir Meluas, Helikopter Dikerahkan",
        lede=None,
        authors=[],
        editors=[],
        publisher="CNN Indonesia",
        dateline="Jakarta",
        date="2024-08-14T16:10:00+07:00",
        photographer="Nova Wahyudi",
        agency="ANTARA FOTO",
        caption="Petugas memadamkan api di lahan gambut.",
    ),
    "quality-detik-jembatan-putus.txt": dict(
        headline="Hendra Wijayakusuma Tinjau Jembatan Gantung yang Putus di Lamandau",
        lede=None,
        authors=["Rizky Ananda"],
        editors=[],
        publisher="detikNews",
        dateline="Lamandau",
        date="2024-07-09T10:20:00+07:00",
        photographer="Rizky Ananda",
        agency="detikcom",
        caption="Jembatan gantung di Desa Bukit Raya",
    ),
    "quality-tribun-rob-pekalongan.txt": dict(
        headline="Dimas Arga Yudha Minta Warga Pesisir Pekalongan Waspada Rob Susulan",
        lede=None,
        authors=["Nur Alfiyah"],
        editors=["Fajar Setiawan"],
        publisher="TRIBUNJATENG.COM",
        dateline="PEKALONGAN",
        date=None,
        photographer=None,
        agency=None,
        caption=None,
    ),
}


def _path(name: str) -> Path:
    return ARTICLES / name if (ARTICLES / name).exists() else EXAMPLES / name


def _text(name: Name | None) -> str | None:
    return None if name is None else name.text


def test_expected_table_covers_every_article():
    """Every test article and example has a row in the expectations table."""
    assert {p.name for p in ALL_ARTICLES} == set(EXPECTED_META)


@pytest.mark.parametrize("name", sorted(EXPECTED_META))
def test_page_metadata(name):
    """Headline, lede, bylines, publisher, dateline, date and image credit are read from the layout."""
    want = EXPECTED_META[name]
    meta = read_path(_path(name)).meta
    assert _text(meta.headline) == want["headline"]
    if want["lede"] is None:
        assert meta.description is None
    else:
        assert meta.description.text.startswith(want["lede"])
    assert [a.text for a in meta.authors] == want["authors"]
    assert [e.text for e in meta.editors] == want["editors"]
    assert _text(meta.publisher) == want["publisher"]
    assert _text(meta.dateline) == want["dateline"]
    assert meta.date_published == want["date"]
    image = meta.image
    assert _text(image and image.photographer) == want["photographer"]
    assert _text(image and image.agency) == want["agency"]
    if want["caption"] is None:
        assert image is None or image.caption is None
    else:
        assert image.caption.text.startswith(want["caption"])


# (file, start of a block's text, kind, detail or None to skip the detail check)
EXPECTED_BLOCKS = [
    ("tribunnews-pasar-murah.txt", "Langganan TribunX", "chrome", None),
    ("tribunnews-pasar-murah.txt", "Tribunnews.com", "chrome", "site"),
    ("tribunnews-pasar-murah.txt", "Penulis: Nur", "byline", "author"),
    ("tribunnews-pasar-murah.txt", "Editor: Dodi", "byline", "editor"),
    ("tribunnews-pasar-murah.txt", "Jumat, 14 Juni 2024", "byline", "date"),
    ("tribunnews-pasar-murah.txt", "zoom-in", "chrome", "image-widget"),
    ("tribunnews-pasar-murah.txt", "TRIBUNNEWS/JEPRIMA", "credit", None),
    ("tribunnews-pasar-murah.txt", "Laporan Reporter", "byline", "author"),
    ("tribunnews-pasar-murah.txt", "TRIBUNNEWS.COM, JAKARTA", "body", "dateline"),
    ("tribunnews-pasar-murah.txt", "Baca Juga:", "chrome", "read-also"),
    ("tribunnews-pasar-murah.txt", "Jadwal dan Lokasi", "subheading", None),
    ("tribunnews-pasar-murah.txt", "Artikel ini telah tayang", "chrome", None),
    ("tribunnews-pasar-murah.txt", "Halaman selanjutnya", "chrome", None),
    ("tribunnews-pasar-murah.txt", "Tags:", "chrome", "tags"),
    ("tribunnews-pasar-murah.txt", "Dapatkan Berita Pilihan", "chrome", None),
    ("tribunnews-pasar-murah.txt", "langsung di WhatsApp Anda", "chrome", None),
    ("tribunnews-pasar-murah.txt", "© 2024", "chrome", "footer"),
    ("kompas-print-sekolah.txt", "SEMARANG, KOMPAS —", "body", "dateline"),
    ("kompas-print-sekolah.txt", "”Anak-anak perlu", "body", None),
    ("kompas-print-sekolah.txt", "Bagaimana dengan sekolah swasta?", "body", None),
    ("kompas-print-sekolah.txt", "(EGI/DIT)", "byline", "initials"),
    ("kompascom-kereta-cepat.txt", "Nasional", "chrome", "nav"),
    ("kompascom-kereta-cepat.txt", "Lihat Foto", "chrome", "image-widget"),
    ("kompascom-kereta-cepat.txt", "Penumpang menunggu", "caption", None),
    ("kompascom-kereta-cepat.txt", "Penulis Dian", "byline", "author+editor"),
    ("kompascom-kereta-cepat.txt", "Simak breaking news", "chrome", None),
    ("kompascom-kereta-cepat.txt", "Copyright 2008", "chrome", "footer"),
    ("detik-pencurian-kabel.txt", "detikNews", "chrome", "site"),
    ("detik-pencurian-kabel.txt", "Wildan Noviansah - detikNews", "byline", "author"),
    ("detik-pencurian-kabel.txt", "ADVERTISEMENT", "chrome", None),
    ("detik-pencurian-kabel.txt", "SCROLL TO CONTINUE", "chrome", None),
    ("detik-pencurian-kabel.txt", "Bekasi - Polisi", "body", "dateline"),
    ("detik-pencurian-kabel.txt", "[Gambas:", "chrome", None),
    ("detik-pencurian-kabel.txt", "Simak Video", "chrome", "read-also"),
    ("antara-pupuk.txt", "Pewarta:", "byline", "author"),
    ("antara-pupuk.txt", "Copyright © ANTARA", "chrome", "footer"),
    ("cnn-gempa-garut.txt", "CNN Indonesia", "chrome", "site"),
    ("cnn-gempa-garut.txt", "Bagikan:", "chrome", "share"),
    ("cnn-gempa-garut.txt", "(fra/pmg)", "byline", "initials"),
    ("tempo-kpk.txt", "Pilihan Editor:", "chrome", "read-also"),
    ("tempo-kpk.txt", "Gedung Merah Putih KPK, Jakarta. TEMPO", "caption", None),
    ("english-wire-summit.txt", "By Sarah", "byline", "author"),
    ("english-wire-summit.txt", "Read more:", "chrome", "read-also"),
    ("tribun-gencatan-senjata.txt", "Berita Rekomendasi", "chrome", "read-also"),
    ("tribun-gencatan-senjata.txt", "Qatar Siap Jadi Penengah", "subheading", None),
    ("tribun-gencatan-senjata.txt", "Ikuti saluran", "chrome", "share"),
    ("tribun-gencatan-senjata.txt", "Kembali ke atas", "chrome", "nav"),
    ("kompas-banjir-demak.txt", "Oleh: Aditya", "byline", "author"),
    ("kompas-banjir-demak.txt", "Hujan di hulu", "subheading", None),
    ("antara-harga-beras.txt", "Dilarang keras", "chrome", "footer"),
]


@pytest.mark.parametrize(("name", "prefix", "kind", "detail"), EXPECTED_BLOCKS)
def test_block_kinds(name, prefix, kind, detail):
    """Each listed block is classified as expected."""
    doc = read_path(_path(name))
    matches = [b for b in doc.blocks if doc.text[b.start : b.end].startswith(prefix)]
    assert len(matches) == 1, [doc.text[b.start : b.end] for b in matches]
    assert matches[0].kind == kind
    if detail is not None:
        assert matches[0].detail == detail


def _names(meta) -> list[Name]:
    names = [
        meta.headline,
        meta.description,
        meta.publisher,
        meta.dateline,
        *meta.authors,
        *meta.editors,
    ]
    if meta.image:
        im = meta.image
        names += [im.caption, im.credit_text, im.photographer, im.agency]
    return [n for n in names if n is not None]


@pytest.mark.parametrize("path", ALL_ARTICLES, ids=lambda p: p.name)
def test_every_name_with_offsets_is_the_text_at_those_offsets(path):
    """text[start:end] == name.text for every Name that carries offsets."""
    doc = read_path(path)
    names = _names(doc.meta)
    assert names
    for name in names:
        if name.start is not None:
            assert doc.text[name.start : name.end] == name.text


@pytest.mark.parametrize("path", ALL_ARTICLES, ids=lambda p: p.name)
def test_blocks_are_ordered_trimmed_and_cover_all_text(path):
    """Blocks do not overlap, have no outer whitespace, and every visible character is in one."""
    doc = read_path(path)
    covered = [False] * len(doc.text)
    last_end = 0
    for b in doc.blocks:
        assert last_end <= b.start < b.end
        piece = doc.text[b.start : b.end]
        assert piece == piece.strip()
        for i in range(b.start, b.end):
            covered[i] = True
        last_end = b.end
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(doc.text))


@pytest.mark.parametrize("path", ALL_ARTICLES, ids=lambda p: p.name)
def test_article_text_excludes_chrome_and_bylines(path):
    """Chrome markers never end up in the article's own blocks."""
    doc = read_path(path)
    for b in doc.article_blocks():
        piece = doc.text[b.start : b.end]
        for marker in ("Baca juga", "Baca Juga", "©", "WhatsApp", "Penulis:", "Editor:", "zoom-in"):
            assert marker not in piece


def test_dateline_stays_inside_its_body_block():
    """The dateline is part of the first body block and its offsets fall inside it."""
    doc = read_path(EXAMPLES / "tribun-gencatan-senjata.txt")
    first = doc.blocks_of("body")[0]
    assert first.start <= doc.meta.dateline.start < doc.meta.dateline.end <= first.end
    assert doc.text[first.start : first.end].startswith("TRIBUNNEWS.COM, DOHA – ")


# A small page around one line under test: headline, byline, dateline body, LINE, closing body.
PAGE = (
    "Warga Menolak Rencana Pembangunan Pabrik Semen\n\n"
    "Penulis: Ani Lestari\n\n"
    "JAKARTA, KOMPAS.com - Ratusan warga berkumpul di balai desa untuk menolak rencana itu.\n\n"
    "{line}\n\n"
    "Pertemuan itu berakhir tanpa kesepakatan antara warga dan perusahaan.\n"
)


def _kind_of(line: str) -> tuple[str, str]:
    text = PAGE.format(line=line)
    blocks, _ = analyze_layout(text)
    at = text.index(line)
    block = next(b for b in blocks if b.start == at)
    return block.kind, block.detail


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: Warga Tolak Tambang Pasir di Sungai",
        "BACA JUGA: Bupati Temui Warga",
        "Simak juga: Video Aksi Warga",
        "Lihat juga: Foto-foto Aksi",
        "Berita Rekomendasi",
        "Berita Terkait",
        "Dapatkan Berita Pilihan",
        "Ikuti kami di",
        "di WhatsApp Anda",
        "Follow kami di Google News",
        "Artikel ini telah tayang di Tribunjateng.com dengan judul Warga Tolak Pabrik",
        "Halaman selanjutnya",
        "Halaman 1 2 3",
        "Bagikan artikel ini",
        "12 Komentar",
        "Tags: pabrik semen, warga",
        "#pabriksemen #warga",
        "© 2024 Kompas.com",
        "All Rights Reserved",
        "Tribunnews",
        "Kompas.com",
        "zoom-in Warga Menolak Rencana Pembangunan Pabrik Semen",
    ],
)
def test_chrome_lines(line):
    """Site chrome lines are classified as chrome."""
    assert _kind_of(line)[0] == "chrome"


@pytest.mark.parametrize(
    "line",
    [
        "Oleh karena itu, warga meminta bupati meninjau ulang izin pabrik tersebut.",
        "Pesan penolakan itu disebarkan lewat grup WhatsApp warga sejak pekan lalu.",
        "Warga juga membaca juga dokumen analisis dampak lingkungan yang dibagikan.",
        "Editor senior di media lokal itu ikut meliput pertemuan warga.",
        '"Kami tidak akan mundur," kata Sutarman, koordinator warga.',
        "Menurut dia, pabrik akan mengambil air tanah dalam jumlah besar.",
        "Topik ini dibahas dalam rapat dengar pendapat di gedung dewan.",
        "Komentar bupati itu memicu protes warga di media sosial.",
        "Halaman 5 dokumen itu memuat peta lokasi pabrik.",
        "Nikmati suasana desa, kata Sutarman, tidak akan sama lagi jika pabrik berdiri.",
        "Ikuti aturan yang berlaku, kata bupati kepada warga yang berkumpul di depan kantornya.",
    ],
)
def test_story_lines_that_look_like_chrome_stay_body(line):
    """Story paragraphs that merely contain a cue word are body, not chrome or byline."""
    assert _kind_of(line)[0] == "body"


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        ("Penulis: Ani Lestari", ["Ani Lestari"], []),
        ("Reporter: Budi Santoso, Citra Dewi", ["Budi Santoso", "Citra Dewi"], []),
        ("Pewarta: Dedi Kurnia dan Eka Putri", ["Dedi Kurnia", "Eka Putri"], []),
        ("Laporan Wartawan Tribunnews.com, Fajar Ramadhan", ["Fajar Ramadhan"], []),
        ("Laporan Wartawan TribunJatim.com, Gita Permata Sari", ["Gita Permata Sari"], []),
        ("Oleh: Hadi Prasetyo", ["Hadi Prasetyo"], []),
        ("Oleh IRENE SARWINDA", ["IRENE SARWINDA"], []),
        ("Editor: Indra Wijaya", [], ["Indra Wijaya"]),
        ("Penyunting: Joko Susilo", [], ["Joko Susilo"]),
        ("Penulis: Kartika Sari | Editor: Lukman Hakim", ["Kartika Sari"], ["Lukman Hakim"]),
        ("Muhammad bin Salim - detikNews", ["Muhammad bin Salim"], []),
        ("By Jane Doe", ["Jane Doe"], []),
        ("(Reporting by Ana Lopez and Kofi Mensah; Editing by Peter Hall)", ["Ana Lopez", "Kofi Mensah"], ["Peter Hall"]),
        ("(Writing by Nadia Karim; Editing by Tom Reyes and Lina Berg)", ["Nadia Karim"], ["Tom Reyes", "Lina Berg"]),
        ("Reporting by Ana Lopez", ["Ana Lopez"], []),
        ("(Reporting by the Jakarta newsroom; more to come)", [], []),
        ("Penulis: Tim Redaksi | Editor: Maya Sari", [], ["Maya Sari"]),
        ("Oleh karena itu, warga menolak.", [], []),
        ("Reporter lapangan melaporkan situasi aman.", [], []),
    ],
)
def test_byline_names(line, authors, editors):
    """Byline labels give authors (reporters included) and editors; several names are split."""
    text = (
        "Judul Berita Uji Coba yang Cukup Panjang\n\n"
        + line
        + "\n\nJAKARTA, KOMPAS.com - Isi berita.\n"
    )
    _, meta = analyze_layout(text)
    assert [a.text for a in meta.authors] == authors
    assert [e.text for e in meta.editors] == editors
    for name in (*meta.authors, *meta.editors):
        assert text[name.start : name.end] == name.text


@pytest.mark.parametrize(
    ("paragraph", "place", "outlet"),
    [
        ("TRIBUNNEWS.COM, KYIV – Pasukan bergerak ke timur kota.", "KYIV", "TRIBUNNEWS.COM"),
        ("JAKARTA, KOMPAS.com - Harga cabai naik lagi.", "JAKARTA", "KOMPAS.com"),
        ("BANDAR LAMPUNG, KOMPAS — Hujan deras turun sejak pagi.", "BANDAR LAMPUNG", "KOMPAS"),
        ("SURABAYA, KOMPAS-Banjir rob kembali menggenangi pesisir.", "SURABAYA", "KOMPAS"),
        ("Jakarta (ANTARA) - Pemerintah menambah kuota haji.", "Jakarta", "ANTARA"),
        ("TEMPO.CO, Jakarta - KPK menahan seorang bupati.", "Jakarta", "TEMPO.CO"),
        ("Jakarta, CNN Indonesia -- Gempa mengguncang Garut.", "Jakarta", "CNN Indonesia"),
        ("Liputan6.com, Bandung - Kereta tertahan di stasiun.", "Bandung", "Liputan6.com"),
        ("LONDON, June 14 (Reuters) - Oil prices rose on Friday.", "LONDON", "Reuters"),
        ("TRIBUNNEWS.COM - Polisi menangkap dua pelaku.", None, "TRIBUNNEWS.COM"),
        ("Pada Senin pagi, warga berkumpul di balai desa.", None, None),
        ("Jakarta menjadi tuan rumah pertemuan itu - kata panitia.", None, None),
    ],
)
def test_datelines(paragraph, place, outlet):
    """A dateline opening the first body paragraph gives the place and the outlet as written."""
    text = "Judul Berita Uji Coba yang Cukup Panjang\n\nPenulis: Ani Lestari\n\n" + paragraph + "\n"
    _, meta = analyze_layout(text)
    assert _text(meta.dateline) == place
    if outlet is not None:
        assert _text(meta.publisher) == outlet


def test_place_only_dateline_needs_a_byline_area():
    """A bare "Place - " opening counts only on the first paragraph after the bylines."""
    para = "Bekasi - Polisi menangkap dua pria yang mencuri kabel lampu penerangan jalan di Bekasi Utara."
    _, with_byline = analyze_layout("Judul Berita\n\nAni Lestari - detikNews\n\n" + para + "\n")
    _, without = analyze_layout(
        "Judul Berita\n\nParagraf pembuka yang cukup panjang.\n\n" + para + "\n"
    )
    assert _text(with_byline.dateline) == "Bekasi"
    assert without.dateline is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Senin, 31 Juli 2023 07:15 WIB", "2023-07-31T07:15:00+07:00"),
        ("Rabu, 06 Mar 2024 15:42 WIB", "2024-03-06T15:42:00+07:00"),
        ("Kompas.com - 12/03/2024, 10:15 WIB", "2024-03-12T10:15:00+07:00"),
        ("CNN Indonesia | Senin, 17/06/2024 06:45 WIB", "2024-06-17T06:45:00+07:00"),
        ("Diperbarui 12/03/2024, 10:15 WIB", "2024-03-12T10:15:00+07:00"),
        ("12/13/2024", None),
        ("Jumat, 14 Juni 2024 | 10.20 WITA", "2024-06-14T10:20:00+08:00"),
        ("Kamis, 2 Mei 2024 21:05 WIT", "2024-05-02T21:05:00+09:00"),
        ("14 Juni 2024", "2024-06-14"),
        ("June 14, 2024", "2024-06-14"),
        ("June 14, 2024 19:40 WIB", "2024-06-14T19:40:00+07:00"),
        ("Friday, June 14, 2024 | 08:05 GMT", "2024-06-14T08:05:00+00:00"),
        ("Senin, 31 Februari 2024 07:15 WIB", None),
        ("Senin, 31 Julai 2023 07:15 WIB", None),
    ],
)
def test_publication_date_lines(line, iso):
    """An explicit publication date line becomes ISO 8601 with its zone; impossible dates are ignored."""
    text = (
        "Judul Berita Uji Coba yang Cukup Panjang\n\n"
        + line
        + "\n\nJAKARTA, KOMPAS.com - Isi berita.\n"
    )
    assert analyze_layout(text)[1].date_published == iso


def test_a_date_inside_the_story_is_not_the_publication_date():
    """Dates inside body sentences ("Jumat (14/6/2024)") are not read as the publication date."""
    text = PAGE.format(line="Aksi itu digelar pada Jumat (14/6/2024) di depan kantor bupati.")
    assert analyze_layout(text)[1].date_published is None


@pytest.mark.parametrize(
    ("line", "credit", "photographer", "agency"),
    [
        ("LUDMILA ROSE / REUTERS", "LUDMILA ROSE / REUTERS", "Ludmila Rose", "REUTERS"),
        ("KOMPAS/HERU SRI KUMORO", "KOMPAS/HERU SRI KUMORO", "Heru Sri Kumoro", "KOMPAS"),
        (
            "Foto: Rifkianto Nugroho/detikcom",
            "Rifkianto Nugroho/detikcom",
            "Rifkianto Nugroho",
            "detikcom",
        ),
        (
            "Foto: ANTARA FOTO/Galih Pradipta",
            "ANTARA FOTO/Galih Pradipta",
            "Galih Pradipta",
            "ANTARA FOTO",
        ),
        ("Foto: Istimewa", "Istimewa", None, None),
    ],
)
def test_credit_lines(line, credit, photographer, agency):
    """A credit line gives the credit as written, the photographer (title-cased) and the agency."""
    text = (
        "Judul Berita Uji Coba yang Cukup Panjang\n\nPenulis: Ani Lestari\n\n"
        + line
        + "\nWarga berkumpul di balai desa, Senin (1/7/2024).\n\nJAKARTA, KOMPAS.com - Isi berita.\n"
    )
    blocks, meta = analyze_layout(text)
    assert meta.image.credit_text.text == credit
    assert _text(meta.image.photographer) == photographer
    assert _text(meta.image.agency) == agency
    assert meta.image.caption.text == "Warga berkumpul di balai desa, Senin (1/7/2024)."
    assert [b.kind for b in blocks] == ["headline", "byline", "credit", "caption", "body"]


def test_hard_wrapped_paragraph_is_one_block():
    """Lines of one paragraph broken mid-sentence are joined into a single block."""
    text = (
        "Judul Berita\n\nPenulis: Ani Lestari\n\n"
        "JAKARTA, KOMPAS.com - Ratusan warga berkumpul di balai desa\nuntuk menolak rencana pembangunan pabrik.\n"
        "Kalimat baru dimulai di baris sendiri.\n"
    )
    blocks, _ = analyze_layout(text)
    bodies = [text[b.start : b.end] for b in blocks if b.kind == "body"]
    assert bodies[0].endswith("rencana pembangunan pabrik.")
    assert bodies[1] == "Kalimat baru dimulai di baris sendiri."


def test_outlet_only_dateline_marks_the_first_body_block():
    """ "OUTLET.COM - " opens the body and names the publisher, with no dateline place."""
    text = "Judul Berita\n\nPenulis: Ani Lestari\n\nTRIBUNNEWS.COM - Polisi menangkap dua pelaku.\n"
    blocks, meta = analyze_layout(text)
    assert (blocks[-1].kind, blocks[-1].detail) == ("body", "dateline")
    assert meta.dateline is None


def test_a_chrome_line_is_never_joined_with_the_next_line():
    """A long chrome line without a full stop does not swallow the lower-case line below it."""
    text = (
        "Judul Berita\n\nPenulis: Ani Lestari\n\nJAKARTA, KOMPAS.com - Isi berita pertama.\n\n"
        "Baca juga: Warga Tolak Rencana Pembangunan Pabrik Semen di Pati\ndi antaranya karena air tanah.\n"
    )
    blocks, _ = analyze_layout(text)
    assert [b.kind for b in blocks][-2:] == ["chrome", "body"]


def test_plain_text_without_page_furniture():
    """A bare title and paragraphs give a headline and body blocks, nothing else."""
    text = "Warga Menolak Pabrik Semen\n\nRatusan warga berkumpul.\n\nMereka menolak rencana itu.\n"
    blocks, meta = analyze_layout(text)
    assert [b.kind for b in blocks] == ["headline", "body", "body"]
    assert meta.headline.text == "Warga Menolak Pabrik Semen"
    assert meta.dateline is None and meta.publisher is None and meta.authors == ()


def test_headline_drops_a_trailing_site_name():
    """A " - Site" tail is trimmed from the headline and its offsets follow."""
    text = "Warga Menolak Pabrik Semen - Tribunnews.com\n\nPenulis: Ani Lestari\n\nIsi berita.\n"
    _, meta = analyze_layout(text)
    assert meta.headline.text == "Warga Menolak Pabrik Semen"
    assert text[meta.headline.start : meta.headline.end] == meta.headline.text
