"""Bad input never crashes a run and never loses the results of the good inputs."""
import codecs
import json
import os
import signal
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from extractor.cli.commands import app
from extractor.io.decoding import BINARY, CONTROL_BYTES, LEGACY_NOTE
from extractor.output.invariants import article_problems
from extractor.output.files import interrupts_held

runner = CliRunner()

GOOD = "date 2026-02-05 Defence Minister Jane Doe met officials of the Ministry of Defence on Tuesday.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


def _write(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.fixture
def good(tmp_path):
    return _write(tmp_path, "good.txt", GOOD)


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\r\n", "only whitespace"),
    ("image.txt", PNG, BINARY),
    ("controls.txt", b"Minister \xff\x01\x02 said", CONTROL_BYTES),
])
@pytest.mark.parametrize("fmt", ["--json", "--jsonl"])
def test_a_bad_file_is_one_error_line_and_the_batch_goes_on(tmp_path, good, name, data, reason, fmt):
    bad = _write(tmp_path, name, data)
    result = runner.invoke(app, [str(bad), str(good), fmt])
    assert result.exit_code == 1
    assert result.stderr == f"error: {bad}: {reason}\n"
    lines = result.stdout.splitlines()
    articles = json.loads(result.stdout) if fmt == "--json" else [json.loads(line) for line in lines]
    assert [a["source"] for a in articles] == [str(good)]
    assert articles[0]["people"][0]["name"] == "Jane Doe"


def test_missing_path_and_directory_as_output_file(tmp_path, good):
    result = runner.invoke(app, [str(tmp_path / "nope.txt"), str(good), "--jsonl"])
    assert (result.exit_code, result.stderr) == (1, f"error: {tmp_path / 'nope.txt'}: no such file or directory\n")
    assert len(result.stdout.splitlines()) == 1
    result = runner.invoke(app, [str(good), "--json", "--output", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_exit_status_is_zero_only_when_every_input_succeeded(tmp_path, good):
    assert runner.invoke(app, [str(good), "--json"]).exit_code == 0
    assert runner.invoke(app, [str(good), str(tmp_path / "nope.txt"), "--json"]).exit_code == 1
    assert runner.invoke(app, ["--json"]).exit_code == 2
    assert runner.invoke(app, [str(good), "--json", "--jsonl"]).exit_code == 2


def test_when_every_input_fails_the_output_is_still_valid(tmp_path):
    result = runner.invoke(app, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert len(result.stderr.splitlines()) == 2


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + GOOD.encode("utf-8"),
    GOOD.encode("utf-16"),
    GOOD.replace("\n", "\r\n").encode("utf-8"),
], ids=["utf8-bom", "utf16-bom", "crlf"])
def test_encodings_and_line_endings_give_the_same_facts_and_true_offsets(tmp_path, data):
    result = runner.invoke(app, [str(_write(tmp_path, "x.txt", data)), "--json"])
    article = json.loads(result.stdout)[0]
    assert (result.exit_code, result.stderr) == (0, "")
    text = data.decode("utf-16" if data.startswith(codecs.BOM_UTF16_LE) else "utf-8-sig")  # \r kept
    assert article_problems(article, text) == []
    assert [p["name"] for p in article["people"]] == ["Jane Doe"]
    assert article["published"] == "2026-02-05"


def test_latin1_text_is_read_with_a_warning_and_exit_zero(tmp_path):
    path = _write(tmp_path, "old.txt", "The Banco de España met Señor José Núñez on Tuesday.".encode("latin-1"))
    result = runner.invoke(app, [str(path), "--json", "--published", "2026-02-05"])
    assert result.exit_code == 0
    assert result.stderr == f"warning: {path}: {LEGACY_NOTE}\n"
    article = json.loads(result.stdout)[0]
    assert article_problems(article, "The Banco de España met Señor José Núñez on Tuesday.") == []


def test_a_text_longer_than_spacy_max_length_is_extracted_with_true_offsets(tmp_path, nlp):
    filler = "the talks went on for hours and nothing much was said about the weather.\r\n" * 1000
    story = "Minister Jane Doe of the Ministry of Defence (MoD) signed a deal on 3 March 2025.\r\n\r\n"
    text = "date 2026-02-05\r\n" + "".join(story + filler for _ in range(2 * nlp.max_length // len(filler) + 1))
    assert len(text) > 2 * nlp.max_length
    result = runner.invoke(app, [str(_write(tmp_path, "long.txt", text)), "--json"])
    assert (result.exit_code, result.stderr) == (0, "")
    article = json.loads(result.stdout)[0]
    assert article_problems(article, text) == []
    doe = next(p for p in article["people"] if p["name"] == "Jane Doe")
    assert len(doe["mentions"]) == text.count("Jane Doe")
    assert doe["mentions"][-1]["start"] > 2 * nlp.max_length


def test_table_output_shows_brackets_and_colons_as_written(tmp_path):
    path = _write(tmp_path, "a[bold]b.txt", "Prime Minister Jane Doe [/] met the World Bank :fire: team.")
    result = runner.invoke(app, [str(path)])
    assert result.exit_code == 0
    assert "a[bold]b.txt" in result.stdout and "Jane Doe" in result.stdout


def test_unpaired_surrogates_from_a_feed_never_reach_the_writers(tmp_path):
    feed = _write(tmp_path, "feed.jsonl", '{"id": "a", "text": "Dr Jane Doe \\ud800 spoke."}\n'
                                          '{"id": "b\\udc00", "text": "Mr John Smith spoke."}\n')
    result = runner.invoke(app, [str(feed), "--jsonl"])
    assert result.exit_code == 1
    assert result.stderr == f'error: {feed}:1: "text" has an unpaired surrogate escape (id a)\n'
    assert json.loads(result.stdout)["source"] == "b\udc00"
    assert runner.invoke(app, [str(feed)]).stdout.startswith("b?")


def test_a_folder_of_many_small_files_gives_one_line_each(tmp_path):
    # 2,000 through the whole pipeline keeps the suite fast; test_sources walks 10,000.
    for i in range(2_000):
        _write(tmp_path, f"{i:05d}.txt", f"Dr Ann Lee{i} spoke.")
    (tmp_path / "00000.txt").write_bytes(PNG)
    result = runner.invoke(app, [str(tmp_path), "--jsonl"])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / '00000.txt'}: {BINARY}\n"
    lines = result.stdout.splitlines()
    assert len(lines) == 1_999
    assert json.loads(lines[-1])["source"] == str(tmp_path / "01999.txt")


def test_same_input_gives_byte_identical_output(tmp_path, good):
    _write(tmp_path, "b.txt", "The MoD and Acme Corp signed a contract on 3 March 2025, Mr John Smith said.")
    _write(tmp_path, "c.txt", "NATO and the UN met in Geneva last week.")
    runs = [runner.invoke(app, [str(tmp_path), "--jsonl", "--published", "2026-02-05"]).stdout for _ in range(2)]
    assert runs[0] == runs[1] and len(runs[0].splitlines()) == 3
    if any(param.name == "jobs" for param in typer.main.get_command(app).params):
        parallel = runner.invoke(app, [str(tmp_path), "--jsonl", "--published", "2026-02-05", "--jobs", "2"])
        assert parallel.stdout == runs[0]


def test_output_file_is_written_whole_and_nothing_else_is_written(tmp_path, good, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = sorted(os.listdir(tmp_path))
    assert runner.invoke(app, [str(good), "--json"]).exit_code == 0
    assert json.loads(runner.invoke(app, [str(good), "--json", "-o", "-"]).stdout)[0]["source"] == str(good)
    assert sorted(os.listdir(tmp_path)) == before
    out = tmp_path / "facts.json"
    out.write_text("previous results", encoding="utf-8")
    out.chmod(0o640)
    result = runner.invoke(app, [str(good), str(tmp_path / "nope.txt"), "--json", "--output", str(out)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert json.loads(out.read_text(encoding="utf-8"))[0]["source"] == str(good)
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == sorted(before + ["facts.json"])


def test_a_failing_run_leaves_the_previous_output_file_and_no_temporary_file(tmp_path, good, monkeypatch):
    out = tmp_path / "facts.jsonl"
    out.write_text("previous results\n", encoding="utf-8")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("extractor.output.render.JsonLinesWriter.write", crash)
    result = runner.invoke(app, [str(good), "--jsonl", "--output", str(out)])
    assert result.exit_code == 130
    assert result.stderr == f"error: interrupted; {out} left unchanged\n"
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert sorted(os.listdir(tmp_path)) == ["facts.jsonl", "good.txt"]


def test_schema_is_printed_and_output_validates_against_it(good):
    jsonschema = pytest.importorskip("jsonschema")
    result = runner.invoke(app, ["--schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    article = json.loads(runner.invoke(app, [str(good), "--json"]).stdout)[0]
    jsonschema.validate(article, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**article, "dates": [{"text": "x", "value": "2026-13", "mentions": []}]}, schema)


def test_ctrl_c_during_a_write_is_held_until_the_write_ends():
    before = signal.getsignal(signal.SIGINT)
    written = []
    with pytest.raises(KeyboardInterrupt):
        with interrupts_held():
            os.kill(os.getpid(), signal.SIGINT)
            written.append("the whole article")
    assert written == ["the whole article"]
    assert signal.getsignal(signal.SIGINT) is before


# End to end in a real process: signals, pipes and file descriptors cannot be faked in CliRunner.

def _extract(*args, preexec_fn=None, **kwargs):
    def as_in_a_terminal():
        # Ctrl-C as a foreground process gets it: a test runner started in the background
        # (`cmd &` in a script) passes SIGINT on ignored, and Python then never handles it
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if preexec_fn is not None:
            preexec_fn()

    return subprocess.Popen([sys.executable, "-m", "extractor", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=as_in_a_terminal, **kwargs)


@pytest.fixture
def stalled_batch(tmp_path):
    """100 good files, then a named pipe nobody writes to: the run stalls after the good ones."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    files = [str(_write(tmp_path, f"{i:03d}.txt", GOOD)) for i in range(100)]
    os.mkfifo(tmp_path / "stalled.txt")
    return [*files, str(tmp_path / "stalled.txt")]


def _interrupt_when(process, ready):
    """Send Ctrl-C once ready() holds (polled; the run cannot finish before, it is stalled)."""
    for _ in range(600):
        if ready():
            break
        try:
            process.wait(timeout=0.1)
            pytest.fail("extract ended before it was interrupted")
        except subprocess.TimeoutExpired:
            pass
    process.send_signal(signal.SIGINT)
    out, err = process.stdout.read(), process.stderr.read()  # not communicate(): it skips what readline buffered
    process.wait(timeout=60)
    process.stdout.close()
    process.stderr.close()
    return out, err


def test_ctrl_c_after_some_articles_closes_the_json_array(stalled_batch):
    process = _extract(*stalled_batch, "--json")
    first = process.stdout.readline()  # "[": articles are coming
    out, err = _interrupt_when(process, lambda: True)
    assert (first, process.returncode, err) == (b"[\n", 130, b"error: interrupted\n")
    articles = json.loads(first + out)
    assert len(articles) >= 1
    assert all(a["people"][0]["name"] == "Jane Doe" for a in articles)


def test_ctrl_c_leaves_the_previous_output_file(stalled_batch, tmp_path):
    out = tmp_path / "facts.json"
    out.write_text("[]\n", encoding="utf-8")
    process = _extract(*stalled_batch, "--json", "--output", str(out))
    _, err = _interrupt_when(process, lambda: any(name.endswith(".tmp") for name in os.listdir(tmp_path)))
    assert (process.returncode, err) == (130, f"error: interrupted; {out} left unchanged\n".encode())
    assert out.read_text(encoding="utf-8") == "[]\n"
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]


def test_a_reader_that_goes_away_ends_the_run_quietly(stalled_batch):
    process = _extract(*stalled_batch, "--jsonl")
    assert json.loads(process.stdout.readline())["source"] == stalled_batch[0]
    process.stdout.close()  # like `| head -1`: the next write finds no reader
    process.send_signal(signal.SIGINT)  # if it stalled at the named pipe before writing again
    assert process.wait(timeout=60) in (130, 141)
    assert b"Traceback" not in process.stderr.read()
    process.stderr.close()


def test_empty_stdin_is_an_error_line():
    result = runner.invoke(app, ["-", "--json"], input="")
    assert (result.exit_code, json.loads(result.stdout), result.stderr) == (1, [], "error: -: empty input\n")


def test_closed_stdin_is_an_error_line():
    process = _extract("-", "--json", stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    out, err = process.communicate(timeout=60)
    assert (process.returncode, json.loads(out), err.decode()) == (1, [], "error: -: standard input is closed\n")
