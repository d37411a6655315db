"""``kg export`` and ``kg validate`` through the command line, as a user runs them."""

from __future__ import annotations

import json
import shutil

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

SDO = "https://schema.org/"


def _articles(g) -> list:
    return list(g.subjects(RDF.type, URIRef(SDO + "NewsArticle")))


def test_export_writes_turtle_named_by_extension(runner, kg_cli, example_path, tmp_path):
    out = tmp_path / "article.ttl"
    result = runner.invoke(kg_cli, ["export", str(example_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    g = Graph().parse(out, format="turtle")
    assert len(_articles(g)) == 1
    assert len(g) > 50


def test_export_to_stdout_as_jsonld(runner, kg_cli, example_path):
    result = runner.invoke(kg_cli, ["export", str(example_path), "-f", "jsonld"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    g = Graph().parse(data=result.stdout, format="json-ld")
    assert "@context" in doc
    assert len(_articles(g)) == 1


def test_export_output_dir_names_files_after_input_stems(runner, kg_cli, example_path, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    shutil.copy(example_path, a)
    shutil.copy(example_path.with_name("kompas-banjir-demak.txt"), b)
    out = tmp_path / "out"
    result = runner.invoke(kg_cli, ["export", str(a), str(b), "--output-dir", str(out), "-f", "nquads"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.nq", "b.nq"]
    ds = Dataset()
    ds.parse(out / "a.nq", format="nquads")
    assert len(list(ds.graphs())) >= 2  # the default graph plus the article's named graph


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02binary\x00\xff" * 50, "binary"),
        (b"Berita \xff\xfe rusak " * 20, "UTF-8"),
    ],
)
def test_bad_input_gives_one_line_error_and_exit_2(runner, kg_cli, tmp_path, content, expected):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = runner.invoke(kg_cli, ["export", str(bad)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "bad.txt" in errors[0] and expected.lower() in errors[0].lower()
    assert "Traceback" not in result.output


def test_missing_input_is_named(runner, kg_cli, tmp_path):
    result = runner.invoke(kg_cli, ["export", str(tmp_path / "nowhere.txt")])
    assert result.exit_code == 2
    assert "nowhere.txt" in result.stderr


def test_batch_goes_on_past_a_bad_article_and_names_it(runner, kg_cli, example_path, tmp_path):
    good = tmp_path / "good.txt"
    shutil.copy(example_path, good)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out"
    result = runner.invoke(kg_cli, ["export", str(empty), str(good), "--output-dir", str(out)])
    assert result.exit_code == 1  # some failed, the rest were exported
    assert (out / "good.ttl").exists()
    assert not (out / "empty.ttl").exists()
    summary = result.stderr.strip().splitlines()[-1]
    assert "1 of 2" in summary and "empty.txt" in summary


def test_several_inputs_into_one_output_file_hold_every_article(runner, kg_cli, example_path, tmp_path):
    other = example_path.with_name("kompas-banjir-demak.txt")
    out = tmp_path / "corpus.nq"
    result = runner.invoke(kg_cli, ["export", str(example_path), str(other), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    ds = Dataset(default_union=True)
    ds.parse(out, format="nquads")
    assert len(_articles(ds)) == 2
    assert len([g for g in ds.graphs() if len(g)]) == 2  # one named graph per article


@pytest.mark.parametrize("bad", ["missing.txt", "empty.txt"])
def test_a_run_that_exports_nothing_leaves_an_earlier_output_file_as_it_was(runner, kg_cli, tmp_path, bad):
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "corpus.ttl"
    out.write_text("# an earlier export\n")
    result = runner.invoke(kg_cli, ["export", str(tmp_path / bad), "-o", str(out), "-q"])
    assert result.exit_code == 2
    assert out.read_text() == "# an earlier export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".corpus.ttl.")] in ([], [".corpus.ttl.kg"])


def test_output_and_output_dir_together_is_a_usage_error(runner, kg_cli, example_path, tmp_path):
    result = runner.invoke(kg_cli, ["export", str(example_path), "-o", str(tmp_path / "x.ttl"),
                                    "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "--output-dir" in result.output


def test_validate_accepts_an_export_and_rejects_a_broken_graph(runner, kg_cli, example_path, tmp_path):
    out = tmp_path / "a.ttl"
    assert runner.invoke(kg_cli, ["export", str(example_path), "-o", str(out)]).exit_code == 0
    ok = runner.invoke(kg_cli, ["validate", str(out)])
    assert ok.exit_code == 0 and "conforms" in ok.stdout

    g = Graph().parse(out, format="turtle")
    article = _articles(g)[0]
    g.add((article, URIRef(SDO + "headline"), Literal("Judul kedua yang tidak boleh ada")))
    broken = tmp_path / "broken.ttl"
    g.serialize(broken, format="turtle")
    bad = runner.invoke(kg_cli, ["validate", str(broken)])
    assert bad.exit_code == 1
    assert "headline" in bad.stdout


def test_validate_refuses_an_empty_file_instead_of_calling_it_conforming(runner, kg_cli, tmp_path):
    empty = tmp_path / "empty.ttl"
    empty.write_text("")
    result = runner.invoke(kg_cli, ["validate", str(empty)])
    assert result.exit_code == 2
    assert "empty.ttl" in result.stderr and "no triples" in result.stderr
    assert "conforms" not in result.stdout


def test_validate_reports_malformed_rdf_with_exit_2(runner, kg_cli, tmp_path):
    junk = tmp_path / "junk.ttl"
    junk.write_text("@prefix schema: <https://schema.org/> .\n<a> schema:name \"unterminated .\n")
    result = runner.invoke(kg_cli, ["validate", str(junk)])
    assert result.exit_code == 2
    assert "junk.ttl" in result.stderr
    assert "Traceback" not in result.output


def test_help_shows_an_example(runner, kg_cli):
    for command in ("export", "validate"):
        result = runner.invoke(kg_cli, [command, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output and f"kg {command}" in result.output


def test_a_models_language_decides_which_articles_use_it(runner, kg_cli, example_path, tmp_path):
    """--model with an Indonesian pipeline: the Indonesian article uses it, the English one in
    the same batch gets kg's English default instead of an error."""
    from pathlib import Path

    model = tmp_path / "my_ner"
    shutil.copytree(Path(__file__).resolve().parents[1] / "kg" / "nlp" / "models" / "id_ner", model)
    english = example_path.parent / "antara-en-ukraine-nato.txt"
    out = tmp_path / "out"
    result = runner.invoke(kg_cli, ["export", str(example_path), str(english), "--model", str(model),
                                    "--output-dir", str(out), "-q"])
    assert result.exit_code == 0, result.output
    pipeline = URIRef("https://w3id.org/kg-exporter/ontology#pipeline")
    used = {path.stem: [str(o) for o in Graph().parse(path).objects(None, pipeline)] for path in out.glob("*.ttl")}
    assert len(used) == 2
    assert used[example_path.stem][0].endswith("ner_model=my_ner")
    assert "ner_model=my_ner" not in used[english.stem][0]
