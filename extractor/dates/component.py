"""Date expressions found in text and normalized to ISO 8601 against the publication date.

Detection uses one compiled regular expression: the rules of data/date_patterns.txt
joined into a single alternation (dates/scanner.py). Trying it at every word start is
slow (each "the" descends into a dozen rules), so it is tried only in the stretch of words just
before an anchor (a digit, a month name, "week", ...; see data/date_triggers.txt), which
finds exactly what a scan of the whole text would. The matched rule's resolver
(dates/values.py) computes the value.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..common.doc_data import doc_value
from ..output.invariants import TIMEML_REFERENCES, is_iso_value
from .scanner import GATE_LENGTH, Scanner, scanner
from .values import Context, NotADate
from ..common.component import RuleComponent
from ..common.rules import RuleFileError, data_files
from ..common.doc_data import add_span, doc_text, overlaps, span_ranges

_valid_value = lru_cache(maxsize=4096)(is_iso_value)  # values repeat across matches and articles


@dataclass(frozen=True)
class Found:
    """A date expression: character range, normalized value and the patterns line that found it."""

    start: int
    end: int
    value: str | None
    rule: str  # "dates:<id>" of the line of data/date_patterns.txt


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")  # a "later that year" names the year only up to here
# "1.5" or "2020-21": one anchor, fewer to visit. Written "\d\d*", not "\d+": a pattern that opens
# with a character class, not a repeat, lets the engine skip ahead to the next digit (a faster scan).
_DIGITS = re.compile(r"\d\d*(?:[.,:/-]\d+)*")
_SPAN = re.Match.span


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
    lead, gate = scan.lead.match, scan.gate.finditer
    digit_start, regex = scan.digit_start.match, scan.regex.match
    done = 0  # every position before this was tried or lies inside a match
    for start, end in _anchors(scan, text):
        if end <= done:
            continue
        low = done
        if start > done:
            if backwards is None:
                backwards = text[::-1]
            low = size - lead(backwards, size - start, size - done).end()
        # the gate's lookahead reads up to GATE_LENGTH characters past the last start it tests
        # (an endpos past the text's end means its end)
        for candidate in gate(text, low, end + GATE_LENGTH):
            at = candidate.start()
            if at >= end:  # starts after the anchor belong to the next anchor's stretch
                break
            if at < done:
                continue
            match = (digit_start if text[at].isdecimal() else regex)(text, at)
            if match:
                yield match
                done = match.end()
        if end > done:
            done = end


def find_dates(text: str, published: dt.date | None, timeml_refs: bool = False) -> list[Found]:
    """Every date expression in text, in text order, with its ISO 8601 value."""
    scan = scanner(timeml_refs)
    found: list[Found] = []
    last_year, last_year_at = None, 0
    hint = None  # (year, where its sentence may end) of the last "later that year"
    for match in scan_dates(scan, text):
        rule = scan.rules[match.lastgroup]
        parts = {name: match.group(group) for name, group in rule.groups}
        if hint and _SENTENCE_END.search(text, hint[1], match.start()):
            hint = None
        context = Context(text, match.start(), match.end(), published, last_year, hint and hint[0], last_year_at)
        try:
            value = rule.resolve(parts, context)
        except NotADate:
            continue
        except RuleFileError:  # a ValueError too, but a bad rule file must not pass for a bad date
            raise
        except (ValueError, OverflowError):  # beyond the calendar (published near year 1 or 9999)
            value = None
        if value not in TIMEML_REFERENCES and not _valid_value(value):  # a last guard for the output contract
            value = None
        found.append(Found(match.start(), match.end(), value, rule.rule))
        if parts.get("y"):
            last_year, last_year_at = int(parts["y"]), match.end()
        elif rule.resolver == "anaphoric_year" and value:
            hint = (int(value), match.end())
            if int(value) >= (last_year or 0):
                # "in 2019 ... the following year ... a year later": the story moves on, and each
                # counts from the one before; "a year earlier" only looks back
                last_year, last_year_at = int(value), match.end()
    return found


def parse_published(value: str | None) -> dt.date | None:
    """The publication date as a date, or None when absent or malformed."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


DATE_FILES = data_files("extractor.dates", "date_anaphors.txt", "date_decade_parts.txt", "date_modifiers.txt", "date_numbers.txt",
                        "date_ordinals.txt", "date_patterns.txt", "date_placeholders.txt", "date_refs.txt", "date_seasons.txt",
                        "date_shifts.txt", "date_tense_cues.txt", "date_triggers.txt", "date_week_ordinals.txt",
                        "date_year_blockers.txt", "months.txt", "weekdays.txt") + (
    # the tense cues include the speech and signing verbs, each kept in one place for every component
    data_files("extractor.common", "speech_verbs.txt") + data_files("extractor.agreements", "signing_verbs.txt"))


class DateFinder(RuleComponent):
    """Adds every date expression to doc.spans[span_key] with span._.value set."""

    data_files = DATE_FILES

    def __init__(self, nlp: Language, name: str, span_key: str, timeml_refs: bool):
        self.name = name
        self.span_key = span_key
        self.timeml_refs = timeml_refs  # the rules are read on the first Doc: spacy.load restores them after this

    def process(self, doc: Doc) -> Doc:
        taken = span_ranges(doc, self.span_key)  # the dateline's
        for found in find_dates(doc_text(doc), parse_published(doc_value(doc, "published")), self.timeml_refs):
            if any(overlaps((found.start, found.end), t) for t in taken):
                continue
            add_span(doc, self.span_key, found.start, found.end, "DATE", rule=found.rule, value=found.value)
        return doc


@Language.factory(
    "extractor_dates",
    assigns=["doc.spans", "span._.value", "span._.rule"],
    requires=["doc._.published"],  # relative dates are resolved against it
    default_config={"span_key": "dates", "timeml_refs": False},
)
def make_dates(nlp: Language, name: str, span_key: str, timeml_refs: bool) -> DateFinder:
    """Factory for the date finder; timeml_refs also marks "now", "recently"... as TimeML does."""
    return DateFinder(nlp, name, span_key, timeml_refs)
