"""Acronyms and their full names: Schwartz & Hearst definitions and initials of a written name.

Schwartz & Hearst, "A simple algorithm for identifying abbreviation definitions in biomedical
text" (PSB 2003): for "Long Form (SF)" the long form is the shortest run of words before the
parenthesis in which the letters of SF occur in order, the first one starting a word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..common.rules import from_rules
from ..common.text import lower_in_place
from ..common.regex import LOWER, UPPER, compile_latin

# "NRMO", "U.N.", "R&AW", "MoD"; a trailing lower-case "s" marks a plural ("MoUs", "NGOs").
# The first capital comes before the lookbehind so that the engine can skip ahead to capitals.
ACRONYM = compile_latin(
    r"(?P<acr>[A-Z](?<![\w&.'’-][A-Z])(?:\.(?:[A-Z]\.)+|(?:[A-Z&]|[a-z](?=[A-Z]))*[A-Z]))(?P<plural>s)?(?![\w&-])"
)
# "(NRMO)", "(Veltra)", "(WRA 2002)": a one-word short form in parentheses, an optional year after it.
DEFINITION = compile_latin(r"\((?P<short>[A-Za-z][\w&.'’-]{1,9})(?:[ \t]+\d{4})?\)")
LITTLE_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "at", "to"})
_SENTENCE_END = compile_latin(r"[.;:!?][\s\"”’]+|\n|\(")
_WORD = compile_latin(r"\S+")


@dataclass(frozen=True)
class Definition:
    """A short form in parentheses and the long form written before it."""

    short: str
    long_start: int
    long_end: int


def long_form_start(short: str, before: str) -> int | None:
    """Schwartz & Hearst: where in `before` the long form of `short` starts, or None."""
    letters = [c.lower() for c in short if c.isalnum()]
    lower = lower_in_place(before)
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
        if not any(c.isupper() for c in short) or sum(c.isalpha() for c in short) < 2:
            continue
        letters = sum(c.isalnum() for c in short)
        max_words = min(letters + 5, letters * 2)  # Schwartz & Hearst's limit on the long form
        window = max(0, m.start() - 20 * max_words)
        sentence_ends = list(_SENTENCE_END.finditer(text, window, m.start()))
        if sentence_ends:
            window = sentence_ends[-1].end()
        words = list(_WORD.finditer(text, window, m.start()))[-max_words:]
        if not words:
            continue
        tail = text[words[0].start():words[-1].end()]
        start = long_form_start(short, tail)
        if start is None or len(tail) - start <= len(short):
            continue
        found.append(Definition(short, words[0].start() + start, words[-1].end()))
    return found


# A word of a name, from its first letter (accented ones too: "Łódzka Komunikacja Miejska" is "ŁKM").
_WORD_OF_NAME = re.compile(rf"[{UPPER}{LOWER}][\w'-]*")
_WORD_OF_NAME_OR_QUOTE = re.compile(rf"[{UPPER}{LOWER}][\w'’-]*")


def initials(name: str) -> str:
    """Initials of the capitalised words ("Naval Research & Materials Organisation" -> "NRMO")."""
    return "".join(w[0] for w in _WORD_OF_NAME.findall(name) if w[0].isupper())


def acronym_letters(acronym: str) -> str:
    """The letters of an acronym in capitals, as spellings() writes initials ("U.N." -> "UN")."""
    return "".join(c for c in acronym if c.isalpha()).upper()


def spells(acronym: str, name: str) -> bool:
    """Whether the acronym is the initials of the name, with or without its little words (any case)."""
    return acronym_letters(acronym) in spellings(name)


@from_rules(maxsize=4096)
def spellings(name: str) -> tuple[str, str, str]:
    """The acronyms a name can have: initials of its main words, of every word, of its capitalised words.

    Cached: a document tries each name against each of its acronyms."""
    words = _WORD_OF_NAME_OR_QUOTE.findall(name)
    every_word = "".join(w[0] for w in words).upper()
    main_words = "".join(w[0] for w in words if w.lower() not in LITTLE_WORDS).upper()
    return main_words, every_word, initials(name).upper()
