"""People's titles and offices as written, with the organisation they belong to."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from .lexicon import common_capitalised, honorifics, role_words
from .spans import add_span, doc_text

_UNIT = r"(?:[A-Z][\w'’.-]*|\([^()\n]{1,80}\))"
_JOIN = r"(?:\s+(?:(?:of|for|and|&|the|to|in|on)\s+)*)"
# A run of capitalised words and parentheticals that ends right before a name.
ROLE_BEFORE = re.compile(rf"(?P<role>{_UNIT}(?:{_JOIN}{_UNIT})*)\s*$")
# ", Executive Director of IAR" / ", Director, Institute of ..." after a name.
ROLE_AFTER = re.compile(rf"^,\s+(?:the\s+)?(?P<role>{_UNIT}(?:{_JOIN}{_UNIT})*)")


@dataclass(frozen=True)
class RoleFound:
    """A role: its range in the text, the person and organisation it belongs to."""

    start: int
    end: int
    person: str
    organisation: str | None


def _has_role_word(phrase: str) -> bool:
    return any(w.lower().strip("(),") in role_words() for w in phrase.split())


def _trim_role(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim leading sentence words and trailing honorifics; None when no role word is left."""
    words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    while words and (words[-1][2] in honorifics() or words[-1][2].rstrip(".") in honorifics()):
        words.pop()
    while words and words[0][2] in common_capitalised():
        words.pop(0)
    if not words:
        return None
    phrase = text[words[0][0]:words[-1][1]]
    return (words[0][0], words[-1][1]) if _has_role_word(phrase) else None


def find_roles(text: str, people: list[tuple[int, int, str]], orgs: list[tuple[int, int, str]]) -> list[RoleFound]:
    """Roles written before ("Defence Minister X") or after ("X, Director of Y") a person's name."""
    found: list[RoleFound] = []
    org_by_end = {end: (start, name) for start, end, name in orgs}
    org_by_start = {start: (end, name) for start, end, name in orgs}
    ends = sorted(end for _, end, _ in people)
    for p_start, p_end, person in people:
        previous_end = max((e for e in ends if e <= p_start), default=0)
        left = text[max(previous_end, p_start - 250):p_start]
        offset = p_start - len(left)
        # skip honorifics before the name
        while True:
            m = re.search(r"(\S+)\s+$", left)
            if m and (m.group(1) in honorifics() or m.group(1).rstrip(".") in honorifics()):
                left = left[:m.start()]
                continue
            break
        organisation = None
        stripped = left.rstrip()
        org = org_by_end.get(offset + len(stripped))
        if org is not None:
            organisation = org[1]
            left = stripped[: org[0] - offset]
            left = re.sub(r",\s*$", " ", left)
        match = ROLE_BEFORE.search(left)
        if match:
            span = _trim_role(text, offset + match.start("role"), offset + match.end("role"))
            if span:
                found.append(RoleFound(span[0], span[1], person, organisation))
                continue
        after = ROLE_AFTER.match(text[p_end:p_end + 200])
        if after:
            for part in re.split(r"\s+&\s+(?=[A-Z])", after.group("role")):
                part_start = p_end + after.start("role") + after.group("role").find(part)
                role_end, organisation = _split_org(text, part_start, part_start + len(part), org_by_start)
                span = _trim_role(text, part_start, role_end)
                if span:
                    found.append(RoleFound(span[0], span[1], person, organisation))
    return found


def _split_org(text: str, start: int, end: int, org_by_start) -> tuple[int, str | None]:
    """Split "Director of IAR" into the role's end and the organisation named after it."""
    for m in re.finditer(r"\s+(?:of|at|for|,)\s+|,\s+", text[start:end + 2]):
        org = org_by_start.get(start + m.end())
        if org is not None:
            return start + m.start(), org[1]
    return end, None


class RoleFinder:
    """Adds role spans to doc.spans[span_key], each with _.person and _.organisation."""

    def __init__(self, nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str):
        self.name = name
        self.span_key = span_key
        self.people_key = people_key
        self.orgs_key = orgs_key

    def __call__(self, doc: Doc) -> Doc:
        people = [(s.start_char, s.end_char, s._.canonical or s.text)
                  for s in doc.spans[self.people_key]] if self.people_key in doc.spans else []
        orgs = [(s.start_char, s.end_char, s.text)
                for s in doc.spans[self.orgs_key]] if self.orgs_key in doc.spans else []
        for role in find_roles(doc_text(doc), people, orgs):
            span = add_span(doc, self.span_key, role.start, role.end, "ROLE")
            if span is not None:
                span._.person = role.person
                span._.organisation = role.organisation
        return doc


@Language.factory(
    "extractor_roles",
    assigns=["doc.spans"],
    default_config={"span_key": "roles", "people_key": "people", "orgs_key": "organisations"},
)
def make_roles(nlp: Language, name: str, span_key: str, people_key: str, orgs_key: str) -> RoleFinder:
    """Factory for the role finder."""
    return RoleFinder(nlp, name, span_key, people_key, orgs_key)
