"""Agreements as facts: the spans naming each agreement, its kind, parties, signatories, date, status.

Mentions are found by agreement_mentions, linked here into one agreement each (same
surface, defined acronym, "the MoU", "the deal"), and every sentence that mentions an
agreement, by name or by reference, adds facts to it (agreement_facts).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ..common.doc_data import doc_value
from .facts import Entity, Facts, places_in, read_facts, subject_start
from .lexicon import first_head, general_kinds, lowered, signed_pattern, signing_verbs, statuses
from .mentions import (ACRONYM, DEFINITE_NAME, HEADLINE, REFERENCE, REMENTION, Mention, find_mentions,
                                 line_bounds)
from ..common.component import RuleComponent
from ..common.lexicon import LEXICON_FILES
from ..common.rules import data_files
from ..common.doc_data import add_span, doc_text, span_ranges, span_value, span_values

SIGNED_FOR = r"for|on\s+behalf\s+of"  # "A signed for X", "B initialled on behalf of Y" (after signed_pattern's verb)
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
        return max(same_kind, key=lambda a: a.start)
    return max(earlier, key=lambda a: a.start) if earlier and mention.kind in general_kinds() else None


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
            # "the MOU" names the MoU mentioned before; after an agreement of another kind it only
            # refers to that one; with nothing before, it is the first mention of an MoU
            earlier = [a for a in agreements if a.start < mention.start]
            same_kind = [a for a in earlier if a.kind == mention.kind]
            if same_kind or not earlier:
                add(mention, same_kind[-1] if same_kind else None)
            else:
                earlier[-1].references.append(mention)
        elif mention.role == DEFINITE_NAME:
            # "the Convention" after "the Biological Weapons Convention" refers back to it
            same_kind = [a for a in agreements if a.start < mention.start and a.kind == mention.kind]
            if same_kind:
                same_kind[-1].references.append(mention)
            else:
                add(mention, None)
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
            else:
                add(mention, None)  # "The deal, signed on Monday, …" with nothing before: it introduces one
    agreements.sort(key=lambda a: a.start)
    return agreements


def merge(facts: list[Facts]) -> Facts:
    """One agreement's facts from the sentences about it, in text order: the furthest status,
    the first date, and the signatories and parties stated most directly."""
    merged = Facts()
    order = statuses()
    for found in facts:
        if found.status and (merged.status is None or order.index(found.status) > order.index(merged.status)):
            merged.status = found.status
        merged.date = merged.date or found.date
    # "signed by A and B" and "between P and Q" say it outright; other patterns are second choice
    stated = [f for f in facts if f.signed_by] + facts
    merged.signatories = next((f.signatories for f in stated if f.signatories), [])
    stated = [f for f in facts if f.between] + facts
    merged.parties = next((f.parties for f in stated if f.parties), [])
    return merged


def sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The sentence around a mention, cut at line breaks (headlines and datelines have no full stop)."""
    text = doc_text(doc)
    span = doc.char_span(start, end, alignment_mode="expand")
    line_start, line_end = line_bounds(text, start)
    if span is None:
        return line_start, line_end
    return max(span.sent.start_char, line_start), min(span.sent.end_char, line_end)


class EntityGroup:
    """The spans of one group in text order, named only when a sentence about an agreement needs them."""

    def __init__(self, doc: Doc, key: str, name, since: int = 0):
        # Character ranges only (iterating doc.spans builds a Span per span: done once); names are
        # read from the span values when asked for. Equal ranges have equal names, so plain tuple order.
        self.found = sorted([found for found in span_ranges(doc, key) if found[0] >= since])
        self.starts = [start for start, _ in self.found]
        self.values, self.text = span_values(doc), doc_text(doc)
        self.name = name

    def ranges(self) -> list[tuple[int, int]]:
        """Character ranges of every span."""
        return list(self.found)

    def within(self, start: int, end: int) -> list[Entity]:
        """The named entities inside [start, end)."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        entities = (Entity(s, e, self.name(self.values, self.text, s, e)) for s, e in self.found[first:last] if e <= end)
        return [entity for entity in entities if entity.name]


def _value(values: dict, text: str, start: int, end: int) -> str | None:
    return span_value(values, "value", start, end)


def _canonical(values: dict, text: str, start: int, end: int) -> str:
    return span_value(values, "canonical", start, end) or text[start:end]


def facts_at(doc: Doc, start: int, end: int, people: EntityGroup, orgs: EntityGroup,
             dates: EntityGroup) -> tuple[Facts, tuple[int, int]]:
    """The facts the sentence around [start, end) gives about the agreement mentioned there, and its bounds."""
    text = doc_text(doc)
    bounds = sentence_bounds(doc, start, end)
    people_here, orgs_here = people.within(*bounds), orgs.within(*bounds)
    parties = sorted(orgs_here + places_in(text, *bounds, people_here + orgs_here), key=lambda e: e.start)
    return read_facts(text, bounds, start, end, people_here, parties, dates.within(*bounds)), bounds


AGREEMENT_FILES = LEXICON_FILES + data_files("extractor.agreements", "agreement_cues.jsonl", "agreement_parties.txt", "agreement_words.txt",
                                             "signing_verbs.txt")


class AgreementFinder(RuleComponent):
    """Adds agreement spans to doc.spans[span_key], grouped by span._.canonical, with their facts."""

    data_files = AGREEMENT_FILES

    def __init__(self, nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str, dates_key: str):
        self.name = name
        self.span_key = span_key
        self.people_key, self.orgs_key, self.dates_key = people_key, orgs_key, dates_key

    def process(self, doc: Doc) -> Doc:
        text, header_end = doc_text(doc), doc_value(doc, "header_end")
        first = first_head(lowered(text), header_end)
        if first is None:
            return doc
        people, orgs, dates = (EntityGroup(doc, key, name, header_end) for key, name in (
            (self.people_key, _canonical), (self.orgs_key, _canonical), (self.dates_key, _value)))
        cuts = people.ranges() + orgs.ranges() + dates.ranges()
        agreements = link(text, find_mentions(text, cuts, start=first.start()))
        first_sentences = []  # the sentence around each agreement's first mention, read once for facts and spans
        for agreement in agreements:
            contexts = sorted(agreement.mentions + agreement.references, key=lambda m: m.start)
            found = [facts_at(doc, m.start, m.end, people, orgs, dates) for m in contexts]
            agreement.facts = merge([facts for facts, _ in found])
            first_sentences.append(next(bounds for m, (_, bounds) in zip(contexts, found) if m is agreement.mentions[0]))
        self._add_signed_for(doc, agreements, people)
        for agreement, bounds in zip(agreements, first_sentences):
            self._write(doc, agreement, bounds)
        return doc

    def _add_signed_for(self, doc: Doc, agreements: list[Agreement], people: EntityGroup) -> None:
        """ "A signed for the United States, and B signed for Chile": A and B sign the agreement just named."""
        text = doc_text(doc)
        low = lowered(text)
        # Every match holds a past form of a verb that signs: skip the scan when none is in the text.
        if not agreements or not any(verb in low for verb in signing_verbs(form="past", act="signs")):
            return
        last_seen = [(max(m.start for m in a.mentions + a.references), a) for a in agreements]
        for match in signed_pattern(SIGNED_FOR).finditer(low, doc_value(doc, "header_end")):
            before = [(position, a) for position, a in last_seen if position < match.start()]
            if not before:
                continue
            position, agreement = max(before, key=lambda pair: pair[0])
            if match.start() - position > SIGNED_FOR_REACH:
                continue
            bounds = sentence_bounds(doc, match.start(), match.end())
            subject = subject_start(text, bounds, match.start())
            for person in people.within(subject, match.start()):
                if person.name not in agreement.facts.signatories:
                    agreement.facts.signatories.append(person.name)

    def _write(self, doc: Doc, agreement: Agreement, bounds: tuple[int, int]) -> None:
        """Add the agreement's mention spans; bounds are those of the sentence around its first mention."""
        text = doc_text(doc)
        first = agreement.mentions[0]
        name = text[first.start:first.end]
        for mention in agreement.mentions:
            add_span(doc, self.span_key, mention.start, mention.end, "AGREEMENT", canonical=name,
                     kind=agreement.kind, status=agreement.facts.status, parties=list(agreement.facts.parties),
                     signatories=list(agreement.facts.signatories), date=agreement.facts.date,
                     sentence=text[bounds[0]:bounds[1]].strip())


@Language.factory(
    "extractor_agreements",
    assigns=["doc.spans", "span._.canonical", "span._.kind", "span._.status", "span._.parties", "span._.signatories",
             "span._.date", "span._.sentence"],
    # the people, organisations and dates found, with their names and values, and the sentences
    requires=["doc.spans", "doc._.header_end", "span._.canonical", "span._.value", "token.is_sent_start"],
    default_config={"span_key": "agreements", "people_key": "people", "orgs_key": "organisations", "dates_key": "dates"},
)
def make_agreements(nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str, dates_key: str) -> AgreementFinder:
    """Factory for the agreement finder."""
    return AgreementFinder(nlp, name, span_key, people_key, orgs_key, dates_key)
