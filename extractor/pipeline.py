"""Builds the spaCy pipeline once and runs articles through it."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .components.spans import remember_text
from .facts import article_from_doc
from .sources import Article

COMPONENTS = (
    "extractor_dateline",
    "extractor_dates",
    "extractor_people",
    "extractor_organisations",
    "extractor_roles",
    "extractor_agreements",
)


def build_pipeline() -> Language:
    """A blank English pipeline with a sentence splitter and our rule components."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=None)
def get_pipeline() -> Language:
    """The default pipeline, built once per process."""
    return build_pipeline()


def process(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, dict | None]]:
    """(input, article object) pairs in input order; the object is None for unreadable inputs."""

    def docs():
        for article in articles:
            text = "" if article.error is not None else article.text
            doc = nlp.make_doc(text)
            remember_text(doc, text)
            doc._.published = article.published
            yield doc, article

    for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield article, None if article.error is not None else article_from_doc(doc, article.source)
