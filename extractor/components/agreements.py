"""Agreements as facts: the spans naming each agreement, its kind, parties, signatories, date, status.

Mentions are found by agreement_mentions, linked here into one agreement each (same
surface, defined acronym, "the MoU", "the deal"), and every sentence that mentions an
agreement, by name or by reference, adds facts to it (agreement_facts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from .agreement_facts import Entity, Facts, party_names, places_in, read_facts, subject_start
from .agreement_lexicon import general_kinds, statuses
from .agreement_mentions import ACRONYM, HEADLINE, REFERENCE, REMENTION, Mention, find_mentions, line_bounds
from .spans import add_span, doc_text

SIGNED_FOR = re.compile(r"(?i)\b(?:signed|initiall?ed)\s+(?:for|on behalf of)\b")
SIGNED_FOR_REACH = 500  # characters after an agreement's last mention in which "A signed for X" is about it


@dataclass
class Agreement:
    """One agreement: the mentions that name it, the references to it, and the facts read about it."""

    mentions: list[Mention] = field(default_factory=list)
    references: list[Mention] = field(default_factory=list)
    facts: Facts = field(default_factory=Facts)

    @property
    def start(self) -> int:
        """Where the agreement is first named."""
        return self.mentions[0].start

    @property
    def kind(self) -> str:
        """The kind of its first mention."""
        return self.mentions[0].kind


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _antecedent(agreements: list[Agreement], mention: Mention) -> Agreement | None:
    """The latest agreement named before a reference of this kind, or of any kind for "the deal"."""
    earlier = [a for a in agreements if a.start < mention.start]
    same_kind = [a for a in earlier if a.kind == mention.kind]
    if same_kind:
        return same_kind[-1]
    return earlier[-1] if earlier and mention.kind in general_kinds() else None


def link(text: str, mentions: list[Mention]) -> list[Agreement]:
    """Group mentions into agreements, in order of first mention."""
    agreements: list[Agreement] = []
    by_surface: dict[str, Agreement] = {}
    owner: dict[int, Agreement] = {}

    def add(mention: Mention, agreement: Agreement | None) -> None:
        if agreement is None:
            agreement = by_surface.setdefault(_fold(text[mention.start:mention.end]), Agreement())
            if agreement not in agreements:
                agreements.append(agreement)
        agreement.mentions.append(mention)
        owner[id(mention)] = agreement

    for mention in mentions:
        if mention.role == ACRONYM:
            add(mention, owner[id(mention.defined_by)])
        elif mention.role == REMENTION:
            antecedent = _antecedent(agreements, mention)
            add(mention, antecedent if antecedent is not None and antecedent.kind == mention.kind else None)
        elif mention.role not in (REFERENCE, HEADLINE):
            add(mention, None)
    for mention in mentions:
        if mention.role == HEADLINE and not any(a.kind == mention.kind for a in agreements):
            add(mention, None)
    agreements.sort(key=lambda a: a.start)
    for mention in mentions:
        if mention.role == REFERENCE:
            target = owner.get(id(mention.absorbed_by)) if mention.absorbed_by else _antecedent(agreements, mention)
            if target is not None:
                target.references.append(mention)
    return agreements


def merge(facts: list[Facts]) -> Facts:
    """One agreement's facts from the sentences about it, in text order: the furthest status,
    the first signatories, parties and date stated."""
    merged = Facts()
    order = statuses()
    for found in facts:
        if found.status and (merged.status is None or order.index(found.status) > order.index(merged.status)):
            merged.status = found.status
        merged.signatories = merged.signatories or found.signatories
        merged.parties = merged.parties or found.parties
        merged.date = merged.date or found.date
    return merged


def _entities(doc: Doc, key: str, name) -> list[Entity]:
    spans = doc.spans[key] if key in doc.spans else []
    return sorted((Entity(s.start_char, s.end_char, name(s)) for s in spans), key=lambda e: e.start)


class AgreementFinder:
    """Adds agreement spans to doc.spans[span_key], grouped by span._.canonical, with their facts."""

    def __init__(self, nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str, dates_key: str):
        self.name = name
        self.span_key = span_key
        self.people_key, self.orgs_key, self.dates_key = people_key, orgs_key, dates_key

    def _bounds(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """The sentence around a mention, cut at line breaks (headlines and datelines have no full stop)."""
        text = doc_text(doc)
        span = doc.char_span(start, end, alignment_mode="expand")
        line_start, line_end = line_bounds(text, start)
        if span is None:
            return line_start, line_end
        return max(span.sent.start_char, line_start), min(span.sent.end_char, line_end)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        people = _entities(doc, self.people_key, lambda s: s._.canonical or s.text)
        orgs = _entities(doc, self.orgs_key, lambda s: s._.canonical or s.text)
        dates = [e for e in _entities(doc, self.dates_key, lambda s: s._.value) if e.name and e.start >= doc._.header_end]
        cuts = [(e.start, e.end) for e in people + orgs + dates]
        agreements = link(text, find_mentions(text, cuts, party_names(), start=doc._.header_end))
        for agreement in agreements:
            contexts = sorted(agreement.mentions + agreement.references, key=lambda m: m.start)
            found = []
            for mention in contexts:
                bounds = self._bounds(doc, mention.start, mention.end)
                parties = sorted(orgs + places_in(text, *bounds, people + orgs), key=lambda e: e.start)
                found.append(read_facts(text, bounds, mention.start, mention.end, people, parties, dates))
            agreement.facts = merge(found)
        self._add_signed_for(doc, agreements, people)
        for agreement in agreements:
            self._write(doc, agreement)
        return doc

    def _add_signed_for(self, doc: Doc, agreements: list[Agreement], people: list[Entity]) -> None:
        """ "A signed for the United States, and B signed for Armenia": A and B sign the agreement just named."""
        text = doc_text(doc)
        for match in SIGNED_FOR.finditer(text, doc._.header_end):
            last_seen = [(max(m.start for m in a.mentions + a.references), a) for a in agreements]
            before = [(position, a) for position, a in last_seen if position < match.start()]
            if not before:
                continue
            position, agreement = max(before, key=lambda pair: pair[0])
            if match.start() - position > SIGNED_FOR_REACH:
                continue
            bounds = self._bounds(doc, match.start(), match.end())
            subject_start = subject_start(text, bounds, match.start())
            for person in people:
                if subject_start <= person.start and person.end <= match.start() and person.name not in agreement.facts.signatories:
                    agreement.facts.signatories.append(person.name)

    def _write(self, doc: Doc, agreement: Agreement) -> None:
        text = doc_text(doc)
        first = agreement.mentions[0]
        name = text[first.start:first.end]
        bounds = self._bounds(doc, first.start, first.end)
        for mention in agreement.mentions:
            span = add_span(doc, self.span_key, mention.start, mention.end, "AGREEMENT")
            if span is None:
                continue
            span._.canonical = name
            span._.kind = agreement.kind
            span._.status = agreement.facts.status
            span._.parties = list(agreement.facts.parties)
            span._.signatories = list(agreement.facts.signatories)
            span._.date = agreement.facts.date
            span._.sentence = text[bounds[0]:bounds[1]].strip()


@Language.factory(
    "extractor_agreements",
    assigns=["doc.spans"],
    requires=["token.is_sent_start"],
    default_config={"span_key": "agreements", "people_key": "people", "orgs_key": "organisations", "dates_key": "dates"},
)
def make_agreements(nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str, dates_key: str) -> AgreementFinder:
    """Factory for the agreement finder."""
    return AgreementFinder(nlp, name, span_key, people_key, orgs_key, dates_key)
