"""Hand-built articles for the RDF tests (our own invented story, in the style of a news site)."""

from __future__ import annotations

from kg.model import Article, Block, Entity, Image, Mention, Provenance, Role, Statement

PARAGRAPHS = (
    ("headline", "Menteri Keuangan Sri Wahyuni Tanjung Tinjau Pelabuhan Bitung"),
    ("lede", "Pemerintah menargetkan bongkar muat naik dua kali lipat tahun depan."),
    ("byline", "Penulis: Rahmat Hidayat"),
    ("byline", "Editor: Dewi Lestari"),
    (
        "body",
        (
            "BITUNG, KOMPAS.TV – Menteri Keuangan Sri Wahyuni Tanjung meninjau Pelabuhan Bitung "
            "di Sulawesi Utara pada Senin (3/3/2025)."
        ),
    ),
    (
        "body",
        (
            "“Kami ingin pelabuhan ini menjadi pintu ekspor utama Indonesia di kawasan timur,” "
            "kata Wahyuni kepada wartawan."
        ),
    ),
    (
        "body",
        "Ia menambahkan bahwa Kementerian Keuangan akan menyiapkan insentif fiskal bagi investor.",
    ),
    ("body", "Sebelumnya disebutkan bahwa pelabuhan itu akan diperluas."),
    ("body", "Gubernur Sulawesi Utara Yohanes Runtuwene menyambut baik rencana itu."),
    ("body", "“Ini kabar gembira bagi nelayan kami,” ujarnya."),
    ("caption", "Menteri Keuangan Sri Wahyuni Tanjung di dermaga Pelabuhan Bitung."),
    ("credit", "ANDI PRATAMA / ANTARA"),
)
TEXT = "\n\n".join(p for _, p in PARAGRAPHS)


def _blocks() -> tuple[Block, ...]:
    out, pos = [], 0
    for kind, para in PARAGRAPHS:
        out.append(Block(pos, pos + len(para), kind))
        pos += len(para) + 2
    return tuple(out)


def span(needle: str, nth: int = 0, text: str = TEXT) -> tuple[int, int]:
    """The offsets of the ``nth`` occurrence of ``needle`` in the text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def mention(needle: str, nth: int = 0) -> Mention:
    start, end = span(needle, nth)
    return Mention(start, end, needle)


def statement(mode, words, **kw) -> Statement:
    start, end = span(words)
    return Statement(mode=mode, text=words, start=start, end=end, **kw)


def rich_article(**changes) -> Article:
    """An article with every field filled: entities, roles, both statement modes, image, bylines."""
    entities = (
        Entity(
            "p1",
            "Person",
            "Sri Wahyuni Tanjung",
            alternate_names=("Wahyuni",),
            roles=(Role("Menteri Keuangan", of="o1"),),
            mentions=(
                mention("Sri Wahyuni Tanjung"),
                mention("Sri Wahyuni Tanjung", 1),
                mention("Wahyuni", 2),
                mention("Sri Wahyuni Tanjung", 2),
            ),
            source="rules",
        ),
        Entity(
            "p2",
            "Person",
            "Yohanes Runtuwene",
            roles=(Role("Gubernur Sulawesi Utara", of="l2"),),
            mentions=(mention("Yohanes Runtuwene"),),
        ),
        Entity("p3", "Person", "Rahmat Hidayat", source="byline"),
        Entity("p4", "Person", "Dewi Lestari", source="byline"),
        Entity("p5", "Person", "Andi Pratama", source="byline"),
        Entity(
            "o1",
            "Organization",
            "Kementerian Keuangan",
            extra_types=("GovernmentOrganization",),
            mentions=(mention("Kementerian Keuangan"),),
        ),
        Entity(
            "o2",
            "Organization",
            "Kompas TV",
            alternate_names=("KOMPAS.TV",),
            extra_types=("NewsMediaOrganization",),
        ),
        Entity(
            "o3",
            "Organization",
            "Antara",
            alternate_names=("ANTARA",),
            wikidata="Q1415706",
            extra_types=("NewsMediaOrganization",),
        ),
        Entity("l1", "Place", "Bitung", extra_types=("City",), mentions=(mention("BITUNG"),)),
        Entity(
            "l2",
            "Place",
            "Sulawesi Utara",
            extra_types=("AdministrativeArea",),
            mentions=(mention("Sulawesi Utara"), mention("Sulawesi Utara", 1)),
        ),
        Entity(
            "l3",
            "Place",
            "Indonesia",
            wikidata="Q252",
            extra_types=("Country",),
            mentions=(mention("Indonesia"),),
        ),
    )
    statements = (
        statement(
            "direct",
            "Kami ingin pelabuhan ini menjadi pintu ekspor utama Indonesia di kawasan timur",
            speaker="p1",
            cue="kata",
            about=("l3",),
            date_created="2025-03-03",
            location="l1",
        ),
        statement(
            "reported",
            "Kementerian Keuangan akan menyiapkan insentif fiskal bagi investor",
            speaker="p1",
            cue="menambahkan",
            about=("o1",),
        ),
        statement("reported", "pelabuhan itu akan diperluas", cue="disebutkan"),
        statement("direct", "Ini kabar gembira bagi nelayan kami", speaker="p2", cue="ujarnya"),
    )
    fields = {
        "id": "kompastv-bitung-2025",
        "text": TEXT,
        "language": "id",
        "headline": PARAGRAPHS[0][1],
        "description": PARAGRAPHS[1][1],
        "url": "https://www.kompas.tv/ekonomi/2025/03/03/menkeu-tinjau-pelabuhan-bitung",
        "date_published": "2025-03-03T14:20:00+08:00",
        "authors": ("p3",),
        "editors": ("p4",),
        "publisher": "o2",
        "dateline": "l1",
        "image": Image(
            caption=PARAGRAPHS[10][1],
            credit_text="ANDI PRATAMA / ANTARA",
            creator="p5",
            agency="o3",
            url="https://media.example.org/bitung.jpg",
        ),
        "entities": entities,
        "statements": statements,
        "blocks": _blocks(),
        "source": "tests/rdf_samples.py",
        "content_hash": "0" * 64,
        "provenance": Provenance("kg", "0.1.0", "kg-id-test"),
    }
    fields.update(changes)
    return Article(**fields)


def small_article(article_id: str = "small-1", **changes) -> Article:
    """A minimal valid article: a headline, one person mentioned once, one quote."""
    text = "Warga Desa Sukamaju Gelar Kerja Bakti\n\n“Kami gotong royong,” kata Budi Santoso."
    s = text.index("Budi Santoso")
    q = text.index("Kami gotong royong")
    fields = {
        "id": article_id,
        "text": text,
        "language": "id",
        "headline": "Warga Desa Sukamaju Gelar Kerja Bakti",
        "entities": (
            Entity("p1", "Person", "Budi Santoso", mentions=(Mention(s, s + 12, "Budi Santoso"),)),
        ),
        "statements": (
            Statement("direct", "Kami gotong royong", q, q + 18, speaker="p1", cue="kata"),
        ),
    }
    fields.update(changes)
    return Article(**fields)
