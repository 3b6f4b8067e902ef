"""Splitting an article longer than spaCy's max_length into pieces at paragraph boundaries."""
from __future__ import annotations

import re

# Where to cut, best first: after a blank line, after a line break, after any whitespace.
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"\s+"))


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the piece that starts at start: after the last break that fits, else a hard cut."""
    end = start + limit
    for pattern in _BREAKS:
        last = None
        for last in pattern.finditer(text, start, end):
            pass
        if last is not None and last.end() > start:
            return last.end()
    return end


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most limit characters that join back to text exactly."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
