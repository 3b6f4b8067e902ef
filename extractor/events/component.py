"""Events: one item per meeting, summit, visit, … however often it is mentioned, with its date,
place, chairs and participants; and the event an agreement was signed at."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from ..output.invariants import TIMEML_REFERENCES
from ..common.component import RuleComponent
from ..common.lexicon import LEXICON_FILES, calendar_words
from ..common.doc_data import add_span, doc_text, doc_value, overlaps, set_span_value, span_ranges, span_value, span_values
from ..common.regex import compile_latin, trie, word_trie
from ..common.text import ORDINAL_WORDS, first_line_bounds
from ..common.rules import current, data_files, from_rules

# Where a sentence ends: punctuation before blanks and a capital or a quote, or a line break.
_SENTENCE_END = compile_latin(r"[.!?][\"”’)]?[ \t]+(?=[A-Z\"“(])|\n+")
_ORDINAL_WORDS = {word: number for number, word in enumerate(ORDINAL_WORDS, 1)}
_ORDINAL = (rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{'|'.join(w.capitalize() for w in _ORDINAL_WORDS)}"
            rf"|{'|'.join(_ORDINAL_WORDS)})")  # "the second Lakeside Forum"
_SIGNING = compile_latin(r"\b(?:sign|ink|seal|initial|put pen to paper)", re.IGNORECASE)
# Places ranked by how specific they are: the most specific one given is an event's place.
_SPECIFIC = {"city": 3, "area": 2, "region": 1, "country": 0}
# A capitalised "Commission" is an organisation ("European Commission") unless it is a joint one.
_ORGANISATION_HEADS = {"Commission": "Joint"}


# The rules (span._.rule) of the ways an event is mentioned.
NAMED = "events:named"  # capitalised words closed by event nouns: "7th Joint Fisheries Commission"
GENERIC = "events:generic"  # a lower-case noun after an opener that starts an event: "a bilateral meeting"
REFERENCE = "events:reference"  # a lower-case noun that refers to an event mentioned before: "the meeting"


class Mention(NamedTuple):
    """An event mention: its range, kind, whether it is a name, and the rule that found it."""

    start: int
    end: int
    kind: str
    named: bool
    rule: str


@from_rules
def _heads() -> dict[str, str]:
    """Event nouns -> kind (event_heads.txt)."""
    return {row[0]: row[1] for row in current().table("event_heads.txt", (2, 3))}


# How a noun of event_heads.txt may stand in lower case (its third column; none: after any opener).
_HEAD_USES = frozenset({"modified", "alone", "refers"})


@from_rules
def _head_uses() -> dict[str, str]:
    """Event nouns with a restricted lower-case use -> that use: "modified" (an event only after a
    modifier: "a trade mission", not "their mission"), "alone" (not followed by "of"/"for": "the
    signing ceremony", not "the signing of the MoU"), "refers" (bare, only a reference to an event
    named before: "the commission" is the body, unless a Joint Commission's meeting was named)."""
    rules = current()
    uses = {}
    for number, row in rules.numbered_rows("event_heads.txt", (2, 3)):
        if row[2:]:
            if row[2] not in _HEAD_USES:
                raise rules.error("event_heads.txt", number, f"use {row[2]!r} is not one of {', '.join(sorted(_HEAD_USES))}")
            uses[row[0]] = row[2]
    return uses


_NEXT_WORD = compile_latin(r"[ \t]+([\w-]+)")


@from_rules
def _head_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Event nouns capitalised (a run of them: "Plenary Meeting") and in lower case. The text is
    scanned for these only, and what stands before a hit is read from there: a scan for whole
    names would be tried at every capitalised word."""
    capitalised = [h.capitalize() for h in _heads()]
    return (compile_latin(rf"{word_trie(capitalised)}(?:[ \t]+{trie(capitalised, space=' ')})*(?![\w-])"),
            compile_latin(rf"{word_trie(_heads())}(?![\w-])"))


# The words of an event's name before its capitalised nouns: an ordinal, capitalised words,
# "U.S.-Armenia", "Indo-US", "Ghana–Poland", names joined by a spaced dash ("Okello – Brandt Meeting"); read back
# from the nouns (the slice before them ends with a blank).
_NAME_BEFORE = compile_latin(r"(?<![\w-])(?:(?:%s|(?:(?:[A-Z]\.){2,}|[A-Z][\w&'’]*)(?:[-–][\w]+)*)(?:[ \t]+[–—])?[ \t]+){1,8}\Z"
                             % _ORDINAL)
# The capitalised "of" complement of an event's name: " of IGAD Heads of State and Government".
# An unspaced en dash joins two names into one word: "of the Ghana–Togo Joint Commission"; none
# before a plural noun, "of European Union leaders": the name is the group's, not the event's.
_OF_NAME = compile_latin(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’&–-]*+(?:[ \t]+(?:(?:of|and|for|the)[ \t]+)*[A-Z][\w'’&–-]*+)*+"
                         r"(?![ \t]+(?:[a-z]+[ \t]+)?(?!this\b|thus\b|always\b|perhaps\b|its\b)[a-z]{3,}s\b)")
# what stands between an event's name and a description of it in apposition: ", a two-day "
_APPOSED = compile_latin(r",[ \t]+(?:a|an)[ \t]+(?:[\w-]+[ \t]+){0,3}")
# A capitalised topic of a named event: " on Advanced Packaging", " on Climate and Trade" (not " on Monday")
_ON_NAME = compile_latin(r"[ \t]+on[ \t]+([A-Z][\w'’-]*)(?:[ \t]+(?:(?:and|of|for|the|in)[ \t]+)*[A-Z][\w'’-]*)*")
# "a meeting", "an official visit": an indefinite article brings in an event not mentioned before
_ARTICLES = ("The", "A", "An")
_INDEFINITE_BEFORE = compile_latin(r"(?<![\w-])(?:a|an)[ \t]+\Z", re.IGNORECASE)
# How far after an event's mention the venue it is held at may be named: "the ceremony held at",
# "a dinner that took place on Friday at"; a venue outranks the city it is in.
_VENUE_GAP = 80
_VENUE = 4
_IN_PLACE = compile_latin(r"[ \t]+in[ \t]+(?:the[ \t]+)?[A-Z]")
# Between two events' mentions named together: "the Trade Summit and the Energy Forum".
_JOINED = compile_latin(r"[ \t]*(?:,|and|&|,[ \t]*and)[ \t]+(?:the[ \t]+)?")
# Words that put a mention's event before the clause a date or place ahead of it belongs to.
_EARLIER = compile_latin(r"\b(?:following|after|since|before|ahead of|prior to)\b", re.IGNORECASE)
# How far after a headline its lead's date is looked for.
_LEAD_REACH = 600
# A date after these words bounds a span of time ("since 1917", "by 2010"): it dates no event.
_BOUND_BEFORE = compile_latin(r"\b(?:since|by|until|till)[ \t]+(?:the[ \t]+)?(?:end[ \t]+of[ \t]+|early[ \t]+|late[ \t]+|mid-?)?\Z",
                              re.IGNORECASE)
# A dateline: a town opening one of the first lines (after a time, "09:28 | "), then a comma and
# a date, or an agency in brackets or a colon (group "mark").
_DATELINE_LINES = 4
_DATELINE_BEFORE = compile_latin(r"[ \t]*(?:\d[\d:.]*[ \t]*[|:–—-][ \t]*)?")
_DATELINE_AFTER = compile_latin(r"(?P<mark>[ \t]*[:(]|,[ \t]*\()?(?(mark)|,[ \t]*)")
# "here" in an event's clause is the dateline's town ("the summit opened here"); not "here is".
_HERE = compile_latin(r"(?<=[a-z,] )here\b(?![ \t]+(?:is|are|was|were)\b)")
_HERE_GAP = 60
# How many days from the report's day an event may be and still be the one reported.
_NEWS_DAYS = 7
_FAR = 10_000
# A headline: a short line without a sentence's closing punctuation.
_HEADLINE = compile_latin(r"[^\n]{1,160}(?<![.!?\"”’:])[ \t]*(?:\n|\Z)")


def _bounds_time(text: str, position: int) -> bool:
    """Whether the date at position follows "since", "by" or "until"."""
    return _BOUND_BEFORE.search(text[max(0, position - 24):position]) is not None


def _a_day_of_news(text: str, date: tuple[int, int, str | None]) -> bool:
    """Whether a date (start, end, value) can be the day something was reported: a day or month,
    not a bare year ("died in 2004") nor a bound of time ("since 1987")."""
    return bool(date[2]) and len(date[2]) > 4 and not _bounds_time(text, date[0])


def _in_headline(text: str, position: int) -> bool:
    """Whether position is on a headline line near the top of the text (within its first five lines)."""
    line_start = text.rfind("\n", 0, position) + 1
    return text.count("\n", 0, line_start) <= 4 and _HEADLINE.match(text, line_start) is not None


@from_rules
def _town_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Built on town_nouns.txt: what makes the place after it an event's ("in Nairobi", "at the
    Hague", "to Baku", "the port city of Busan", "the capital, Lusaka"); an unknown town named as
    one ("the Ugandan city of Fort Portal", lower-case joiners: "Villa de X"); and a town referred
    back to ("in this coastal city", "in the capital"), not one named right after it."""
    nouns = "|".join(sorted(map(re.escape, current().lines("town_nouns.txt")), key=len, reverse=True))
    return (compile_latin(rf"\b(?:(?:in|at|to|visited|visiting)\s+(?:the\s+)?|(?:{nouns})(?: of|,)?\s+)$"),
            compile_latin(rf"\b(?:{nouns}) of[ \t]+(?P<town>[A-Z][\w'’-]+(?:[ \t]+(?:(?:de|del|da|do|la|el|les|sur)[ \t]+)?"
                          rf"[A-Z][\w'’-]+)*)"),
            compile_latin(rf"\bin[ \t]+(?:this|that|the[ \t]+same|the)[ \t]+(?:[a-z-]+[ \t]+){{0,3}}?(?:{nouns})\b"
                          rf"(?![ \t]+(?:of[ \t]+)?[A-Z]|,[ \t]+[A-Z])"))


def _locative_before(text: str, position: int) -> bool:
    """Whether the words before position make the place there where something is ("in", "city of")."""
    return _town_patterns()[0].search(text, max(0, position - 16), position) is not None


@from_rules
def _generic_before() -> re.Pattern:
    """What opens a lower-case mention before its noun: an opener or a possessive ("Modi's visit"),
    then up to three modifiers ("the bilateral meeting")."""
    openers, modifiers = _openers_and_modifiers()
    manner = "|".join(sorted(_manner_words(), key=len, reverse=True))
    # an ordinal in figures among them: "its 67th ordinary session"; a word of how it went first: "a brief ceremony"
    return compile_latin(rf"(?:\b(?:{openers})|(?<=\w)['’]s)[ \t]+(?P<mention>(?:(?:{manner})[ \t]+)?"
                         rf"(?:(?:{modifiers}|\d{{1,3}}(?:st|nd|rd|th))[ \t]+){{0,3}})\Z", re.IGNORECASE)


def _openers_and_modifiers() -> tuple[str, str]:
    """The openers (event_openers.txt) and the modifiers (event_modifiers.txt, event_other_occasions.txt),
    each as an alternation."""
    lines = current().lines
    modifiers = lines("event_modifiers.txt") + lines("event_other_occasions.txt")
    openers, listed = ("|".join(sorted(map(re.escape, words), key=len, reverse=True)) for words in (lines("event_openers.txt"), modifiers))
    return openers, f"{_HOW_LONG}|{listed}"


# The number words of how long an event lasts: "a five-day visit", "a two-week mission".
_COUNTS = {word: number for number, word in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 1)}
_HOW_LONG = rf"(?:(?:{'|'.join(_COUNTS)}|\d{{1,2}})-(?:day|week)|(?:day|week|month)-long)"  # "five-day", "10-day", "week-long"


@from_rules
def _other_occasion() -> re.Pattern:
    """A word of a mention that names another occasion than the one reported: "next", "previous"
    (event_other_occasions.txt)."""
    return compile_latin(rf"\b(?:{'|'.join(map(re.escape, current().lines('event_other_occasions.txt')))})\b")


_ORDINAL_IN = compile_latin(rf"\b(?:(\d{{1,3}})(?:st|nd|rd|th)|({'|'.join(_ORDINAL_WORDS)}))\b", re.IGNORECASE)
# "the first meeting of the commission since 2023": the one reported, the first for a while
_FIRST_SINCE = compile_latin(r"[^.;!?]{0,60}\bsince\b")


def _number_in_series(text: str, mention: Mention) -> int | None:
    """The ordinal a mention numbers its event by ("12th session", "the third meeting"), if any."""
    found = _ORDINAL_IN.search(text, mention.start, mention.end)
    if found is None or found.group(2) and found.group(2).lower() == "first" and _FIRST_SINCE.match(text, mention.end):
        return None
    return int(found.group(1)) if found.group(1) else _ORDINAL_WORDS[found.group(2).lower()]


@from_rules
def _manner_words() -> frozenset[str]:
    """Words before an event noun that say how it went (event_manner_words.txt)."""
    return frozenset(current().lines("event_manner_words.txt"))


_MANNER_WORD = compile_latin(r"([a-z]+)[ \t]+")


@from_rules
def _not_names() -> frozenset[str]:
    """Words of a contest's or a show's name (event_not_names.txt)."""
    return frozenset(current().lines("event_not_names.txt"))


@from_rules
def _named_before() -> re.Pattern:
    """A name before a lower-case event noun, after an opener: "the G20 Finance Ministers meeting",
    "a Lakeside Council annual session" (a name that is an organisation's or a place's is blocked)."""
    openers, modifiers = _openers_and_modifiers()
    return compile_latin(rf"\b(?i:{openers})[ \t]+(?P<mention>(?:[A-Z][\w&'’.-]*[ \t]+){{1,5}}(?:(?i:{modifiers})[ \t]+){{0,2}})\Z")


@from_rules
def _venue_pattern() -> re.Pattern:
    """A building named after "at": capitalised words closed by a venue noun ("at the Lakeside
    Convention Centre"); the name without its article."""
    nouns = "|".join(sorted(map(re.escape, current().lines("venue_nouns.txt")), key=len, reverse=True))
    word = r"(?:[A-Z][\w&'’.-]*)"
    return compile_latin(rf"\bat[ \t]+(?:the[ \t]+)?(?P<venue>(?:{word}[ \t]+(?:(?:of|and|for|the)[ \t]+)*){{0,6}}(?:{nouns}))(?![\w-])")


@from_rules
def _chair_pattern() -> re.Pattern:
    verbs = "|".join(sorted(map(re.escape, current().lines("chair_verbs.txt")), key=len, reverse=True))
    return compile_latin(rf"\b(?:{verbs})(?P<by>[ \t]+by)?\b")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """The sentences of text as ranges (a simple split: a sentence's facts stay within it), each
    with its closing punctuation and without the line break after it."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.start() if text[m.start()] == "\n" else m.start() + 1))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _mentions(text: str, blocked: list[tuple[int, int]], places: list[tuple[int, int]] = (),
              bodies: list[tuple[int, int]] = ()) -> list[Mention]:
    """Named and lower-case event mentions, not inside organisation, agreement or place names; a
    lower-case one may hold places ("a Korea-Türkiye business forum"), not other names, and its "of"
    complement the bodies (organisations) and places that name it ("the fifth meeting of the X Commission")."""
    holds_places = set(places)
    of_names = holds_places | set(bodies)
    blocked = blocked + list(places)
    heads = _heads()
    capitalised, lower = _head_patterns()
    found: list[Mention] = []
    for m in capitalised.finditer(text):
        window = max(0, m.start() - 200)
        before = _NAME_BEFORE.search(text[window:m.start()])
        if before is None:
            continue
        start, end = window + before.start(), m.end()
        complement = _OF_NAME.match(text, end) or _ON_NAME.match(text, end)
        if complement and not any(b[0] < complement.end() < b[1] for b in blocked) and not (
                complement.re is _ON_NAME and complement.group(1) in calendar_words()):
            # "the 42nd Ordinary Summit of IGAD Heads of State and Government", "Workshop on Advanced Packaging"
            end = complement.end()
        else:
            complement = None
        words = text[start:m.end()].split()
        article = max((k for k, w in enumerate(words[1:-1], 1) if w in _ARTICLES), default=0)
        if article:  # "ANKARA – The 12th Session": a dateline before it, not the name's
            start = text.index(words[article], start + len(" ".join(words[:article])))
            words = words[article:]
        while len(words) > 1 and words[0] in _ARTICLES + ("This", "At", "In", "During", "After"):
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        last = words[-1]
        needed = _ORGANISATION_HEADS.get(last)
        if len(words) < 2 and not complement or needed and needed not in words:
            continue
        if len(words) == 2 and words[0].endswith(("'s", "’s")) and not complement:
            continue  # "Peru's Congress", "Kenya's Commission": a country's body, not a meeting's name
        # the whole name is an organisation's or agreement's, or is one after a country's possessive
        # ("China's National People's Congress")
        named_from = start + len(words[0]) + 1 if words[0].endswith(("'s", "’s")) and not complement else start
        if any(b[0] <= named_from and end <= b[1] for b in blocked):
            continue
        found.append(Mention(start, end, heads[last.lower()], True, NAMED))
    for m in lower.finditer(text):
        window = max(0, m.start() - 80)
        before = _generic_before().search(text[window:m.start()]) or _named_before().search(text[window:m.start()])
        if before is None:
            continue
        named_by = before.group("mention").split()
        if any(w in calendar_words() or w.endswith(("'s", "’s")) or w in _not_names() for w in named_by):
            continue  # "the June summit", "Sunday's meeting": when, not which; "the Carling Cup meeting": a match
        start, end = window + before.start("mention"), m.end()
        if _SENTENCE_END.search(text, start, m.start()):
            continue  # "in the US. But meeting the target …": two sentences
        manner = _MANNER_WORD.match(text, start, m.start())
        if manner and manner.group(1) in _manner_words():
            start = manner.end()  # "a brief ceremony" is the ceremony
        if any(overlaps((start, end), (f.start, f.end)) for f in found) or any(
                overlaps((start, end), b) and not (b in holds_places and start <= b[0] and b[1] < end) for b in blocked):
            continue
        use = _head_uses().get(m.group())
        if start == m.start() and use == "modified":
            continue
        if use == "alone" and (following := _NEXT_WORD.match(text, m.end())) and (
                following.group(1) in ("of", "for") or following.group(1).lower() in heads):
            continue  # "the signing of the MoU" is the act; "the signing ceremony" is the ceremony's mention
        complement = _OF_NAME.match(text, end)
        # "of the Joint Commission on Trade": the body's name may run on past the words read here
        complement_end = complement and max([b[1] for b in bodies if end < b[0] < complement.end() < b[1]], default=complement.end())
        if complement and not any(overlaps((end, complement_end), (f.start, f.end)) for f in found) and not any(
                overlaps((end, complement_end), b) and not (b in of_names and b[1] <= complement_end) for b in blocked):
            # "the fifth meeting of the Ghana–Togo Joint Commission": a body's meeting, named by it (not "the
            # ceremony of the Lakeside Trade Summit", another event, nor "a meeting of Ana Ruiz and Tom Berg")
            found.append(Mention(start, complement_end, heads[m.group()], True, NAMED))
            continue
        found.append(Mention(start, end, heads[m.group()], False, GENERIC))
    return sorted(found)


def _head_word(text: str, mention: Mention) -> str:
    """A mention's last word, its noun, folded ("visit" of "three-day visit")."""
    return text[mention.start:mention.end].split()[-1].casefold()


def _content_words(name: str) -> set[str]:
    """The words of an event's name that tell it from another's, plural endings dropped ("Annual Meetings")."""
    words = {w.casefold() for w in re.findall(r"[\w-]+", name)} - {"the", "of", "and", "on", "for"}
    return {w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w for w in words}


def _same_name(words: set[str], other: set[str]) -> bool:
    """Whether two names' content words name one event: most are shared and neither has a word of
    its own that the other lacks ("4th Session of X" and "fifth meeting of X" are two; "Trade Forum"
    and "Lakeside Trade Forum" one), but for an acronym of the other's own words ("12th Session of
    the JEC" and "12th Session of the Lakeside Joint Economic Commission")."""
    own, others = words - other, other - words
    if own and others and len(own) == 1 and _spells(next(iter(own)), others) or len(others) == 1 and _spells(next(iter(others)), own):
        own = others = set()
    return len(words & other) >= 0.6 * min(len(words), len(other)) and not (own and others)


def _spells(acronym: str, words: set[str]) -> bool:
    """Whether a word's letters are initials of some of the words, in some order ("jec": joint, economic, commission)."""
    initials = sorted(w[0] for w in words)
    return len(acronym) >= 2 and all(acronym.count(c) <= initials.count(c) for c in set(acronym))


def group_mentions(text: str, mentions: list[Mention], signed: bool = False) -> list[list[Mention]]:
    """Mentions grouped into events: a named event gathers names that share most of its words and
    later lower-case mentions of its kind or of a word of its name ("the plenary"). signed: the
    article reports an agreement signed (then "the occasion" is the signing's)."""
    events: list[list[Mention]] = []
    headline_end = first_line_bounds(text)[1]  # the headline's or summary's, whatever it holds
    numbers = {(m.start, m.end): _number_in_series(text, m) for m in mentions}

    def kind_of(mention: Mention) -> str:
        # in news of a signing, "the event" is the signing ceremony, also when "the ceremony" follows
        return "ceremony" if signed and mention.kind == "other" else mention.kind

    for m in mentions:
        written = text[m.start:m.end]
        head = _head_word(text, m)
        target = None
        if m.named:
            words = _content_words(written)
            for event in events:
                names = [_content_words(text[e.start:e.end]) for e in event if e.named]
                if any(_same_name(words, n) for n in names):
                    target = event
            if target is None and m.start > headline_end:
                # "… talks at joint commission" in the headline, then "the fifth session of the X Joint Commission"
                target = next((e for e in reversed(events) if all(x.start < headline_end and not x.named for x in e)
                               and _content_words(text[e[0].start:e[0].end]) <= words), None)
        elif appositive := next((e for e in events if any(
                x.named and _APPOSED.fullmatch(text, x.end, m.start) for x in e)), None):
            target = appositive  # "the Harbour Energy Forum, a three-day meeting that …": the same event
        elif _INDEFINITE_BEFORE.search(text[max(0, m.start - 8):m.start]):
            # "a meeting" brings in another, but for the one a headline named: "… during a visit to Seoul" and
            # "… during a three-day visit by the minister" in the lead are one visit (of one word: not "joint
            # commission" … "a courtesy call")
            headlined = [e for e in events if e[0].kind == m.kind and all(x.start < headline_end for x in e)
                         and _head_word(text, e[0]) == head]
            if headlined and m.start > headline_end:
                target = headlined[-1]
        elif _another_occasion(text, m):
            pass  # "the next session" is another
        else:
            number = numbers[m.start, m.end]
            candidates = [e for e in reversed(events) if not _another_occasion(text, e[0])]  # not "the next session"
            # "the forum": the latest event of that word, else the latest of its kind ("the event": any)
            target = next((e for e in candidates if any(head in _content_words(text[x.start:x.end]) for x in e if x.named)), None)
            if target is None and written.casefold() == head and _head_uses().get(head) == "refers":
                continue  # "the commission" with no Joint Commission's meeting named before: the body
            target = target \
                or next((e for e in candidates if any(_head_word(text, x) == head for x in e)), None) \
                or next((e for e in candidates if kind_of(e[0]) == kind_of(m) or {e[0].kind, m.kind} == {"meeting", "session"}
                         or m.kind == "other" or head in _content_words(text[e[0].start:e[0].end])), None)
            if number is not None:
                # "the 12th session" is the event of that number; "the 11th", "the second meeting" after the third, another
                numbered = [e for e in events if any(numbers[x.start, x.end] == number for x in e)]
                numbered_target = any(numbers[x.start, x.end] is not None for x in target or ())
                target = numbered[-1] if numbered else None if numbered_target else target
        if target is None and m.kind == "other" and not signed:
            continue  # "the event" with no event before it is one only in news of a signing: "on the occasion"
        if target is None:
            events.append([m])
        else:
            target.append(m if m.named else m._replace(rule=REFERENCE))
    return events


def _another_occasion(text: str, mention: Mention) -> bool:
    """Whether a lower-case mention names another occasion than the one reported ("the next session")."""
    return not mention.named and _other_occasion().search(text, mention.start, mention.end) is not None


# Events that hold others: a meeting or ceremony reported beside a visit or summit is part of it.
_UMBRELLAS = ("visit", "summit", "conference")
_PARTS = ("meeting", "ceremony", "session")


def _set_fact(facts: dict, fact: str, value, at: tuple[int, int] | None) -> None:
    """Set a one-valued fact of an event (date, place) with the sentence it was read from."""
    facts[fact] = value
    facts["evidence"][fact] = at


# "a two-day conference" of two to seven days: what the date of one day it opened or ended spans
_LASTING_DAYS = compile_latin(rf"\b({'|'.join(w for w, n in _COUNTS.items() if 2 <= n <= 7)}|[2-7])-day\b")
_FOR_AN_EVENT = compile_latin(r"[ \t]+for[ \t]+(?:a|an|the|his|her|their|its)[ \t]+")
_OPENED = compile_latin(r"\b(?:opened|opens|began|begins|started|starts|kicked off|got under way|arrived|arrives)\b")
_CLOSED = compile_latin(r"\b(?:ended|ends|closed|closes|concluded|wrapped up)\b")


def _over_its_days(text: str, event: list[Mention], facts: dict) -> None:
    """ "The two-day conference opened on Tuesday": its date is the two days from Tuesday; "ended on
    Wednesday", the days up to Wednesday (one day, read where the text says it opened or ended, and a
    mention that says how many days it lasts)."""
    days = next((m.group(1) for mention in event if (m := _LASTING_DAYS.search(text, mention.start, mention.end))), None)
    where = facts["evidence"].get("date")
    if days is None or where is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", facts["date"] or ""):
        return
    sentence = text[where[0]:where[1]]
    length = timedelta(days=(_COUNTS.get(days) or int(days)) - 1)
    opened, closed = _OPENED.search(sentence), _CLOSED.search(sentence)
    if opened and not closed:
        first = date.fromisoformat(facts["date"])
        facts["date"] = f"{first}/{first + length}"
    elif closed and not opened:  # "wrapped up a three-day visit on Wednesday": the days up to Wednesday
        last = date.fromisoformat(facts["date"])
        facts["date"] = f"{last - length}/{last}"


def _umbrella_of(events: list[tuple[list[Mention], dict]], sentence_end: int) -> dict | None:
    """The facts of the visit or summit a meeting or ceremony is part of: the first one named before
    the end of the sentence that first names the part (sentence_end), so also in it ("the ceremony took
    place during the visit"); one named further on ("we first met at the Energy Summit in 2023") is another occasion."""
    return next((facts for event, facts in events if facts["kind"] in _UMBRELLAS and event[0].start < sentence_end), None)


def _inherit(events: list[tuple[list[Mention], dict]], sentence_of: Callable[[int], tuple[int, int]]) -> None:
    """A meeting or ceremony without a date or place takes those of the visit or summit it is part of."""
    for event, facts in events:
        if facts["kind"] not in _PARTS:
            continue
        umbrella = _umbrella_of(events, sentence_of(event[0].start)[1])
        if umbrella is not None and facts is not umbrella:
            for fact in ("date", "place"):
                if not facts[fact] and umbrella[fact]:
                    _set_fact(facts, fact, umbrella[fact], umbrella["evidence"][fact])


def _last_town(places: list[tuple[int, int, str]], position: int) -> tuple[int, int] | None:
    """The range of the last town named before position."""
    return next(((s, e) for s, e, kind in reversed(places) if e <= position and kind == "city"), None)


def _dateline(text: str, header_end: int, places: list[tuple[int, int, str]],
              dates: list[tuple[int, int, str | None]]) -> tuple[int, int, str | None] | None:
    """The town a report is filed from, with the day its dateline gives: a town opening one of the
    first lines, before a date, an agency or a colon ("Kisumu, May 3", "KISUMU (Agency) -",
    "Kisumu:"); (start, end, day)."""
    for start, end, kind in places:
        if text.count("\n", header_end, start) > _DATELINE_LINES:
            break
        line = max(header_end, text.rfind("\n", 0, start) + 1)
        if kind != "city" or not _DATELINE_BEFORE.fullmatch(text, line, start):
            continue
        after = _DATELINE_AFTER.match(text, end)
        if after is None:
            continue
        day = next((d[2] for d in dates if d[0] == after.end()), None)
        if day or after.group("mark"):
            return start, end, day
    return None


def _days_apart(value: str, day: str | None) -> int:
    """Days between the first day of an ISO date value ("2025-05", "2025-05-12/2025-05-13") and
    day; large when either is not a day's."""
    try:
        first = date.fromisoformat(value.split("/")[0])
        return abs((first - date.fromisoformat(day[:10])).days) if day else _FAR
    except ValueError:
        return _FAR


def _within(day: str, value: str) -> bool:
    """Whether an ISO day or month falls in an ISO date value ("2025-05-12/2025-05-13", "2025-05")."""
    low, _, high = value.partition("/")
    return low <= day[:len(low)] and day[:len(high or low)] <= (high or low)


def _venue(text: str, m: Mention, limit: int, owners: list[tuple[int, int, int]]) -> str | None:
    """The building named shortly after a mention that the event is held at: "the ceremony held at
    Riverside Campus, Eastgate"; None for one "in" a place, whose place is the city it names
    ("at the Grand Lakeview Hotel in Kampala" is in Kampala)."""
    # not past another event's mention or a clause break: that building is another's
    limit = min([s for s, _, _ in owners if m.end <= s < limit] + [limit])
    semicolon = text.find(";", m.end, limit)
    found = _venue_pattern().search(text, m.end, limit if semicolon < 0 else semicolon)
    if found is None or _IN_PLACE.match(text, found.end()):
        return None
    return found.group("venue")


class EventFinder(RuleComponent):
    """Adds event mentions to doc.spans[span_key], each with its event's name, kind, date, place,
    chairs and participants; marks agreements signed at an event (span._.signed_at, span._.place)."""

    data_files = LEXICON_FILES + data_files("extractor.events", "event_heads.txt", "event_modifiers.txt", "event_openers.txt",
                            "chair_verbs.txt", "venue_nouns.txt", "town_nouns.txt", "event_not_names.txt", "event_other_occasions.txt",
                            "event_manner_words.txt")

    def __init__(self, nlp: Language, name: str, span_key: str):
        self.name = name
        self.span_key = span_key

    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        values = span_values(doc)
        agreements = span_ranges(doc, "agreements")
        # names of organisations, agreements and people are not events; and a span's values are kept
        # by its offsets for every group, so an event mention must not be another group's span
        blocked = (span_ranges(doc, "organisations") + agreements + span_ranges(doc, "people")
                   + span_ranges(doc, "roles") + [(0, doc_value(doc, "header_end"))])
        sentences: list[tuple[int, int]] = []  # read when first asked for

        def sentence_of(position: int) -> tuple[int, int]:
            if not sentences:
                sentences.extend(sentence_bounds(text))
            return next(s for s in sentences if s[0] <= position < s[1] or s[1] >= len(text))

        _signing_places(doc, text, values, agreements, sentence_of)
        signed = any(span_value(values, "status", s, e) == "signed" for s, e in agreements)
        signing = next(((s, e) for s, e in agreements
                        if span_value(values, "status", s, e) == "signed" and span_value(values, "date", s, e)), None)
        events = group_mentions(text, _mentions(text, blocked, span_ranges(doc, "places"), span_ranges(doc, "organisations")),
                                signed)
        if not events:
            return doc

        header_end = doc_value(doc, "header_end")
        dates = [(s, e, value) for s, e in span_ranges(doc, "dates") if s >= header_end
                 and (value := span_value(values, "value", s, e)) not in TIMEML_REFERENCES]  # not "now"
        # a country named like its capital is a city where an event is held ("in Djibouti", "in Singapore")
        places = [(s, e, "city" if span_value(values, "city_too", s, e) else span_value(values, "kind", s, e))
                  for s, e in span_ranges(doc, "places")]
        place_names = {(s, e): span_value(values, "canonical", s, e) or text[s:e] for s, e, _ in places}
        people = [(s, e, span_value(values, "canonical", s, e) or text[s:e]) for s, e in span_ranges(doc, "people")]
        orgs = span_ranges(doc, "organisations")
        # every mention with its event's number, sorted: which event a date or place belongs to
        owners = sorted((m.start, m.end, number) for number, event in enumerate(events) for m in event)

        def another_events(position: int, number: int, sentence: tuple[int, int]) -> bool:
            """Whether what stands at position, before a mention of event number, follows another
            event's mention in its sentence: "in a meeting on 28 July, they agreed to hold the summit"."""
            before = [n for s, e, n in owners if sentence[0] <= s and e <= position]
            return bool(before) and before[-1] != number

        # a date right before "for a … visit" is that event's, whatever was named before it in the
        # sentence ("The ceremony was witnessed by X, who arrived on Monday for a four-day visit")
        mention_starts = {s: n for s, e, n in owners}
        claimed = {d[0]: mention_starts[purpose.end()] for d in dates
                   if (purpose := _FOR_AN_EVENT.match(text, d[1])) and purpose.end() in mention_starts}
        dateline = _dateline(text, header_end, places, dates)
        named_events = []
        for number, event in enumerate(events):
            first = event[0]
            naming = next((m for m in event if m.named), first)  # "joint commission" in the headline, then its name
            name = text[naming.start:naming.end]
            kind = naming.kind
            best_place = -1
            # "the next session" is dated only by what follows it: the days around it are the reported event's
            another = _another_occasion(text, first)
            # each chair and participant with the sentence it was first read from (dicts keep the order read)
            chairs: dict[str, tuple[int, int]] = {}
            participants: dict[str, tuple[int, int]] = {}
            facts = {"canonical": name, "kind": kind, "date": None, "place": None,
                     "evidence": {"chairs": chairs, "participants": participants, "date": None, "place": None}}
            for m in event:
                sentence = s_start, s_end = sentence_of(m.start)

                def ours(position: int) -> bool:
                    # "on Monday they signed an accord following the dialogue": Monday is the signing's;
                    # "on a visit to Norland, at a dinner in Eastport": Eastport is the dinner's, unless
                    # the two are named together ("the Trade Summit and the Energy Forum in Eastport")
                    if position >= m.end:
                        between = [s for s, e, n in owners if m.end <= s and e <= position and n != number]
                        return not between or _JOINED.fullmatch(text, m.end, between[0]) is not None
                    return not (another_events(position, number, sentence) or _EARLIER.search(text, position, m.start))

                if facts["date"] is None:
                    near = [d for d in dates if s_start <= d[0] < s_end and d[2] and not _bounds_time(text, d[0])
                            and (claimed[d[0]] == number if d[0] in claimed else ours(d[0]))]
                    after = [d for d in near if d[0] >= m.end]
                    chosen = after[0] if after else near[-1] if near and not another else None
                    if chosen:
                        _set_fact(facts, "date", chosen[2], sentence)
                for p_start, p_end, p_kind in places:
                    if s_start <= p_start < s_end and _locative_before(text, p_start):
                        rank = _SPECIFIC.get(p_kind, 0) if p_kind != "country" or kind == "visit" else -1
                        if rank > best_place and ours(p_start):
                            best_place = rank
                            _set_fact(facts, "place", text[p_start:p_end], sentence)
                    elif s_start <= p_start < m.start and p_kind == "country":
                        participants.setdefault(place_names[p_start, p_end], sentence)  # "US" and "United States" once
                for town in _town_patterns()[1].finditer(text, s_start, s_end):
                    # a town the gazetteer does not know, named as one ("the city of Fort Portal")
                    if best_place < _SPECIFIC["city"] and ours(town.start()) \
                            and not any(p[0] <= town.start("town") < p[1] for p in places):
                        best_place = _SPECIFIC["city"]
                        _set_fact(facts, "place", town.group("town"), sentence)
                if best_place < _SPECIFIC["city"]:
                    # the town named before, referred back to: "the summit, underway in this port city"
                    for back in _town_patterns()[2].finditer(text, s_start, s_end):
                        town = _last_town(places, back.start())
                        if town and ours(back.start()):
                            best_place = _SPECIFIC["city"]
                            _set_fact(facts, "place", text[town[0]:town[1]], sentence_of(town[0]))
                            break
                here = dateline and best_place < _SPECIFIC["city"] and _HERE.search(
                    text, max(s_start, m.start - _HERE_GAP), min(s_end, m.end + _HERE_GAP))
                if here and ours(here.start()):
                    best_place = _SPECIFIC["city"]  # "the forum opened here": the dateline's town
                    _set_fact(facts, "place", text[dateline[0]:dateline[1]], sentence_of(dateline[0]))
                venue = _venue(text, m, min(s_end, m.end + _VENUE_GAP), owners)
                if venue and best_place < _VENUE:
                    best_place = _VENUE
                    _set_fact(facts, "place", venue, sentence)
                for o in orgs:
                    if s_start <= o[0] < m.start:
                        participants.setdefault(text[o[0]:o[1]], sentence)
                for verb in _chair_pattern().finditer(text, s_start, s_end):
                    for s, e, n in people:
                        if verb.end() <= s < s_end if verb.group("by") else s_start <= s < verb.start():
                            chairs.setdefault(n, sentence)
            if facts["date"] is None and not another and not (facts["kind"] in ("ceremony", "other") and signing):
                # the day the paragraph gives before the event's first mention (a signing ceremony's is the signing's, below)
                paragraph = text.rfind("\n", 0, first.start)
                given = next((d for d in dates if paragraph < d[0] < first.start and _a_day_of_news(text, d)
                              and not _EARLIER.search(text, d[0], first.start)), None)
                if given is None and _in_headline(text, first.start):
                    # an event named in the headline is the article's news: the day its lead gives
                    line_end = text.find("\n", first.start) % (len(text) + 1)
                    given = next((d for d in dates if line_end < d[0] < line_end + _LEAD_REACH and d[2]), None)
                if given:
                    _set_fact(facts, "date", given[2], sentence_of(given[0]))
            facts["chairs"], facts["participants"] = list(chairs), list(participants)
            named_events.append((event, facts))
        signed_where = next(((s, e) for s, e in agreements
                                if span_value(values, "status", s, e) == "signed" and span_value(values, "place", s, e)), None)
        # each signed agreement's date with where the text gives it
        told = [(evidence["date"][0], (s, e)) for s, e in agreements if span_value(values, "status", s, e) == "signed"
                and span_value(values, "date", s, e) and (evidence := span_value(values, "evidence", s, e))["date"]]
        for event, facts in named_events:
            _over_its_days(text, event, facts)  # before a ceremony is placed within a visit's days
        for event, facts in named_events:
            if facts["kind"] == "other" and signed:
                facts["kind"] = "ceremony"  # "on the occasion" of a signing: the signing ceremony
            # the days of the visit or summit that a ceremony is part of (_inherit)
            umbrella = (_umbrella_of(named_events, sentence_of(event[0].start)[1]) or {}).get("date")
            if facts["kind"] == "ceremony" and facts["date"] is None and signing \
                    and (umbrella is None or _within(span_value(values, "date", *signing), umbrella)):
                # a signing ceremony is on the day the agreement was signed, read where the agreement's
                # date was; one during a visit outside the visit's days is the visit's (_inherit)
                # of the signing told last before it ("signed on Monday by …; the minister witnessed the ceremony")
                last = max((t for t in told if t[0] <= event[0].start), default=None) or min(told, default=(0, signing))
                _set_fact(facts, "date", span_value(values, "date", *last[1]), span_value(values, "evidence", *last[1])["date"])
            if facts["kind"] == "ceremony" and facts["place"] is None and signed_where:
                # "The contract was signed in Copenhagen … The signing ceremony was witnessed by": there
                _set_fact(facts, "place", span_value(values, "place", *signed_where), sentence_of(signed_where[0]))
        _inherit(named_events, sentence_of)
        if dateline:
            # an event the article reports, placed nowhere else, is in the town the report is filed
            # from; not one days away from the report's ("the first round, in June")
            day = dateline[2] or doc_value(doc, "published")
            for _, facts in named_events:
                if facts["place"] is None and (facts["date"] is None or _days_apart(facts["date"], day) <= _NEWS_DAYS):
                    _set_fact(facts, "place", text[dateline[0]:dateline[1]], sentence_of(dateline[0]))
        lead = next((d for d in dates if _a_day_of_news(text, d)
                     and d[0] < text.find("\n\n", header_end + 1) % (len(text) + 1)), None)
        stated = {id(facts) for _, facts in named_events if facts["date"]}  # dates the text gives its events
        for event, facts in named_events:
            # the news of the day: "a meeting" the text dates nowhere took place on the day the lead
            # reports (a named one, "the Strategic Dialogue", is as often another day's)
            if not any(m.named for m in event) and facts["date"] is None and lead:
                _set_fact(facts, "date", lead[2], sentence_of(lead[0]))
                if not any(c.isdigit() for c in text[lead[0]:lead[1]]):
                    stated.add(id(facts))  # "agreed on Monday": the lead's news day; not a byline's date
        for event, facts in named_events:
            for m in event:
                add_span(doc, self.span_key, m.start, m.end, "EVENT", rule=m.rule, **facts)
        self._signed_at(doc, text, values, agreements, [(e, f, id(f) in stated) for e, f in named_events], sentence_of)
        return doc

    def _signed_at(self, doc, text, values, agreements, events, sentence_of) -> None:
        """An agreement whose mention shares a signing sentence with an event's mention was signed
        there, and on the event's day when the text gives that day and no other for the signing.
        events: (mentions, facts, whether the text gives the event's date) of each event."""
        places = span_ranges(doc, "places")
        for a_start, a_end in agreements:
            s_start, s_end = sentence_of(a_start)
            # the signing is this agreement's: "the signing of a project agreement", "the MoU signed"
            if not (_SIGNING.search(text, max(s_start, a_start - 40), a_start)
                    or _SIGNING.search(text, a_end, min(s_end, a_end + 20))):
                continue
            signed = span_value(values, "date", a_start, a_end)
            for event, facts, dated in events:
                name, place, date = facts["canonical"], facts["place"], facts["date"]
                if signed and date and not (date.startswith(signed) or signed.startswith(date.split("/")[0])):
                    continue  # signed on another day: only mentioned at the event
                if any(s_start <= m.start < s_end for m in event):
                    here = [p for p in places if s_start <= p[0] < s_end
                            and _locative_before(text, p[0])]
                    set_span_value(doc, a_start, a_end, "signed_at", name)
                    set_span_value(doc, a_start, a_end, "place", text[here[0][0]:here[0][1]] if here else place)
                    if signed is None and dated and span_value(values, "status", a_start, a_end) == "signed":
                        _date_agreement(doc, values, agreements, (a_start, a_end), date, facts["evidence"]["date"])
                    break


_SIGNED_IN = compile_latin(r"\b(?:[Ii]n|at)\s+(?:the\s+)?$")
_SIGNING_ENDS = ("signed", "inked", "sealed", "initialled", "initialed", "paper")  # "… put pen to paper"


def _signing_places(doc: Doc, text: str, values, agreements: list[tuple[int, int]],
                    sentence_of: Callable[[int], tuple[int, int]]) -> None:
    """An agreement signed "in Nairobi" was signed there: the most specific place after "in" or "at"
    that follows the signing word of a sentence naming the agreement (or opens it: "In Nairobi, …"),
    and is none of its parties, is the place of all its mentions (span._.place)."""
    places = span_ranges(doc, "places")
    if not places or not agreements:
        return
    done = set()
    for start, end in agreements:
        key = (span_value(values, "canonical", start, end), span_value(values, "item", start, end))
        if key in done:
            continue
        s_start, s_end = sentence_of(start)
        signing = _SIGNING.search(text, s_start, s_end)
        if signing is None:
            continue
        parties = set(span_value(values, "parties", start, end) or ())
        found = []
        for s, e in places:
            located = s_start <= s < s_end and _SIGNED_IN.search(text, max(s_start, s - 12), s)
            if not located or (span_value(values, "canonical", s, e) or text[s:e]) in parties or text[s:e] in parties:
                continue
            # a town is where it was signed; a country or region only right after the signing or the
            # agreement ("signed in Italy"), not after another noun ("projects in Patagonia")
            ending = text[s_start:located.start()].rstrip()  # empty for a sentence that opens "In Nairobi, …"
            right_after = not ending or ending.endswith(_SIGNING_ENDS) or ending.endswith(text[start:end])
            if (s > signing.start() or not ending) and (span_value(values, "kind", s, e) == "city" or right_after):
                found.append((s, e))
        if not found:
            continue
        s, e = max(found, key=lambda p: (_SPECIFIC.get(span_value(values, "kind", *p), 0), -abs(p[0] - end)))
        done.add(key)
        for a_start, a_end in agreements:
            if (span_value(values, "canonical", a_start, a_end), span_value(values, "item", a_start, a_end)) == key:
                set_span_value(doc, a_start, a_end, "place", text[s:e])


def _date_agreement(doc: Doc, values, agreements: list[tuple[int, int]], found: tuple[int, int], date: str,
                    read_at: tuple[int, int] | None) -> None:
    """Give the agreement of mention found (all its mentions: one name, one item) the date, read at read_at."""
    key = (span_value(values, "canonical", *found), span_value(values, "item", *found))
    for start, end in agreements:
        if (span_value(values, "canonical", start, end), span_value(values, "item", start, end)) == key:
            set_span_value(doc, start, end, "date", date)
    evidence = span_value(values, "evidence", *found)
    if evidence is not None:  # one dict, shared by the agreement's mentions
        evidence["date"] = read_at


@Language.factory(
    "extractor_events",
    assigns=["doc.spans", "span._.canonical", "span._.kind", "span._.date", "span._.place", "span._.chairs",
             "span._.participants", "span._.signed_at", "span._.rule", "span._.evidence"],
    requires=["doc.spans", "doc._.header_end"],  # dates, people, organisations, agreements and places
    default_config={"span_key": "events"},
)
def make_events(nlp: Language, name: str, span_key: str) -> EventFinder:
    """Factory for the event finder."""
    return EventFinder(nlp, name, span_key)
