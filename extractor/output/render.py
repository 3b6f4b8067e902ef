"""Writers for article objects: Rich tables, a streamed JSON array, JSON lines."""
from __future__ import annotations

import json
from typing import IO, Any, Iterable

from rich.console import Console
from rich.table import Table

from ..io.decoding import has_unpaired_surrogate


def dumps(article: dict[str, Any], indent: int | None = None) -> str:
    """One article object as JSON text (stable key order, UTF-8 kept readable)."""
    text = json.dumps(article, ensure_ascii=False, indent=indent)
    # A lone surrogate (in a feed's "id") cannot be written as UTF-8; a JSON escape keeps it exact.
    return json.dumps(article, indent=indent) if has_unpaired_surrogate(text) else text


class JsonArrayWriter:
    """Streams a JSON array: the brackets are written even when no article succeeds."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.count = 0

    def write(self, article: dict[str, Any], text: str | None = None) -> None:
        """Append one article to the array."""
        self.out.write(("[\n" if self.count == 0 else ",\n") + dumps(article, indent=2))
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        """Close the array."""
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()

    stop = close  # a stopped run's array is closed too: what was written stays valid JSON


class JsonLinesWriter:
    """One article per line, flushed as each one finishes."""

    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, article: dict[str, Any], text: str | None = None) -> None:
        """Write one article line."""
        self.out.write(dumps(article) + "\n")
        self.out.flush()

    def close(self) -> None:
        """Nothing to close for JSON lines."""

    stop = close


def _mentions(item: dict[str, Any]) -> str:
    return str(len(item.get("mentions") or []))


def article_tables(article: dict[str, Any]) -> Iterable[Table]:
    """Readable tables for one article: people, organisations, dates, agreements, places, events."""
    people = Table()
    for column in ("Person", "Honorific", "Roles", "Mentions"):
        people.add_column(column)
    for p in article["people"]:
        roles = "; ".join(r["role"] + (f" ({r['organisation']})" if r.get("organisation") else "") for r in p["roles"])
        people.add_row(p["name"], p.get("honorific") or "", roles, _mentions(p))
    orgs = Table()
    for column in ("Organisation", "Acronym", "Mentions"):
        orgs.add_column(column)
    for o in article["organisations"]:
        orgs.add_row(o["name"], o.get("acronym") or "", _mentions(o))
    dates = Table()
    for column in ("Date", "Value", "Mentions"):
        dates.add_column(column)
    for d in article["dates"]:
        dates.add_row(d["text"], d.get("value") or "", _mentions(d))
    agreements = Table()
    for column in ("Agreement", "Kind", "Status", "Parties", "Signatories", "Date"):
        agreements.add_column(column)
    for a in article["agreements"]:
        agreements.add_row(a["name"], a.get("kind") or "", a.get("status") or "", "; ".join(a.get("parties") or []),
                           "; ".join(a.get("signatories") or []), a.get("date") or "")
    places = Table()
    for column in ("Place", "Kind", "Country", "Mentions"):
        places.add_column(column)
    for place in article.get("places", []):
        places.add_row(place["name"], place.get("kind") or "", place.get("country") or "", _mentions(place))
    events = Table()
    for column in ("Event", "Kind", "Date", "Place", "Chairs", "Mentions"):
        events.add_column(column)
    for event in article.get("events", []):
        events.add_row(event["name"], event.get("kind") or "", event.get("date") or "", event.get("place") or "",
                       "; ".join(event.get("chairs") or []), _mentions(event))
    return (people, orgs, dates, agreements, places, events)


class _PipeConsole(Console):
    """A Console whose gone reader is a BrokenPipeError, as for the JSON writers (Rich exits 1)."""

    def on_broken_pipe(self) -> None:
        """Let the caller stop quietly with status 141."""
        raise BrokenPipeError


class TableWriter:
    """Rich tables, one group per article."""

    def __init__(self, out: IO[str]):
        # Article text is data, never Rich markup or emoji codes: "[/b]" in a name would raise.
        self.console = _PipeConsole(file=out, markup=False, emoji=False)

    def write(self, article: dict[str, Any], text: str | None = None) -> None:
        """Print the tables of one article."""
        text = json.dumps(article, ensure_ascii=False)
        if has_unpaired_surrogate(text):  # a feed's "id": shown as "?", as a terminal cannot show it
            article = json.loads(text.encode("utf-8", "replace").decode("utf-8"))
        self.console.rule(f"{article['source']}  (published {article.get('published') or 'unknown'})", align="left")
        for table in article_tables(article):
            if table.row_count:
                self.console.print(table)
        self.console.print()

    def close(self) -> None:
        """Nothing to close for tables."""

    stop = close


def _html_report(out: IO[str]) -> Any:
    from .report import HtmlReportWriter  # only a report pays for its module

    return HtmlReportWriter(out)


WRITERS = {"table": TableWriter, "json": JsonArrayWriter, "jsonl": JsonLinesWriter, "html": _html_report}
