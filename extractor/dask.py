"""Dask for data teams: article objects from a Dask bag (`extract_bag`), computed on the workers.

    import dask.bag as db
    from extractor.dask import extract_bag
    articles = extract_bag(db.read_text("archive/*.jsonl").map(json.loads)).compute()

Needs `pip install 'extractor[dask]'`. Each worker process builds the pipeline once.
"""
from __future__ import annotations

from typing import Any, Iterable

from .io.sources import Article, article_from_record


def _article(item: Any, partition: int, number: int) -> Article:
    """A bag item, a text or a {"text", "id", "published"} record, as an Article (read as a feed line is)."""
    where = f"<partition {partition} text {number}>"
    if isinstance(item, str):
        return Article(source=where, text=item)
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        return article_from_record(item, where)
    raise TypeError(f"a bag item must be a text or a record with a \"text\" string, not {type(item).__name__}")


def extract_partition(items: Iterable[Any], partition: int = 0, model: str | None = None,
                      patterns: tuple[str, ...] = (), gazetteers: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The article objects of one partition's texts or records; an item that fails is {"source", "error"}."""
    from .pipeline.build import get_pipeline, objects_of

    articles = [_article(item, partition, number) for number, item in enumerate(items)]
    outcomes = objects_of(get_pipeline(model, tuple(patterns), tuple(gazetteers)), articles)
    return [result if result is not None else {"source": article.source, "error": failure}
            for article, (failure, result) in zip(articles, outcomes)]


def extract_bag(bag: Any, model: str | None = None, patterns: Iterable[str] = (),
                gazetteers: Iterable[str] = ()) -> Any:
    """A Dask bag of article objects, one per text or record of bag, in the same order."""
    import dask
    import dask.bag as db

    options = (model, tuple(patterns), tuple(gazetteers))
    parts = [dask.delayed(extract_partition)(part, number, *options) for number, part in enumerate(bag.to_delayed())]
    return db.from_delayed(parts)
