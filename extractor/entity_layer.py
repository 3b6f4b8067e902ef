"""Entities found outside our rules (user rules, a statistical model) merged into our span groups.

Conflict policy, shared by every layer: organisations, people and dates exclude each other
(a stretch of text is one of them), while an agreement conflicts only with another agreement,
because agreement names legitimately contain names and dates ("India-UK MoU of 2024").
Whether the incoming span or the one already there wins is the caller's choice:
user rules replace what they overlap, a model only fills gaps.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from . import extensions  # noqa: F401  (declares the span attributes set here)
from .components.agreements import describe
from .components.dates import find_dates, parse_published
from .components.spans import add_span, doc_text, overlaps

NAME_KEYS = ("organisations", "people", "dates")
CONFLICTS = {"organisations": NAME_KEYS, "people": NAME_KEYS, "dates": NAME_KEYS, "agreements": ("agreements",)}
SPAN_LABELS = {"organisations": "ORG", "people": "PERSON", "dates": "DATE", "agreements": "AGREEMENT"}
AGREEMENT_FACTS = ("kind", "status", "parties", "signatories", "date")


def spans_in(doc: Doc, key: str) -> list[Span]:
    """The spans of one group, or [] when the group is absent."""
    return list(doc.spans[key]) if key in doc.spans else []


def conflicts(doc: Doc, key: str, start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span that a new entity of group `key` would conflict with."""
    return any(overlaps((start, end), (s.start_char, s.end_char)) for k in CONFLICTS[key] for s in spans_in(doc, k))


def remove_conflicts(doc: Doc, key: str, start: int, end: int) -> None:
    """Drop the spans a new entity of group `key` over [start, end) replaces."""
    for k in CONFLICTS[key]:
        if k in doc.spans:
            doc.spans[k] = [s for s in doc.spans[k] if not overlaps((start, end), (s.start_char, s.end_char))]


def date_value(text: str, published: str | None) -> str | None:
    """The ISO value of a date expression when our normalizer reads all of it, else None."""
    found = find_dates(text, parse_published(published))
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return found[0].value
    return None


def add_entity(doc: Doc, key: str, start: int, end: int, name: str | None = None) -> Span | None:
    """Add an entity to group `key` with the attributes our own components would give it.

    `name` is the canonical name of an organisation or person, or the ISO value of a date;
    an agreement's facts are read from its sentence as the agreement component does.
    """
    span = add_span(doc, key, start, end, SPAN_LABELS[key])
    if span is None:
        return None
    if key in ("organisations", "people"):
        span._.canonical = name or span.text
    elif key == "dates":
        span._.value = name or date_value(span.text, doc._.published)
    else:
        found = describe(doc, span.start_char, span.end_char, *(spans_in(doc, k) for k in ("people", "organisations", "dates")))
        for fact in AGREEMENT_FACTS:
            span._.set(fact, getattr(found, fact))
        span._.sentence = doc_text(doc)[found.sentence[0]:found.sentence[1]].strip()
    return span
