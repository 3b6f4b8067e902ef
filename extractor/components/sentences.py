"""Sentence boundaries on demand: spaCy's sentencizer runs on a Doc only when something asks.

Most articles never need their sentences (only agreements read the sentence around a
mention), and splitting every Doc costs about a fifth of the tokenizer's time. This
component only installs the hooks behind `span.sent` and `doc.sents`; the first use marks
the Doc's sentence starts exactly as spaCy's "sentencizer" would.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterator

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

_STARTS = "extractor.sentence_starts"


class SentencesOnDemand:
    """Installs span.sent and doc.sents hooks that run the sentencizer on first use."""

    def __init__(self, nlp: Language, name: str, punct_chars: list[str] | None):
        self.name = name
        self.sentencizer = Sentencizer(name, punct_chars=punct_chars)

    def __call__(self, doc: Doc) -> Doc:
        doc.user_span_hooks["sent"] = self.sentence
        doc.user_hooks["sents"] = self.sentences
        return doc

    def _starts(self, doc: Doc) -> list[int]:
        """Indices of the sentence-start tokens, found (and marked on the Doc) on first use."""
        # Not doc.has_annotation("SENT_START"): that is always true once a "sents" hook is set.
        starts = doc.user_data.get(_STARTS)
        if starts is None:
            self.sentencizer(doc)
            starts = doc.user_data[_STARTS] = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
        return starts

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
