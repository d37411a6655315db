"""English articles end to end, and a corpus that mixes English and Indonesian.

The English example is our own wire-style version of the Ukraine / NATO / G7 story; the
Indonesian companion in tests/data/mixed reports the same summit. Both are our own writing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg import api
from kg.nlp.pipeline import installed_model

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ROOT / "examples" / "antara-en-ukraine-nato.txt"
INDONESIAN = ROOT / "tests" / "data" / "mixed" / "kompas-ktt-nato-vilnius.txt"
SDO = "https://schema.org/"
KGO = "https://w3id.org/kg-exporter/ontology#"


def _sdo(term: str) -> URIRef:
    return URIRef(SDO + term)


@pytest.fixture(scope="module")
def english_graph() -> Graph:
    graph = Graph()
    graph.parse(data=api.export(ENGLISH, fmt="turtle").decode(), format="turtle")
    return graph


def _names(graph: Graph, node) -> set[str]:
    return {str(o) for p in (_sdo("name"), _sdo("alternateName")) for o in graph.objects(node, p)}


def _statements(graph: Graph) -> list[tuple[str, str, set[str]]]:
    """(mode, text, speaker's names) of every statement."""
    out = []
    for st in graph.subjects(RDF.type, URIRef(KGO + "Statement")):
        mode = "direct" if (st, RDF.type, URIRef(KGO + "DirectQuote")) in graph else "reported"
        speaker = graph.value(st, _sdo("creator"))
        out.append((mode, str(graph.value(st, _sdo("text"))), _names(graph, speaker) if speaker else set()))
    return out


def test_english_example_is_read_as_english_and_conforms(english_graph):
    article = next(english_graph.subjects(RDF.type, _sdo("NewsArticle")))
    assert english_graph.value(article, _sdo("inLanguage")) == Literal("en")
    assert api.validate(english_graph).conforms


def test_english_example_has_its_byline_dateline_and_credits(english_graph):
    article = next(english_graph.subjects(RDF.type, _sdo("NewsArticle")))
    authors = {n for a in english_graph.objects(article, _sdo("author")) for n in _names(english_graph, a)}
    editors = {n for e in english_graph.objects(article, _sdo("editor")) for n in _names(english_graph, e)}
    assert authors == {"Laura Whitfield"}
    assert editors == {"Mark Dawson"}
    assert "Kyiv" in _names(english_graph, english_graph.value(article, URIRef(KGO + "dateline")))


@pytest.mark.parametrize(
    "mode, opening, speaker",
    [
        ("reported", "Ukraine will keep pressing", "Volodymyr Zelensky"),
        ("direct", "The guarantees we received", "Volodymyr Zelensky"),
        ("direct", "Our future is in NATO", "Volodymyr Zelensky"),
        ("reported", "the G7 declaration would help", "Dmytro Kuleba"),
        ("reported", "talks on the details", "Dmytro Kuleba"),  # "He added that ..."
        ("direct", "Ukraine is closer to NATO", "Jens Stoltenberg"),  # "..., he said"
        ("direct", "Every promise of weapons", "Vladimir Putin"),
        ("reported", "Russia will take whatever measures", "Dmitry Peskov"),  # "According to ..."
    ],
)
def test_english_example_statements_are_attributed(english_graph, mode, opening, speaker):
    matches = [(m, names) for m, text, names in _statements(english_graph) if text.startswith(opening)]
    assert len(matches) == 1, _statements(english_graph)
    assert matches[0] == (mode, matches[0][1]) and speaker in matches[0][1]


def test_english_roles_are_job_titles(english_graph):
    titles = {str(o) for o in english_graph.objects(None, _sdo("jobTitle"))}
    assert {"Foreign Minister", "Russian President"} <= titles


def test_a_mixed_folder_exports_each_article_in_its_language_with_shared_entity_nodes(tmp_path, runner, kg_cli):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ENGLISH, corpus / ENGLISH.name)
    shutil.copy(INDONESIAN, corpus / INDONESIAN.name)
    out = tmp_path / "mixed.nq"
    result = runner.invoke(kg_cli, ["export", str(corpus), "-o", str(out), "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output

    dataset = Dataset()
    dataset.parse(out, format="nquads")
    graphs = [g for g in dataset.graphs() if len(g)]
    by_language = {}
    for graph in graphs:
        article = next(graph.subjects(RDF.type, _sdo("NewsArticle")))
        by_language[str(graph.value(article, _sdo("inLanguage")))] = graph
    assert set(by_language) == {"id", "en"}

    def entities(graph):
        return {s for t in ("Person", "Organization", "Place") for s in graph.subjects(RDF.type, _sdo(t))}

    shared = entities(by_language["id"]) & entities(by_language["en"])
    shared_names = {n for node in shared for n in _names(by_language["en"], node)}
    # Wikidata-linked entities and people without a QID alike are one node across languages
    for name in ("Vladimir Putin", "Volodymyr Zelensky", "Jens Stoltenberg", "NATO", "G7", "Kyiv",
                 "Vilnius", "Moscow", "Russia", "Ukraine", "Lithuania"):
        assert name in shared_names, sorted(shared_names)


def test_lang_option_forces_the_pipeline(tmp_path, runner, kg_cli):
    out = tmp_path / "forced.ttl"
    result = runner.invoke(kg_cli, ["export", str(ENGLISH), "--lang", "id", "-o", str(out)])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out, format="turtle")
    assert set(graph.objects(None, _sdo("inLanguage"))) == {Literal("id")}


def test_an_article_declaring_an_unsupported_language_is_reported_and_the_rest_go_on(tmp_path, runner, kg_cli):
    dump = tmp_path / "dump.jsonl"
    lines = [
        {"id": "fr-1", "language": "fr", "text": "Le gouvernement a annoncé lundi un nouveau plan."},
        {"id": "en-1", "text": ENGLISH.read_text(encoding="utf-8")},
    ]
    dump.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "dump.nq"
    result = runner.invoke(kg_cli, ["export", str(dump), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert "dump.jsonl:1" in result.stderr and "--lang" in result.stderr
    assert "<https://w3id.org/kg-exporter/id/article/en-1>" in out.read_text(encoding="utf-8")


@pytest.mark.skipif(installed_model("en") is None, reason="the English model is not installed")
def test_english_model_is_used_and_named_in_provenance(english_graph):
    pipelines = {str(o) for o in english_graph.objects(None, URIRef(KGO + "pipeline"))}
    assert any("ner_model=en_core_web_sm" in p and "kg_ner_labels" in p for p in pipelines)


def _people_and_roles(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    document = api.read_article(("Test headline for an English story\n\n" + text + "\n").encode(), source_name="t.txt")
    article = api.extract(document, language="en")
    return {e.name: (e.type, tuple(r.title for r in e.roles)) for e in article.entities}


@pytest.mark.parametrize(
    "text, name, type_, roles",
    [
        ("Education Minister Nadia Rahim opened the school on Monday.",
         "Nadia Rahim", "Person", ("Education Minister",)),
        ("Russian President Vladimir Putin spoke in Moscow.", "Vladimir Putin", "Person", ("Russian President",)),
        ("Foreign Minister Dmytro Kuleba met his Polish counterpart.", "Dmytro Kuleba", "Person", ("Foreign Minister",)),
        ("Data from the Central Bureau of Statistics showed a rise in prices.",
         "Central Bureau of Statistics", "Organization", ()),
        ("The decision was announced by Gen. Andika Perkasa at the base.", "Andika Perkasa", "Person", ()),
        ("Researchers at Gadjah Mada University found the strain.", "Gadjah Mada University", "Organization", ()),
        ('"We will run more trains," said Arif Nugroho, the company\'s president director.',
         "Arif Nugroho", "Person", ("president director",)),
        ("Laila Haddad, an envoy of the Arab League, said the talks were useful.",
         "Laila Haddad", "Person", ("envoy of the Arab League",)),
        ("The Prosperous Justice Party rejected the bill.", "Prosperous Justice Party", "Organization", ()),
    ],
)
def test_english_entities_keep_titles_out_of_names_and_in_roles(text, name, type_, roles):
    found = _people_and_roles(text)
    assert found.get(name) == (type_, roles), found


def test_an_organisation_written_before_the_title_is_the_roles_organisation():
    document = api.read_article(b"Headline of a test story\n\nNATO Secretary General Jens Stoltenberg arrived in Vilnius.\n")
    article = api.extract(document, language="en")
    person = next(e for e in article.entities if e.name == "Jens Stoltenberg")
    [role] = person.roles
    assert role.title == "NATO Secretary General"
    assert article.entity(role.of).name == "NATO"


def test_a_head_word_alone_is_no_organisation():
    found = _people_and_roles("The university said the party and the committee would meet on Friday.")
    assert not any(t == "Organization" for t, _ in found.values()), found


@pytest.mark.parametrize("word", ["Monday", "July", "However", "According", "He", "Reporting"])
def test_english_calendar_and_function_words_are_not_entities(word):
    found = _people_and_roles(f"{word} the regional council met in Surabaya to discuss the budget.")
    assert word not in found, found
