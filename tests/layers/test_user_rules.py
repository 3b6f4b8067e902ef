"""--patterns and --gazetteer: loading, validation with file and line, and merging over our rules."""
import json

import pytest
import spacy
from typer.testing import CliRunner

from extractor.cli.commands import app
from extractor.pipeline.build import build_pipeline, process
from extractor.io.sources import Article
from extractor.layers.user_rules import RuleFileError, pattern_problem, read_gazetteer, read_patterns

TEXT = ("date 2026-02-05 Engineers at the firm March Networks met Quorra Vance on Budget Day. "
        "March Networks and Dr Ilse Brandt signed Project Kestrel on Tuesday.\n")
PATTERNS = [
    {"label": "ORG", "pattern": "March Networks", "id": "March Networks Ltd"},
    {"label": "AGREEMENT", "pattern": [{"LOWER": "project"}, {"LOWER": "kestrel"}]},
    {"label": "DATE", "pattern": "Budget Day", "id": "2026-02-01"},
]


def _write(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


@pytest.fixture
def rule_files(tmp_path):
    patterns = _write(tmp_path / "rules.jsonl", [json.dumps(p) for p in PATTERNS])
    people = _write(tmp_path / "people.txt", ["# analysts we follow", "Quorra Vance", ""])
    return patterns, f"PERSON:{people}"


@pytest.fixture
def article(rule_files):
    patterns, gazetteer = rule_files
    nlp = build_pipeline(patterns=[patterns], gazetteers=[gazetteer])
    return next(process(nlp, [Article("story.txt", TEXT)]))[1]


@pytest.mark.parametrize("record, reason", [
    ({"label": "GPE", "pattern": "x"}, "label 'GPE' is not one of ORG, PERSON, DATE, AGREEMENT"),
    ({"label": "ORG", "pattern": "x", "kind": "y"}, "unknown key 'kind' (allowed: label, pattern, id)"),
    ({"label": "ORG", "pattern": "  "}, "empty pattern"),
    ({"label": "ORG", "pattern": []}, "pattern must be a string or a non-empty list of token objects"),
    ({"label": "ORG", "pattern": [{"LOWR": "x"}]}, "invalid token pattern: [pattern -> 0 -> LOWR] Extra inputs are not permitted"),
    ({"label": "ORG", "pattern": "x", "id": 7}, "id must be a non-empty string"),
    (["ORG", "x"], "expected a JSON object with label and pattern"),
])
def test_pattern_problems_are_named(record, reason):
    assert pattern_problem(record) == reason


def test_good_patterns_have_no_problem():
    assert all(pattern_problem(p) is None for p in PATTERNS)


def test_a_bad_line_names_file_and_line(tmp_path):
    path = _write(tmp_path / "rules.jsonl", [json.dumps(PATTERNS[0]), "", '{"label": "ORG", "pattern": '])
    with pytest.raises(RuleFileError) as raised:
        read_patterns(path)
    assert str(raised.value).startswith(f"{path}:3: not valid JSON (")


@pytest.mark.parametrize("lines, reason", [([], "no patterns in file"), (None, "no such file or directory")])
def test_empty_or_missing_pattern_files_fail(tmp_path, lines, reason):
    path = tmp_path / "rules.jsonl"
    if lines is not None:
        _write(path, lines)
    with pytest.raises(RuleFileError) as raised:
        read_patterns(str(path))
    assert str(raised.value) == f"{path}: {reason}"


def test_gazetteer_lines_become_phrase_patterns(tmp_path):
    path = _write(tmp_path / "orgs.txt", ["Bluefin Orrery", "# comment", "  Kaveri Systems  "])
    assert read_gazetteer(f"org:{path}") == [{"label": "ORG", "pattern": "Bluefin Orrery"},
                                              {"label": "ORG", "pattern": "Kaveri Systems"}]


@pytest.mark.parametrize("spec, message", [
    ("orgs.txt", "orgs.txt: expected LABEL:FILE, for example ORG:agencies.txt"),
    ("CITY:orgs.txt", "CITY:orgs.txt: label 'CITY' is not one of ORG, PERSON, DATE, AGREEMENT"),
])
def test_bad_gazetteer_specs_fail(spec, message):
    with pytest.raises(RuleFileError) as raised:
        read_gazetteer(spec)
    assert str(raised.value) == message


def test_user_org_is_an_organisation_with_every_mention_under_its_id(article):
    org = next(o for o in article["organisations"] if o["name"] == "March Networks Ltd")
    assert [m["start"] for m in org["mentions"]] == [TEXT.index("March"), TEXT.rindex("March")]


def test_user_rule_replaces_what_our_rules_found_there(article):
    assert "March" not in {d["text"] for d in article["dates"]}  # a month name, without the rule


def test_user_date_takes_its_id_as_value_and_our_dates_stay(article):
    values = {d["text"]: d["value"] for d in article["dates"]}
    assert values["Budget Day"] == "2026-02-01" and values["Tuesday"] == "2026-02-03"


def test_gazetteer_person_is_a_person(article):
    assert "Quorra Vance" in {p["name"] for p in article["people"]}


def test_token_pattern_agreement_gets_its_facts(article):
    kestrel = next(a for a in article["agreements"] if a["name"] == "Project Kestrel")
    assert kestrel["status"] == "signed" and kestrel["date"] == "2026-02-03"


def test_pipeline_with_user_rules_round_trips_through_disk(tmp_path, rule_files):
    patterns, gazetteer = rule_files
    build_pipeline(patterns=[patterns], gazetteers=[gazetteer]).to_disk(tmp_path / "saved")
    reloaded = next(process(spacy.load(tmp_path / "saved"), [Article("story.txt", TEXT)]))[1]
    assert "March Networks Ltd" in {o["name"] for o in reloaded["organisations"]}
    assert "Quorra Vance" in {p["name"] for p in reloaded["people"]}


def test_cli_patterns_and_gazetteer(tmp_path, rule_files):
    patterns, gazetteer = rule_files
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, [str(story), "--json", "--patterns", patterns, "--gazetteer", gazetteer])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)[0]
    assert "March Networks Ltd" in {o["name"] for o in article["organisations"]}
    assert "Quorra Vance" in {p["name"] for p in article["people"]}


def test_cli_invalid_pattern_file_is_one_error_line_and_exit_2(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    bad = _write(tmp_path / "bad.jsonl", [json.dumps(PATTERNS[0]), '{"label": "CITY", "pattern": "Pune"}'])
    result = CliRunner().invoke(app, [str(story), "--patterns", bad])
    assert result.exit_code == 2
    assert result.stderr == f"error: {bad}:2: label 'CITY' is not one of ORG, PERSON, DATE, AGREEMENT\n"
    assert result.stdout == ""


def test_each_layer_takes_only_its_own_labels():
    from extractor.layers.model import add_model_layer
    from extractor.layers.user_rules import add_user_rules

    nlp = build_pipeline()
    add_user_rules(nlp, [{"label": "ORG", "pattern": "Harbour Guild"}])
    add_model_layer(nlp)
    layers = {name: set(nlp.get_pipe(name).labels) for name in
              ("extractor_user_entities", "extractor_user_agreements", "extractor_model_entities", "extractor_model_agreements")}
    assert layers == {"extractor_user_entities": {"ORG", "PERSON", "DATE"}, "extractor_user_agreements": {"AGREEMENT"},
                      "extractor_model_entities": {"ORG", "PERSON", "DATE"}, "extractor_model_agreements": {"LAW"}}
