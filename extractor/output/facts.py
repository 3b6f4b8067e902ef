"""Doc → article object: one item per distinct entity, with all its mentions."""
from __future__ import annotations

import re
from operator import itemgetter
from typing import Any, Callable

from spacy.tokens import Doc

from ..common.doc_data import doc_text, shifted_span_values, span_ranges, span_value, span_values
from ..common.doc_data import doc_value


def mention(text: str, start: int, end: int) -> dict[str, Any]:
    """A mention as the output contract gives it: text and character offsets."""
    return {"text": text[start:end], "start": start, "end": end}


SPAN_KEYS = ("organisations", "people", "roles", "dates", "agreements", "places", "events")


class Records:
    """What the article object is made from: the text, the span ranges of each group and the
    spans' extension values, from one Doc or gathered from the pieces of a long article.

    Values stay keyed as common/doc_data.py keeps them (span_value reads them).
    """

    def __init__(self, text: str, published: str | None, ranges: dict[str, list[tuple[int, int]]], values: dict):
        self.text, self.published, self.ranges, self.values = text, published, ranges, values

    @classmethod
    def of_doc(cls, doc: Doc) -> Records:
        """The records of one processed Doc (its values are read, not copied)."""
        return cls(doc_text(doc), doc_value(doc, "published"), {key: span_ranges(doc, key) for key in SPAN_KEYS}, span_values(doc))

    def add_piece(self, doc: Doc, offset: int) -> None:
        """Add the spans and values of a processed piece that starts at offset in self.text."""
        for key in SPAN_KEYS:
            self.ranges.setdefault(key, []).extend((start + offset, end + offset) for start, end in span_ranges(doc, key))
        self.values.update(shifted_span_values(doc, offset))


class _Group:
    """One span group as (start, end) character ranges in text order, with its extension values."""

    def __init__(self, source: Doc | Records, key: str):
        records = source if isinstance(source, Records) else Records.of_doc(source)
        self.text = records.text
        self.values = records.values
        self.ranges = sorted(records.ranges.get(key, ()), key=itemgetter(0))

    def value(self, name: str, found: tuple[int, int]) -> Any:
        """The extension value of the span over found (every span attribute defaults to None)."""
        return span_value(self.values, name, *found)

    def canonical(self, found: tuple[int, int]) -> str:
        """span._.canonical, or the span's text without one."""
        return span_value(self.values, "canonical", *found) or self.text[found[0]:found[1]]

    def mentions(self, spans: list[tuple[int, int]], shape: Callable[[str, int, int], dict] = None) -> list[dict[str, Any]]:
        """The output mentions of spans (shaped by shape, default mention()), each with the id of its rule."""
        found = []
        for start, end in spans:
            item = (shape or mention)(self.text, start, end)
            item["rule"] = span_value(self.values, "rule", start, end)
            found.append(item)
        return found

    def by(self, key) -> dict[Any, list[tuple[int, int]]]:
        """Ranges grouped by key(range), groups in order of first range."""
        groups: dict[Any, list[tuple[int, int]]] = {}
        for found in self.ranges:
            groups.setdefault(key(found), []).append(found)
        return groups


# Punctuation that a span picks up when a name and its brackets or dashes are one token: "(EFE).-".
_OPENING = "([{\"“‘'"
_LEADING_PUNCT = re.compile(rf"^[{re.escape(_OPENING)}]+")
_TRAILING_PUNCT = re.compile(r"(?:[)\]}\"”’',;:!?–—-]|\.(?=\W))\W*$")


def _name_mention(text: str, start: int, end: int) -> dict[str, Any]:
    """A mention without the brackets and dashes of the token the name was written in."""
    found = mention(text, start, end)
    text = found["text"]
    if text[:1] not in _OPENING and text[-1:].isalnum():
        return found  # what the two patterns below would trim starts or ends the text
    lead = _LEADING_PUNCT.match(text)
    start = lead.end() if lead else 0
    trail = _TRAILING_PUNCT.search(text, start)
    end = trail.start() if trail else len(text)
    if 0 < start or end < len(text):
        found = {"text": text[start:end], "start": found["start"] + start, "end": found["start"] + end}
    return found


def organisations(source: Doc | Records) -> list[dict[str, Any]]:
    """Organisations grouped by canonical name (case folded), acronym linked, in order of first mention."""
    group = _Group(source, "organisations")
    value = group.value
    items = []
    for spans in group.by(lambda found: group.canonical(found).casefold()).values():
        canonical = group.canonical(spans[0])
        acronyms = (value("acronym", found) for found in spans)
        acronym = next((a for a in acronyms if a and a != canonical), None)
        items.append({"name": canonical, "acronym": acronym,
                      "mentions": group.mentions(spans, _agreement_mention)})
    return items


def _person_roles(group: _Group, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """One entry per title (with its organisation when any mention gives one), without bare
    titles that a longer title of the same person repeats ("Governor" beside "Governor of Oregon")."""
    if not spans:
        return []  # most people are mentioned without a title
    by_title: dict[str, dict[str, Any]] = {}
    for found in spans:
        title = group.canonical(found)
        entry = by_title.setdefault(title.casefold(), {"role": title, "organisation": None,
                                                       "evidence": _range(group.value("evidence", found))})
        entry["organisation"] = entry["organisation"] or group.value("organisation", found)
    words = {key: key.split() for key in by_title}

    def repeated(key: str) -> bool:
        return by_title[key]["organisation"] is None and any(
            len(other) > len(words[key]) and (other[:len(words[key])] == words[key] or other[-len(words[key]):] == words[key])
            for other in words.values())

    return [entry for key, entry in by_title.items() if not repeated(key)]


def people(source: Doc | Records) -> list[dict[str, Any]]:
    """People grouped by full name, with honorific and roles."""
    role_group = _Group(source, "roles")
    roles = role_group.by(lambda found: role_group.value("person", found))
    group = _Group(source, "people")
    items = []
    for name, spans in group.by(group.canonical).items():
        honorific = next((h for h in (group.value("honorific", found) for found in spans) if h), None)
        items.append({"name": name, "honorific": honorific, "roles": _person_roles(role_group, roles.get(name, [])),
                      "mentions": group.mentions(spans)})
    return items


def dates(source: Doc | Records) -> list[dict[str, Any]]:
    """Dates grouped by surface text and value."""
    group = _Group(source, "dates")
    text, value = group.text, group.value
    items = []
    for spans in group.by(lambda found: f"{text[found[0]:found[1]].casefold()}|{value('value', found)}").values():
        start, end = spans[0]
        items.append({"text": text[start:end], "value": value("value", spans[0]), "mentions": group.mentions(spans)})
    return items


_SENTENCE_STOP = re.compile(r"(?<![.\w])\w{2,}\.$")  # "the MoU." where the full stop stayed on the token


def _agreement_mention(text: str, start: int, end: int) -> dict[str, Any]:
    """An agreement mention without brackets, dashes, or the full stop of its sentence (not "U.S."),
    keeping the quotes of a quoted title ('agreement "On grid connection"')."""
    surface = text[start:end]
    quoted = surface.count('"') == 2 or "“" in surface and "”" in surface
    found = mention(text, start, end) if quoted else _name_mention(text, start, end)
    if _SENTENCE_STOP.search(found["text"]):
        found = mention(text, found["start"], found["end"] - 1)
    return found


def agreements(source: Doc | Records) -> list[dict[str, Any]]:
    """Agreements, one item per agreement the mentions were linked to (span._.canonical, and
    span._.item for a second agreement of the same name: "an MoU … another MoU")."""
    group = _Group(source, "agreements")
    items = []
    for (name, _), spans in group.by(lambda found: (group.canonical(found), group.value("item", found) or 0)).items():
        kind, status, parties, signatories, date, sentence = (group.value(attribute, spans[0]) for attribute in (
            "kind", "status", "parties", "signatories", "date", "sentence"))
        items.append({"name": name, "kind": kind, "status": status,
                      "parties": list(parties or []), "signatories": list(signatories or []),
                      "date": date, "sentence": sentence,
                      "signed_at": next((v for v in (group.value("signed_at", f) for f in spans) if v), None),
                      "place": next((v for v in (group.value("place", f) for f in spans) if v), None),
                      "evidence": _evidence(group.value("evidence", spans[0]), AGREEMENT_FACTS),
                      "mentions": group.mentions(spans, _agreement_mention)})
    return items


# The facts that carry evidence, and whether each has several values (a list) or one.
AGREEMENT_FACTS = {"signatories": True, "parties": True, "date": False, "status": False}
EVENT_FACTS = {"chairs": True, "participants": True, "date": False, "place": False}


def _range(found: tuple[int, int] | None) -> dict[str, int] | None:
    return None if found is None else {"start": found[0], "end": found[1]}


def _evidence(evidence: dict | None, facts: dict[str, bool]) -> dict[str, Any]:
    """The evidence object of an item: per fact the sentence it was read from ({start, end}), per
    value for facts with several ([{name, start, end}]); null or [] for a fact not read."""
    evidence = evidence or {}
    out: dict[str, Any] = {}
    for fact, several in facts.items():
        found = evidence.get(fact)
        if several:
            out[fact] = [{"name": name, "start": at[0], "end": at[1]} for name, at in (found or {}).items()]
        else:
            out[fact] = _range(found)
    return out


def _place_key(group: _Group, found: tuple[int, int]) -> tuple:
    """A country is one item however written ("US", "United States"); another place is one per name."""
    kind, country = group.value("kind", found), group.value("country", found)
    return ("country", country) if kind == "country" and country else (kind, group.canonical(found).casefold(), country)


def places(source: Doc | Records) -> list[dict[str, Any]]:
    """Places, one item per country or named place, with kind and ISO country code."""
    group = _Group(source, "places")
    items = []
    for spans in group.by(lambda found: _place_key(group, found)).values():
        first = spans[0]
        items.append({"name": group.canonical(first), "kind": group.value("kind", first),
                      "country": group.value("country", first),
                      "mentions": group.mentions(spans, _name_mention)})
    return items


def events(source: Doc | Records) -> list[dict[str, Any]]:
    """Events, one item per event (span._.canonical names it), with date, place, chairs and participants."""
    group = _Group(source, "events")
    items = []
    for name, spans in group.by(group.canonical).items():
        first = spans[0]
        items.append({"name": name, "kind": group.value("kind", first), "date": group.value("date", first),
                      "place": group.value("place", first), "chairs": list(group.value("chairs", first) or []),
                      "participants": list(group.value("participants", first) or []),
                      "evidence": _evidence(group.value("evidence", first), EVENT_FACTS),
                      "mentions": group.mentions(spans)})
    return items


def article_from_records(records: Records, source: str) -> dict[str, Any]:
    """The article object of the output contract."""
    return {
        "source": source,
        "published": records.published,
        "organisations": organisations(records),
        "people": people(records),
        "dates": dates(records),
        "agreements": agreements(records),
        "places": places(records),
        "events": events(records),
    }


def article_from_doc(doc: Doc, source: str) -> dict[str, Any]:
    """The article object of the output contract for one processed Doc."""
    return article_from_records(Records.of_doc(doc), source)


def with_input_fields(article: dict[str, Any], page: dict[str, Any] | None, text: str | None = None) -> dict[str, Any]:
    """The article object with what its input adds: a web page's title, url and published_source
    after `published`, and (when given) the text that every start/end indexes, last."""
    if page is None and text is None:
        return article
    head = {"source": article["source"], "published": article["published"]}
    if page is not None:
        # Neither --published nor the page's metadata: a date can only be the text's header line.
        origin = page["published_source"] or ("header line" if article["published"] else None)
        head.update(title=page["title"], url=page["url"], published_source=origin)
    merged = {**head, **article}
    if text is not None:
        merged["text"] = text
    return merged
