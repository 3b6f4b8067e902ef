"""Word-level tests for people's names, shared by the person and role finders.

A name word is capitalised ("Kaushik", "O'Neill", "El-Sisi") or an initial ("D", "AFM", "J.");
honorifics ("Dr", "Tan Sri", "Lt Gen") come before a name and are not part of it.
"""
from __future__ import annotations

import re

from ..common.lexicon import (
    CELTIC_SURNAME,
    common_capitalised,
    first_names,
    given_then_surname,
    honorific_given_names,
    honorifics,
    hyphen_tail,
    is_honorific,
    last_names,
    name_abbreviations,
    name_particles,
    name_prefixes,
    not_names,
    patronymic,
    org_heads,
    org_industries,
    patronymic_particles,
    place_heads,
    places,
    role_words,
    surname_first,
    surname_first_plain,
    surnames_before_hyphenated_given,
    title_surnames,
    word_set,
)
from ..common.regex import LOWER, UPPER
from ..common.rules import from_rules

Word = tuple[str, int, int]

# "Kaushik", "O'Neill", "McDonald", "El-Sisi", "Myung-hee", "Łukasz", "Lương", initials "D", "AFM", "J.", "A.K."
# (not "OneSource")
NAME_WORD = re.compile(
    # an apostrophe inside or closing a Luo or Kikuyu name ("Ong'ondo", "Ochieng'"); after an "s" it is a possessive
    rf"(?:[A-Z][{LOWER}]?['’]|(?:Mc|Mac|De|Di|Da|La|Le)(?=[A-Z]))?[{UPPER}][{LOWER}]+(?:['’](?!s(?![{LOWER}]))[{LOWER}]+)*(?:-[{UPPER}{LOWER}][{LOWER}]+)*"
    rf"(?:(?<![sS])['’])?"
    r"|[A-Z]{1,3}|(?:[A-Z]\.){1,3}"
)
PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to)[ \t]+$")
DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# "(R)" or "(Retd)" after a rank: "Major General (R) Asif Malik".
RETIRED = r"\((?:R|Retd|retd|Rtd|rtd)\.?\)"


# The word tests below run for every word of every capitalised phrase; words repeat a lot, so
# each answer is cached (bounded: a long feed must not grow memory without limit).
@from_rules(maxsize=65536)
def is_title(word: str) -> bool:
    """Whether a word is a title or office word ("Minister", "Chairman", "CEO")."""
    return word.lower() in role_words()


@from_rules(maxsize=65536)
def is_name_word(word: str) -> bool:
    """Whether a word can be part of a person's name."""
    if word[:1].islower():  # "al-Maktoum": a small-letter prefix before the capitalised word
        prefix = next((p for p in name_prefixes() if word.startswith(p)), None)
        return prefix is not None and len(word) > len(prefix) + 1 and is_name_word(word[len(prefix):])
    if word in name_abbreviations():
        return True
    if "-" in word and hyphen_tail().search(word):
        return False  # "Nairobi-based"
    return (bool(NAME_WORD.fullmatch(word)) and word not in org_heads() and word not in org_industries()
            and word not in not_names() and word not in common_capitalised() and not is_title(word) and not is_honorific(word))


@from_rules(maxsize=65536)
def is_place_surname(word: str) -> bool:
    """Whether a word is a known surname that is also a place's name ("Lima", "Paris", "Santos"):
    after a given name it is the surname ("Ana Lima"), which is_name_word alone would refuse."""
    # last_names() leaves places out, so the list is read as written; a given name is a surname too ("Helen Jordan")
    return (word in places() and (word in word_set("last_names.txt") or word in word_set("first_names.txt")) and bool(NAME_WORD.fullmatch(word))
            and word not in org_heads()
            and word not in place_heads() and word not in word_set("not_names.txt") and not is_title(word)
            and not is_honorific(word))


@from_rules(maxsize=65536)
def is_plain_word(word: str) -> bool:
    """A capitalised word that is neither a title, an honorific, a place nor a sentence word."""
    return is_name_word(word) and word not in places()


@from_rules(maxsize=65536)
def marks_person(word: str) -> bool:
    """Whether a word can mark a name inside a phrase: an honorific (or the first word of one), a
    title, a "son of" particle, a given name, a known surname or dotted initials (what honorific_run,
    is_title and full_name look for)."""
    return (is_honorific(word) or word in _multiword_honorific_starts() or is_title(word)
            or word in patronymic_particles() or bool(patronymic().fullmatch(word)) or word in first_names() or word in last_names() or word in surname_first()
            or bool(DOTTED_INITIALS.fullmatch(word)) or bool(HYPHENATED_GIVEN.fullmatch(word))
            or bool(CELTIC_SURNAME.match(word)))


def has_lower(word: str) -> bool:
    """Whether a word has a lower-case letter (a name, not an initial or acronym)."""
    return not word.isupper()


@from_rules
def _multiword_honorific_starts() -> frozenset[str]:
    return frozenset(h.split()[0] for h in honorifics() if " " in h)


@from_rules(maxsize=65536)
def may_open_honorific(word: str) -> bool:
    """Whether a run of honorifics can start at this word (honorific_run's first test)."""
    return is_honorific(word) or word in _multiword_honorific_starts()


def honorific_run(words: list[Word], i: int) -> int:
    """Index after the run of honorifics starting at words[i] ("Tan Sri", "Lt Gen", "Professor Dr")."""
    j = i
    while j < len(words):
        if (words[j][0] in _multiword_honorific_starts() and j + 1 < len(words)
                and f"{words[j][0]} {words[j + 1][0]}" in honorifics()):
            j += 2
        elif is_honorific(words[j][0]):
            j += 1
        else:
            break
    return j


# A given name written as two syllables joined by a hyphen: "Ji-hoon", "Seo-yeon", "Ying-jeou"
# (not "Kong-based", "Seoul-led").
HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,4}-(?![a-z]*ed$|run$|born$|made$|era$|wide$)[a-z]{2,5}")


def surname_before_given(words: list[Word], k: int) -> bool:
    """Whether words[k] is a surname written first before a hyphenated given name ("Park Ji-hoon"),
    also one that is otherwise a place's or a sentence's word ("Park", "Song")."""
    return (k + 1 < len(words) and words[k][0] in surnames_before_hyphenated_given()
            and HYPHENATED_GIVEN.fullmatch(words[k + 1][0]) is not None)


def given_before_surname(words: list[Word], k: int) -> bool:
    """Whether words[k] is a hyphenated given name before a surname that is written first at home,
    in the order papers abroad write ("Ji-hoon Park")."""
    return (k + 1 < len(words) and HYPHENATED_GIVEN.fullmatch(words[k][0]) is not None
            and words[k + 1][0] in surnames_before_hyphenated_given())


def surname_written_first(name: str) -> str | None:
    """The surname of a name that writes it first ("Park" of "Park Ji-hoon", "Wang" of "Wang Yi"), else None."""
    words = name.split()
    if len(words) < 2 or words[0] not in surnames_before_hyphenated_given():
        return None
    if words[0] in surname_first() or HYPHENATED_GIVEN.fullmatch(words[1]):
        return words[0]
    return None


def _given_name_like_honorific(words: list[Word], k: int) -> bool:
    """Whether words[k] is an honorific that is also a given name, before a name word ("Kumari" of
    "Sunila Kumari Perera"), and no place's first word ("Sri Lanka")."""
    word = words[k][0]
    return word in honorific_given_names() and k + 1 < len(words) and is_name_word(words[k + 1][0]) \
        and f"{word} {words[k + 1][0]}" not in places()


def name_at(words: list[Word], i: int, limit: int = 5) -> list[Word]:
    """The name starting at words[i]: name words and inner particles, no trailing initials; [] if none."""
    run: list[Word] = []
    particles = name_particles()
    limit += sum(1 for w in words[i:i + limit] if w[0] in particles)  # "da", "van der" are not counted
    for k, word in enumerate(words[i:i + limit], i):
        if is_name_word(word[0]) or run and (word[0] in particles or _given_name_like_honorific(words, k) or run[-1][0] in first_names() and is_place_surname(
                word[0]) or run[-1][0] in patronymic_particles() and word[0][:1].isupper()
                or len(run) == 1 and given_before_surname(words, k - 1)) or not run and (
                surname_before_given(words, k) or place_named_given(words[k:k + 2])):
            run.append(word)
        else:
            # "Carole King": a title after a given name is the surname, and the name ends there;
            # before a name it is that name's title ("Tory Lord Campbell")
            if run and run[-1][0] in first_names() and word[0] in title_surnames() and not (
                    k + 1 < len(words) and is_name_word(words[k + 1][0])):
                run.append(word)
            break
    while run and (run[-1][0] in particles or run[-1][0].isupper()):  # no lower-case letter (has_lower)
        run.pop()
    if not run:
        return []
    end = i + len(run)
    if end < len(words) and (words[end][0] in org_heads() or words[end][0] in org_industries()
                             or words[end][0] in place_heads() or words[end][0] == "&"):
        return []  # "Victoria University", "Madison Avenue", "Van Houten & Co": an organisation or a place, not a person
    first = run[0][0]
    if (first in places() or len(run) > 1 and f"{first} {run[1][0]}" in places()) and not place_named_given(run):
        return []
    return run


def place_named_given(name: list[Word]) -> bool:
    """Whether a name opens with a given name that is also a place's ("Jordan O'Neill"): a known
    surname follows it."""
    return len(name) > 1 and given_then_surname(name[0][0], name[1][0])


def full_name(name: list[Word], text: str) -> list[Word]:
    """The person's name in a run of name words, or []: from a given name on ("Helen Carver",
    "Winger Pieter Malan"), from dotted initials ("J. Russell"), or a plain word before a known
    surname ("Pradeep Sharma"), unless the run follows "in"/"at" like a place does."""
    return marked_full_name(name, text)[0]


def marked_full_name(name: list[Word], text: str) -> tuple[list[Word], str | None]:
    """full_name() and the id of what marked it ("people:given_name", "people:initials",
    "people:known_surname"); ([], None) for no name."""
    if len(name) < 2:
        return [], None
    given_names = first_names()
    for given in range(len(name) - 1):
        if name[given][0] in given_names:
            if given and surname_written_first(" ".join(w[0] for w in name)):
                break  # "Trần Minh Khoa": the given name after the surname written first
            if given == 1 and len(name) >= 3 and name[0][0] in surname_first_plain() and is_plain_word(name[0][0]):
                # "Le Thi Minh Chau": a surname written first in plain letters ("Lê"), before given names
                return name, "people:surname_first"
            if given and name[given - 1][0] in patronymic_particles():
                continue  # "Turki bin Sultan al-Dosari": a parent's name, inside the person's
            if given and name[given - 1][0] in name_abbreviations():
                given -= 1  # "Ma. Teresa Dumlao": a given name written short before the other
            return name[given:], "people:given_name"
    if DOTTED_INITIALS.fullmatch(name[0][0]):
        return name, "people:initials"
    if len(name) >= 3 and name[1][0] in patronymic_particles() and name[0][0][:1].isupper() and name[2][0][:1].isupper():
        return name, "people:patronymic"  # "Nawaf bin Turki al-Dosari": "son of" between two names says it is a person's
    if len(name) == 3 and patronymic().fullmatch(name[1][0]) and all(has_lower(w[0]) and is_plain_word(w[0]) for w in name):
        return name, "people:patronymic"  # "Anvar Rustamovich Tursunov": a patronymic by its ending
    if place_named_given(name) or len(name) == 2 and given_before_surname(name, 0):
        return name, "people:given_name"  # "Jordan O'Neill", "Ji-hoon Park"
    if len(name) <= 4 and (name[0][0] in surname_first() and is_plain_word(name[0][0]) or surname_before_given(name, 0)) and all(
            has_lower(w[0]) and is_plain_word(w[0]) for w in name[1:]) and not any(
            written_in_lower_case(text, w[0]) for w in name[1:]):
        return name, "people:surname_first"
    if (len(name) <= 3 and name[-1][0] in last_names() and all(has_lower(w[0]) and is_plain_word(w[0]) for w in name)
            and not any(f"{a[0]} {b[0]}" in places() for a, b in zip(name, name[1:]))
            and not PLACE_BEFORE.search(text[max(0, name[0][1] - 8):name[0][1]])
            # "Music Hall" beside "music": an ordinary word (short ones are often function words: "Will Smith")
            and not any(written_in_lower_case(text, w[0]) for w in name if len(w[0]) >= 5 or w is name[-1])):
        return name, "people:known_surname"
    return [], None


def written_in_lower_case(text: str, word: str) -> bool:
    """Whether the text also writes the word in lower case, as an ordinary word ("music" beside
    "Music Hall"): then it is no name word of an unmarked name."""
    lower = word.lower()
    at = text.find(lower)
    while at >= 0:
        end = at + len(lower)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(lower, at + 1)
    return False
