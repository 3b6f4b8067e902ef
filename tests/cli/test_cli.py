"""The `extract` command end to end, through Typer's CliRunner."""
import json

import pytest
from typer.testing import CliRunner

from extractor.cli.commands import app

runner = CliRunner()

ARTICLE = (
    "date 2026-02-05 Defence Minister Tarun Kapoor met officials of the "
    "Naval Research & Materials Organisation (NRMO) on February 3-4.\n\n"
    "The NRMO and the Indian Navy signed a memorandum of understanding in October 2025.\n"
)


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_output_follows_the_contract(article_file):
    articles = _json(runner.invoke(app, [str(article_file), "--json"]))
    assert len(articles) == 1
    article = articles[0]
    assert article["source"] == str(article_file)
    assert article["published"] == "2026-02-05"
    for key in ("organisations", "people", "dates", "agreements"):
        assert isinstance(article[key], list)
    nrmo = next(o for o in article["organisations"] if o["acronym"] == "NRMO")
    assert nrmo["name"] == "Naval Research & Materials Organisation"
    assert {m["text"] for m in nrmo["mentions"]} == {"NRMO", "Naval Research & Materials Organisation"}
    values = {d["text"]: d["value"] for d in article["dates"]}
    assert values["February 3-4"] == "2026-02-03/2026-02-04"
    assert values["October 2025"] == "2025-10"


def test_every_mention_slices_the_text_as_read(article_file):
    article = _json(runner.invoke(app, [str(article_file), "--json"]))[0]
    for key in ("organisations", "people", "dates", "agreements"):
        for item in article[key]:
            for mention in item["mentions"]:
                assert ARTICLE[mention["start"]:mention["end"]] == mention["text"]


def test_header_date_is_a_date_but_not_other_facts(article_file):
    article = _json(runner.invoke(app, [str(article_file), "--json"]))[0]
    header = next(d for d in article["dates"] if d["text"] == "2026-02-05")
    assert header["mentions"][0]["start"] == 5
    for key in ("organisations", "people", "agreements"):
        assert all(m["start"] >= 15 for item in article[key] for m in item["mentions"])


def test_published_option_overrides_the_header(article_file):
    article = _json(runner.invoke(app, [str(article_file), "--json", "--published", "2025-01-01"]))[0]
    assert article["published"] == "2025-01-01"


def test_stdin_is_read_with_dash():
    result = runner.invoke(app, ["-", "--json", "--published", "2026-02-05"],
                           input="Prime Minister Jane Doe said on Tuesday that talks went well.")
    article = _json(result)[0]
    assert article["source"] == "-"
    tuesday = next(d for d in article["dates"] if d["text"] == "Tuesday")
    assert tuesday["value"] == "2026-02-03"


def test_folders_are_searched_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("The World Bank lent money in 2020.", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.md").write_text("Reuters reported it in March 2021.", encoding="utf-8")
    (tmp_path / "a" / "b" / "skip.png").write_bytes(b"\x89PNG\r\n")
    articles = _json(runner.invoke(app, [str(tmp_path), "--json"]))
    sources = [a["source"] for a in articles]
    assert sorted(s.split("/")[-1] for s in sources) == ["one.txt", "two.md"]
    assert sources == sorted(sources)


def test_jsonl_prints_one_object_per_line(tmp_path):
    for name in ("x.txt", "y.txt"):
        (tmp_path / name).write_text("date 2024-01-09 The Ministry of Defence said so.", encoding="utf-8")
    result = runner.invoke(app, [str(tmp_path), "--jsonl"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["published"] for line in lines] == ["2024-01-09", "2024-01-09"]


def test_table_is_the_default_output(article_file):
    result = runner.invoke(app, [str(article_file)])
    assert result.exit_code == 0
    assert "Tarun Kapoor" in result.stdout and "Defence Minister" in result.stdout


def test_missing_file_is_reported_and_the_batch_goes_on(article_file, tmp_path):
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, [str(missing), str(article_file), "--json"])
    assert result.exit_code == 1
    assert f"error: {missing}: no such file or directory" in result.stderr
    assert len(json.loads(result.stdout)) == 1


def test_bad_published_date_is_a_usage_error(article_file):
    result = runner.invoke(app, [str(article_file), "--published", "05/02/2026"])
    assert result.exit_code == 2


def test_help_shows_examples_with_jq():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "jq" in result.stdout and "extract seeds/ --json" in result.stdout


def test_seed_article_is_shipped_and_extracts():
    from pathlib import Path

    seed = Path(__file__).parents[2] / "seeds"
    articles = _json(runner.invoke(app, [str(seed), "--json"]))
    names = {p["name"] for a in articles for p in a["people"]}
    assert {"Chandrika Kaushik", "Rajnath Singh", "Pete Hegseth"} <= names


VAGUE = ("date 2026-03-10 Tarvo Holdings is now the largest maker of bicycles in the region.\n\n"
         "Sales have recently grown, and the firm signed a supply deal with Lindmark Group now.\n")


def test_vague_dates_adds_timeml_references_that_date_nothing(tmp_path):
    from extractor.output.invariants import article_problems

    path = tmp_path / "vague.txt"
    path.write_text(VAGUE, encoding="utf-8")
    plain = _json(runner.invoke(app, [str(path), "--json"]))[0]
    assert not any(d["value"].endswith("_REF") for d in plain["dates"] if d["value"])
    article = _json(runner.invoke(app, [str(path), "--json", "--vague-dates"]))[0]
    values = {d["text"]: d["value"] for d in article["dates"]}
    assert values["now"] == "PRESENT_REF" and values["recently"] == "PAST_REF"
    assert [a["date"] for a in article["agreements"]] == [None]  # "now" is no signing date
    assert article_problems(article, VAGUE) == []


def test_a_broken_package_rule_file_is_one_error_line(article_file, monkeypatch):
    from extractor.common.rules import RuleFileError
    from extractor.dates import component

    def broken(*args):
        raise RuleFileError("extractor/dates/data/months.txt:3: expected 2 columns")

    monkeypatch.setattr(component, "find_dates", broken)
    result = runner.invoke(app, [str(article_file), "--json"])
    assert result.exit_code == 2
    assert "error: extractor/dates/data/months.txt:3: expected 2 columns" in result.stderr
    assert "Traceback" not in result.output
