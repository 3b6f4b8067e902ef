"""People's names: found after honorifics, titles, given names and speech verbs, then by surname.

Names are read from capitalised phrases (lexicon.PHRASE). A phrase gives a person when a
signal marks it: an honorific ("Dr", "Lt Gen"), a title ("Defence Minister"), a given name
from resources/first_names.txt, a speech verb ("said") or an apposition (", chief executive
of", ", 45,"). Once a full name is known, its later mentions and surname-only mentions
("Hegseth") are found anywhere in the text and linked to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from .lexicon import (
    PHRASE,
    ambiguous_honorifics,
    common_capitalised,
    first_names,
    honorifics,
    not_names,
    org_heads,
    org_names,
    place_heads,
    places,
    role_words,
)
from .spans import add_span, doc_text, overlaps

Word = tuple[str, int, int]

_LOWER = "a-z\u00df-\u00ff"
# "Kaushik", "O'Neill", "McDonald", "El-Sisi", "Myung-hee", initials "D", "AFM", "J."
NAME_WORD = re.compile(
    rf"(?:[A-Z][{_LOWER}]?['’])?[A-Z\u00c0-\u00de][{_LOWER}]+(?:[A-Z][{_LOWER}]+)?(?:-[A-Za-z][{_LOWER}]+)*"
    r"|[A-Z]{1,3}|[A-Z]\."
)
PARTICLES = frozenset("de da du del der van von bin binti ibn al el uz ul la le dos das di".split())
POSSESSIVE = re.compile(r"['’]s?$")
# "told X" and "asked X" name a listener, often a newspaper or broadcaster: not used here.
SAID_AFTER = re.compile(r"\b(?:said|says|added|stated|noted|explained|according\s+to)\s+$")
SAID_BEFORE = re.compile(r"^,?\s+(?:said|says|told|added|stated|noted|explained|asked|wrote)\b")
AGE = re.compile(r"^\s*,\s+\d{1,3}\s*,")
# Text allowed between an honorific and the name it belongs to: "Dr.Gaspar", "Lt General (R) Hamood".
RETIRED = r"\((?:R|Retd|retd|Rtd|rtd)\.?\)"
HONORIFIC_GAP = re.compile(rf"\.?[ \t]*(?:{RETIRED}[ \t]*)?")
PARENTHESISED = re.compile(RETIRED)


@dataclass(frozen=True)
class PersonFound:
    """A person mention: character range and the honorific written before it."""

    start: int
    end: int
    honorific: str | None = None


@lru_cache(maxsize=None)
def _apposition() -> re.Pattern:
    """", the chief executive of", ", Director, ...", ", who is also the Cabinet Secretary" after a name."""
    titles = "|".join(sorted((re.escape(w) for w in role_words()), key=len, reverse=True))
    return re.compile(
        rf"^\s*,\s+(?:who\s+is\s+(?:also\s+)?)?(?:(?:the|a|an|its|his|her|their)\s+)?"
        rf"(?:(?!(?:and|or|but|while|whereas|which|who|with)\b)[\w'’.&-]+\s+){{0,3}}?(?:{titles})s?\b",
        re.I,
    )


@lru_cache(maxsize=None)
def _known_organisations() -> re.Pattern:
    """Well-known organisation names, one alternation: a person never overlaps one."""
    names = sorted(org_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def is_honorific(word: str) -> bool:
    """Whether a word, with or without its full stop, is an honorific or rank."""
    return word in honorifics() or word.rstrip(".") in honorifics()


def _is_title(word: str) -> bool:
    return word.lower() in role_words()


def _is_name_word(word: str) -> bool:
    return (bool(NAME_WORD.fullmatch(word)) and word not in org_heads() and word not in not_names()
            and word not in common_capitalised() and not _is_title(word) and not is_honorific(word))


def _is_plain_word(word: str) -> bool:
    """A capitalised word that is neither a title, an honorific, a place nor a sentence word."""
    return _is_name_word(word) and word not in places()


def _has_lower(word: str) -> bool:
    return any(c.islower() for c in word)


def honorific_run(words: list[Word], i: int) -> int:
    """Index after the run of honorifics starting at words[i] ("Tan Sri", "Lt Gen", "Professor Dr")."""
    j = i
    while j < len(words):
        if j + 1 < len(words) and f"{words[j][0]} {words[j + 1][0]}" in honorifics():
            j += 2
        elif is_honorific(words[j][0]):
            j += 1
        else:
            break
    return j


def name_at(words: list[Word], i: int, limit: int = 5) -> list[Word]:
    """The name starting at words[i]: name words and inner particles, no trailing initials; [] if none."""
    run: list[Word] = []
    for word in words[i:i + limit]:
        if _is_name_word(word[0]) or (run and word[0] in PARTICLES):
            run.append(word)
        else:
            break
    while run and (run[-1][0] in PARTICLES or not _has_lower(run[-1][0])):
        run.pop()
    end = i + len(run)
    if not run or end < len(words) and (words[end][0] in org_heads() or words[end][0] in place_heads()):
        return []  # "Victoria University", "Madison Avenue": an organisation or a place, not a person
    first_two = " ".join(w[0] for w in run[:2])
    if run[0][0] in places() or first_two in places():
        return []
    return run


def _after_title_chain(words: list[Word], text: str) -> list[Word]:
    """The name closing "Minister for Investment of the United Arab Emirates Mohamed Hassan Alsuwaidi"."""
    tail: list[Word] = []
    for word in reversed(words):
        if not _is_name_word(word[0]):
            break
        tail.insert(0, word)
    given = next((k for k, w in enumerate(tail) if w[0] in first_names()), None)
    if given is not None and len(tail) - given >= 2:
        return tail[given:]
    if len(tail) == 2 and len(words) > 2 and words[-3][0] in not_names() and not text[tail[-1][2]:].startswith(","):
        return tail  # "Minister of Foreign Affairs Ararat Mirzoyan signed", not "... for Critical Technologies, Office"
    return tail[-2:] if len(tail) >= 3 else []


def _phrase_words(match: re.Match) -> list[list[Word]]:
    """Words of a capitalised phrase, cut after a possessive ("Modi’s", "Airbus'")."""
    parts: list[list[Word]] = [[]]
    for m in re.finditer(r"\S+", match.group()):
        word, start = m.group(), match.start() + m.start()
        possessive = POSSESSIVE.search(word) if len(word) > 2 else None
        if possessive:
            word = word[:possessive.start()]
        parts[-1].append((word, start, start + len(word)))
        if possessive:
            parts.append([])
    return [p for p in parts if p]


def _people_in_words(words: list[Word], text: str) -> list[PersonFound]:
    """People marked inside one phrase by an honorific, a title or a given name."""
    found: list[PersonFound] = []
    i = 0
    while i < len(words):
        word = words[i][0]
        run_end = honorific_run(words, i)
        if run_end > i:
            name = name_at(words, run_end)
            ambiguous = all(w[0] in ambiguous_honorifics() for w in words[i:run_end])
            if name and f"{words[run_end - 1][0]} {name[0][0]}" in places():
                name = []  # "Sri Lanka"
            if name and (not ambiguous or name[0][0] in first_names() or len(name) > 2):
                found.append(PersonFound(name[0][1], name[-1][2], text[words[i][1]:words[run_end - 1][2]]))
                i = run_end + len(name)
            else:
                i = run_end
            continue
        if _is_title(word):
            j = i + 1
            while j < len(words) and _is_title(words[j][0]):
                j += 1
            rest = words[j:]
            if any(is_honorific(w[0]) for w in rest):
                i = j  # "Secretary and Shri Indu Shekhar Chaturvedi": the honorific marks the name
                continue
            if rest and rest[0][0].lower() in ("of", "for", "and", "&", "the", "to", "on"):
                name = _after_title_chain(rest, text)
            else:
                name = name_at(words, j) if j < len(words) and not is_honorific(words[j][0]) else []
                if len(name) == 1 and (j + 1 < len(words) or name[0][0] in first_names() or len(name[0][0]) < 3):
                    name = []  # a lone word after a title is a surname only when the phrase ends there
            if name:
                found.append(PersonFound(name[0][1], name[-1][2]))
                i = words.index(name[-1]) + 1
                continue
            i = j
            continue
        if word in first_names() and (i == 0 or not _is_plain_word(words[i - 1][0])):
            name = name_at(words, i)
            if len(name) >= 2:
                found.append(PersonFound(name[0][1], name[-1][2]))
                i += len(name)
                continue
        i += 1
    return found


def _signalled_name(words: list[Word], text: str) -> list[PersonFound]:
    """Two-to-four-word names closing the phrase before "said" or an apposition, or opening it after "said"."""
    found = []
    tail: list[Word] = []
    for word in reversed(words):
        if not _is_name_word(word[0]) and not (tail and word[0] in PARTICLES):
            break
        tail.insert(0, word)
    end = words[-1][2]
    after = text[end:end + 120]
    if 2 <= len(tail) <= 4 and (SAID_BEFORE.search(after) or AGE.search(after) or _apposition().search(after)):
        name = name_at(tail, 0)
        if len(name) == len(tail):
            found.append(PersonFound(tail[0][1], tail[-1][2]))
    start = words[0][1]
    if SAID_AFTER.search(text[max(0, start - 16):start]):
        name = name_at(words, 0, limit=4)
        if len(name) >= 2:
            found.append(PersonFound(name[0][1], name[-1][2]))
    return found


def _phrases(text: str):
    """Capitalised phrases as word lists; honorifics ending one phrase carry into the next
    when only "." or "(R)" separates them ("Dr.Gaspar Maroth", "Lt General (R) Hamood Khan")."""
    carried: list[Word] = []
    for match in PHRASE.finditer(text):
        if PARENTHESISED.fullmatch(text[match.start() - 1:match.end() + 1]):
            continue  # "(R)" between a rank and the name keeps the rank
        parts = _phrase_words(match)
        if carried and HONORIFIC_GAP.fullmatch(text[carried[-1][2]:match.start()]):
            parts[0] = carried + parts[0]
        yield from parts
        last = parts[-1]
        carried = last[honorific_tail(last):]


def honorific_tail(words: list[Word]) -> int:
    """Index where a run of honorifics closing the word list starts (len(words) if none)."""
    k = len(words)
    while k > 0 and is_honorific(words[k - 1][0]):
        k -= 1
    return k


def find_people(text: str) -> list[PersonFound]:
    """Person mentions marked by honorifics, titles, given names or speech verbs, then their repeats."""
    found: list[PersonFound] = []
    for words in _phrases(text):
        found += _people_in_words(words, text) + _signalled_name(words, text)
    blocked = [(m.start(), m.end()) for m in _known_organisations().finditer(text)]
    found = [p for p in _dedupe(found) if not any(overlaps((p.start, p.end), b) for b in blocked)]
    return _dedupe(found + repeated_mentions(text, found))


def repeated_mentions(text: str, people: list[PersonFound]) -> list[PersonFound]:
    """Later mentions of known full names, and surnames standing alone ("Hegseth", "Mr. Rotich")."""
    names = {text[p.start:p.end] for p in people}
    surnames = {n.split()[-1] for n in names if len(n.split()) > 1}
    surnames = {s for s in surnames if len(s) >= 3 and _has_lower(s)}
    targets = sorted(names | surnames, key=len, reverse=True)
    if not targets:
        return []
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, targets)) + r")(?![\w-])")
    extra = []
    for m in pattern.finditer(text):
        if m.group() in surnames and m.group() not in names and (
                _inside_longer_name(text, m.start(), m.end())
                or m.group() in first_names() and not _after_title(text, m.start())):
            continue  # a surname that is also a given name ("Mills") counts only after "President", "Mr"
        extra.append(PersonFound(m.start(), m.end()))
    return [e for e in extra if not any(overlaps((e.start, e.end), (p.start, p.end)) for p in people)]


def _word_before(text: str, start: int) -> str | None:
    before = re.search(r"([A-Z][\w'’.-]*)[ \t]+$", text[max(0, start - 40):start])
    return before.group(1) if before else None


def _after_title(text: str, start: int) -> bool:
    word = _word_before(text, start)
    return word is not None and (is_honorific(word) or _is_title(word))


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Whether a surname is part of another capitalised name ("Singh" in "Anurag Singh Thakur")."""
    before = _word_before(text, start)
    if before and not (_after_title(text, start) or before in common_capitalised()):
        return True
    after = re.match(r"[ \t]+([A-Z][\w'’-]*)", text[end:end + 40])
    return bool(after and _is_name_word(after.group(1)))


def _dedupe(found: list[PersonFound]) -> list[PersonFound]:
    kept: list[PersonFound] = []
    for person in sorted(found, key=lambda p: (p.start, -(p.end - p.start), p.honorific is None)):
        if not any(overlaps((person.start, person.end), (k.start, k.end)) for k in kept):
            kept.append(person)
    return kept


def canonical_names(text: str, people: list[PersonFound]) -> list[str]:
    """For each mention, the full name it refers to: the nearest earlier (else any) longer name
    that ends or starts with it ("Hegseth" -> "Pete Hegseth"), compared without case."""
    names = [text[p.start:p.end] for p in people]
    result = []
    for index, name in enumerate(names):
        words = name.casefold().split()
        longer = [(k, full) for k, full in enumerate(names)
                  if len(full.split()) > len(words) and (full.casefold().split()[-len(words):] == words
                                                        or full.casefold().split()[:len(words)] == words)]
        same = next((full for full in names if full.casefold() == name.casefold()), name)
        if longer:
            earlier = [full for k, full in longer if k < index]
            same = earlier[-1] if earlier else longer[0][1]
        result.append(same)
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
                span._.honorific = person.honorific
                span._.canonical = canonical
        return doc


@Language.factory("extractor_people", assigns=["doc.spans"], default_config={"span_key": "people"})
def make_people(nlp: Language, name: str, span_key: str) -> PersonFinder:
    """Factory for the person finder."""
    return PersonFinder(nlp, name, span_key)
