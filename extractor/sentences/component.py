"""Sentence boundaries on demand: spaCy's sentencizer runs on a Doc only when something asks.

Most articles never need their sentences (only agreements read the sentence around a
mention), and splitting every Doc costs about a fifth of the tokenizer's time. This
component only installs the hooks behind `span.sent` and `doc.sents`; the first use marks
the Doc's sentence starts exactly as spaCy's "sentencizer" would, computed on arrays of the
token attributes instead of token by token (spaCy's loop builds a Token object per token).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterator

import numpy
from spacy.attrs import IS_PUNCT, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..common.doc_data import cached

_STARTS = "extractor.sentence_starts"


class SentencesOnDemand:
    """Installs span.sent and doc.sents hooks that run the sentencizer on first use."""

    def __init__(self, nlp: Language, name: str, punct_chars: list[str] | None):
        self.name = name
        chars = Sentencizer(name, punct_chars=punct_chars).punct_chars
        self.punct_ids = numpy.array(sorted(get_string_id(c) for c in chars), dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> Doc:
        doc.user_span_hooks["sent"] = self.sentence
        doc.user_hooks["sents"] = self.sentences
        return doc

    def _starts(self, doc: Doc) -> list[int]:
        """Indices of the sentence-start tokens, found (and marked on the Doc) on first use."""
        # Not doc.has_annotation("SENT_START"): that is always true once a "sents" hook is set.
        return cached(doc, _STARTS, lambda: self._mark(doc))

    def _mark(self, doc: Doc) -> list[int]:
        marks = doc.to_array(SENT_START).astype(numpy.int64)
        if len(doc):
            # like the sentencizer (overwrite=False): only tokens without a mark get one
            marks = numpy.where(marks != 0, marks, numpy.where(self._guesses(doc), 1, -1))
            doc.from_array([SENT_START], marks.astype(numpy.uint64).reshape(-1, 1))
        return numpy.flatnonzero(marks == 1).tolist()

    def _guesses(self, doc: Doc) -> numpy.ndarray:
        """spaCy's Sentencizer.predict for one non-empty Doc: a token starts a sentence when it is
        not punctuation and a sentence-final character (punct_chars) stands between it and the
        last token before it that is not punctuation either."""
        attrs = doc.to_array([ORTH, IS_PUNCT])
        # punct_ids is sorted: a binary search per token beats numpy.isin over 100-odd characters
        found = numpy.minimum(numpy.searchsorted(self.punct_ids, attrs[:, 0]), len(self.punct_ids) - 1)
        final = self.punct_ids[found] == attrs[:, 0]
        word = ~(final | (attrs[:, 1] != 0))
        positions = numpy.arange(len(doc))
        last_word = numpy.maximum.accumulate(numpy.where(word, positions, -1))  # at or before each token
        previous_word = numpy.concatenate(([-1], last_word[:-1]))
        finals_through = numpy.cumsum(final)
        finals_before = numpy.concatenate(([0], finals_through[:-1]))
        finals_to_previous_word = numpy.where(previous_word >= 0, finals_through[previous_word], 0)
        guesses = word & (finals_before > finals_to_previous_word)
        guesses[0] = True
        return guesses

    def sentence(self, span: Span) -> Span:
        """The sentence the span starts in (spaCy's Span.sent: the first one if it crosses)."""
        starts = self._starts(span.doc)
        number = bisect_right(starts, span.start) - 1
        end = starts[number + 1] if number + 1 < len(starts) else len(span.doc)
        return span.doc[starts[number]:end]

    def sentences(self, doc: Doc) -> Iterator[Span]:
        """The sentences of a Doc, in order."""
        starts = self._starts(doc)
        for start, end in zip(starts, starts[1:] + [len(doc)]):
            yield doc[start:end]


@Language.factory(
    "extractor_sentences",
    assigns=["token.is_sent_start"],
    default_config={"punct_chars": None},
)
def make_sentences(nlp: Language, name: str, punct_chars: list[str] | None) -> SentencesOnDemand:
    """Factory for the on-demand sentence splitter (punct_chars as spaCy's sentencizer takes them)."""
    return SentencesOnDemand(nlp, name, punct_chars)
