"""Span and Doc values: the one module that knows where spaCy keeps them.

Every custom attribute is a registered extension (Doc._.published, Span._.canonical, ...).
spaCy keeps their values in doc.user_data under ("._.", name, start_char, end_char); each
span._ or doc._ access builds an Underscore object, which cost more than the rest of adding a
span, so the components read and write them here, through this small API, and nowhere else.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

from spacy.tokens import Doc, Span

DOC_ATTRIBUTES = {
    "published": None,  # ISO date of publication (header line, --published or API)
    "header_end": 0,  # character offset where the "date YYYY-MM-DD" header ends
}
SPAN_ATTRIBUTES = {
    "value": None,  # dates: ISO 8601 value or None
    "canonical": None,  # organisations/people/agreements: the name mentions are grouped under
    "item": None,  # agreements: 1, 2, … for a second, third agreement under one name ("another MoU")
    "acronym": None,  # organisations: acronym linked to the full name
    "honorific": None,  # people: "Dr", "Mr", ...
    "person": None,  # roles: canonical name of the person holding the role
    "organisation": None,  # roles: organisation the role belongs to
    "kind": None,  # agreements: mou, agreement, framework, treaty, contract, deal, ...
    "status": None,  # agreements: signed, announced, ...
    "parties": None,  # agreements: list of party names
    "signatories": None,  # agreements: list of person names
    "date": None,  # agreements: ISO date of signing/announcement
    "sentence": None,  # agreements: the sentence it was found in
    "country": None,  # places: ISO 3166-1 alpha-2 code of the country the place is or lies in
    "city_too": None,  # places: True for a country named like its capital ("Djibouti"), which may be the city
    "place": None,  # events, agreements: the place it happened, as written
    "chairs": None,  # events: people who chaired, hosted or led delegations
    "participants": None,  # events: organisations and countries taking part, as written
    "signed_at": None,  # agreements: the name of the event it was signed at
    "rule": None,  # every mention: the id of the pattern or decision that produced it ("people:honorific")
    "evidence": None,  # agreements, events, roles: where each fact was read (see EVIDENCE below)
}
# Evidence values are dicts of fact name -> a sentence's (start, end) character range, or, for a
# fact with several values (signatories, parties, chairs, participants), -> {value: (start, end)}.
# A role's evidence is one (start, end). Ranges are of the Doc's text, like the span keys.


def doc_value(doc: Doc, name: str):
    """doc._.<name>, read where spaCy keeps it: each doc._ access builds an Underscore object,
    which costs more than a dictionary lookup (these attributes have no getter)."""
    return doc.user_data.get(("._.", name, None, None), DOC_ATTRIBUTES[name])


def set_doc_value(doc: Doc, name: str, value) -> None:
    """doc._.<name> = value, written where spaCy keeps it (see doc_value)."""
    doc.user_data[("._.", name, None, None)] = value



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


def add_span(doc: Doc, key: str, start: int, end: int, label: str, *, rule: str, **values) -> Span | None:
    """Append a span over [start, end) to doc.spans[key], set its extension values and the id of the
    rule that found it (span._.rule), and return it.

    The values go where `span._.name = value` puts them (see span_value): each span._ access
    builds an Underscore object, which cost more than the rest of adding the span."""
    span = char_span(doc, start, end, label)
    if span is not None:
        start, end, data = span.start_char, span.end_char, doc.user_data
        known = data.get(_RANGES_KEY)
        if key in doc.spans:
            doc.spans[key].append(span)
            if known is not None and key in known:
                known[key].append((start, end))
        else:  # a new group: its ranges are known from the start
            doc.spans[key] = [span]
            if known is None:
                known = data[_RANGES_KEY] = {}
            known[key] = [(start, end)]
        data[(EXTENSION, "rule", start, end)] = rule
        for name, value in values.items():
            data[(EXTENSION, name, start, end)] = value
    return span


def set_span_value(doc: Doc, start: int, end: int, name: str, value) -> None:
    """span._.<name> = value for the span over [start, end) (of any group), written where spaCy keeps it."""
    doc.user_data[(EXTENSION, name, start, end)] = value


EXTENSION = "._."  # spaCy's key for extension values in doc.user_data


def span_values(doc: Doc) -> Mapping:
    """The extension values of doc's spans, for span_value (the mapping is doc's own, not a copy)."""
    return doc.user_data


def shifted_span_values(doc: Doc, offset: int) -> dict:
    """The extension values of doc's spans, keyed (and evidence ranges shifted) as if doc started at
    offset in a longer text."""
    return {(EXTENSION, key[1], key[2] + offset, key[3] + offset): shifted_evidence(value, offset)
            if key[1] == "evidence" else value for key, value in doc.user_data.items()
            if isinstance(key, tuple) and len(key) == 4 and key[0] == EXTENSION and None not in key[2:]}


def shifted_evidence(evidence, offset: int):
    """An evidence value (a range, or a dict of ranges or of dicts of ranges) with every range moved by offset."""
    if evidence is None:
        return None
    if isinstance(evidence, tuple):
        return evidence[0] + offset, evidence[1] + offset
    return {name: shifted_evidence(value, offset) for name, value in evidence.items()}


def cached(doc: Doc, key: str, make: Callable[[], Any]) -> Any:
    """make(), once per Doc: the value is kept with the Doc under key."""
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = make()
    return value


def span_value(values: Mapping, name: str, start: int, end: int):
    """The extension value `name` of the span over [start, end), from its Doc's user_data (None if unset)."""
    return values.get((EXTENSION, name, start, end))


_RANGES_KEY = "extractor.ranges"  # group key -> its spans' ranges, kept by add_span and set_group


def span_ranges(doc: Doc, key: str) -> list[tuple[int, int]]:
    """Character ranges of doc.spans[key], [] without that group (a copy of the list add_span keeps:
    iterating the group would build a Span per span, and most groups are read by several components)."""
    known = doc.user_data.get(_RANGES_KEY)
    if known is None:
        known = doc.user_data[_RANGES_KEY] = {}
    ranges = known.get(key)
    if ranges is None:
        ranges = known[key] = [(span.start_char, span.end_char) for span in doc.spans[key]] if key in doc.spans else []
    return list(ranges)


def set_group(doc: Doc, key: str, spans: list[Span]) -> None:
    """doc.spans[key] = spans: the way to replace a group, so that span_ranges stays true to it."""
    doc.spans[key] = spans
    known = doc.user_data.get(_RANGES_KEY)
    if known is not None:
        known.pop(key, None)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open character ranges overlap."""
    return a[0] < b[1] and b[0] < a[1]


def register() -> None:
    """Declare the extensions (idempotent)."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_ATTRIBUTES.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
