"""People's names: found after honorifics and titles, before/after "said", then by surname."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from .lexicon import PHRASE, common_capitalised, honorifics, org_heads, role_words
from .spans import add_span, doc_text, overlaps

NAME_WORD = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*|[A-Z]{1,3}|[A-Z]\.")
SAID_AFTER = re.compile(r"\b(?:said|says|told|added|stated|noted|explained)\s+$")
SAID_BEFORE = re.compile(r"^,?\s+(?:said|says|told|added|stated|noted|explained)\b")


@dataclass(frozen=True)
class PersonFound:
    """A person mention: character range and the honorific written before it."""

    start: int
    end: int
    honorific: str | None = None


def _is_honorific(word: str) -> bool:
    return word in honorifics() or word.rstrip(".") in honorifics()


def _is_ambiguous_rank(word: str) -> bool:
    """Ranks that are also ordinary words ("Major", "General") count only at the start of a name."""
    return len(word) > 4 and word.isalpha()


def _is_name_word(word: str) -> bool:
    return bool(NAME_WORD.fullmatch(word)) and word not in org_heads() and word.lower() not in role_words()


def _name_prefix(words: list[tuple[str, int, int]], limit: int = 4) -> list[tuple[str, int, int]]:
    """The leading run of words that can belong to a name."""
    run = []
    for word in words[:limit]:
        if not _is_name_word(word[0]) or word[0] in common_capitalised():
            break
        run.append(word)
    # a lone initial or trailing initial is not a name
    while run and len(run[-1][0].rstrip(".")) == 1:
        run.pop()
    return run


def _phrase_words(text: str, match: re.Match) -> list[tuple[str, int, int]]:
    return [(m.group(), match.start() + m.start(), match.start() + m.end())
            for m in re.finditer(r"\S+", match.group())]


def find_people(text: str) -> list[PersonFound]:
    """Person mentions marked by honorifics, titles or speech verbs, then surnames."""
    found: list[PersonFound] = []
    for match in PHRASE.finditer(text):
        words = _phrase_words(text, match)
        i = 0
        while i < len(words):
            word = words[i][0]
            if _is_honorific(word) and (i == 0 or not _is_ambiguous_rank(word) or _is_honorific(words[i - 1][0])):
                j = i
                while j < len(words) and _is_honorific(words[j][0]):
                    j += 1
                name = _name_prefix(words[j:])
                if name:
                    honorific = text[words[i][1]:words[j - 1][2]]
                    found.append(PersonFound(name[0][1], name[-1][2], honorific))
                    i = j + len(name)
                    continue
                i = j
                continue
            if word.lower() in role_words() and i + 1 < len(words) and not any(_is_honorific(w[0]) for w in words[i + 1:]):
                rest = words[i + 1:]
                if rest and rest[0][0] in ("of", "for", "and", "&", "the"):
                    rest = _after_role_chain(rest)
                name = _name_prefix(rest, limit=3)
                if len(name) >= 2:
                    found.append(PersonFound(name[0][1], name[-1][2]))
                    i = words.index(name[-1]) + 1
                    continue
            i += 1
        if len(words) in (2, 3) and all(_is_name_word(w[0]) for w in words) and words[0][0] not in common_capitalised():
            before, after = text[max(0, match.start() - 12):match.start()], text[match.end():match.end() + 12]
            if SAID_AFTER.search(before) or SAID_BEFORE.search(after) or re.match(r",\s+(?:the\s+)?[a-zA-Z-]*\s*(?:" + "|".join(map(re.escape, role_words())) + r")\b", text[match.end():match.end() + 40], re.I):
                found.append(PersonFound(match.start(), match.end()))
    found = _dedupe(found)
    return _dedupe(found + _surname_mentions(text, found))


def _after_role_chain(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Skip an "of X for Y" tail of a title: the name is the last two words of the phrase."""
    tail = []
    for word in reversed(words):
        if not _is_name_word(word[0]):
            break
        tail.insert(0, word)
    return tail[-2:] if len(tail) >= 3 else []


def _surname_mentions(text: str, people: list[PersonFound]) -> list[PersonFound]:
    surnames = {text[p.start:p.end].split()[-1] for p in people if len(text[p.start:p.end].split()) > 1}
    extra = []
    for surname in surnames:
        if len(surname) < 3:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            extra.append(PersonFound(m.start(), m.end()))
    return [e for e in extra if not any(overlaps((e.start, e.end), (p.start, p.end)) for p in people)]


def _dedupe(found: list[PersonFound]) -> list[PersonFound]:
    kept: list[PersonFound] = []
    for person in sorted(found, key=lambda p: (p.start, -(p.end - p.start))):
        if not any(overlaps((person.start, person.end), (k.start, k.end)) for k in kept):
            kept.append(person)
    return kept


def canonical_names(text: str, people: list[PersonFound]) -> list[str]:
    """For each mention, the full name it refers to (a surname maps to the full name)."""
    full = [text[p.start:p.end] for p in people]
    result = []
    for name in full:
        longer = [f for f in full if len(f.split()) > 1 and f.split()[-1] == name and f != name]
        result.append(longer[0] if len(name.split()) == 1 and longer else name)
    return result


class PersonFinder:
    """Adds person mentions to doc.spans[span_key] with honorific and canonical name."""

    def __init__(self, nlp: Language, name: str, span_key: str):
        self.name = name
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        people = [p for p in find_people(text) if p.start >= doc._.header_end]
        for person, canonical in zip(people, canonical_names(text, people)):
            span = add_span(doc, self.span_key, person.start, person.end, "PERSON")
            if span is not None:
                span._.honorific = person.honorific.rstrip(".") if person.honorific else None
                span._.canonical = canonical
        return doc


@Language.factory("extractor_people", assigns=["doc.spans"], default_config={"span_key": "people"})
def make_people(nlp: Language, name: str, span_key: str) -> PersonFinder:
    """Factory for the person finder."""
    return PersonFinder(nlp, name, span_key)
