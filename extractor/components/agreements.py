"""Agreements as facts: the span naming each one, its kind, parties, signatories, date, status.

Surface patterns only (no parser): an agreement word ("MoU", "framework", "deal", …) with
the capitalised name or single modifier before it and an "on/for/of X" tail after it;
facts about it are read from its sentence using the entities the other components found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..resources import word_list
from .spans import add_span, doc_text, overlaps


def _agreement_words() -> list[tuple[str, str, bool]]:
    rows = []
    for line in word_list("agreement_words.txt"):
        parts = line.split("\t")
        rows.append((parts[0], parts[1], len(parts) > 2 and parts[2] == "named"))
    return rows


AGREEMENT_WORDS = _agreement_words()
KIND = {word.lower(): kind for word, kind, _ in AGREEMENT_WORDS}
_HEADS = "|".join(re.escape(w) for w, _, named in sorted(AGREEMENT_WORDS, key=lambda r: -len(r[0])) if not named)
_NAMED_HEADS = "|".join(re.escape(w) for w, _, _ in sorted(AGREEMENT_WORDS, key=lambda r: -len(r[0])))
_CAP = r"[A-Z][\w'’.&-]*"
_CAP_CHAIN = rf"{_CAP}(?:\s+(?:(?:of|for|on|and|&|the)\s+)*{_CAP})*"
# Capitalised named agreements: "Strategic Partnership Agreement", "Memorandum of Understanding
# Concerning Strategic Civil Nuclear Cooperation", "Advance Purchase Commitment".
NAMED = re.compile(rf"(?<![\w-])(?:{_CAP}[ \t]+)*(?i:{_NAMED_HEADS})(?![\w-])(?:[ \t]+(?:of|on|for|Concerning|concerning)[ \t]+{_CAP_CHAIN})?")
# Lower-case or acronym heads with at most one modifier and an optional tail.
MODIFIER = r"(?:[a-z][a-z-]*|\d+-year|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})"
DESCRIBED = re.compile(
    rf"(?<![\w-])(?:(?P<mod>{MODIFIER})\s+)?(?P<head>(?i:{_HEADS}))(?![\w-])"
    rf"(?P<tail>\s+(?:for|on|of)\s+(?:the\s+)?(?:{_CAP_CHAIN}|[a-z]+(?:\s+[A-Z][\w-]*)+(?:\s+[a-z]+)?))?"
)
NOT_MODIFIERS = set(
    "a an the this that these those its their his her our two three four several other such any each "
    "signed signing inked to of with and or new which first second last previous earlier".split()
)
STATUS = [
    ("signed", re.compile(r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|concluded|exchanged)\b", re.I)),
    ("under negotiation", re.compile(r"\bnegotiat\w*|\btalks\b", re.I)),
    ("announced", re.compile(r"\bannounc\w*", re.I)),
    ("proposed", re.compile(r"\bpropos\w*|\bplann\w*", re.I)),
]


@dataclass
class AgreementFound:
    """An agreement mention and the facts read from its sentence."""

    start: int
    end: int
    kind: str
    sentence: tuple[int, int]
    status: str | None = None
    parties: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    date: str | None = None


def _kind(surface: str) -> str:
    lowered = surface.lower()
    for word, kind in sorted(KIND.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(word)}\b", lowered):
            return kind
    return "agreement"


def find_agreement_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of agreement mentions, non-overlapping, longest first."""
    candidates = []
    for m in NAMED.finditer(text):
        words = m.group().split()
        if len(words) > 1 and words[0][0].isupper() and m.group().split()[-1][0].isupper() or m.group().isupper():
            candidates.append((m.start(), m.end()))
    for m in DESCRIBED.finditer(text):
        start = m.start()
        if m["mod"] and m["mod"].lower() in NOT_MODIFIERS:
            start = m.start("head")
        candidates.append((start, m.end()))
    kept: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if not any(overlaps(c, k) for k in kept):
            kept.append(c)
    return sorted(kept)


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0, len(doc_text(doc))
    sent = span.sent
    return sent.start_char, sent.end_char


def _inside(spans, bounds):
    return [s for s in spans if bounds[0] <= s.start_char and s.end_char <= bounds[1]]


def describe(doc: Doc, start: int, end: int, people, orgs, dates) -> AgreementFound:
    """Read kind, status, parties, signatories and date of one agreement from its sentence."""
    text = doc_text(doc)
    bounds = _sentence_bounds(doc, start, end)
    sentence = text[bounds[0]:bounds[1]]
    found = AgreementFound(start, end, _kind(text[start:end]), bounds)
    for status, pattern in STATUS:
        if pattern.search(sentence):
            found.status = status
            break
    signed_by = re.search(r"\bsigned\s+by\b", sentence)
    if signed_by:
        after = bounds[0] + signed_by.end()
        found.signatories = _unique(s._.canonical or s.text for s in _inside(people, (after, bounds[1])))
    between = re.search(r"\b(?:between|with)\b", sentence)
    if between:
        after = bounds[0] + between.end()
        found.parties = _unique(s._.canonical or s.text for s in _inside(orgs, (after, bounds[1])))[:4]
    sentence_dates = [d for d in _inside(dates, bounds) if d._.value]
    if sentence_dates:
        nearest = min(sentence_dates, key=lambda d: abs(d.start_char - start))
        found.date = nearest._.value.split("/")[0] if "/" in nearest._.value and "W" not in nearest._.value else nearest._.value
    return found


def _unique(names) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


class AgreementFinder:
    """Adds agreement spans to doc.spans[span_key] with kind, status, parties, signatories, date."""

    def __init__(self, nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str, dates_key: str):
        self.name = name
        self.span_key = span_key
        self.keys = (people_key, orgs_key, dates_key)

    def __call__(self, doc: Doc) -> Doc:
        people, orgs, dates = (list(doc.spans[k]) if k in doc.spans else [] for k in self.keys)
        for start, end in find_agreement_spans(doc_text(doc)):
            if start < doc._.header_end:
                continue
            found = describe(doc, start, end, people, orgs, dates)
            span = add_span(doc, self.span_key, start, end, "AGREEMENT")
            if span is not None:
                span._.kind = found.kind
                span._.status = found.status
                span._.parties = found.parties
                span._.signatories = found.signatories
                span._.date = found.date
                span._.sentence = doc_text(doc)[found.sentence[0]:found.sentence[1]].strip()
        return doc


@Language.factory(
    "extractor_agreements",
    assigns=["doc.spans"],
    requires=["token.is_sent_start"],
    default_config={"span_key": "agreements", "people_key": "people", "orgs_key": "organisations", "dates_key": "dates"},
)
def make_agreements(nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str, dates_key: str) -> AgreementFinder:
    """Factory for the agreement finder."""
    return AgreementFinder(nlp, name, span_key, people_key, orgs_key, dates_key)
