"""The pipeline per language: kg's components around the NER, in the configured order."""

import pytest
import spacy
from spacy.tokens import Span

from kg.nlp.labels import LabelMap
from kg.nlp.pipeline import installed_model, load_pipeline

KG_LABELS = {"PER", "ORG", "LOC"}
ENGLISH_MODEL = installed_model("en")
needs_english_model = pytest.mark.skipif(
    ENGLISH_MODEL is None, reason="no English spaCy model installed (pip install 'kg-exporter[en]')"
)


def test_indonesian_pipeline_runs_gazetteer_then_shipped_ner_then_rules():
    # the shipped NER is a vote of three recognizers whose tok2vecs read the gazetteer tagger's
    # token tags: the tagger stays in front of kg's own components, the members stay disabled
    nlp = load_pipeline(language="id")
    assert nlp.pipe_names == ["kg_gazetteer_tags", "kg_gazetteer", "ner", "kg_entity_rules"]
    assert nlp.disabled == ["ner_0", "ner_1", "ner_2"]


@pytest.mark.parametrize("language", ["id", "en"])
def test_without_a_model_only_gazetteer_and_rules_run(language):
    nlp = load_pipeline(language=language, use_model=False)
    assert nlp.lang == language
    assert nlp.pipe_names == ["kg_gazetteer", "kg_entity_rules"]


@needs_english_model
def test_english_pipeline_maps_the_models_labels_to_kgs():
    nlp = load_pipeline(language="en")
    assert nlp.pipe_names == ["kg_gazetteer", "ner", "kg_ner_labels", "kg_entity_rules"]
    doc = nlp(
        "Maria Lindqvist, who chairs the Nordic Shipping Council, said on Monday that freight "
        "rates in Rotterdam had fallen by 12 percent since January."
    )
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert set(labels.values()) <= KG_LABELS  # no DATE, PERCENT, CARDINAL, NORP
    assert labels.get("Maria Lindqvist") == "PER"
    assert labels.get("Nordic Shipping Council") == "ORG"  # without OntoNotes' leading "the"


@needs_english_model
def test_english_pipeline_keeps_gazetteer_links_through_the_ner():
    doc = load_pipeline(language="en")("Vladimir Putin spoke to reporters in Moscow.")
    linked = {ent.text: ent.kb_id_ for ent in doc.ents}
    assert linked["Vladimir Putin"] == "Q7747"
    assert linked["Moscow"] == "Q649"


def test_label_map_renames_known_labels_and_drops_the_rest():
    nlp = spacy.blank("en")
    doc = nlp("Ana Reyes flew from Manila to Geneva on Friday with 3 Filipino nurses")
    doc.ents = [
        Span(doc, 0, 2, label="PERSON"),
        Span(doc, 4, 5, label="GPE", kb_id="Q1461"),
        Span(doc, 6, 7, label="LOC"),
        Span(doc, 8, 9, label="DATE"),
        Span(doc, 10, 11, label="CARDINAL"),
        Span(doc, 11, 12, label="NORP"),
    ]
    mapped = LabelMap({"PERSON": "PER", "GPE": "LOC", "LOC": "LOC"}, strip=["the"])(doc)
    assert [(e.text, e.label_, e.kb_id_) for e in mapped.ents] == [
        ("Ana Reyes", "PER", ""),
        ("Manila", "LOC", "Q1461"),
        ("Geneva", "LOC", ""),
    ]


def test_label_map_leaves_a_leading_article_out_of_the_name():
    doc = spacy.blank("en")("She joined the World Health Organization in 2019")
    doc.ents = [Span(doc, 2, 6, label="ORG")]
    assert [e.text for e in LabelMap({"ORG": "ORG"}, strip=["the"])(doc).ents] == ["World Health Organization"]


def test_label_map_makes_a_lone_surname_the_model_mislabelled_a_person():
    doc = spacy.blank("en")("Jason Clare signed it . Clare said Monash would host it")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 6, label="ORG"), Span(doc, 7, 8, label="ORG")]
    mapped = LabelMap({"PERSON": "PER", "ORG": "ORG"})(doc)
    assert [(e.text, e.label_) for e in mapped.ents] == [("Jason Clare", "PER"), ("Clare", "PER"), ("Monash", "ORG")]


def test_a_slash_written_against_a_word_is_its_own_token_so_a_double_title_reads_on():
    nlp = load_pipeline(use_model=False)
    assert [t.text for t in nlp.tokenizer("Nasional/ Kepala")] == ["Nasional", "/", "Kepala"]
    doc = nlp("Menteri Pertanian/ Kepala Badan Pangan Budi Santoso mengatakan, stok aman.")
    titles = [doc.text[r.title_start:r.title_end] for r in doc._.kg_roles]
    assert titles == ["Menteri Pertanian/ Kepala Badan Pangan"]


def test_a_model_is_used_for_articles_in_its_own_language_only(tmp_path):
    from kg.nlp.pipeline import model_for

    indonesian = tmp_path / "ner_id"
    indonesian.mkdir()
    (indonesian / "meta.json").write_text('{"lang": "id", "name": "ner_id"}')
    assert model_for(indonesian, "id") == str(indonesian)
    assert model_for(indonesian, "en") is None
    assert model_for(None, "id") is None
    # no readable meta.json: passed on, so that loading it says what is wrong
    assert model_for(tmp_path / "missing", "en") == str(tmp_path / "missing")


@pytest.mark.parametrize("config, reason", [
    (b'[nlp\nlang = "id"\n', "it is not a valid config"),
    (b"\x00\xff\xfe", "it is not UTF-8 text"),
    (b"[paths]\nx = 1\n", "it has no [nlp] section"),
])
def test_a_model_whose_config_cannot_be_read_is_a_one_line_config_error(tmp_path, config, reason):
    from kg.errors import ConfigError

    (tmp_path / "meta.json").write_text('{"lang": "id", "name": "broken"}')
    (tmp_path / "config.cfg").write_bytes(config)
    with pytest.raises(ConfigError) as error:
        load_pipeline(model=tmp_path)
    assert reason in str(error.value) and "\n" not in str(error.value)
