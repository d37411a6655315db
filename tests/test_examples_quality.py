"""Entity quality on articles the rules were not tuned on: the bundled examples and our own held-out articles.

Each article is read and extracted through ``kg.api`` once; the table states the people (names exactly),
their roles, the organisations, and the speaker of each statement a reader would expect.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from kg import api
from kg.model import Article
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
HELD_OUT = ROOT / "tests" / "data" / "articles"

TRIBUN = EXAMPLES / "tribun-gencatan-senjata.txt"
KOMPAS = EXAMPLES / "kompas-banjir-demak.txt"
ANTARA = EXAMPLES / "antara-harga-beras.txt"
DETIK = HELD_OUT / "quality-detik-jembatan-putus.txt"
CNN = HELD_OUT / "quality-cnn-karhutla-ogan-ilir.txt"
TRIBUN_DAERAH = HELD_OUT / "quality-tribun-rob-pekalongan.txt"


@lru_cache(maxsize=None)
def article(path) -> Article:
    return api.extract(api.read_article(path))


def entity_named(art: Article, name: str, type_: str):
    """The entity of ``type_`` whose name is ``name``, else None."""
    return next((e for e in art.entities if e.type == type_ and e.name == name), None)


def names_of(art: Article) -> set[str]:
    return {n for e in art.entities for n in (e.name, *e.alternate_names)}


PEOPLE = [
    (TRIBUN, "Retno Marsudi"),
    (TRIBUN, "Sameh Shoukry"),
    (KOMPAS, "Agus Nugroho Luhur Pambudi"),
    (KOMPAS, "Harya Muldianto"),
    (KOMPAS, "Nana Sudjana"),
    (ANTARA, "Arief Prasetyo Adi"),
    (ANTARA, "Bayu Krisnamurthi"),
    (DETIK, "Hendra Wijayakusuma"),
    (DETIK, "Yusuf Effendi"),
    (CNN, "Iskandar Nataatmaja"),
    (CNN, "Basuki Karyaatmadja"),
    (CNN, "Panca Sudirja"),
    (TRIBUN_DAERAH, "Dimas Arga Yudha"),
    (TRIBUN_DAERAH, "Wulandari Puspitasari"),
    (TRIBUN_DAERAH, "Aaf Surya Atmaja"),
]


@pytest.mark.parametrize(("path", "name"), PEOPLE, ids=lambda v: getattr(v, "stem", v))
def test_people_are_named_exactly(path, name):
    """Each person is one Person entity named exactly as the story names them in full."""
    art = article(path)
    assert entity_named(art, name, "Person") is not None, sorted(e.name for e in art.entities if e.type == "Person")


NOT_NAMES = [
    (TRIBUN, "Retno Marsudi Desak Gencatan Senjata Permanen"),  # headline words run into the name
    (TRIBUN, "RI Retno Marsudi"),  # the country abbreviation belongs to the title
    (KOMPAS, "Demak Agus Nugroho Luhur Pambudi"),  # the dateline place belongs to the office
    (KOMPAS, "BBWS Pemali Juana Harya Muldianto"),  # the known organisation belongs to the title
    (ANTARA, "Bapanas Arief Prasetyo Adi"),
    (DETIK, "Lamandau Hendra Wijayakusuma"),
    (DETIK, "Lamandau Yusuf Effendi"),
    (CNN, "Hutan"),
    (TRIBUN_DAERAH, "Pekalongan Aaf Surya"),
    (TRIBUN_DAERAH, "Dimas Arga Yudha Minta Warga Pesisir Pekalongan"),
]


@pytest.mark.parametrize(("path", "name"), NOT_NAMES, ids=lambda v: getattr(v, "stem", v))
def test_titles_places_and_headline_words_stay_out_of_names(path, name):
    """No entity is named with a title's place or organisation, or with the headline's words."""
    assert name not in names_of(article(path))


FIRST_NAMES = [
    (TRIBUN, "Retno", "Retno Marsudi"),
    (KOMPAS, "Agus", "Agus Nugroho Luhur Pambudi"),
    (DETIK, "Hendra", "Hendra Wijayakusuma"),
    (DETIK, "Yusuf", "Yusuf Effendi"),
    (CNN, "Basuki", "Basuki Karyaatmadja"),
    (TRIBUN_DAERAH, "Wulandari", "Wulandari Puspitasari"),
]


@pytest.mark.parametrize(("path", "short", "full"), FIRST_NAMES, ids=lambda v: getattr(v, "stem", v))
def test_a_first_name_used_alone_is_the_same_person(path, short, full):
    """A first name used alone later is an alternate name of the person, not another person."""
    art = article(path)
    person = entity_named(art, full, "Person")
    assert person is not None and short in person.alternate_names
    assert entity_named(art, short, "Person") is None


ROLES = [
    (TRIBUN, "Retno Marsudi", "Menteri Luar Negeri RI", "Indonesia"),
    (TRIBUN, "Sameh Shoukry", "Menteri Luar Negeri Mesir", "Mesir"),
    (KOMPAS, "Agus Nugroho Luhur Pambudi", "Kepala Pelaksana BPBD Demak", "Badan Penanggulangan Bencana Daerah Demak"),
    (KOMPAS, "Harya Muldianto", "Kepala BBWS Pemali Juana", "Balai Besar Wilayah Sungai Pemali Juana"),
    (KOMPAS, "Nana Sudjana", "Penjabat Gubernur Jawa Tengah", "Jawa Tengah"),
    (ANTARA, "Bayu Krisnamurthi", "Direktur Utama Perum Bulog", "Perum Bulog"),
    (ANTARA, "Arief Prasetyo Adi", "Kepala Bapanas", "Badan Pangan Nasional"),
    (DETIK, "Hendra Wijayakusuma", "Bupati Lamandau", "Lamandau"),
    (DETIK, "Yusuf Effendi", "Kepala Dinas PUPR Lamandau", "Dinas Pekerjaan Umum dan Penataan Ruang Lamandau"),
    (CNN, "Iskandar Nataatmaja", "Kepala Pelaksana BPBD Sumatera Selatan", None),
    (CNN, "Panca Sudirja", "Bupati Ogan Ilir", "Ogan Ilir"),
    (TRIBUN_DAERAH, "Dimas Arga Yudha", "Kepala BPBD Kota Pekalongan", None),
    (TRIBUN_DAERAH, "Wulandari Puspitasari", "Camat Pekalongan Utara", "Pekalongan Utara"),
    (TRIBUN_DAERAH, "Aaf Surya Atmaja", "Wali Kota Pekalongan", None),
]


@pytest.mark.parametrize(("path", "person", "title", "of"), ROLES, ids=lambda v: getattr(v, "stem", v))
def test_roles_have_the_whole_title_and_one_owner(path, person, title, of):
    """The role's title takes the office and its place; its owner (when stated) is the named organisation or place."""
    art = article(path)
    entity = entity_named(art, person, "Person")
    assert entity is not None
    role = next((r for r in entity.roles if r.title == title), None)
    assert role is not None, entity.roles
    if of is not None:
        owner = art.entity(role.of) if role.of else None
        assert owner is not None and owner.name == of and owner.type != "Person"
    titles = [r.title.casefold() for r in entity.roles]
    assert len(titles) == len(set(titles))  # one Role per title, so one owner per position


ORGANISATIONS = [
    (KOMPAS, "Balai Besar Wilayah Sungai Pemali Juana", "BBWS Pemali Juana"),
    (KOMPAS, "Badan Penanggulangan Bencana Daerah Demak", "BPBD Demak"),
    (ANTARA, "Perum Bulog", "Bulog"),
    (ANTARA, "Badan Pangan Nasional", "Bapanas"),
    (DETIK, "Dinas Pekerjaan Umum dan Penataan Ruang Lamandau", "PUPR Lamandau"),
    (CNN, "Kementerian Lingkungan Hidup dan Kehutanan", "KLHK"),
    (TRIBUN_DAERAH, "Stasiun Meteorologi Maritim Tanjung Emas", None),
]


@pytest.mark.parametrize(("path", "name", "alternate"), ORGANISATIONS, ids=lambda v: getattr(v, "stem", v))
def test_organisations_are_one_entity_with_their_short_forms(path, name, alternate):
    """An organisation with a legal form or a bracketed abbreviation is one Organization with its short form."""
    art = article(path)
    org = entity_named(art, name, "Organization")
    assert org is not None, sorted(e.name for e in art.entities if e.type == "Organization")
    if alternate is not None:
        assert alternate in org.alternate_names
        assert not any(e.name == alternate for e in art.entities if e is not org)


SPEAKERS = [
    (TRIBUN, "Dunia tidak boleh lagi menunggu", "Retno Marsudi"),
    (TRIBUN, "Indonesia siap mengirim tambahan", "Retno Marsudi"),
    (TRIBUN, "Kami belum menyerah", "Sheikh Mohammed bin Abdulrahman Al Thani"),
    (KOMPAS, "Air masuk sangat cepat", "Agus Nugroho Luhur Pambudi"),
    (KOMPAS, "tanggul jebol setelah debit", "Balai Besar Wilayah Sungai Pemali Juana"),
    (KOMPAS, "Kami sudah menyiapkan ribuan karung", "Harya Muldianto"),
    (ANTARA, "Stok di gudang Bulog", "Bayu Krisnamurthi"),
    (DETIK, "Kami minta perbaikan darurat", "Hendra Wijayakusuma"),
    (DETIK, "tim teknis sudah mengukur", "Dinas Pekerjaan Umum dan Penataan Ruang Lamandau"),
    (DETIK, "Material baja sudah kami pesan", "Yusuf Effendi"),
    (DETIK, "selama perbaikan warga dapat", "Yusuf Effendi"),
    (CNN, "Titik api paling banyak", "Iskandar Nataatmaja"),
    (CNN, "sebagian besar titik panas", "Kementerian Lingkungan Hidup dan Kehutanan"),
    (CNN, "Kami sudah menyegel", "Basuki Karyaatmadja"),
    (TRIBUN_DAERAH, "Warga yang rumahnya paling rendah", "Dimas Arga Yudha"),
    (TRIBUN_DAERAH, "pasang air laut masih tinggi", "Stasiun Meteorologi Maritim Tanjung Emas"),
    (TRIBUN_DAERAH, "dapur umum sudah dibuka", "Wulandari Puspitasari"),
    (TRIBUN_DAERAH, "Tanggul harus rampung", "Aaf Surya Atmaja"),
]


@pytest.mark.parametrize(("path", "start", "speaker"), SPEAKERS, ids=lambda v: getattr(v, "stem", v))
def test_each_statement_has_the_right_speaker(path, start, speaker):
    """The statement that starts with these words is attributed to this person or organisation."""
    art = article(path)
    statement = next((s for s in art.statements if s.text.startswith(start)), None)
    assert statement is not None, [s.text[:40] for s in art.statements]
    assert statement.speaker is not None and art.entity(statement.speaker).name == speaker


@pytest.mark.parametrize("path", [TRIBUN, KOMPAS, ANTARA, DETIK, CNN, TRIBUN_DAERAH], ids=lambda p: p.stem)
def test_the_article_graph_conforms_to_the_shapes(path):
    """The whole article passes SHACL validation (one owner per position, speakers typed right)."""
    report = api.validate(api.build_graph(article(path)))
    assert report.conforms, report.text()
