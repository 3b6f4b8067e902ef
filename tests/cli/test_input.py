"""What `extract` reads and what it says about bad input: damaged UTF-8, paths that yield no
article, JSONL feeds (by name, on stdin, with bad lines named FILE:LINE)."""
import json

from typer.testing import CliRunner

from extractor.cli.commands import app
from extractor.output.invariants import article_problems

runner = CliRunner()


def test_one_broken_byte_keeps_the_article_with_a_warning_and_true_offsets(tmp_path):
    path = tmp_path / "harbour.txt"
    data = "Minister José Núñez of the Ministry of Fisheries spoke … Bad ".encode("utf-8") + b"\xe2\x80" + \
        b" byte. Dr Lena Ortiz met the World Bank on 4 May 2025.\n"
    path.write_bytes(data)
    result = runner.invoke(app, [str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"warning: {path}: not valid UTF-8 at byte offset 66; "
                             "read as UTF-8 with U+FFFD for the bad bytes\n")
    article = json.loads(result.stdout)[0]
    text = data.decode("utf-8", "replace")
    assert article_problems(article, text) == []
    assert {"José Núñez", "Lena Ortiz"} <= {person["name"] for person in article["people"]}


def test_an_empty_folder_is_an_error_and_exit_1_not_silent_success(tmp_path):
    (tmp_path / "today").mkdir()
    result = runner.invoke(app, [str(tmp_path / "today"), "--json"])
    assert (result.exit_code, json.loads(result.stdout)) == (1, [])
    assert result.stderr == f"error: {tmp_path / 'today'}: no articles found (looked for .txt, .md, .text, .html, .htm)\n"


def test_a_folder_of_feeds_is_an_error_that_names_them_and_the_named_feed_is_read(tmp_path):
    (tmp_path / "wire").mkdir()
    feed = tmp_path / "wire" / "monday.jsonl"
    feed.write_text('{"id": "m1", "text": "Dr Ana Ruiz met the World Bank on Monday."}\n', encoding="utf-8")
    result = runner.invoke(app, [str(tmp_path / "wire"), "--jsonl"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"error: {tmp_path / 'wire'}: no articles found (looked for .txt, .md, .text, .html, .htm); "
                             f"its .jsonl feeds are read when named: extract {feed}\n")
    named = runner.invoke(app, [str(feed), "--jsonl"])
    assert (named.exit_code, json.loads(named.stdout)["source"]) == (0, "m1")


def test_an_empty_feed_given_by_name_is_an_error(tmp_path):
    feed = tmp_path / "empty.jsonl"
    feed.write_bytes(b"")
    result = runner.invoke(app, [str(feed), "--jsonl"])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"error: {feed}: empty file\n")


def test_a_feed_piped_to_stdin_is_read_as_a_feed_without_an_option():
    feed = ('{"id": "k1", "text": "Dr Ana Ruiz met the World Bank on Monday."}\n'
            '{"id": "k2", "text": "Mr Li Wei spoke on Tuesday.", "published": "2026-03-05"}\n')
    result = runner.invoke(app, ["-", "--jsonl"], input=feed)
    assert (result.exit_code, result.stderr) == (0, "")
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["k1", "k2"]


def test_stdin_that_is_almost_a_feed_says_to_use_the_input_format():
    almost = '{"id": "k1", "text": "Dr Ana Ruiz spoke."}\n{"id": "k2", "text": "Mr Li Wei spoke.",}\n'
    result = runner.invoke(app, ["-", "--jsonl"], input=almost)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("error: -: looks like a JSONL feed, but line 2: not valid JSON (")
    assert "use --input-format jsonl" in result.stderr
    as_feed = runner.invoke(app, ["-", "--jsonl", "--input-format", "jsonl"], input=almost)
    assert as_feed.exit_code == 1 and json.loads(as_feed.stdout)["source"] == "k1"
    assert as_feed.stderr.startswith("error: -:2: not valid JSON (")


def test_a_bad_feed_line_is_named_file_line_with_its_id(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a1", "text": "Dr Ana Ruiz spoke."}\n{"id": "a2", "text": ""}\n'
                    '{"id": "a3", "text": "Mr Li Wei spoke.", "published": "03/05/2026"}\n', encoding="utf-8")
    result = runner.invoke(app, [str(feed), "--jsonl"])
    assert result.exit_code == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["a1"]
    assert result.stderr.splitlines() == [
        f"error: {feed}:2: empty text (id a2)",
        f"error: {feed}:3: \"published\": '03/05/2026' is not a date (YYYY-MM-DD) (id a3)",
    ]
