"""Organisation names found from what is written around them, and their other mentions.

Publishers and wire services in credit lines, "cargo carrier SkyJet", "Zentrix's chairman",
"chief executive of Brightwave", "according to Marketwatch", "Chile's Andeco", "who chairs Orvana",
"sold its unit to Kestrel", "told Radio.Kz", lists with a known organisation in them; then every other mention of a name found, a company's short name
("Kestrel" for "Kestrel Dynamics Corp") and an institution's head alone ("the Army").
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left
from itertools import accumulate
from typing import Callable

from ..common.lexicon import legal_suffixes, word_list, word_set
from ..common.lexicon import (WORD, WORD_AFTER_BOUNDARY, ambiguous_honorifics, calendar_words, common_capitalised, first_names, honorifics, matches_at,
                      name_particles, not_names, org_heads, org_industries, org_names, place_heads, place_openers, role_words, trie, words_not_after)
from .phrases import bare, generic_phrases, is_hyphen_modifier, is_place, is_strong_head, non_heads, with_legal_stop
from ..common.rules import from_rules
from ..common.text import lower_in_place
from ..common.regex import compile_latin

# A capitalised name of one to four words: "Kestrel Dynamics Corp", "SkyJet", "Orva-Linde".
_NAME = rf"{WORD}(?:[ \t]+(?:&[ \t]+)?{WORD}){{0,3}}"
_NOT_AFTER = r"[\w-]"  # a name starts at a word boundary that is not inside a hyphenated word
_WORD_CHAR = compile_latin(_NOT_AFTER)
_CAPITALISED_BEFORE = compile_latin(r"([A-Z][\w.'’&-]*)[ \t]+$")
# Publishers, wire services and sources named by web boilerplate and credit lines.
# (Each alternative opens with a literal, the anchors are checked behind it: the engine then
# skips ahead to "A", "S" and "(" instead of trying every position.)
CREDIT = compile_latin(
    rf"A(?<=\bA)dd (?P<publisher>{_NAME}) as a (?:Preferred|Trusted) Source\b"
    rf"|S(?<=^S)ource:[ \t]*(?P<source>{_NAME})[ \t]*$"
    rf"|\((?P<credits>{_NAME}(?:[ \t]*[-/][ \t]*{_NAME})*)[ \t]*-[^()\n]*\d{{4}}[ \t]*\)"
    rf"|\((?P<wire>{_NAME})\)[ \t]*(?:\.?[-–—:]|$)",
    re.MULTILINE,
)
# What every CREDIT match opens with.
CREDIT_OPENINGS = ("Add ", "Source:", "(")
APOSTROPHES = ("'", "’")  # possessive_context() and _OWNED open with one
# A stock code with its exchange's suffix: "GBX.L", "BRH.OL".
TICKER_CODE = r"[A-Z0-9]{1,6}\.[A-Z]{1,2}"
# "(NYSE: GBX)", "(GBX.L)": the name before it is a listed company, the ticker is no organisation.
TICKER = compile_latin(rf"\((?:(?P<exchange>[A-Z][A-Za-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]*:[ \t]*(?P<ticker>[A-Z0-9][A-Z0-9.]{{0,11}})|(?P<code>{TICKER_CODE}))\)")
# "(stock code KSTM)", "ticker symbol KLV": a code, no organisation.
_CODE_NAMED = compile_latin(r"\b(?:code|symbol|ticker)[ \t]+[\"“]?(?P<code>[A-Z][A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?)\b")
_NAME_AFTER_BOUNDARY = rf"{WORD_AFTER_BOUNDARY}(?:[ \t]+(?:&[ \t]+)?{WORD}){{0,3}}"
_NAME_BEFORE = compile_latin(rf"(?P<name>{_NAME_AFTER_BOUNDARY})[ \t]*$")
# "Halvorsen & Lind", "Marks & Spencer", "Simpson Thacher & Bartlett": names joined by "&" are a firm's.
_AMPERSAND_FIRM = compile_latin(rf"{WORD_AFTER_BOUNDARY}(?:[ \t]+{WORD})?[ \t]+&[ \t]+{WORD}(?:[ \t]+{WORD})?(?![\w&'’-])")
# A lower-case noun (no little word: "of Zuberi in Nairobi", "of Halvor and Statoil"), then a capitalised
# name: "Sandakan processor Borneo Seafood", "Lisbon brokerage Banco Tejo".
_DESCRIBED_NEXT = compile_latin(r"[ \t]+(?!(?:in|on|at|and|or|of|for|to|with|by|from|the|a|an|as|after|before|since|said|says)\b)"
                                r"[a-z][a-z-]+[ \t]+[A-Z]")
_OF_AFTER = compile_latin(r"[ \t]+of\b")  # after "The", a title's words go on: "The Life & Death of Peter Sellers"
_ACCORDING = compile_latin(rf"[Aa]ccording to[ \t]+(?:the[ \t]+)?(?P<name>{_NAME})")
_OWNED = compile_latin(rf"['’]s[ \t]+(?P<name>{_NAME})")
_AND_NEXT = compile_latin(rf"[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?(?P<name>{_NAME})")
_AND_BEFORE = compile_latin(rf"(?P<name>{_NAME_AFTER_BOUNDARY})[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?$")
_LIST_ITEM = compile_latin(_NAME)
# The name, "and" and up to three words (a nationality, an industry) before a descriptor's match.
_AND_DESCRIBED = compile_latin(rf"(?P<name>{_NAME_AFTER_BOUNDARY})[ \t]+and[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}$")
# A web address's last part ("Radio.Kz", "Kestrel.com"): it opens with the dot, so that the engine
# skips ahead to dots; the capitalised name before it is read from a short window.
_SITE_END = compile_latin(r"\.(?:com|net|org|az|in|ng|io|ru|news|info|co\.uk|co\.za)(?![\w-])", re.IGNORECASE)
_LOWER_NEXT = compile_latin(r"[ \t]+[a-z]")
_SITE_BEFORE = compile_latin(r"(?<![\w./@:-])[A-Z][\w-]*(?:\.[A-Za-z][\w-]*)*$")
_TOKEN = compile_latin(r"\S+")
_TRAILING = compile_latin(r"(?:['’]s?|[.,;:])+$")  # a possessive ending and punctuation after a name


def capitalised_known_names() -> list[str]:
    """The well-known organisation names written with a capital, which known_names_pattern() finds."""
    return [n for n in org_names() if n[0].isupper()]


@from_rules
def known_names_pattern() -> re.Pattern:
    """One pattern for every well-known organisation name (written with a capital)."""
    return compile_latin(words_not_after(capitalised_known_names(), _NOT_AFTER) + r"(?![\w-])")


def descriptors() -> tuple[str, ...]:
    """Nouns written right before an organisation's name ("airline", "agency")."""
    return word_list("org_descriptors.txt")


@from_rules
def described() -> re.Pattern:
    """ "cargo carrier SkyJet": a noun for an organisation right before a capitalised name."""
    return compile_latin(words_not_after(descriptors(), _NOT_AFTER) + rf"[ \t]+(?P<name>{_NAME})")


def officers() -> tuple[str, ...]:
    """Offices that only an organisation has ("chairman", "chief executive")."""
    return word_list("org_officers.txt")


@from_rules
def officer_of() -> re.Pattern:
    """ "chief executive of Brightwave": an office only organisations have, then the organisation."""
    return compile_latin(words_not_after(officers(), _NOT_AFTER) + rf"[ \t]+(?:of|at)[ \t]+(?P<name>{_NAME})")


@from_rules
def speaker_for() -> re.Pattern:
    """ "a spokeswoman for Brightwave": someone who speaks for an organisation, then the organisation."""
    return compile_latin(words_not_after(word_list("org_speakers.txt"), _NOT_AFTER)
                         + rf"[ \t]+for[ \t]+(?:the[ \t]+)?(?P<name>{_NAME})")


@from_rules
def _speaker_stem() -> str:
    """What every word of org_speakers.txt begins with ("spokes")."""
    return os.path.commonprefix(word_list("org_speakers.txt"))


@from_rules
def staff_at() -> re.Pattern:
    """ ", an analyst at Brightwave": an apposition naming someone's work, then the organisation."""
    return compile_latin(r",[ \t]+(?:an?|the)[ \t]+(?:[a-z-]+[ \t]+){0,2}" + words_not_after(word_list("org_staff.txt"), _NOT_AFTER)
                         + rf"[ \t]+(?:at|with)[ \t]+(?:the[ \t]+)?(?P<name>{_NAME})")


@from_rules
def _staff_groups() -> frozenset[str]:
    """The plurals of org_staff.txt ("analysts", "economists")."""
    return frozenset(w + "s" for w in word_list("org_staff.txt"))


_NAME_AFTER_AT = compile_latin(rf"(?:the[ \t]+)?(?P<name>{_NAME})")


def staff_groups_at(text: str) -> list[tuple[int, int]]:
    """ "Analysts at Brightwave said": people who work there, in the plural, then the organisation's range
    (found with str.find: a regex over every word costs more than the few hits)."""
    found = []
    at = text.find("s at ")
    while at >= 0:
        start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        if text[start:at + 1].lower() in _staff_groups() and (m := _NAME_AFTER_AT.match(text, at + 5)):
            found.append(m.span("name"))
        at = text.find("s at ", at + 5)
    return found


@from_rules
def possessive_context() -> re.Pattern:
    """ "'s chairman", "'s shares": what follows an organisation's possessive."""
    owned = trie(officers() + word_list("org_possessions.txt"))
    return compile_latin(rf"['’]s?[ \t]+{owned}\b")


@from_rules
def company_heads() -> frozenset[str]:
    """Heads of company names ("Group", "Corp", "NV")."""
    return word_set("org_company_heads.txt") | legal_suffixes()


@from_rules
def legal_prefix() -> re.Pattern:
    """ "PT Sumber Alfaria", "PJSC Kestrel": a legal form written before the company's name."""
    return compile_latin(words_not_after(word_list("org_legal_prefixes.txt"), _NOT_AFTER) + rf"[ \t]+{_NAME}")


@from_rules
def lower_legal_suffixes() -> tuple[str, ...]:
    """The legal forms written in small letters ("plc", "d.o.o."), which the head-word scan (capitals only) misses."""
    return tuple(sorted((s for s in legal_suffixes() if s[0].islower()), key=len, reverse=True))


@from_rules
def _shortest_lower_legal_suffixes() -> tuple[str, ...]:
    """The lower-case legal forms that hold no other ("d.o.o" of "d.o.o."): a text holds one of
    lower_legal_suffixes() if and only if it holds one of these, and there are fewer to look for."""
    forms = lower_legal_suffixes()
    return tuple(form for form in forms if not any(other != form and other in form for other in forms))


@from_rules
def lower_legal_suffix() -> re.Pattern:
    """ "Harrowgate & Finch plc", "Kestrel Gradnja d.o.o.": a name closed by a legal form in small letters."""
    # not from a describing compound: "London-listed Harrowgate Partners plc" is "Harrowgate Partners plc"
    return compile_latin(rf"(?<![\w-])(?![\w'’]+-[a-z]){_NAME}[ \t]+(?:{'|'.join(map(re.escape, lower_legal_suffixes()))})(?![\w.])\.?")


@from_rules
def standalone_heads() -> tuple[str, ...]:
    """Heads that name the institution alone once its full name was written ("Army", "Treasury")."""
    return word_list("org_standalone_heads.txt")


@from_rules
def _noun_after_boundary() -> re.Pattern:
    """A descriptor or an office after a character that is not part of a word."""
    return compile_latin(rf"[^\w-](?={trie(descriptors() + officers())})")


@from_rules
def _noun_before_name() -> re.Pattern | None:
    """On the reversed text: a capital, blanks, "fo"/"ta" ("of"/"at") and blanks for an office, then a
    descriptor or office read backwards up to a word boundary ("founder of Acme" reads "emcA fo rednuof").

    None if two nouns could end before the same name (one noun is the last words of another, or a
    noun ends in "of" or "at"): the scan finds one noun per name, these lists would need two."""
    nouns = descriptors() + officers()
    if any(a.endswith(" " + b) for a in nouns for b in nouns) or any(n.split()[-1] in ("of", "at") for n in nouns):
        return None
    backwards = trie([n[::-1] for n in nouns])
    return compile_latin(rf"[A-Z][ \t]+(?:(?:fo|ta)[ \t]+)?(?=(?P<noun>{backwards})(?![\w-]))")


def _noun_starts(text: str) -> list[int]:
    """Every place where described() or officer_of() can match, ascending (some places more).

    Those patterns open with one of many nouns, so the engine tries them after every character
    that is not part of a word; scanning the reversed text for the capital of the name that
    must follow the noun, and reading the noun backwards from there, is several times faster."""
    pattern = _noun_before_name()
    if pattern is None:
        return [0] + [m.start() + 1 for m in _noun_after_boundary().finditer(text)]
    size = len(text)
    return sorted({size - m.end("noun") for m in pattern.finditer(text[::-1])})


def overlap_test(ranges) -> Callable[[tuple[int, int]], bool]:
    """A test whether a range overlaps any of `ranges`, by bisection instead of comparing with each
    (the ranges are sorted on the first question only: many documents never ask one)."""
    starts: list[int] = []
    reach: list[int] = []  # reach[k]: the furthest end among the first k + 1 ranges by start

    def overlaps_any(span: tuple[int, int]) -> bool:
        if not starts and ranges:
            ordered = sorted(ranges)
            starts.extend(start for start, _ in ordered)
            reach.extend(accumulate((end for _, end in ordered), max))
        before_end = bisect_left(starts, span[1])  # the ranges that start before span ends
        return before_end > 0 and reach[before_end - 1] > span[0]

    return overlaps_any


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a possessive ending and trailing punctuation from a name's range, but the full stop of
    a dotted legal form ("S.A.", "s.r.o.")."""
    return start, with_legal_stop(text, start, start + len(_TRAILING.sub("", text[start:end])))


@from_rules
def _place_opener() -> re.Pattern:
    """Words that open a geographic name ("Lake Nasser", "Gulf of Aden")."""
    return compile_latin(trie(place_openers()) + r"[ \t]")


def _plausible(text: str, start: int, end: int, is_blocked: Callable[[tuple[int, int]], bool],
               legal_form: bool = False) -> bool:
    """A capitalised phrase found from context that may name an organisation, where is_blocked (an
    overlap_test) allows; one that a legal form or a credit line marks (legal_form) may hold a place
    ("PT Samudra Galangan Indonesia")."""
    name = text[start:end]
    words = name.split()
    if not words or is_blocked((start, end)) or is_place(name) or is_place(name.replace(" & ", " and ")):
        return False
    first = words[0]
    last = bare(words[-1])
    # an honorific that is also an ordinary word may open a company's name: "General Dynamics", not "Dr Lee"
    titled = bare(first) in honorifics() and not (
        first in ambiguous_honorifics() and len(words) > 1 and words[1] not in first_names())
    if first in common_capitalised() or titled or last in non_heads() or last in place_heads():
        return False
    calendar, roles = calendar_words(), role_words()
    for word in words:
        bare_word = bare(word)
        if (bare_word in calendar or is_place(bare_word) and not legal_form or word.lower() in roles
                or is_hyphen_modifier(word)):
            return False
    if len(words) == 1 and (bare(first) in org_heads() or first in not_names() or _written_lower(text, first)):
        return False  # "Future" in "Airbus and Future plans" is a word, not a name; "Trade" of "Trade and Tariffs Authority" a portfolio
    return name.lower() not in generic_phrases()


def _ampersand_firms(text: str) -> list[tuple[int, int]]:
    """The ranges of names joined by "&" that are a firm's: a sentence word before them is not theirs
    ("The Marks & Spencer store", "In Marks & Spencer")."""
    found = []
    for m in _AMPERSAND_FIRM.finditer(text):
        start, first = m.start(), m.group().split(" ", 1)[0]
        if first in common_capitalised():
            start = text.index(" ", start) + 1
        title = _OF_AFTER.match(text, m.end()) and text[max(0, start - 4):start] in ("The ", "the ")
        if text[start:start + 1] != "&" and not title and _firm_words(text, text[start:m.end()]):
            found.append((start, m.end()))
    return found


def _firm_words(text: str, name: str) -> bool:
    """Whether the words joined by "&" are names, not a department's or a field's ("Research &
    Development", "Oil & Gas": org_fields.txt): none a head, an industry or a field, a title, or a
    word the text writes in lower case."""
    fields = word_set("org_fields.txt")
    return not any(w in org_heads() or w in org_industries() or w in fields or w.lower() in role_words()
                   or _written_lower(text, w) for w in name.split() if w != "&")


def _written_lower(text: str, word: str) -> bool:
    """Whether the word also appears in lower case in text (so it is an ordinary word)."""
    return bool(find_words(text, word.lower()))


def find_words(text: str, word: str) -> list[tuple[int, int]]:
    """Ranges where word is written as a whole word (exact case)."""
    found, start = [], 0
    while (start := text.find(word, start)) >= 0:
        end = start + len(word)
        if not (start and _WORD_CHAR.match(text, start - 1)) and not _WORD_CHAR.match(text, end):
            found.append((start, end))
        start = end
    return found


def _positions_of(text: str, openings) -> list[int]:
    """Where any of the strings occurs in text, ascending (str.find skips ahead faster than the
    regex engine, which tests a character class at every position)."""
    found = []
    for opening in openings:
        start = text.find(opening)
        while start >= 0:
            found.append(start)
            start = text.find(opening, start + 1)
    return sorted(found)


def _name_before(text: str, end: int) -> list[tuple[int, int]]:
    """The range of the capitalised name that ends right before `end` (empty list if none)."""
    m = _NAME_BEFORE.search(text, max(0, end - 80), end)
    return [m.span("name")] if m else []


def context_names(text: str, blocked) -> tuple[dict[tuple[int, int], str], list[tuple[int, int]]]:
    """Names found from what is written around them (each with the id of the rule that found it),
    and ticker ranges (never organisations)."""
    found: list[tuple[tuple[int, int], str]] = []
    tickers = []
    # these patterns open with a few literals: positions found by str.find beat a regex scan
    for m in matches_at(CREDIT, text, _positions_of(text, CREDIT_OPENINGS)):
        if m.group("credits"):
            base = m.start("credits")
            found += [((base + i.start(), base + i.end()), "organisations:credit")
                      for i in _LIST_ITEM.finditer(m.group("credits"))]
        else:
            group = next(g for g in ("publisher", "source", "wire") if m.group(g))
            found.append((m.span(group), "organisations:credit"))
    if "code " in text or "symbol " in text or "ticker " in text:  # most texts are spared the scan
        tickers += [m.span("code") for m in _CODE_NAMED.finditer(text)]
    for m in TICKER.finditer(text):
        tickers.append(m.span("ticker" if m.group("ticker") else "code"))
        found += _ruled(_name_before(text, m.start()), "organisations:ticker")
        if m.group("exchange") and " " in m.group("exchange"):
            # "(Nasdaq Helsinki: KALV)": the exchange's full name (one of a word, "NYSE", "Nasdaq", is
            # found already as an acronym or a known name)
            found.append((m.span("exchange"), "organisations:exchange"))
    apostrophes = _positions_of(text, APOSTROPHES)
    for m in matches_at(possessive_context(), text, apostrophes):
        found += _ruled(_name_before(text, m.start()), "organisations:possession")
    for m in matches_at(_OWNED, text, apostrophes):
        owner = _name_before(text, m.start())
        if owner and is_place(text[owner[0][0]:owner[0][1]]) and not _place_opener().match(m.group("name")):
            found.append((m.span("name"), "organisations:owned_by_place"))  # "Chile's Andeco", not "Egypt's Lake Qarun"
    found += corporate_context(text)
    found += _ruled((m.span() for m in legal_prefix().finditer(text)), "organisations:legal_prefix")
    if any(suffix in text for suffix in _shortest_lower_legal_suffixes()):
        found += _ruled((m.span() for m in lower_legal_suffix().finditer(text)), "organisations:legal_suffix")
    starts = _noun_starts(text)
    for m in matches_at(described(), text, starts):
        found.append((m.span("name"), "organisations:descriptor"))
        # "Kaimon Rovers and Italian sportswear maker Veltrix": the other side of the "and" is one too
        if partner := _AND_DESCRIBED.search(text, max(0, m.start() - 80), m.start()):
            found.append((_without_sentence_words(text, *partner.span("name"), before_verb=True), "organisations:and_described"))
    found += _ruled((m.span("name") for m in matches_at(officer_of(), text, starts) if not _DESCRIBED_NEXT.match(text, m.end())),
                    "organisations:officer_of")  # not "director of Sandakan processor Borneo Seafood": the town's company
    # a few words: most texts are spared a scan, and most the look for each word ("spokes" is in all)
    if _speaker_stem() in text and any(word in text for word in word_list("org_speakers.txt")):
        found += _ruled((m.span("name") for m in speaker_for().finditer(text)), "organisations:speaker_for")
    if ", a" in text or ", the " in text:
        found += _ruled((m.span("name") for m in staff_at().finditer(text)), "organisations:staff_at")
    found += _ruled(staff_groups_at(text), "organisations:staff_at")
    found += _ruled(_site_names(text), "organisations:site_name")
    if " & " in text:
        found += _ruled(_ampersand_firms(text), "organisations:ampersand_firm")
    if "ccording to" in text:
        found += _ruled((m.span("name") for m in _ACCORDING.finditer(text)), "organisations:according_to")
    names: dict[tuple[int, int], str] = {}
    is_blocked = overlap_test(blocked + tickers)
    for r, rule in found:
        r = trim(text, *r)
        # a legal form or a credit line says it is a name, which may hold a place ("(Asia Pacific Newswire) -")
        if _plausible(text, *r, is_blocked, legal_form=rule in _SURELY_NAMES):
            names.setdefault(r, rule)
    return names, tickers


_SURELY_NAMES = frozenset({"organisations:legal_prefix", "organisations:credit"})


def _site_names(text: str) -> list[tuple[int, int]]:
    """ "told Radio.Kz", "Kestrel.com": a capitalised web name without "http" or "www" (full URLs are blocked)."""
    found = []
    for m in _SITE_END.finditer(text):
        if m.group()[1].isupper() and _LOWER_NEXT.match(text, m.end()):
            continue  # "Delhi.In the end": a sentence run on without its blank
        before = _SITE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before:
            found.append((before.start(), m.end()))
    return found


def _ruled(ranges, rule: str) -> list[tuple[tuple[int, int], str]]:
    """The ranges, each paired with the id of the rule that found them."""
    return [(r, rule) for r in ranges]


@from_rules
def subject_verbs() -> re.Pattern:
    """A verb whose subject is an organisation ("acquired", "agreed to buy"), maybe after "has", "also"."""
    return compile_latin(words_not_after(word_list("org_subject_verbs.txt"), _NOT_AFTER) + r"(?![\w-])")


@from_rules
def _cue_start() -> re.Pattern:
    """A blank or bracket before the first word of a subject verb, an object cue, an officer, "who" or
    a sale word.

    One scan for the three patterns, which are then tried only where a first word of theirs
    begins: a pattern that opens with a blank's class lets the engine skip ahead to blanks, one
    that opens with many words is tried at every position."""
    words = _subject_verb_words() + _object_cue_words() + _officer_words() + ("who",) + word_list("org_sale_verbs.txt")
    return compile_latin(rf"[ \t\n(\"“](?={trie(sorted(set(words)))}(?![\w-]))")


def _cue_starts(text: str) -> list[int]:
    """Where a subject verb, an object cue, an officer, "who" or a sale word may begin, ascending."""
    starts = [m.start() + 1 for m in _cue_start().finditer(text)]
    if _cue_start().match(" " + text[:40]):
        starts.insert(0, 0)  # the text opens with one
    return starts


@from_rules
def _subject_verb_words() -> tuple[str, ...]:
    """The first words of the subject verbs, each once (what str.find looks for)."""
    return tuple(dict.fromkeys(v.split()[0] for v in word_list("org_subject_verbs.txt")))


@from_rules
def _object_cue_words() -> tuple[str, ...]:
    """The first words of the object cues, also with a capital, each once."""
    firsts = [c.split()[0] for c in word_list("org_object_cues.txt") + word_list("org_partner_cues.txt")]
    return tuple(dict.fromkeys(firsts + [w[0].upper() + w[1:] for w in firsts]))


@from_rules
def _officer_words() -> tuple[str, ...]:
    """The first words of the officers, each once."""
    return tuple(dict.fromkeys(o.split()[0] for o in officers()))


@from_rules
def object_cues() -> re.Pattern:
    """ "shares of", "stake in", "acquired": a capitalised name after them is an organisation."""
    cues = word_list("org_object_cues.txt")
    cues += tuple(c[0].upper() + c[1:] for c in cues)  # "Shares of Orvana fell" opens a sentence
    # after "the" or a partner cue, a noun may follow the name: "bought by the Barclay twins", "a deal
    # with Hollywood studio X" name no organisation there
    ends = _NAME_ENDS_PHRASE
    return compile_latin(rf"(?:{words_not_after(cues, _NOT_AFTER)}[ \t]+(?:(?P<name>{_NAME})|the[ \t]+(?P<after_the>{_NAME}){ends})"
                         rf"|{words_not_after(word_list('org_partner_cues.txt'), _NOT_AFTER)}[ \t]+(?:the[ \t]+)?(?P<partner>{_NAME}){ends}(?![ \t]+[A-Z]))")


# A name that ends its noun phrase: no lower-case word but a little one follows it.
_NAME_ENDS_PHRASE = (r"(?![\w'’-])(?![ \t]+(?!(?:and|or|for|in|on|at|to|of|from|with|by|which|that|last|this|was|is|"
                     r"were|are|has|had)\b)[a-z])")


@from_rules
def who_heads() -> re.Pattern:
    """ "who chairs Orvana", "who also heads Kestrel Dynamics": what a person leads or founded."""
    verbs = trie(word_list("org_leader_verbs.txt"))
    return compile_latin(rf"who[ \t]+(?:(?:also|now|still|currently|later)[ \t]+)?{verbs}[ \t]+(?P<name>{_NAME})(?![\w-])")


@from_rules
def sold_to() -> re.Pattern:
    """ "sell its chip business to Orvana", "sold a stake in Tessaro to Kestrel": the buyer of a
    company's business (a few words may follow the thing sold, no sentence end may come between)."""
    verbs = trie(word_list("org_sale_verbs.txt"))
    things = trie(word_list("org_sold_things.txt"))
    return compile_latin(rf"{verbs}(?![\w-])[^.;:!?\n]{{0,80}}?(?<![\w-]){things}s?(?![\w-])"
                         rf"(?:[ \t]+[^\s.;:!?]+){{0,4}}?[ \t]+to[ \t]+(?P<name>{_NAME})")


@from_rules
def described_after() -> re.Pattern:
    """", a Lisbon-based maker of", ", the carmaker", ", which makes buses": a company noun in apposition
    after a name, or what it makes or runs."""
    nouns = trie(descriptors())
    # the apposition ends there or goes on with a complement: ", the carmaker said" has another subject;
    # or a relative clause says what the company makes or runs (", which makes electric buses")
    return compile_latin(rf",[ \t]+(?:(?:a|an|the)[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?{nouns}s?"
                         rf"(?=[ \t]*[,.;:)]|[ \t]+(?:of|that|which|in|based|with|for|from|whose|and|owned|listed)\b)"
                         rf"|which[ \t]+(?:makes|produces|manufactures|builds|operates|owns|runs|supplies|sells|develops|designs)\b)")


@from_rules
def officer_before_name() -> re.Pattern:
    """ "chief executive Ana Ferreira": an office only organisations have, right before a capitalised name."""
    return compile_latin(words_not_after(officers(), _NOT_AFTER) + rf"[ \t]+(?={WORD})")


# Words an organisation's subject may have between it and its verb: "Orvana has agreed to buy",
# "Orvana, which acquired" (a person is "who").
_ARTICLE_BEFORE = compile_latin(r"(?<![\w-])(?:[Aa]n?|[Tt]he)[ \t]+(?:[a-z][\w-]*[ \t]+)?$")
_AUXILIARY_BEFORE = compile_latin(r"(?:[ \t]+(?:has|have|had|will|would|also|said[ \t]+it)|,[ \t]+which)+[ \t]*$")


_POSSESSIVE_INSIDE = compile_latin(r"['’]s?[ \t]")


def _before_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    """The range up to a possessive inside it: "who heads Veltrion's European unit" heads Veltrion."""
    inside = _POSSESSIVE_INSIDE.search(text, start, end)
    return (start, inside.start()) if inside else (start, end)


def corporate_context(text: str) -> list[tuple[tuple[int, int], str]]:
    """Names that do what companies do ("Kestrel Dynamics acquired"), undergo it ("shares of Orvana"),
    buy a company's business ("sold its unit to Orvana"), are led by someone ("who chairs Orvana"), are
    described as one (", a Lisbon-based maker of") or have a company's officer ("Orvana chief
    executive Ana Ferreira"), each with the id of the rule that found it."""
    found = []
    starts = _cue_starts(text)
    for m in matches_at(subject_verbs(), text, starts):
        end = m.start()
        aux = _AUXILIARY_BEFORE.search(text, max(0, end - 40), end)
        for start, stop in _name_before(text, aux.start() if aux else end):
            start, stop = _without_sentence_words(text, start, stop, before_verb=True)
            # "a new Mini One bought when ...": a thing, not its maker
            if not _ARTICLE_BEFORE.search(text, max(0, start - 30), start):
                found.append(((start, stop), "organisations:context_subject"))
    found += _ruled((m.span(next(g for g in ("name", "after_the", "partner") if m.group(g)))
                     for m in matches_at(object_cues(), text, starts)), "organisations:context_object")
    # each tried only where its own first word begins ("who" is common, its pattern rarely matches)
    whos = [p for p in starts if text.startswith("who", p)]
    found += _ruled((_before_possessive(text, *m.span("name")) for m in matches_at(who_heads(), text, whos)),
                    "organisations:who_heads")
    sale_words = word_list("org_sale_verbs.txt")
    sales = [p for p in starts if text.startswith(sale_words, p)]
    found += _ruled((m.span("name") for m in matches_at(sold_to(), text, sales)), "organisations:sold_to")
    if ", a" in text or ", the" in text or ", which" in text:
        found += _ruled((r for m in described_after().finditer(text) for r in _name_before(text, m.start())),
                        "organisations:described_after")
    found += _ruled((r for m in matches_at(officer_before_name(), text, starts)
                     for r in _name_before(text, m.start())), "organisations:officer_before")
    return [(_without_sentence_words(text, *r), rule) for r, rule in found]


def _without_sentence_words(text: str, start: int, end: int, before_verb: bool = False) -> tuple[int, int]:
    """The name without the sentence words and dates it opens with ("On Monday Orvana") and
    without what follows a full stop inside it ("Fuso. Looking")."""
    stop = text.rfind(". ", start, end)
    if stop >= 0:  # the name is the one next to its context: before a verb the last, after a cue the first
        if before_verb:
            start = stop + 2
        else:
            end = text.find(". ", start, end)
    for word in _TOKEN.finditer(text, start, end):
        w = word.group()
        if not (w in common_capitalised() or bare(w) in calendar_words()):
            return word.start(), end
    return end, end


def coordinated(text: str, orgs: list[tuple[int, int]], blocked) -> list[tuple[int, int]]:
    """The other side of "A and B" where one side is an organisation: "Boeing and Orvalis announced"."""
    found = []
    for start, end in orgs:
        if after := _AND_NEXT.match(text, end):
            found.append(trim(text, *after.span("name")))
        if _after_and(text, start) and (before := _AND_BEFORE.search(text, max(0, start - 60), start)):
            found.append(trim(text, *before.span("name")))
    kept = []
    is_blocked = overlap_test(blocked + orgs)
    for r in found:
        if (government := _GOVERNMENT_OF.search(text, max(0, r[0] - 16), r[0])) and not is_blocked((government.start(), r[1])):
            kept.append((government.start(), r[1]))  # "between the City of Łódź and the PMC": the city's government
        elif _plausible(text, *r, is_blocked) and not any(is_strong_head(w) for w in text[r[0]:r[1]].split()):
            kept.append(r)
    return kept


# A place's government named by its kind: "the City of Łódź", "the State of Kano", "the Republic of Chad".
_GOVERNMENT_OF = compile_latin(r"(?<![\w-])(?:City|Municipality|County|Province|State|Government|Republic|Kingdom|District)[ \t]+of[ \t]+$")


def _after_and(text: str, start: int) -> bool:
    """Whether "and" or "&" (and maybe "the") and blanks come right before start: a cheap test before
    searching for _AND_BEFORE, which the regex engine tries at every position of its window."""
    before = text[max(0, start - 60):start]
    if not before.endswith((" ", "\t")):
        return False
    before = before.rstrip(" \t")
    if before.endswith("the") and before[:-3].endswith((" ", "\t")):
        before = before[:-3].rstrip(" \t")
    return before.endswith(("and", "&"))


def occurrences(text: str, names: set[str], blocked) -> list[tuple[int, int]]:
    """Every other place in text where one of the names is written (any case, capitalised)."""
    lower = lower_in_place(text)
    found = []
    is_blocked = overlap_test(blocked)
    for name in names:
        key, start = lower_in_place(name), 0
        while (start := lower.find(key, start)) >= 0:
            end = start + len(key)
            if (text[start].isupper() and not _WORD_CHAR.match(text, start - 1 if start else len(text))
                    and not _WORD_CHAR.match(text, end) and not is_blocked((start, end))):
                found.append((start, end))
            start = end
    return found


def short_forms(text: str, names: list[str], blocked) -> dict[tuple[int, int], str]:
    """ "Kestrel" for "Kestrel Dynamics Corp", "Veltra" for "Veltra Group": a company's first word alone,
    or its first two of three or more ("Gulf Horizon" for "Gulf Horizon Energy PJSC")."""
    found = {}
    is_blocked = overlap_test(blocked)
    prefixes = set(word_list("org_legal_prefixes.txt"))
    for name in names:
        words = name.split()
        if len(words) > 2 and words[0] in prefixes:
            words = words[1:]  # "Bumi Sulawesi" of "PT Bumi Sulawesi Nikel Tbk": after the legal form written first
        first = words[0]
        short = [] if "&" in name else [first]
        if len(words) >= 3 and all(w[:1].isupper() and not is_strong_head(w) for w in words[:2]):
            short.append(f"{words[0]} {words[1]}")  # "Gulf Horizon" for "Gulf Horizon Energy PJSC"
        for form in short:
            if (len(form) < 3 or not form[0].isupper() or is_strong_head(form) or form in common_capitalised()
                    or form.lower() in generic_phrases() or form in first_names()
                    or bare(form) in honorifics() or is_place(form) or _written_lower(text, form)):
                continue
            for span in find_words(text, form):
                if not _capitalised_next(text, span[1]) and not is_blocked(span):
                    found[span] = name
    return found


@from_rules
def _capitalised_next_word() -> re.Pattern:
    """A capitalised word after a name, or after a particle ("Cerro de Pasco" is no "Cerro")."""
    return compile_latin(rf"(?:['’]s?)?[ \t]+(?:{trie(sorted(name_particles()))}[ \t]+){{0,2}}(?P<word>[A-Z][\w-]*)")


def _capitalised_next(text: str, end: int) -> bool:
    """Whether a capitalised word follows end that may go on the name: "Kestrel Foods" is another
    company, "Kestrel President Ana Ferreira" or "Kestrel CEO" is Kestrel and a title."""
    m = _capitalised_next_word().match(text, end)
    return bool(m) and m.group("word").lower() not in role_words() and m.group("word") not in officers()


@from_rules
def _whole_word(word: str) -> re.Pattern:
    """The word, not inside a longer or hyphenated word. (The check of the character before comes
    after the word, so that the pattern opens with it and the engine skips ahead to it.)"""
    return compile_latin(rf"{re.escape(word)}(?<![\w-]{re.escape(word)})(?![\w-])")


def standalone(text: str, names: list[str], blocked) -> dict[tuple[int, int], str]:
    """ "Army" after "US Army", "Commission" after "European Commission"."""
    found = {}
    is_blocked = overlap_test(blocked)
    last_words = {n.rsplit(" ", 1)[-1] for n in names}
    for head in standalone_heads():
        if head.rsplit(" ", 1)[-1] not in last_words:
            continue  # no name ends with the head (a cheap test before the list)
        full = [n for n in names if n.endswith(" " + head)]
        if not full:
            continue
        for m in _whole_word(head).finditer(text):
            before = _CAPITALISED_BEFORE.search(text, max(0, m.start() - 30), m.start())
            # "Indian Army" is another name; "the Navy budget" or "Commission President" is this one
            if before and before.group(1) not in common_capitalised():
                continue
            if not is_blocked(m.span()):
                found[m.span()] = full[0]
    return found
