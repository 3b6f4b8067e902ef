"""Helpers shared by the components for turning character ranges into spans."""
from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span


_TEXT_KEY = "extractor.text"
_TOKENS_KEY = "extractor.token_offsets"


def doc_text(doc: Doc) -> str:
    """doc.text, computed once per Doc: spaCy rebuilds the string from tokens on every access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Seed doc_text's cache with the text the Doc was made from."""
    doc.user_data[_TEXT_KEY] = text


def _token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's first character and the character after it, read once per Doc."""
    offsets = doc.user_data.get(_TOKENS_KEY)
    if offsets is None or len(offsets[0]) != len(doc):
        starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist()
        offsets = doc.user_data[_TOKENS_KEY] = (starts, [s + n for s, n in zip(starts, lengths)])
    return offsets


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The tokens [first, last) that doc.char_span(start, end, alignment_mode="expand") would
    cover, found by bisecting token offsets instead of building a Token per step; None where
    char_span gives None."""
    starts, ends = _token_offsets(doc)
    # tokens tile the text (whitespace belongs to the token before it or is a token itself), so
    # the token holding a character is the last one starting at or before it
    size = len(doc_text(doc))
    if not (0 <= start < size and 0 < end <= size):
        return None
    first = bisect_right(starts, start) - 1
    if start == ends[first]:  # on the space after a token: the span begins with the next one
        first += 1
    return first, bisect_right(starts, end - 1)


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """A span covering [start, end), expanded to token bounds; None if it holds only whitespace."""
    tokens = token_range(doc, start, end)
    if tokens is None:
        return None
    first, last = tokens
    starts, ends = _token_offsets(doc)
    if first >= last or not doc_text(doc)[starts[first]:ends[last - 1]].strip():
        return None
    return Span(doc, first, last, label=label)


def add_span(doc: Doc, key: str, start: int, end: int, label: str) -> Span | None:
    """Append a span over [start, end) to doc.spans[key] and return it."""
    span = char_span(doc, start, end, label)
    if span is not None:
        group = doc.spans[key] if key in doc.spans else None
        if group is None:
            doc.spans[key] = [span]
        else:
            group.append(span)
    return span


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open character ranges overlap."""
    return a[0] < b[1] and b[0] < a[1]
