"""Facts about one agreement read from the sentence that mentions it, using the entities found there.

Surface patterns only: "X signed by A and B", "A and B signed X", "signing X with A",
"X between P and Q", "P signed X with Q", "P's X with Q", "P has X with Q", "the X P struck
with Q", "India-US framework", "a P contract"; the status from the nearest status word that is
not in another agreement's clause; the date nearest the mention, unless it only dates a "said".
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Callable

from ..common.rules import from_rules
from ..common.lexicon import calendar_words, common_capitalised, places, role_words
from ..common.text import shared_beginning
from ..common.regex import compile_latin
from .mentions import CURRENCY_SIGNS
from .lexicon import (cue_words, formed_before, further, group_noun_after, head_words, group_pattern, lowered, party_names, party_pattern, phrase_pattern, prospective_pattern,
                      reporting_pattern, signed_by_across_names_pattern, signed_by_pattern, signer_pattern, signing_pattern, signing_verbs, status_pattern,
                      statuses)

BETWEEN = compile_latin(r"\bbetween\b")
_ITS_GOVERNMENT = compile_latin(r"['’]s\s+(?:[a-z-]+\s+)?(?:government|administration|cabinet)\b")
OTHER_CLAUSE = compile_latin(r",\s+(?:in\s+what|which|who|where|while|whereas)\b")
WITH = compile_latin(r"\bwith\b")
# the side that gives a contract: "won a contract from P", "was awarded a contract by P"
GIVER = compile_latin(r"\b(?:from|by)\b")
TWO_COUNTRIES = compile_latin(r"\s*the\s+two\s+(?:countries|nations|governments|states)\b")
COUNTRIES_REACH = 1500  # characters before a sentence in which "the two countries" were named


# the lender after a loan: "a $50 million loan from the Orvana Bank", "a credit line from P"
LENDER = compile_latin(r"[ \t]+(?:from|by)[ \t]+(?:the[ \t]+)?")
PASSIVE = compile_latin(r"\b(?:was|were|is|are|been|being|be|get|gets|got)\s+(?:\w+ly\s+)?$")
# "an agreement to sell its unit to Q", "a deal to buy a stake in X from Q": Q is the other side
TRANSFER = compile_latin(r"(?:\s*\([^()]{1,40}\))?\s+to\s+(?:(?:sell|divest|transfer|supply|deliver|provide|ship|export)\b[^.;:]{1,80}?\bto"
                         r"|(?:buy|acquire|purchase)\b[^.;:]{1,80}?\bfrom"
                         # "a deal to buy 20 Kestrel jets", "an agreement to acquire Orvana": the maker, the target
                         r"|(?:buy|acquire|purchase|order|lease)(?:\s+(?!from\b|to\b)[\w,.-]+){0,2}?)\s+(?:the\s+)?")
# a place, not a party: "in India", "near the borders with Chad and"
LOCATIVE = compile_latin(r"\b(?:(?:in|at|from|near|to|into|across|within|visit(?:ed|ing)?|borders?\s+with)\s+(?:the\s+)?"
                         r"|(?:near|borders?\s+with)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?,?\s+and\s+)$")
HYPHENATED_PAIR = compile_latin(r"(?<![\w-])((?:[A-Z]\.){2,}|[A-Z][\w]*)[-–]((?:[A-Z]\.){2,}|[A-Z][\w]*)(?![\w-])")
# "P (PA) and the Q", "P and X's Q" (a possessor names where Q is, not another party)
# (", a Riyadh-based developer, and": a description of the party before, in apposition)
PARTY_GAP = compile_latin(r"[\s,()]*(?:(?:a|an)\s+[^,;.()]{1,50},\s*)?(?:and/or|and|or|&)?[\s()]*(?:the\s+)?"
                          r"(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}['’]s\s+)?", re.I)
# "said (on Wednesday) (that) it had signed"
# when, before the subject: "On Monday", "In January", "Last year,", "Earlier this month"
_WHEN_BEFORE = r"(?:(?:on|in|last|this|earlier|later)\s+(?:this\s+|last\s+)?[a-z0-9]+,?\s+)?"
# A relative clause right after a mention, which speaks of the agreement: ", which A and B signed",
# "that the coast guards signed on 14 May"
_RELATIVE = r",?[ \t]+(?:which|that)[ \t]+"
RELATIVE_OBJECT = compile_latin(rf"{_RELATIVE}(?=[A-Z])")  # its subject a name: the agreement is its object
# "ended a", "ends its", "ended their $20 million" right before a mention: it is what was ended
_ENDED_BEFORE = compile_latin(r"\bend(?:ed|s)[ \t]+(?:a|an|the|its|their)[ \t]+(?:[$€£]?\d[\d.,]*[ \t]+(?:(?:million|billion|bn)[ \t]+)?)?$")
# the clause, up to its punctuation: "that the two sides signed in May", ", signed in 2019,"
_OWN_SIGNING = compile_latin(rf"(?:{_RELATIVE}|(?:[ \t]+with[ \t]+[^,;:.!?]{{1,80}}?)?,[ \t]+"
                             rf"(?=(?:signed|inked|sealed|initialled|concluded)[ \t]+(?:in|on|last|this)\b))[^,;:.!?]{{1,100}}")
# "The agreement was signed on Monday", "the MoUs were formally signed in Accra last week": the
# mention is the subject of a past passive signing, whose date follows it, within its clause.
_PASSIVE_SIGNED = compile_latin(r"[ \t]+(?:was|were|(?:has|have|had)[ \t]+been)[ \t]+(?:[a-z]+ly[ \t]+)?")
_PASSIVE_DATE_GAP = compile_latin(r"[^,;:.!?]{0,60}")
_PLANNED = compile_latin(r"\b(?:will|would|could|should|may|might|shall|to|expected|due|yet)\b")  # "that would be signed in May"
PRONOUN_REACH = 200  # characters before a sentence in which the "it" that signs finds its organisation
SIGNERS_REACH = 1200  # characters before a sentence in which "the two ministers" that sign find themselves
SUBJECT_PRONOUN = compile_latin(rf"\s*{_WHEN_BEFORE}(?:that\s+)?(?:it|they|we)"
                                r"(?:\s+(?:has|have|had|was|were|is|are|been|also|jointly|formally|today|now|still|already))*\s*", re.I)
# a clause of its own before a signing verb, whose subject alone signed: "X watched as A and B signed"
SIGNING_CLAUSE = compile_latin(r"\b(?:while|whereas|(?<!such )(?<!well )as(?!\s+(?:well|part|a|an|the|its|their|his|her|our)\b))\s+")  # not "as its president"
# a clause of its own before the verb: "X observed that the Government has signed", "…, where the country entered"
SUBJECT_CLAUSE = compile_latin(r"\b(?:where|when|whereby|which|who|that|although|though|whereas|because)\s+")
AUXILIARIES = compile_latin(r"\s*(?:(?:has|have|had|also|jointly|formally|today|now|recently|just|already|then)\s+)*")
PLURAL_PRONOUN = compile_latin(rf"\s*{_WHEN_BEFORE}(?:that\s+)?(?:they|we)\b", re.I)
ADVERBIAL_SIGNING = compile_latin(r"[\s\"“‘']*(?:while|after|before|upon|on|when|just after|shortly after)\s+")
POSSESSOR = compile_latin(r"['’]s\s+$")  # "Orvana's deal": the possessor makes the deal

HAVE = compile_latin(r"\b(?:has|have|had)\s+(?:(?:a|an|the|its|their)\s+)?$")  # "P has a deal with Q": P is a party to it
# "the deal (that) P struck with Q": a relative clause whose subject made it
RELATIVE_GAP = compile_latin(r"\s+(?:(?:that|which)\s+)?(?:([a-z]+)\s+)?")  # "the deal (that) neighbouring P struck"
RELATIVE_VERB = compile_latin(r"\s+(?:(?:has|have|had|just|recently)\s+)?([a-z]+)\b")
POSSESSIVE_PRONOUN = compile_latin(r"\b(?:its|their)\s+$")
# "a pact and a visa accord", "a $45 million loan and a $3 million grant agreement" (the amount is no part of
# the name: a currency's sign or letters before the number, or its scale after it; not the year of "a 2019 grant")
COORDINATED = compile_latin(r"[\s,:;–—-]*(?:and|as well as|&)?\s*(?:(?:a|an|the)\s+)?"
                            r"(?:(?:[^\s\d\w]|[A-Z]{1,3}[^\s\d\w]?)\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|mn|m)\b)?\s+"
                            r"|\d[\d,.]*\s*(?:million|billion|trillion|bn|mn)\b\s+)?", re.I)
# "a trade agreement with Zambia and an energy deal": the first one's other side, then "and"
COMPLEMENT_AND = compile_latin(r"\s+(?:with|on|for)\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?[\s,]*(?:and|as well as|&)\s*(?:(?:a|an|the)\s+)?")
CLAUSE_PUNCTUATION = compile_latin(r"[,;.!?]")
# what opens a clause of its own: "but", ";", and a relative clause on the noun before it (", which …")
CLAUSE_BREAK = compile_latin(r";|\b(?:but|while|whereas|although|though|yet)\b|,[ \t]+(?:which|that)\b")
WITH_REACH = 80  # characters after a mention in which "with" introduces the other side
TITLE_COMPLEMENT = compile_latin(r"[A-Z][\w-]*\s+of\s+(?:the\s+)?$")  # "Broadcaster of Peru": a title's place, no party
# a name with no entity, the last of a "between" list: "between the UK and the State of Nordia"
LAST_MEMBER_GAP = compile_latin(r"[\s,]*(?:and|or|and/or|&)\s+(?:the\s+)?")
NAME_PHRASE = compile_latin(r"[A-Z][\w&'’-]*(?:\s+(?:of\s+(?:the\s+)?|and\s+|&\s+)?[A-Z][\w&'’-]*)*")


@dataclass(frozen=True)
class Entity:
    """An entity found by another component: its range and the name it is listed under."""

    start: int
    end: int
    name: str


Range = tuple[int, int]
SEVERAL = ("signatories", "parties")  # the facts with several values; date and status have one


def _each(values: str | list[str]) -> list[str]:
    return [values] if isinstance(values, str) else values


@dataclass
class Facts:
    """What one sentence says about an agreement (or what its sentences say, merged), and where
    each value was read."""

    status: str | None = None
    signatories: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    date: str | None = None
    signed_by: bool = False  # signatories read from "signed by A and B"
    dated_signing: bool = False  # the date read inside "signed on Monday, 9 March, by": the signing's own
    between: bool = False  # parties read from "between P and Q"
    # (fact, value) -> the sentence the value was read from; kept apart from the values, which the
    # merging and sharing code replaces as lists
    read_at: dict[tuple[str, str], Range] = field(default_factory=dict, repr=False, compare=False)

    def note(self, fact: str, values: str | list[str], at: Range) -> None:
        """Record that the value(s) of fact were read in the sentence at; a value read before keeps its first sentence."""
        for value in _each(values):
            self.read_at.setdefault((fact, value), at)

    def take(self, fact: str, source: "Facts") -> None:
        """Take source's value(s) of fact (a copy of the list, for signatories and parties), with
        where source read them."""
        value = getattr(source, fact)
        setattr(self, fact, value if isinstance(value, str) else list(value))
        for one in _each(value):
            self.read_at.setdefault((fact, one), source.read_at[fact, one])

    @property
    def evidence(self) -> dict:
        """Where each fact was read, as span._.evidence holds it: a sentence range per signatory and
        party, one for the date and the status (None when there is none)."""
        at = self.read_at
        found = {fact: {value: at[fact, value] for value in getattr(self, fact)} for fact in SEVERAL}
        found["date"] = at[("date", self.date)] if self.date else None
        found["status"] = at[("status", self.status)] if self.status else None
        return found


def _verbs(text: str, verbs: re.Pattern, start: int, end: int) -> list[re.Match]:
    """Matches of a pattern of verbs (over lowered() text) in text[start:end], written in lower case
    (so "United States" is no "states")."""
    return [m for m in verbs.finditer(lowered(text), start, end) if text[m.start()].islower()]


def places_in(text: str, start: int, end: int, taken: list[Entity]) -> list[Entity]:
    """Party names in text[start:end] that no other entity covers, neither possessive modifiers
    ("Peru's National Water Authority") nor locations ("in India")."""
    found = []
    for match in party_pattern().finditer(text, start, end):
        if any(e.start < match.end() and match.start() < e.end for e in taken):
            continue
        possessive = text.startswith(("'s", "’s"), match.end()) and not _ITS_GOVERNMENT.match(text, match.end())
        if possessive or LOCATIVE.search(lowered(text), max(start, match.start() - 40), match.start()):
            continue  # "Peru's National Water Authority" is the party, "Peru's government" Peru
        if TITLE_COMPLEMENT.search(text, max(start, match.start() - 40), match.start()) or group_noun_after().match(text, match.end(), end):
            continue  # "Public Broadcaster of Peru", "US companies": the name describes someone else
        found.append(Entity(match.start(), match.end(), match.group()))
    return found


def groups_in(text: str, start: int, end: int, taken: list[Entity]) -> list[Entity]:
    """Parties named as a group, not by name ("other countries", "overseas operators"), that no
    entity covers, each as written."""
    return [Entity(m.start(), m.end(), text[m.start():m.end()]) for m in group_pattern().finditer(lowered(text), start, end)
            if text[m.start()].islower() and not any(e.start < m.end() and m.start() < e.end for e in taken)]


def _inside(entities: list[Entity], start: int, end: int) -> list[Entity]:
    return [e for e in entities if start <= e.start and e.end <= end]


def _unique(names) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def _distance(a: Range, b: Range) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def _coordinated(text: str, first: Range, second: Range, others: list[Range]) -> bool:
    """Whether two mentions are named together: only "and", commas and other mentions named so
    stand between them ("the A, the B and the C were signed")."""
    left, right = sorted((first, second))
    position = min(left[1], right[0])
    for other in sorted(o for o in others if left[1] <= o[0] and o[1] <= right[0]):
        if not COORDINATED.fullmatch(text, position, other[0]):
            return False
        position = other[1]
    return bool(COORDINATED.fullmatch(text, position, right[0]) or COMPLEMENT_AND.fullmatch(text, position, right[0]))


def stands_elsewhere(text: str, found: Range, start: int, end: int, others: list[Range]) -> bool:
    """Whether a word or date at found stands nearer another agreement of the sentence, not one named
    together with this one: "the deal will help the Commitment signed in March" dates the Commitment."""
    distance = _distance(found, (start, end))
    return any(_distance(found, other) < distance and not _coordinated(text, (start, end), other, others)
               for other in others)


def _other_clause(text: str, found: Range, start: int, end: int, others: list[Range]) -> bool:
    """Whether a status word belongs to another agreement in a clause of its own: "has an FTA with P
    but seeks to sign deals with Q" (not "an MoU was signed on X and a letter …", which shares it)."""
    between = (end, found[0]) if end <= found[0] else (found[1], start)
    return bool(CLAUSE_BREAK.search(lowered(text), *between)) and stands_elsewhere(text, found, start, end, others)


def status_near(text: str, bounds: tuple[int, int], start: int, end: int, others: list[Range] = ()) -> str | None:
    """The status named by the status word nearest the mention in its sentence, skipping those of
    another agreement's clause ("signed an MoU but seeks to sign a treaty")."""
    best = None
    low = lowered(text)
    prospective = [m.span() for m in prospective_pattern().finditer(low, *bounds)
                   if not _other_clause(text, m.span(), start, end, others) and not _result(low, bounds[0], m)]
    for match in status_pattern().finditer(low, *bounds):
        if start <= match.start() and match.end() <= end:
            continue  # "letter of intent" says nothing of its own status
        if any(s <= match.start() and match.end() <= e for s, e in prospective):
            continue  # "to sign" is still to come
        if _other_clause(text, match.span(), start, end, others):
            continue
        distance = max(start - match.end(), match.start() - end, 0)
        index = next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)
        if best is None or distance < best[0]:
            best = (distance, statuses()[index])
    for match_start, match_end in prospective:
        distance = max(start - match_end, match_start - end, 0)
        if best is None or distance < best[0]:
            best = (distance, "proposed")
    return best[1] if best else None


def _result(low: str, sentence_start: int, prospective: re.Match) -> bool:
    """Whether "to win" says what a rival's defeat achieved, not a plan ("beat Beta to win a contract")."""
    return prospective.group().startswith("to") and phrase_pattern("result_verb").search(
        low, max(sentence_start, prospective.start() - 80), prospective.start()) is not None


def subject_start(text: str, bounds: tuple[int, int], verb_start: int) -> int:
    """Where the subject of a signing verb begins: after a reporting verb ("X said A and B signed")
    or after the clause of a witness phrase ("In the presence of X, A and B signed")."""
    start = bounds[0]
    for match in _verbs(text, reporting_pattern(), bounds[0], verb_start):
        start = max(start, match.end())
    for match in phrase_pattern("signatory_cut").finditer(lowered(text), bounds[0], verb_start):
        comma = text.find(",", match.end(), verb_start)
        start = max(start, comma + 1 if comma >= 0 else match.end())
    for match in SIGNING_CLAUSE.finditer(lowered(text), start, verb_start):
        start = match.end()  # "X witnessed the signing, while A and B signed", "X looked on as A signed"
    return start


def _clause_start(low: str, start: int, verb_start: int) -> int:
    """Where the clause of a verb begins: after the last "that", "where", "although" … before it that
    has a subject of its own ("who has signed" has none, and "which have long worked together,"
    is a clause closed before the verb)."""
    for match in reversed(list(SUBJECT_CLAUSE.finditer(low, start, verb_start))):
        rest = low[match.end():verb_start]
        if "," not in rest and not AUXILIARIES.fullmatch(rest):
            return match.end()
    return start


def _the_two(cue: str) -> str:
    """ "the two companies (have)", "both ministers": the two of a cue's plural nouns, before a verb."""
    return (rf"(?:the\s+two|both)\s+(?:[a-z-]+\s+)?(?:{'|'.join(sorted(cue_words(cue)))})"
            rf"(?:\s+(?:have|has|had|also|jointly|formally|today|now|recently|just|then))*\s*")


@from_rules
def _both_sides() -> re.Pattern:
    """ "the two companies signed": a subject of the two parties named before."""
    return compile_latin(rf"\s*{_WHEN_BEFORE}(?:that\s+)?{_the_two('sides_noun')}")


@from_rules
def _both_signers() -> re.Pattern:
    """ "(After the talks,) the two ministers (have) signed": searched for right before the verb."""
    return compile_latin(rf"(?<![\w-]){_the_two('signers_noun')}$")


@from_rules
def _both_signers_after() -> re.Pattern:
    """ "(signed by) the two co-chairs", matched right after "by"."""
    return compile_latin(rf"\s+{_the_two('signers_noun')}")


def _last_distinct(entities: list[Entity], count: int) -> list[Entity]:
    """The last count entities of distinct names, in text order; [] if there are fewer."""
    chosen: list[Entity] = []
    for entity in reversed(entities):
        if entity.name not in {e.name for e in chosen} and not entity.name[:1].islower():
            chosen.insert(0, entity)
        if len(chosen) == count:
            return chosen
    return []


def _antecedent(text: str, named: list[Entity], plural: bool) -> list[Entity]:
    """Who a pronoun or "the company" stands for: the last party named before it, and for "they"
    those joined to it ("Alpha and Beta said they had signed")."""
    chosen = named[-1:]
    if plural:
        for entity in reversed(named[:-1]):
            if not PARTY_GAP.fullmatch(text, entity.end, chosen[0].start):
                break
            chosen.insert(0, entity)
    return chosen


@from_rules
def _definite_party() -> re.Pattern:
    """ "the company has", "the South Korean firm has failed to": a party named before, as the subject."""
    return compile_latin(rf"\s*{_WHEN_BEFORE}the\s+(?:[\w-]+\s+){{0,3}}(?P<noun>{'|'.join(sorted(cue_words('party_noun')))})\b(?:\s+[a-z]+){{0,3}}\s*", re.I)


@lru_cache(maxsize=64)  # a few party nouns, asked for again and again
def _descriptions(noun: str) -> tuple[re.Pattern, re.Pattern]:
    """The noun right before a name ("budget airline Skyvia"), and in an apposition after one ("Skyvia, a low-cost airline")."""
    return (compile_latin(rf"\b{re.escape(noun)}\s+(?:the\s+)?$", re.I),
            compile_latin(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}{re.escape(noun)}\b", re.I))


def described_before(text: str, earlier: list[Entity], noun: str) -> Entity | None:
    """The last of the earlier entities that the text describes with noun ("budget airline Skyvia",
    "Skyvia, a low-cost airline"): the one "the airline" of a later sentence stands for."""
    before, after = _descriptions(noun)
    for entity in reversed(earlier):
        if before.search(text, max(0, entity.start - len(noun) - 6), entity.start) or after.match(text, entity.end):
            return entity
    return None


def _first_after_with(text: str, entities: list[Entity], end: int, limit: int, word: re.Pattern = WITH) -> list[Entity]:
    """The other side after "with" (or another word): the first entity there, and those joined to
    it by "and" ("with local banks and regional lenders")."""
    match = word.search(lowered(text), end, min(limit, end + WITH_REACH))
    if not match:
        return []
    following = [e for e in entities if match.end() <= e.start < limit and e.start - match.end() <= WITH_REACH]
    # the other side follows "with" in the same phrase: "with Beta, whiles Ms Roe signed …" is not Roe
    first = [e for e in following[:1] if not re.search(r"[,;:]", text[match.end():e.start])]
    if not first:
        return []
    joined = first
    for entity in following[1:]:
        if not LAST_MEMBER_GAP.fullmatch(text, joined[-1].end, entity.start):
            break
        joined.append(entity)
    return joined


def _with_signers(text: str, people: list[Entity], end: int, limit: int) -> list[Entity]:
    """The people after "with" who signed with the subject: not "with A and B looking on"."""
    joined = _first_after_with(text, people, end, limit)
    if joined:
        clause_end = CLAUSE_PUNCTUATION.search(text, joined[-1].end, limit)
        if phrase_pattern("onlooker").search(lowered(text), joined[-1].end, clause_end.start() if clause_end else limit):
            return []
    return joined


def _unnamed_member(text: str, after: int, limit: int, taken: list[Entity]) -> Entity | None:
    """A name that no entity covers as the last member of a "between" list ("… and the State of
    Nordia"): capitalised words, not a month, a title or a word that starts any sentence."""
    gap = LAST_MEMBER_GAP.match(text, after, limit)
    name = gap and NAME_PHRASE.match(text, gap.end(), limit)
    if not name or any(e.start < name.end() and name.start() < e.end for e in taken):
        return None
    words = name.group().split()
    if words[0] in calendar_words() or words[0] in common_capitalised() or words[0].lower() in role_words() \
            or words[-1] in ("of", "and", "&"):
        return None
    return Entity(name.start(), name.end(), name.group())


def _between(text: str, entities: list[Entity], position: int, limit: int, taken: list[Entity] = ()) -> list[Entity]:
    """The entities joined by "and" or commas right after "between", and a last member that no
    entity names (taken are all the entities of the sentence, people too)."""
    chosen: list[Entity] = []
    for entity in (e for e in entities if position <= e.start < limit):
        gap = text[chosen[-1].end if chosen else position:entity.start]
        if chosen and not PARTY_GAP.fullmatch(gap) or not chosen and len(gap.split()) > 2:
            break
        chosen.append(entity)
    if chosen and (last := _unnamed_member(text, chosen[-1].end, limit, list(taken) + list(entities))):
        chosen.append(last)
    return chosen


NOMINAL = compile_latin(r"\b(?:the|a|an|this|that|its|their|his|her|of)\s+$")


def _nominal(low: str, start: int, verb_start: int) -> bool:
    """Whether a signing word is a noun ("witnessed the signing of the accord"): its subject signed nothing."""
    return bool(NOMINAL.search(low, max(start, verb_start - 8), verb_start))


_ON_BEHALF = compile_latin(r"\bon\s+behalf\s+of\s+(?:the\s+)?$")
# "…, neither of whom signed the document", "who did not sign": witnesses, not signatories
_NEGATED = compile_latin(r"\b(?:neither|nor|not|never|none)\b|n['’]t\b")


_AND = compile_latin(r"\band\b")


def _signed_by_across_names(low: str, parties: list[Entity], start: int, end: int) -> re.Match | None:
    """ "signed at the Ministry of Energy and Power Infrastructure in Accra by": a signing's "by" after
    a gap whose every "and" is inside a name (parties: the organisations and places of the sentence)."""
    if " and " not in low[start:end]:
        return None  # (most sentences: no second scan)
    found = signed_by_across_names_pattern().search(low, start, end)
    if found is None or " and " not in found.group():
        return None
    ands = [m.start() for m in _AND.finditer(low, found.start(), found.end())]
    return found if all(any(p.start < a < p.end for p in parties) for a in ands) else None


def signed_passively(low: str, end: int, limit: int | None = None) -> re.Match | None:
    """The signing verb of a past passive right after a mention ("… was signed", "… were formally
    inked"), in lowered() text; None without one."""
    passive = _PASSIVE_SIGNED.match(low, end, len(low) if limit is None else limit)
    return signer_pattern().match(low, passive.end()) if passive else None


def read_facts(text: str, bounds: tuple[int, int], start: int, end: int, people: list[Entity],
               parties: list[Entity], dates: list[Entity], others: list[tuple[int, int]] = (),
               titled: Callable[[int, int], list[str]] | None = None, head_start: int | None = None,
               described: Callable[[str], Entity | None] | None = None, named_before: list[Entity] = (),
               people_before: list[Entity] = ()) -> Facts:
    """Status, signatories, parties and date of the agreement mentioned at [start, end) in its
    sentence; others are the mentions of other agreements there, which keep what follows them;
    titled(start, end) names the people that titles written there stand for ("the Vice-Chancellor of X");
    head_start is where its head word begins, after the modifiers that may name a party;
    described(noun) is the party an earlier sentence describes with noun (described_before);
    named_before, the organisations named shortly before the sentence (whom its "it" may stand for);
    people_before, the people named shortly before it (whom its "the two ministers" may stand for)."""
    low = lowered(text)
    facts = Facts(status=status_near(text, bounds, start, end, others))
    if _ENDED_BEFORE.search(low, max(bounds[0], start - 50), start):
        facts.status = "terminated"  # "it ended a $20 million distribution agreement": the agreement is what ended
    people = _inside(people, *bounds)
    parties = _inside(parties, *bounds)
    signed_by = signed_by_pattern().search(low, start, bounds[1]) or _signed_by_across_names(low, parties, start, bounds[1])
    # "Signed in Beijing by A and B, the agreement …": a sentence that opens with its signers
    opening = signed_by_pattern().match(low, bounds[0] + len(low[bounds[0]:start]) - len(low[bounds[0]:start].lstrip(" \t\n\"“‘'")), start)
    before = None if signed_by else opening
    verb = next(reversed(_verbs(text, signing_pattern(), bounds[0], start)), None)
    if verb is None:  # "A and B will form a joint venture": the verb that makes it names its makers
        verb = formed_before().search(low, max(bounds[0], start - 40), start)
        if verb and _PLANNED.search(low, max(bounds[0], verb.start() - 12), verb.start()):
            facts.status = "proposed"  # and a modal before it says it is still to come
    signers_end = None  # where the "signed by" list ends
    if signed_by:
        cut = phrase_pattern("signatory_cut").search(low, signed_by.end(), bounds[1])
        signers_end = cut.start() if cut else bounds[1]
        # not "Reed" of "by Ana Lima and Reed's predecessor, Marta Silva": the one whose someone signed
        facts.signatories = [p.name for p in _inside(people, signed_by.end(), signers_end)
                             if not text.startswith(("'s", "’s"), p.end)]
        if not facts.signatories and titled:
            facts.signatories = titled(signed_by.end(), signers_end)
        if not facts.signatories and _both_signers_after().match(low, signed_by.end(), signers_end):
            # "signed by the two co-chairs": the last two people named before
            facts.signatories = [p.name for p in _last_distinct(list(people_before) + _inside(people, bounds[0], start), 2)]
        facts.signed_by = bool(facts.signatories)
    elif before:
        facts.signatories = [p.name for p in _inside(people, before.end(), start)]
        facts.signed_by = bool(facts.signatories)
    else:
        signer = next(reversed(_verbs(text, signer_pattern(), bounds[0], start)), None)
        if signer and not _nominal(low, bounds[0], signer.start()) and not _NEGATED.search(
                low, subject_start(text, bounds, signer.start()), signer.start()):
            # "… in Nairobi, where ministers signed": the clause of the verb has a subject of its own
            subject = _clause_start(low, subject_start(text, bounds, signer.start()), signer.start())
            facts.signatories = [p.name for p in _inside(people, subject, signer.start())]
            if not facts.signatories and titled:
                facts.signatories = titled(subject, signer.start())  # "the State Secretary and Secretary Defence signed"
            if not facts.signatories and _both_signers().search(low, subject, signer.start()):
                # "the two ministers signed": the last two people named before
                facts.signatories = [p.name for p in _last_distinct(list(people_before) + _inside(people, bounds[0], subject), 2)]
            facts.signatories += [p.name for p in _with_signers(text, people, end, bounds[1])]
            if ADVERBIAL_SIGNING.fullmatch(low, bounds[0], signer.start()):
                # "While signing the deal with B, Minister A said …": A, the main clause's subject
                comma = text.find(",", end, bounds[1])
                main = [p for p in _inside(people, comma, bounds[1]) if comma >= 0]
                facts.signatories += [p.name for p in main[:1]]
    if signed_by or before:
        verb = None  # the parties come from "between" or the rest of the sentence, not a subject
    # "an MoU on X and a Letter of Arrangement between P and Q": that "between" is the other one's
    after = min([s for s, _ in others if end <= s < bounds[1]] + [bounds[1]])
    between = BETWEEN.search(low, start, after) or next(reversed(list(BETWEEN.finditer(low, bounds[0], start))), None)
    if between and between.start() > end and OTHER_CLAUSE.search(low, end, between.start()):
        between = None  # "… signed on Monday, in what the partners called the first link between A and B"
    if between:
        facts.parties = [p.name for p in _between(text, parties, between.end(), bounds[1], people)]
        if not facts.parties and TWO_COUNTRIES.match(low, between.end()) \
                and not any(p.name[:1].isupper() for p in _inside(parties, bounds[0], start)):
            # "between the two countries", in a sentence that names no side before: the last two countries named
            # (not the country in an organisation's name named before: "the Ghana Revenue Authority")
            named = places_in(text, max(0, bounds[0] - COUNTRIES_REACH), between.start(),
                              list(people) + list(parties) + list(named_before))
            facts.parties = [c.name for c in _last_distinct(named, 2)]
        facts.between = bool(facts.parties)
    if signed_by and not facts.between:
        # "signed by the Ministry of Finance and Orvana", "by Ana Ruiz on behalf of Orvana": the sides that signed;
        # "signed on behalf of the NPA by A": a side named before "by"
        sides = [p for p in _inside(parties, signed_by.start(), signers_end)
                 if _ON_BEHALF.search(low, max(signed_by.start(), p.start - 20), p.start)]
        facts.parties = [p.name for p in _inside(parties, signed_by.start(), signers_end)
                         if p in sides or p.start >= signed_by.end()]
        facts.between = len(sides) > 1  # "on behalf of P by A, and on behalf of Q by B": the sides, outright
    have = None if signed_by or before else HAVE.search(low, max(bounds[0], start - 40), start)
    if have and (verb is None or verb.start() < have.start()):
        verb = have
    relative = None if facts.between else _relative_maker(text, parties, end, bounds[1]) or (
        None if verb else _under_which_maker(text, parties, end, bounds[1]))  # a subject that signs or makes it comes first
    if relative:
        facts.parties = [p.name for p in relative[0]] + [p.name for p in _first_after_with(text, parties, relative[1], bounds[1])]
    elif verb and not facts.between:  # "worth between 7 and 9 billion" names no parties
        subject_from = _clause_start(low, subject_start(text, bounds, verb.start()), verb.start())
        subject = _inside(parties, subject_from, verb.start()) or _nationalities(text, subject_from, verb.start())
        if not subject and _both_sides().fullmatch(low, subject_from, verb.start()):
            # "the two companies signed": the last two named before, in this sentence or the ones before
            earlier = sorted(list(named_before) + _inside(parties, bounds[0], subject_from), key=lambda e: e.start)
            subject = _last_distinct(earlier, 2)
        definite = None if subject else _definite_party().fullmatch(low, subject_from, verb.start())
        if not subject and (definite or SUBJECT_PRONOUN.fullmatch(text[subject_from:verb.start()])):
            # "Orvana said it has signed …", "…, where the country signed": the one named before is the party
            plural = PLURAL_PRONOUN.match(text, subject_from) is not None
            subject = _antecedent(text, [p for p in _inside(parties, bounds[0], subject_from) if not p.name[:1].islower()], plural)
            if not subject and not definite and not plural:
                # "KASA, set up in 2024, has ties with ESA. In January it signed a deal with X": the sentence
                # before's subject, the organisation it names first
                previous = max(text.rfind(". ", 0, bounds[0] - 2), text.rfind("\n", 0, bounds[0] - 1)) + 1
                subject = [p for p in named_before if p.start >= previous and not p.name[:1].islower()][:1]
            if not subject and definite and described:
                # "Budget airline Skyvia … The low-cost airline has signed": named in an earlier sentence
                subject = [e for e in [described(definite.group("noun"))] if e is not None]
        facts.parties = [p.name for p in subject[-3:]]
        facts.parties += [p.name for p in _first_after_with(text, parties, end, bounds[1])]
        facts.parties += _contract_giver(text, low, verb, parties, start, end, bounds[1])
    elif not facts.between and (owner := _possessor(text, low, parties, bounds[0], start)) is not None:
        facts.parties = owner + [p.name for p in _first_after_with(text, parties, end, bounds[1])]
    if facts.parties and not facts.between:
        facts.parties += _sale_counterparty(text, low, parties, end, bounds[1])
    if head_start is not None:
        facts.parties += [p.name for p in _inside(parties, start, head_start)]  # "a Kestrel Dynamics contract"
        if _lent().search(low, head_start, end) and (lender := LENDER.match(low, end, bounds[1])):
            facts.parties += [p.name for p in parties if p.start == lender.end()]  # "a loan from the IFC"
    for pair in HYPHENATED_PAIR.finditer(text, start, end):
        named = [n for n in pair.groups() if n in party_names() or n.replace(".", "").isupper()]
        if len(named) == 1 and all(n in named or n in places() for n in pair.groups()):
            named = list(pair.groups())  # "Chile-Ontario Trade": a country and a state of another
        if len(named) == 2:
            facts.parties += named
    if not facts.signatories and (relative := RELATIVE_OBJECT.match(text, end, bounds[1])):
        # "The deal, which A and B signed on Monday, covers ports": the relative clause's subject signed it
        verb = signer_pattern().search(low, relative.end(), min(bounds[1], relative.end() + 120))
        if verb and text[verb.start()].islower():
            facts.signatories = [p.name for p in _inside(people, relative.end(), verb.start())]
    facts.signatories = _unique(facts.signatories)
    facts.parties = _unique(facts.parties)
    facts.date = date_near(text, bounds, start, dates)
    if signed_by and (inside := _inside(dates, *signed_by.span())):
        facts.date, facts.dated_signing = inside[0].name, True
    elif (signing := signed_passively(low, end, bounds[1])) \
            and (own_day := [d for d in dates if signing.end() <= d.start < _PASSIVE_DATE_GAP.match(low, signing.end(), bounds[1]).end()]):
        facts.date, facts.dated_signing = own_day[0].name, True  # the signing's own day, whatever "today announced" said
    if not facts.dated_signing and (premodifier := next((d for d in dates if d.end < start and not text[d.end:start].strip(" \t")
                                                         or start <= d.start and d.end <= (start if head_start is None else head_start)), None)):
        facts.date, facts.dated_signing = premodifier.name, True  # "the 2019 Protocol": the year it was made
    own = _OWN_SIGNING.match(text, end, bounds[1])
    if own and signer_pattern().search(lowered(own.group())) and not _PLANNED.search(own.group()):
        # "builds on an agreement that the two coast guards signed on 14 May 2024": its own clause says it
        # was signed, and when, whatever the sentence says of other things ("the talks"); "ended a deal,
        # signed in 2019,": when, of one since ended
        own_date = date_near(text, (own.start(), own.end()), own.start(), dates)
        if further("signed", facts.status):
            facts.status = "signed"
        elif own_date is not None:
            facts.dated_signing = True  # the signing's day, whatever became of it since
        facts.date = own_date or facts.date
    for fact in SEVERAL + ("date", "status"):
        if value := getattr(facts, fact):
            facts.note(fact, value, bounds)
    return facts


@from_rules
def _lent() -> re.Pattern:
    """A loan's head word (agreement_words.txt, kind "loan") closing the text searched."""
    heads = sorted((w for w, h in head_words().items() if h.kind == "loan"), key=len, reverse=True)
    alternation = "|".join(r"[ \t]+".join(map(re.escape, h.split())) for h in heads)
    return compile_latin(rf"\b(?:{alternation})s?$")


def _contract_giver(text: str, low: str, verb: re.Match, parties: list[Entity], start: int, end: int,
                    limit: int) -> list[str]:
    """The side that gives what the subject wins: "P awarded Q a contract" (Q), "Q won a contract
    from P", "Q was awarded a contract by P" (P)."""
    word = low[verb.start():verb.end()]
    passive = PASSIVE.search(low, max(0, verb.start() - 20), verb.start()) is not None
    giving = word in signing_verbs(act="awards")
    if giving and not passive:
        gap = [p for p in parties if verb.end() <= p.start and p.end <= start]
        return [p.name for p in gap[:1] if re.fullmatch(r"\s+(?:the\s+)?", text[verb.end():p.start])]
    if word in signing_verbs(act="wins") or giving and passive:
        return [p.name for p in _first_after_with(text, parties, end, limit, GIVER)]
    return []


def _sale_counterparty(text: str, low: str, parties: list[Entity], end: int, limit: int) -> list[str]:
    """The other side of what an agreement sells or buys: the buyer ("to sell its unit to Q"), the
    seller ("to buy a stake from Q"), the maker or the company bought ("to buy 40 Q jets", "to
    acquire Q")."""
    for party in (p for p in parties if end < p.start < limit):
        if TRANSFER.fullmatch(low, end, party.start):
            return [party.name]
        if party.start - end > 140:
            break
    return []


def party_of_adjective(text: str, word: str) -> str | None:
    """The party the text names that a nationality adjective stands for: the one sharing its longest
    beginning, four letters or more ("Kazakh" Kazakhstan, "Turkish" Türkiye, "Jordanian" Jordan)."""
    best, length = None, 3
    for party in _parties_named(text):
        shared = shared_beginning(word, party)
        if shared > length or shared == length and best is not None and len(party) < len(best):
            best, length = party, shared
    return best if length > 3 else None


@from_rules(maxsize=8)  # asked once for each adjective of an article
def _parties_named(text: str) -> frozenset[str]:
    """The party names the text writes."""
    return frozenset(m.group() for m in party_pattern().finditer(text))


def _nationalities(text: str, start: int, end: int) -> list[Entity]:
    """The parties that two nationality adjectives or more of a subject stand for ("Czech and Jordanian
    officials"), each where its adjective is written; [] if fewer."""
    found = []
    for match in _CAPITALISED.finditer(text, start, end):
        word = match.group()
        if word in places() and word not in party_names() and (party := party_of_adjective(text, word)):
            found.append(Entity(match.start(), match.end(), party))
    return found if len({e.name for e in found}) >= 2 else []


_CAPITALISED = compile_latin(r"(?<![\w-])[A-Z][\w-]+")


def _relative_maker(text: str, parties: list[Entity], end: int, limit: int) -> tuple[list[Entity], int] | None:
    """The subject of a relative clause right after the mention that made it ("the deal (that)
    Orvana struck with …", "the MoU that Chile and Peru signed"), and where its verb ends."""
    after = [p for p in parties if end <= p.start < limit]
    if not after:
        return None
    gap = RELATIVE_GAP.fullmatch(text, end, after[0].start)
    word = gap and gap.group(1)
    if gap is None or word and word.lower() in cue_words("not_modifier") | cue_words("tail_stop"):
        return None  # "the deal with Orvana signed in May": Orvana is no subject
    subject = after[:1]
    for party in after[1:]:
        if not _SUBJECT_AND.fullmatch(text, subject[-1].end, party.start):
            break
        subject.append(party)
    verb = RELATIVE_VERB.match(lowered(text), subject[-1].end, limit)
    if verb is None or not signing_pattern().fullmatch(lowered(text), verb.start(1), verb.end()):
        return None
    return subject, verb.end()


_SUBJECT_AND = compile_latin(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?|\s*,\s*")
_UNDER_WHICH = compile_latin(r"[ \t]*,?[ \t]+under[ \t]+which[ \t]+(?:the[ \t]+)?")


def _under_which_maker(text: str, parties: list[Entity], end: int, limit: int) -> tuple[list[Entity], int] | None:
    """ "a joint venture agreement under which Hanro Chemical will build a plant with …": the
    subject of the clause that sets out its terms makes it (with the side after "with"), and where it ends."""
    clause = _UNDER_WHICH.match(text, end, limit)
    first = next((p for p in parties if clause and p.start == clause.end()), None)
    if first is None:
        return None
    subject = [first]
    for party in parties:
        if party.start > subject[-1].end and _SUBJECT_AND.fullmatch(text, subject[-1].end, party.start):
            subject.append(party)
    return subject, subject[-1].end


@from_rules
def _whose() -> re.Pattern:
    """ "Orvana (ORV), whose $60 million loan agreement with …": "whose" and an amount before a
    mention (the quantity cue words), the name before it the agreement's maker."""
    amount = rf"[{CURRENCY_SIGNS}A-Z]{{0,3}}\d[\d.,]*\w*|{'|'.join(map(re.escape, sorted(cue_words('quantity'))))}"
    return compile_latin(rf"\)?,[ \t]+whose[ \t]+(?:(?:{amount})[ \t]+){{0,4}}$")


def _possessor(text: str, low: str, parties: list[Entity], start: int, mention_start: int) -> list[str] | None:
    """The party that a possessive before the mention names ("Orvana's deal with …" → ["Orvana"]),
    [] for a possessive pronoun ("its deal with …"), None when the mention is not possessed."""
    if POSSESSIVE_PRONOUN.search(low, max(start, mention_start - 8), mention_start):
        return []
    apostrophe = POSSESSOR.search(text, max(start, mention_start - 4), mention_start)
    whose = None if apostrophe else _whose().search(text, max(start, mention_start - 80), mention_start)
    if apostrophe is None and whose is None:
        return None
    at = apostrophe.start() if apostrophe else whose.start()  # "the Lakeside Bank (LB), whose loan agreement with …"
    named = [p.name for p in parties if p.end == at]
    named += [m.group() for m in party_pattern().finditer(text, max(start, at - 40), at) if m.end() == at]
    return named[:1]


_DATELINE_BEFORE = compile_latin(r"(?:^|\n)[ \t]*[A-Z][A-Z .'’/-]+,[ \t]*$")
_DATELINE_AFTER = compile_latin(r"[ \t]*(?:\([^()\n]{1,60}\)[ \t]*)?[-–—:]")


def _in_dateline(text: str, date: Entity) -> bool:
    """Whether a date is the one of a dateline ("BANGKOK, Sept 18 (Wire) - ") or of the "date
    YYYY-MM-DD" header: the day of the report."""
    if date.start == len("date ") and text.startswith("date "):
        return True
    return bool(_DATELINE_BEFORE.search(text, max(0, date.start - 40), date.start)) and bool(
        _DATELINE_AFTER.match(text, date.end))


def date_near(text: str, bounds: tuple[int, int], start: int, dates: list[Entity]) -> str | None:
    """The value of the date nearest the mention, skipping dates that only say when something was said."""
    candidates = []
    for date in _inside(dates, *bounds):
        if not (_verbs(text, reporting_pattern(), max(bounds[0], date.start - 12), date.start)
                or _verbs(text, reporting_pattern(), date.end, min(bounds[1], date.end + 12))
                or _in_dateline(text, date)):
            candidates.append(date)
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs(d.start - start)).name
