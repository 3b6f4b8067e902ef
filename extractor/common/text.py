"""Plain-text helpers that several components share."""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

from .regex import UPPER, compile_latin


# The ordinal words that number a meeting or an agreement of a series ("the second session", "the third MoU").
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def line_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the line holding position."""
    end = text.find("\n", position)
    return text.rfind("\n", 0, position) + 1, len(text) if end < 0 else end


# The date header that opens an article file ("date 2026-02-05"), with the day as group 1.
DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")
# "BRISBANE/ST. JOHN'S/SÃO PAULO, May 2": a dateline's towns in capitals, joined by slashes
_CAPITAL_TOWNS_BEFORE = re.compile(rf"(?:^|\n)[ \t]*[{UPPER}][{UPPER} .'’/-]*$")


def in_slashed_dateline(text: str, position: int) -> bool:
    """Whether position is inside the towns of a dateline that names several, after "PERTH/"."""
    window = max(0, position - 60)
    if text.rfind("/", window, position) < 0:
        return False  # most capitals stand in no such dateline: spared the search
    before = _CAPITAL_TOWNS_BEFORE.search(text, window, position)
    return before is not None and "/" in before.group()
_HEADLINE_LIMIT = 200
_SUMMARY_LIMIT = 400
# A body that opens with a dateline: a town (and its country), then a date or an agency, then a dash.
_DATELINE = compile_latin(r"[ \t]*\n[ \t]*\n[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}(?:,[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)?)?"
                          r"(?:,[ \t]+(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8})(?:[ \t]+\([A-Z][\w ]*\))?"
                          r"|[ \t]+\([A-Z][\w ]*\))[ \t]*[-–—:]")


# A line of capitals above a headline: "PRESS RELEASE", "FOR IMMEDIATE RELEASE", "NEWS RELEASE".
_LABEL_LINE = re.compile(r"(?:FOR[ \t]+IMMEDIATE[ \t]+)?(?:PRESS|NEWS|MEDIA)?[ \t]*RELEASE|PRESS[ \t]+STATEMENT|MEDIA[ \t]+STATEMENT")


def first_line_bounds(text: str) -> tuple[int, int]:
    """Start and end of the article's first line after the date header (on the header's line or below
    it), whatever it holds; the end is -1 when no line break follows it."""
    header = DATE_HEADER.match(text)
    start = len(text) - len(text[header.end() if header else 0:].lstrip())
    return start, text.find("\n", start)


def headline_bounds(text: str, summary: bool = False) -> tuple[int, int] | None:
    """Start and end of the article's headline: its first line after the date header (on the header's
    line or below it; below a label such as "PRESS RELEASE"), short, without a closing full stop, and
    with the body below it; else None.
    With summary, also a sentence there that the body restates after a dateline ("LIMA, March 3 —")."""
    start, end = first_line_bounds(text)
    line = text[start:end].rstrip()
    if end >= 0 and _LABEL_LINE.fullmatch(line):
        # "PRESS RELEASE", "FOR IMMEDIATE RELEASE": a label above the headline
        start = len(text) - len(text[end:].lstrip())
        end = text.find("\n", start)
        line = text[start:end].rstrip()
    if end < 0 or not line:
        return None
    if (len(line) > _HEADLINE_LIMIT or line.endswith(".")) and not (
            summary and len(line) <= _SUMMARY_LIMIT and _DATELINE.match(text, start + len(line))):
        return None
    return start, start + len(line)


# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans({"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ø": "O", "ø": "o", "ı": "i", "ß": "ss",
                               "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe", "Þ": "Th", "þ": "th", "Ð": "D", "ð": "d"})


@lru_cache(maxsize=65536)
def folded(word: str) -> str:
    """The word in plain ASCII letters where it has accented ones ("Luíza" -> "Luiza", "Łukasz" -> "Lukasz")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED)) if not unicodedata.combining(c))


def lower_in_place(text: str) -> str:
    """text lower-cased with every character at its offset (one that lower-cases to two, "İ", to the first: "i")."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[0] for c in text)


def shared_beginning(word: str, name: str) -> int:
    """How many letters two words begin with alike, accents and case aside: a nationality and its
    country share four or more ("Kazakh" and "Kazakhstan", "Turkish" and "Türkiye")."""
    return len(os.path.commonprefix([folded(word).casefold(), folded(name).casefold()]))


class FoldedSet(frozenset):
    """A set of words that also holds each word written with accents its plain form has ("Luíza" when
    "Luiza" is listed): lists of names are mostly written plain, news writes the names' letters."""

    def __contains__(self, word) -> bool:
        return frozenset.__contains__(self, word) or isinstance(word, str) and not word.isascii() and (
            frozenset.__contains__(self, folded(word)))
