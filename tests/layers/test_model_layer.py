"""--model: a statistical pipeline under our components, its entities merged where ours leave gaps.

The "model" is a blank English pipeline with an entity ruler, saved to disk by the test,
so the real loading and merging code runs without any download.
"""
import json

import pytest
import spacy
from typer.testing import CliRunner

from extractor.cli.commands import app
from extractor.layers.entities import date_value
from extractor.layers.model import ModelError, sets_sentences
from extractor.pipeline.build import build_pipeline, process
from extractor.io.sources import Article

TEXT = ("date 2026-02-05 Analysts from Bluefin met Quorra on Tuesday. "
        "Defence Minister Tarun Kapoor signed the Kestrel Clause.\n")
MODEL_PATTERNS = [
    {"label": "ORG", "pattern": "Bluefin"},  # gaps our rules leave: one word, no organisation word
    {"label": "PERSON", "pattern": "Quorra"},
    {"label": "ORG", "pattern": "Minister Tarun"},  # conflicts with the person our rules find
    {"label": "DATE", "pattern": "Tuesday"},  # our rules found it already
    {"label": "LAW", "pattern": "Kestrel Clause"},
    {"label": "GPE", "pattern": "Analysts"},  # a label we do not take
]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(MODEL_PATTERNS)
    path = tmp_path_factory.mktemp("model") / "tiny_ner"
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="module")
def article(model_dir):
    nlp = build_pipeline(model=str(model_dir))
    return next(process(nlp, [Article("story.txt", TEXT)]))[1]


def _names(article, key):
    return {item["name"] for item in article[key]}


def test_model_organisation_fills_a_gap_with_its_mentions(article):
    org = next(o for o in article["organisations"] if o["name"] == "Bluefin")
    assert [(m["start"], m["end"]) for m in org["mentions"]] == [(TEXT.index("Bluefin"), TEXT.index(" met"))]


def test_model_person_fills_a_gap(article):
    assert "Quorra" in _names(article, "people")


def test_our_rules_win_where_the_model_overlaps_them(article):
    assert "Minister Tarun" not in _names(article, "organisations")
    assert "Tarun Kapoor" in _names(article, "people")


def test_a_date_both_found_is_kept_once_with_our_value(article):
    tuesdays = [d for d in article["dates"] if d["text"] == "Tuesday"]
    assert len(tuesdays) == 1 and tuesdays[0]["value"] == "2026-02-03"


def test_model_law_becomes_an_agreement_with_facts_from_its_sentence(article):
    clause = next(a for a in article["agreements"] if a["name"] == "Kestrel Clause")
    assert clause["status"] == "signed"
    assert clause["sentence"].startswith("Defence Minister Tarun Kapoor signed")


def test_labels_we_do_not_take_are_ignored(article):
    surfaces = {m["text"] for key in ("organisations", "people", "dates", "agreements")
                for item in article[key] for m in item["mentions"]}
    assert "Analysts" not in surfaces


def test_the_models_tokenizer_and_ner_run_before_our_components(model_dir):
    names = build_pipeline(model=str(model_dir)).pipe_names
    assert names.index("entity_ruler") < names.index("extractor_dateline")
    assert names.index("extractor_model_entities") < names.index("extractor_roles")
    assert names[-1] == "extractor_model_agreements"


def test_a_sentencizer_is_added_only_when_the_model_has_no_sentence_splitter(tmp_path, model_dir):
    assert build_pipeline(model=str(model_dir)).pipe_names.count("sentencizer") == 1
    with_senter = spacy.blank("en")
    with_senter.add_pipe("sentencizer", name="my_sentences")
    with_senter.to_disk(tmp_path / "with_senter")
    names = build_pipeline(model=str(tmp_path / "with_senter")).pipe_names
    assert "sentencizer" not in names and sets_sentences(spacy.load(tmp_path / "with_senter"))


def test_without_a_model_no_model_layer_is_added():
    names = build_pipeline().pipe_names
    assert not any("model" in name for name in names)


def test_a_missing_model_says_how_to_install_one(tmp_path):
    with pytest.raises(ModelError, match=r"spacy download en_core_web_sm"):
        build_pipeline(model=str(tmp_path / "no_such_model"))


def test_date_value_reads_whole_expressions_only():
    assert date_value("5 March 2026", "2026-02-05") == "2026-03-05"
    assert date_value("the Diwali week", "2026-02-05") is None


def test_cli_model_option(tmp_path, model_dir):
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, [str(story), "--json", "--model", str(model_dir)])
    assert result.exit_code == 0, result.output
    assert "Bluefin" in _names(json.loads(result.stdout)[0], "organisations")


def test_cli_missing_model_is_one_error_line_and_exit_2(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, [str(story), "--model", "no_such_model_xyz"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: cannot load spaCy pipeline 'no_such_model_xyz': install one with "
        "`python -m spacy download en_core_web_sm`, or give the folder of a pipeline saved with nlp.to_disk"]
