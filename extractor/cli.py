"""The `extract` command: options → sources → pipeline → render.

spaCy is imported only once there is work to do, so --help and usage errors stay fast.
"""
from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from typing import List, Optional

import typer

EXAMPLES = """
Examples:

  extract seeds/ --json                      # every .txt/.md file under seeds/, as a JSON array

  extract story.txt                          # readable tables on the terminal

  pbpaste | extract - --published 2026-02-05 --json

  extract today/ --jsonl > today.jsonl

  extract today/ --jsonl | jq -r '.agreements[] | [.name, (.signatories|join("; ")), .date] | @tsv'
"""


class Format(str, Enum):
    table = "table"
    json = "json"
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


app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(help="Extract organisations, people, dates and agreements from news articles.\n\n"
                  "PATHS are files, folders (searched recursively for .txt and .md) or - for stdin. "
                  "A first line 'date YYYY-MM-DD' sets an article's publication date.",
             epilog=EXAMPLES)
def run(
    paths: List[str] = typer.Argument(..., help="Files, folders or - (stdin)."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array of article objects."),
    as_jsonl: bool = typer.Option(False, "--jsonl", help="Print one JSON article object per line, as each finishes."),
    published: Optional[str] = typer.Option(None, "--published", callback=_check_date, metavar="YYYY-MM-DD",
                                            help="Publication date for every input (overrides the header)."),
) -> None:
    if as_json and as_jsonl:
        raise typer.BadParameter("choose one of --json and --jsonl")
    fmt = Format.json if as_json else Format.jsonl if as_jsonl else Format.table

    from .pipeline import get_pipeline, process
    from .render import WRITERS
    from .sources import iter_articles

    writer = WRITERS[fmt.value](sys.stdout)
    failed = 0
    try:
        for article, result in process(get_pipeline(), iter_articles(paths, published)):
            if result is None:
                failed += 1
                error(f"{article.source}: {article.error}")
            else:
                writer.write(result)
    finally:
        writer.close()
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    """Console-script entry point."""
    app()
