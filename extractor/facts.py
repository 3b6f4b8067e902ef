"""Doc → article object: one item per distinct entity, with all its mentions."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span


def mention(span: Span) -> dict[str, Any]:
    """A mention as the output contract gives it: text and character offsets."""
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


def _group(spans, key) -> dict[str, list[Span]]:
    groups: dict[str, list[Span]] = {}
    for span in sorted(spans, key=lambda s: s.start_char):
        groups.setdefault(key(span), []).append(span)
    return groups


def _spans(doc: Doc, key: str) -> list[Span]:
    return list(doc.spans[key]) if key in doc.spans else []


def organisations(doc: Doc) -> list[dict[str, Any]]:
    """Organisations grouped by canonical name, acronym linked."""
    items = []
    for name, spans in _group(_spans(doc, "organisations"), lambda s: (s._.canonical or s.text).casefold()).items():
        canonical = spans[0]._.canonical or spans[0].text
        acronym = next((s._.acronym for s in spans if s._.acronym and s._.acronym != canonical), None)
        items.append({"name": canonical, "acronym": acronym, "mentions": [mention(s) for s in spans]})
    return items


def people(doc: Doc) -> list[dict[str, Any]]:
    """People grouped by full name, with honorific and roles."""
    roles: dict[str, list[dict[str, Any]]] = {}
    for span in _spans(doc, "roles"):
        entry = {"role": span.text, "organisation": span._.organisation}
        if entry not in roles.setdefault(span._.person, []):
            roles[span._.person].append(entry)
    items = []
    for _, spans in _group(_spans(doc, "people"), lambda s: s._.canonical or s.text).items():
        name = spans[0]._.canonical or spans[0].text
        honorific = next((s._.honorific for s in spans if s._.honorific), None)
        items.append({"name": name, "honorific": honorific, "roles": roles.get(name, []),
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
