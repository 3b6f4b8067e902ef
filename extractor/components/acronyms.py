"""Acronyms and their full names: Schwartz & Hearst definitions and initials of a written name.

Schwartz & Hearst, "A simple algorithm for identifying abbreviation definitions in biomedical
text" (PSB 2003): for "Long Form (SF)" the long form is the shortest run of words before the
parenthesis in which the letters of SF occur in order, the first one starting a word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# "DRDO", "U.N.", "R&AW", "MoD"; a trailing lower-case "s" marks a plural ("MoUs", "NGOs").
ACRONYM = re.compile(
    r"(?<![\w&.'’-])(?P<acr>(?:[A-Z]\.){2,}|[A-Z](?:[A-Z&]|[a-z](?=[A-Z]))*[A-Z])(?P<plural>s)?(?![\w&-])"
)
# "(DRDO)", "(Petros)", "(PDA 1974)": a one-word short form in parentheses, an optional year after it.
DEFINITION = re.compile(r"\((?P<short>[A-Za-z][\w&.'’-]{1,9})(?:[ \t]+\d{4})?\)")
_SENTENCE_END = re.compile(r"[.;:!?][\s\"”’]+|\n|\(")
_SKIPPED = r"(?:[ \t]+(?:of|for|and|&|the|on|in))*"


@dataclass(frozen=True)
class Definition:
    """A short form in parentheses and the long form written before it."""

    short: str
    short_start: int
    long_start: int
    long_end: int


def long_form_start(short: str, before: str) -> int | None:
    """Schwartz & Hearst: where in `before` the long form of `short` starts, or None."""
    letters = [c.lower() for c in short if c.isalnum()]
    lower = before.lower()
    s, i = len(letters) - 1, len(lower) - 1
    while s >= 0:
        c = letters[s]
        while i >= 0 and (lower[i] != c or (s == 0 and i > 0 and lower[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        s -= 1
        i -= 1
    return i + 1


def find_definitions(text: str) -> list[Definition]:
    """Every "Long Form (SF)" in text whose short form has a capital letter and two letters or more."""
    found = []
    for m in DEFINITION.finditer(text):
        short = m.group("short")
        if sum(c.isupper() for c in short) == 0 or sum(c.isalpha() for c in short) < 2:
            continue
        letters = sum(c.isalnum() for c in short)
        window_start = max(0, m.start() - 20 * min(letters + 5, letters * 2))
        before = text[window_start:m.start()]
        cut = None
        for cut in _SENTENCE_END.finditer(before):
            pass
        if cut is not None:
            before, window_start = before[cut.end():], window_start + cut.end()
        words = list(re.finditer(r"\S+", before))[-min(letters + 5, letters * 2):]
        if not words:
            continue
        tail = before[words[0].start():].rstrip()
        start = long_form_start(short, tail)
        if start is None or len(tail) - start <= len(short):
            continue
        offset = window_start + words[0].start()
        found.append(Definition(short, m.start("short"), offset + start, offset + len(tail)))
    return found


@lru_cache(maxsize=4096)
def initials_pattern(acronym: str) -> re.Pattern:
    """A phrase whose words start with the acronym's letters, little words in between allowed."""
    words = [rf"{re.escape(c)}[\w'’-]*" for c in acronym if c.isalpha()]
    return re.compile(r"(?<![\w-])" + (_SKIPPED + r"[ \t]+").join(words) + r"(?![\w-])", re.IGNORECASE)


def initials(name: str) -> str:
    """Initials of the capitalised words ("Defence Research & Development Organisation" -> "DRDO")."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())


def spells(acronym: str, name: str) -> bool:
    """Whether the acronym is the initials of the name, with or without its little words."""
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    every_word = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name)).upper()
    return letters in (initials(name).upper(), every_word)
