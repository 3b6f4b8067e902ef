"""Where agreements are mentioned, and which mentions name one rather than refer back to it.

An agreement mention is a head word ("MoU", "deal", "framework") with the modifiers written
before it ("free trade", "Harbour Link", "12-year") and a topic after it ("on Coastal
shipping", "for Japan-Chile Energy Partnership"). Whether it introduces an agreement
is read from the determiner, as a reader would: "a deal" and "the Paris Agreement" name one,
"the deal" refers back to one already named, "any deal" and "deals" name none.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .lexicon import (HeadWord, clause_starts, cue_words, determiners, general_kinds, head_matches, head_pattern, head_words, lookup_head,
                      lowered, party_names, signing_pattern, signing_verbs)
from ..common.lexicon import calendar_words, common_capitalised, currency_codes, org_heads, places
from ..common.regex import alternation, compile_latin
from ..common.rules import from_rules
from ..common.text import headline_bounds, line_bounds

INTRO = "intro"  # names an agreement: reported, starts an item or joins one with the same surface
REMENTION = "remention"  # an acronym head after a determiner ("the MoU"): reported, joins the last one of its kind
ACRONYM = "acronym"  # an acronym defined for an agreement ("(IA)") or a later use of it: reported, joins it
DEFINITE_NAME = "definite_name"  # "the Convention": a reference after one of its kind, else an INTRO
REFERENCE = "reference"  # "the deal": not reported, its sentence adds facts to the agreement it refers to
#                           (with no agreement before it, it introduces one)
NAME_BACK = "name_back"  # "the declaration" after "the Lima Declaration": joins the last one of its kind, else nothing
HEADLINE = "headline"  # in a title-case line: reported only when the body names no agreement of its kind
PENDING = "pending"  # a weak head ("framework") that names an agreement only if an agreement is on it
SET = "set"  # a plural naming particular agreements ("two MoUs", "the agreements on trade"): one item for the set

# The rules (span._.rule) of the constructions that find a mention.
HEAD_WORD = "agreements:head_word"  # a head word with its modifiers and topic: "a free trade agreement on X"
NAMED_PLURAL = "agreements:named_plural"  # a capitalised plural name: "Oslo Accords"
DEFINITE_NAME_RULE = "agreements:definite_name"  # a name's head alone after "the": "the Convention"
REMENTION_RULE = "agreements:remention"  # an acronym head after a determiner: "the MoU"
NAME_BACK_RULE = "agreements:name_back"  # a name's head in lower case after "the": "the declaration"
REFERENCE_RULE = "agreements:reference"  # a definite head that refers back: "the deal", "the documents"
DISTINCT = "agreements:distinct"  # one more of its kind: "another MoU", "the third agreement"
HEADLINE_RULE = "agreements:headline"  # a head word in a title-case line
SET_RULE = "agreements:set"  # a plural naming particular agreements: "two MoUs", "11 Memorandum of Understanding (MoUs)"
ACRONYM_RULE = "agreements:acronym"  # an acronym defined after a mention: "(IA)"
ACRONYM_USE = "agreements:acronym_use"  # a later use of a defined acronym
ABSORBED = "agreements:absorbed"  # "an agreement" that a framework after it is on: "an agreement on a framework"
WEAK_HEAD = "agreements:weak_head"  # a weak head named by an agreement on it: "… on a framework"
_ROLE_RULES = {DEFINITE_NAME: DEFINITE_NAME_RULE, REMENTION: REMENTION_RULE, REFERENCE: REFERENCE_RULE}

WORD = compile_latin(r"\S+")
CAPITALISED = compile_latin(r"(?:[A-Z]\.){2,}|[A-Z][\w'’&.-]*")
LOWER_MODIFIER = compile_latin(r"[a-z][a-z-]*[a-z]")
YEAR = compile_latin(r"(?:19|20)\d\d")
NUMERIC_MODIFIER = compile_latin(r"\d+(?:[.,]\d+)?(?:-[a-z]+)+")  # "20-year", "180-million-dollar"
# How long an agreement runs: "three-year", "25-year", "six-month"
LASTING = compile_latin(r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty)"
                        r"-(?:year|month|week|day|decade)s?")
ADVERB_OR_PARTICIPLE = compile_latin(r"(?<![pbio])ly$|ed$")  # "jointly", "signed"; not "supply", "assembly", "family"
CURRENCY_SIGNS = "$€£₹¥₦₱₩₺₽₫₪₴"
QUANTITY = compile_latin(rf"(?:[A-Z]{{0,3}}[{CURRENCY_SIGNS}]|Rs\.?|Ksh|R|N)?\d[\d,.]*(?:bn|mn|m|k|b|cr)?|[A-Z]{{0,3}}[{CURRENCY_SIGNS}][\d,.]*\w*")
# a currency's letter before an amount with its scale, written as one modifier: "P2.3-billion", "P2.3-B"
LETTERED_AMOUNT = compile_latin(r"[A-Z]{1,3}\d[\d,.]*-(?:billion|million|trillion|bn|mn|tn|B|M)")
CLOSING = ",;:.!?)]\"”’'"
# An amount in brackets right before a head, converted into another currency: " ($430 million) "
_AMOUNT_IN_BRACKETS = compile_latin(r"[ \t]\([^()\n]{0,40}\d[^()\n]{0,40}\)[ \t]+$")
QUOTES = "\"“‘'"
TAIL_TOKEN = compile_latin(rf"(?:[A-Z]\.){{2,}}|[{CURRENCY_SIGNS}]?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\w|,\d)"  # "50,000", "$1,200.5"
                           rf"|[\w{CURRENCY_SIGNS}][\w'’&-]*(?:\.\d+)?|\S")
ACRONYM_AFTER = compile_latin(r"[ \t]*\([ \t]*([A-Z][A-Za-z&.-]{1,11})[ \t]*\)")
GLUED_STOP = compile_latin(r"^[a-z]{2,}\.(?=[a-z])")
OPENING_QUOTES = ("\"", "“")
CLOSING_QUOTES = ("\"", "”")
QUOTED_TITLE = compile_latin(r"[ \t]*[\"“]([A-Z][^\"”\n]{2,80})[\"”]")
TAIL_CONNECTORS = {"of", "in", "and", "&", "the", "a", "an", "for", "on"}
MAX_TAIL_WORDS = 8
LONG_TAIL_WORDS = 13  # "on the mutual recognition of driving licences for professional drivers," ends at its comma
MAX_LOWER_MODIFIERS = 3
ABSORB_WINDOW = 10  # words between "an agreement" and the framework it is on


@dataclass
class Mention:
    """One agreement mention: its span, its kind and how it relates to the agreements named so far."""

    start: int
    end: int
    kind: str
    role: str
    head_start: int
    head_end: int
    named: bool = False
    determiner: str | None = None  # the word before the modifiers ("another", "the", "signed")
    plural: bool = False  # a plural reference ("the documents") refers to a set
    defined_by: "Mention | None" = None  # for ACRONYM: the mention the acronym was defined for
    absorbed_by: "Mention | None" = None  # "an agreement … on a framework": the framework it is
    rule: str = HEAD_WORD  # the construction that found it (span._.rule)


class Cuts:
    """Ranges of other entities (names, dates), sorted: a topic stops at them, a head inside one is part of it."""

    def __init__(self, ranges=()):
        self.ranges = sorted(ranges)
        self.starts = [start for start, _ in self.ranges]

    def _before(self, position: int) -> list[tuple[int, int]]:
        index = bisect_left(self.starts, position)
        return self.ranges[max(0, index - 4):index]  # overlapping entities are few; the nearest ones suffice

    def covering(self, position: int) -> bool:
        """Whether an entity starts before position and ends after it."""
        return any(position < end for _, end in self._before(position))

    def inside(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside an entity that goes on after it ("Treaty Organization")."""
        return any(end < e for _, e in self._before(start + 1))

    def next_start(self, position: int, limit: int) -> int:
        """Where the first entity at or after position begins, or limit."""
        index = bisect_left(self.starts, position)
        return min(limit, self.starts[index]) if index < len(self.starts) else limit


@dataclass
class _Left:
    """What stands before a head word: where its modifiers begin, and the determiner before them."""

    start: int
    determiner: str | None = None
    before_determiner: str | None = None
    capitalised: bool = False
    numeric: bool = False
    modified: bool = False
    quoted: bool = False
    in_apposition: bool = False  # "the builder's win, a $40 million contract": describes what precedes
    determiner_start: int | None = None  # where the determiner is written
    compound_kind: str | None = None  # the kind of a head of several words written before this one


def is_title_line(line: str) -> bool:
    """A headline in title case ("Harbour Builder Wins Navy Dock Contract")."""
    if len(line) > 250 or ". " in line:
        return False
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= 3 and capitalised >= 0.8 * len(long_words) and not line.rstrip().endswith(".")


def _left(text: str, line_start: int, head_start: int) -> _Left:
    """Walk back from a head word over its modifiers to the determiner."""
    left = _Left(head_start)
    prefix_start = max(line_start, head_start - 200)
    prefix = text[prefix_start:head_start]
    if amount := _AMOUNT_IN_BRACKETS.search(prefix):
        prefix = prefix[:amount.start()] + " "  # "a 1.9 billion ringgit ($430 million) contract": the amount again
    if compound := _phrase_head_before().search(prefix.lower()):
        # "a line of credit agreement": a head of several words modifies this one
        left.start, left.modified = prefix_start + compound.start(), True
        left.compound_kind = lookup_head(" ".join(compound.group().split())).kind
        prefix = prefix[:compound.start()]
    if prefix and not prefix[-1].isspace():
        glued = re.search(r"\S+$", prefix).group()
        if not all(c in QUOTES for c in glued):
            return left
        left.quoted = True
        prefix = prefix[: -len(glued)]
    words = list(WORD.finditer(prefix))
    outside = left.quoted  # once set, words are context, not part of the name
    lower = 0
    verb, verb_end = None, head_start  # the -ing modifier nearest the head, and where the words after it start
    for index in range(len(words) - 1, max(-1, len(words) - 9), -1):
        word = words[index].group()
        lowered = word.lower()
        previous = words[index - 1].group().lower() if index > 0 else None
        if word[-1] == "," and lower and not outside and word[:-1].islower() and _lower_modifier(lowered[:-1]) \
                and any(w.group() == "and" for w in words[index + 1:]):
            left.start, left.modified = prefix_start + words[index].start(), True
            lower += 1  # "the engineering, procurement and construction contract": a list of modifiers
            continue
        if word[-1] in CLOSING and not re.fullmatch(r"(?:[A-Z]\.){2,}", word):
            return left
        if word.endswith(("'s", "’s")):
            left.determiner = "'s"
            return left
        if not outside and (lowered.isdigit() or lowered in cue_words("indefinite")
                             and lowered not in ("a", "an", "another")) \
                and index + 1 < len(words) and words[index + 1].group().lower() in cue_words("duration_unit"):
            left.start, left.numeric, left.modified = prefix_start + words[index].start(), True, True
            continue  # "a five year partnership": how long, not how many
        # an amount, not a capitalised name ("a P2.3-billion water contract"); the year it was made ("the 1998
        # agreement on air services", one of its own; not of "the 2011 Convention")
        if not outside and (LETTERED_AMOUNT.fullmatch(word)
                            or YEAR.fullmatch(word) and not left.capitalised and text[head_start].islower()):
            left.start, left.numeric, left.modified = prefix_start + words[index].start(), True, True
            continue
        if QUANTITY.fullmatch(word) or lowered in cue_words("quantity") or word in currency_codes() and (
                index + 1 < len(words) and words[index + 1].group()[:1].isdigit()):  # "a EUR 412 million contract"
            outside = True
            continue
        # '"Any agreements' and 'approved.The documents' (a full stop with no space after it) too
        bare = GLUED_STOP.sub("", lowered.lstrip(QUOTES))
        if bare in determiners():
            left.determiner, left.before_determiner = bare, previous
            left.determiner_start = prefix_start + words[index].end() - len(bare)
            left.in_apposition = previous is not None and previous.endswith(",")
            return left
        opened = word.lstrip(QUOTES)  # '"Nairobi Framework"': the name starts after the quote
        if opened and opened[0].isupper() and verb is not None:
            # "EU-US seeking deal": the -ing word was a verb, not a modifier
            left.start, left.modified, left.determiner = verb_end, verb_end < head_start, verb
            return left
        if opened and opened[0].isupper() and index + 1 < len(words) and _headline_verb(
                text, words[index + 1].group(), head_start, next_to_head=index + 2 == len(words)):
            # "Tarvo reviews foreign deals": a headline's present tense after its subject, not a modifier
            after = words[index + 1]
            left.start = prefix_start + after.end() + len(prefix[after.end():]) - len(prefix[after.end():].lstrip())
            left.modified, left.determiner = left.start < head_start, after.group().lower()
            return left
        if opened and opened[0].isupper() and CAPITALISED.fullmatch(opened):
            function_word = opened == "I" or not opened.isupper() and opened.lower() in cue_words("not_modifier")
            if opened in common_capitalised() or opened in calendar_words() or function_word or outside:
                left.determiner, left.before_determiner = lowered, previous
                return left
            left.start, left.capitalised = prefix_start + words[index].end() - len(opened), True
            if opened != word:
                return left
            continue
        if lowered in cue_words("skipped_adjective"):
            outside = True
            continue
        if not outside and NUMERIC_MODIFIER.fullmatch(word):
            left.start, left.numeric, left.modified = prefix_start + words[index].start(), True, True
            continue
        if lowered.endswith("ing") and previous in cue_words("gerund_preposition"):
            left.determiner, left.before_determiner = lowered, previous  # "a mechanism for reviewing MoUs": a verb
            return left
        if lowered in ("and", "&") and lower and not outside and index > 0 and words[index - 1].group().islower() \
                and _lower_modifier(previous):
            continue  # "a purchase and sale agreement": two modifiers joined
        if lowered in ("and", "&") and left.capitalised and not lower and not outside and index > 0 \
                and _name_word_before_and(words[index - 1].group()):
            continue  # "the Trade and Investment Framework Agreement": one title, joined inside
        if _lower_modifier(lowered) and left.capitalised and not outside and lowered not in cue_words("distinct"):
            left.determiner, left.before_determiner = lowered, previous
            return left  # "Sokół Białystok lands ZenitPay shirt deal": a lower-case word before a name is the sentence's
        if _lower_modifier(lowered):
            if outside or lower == MAX_LOWER_MODIFIERS:
                outside = True  # "a long-term oil supply deal": the name keeps the words nearest the head
                continue
            if lowered.endswith("ing") and verb is None:
                verb, verb_end = lowered, left.start
            left.start, left.modified = prefix_start + words[index].start(), True
            lower += 1
            continue
        if lowered.endswith("ed") and previous in cue_words("definite"):
            outside = True  # "the renewed MoU", "the signed agreement": the one named, at a later stage
            continue
        written_before = words[index - 1].group() if index > 0 else ""  # as written: "US$180m", "Ksh500"
        if lowered.endswith("ed") and (previous in ("a", "an") or previous and (QUANTITY.fullmatch(written_before) or previous in cue_words(
                "quantity"))) and not outside and lower < MAX_LOWER_MODIFIERS \
                and LOWER_MODIFIER.fullmatch(lowered) and lowered not in cue_words("not_modifier"):
            left.start, left.modified = prefix_start + words[index].start(), True  # "a syndicated loan", "a revised contract"
            lower += 1
            continue
        left.determiner, left.before_determiner = lowered, previous
        return left
    return left


@from_rules
def _phrase_head_before() -> re.Pattern:
    """A singular head word of several words ("line of credit") right before another head."""
    phrases = sorted((w for w, h in head_words().items() if " " in w and "plural" not in h.flags and not h.cased),
                     key=len, reverse=True)
    return compile_latin(rf"(?<![\w-])(?:{'|'.join(map(re.escape, phrases))})[ \t]+$")


def _headline_verb(text: str, word: str, position: int, next_to_head: bool) -> bool:
    """Whether a lower-case word ending in -s right after a headline's subject is its present-tense
    verb ("Tarvo reviews foreign deals", "Peru seals deal"); right before the head only a signing
    verb is ("US arms deal" is a kind of deal)."""
    if not (word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))):
        return False
    if next_to_head and word not in signing_verbs():
        return False
    headline = headline_bounds(text)
    return headline is not None and headline[0] <= position < headline[1] and not is_title_line(text[headline[0]:headline[1]])


def _name_word_before_and(word: str) -> bool:
    """Whether a word before "and" in a title goes on the title: a capitalised word that is not a
    place or party ("Chile and Peru Trade Agreement": two sides, then the name)."""
    return bool(CAPITALISED.fullmatch(word)) and not word.isupper() and word not in common_capitalised() \
        and word not in calendar_words() and not _place_or_party(word)


def _lower_modifier(lowered: str) -> bool:
    """Whether a lower-case word can modify a head ("supply", "defence"), not a function word or "-ly"."""
    return bool(LOWER_MODIFIER.fullmatch(lowered)) and lowered not in cue_words("not_modifier") \
        and not ADVERB_OR_PARTICIPLE.search(lowered)


def _not_a_topic(tokens: list[tuple[str, int, int]], index: int, article: bool) -> bool:
    """Whether the first word after "for"/"on" starts something else: a purpose ("for sharing data",
    unless after an article: "for the building of"), an amount ("for $5 million", "for 10 years")."""
    token = tokens[index][0]
    lowered = token.lower()
    if lowered in TAIL_CONNECTORS:
        return False
    if lowered.endswith(("ing", "ed")) and token.islower() and not article:
        return True
    if token[0] in CURRENCY_SIGNS or lowered in cue_words("quantity") or lowered in cue_words("approximation"):
        return True  # "for $5 million", "for close to $1 billion"
    following = tokens[index + 1][0].lower() if index + 1 < len(tokens) else ""
    return bool(QUANTITY.fullmatch(token)) and (following in cue_words("quantity") or following in cue_words("tail_stop")
                                                 or not following[:1].isalpha())


def _place_or_party(word: str) -> bool:
    """Whether word is a place or a party name (two lookups, no union of the sets built per call)."""
    return word in places() or word in party_names()


def _tail(text: str, head_end: int, line_end: int, cuts: Cuts, of_allowed: bool = True,
          capitalised_only: bool = False) -> tuple[int, bool]:
    """End of the topic after a head ("on Defence cooperation") and whether it is capitalised.
    "of" starts only a capitalised topic ("Treaty of Rome"), and never after a weak head ("in the
    framework of"); after a name only a capitalised topic continues it ("Convention on Human Rights",
    not "Maastricht Treaty for the adoption")."""
    match = re.match(r"[ \t]+(\w+)[ \t]+", text[head_end:line_end])
    if not match:
        return head_end, False
    preposition = match.group(1).lower()
    named_only = preposition in cue_words("named_tail_preposition")
    if named_only and not of_allowed or not named_only and preposition not in cue_words("tail_preposition"):
        return head_end, False
    named_only = named_only or capitalised_only
    start = head_end + match.end()
    if cuts.covering(start):
        return head_end, False
    limit = cuts.next_start(start, line_end)  # a date or name ends the topic
    tokens = [(m.group(), start + m.start(), start + m.end()) for m in TAIL_TOKEN.finditer(text[start:limit])]
    words: list[tuple[str, int, int]] = []
    punctuated = False  # whether the topic ends at punctuation (a comma, a full stop, a bracket)
    for index, (token, _, _) in enumerate(tokens):
        lowered = token.lower()
        if not (token[0].isalnum() or token[0] in CURRENCY_SIGNS):
            punctuated = True
            break
        if lowered in cue_words("tail_stop") or token in calendar_words():
            break
        inner = lookup_head(token)
        if inner is not None and not ("relation" in inner.flags and token[0].isupper()):
            return head_end, False  # "an accord on a new contract": the topic is another agreement
        if token.endswith(("'s", "’s")) and token[0].isupper():
            break  # someone else's ("a deal for Everton's Thomas Gravesen"), not "on joint master's programmes"
        if lowered.endswith("ed") and index + 1 < len(tokens) and tokens[index + 1][0].lower() in ("to", "by"):
            break  # "an MoU on air services intended to prepare …": a clause about it, not its topic
        if not words or all(w[0].lower() in TAIL_CONNECTORS for w in words):
            if _not_a_topic(tokens, index, article=bool(words)):
                return head_end, False
        article = index + 2 < len(tokens) and tokens[index + 1][0] == "the"  # "in the Bono East region", a place's
        if lowered in ("in", "at", "near", "outside") and index + 1 < len(tokens) and (
                _place_or_party(tokens[index + 1][0]) or article and _place_or_party(tokens[index + 2][0])
                or not article and tokens[index + 1][0][:1].isupper() and not any(w[0][:1].isupper() for w in words)):
            break  # "… in Oslo", "on visa exemption in Bamako": where it was signed
        if named_only and words and token.islower() and lowered not in TAIL_CONNECTORS:
            break  # a title goes on in capitals: "Convention on Human Rights and meet our duty"
        if lowered == "and" and index + 1 < len(tokens) and tokens[index + 1][0].lower() in clause_starts():
            break
        if lowered == "for" and any(t[0].lower().rstrip("s") in cue_words("duration_unit") for t in tokens[index + 1:index + 5]):
            break  # "on student exchange for a further five years": how long it runs, not what it is on
        words.append(tokens[index])
        if len(words) > LONG_TAIL_WORDS:
            return head_end, False
    if len(words) > MAX_TAIL_WORDS and not punctuated:
        return head_end, False  # a long topic is one only up to punctuation
    while words and words[-1][0].lower() in TAIL_CONNECTORS:
        words.pop()
    content = [w for w in words if w[0].lower() not in TAIL_CONNECTORS]
    if not content:
        return head_end, False
    capitalised = any(w[0][0].isupper() for w in content)
    topic = text[content[0][1]:words[-1][2]]
    if (named_only and not content[0][0][0].isupper()) or topic in party_names():
        return head_end, False
    return words[-1][2], capitalised


def _role(head: HeadWord, left: _Left, named: bool, acronym: bool, tailed: bool) -> str | None:
    """INTRO, REMENTION, DEFINITE_NAME, REFERENCE, or None when the mention names no particular agreement."""
    if left.determiner in cue_words("not_specific") or left.before_determiner == "such":
        return None  # "any deal", "to sign such an agreement": no particular one
    definite = left.determiner in cue_words("definite") or left.determiner == "'s"
    bare = not (left.modified or left.capitalised or tailed or acronym)
    if head.cased:
        return REMENTION if definite and bare else INTRO
    if named and bare:
        # "the Joint Declaration", "a Letter of Intent"; alone it is some other name ("Pact", "Accord")
        if definite:
            return DEFINITE_NAME
        if left.determiner not in cue_words("indefinite") | signing_verbs():
            return None
    if named or acronym:
        return INTRO
    determiner = left.determiner
    if determiner in cue_words("indefinite"):
        return None if bare and left.in_apposition else INTRO
    if determiner in cue_words("definite") or determiner == "'s":
        return INTRO if left.numeric else REFERENCE  # "the 2019 agreement" is one of its own; "the three-year agreement" the one named
    if determiner in signing_verbs():
        # "reached agreement on Friday": agreeing, not an agreement of its own
        return None if bare and head.kind == "agreement" and determiner.startswith("reach") else INTRO
    return None


def _inside_longer_name(text: str, line_start: int, position: int) -> bool:
    """Whether a capitalised word at position continues a name through a connector ("Reconciliation and Accord")."""
    words = text[line_start:position].split()[-2:]
    return len(words) == 2 and words[1] in ("and", "of", "&", "for") and words[0][:1].isupper()


@from_rules
def _weak_evidence_after() -> re.Pattern:
    """ "between", or a past form of a verb that signs (maybe after "was", "has been"), right after a
    weak head: "framework between", "framework was signed". "agreed" is no signing verb but says as much."""
    signed = alternation(signing_verbs(form="past", act="signs") | {"agreed"})
    return compile_latin(rf"[ \t]+(?:between\b|(?:(?:was|were|is|are|has been|have been|had been|will be|to be)[ \t]+)?"
                         rf"(?:(?:first|\w+ly)[ \t]+)?(?:{signed})\b)")


@from_rules
def _signed_later() -> re.Pattern:
    """A clause soon after a weak head that says it was signed: ", which was signed", ", signed by",
    ", was signed by" (after an apposition: "The first, a memorandum on trade, was signed by"),
    "that Ghana and Peru signed"."""
    signed = alternation(signing_verbs(form="past", act="signs"))
    sides = r"[A-Z][\w'’-]*(?:[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w'’-]*){0,5}"
    passive = r"(?:was|were|has[ \t]+been|had[ \t]+been)[ \t]+(?:\w+ly[ \t]+)?"
    return compile_latin(rf"[^.;:!?\n]{{0,120}}?(?:,[ \t]+(?:(?:which|that)[ \t]+{passive}"
                         rf"(?:{signed})|(?:{passive})?(?:{signed})[ \t]+by)"
                         rf"|,?[ \t]+(?:which|that)[ \t]+(?:the[ \t]+)?{sides}[ \t]+(?:had[ \t]+|have[ \t]+)?(?:{signed}))\b")


# "entered into a framework", "put pen to paper on the memorandum": signing, said without a signing verb before it
_ENTERED_INTO = compile_latin(r"\b(?:(?:enter|enters|entered|entering)[ \t]+into|pen[ \t]+to[ \t]+paper[ \t]+on)[ \t]+$", re.I)


def _signed_or_between(text: str, left: _Left, after: str, untailed: bool, relation: bool) -> bool:
    """Whether the text says a weak head is signed or made between parties ("signed a framework",
    "framework between A and B", "framework was signed", "the protocol of the session, which was
    signed", "a memorandum on rail freight between A and B, signed by"); after a topic, "between"
    is the topic's ("a framework for cooperation between A and B"), and a relation ("partnership
    between two leaders") is not made by it."""
    signing = signing_verbs()
    evidence = _weak_evidence_after().match(after)
    between = evidence is not None and evidence.group().strip() == "between"
    return (evidence is not None and not (between and (relation or not untailed))
            or _signed_later().match(after) is not None
            or left.determiner in signing or left.before_determiner in signing
            # "replaces a 2012 shipping protocol": what an agreement replaces or amends is one
            or left.before_determiner in cue_words("succession_verb")
            # "to form a joint venture": a relation formed is one agreed
            or relation and left.before_determiner in cue_words("forming_verb")
            or left.before_determiner in ("into", "on") and left.determiner_start is not None
            and _ENTERED_INTO.search(text, max(0, left.determiner_start - 30), left.determiner_start) is not None
            # "signed an agreement on trade and a protocol on air services": one more thing signed
            or left.before_determiner == "and" and left.determiner_start is not None
            and _signed_earlier_in_sentence(text, left.determiner_start))


LISTED_REACH = 200  # characters before a listed weak head within which its sentence's signing verb is looked for


_RELATIVE_BEFORE = compile_latin(r"\b(?:which|who|that)[ \t]+(?:\w+ly[ \t]+)?$")


def _signed_earlier_in_sentence(text: str, position: int) -> bool:
    """Whether the sentence's main clause signs, within LISTED_REACH before position: a signing verb
    there, not one of a relative clause ("Norland, which signed a deal last year, wants …")."""
    window = text[max(0, position - LISTED_REACH):position]
    window = window[max(window.rfind(". "), window.rfind("\n")) + 1:].lower()
    return any(not _RELATIVE_BEFORE.search(window, 0, verb.start()) for verb in signing_pattern().finditer(window))


def classify(text: str, head_start: int, head_end: int,
             cuts: Cuts | None = None) -> tuple[Mention, tuple[int, int] | None] | None:
    """The mention around one head word and the range of an acronym defined for it, or None."""
    head = lookup_head(text[head_start:head_end])
    line_start, line_end = line_bounds(text, head_start)
    if head is None:
        return None
    after = text[head_end:line_end]
    following = re.match(r"[ \t]+([A-Za-z][\w-]*)", after)
    if following and (following.group(1).lower() in cue_words("compound_follower") or following.group(1) in org_heads()):
        return None
    if following and head_pattern().match(after[following.start(1):following.start(1) + 40].lower()):
        return None  # "framework agreement", "Joint Declaration agreement": the last word is the head
    if is_title_line(text[line_start:line_end]):
        if "plural" in head.flags and head.cased:
            return None
        # its topic as in the body ("Joint Statement on Chile-Ontario Trade"), which may name its parties
        end, _ = _tail(text, head_end, line_end, cuts or Cuts(), of_allowed=False, capitalised_only=True)
        return Mention(head_start, end, head.kind, HEADLINE, head_start, head_end, rule=HEADLINE_RULE), None
    left = _left(text, line_start, head_start)
    if "reference" in head.flags:
        if left.determiner not in cue_words("definite") or left.start != head_start:
            return None  # "a document", "court documents": no agreement meant
        return Mention(head_start, head_end, head.kind, REFERENCE, head_start, head_end, determiner=left.determiner,
                       plural="plural" in head.flags, rule=REFERENCE_RULE), None
    if " ".join(text[left.start:head_end].lower().split()[-2:]) in cue_words("idiom"):
        return None
    if "plural" in head.flags:
        if "named" in head.flags and left.capitalised and text[head_start].isupper() and not head.cased:  # "Oslo Accords"
            return Mention(left.start, head_end, head.kind, INTRO, head_start, head_end, named=True, rule=NAMED_PLURAL), None
        return _set_mention(text, head, left, head_start, head_end, line_end, cuts)
    end, tail_capitalised = _tail(text, head_end, line_end, cuts or Cuts(), of_allowed="weak" not in head.flags,
                                  capitalised_only=left.capitalised or text[head_start].isupper() and not head.cased)
    if end == head_end and IN_PRINCIPLE.match(text, end):
        end = IN_PRINCIPLE.match(text, end).end()  # "an agreement in principle" names one, before its details
    quoted_title = QUOTED_TITLE.match(text, end, line_end) if end == head_end else None
    if quoted_title:
        end, tail_capitalised = quoted_title.end(), True  # 'the agreement "On grid connection"'
    start = left.start
    if text[end:end + 1] in CLOSING_QUOTES:
        # '"Addendum to the port agreement"': a quoted title that ends with its head is the name
        opening = max(text.rfind(q, line_start, left.start) for q in OPENING_QUOTES)
        if opening >= 0 and left.start - opening <= 80 and text[opening + 1:opening + 2].isupper() \
                and not any(q in text[opening + 1:end] for q in OPENING_QUOTES + CLOSING_QUOTES):
            start, tail_capitalised = opening + 1, True
            left = _Left(start, determiner=None, capitalised=True, modified=True)
    before = text[line_start:left.start].rstrip()
    sentence_start = left.quoted or not before or before[-1] in ".!?:(" + QUOTES
    named = left.capitalised or tail_capitalised or (text[head_start].isupper() and not head.cased and not sentence_start)
    acronym_match = ACRONYM_AFTER.match(text, end)
    acronym = None
    if acronym_match and sum(c.isupper() for c in acronym_match.group(1)) >= 2:
        if re.search(r"[A-Z]s$", acronym_match.group(1)):
            # "11 Memorandum of Understanding (MoUs)": several agreements
            found = _set_mention(text, head, left, head_start, head_end, line_end, cuts)
            return (Mention(found[0].start, end, head.kind, SET, head_start, head_end, determiner=left.determiner,
                            rule=SET_RULE), None) if found else None
        acronym = acronym_match.span(1)
    if "named" in head.flags and not (named and text[head_start].isupper()):
        if left.determiner in cue_words("definite") and left.start == head_start and end == head_end \
                and not head.cased and "plural" not in head.flags:
            # "the declaration": the one of its kind named before, if any
            return Mention(head_start, head_end, head.kind, NAME_BACK, head_start, head_end,
                           determiner=left.determiner, rule=NAME_BACK_RULE), None
        return None  # "Kyoto Protocol", not "security protocol" or "Elvis convention"
    if text[head_start].isupper() and not left.capitalised and _inside_longer_name(text, line_start, left.start):
        return None  # "Day of Reconciliation and Accord"
    if left.determiner in cue_words("indefinite") - {"a", "an", "another", "one"} and not named:
        return _set_mention(text, head, left, head_start, head_end, line_end, cuts)  # "two MOU", "three contract"
    role = _role(head, left, named, acronym is not None, end > head_end)
    rule = _ROLE_RULES.get(role, HEAD_WORD)
    start = left.start
    possessed = (left.before_determiner or "").endswith(("'s", "’s")) or left.before_determiner in cue_words("possessive")
    if role is not None and left.determiner in cue_words("distinct") and left.determiner_start is not None and not possessed:
        # ("the nation's second agreement" counts one already named, in the nation's sequence)
        role, start, rule = INTRO, left.determiner_start, DISTINCT  # "another MoU", "the third agreement": one more, named so
    if "weak" in head.flags and not named and not _signed_or_between(text, left, text[end:line_end], end == head_end,
                                                                      "relation" in head.flags):
        role = PENDING  # even "the framework": a reference to a framework nobody named is no agreement
    if role is None:
        return None
    determiner = left.determiner
    distinct = _DISTINCT_FIRST.match(text, start, head_start) or (_DISTINCT_WORD.match(text, start, head_start) if end > head_end else None)
    if role == INTRO and distinct and distinct.group(1).lower() in _DISTINCT_ADJECTIVES:
        # "a separate commercial agreement", "a separate protocol on joint patrols": one more, named
        # "commercial agreement", "protocol on joint patrols"
        start, determiner = distinct.end(), distinct.group(1).lower()
    # "a line of credit agreement" is a loan: a general head takes the kind of the head before it
    kind = left.compound_kind if left.compound_kind and head.kind in general_kinds() else head.kind
    return Mention(start, end, kind, role, head_start, head_end, named=named,
                   determiner=determiner, rule=rule), acronym


# Words that say an agreement is one more without naming it: its name begins after them.
_DISTINCT_ADJECTIVES = frozenset({"separate", "additional", "further"})
_DISTINCT_FIRST = compile_latin(r"(\w+)[ \t]+(?=\S+[ \t])")  # a first word with another before the head
_DISTINCT_WORD = compile_latin(r"(\w+)[ \t]+")  # the word right before a head that a topic follows
IN_PRINCIPLE = compile_latin(r"[ \t]+in[ \t]+principle(?![\w-])")
NUMBER_WORD = compile_latin(r"\d[\d,]*|a dozen|dozens")


def counts(word: str) -> bool:
    """Whether a lower-case word says how many agreements a set holds ("three", "14", "several")."""
    return word in cue_words("indefinite") - {"a", "an", "another"} or bool(NUMBER_WORD.fullmatch(word))


_ONE_OF = compile_latin(r"\bone[ \t]+of[ \t]+\Z", re.IGNORECASE)
_SUPERLATIVE = compile_latin(r"(?:most[ \t]+\w+|\w+est)\b")


def _set_mention(text: str, head: HeadWord, left: _Left, head_start: int, head_end: int, line_end: int,
                 cuts: Cuts | None) -> tuple[Mention, None] | None:
    """A plural head as the set of agreements it names ("signed two MoUs", "separate agreements
    on trade"), or None when it names none in particular ("any deals", "MoUs are tools")."""
    determiner = left.determiner
    if determiner in cue_words("not_specific") - cue_words("set_quantifier"):
        return None
    if determiner == "the" and left.determiner_start is not None and _SUPERLATIVE.match(text, left.determiner_start + 4) \
            and _ONE_OF.search(text, max(0, left.determiner_start - 12), left.determiner_start):
        return None  # "one of the clearest procurement frameworks in the region": of a kind, no set of them
    bare_plural = determiner not in determiners() and determiner != "'s"
    following = re.match(r"[ \t]+([a-z]+)\b", text[head_end:line_end])
    if bare_plural and following and following.group(1) in cue_words("generic_follower"):
        return None  # "MoUs are tools of diplomacy": what such agreements are, not which
    end, _ = _tail(text, head_end, line_end, cuts or Cuts(), of_allowed="weak" not in head.flags)
    # a set is named as written, with its number and adjectives: "three landmark MoUs", "39 contracts"
    start = left.start
    for word in reversed(list(WORD.finditer(text, max(0, start - 60), start))):
        lowered = word.group().lower()
        if not counts(lowered) and lowered not in cue_words("skipped_adjective"):
            break
        start = word.start()
    before = (left.before_determiner or "").lstrip(QUOTES)
    if counts(determiner or "") and before in cue_words("definite"):
        determiner = before  # '"These three agreements': the set named before, counted again
    return Mention(start, end, head.kind, SET, head_start, head_end, determiner=determiner, rule=SET_RULE), None


def _absorbs(text: str, earlier: Mention | None, weak: Mention) -> bool:
    """Whether a bare "an agreement" just before is the agreement on this framework."""
    if earlier is None or earlier.role != INTRO or earlier.named or (earlier.start, earlier.end) != (earlier.head_start, earlier.head_end):
        return False
    gap = text[earlier.end:weak.start]
    words = gap.split()
    if re.search(r"[.;!?\n]", gap) or len(words) > ABSORB_WINDOW:
        return False
    while words and words[-1].lower() in determiners():
        words.pop()
    return bool(words) and words[-1].lower() in cue_words("tail_preposition")


def find_mentions(text: str, cuts: list[tuple[int, int]] = (), start: int = 0) -> list[Mention]:
    """Every agreement mention after start, with acronym definitions and their later uses, in text order."""
    cuts = Cuts(cuts)
    mentions: list[Mention] = []
    acronyms: list[tuple[str, Mention, int]] = []
    covered = start
    for match in head_matches(lowered(text), start):
        if match.start() < covered or text[match.start() - 1:match.start()] == "-" or cuts.inside(*match.span()) \
                or text[match.end():match.end() + 1] == "-" and text[match.end() + 1:match.end() + 2].isalpha():
            # inside a compound: "loan-for-oil deal", "deal-making"
            continue
        found = classify(text, match.start(), match.end(), cuts)
        if found is None:
            continue
        mention, acronym = found
        if mention.role == PENDING:
            earlier = next((m for m in reversed(mentions) if m.role != ACRONYM and m.start < mention.start), None)
            if _absorbs(text, earlier, mention):
                mention.role, mention.rule = INTRO, WEAK_HEAD
                earlier.role, earlier.absorbed_by, earlier.rule = REFERENCE, mention, ABSORBED
            elif mention.determiner in cue_words("definite") and not {"plural", "relation"} & lookup_head(
                    text[mention.head_start:mention.head_end]).flags:
                # "the protocol", "the rail memorandum": the one of its kind named before, if any ("the
                # partnership" is as often the sides' relation)
                mention.role, mention.rule = NAME_BACK, NAME_BACK_RULE
            else:
                continue
        while mentions and mentions[-1].start >= mention.start:
            mentions.pop()  # "sign framework political deal": the longer mention holds the earlier one
        mentions.append(mention)
        covered = mention.end
        if acronym is not None:
            definition = Mention(acronym[0], acronym[1], mention.kind, ACRONYM, *acronym, defined_by=mention, rule=ACRONYM_RULE)
            mentions.append(definition)
            acronyms.append((text[acronym[0]:acronym[1]], mention, acronym[1]))
            covered = acronym[1]
    taken = [(m.start, m.end) for m in mentions]
    kept = {id(m) for m in mentions}
    for acronym, defined_by, after in acronyms:
        if id(defined_by) not in kept:
            continue
        for use in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text[after:]):
            span = (after + use.start(), after + use.end())
            if not any(s < span[1] and span[0] < e for s, e in taken):
                mentions.append(Mention(*span, defined_by.kind, ACRONYM, *span, defined_by=defined_by, rule=ACRONYM_USE))
                taken.append(span)
    return sorted(mentions, key=lambda m: m.start)
