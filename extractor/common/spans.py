"""Helpers shared by the components for turning character ranges into spans."""
from __future__ import annotations

from spacy.tokens import Doc, Span


_TEXT_KEY = "extractor.text"


def doc_text(doc: Doc) -> str:
    """doc.text, computed once per Doc: spaCy rebuilds the string from tokens on every access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Seed doc_text's cache with the text the Doc was made from."""
    doc.user_data[_TEXT_KEY] = text


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """A span covering [start, end), expanded to token bounds; None if empty."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    # span.text would rebuild the string from tokens: slice the cached text instead (same string)
    if span is None or not doc_text(doc)[span.start_char:span.end_char].strip():
        return None
    return span


def add_span(doc: Doc, key: str, start: int, end: int, label: str, **values) -> Span | None:
    """Append a span over [start, end) to doc.spans[key], set its extension values, and return it.

    The values go where `span._.name = value` puts them (see span_value): each span._ access
    builds an Underscore object, which cost more than the rest of adding the span."""
    span = char_span(doc, start, end, label)
    if span is not None:
        group = doc.spans[key] if key in doc.spans else None
        if group is None:
            doc.spans[key] = [span]
        else:
            group.append(span)
        if values:
            start, end, data = span.start_char, span.end_char, doc.user_data
            for name, value in values.items():
                data[(EXTENSION, name, start, end)] = value
    return span


# spaCy keeps a span's extension values in doc.user_data under ("._.", name, start_char, end_char):
# reading them there skips span._, which builds an Underscore object on every access.
EXTENSION = "._."


def span_value(values: dict, name: str, start: int, end: int):
    """The extension value `name` of the span over [start, end), from its Doc's user_data (None if unset)."""
    return values.get((EXTENSION, name, start, end))


def span_ranges(doc: Doc, key: str) -> list[tuple[int, int]]:
    """Character ranges of doc.spans[key], [] without that group (iterating builds a Span per span)."""
    return [(span.start_char, span.end_char) for span in doc.spans[key]] if key in doc.spans else []


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open character ranges overlap."""
    return a[0] < b[1] and b[0] < a[1]
