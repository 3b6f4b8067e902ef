"""Plain-text helpers that several components share."""
from __future__ import annotations


def line_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the line holding position."""
    end = text.find("\n", position)
    return text.rfind("\n", 0, position) + 1, len(text) if end < 0 else end
