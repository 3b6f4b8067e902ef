"""Doc → article object: one item per distinct entity, with all its mentions."""
from __future__ import annotations

import re
from operator import itemgetter
from typing import Any

from spacy.tokens import Doc

from .components.spans import doc_text


def mention(text: str, start: int, end: int) -> dict[str, Any]:
    """A mention as the output contract gives it: text and character offsets."""
    return {"text": text[start:end], "start": start, "end": end}


class _Group:
    """One span group as (start, end) character ranges in text order, with its extension values.

    Values are read straight from doc.user_data, where spaCy keeps a span's extension value under
    ("._.", name, start_char, end_char): span._ would build an Underscore object per access, and
    iterating doc.spans builds a Span object per span (done once here).
    """

    def __init__(self, doc: Doc, key: str):
        self.text = doc_text(doc)
        self.values = doc.user_data
        spans = doc.spans[key] if key in doc.spans else ()
        self.ranges = sorted([(span.start_char, span.end_char) for span in spans], key=itemgetter(0))

    def value(self, name: str, found: tuple[int, int]) -> Any:
        """The extension value of the span over found (every span attribute defaults to None)."""
        return self.values.get(("._.", name, found[0], found[1]))

    def canonical(self, found: tuple[int, int]) -> str:
        """span._.canonical, or the span's text without one."""
        return self.values.get(("._.", "canonical", found[0], found[1])) or self.text[found[0]:found[1]]

    def by(self, key) -> dict[Any, list[tuple[int, int]]]:
        """Ranges grouped by key(range), groups in order of first range."""
        groups: dict[Any, list[tuple[int, int]]] = {}
        for found in self.ranges:
            groups.setdefault(key(found), []).append(found)
        return groups


# Punctuation that a span picks up when a name and its brackets or dashes are one token: "(EFE).-".
_LEADING_PUNCT = re.compile(r"^[(\[{\"“‘']+")
_TRAILING_PUNCT = re.compile(r"(?:[)\]}\"”’',;:!?–—-]|\.(?=\W))\W*$")


def _name_mention(text: str, start: int, end: int) -> dict[str, Any]:
    """A mention without the brackets and dashes of the token the name was written in."""
    found = mention(text, start, end)
    text = found["text"]
    lead = _LEADING_PUNCT.match(text)
    start = lead.end() if lead else 0
    trail = _TRAILING_PUNCT.search(text, start)
    end = trail.start() if trail else len(text)
    if 0 < start or end < len(text):
        found = {"text": text[start:end], "start": found["start"] + start, "end": found["start"] + end}
    return found


def organisations(doc: Doc) -> list[dict[str, Any]]:
    """Organisations grouped by canonical name (case folded), acronym linked, in order of first mention."""
    group = _Group(doc, "organisations")
    text, value = group.text, group.value
    items = []
    for spans in group.by(lambda found: group.canonical(found).casefold()).values():
        canonical = group.canonical(spans[0])
        acronyms = (value("acronym", found) for found in spans)
        acronym = next((a for a in acronyms if a and a != canonical), None)
        items.append({"name": canonical, "acronym": acronym,
                      "mentions": [_name_mention(text, start, end) for start, end in spans]})
    return items


def _person_roles(group: _Group, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """One entry per title (with its organisation when any mention gives one), without bare
    titles that a longer title of the same person repeats ("Governor" beside "Governor of Oregon")."""
    by_title: dict[str, dict[str, Any]] = {}
    for found in spans:
        title = group.canonical(found)
        entry = by_title.setdefault(title.casefold(), {"role": title, "organisation": None})
        entry["organisation"] = entry["organisation"] or group.value("organisation", found)
    words = {key: key.split() for key in by_title}

    def repeated(key: str) -> bool:
        return by_title[key]["organisation"] is None and any(
            len(other) > len(words[key]) and (other[:len(words[key])] == words[key] or other[-len(words[key]):] == words[key])
            for other in words.values())

    return [entry for key, entry in by_title.items() if not repeated(key)]


def people(doc: Doc) -> list[dict[str, Any]]:
    """People grouped by full name, with honorific and roles."""
    role_group = _Group(doc, "roles")
    roles = role_group.by(lambda found: role_group.value("person", found))
    group = _Group(doc, "people")
    text = group.text
    items = []
    for name, spans in group.by(group.canonical).items():
        honorific = next((h for h in (group.value("honorific", found) for found in spans) if h), None)
        items.append({"name": name, "honorific": honorific, "roles": _person_roles(role_group, roles.get(name, [])),
                      "mentions": [mention(text, start, end) for start, end in spans]})
    return items


def dates(doc: Doc) -> list[dict[str, Any]]:
    """Dates grouped by surface text and value."""
    group = _Group(doc, "dates")
    text, value = group.text, group.value
    items = []
    for spans in group.by(lambda found: f"{text[found[0]:found[1]].casefold()}|{value('value', found)}").values():
        start, end = spans[0]
        items.append({"text": text[start:end], "value": value("value", spans[0]),
                      "mentions": [mention(text, start, end) for start, end in spans]})
    return items


def agreements(doc: Doc) -> list[dict[str, Any]]:
    """Agreements, one item per agreement the mentions were linked to (span._.canonical)."""
    group = _Group(doc, "agreements")
    text = group.text
    items = []
    for name, spans in group.by(group.canonical).items():
        kind, status, parties, signatories, date, sentence = (group.value(attribute, spans[0]) for attribute in (
            "kind", "status", "parties", "signatories", "date", "sentence"))
        items.append({"name": name, "kind": kind, "status": status,
                      "parties": list(parties or []), "signatories": list(signatories or []),
                      "date": date, "sentence": sentence,
                      "mentions": [mention(text, start, end) for start, end in spans]})
    return items


def article_from_doc(doc: Doc, source: str) -> dict[str, Any]:
    """The article object of the output contract for one processed Doc."""
    return {
        "source": source,
        "published": doc._.published,
        "organisations": organisations(doc),
        "people": people(doc),
        "dates": dates(doc),
        "agreements": agreements(doc),
    }
