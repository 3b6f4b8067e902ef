"""The `extract` command line as a user meets it: subcommands, --version, -h, --format and its
aliases, usage errors in plain words, and every example of the help run as printed."""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli.commands import app

runner = CliRunner()


def invoke(args):
    """The command line run in this process, under its installed name."""
    return runner.invoke(app, args, prog_name="extract")
BIN = Path(sys.executable).parent
SEEDS = Path(__file__).parents[2] / "seeds"

STORY = ("date 2026-03-10 Harbour Minister Leela Menon said on Monday that the Coastal Survey Office and "
         "the Port Authority of Kochi (PAK) signed a memorandum of understanding on dredging in February 2026.\n")
TODAY = {
    "berths.txt": "date 2026-03-11 Meridian Freight Ltd and the Ministry of Shipping signed a five-year "
                  "agreement on Tuesday. Chief executive Arjun Rao signed it for Meridian Freight.\n",
    "dredging.md": "date 2026-03-12 The Port Authority of Kochi (PAK) will dredge the outer channel in April, "
                   "Harbour Minister Leela Menon said on Thursday.\n",
}
PAGE = ("<!doctype html><html><head><title>Dredging deal</title>"
        '<meta property="article:published_time" content="2026-03-10"></head><body><nav><a href="/">Home</a></nav>'
        "<article><h1>Dredging deal</h1><p>The Coastal Survey Office signed a memorandum of understanding with the "
        "Port Authority of Kochi on Monday, Harbour Minister Leela Menon said.</p></article></body></html>\n")
FEED = [{"id": "wire-1", "text": "Analysts at Meridian Freight Ltd spoke on Monday.", "published": "2026-03-09"},
        {"id": "wire-2", "text": "The Port Authority of Kochi met in January 2026.", "published": "2026-03-09"}]
GOLD_TEXT = "date 2026-03-10 Harbour Minister Leela Menon visited the Port Authority of Kochi on Monday.\n"
GOLD = {"id": "visit", "published": "2026-03-10", "gold": {
    "ORG": ["Port Authority of Kochi"], "PERSON": ["Leela Menon"],
    "DATE": [{"text": "2026-03-10", "value": "2026-03-10"}, {"text": "Monday", "value": "2026-03-09"}],
    "AGREEMENT": [], "ROLE": [{"person": "Leela Menon", "role": "Harbour Minister", "org": None}]}}
PASTED = "printf '%s\\n' 'Prime Minister Jane Doe said on Tuesday that talks went well.'"


def _help(*args):
    result = invoke([*args, "-h"])
    assert result.exit_code == 0, result.output
    return result.stdout


def examples(help_text):
    """The command lines under "Examples:", a line ending in a backslash joined with the next."""
    lines = help_text.split("Examples:\n", 1)[1].splitlines()
    commands, pending = [], ""
    for line in filter(str.strip, lines):
        pending += line.strip() if not pending else "\n" + line
        if not line.endswith("\\"):
            commands.append(pending)
            pending = ""
    return commands


EXAMPLES = examples(_help()) + examples(_help("eval")) + examples(_help("explain"))


def test_the_help_has_examples_of_every_kind():
    assert len(EXAMPLES) >= 14
    assert any("| jq" in command for command in EXAMPLES)
    assert any(command.startswith("extract eval") for command in EXAMPLES)
    assert any("--format jsonl" in command for command in EXAMPLES)


def test_version():
    result = invoke(["--version"])
    assert (result.exit_code, result.stdout) == (0, f"extract {version('extractor')}\n")


def test_version_through_python_m():
    done = subprocess.run([sys.executable, "-m", "extractor", "--version"], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"extract {version('extractor')}\n", "")


@pytest.mark.parametrize("command", [[], ["run"], ["eval"], ["explain"]])
def test_dash_h_is_dash_dash_help(command):
    short, long = invoke([*command, "-h"]), invoke([*command, "--help"])
    assert short.exit_code == long.exit_code == 0
    assert short.stdout == long.stdout and short.stdout.startswith("Usage: extract")


def test_the_help_lists_subcommands_options_and_examples():
    text = _help()
    commands = text.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    assert [line.split()[0] for line in commands.splitlines() if line[2] != " "] == ["run", "eval", "explain"]
    for option in ("--format [table|json|jsonl|html|csv]", "--json ", "--jsonl ", "--published", "--jobs N", "--version",
                   "-h, --help", "PATH..."):
        assert option in text
    assert "extract seeds/ --json" in text


@pytest.mark.parametrize("command", [[], ["run"], ["eval"], ["explain"]])
def test_the_help_shows_no_python_types(command):
    text = _help(*command)
    for leak in ("<list[", "<str>", "<int>", "<Path>", "{PATH}", "{GOLD_DIR}"):
        assert leak not in text


@pytest.mark.parametrize("columns", ["80", "200"])
def test_examples_are_printed_as_written_at_any_width(columns):
    env = {**os.environ, "COLUMNS": columns, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    printed = [subprocess.run(["extract", *args, "-h"], capture_output=True, text=True, env=env, check=True).stdout
               for args in ([], ["eval"], ["explain"])]
    assert [command for text in printed for command in examples(text)] == EXAMPLES
    assert all(len(line) <= 78 for text in printed for line in text.split("Examples:", 1)[1].splitlines())


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("option, alias", [(["--format", "jsonl"], ["--jsonl"]), (["--format", "json"], ["--json"]),
                                           (["--format", "JSONL"], ["--jsonl"]), (["--format", "json"], ["--json",
                                                                                                       "--format", "json"])])
def test_format_and_its_alias_print_the_same(story, option, alias):
    by_format, by_alias = invoke([story, *option]), invoke([story, *alias])
    assert by_format.exit_code == by_alias.exit_code == 0
    assert by_format.stdout == by_alias.stdout and by_format.stdout[0] in "[{"


def test_format_table_is_the_default(story):
    assert invoke([story, "--format", "table"]).stdout == invoke([story]).stdout


def test_run_may_be_named(story):
    assert invoke(["run", story, "--jsonl"]).stdout == invoke([story, "--jsonl"]).stdout


USAGE_ERRORS = [
    (["x.txt", "--format", "xml"], "error: --format: 'xml' is not one of table, json, jsonl, html, csv"),
    (["x.txt", "--jobs", "-1"], "error: --jobs: must be 0 or more"),
    (["x.txt", "-j", "many"], "error: --jobs: 'many' is not a whole number"),
    (["x.txt", "--published", "2026-13-01"], "error: --published: '2026-13-01' is not a date (YYYY-MM-DD)"),
    (["x.txt", "--input-format", "csv"], "error: --input-format: 'csv' is not one of auto, text, jsonl, html"),
    ([], "error: missing PATH (files, folders or - for stdin); see extract -h"),
    (["--json"], "error: missing PATH (files, folders or - for stdin); see extract -h"),
    (["run"], "error: missing PATH (files, folders or - for stdin); see extract -h"),
    (["x.txt", "--json", "--jsonl"], "error: --json and --jsonl ask for different formats; choose one"),
    (["x.txt", "--format", "table", "--json"], "error: --format table and --json ask for different formats; choose one"),
    (["x.txt", "--jsonl", "--format", "json"], "error: --format json and --jsonl ask for different formats; choose one"),
    (["x.txt", "--published"], "error: --published: needs a value"),
    (["x.txt", "--jsn"], "error: --jsn: no such option (did you mean --jobs, --json or --jsonl?); see extract -h"),
    (["eval"], "error: missing GOLD_DIR (a folder of NAME.txt + NAME.json pairs); see extract eval -h"),
    (["eval", "gold", "more"], "error: unexpected argument: more"),
    (["eval", "gold", "--format", "json"], "error: --format: no such option; see extract eval -h"),
]


@pytest.mark.parametrize("args, message", USAGE_ERRORS)
def test_usage_errors_are_one_plain_line(args, message):
    result = invoke(args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, message + "\n", "")


def test_a_usage_error_in_a_real_process_has_no_traceback_or_usage_box():
    done = subprocess.run([str(BIN / "extract"), "x.txt", "--format", "xml"], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", "error: --format: 'xml' is not one of table, json, jsonl, html, csv\n")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A folder with every file the help's examples name."""
    root = tmp_path_factory.mktemp("examples")
    shutil.copytree(SEEDS, root / "seeds")
    (root / "story.txt").write_text(STORY, encoding="utf-8")
    (root / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "today").mkdir()
    for name, text in TODAY.items():
        (root / "today" / name).write_text(text, encoding="utf-8")
    (root / "feed.jsonl").write_text("".join(json.dumps(line) + "\n" for line in FEED), encoding="utf-8")
    (root / "ours.jsonl").write_text('{"label": "ORG", "pattern": "Coastal Survey Office", "id": "CSO"}\n',
                                     encoding="utf-8")
    (root / "agencies.txt").write_text("Meridian Freight\n", encoding="utf-8")
    (root / "gold").mkdir()
    (root / "gold" / "visit.txt").write_text(GOLD_TEXT, encoding="utf-8")
    (root / "gold" / "visit.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return root


def _why_not_runnable(command):
    if "en_core_web_sm" in command and importlib.util.find_spec("en_core_web_sm") is None:
        return "en_core_web_sm is not installed (python -m spacy download en_core_web_sm)"
    if "| jq" in command and shutil.which("jq") is None:
        return "jq is not installed"
    return None


def _run_example(command, workspace, folder):
    """Run command with bash in a copy of workspace; its status, stdout, stderr and the new non-empty files."""
    shutil.copytree(workspace, folder)
    before = set(folder.rglob("*"))
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-c", command.replace("pbpaste", PASTED)], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120)
    written = [p.name for p in set(folder.rglob("*")) - before if p.is_file() and p.stat().st_size]
    return done.returncode, done.stdout, done.stderr, written


@pytest.fixture(scope="module")
def example_runs(workspace, tmp_path_factory):
    """Every runnable example, run a few at a time: each one starts spaCy, which takes a second."""
    runnable = [command for command in EXAMPLES if not _why_not_runnable(command)]
    base = tmp_path_factory.mktemp("runs")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        runs = pool.map(lambda pair: _run_example(pair[1], workspace, base / str(pair[0])), enumerate(runnable))
        return dict(zip(runnable, runs))


@pytest.mark.parametrize("command", EXAMPLES)
def test_every_example_of_the_help_runs_as_printed(command, example_runs):
    reason = _why_not_runnable(command)
    if reason:
        pytest.skip(reason)
    status, stdout, stderr, written = example_runs[command]
    assert status == 0, stderr
    assert stdout.strip() or written, f"no output from {command!r}"
    assert "Traceback" not in stderr
