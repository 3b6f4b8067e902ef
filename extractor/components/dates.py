"""Date expressions found in text and normalized to ISO 8601 against the publication date.

Detection uses one compiled regular expression: the rules of resources/date_patterns.txt
joined into a single alternation (placeholders such as {MONTH} filled from the word lists), each
alternative ending in an empty marker group that names its rule, and gated by lookaheads on the
characters it can start with (components/regex_speed.py). Trying it at every word start is
slow (each "the" descends into a dozen rules), so it is tried only in the stretch of words just
before an anchor (a digit, a month name, "week", ...; see resources/date_triggers.txt), which
finds exactly what a scan of the whole text would. The matched rule's resolver
(components/date_values.py) computes the value.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..invariants import is_iso_value
from ..resources import word_list
from .date_values import (
    MONTHS, NUMBERS, ORDINALS, REFERENCES, RESOLVERS, SEASONS, SHIFTS, WEEKDAYS, Context, NotADate,
)
from .regex_speed import lookahead, prefixes, trie, words
from .spans import add_span, doc_text, overlaps

PATTERNS_FILE = "date_patterns.txt"
TRIGGERS_FILE = "date_triggers.txt"
TIMEML_REFS = frozenset(REFERENCES.values())  # values only timeml_refs produces, outside ISO 8601
_valid_value = lru_cache(maxsize=4096)(is_iso_value)  # values repeat across matches and articles


@dataclass(frozen=True)
class Found:
    """A date expression: character range and normalized value."""

    start: int
    end: int
    value: str | None


@dataclass(frozen=True)
class Rule:
    """One line of the patterns file inside the combined expression."""

    resolve: Callable
    groups: tuple[tuple[str, str], ...]  # (name in the patterns file, name in the combined regex)


def _full_month_names() -> set[str]:
    """The longest name of each month: the others in months.txt are abbreviations."""
    by_number: dict[int, list[str]] = {}
    for name, number in MONTHS.items():
        by_number.setdefault(number, []).append(name)
    return {max(names, key=len) for names in by_number.values()}


def _month_forms(names, full: set[str]) -> str:
    """Capitalised month names; abbreviations also with a full stop ("Feb.")."""
    forms = [n.capitalize() for n in names] + [n.capitalize() + "." for n in names if n not in full]
    return trie(forms)


def _modifiers() -> str:
    """{MOD}: an optional "the", a modifier, and what may follow it ("end of the", "mid-")."""
    ends_in_of = trie([w for w in word_list("date_modifiers.txt") if w.endswith(" of")], either_case_first=True)
    single = trie([w for w in word_list("date_modifiers.txt") if not w.endswith(" of")], either_case_first=True)
    return rf"(?:(?:[Tt]he\s+)?(?:{ends_in_of}\s+(?:the\s+)?|{single}[\s-]+))"


def placeholders() -> dict[str, str]:
    """The {NAME} fragments the patterns file may use."""
    full = _full_month_names()
    return {
        "MONTH": _month_forms(MONTHS, full),
        "MONTH_FULL": _month_forms(full, full),
        "MONTH_SAFE": _month_forms(full - {"may"}, full),  # "May" alone is too often the verb
        "WEEKDAY": trie([w.capitalize() for w in WEEKDAYS]),
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b",
        "YEAR": r"(?:1[89]\d\d|20\d\d)(?!\d)",
        "DASH": r"\s*[-–—]\s*",
        "TO": r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through)\s+)",
        "MOD": _modifiers(),
        "SHIFT": trie(SHIFTS, either_case_first=True),
        "NUM": trie(NUMBERS, either_case_first=True),
        "QORD": r"(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)",
        "CORD": trie(ORDINALS, either_case_first=True),
        "SEASON": trie(SEASONS, either_case_first=True),
        "REF": trie(REFERENCES, either_case_first=True),
    }


_GATE_LENGTH = 3  # characters of lookahead that decide whether a word start can begin a date
_PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")
_GROUP = re.compile(r"\(\?P([<=])(\w+)")
_DIGITS = re.compile(r"\d+(?:[.,:/-]\d+)*")  # "1.5" or "2020-21": one anchor, fewer to visit
_ANY_LEAD = r"[\w\s'’-]*"  # what a date may contain before its anchor (date_triggers.txt)
_SPAN = re.Match.span


@dataclass(frozen=True)
class Scanner:
    """The combined expression, the rule behind each of its marker groups, and the anchors."""

    regex: re.Pattern
    rules: dict[str, Rule]
    gate: re.Pattern  # the expression's own test of where a date can start
    lead: re.Pattern  # read backwards from an anchor: what may precede it inside a date
    names: re.Pattern  # capitalised anchor words
    words: tuple[str, ...]  # lower-case anchor words, found with str.find (faster than a regex)


def _anchor_words(timeml_refs: bool) -> tuple[set[str], set[str]]:
    """(capitalised, lower-case) words of which every date contains one, or a digit."""
    anchors = set(word_list(TRIGGERS_FILE)) | set(SEASONS)
    if timeml_refs:
        anchors |= {phrase.split()[-1] for phrase in REFERENCES}
    names = {w.capitalize() for w in (*MONTHS, *WEEKDAYS, *anchors)}
    return names, anchors


@lru_cache(maxsize=None)
def scanner(timeml_refs: bool = False) -> Scanner:
    """Compile the patterns file once (per setting); a bad line fails naming itself."""
    fills = placeholders()
    alternatives, rules, vocabulary = [], {}, []
    for index, line in enumerate(word_list(PATTERNS_FILE)):
        name, _, template = line.partition("\t")
        if name == "reference" and not timeml_refs:
            continue
        if name not in RESOLVERS:
            raise ValueError(f"resources/{PATTERNS_FILE}: unknown resolver {name!r} in {line!r}")
        unknown = set(_PLACEHOLDER.findall(template)) - fills.keys()
        if unknown:
            raise ValueError(f"resources/{PATTERNS_FILE}: unknown placeholder {sorted(unknown)} in {line!r}")
        pattern = _PLACEHOLDER.sub(lambda m: fills[m.group(1)], template)
        local = tuple(dict.fromkeys(n for kind, n in _GROUP.findall(pattern) if kind == "<"))
        marker = f"rule{index}"
        renamed = _GROUP.sub(lambda m: f"(?P{m.group(1)}{m.group(2)}_{index}", pattern)
        alternatives.append((prefixes(pattern, _GATE_LENGTH), renamed + f"(?P<{marker}>)"))
        vocabulary.append(words(pattern))
        rules[marker] = Rule(RESOLVERS[name], tuple((n, f"{n}_{index}") for n in local))
    gate = r"(?<!\w)" + lookahead(_union(starts for starts, _ in alternatives))
    try:
        regex = re.compile(gate + _gated_alternation(alternatives))
    except re.error:
        _raise_for_bad_line(fills)
        raise
    names, anchor_words = _anchor_words(timeml_refs)
    return Scanner(regex, rules, re.compile(gate), _lead(vocabulary), re.compile(trie(names)),
                   tuple(sorted(anchor_words)))


def _lead(vocabulary: list[set[str] | None]) -> re.Pattern:
    """Matched on the reversed text from an anchor: the letters joined to it, then separators,
    digits and whole words that some rule contains; any word if a rule's words are unknown."""
    if any(line_words is None for line_words in vocabulary):
        return re.compile(_ANY_LEAD)
    reversed_words = {w[::-1] for line_words in vocabulary for w in line_words}
    return re.compile(rf"[^\W\d_]*(?:[\s'’\d_-]|(?i:{trie(reversed_words)})(?![^\W\d_]))*")


def _gated_alternation(alternatives: list[tuple[set[str] | None, str]]) -> str:
    """(starts, pattern) pairs as one alternation in the same order, each behind a lookahead on
    its first characters (see regex_speed)."""
    return "(?:" + "|".join(lookahead(starts) + pattern for starts, pattern in alternatives) + ")"


def _union(sets) -> set[str] | None:
    """Union of prefix sets; None (no gate) if any is unknown."""
    out: set[str] = set()
    for starts in sets:
        if starts is None:
            return None
        out |= starts
    return out


def _raise_for_bad_line(fills: dict[str, str]) -> None:
    """Name the line of the patterns file that does not compile (only called on failure)."""
    for line in word_list(PATTERNS_FILE):
        try:
            re.compile(_PLACEHOLDER.sub(lambda m: fills[m.group(1)], line.partition("\t")[2]))
        except re.error as err:
            raise ValueError(f"resources/{PATTERNS_FILE}: {err} in {line!r}") from err


def _anchors(scan: Scanner, text: str) -> list[tuple[int, int]]:
    """(start, end) of every anchor in text, in text order (overlaps allowed)."""
    spans = list(map(_SPAN, _DIGITS.finditer(text)))
    spans += map(_SPAN, scan.names.finditer(text))
    find = text.find
    for word in scan.words:
        at = find(word)
        while at >= 0:
            spans.append((at, at + len(word)))
            at = find(word, at + 1)
    spans.sort()
    return spans


def scan_dates(scan: Scanner, text: str):
    """The matches scan.regex.finditer(text) gives, trying the expression only at the word starts
    of the stretch before each anchor that holds nothing but separators, digits and words the
    rules contain: every date has an anchor with only such text before it (date_triggers.txt)."""
    size = len(text)
    backwards = None
    lead, gate, regex = scan.lead.match, scan.gate.finditer, scan.regex.match
    done = 0  # every position before this was tried or lies inside a match
    for start, end in _anchors(scan, text):
        if end <= done:
            continue
        low = done
        if start > done:
            if backwards is None:
                backwards = text[::-1]
            low = size - lead(backwards, size - start, size - done).end()
        # the gate's lookahead reads up to _GATE_LENGTH characters past the last start it tests
        for candidate in gate(text, low, min(end + _GATE_LENGTH, size)):
            at = candidate.start()
            if at >= end:  # starts after the anchor belong to the next anchor's stretch
                break
            if at < done:
                continue
            match = regex(text, at)
            if match:
                yield match
                done = match.end()
        done = max(done, end)


def find_dates(text: str, published: dt.date | None, timeml_refs: bool = False) -> list[Found]:
    """Every date expression in text, in text order, with its ISO 8601 value."""
    scan = scanner(timeml_refs)
    found: list[Found] = []
    last_year = None
    for match in scan_dates(scan, text):
        rule = scan.rules[match.lastgroup]
        parts = {name: match.group(group) for name, group in rule.groups}
        context = Context(text, match.start(), match.end(), published, last_year)
        try:
            value = rule.resolve(parts, context)
        except NotADate:
            continue
        except (ValueError, OverflowError):  # beyond the calendar (published near year 1 or 9999)
            value = None
        if value not in TIMEML_REFS and not _valid_value(value):  # a last guard for the output contract
            value = None
        found.append(Found(match.start(), match.end(), value))
        if parts.get("y"):
            last_year = int(parts["y"])
    return found


def parse_published(value: str | None) -> dt.date | None:
    """The publication date as a date, or None when absent or malformed."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


class DateFinder:
    """Adds every date expression to doc.spans[span_key] with span._.value set."""

    def __init__(self, nlp: Language, name: str, span_key: str, timeml_refs: bool):
        self.name = name
        self.span_key = span_key
        self.timeml_refs = timeml_refs
        scanner(timeml_refs)  # compile now, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        taken = [(s.start_char, s.end_char) for s in doc.spans[self.span_key]] if self.span_key in doc.spans else []
        for found in find_dates(doc_text(doc), parse_published(doc._.published), self.timeml_refs):
            if any(overlaps((found.start, found.end), t) for t in taken):
                continue
            span = add_span(doc, self.span_key, found.start, found.end, "DATE")
            if span is not None:
                span._.value = found.value
        return doc


@Language.factory(
    "extractor_dates",
    assigns=["doc.spans"],
    default_config={"span_key": "dates", "timeml_refs": False},
)
def make_dates(nlp: Language, name: str, span_key: str, timeml_refs: bool) -> DateFinder:
    """Factory for the date finder; timeml_refs also marks "now", "recently"... as TimeML does."""
    return DateFinder(nlp, name, span_key, timeml_refs)
