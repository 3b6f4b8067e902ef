"""Entities found outside our rules (user rules, a statistical model) merged into our span groups.

Conflict policy, shared by every layer: organisations, people and dates exclude each other
(a stretch of text is one of them), while an agreement conflicts only with another agreement,
because agreement names legitimately contain names and dates ("India-UK MoU of 2024").
Whether the incoming span or the one already there wins is the caller's choice:
user rules replace what they overlap, a model only fills gaps.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..agreements.component import AGREEMENT_FILES
from ..agreements.facts import Entity, read_facts
from ..common.doc_data import add_span, doc_text, overlaps, set_group
from ..dates.component import DATE_FILES, find_dates, parse_published
from ..output.invariants import TIMEML_REFERENCES

# What date_value (the dates' rules) and set_agreement_facts (the agreements' rules) read: a
# component that adds entities lists these in its data_files and runs with them active.
ENTITY_FILES = tuple(dict.fromkeys(DATE_FILES + AGREEMENT_FILES))
# Attributes add_entity sets, for the factories' `assigns`.
ENTITY_ATTRIBUTES = ["doc.spans", "span._.canonical", "span._.value", "span._.kind", "span._.status", "span._.date",
                     "span._.parties", "span._.signatories", "span._.sentence", "span._.rule", "span._.evidence"]
# What add_entity and the layers read: the span groups, the header's end, the publication date and,
# for an agreement, its sentence.
ENTITY_REQUIRES = ["doc.spans", "doc._.header_end", "doc._.published", "token.is_sent_start"]

NAME_KEYS = ("organisations", "people", "dates")
CONFLICTS = {"organisations": NAME_KEYS, "people": NAME_KEYS, "dates": NAME_KEYS, "agreements": ("agreements",)}
SPAN_LABELS = {"organisations": "ORG", "people": "PERSON", "dates": "DATE", "agreements": "AGREEMENT"}


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
            set_group(doc, k, [s for s in doc.spans[k] if not overlaps((start, end), (s.start_char, s.end_char))])


def date_value(text: str, published: str | None) -> str | None:
    """The ISO value of a date expression when our normalizer reads all of it, else None."""
    found = find_dates(text, parse_published(published))
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return found[0].value
    return None


def _entities(doc: Doc, key: str, name) -> list[Entity]:
    return sorted((Entity(s.start_char, s.end_char, name(s)) for s in spans_in(doc, key)), key=lambda e: e.start)


def set_agreement_facts(doc: Doc, span: Span) -> None:
    """Status, parties, signatories and date of an agreement, read from its sentence as ours are."""
    bounds = (span.sent.start_char, span.sent.end_char)
    people = _entities(doc, "people", lambda s: s._.canonical or s.text)
    orgs = _entities(doc, "organisations", lambda s: s._.canonical or s.text)
    dates = [d for d in _entities(doc, "dates", lambda s: s._.value) if d.name and d.name not in TIMEML_REFERENCES]
    facts = read_facts(doc_text(doc), bounds, span.start_char, span.end_char, people, orgs, dates)
    span._.kind = "agreement"
    span._.status, span._.date = facts.status, facts.date
    span._.parties, span._.signatories = facts.parties, facts.signatories
    span._.sentence = doc_text(doc)[bounds[0]:bounds[1]].strip()
    span._.evidence = facts.evidence


def add_entity(doc: Doc, key: str, start: int, end: int, rule: str, name: str | None = None) -> Span | None:
    """Add an entity to group `key` with the attributes our own components would give it.

    `rule` names the layer and what matched ("model:ORG", "user:acme"); `name` is the canonical
    name of an organisation, person or agreement, or the ISO value of a date.
    """
    span = add_span(doc, key, start, end, SPAN_LABELS[key], rule=rule)
    if span is None:
        return None
    if key == "dates":
        span._.value = name or date_value(span.text, doc._.published)
        return span
    span._.canonical = name or span.text
    if key == "agreements":
        set_agreement_facts(doc, span)
    return span
