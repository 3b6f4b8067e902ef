"""Doc → article object: one item per distinct entity, with all its mentions."""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from .components.spans import doc_text


def mention(span: Span) -> dict[str, Any]:
    """A mention as the output contract gives it: text and character offsets."""
    start, end = span.start_char, span.end_char
    # A slice of the cached text: span.text would rebuild the string token by token.
    return {"text": doc_text(span.doc)[start:end], "start": start, "end": end}


def _group(spans, key) -> dict[str, list[Span]]:
    groups: dict[str, list[Span]] = {}
    for span in sorted(spans, key=lambda s: s.start_char):
        groups.setdefault(key(span), []).append(span)
    return groups


def _spans(doc: Doc, key: str) -> list[Span]:
    return list(doc.spans[key]) if key in doc.spans else []


# Punctuation that a span picks up when a name and its brackets or dashes are one token: "(EFE).-".
_LEADING_PUNCT = re.compile(r"^[(\[{\"“‘']+")
_TRAILING_PUNCT = re.compile(r"(?:[)\]}\"”’',;:!?–—-]|\.(?=\W))\W*$")


def _name_mention(span: Span) -> dict[str, Any]:
    """A mention without the brackets and dashes of the token the name was written in."""
    found = mention(span)
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
    items = []
    for spans in _group(_spans(doc, "organisations"), lambda s: (s._.canonical or s.text).casefold()).values():
        canonical = spans[0]._.canonical or spans[0].text
        acronym = next((s._.acronym for s in spans if s._.acronym and s._.acronym != canonical), None)
        items.append({"name": canonical, "acronym": acronym, "mentions": [_name_mention(s) for s in spans]})
    return items


def _person_roles(spans: list[Span]) -> list[dict[str, Any]]:
    """One entry per title (with its organisation when any mention gives one), without bare
    titles that a longer title of the same person repeats ("Governor" beside "Governor of Oregon")."""
    by_title: dict[str, dict[str, Any]] = {}
    for span in spans:
        title = span._.canonical or span.text
        entry = by_title.setdefault(title.casefold(), {"role": title, "organisation": None})
        entry["organisation"] = entry["organisation"] or span._.organisation
    words = {key: key.split() for key in by_title}

    def repeated(key: str) -> bool:
        return by_title[key]["organisation"] is None and any(
            len(other) > len(words[key]) and (other[:len(words[key])] == words[key] or other[-len(words[key]):] == words[key])
            for other in words.values())

    return [entry for key, entry in by_title.items() if not repeated(key)]


def people(doc: Doc) -> list[dict[str, Any]]:
    """People grouped by full name, with honorific and roles."""
    roles: dict[str, list[Span]] = {}
    for span in sorted(_spans(doc, "roles"), key=lambda s: s.start_char):
        roles.setdefault(span._.person, []).append(span)
    items = []
    for _, spans in _group(_spans(doc, "people"), lambda s: s._.canonical or s.text).items():
        name = spans[0]._.canonical or spans[0].text
        honorific = next((s._.honorific for s in spans if s._.honorific), None)
        items.append({"name": name, "honorific": honorific, "roles": _person_roles(roles.get(name, [])),
                      "mentions": [mention(s) for s in spans]})
    return items


def dates(doc: Doc) -> list[dict[str, Any]]:
    """Dates grouped by surface text and value."""
    items = []
    for _, spans in _group(_spans(doc, "dates"), lambda s: f"{s.text.casefold()}|{s._.value}").items():
        items.append({"text": spans[0].text, "value": spans[0]._.value, "mentions": [mention(s) for s in spans]})
    return items


def agreements(doc: Doc) -> list[dict[str, Any]]:
    """Agreements, one item per agreement the mentions were linked to (span._.canonical)."""
    items = []
    for name, spans in _group(_spans(doc, "agreements"), lambda s: s._.canonical or s.text).items():
        first = spans[0]
        items.append({"name": name, "kind": first._.kind, "status": first._.status,
                      "parties": list(first._.parties or []), "signatories": list(first._.signatories or []),
                      "date": first._.date, "sentence": first._.sentence, "mentions": [mention(s) for s in spans]})
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
