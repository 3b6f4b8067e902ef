"""--format csv -o DIR: one CSV per fact table, the same facts as --json, atomic per file."""
import csv
import json

import pytest
from typer.testing import CliRunner

from extractor.cli.commands import app
from extractor.output.csv_tables import CsvWriter
from extractor.output.tables import TABLES, columns, rows

runner = CliRunner()

STORY = ("date 2026-03-02\n\nThe Harbour Authority of Velmora and Castellan Freight Ltd signed a "
         "memorandum of understanding on Monday. Chief Executive Dr Ines Okafor, of Castellan "
         'Freight Ltd, signed for the company. "It is a good day," she said.\n')


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "in" / "story.txt"
    path.parent.mkdir()
    path.write_text(STORY, encoding="utf-8")
    return path


def _read(folder, table):
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_every_table_round_trips_to_the_facts_of_json(tmp_path, story):
    folder = tmp_path / "tables"
    result = runner.invoke(app, [str(story), "--format", "csv", "-o", str(folder)])
    assert result.exit_code == 0, result.stderr
    (article,) = json.loads(runner.invoke(app, [str(story), "--json"]).stdout)
    assert sorted(path.name for path in folder.iterdir()) == sorted(f"{table}.csv" for table in TABLES)
    for table in TABLES:
        expected = [{key: str(value) for key, value in row.items()} for row in rows(table, article)]
        assert _read(folder, table) == expected, table
    assert article["agreements"] and _read(folder, "signatories")[0]["signatory"] == article["agreements"][0]["signatories"][0]
    assert [row["name"] for row in _read(folder, "people")] == [person["name"] for person in article["people"]]


def test_commas_quotes_and_newlines_in_values_are_quoted(tmp_path):
    article = {"source": 'a "quoted", odd\nsource', "organisations": [{"name": "Smith, Jones & Co", "acronym": None,
                                                                    "mentions": []}]}
    writer = CsvWriter(tmp_path)
    writer.write(article)
    writer.close()
    assert _read(tmp_path, "organisations") == [{"source": article["source"], "name": "Smith, Jones & Co",
                                                 "acronym": "", "mentions": "0"}]
    assert (tmp_path / "organisations.csv").read_bytes().startswith(b"source,name,acronym,mentions\r\n")


def test_a_discarded_run_leaves_older_tables_and_no_temporary_file(tmp_path):
    (tmp_path / "people.csv").write_text("older\n", encoding="utf-8")
    writer = CsvWriter(tmp_path)
    writer.write({"source": "x", "people": [{"name": "Ana Lima", "honorific": None, "roles": [], "mentions": []}]})
    writer.discard()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["people.csv"]
    assert (tmp_path / "people.csv").read_text(encoding="utf-8") == "older\n"


def test_csv_needs_a_folder(tmp_path, story):
    result = runner.invoke(app, [str(story), "--format", "csv"])
    assert (result.exit_code, result.stderr) == (2, "error: --format csv writes one file per table: give the folder with -o DIR\n")
    result = runner.invoke(app, [str(story), "--format", "csv", "-o", str(story)])
    assert (result.exit_code, result.stderr) == (2, f"error: --output: {story}: is not a directory\n")


def test_columns_start_with_the_source():
    assert all(columns(table)[0] == "source" for table in TABLES)
