"""build_graph: every row of the output contract, the design decisions, and the error cases."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib import namespace as ns

from kg.errors import ConfigError, KgError
from kg.model import Entity, Mention, Provenance, Role
from kg.rdf import DEFAULT_BASE, build_graph
from kg.rdf.build import xsd_date
from kg.rdf.namespaces import KGO, SDO
from tests.rdf_samples import TEXT, rich_article, small_article, span

ID = DEFAULT_BASE
ART = f"<{ID}article/kompastv-bitung-2025>"
SRI = f"<{ID}person/sri-wahyuni-tanjung>"
PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX kgo: <https://w3id.org/kg-exporter/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX wd: <http://www.wikidata.org/entity/>
"""


@pytest.fixture(scope="module")
def graph():
    return build_graph(rich_article())


# (what the contract or the design asks, a SPARQL ASK that holds on the rich article's graph)
CONTRACT = [
    ("article is a NewsArticle", f"{ART} a schema:NewsArticle"),
    (
        "headline",
        f'{ART} schema:headline "Menteri Keuangan Sri Wahyuni Tanjung Tinjau Pelabuhan Bitung"',
    ),
    (
        "description",
        f'{ART} schema:description "Pemerintah menargetkan bongkar muat naik dua kali lipat tahun depan."',
    ),
    (
        "author is a Person",
        f'{ART} schema:author ?a . ?a a schema:Person ; schema:name "Rahmat Hidayat"',
    ),
    (
        "editor is a Person",
        f'{ART} schema:editor ?e . ?e a schema:Person ; schema:name "Dewi Lestari"',
    ),
    (
        "publisher is an Organization",
        f'{ART} schema:publisher ?p . ?p a schema:Organization ; schema:name "Kompas TV"',
    ),
    (
        "datePublished is xsd:dateTime",
        f'{ART} schema:datePublished "2025-03-03T14:20:00+08:00"^^xsd:dateTime',
    ),
    ("inLanguage is a BCP 47 tag", f'{ART} schema:inLanguage "id"'),
    (
        "dateline is locationCreated Place",
        f'{ART} schema:locationCreated ?l . ?l a schema:Place ; schema:name "Bitung"',
    ),
    (
        "url",
        f'{ART} schema:url "https://www.kompas.tv/ekonomi/2025/03/03/menkeu-tinjau-pelabuhan-bitung"^^xsd:anyURI',
    ),
    ("image with caption", f"{ART} schema:image ?i . ?i a schema:ImageObject ; schema:caption ?c"),
    ("image creditText", f'{ART} schema:image ?i . ?i schema:creditText "ANDI PRATAMA / ANTARA"'),
    (
        "image creator is a Person",
        f'{ART} schema:image ?i . ?i schema:creator ?c . ?c a schema:Person ; schema:name "Andi Pratama"',
    ),
    (
        "image agency is copyrightHolder",
        f'{ART} schema:image ?i . ?i schema:copyrightHolder ?o . ?o a schema:Organization ; schema:name "Antara"',
    ),
    ("mentions a Person", f"{ART} schema:mentions {SRI}"),
    (
        "mentions an Organization",
        f'{ART} schema:mentions ?o . ?o a schema:Organization ; schema:name "Kementerian Keuangan"',
    ),
    (
        "mentions a Place",
        f'{ART} schema:mentions ?p . ?p a schema:Place ; schema:name "Sulawesi Utara"',
    ),
    ("sourceText is Article.text", f"{ART} kgo:sourceText ?t"),
    ("articleBody", f"{ART} schema:articleBody ?b"),
    ("core type stated explicitly", f"{SRI} a schema:Person"),
    (
        "extra type beside the core type",
        '?c a schema:Country , schema:Place ; schema:name "Indonesia"',
    ),
    ("name is the fullest form", f'{SRI} schema:name "Sri Wahyuni Tanjung"'),
    ("other surface forms are alternateName", f'{SRI} schema:alternateName "Wahyuni"'),
    (
        "sameAs Wikidata when linked",
        f'<{ID}entity/Q252> schema:sameAs wd:Q252 ; schema:name "Indonesia"',
    ),
    ("jobTitle as written", f'{SRI} schema:jobTitle "Menteri Keuangan"'),
    (
        "structured position joined to its organization",
        (
            f'{SRI} kgo:holdsPosition ?pos . ?pos a kgo:Position ; schema:name "Menteri Keuangan" ; kgo:inArticle {ART} ; '
            f'kgo:positionOf ?o . ?o schema:name "Kementerian Keuangan"'
        ),
    ),
    (
        "position joined to a place",
        '?p kgo:positionOf ?l ; schema:name "Gubernur Sulawesi Utara" . ?l a schema:Place',
    ),
    (
        "direct quote types",
        '?s a kgo:Statement , kgo:DirectQuote , schema:Quotation ; schema:text "Ini kabar gembira bagi nelayan kami"',
    ),
    (
        "reported speech types",
        '?s a kgo:Statement , kgo:ReportedSpeech ; schema:text "Kementerian Keuangan akan menyiapkan insentif fiskal bagi investor"',
    ),
    (
        "statement creator is the speaker",
        f'?s schema:text "Kami ingin pelabuhan ini menjadi pintu ekspor utama Indonesia di kawasan timur" ; schema:creator {SRI}',
    ),
    ("statement is part of the article", f"?s a kgo:Statement ; schema:isPartOf {ART}"),
    ("cue as written", '?s kgo:cue "ujarnya" ; schema:text "Ini kabar gembira bagi nelayan kami"'),
    ("about", f'?s kgo:cue "kata" ; schema:about <{ID}entity/Q252>'),
    ("dateCreated", '?s kgo:cue "kata" ; schema:dateCreated "2025-03-03"^^xsd:date'),
    ("statement locationCreated", f'?s kgo:cue "kata" ; schema:locationCreated <{ID}place/bitung>'),
    (
        "statement offsets",
        '?s kgo:cue "kata" ; kgo:beginIndex ?b ; kgo:endIndex ?e . FILTER(datatype(?b) = xsd:nonNegativeInteger && ?e > ?b)',
    ),
    (
        "mention nodes",
        f'?m a kgo:Mention ; kgo:mentionOf {SRI} ; kgo:inArticle {ART} ; kgo:anchorText "Wahyuni" ; kgo:beginIndex ?b ; kgo:endIndex ?e',
    ),
    (
        "software and version",
        (
            f'{ART} prov:wasGeneratedBy ?run . ?run a prov:Activity ; prov:wasAssociatedWith ?kg ; kgo:pipeline "kg-id-test" . '
            f'?kg a prov:SoftwareAgent , schema:SoftwareApplication ; schema:name "kg" ; schema:softwareVersion "0.1.0"'
        ),
    ),
    (
        "skipped speakerless statement counted",
        f'{ART} kgo:unattributedStatements "1"^^xsd:nonNegativeInteger',
    ),
]


@pytest.mark.parametrize(("what", "pattern"), CONTRACT, ids=[c[0] for c in CONTRACT])
def test_contract_row_holds(graph, what, pattern):
    assert graph.query(PREFIXES + "ASK { " + pattern + " }").askAnswer, what


# (what must not be there, a SPARQL ASK that must be false)
ABSENT = [
    (
        "byline-only people are not mentioned",
        f'{ART} schema:mentions ?p . ?p schema:name "Rahmat Hidayat"',
    ),
    (
        "the name is not repeated as alternateName",
        f'{SRI} schema:alternateName "Sri Wahyuni Tanjung"',
    ),
    ("speakerless statement left out", '?s schema:text "pelabuhan itu akan diperluas"'),
    ("reported speech is not a Quotation", "?s a kgo:ReportedSpeech , schema:Quotation"),
    ("no node has two core types", "?n a schema:Person , schema:Place"),
    ("no schema.org over http", "?s ?p ?o . FILTER(STRSTARTS(STR(?p), 'http://schema.org/'))"),
    ("no blank nodes", "?s ?p ?o . FILTER(isBlank(?s) || isBlank(?o))"),
]


@pytest.mark.parametrize(("what", "pattern"), ABSENT, ids=[a[0] for a in ABSENT])
def test_absent(graph, what, pattern):
    assert not graph.query(PREFIXES + "ASK { " + pattern + " }").askAnswer, what


def test_graph_identifier_is_the_article_graph_iri(graph):
    assert graph.identifier == URIRef(f"{ID}graph/kompastv-bitung-2025")


def test_source_text_and_body_are_the_article_fields(graph):
    article = rich_article()
    node = URIRef(f"{ID}article/kompastv-bitung-2025")
    assert graph.value(node, KGO.sourceText) == Literal(TEXT)
    assert graph.value(node, SDO.articleBody) == Literal(article.body)
    assert "Penulis:" not in article.body


def test_every_mention_offset_points_at_its_anchor_text(graph):
    mentions = list(graph.subjects(ns.RDF.type, KGO.Mention))
    assert len(mentions) == 10
    for m in mentions:
        b, e = int(graph.value(m, KGO.beginIndex)), int(graph.value(m, KGO.endIndex))
        assert TEXT[b:e] == str(graph.value(m, KGO.anchorText))
        assert str(m).endswith(f"/mention/{b}-{e}")


def test_same_article_gives_identical_triples():
    a, b = build_graph(rich_article()), build_graph(rich_article())
    assert set(a) == set(b)


def test_same_entity_from_two_articles_gets_one_iri():
    one = build_graph(small_article("a-1"))
    two = build_graph(small_article("a-2", headline="Kerja Bakti Berlanjut"))
    people = lambda g: set(g.subjects(ns.RDF.type, SDO.Person))
    assert people(one) == people(two) == {URIRef(f"{ID}person/budi-santoso")}


def test_base_iri_is_settable():
    g = build_graph(small_article(), base_iri="https://example.org/kg/")
    assert g.identifier == URIRef("https://example.org/kg/graph/small-1")
    assert all(not str(s).startswith(ID) for s in g.subjects())


@pytest.mark.parametrize(
    "base", ["example.org/kg/", "https://example.org/kg", "ftp://example.org/"]
)
def test_bad_base_iri_raises(base):
    with pytest.raises(ConfigError, match="base IRI"):
        build_graph(small_article(), base_iri=base)


@pytest.mark.parametrize(
    ("value", "lexical", "datatype"),
    [
        ("2025-03-03", "2025-03-03", ns.XSD.date),
        ("2025-03-03T14:20:00+08:00", "2025-03-03T14:20:00+08:00", ns.XSD.dateTime),
        ("2025-03-03T14:20+0800", "2025-03-03T14:20:00+08:00", ns.XSD.dateTime),
        ("2025-03-03 14:20:05", "2025-03-03T14:20:05", ns.XSD.dateTime),
        ("2025-03-03T07:00:00Z", "2025-03-03T07:00:00+00:00", ns.XSD.dateTime),
    ],
)
def test_dates_typed_by_form(value, lexical, datatype):
    lit = xsd_date(value, where="test")
    assert (str(lit), lit.datatype) == (lexical, datatype)


@pytest.mark.parametrize(
    "value", ["3 Maret 2025", "2025-02-30", "2025-03-03T25:00:00", "03/03/2025", ""]
)
def test_bad_dates_raise(value):
    with pytest.raises(KgError, match="ISO 8601"):
        build_graph(small_article(date_published=value or " "))


def _with_statement(**kw):
    base = small_article()
    s = replace(base.statements[0], **kw)
    return build_graph(replace(base, statements=(s,)))


@pytest.mark.parametrize(
    ("speaker", "extra_entity"),
    [(None, None), ("l1", Entity("l1", "Place", "Sukamaju"))],
    ids=["no speaker", "speaker is a place"],
)
def test_statement_without_person_or_org_speaker_is_skipped_and_counted(speaker, extra_entity):
    base = small_article()
    entities = base.entities + ((extra_entity,) if extra_entity else ())
    s = replace(base.statements[0], speaker=speaker)
    g = build_graph(replace(base, entities=entities, statements=(s, s)))
    assert not list(g.subjects(ns.RDF.type, KGO.Statement))
    assert g.value(URIRef(f"{ID}article/small-1"), KGO.unattributedStatements) == Literal(
        2, datatype=ns.XSD.nonNegativeInteger
    )


def test_organization_speaker_is_kept():
    base = small_article()
    org = Entity("o1", "Organization", "Pemerintah Desa Sukamaju")
    g = build_graph(
        replace(
            base,
            entities=base.entities + (org,),
            statements=(replace(base.statements[0], speaker="o1"),),
        )
    )
    (s,) = g.subjects(ns.RDF.type, KGO.Statement)
    assert g.value(s, SDO.creator) == URIRef(f"{ID}organization/pemerintah-desa-sukamaju")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"authors": ("nobody",)}, "entity key 'nobody'"),
        ({"publisher": "p9"}, "entity key 'p9'"),
        ({"entities": (Entity("p1", "Person", "A"), Entity("p1", "Person", "B"))}, "share the key"),
        ({"entities": (Entity("p1", "Robot", "R2"),)}, "entity type 'Robot'"),
        (
            {"entities": (Entity("p1", "Person", "Budi", extra_types=("City",)),)},
            "'City' is not a kind of Person",
        ),
        ({"entities": (Entity("p1", "Person", "Budi", wikidata="wd:Q1"),)}, "Wikidata id"),
        (
            {"entities": (Entity("p1", "Person", "Budi", mentions=(Mention(0, 999, "x"),)),)},
            "outside the article text",
        ),
        (
            {
                "entities": (
                    Entity("p1", "Person", "Budi", wikidata="Q5"),
                    Entity("l1", "Place", "Bumi", wikidata="Q5"),
                )
            },
            "both linked",
        ),
        ({"id": ""}, "empty id"),
    ],
)
def test_inconsistent_article_raises_with_advice(change, message):
    base = small_article()
    if "entities" in change and "statements" not in change:
        change = dict(change, statements=())
    with pytest.raises(KgError, match=message) as info:
        build_graph(replace(base, **change))
    assert info.value.fix


def test_statement_mode_must_be_known():
    with pytest.raises(KgError, match="statement mode"):
        _with_statement(mode="rumour")


def test_entities_on_the_same_node_merge_names():
    base = small_article()
    a = Entity("p1", "Person", "Budi Santoso", wikidata="Q42", roles=(Role("Kepala Desa"),))
    b = Entity("p2", "Person", "Pak Budi", wikidata="Q42")
    g = build_graph(replace(base, entities=(a, b), statements=()))
    node = URIRef(f"{ID}entity/Q42")
    assert set(g.objects(node, SDO.name)) == {Literal("Budi Santoso")}
    assert set(g.objects(node, SDO.alternateName)) == {Literal("Pak Budi")}
    assert g.value(node, SDO.jobTitle) == Literal("Kepala Desa")


def test_role_without_organization_has_no_position_of():
    base = small_article()
    e = replace(base.entities[0], roles=(Role("Ketua RT"), Role("  ")))
    g = build_graph(replace(base, entities=(e,)))
    (pos,) = g.objects(None, KGO.holdsPosition)
    assert g.value(pos, KGO.positionOf) is None
    assert list(g.objects(None, SDO.jobTitle)) == [Literal("Ketua RT")]


def test_provenance_defaults_to_this_kg():
    import kg

    g = build_graph(small_article())
    (agent,) = g.subjects(ns.RDF.type, SDO.SoftwareApplication)
    assert g.value(agent, SDO.softwareVersion) == Literal(kg.__version__)
    assert str(agent) == f"{ID}software/kg/{kg.__version__}"
    assert not list(g.objects(None, KGO.pipeline))


def test_provenance_names_the_given_software():
    g = build_graph(small_article(provenance=Provenance("kg", "9.9.9rc1", "id_kg-2")))
    (agent,) = g.subjects(ns.RDF.type, SDO.SoftwareApplication)
    assert str(agent).endswith("/software/kg/9.9.9rc1")
    assert list(g.objects(None, KGO.pipeline)) == [Literal("id_kg-2")]


def test_minimal_article_leaves_optional_fields_out():
    g = build_graph(small_article())
    art = URIRef(f"{ID}article/small-1")
    for p in (SDO.author, SDO.publisher, SDO.image, SDO.datePublished, SDO.url, SDO.description):
        assert g.value(art, p) is None
    assert not any(isinstance(t, BNode) for triple in g for t in triple)


def test_offsets_are_checked_against_the_text():
    s, e = span("Budi Santoso", text=small_article().text)
    assert (s, e) == (
        small_article().entities[0].mentions[0].start,
        small_article().entities[0].mentions[0].end,
    )
    with pytest.raises(KgError, match="offset -1"):
        _with_statement(start=-1)
