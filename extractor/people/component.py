"""People's names: found after honorifics, titles, given names and speech verbs, then by surname.

Names are read from capitalised phrases (name_phrase()). A phrase gives a person when a signal
marks it: an honorific ("Dr", "Lt Gen"), a title ("Defence Minister"), a given name
(common/data/first_names.txt) or a known surname after a plain word (last_names.txt), dotted
initials ("J. Russell"), a speech verb ("said"), an apposition (", chief executive of",
", 45,"), a lower-case noun for a person ("striker") or a country in brackets. Names listed
beside a known person are people too. Once a full name is known, its later mentions and
surname-only mentions ("Hendricks") are found anywhere in the text and linked to it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import chain
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from ..common.doc_data import doc_value
from ..common.lexicon import (
    CAPITAL,
    JOINING_PARTICLES,
    WORD_TAIL,
    after_portfolio_title,
    ambiguous_honorifics,
    calendar_names,
    common_capitalised,
    first_names,
    given_name_before_surname,
    joiner_pattern,
    last_names,
    lower_title_heads,
    name_abbreviations,
    name_particles,
    name_prefix_pattern,
    not_names,
    org_heads,
    org_industries,
    org_names,
    org_opening_heads,
    patronymic,
    patronymic_particles,
    surname_openers,
    person_clause_verbs,
    person_nouns,
    place_heads,
    place_openers,
    places,
    role_words,
    speech_verbs,
    surname_first_plain,
    title_surnames,
    trie,
)
from .names import (
    DOTTED_INITIALS,
    NAME_WORD,
    RETIRED,
    Word,
    full_name,
    has_lower,
    honorific_run,
    is_honorific,
    is_name_word,
    is_place_surname,
    is_plain_word,
    is_title,
    marked_full_name,
    marks_person,
    may_open_honorific,
    name_at,
    place_named_given,
    surname_before_given,
    surname_written_first,
)
from ..common.component import RuleComponent
from ..common.lexicon import LEXICON_FILES
from ..common.doc_data import add_span, doc_text, overlaps
from ..common.regex import alternation, compile_latin, trie as regex_trie
from ..common.rules import from_rules

POSSESSIVE_ENDINGS = ("'", "’", "'s", "’s")
AGE = compile_latin(r"^\s*,\s+\d{1,3}\s*,")
# "Ato Boldon ( Trinidad )", "Falilat Ogunkoya (Nigeria)": a name with the country it represents.
COUNTRY_AFTER = compile_latin(r"^[ \t]*\([ \t]*(?P<place>[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)[ \t]*\)")
NOUN_BEFORE = compile_latin(r"\b([a-z][a-z-]+)[ \t]+$")
_NAME_RUN = rf"(?:{NAME_WORD.pattern})(?:[ \t]+(?:{NAME_WORD.pattern})){{0,2}}"
_SEPARATOR = r"[ \t]*(?:,|;|\band\b)[ \t]*(?:and[ \t]+)?"
_ITEM_END = r"(?=[ \t]*(?:[,;(]|\band\b|[.:\n]|$))"
# The next and the previous item of a list of names: "Given , Breen , Staunton and Irwin".
NEXT_ITEM = compile_latin(rf"{_SEPARATOR}(?P<name>{_NAME_RUN}){_ITEM_END}")
PREVIOUS_ITEM = compile_latin(rf"(?:^|[,;:\n]|\band)[ \t]*(?P<name>{_NAME_RUN}){_SEPARATOR}$")
CLAUSE_END = compile_latin(r"[ \t]*(?:[,.;:\"”)\n]|$|and[ \t]+[A-Z])")


# The speech verbs come from common/data/speech_verbs.txt. Any of them may follow a speaker's
# name ("X said", "X told"); only those whose facet "after" is "speaker" may come before it:
# "told X" and "asked X" name a listener, often a newspaper or broadcaster.
@from_rules
def _said_after_endings() -> tuple[str, ...]:
    """How _said_after() matches can end: a speech verb a speaker's name may follow ("said X"), or "to"."""
    return tuple(sorted(speech_verbs(after="speaker"))) + ("to",)


@from_rules
def _said_after() -> re.Pattern:
    """A speech verb (or "according to") that ends the text before a speaker's name."""
    return compile_latin(rf"\b(?:{alternation(speech_verbs(after='speaker'))}|according\s+to)\s+$")


@from_rules
def _all_speech_verbs() -> tuple[str, ...]:
    """Every speech verb, for str.startswith."""
    return tuple(sorted(speech_verbs()))


@from_rules
def _said_before() -> re.Pattern:
    """A speech verb right after a name (maybe after a comma): "X said", "X, told"."""
    return compile_latin(rf"^,?\s+(?:{alternation(speech_verbs())})\b")


def speaker_after_quote() -> str:
    """', " Eitel said', '" said King .': a lone surname speaking right after a quotation (the
    pattern after the quotation mark)."""
    # Only the verbs a speaker may follow, also before the word: a lone capitalised word before
    # "told" or "say" is as often a company or a plural ('"Powertrain told us', '" Analysts say').
    verbs = alternation(speech_verbs(after="speaker"))
    return (rf"[ \t]*(?:(?P<before>[A-Z][\w'’-]+)[ \t]+(?:{verbs})\b"
            rf"|(?:{verbs})[ \t]+(?P<after>[A-Z][\w'’-]+)(?=[ \t]*[.,]))")


# One pattern per quotation mark: a pattern that opens with one character is found by a fast scan,
# one that opens with a class ([\"”]) is tried at every position. A match holds no quotation mark
# after its first character, so the two patterns' matches together are those of the pattern with the class.
@from_rules
def quoted_speaker_patterns() -> tuple[re.Pattern, ...]:
    """speaker_after_quote() after each quotation mark."""
    return tuple(compile_latin(quote + speaker_after_quote()) for quote in ('"', "”"))


# The shared WORD preceded by (?<![\w-]), with that test moved after the capital: a pattern that
# opens with a character class lets the regex engine skip straight to capitals instead of trying
# the whole pattern at every position (twice as fast over a text).
#
# The shared WORD_TAIL, its run of word characters made atomic: the regex engine no longer gives
# back one character at a time after each capitalised word that ends a phrase or stands alone.
# The matches stay the same: a shorter run would leave a word character next, where neither a
# separator nor another word can start, so no match ever comes from one.
_RUN = r"[\w'’&-]*[\w]"
assert _RUN in WORD_TAIL
# an apostrophe may close a Luo or Kikuyu name word ("Auma' Otieno"); after an "s" it is a possessive
_WORD_TAIL = WORD_TAIL.replace(_RUN, r"(?>[\w'’&-]*\w)(?:(?<![sS\d_])['’](?=[ \t]+[A-Z]))?")
FIRST_WORD = rf"{CAPITAL}(?<![\w-].){_WORD_TAIL}"
# Capitalised phrases of two words or more (a single word is never a name on its own); an
# honorific may be glued to the name ("Dr.Lina Berg") or followed by "(R)" ("Major General (R) Shahzad Ul Haq Malik"). Words are separated by
# spaces and tabs only, which _phrase_words relies on. Every way on from the first word starts with
# a space, a tab, a dot or a bracket: the lookahead rejects most lone capitalised words at once.
# Lower-case connectors and particles may stand between the words ("Bank of England", "Ursula von der Leyen"),
# and a word after the first may open with a small-letter prefix ("Ahmed bin Rashid al-Maktoum").
@from_rules
def name_phrase() -> re.Pattern:
    """Capitalised phrases of two words or more, joined by name connectors and particles."""
    return compile_latin(
        rf"{FIRST_WORD}(?=[ \t.(])"
        rf"(?:(?:(?:[ \t]+{joiner_pattern()})*[ \t]+|\.(?=[A-Z][a-z])|[ \t]*{RETIRED}[ \t]*){name_prefix_pattern()}{CAPITAL}{_WORD_TAIL})+"
    )


PARENTHESISED = compile_latin(RETIRED)
GLUED_HONORIFIC = compile_latin(r"([A-Z][a-z]{0,3})\.(?=[A-Z][a-z])")
THE_BEFORE = compile_latin(r"\bthe[ \t]+$")
CAPITALISED_BEFORE = compile_latin(rf"({CAPITAL}[\w'’.-]*)[ \t]+$")
CAPITALISED_AFTER = compile_latin(rf"[ \t]+({CAPITAL}[\w'’-]*)")


class PersonFound(NamedTuple):
    """A person mention: character range, the id of the rule that found it and the honorific
    written before it (a named tuple: thousands are made per document, twice as fast as a frozen
    dataclass)."""

    start: int
    end: int
    rule: str
    honorific: str | None = None


@from_rules
def _apposition() -> re.Pattern:
    """", the chief executive of", ", Director, ...", ", who is also the Minister for Health" after a name."""
    titles = trie(role_words())  # a trie: one character compared per branch, not one word per title
    clauses = trie(person_clause_verbs())
    return compile_latin(
        rf"^\s*,\s+(?:who\s+(?:{clauses})\b|(?:who\s+is\s+(?:also\s+)?)?(?:(?:the|a|an|its|his|her|their)\s+)?"
        rf"(?:(?!(?:and|or|but|while|whereas|which|who|with)\b)[\w'’.&-]+\s+){{0,3}}?(?:{titles})s?\b)",
        re.I,
    )


@from_rules
def _company_suffix() -> re.Pattern:
    """An organisation head right after a name, or a word or two after it: "Johnson Controls Inc",
    "Apic Yamada Corp", "Sinar Bahari Aquatech Berhad", "Sabah Planters' Association"; with "&", the
    partners' names of a firm ("Ruiz & Peña Abogados")."""
    heads = trie(org_heads())  # a trie: one character compared per branch, not one head after another
    # "Sinar Bahari Aquatech Berhad": up to two more capitalised words before the head
    return compile_latin(rf"(?:(?<=s)['’])?(?P<partners>[ \t]+&)?(?:[ \t]+[A-Z][\w'’-]*){{0,2}}[ \t]+{heads}(?![\w-])")


@from_rules
def _organisations_by_word() -> dict[str, tuple[str, ...]]:
    """Each capitalised word of a well-known organisation name -> the names it occurs in."""
    by_word: dict[str, list[str]] = {}
    for name in org_names():
        for word in set(name.split()):
            by_word.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in by_word.items()}


def _overlaps_known_organisation(text: str, person: PersonFound) -> bool:
    """Whether a candidate overlaps a well-known organisation name ("Morgan Stanley",
    "Stanley Tops Barclays" in the headline "Morgan Stanley Tops Barclays")."""
    by_word = _organisations_by_word()
    words = text[person.start:person.end].split()
    if by_word.keys().isdisjoint(words):
        return False  # the usual case, tested without a Python step per word
    for name in {n for word in words for n in by_word.get(word, ())}:
        if text.startswith(name, person.start) and given_name_before_surname(text, person.start, person.start + len(name)):
            continue
        found = text.find(name, max(0, person.start - len(name) + 1), person.end + len(name))
        while 0 <= found < person.end:
            if overlaps((found, found + len(name)), (person.start, person.end)):
                return True
            found = text.find(name, found + 1, person.end + len(name))
    return False


# Endings of English nouns that close a portfolio, not a name: "National Orientation", "Youth Wellbeing".
_ENGLISH_ENDING = compile_latin(r"(?:tion|sion|ment|ness|ing|ity|ship|ance|ence|ism|ics|ies|ure)$")


def _places_a_word(before: str, word: str) -> bool:
    """Whether a word, or it and the word before it, names a place ("United Arab Emirates", "Sri Lanka")."""
    return word in places() or f"{before} {word}" in places() or any(p.endswith(f" {before} {word}") for p in _long_places())


@from_rules
def _long_places() -> tuple[str, ...]:
    """The place names of three words or more ("United Arab Emirates")."""
    return tuple(p for p in places() if p.count(" ") >= 2)


def _after_title_chain(words: list[Word], text: str) -> list[Word]:
    """The name closing "Minister for Water Resources of the Sultanate of Oman Khalid Saeed Al Harthy"."""
    tail: list[Word] = []
    particles, parent_particles = name_particles(), patronymic_particles()
    for k in range(len(words) - 1, -1, -1):
        word = words[k][0]
        # "Khalid bin Rashid al-Suwaidi", "Turki bin Sultan al-Dosari": particles inside, a parent's name after "bin"
        inside = tail and k and (word in particles or k > 1 and words[k - 1][0] in parent_particles and word[:1].isupper())
        # "Minister of Trade Ana Lima": a surname that is also a place's name, after a given name
        place_surname = k and words[k - 1][0] in first_names() and is_place_surname(word)
        if not (is_name_word(word) or inside or place_surname):
            break
        tail.insert(0, words[k])
    while tail and tail[0][0] in particles:
        tail.pop(0)
    given = next((k for k, w in enumerate(tail) if w[0] in first_names() and not (k and tail[k - 1][0] in parent_particles)), None)
    # "Minister of Industry and Trade Phạm Thị Thu Hà": a surname written first, before the given names
    surname = next((k for k, w in enumerate(tail) if w[0] in surname_first_plain() and 2 <= len(tail) - k <= 4), None)
    if surname is not None and (given is None or surname < given):
        return tail[surname:]
    if given is not None and len(tail) - given >= 2:
        before = words[-len(tail) - 1][0] if len(words) > len(tail) else ""
        if given == 1 and before[:1].isupper() and not _places_a_word(before, tail[0][0]) \
                and not _ENGLISH_ENDING.search(tail[0][0]):
            # "Minister of Commerce and Industry Hodan Abdi Farah": the title ended at its last capitalised
            # word, and an unknown word after it opens the name (not "of the Exchequer Gordon Brown")
            return tail
        return tail[given:]
    if len(tail) >= 3 and patronymic().fullmatch(tail[-2][0]):
        return tail[-3:]  # "... Customs Committee Dilya Karimovna Usmanova": given name, patronymic, surname
    size = sum(1 for w in tail if w[0] not in particles)
    if 2 <= size <= 3 and len(words) > len(tail) and words[-len(tail) - 1][0] in not_names() and not text.startswith(
            ",", tail[-1][2]):
        return tail  # "Minister of Foreign Affairs Lucia Ferrand signed", not "... for Grids, Office"
    return tail[-2:] if len(tail) >= 3 else []


def _phrase_words(phrase: str, split: list[str], phrase_start: int, after_town: bool = False) -> list[list[Word]]:
    """Words of a capitalised phrase (split: phrase.split(), at phrase_start in the text), cut
    after a possessive ("Verma’s", "Aeris'"); "Dr.Lina" is two words and "(R)" after a rank none.
    after_town: the phrase follows "in Rockville, ", where "Md." and "Ma." are states', not given names."""
    if not ("." in phrase or "(" in phrase or "'" in phrase or "’" in phrase):
        return [_plain_words(phrase, split, phrase_start)]  # nothing to split off or cut
    parts: list[list[Word]] = [[]]
    offset = 0
    for word in split:
        offset = phrase.find(word, offset)  # words hold no whitespace: the next one is the first found
        start = phrase_start + offset
        offset += len(word)
        if word[0] == "(" and PARENTHESISED.fullmatch(word):
            continue
        if "." in word:
            glued = GLUED_HONORIFIC.match(word)
            if glued and is_honorific(glued.group(1)):
                parts[-1].append((glued.group(1), start, start + glued.end(1)))
                word, start = word[glued.end():], start + glued.end()
        # a closing apostrophe is a possessive after an "s" ("Reyes' deputy") and a letter of the name
        # after others ("Ochieng' Wafula")
        possessive = len(word) > 2 and word.endswith(POSSESSIVE_ENDINGS) and (word[-1] == "s" or word[-2] in "sSzZxX")
        if possessive:
            word = word[:-2] if word[-1] == "s" else word[:-1]
        # "signed by Tom Reed. It rained": a full stop after a word that is no initial or abbreviation ends the sentence
        if word in name_abbreviations():
            # a given name written short closes a sentence after a name ("Jack Ma. Rwanda …"), not after
            # nothing or an honorific ("Dr Ma. Luisa Reyes")
            sentence_end = word.endswith(".") and (after_town and start == phrase_start
                                                   or any(not is_honorific(w) for w, _, _ in parts[-1]))
        else:
            sentence_end = word.endswith(".") and len(word) > 3 and has_lower(word) and not DOTTED_INITIALS.fullmatch(word) \
                and not is_honorific(word[:-1]) and not is_honorific(word)
        if sentence_end:
            word = word[:-1]
        parts[-1].append((word, start, start + len(word)))
        if possessive or sentence_end:
            parts.append([])
    return [p for p in parts if p]


def _plain_words(phrase: str, split: list[str], phrase_start: int) -> list[Word]:
    """The words of a phrase with their offsets, as they are."""
    words = []
    offset = 0
    for word in split:
        offset = phrase.find(word, offset)
        words.append((word, phrase_start + offset, phrase_start + offset + len(word)))
        offset += len(word)
    return words


def _people_in_words(words: list[Word], text: str) -> list[PersonFound]:
    """People marked inside one phrase by an honorific, a title or a given name."""
    found: list[PersonFound] = []
    joins = [k for k, w in enumerate(words) if w[0] in ("and", "&")]
    if joins and after_portfolio_title(text, words[0][1]):
        # "Minister of Water, Ports and Coastal Towns Ana Lima (and Tom Reed)": the title's list closes in
        # this phrase, and a name closes the list
        for cut in joins[1:] + [len(words)]:
            name = _after_title_chain(words[:cut], text)
            if name:
                return [PersonFound(name[0][1], name[-1][2], "people:title_chain")] + _people_in_words(words[cut + 1:], text)
    texts = [w[0] for w in words]
    if not any(map(marks_person, texts)):
        return found  # most phrases ("New Delhi", "World Bank") have none of these marks
    i = 0
    while i < len(words):
        word = texts[i]
        after_patronymic = i and texts[i - 1] in patronymic_particles()  # "bin Sultan": a parent's name
        run_end = honorific_run(words, i) if may_open_honorific(word) and not after_patronymic else i
        if run_end > i:
            name = name_at(words, run_end)
            ambiguous = all(w[0] in ambiguous_honorifics() for w in words[i:run_end])
            if name and f"{words[run_end - 1][0]} {name[0][0]}" in places():
                name = []  # "Sri Lanka"
            if name and (not ambiguous or name[0][0] in first_names() or len(name) > 2):
                found.append(PersonFound(name[0][1], name[-1][2], "people:honorific", text[words[i][1]:words[run_end - 1][2]]))
                i = run_end + len(name)
            else:
                i = run_end
            continue
        # a noun for a person opening a sentence is read like a title: "Striker Tomas Lima"
        if (is_title(word) or i == 0 and word.lower() in person_nouns() and word not in last_names()) and not after_patronymic:
            j = i + 1  # "Attorney General", "Secretary General": an ambiguous rank inside a title
            while j < len(words) and (is_title(words[j][0]) or words[j][0] in ambiguous_honorifics()):
                j += 1
            rest = words[j:]
            if any(is_honorific(t) and not (t in title_surnames() and texts[k - 1] in first_names())
                   and texts[k - 1] not in patronymic_particles()
                   for k, t in enumerate(texts[j:], j)):  # "Peter Bishop": a title surname marks no name
                i = j  # "Secretary and Shri Mohan Singh Bisht": the honorific marks the name
                continue
            rule = "people:title"
            if rest and rest[0][0].lower() in ("of", "for", "and", "&", "the", "to", "on"):
                name, rule = _after_title_chain(rest, text), "people:title_chain"
                joined = rest.index(name[0]) - 1 if name else -1
                while joined > 0 and is_name_word(rest[joined][0]):
                    joined -= 1  # past the other name's first words ("Ibrahima" of "Ibrahima Sarr Faye")
                if joined <= 0 or rest[joined][0] != "and":
                    # "Minister of Trade Ana Lima and Deputy Minister of Trade Kofi Mensah": a second title after
                    # "and"; with no name at the end, any "and" ("Minister of Trade Ana Lima and Japan's envoy")
                    last = joined if name else len(rest) - 1
                    joined = next((k for k in range(last, 0, -1) if rest[k][0] == "and" and k + 1 < len(rest)
                                   and (not name or is_title(rest[k + 1][0]) or may_open_honorific(rest[k + 1][0]))), -1)
                if joined > 0:
                    # "Minister of Land Transport Awa Coumba Diallo and Ibrahima Sarr Faye": the titled one first
                    first = _after_title_chain(rest[:joined], text)
                    if first:
                        found.append(PersonFound(first[0][1], first[-1][2], rule))
            else:
                name = name_at(words, j) if j < len(words) and not is_honorific(words[j][0]) else []
                if len(name) == 1 and (j + 1 < len(words) or name[0][0] in first_names() or len(name[0][0]) < 3):
                    name = []  # a lone word after a title is a surname only when the phrase ends there
            if name:
                found.append(PersonFound(name[0][1], name[-1][2], rule))
                i = words.index(name[-1]) + 1
                continue
            i = j
            continue
        # name_at finds a name only from a name word: the test spares most calls
        if (is_name_word(word) or surname_before_given(words, i) or place_named_given(words[i:i + 2])) and (
                i == 0 or not is_plain_word(texts[i - 1])):
            name, rule = marked_full_name(name_at(words, i), text)
            if name:
                found.append(PersonFound(name[0][1], name[-1][2], rule))
                i = words.index(name[-1]) + 1
                continue
        i += 1
    return found


# Inside a title's complement: "for Culture and", "of Trade, Industry and".
_IN_COMPLEMENT = compile_latin(r"\b(?:for|of)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’-]*(?:[ \t]*,)?[ \t]+)*(?:and|&)[ \t]+$")
_COMPLEMENT_BEFORE = compile_latin(r"\b(?:for|of|at|with|from|by)[ \t]+(?:the[ \t]+)?$")


def _signalled_name(words: list[Word], text: str) -> list[PersonFound]:
    """Two-to-four-word names closing the phrase before "said" or an apposition, or opening it after "said"."""
    found = []
    if _may_signal_after(text, words[-1][2]):  # the cheap part of _signal_after first
        tail = _closing_name_run(words)
        # up to four name words, particles not counted: "Luiz Inácio Lula da Silva" as "Paul Hendricks"
        size = sum(1 for w in tail if w[0] not in name_particles())
        signal = 2 <= size <= 4 and _stands_alone(words, tail, text) and _signal_after(text, words[-1][2])
        if signal == "people:speaker" and text.startswith(",", words[-1][2]) and _COMPLEMENT_BEFORE.search(
                text, max(0, tail[0][1] - 6), tail[0][1]):
            signal = None  # "X, a spokesman for Transvaal Rail, said": the end of X's apposition, not the speaker
        if signal:
            name = name_at(tail, 0)
            if len(name) == len(tail):
                found.append(PersonFound(name[0][1], name[-1][2], signal))
    start = words[0][1]
    if not _may_follow_signal_word(text, start):
        return found
    if _person_noun_before(text, start):  # "veteran dissident Wang Donghai"
        name = name_at(words, 0, limit=4)
        if len(name) >= 2:
            found.append(PersonFound(name[0][1], name[-1][2], "people:person_noun"))
    if _speech_verb_before(text, start):
        name = name_at(words, 0, limit=4)
        # 'said Maya Joglekar and ...', 'said John Smith.', not 'said Final Wars producer X'
        if len(name) >= 2 and (full_name(name, text) or CLAUSE_END.match(text, name[-1][2])):
            found.append(PersonFound(name[0][1], name[-1][2], "people:signal_verb"))
    return found


def _closing_name_run(words: list[Word]) -> list[Word]:
    """The run of name words (and particles inside it) that closes a phrase."""
    first = len(words)
    particles = name_particles()
    while first and (is_name_word(words[first - 1][0]) or first < len(words) and words[first - 1][0] in particles):
        first -= 1
    return words[first:]


def _person_noun_before(text: str, start: int) -> bool:
    """Whether a lower-case noun for a person ("striker", "dissident") stands right before start."""
    if text[start - 1:start] not in (" ", "\t", "\n"):
        return False  # NOUN_BEFORE ends in spaces (or a last line break) before start
    noun = NOUN_BEFORE.search(text, max(0, start - 24), start)
    return noun is not None and noun.group(1) in person_nouns()


def _may_follow_signal_word(text: str, start: int) -> bool:
    """Whether the text before start, spaces stripped, ends like a noun for a person or a speech
    verb: _person_noun_before and _speech_verb_before need it, and it rules out most phrases."""
    word_end = text[max(0, start - 24):start].rstrip()
    return word_end[-3:] in _signal_word_endings() or word_end.endswith(_short_signal_words())


@from_rules
def _signal_word_endings() -> frozenset[str]:
    """The last three letters of the nouns for a person and of the speech verbs before a name."""
    return frozenset(word[-3:] for word in person_nouns() | set(_said_after_endings()))


@from_rules
def _short_signal_words() -> tuple[str, ...]:
    """Those words shorter than three letters ("to"), whose endings the set above cannot hold."""
    return tuple(word for word in person_nouns() | set(_said_after_endings()) if len(word) < 3)


def _speech_verb_before(text: str, start: int) -> bool:
    """Whether "said", "according to" and the like stand right before start."""
    before = text[max(0, start - 16):start]
    return before.rstrip().endswith(_said_after_endings()) and _said_after().search(before) is not None


def _may_signal_after(text: str, end: int) -> bool:
    """Whether a comma, a bracket or a speech verb follows end, as each of _signal_after's signals starts."""
    after = text[end:end + 120]
    head = after.lstrip()
    return head.startswith((",", "(")) or head.startswith(_all_speech_verbs()) and after[0].isspace()


def _signal_after(text: str, end: int) -> str | None:
    """The id of the signal after a name: a speech verb, an age, an apposition or a country in
    brackets; None without one."""
    if not _may_signal_after(text, end):
        return None
    after = text[end:end + 120]
    # the patterns open with "^" (no MULTILINE): match, not search, which would try every position
    if _said_before().match(after):
        return "people:speaker"
    if AGE.match(after):
        return "people:age"
    if _apposition().match(after):
        return "people:apposition"
    country = COUNTRY_AFTER.match(after)
    return "people:country" if country and country["place"] in places() else None


def _stands_alone(words: list[Word], tail: list[Word], text: str) -> bool:
    """Whether a phrase's closing name run is not the end of a longer name: not "Office of Drug
    Safety", "Muslim Safety Forum" or "the Revolution Guards", but "Defence Minister Tarun Kapoor"
    or "... Youth Affairs and Khalid Saeed Al Harthy"."""
    if len(tail) < len(words):
        before = words[len(words) - len(tail) - 1][0]
        return is_title(before) or is_honorific(before) or before in common_capitalised() or before == "and"
    return not THE_BEFORE.search(text[max(0, tail[0][1] - 5):tail[0][1]])


@from_rules(maxsize=65536)
def _may_mark_name(word: str) -> bool:
    """Whether a word of a phrase may mark a name (marks_person), or has a dot or a possessive
    that _phrase_words splits or cuts (so the phrase must be split to know)."""
    return marks_person(word) or "." in word or word.endswith(POSSESSIVE_ENDINGS)


def _may_name_person(text: str, start: int, end: int, split: list[str]) -> bool:
    """Whether a phrase (split: its words) has a word that may mark a name or a signal around it,
    the cheap test before cutting it into words (most phrases have neither)."""
    return (any(map(_may_mark_name, split))  # map over a cached function: no Python frame per word
            or _signal_after(text, end)
            or _may_follow_signal_word(text, start) and (_person_noun_before(text, start)
                                                         or _speech_verb_before(text, start))
            or start >= 2 and text.startswith(", ", start - 2) and " and " in text[start:end] and after_portfolio_title(text, start))


def _phrases(text: str):
    """Capitalised phrases of two words or more that may name a person, as word lists."""
    for match in name_phrase().finditer(text):
        phrase = match.group()
        split = phrase.split()
        start = match.start()
        if _may_name_person(text, start, start + len(phrase), split):
            after_town = split[0] in name_abbreviations() and _TOWN_BEFORE.search(text, max(0, start - 40), start) is not None
            yield from _phrase_words(phrase, split, start, after_town)


# "in Rockville, ": where a US state's abbreviation follows a town
_TOWN_BEFORE = compile_latin(rf"\b(?:in|near|of|from|at|outside)[ \t]+{CAPITAL}[\w'’-]+(?:[ \t]+{CAPITAL}[\w'’-]+)?,[ \t]+$")


_DATE_WORD_BEFORE = compile_latin(r"\b(?:in|on|since|until|till|by|from|of|through|to|last|next|this|early|late|mid)[ \t]+$", re.I)
_NAME_WORDS_BEFORE = compile_latin(r"(?<![\w'’.-])(?P<given>[A-Z][\w'’-]+)(?:[ \t]+(?P<middle>[A-Z][\w'’-]+))?[ \t]+$")
_NAME_WORD_AFTER = compile_latin(r"[ \t]+(?P<surname>[A-Z][\w'’-]+)(?![\w'’-])")


def _reads_as_month(text: str, start: int, end: int) -> bool:
    """Whether a month name that is also a surname reads as the month here: "in May", "May 5"."""
    return bool(_DATE_WORD_BEFORE.search(text, max(0, start - 8), start) or _NUMBER_AFTER.match(text, end))


_NUMBER_AFTER = compile_latin(r"[ \t]*,?[ \t]*\d")


def calendar_named(text: str) -> list[PersonFound]:
    """Names with a month name in them, which is_name_word refuses: one closing a name after a given
    name ("Theresa May"), one opening a name before a known surname ("Jan Kowalski")."""
    found = []
    for m_start, m_end in _months_beside_capitals(text):
        before = _NAME_WORDS_BEFORE.search(text, max(0, m_start - 60), m_start)
        if before is not None:
            given, middle = before.group("given"), before.group("middle")
            start = (before.start() if middle and given in first_names() and is_name_word(middle)
                     else before.start("middle") if middle in first_names()
                     else before.start() if not middle and given in first_names() else None)
            if start is not None:
                end = m_end
                surname = _NAME_WORD_AFTER.match(text, end)  # "Marta June Nowicka": a middle name
                if surname is not None and is_name_word(surname.group("surname")):
                    end = surname.end()
                found.append(PersonFound(start, end, "people:calendar_name"))
                continue
        after = _NAME_WORD_AFTER.match(text, m_end)
        if after is not None and after.group("surname") in last_names() and not _DATE_WORD_BEFORE.search(
                text, max(0, m_start - 8), m_start):
            found.append(PersonFound(m_start, after.end(), "people:calendar_name"))
    return found


def _months_beside_capitals(text: str) -> list[tuple[int, int]]:
    """Where a month name of calendar_names() stands as a word, not before a number ("May 5"), with
    a capitalised word right before or after it; found with str.find, as most months stand beside
    small words ("in May")."""
    found = []
    for month in calendar_names():
        at = text.find(month)
        while at >= 0:
            end = at + len(month)
            if (not at or not (text[at - 1].isalnum() or text[at - 1] in "'’.-")) and not (
                    end < len(text) and (text[end].isalnum() or text[end] in "'’-")) and not _NUMBER_AFTER.match(text, end):
                previous = text[text.rfind(" ", 0, max(0, at - 1)) + 1:at]
                if previous[:1].isupper() or text[end:end + 1] == " " and text[end + 1:end + 2].isupper():
                    found.append((at, end))
            at = text.find(month, end)
    return found


def find_people(text: str) -> list[PersonFound]:
    """Person mentions marked by honorifics, titles, given names or speech verbs, then their repeats."""
    found: list[PersonFound] = []
    for words in _phrases(text):
        found += _people_in_words(words, text) + _signalled_name(words, text)
    found += (quoted_speakers(text) + bylines(text) + credit_lines(text) + calendar_named(text)
              + after_title_comma(text) + after_lower_title(text) + single_names(text))
    found = [p for p in _dedupe(found) if not _overlaps_known_organisation(text, p)]
    found = _dedupe(found + opening_single_names(text, found))
    found = _dedupe(found + list_neighbours(text, found))
    found = [p for p in found if not _overlaps_known_organisation(text, p)]
    found = _dedupe(found + repeated_mentions(text, found))
    # a name that a company's head closes is the company's wherever it stands ("Johnson Controls Inc"); one
    # among a firm's partners or after an opening head, only there ("Ruiz & Peña Abogados … Ruiz said")
    suffixed = [(p, _company_suffix().match(text, p.end)) for p in found]
    companies = {text[p.start:p.end] for p, suffix in suffixed if suffix and not suffix["partners"]}
    in_firms = {p.start for p, suffix in suffixed if suffix and suffix["partners"] or _after_opening_head(text, p.start)
                or _after_head_and_particle(text, p.start)}
    return [p for p in found if text[p.start:p.end] not in companies and p.start not in in_firms
            and text[p.start:p.end].split(" ", 1)[0] not in _place_openers()]


@from_rules
def _place_openers() -> frozenset[str]:
    """The one-word openers of geographic names ("Lake", "Cerro", "Laguna"): no person's name begins with one."""
    return frozenset(opener for opener in place_openers() if " " not in opener)


# the capitalised words right before a name, the first of them maybe an opening head (the lookbehind
# after the capital, as in FIRST_WORD: the search then skips to capitals)
_CAPITALISED_WORDS_BEFORE = compile_latin(rf"({CAPITAL}(?<![\w'’.-].)[\w'’.-]*)((?:[ \t]+{CAPITAL}[\w'’.-]*){{0,2}})[ \t]+$")


@from_rules
def _word_and_particles_before() -> re.Pattern:
    """A capitalised word and one or two particles right before a position ("Salar de ", "Banco de la ")."""
    return compile_latin(rf"({CAPITAL}(?<![\w'’.-].)[\w'’-]*)(?:[ \t]+{trie(sorted(name_particles()))}){{1,2}}[ \t]+$")


def _after_head_and_particle(text: str, start: int) -> bool:
    """Whether a name follows a word that no name has and a particle: "Salar de Uyuni" (a salt
    flat), "Banco de la Nación" are a place's and a bank's names."""
    before = _word_and_particles_before().search(text, max(0, start - 30), start)
    return before is not None and (before.group(1) in not_names() or before.group(1) in org_opening_heads())


def _after_opening_head(text: str, start: int) -> bool:
    """Whether a name follows a word that opens an organisation's name ("Grupo", "Banco", "Fundación"),
    maybe with its other words between: "Grupo Textil Monterrico", "Grupo Cerámico Valle Alto" are companies'
    names, whoever they are named for."""
    before = _CAPITALISED_WORDS_BEFORE.search(text, max(0, start - 60), start)
    if before is None or before.group(1) not in org_opening_heads():
        return False
    # "Grupo Tarvo chief executive Ana Lima", "Grupo Tarvo's Ana Lima": the name after the company's is a person's
    between = before.group(2).split()
    return not any(w.lower() in role_words() or w.endswith(POSSESSIVE_ENDINGS) for w in between)


def list_neighbours(text: str, people: list[PersonFound]) -> list[PersonFound]:
    """Names listed next to a known person: "Aamir Sohail , Saeed Anwar , Ijaz Ahmed and Salim Malik".
    A lone word counts only inside a list that goes on after it (not "John Smith, Reuters")."""
    known = {(p.start, p.end) for p in people}
    frontier = sorted(known)
    added: list[PersonFound] = []
    while frontier:
        start, end = frontier.pop()
        candidates = [NEXT_ITEM.match(text, end)]
        if _after_separator(text, start):
            candidates.append(PREVIOUS_ITEM.search(text, max(0, start - 60), start))
        for m in candidates:
            if m is None or (m.start("name"), m.end("name")) in known:
                continue
            words = m["name"].split()
            if not all(is_plain_word(w) for w in words) or not has_lower(words[-1]) or words[-1].lower() in person_nouns():
                continue  # "By Hala Haddad, Staff Writer": a noun for a person is no name
            if _IN_COMPLEMENT.search(text, max(0, m.start("name") - 80), m.start("name")) or len(words) == 1 and (
                    words[0] in first_names() or not NEXT_ITEM.match(text, m.end("name"))):
                continue  # "Secretary for Culture and Heritage, Omondi Barasa", "Minister of Trade and Regional Integration,": a title's end
            span = (m.start("name"), m.end("name"))
            known.add(span)
            frontier.append(span)
            added.append(PersonFound(*span, "people:list_neighbour"))
    return added


def _after_separator(text: str, start: int) -> bool:
    """Whether the text before start ends in ",", ";" or "and" (spaces and one last line break
    after it allowed), as every PREVIOUS_ITEM match there does: a cheap test that spares most searches."""
    before = text[max(0, start - 60):start]
    if before.endswith("\n"):
        before = before[:-1]  # "$" also matches before a line break that ends the text searched
    return before.rstrip(" \t").endswith((",", ";", "and"))


@from_rules
def byline() -> re.Pattern:
    """A byline: "By Mira Okafor" on a line of its own, maybe with a second author or the outlet
    after a comma, a bar or a dash ("By Mira Okafor and Tom Reyes", "By Mira Okafor, Staff Writer")."""
    run = rf"{_NAME_RUN}(?:[ \t]+{joiner_pattern()}[ \t]+{_NAME_RUN})?"
    return compile_latin(rf"^[ \t]*By[ \t]+(?P<name>{run})(?:[ \t]+and[ \t]+(?P<other>{run}))?"
                         r"[ \t]*(?:[,|–—-][^\n]*)?$", re.MULTILINE)


@from_rules
def _signed_off() -> re.Pattern:
    """The name on its own line under "Issued by:" that closes a press statement (its title may follow)."""
    return compile_latin(rf"^[ \t]*(?:Issued|Released|Signed|Approved|Authori[sz]ed)[ \t]+by:[ \t]*\n[ \t]*"
                         rf"(?P<name>{_NAME_RUN})[ \t]*,?[ \t]*$", re.MULTILINE)


# A wire story's credit line: "(Reporting by Ana Lima in Lisbon and Tom Reed; Editing by Sara Okonjo)".
_CREDIT_LINE = compile_latin(r"\((?:Additional[ \t]+)?(?:[Rr]eporting|Writing|Editing|Compiled|Photos?|Pics?|Pictures?|Images?|Video)[ \t]+by[ \t]+[^()\n]{3,300}\)")
_CREDIT_PART = compile_latin(r"(?:^|;|,|\band\b|\bby\b)[ \t]*(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3})"
                             r"(?=[ \t]*(?:$|;|,|\)|\band\b|\bin\b))")


def credit_lines(text: str) -> list[PersonFound]:
    """The reporters and editors a wire story's credit line names, however unknown their names."""
    found = []
    if "by " not in text:
        return found
    for line in _CREDIT_LINE.finditer(text):
        for m in _CREDIT_PART.finditer(text, line.start() + 1, line.end() - 1):
            words = m.group("name").split()
            if all(has_lower(w) and is_name_word(w) for w in words):
                found.append(PersonFound(m.start("name"), m.end("name"), "people:credit_line"))
    return found


def bylines(text: str) -> list[PersonFound]:
    """The authors a byline names ("By Mira Okafor", "By Kim Ha-eun and Tom Reyes"), and the
    official who issued a statement: two to four name words each, every one of them a name word."""
    if "By " not in text and "by:" not in text:
        return []
    found = []
    for m in chain(byline().finditer(text), _signed_off().finditer(text)):
        for group in ("name", "other"):
            if not m.groupdict().get(group):
                continue
            words = [(w.group(), m.start(group) + w.start(), m.start(group) + w.end())
                     for w in re.finditer(r"\S+", m[group])]
            name = name_at(words, 0, limit=4)
            size = sum(1 for w in name if w[0] not in name_particles())
            # "By Staff Reporter": a byline may name a desk, not a person
            desk = any(w[0].lower() in person_nouns() or w[0].lower() in role_words() for w in name)
            if len(name) == len(words) and 2 <= size <= 4 and not desk and all(has_lower(w[0]) for w in name):
                found.append(PersonFound(name[0][1], name[-1][2], "people:byline"))
    return found


@from_rules
def _lower_title_before_comma() -> re.Pattern:
    """A title (in any case) with its complement that ends right before a comma ("foreign minister",
    "consul general in Chennai", "Minister of Investment", "minister of science, technology and innovation")."""
    titles = alternation(sorted(lower_title_heads()))
    return compile_latin(rf"(?<![\w-])(?i:{titles})(?:[ \t]+(?i:general))?"
                         rf"(?:[ \t]+(?:of|for|to|in)[ \t]+(?:[\w'’-]+(?:,?[ \t]+(?:and[ \t]+)?)?){{1,6}}?)?$")


_COMMA_BEFORE_NAME = compile_latin(rf", (?={CAPITAL})")


@from_rules
def _lower_title_ends() -> frozenset[str]:
    """The lower-case title heads, and "general" ("consul general"): how a title right before a comma ends."""
    return lower_title_heads() | {"general"}


_APPOSED_NAME = compile_latin(rf"(?P<name>(?:[A-Z][a-z]{{1,3}}\.[ \t]+)?{CAPITAL}[\w'’-]+(?:[ \t]+(?:[a-z]{{2,5}}[ \t]+)?(?:(?:al|el)-)?{CAPITAL}[\w'’-]+){{1,4}})(?=,|[.;](?:\s|$))")


def _next_word(text: str, start: int, word: str) -> int:
    """Where the word after the one written at start begins."""
    return _BLANKS.match(text, start + len(word)).end()


_BLANKS = compile_latin(r"[ \t]*")


def after_title_comma(text: str) -> list[PersonFound]:
    """Names set off by commas after a title ("Sudan's foreign minister, Abdelrahim Abu Zeid al-Tayeb,"):
    the apposition is the person's name, however unknown its words."""
    found = []
    ends = _lower_title_ends()
    for comma in _COMMA_BEFORE_NAME.finditer(text):
        start = comma.end()
        if ends.isdisjoint(text[max(0, comma.start() - 70):comma.start()].lower().split()):
            continue  # the usual comma: no title word before it (the search below is dear)
        title = _lower_title_before_comma().search(text, max(0, comma.start() - 70), comma.start())
        if title is None or "'s" in title.group() or "’s" in title.group():
            continue  # "chairman of Spain's biggest bank, Santander Central Hispano": the bank's name
        m = _APPOSED_NAME.match(text, start)
        if m is None:
            continue
        words = m.group("name").split()
        if words[0].endswith(".") and words[0] not in name_abbreviations():
            if not is_honorific(words[0]):
                continue
            start, words = _next_word(text, start, words[0]), words[1:]  # "the envoy, Dr. Ana Lima,": the name after the honorific
        if "-" in words[0] and words[0].rsplit("-", 1)[1].islower():  # "Tunisian-born Abdellatif Kechiche"
            start, words = _next_word(text, start, words[0]), words[1:]
            if len(words) < 2:
                continue
        # a name's words: none a place, an organisation's head or a sentence word ("Ministry", "Monday")
        # (a word before "bin" is a given name whatever else it is: "Sultan bin Jaber al-Kuwari")
        if all(k and words[k - 1] in patronymic_particles() or k + 1 < len(words) and words[k + 1] in patronymic_particles() or (
                is_name_word(w) if w[:1].isupper() else w in name_particles() or is_name_word(w)) for k, w in enumerate(words)):
            found.append(PersonFound(start, m.end(), "people:after_title"))
    return found


# Lower-case heads that open other words as often as they head a title before a name ("its
# partner Orvana", "the crown prince"): the title before a name must be a title's own word.
_NOT_TITLE_BEFORE_NAME = frozenset({"chief", "crown", "deputy", "head", "partner", "prime", "under"})


@from_rules
def _titles_before_name() -> str:
    """The lower-case title heads that may stand right before a name, as one trie."""
    return regex_trie(sorted(lower_title_heads() - _NOT_TITLE_BEFORE_NAME))


@from_rules
def _lower_title_before_name() -> re.Pattern:
    """A title written in lower case right before a capitalised word ("governor Kittipong", "energy minister Wannee")."""
    titles = _titles_before_name()
    word = rf"{CAPITAL}(?:\.|[\w'’-]*)"  # "Budi", "A." (an initial)
    return compile_latin(rf"(?<![\w-])(?:{titles})[ \t]+(?P<name>{word}(?:[ \t]+{word})*)(?![\w'’-])")


@from_rules
def _single_name_before_title() -> re.Pattern:
    """ "Sutarno, director general of railways" after "by Sutarno": one capitalised word after a blank,
    then a comma and a lower-case title (Indonesian, Burmese and other single names); single_names
    tests the word before it."""
    titles = _titles_before_name()
    # The pattern opens with the name, not with "by", "said", "and" or "with" before it: the engine
    # skips to capitals (a few in a hundred characters) instead of to those words' letters (2.3 times
    # as fast). It finds the same names: no match holds a blank before a capital but at its start,
    # so none hides the start of another name.
    return compile_latin(rf"(?P<name>{CAPITAL}(?<=[ \t].)[\w'’-]{{2,}}),[ \t]+(?:the[ \t]+)?"
                         rf"(?:[a-z][\w-]*[ \t]+){{0,2}}(?:{titles})(?![\w-])"
                         # "… by Orvana, the chief executive said": the title is the speaker's, not the word's
                         rf"(?![ \t]+(?:said|says|told|added|noted)\b)")


# The word a single name follows (blanks stripped after it): "by Sutarno, director general of railways".
_SINGLE_NAME_AFTER = compile_latin(r"\b(?:by|said|and|with)\Z")


def _after_single_name_word(text: str, start: int) -> bool:
    """Whether "by", "said", "and" or "with" and blanks stand right before start."""
    before = text[:start].rstrip(" \t")
    return len(before) < start and _SINGLE_NAME_AFTER.search(before, max(0, len(before) - 4)) is not None


@from_rules
def _single_name_opening_title() -> re.Pattern:
    """ "Sutarno, Director General of Railways at the Ministry, said": one capitalised word opening a
    sentence, then a comma and a title with its complement, written in capitals or not."""
    titles = _titles_before_name()
    # What opens the sentence is tested after the capital, not before it: the engine then skips to
    # capitals instead of trying every position (five times as fast). The capital stands at the
    # text's or a line's start (no character but a line break before it), or after ". " or '." '.
    opens_sentence = r"(?:(?<![^\n].)|(?<=[.!?][ \t].)|(?<=[.!?][\"”’][ \t].))"
    return compile_latin(rf"(?P<name>{CAPITAL}{opens_sentence}[\w'’-]{{2,}}),[ \t]+"
                         rf"(?i:(?:[a-z][\w-]*[ \t]+){{0,2}}(?:{titles})(?:[ \t]+general)?)[ \t]+(?:of|for|at)[ \t]+(?:the[ \t]+)?{CAPITAL}")


def single_names(text: str) -> list[PersonFound]:
    """People named by one word, where a title in apposition says the word is a person's."""
    return [PersonFound(m.start("name"), m.end("name"), "people:single_name")
            for m in _single_name_before_title().finditer(text) if _after_single_name_word(text, m.start())
            and has_lower(m.group("name")) and is_plain_word(m.group("name"))]


# Sentence adverbs that open a sentence before a comma as a single name would: "Nonetheless,", "Separately,".
_SENTENCE_ADVERB = compile_latin(r".*(?:ly|less|ever|theless)\Z")


def opening_single_names(text: str, people: list[PersonFound]) -> list[PersonFound]:
    """People named by one word that opens a sentence, before a title with its complement in
    apposition ("Sumarto, Director General of Railways, said"); not when the title is another's,
    whose name follows it in the clause ("Nonetheless, Secretary General of X Tom Berg spoke")."""
    if ", " not in text:
        return []
    found = []
    for m in _single_name_opening_title().finditer(text):
        name = m.group("name")
        clause_end = min((i for i in (text.find(",", m.end()), text.find(".", m.end())) if i >= 0), default=len(text))
        if (has_lower(name) and is_plain_word(name) and name not in common_capitalised() and not _SENTENCE_ADVERB.match(name)
                and not any(m.end() <= p.start < clause_end for p in people)):
            found.append(PersonFound(m.start("name"), m.end("name"), "people:single_name"))
    return found


def after_lower_title(text: str) -> list[PersonFound]:
    """The name after a title written in lower case ("PEC governor Kittipong Srisawat", "said spokesman
    Budi Santoso"): two to four name words, however unknown."""
    found = []
    for m in _lower_title_before_name().finditer(text):
        words = m.group("name").split()
        if _FUND_BEFORE.search(text, max(0, m.start() - 12), m.start()) and m.group().startswith("manager"):
            continue  # "the asset manager Tavira Quental": a firm
        if 2 <= len(words) <= 4 and has_lower(words[-1]) and all(
                DOTTED_INITIALS.fullmatch(w) if w.endswith(".") else has_lower(w) and is_name_word(w) for w in words[:-1]) \
                and is_name_word(words[-1]):
            found.append(PersonFound(m.start("name"), m.end("name"), "people:after_lower_title"))
        elif len(words) == 1 and len(words[0]) > 2 and has_lower(words[0]) and is_plain_word(words[0]) \
                and is_name_word(words[0]) and _CLAUSE_GOES_ON.match(text, m.end("name")) \
                and m.group().split(None, 1)[0].lower() not in _FIRMS_TITLES:
            # "Norvik president director Wirasto, who …": Indonesian, Burmese and other single names
            found.append(PersonFound(m.start("name"), m.end("name"), "people:single_name"))
    return found


# Titles that firms hold as often as people ("market leader Norvik", "analyst Tavira Research"): no single name after them.
_FIRMS_TITLES = frozenset({"adviser", "advisor", "analyst", "consultant", "leader"})
# What makes a manager a firm as often as a person: "fund manager X", "asset manager X".
_FUND_BEFORE = compile_latin(r"\b(?:fund|asset|assets|wealth|money|investment)[ \t]+$")
# What follows a single name after its title: the clause goes on or ends ("director Wirasto, who …", "… said").
_CLAUSE_GOES_ON = compile_latin(r"[,;.](?:\s|$)|[ \t]+(?:said|says|told|added|signed)\b|[ \t]+and[ \t]+(?=[A-Z])")


def quoted_speakers(text: str) -> list[PersonFound]:
    """A single capitalised word that speaks right after a quotation: ', " Eitel said'."""
    found = []
    for m in sorted((m for pattern in quoted_speaker_patterns() for m in pattern.finditer(text)), key=re.Match.start):
        group = "before" if m["before"] else "after"
        word = m[group]
        if is_plain_word(word) and has_lower(word) and word not in first_names() and not _names_a_company(text, word):
            found.append(PersonFound(m.start(group), m.end(group), "people:quoted_speaker"))
    return found


def _names_a_company(text: str, word: str) -> bool:
    """Whether the text names a company after the word ("Tarvo Energy" … ', Tarvo said'): the
    speaker is that company, written short."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(word)}[ \t]+([A-Z][\w&.-]*\w)", text):
        following = match.group(1)
        if following in org_heads() or following in org_industries():  # legal suffixes are heads
            return True
    return False


def _double_surname(name: str) -> str | None:
    """ "Etxarri Lazkotz" of "María Soledad Etxarri Lazkotz": the two last words of a name of three or
    more, when the first of them is no given name or particle (a double surname after the given names)."""
    words = name.split()
    if len(words) < 3 or surname_written_first(name):
        return None
    first, last = words[-2:]
    if first in first_names() or first in name_particles() or not first[:1].isupper() or not (is_name_word(first) and is_name_word(last)):
        return None
    return f"{first} {last}"


def _surname_with_particles(name: str) -> str | None:
    """The surname of a name with the particles before it ("van der Linden", "de la Piedra"), or None."""
    words = name.split()
    k = len(words) - 1
    while k > 1 and words[k - 1] in name_particles():
        k -= 1
    if k == len(words) - 1 or words[k] in JOINING_PARTICLES:
        return None  # ("e Silva" is no surname: "Almeida e Silva" is, _joined_surname)
    return " ".join(words[k:])


def _joined_surname(name: str) -> str | None:
    """ "Almeida e Silva" of "João Pedro de Almeida e Silva": the two surnames a joining particle joins
    at the end of a name, which news writes together alone; None for other names."""
    words = name.split()
    if len(words) < 4 or words[-2] not in JOINING_PARTICLES or not words[-3][:1].isupper():
        return None
    return " ".join(words[-3:])


def _inner_surnames(name: str) -> list[str]:
    """The surnames inside a name of three words or more, after its given names: Spanish and Portuguese
    write two ("Quispe" and "Mamani" of "José Antonio Quispe Mamani"), and news may use the first alone."""
    words = [w for w in name.split() if w not in name_particles()]
    if len(words) < 3 or surname_written_first(name):
        return []
    k = 0
    while k < len(words) - 1 and words[k] in first_names():
        k += 1
    return words[k:-1] if k else []


def _given_name(name: str) -> str | None:
    """The word of a full name that news uses alone for the person where it speaks: the given name
    ("Kittipong told reporters", as Thai, Indonesian, Icelandic and Ethiopian news write), the last
    word of a Vietnamese name, which writes the surname first ("Hà" of "Trần Thị Minh Hà"); None for
    a single word or one too short to tell."""
    words = name.split()
    if len(words) < 2:
        return None
    word = words[-1] if surname_written_first(name) and len(words) > 2 else words[0]
    if len(word) < 2 or len(word) < 3 and word.isascii() or not has_lower(word) or not is_plain_word(word):
        return None
    return word


def repeated_mentions(text: str, people: list[PersonFound]) -> list[PersonFound]:
    """Later mentions of known full names, and surnames standing alone ("Hendricks", "Mr. Keter")."""
    names = {text[p.start:p.end] for p in people}
    surnames = {n.split()[-1] for n in names if len(n.split()) > 1}
    surnames |= {s for s in map(surname_written_first, names) if s}  # "Park" of "Park Ji-hoon"
    # "Hà" of "Phạm Thị Thu Hà": a name of three words or more after its surname is called by its last
    surnames |= {n.split()[-1] for n in names if len(n.split()) >= 3 and surname_written_first(n)}
    surnames |= {s for n in names for s in _inner_surnames(n)}  # "Quispe" of "José Antonio Quispe Mamani"
    surnames |= {" ".join(n.split()[-2:]) for n in names if len(n.split()) >= 3 and n.split()[-2] in surname_openers()}
    surnames |= set(filter(None, map(_double_surname, names)))
    # "van der Linden" of "Pieter van der Linden" (capitalised below, opening a sentence)
    surnames |= set(filter(None, map(_surname_with_particles, names)))
    surnames |= set(filter(None, map(_joined_surname, names)))
    surnames |= {s[0].upper() + s[1:] for s in surnames if s[0].islower()}  # "Al-Qasimi" opening a sentence
    # two letters only with an accent ("Hà"): "Li", "An", "In" are words too often
    surnames = {s for s in surnames if (len(s) >= 3 or len(s) == 2 and not s.isascii()) and has_lower(s)}
    given_alone = {g for g in map(_given_name, names) if g} - surnames
    known = _merged((p.start, p.end) for p in people)
    known_starts = {p.start for p in people}
    known_ends = {p.end for p in people}
    extra = []
    for target in names | surnames | given_alone:
        surname_only = target in surnames and target not in names
        given_only = target in given_alone and target not in names
        for start, end in _occurrences(text, target, known_starts, known_ends):
            if _overlaps_merged(known, start, end):
                continue  # a mention already found (those starting or ending like one are skipped above)
            if given_only:
                if not _inside_longer_name(text, start, end) and (
                        _speech_verb_before(text, start) or _said_before().match(text[end:end + 120])):
                    extra.append(PersonFound(start, end, "people:given_alone"))
                continue
            if surname_only and (_inside_longer_name(text, start, end)
                                 or target in places() and not (_after_title(text, start) or _described_as_person_after(text, end))
                                 or target in calendar_names() and _reads_as_month(text, start, end)):
                # a place's name alone ("Jordan") is the person's only after "Mr", "Senator"; a month's
                # ("May") not where it reads as the month
                continue
            extra.append(PersonFound(start, end, "people:surname" if surname_only else "people:repeat"))
    return extra


_WHO_AFTER = compile_latin(r"[ \t]*,[ \t]+who\b")


def _described_as_person_after(text: str, end: int) -> bool:
    """Whether "who" or a person's apposition follows a name ("Jordan, who is on …", "Jordan, the
    rector,"): a person's, not a place's (a country "said" too)."""
    return bool(_WHO_AFTER.match(text, end)) or _signal_after(text, end) == "people:apposition"


def _merged(ranges) -> tuple[list[int], list[int]]:
    """The starts and ends of the sorted, disjoint ranges that cover the given (start, end) ranges."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(ranges):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _overlaps_merged(merged: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the ranges of _merged: only the last range that starts
    before end can (the ranges are disjoint, so their ends grow too)."""
    starts, ends = merged
    last = bisect_left(starts, end) - 1
    return last >= 0 and ends[last] > start


def _occurrences(text: str, target: str, skipped_starts=frozenset(), skipped_ends=frozenset()):
    """(start, end) of each whole-word occurrence of target (str.find: cheaper than a regex per
    document), but those that start at one of skipped_starts or end at one of skipped_ends."""
    start = text.find(target)
    while start >= 0:
        end = start + len(target)
        if start in skipped_starts or end in skipped_ends:
            start = text.find(target, start + 1)
            continue
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "-'’_") and not (after.isalnum() or after in "-_"):
            yield start, end
        start = text.find(target, start + 1)


def _word_before(text: str, start: int) -> str | None:
    """The capitalised word right before start, spaces between."""
    if text[start - 1:start] not in (" ", "\t", "\n"):
        return None  # CAPITALISED_BEFORE ends in spaces (or a last line break) before start
    before = CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    return before.group(1) if before else None


def _after_title(text: str, start: int) -> bool:
    word = _word_before(text, start)
    return word is not None and (is_honorific(word) or is_title(word))


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Whether a surname is part of another capitalised name ("Singh" in "Mohan Singh Bisht")."""
    before = _word_before(text, start)
    # "Monday. King said": a word with a full stop that is no initial ends the sentence before
    if before and not (_after_title(text, start) or before in common_capitalised()
                       or before.endswith(".") and not DOTTED_INITIALS.fullmatch(before)):
        return True
    after = CAPITALISED_AFTER.match(text, end, end + 40)
    # "Park Avenue", "King Power": a name that a place's or an organisation's head closes
    return bool(after and (is_name_word(after.group(1)) or after.group(1) in place_heads()
                           or after.group(1) in org_heads()))


def _dedupe(found: list[PersonFound]) -> list[PersonFound]:
    """Non-overlapping mentions, the longest (then the one with an honorific) where they overlap."""
    kept: list[PersonFound] = []
    for person in sorted(found, key=lambda p: (p.start, -(p.end - p.start), p.honorific is None)):
        if not kept or person.start >= kept[-1].end:  # sorted by start: only the last kept can overlap
            kept.append(person)
    return kept


def canonical_names(text: str, people: list[PersonFound]) -> list[str]:
    """For each mention, the full name it refers to: the nearest earlier (else any) longer name
    that ends or starts with it ("Hendricks" -> "Paul Hendricks"), compared without case."""
    names = [text[p.start:p.end] for p in people]
    folded = {name: name.casefold() for name in names}  # each distinct name once
    first_spelling: dict[str, str] = {}
    for name in names:
        first_spelling.setdefault(folded[name], name)
    words = {name: tuple(fold.split()) for name, fold in folded.items()}
    longer_names = _longer_names_by_words(names, words)
    result = []
    for index, name in enumerate(names):
        longer = longer_names.get(words[name])
        if longer:
            earlier = bisect_left(longer, index) - 1  # the last longer name before this mention
            # whose own full name it is ("Silva" … "Almeida e Silva" … of "João Pedro de Almeida e Silva")
            result.append(result[longer[earlier]] if earlier >= 0 else names[longer[0]])
        else:
            result.append(first_spelling[folded[name]])
    return result


def _longer_names_by_words(names: list[str], words: dict[str, tuple[str, ...]]) -> dict[tuple[str, ...], list[int]]:
    """The folded words that open or close a longer name -> the indices of those names, ascending
    (a lookup per mention instead of comparing every pair of mentions)."""
    shorter_runs = {name: _shorter_runs(name, name_words) for name, name_words in words.items()}
    by_words: dict[tuple[str, ...], list[int]] = {}
    for index, name in enumerate(names):
        for run in shorter_runs[name]:
            by_words.setdefault(run, []).append(index)
    return by_words


def _shorter_runs(name: str, words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The runs of a name's folded words that open or close it, shorter than the name."""
    runs = set()
    for size in range(1, min(len(name.split()), len(words) + 1)):
        runs.add(words[:size])
        runs.add(words[-size:])
    runs.update((surname.casefold(),) for surname in _inner_surnames(name))
    return runs


PEOPLE_FILES = LEXICON_FILES


class PersonFinder(RuleComponent):
    """Adds person mentions to doc.spans[span_key] with honorific and canonical name."""

    data_files = PEOPLE_FILES

    def __init__(self, nlp: Language, name: str, span_key: str):
        self.name = name
        self.span_key = span_key

    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        header_end = doc_value(doc, "header_end")
        people = [p for p in find_people(text) if p.start >= header_end]
        for person, canonical in zip(people, canonical_names(text, people)):
            add_span(doc, self.span_key, person.start, person.end, "PERSON", rule=person.rule, honorific=person.honorific, canonical=canonical)
        return doc


@Language.factory("extractor_people", assigns=["doc.spans", "span._.canonical", "span._.honorific", "span._.rule"],
                  requires=["doc._.header_end"], default_config={"span_key": "people"})
def make_people(nlp: Language, name: str, span_key: str) -> PersonFinder:
    """Factory for the person finder."""
    return PersonFinder(nlp, name, span_key)
