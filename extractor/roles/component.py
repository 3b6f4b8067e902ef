"""People's titles and offices as written, with the organisation they belong to.

A role is read around each person mention: the capitalised title right before the name
("Defence Minister Tarun Kapoor", "African Development Bank Regional Director Ms. Aminata Diallo"),
the apposition after it ("X, Director, Coastal Research Centre", "X, co-founders of Orbis",
"X, who is also the Minister for Health", "X as the Vice-Chairman", "X MP") and a military rank
used as honorific ("Rear Admiral"). An organisation span next to the title becomes the
role's organisation instead of part of its text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from ..common.component import RuleComponent
from ..common.doc_data import add_span, doc_text, span_ranges, span_value, span_values
from ..common.lexicon import (LEXICON_FILES, after_portfolio_title, ambiguous_honorifics, calendar_words, common_capitalised, first_names,
                              is_acronym, last_names,
                              not_names, org_heads, places, ranks, role_words)
from ..common.lexicon import lower_title_heads, speech_verbs, trie, word_list, word_set
from ..common.regex import compile_latin, trie as regex_trie
from ..common.rules import data_files, from_rules
from ..people.names import RETIRED, is_honorific

_UNIT = r"(?:[A-Z][\w'’.-]*|\([^()\n]{1,80}\))"
_JOIN = r"(?:[ \t]+(?:(?:of|for|and|&|the|to|in|on|at)[ \t]+)*)"
_CHAIN = rf"{_UNIT}(?:{_JOIN}{_UNIT})*"
# A run of capitalised words and parentheticals that ends right before a name (maybe with a comma).
ROLE_BEFORE = compile_latin(rf"(?P<role>{_CHAIN})[ \t]*,?[ \t]*$")
# "Minister of Energy, Petroleum and Mines, " before a name (its comma optional): a title whose complement is a list.
_UNITS = rf"{_UNIT}(?:[ \t]+{_UNIT})*"
TITLE_LIST_BEFORE = compile_latin(rf"[ \t]+(?P<list>(?:of|for)[ \t]+{_UNITS}(?:,[ \t]+{_UNITS})+,?[ \t]+and[ \t]+{_UNITS})[ \t]*,?[ \t]*$")
# ", Executive Director of IER", ", Director, Institute of ...", " as the Vice-Chairman", " MP".
# After a name, "on"/"in" start what the person did ("... Centre (SAC) on Monday"), not the title.
_CHAIN_AFTER = rf"{_UNIT}(?:(?:[ \t]+(?:(?:of|for|and|&|the|to|at)[ \t]+)*){_UNIT})*"
ROLE_AFTER = compile_latin(
    rf"^(?:[ \t]*,[ \t]+(?:who[ \t]+is[ \t]+(?:also[ \t]+)?)?|[ \t]+as[ \t]+)(?:the[ \t]+)?"
    rf"(?P<role>{_CHAIN_AFTER}(?:[ \t]*,[ \t]*{_CHAIN_AFTER})*)"
)
TITLE_AFTER = compile_latin(rf"^[ \t]+(?P<role>{_CHAIN_AFTER})")
# How every ROLE_AFTER or TITLE_AFTER match begins: most names are followed by neither.
ROLE_AFTER_START = compile_latin(r"[ \t]*,|[ \t]+(?:as[ \t]|[A-Z(])")
# What follows the previous person when it is that person's apposition: ", Adviser to BOG, NCU, ".
APPOSITION_OF_PREVIOUS = compile_latin(r"[ \t]*,(?:[ \t,]+|[A-Z(][^\s,]*|(?:to|of|for|the|in|at|&)(?=[ \t]))*")
RETIRED_AT_END = compile_latin(rf"[ \t]*{RETIRED}[ \t]*$")
POSSESSIVE_ORG = compile_latin(r"^['’]s?[ \t]+")
# A sentence end inside a title run: "... Lusaka CBD. President Mensah" (not "U.S. Secretary").
# Each branch opens with its character and the look-behinds come after it, so that the regex
# engine skips straight to full stops and line breaks.
SENTENCE_END = compile_latin(r"\.(?<![.\s][A-Z]\.)(?<=\w\.)[ \t]+(?=[A-Z])|\n")
PLACE_AT_END = compile_latin(r",[ \t]*([A-Z][\w-]+)$")
JOINS_AT_END = compile_latin(r"(?:[ \t]+(?:of|at|for|in|the|with))+[ \t]*$")
AND_BETWEEN = compile_latin(r"[ \t]+and[ \t]+")
TITLE_WORD = compile_latin(r"[^\s,]+")
COMMA_PART = compile_latin(r"[^,]+")
# Pieces of a title joined by "&", unless the "&" joins an organisation's words ("Research & Development").
AMPERSAND_PIECE = compile_latin(r"(?:[^&]|&(?![ \t]+[A-Z][\w-]*[ \t]+(?:[A-Z]|of)))+")
# " of ", " at the ", " of Kenya's " (an owner's possessive before the organisation) after a title
JOIN_AFTER_TITLE = compile_latin(r"[ \t]+(?:(?P<join>of|at|for)[ \t]+(?:the[ \t]+)?(?P<owner>[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?['’]s?[ \t]+)?)?")


@dataclass(frozen=True)
class RoleFound:
    """A role: its range in the text, the person and organisation it belongs to, and the id of the
    construction it was read from."""

    start: int
    end: int
    person: str
    organisation: str | None
    rule: str
    title: str | None = None  # the title when it is not text[start:end] (a title shared with the next person)


@dataclass(frozen=True)
class PersonMention:
    """What roles needs to know of a person mention."""

    start: int
    end: int
    name: str
    honorific: str | None = None


# The idioms that close a title: "flag officer in command", "editor in chief", "officer in charge",
# "chairman of the board", "member of the supervisory board".
_IN_OFFICE = (r"(?:[ \t]+in[ \t]+(?:command|charge|chief)"
              r"|[ \t]+of[ \t]+the[ \t]+(?:(?:management|supervisory|executive)[ \t]+)?board(?:[ \t]+of[ \t]+directors)?)(?![\w-])")

# A lower-case word of a title's complement ("of energy and mines"), not a word of the sentence.
_COMPLEMENT_WORD = (r"(?!(?:at|of|in|on|with|the|a|an|who|which|whose|that|and|or|said|says|for|to|from|by|since|until)\b)"
                    r"[a-z][\w-]*(?<!ed)(?![\w-])")  # not a verb: "minister for economic affairs added"
_COMPLEMENT_WORDS = rf"{_COMPLEMENT_WORD}(?:[ \t]+{_COMPLEMENT_WORD}){{0,3}}"


@from_rules
def _title_heads_alternation() -> str:
    """The lower-case title heads and the acronym ones ("CEO"), longest first, as one alternation."""
    heads = [w for w in role_words() if w.islower()] + [w for w in word_set("role_words.txt") if w.isupper()]
    return "|".join(sorted(map(re.escape, heads), key=len, reverse=True))


# a word of a lower-case title before its head: not a pronoun or a preposition ("quoted X as saying
# via his lawyers" names no title)
_TITLE_MODIFIER = r"(?!(?:his|her|their|its|our|my|your|via|by|with|to|from|through|who|which|that|as)\b)[a-z][\w-]*"
# an adverb of time before a title is the sentence's: "X, currently finance director of Y,"; so is "former"
# after the article, an adjective of the time too: "X, a former economist"
_TIME_ADVERB = r"(?:(?:currently|formerly|previously|recently|now|also|still)[ \t]+)?"
_FORMER = r"(?:(?:former|then)[ \t]+)?"  # after the article: "X, a former economist at Y"


@from_rules
def lower_role() -> re.Pattern:
    """", the director of ", ", co-founders of ": a lower-case title word of role_words.txt after a
    name's comma, ending in the join before its organisation."""
    titles = _title_heads_alternation()
    title = rf"(?:{_TITLE_MODIFIER}[ \t]+){{0,2}}?(?:{titles})"
    # a joint title is one role: ", chairman and chief executive of"
    return compile_latin(rf"^[ \t]*,[ \t]+{_TIME_ADVERB}(?:(?:the|a|an|its|their)[ \t]+)?{_FORMER}(?P<role>{title}(?:[ \t]+and[ \t]+{title})?)s?"
                         rf"[ \t]+(?:of|at|for)[ \t]+(?:the[ \t]+)?")


COMMA_AFTER = compile_latin(r"[ \t]*,")  # how every lower_role() match begins
_OWNER = r"(?P<owner>[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,3})['’]s?[ \t]+"


@from_rules
def _lower_titles() -> str:
    """The lower-case title heads of role_words.txt as one trie (one character compared per branch)."""
    return trie(sorted(lower_title_heads()))


@from_rules
def lower_title_before() -> re.Pattern:
    """ "Orvana chief executive ", "the country's deputy foreign minister, ": a lower-case title that
    ends right before a name, maybe after its organisation's name or a possessive."""
    return compile_latin(rf"(?:{_OWNER}|(?<![\w'’-]))(?P<role>(?:[a-z][\w-]*[ \t]+){{0,3}}?(?:{_lower_titles()})(?:[ \t]+general)?)"
                         rf"(?P<complement>[ \t]+(?:of|for)[ \t]+{_COMPLEMENT_WORD}(?:(?:[ \t]+(?:and[ \t]+)?|,[ \t]+){_COMPLEMENT_WORD}){{0,5}}"
                         # "ambassador to Nigeria, ", "consul general in Chennai, ", "ambassador to the Republic of
                         # Korea, ", "mayor of Szeged, " (a place's office: _held_for_place)
                         rf"|[ \t]+(?P<placed>to|in|of)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]*){{0,2}}(?=[ \t]*,))?"
                         rf"[ \t]*,?[ \t]*$")


@from_rules
def lower_title_after() -> re.Pattern:
    """", the finance secretary,", ", Orvana's chief executive.", " as chief financial officer",
    ", deputy minister of finance,": a lower-case title after a name that ends the apposition, with
    its lower-case complement (one with "of" and an organisation is lower_role()'s)."""
    return compile_latin(rf"(?:[ \t]*,[ \t]+{_TIME_ADVERB}(?:(?:the|a|an|its|their)[ \t]+)?{_FORMER}|[ \t]+as[ \t]+(?:(?:the|its|their)[ \t]+)?(?:new[ \t]+)?)"
                         # ", the company's chief operating officer,", ", the Qatari lender's chief executive,": a possessive that names no organisation
                         rf"(?:{_OWNER}|(?<=the[ \t])(?:[A-Z][a-z]+[ \t]+)?[a-z]+['’]s[ \t]+)?(?P<role>(?:{_TITLE_MODIFIER}[ \t]+){{0,3}}?(?:{_lower_titles()}))s?"
                         # a complement in lower case is the title's: ", deputy minister of finance,"
                         rf"(?P<complement>[ \t]+(?:of|for)[ \t]+(?!(?:the|a|an|its|their|his|her|our|this|that)\b)"
                         rf"[a-z][\w-]*(?:[ \t]+(?:and[ \t]+)?[a-z][\w-]*(?<!ed)){{0,2}}(?=[ \t]*[,.;:)])|{_IN_OFFICE})?"
                      rf"(?=[ \t]*[,.;:)]|[ \t]+(?:and|who|since|until|from|in|on|at)\b)")


@from_rules
def _lower_title_ends() -> frozenset[str]:
    """The last words of the lower-case title heads, and "general" ("director general"): what the word
    right before a name must be for lower_title_before() to match there (a cheap test before its search)."""
    return frozenset(w.split()[-1] for w in lower_title_heads()) | {"general"}  # "director general"


def _title_words_start(text: str, start: int, end: int) -> int:
    """Where a lower-case title read before its head begins: after the last word that belongs to the
    sentence ("met", "the", "appointed", "former")."""
    stops, fields = word_set("role_modifier_stops.txt"), word_set("role_modifier_nouns.txt")
    words = list(TITLE_WORD.finditer(text, start, end))
    begin = start
    for w in words[:-1]:
        word = w.group()
        if word in stops or word.endswith(("ed", "ing", "ly")) and word not in role_words() and word not in fields:
            begin = w.end() + 1
    return begin


def _owner_org(owner: str | None, owner_start: int, orgs_by_start) -> str | None:
    """The organisation a possessive or prefix names, if the organisation finder found it there."""
    if owner is None:
        return None
    org = orgs_by_start.get(owner_start)
    return org[1] if org is not None else None


_TWO_WORDS_BEFORE = compile_latin(r"(?:(?<![\w'’-])([A-Z][\w-]*)[ \t]+)?(?<![\w'’-])([A-Z][\w-]*)[ \t]+$")


_CAPITALISED_WORD_BEFORE = compile_latin(r"(?<![\w'’-])[A-Z][\w-]*[ \t]+$")  # not a possessive: "CHEC's Nigeria country manager"
_OWNER_BEFORE = compile_latin(rf"{_OWNER}$")


def _nationality_start(text: str, begin: int) -> int:
    """Where a nationality or country word written into a lower-case title begins ("Dutch ambassador",
    "South Korean foreign minister"): begin if there is none."""
    m = _TWO_WORDS_BEFORE.search(text, max(0, begin - 40), begin)
    if m is None:
        return begin
    if m.group(1) and f"{m.group(1)} {m.group(2)}" in places():
        start = m.start(1)
    elif m.group(2) in places():
        start = m.start(2)
    else:
        return begin
    # "Kappa South Africa chief executive": the place ends an organisation's name
    return begin if _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 30), start) else start


def lower_role_before(text: str, person: PersonMention, bound: int, orgs_by_start, orgs_by_end) -> RoleFound | None:
    """ "Orvana chief executive Ana Ferreira", "Orvana's chief executive, Ana Ferreira", "the country's
    deputy foreign minister, Lars Eklund": the title without the possessive or organisation before it."""
    if person.honorific and text.endswith(person.honorific, bound, person.start - 1):
        # "group managing director, Datuk Ahmad Faizal": the title stands before the honorific
        person = replace(person, start=person.start - 1 - len(person.honorific))
    window = text[max(bound, person.start - 40):person.start]
    before = window.rstrip(" \t,")
    last = before.rsplit(None, 1)[-1:]
    # the usual case: no title head or complement ("head of research", "ambassador to Nigeria, ")
    # right before the name (a search anchored at the end of the window tries every position of it)
    tail = text[max(bound, person.start - 70):person.start]
    complement = (" of " in tail or " for " in tail) and not _lower_title_ends().isdisjoint(tail.split())
    placed = (" to " in tail or " in " in tail or " of " in tail) and window.endswith(", ") and not _lower_title_ends().isdisjoint(
        tail.split())
    if not last or len(before) == len(window) or not (
            last[0] in _lower_title_ends() or complement and "a" <= last[0][0] <= "z" or placed and last[0][0].isupper()):
        return None
    start = max(bound, person.start - 90)
    left = text[start:person.start]
    m = lower_title_before().search(left)
    if not m:
        return None
    role_start = start + m.start("role")
    role_end = start + (m.end("complement") if m.group("complement") else m.end("role"))
    named_org = None
    if m.group("placed") == "of" and not _held_for_place(m.group("role")):
        # "the chief executive of Orvana, Ana Lima": the name after "of" is the title's organisation
        named = _NAMED_AFTER_JOIN.match(text, start + m.end("placed"))
        org = orgs_by_start.get(named.start("name"))
        named_org = org[1] if org is not None else named.group("name")
        role_end = start + m.end("role")
    begin = _title_words_start(text, role_start, start + m.end("role"))
    if begin >= start + m.end("role") or _is_plural_title(m.group("role")):
        return None  # "after talks with the finance ministers, Kofi Mensah said": a group's, not his
    organisation = None
    opening = _CAPITALISED_TITLE_WORD_BEFORE.search(text, max(0, begin - 30), begin) if begin == role_start else None
    if opening and opening.group(1).lower() in role_words() and opening.start(1) not in orgs_by_start:
        begin = opening.start(1)  # "Chief executive Ana Ferreira", "Deputy foreign minister X"
    elif m.group("owner"):
        organisation = _owner_org(m.group("owner"), start + m.start("owner"), orgs_by_start)
    elif begin == role_start:
        org = orgs_by_end.get(begin - 1) if text[begin - 1:begin] == " " else None
        organisation = org[1] if org is not None else None  # "Orvana chief executive"
        if org is None:
            begin = _nationality_start(text, begin)  # "the Dutch ambassador to Nigeria"
            owner = _OWNER_BEFORE.search(text, max(0, begin - 60), begin) if begin < role_start else None
            if owner:  # "CHEC's Nigeria country manager"
                organisation = _owner_org(owner.group("owner"), owner.start("owner"), orgs_by_start)
    span = _trim_role(text, begin, role_end)
    if span is None:
        return None
    return RoleFound(span[0], span[1], person.name, organisation or named_org, "roles:lower_title_before")


def _is_plural_title(role: str) -> bool:
    """Whether a title's last word is the plural of a title word ("ministers", "chiefs")."""
    head = role.rsplit(None, 1)[-1].lower()
    titles = role_words()
    return head.endswith("s") and (head[:-1] in titles or head.endswith("es") and head[:-2] in titles)


def lower_title_role_after(text: str, person: PersonMention, orgs_by_start) -> RoleFound | None:
    """", the finance secretary,", ", Orvana's chief executive,", " as chief financial officer"."""
    if not ROLE_AFTER_START.match(text, person.end):
        return None
    m = lower_title_after().match(text, person.end, min(len(text), person.end + 120))
    if not m or m.group("role").split(None, 1)[0] in speech_verbs():
        return None  # "X, told analysts": whom X spoke to
    begin = _title_words_start(text, m.start("role"), m.end("role"))
    if begin >= m.end("role"):
        return None
    organisation = _owner_org(m.group("owner"), m.start("owner"), orgs_by_start) if m.group("owner") else None
    span = _trim_role(text, begin, m.end("complement") if m.group("complement") else m.end("role"))
    return RoleFound(span[0], span[1], person.name, organisation, "roles:lower_title_after") if span else None


def _has_role_word(phrase: str) -> bool:
    titles = role_words()
    words = [w.lower().strip("(),'’") for w in phrase.split()]
    return any(w in titles or w.rstrip("s") in titles for w in words) or any(
        f"{a} {b}" in titles for a, b in zip(words, words[1:]))


_LEADING_JOINS = frozenset({"and", "&", "of", "the", "on", "in", "at", "to", "for", "by"})


def _trim_role(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim sentence words, honorifics and dangling joins; None when no title word is left."""
    rank_words = ranks()
    words = [(m.start() + start, m.end() + start, m.group()) for m in TITLE_WORD.finditer(text[start:end])]
    while words and (is_honorific(words[-1][2]) or words[-1][2] in ("and", "&", "of", "the", "for", "at", "in")):
        if len(words) > 1 and words[-1][2] in ambiguous_honorifics() and words[-1][2] in rank_words \
                and words[-2][2].lower() in role_words():
            break  # "Secretary General", "Attorney General": the rank word belongs to the title
        words.pop()
    sentence_words, days_and_months = common_capitalised(), calendar_words()
    # "But on Wednesday Prime Minister X", "In March President Y": when the sentence says, not the title
    while words and (words[0][2] in sentence_words or is_honorific(words[0][2]) and words[0][2] not in rank_words
                     or words[0][2] in _LEADING_JOINS or words[0][2] in days_and_months):
        words.pop(0)
    if not words or not _has_role_word(text[words[0][0]:words[-1][1]]):
        return None
    last = words[-1][2]
    if last.endswith(".") and (len(last) > 4 or len(last) > 2 and last.isupper()) and "." not in last[:-1] \
            and not is_honorific(last):
        return words[0][0], words[-1][1] - 1  # "High Commissioner to India.": the sentence's full stop
    return words[0][0], words[-1][1]


@from_rules(maxsize=1024)
def _honorific_at_end(honorific: str) -> re.Pattern:
    return compile_latin(rf"{re.escape(honorific)}\.?[ \t]*$")


def _strip_honorific(left: str, honorific: str | None) -> str:
    """The text before a name without the honorific (and "(R)") written right before it."""
    left = _strip_retired(left)
    if honorific:
        match = _honorific_at_end(honorific).search(left)
        if match:
            return _strip_retired(left[:match.start()])
    return left


def _strip_retired(left: str) -> str:
    """left without a closing "(R)"; the regex runs only when left ends in a bracket, since
    searching for a match anchored at the end tries every position of the text."""
    return RETIRED_AT_END.sub("", left) if left.rstrip(" \t").endswith(")") else left


def _rank_role(text: str, person: PersonMention) -> RoleFound | None:
    """A rank used as honorific is a role too: "Major General (R)", "Vice Admiral"."""
    if not person.honorific:
        return None
    rank_words = ranks()
    if not all(w in rank_words or w.rstrip(".") in rank_words for w in person.honorific.split()):
        return None
    left = text[max(0, person.start - 80):person.start]
    match = re.search(rf"{re.escape(person.honorific)}(?:[ \t]*{RETIRED})?(?=\.?[ \t]*$)", left)
    if not match:
        return None
    offset = person.start - len(left)
    return RoleFound(offset + match.start(), offset + match.end(), person.name, None, "roles:rank")


_ACRONYM_AT_END = compile_latin(r"[ \t]*\(([A-Z][\w&.-]*)\)$")


def _org_ending_at(orgs, end: int, left: str, offset: int):
    """The organisation closing the text before a name, also across ", Hungary,", ", " and its acronym
    in brackets ("the Kestrel Water Board (KWB), ")."""
    if not orgs:
        return None, left
    stripped = left.rstrip(" \t,")
    if (acronym := _ACRONYM_AT_END.search(stripped)) and offset + acronym.end(1) in orgs:
        stripped = stripped[:acronym.start()]  # "Managing Director of the Kestrel Water Board (KWB), Engr. X": the name before its acronym
    org = orgs.get(offset + len(stripped))
    if org is not None:
        return org, stripped[: org[0] - offset]
    comma = stripped.rfind(",")  # the place's comma is the last one: start there
    place = PLACE_AT_END.match(stripped, comma) if comma >= 0 else None
    if place and place.group(1) in places():
        candidate = stripped[:place.start()].rstrip(" \t,")
        org = orgs.get(offset + len(candidate))
        if org is not None:
            return org, candidate[: org[0] - offset]
    return None, left


# What may stand between an organisation's name and a title or the end of a sentence: its acronym, a possessive.
_ACRONYM_THEN_BLANKS = compile_latin(r"(?:[ \t]*\([A-Z][\w&.]{1,9}\))?(?:['’]s?)?[ \t]+")
_ACRONYM_THEN_STOP = compile_latin(r"(?:[ \t]*\([A-Z][\w&.]{1,9}\))?[.;:]?\s*")


def _split_org_prefix(text: str, start: int, end: int, org_by_start) -> tuple[int, str | None]:
    """ "African Development Bank Regional Director" -> the title's new start and the organisation before it."""
    org = org_by_start.get(start)
    if org is None:
        return start, None
    after = _ACRONYM_THEN_BLANKS.match(text, org[0], end)
    if after is None or not _has_role_word(text[after.end():end]):
        return start, None
    return after.end(), org[1]


def _cut_before_coordination(text: str, start: int, end: int, org_by_start) -> int:
    """Start of the title after "Guild of Welsh Potters in Chile and Registrar", "In March and
    President", "Li Wenhua and Vice President" (but not inside "CEO and Chairman")."""
    cut = start
    heads = org_heads()
    for m in AND_BETWEEN.finditer(text[start:end]):
        left = text[cut:start + m.start()]
        if (any(w in heads for w in left.split()) or cut in org_by_start or not _has_role_word(left)) and (
                _has_role_word(text[start + m.end():end])):  # not "Minister for Energy and Power": one portfolio
            cut = start + m.end()
    return cut


def _ends_sentence(left: str) -> bool:
    """Whether left closes with a sentence's full stop (SENTENCE_END, with the name after it cut off)."""
    stop = len(left.rstrip(" \t")) - 1
    return stop > 0 and stop < len(left) - 1 and SENTENCE_END.match(left + "A", stop) is not None


def _after_last_sentence_end(left: str) -> int:
    """Where the text after the last SENTENCE_END match in left begins (0 without one).

    SENTENCE_END's matches cannot overlap (spaces hold no full stop or line break), so the last one
    starts at the last line break or at a later full stop that matches: trying those full stops
    from the right touches a few characters instead of scanning the whole window."""
    line_break = left.rfind("\n")
    stop = len(left)
    while (stop := left.rfind(".", line_break + 1, stop)) >= 0:
        match = SENTENCE_END.match(left, stop)  # its look-behinds still see the text before stop
        if match:
            return match.end()
    return line_break + 1


def _may_end_in_title(left: str) -> bool:
    """Whether ROLE_BEFORE can match: its last unit is a capitalised word or a bracket closing
    the last word before the spaces and comma it allows (most names follow a lower-case word)."""
    tail = left.rstrip(" \t\n,")
    if not tail:
        return False
    last = tail.rsplit(None, 1)[-1]
    return last.endswith(")") or last.lower() != last


def _plainly_untitled(left: str, person: PersonMention, org_ends: list[int]) -> bool:
    """Whether roles_before surely finds nothing before a name, read from the whole window: no
    honorific and no organisation end in it leave the text before the name as it is, and a
    sentence cut falls after a space, so the window's last word is also that of the text
    _may_end_in_title sees (an empty text is no title either)."""
    if person.honorific or _may_end_in_title(left):
        return False
    first_end = bisect_left(org_ends, person.start - len(left))
    return first_end == len(org_ends) or org_ends[first_end] > person.start


def roles_before(text: str, person: PersonMention, bound: int, orgs_by_end, orgs_by_start,
                 org_ends: list[int] | None = None) -> list[RoleFound]:
    """The title written before a name, with the organisation between it and the name (org_ends,
    the sorted ends of orgs_by_end, lets most names without a title return at once)."""
    left = text[max(bound, person.start - 250):person.start]
    if org_ends is not None and _plainly_untitled(left, person, org_ends):
        return []
    left = left[_after_last_sentence_end(left):]
    offset = person.start - len(left)
    if bound and len(left) == person.start - bound and APPOSITION_OF_PREVIOUS.fullmatch(left) and (
            left.rstrip().endswith(",") or not left[-1:].isspace()):
        # "X, Adviser to BOG, NCU, Farida Haque": the title is X's; not "X, State Secretary Y": Y's
        return []
    left = _strip_honorific(left, person.honorific)
    if _ends_sentence(left):
        return []  # "... of the Ministry of Water. Kofi Mensah, Director": the title before is the last sentence's
    org, left = _org_ending_at(orgs_by_end, offset + len(left.rstrip(" \t,")), left, offset)
    organisation = org[1] if org else None
    if org:  # "Minister of State at the Department for Transport, Helen Carver"
        left = JOINS_AT_END.sub("", left)
    match = ROLE_BEFORE.search(left) if _may_end_in_title(left) else None
    listed = TITLE_LIST_BEFORE.search(left) if match and organisation is None and " and " in left else None
    list_end = _portfolio_end(left, listed) if listed else None
    if list_end and (title := ROLE_BEFORE.search(left, 0, listed.start())) \
            and title.group("role").split()[-1].lower() in role_words():
        # "Minister of Energy, Petroleum and Mines, Aminata Ndiaye": the comma list is the title's
        span = _trim_role(text, offset + title.start("role"), offset + list_end)
        return [RoleFound(span[0], span[1], person.name, None, "roles:title_before")] if span else []
    if match and organisation is None and (match.group("role").split()[0] in org_heads()
                                           or is_acronym(match.group("role").strip(" \t,"))):
        # "Assistant Secretary for X, Office of the Under Secretary for Y Mr Z", "Director, NMRO Dr Z":
        # an organisation the organisation finder missed still separates the title from the name
        before = re.search(r",[ \t]*$", left[:match.start("role")])
        if before:
            organisation = match.group("role").rstrip(" \t,")
            match = ROLE_BEFORE.search(left[:before.start()])
    if match and " " not in match.group("role").strip(" \t,") and (styled := _STYLE_AFTER_TITLE.search(left, 0, match.start("role"))):
        # "the Governor of Ogun State, Prince Oladele Coker": a style before the name, the office before it
        office = ROLE_BEFORE.search(left, 0, styled.start())
        if office and " " in office.group("role").strip(" \t,"):
            match = office
    if not match:
        return []
    start = _cut_before_coordination(text, offset + match.start("role"), offset + match.end("role"), orgs_by_start)
    if rank := _lower_rank_before().search(text, max(0, start - 30), start):
        start = rank.start(1)  # "its deputy CEO, Leila Haddad": the rank written small is the title's
    span = _trim_role(text, start, offset + match.end("role"))
    if span and organisation is None:
        start, organisation = _split_org_prefix(text, span[0], span[1], orgs_by_start)
        span = _trim_role(text, start, span[1])
    return [RoleFound(span[0], span[1], person.name, organisation, "roles:title_before")] if span else []


@from_rules
def _lower_rank_before() -> re.Pattern:
    """A rank in lower case (role_ranks.txt) right before a capitalised title, after a determiner or a
    possessive: "deputy" of "its deputy CEO"."""
    ranks = "|".join(sorted(word_set("role_ranks.txt")))
    return compile_latin(rf"(?:\b(?:its|their|his|her|the|our)|['’]s)[ \t]+({ranks})[ \t]+\Z")


def _portfolio_end(left: str, listed: re.Match) -> int | None:
    """Where a title's comma list before a name ends. Without a comma before the name, the name
    words that close the list's last item are the name's ("Minister of Forests, Rivers and Energy
    Kwesi Kofi ...", with "Kwesi" missed by the people finder), unless they are portfolio words too."""
    end = listed.end("list")
    if "," in left[end:]:
        return end
    last_item = [m.end() for m in AND_BETWEEN.finditer(left, listed.start("list"), end)][-1]
    words = list(TITLE_WORD.finditer(left, last_item, end))
    while words and words[-1].group() not in not_names() and (
            words[-1].group() in first_names() or words[-1].group() in last_names()):
        words.pop()
    return words[-1].end() if words else None


def _split_org(text: str, start: int, end: int, org_by_start) -> tuple[int, str | None]:
    """Split "Director of IER" or "Secretary MCM" into the title's end and the organisation after it."""
    for m in JOIN_AFTER_TITLE.finditer(text[start:end]):
        # the owner's possessive is the organisation's own where no organisation starts after it
        # ("Chairman of McDonald's Corp")
        org = org_by_start.get(start + m.end()) or (org_by_start.get(start + m.start("owner")) if m["owner"] else None)
        title_before = text[start:start + m.start()].split()[-1:]
        if org is not None and org[0] <= end and (
                m["join"] or title_before and not title_before[0].endswith(",") and _has_role_word(title_before[0])):
            return start + m.start(), org[1]
    return end, None


def _is_org_part(text: str, start: int, end: int, org_by_start) -> str | None:
    """The organisation a comma part names ("Coastal Research Centre (CRC)"), or None."""
    part = text[start:end]
    stripped = start + len(part) - len(part.lstrip())
    if part.lstrip().startswith("the "):
        stripped += 4
    org = org_by_start.get(stripped)
    if org is not None and _ACRONYM_THEN_STOP.fullmatch(text, org[0], end):
        return org[1]
    heads = org_heads()
    if any(w.strip("(),") in heads for w in part.split()) and not _has_role_word(part):
        return part.strip()
    return None


_BLANKS = compile_latin(r"[ \t]+")
# Where an office held for a place is held, closing an apposition: " in Sri Lanka" of ", ambassador of X in Sri Lanka,".
_POSTED_IN = compile_latin(r"[ \t]+in[ \t]+(?P<where>[A-Z][\w'’-]*)(?:[ \t]+[A-Z][\w'’-]*){0,2}(?=[ \t]*(?:[,;)]|\.(?:\s|$)))")


def roles_after(text: str, person: PersonMention, bound: int, org_by_start) -> list[RoleFound]:
    """Titles written after a name: ", Director, Institute of ...", " as the Convenor", " MP"."""
    if not ROLE_AFTER_START.match(text, person.end):
        return []
    after = text[person.end:min(bound, person.end + 250)]
    sentence = SENTENCE_END.search(after)
    if sentence:
        after = after[:sentence.start()]
    match = ROLE_AFTER.match(after) or TITLE_AFTER.match(after)
    if not match:
        return []
    role_end = person.end + match.end("role")
    if bound < len(text) and _BLANKS.fullmatch(text, role_end, bound) and text[role_end - 1].isalnum() \
            and not is_honorific(text[:role_end].rsplit(None, 1)[-1]):
        # "attended by A, Trade Envoy of Norland B and C": the title opens the next name (not "A, Home
        # Secretary and Shri B", whose title ends before the honorific, nor a title closing a line)
        return []
    base = person.end + match.start("role")
    start, organisation = base, None
    possessive_org = org_by_start.get(base)
    if possessive_org is not None:
        gap = POSSESSIVE_ORG.match(text[possessive_org[0]:person.end + match.end("role")])
        if gap:  # "Paula Reyes, Aeris' Chief Commercial Officer"
            start, organisation = possessive_org[0] + gap.end(), possessive_org[1]
    role_text_end = person.end + match.end("role")
    posted = _POSTED_IN.match(text, role_text_end, min(bound, len(text)))
    if posted and posted.group("where") not in calendar_words() and _names_place_office(
            re.split(r"[ \t]+(?:of|to|for)[ \t]+", text[start:role_text_end])[0]):
        role_text_end = posted.end()  # ", High Commissioner of Kenya in Sri Lanka,": where the office is held
    parts = [(start + m.start(), start + m.end()) for m in COMMA_PART.finditer(text[start:role_text_end])]
    if match.re is TITLE_AFTER and (not parts or not _has_role_word(text[parts[0][0]:parts[0][1]].split()[0])):
        return []  # without a comma, only a title word right after the name: "Helen Carver MP"
    rule = ("roles:title_after" if match.re is TITLE_AFTER  # "Helen Carver MP"
            else "roles:as_title" if after[:match.start("role")].strip(" \t").startswith("as") else "roles:apposition")
    end = role_text_end
    for k in range(len(parts) - 1, 0, -1):
        part = text[parts[k][0]:parts[k][1]]
        if " and " in part and after_portfolio_title(text, parts[k][0] + len(part) - len(part.lstrip())):
            break  # "Minister of Trade, Tourism and Energy": the list's last items, the title's words
        named = _is_org_part(text, parts[k][0], parts[k][1], org_by_start)
        if named:
            organisation, end = named, parts[k - 1][1]
            break
    found = []
    for piece in AMPERSAND_PIECE.finditer(text[start:end]):
        piece_start, piece_end = start + piece.start(), start + piece.end()
        piece_end, piece_org = _split_org(text, piece_start, piece_end, org_by_start)
        span = _trim_role(text, piece_start, piece_end)
        if span:
            found.append(RoleFound(span[0], span[1], person.name, piece_org or organisation, rule))
    return found


_CAPITALISED_NAME = r"[A-Z][\w'’&-]*(?:[ \t]+(?:of[ \t]+|&[ \t]+)?[A-Z][\w'’&-]*){0,5}"


# What may follow an apposition's title: its end, or the sentence going on.
_APPOSITION_END = r"[ \t]*[,.;:()]|[ \t]+(?:and|who|which|whose|said|says|told|signed|on|in|at)\b"


@from_rules
def apposition_title() -> re.Pattern:
    """ ", director of satellites, applications and development at the AEB", ", KASA's director general
    for international cooperation,", ", the Dutch ambassador to Nigeria", ", managing partner at X":
    a lower-case title after a name's comma with its complement, then maybe the word that joins it
    to a name ("at", "to") and where that name begins."""
    titles = _title_heads_alternation()
    return compile_latin(
        rf"[ \t]*,[ \t]+{_TIME_ADVERB}(?:(?:the|a|an|its|their|his|her)[ \t]+)?{_FORMER}(?:(?P<owner>{_CAPITALISED_NAME})['’]s?[ \t]+)?"
        rf"(?P<role>(?:[A-Z][\w-]*[ \t]+)?(?:{_TITLE_MODIFIER}[ \t]+){{0,3}}?(?:{titles})(?:[ \t]+general)?)(?![\w-])"
        rf"(?P<complement>[ \t]+(?:of|for)[ \t]+{_COMPLEMENT_WORDS}(?:(?:,[ \t]+|[ \t]+and[ \t]+){_COMPLEMENT_WORDS}){{0,5}}"
        rf"|[ \t]+\([a-z][^()\n]{{0,100}}\)|{_IN_OFFICE})?"  # "special chief secretary (animal husbandry, dairy development)"
        rf"(?:[ \t]+(?P<join>to|in|for|of|at|with)[ \t]+(?:the[ \t]+)?(?:(?P<possessor>[A-Z][\w-]*)['’]s[ \t]+)?(?=[A-Z])"
        rf"|(?={_APPOSITION_END}))")
_NAMED = compile_latin(_CAPITALISED_NAME)
_NAMED_AFTER_JOIN = compile_latin(rf"[ \t]+(?:the[ \t]+)?(?P<name>{_CAPITALISED_NAME})")
_ENDS_APPOSITION = compile_latin(_APPOSITION_END)


@from_rules
def _place_offices() -> frozenset[str]:
    return word_set("role_place_offices.txt")


def _held_for_place(role: str) -> bool:
    """Whether a title is an office held for a place ("mayor", "country director"): the place after it is the title's."""
    words = role.lower().split()
    return words[-1] in _place_offices() or " ".join(words[-2:]) in _place_offices()


def _names_place_office(head: str) -> bool:
    """Whether a title's words before its complement name an office held for a place ("Consul General")."""
    words = head.lower().split()
    offices = _place_offices()
    return any(w in offices for w in words) or any(f"{a} {b}" in offices for a, b in zip(words, words[1:]))


def _org_in_words_after(text: str, start: int, orgs_by_start) -> str | None:
    """The organisation that begins within four words of start, none of them ending a clause, and ends
    the apposition ("at Lisbon brokerage Banco Tejo,"); None if there is none."""
    position = start
    for _ in range(4):
        word = _NEXT_WORD.match(text, position)
        if word is None:
            return None
        position = word.end()
        org = orgs_by_start.get(position)
        if org is not None:
            return org[1] if _ENDS_APPOSITION.match(text, org[0]) else None
    return None


_NEXT_WORD = compile_latin(r"[\w'’-]+[ \t]+")


@from_rules
def _place_prefixes() -> frozenset[str]:
    """Words that make a larger area of a place's name ("West", "Greater": places/data/place_prefixes.txt)."""
    return word_set("place_prefixes.txt")


def _is_region(name: str) -> bool:
    """Whether a name is a place, or a part of one named by its compass point ("West Africa", "Southern Europe")."""
    first, _, rest = name.partition(" ")
    return name in places() or (first in _place_prefixes() and rest in places())


def apposition_role_after(text: str, person: PersonMention, orgs_by_start) -> RoleFound | None:
    """The role of apposition_title() after a name, its organisation the one named after "at", "of",
    "with" or before the title ("KASA's"), a place after it part of the title ("ambassador to Nigeria")."""
    m = apposition_title().match(text, person.end, min(len(text), person.end + 200))
    if m is None:
        return None
    role_start = m.start("role")
    first = text[role_start:m.end("role")].split()[0]
    if first[0].isupper() and not (first in places() or first.lower() in role_words()):
        return None  # ", Orvana chief executive": roles_after reads a capitalised organisation before the title
    end = m.end("complement") if m.group("complement") else m.end("role")
    organisation = _owner_org(m.group("owner"), m.start("owner"), orgs_by_start) if m.group("owner") else None
    if m.group("join"):
        org = orgs_by_start.get(m.end())
        named = _NAMED.match(text, m.end())
        held_for_place = _held_for_place(m.group("role"))
        if org is not None:
            if not _ENDS_APPOSITION.match(text, org[0]):
                return None
            organisation = org[1]  # "at the AEB", "at Ecuador's Ministry of Environment"
        elif not _ENDS_APPOSITION.match(text, named.end()):
            # "head of research at Lisbon brokerage Banco Tejo": the organisation further on, if one is found
            later = _org_in_words_after(text, m.end(), orgs_by_start)
            if later is None and not m.group("complement"):
                return None
            organisation = later
        elif m.group("join") == "for" and _is_region(named.group()):
            end = named.end()  # "mission chief for Ethiopia", "head of unit for the Pacific"
        elif m.group("join") in ("to", "in") or held_for_place and m.group("join") != "at" and not m.group("possessor"):
            end = named.end()  # "ambassador to Nigeria", "mayor of Koungheul", "minister of energy of Peru"
        elif m.group("join") in ("of", "at", "with") and not m.group("possessor"):
            organisation = named.group()  # one the finder did not read: "chief executive of Gulf Horizon"
    span = _trim_role(text, role_start, end)
    return RoleFound(span[0], span[1], person.name, organisation, "roles:apposition_title") if span else None


_MODAL = r"(?:will|would|is[ \t]+to|is[ \t]+set[ \t]+to)"  # what says a title is to be taken up


@from_rules
def who_holds_as() -> re.Pattern:
    """ ", who heads Orvana's Lisbon office as country manager" (what a person leads, then the title
    held there: "led"); ", who remains as president of Orvana", ", who joins as chief financial
    officer", " will join the Orvana board as a director" (a title kept or taken up, said in a
    relative clause or outright after a modal, maybe with its organisation after "of" or "at": "kept")."""
    leads = trie(word_list("org_leader_verbs.txt"))
    keeps = regex_trie(word_list("role_tenure_verbs.txt"), space=r"[ \t]+")
    # the longest: "chief executive"; "secretary general"
    title = rf"(?:[a-z][\w-]*[ \t]+){{0,2}}(?:{_title_heads_alternation()})(?:[ \t]+general)?"
    return compile_latin(
        rf"(?:[ \t]*,[ \t]+who[ \t]+(?:(?:(?:also|now|still|currently)[ \t]+)?(?:{leads})[ \t]+(?P<what>[^,.;:!?\n]{{1,80}}?)"
        rf"[ \t]+as[ \t]+(?:(?:its|the|their|his|her)[ \t]+)?(?P<led>(?i:{title}))(?![\w-])"
        rf"|(?:(?:{_MODAL}|also|now)[ \t]+)?)"
        # "X will remain as an independent adviser", "X is to join the Orvana board as a director"
        rf"|[ \t]+{_MODAL}[ \t]+(?=(?:{keeps})[ \t]))"
        rf"(?(led)|(?:{keeps})(?:[ \t]+(?:the|its)[ \t]+(?:[A-Z][\w'’&-]*[ \t]+){{0,4}}board)?[ \t]+as[ \t]+"
        rf"(?:(?:its|the|their|his|her|a|an)[ \t]+)?(?P<kept>{title})(?![\w-])(?P<join>[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?)?)")


def who_holds_role(text: str, person: PersonMention, orgs_by_start) -> RoleFound | None:
    """The title of "X, who heads Y as its secretary general" with the organisation named in Y, or of
    "X, who remains as president of Y" and "X will join the board as a director" with Y where the
    organisation finder found it."""
    match = who_holds_as().match(text, person.end, person.end + 200)
    if match is None:
        return None
    if match["led"]:
        organisation = next((orgs_by_start[s][1] for s in range(match.start("what"), match.end("what")) if s in orgs_by_start), None)
        return RoleFound(match.start("led"), match.end("led"), person.name, organisation, "roles:who_leads_as")
    org = orgs_by_start.get(match.end()) if match["join"] else None
    return RoleFound(match.start("kept"), match.end("kept"), person.name, org[1] if org else None, "roles:who_serves_as")


def lower_role_after(text: str, person: PersonMention, org_by_start) -> RoleFound | None:
    """", co-founders of Orbis" / ", the director of X": a lower-case title with its organisation."""
    if not COMMA_AFTER.match(text, person.end):
        return None
    match = lower_role().match(text[person.end:person.end + 120])
    if not match:
        return None
    org = org_by_start.get(person.end + match.end())
    if org is None:
        # ", vice-president of the academy.": the organisation named before by that word, if any
        described = _DESCRIBED_ORG.match(text, person.end + match.end())
        if described is None or not match.group().rstrip().endswith(("the", "The")):
            return None
        noun = described.group(1)
        named = [(start, name) for start, (_, name) in org_by_start.items() if start < person.start
                 and noun in name.casefold().split()]
        if not named:
            return None  # "chair of the board": the title's own complement (lower_title_after reads it)
        org = (None, max(named)[1])
    return RoleFound(person.end + match.start("role"), person.end + match.end("role"), person.name, org[1],
                     "roles:lower_apposition")


# "the academy", "the bank" closing an apposition: an organisation told by its head word
_DESCRIBED_ORG = compile_latin(r"([a-z]+)(?=[ \t]*(?:[,.;)]|$))")


def find_roles(text: str, people: list[PersonMention], orgs: list[tuple[int, int, str]]) -> list[RoleFound]:
    """Roles written before ("Defence Minister X") or after ("X, Director of Y") each person's name."""
    orgs_by_end = {end: (start, name) for start, end, name in orgs}
    orgs_by_start = {start: (end, name) for start, end, name in orgs}
    org_ends = sorted(orgs_by_end)
    people = sorted(people, key=lambda p: p.start)
    found: list[RoleFound] = []
    for index, person in enumerate(people):
        previous_end = people[index - 1].end if index else 0
        next_start = people[index + 1].start if index + 1 < len(people) else len(text)
        rank = _rank_role(text, person)
        found += [rank] if rank else []
        before = roles_before(text, person, previous_end, orgs_by_end, orgs_by_start, org_ends)
        if not before:
            lower_before = lower_role_before(text, person, previous_end, orgs_by_start, orgs_by_end)
            before = [lower_before] if lower_before else []
        found += before
        after = roles_after(text, person, next_start, orgs_by_start)
        found += after
        lower = lower_role_after(text, person, orgs_by_start)
        if lower is None and not after:
            lower = (apposition_role_after(text, person, orgs_by_start) or lower_title_role_after(text, person, orgs_by_start)
                     or who_holds_role(text, person, orgs_by_start))
        if not (lower or after):
            lower = signature_role(text, person, orgs_by_start)
        if lower:
            found.append(lower)
        elif index + 1 < len(people) and AND_BETWEEN.fullmatch(text, person.end, next_start):  # no slice copy
            shared = lower_role_after(text, people[index + 1], orgs_by_start)  # "X and Y, co-founders of Z"
            if shared and text.startswith("s", shared.end):  # a plural title; not "X and Y, chief executive of Z": Y's
                # spans with equal offsets share their attributes, so X's span starts at Y's comma
                comma = text.index(",", people[index + 1].end)
                found.append(RoleFound(comma, shared.end, person.name, shared.organisation, "roles:shared",
                                       text[shared.start:shared.end]))
    return [_without_possessive(text, role, orgs_by_start) for role in found]


# A name alone on its line, then a title in capitals on the next, maybe an organisation on the one after
# ("Issued by:" … "Ana Lima" / "Head of Communications" / "Ministry of Water"): a statement's signature.
_TITLE_LINE = compile_latin(r"[ \t]*,?[ \t]*\n[ \t]*(?P<role>[A-Z][\w'’&-]*(?:[ \t]+(?:of|for|and|&|the|[A-Z][\w'’&-]*)){0,7})"
                            r"[ \t]*(?:\n[ \t]*(?P<org>[A-Z][^\n]*?)[ \t]*)?(?:\n|\Z)")


def signature_role(text: str, person: PersonMention, orgs_by_start) -> RoleFound | None:
    """The title on the line under a name that stands alone on its line, with the organisation
    the next line names."""
    line_start = text.rfind("\n", 0, person.start) + 1
    if text[line_start:person.start].strip():
        return None
    m = _TITLE_LINE.match(text, person.end)  # the name's line ends after it (blanks and a comma allowed)
    if m is None or not _has_role_word(m["role"]) or (m["role"].split()[0] in common_capitalised()):
        return None
    org = orgs_by_start.get(m.start("org")) if m["org"] else None
    organisation = org[1] if org is not None and org[0] == m.end("org") else None
    return RoleFound(m.start("role"), m.end("role"), person.name, organisation, "roles:signature")


POSSESSIVE_OWNER = compile_latin(_OWNER)
# The comma between an office and a one-word style before a name: "the Governor of X, Prince Y".
_STYLE_AFTER_TITLE = compile_latin(r",[ \t]*\Z")
_CAPITALISED_TITLE_WORD_BEFORE = compile_latin(r"(?<![\w'’-])([A-Z][a-z-]+)[ \t]+$")


def _without_possessive(text: str, role: RoleFound, orgs_by_start) -> RoleFound:
    """ "Finland's Minister of Defence" -> "Minister of Defence": a title is written without the
    possessive before it; the owner is its organisation when the organisation finder found one there."""
    if role.title is not None or "'" not in text[role.start:role.end] and "’" not in text[role.start:role.end]:
        return role
    m = POSSESSIVE_OWNER.match(text, role.start, role.end)
    if not m or m.end() >= role.end or not _has_role_word(text[m.end():role.end]):
        return role
    organisation = role.organisation or _owner_org(m.group("owner"), m.start("owner"), orgs_by_start)
    return RoleFound(m.end(), role.end, role.person, organisation, role.rule)


# How far either side of a role its sentence is looked for: a longer sentence is cut there, and a
# Doc of one long line costs no scan of the whole text per role.
SENTENCE_REACH = 1000


def role_sentence(text: str, role: RoleFound) -> tuple[int, int]:
    """The (start, end) of the sentence a role was read from: between the sentence ends (SENTENCE_END,
    where roles_before and roles_after stop reading) around it, within its line."""
    # found from the text around the role, not by spaCy's sentencizer: splitting every Doc with a
    # role into sentences cost about 4 % of the pipeline's time
    low, high = max(0, role.start - SENTENCE_REACH), min(len(text), role.end + SENTENCE_REACH)
    line_start = text.rfind("\n", low, role.start)
    line_start = low if line_start < 0 else line_start + 1
    line_end = text.find("\n", role.end, high)
    line_end = high if line_end < 0 else line_end
    start = line_start + _after_last_sentence_end(text[line_start:role.start])
    stop = SENTENCE_END.search(text, role.end, line_end)  # before line_end: a full stop, not the "\n" branch
    if stop:
        end = stop.start() + 1  # the full stop is the sentence's
    else:
        end = line_end
        while end > role.end and text[end - 1].isspace():
            end -= 1
    return min(start, role.start), max(end, role.end)


ROLE_FILES = LEXICON_FILES + data_files("extractor.roles", "role_modifier_stops.txt", "role_modifier_nouns.txt", "role_ranks.txt",
                                          "role_place_offices.txt", "role_tenure_verbs.txt") + data_files(
    "extractor.organisations", "org_leader_verbs.txt") + data_files(  # "X, who heads Y as its president"
    "extractor.places", "place_prefixes.txt")  # "director for West Africa"


class RoleFinder(RuleComponent):
    """Adds role spans to doc.spans[span_key], each with _.person and _.organisation."""

    data_files = ROLE_FILES

    def __init__(self, nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str):
        self.name = name
        self.span_key = span_key
        self.people_key = people_key
        self.orgs_key = orgs_key

    def process(self, doc: Doc) -> Doc:
        text, values = doc_text(doc), span_values(doc)
        people = [PersonMention(start, end, span_value(values, "canonical", start, end) or text[start:end],
                                span_value(values, "honorific", start, end))
                  for start, end in span_ranges(doc, self.people_key)]
        orgs = [(start, end, text[start:end]) for start, end in span_ranges(doc, self.orgs_key)]
        for role in find_roles(text, people, orgs):
            # the title exactly as found: a token-aligned span may be longer ("co-founder" of "co-founders")
            add_span(doc, self.span_key, role.start, role.end, "ROLE", rule=role.rule, canonical=role.title or text[role.start:role.end],
                     person=role.person, organisation=role.organisation, evidence=role_sentence(text, role))
        return doc


@Language.factory(
    "extractor_roles",
    assigns=["doc.spans", "span._.canonical", "span._.person", "span._.organisation", "span._.evidence", "span._.rule"],
    requires=["doc.spans", "span._.canonical", "span._.honorific"],  # the people's names and honorifics
    default_config={"span_key": "roles", "people_key": "people", "orgs_key": "organisations"},
)
def make_roles(nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str) -> RoleFinder:
    """Factory for the role finder."""
    return RoleFinder(nlp, name, span_key, people_key, orgs_key)
