"""Organisation names: head-word phrases, acronyms, known names; acronyms linked to full names."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from .lexicon import (
    PHRASE,
    common_capitalised,
    honorifics,
    is_acronym,
    not_acronyms,
    org_heads,
    org_names,
    role_words,
)
from .spans import add_span, doc_text, overlaps

CHAIN = {"of", "for", "and", "&", "the", "on", "de", "du", "da", "del", "der", "la", "le", "in"}
# Web boilerplate that names the publisher: "Add Asianet Newsable as a Preferred Source".
PUBLISHER = re.compile(r"\bAdd (?P<name>[A-Z][\w&' -]+?) as a (?:Preferred|Trusted) Source\b")


@dataclass(frozen=True)
class OrgFound:
    """An organisation mention: range, canonical name and linked acronym."""

    start: int
    end: int
    canonical: str
    acronym: str | None = None


def _segments(text: str, match: re.Match, blocked: list[tuple[int, int]]):
    """Word runs of a capitalised phrase, cut at people, honorifics and role words."""
    segment = []
    for m in re.finditer(r"\S+", match.group()):
        word, start, end = m.group(), match.start() + m.start(), match.start() + m.end()
        if any(overlaps((start, end), b) for b in blocked) or word in honorifics() or word.rstrip(".") in honorifics():
            if segment:
                yield segment
            segment = []
            continue
        segment.append((word, start, end))
    if segment:
        yield segment


def _strip(segment):
    """Drop leading sentence words/ordinals and trailing connectors."""
    while segment and (segment[0][0] in common_capitalised() or segment[0][0].lower() in CHAIN
                       or re.fullmatch(r"\d+(st|nd|rd|th)?", segment[0][0])):
        segment = segment[1:]
    while segment and segment[-1][0].lower() in CHAIN:
        segment = segment[:-1]
    return segment


def _org_from_segment(segment):
    """The organisation inside a word run, as (start_index, end_index), or None."""
    heads = [i for i, (word, _, _) in enumerate(segment) if word.rstrip(".,") in org_heads()]
    if not heads:
        return None
    last = heads[-1]
    end = last + 1
    # "Ministry of Defence", "Office of the Under Secretary of War for Research & Engineering"
    if end < len(segment) and segment[end][0].lower() in ("of", "for", "on"):
        end = len(segment)
    begin = 0
    # titles before the organisation are not part of it ("Director General DRDO ...")
    for i in range(last):
        if segment[i][0].lower() in role_words() and segment[i][0] not in org_heads():
            begin = i + 1
    while begin < last and (segment[begin][0].lower() in CHAIN or "-" in segment[begin][0] and segment[begin][0].split("-")[0] == "Indo"):
        begin += 1
    if begin == last and segment[last][0] in ("Office", "Department", "Ministry", "Unit", "Group", "Force") and end == last + 1:
        return None  # a bare "Office" or "Group" is not a name
    return begin, end


def _split_coordination(segment):
    """Split "Department of War and the Department of State" where both sides have a head word."""
    for i, (word, _, _) in enumerate(segment):
        if word in ("and", "&") and 0 < i < len(segment) - 1:
            left, right = segment[:i], segment[i + 1:]
            if any(w[0] in org_heads() for w in left) and any(w[0] in org_heads() for w in right):
                return [left] + _split_coordination(right)
    return [segment]


def find_organisations(text: str, people: list[tuple[int, int]]) -> list[OrgFound]:
    """Organisation mentions in text that do not overlap the given people."""
    found: list[tuple[int, int]] = []
    segments = (part for match in PHRASE.finditer(text) for segment in _segments(text, match, people)
                for part in _split_coordination(segment))
    for segment in segments:
        segment = _strip(segment)
        if not segment:
            continue
        span = _org_from_segment(segment)
        if span:
            begin, end = span
            found.append((segment[begin][1], segment[end - 1][2]))
            rest = segment[:begin]
        else:
            rest = segment
        for word, start, end in rest:
            if is_acronym(word.rstrip(".,")) and word.rstrip(",") not in not_acronyms():
                found.append((start, start + len(word.rstrip(",."))))
    for name in org_names():
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            found.append((m.start(), m.end()))
    for m in PUBLISHER.finditer(text):
        found.append((m.start("name"), m.end("name")))
    found = [f for f in found if not any(overlaps(f, p) for p in people)]
    return link_acronyms(text, _dedupe(found))


def _dedupe(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for r in sorted(set(ranges), key=lambda r: (-(r[1] - r[0]), r[0])):
        if not any(overlaps(r, k) for k in kept):
            kept.append(r)
    return sorted(kept)


def initials(name: str) -> str:
    """Initial letters of the capitalised words of a name ("Defence Research & Development Organisation" -> "DRDO")."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())


def link_acronyms(text: str, ranges: list[tuple[int, int]]) -> list[OrgFound]:
    """Canonical names: "Long Name (LN)" defines LN; otherwise initials of a full name in the text."""
    names = [text[s:e] for s, e in ranges]
    definitions: dict[str, str] = {}
    for (start, end), name in zip(ranges, names):
        after = re.match(r"\s*\((?P<acr>[A-Z][A-Za-z&.]{1,9})\)", text[end:end + 14])
        if after and not is_acronym(name):
            definitions[after["acr"]] = name
    for name in names:
        if is_acronym(name) and name not in definitions:
            for full in names:
                if not is_acronym(full) and initials(full).upper() == name.replace(".", "").replace("&", ""):
                    definitions[name] = full
                    break
    result = []
    for (start, end), name in zip(ranges, names):
        if name in definitions:
            result.append(OrgFound(start, end, definitions[name], name))
        else:
            acronym = next((a for a, full in definitions.items() if full == name), None)
            result.append(OrgFound(start, end, name, acronym))
    return result


class OrganisationFinder:
    """Adds organisation mentions to doc.spans[span_key] with canonical name and acronym."""

    def __init__(self, nlp: Language, name: str, span_key: str, people_key: str):
        self.name = name
        self.span_key = span_key
        self.people_key = people_key

    def __call__(self, doc: Doc) -> Doc:
        people = [(s.start_char, s.end_char) for s in doc.spans[self.people_key]] if self.people_key in doc.spans else []
        people.append((0, doc._.header_end))
        for org in find_organisations(doc_text(doc), people):
            span = add_span(doc, self.span_key, org.start, org.end, "ORG")
            if span is not None:
                span._.canonical = org.canonical
                span._.acronym = org.acronym
        return doc


@Language.factory(
    "extractor_organisations",
    assigns=["doc.spans"],
    default_config={"span_key": "organisations", "people_key": "people"},
)
def make_organisations(nlp: Language, name: str, span_key: str, people_key: str) -> OrganisationFinder:
    """Factory for the organisation finder."""
    return OrganisationFinder(nlp, name, span_key, people_key)
