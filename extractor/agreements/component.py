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
from .facts import (PRONOUN_REACH, SIGNERS_REACH, Entity, Facts, date_near, described_before, groups_in, party_of_adjective, places_in, read_facts, signed_passively, stands_elsewhere,
                    subject_start)
from ..output.invariants import TIMEML_REFERENCES
from .lexicon import (cue_words, first_head, further, general_kinds, head_words, lowered, party_names, phrase_pattern,
                      reference_kinds, relation_kinds, signed_by_pattern, signed_pattern, signed_verb_matches)
from .mentions import (ACRONYM, DEFINITE_NAME, HEADLINE, INTRO, LASTING, NAME_BACK, REFERENCE, REMENTION, SET, YEAR, Mention,
                       counts, find_mentions)
from ..common.component import RuleComponent
from ..common.lexicon import LEXICON_FILES, calendar_words, places
from ..common.text import ORDINAL_WORDS, headline_bounds, line_bounds
from ..common.regex import compile_latin, trie
from ..common.rules import data_files, from_rules
from ..common.doc_data import add_span, doc_text, span_ranges, span_value, span_values

SIGNED_FOR = r"(?:(?:it|them)\s+)?(?:for|on\s+behalf\s+of)"  # "A signed for X", "B initialled it on behalf of Y" (after signed_pattern's verb)
# "Signing for the buyers were A and B": a sentence that opens on the signing and ends on who signed
SIGNING_FOR = compile_latin(r"(?:^|(?<=\n)|(?<=[.!?][ \t]))(?:Also[ \t]+)?[Ss]igning[ \t]+" + SIGNED_FOR
                            + r"\b[^\n]{0,160}?[ \t](?:were|was)[ \t]")
SIGNED_IT = r"(?:it|them)(?![\w-])"  # "… agreed a deal. A and B signed it in Accra" (after signed_pattern's verb)
# stages whose sentence dates the agreement, the signing first: "signed in March 2025, ratified on Tuesday"
# is dated March 2025; an announcement last ("struck on Saturday, … not announced until Tuesday")
REACHED = {"signed": 0, "agreed": 1, "ratified": 1, "announced": 2}
SIGNED_FOR_REACH = 500  # characters after an agreement's last mention in which "A signed for X" is about it
SET_MEMBER_REACH = 2000  # characters after a set's last mention before it in which an agreement named is one of its members


@dataclass
class Agreement:
    """One agreement: the mentions that name it, the references to it, and the facts read about it."""

    mentions: list[Mention] = field(default_factory=list)
    references: list[Mention] = field(default_factory=list)
    facts: Facts = field(default_factory=Facts)
    is_set: bool = False  # "two MoUs": the agreements a plural names, as one item

    @property
    def start(self) -> int:
        """Where the agreement is first named."""
        return self.mentions[0].start

    @property
    def kind(self) -> str:
        """The kind of its first mention."""
        return self.mentions[0].kind

    def named_as(self, kind: str) -> bool:
        """Whether one of its names is of that kind ("sign mining pact" … "a memorandum of understanding")."""
        return any(m.kind == kind for m in self.mentions)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _antecedent(agreements: list[Agreement], mention: Mention) -> Agreement | None:
    """The latest agreement named before a reference of this kind, or of any kind for "the deal";
    a singular reference looks past sets ("two MoUs … the deal" is no set)."""
    if mention.kind in reference_kinds():
        # "these documents" are the set named last, or the agreement; "the document" the agreement,
        # not the joint venture it is to form ("a letter of intent to form a joint venture. The document …")
        candidates = [a for a in agreements if a.start < mention.start and a.kind not in relation_kinds()]
        sets = [a for a in candidates if a.is_set]
        singles = [a for a in candidates if not a.is_set]
        chosen = (sets or singles) if mention.plural else singles
        return max(chosen, key=lambda a: a.start) if chosen else None
    earlier = [a for a in agreements if a.start < mention.start and not a.is_set]
    same_kind = [a for a in earlier if a.named_as(mention.kind)]
    if same_kind:
        return max(same_kind, key=lambda a: a.start)
    return max(earlier, key=lambda a: a.start) if earlier and mention.kind in general_kinds() else None


def _distinct(text: str, mention: Mention) -> bool:
    """Whether the mention says it is one more of its kind ("another MoU", "a separate deal")."""
    first = text[mention.start:mention.head_start].split()[:1]
    return mention.determiner in cue_words("distinct") or bool(first) and first[0].lower() in cue_words("distinct")


def _core(text: str, mention: Mention) -> list[str]:
    """The words from the first modifier to the head ("preliminary supply agreement")."""
    return _fold(text[mention.start:mention.head_end]).split()


def _topic(text: str, mention: Mention) -> str:
    """What follows the head ("on the supply of 30 patrol boats"), folded."""
    return _fold(text[mention.head_end:mention.end])


def _same_name(text: str, agreement: Agreement, mention: Mention) -> bool:
    """Whether an agreement already goes by this name, or by one that ends or is ended by it in two
    words or more with the same topic or none ("preliminary supply agreement" … "supply agreement",
    "Framework Accord" … "Framework Accord for the Promotion of Fisheries")."""
    words, topic = _core(text, mention), _topic(text, mention)
    if len(words) == 1 and not topic and mention.determiner in ("a", "an") and mention.kind in general_kinds():
        return False  # "signed a $12.8bn deal": a bare "a deal" is one more, however many were named
    for other in agreement.mentions:
        if other.role == ACRONYM or other.kind != mention.kind:
            continue
        if _fold(text[other.start:other.end]) == _fold(text[mention.start:mention.end]):
            return True
        known, known_topic = _core(text, other), _topic(text, other)
        shorter = min(len(words), len(known))
        if shorter >= 2 and words[-shorter:] == known[-shorter:] and (topic == known_topic or not topic or not known_topic):
            return True
        if len(words) >= 3 and mention.determiner in cue_words("definite") and not topic and _within(words, known):
            return True  # "a regional fuel hedging agreement" … "the regional hedging agreement"
        if _modifiers_in_topic(text, mention, other) or _modifiers_in_topic(text, other, mention):
            return True
        if _topics_alike(text, mention, other):
            return True
    return False


def _within(words: list[str], known: list[str]) -> bool:
    """Whether words are known's in the same order, with the same last word (its head), others maybe between."""
    rest = iter(known)
    return words[-1] == known[-1] and all(word in rest for word in words)


_FUNCTION_WORDS = frozenset({"a", "an", "the", "on", "in", "of", "for", "to", "and", "with", "at", "by", "between", "its", "their"})


def _topics_alike(text: str, one: Mention, other: Mention) -> bool:
    """ "memorandum of understanding on offshore wind and port cooperation" … "memorandum of understanding on
    cooperation in offshore wind energy and port logistics": one agreement told twice in other words, when
    two of the shorter topic's words or more, and two in three of them, are the longer's."""
    words = [set(_topic(text, m).split()) - _FUNCTION_WORDS for m in (one, other)]
    if not all(words):
        return False
    shorter, longer = sorted(words, key=len)
    shared = len(shorter & longer)
    return shared >= 2 and 3 * shared >= 2 * len(shorter)


def _modifiers_in_topic(text: str, short: Mention, long: Mention) -> bool:
    """ "defence industry MoU" and "memorandum of understanding on defence industry cooperation", "supply
    agreement" and "agreement on the supply of patrol boats": the words before one's head are in the
    other's topic, which has none before its head."""
    modifiers = [w for w in _fold(text[short.start:short.head_start]).split() if w not in cue_words("skipped_adjective")]
    topic = set(_topic(text, long).split())
    return bool(modifiers) and not _topic(text, short) and not _fold(text[long.start:long.head_start]).split() and all(
        w in topic for w in modifiers)


def _modifiers(text: str, mention: Mention) -> set[str]:
    """The folded words before a mention's head that say which agreement it is (not "new", "major")."""
    return set(_fold(text[mention.start:mention.head_start]).split()) - cue_words("skipped_adjective")


def _called_by_a_name_of_its_news(text: str, mention: Mention, singles: list[Agreement]) -> Agreement | None:
    """The agreement that "the EMM deal" refers to: a definite naming of a general kind whose
    capitalised words are all written in the sentence that first named one agreement before it."""
    if mention.determiner not in cue_words("definite") or mention.kind not in general_kinds() or not text[mention.head_start].islower():
        return None
    names = [w for w in text[mention.start:mention.head_start].split() if w[:1].isupper()]
    if not names:
        return None
    for agreement in reversed(singles):
        start, end = _sentence_around(text, agreement.start)
        if end <= mention.start and all(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text[start:end]) for n in names):
            return agreement
    return None


def _lasting_only(text: str, mention: Mention, target: Agreement | None) -> Agreement | None:
    """The agreement a definite mention that says only how long it runs refers to ("the three-year
    agreement"), unless that one is said to run for another term ("a 14-year deal … the 27-year deal")."""
    words = _fold(text[mention.start:mention.head_start]).split()
    if target is None or mention.determiner not in cue_words("definite") or not words or not all(map(LASTING.fullmatch, words)):
        return None
    terms = {w for m in target.mentions + target.references for w in _modifiers(text, m) if LASTING.fullmatch(w)}
    return target if not terms or set(words) <= terms else None


def _described_alike(text: str, agreement: Agreement, mention: Mention) -> bool:
    """Whether a new naming of a general kind describes an agreement named before of a general kind:
    it shares a measure with it ("a 25-year solar power deal" … "a 25-year power purchase agreement",
    "P21.6-billion deal" … "P21.6-billion contract"), or any modifier with the headline's naming."""
    if _distinct(text, mention) or not {mention.kind, agreement.kind} <= general_kinds():
        return False
    shared = _modifiers(text, mention) & {w for m in agreement.mentions for w in _modifiers(text, m)}
    headline = headline_bounds(text)
    in_headline = headline is not None and agreement.start < headline[1]
    # a measure, even capitalised ("P21.6-billion"); a name's word is not enough ("Economic Partnership
    # Agreement" is not the "Strategic Partnership Agreement")
    return any(any(c.isdigit() for c in w) for w in shared) or in_headline and bool(shared) and not mention.named


def _headline_of(text: str, agreement: Agreement, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether an agreement named only in the headline, in general words ("agree tuna access deal") or
    by the same kind, is the one the body names first, however it names it ("a new Sustainable Fisheries Partnership
    Agreement"): unless the body repeats the headline's own naming, which then is the one meant."""
    headline = headline_bounds(text, summary=True)
    if headline is None or mention.start < headline[1] or agreement.start < headline[0] or _distinct(text, mention) \
            or YEAR.fullmatch(text[mention.start:mention.head_start].split(" ", 1)[0]):
        return False  # no headline of its own, or the body's "1995 investment deal": one of a year past
    line_end = headline[1]
    summary = text[line_end - 1] == "."
    if summary and any(m.kind == mention.kind and line_end < m.start < mention.start for m in mentions):
        return False  # a summary's agreement is the body's first of its kind, not any later one
    first = agreement.mentions[0]
    # "sign research framework" … "a framework agreement on research cooperation": the headline's head is a word of the body's naming
    worded = _core(text, first)[-1] in _fold(text[mention.start:mention.end]).split()
    if (agreement.is_set or first.kind not in general_kinds() | {mention.kind} and not worded
            or any(m.start > line_end for m in agreement.mentions + agreement.references)
            or first.named and first.kind != mention.kind and not worded):  # ("Vik terminal concession" … "a concession agreement")
        return False  # a general word ("deal"), or the body's own kind ("sign memorandum" … "memorandum of understanding")
    # a name in the headline ("ratifies Lake Tana water treaty") is the body's first of its kind ("a water-sharing
    # treaty") unless the body names it so itself; a general naming unless the body repeats its last words
    if summary:
        return first.kind == mention.kind
    core = _core(text, first) if first.named else _core(text, first)[-2:]
    # ("the MoU" after "a memorandum of understanding" is a back-reference, whatever the headline wrote)
    # (not "a second loan", one more of the kind, which repeats no naming)
    return not any(m.start > line_end and m is not mention and m.role not in (REFERENCE, NAME_BACK, REMENTION) and m.kind == first.kind
                   and _core(text, m)[-len(core):] == core and not _distinct(text, m) for m in mentions)


BARE_HEAD_REACH = 400  # characters after an agreement told of by its head alone within which "the X agreement" names it


def _bare(mention: Mention) -> bool:
    """Whether a mention is its head word alone ("an agreement", "the deal")."""
    return not mention.named and (mention.start, mention.end) == (mention.head_start, mention.head_end)


def _by_its_head_only(text: str, agreement: Agreement, mention: Mention) -> bool:
    """Whether an agreement told of so far only as "an agreement" (or "a deal") is the one a definite
    naming with modifiers soon after it names, one that says it was signed: the article says which
    agreement it was (not "The nuclear deal with Iran was also discussed"); a headline's naming aside
    ("signs rail contract" … "a $1.9 billion contract … The construction contract was signed by")."""
    headline = headline_bounds(text)
    body_start = headline[1] if headline is not None else 0
    told = [m for m in agreement.mentions + agreement.references if m.start >= body_start]
    if not told:
        return False
    first = min(told, key=lambda m: m.start)
    sentence_start, _ = _sentence_around(text, mention.start)
    # with the words the mention leaves out before it: "new" of "the new supply agreement"
    modifiers = _fold(text[max(sentence_start, mention.start - 30):mention.head_start]).split()[-4:]
    # not "the new supply agreement" (one more), nor "Separately, the supply contract"
    return (not agreement.is_set and first.determiner in ("a", "an") and not _distinct(text, mention)
            and agreement.kind in general_kinds()  # not "a loan … the supply agreement"
            and mention.determiner in cue_words("definite") and not mention.named
            and not cue_words("skipped_adjective").intersection(modifiers)
            and "separate" not in text[sentence_start:mention.start].lower()
            and signed_passively(lowered(text), mention.end) is not None
            and all(_bare(m) for m in told) and mention.start - max(m.end for m in told) <= BARE_HEAD_REACH)


def _naming(text: str, agreement: Agreement) -> Mention:
    """The mention whose words name the agreement: its first, but a name given later to one first named
    by its head alone ("a treaty … The Lakeside Treaty"), and for a headline's shorthand ("seal coal
    deal") the body's first naming ("a coal supply contract"), unless it says less or only the headline
    gives a name."""
    first = agreement.mentions[0]
    if _bare(first):
        # "a treaty to manage fish stocks … The Sulu Sea Fisheries Treaty": the name given later
        named = next((m for m in agreement.mentions if m.named), None) or next(
            (m for m in agreement.mentions if not _bare(m)), None)  # "an agreement … the share purchase agreement"
        if named is not None:
            return named
    headline = headline_bounds(text)
    if headline is None or first.start >= headline[1]:
        return first
    body = next((m for m in agreement.mentions if m.start >= headline[1]), None)
    if body is None or first.named and not body.named:
        return first
    return body if len(text[body.start:body.end].split()) >= len(text[first.start:first.end].split()) else first


def _new_modifier(text: str, agreement: Agreement, mention: Mention) -> bool:
    """Whether "the framework agreement" adds a word that no mention of the agreement it would refer
    to has: then it names one of its own that the reader is told of ("replaces the framework agreement")."""
    modifiers = [w for w in _fold(text[mention.start:mention.head_start]).split() if w not in cue_words("skipped_adjective")
                 and not LASTING.fullmatch(w)]  # "the three-year agreement" says how long the one named runs
    if not modifiers or mention.determiner == "'s" and _day_or_place_owns(text, mention.start):
        return False  # "Monday's phase deal" is today's, "Chile's largest-ever deal" the one told of (not "the company's 2017 contract")
    known = {w for m in agreement.mentions + agreement.references for w in _fold(text[m.start:m.end]).split()}
    # and the words of the sentence that first named it: "reached a deal with its official creditors" … "the creditor deal"
    start, end = _sentence_around(text, agreement.start)
    known |= {w.rstrip("s") for w in _fold(text[start:min(end, mention.start)]).split()}
    if agreement.kind == "loan":  # "a $180 million credit line … the facility agreement": a loan's other name
        known |= cue_words("lending_word")
    supply = cue_words("supply_word")
    if known & supply or any(_for_goods().match(_topic(text, m)) for m in agreement.mentions):
        known |= supply  # "a contract for 40 trams, its biggest order … the supply contract": one deal's names
    stems = {_stem(w) for w in known}
    return any(w not in known and w.rstrip("s") not in known and _stem(w) not in stems for w in modifiers)


@from_rules
def _for_goods() -> re.Pattern:
    """A topic "for 40 trams", "for about 300 buses": a number of goods bought."""
    return compile_latin(rf"for (?:{trie(sorted(cue_words('approximation')))} )?(?:to )?\d")


def _named_with(text: str, agreement: Agreement, mention: Mention) -> bool:
    """Whether the agreement's own names have every word before the mention's head ("survey" of
    "the survey deal" in "mining survey pact")."""
    modifiers = _modifiers(text, mention)
    stems = {_stem(w) for m in agreement.mentions + agreement.references for w in _fold(text[m.start:m.end]).split()}
    return bool(modifiers) and all(_stem(w) in stems for w in modifiers)


_SUFFIX = compile_latin(r"(?<=\w{4})(?:ing|ed|es|e|s)$")


def _stem(word: str) -> str:
    """A word without its inflection, British and American spellings alike: "licence", "license" and
    "licensing" are "licens" ("the licence agreement" after "an exclusive licensing agreement")."""
    return re.sub(r"c$", "s", _SUFFIX.sub("", word))


_SENTENCE_START = compile_latin(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    """The range of the sentence (or headline) that holds position, cut at a line break or at a full
    stop that a capital follows ("Litoral S.A. under a contract" goes on)."""
    stops = [m.end() for m in _SENTENCE_START.finditer(text, max(0, position - 600), min(len(text), position + 2))
             if m.end() <= position]
    start = max(stops[-1] if stops else 0, text.rfind("\n", 0, position) + 1)
    after = _SENTENCE_START.search(text, position)
    line_end = text.find("\n", position)
    ends = [e for e in (after.start() if after else -1, line_end) if e >= 0]
    return start, min(ends) if ends else len(text)


# A naming that says what the agreement just named is called: "described as an offset deal".
_DESCRIBED_AS = compile_latin(r"\b(?:described|known|referred[ \t]+to|billed|hailed|characteri[sz]ed)[ \t]+as[ \t]+"
                              r"(?:(?:a|an|the)[ \t]+)?$"
                              # "It is a small deal relative to …": what the one told of is
                              r"|\b(?i:it|this)[ \t]+(?:is|was|will[ \t]+be|would[ \t]+be)[ \t]+(?:a|an)[ \t]+$")

# Determiners that point at what was just named, whatever word the text now uses for it.
_DEMONSTRATIVES = frozenset({"this", "that"})


def link(text: str, mentions: list[Mention]) -> list[Agreement]:
    """Group mentions into agreements, in text order, as a reader links them: an acronym to its
    definition, "the MoU" and "the deal" to the agreement they refer back to, a repeated name to
    its first use, and every plural naming agreements of one kind to one set."""
    agreements: list[Agreement] = []
    owner: dict[int, Agreement] = {}
    deferred: list[Mention] = []

    def new(mention: Mention, is_set: bool = False) -> Agreement:
        agreement = Agreement(is_set=is_set)
        agreements.append(agreement)
        return agreement

    def join(mention: Mention, agreement: Agreement) -> None:
        agreement.mentions.append(mention)
        owner[id(mention)] = agreement

    def refer(mention: Mention, agreement: Agreement) -> None:
        agreement.references.append(mention)
        owner[id(mention)] = agreement

    for mention in mentions:
        earlier = [a for a in agreements if a.start < mention.start]
        singles = [a for a in earlier if not a.is_set]
        # "sign mining pact" in a headline, then "a memorandum of understanding … The memorandum": an
        # agreement is of each kind that one of its names has
        same_kind = [a for a in singles if a.named_as(mention.kind)]
        if mention.role not in (ACRONYM, SET) and singles and _KNOWN_AS.match(text, mention.end):
            join(mention, singles[-1])  # "… signed a joint declaration. The Lima Declaration, as the document is known, …"
        elif mention.role == ACRONYM:
            target = owner.get(id(mention.defined_by))
            if target is not None:
                join(mention, target)
        elif mention.role == SET:
            sets = [a for a in earlier if a.is_set and a.kind == mention.kind]
            if not sets and mention.determiner in cue_words("definite") and mention.kind in general_kinds():
                sets = [a for a in earlier if a.is_set]  # "two agreements … the deals": the same set
            join(mention, sets[-1] if sets else new(mention, is_set=True))
        elif mention.role == REMENTION:
            # "the MOU" names the MoU mentioned before; after an agreement of another kind it only
            # refers to that one; with nothing before, it is the first mention of an MoU
            if (member_start := _member_of_a_set(text, mention, earlier)) is not None:
                mention.start = member_start  # "three MoUs … The first MoU, between A and B,": a member, its own
                join(mention, new(mention))
            elif same_kind:
                join(mention, same_kind[-1])
            elif singles:
                refer(mention, singles[-1])
            else:
                join(mention, new(mention))
        elif mention.role == NAME_BACK:
            # "the declaration" after "a joint declaration … the Lima Declaration, as it is known": the
            # agreement one of whose names is of its kind; "the second memorandum" after "three memoranda": a member
            if (member_start := _member_of_a_set(text, mention, earlier)) is not None:
                mention.start = member_start  # "the first memorandum": the member's name has its number
                join(mention, new(mention))
            elif same_kind:
                join(mention, same_kind[-1])
        elif mention.role == DEFINITE_NAME:
            # "the Convention" after "the Biological Weapons Convention" refers back to it
            if same_kind:
                refer(mention, same_kind[-1])
            else:
                join(mention, new(mention))
        elif mention.role == REFERENCE:
            if mention.absorbed_by is not None:
                deferred.append(mention)  # the framework it is on comes after it
                continue
            target = _antecedent(agreements, mention) or _modified_by_its_head(text, mention, singles)
            if mention.determiner in _DEMONSTRATIVES and not mention.plural and singles and (
                    target is None or _new_modifier(text, target, mention)):
                refer(mention, singles[-1])  # "… the framework agreement of 2023. That umbrella accord …": the one just named
                continue
            if target is None and mention.kind in reference_kinds():
                continue  # "the documents" with no agreement before: some other papers
            if target is not None and _new_modifier(text, target, mention):
                # "… sign mining survey pact … a separate visa accord … the survey deal": the one
                # whose names have its words
                named_before = next((a for a in reversed(same_kind) if _same_name(text, a, mention)), None) \
                    or _named_by_its_modifiers(text, mention, singles) \
                    or next((a for a in reversed(singles) if _named_with(text, a, mention)), None)
                if named_before is None and (_UNDER_BEFORE.search(text, max(0, mention.start - 30), mention.start)
                                             or _headline_shorthand(text, target, mention)):
                    refer(mention, target)  # "Under the purchase agreement,": the one just told of
                elif named_before is None and target is singles[-1] and _by_its_head_only(text, target, mention):
                    join(mention, target)  # "signed an agreement to buy Orvana. The share purchase agreement was signed by"
                else:
                    join(mention, named_before or new(mention))
            elif target is not None:
                refer(mention, target)
            else:
                join(mention, new(mention))  # "The deal, signed on Monday, …" with nothing before: it introduces one
        elif mention.role == INTRO and (lasting := _lasting_only(text, mention, _antecedent(agreements, mention))):
            refer(mention, lasting)  # "the three-year agreement": how long the one named runs
        elif mention.role == INTRO and singles and _DESCRIBED_AS.search(text, max(0, mention.start - 40), mention.start):
            refer(mention, singles[-1])  # "That agreement, which officials described as an offset deal"
        elif mention.role == INTRO and (called := _called_by_a_name_of_its_news(text, mention, singles)):
            refer(mention, called)  # "… a joint venture agreement with EMM … the EMM deal"
        elif mention.role == INTRO and (unnamed := _named_now(text, mention, same_kind)):
            join(mention, unnamed)  # "signed a treaty to manage fish stocks. The Sulu Sea Fisheries Treaty was signed by"
        elif mention.role == INTRO:
            defined = _defined_acronym(text, mentions, mention)
            named_before = None if _distinct(text, mention) else next(
                (a for a in reversed(same_kind) if _same_name(text, a, mention)
                 or defined and any(_fold(text[m.start:m.end]) == defined for m in a.mentions)), None) or next(
                (a for a in singles if _described_alike(text, a, mention)
                 or _headline_of(text, a, mention, mentions)), None)
            join(mention, named_before or new(mention))
    for mention in mentions:
        if mention.role == HEADLINE and not any(a.kind == mention.kind for a in agreements):
            join(mention, new(mention))
    for mention in deferred:
        target = owner.get(id(mention.absorbed_by))
        if target is not None:
            refer(mention, target)
    not_modifiers = _FUNCTION_WORDS | cue_words("tail_stop")
    for agreement in agreements:
        # "The second agreement, a $40 million loan agreement between …,": the apposition names it
        first = agreement.mentions[0] if len(agreement.mentions) == 1 and not agreement.references else None
        if first is not None and first.role in (INTRO, NAME_BACK) and _APPOSITION.match(text, first.end):
            named = next((m for m in mentions if first.end < m.start <= first.end + 60), None)
            target = owner.get(id(named)) if named is not None else None
            # only modifiers between: not "a port accord, a first step toward a trade agreement"
            between = text[first.end:named.start].split()[2:] if named is not None else []
            if target is not None and target is not agreement and not target.is_set \
                    and not not_modifiers.intersection(w.lower() for w in between) \
                    and not _SENTENCE_END.search(text, first.end, named.start):
                agreement.mentions.clear()
                refer(first, target)
    agreements = [a for a in agreements if a.mentions]
    agreements.sort(key=lambda a: a.start)
    return agreements


_APPOSITION = compile_latin(r",[ \t]+(?:a|an)[ \t]")
# a possessive before a mention: "Monday's ", "Japan's "
_OWNER_BEFORE = compile_latin(r"(?<![\w'’-])([\w-]+)['’]s?[ \t]+$")
_TIMES = frozenset({"yesterday", "today", "week", "month", "year"})  # "this week's", beside the calendar's names


def _day_or_place_owns(text: str, start: int) -> bool:
    """Whether the possessive right before start is a day's or a place's ("Monday's", "this week's", "Japan's")."""
    owner = _OWNER_BEFORE.search(text, max(0, start - 30), start)
    return owner is not None and (owner.group(1) in calendar_words() or owner.group(1).lower() in _TIMES
                                  or owner.group(1) in places())


# what the text goes on to say the agreement just named provides: "Under the purchase agreement, …"
_UNDER_BEFORE = compile_latin(r"(?:^|[.\n][ \t]*)(?:Under|Under[ \t]+the[ \t]+terms[ \t]+of)[ \t]+the[ \t]+$")
_SENTENCE_END = compile_latin(r"[.;:!?](?!\d)")


def _named_by_its_modifiers(text: str, mention: Mention, singles: list[Agreement]) -> Agreement | None:
    """The latest agreement of another kind named by the words before this mention's head: "a $50
    million loan … the loan agreement", "a credit line … the credit line agreement"."""
    modifiers = _words_before_head(text, mention)
    return _latest_of_another_kind(singles, mention, lambda m: _core(text, m) == modifiers) if modifiers else None


def _modified_by_its_head(text: str, mention: Mention, singles: list[Agreement]) -> Agreement | None:
    """The latest agreement of another kind whose name holds this reference's words before its own
    head: "a $120 million loan agreement … the loan", "a supply contract … the supply"."""
    if mention.kind in general_kinds():
        return None
    words = _core(text, mention)
    return _latest_of_another_kind(singles, mention, lambda m: _words_before_head(text, m)[-len(words):] == words)


def _words_before_head(text: str, mention: Mention) -> list[str]:
    """The modifiers of a mention, folded: "loan" of "loan agreement"."""
    return _fold(text[mention.start:mention.head_start]).split()


def _latest_of_another_kind(singles: list[Agreement], mention: Mention, names_it) -> Agreement | None:
    """The latest agreement of a kind other than the mention's that one of its names (names_it) names."""
    return next((a for a in reversed(singles) if a.kind != mention.kind
                 and any(names_it(m) for m in a.mentions if m.role != ACRONYM)), None)


_ORDINAL_BEFORE = compile_latin(rf"(?<![\w-])(?i:{'|'.join(ORDINAL_WORDS)})[ \t]+$")


def _member_of_a_set(text: str, mention: Mention, earlier: list[Agreement]) -> int | None:
    """Where "the first MoU", "the second memorandum" begins, with its number, where it numbers a member
    of a set of its kind named before ("three MoUs"); else None."""
    if not any(a.is_set and a.kind == mention.kind for a in earlier):
        return None
    if (text[mention.start:mention.head_start].split() or [""])[0].lower() in ORDINAL_WORDS:
        return mention.start
    ordinal = _ORDINAL_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    return ordinal.start() if ordinal else None


def _headline_shorthand(text: str, agreement: Agreement, mention: Mention) -> bool:
    """Whether an agreement named so far only in the headline is the one a body's naming with more
    words means: they share a word before the head ("fisheries pact" … "the 2008 regional fisheries pact")."""
    headline = headline_bounds(text)
    return headline is not None and all(m.start < headline[1] for m in agreement.mentions + agreement.references) \
        and bool(_modifiers(text, mention) & {w for m in agreement.mentions for w in _modifiers(text, m)})


# a name given to the agreement just named: "The Lima Declaration, as the document is known,"
_KNOWN_AS = compile_latin(r",?[ \t]+as[ \t]+(?:the|this|that)[ \t]+(?:document|text|agreement|accord|declaration|pact|deal)[ \t]+"
                          r"(?:is|was|has[ \t]+been|became)[ \t]+(?:known|called|dubbed|named)\b")


NAMED_NOW_REACH = 400  # characters after an agreement's unnamed first mention within which "The X Treaty" names it


def _named_now(text: str, mention: Mention, same_kind: list[Agreement]) -> Agreement | None:
    """The agreement of the kind named last, within NAMED_NOW_REACH, by its head alone ("a treaty to
    manage fish stocks") or by words the name holds, that a definite capitalised name now says was
    signed ("The Sulu Sea Fisheries Cooperation Treaty was signed by …"); not one it names as
    another ("… replaces the Nile Waters Agreement", "The Paris Agreement, which both ratified in 2016")."""
    if not mention.named or mention.determiner not in cue_words("definite") or not same_kind \
            or not signed_passively(lowered(text), mention.end) or any(_same_name(text, a, mention) for a in same_kind):
        return None
    last = same_kind[-1]
    # named so far only by its head ("a treaty", not "a supply deal"), or by words the name holds (the
    # headline's "Sulu Sea fisheries treaty" of "The Sulu Sea Fisheries Cooperation Treaty")
    words = set(_fold(text[mention.start:mention.end]).split())
    held = [(m.start, m.end) == (m.head_start, m.head_end) or set(_fold(text[m.start:m.end]).split()) <= words
            for m in last.mentions]
    if not all(held) or mention.start - last.mentions[-1].end > NAMED_NOW_REACH:
        return None
    return last


def _defined_acronym(text: str, mentions: list[Mention], mention: Mention) -> str | None:
    """The acronym defined right after a mention ("memorandum of understanding (MoU)"), folded."""
    return next((_fold(text[m.start:m.end]) for m in mentions
                 if m.role == ACRONYM and m.defined_by is mention and m.start >= mention.end), None)


def _share_with_members(agreements: list[Agreement]) -> None:
    """ "Peru and Ecuador signed 14 agreements on Thursday. … The canal agreement …": a member named
    after its set, with no date or status of its own, was signed with the set, that day."""
    for index, agreement in enumerate(agreements):
        if not agreement.is_set or agreement.facts.date is None and agreement.facts.status is None:
            continue
        for member in _members(agreements, index):
            if member.facts.status == "under negotiation":
                continue  # "an updated treaty is being negotiated": not signed with the set
            for fact in ("date", "status"):
                if getattr(member.facts, fact) is None and getattr(agreement.facts, fact) is not None:
                    member.facts.take(fact, agreement.facts)


def _members(agreements: list[Agreement], index: int) -> list[Agreement]:
    """The members named after the set at index: the agreements that follow it, up to the next set,
    within SET_MEMBER_REACH of the set's last mention before them ("the documents", "the agreements"),
    of its kind (any kind for a set of a general one: "14 agreements")."""
    found, agreement = [], agreements[index]
    named = sorted(m.start for m in agreement.mentions + agreement.references)
    for member in agreements[index + 1:]:
        if member.is_set or member.start - named[bisect_left(named, member.start) - 1] > SET_MEMBER_REACH:
            break
        if member.kind == agreement.kind or agreement.kind in general_kinds():
            found.append(member)
    return found


def _counted(text: str, agreement: Agreement) -> bool:
    """Whether a set is named with its number ("three MoUs", "14 agreements"), so that the
    agreements after it are its members, not others ("follow-up of agreements")."""
    return counts(text[agreement.mentions[0].start:agreement.mentions[0].end].split()[0].lower())


def _signers_of_members(text: str, agreements: list[Agreement]) -> None:
    """ "Norland and Vessia signed three MoUs. The MoU on ports was signed by A and B, the others by C
    and D": the set's signatories are all who signed a member of it."""
    for index, agreement in enumerate(agreements):
        if agreement.is_set and _counted(text, agreement):
            for member in _members(agreements, index):
                new = [name for name in member.facts.signatories if name not in agreement.facts.signatories]
                agreement.facts.signatories = agreement.facts.signatories + new
                for name in new:
                    agreement.facts.read_at.setdefault(("signatories", name), member.facts.read_at["signatories", name])


def _share_the_occasion(text: str, agreements: list[Agreement], first_sentences: list[tuple[int, int]]) -> None:
    """ "At the same ceremony, A signed an implementation agreement", "Officials also signed five MoUs":
    an agreement with no date of its own, said to be signed on the occasion of the one dated before it,
    was signed that day."""
    low = lowered(text)
    for index, (agreement, bounds) in enumerate(zip(agreements, first_sentences)):
        if agreement.facts.date is not None or not phrase_pattern("same_occasion").search(low, *bounds):
            continue
        dated = next((a for a in reversed(agreements[:index]) if a.facts.date is not None), None)
        if dated is not None and agreement.facts.status in (None, "signed"):
            agreement.facts.take("date", dated.facts)


SHARED_AFTER_REACH = 600  # characters after an agreement within which a later one lends it its parties


def _bodies_for_their_countries(text: str, agreements: list[Agreement], organisations: set[str]) -> None:
    """ "The central banks of Uzbekistan and Oman signed …" with "the Central Bank of Uzbekistan" named
    in the text: the parties are the two banks, not their countries."""
    if " of " not in text:
        return
    by_name = {name.casefold(): name for name in organisations}
    for agreement in agreements:
        parties = agreement.facts.parties
        if len(parties) != 2:
            continue
        both = r"[ \t]+and[ \t]+(?:the[ \t]+)?".join(map(re.escape, parties))
        bodies = re.search(rf"\b[Tt]he[ \t]+((?:[a-z]+[ \t]+)?[a-z]+?)(?:ies|s)[ \t]+of[ \t]+(?:the[ \t]+)?{both}\b", text)
        if bodies is None:
            continue
        noun = bodies.group(1) + ("y" if bodies.group(0)[bodies.end(1):].startswith("ies") else "")
        named = [by_name.get(f"{noun} of {party}".casefold()) or by_name.get(f"{noun} of the {party}".casefold())
                 for party in parties]
        read_at = agreement.facts.read_at
        if all(named) and all(("parties", party) in read_at for party in parties):
            for party, body in zip(parties, named):
                read_at.setdefault(("parties", body), read_at[("parties", party)])
            agreement.facts.parties = named


def _share_parties(agreements: list[Agreement]) -> None:
    """An agreement whose sentences name no parties is between those of the agreement named
    nearest before it (else of one named soon after it): an article's agreements are mostly made by
    the same sides ("India and Japan signed an MoU … a framework agreement was also signed")."""
    stated = [(a.start, a.facts) for a in agreements if a.facts.parties]
    if not stated:
        return
    for agreement in agreements:
        if not agreement.facts.parties:
            before = [facts for start, facts in stated if start < agreement.start]
            if before:
                agreement.facts.take("parties", before[-1])
            elif stated[0][0] - agreement.start <= SHARED_AFTER_REACH:
                agreement.facts.take("parties", stated[0][1])



def merge(facts: list[Facts]) -> Facts:
    """One agreement's facts from the sentences about it, in text order: the furthest status,
    the first date, and the signatories and parties stated most directly."""
    merged = Facts()
    for found in facts:
        if found.status and further(found.status, merged.status):
            merged.take("status", found)
    # the date of signing: from a sentence that says it was reached, signed or in force ("signed on
    # Monday"), not one that plans or talks about it ("agreed on Monday to conclude talks by June"),
    # in the order of REACHED, and of those, the most precise ("signed a contract this year" … "this week" … "on Monday"),
    # then the one that dates the signing it says was by the signers ("today announced it has signed" …
    # "was signed on Monday by A")
    reached = sorted((f for f in facts if f.date and f.status in REACHED),
                     key=lambda f: (REACHED[f.status], -len(f.date.split("/")[0]), "/" in f.date, not f.dated_signing))
    dated = reached[0] if reached else next((f for f in facts if f.date and (f.status is None or f.dated_signing)), None)
    # "signed by A and B" and "between P and Q" say it outright; other patterns are second choice
    signed = next((f for f in [f for f in facts if f.signed_by] + facts if f.signatories), None)
    # and a sentence that names both sides before one that names one ("signs deal with Suryodaya" …
    # "PEC has signed an agreement with Suryodaya")
    between = next((f for f in [f for f in facts if f.between] + [f for f in facts if len(f.parties) > 1] + facts
                    if f.parties), None)
    for fact, source in (("date", dated), ("signatories", signed), ("parties", between)):
        if source is not None:
            merged.take(fact, source)
    return merged


def sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The sentence around a mention, cut at line breaks (headlines and datelines have no full stop)."""
    text = doc_text(doc)
    span = doc.char_span(start, end, alignment_mode="expand")
    line_start, line_end = line_bounds(text, start)
    if span is None:
        return line_start, line_end
    sentence = span.sent  # each access runs the sentence hook and builds a Span
    return max(sentence.start_char, line_start), min(sentence.end_char, line_end)


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
    value = span_value(values, "value", start, end)
    return None if value in TIMEML_REFERENCES else value  # "now" (--vague-dates) dates no agreement


def _canonical(values: dict, text: str, start: int, end: int) -> str:
    return span_value(values, "canonical", start, end) or text[start:end]


CREDIT = compile_latin(r"[^()\n]{1,40}\)\s*\.?\s*[-–—]")  # a news agency's credit: "(Reuters) -", "(EFE).-"


_BRACKETED = compile_latin(r"\([^()]*\)")


def _normal(text: str) -> str:
    """Lower case, hyphens as spaces, brackets dropped: "Vice-Chancellor (Acting)" → "vice chancellor"."""
    return " ".join(_BRACKETED.sub(" ", text).lower().replace("-", " ").split())


# a party's possessive before a title: "Peru's trade minister"
_POSSESSIVE_BEFORE = compile_latin(r"([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)['’]s?[ \t]+$")


class TitleHolders:
    """The people that the roles component found with a title, to name the signers a text gives only
    by title ("The Vice-Chancellor of UIU and the Vice-Chancellor of SEU signed the MoU"), and the
    side each signatory signs for, read off their title (sides)."""

    def __init__(self, doc: Doc, roles_key: str, orgs_key: str):
        text, values = doc_text(doc), span_values(doc)
        self.text = text
        names: dict[str, set[str]] = {}  # organisation name → every surface of it ("UIU")
        canonical: dict[str, str] = {}  # and each surface → the name
        for start, end in span_ranges(doc, orgs_key):
            name = span_value(values, "canonical", start, end) or text[start:end]
            surface = _normal(text[start:end])
            names.setdefault(name, set()).add(surface)
            canonical[surface] = name
        self.holders = []  # (title as a key, the title up to its complement, person, surfaces of its organisation)
        self.titles: dict[str, list[tuple[int, int, str | None]]] = {}  # person → (title range, its organisation)
        for start, end in span_ranges(doc, roles_key):
            person = span_value(values, "person", start, end)
            if not person:
                continue
            title = _normal(span_value(values, "canonical", start, end) or text[start:end])
            short = re.split(r" (?:for|of|at|to)\b|,", title)[0]
            org = span_value(values, "organisation", start, end)
            self.holders.append((title, short, person, names.get(org, set()) | ({_normal(org)} if org else set())))
            self.titles.setdefault(person, []).append((start, end, org and canonical.get(_normal(org), org)))

    def __call__(self, start: int, end: int) -> list[str]:
        """The people whose titles are written in text[start:end], in text order, each title read
        as one person: the only holder of it, or the one of the organisation written after it."""
        if not self.holders:
            return []
        written = _normal(self.text[start:end])
        found: list[tuple[int, int, str]] = []  # where a title is written, its length, who holds it
        for key in sorted({k for title, short, _, _ in self.holders for k in (title, short)}, key=len, reverse=True):
            for match in re.finditer(rf"\b{re.escape(key)}\b", written):
                if any(p <= match.start() < p + n for p, n, _ in found):
                    continue  # inside a longer title already read
                holders = {person: orgs for title, short, person, orgs in self.holders if key in (title, short)}
                if len(holders) > 1:
                    after = written[match.end():match.end() + 40]
                    holders = {person: orgs for person, orgs in holders.items()
                               if any(re.match(rf"\s*(?:of|at|,)?\s*(?:the\s+)?{re.escape(n)}\b", after) for n in orgs)}
                if len(holders) == 1:
                    found.append((match.start(), len(key), next(iter(holders))))
        return list(dict.fromkeys(person for _, _, person in sorted(found)))

    def sides(self, signatories: list[str]) -> list[str]:
        """The sides of the signatories, each once, when every one of them has a side and they are
        two or more; else nothing: the title's organisation ("KTZ chairman"), a party's possessive
        before it ("Peru's trade minister") or a nationality written into it ("Kazakh Deputy Prime
        Minister", the party named so in the text)."""
        found = []
        for person in signatories:
            side = next((s for s in map(self._side, self.titles.get(person, ())) if s), None)
            if side is None:
                return []
            found.append(side)
        found = list(dict.fromkeys(found))
        return found if len(found) >= 2 else []

    def _side(self, title: tuple[int, int, str | None]) -> str | None:
        start, end, org = title
        if org:
            return org
        owner = _POSSESSIVE_BEFORE.search(self.text, max(0, start - 40), start)
        if owner and owner.group(1) in party_names():
            return owner.group(1)
        words = self.text[start:end].split()
        for first in ([" ".join(words[:2])] if len(words) > 2 else []) + words[:1]:  # "South Korean Trade Minister"
            party = first if first in party_names() else party_of_adjective(self.text, first) if first in places() else None
            if party:
                return party
        return None


_CLAUSE_END = compile_latin(r"[,;:.()]|\s(?:and|but|while|as)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:signed|agreed)\b")


def _go_between(text: str, bounds: tuple[int, int]) -> list[tuple[int, int]]:
    """The ranges of a sentence that name who only brought the sides together: "after mediation by
    Angola and ECCAS", "brokered by Qatar" (up to the end of that phrase)."""
    low = lowered(text)
    found = []
    for cue in phrase_pattern("go_between").finditer(low, *bounds):
        stop = _CLAUSE_END.search(low, cue.end(), bounds[1])
        found.append((cue.end(), stop.start() if stop else bounds[1]))
    return found


_TICKER_AFTER = compile_latin(r"[ \t]*:[ \t]*[A-Z0-9][A-Z0-9.]*\)")  # the code after an exchange: ": ABC)"


def facts_at(doc: Doc, start: int, end: int, people: EntityGroup, orgs: EntityGroup,
             dates: EntityGroup, others: list[tuple[int, int]] = (), titled: TitleHolders | None = None,
             head_start: int | None = None) -> tuple[Facts, tuple[int, int]]:
    """The facts the sentence around [start, end) gives about the agreement mentioned there, and its
    bounds; others are the ranges of the mentions of other agreements."""
    text = doc_text(doc)
    bounds = sentence_bounds(doc, start, end)
    people_here, orgs_here = people.within(*bounds), orgs.within(*bounds)
    # "Cairo, July 19 (EFE).- …": the agency that reports it is no party, nor the exchange of a ticker ("(DSE: ABC)")
    orgs_here = [o for o in orgs_here if not (text[o.start - 1:o.start] == "(" and (
        CREDIT.match(text, o.start) or _TICKER_AFTER.match(text, o.end)))]
    published = doc_value(doc, "published")
    others = [(s, e) for s, e in others if bounds[0] <= s and e <= bounds[1]]
    # a date after publication is a plan ("to be delivered in 2027"), never when it was signed
    # (nor one inside another agreement's naming: the year of "a loan and a 2019 grant agreement")
    dates_here = [d for d in dates.within(*bounds) if (published is None or d.name[:len(published)] <= published)
                  and not (others and (stands_elsewhere(text, (d.start, d.end), start, end, others)
                                       or any(s <= d.start and d.end <= e for s, e in others)))]
    mediators = _go_between(text, bounds)
    named = [e for e in orgs_here + places_in(text, *bounds, people_here + orgs_here)
             if not any(begin <= e.start and e.end <= stop for begin, stop in mediators)]
    parties = sorted(named + groups_in(text, *bounds, people_here + named), key=lambda e: e.start)

    def described(noun: str) -> Entity | None:
        return described_before(text, orgs.within(0, bounds[0]), noun)

    return read_facts(text, bounds, start, end, people_here, parties, dates_here, others, titled, head_start,
                      described, orgs.within(max(0, bounds[0] - PRONOUN_REACH), bounds[0]),
                      people.within(max(0, bounds[0] - SIGNERS_REACH), bounds[0])), bounds


AGREEMENT_FILES = LEXICON_FILES + data_files("extractor.agreements", "agreement_cues.jsonl", "agreement_parties.txt", "agreement_words.txt",
                                             "signing_verbs.txt") + data_files("extractor.organisations", "currency_codes.txt")


class AgreementFinder(RuleComponent):
    """Adds agreement spans to doc.spans[span_key], grouped by span._.canonical, with their facts."""

    data_files = AGREEMENT_FILES

    def __init__(self, nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str, dates_key: str,
                 roles_key: str = "roles"):
        self.name = name
        self.span_key = span_key
        self.people_key, self.orgs_key, self.dates_key, self.roles_key = people_key, orgs_key, dates_key, roles_key

    def process(self, doc: Doc) -> Doc:
        text, header_end = doc_text(doc), doc_value(doc, "header_end")
        first = first_head(lowered(text), header_end)
        if first is None:
            return doc
        people, orgs, dates = (EntityGroup(doc, key, name, header_end) for key, name in (
            (self.people_key, _canonical), (self.orgs_key, _canonical), (self.dates_key, _value)))
        cuts = people.ranges() + orgs.ranges() + dates.ranges()
        agreements = link(text, find_mentions(text, cuts, start=first.start()))
        titled = TitleHolders(doc, self.roles_key, self.orgs_key)
        first_sentences = []  # the sentence around each agreement's first mention, read once for facts and spans
        collective: list[tuple[Mention, Facts]] = []  # "the documents were signed by A and B", about a set
        for agreement in agreements:
            contexts = sorted(agreement.mentions + agreement.references, key=lambda m: m.start)
            # (a set shares its date with its members: "signed two agreements today: the A and the B")
            others = [(m.start, m.end) for other in agreements if other is not agreement and not other.is_set
                      for m in other.mentions + other.references]
            found = [facts_at(doc, m.start, m.end, people, orgs, dates, others, titled, m.head_start) for m in contexts]
            agreement.facts = merge([facts for facts, _ in found])
            if agreement.is_set:
                collective += [(m, facts) for m, (facts, _) in zip(contexts, found) if m.plural and facts.signatories]
            first_sentences.append(next(bounds for m, (_, bounds) in zip(contexts, found) if m is agreement.mentions[0]))
        for reference, facts in collective:
            # "the documents" are the set and the members named since it: each was signed by them
            owner = next(a for a in agreements if reference in a.references)
            for member in agreements:
                if not member.is_set and owner.start < member.start < reference.start:
                    if not member.facts.signatories:
                        member.facts.take("signatories", facts)
                    if facts.status and further(facts.status, member.facts.status):
                        member.facts.take("status", facts)  # "… were approved. The documents were signed by A"
        named_at = _NamedBefore(agreements)
        self._add_signed_for(doc, named_at, people, dates)
        self._add_signed_by_pronoun(doc, named_at, people, dates)
        _share_the_occasion(text, agreements, first_sentences)
        _share_with_members(agreements)
        _signers_of_members(text, agreements)
        for agreement in agreements:
            if not agreement.facts.parties and len(agreement.facts.signatories) >= 2:
                found = titled.sides(agreement.facts.signatories)
                if found:  # read where the signatories were
                    agreement.facts.parties = found
                    agreement.facts.note("parties", found, agreement.facts.read_at["signatories", agreement.facts.signatories[0]])
        _bodies_for_their_countries(text, agreements, {e.name for e in orgs.within(0, len(text))})
        _share_parties(agreements)
        names: dict[str, int] = {}  # how many agreements so far go by each name
        for agreement, bounds in zip(agreements, first_sentences):
            naming = _naming(text, agreement)
            name = _fold(text[naming.start:naming.end])
            names[name] = names.get(name, -1) + 1
            self._write(doc, agreement, naming, bounds, names[name])
        return doc

    def _add_signed_for(self, doc: Doc, named_at: _NamedBefore, people: EntityGroup, dates: EntityGroup) -> None:
        """ "A signed for the United States, and B signed for Chile", "A and B signed it in Accra", "Signing
        for the buyers were A and B": A and B sign the agreement just named (which "signed it" also dates
        and marks signed)."""
        text = doc_text(doc)
        for match in SIGNING_FOR.finditer(text, doc_value(doc, "header_end")) if "igning " in text else ():
            agreement = named_at.last(match.start())
            if agreement is not None:
                bounds = sentence_bounds(doc, match.start(), match.end())
                signers = [p.name for p in people.within(match.end(), bounds[1]) if p.name not in agreement.facts.signatories]
                if signers:
                    agreement.facts.signatories += signers
                    agreement.facts.note("signatories", signers, bounds)
        low = lowered(text)
        for pattern in (SIGNED_FOR, SIGNED_IT):
            for match in signed_verb_matches(signed_pattern(pattern), low, doc_value(doc, "header_end")):
                agreement = named_at.last(match.start())
                if agreement is None:
                    continue
                bounds = sentence_bounds(doc, match.start(), match.end())
                subject = subject_start(text, bounds, match.start())
                signers = [p.name for p in people.within(subject, match.start()) if p.name not in agreement.facts.signatories]
                for name in signers:
                    agreement.facts.signatories.append(name)
                    agreement.facts.note("signatories", [name], bounds)
                if signers and pattern is SIGNED_IT:
                    if further("signed", agreement.facts.status):
                        agreement.facts.status = "signed"
                        agreement.facts.note("status", "signed", bounds)
                    if agreement.facts.date is None and (date := date_near(text, bounds, match.start(), dates.within(*bounds))):
                        agreement.facts.date = date
                        agreement.facts.note("date", date, bounds)

    def _add_signed_by_pronoun(self, doc: Doc, named_at: _NamedBefore, people: EntityGroup, dates: EntityGroup) -> None:
        """ "… signed a pipeline deal. It was signed on Monday by A and B": A and B sign the agreement named
        just before, on that day."""
        text = doc_text(doc)
        low = lowered(text)
        if " by" not in low:
            return
        for match in signed_verb_matches(signed_by_pattern(), low, doc_value(doc, "header_end")):
            bounds = sentence_bounds(doc, match.start(), match.end())
            if PRONOUN_SIGNED.fullmatch(low, bounds[0], match.start()):
                signed = [named_at.last(bounds[0])]
            elif _both_signed().fullmatch(low, bounds[0], match.start()):
                signed = named_at.last_two(bounds[0])  # "Both agreements were signed by A and B"
            else:
                continue
            cut = phrase_pattern("signatory_cut").search(low, match.end(), bounds[1])
            signers = [p.name for p in people.within(match.end(), cut.start() if cut else bounds[1])]
            for agreement in signed:
                if agreement is None or agreement.facts.signatories or not signers:
                    continue  # its own sentence named them
                agreement.facts.signatories = list(signers)
                agreement.facts.note("signatories", signers, bounds)
                if further("signed", agreement.facts.status):
                    agreement.facts.status = "signed"  # "It was signed by A and B"
                    agreement.facts.note("status", "signed", bounds)
                if agreement.facts.date is None and (date := date_near(text, bounds, match.start(), dates.within(*bounds))):
                    agreement.facts.date = date
                    agreement.facts.note("date", date, bounds)

    def _write(self, doc: Doc, agreement: Agreement, naming: Mention, bounds: tuple[int, int], item: int) -> None:
        """Add the agreement's mention spans, references ("the deal") included as its aliases, under the
        name of its naming mention; bounds are those of the sentence around its first mention; item
        tells apart agreements of one name."""
        text = doc_text(doc)
        name = text[naming.start:naming.end]
        evidence = agreement.facts.evidence
        for mention in sorted(agreement.mentions + agreement.references, key=lambda m: m.start):
            add_span(doc, self.span_key, mention.start, mention.end, "AGREEMENT", rule=mention.rule, canonical=name, item=item,
                     kind=naming.kind, status=agreement.facts.status, parties=list(agreement.facts.parties),
                     signatories=list(agreement.facts.signatories), date=agreement.facts.date,
                     sentence=text[bounds[0]:bounds[1]].strip(), evidence=evidence)


class _NamedBefore:
    """Every mention and reference of the agreements, so that what follows them ("A signed for X",
    "It was signed by A") goes to the agreement named last before it, within SIGNED_FOR_REACH."""

    def __init__(self, agreements: list[Agreement]):
        self.agreements = agreements
        self.seen = sorted((m.start, index) for index, a in enumerate(agreements) for m in a.mentions + a.references)

    def last(self, position: int) -> Agreement | None:
        """The agreement named last before position, if it is near enough."""
        before = bisect_left(self.seen, (position, -1))
        if not before or position - self.seen[before - 1][0] > SIGNED_FOR_REACH:
            return None
        return self.agreements[self.seen[before - 1][1]]

    def last_two(self, position: int) -> list[Agreement]:
        """The two agreements named last before position, if both are near enough, else none."""
        before = bisect_left(self.seen, (position, -1))
        found: list[int] = []
        for start, index in reversed(self.seen[:before]):
            if position - start > SIGNED_FOR_REACH:
                break
            if index not in found and not self.agreements[index].is_set:
                found.append(index)
            if len(found) == 2:
                return [self.agreements[i] for i in found]
        return []


# A sentence that opens with a pronoun for the agreement and its signing: "It was signed by …".
PRONOUN_SIGNED = compile_latin(r"[\s\"“]*(?:it|they)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+")


@from_rules
def _both_signed() -> re.Pattern:
    """ "Both agreements were signed by …", "The two treaties were signed by …" (any plural head word):
    a sentence that opens with the two named just before, in lowered() text."""
    plurals = sorted((w.lower() for w, h in head_words().items() if "plural" in h.flags), key=len, reverse=True)
    return compile_latin(rf"[\s\"“]*(?:both|the\s+two)(?:\s+(?:{'|'.join(map(re.escape, plurals))}))?"
                         r"\s+(?:were|had\s+been|have\s+been)\s+")


@Language.factory(
    "extractor_agreements",
    assigns=["doc.spans", "span._.canonical", "span._.item", "span._.kind", "span._.status", "span._.parties", "span._.signatories",
             "span._.date", "span._.sentence", "span._.rule", "span._.evidence"],
    # the people, organisations and dates found, with their names and values, and the sentences
    # (and the titles found with their holders, for signers named only by title)
    requires=["doc.spans", "doc._.header_end", "span._.canonical", "span._.value", "span._.person", "span._.organisation",
              "token.is_sent_start"],
    default_config={"span_key": "agreements", "people_key": "people", "orgs_key": "organisations", "dates_key": "dates",
                    "roles_key": "roles"},
)
def make_agreements(nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str, dates_key: str,
                    roles_key: str) -> AgreementFinder:
    """Factory for the agreement finder."""
    return AgreementFinder(nlp, name, span_key, people_key, orgs_key, dates_key, roles_key)
