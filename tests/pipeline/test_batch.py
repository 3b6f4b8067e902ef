"""Batches: JSONL feeds, streaming, worker processes, long articles, progress and start-up."""
import itertools
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from extractor.pipeline.chunking import split_text
from extractor.cli.commands import app
from extractor.pipeline.parallel import map_in_order
from extractor.pipeline.build import build_pipeline, get_pipeline, process
from extractor.cli.progress import FEW, BatchProgress, wanted
from extractor.io.sources import Article, count_articles, iter_articles

runner = CliRunner()

STORIES = [
    "date 2026-02-05 Dr Asha Rao of the Ministry of Defence met officials on Monday.\n\n"
    "The Ministry of Defence and the Indian Navy signed a memorandum of understanding in October 2025.\n",
    "General Ivan Petrov said the United Nations met yesterday.\n",
    "The Federal Reserve raised rates on 3 March 2024, Governor Lisa Brandt said.\n",
]


def _feed(tmp_path, lines, name="feed.jsonl"):
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _record(number, text, **extra):
    return json.dumps({"id": f"story-{number}", "text": text, **extra})


def test_jsonl_feed_by_suffix_gives_one_article_per_line_with_id_as_source(tmp_path):
    feed = _feed(tmp_path, [_record(1, STORIES[1], published="2026-03-02"), _record(2, STORIES[2])])
    result = runner.invoke(app, [str(feed), "--jsonl"])
    assert result.exit_code == 0, result.output
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["source"] for a in articles] == ["story-1", "story-2"]
    assert articles[0]["published"] == "2026-03-02"
    assert [d["value"] for d in articles[0]["dates"]] == ["2026-03-01"]  # "yesterday"


def test_jsonl_feed_on_stdin_is_sniffed_and_input_format_text_reads_it_as_one_article(tmp_path):
    feed = "\n".join([_record(1, STORIES[1]), _record(2, STORIES[2])]) + "\n"
    for fmt in (["--input-format", "jsonl"], []):
        as_feed = runner.invoke(app, ["-", *fmt, "--jsonl"], input=feed)
        assert as_feed.exit_code == 0, as_feed.output
        assert [json.loads(line)["source"] for line in as_feed.stdout.splitlines()] == ["story-1", "story-2"]
    as_text = runner.invoke(app, ["-", "--input-format", "text", "--jsonl"], input=feed)
    assert [json.loads(line)["source"] for line in as_text.stdout.splitlines()] == ["-"]


def test_bad_feed_lines_are_errors_naming_the_line_and_the_rest_is_complete(tmp_path):
    feed = _feed(tmp_path, [_record(1, STORIES[1]), "{not json", "", json.dumps({"id": 3}),
                            _record(4, "   "), _record(5, STORIES[2], published="soon"), _record(6, STORIES[2])])
    result = runner.invoke(app, [str(feed), "--jsonl"])
    assert result.exit_code == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["story-1", "story-6"]
    assert result.stderr.splitlines() == [
        f"error: {feed}:2: not valid JSON (Expecting property name enclosed in double quotes)",
        f'error: {feed}:4: "text" is missing (id 3)',
        f"error: {feed}:5: empty text (id story-4)",
        f"error: {feed}:6: \"published\": 'soon' is not a date (YYYY-MM-DD) (id story-5)",
    ]


def test_published_option_overrides_the_feed_and_timestamps_keep_their_date(tmp_path):
    feed = _feed(tmp_path, [_record(1, STORIES[1], published="2026-03-02T09:30:00Z")])
    assert [a.published for a in iter_articles([str(feed)])] == ["2026-03-02"]
    assert [a.published for a in iter_articles([str(feed)], published="2025-01-01")] == ["2025-01-01"]


def test_input_format_text_reads_a_jsonl_file_as_one_article(tmp_path):
    feed = _feed(tmp_path, [_record(1, STORIES[1]), _record(2, STORIES[2])])
    assert [a.source for a in iter_articles([str(feed)], input_format="text")] == [str(feed)]
    assert count_articles([str(feed)], "text") == 1
    assert count_articles([str(feed)]) is None  # a feed's length is not known before reading it


def test_jobs_give_byte_identical_output(tmp_path):
    folder = tmp_path / "today"
    folder.mkdir()
    for number, text in enumerate(STORIES * 3):
        (folder / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    one = runner.invoke(app, [str(folder), "--jsonl", "--jobs", "1"])
    two = runner.invoke(app, [str(folder), "--jsonl", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert len(one.stdout.splitlines()) == 9
    assert two.stdout == one.stdout


def test_worker_processes_keep_input_order_across_many_batches(nlp):
    articles = [Article(source=str(number), text=text) for number, text in enumerate(STORIES * 4)]
    articles.insert(5, Article(source="broken", error="empty file"))
    alone = list(process(nlp, articles, batch_size=2))
    spread = list(process(nlp, articles, batch_size=2, jobs=2))
    assert [a.source for a, _ in spread] == [a.source for a in articles]
    assert [r for _, r in spread] == [r for _, r in alone]
    assert spread[5][1] is None


def test_results_stream_before_the_input_ends(nlp):
    endless = (Article(source=str(n), text=STORIES[n % 3]) for n in itertools.count())
    first = list(itertools.islice(process(nlp, endless, batch_size=4), 10))
    assert [article.source for article, _ in first] == [str(n) for n in range(10)]


def _square(number):
    return number * number


def _nothing():
    pass


def test_worker_pool_reads_only_a_few_items_ahead():
    taken = []

    def numbers():
        for number in itertools.count():
            taken.append(number)
            yield number

    results = map_in_order(_square, numbers(), 2, _nothing)
    assert [next(results) for _ in range(3)] == [(0, 0), (1, 1), (2, 4)]
    assert len(taken) <= 3 + 2 * 2
    results.close()


def test_split_text_cuts_after_paragraphs_and_joins_back_exactly():
    text = "One two three.\n\nFour five.\n\nSix seven eight nine.\n"
    pieces = split_text(text, 20)
    assert "".join(pieces) == text
    assert pieces[:2] == ["One two three.\n\n", "Four five.\n\n"]
    assert all(len(piece) <= 20 for piece in pieces)


def test_split_text_falls_back_to_lines_words_and_hard_cuts():
    assert split_text("alpha beta\ngamma", 12) == ["alpha beta\n", "gamma"]
    assert split_text("alpha beta gamma", 12) == ["alpha beta ", "gamma"]
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert split_text("short", 10) == ["short"]


def test_articles_longer_than_max_length_are_split_with_true_offsets():
    short = build_pipeline()
    short.max_length = 300
    filler = "Officials met again and talked about trade, rates and the weather. " * 3
    paragraphs = [STORIES[0].strip()] + [filler.strip()] * 4 + ["Dr Asha Rao spoke to the Ministry of Defence on Tuesday."]
    text = "\n\n".join(paragraphs) + "\n"
    assert len(text) > 3 * short.max_length
    result = next(process(short, [Article(source="long", text=text)]))[1]
    for key in ("organisations", "people", "dates", "agreements"):
        for item in result[key]:
            for found in item["mentions"]:
                assert text[found["start"]:found["end"]] == found["text"]
    people = {p["name"]: p for p in result["people"]}
    assert len(people["Asha Rao"]["mentions"]) == 2  # one entity across the pieces
    tuesday = next(d for d in result["dates"] if d["text"] == "Tuesday")
    assert tuesday["value"] == "2026-02-03"  # resolved against the header of the first piece
    assert tuesday["mentions"][0]["start"] > 4 * short.max_length - 300


def test_values_of_spans_in_later_pieces_follow_their_offsets():
    short = build_pipeline()
    short.max_length = 300
    filler = "Officials met again and talked about trade, rates and the weather. " * 3
    late = ("Defence Minister Tarun Kapoor said the Ministry of Defence and the Indian Navy signed a "
            "memorandum of understanding on 4 March 2026.")
    text = "\n\n".join([filler.strip()] * 3 + [late]) + "\n"
    whole = next(process(build_pipeline(), [Article(source="whole", text=text)]))[1]
    split = next(process(short, [Article(source="whole", text=text)]))[1]
    assert split == whole
    (agreement,) = split["agreements"]
    assert agreement["status"] == "signed" and agreement["date"] == "2026-03-04"
    assert agreement["mentions"][0]["start"] > 2 * short.max_length
    (person,) = split["people"]
    assert [role["role"] for role in person["roles"]] == ["Defence Minister"]


def test_a_long_article_reports_each_piece_and_other_articles_keep_their_order():
    short = build_pipeline()
    short.max_length = 300
    filler = "Officials met again and talked about trade, rates and the weather. " * 3
    long_text = "\n\n".join([filler.strip()] * 4) + "\n"
    articles = [Article(source="a", text=STORIES[1]), Article(source="long", text=long_text),
                Article(source="b", text=STORIES[2])]
    seen = []
    results = list(process(short, articles, on_piece=lambda article, done: seen.append((article.source, done))))
    assert [article.source for article, _ in results] == ["a", "long", "b"]
    assert results[0][1] == next(process(build_pipeline(), articles[:1]))[1]  # short ones as ever
    pieces = split_text(long_text, short.max_length)
    ends = list(itertools.accumulate(len(piece) for piece in pieces))
    assert seen == [("long", end) for end in ends[:-1]]  # every piece but the last, which ends the article


def test_a_long_article_gets_a_bar_in_characters_even_alone():
    from io import StringIO

    from rich.console import Console

    console = Console(file=StringIO(), force_terminal=True, width=120)
    article = Article(source="big.txt", text="x" * 3_000_000)
    with BatchProgress(True, 1, console=console) as progress:
        progress.piece(article, 1_000_000)
        (task,) = progress.bar.tasks
        assert (task.description, task.completed, task.total) == ("big.txt", 1_000_000, 3_000_000)
        assert task.fields["count"] == "1.0/3.0 M characters"
        progress.advance()  # the article finished: its bar goes, and one input gets no article bar
        assert progress.bar.tasks == []


def test_the_pipeline_is_built_once_per_process():
    assert get_pipeline() is get_pipeline()


@pytest.mark.parametrize("args", [["--help"], ["--jobs", "-1", "x.txt"], ["--json", "--jsonl", "x.txt"], []])
def test_help_and_usage_errors_do_not_import_spacy(args):
    code = ("import sys\nfrom extractor.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit as exit:\n    status = exit.code\n"
            "print(status, 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    status, imported = done.stdout.split()[-2:]
    assert status == ("0" if args == ["--help"] else "2")
    assert imported == "False"


def test_no_progress_bar_without_a_terminal_or_with_quiet(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert wanted(quiet=False, to_file=False)
    assert not wanted(quiet=True, to_file=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert not wanted(quiet=False, to_file=False)  # the data goes to the same terminal
    assert wanted(quiet=False, to_file=True)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not wanted(quiet=False, to_file=True)


@pytest.mark.parametrize("total, shown_after", [(FEW, None), (FEW + 1, 1), (None, FEW + 1)])
def test_progress_bar_appears_only_beyond_a_few_inputs(total, shown_after):
    with BatchProgress(True, total) as progress:
        started = []
        for _ in range(FEW + 1):
            progress.advance()
            started.append(progress.bar is not None)
    assert started.index(True) + 1 == shown_after if shown_after else not any(started)
