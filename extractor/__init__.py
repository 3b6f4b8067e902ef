"""extractor: organisations, people, dates and agreements from English news.

Public API::

    from extractor import extract, extract_many
    article = extract(text, published="2026-02-05")
    for article in extract_many(texts, patterns=["ours.jsonl"], gazetteers=["ORG:agencies.txt"]):
        ...

Both return article objects of the output contract (README, "Output"), the same as the CLI's
--json. The options mirror the CLI's --published, --model, --patterns, --gazetteer, --vague-dates
and --jobs.
The components are also spaCy factories: nlp.add_pipe("extractor_dates") works in any pipeline.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Iterator

__all__ = ["extract", "extract_many"]
__version__ = "0.1.0"


def _iso_date(value: str | dt.date | None) -> str | None:
    """A publication date as YYYY-MM-DD; ValueError when it is not a date, TypeError when not a str or date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"published: must be a YYYY-MM-DD string or a datetime.date, not {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"published: {value!r} is not a date (YYYY-MM-DD)") from None


def _text(value: Any, name: str) -> str:
    """value itself when it is a str; TypeError otherwise (bytes are not guessed at: the caller knows their encoding)."""
    if isinstance(value, str):
        return value
    hint = "; decode it first, e.g. data.decode('utf-8')" if isinstance(value, (bytes, bytearray)) else ""
    raise TypeError(f"{name} must be str, not {type(value).__name__}{hint}")


def _files(value: str | Iterable[str]) -> tuple[str, ...]:
    """One file or many, as a tuple (a lone string is one file, not its characters)."""
    return (value,) if isinstance(value, str) else tuple(value)


def extract(text: str, published: str | dt.date | None = None, source: str = "<text>", *,
            model: str | None = None, patterns: Iterable[str] = (), gazetteers: Iterable[str] = (),
            vague_dates: bool = False) -> dict[str, Any]:
    """Extract the facts of one article and return its article object (options as extract_many).

    text must be a str: bytes raise TypeError (decode them first; the CLI's decoding policy
    is for files whose encoding nobody knows). A bad published raises ValueError.
    """
    return next(extract_many([_text(text, "text")], published=published, sources=[source],
                             model=model, patterns=patterns, gazetteers=gazetteers, vague_dates=vague_dates))


def extract_many(texts: Iterable[str], published: str | dt.date | None = None, sources: Iterable[str] | None = None,
                 *, model: str | None = None, patterns: Iterable[str] = (), gazetteers: Iterable[str] = (),
                 vague_dates: bool = False, jobs: int = 1) -> Iterator[dict[str, Any]]:
    """Extract the facts of many articles, yielding article objects in input order.

    published: publication date of every text (else a text's own "date YYYY-MM-DD" first line);
    sources: the "source" of each object (default "<text N>"); model: a spaCy pipeline's package
    name or folder; patterns: JSONL pattern files; gazetteers: "LABEL:FILE" name lists;
    vague_dates: also "now", "currently", "recently" as dates (PRESENT_REF, PAST_REF, FUTURE_REF);
    jobs: worker processes (0: one per core). A bad date, model or rule file raises ValueError
    (ModelError, RuleFileError) here, before any text is read; a text that is not a str (bytes
    included) raises TypeError once the objects of the texts before it are given.
    """
    from .pipeline.build import get_pipeline, process
    from .io.sources import Article

    published = _iso_date(published)
    nlp = get_pipeline(model, _files(patterns), _files(gazetteers), vague_dates)
    names = iter(sources) if sources is not None else None
    refused: list[TypeError] = []

    def articles() -> Iterator[Article]:
        # A bad text ends the input here rather than raising inside process(), which would
        # lose the objects of the texts before it that are still in the batch.
        for i, text in enumerate(texts):
            try:
                text = _text(text, f"texts[{i}]")
            except TypeError as err:
                refused.append(err)
                return
            yield Article(source=next(names) if names else f"<text {i}>", text=text, published=published)

    def results() -> Iterator[dict[str, Any]]:
        for _, result in process(nlp, articles(), jobs=jobs):
            yield result
        if refused:
            raise refused[0]

    return results()
