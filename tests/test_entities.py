"""The entity resolver: mentions merged into one entity per real-world thing, names, roles, metadata."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from kg.errors import InputError
from kg.model import Block, Name
from kg.nlp.entities import EntityResolver
from kg.nlp.gazetteer import Gazetteer, GazetteerComponent
from kg.nlp.rules import EntityRules

GAZETTEER = [
    {"id": "Q159", "type": "Place", "name": "Rusia", "names": ["Rusia", "Russia"], "wikidata": "Q159",
     "extra_types": ["Country"]},
    {"id": "Q7747", "type": "Person", "name": "Vladimir Putin", "names": ["Vladimir Putin", "Putin"],
     "wikidata": "Q7747"},
    {"id": "Q30", "type": "Place", "name": "Amerika Serikat", "names": ["Amerika Serikat", "AS", "United States"],
     "wikidata": "Q30", "extra_types": ["Country"]},
    {"id": "Q1899", "type": "Place", "name": "Kyiv", "names": ["Kyiv", "Kiev"], "wikidata": "Q1899",
     "extra_types": ["City"]},
    {"id": "Q3630", "type": "Place", "name": "Jakarta", "names": ["Jakarta"], "wikidata": "Q3630",
     "extra_types": ["City"]},
    {"id": "kg:warta-kota", "type": "Organization", "name": "Warta Kota", "names": ["Warta Kota", "WARTAKOTA"]},
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gaz") / "g.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in GAZETTEER), encoding="utf-8")
    return Gazetteer.from_jsonl(path)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("id")


def doc_with(blank, text: str, spans: list[tuple[str, str, str]]) -> Doc:
    """A Doc whose entities are the given (surface, label, kb_id), found left to right."""
    doc = blank(text)
    ents, pos = [], 0
    for surface, label, kb_id in spans:
        start = text.index(surface, pos)
        pos = start + len(surface)
        ents.append(doc.char_span(start, pos, label=label, kb_id=kb_id))
    doc.ents = ents
    return doc


def resolve(gazetteer, doc: Doc, blocks=None) -> EntityResolver:
    resolver = EntityResolver(gazetteer)
    resolver.add_doc(doc, blocks or [Block(0, len(doc.text), "body")])
    return resolver


def summary(resolver: EntityResolver) -> list[tuple[str, str, tuple[str, ...], int]]:
    return [(e.type, e.name, e.alternate_names, len(e.mentions)) for e in resolver.entities()]


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        ("Budi Santoso datang pagi. Kemudian Santoso pulang.",
         [("Budi Santoso", "PER", ""), ("Santoso", "PER", "")],
         [("Person", "Budi Santoso", ("Santoso",), 2)]),
        ("Santoso menolak. Budi Santoso lalu pergi.",
         [("Santoso", "PER", ""), ("Budi Santoso", "PER", "")],
         [("Person", "Budi Santoso", ("Santoso",), 2)]),
        ("Budi Santoso hadir. Budi tersenyum.",
         [("Budi Santoso", "PER", ""), ("Budi", "PER", "")],
         [("Person", "Budi Santoso", ("Budi",), 2)]),
        ("Zelensky bicara. Zelenskiy menolak. Volodymyr Zelenskyy setuju.",
         [("Zelensky", "PER", ""), ("Zelenskiy", "PER", ""), ("Volodymyr Zelenskyy", "PER", "")],
         [("Person", "Volodymyr Zelenskyy", ("Zelensky", "Zelenskiy"), 3)]),
        ("KYIV - Serangan di Kyiv berlanjut.",
         [("KYIV", "LOC", "Q1899"), ("Kyiv", "LOC", "Q1899")],
         [("Place", "Kyiv", ("KYIV",), 2)]),
        ("Badan Pusat Statistik (BPS) merilis data. BPS mencatat inflasi.",
         [("Badan Pusat Statistik", "ORG", ""), ("BPS", "ORG", ""), ("BPS", "ORG", "")],
         [("Organization", "Badan Pusat Statistik", ("BPS",), 3)]),
        ("Amerika Serikat (AS) dan Rusia berunding. AS menolak.",
         [("Amerika Serikat", "LOC", "Q30"), ("AS", "LOC", "Q30"), ("Rusia", "LOC", "Q159"), ("AS", "LOC", "Q30")],
         [("Place", "Amerika Serikat", ("AS",), 3), ("Place", "Rusia", (), 1)]),
        # a short form given with "atau" is the same organisation, whatever a recognizer called it
        ("Lembaga Kajian Pangan Nusantara atau Lekapan menilai harga naik. Lekapan mencatat pasokan turun.",
         [("Lembaga Kajian Pangan Nusantara", "ORG", ""), ("Lekapan", "PER", ""), ("Lekapan", "ORG", "")],
         [("Organization", "Lembaga Kajian Pangan Nusantara", ("Lekapan",), 3)]),
        # the long name fixes the type, however often a recognizer took the short form for a person
        ("Lembaga Kajian Pangan Nusantara (LKPN) menilai. LKPN mencatat. LKPN menduga. LKPN menolak.",
         [("Lembaga Kajian Pangan Nusantara", "ORG", ""), ("LKPN", "PER", ""), ("LKPN", "PER", ""),
          ("LKPN", "PER", ""), ("LKPN", "PER", "")],
         [("Organization", "Lembaga Kajian Pangan Nusantara", ("LKPN",), 5)]),
        # ... or one from the name in another language, which shares only its first letter
        ("Badan Penyelamatan Satwa Liar atau Bawiliar menerima laporan. Bawiliar mencatat.",
         [("Badan Penyelamatan Satwa Liar", "ORG", ""), ("Bawiliar", "PER", ""), ("Bawiliar", "ORG", "")],
         [("Organization", "Badan Penyelamatan Satwa Liar", ("Bawiliar",), 3)]),
        # ... but not a word that does not abbreviate it
        ("Dinas Pertanian atau Budi belum menjawab.",
         [("Dinas Pertanian", "ORG", ""), ("Budi", "PER", "")],
         [("Organization", "Dinas Pertanian", (), 1), ("Person", "Budi", (), 1)]),
        ("Putin datang. Vladimir Putin berpidato.",
         [("Putin", "PER", "Q7747"), ("Vladimir Putin", "PER", "")],
         [("Person", "Vladimir Putin", ("Putin",), 2)]),
        ("Budi Santoso dan Budi Hartono bertemu.",
         [("Budi Santoso", "PER", ""), ("Budi Hartono", "PER", "")],
         [("Person", "Budi Santoso", (), 1), ("Person", "Budi Hartono", (), 1)]),
        ("Garuda terbang. Garuda rugi. Garuda untung.",
         [("Garuda", "ORG", ""), ("Garuda", "LOC", ""), ("Garuda", "ORG", "")],
         [("Organization", "Garuda", (), 3)]),
        # an initial is no first name: the word after it is
        ("M Fadli Rahman hadir. Fadli tersenyum.",
         [("M Fadli Rahman", "PER", ""), ("Fadli", "PER", "")],
         [("Person", "M Fadli Rahman", ("Fadli",), 2)]),
        # any word of a name of three words or more stands for it
        ("Muhammad Rizal Hasibuan tiba. Rizal lalu berpidato.",
         [("Muhammad Rizal Hasibuan", "PER", ""), ("Rizal", "PER", "")],
         [("Person", "Muhammad Rizal Hasibuan", ("Rizal",), 2)]),
    ],
)
def test_mentions_merge_into_entities(gazetteer, blank, text, spans, expected):
    assert summary(resolve(gazetteer, doc_with(blank, text, spans))) == expected


def test_linked_entities_carry_wikidata_and_extra_types(gazetteer, blank):
    doc = doc_with(blank, "Rusia dan AS berunding.", [("Rusia", "LOC", "Q159"), ("AS", "LOC", "Q30")])
    rusia, us = resolve(gazetteer, doc).entities()
    assert (rusia.wikidata, rusia.extra_types, rusia.source) == ("Q159", ("Country",), "gazetteer")
    # the text only says "AS": the name is what the text uses, not the gazetteer's preferred name
    assert (us.name, us.wikidata) == ("AS", "Q30")


def test_keys_follow_first_mentions(gazetteer, blank):
    doc = doc_with(blank, "Siti Aminah bertemu Joko Susilo di Jakarta. Aminah pulang.",
                   [("Siti Aminah", "PER", ""), ("Joko Susilo", "PER", ""), ("Jakarta", "LOC", "Q3630"),
                    ("Aminah", "PER", "")])
    assert [(e.key, e.name) for e in resolve(gazetteer, doc).entities()] == [
        ("e1", "Siti Aminah"), ("e2", "Joko Susilo"), ("e3", "Jakarta")]


def test_mentions_outside_article_blocks_are_ignored(gazetteer, blank):
    text = "Budi Santoso datang.\nBaca juga: Rina Wati menang"
    doc = doc_with(blank, text, [("Budi Santoso", "PER", ""), ("Rina Wati", "PER", "")])
    resolver = resolve(gazetteer, doc, [Block(0, 20, "body")])
    assert [e.name for e in resolver.entities()] == ["Budi Santoso"]


def test_a_bare_first_name_goes_to_the_person_named_last(gazetteer, blank):
    doc = doc_with(blank, "Budi Santoso datang. Budi Hartono pergi. Budi tertawa.",
                   [("Budi Santoso", "PER", ""), ("Budi Hartono", "PER", ""), ("Budi", "PER", "")])
    santoso, hartono = resolve(gazetteer, doc).entities()
    assert (len(santoso.mentions), len(hartono.mentions)) == (1, 2)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, blank):
    path = tmp_path_factory.mktemp("gaz2") / "g.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in GAZETTEER), encoding="utf-8")
    gaz = GazetteerComponent(blank, path=str(path))
    rules = EntityRules(blank)
    return lambda text: rules(gaz(blank(text)))


def test_roles_from_titles_name_the_organisation_or_country(gazetteer, pipeline):
    text = ("Presiden Rusia Vladimir Putin menerima Dimas Prakoso, Kepala Dinas Perhubungan Kota Bogor. "
            "Putin tersenyum.")
    resolver = resolve(gazetteer, pipeline(text))
    by_name = {e.name: e for e in resolver.entities()}
    putin = by_name["Vladimir Putin"]
    assert [(r.title, r.of) for r in putin.roles] == [("Presiden Rusia", by_name["Rusia"].key)]
    assert len(putin.mentions) == 2
    dimas = by_name["Dimas Prakoso"]
    assert [(r.title, r.of) for r in dimas.roles] == [
        ("Kepala Dinas Perhubungan Kota Bogor", by_name["Dinas Perhubungan Kota Bogor"].key)]


def test_a_rank_form_is_an_alternate_name_never_the_name(gazetteer, pipeline):
    resolver = resolve(gazetteer, pipeline("Kapolres Bantul AKBP Rudi Hartawan memimpin razia."))
    person = next(e for e in resolver.entities() if e.type == "Person")
    assert (person.name, person.alternate_names) == ("Rudi Hartawan", ("AKBP Rudi Hartawan",))
    assert [r.title for r in person.roles] == ["Kapolres Bantul"]


def test_add_name_merges_with_the_text_and_creates_the_rest(gazetteer, blank):
    text = "JAKARTA - Menurut Budi Santoso, harga naik di Jakarta."
    doc = doc_with(blank, text, [("JAKARTA", "LOC", "Q3630"), ("Budi Santoso", "PER", ""),
                                 ("Jakarta", "LOC", "Q3630")])
    resolver = resolve(gazetteer, doc)
    dateline = resolver.add_name(Name("JAKARTA", 0, 7), "Place", "dateline")
    speaker = resolver.add_name(Name("Santoso"), "Person", "speaker")
    author = resolver.add_name(Name("Dewi Lestari", 60, 72), "Person", "byline")
    photographer = resolver.add_name(Name("RIZKY PRATAMA"), "Person", "credit")
    publisher = resolver.add_name(Name("WARTAKOTA"), "Organization", "publisher")
    entities = {e.key: e for e in resolver.entities()}
    assert entities[dateline].name == "Jakarta" and entities[dateline].wikidata == "Q3630"
    assert entities[speaker].name == "Budi Santoso"
    assert (entities[author].name, entities[author].mentions, entities[author].source) == (
        "Dewi Lestari", (), "byline")
    assert (entities[photographer].name, entities[photographer].alternate_names) == (
        "Rizky Pratama", ("RIZKY PRATAMA",))
    assert (entities[publisher].name, entities[publisher].source) == ("Warta Kota", "gazetteer")
    assert resolver.add_name(Name("Dewi Lestari"), "Person", "byline") == author


def test_add_name_by_title_finds_the_one_person_with_that_role(gazetteer, pipeline):
    resolver = resolve(gazetteer, pipeline("Presiden Rusia Vladimir Putin dan Menteri Keuangan Sri Handayani hadir."))
    putin = resolver.find("Putin")
    assert resolver.add_name(Name("Presiden"), "Person", "speaker") == putin
    assert resolver.find("Presiden Rusia") == putin
    assert resolver.add_name(Name("Menkeu Sri Handayani"), "Person", "speaker") == resolver.find("Sri Handayani")


def test_a_speaker_named_by_a_title_and_its_office_word_is_no_new_person(gazetteer, pipeline):
    """"kata Menteri Desa" names the title, not a person called "Desa"."""
    resolver = resolve(gazetteer, pipeline("Menteri Desa Budi Santoso meninjau bendungan."))
    key = resolver.add_name(Name("Menteri Desa"), "Person", "speaker")
    names = [e.name for e in resolver.entities() if e.type == "Person"]
    assert "Desa" not in names
    assert key == resolver.find("Budi Santoso")


def test_add_name_rejects_an_empty_name(gazetteer):
    with pytest.raises(InputError, match="empty"):
        EntityResolver(gazetteer).add_name(Name("  "), "Person", "byline")


@pytest.mark.parametrize(
    "surface, type_, found",
    [
        ("Putin", None, "Vladimir Putin"),
        ("VLADIMIR PUTIN", "Person", "Vladimir Putin"),
        ("Rusia", "Place", "Rusia"),
        ("Rusia", "Person", None),
        ("Tidak Ada", None, None),
        ("", None, None),
    ],
)
def test_find(gazetteer, blank, surface, type_, found):
    doc = doc_with(blank, "Vladimir Putin tiba di Rusia.", [("Vladimir Putin", "PER", "Q7747"), ("Rusia", "LOC", "Q159")])
    resolver = resolve(gazetteer, doc)
    key = resolver.find(surface, type_)
    names = {e.key: e.name for e in resolver.entities()}
    assert (names[key] if key else None) == found


def test_key_at_overlapping_mentions(gazetteer, blank):
    doc = doc_with(blank, "Vladimir Putin tiba di Rusia.", [("Vladimir Putin", "PER", "Q7747"), ("Rusia", "LOC", "Q159")])
    resolver = resolve(gazetteer, doc)
    assert resolver.key_at(9, 11) == "e1"
    assert resolver.key_at(23, 28) == "e2"
    assert resolver.key_at(15, 19) is None


def test_add_name_always_returns_an_entity_of_the_type_asked_for(gazetteer, blank):
    text = "JAKARTA, KOMPAS - Banjir melanda Jakarta."
    doc = doc_with(blank, text, [("JAKARTA", "LOC", "Q3630"), ("Jakarta", "LOC", "Q3630")])
    resolver = resolve(gazetteer, doc)
    key = resolver.add_name(Name("JAKARTA", 0, 7), "Organization", "publisher")
    entities = {e.key: e for e in resolver.entities()}
    assert entities[key].type == "Organization"
    assert [e.type for e in entities.values()] == ["Place", "Organization"]


def test_a_speaker_at_a_mention_a_recognizer_mistyped_retypes_it(gazetteer, blank):
    text = "Menurut Perry, inflasi terkendali."
    resolver = resolve(gazetteer, doc_with(blank, text, [("Perry", "LOC", "")]))
    key = resolver.add_name(Name("Perry", 8, 13), "Person", "speaker")
    (entity,) = resolver.entities()
    assert (entity.key, entity.type, len(entity.mentions)) == (key, "Person", 1)


def test_a_name_at_a_gazetteer_mention_of_another_type_gets_its_own_entity_without_the_mention(gazetteer, blank):
    doc = doc_with(blank, "JAKARTA, WARTA - Harga naik.", [("JAKARTA", "LOC", "Q3630")])
    resolver = resolve(gazetteer, doc)
    key = resolver.add_name(Name("JAKARTA", 0, 7), "Organization", "publisher")
    place, org = resolver.entities()
    assert (org.key, org.type, org.mentions) == (key, "Organization", ())
    assert len(place.mentions) == 1


def test_an_unknown_dateline_place_is_named_in_title_case_and_keeps_its_capitals_as_an_alias(gazetteer, blank):
    doc = doc_with(blank, "SUKAMAJU - Banjir merendam dua desa.", [])
    resolver = resolve(gazetteer, doc)
    key = resolver.add_name(Name("SUKAMAJU", 0, 8), "Place", "dateline")
    publisher = resolver.add_name(Name("SKH"), "Organization", "publisher")  # capitals of its own: kept
    entities = {e.key: e for e in resolver.entities()}
    assert (entities[key].name, entities[key].alternate_names) == ("Sukamaju", ("SUKAMAJU",))
    assert entities[publisher].name == "SKH"


def test_a_dateline_place_the_recognizer_found_first_is_named_in_title_case_too(gazetteer, blank):
    doc = doc_with(blank, "SUKAMAJU - Banjir merendam dua desa. Warga BPBD mengungsi.", [("SUKAMAJU", "LOC", "")])
    resolver = resolve(gazetteer, doc)
    key = resolver.add_name(Name("SUKAMAJU", 0, 8), "Place", "dateline")
    entities = {e.key: e for e in resolver.entities()}
    assert entities[key].name == "Sukamaju" and entities[key].source == "ner"
