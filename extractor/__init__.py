"""extractor: organisations, people, dates and agreements from English news.

Public API::

    from extractor import extract, extract_many
    article = extract(text, published="2026-02-05")
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

__all__ = ["extract", "extract_many"]
__version__ = "0.1.0"


def extract(text: str, published: str | None = None, source: str = "<text>") -> dict[str, Any]:
    """Extract the facts of one article and return its article object."""
    return next(extract_many([text], published=published, sources=[source]))


def extract_many(
    texts: Iterable[str],
    published: str | None = None,
    sources: Iterable[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Extract the facts of many articles, yielding article objects in input order."""
    from .pipeline import get_pipeline, process
    from .sources import Article

    names = iter(sources) if sources is not None else None
    articles = (
        Article(source=next(names) if names else f"<text {i}>", text=text, published=published)
        for i, text in enumerate(texts)
    )
    for _, result in process(get_pipeline(), articles):
        yield result
