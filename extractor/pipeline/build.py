"""Builds the spaCy pipeline once and runs articles through it."""
from __future__ import annotations

from collections import deque
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

# Importing a component module registers its factory (installed, spaCy also finds them through
# the spacy_factories entry points in pyproject.toml).
from ..agreements import component as _agreements  # noqa: F401
from ..common.doc_data import remember_text, set_doc_value
from ..common.rules import RuleFileError
from ..dateline import component as _dateline  # noqa: F401
from ..dateline.component import find_header
from ..dates import component as _dates  # noqa: F401
from ..events import component as _events  # noqa: F401
from ..io.sources import Article
from ..layers.model import add_model_layer, load_model, sets_sentences
from ..layers.user_rules import add_user_rules, read_user_rules
from ..organisations import component as _organisations  # noqa: F401
from ..output.facts import Records, article_from_doc, article_from_records
from ..people import component as _people  # noqa: F401
from ..places import component as _places  # noqa: F401
from ..roles import component as _roles  # noqa: F401
from ..sentences import component as _sentences  # noqa: F401
from ..teams import component as _teams  # noqa: F401
from .chunking import split_text
from .parallel import cpu_count, map_in_order

# Articles are processed in pieces of at most this many characters: some rules compare every
# mention with every other, so one huge Doc costs far more than many article-sized ones.
PIECE_LIMIT = 200_000

COMPONENTS = (
    "extractor_dateline",
    "extractor_dates",
    "extractor_people",
    "extractor_organisations",
    "extractor_roles",
    "extractor_agreements",
    "extractor_places",
    "extractor_teams",
    "extractor_events",
)


def build_pipeline(model: str | None = None, patterns: Iterable[str] = (), gazetteers: Iterable[str] = (),
                   vague_dates: bool = False) -> Language:
    """Our rule components on spacy.blank("en") or on the user's model, with the user's rules on top.

    model is a spaCy pipeline's package name or folder; patterns are JSONL pattern files and
    gazetteers "LABEL:FILE" name lists (see user_rules); vague_dates also marks "now",
    "currently", "recently" as dates (TimeML's PRESENT_REF...). Raises ModelError or RuleFileError.
    """
    user_patterns = read_user_rules(patterns, gazetteers)  # fail fast, before loading a model
    nlp = load_model(model) if model else spacy.blank("en")
    if not sets_sentences(nlp):
        # spaCy's sentencizer, run only on the Docs whose sentences are asked for (sentences/component.py)
        nlp.add_pipe("extractor_sentences", name="sentencizer")
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"timeml_refs": True} if vague_dates and name == "extractor_dates" else {})
    keep_abbreviations_whole(nlp)
    if user_patterns:
        add_user_rules(nlp, user_patterns)
    if model:
        add_model_layer(nlp)
    return nlp


def keep_abbreviations_whole(nlp: Language) -> None:
    """Make dotted titles ("Engr.", "Ing.", "Atty.") one token each, as spaCy makes "Dr.": the full stop
    of a title before a name ends no sentence ("signed by Ing. Efua Mensah and …")."""
    for word in nlp.get_pipe("extractor_people").rules.lines("honorifics.txt"):  # the people finder's own list
        if word.endswith(".") and word[:-1].isalpha():
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])


@lru_cache(maxsize=None)
def get_pipeline(model: str | None = None, patterns: tuple[str, ...] = (), gazetteers: tuple[str, ...] = (),
                 vague_dates: bool = False) -> Language:
    """The pipeline for these options, built once per process."""
    return build_pipeline(model, patterns, gazetteers, vague_dates)


def _published(article: Article, text: str) -> str | None:
    """The publication date every piece of a split article resolves its dates against."""
    header = find_header(text)
    return article.published or (header.group(1) if header else None)


# Told (article, characters done) after each piece but the last of a long article.
OnPiece = Optional[Callable[[Article, int], None]]


def _process_here(nlp: Language, articles: Iterable[Article], batch_size: int,
                  on_piece: OnPiece = None) -> Iterator[tuple[Article, dict | None]]:
    """Articles streamed through nlp.pipe. If a component raises, the articles the pipe had taken
    in but not finished are redone one by one, so the article that trips a bug becomes one error
    and the run goes on with the rest."""
    articles = iter(articles)
    while True:
        taken: deque[Article] = deque()

        def feed() -> Iterator[Article]:
            for article in articles:
                taken.append(article)
                yield article

        try:
            for result in _pipe_articles(nlp, feed(), batch_size, on_piece):
                taken.popleft()
                yield result
            return
        except RuleFileError:  # a bad rule file is wrong for every article: stop, naming it
            raise
        except Exception:  # noqa: BLE001  (a bug in a rule must cost one article, not the run)
            for article in list(taken):
                yield _isolated(nlp, article)


def _isolated(nlp: Language, article: Article) -> tuple[Article, dict | None]:
    try:
        return next(_pipe_articles(nlp, [article], 1))
    except RuleFileError:
        raise
    except Exception as err:  # noqa: BLE001
        return replace(article, error=f"extraction failed ({type(err).__name__}: {err})"), None


def _pipe_articles(nlp: Language, articles: Iterable[Article], batch_size: int,
                   on_piece: OnPiece = None) -> Iterator[tuple[Article, dict | None]]:
    # Short articles go through nlp.pipe together, in batches; a long one goes through alone, one
    # piece at a time, so that only one piece's Doc is alive and progress can follow each piece.
    articles = iter(articles)
    limit = min(nlp.max_length, PIECE_LIMIT)
    long: list[Article] = []

    def short_run() -> Iterator[Article]:
        for article in articles:
            if article.error is None and len(article.text) > limit:
                long.append(article)
                return
            yield article

    while True:
        for doc, article in nlp.pipe(_short_docs(nlp, short_run()), as_tuples=True, batch_size=batch_size):
            yield article, None if article.error is not None else article_from_doc(doc, article.source)
        if not long:
            return
        article = long.pop()
        yield article, _long_article(nlp, article, limit, on_piece)


def _short_docs(nlp: Language, articles: Iterable[Article]) -> Iterator[tuple[Doc, Article]]:
    for article in articles:
        text = "" if article.error is not None else article.text
        doc = nlp.make_doc(text)
        remember_text(doc, text)
        set_doc_value(doc, "published", article.published)
        yield doc, article


def _long_article(nlp: Language, article: Article, limit: int, on_piece: OnPiece) -> dict:
    """The article object of an article longer than limit, built from its pieces' records."""
    text = article.text
    published = _published(article, text)
    records = Records(text, published, {}, {})
    offset = 0
    for piece in split_text(text, limit):
        doc = nlp.make_doc(piece)
        remember_text(doc, piece)
        set_doc_value(doc, "published", published)
        for done in nlp.pipe([doc], batch_size=1):
            records.add_piece(done, offset)
        offset += len(piece)
        if on_piece is not None and offset < len(text):
            on_piece(article, offset)
    return article_from_records(records, article.source)


_worker_nlp: Language | None = None


def _set_worker_pipeline(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def objects_of(nlp: Language, articles: list[Article]) -> list[tuple[str | None, dict | None]]:
    """(error, article object) of each article of one batch, in this process; the object is None on an error."""
    return [(done.error, result) for done, result in _process_here(nlp, articles, len(articles))]


def with_errors(batch: list[Article], outcomes: list[tuple[str | None, dict | None]]) -> Iterator[tuple[Article, dict | None]]:
    """(input, article object) pairs of a batch done elsewhere, each input carrying the error found there."""
    for article, (failure, result) in zip(batch, outcomes):
        yield (article if failure == article.error else replace(article, error=failure)), result


def _process_batch(articles: list[Article]) -> list[tuple[str | None, dict | None]]:
    """In a worker process: the article objects of one batch (only these small dicts go back)."""
    return objects_of(_worker_nlp, articles)


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of size articles (the last one shorter), read from articles as they are needed."""
    articles = iter(articles)
    while batch := list(islice(articles, size)):
        yield batch


def process(nlp: Language, articles: Iterable[Article], batch_size: int = 64,
            jobs: int = 1, on_piece: OnPiece = None) -> Iterator[tuple[Article, dict | None]]:
    """(input, article object) pairs in input order; the object is None for unreadable inputs.

    Articles are streamed through nlp.pipe, those longer than nlp.max_length in pieces cut
    at paragraph breaks (offsets stay true to the whole text). jobs > 1 runs the pipeline in
    that many worker processes (0: one per core) with the same results in the same order.
    on_piece(article, characters done) follows a long article piece by piece; only with
    jobs == 1, since with more the pieces are done in the workers.
    """
    jobs = jobs or cpu_count()
    if jobs == 1:
        yield from _process_here(nlp, articles, batch_size, on_piece)
        return
    for batch, results in map_in_order(_process_batch, batches(articles, batch_size), jobs,
                                       _set_worker_pipeline, (nlp,)):
        yield from with_errors(batch, results)
