"""The combined date expression of data/date_patterns.txt, built from the active rules.

The rules are joined into a single alternation (placeholders such as {MONTH} filled from the
word lists), each alternative ending in an empty marker group that names its rule, and gated
by lookaheads on the characters it can start with (common/regex.py). It is built once per
RuleData, on the first Doc a component processes (spacy.load restores saved rule files first).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from .values import (RESOLVERS, anaphors, decade_parts, months, numbers, ordinals, references, seasons, shifts,
                     week_ordinals, weekdays)
from ..common.rules import current, from_rules
from ..common.regex import DIGIT, lookahead, prefixes, trie, words

PATTERNS_FILE = "date_patterns.txt"
TRIGGERS_FILE = "date_triggers.txt"
MODIFIERS_FILE = "date_modifiers.txt"
PLACEHOLDERS_FILE = "date_placeholders.txt"


@dataclass(frozen=True)
class Rule:
    """One line of the patterns file inside the combined expression."""

    resolve: Callable
    groups: tuple[tuple[str, str], ...]  # (name in the patterns file, name in the combined regex)
    resolver: str  # the resolver's name in the patterns file
    rule: str  # "dates:<id>", the line's id as the output names it


def _full_month_names() -> set[str]:
    """The longest name of each month: the others in months.txt are abbreviations."""
    by_number: dict[int, list[str]] = {}
    for name, number in months().items():
        by_number.setdefault(number, []).append(name)
    return {max(names, key=len) for names in by_number.values()}


def _month_forms(names, full: set[str]) -> str:
    """Capitalised month names; abbreviations also with a full stop ("Feb.")."""
    forms = [n.capitalize() for n in names] + [n.capitalize() + "." for n in names if n not in full]
    return trie(forms)


def _modifiers() -> str:
    """{MOD}: an optional "the", a modifier, and what may follow it ("end of the", "mid-")."""
    modifiers = current().lines(MODIFIERS_FILE)
    ends_in_of = trie([w for w in modifiers if w.endswith(" of")], either_case_first=True)
    single = trie([w for w in modifiers if not w.endswith(" of")], either_case_first=True)
    return rf"(?:(?:[Tt]he\s+)?(?:{ends_in_of}\s+(?:the\s+)?|{single}[\s-]+))"


def placeholders() -> dict[str, str]:
    """The {NAME} fragments the patterns file may use: built from the word lists, and the
    regular expressions of date_placeholders.txt."""
    full = _full_month_names()
    built = {
        "MONTH": _month_forms(months(), full),
        "MONTH_FULL": _month_forms(full, full),
        "MONTH_SAFE": _month_forms(full - {"may"}, full),  # "May" alone is too often the verb
        "WEEKDAY": trie([w.capitalize() for w in weekdays()]),
        "MOD": _modifiers(),
        "SHIFT": trie(shifts(), either_case_first=True),
        "NUM": trie(numbers(), either_case_first=True),
        "CORD": trie(ordinals(), either_case_first=True),
        "SEASON": trie(seasons(), either_case_first=True),
        "REF": trie(references(), either_case_first=True),
        "PART": trie(decade_parts(), either_case_first=True),
        "WEEK_ORD": trie(week_ordinals(), either_case_first=True),
        "ANAPHOR": trie(anaphors(), either_case_first=True),
    }
    return {**built, **_written_placeholders(built)}


_PLACEHOLDER_NAME = re.compile(r"[A-Z][A-Z_]*")


def _written_placeholders(built: dict[str, str]) -> dict[str, str]:
    """NAME <TAB> regular expression lines of date_placeholders.txt; a bad line fails naming itself."""
    data = current()
    written: dict[str, str] = {}
    for number, line in data.numbered_lines(PLACEHOLDERS_FILE):
        name, tab, pattern = line.partition("\t")
        if not tab or not _PLACEHOLDER_NAME.fullmatch(name) or not pattern:
            raise data.error(PLACEHOLDERS_FILE, number, "expected NAME <TAB> regular expression")
        if name in built or name in written:
            raise data.error(PLACEHOLDERS_FILE, number, f"{{{name}}} is defined twice")
        try:
            re.compile(pattern)
        except re.error as err:
            raise data.error(PLACEHOLDERS_FILE, number, f"{err} in {pattern!r}") from None
        written[name] = pattern
    return written


GATE_LENGTH = 3  # characters of lookahead that decide whether a word start can begin a date
_PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")
_GROUP = re.compile(r"\(\?P([<=])(\w+)")
_RULE_ID = re.compile(r"[a-z][a-z0-9_]*")


def pattern_lines() -> Iterator[tuple[int, str, str, str, str]]:
    """(line number, line, id, resolver, template) of each line of the patterns file; a line without an
    id, with a malformed one or with one an earlier line has fails naming itself."""
    data = current()
    seen: set[str] = set()
    for number, line in data.numbered_lines(PATTERNS_FILE):
        cells = line.split("\t", 2)  # a tab inside the expression stays in it
        if len(cells) < 3:
            raise data.error(PATTERNS_FILE, number, f"expected id <TAB> resolver <TAB> regular expression in {line!r}")
        rule_id, resolver, template = cells
        if not _RULE_ID.fullmatch(rule_id):
            raise data.error(PATTERNS_FILE, number, f"bad rule id {rule_id!r} (a-z, 0-9, _) in {line!r}")
        if rule_id in seen:
            raise data.error(PATTERNS_FILE, number, f"rule id {rule_id!r} is used twice in {line!r}")
        seen.add(rule_id)
        yield number, line, rule_id, resolver, template
_ANY_LEAD = r"[\w\s'’-]*"  # what a date may contain before its anchor (date_triggers.txt)


@dataclass(frozen=True)
class Scanner:
    """The combined expression, the rule behind each of its marker groups, and the anchors."""

    regex: re.Pattern
    rules: dict[str, Rule]
    gate: re.Pattern  # the expression's own test of where a date can start
    lead: re.Pattern  # read backwards from an anchor: what may precede it inside a date
    names: re.Pattern  # capitalised anchor words
    words: tuple[str, ...]  # lower-case anchor words, found with str.find (faster than a regex)
    # regex without the alternatives that cannot begin with a digit, for the half of the tries
    # that start at one: the same matches, without failing the other lookaheads one by one
    digit_start: re.Pattern


def _anchor_words(timeml_refs: bool) -> tuple[set[str], set[str]]:
    """(capitalised, lower-case) words of which every date contains one, or a digit."""
    anchors = set(current().lines(TRIGGERS_FILE)) | set(seasons())
    if timeml_refs:
        anchors |= {phrase.split()[-1] for phrase in references()}
    names = {w.capitalize() for w in (*months(), *weekdays(), *anchors)}
    return names, anchors


def build_scanner(timeml_refs: bool = False) -> Scanner:
    """Compile the patterns file for this setting; a bad line fails naming itself."""
    fills = placeholders()
    alternatives, rules, vocabulary = [], {}, []
    data = current()
    for index, (number, line, rule_id, name, template) in enumerate(pattern_lines()):
        if name == "reference" and not timeml_refs:
            continue
        if name not in RESOLVERS:
            raise data.error(PATTERNS_FILE, number, f"unknown resolver {name!r} in {line!r}")
        unknown = set(_PLACEHOLDER.findall(template)) - fills.keys()
        if unknown:
            raise data.error(PATTERNS_FILE, number, f"unknown placeholder {sorted(unknown)} in {line!r}")
        pattern = _PLACEHOLDER.sub(lambda m: fills[m.group(1)], template)
        local = tuple(dict.fromkeys(n for kind, n in _GROUP.findall(pattern) if kind == "<"))
        marker = f"rule{index}"
        renamed = _GROUP.sub(lambda m: f"(?P{m.group(1)}{m.group(2)}_{index}", pattern)
        alternatives.append((prefixes(pattern, GATE_LENGTH), renamed + f"(?P<{marker}>)"))
        vocabulary.append(words(pattern))
        rules[marker] = Rule(RESOLVERS[name], tuple((n, f"{n}_{index}") for n in local), name, f"dates:{rule_id}")
    gate = _gate(alternatives)
    try:
        regex = re.compile(gate + _gated_alternation(alternatives))
    except re.error:
        _raise_for_bad_line(fills)
        raise
    names, anchor_words = _anchor_words(timeml_refs)
    return Scanner(regex, rules, re.compile(gate), _lead(vocabulary), re.compile(trie(names)),
                   tuple(sorted(anchor_words)), _starting_with(alternatives, str.isdecimal))  # \d is str.isdecimal


def _gate(alternatives: list[tuple[set[str] | None, str]]) -> str:
    """A word start followed by what one of the alternatives can begin with."""
    return r"(?<!\w)" + lookahead(_union(starts for starts, _ in alternatives))


def _starting_with(alternatives: list[tuple[set[str] | None, str]], first_class: Callable[[str], bool]) -> re.Pattern:
    """The combined expression without the alternatives whose lookahead rejects every character
    of first_class: wherever such a character starts the text, it matches as the whole one does."""
    kept = [(starts, pattern) for starts, pattern in alternatives if _may_begin_with(starts, first_class)]
    return re.compile(_gate(kept) + _gated_alternation(kept))


def _may_begin_with(starts: set[str] | None, first_class: Callable[[str], bool]) -> bool:
    """Whether an alternative gated on these prefixes can begin with a character of first_class."""
    if not lookahead(starts):  # not gated: it may begin anywhere
        return True
    return any(first_class("0" if start[0] == DIGIT else start[0]) for start in starts)


def _lead(vocabulary: list[set[str] | None]) -> re.Pattern:
    """Matched on the reversed text from an anchor: the letters joined to it, then separators,
    digits and whole words that some rule contains; any word if a rule's words are unknown."""
    if any(line_words is None for line_words in vocabulary):
        return re.compile(_ANY_LEAD)
    reversed_words = {w[::-1] for line_words in vocabulary for w in line_words}
    return re.compile(rf"[^\W\d_]*(?:[\s'’\d_-]|(?i:{trie(reversed_words)})(?![^\W\d_]))*")


def _gated_alternation(alternatives: list[tuple[set[str] | None, str]]) -> str:
    """(starts, pattern) pairs as one alternation in the same order, each behind a lookahead on
    its first characters (see common/regex.py)."""
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
    for number, line, _, _, template in pattern_lines():
        try:
            re.compile(_PLACEHOLDER.sub(lambda m: fills[m.group(1)], template))
        except re.error as err:
            raise current().error(PATTERNS_FILE, number, f"{err} in {line!r}") from err


@from_rules
def scanner(timeml_refs: bool = False) -> Scanner:
    """The combined expression of the active rules for this setting."""
    return build_scanner(timeml_refs)
