"""IRI minting: slugs, templates, Wikidata ids, settable base."""

from __future__ import annotations

import pytest

from kg.errors import ConfigError
from kg.rdf import DEFAULT_BASE, Minter, slug


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Volodymyr Zelensky", "volodymyr-zelensky"),
        ("Zélensky", "zelensky"),
        ("Kementerian Luar Negeri (Kemlu)", "kementerian-luar-negeri-kemlu"),
        ("  Jakarta  ", "jakarta"),
        ("Bandung, Jawa Barat", "bandung-jawa-barat"),
        ("ÇANAKKALE", "canakkale"),
        ("S.B.Y.", "s-b-y"),
        ("Straße", "strasse"),
        ("!!!", ""),
    ],
)
def test_slug(name, expected):
    assert slug(name) == expected


def test_article_iris_follow_the_templates():
    m = Minter("abc123")
    assert str(m.article()) == f"{DEFAULT_BASE}article/abc123"
    assert str(m.graph()) == f"{DEFAULT_BASE}graph/abc123"
    assert str(m.statement(10, 42)) == f"{DEFAULT_BASE}article/abc123/statement/10-42"
    assert str(m.mention(3, 9)) == f"{DEFAULT_BASE}article/abc123/mention/3-9"
    assert str(m.image()) == f"{DEFAULT_BASE}article/abc123/image"
    assert str(m.software("kg", "0.1.0")) == f"{DEFAULT_BASE}software/kg/0.1.0"


@pytest.mark.parametrize(
    ("core", "name", "qid", "path"),
    [
        ("Person", "Prabowo Subianto", None, "person/prabowo-subianto"),
        (
            "Organization",
            "Badan Nasional Penanggulangan Bencana",
            None,
            "organization/badan-nasional-penanggulangan-bencana",
        ),
        ("Place", "Yogyakarta", None, "place/yogyakarta"),
        ("Place", "Yogyakarta", "Q7568", "entity/Q7568"),
        ("Person", "anyone", "Q1", "entity/Q1"),
    ],
)
def test_entity_iri_from_wikidata_or_type_and_name(core, name, qid, path):
    assert str(Minter("x").entity(core, name, qid)) == DEFAULT_BASE + path


def test_entity_iri_does_not_depend_on_the_article():
    assert Minter("a").entity("Person", "Siti Aminah", None) == Minter("b").entity(
        "Person", "Siti Aminah", None
    )
    assert Minter("a").entity("Person", "Siti Aminah", None) != Minter("a").entity(
        "Place", "Siti Aminah", None
    )


@pytest.mark.parametrize(
    "qid", ["Q", "q42", "Q042", "wd:Q42", "http://www.wikidata.org/entity/Q42", "P31"]
)
def test_malformed_wikidata_id_raises(qid):
    with pytest.raises(ConfigError, match="Wikidata id"):
        Minter("x").entity("Person", "Nama", qid)


def test_name_without_letters_raises():
    with pytest.raises(ConfigError, match="no letters or digits"):
        Minter("x").entity("Person", "—", None)


def test_unsafe_article_id_is_percent_encoded_not_dropped():
    assert str(Minter("a b/c").article()) == f"{DEFAULT_BASE}article/a%20b%2Fc"


@pytest.mark.parametrize("base", ["https://example.org/id/", "http://localhost:8080/kg#"])
def test_custom_base(base):
    assert str(Minter("n1", base).article()) == f"{base}article/n1"


@pytest.mark.parametrize(
    "base", ["", "example.org/", "https://example.org", "https://exa mple.org/"]
)
def test_bad_base_raises(base):
    with pytest.raises(ConfigError, match="base IRI"):
        Minter("n1", base)
