"""The `extract` command: options → sources → pipeline → render, and `extract eval`.

spaCy is imported only once there is work to do, so -h, --version and usage errors stay fast.
"""
from __future__ import annotations

import datetime as dt
import signal
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, List, Optional

import typer

from ..common.rules import RuleFileError as PackageRuleError
from .group import Command, DefaultGroup, UsageError, error
from .signals import Stopped, raise_if_stopped

# The \b line is Click's marker for a block that is printed as written, never re-wrapped.
EXAMPLES = """Examples:

\b
  extract seeds/ --json                     # .txt/.md under seeds/, as JSON
  extract story.txt                         # readable tables on the terminal
  extract page.html --json --include-text   # a saved web page, with its text
  extract story.txt --format jsonl          # JSON lines, the same as --jsonl
  pbpaste | extract - --published 2026-02-05 --json
  extract today/ --jsonl > today.jsonl
  extract today/ --jsonl -o today.jsonl     # replaced only when the run ends
  extract today/ --format html -o report.html  # one page to pass on
  extract today/ --format csv -o tables/    # people.csv, agreements.csv, ...
  cat feed.jsonl | extract - --input-format jsonl --jsonl -j 0 > facts.jsonl
  extract today/ --jsonl \\
    | jq -r '.agreements[] | [.name, (.signatories|join("; ")), .date] | @tsv'
  extract story.txt --patterns ours.jsonl --gazetteer ORG:agencies.txt
  extract story.txt --model en_core_web_sm  # a spaCy model, once downloaded
  extract eval gold/                        # scores; see extract eval -h
"""

EVAL_EXAMPLES = """Examples:

\b
  extract eval gold/                         # precision, recall, F1 per type
  extract eval gold/ --json --by-doc         # JSON, with misses per document
  extract eval gold/ --patterns ours.jsonl   # does my rule file help?
  extract eval gold/ --model en_core_web_sm  # does a spaCy model?
"""

FORMATS = ("table", "json", "jsonl", "html", "csv")
INPUT_FORMATS = ("auto", "text", "jsonl", "html")


def warning(message: str) -> None:
    """One warning line on stderr (the input was still read)."""
    print(f"warning: {message}", file=sys.stderr, flush=True)


def _one_of(choices: tuple):
    """A callback that accepts one of choices, in any case."""
    def check(value: Optional[str]) -> Optional[str]:
        if value is None or value.lower() in choices:
            return None if value is None else value.lower()
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}")
    return check


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _check_jobs(value: str) -> str:
    # Typed as text so that the message for a bad value is ours, not the type converter's.
    try:
        number = int(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a whole number") from None
    if number < 0:
        raise typer.BadParameter("must be 0 or more")
    return value


def _check_output(value: Optional[Path]) -> Optional[Path]:
    return None if value is None or str(value) == "-" else value  # "-o -": stdout, as for inputs


def check_output(output: Optional[Path], fmt: str) -> None:
    """A usage error when output cannot take fmt: a folder for csv, a file for the others."""
    from ..output.files import folder_problem, output_problem

    if output is None:
        if fmt == "csv":
            raise UsageError("--format csv writes one file per table: give the folder with -o DIR")
        return
    problem = folder_problem(output) if fmt == "csv" else output_problem(output)
    if problem:
        raise UsageError(f"--output: {output}: {problem}")


def _print_schema(value: bool) -> None:
    if value:
        from ..output.invariants import article_schema

        sys.stdout.write(article_schema())
        raise typer.Exit(0)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"extract {version('extractor')}")
        raise typer.Exit(0)


MODEL_OPTION = typer.Option(None, "--model", metavar="NAME_OR_PATH",
                            help="Run on top of this spaCy pipeline (installed package or saved folder): "
                                 "its ORG, PERSON, DATE and LAW entities fill the gaps our rules leave.")
PATTERNS_OPTION = typer.Option(None, "--patterns", metavar="FILE",
                               help="Your patterns: spaCy JSONL lines {label, pattern, id}, labels ORG, PERSON, "
                                    "DATE, AGREEMENT; they win over our rules. Repeatable.")
GAZETTEER_OPTION = typer.Option(None, "--gazetteer", metavar="LABEL:FILE",
                                help="Your names, one per line, e.g. ORG:agencies.txt. Repeatable.")
VAGUE_DATES_OPTION = typer.Option(False, "--vague-dates",
                                  help="Also report the vague references TimeML counts as dates (now, currently, "
                                       "recently, the future), valued PRESENT_REF, PAST_REF or FUTURE_REF; they "
                                       "date no agreement or event.")
PUBLISHED_OPTION = typer.Option(None, "--published", callback=_check_date, metavar="YYYY-MM-DD",
                                help="Publication date for every input (overrides the header).")
INPUT_FORMAT_OPTION = typer.Option("auto", "--input-format", metavar="[auto|text|jsonl|html]",
                                   callback=_one_of(INPUT_FORMATS),
                                   help="text: each file (or stdin) is one article; jsonl: each line is "
                                        'one {"id", "text", "published"} article; html: each is a web page; '
                                        "auto: jsonl for .jsonl files and for stdin when its lines are such "
                                        "objects, html for .html and .htm files and for input that starts "
                                        "like an HTML document.")


def user_pipeline(model: Optional[str], patterns: Optional[List[str]], gazetteers: Optional[List[str]],
                  vague_dates: bool = False):
    """The pipeline for --model, --patterns, --gazetteer and --vague-dates; a bad value is one error
    line and exit 2."""
    from ..pipeline.parallel import stops_held

    try:
        with stops_held():  # importing spaCy starts numpy's threads, and a model may start its own
            from ..layers.model import ModelError
            from ..layers.user_rules import RuleFileError
            from ..pipeline.build import get_pipeline

            return get_pipeline(model, tuple(patterns or ()), tuple(gazetteers or ()), vague_dates)
    except (ModelError, RuleFileError) as err:
        error(str(err))
        raise typer.Exit(2) from None


def _would_read(folder: Path, target: Path) -> bool:
    """Whether reading folder would take target in: an article file below it, no hidden part on the way."""
    from ..io.sources import ARTICLE_SUFFIXES

    try:
        inside = target.relative_to(folder.resolve())
    except ValueError:
        return False
    return target.suffix.lower() in ARTICLE_SUFFIXES and not any(part.startswith(".") for part in inside.parts)


def input_overwritten(output: Optional[Path], paths: List[str]) -> Optional[str]:
    """The input that --output would overwrite (or that would read it next time), else None."""
    if output is None:
        return None
    target = output.resolve()
    for arg in paths:
        path = Path(arg)
        if arg == "-" or not path.exists():
            continue
        if path.is_dir() and _would_read(path, target):
            return arg
        if not path.is_dir() and path.resolve() == target:
            return arg
    return None


def choose_format(fmt: Optional[str], as_json: bool, as_jsonl: bool) -> str:
    """The output format that --format, --json or --jsonl asks for; two different ones are a usage error."""
    asked = {f"--format {fmt}": fmt} if fmt else {}
    if as_json:
        asked["--json"] = "json"
    if as_jsonl:
        asked["--jsonl"] = "jsonl"
    if len(set(asked.values())) > 1:
        raise UsageError(f"{' and '.join(asked)} ask for different formats; choose one")
    return next(iter(asked.values()), "table")


@dataclass(frozen=True)
class Inputs:
    """What to read and how: the PATH arguments and the options about them."""

    paths: List[str]
    published: Optional[str]
    input_format: str
    jobs: int
    cluster: Any = None  # a pipeline.cluster.Cluster for --cluster, which runs the pipeline instead
    options: tuple = (None, (), ())  # the pipeline's (model, patterns, gazetteers), for the cluster's workers
    include_text: bool = False  # --include-text: each article object carries its text


app = typer.Typer(cls=DefaultGroup, add_completion=False, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]})


@app.callback()
def extract(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, expose_value=False,
                                 help="Print the version and exit."),
) -> None:
    """Extract organisations, people, dates and agreements from news articles."""


@app.command("run", cls=Command, epilog=EXAMPLES,
             short_help="Extract facts from articles (the default command).",
             help="Extract organisations, people, dates and agreements from news articles.\n\n"
                  "PATH is a file, a folder (searched recursively for .txt, .md, .text, .html and .htm files) "
                  "or - for stdin. A web page (.html, .htm, or input that starts like one) is read for its main text. "
                  "A first line 'date YYYY-MM-DD' sets an article's publication date. "
                  "A .jsonl file is a feed of articles, one {\"id\", \"text\", \"published\"} object per line. "
                  "`extract PATH...` is short for `extract run PATH...`; a folder named run, eval or explain is "
                  "written ./run or ./eval.")
def run(
    paths: List[str] = typer.Argument(..., metavar="PATH", show_default=False,
                                      help="Files, folders or - for stdin."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", callback=_check_output, metavar="FILE",
                                          help="Write the results to FILE (replaced only when the run completes) "
                                               "instead of stdout; with --format csv, the folder DIR."),
    fmt: Optional[str] = typer.Option(None, "--format", metavar="[table|json|jsonl|html|csv]", callback=_one_of(FORMATS),
                                      help="table (the default): readable tables; json: one JSON array of article objects; "
                                           "jsonl: one JSON article object per line, as each finishes; html: one "
                                           "self-contained report page; csv: one CSV file per fact table in -o DIR."),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    as_jsonl: bool = typer.Option(False, "--jsonl", help="Same as --format jsonl."),
    schema: bool = typer.Option(False, "--schema", callback=_print_schema, is_eager=True, expose_value=False,
                                help="Print the JSON Schema of an article object and exit."),
    published: Optional[str] = PUBLISHED_OPTION,
    model: Optional[str] = MODEL_OPTION,
    patterns: Optional[List[str]] = PATTERNS_OPTION,
    gazetteers: Optional[List[str]] = GAZETTEER_OPTION,
    vague_dates: bool = VAGUE_DATES_OPTION,
    input_format: str = INPUT_FORMAT_OPTION,
    include_text: bool = typer.Option(False, "--include-text",
                                      help="Put each article's text (what every start/end indexes) in its object."),
    jobs: str = typer.Option("1", "--jobs", "-j", metavar="N", callback=_check_jobs,
                             help="Worker processes (0: one per core); the output is the same for any N."),
    cluster: Optional[str] = typer.Option(None, "--cluster", metavar="ADDRESS",
                                          help="Run on a Dask cluster: tcp://HOST:8786 (a running scheduler) or "
                                               "local[:N] (N worker processes started here); needs extractor[dask]."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract the facts of every input and write them in the chosen format."""
    chosen = choose_format(fmt, as_json, as_jsonl)
    check_output(output, chosen)
    overwritten = input_overwritten(output, paths)
    if overwritten:
        what = "is that input" if Path(overwritten).resolve() == output.resolve() else "is inside that input folder"
        raise UsageError(f"--output {output}: {what} ({overwritten}); nothing was written")
    if cluster and jobs != "1":
        raise UsageError("--cluster and --jobs both say where to run; choose one")
    try:
        options = (model, tuple(patterns or ()), tuple(gazetteers or ()), vague_dates)
        if cluster:
            from ..pipeline.cluster import is_local
        # Before a local cluster, whose workers start with this process's pipeline; after joining a
        # scheduler, so that one out of reach is said at once. On a cluster too: bad rules fail here.
        nlp = None if cluster and not is_local(cluster) else user_pipeline(model, patterns, gazetteers, vague_dates)
        raise_if_stopped()  # a stop lost while spaCy was imported ends the run here
        with joined(cluster, options) as on_cluster:
            if on_cluster is not None:
                on_cluster.prepare(options)
            if nlp is None:
                nlp = user_pipeline(model, patterns, gazetteers, vague_dates)
                raise_if_stopped()
            inputs = Inputs(paths, published, input_format, int(jobs), on_cluster, options, include_text=include_text)
            status = extract_to(output, chosen, nlp, inputs, quiet)
    except (Stopped, KeyboardInterrupt) as stop:
        # KeyboardInterrupt: app() called from Python, where Ctrl-C keeps Python's own handler.
        status = stop.status if isinstance(stop, Stopped) else 128 + signal.SIGINT
        error("interrupted" + (f"; {output} left unchanged" if output else ""))
    except PackageRuleError as err:  # read at the first article; wrong for every one of them
        error(str(err))
        status = 2
    raise typer.Exit(status)


@contextmanager
def joined(address: Optional[str], options: tuple) -> Iterator[Any]:
    """The Dask cluster --cluster names (None without it); one that cannot be used is exit 2."""
    if not address:
        yield None
        return
    from ..pipeline.cluster import Cluster, ClusterError

    try:
        cluster = Cluster(address, options)
    except ClusterError as err:
        error(str(err))
        raise typer.Exit(2) from None
    with cluster:
        yield cluster


def extract_to(output: Optional[Path], fmt: str, nlp, inputs: Inputs, quiet: bool) -> int:
    """Write every input's article object to output (stdout when None) as fmt; the exit status."""
    from ..output.files import open_output, silence_stdout
    from ..output.render import WRITERS

    if fmt == "csv":
        return write_tables(output, nlp, inputs, quiet)
    try:
        with open_output(output) as stream:
            return write_articles(WRITERS[fmt](stream), nlp, inputs, quiet, output)
    except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly
        silence_stdout()
        return 141
    except OSError as err:
        if output is None:
            raise
        error(f"{output}: {(err.strerror or str(err)).lower()}")
        return 1


def write_tables(folder: Path, nlp, inputs: Inputs, quiet: bool) -> int:
    """--format csv: the fact tables of every input in folder; the exit status."""
    from ..output.csv_tables import CsvWriter

    writer = CsvWriter(folder)
    try:
        return write_articles(writer, nlp, inputs, quiet, folder)
    except OSError as err:
        writer.discard()
        error(f"{folder}: {(err.strerror or str(err)).lower()}")
        return 1
    except BaseException:
        writer.discard()  # the older tables stay as they were
        raise


def write_articles(writer, nlp, inputs: Inputs, quiet: bool, output: Optional[Path]) -> int:
    """Write the article objects as they finish and close the writer; the exit status (1: some input failed)."""
    from ..io.sources import count_articles, iter_articles
    from ..output.files import interrupts_held
    from .progress import BatchProgress, wanted

    show = wanted(quiet, output is not None)
    progress = BatchProgress(show, count_articles(inputs.paths, inputs.input_format) if show else None)
    articles = iter_articles(inputs.paths, inputs.published, inputs.input_format)
    failed = 0
    # Each write and the closing happen with signals held, so that whatever was written is
    # valid JSON; Stopped passes through open_output, which leaves --output FILE unchanged.
    try:
        with progress:
            for article, result in results(nlp, articles, inputs, progress):
                progress.advance()
                failed += not write_one(writer, article, result, inputs.include_text)
                raise_if_stopped()
    except (Stopped, KeyboardInterrupt):
        with interrupts_held():
            writer.stop()
        raise
    with interrupts_held():
        writer.close()
    return 1 if failed else 0


def results(nlp, articles, inputs: Inputs, progress) -> Iterator[tuple[Any, Optional[dict]]]:
    """(input, article object) pairs from this machine's processes or from the cluster."""
    if inputs.cluster is not None:  # the workers read the inputs themselves
        from ..pipeline.cluster import extract_on_cluster

        return extract_on_cluster(inputs.cluster, inputs.paths, inputs.published, inputs.input_format,
                                  inputs.options, warn=warning)
    from ..pipeline.build import process

    return process(nlp, articles, jobs=inputs.jobs, on_piece=progress.piece)


def write_one(writer, article, result, include_text: bool = False) -> bool:
    """Write one article's object, or say why it has none; whether it had one."""
    from ..output.facts import with_input_fields
    from ..output.files import interrupts_held

    if result is None:
        error(f"{article.source}: {article.error}")
        return False
    if article.note:
        warning(f"{article.source}: {article.note}")
    result = with_input_fields(result, article.page, article.text if include_text else None)
    with interrupts_held():
        writer.write(result, article.text)
    return True


@app.command("eval", cls=Command, epilog=EVAL_EXAMPLES,
             short_help="Score the extractor against your gold files.",
             help="Score the extractor against your gold files: NAME.txt + NAME.json pairs in GOLD_DIR "
                  "(format: README, 'Evaluation on your own articles'). Prints per-type precision, recall and F1 "
                  "and date-value accuracy. To extract a folder named eval, write ./eval.")
def score_gold(
    gold_dir: str = typer.Argument(..., metavar="GOLD_DIR", show_default=False,
                                   help="A folder of NAME.txt + NAME.json pairs."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    by_doc: bool = typer.Option(False, "--by-doc", help="Also list what each document missed and got wrong."),
    model: Optional[str] = MODEL_OPTION,
    patterns: Optional[List[str]] = PATTERNS_OPTION,
    gazetteers: Optional[List[str]] = GAZETTEER_OPTION,
) -> None:
    """Score extraction against GOLD_DIR and print the scores as a table or JSON."""
    import json

    from rich.console import Console

    from .evaluate import GoldError, by_doc_table, evaluate, score_table, unpaired_files

    nlp = user_pipeline(model, patterns, gazetteers)
    for message in unpaired_files(gold_dir):
        warning(message)
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


EXPLAIN_EXAMPLES = """Examples:

\b
  extract explain story.txt                  # every fact beside its sentence
  extract explain today/                     # every article of a folder
  extract story.txt --json \\
    | jq '.[].agreements[] | {name, signatories, evidence}'
"""


@app.command("explain", cls=Command, epilog=EXPLAIN_EXAMPLES,
             short_help="Show each fact of an article beside the sentence it was read from.",
             help="Show why: for each article of PATH, every agreement fact (signatories, parties, date, status), "
                  "every event fact and role beside the sentence it was read from, the deciding words marked, and "
                  "the rule that found each name. To extract a folder named explain, write ./explain.")
def explain(
    paths: List[str] = typer.Argument(..., metavar="PATH", show_default=False, help="Files, folders or - for stdin."),
    published: Optional[str] = PUBLISHED_OPTION,
    input_format: str = INPUT_FORMAT_OPTION,
    model: Optional[str] = MODEL_OPTION,
    patterns: Optional[List[str]] = PATTERNS_OPTION,
    gazetteers: Optional[List[str]] = GAZETTEER_OPTION,
) -> None:
    """Print each article's facts beside their sentences."""
    from rich.console import Console

    from ..io.sources import iter_articles
    from ..pipeline.build import process
    from .explain import Explainer, cue_words

    nlp = user_pipeline(model, patterns, gazetteers)
    console, cues, failed = Console(), cue_words(nlp), 0
    try:
        for article, result in process(nlp, iter_articles(paths, published, input_format)):
            if result is None:
                error(f"{article.source}: {article.error}")
                failed += 1
                continue
            console.print(Explainer(result, article.text, cues).render())
    except (Stopped, KeyboardInterrupt) as stop:
        error("interrupted")
        raise typer.Exit(stop.status if isinstance(stop, Stopped) else 128 + signal.SIGINT) from None
    except BrokenPipeError:
        from ..output.files import silence_stdout

        silence_stdout()
        raise typer.Exit(141) from None
    raise typer.Exit(1 if failed else 0)
