"""The `extract` command: options → sources → pipeline → render.

spaCy is imported only once there is work to do, so --help and usage errors stay fast.
"""
from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

EXAMPLES = """
Examples:

  extract seeds/ --json                      # every .txt/.md file under seeds/, as a JSON array

  extract story.txt                          # readable tables on the terminal

  pbpaste | extract - --published 2026-02-05 --json

  extract today/ --jsonl > today.jsonl

  extract today/ --jsonl -o today.jsonl      # today.jsonl replaced only when the run completes

  cat feed.jsonl | extract - --input-format jsonl --jsonl --jobs 0 > facts.jsonl

  extract today/ --jsonl | jq -r '.agreements[] | [.name, (.signatories|join("; ")), .date] | @tsv'

  extract story.txt --patterns ours.jsonl --gazetteer ORG:agencies.txt --model en_core_web_sm

  extract eval gold/                         # score against your gold files (extract eval --help)
"""


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def error(message: str) -> None:
    """One error line on stderr."""
    print(f"error: {message}", file=sys.stderr, flush=True)


def warning(message: str) -> None:
    """One warning line on stderr (the input was still read)."""
    print(f"warning: {message}", file=sys.stderr, flush=True)


def _check_output(value: Optional[Path]) -> Optional[Path]:
    from ..output.files import output_problem

    if value is None or str(value) == "-":  # "-o -": stdout, as for inputs
        return None
    problem = output_problem(value)
    if problem:
        raise typer.BadParameter(f"{value}: {problem}")
    return value


def _print_schema(value: bool) -> None:
    if value:
        from ..output.invariants import article_schema

        sys.stdout.write(article_schema())
        raise typer.Exit(0)


MODEL_OPTION = typer.Option(None, "--model", metavar="NAME_OR_PATH",
                            help="Run on top of this spaCy pipeline (installed package or saved folder): "
                                 "its ORG, PERSON, DATE and LAW entities fill the gaps our rules leave.")
PATTERNS_OPTION = typer.Option(None, "--patterns", metavar="FILE",
                               help="Your patterns: spaCy JSONL lines {label, pattern, id}, labels ORG, PERSON, "
                                    "DATE, AGREEMENT; they win over our rules. Repeatable.")
GAZETTEER_OPTION = typer.Option(None, "--gazetteer", metavar="LABEL:FILE",
                                help="Your names, one per line, e.g. ORG:agencies.txt. Repeatable.")


def user_pipeline(model: Optional[str], patterns: Optional[List[str]], gazetteers: Optional[List[str]]):
    """The pipeline for --model, --patterns and --gazetteer; a bad value is one error line and exit 2."""
    from ..layers.model import ModelError
    from ..pipeline.build import get_pipeline
    from ..layers.user_rules import RuleFileError

    try:
        return get_pipeline(model, tuple(patterns or ()), tuple(gazetteers or ()))
    except (ModelError, RuleFileError) as err:
        error(str(err))
        raise typer.Exit(2) from None


app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(help="Extract organisations, people, dates and agreements from news articles.\n\n"
                  "PATHS are files, folders (searched recursively for .txt and .md) or - for stdin. "
                  "A first line 'date YYYY-MM-DD' sets an article's publication date. "
                  "A .jsonl file is a feed of articles, one {\"id\", \"text\", \"published\"} object per line.",
             epilog=EXAMPLES)
def run(
    paths: List[str] = typer.Argument(..., metavar="PATH", show_default=False, help="Files, folders or - (stdin)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", callback=_check_output, metavar="FILE",
                                          help="Write the results to FILE (replaced only when the run completes) "
                                               "instead of stdout."),
    schema: bool = typer.Option(False, "--schema", callback=_print_schema, is_eager=True, expose_value=False,
                                help="Print the JSON Schema of an article object and exit."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array of article objects."),
    as_jsonl: bool = typer.Option(False, "--jsonl", help="Print one JSON article object per line, as each finishes."),
    published: Optional[str] = typer.Option(None, "--published", callback=_check_date, metavar="YYYY-MM-DD",
                                            help="Publication date for every input (overrides the header)."),
    model: Optional[str] = MODEL_OPTION,
    patterns: Optional[List[str]] = PATTERNS_OPTION,
    gazetteers: Optional[List[str]] = GAZETTEER_OPTION,
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", case_sensitive=False,
                                             help="text: each file (or stdin) is one article; jsonl: each line is "
                                                  'one {"id", "text", "published"} article; auto: jsonl for .jsonl '
                                                  "files."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, metavar="N",
                             help="Worker processes (0: one per core); the output is the same for any N."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    if as_json and as_jsonl:
        raise typer.BadParameter("choose one of --json and --jsonl")
    fmt = Format.json if as_json else Format.jsonl if as_jsonl else Format.table

    from ..pipeline.build import process
    from ..output.files import interrupts_held, open_output, silence_stdout
    from ..output.render import WRITERS
    from .progress import BatchProgress, wanted
    from ..io.sources import count_articles, iter_articles

    nlp = user_pipeline(model, patterns, gazetteers)
    failed = 0
    # Each write and the closing of the output happen with Ctrl-C held, so that whatever
    # was written is valid JSON; --output FILE is only replaced when the run completes.
    try:
        with open_output(output) as stream:
            writer = WRITERS[fmt.value](stream)
            show_progress = wanted(quiet, output is not None)
            progress = BatchProgress(show_progress, count_articles(paths, input_format.value) if show_progress else None)
            try:
                with progress:
                    for article, result in process(nlp, iter_articles(paths, published, input_format.value), jobs=jobs):
                        progress.advance()
                        if result is None:
                            failed += 1
                            error(f"{article.source}: {article.error}")
                            continue
                        if article.note:
                            warning(f"{article.source}: {article.note}")
                        with interrupts_held():
                            writer.write(result)
            except KeyboardInterrupt:
                with interrupts_held():
                    writer.close()
                error("interrupted" + (f"; {output} left unchanged" if output else ""))
                raise typer.Exit(130) from None
            with interrupts_held():
                writer.close()
    except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly
        silence_stdout()
        raise typer.Exit(141) from None
    except OSError as err:
        if output is None:
            raise
        error(f"{output}: {(err.strerror or str(err)).lower()}")
        raise typer.Exit(1) from None
    raise typer.Exit(1 if failed else 0)


EVAL_EXAMPLES = """
Examples:

  extract eval gold/                         # a table of precision, recall and F1 per type

  extract eval gold/ --json --by-doc         # JSON, with what each document missed and got wrong

  extract eval gold/ --patterns ours.jsonl --model en_core_web_sm
"""

eval_app = typer.Typer(add_completion=False, rich_markup_mode=None)


@eval_app.command(help="Score the extractor against your gold files: NAME.txt + NAME.json pairs in GOLD_DIR "
                       "(format: README, 'Evaluation on your own articles'). Prints per-type precision, recall and F1 "
                       "and date-value accuracy. To extract a folder named eval, write ./eval.",
                  epilog=EVAL_EXAMPLES)
def score_gold(
    gold_dir: str = typer.Argument(..., metavar="GOLD_DIR", help="Folder of NAME.txt + NAME.json pairs."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    by_doc: bool = typer.Option(False, "--by-doc", help="Also list what each document missed and got wrong."),
    model: Optional[str] = MODEL_OPTION,
    patterns: Optional[List[str]] = PATTERNS_OPTION,
    gazetteers: Optional[List[str]] = GAZETTEER_OPTION,
) -> None:
    import json

    from rich.console import Console

    from .evaluate import GoldError, by_doc_table, evaluate, score_table

    nlp = user_pipeline(model, patterns, gazetteers)
    try:
        result, errors = evaluate(gold_dir, nlp, by_doc)
    except GoldError as err:
        error(str(err))
        raise typer.Exit(2) from None
    for message in errors:
        error(message)
    if as_json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        console = Console()
        console.print(score_table(result))
        if by_doc:
            console.print(by_doc_table(result))
    raise typer.Exit(1 if errors else 0)


def main(argv: Optional[List[str]] = None) -> None:
    """Console-script entry point: `extract eval GOLD_DIR ...` scores, anything else extracts."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] == ["eval"]:
        eval_app(args[1:], prog_name="extract eval")
    else:
        app(args, prog_name="extract")
