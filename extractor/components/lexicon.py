"""Word lists and the capitalised-phrase scanner shared by the name components."""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import word_list, word_set

# A capitalised word: "Ministry", "DRDO", "Tri-Services", "O'Neill", "U.S.", "IndiGo".
# A dot is kept only in dotted acronyms and in short abbreviations before another name word ("Dr. Kaushik").
WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][a-z]{0,3}\.(?=[ \t]+[A-Z])|[A-Z][\w'’&-]*[\w]|[A-Z])"
CONNECTOR = r"(?:of|for|the|and|&|de|du|da|del|der|la|le|van|von|bin|al|el|uz|ul)"
PHRASE = re.compile(rf"(?<![\w-]){WORD}(?:(?:[ \t]+{CONNECTOR})*[ \t]+{WORD})*")


@lru_cache(maxsize=None)
def honorifics() -> frozenset[str]:
    """Honorifics and ranks, as written."""
    return word_set("honorifics.txt")


@lru_cache(maxsize=None)
def org_heads() -> frozenset[str]:
    """Organisation-type head words."""
    return word_set("org_heads.txt")


@lru_cache(maxsize=None)
def role_words() -> frozenset[str]:
    """Title and office head words, lower-cased."""
    return word_set("role_words.txt", lower=True)


@lru_cache(maxsize=None)
def common_capitalised() -> frozenset[str]:
    """Sentence-initial words that never start a name."""
    return word_set("common_capitalised.txt")


@lru_cache(maxsize=None)
def not_acronyms() -> frozenset[str]:
    """All-capital words that are not organisations."""
    return word_set("not_acronyms.txt")


@lru_cache(maxsize=None)
def org_names() -> tuple[str, ...]:
    """Well-known organisation names without an organisation-type word."""
    return word_list("org_names.txt")


def words_with_offsets(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Whitespace-separated words of text[start:end] with absolute offsets."""
    return [(m.group(), start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


def is_acronym(word: str) -> bool:
    """An all-capital word of 2-8 letters (dots and & allowed), e.g. DRDO, U.N., R&AW."""
    letters = re.sub(r"[.&]", "", word)
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()
