"""Places: countries, subdivisions, cities and named areas, from maintained data and a few constructions."""
from __future__ import annotations

import re
from bisect import bisect_left
from contextvars import ContextVar
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from ..common.component import RuleComponent
from ..common.doc_data import add_span, doc_text, doc_value, set_group, set_span_value, span_ranges, span_value, span_values
from ..common.lexicon import (LEXICON_FILES, calendar_words, common_capitalised, first_names, last_names, org_heads,
                              hyphen_tail, place_openers, role_words, word_set)
from ..common.lexicon import places as lexicon_places
from ..common.regex import compile_latin, UPPER, word_trie
from ..common.text import folded, in_slashed_dateline
from ..common.rules import current, data_files, from_rules
from .lookup import ALIASES, GAZETTEER, MAX_WORDS, NOT_PLACES, Entry, Reading, alias_forms, entry, names

# A town of fewer people than this needs a cue before it ("in", "from"): small towns share
# their names with people, companies and common words ("Republic", "Obama").
LARGE_CITY = 100_000
# A capitalised word, a dotted abbreviation ("U.S.") or a hyphenated compound ("Indo-Pacific").
# The pattern opens with its capital (checked not to be inside a word after it), so that the
# regex engine skips ahead to capitals: three times faster than an alternation at every position.
_WORD = compile_latin(rf"[{UPPER}](?<!\w[{UPPER}])(?:(?:\.[A-Z])+\.|[\w]*(?:-[\w]+)*)")  # "Łódź" too
_CAPITALISED = compile_latin(rf"[{UPPER}][\w]*")
_SENTENCE_START = compile_latin(r"(?:^|[.!?:;\"“”]\s+|\n\s*)[\"“‘]?$")
_THE_BEFORE = compile_latin(r"\b[Tt]he\s+$")
_BLANKS = compile_latin(r"\s*")
_PREVIOUS_WORD = compile_latin(r"([A-Za-z][\w]*)\W{0,2}\s+$")


class PlaceFound(NamedTuple):
    """A place mention: range, canonical name, kind, country and the rule that found it (span._.rule)."""

    start: int
    end: int
    name: str
    kind: str
    country: str | None
    rule: str
    city_too: bool = False  # a country named like its capital ("Djibouti", "Singapore"): "in Djibouti" may be the city


# The rules (span._.rule) of the ways a place is found.
GAZETTEER_RULE = "places:gazetteer"  # a name of the gazetteer or its aliases: "Nairobi", "U.S."
TITLED = "places:titled"  # a country's or region's name after its title: "State of Nordia"
COMPOUND_PART = "places:compound_part"  # a place in a hyphenated compound: "India" and "US" of "India-US"
HEAD = "places:head"  # capitalised words closed by a geographic head: "Varrow County"
OPENER = "places:opener"  # capitalised words opened by a geographic word: "Gulf of Aden"
NAMED_BY = "places:named_by"  # capitalised words before a lower-case geographic head: "the Permian basin"
OF_HEAD = "places:of_head"  # capitalised words after "town of", "village of": "the town of Bunia"
TOWN_STATE = "places:town_state"  # a town before a US state's abbreviation: "Boulder" of "Boulder, Colo."
STATE_ABBREVIATION = "places:state_abbreviation"  # the abbreviation after a town: "Colo." of "Boulder, Colo."
SUFFIXED = "places:suffixed"  # a region's name with the word of its formal name after it: "Kano State"
PREFIXED = "places:prefixed"  # a place after a word that makes an area of it: "Greater Eastport"
BESIDE_PLACE = "places:beside_place"  # a town set beside a known place: "Onne, in Rivers State", "between Kaolack and Kidira"
DATELINE = "places:dateline"  # the words opening a dateline: "Bunia" of "Bunia, March 3 -"


PLACE_FILES = LEXICON_FILES + data_files(
    "extractor.places", GAZETTEER, ALIASES, NOT_PLACES, "place_heads.txt", "place_cues.txt", "place_titles.txt",
    "place_named_by.txt", "place_of_heads.txt", "place_prefixes.txt", "place_suffixes.txt", "us_state_abbreviations.tsv")


@from_rules
def _heads() -> dict[str, str]:
    """Words that close a geographic name -> the kind of the name."""
    return {head: kind for head, kind in current().table("place_heads.txt", 2)}


@from_rules
def _head_pattern() -> re.Pattern:
    """Any geographic head word, as a word (its start checked after its first letter, so that the
    regex engine skips ahead to the heads' first letters)."""
    return compile_latin(word_trie(_heads(), not_after=r"\w") + r"(?![\w-])")


@from_rules
def _openers() -> re.Pattern:
    """ "Gulf of Aden", "Lake Victoria": an opener and one to three capitalised words."""
    return compile_latin(word_trie(place_openers(), not_after=r"\w") + r"\s(?:[A-Z][\w]*(?:\s(?=[A-Z]))?){1,3}")


@from_rules
def _titles() -> re.Pattern:
    """On the reversed text before a name: "Republic of ", "State of " (place_titles.txt)."""
    words = sorted((w[::-1] for w in current().lines("place_titles.txt")), key=len, reverse=True)
    return compile_latin(rf" fo (?:{'|'.join(map(re.escape, words))})(?![\w-])")


@from_rules
def _prefixes() -> tuple[str, ...]:
    """Words that make an area of the place after them, each with its blank (place_prefixes.txt)."""
    return tuple(word + " " for word in current().lines("place_prefixes.txt"))


@from_rules
def _prefix_before() -> tuple[re.Pattern, int]:
    """Any prefix where the text searched ends, and the longest prefix's length."""
    return compile_latin(rf"(?:{'|'.join(map(re.escape, _prefixes()))})\Z"), max(map(len, _prefixes()), default=0)


def _with_prefix(text: str, start: int, found: Entry) -> tuple[int, Entry] | None:
    """ "Greater Eastport" before a place's name at start: where it begins and its entry, an area of
    the place's countries; None if no prefix is there."""
    any_prefix, longest = _prefix_before()
    if text[start - 1:start] != " " or not any_prefix.search(text, max(0, start - longest), start):
        return None  # (one search for any prefix, instead of a test of each: most places have none)
    for prefix in _prefixes():
        begin = start - len(prefix)
        if begin >= 0 and text.startswith(prefix, begin) and not (begin and text[begin - 1].isalnum()):
            # the likeliest place's country first: of readings alike, _resolve keeps the first
            likeliest = _resolve(found.readings, {})
            readings = tuple(dict.fromkeys(Reading("area", r.country) for r in (likeliest,) + found.readings
                                           if r.kind != "area"))
            if readings:
                name = prefix + found.name
                return begin, Entry(name, name, readings)
    return None


@from_rules
def _suffixes() -> tuple[str, ...]:
    """Words that make a region's formal name after it, each with its blank (place_suffixes.txt)."""
    return tuple(" " + word for word in current().lines("place_suffixes.txt"))


def _with_suffix(text: str, end: int, found: Entry) -> tuple[int, Entry] | None:
    """ "Kano State": where a region's formal name with a suffix after end ends, and its entry (the
    region's readings outside the US); None if no suffix is there."""
    for suffix in _suffixes():
        if text.startswith(suffix, end) and not _WORD_GOES_ON.match(text, end + len(suffix)):
            readings = tuple(r for r in found.readings if r.kind == "region" and r.country != "US")
            if readings:
                return end + len(suffix), found._replace(readings=readings, name=found.name + suffix)
    return None


_WORD_GOES_ON = compile_latin(r"[\w-]")


def _with_title(text: str, start: int) -> int:
    """Where "Republic of " or the like before start begins (start if there is none)."""
    if not text.endswith(" of ", 0, start):
        return start
    before = text[max(0, start - 30):start][::-1]
    m = _titles().match(before)
    return start - m.end() if m else start


@from_rules
def _cues() -> frozenset[str]:
    """Words before a small town's name that make it a place."""
    return word_set("place_cues.txt", lower=True)


@from_rules
def _person_words() -> frozenset[str]:
    """Given and family names and sentence words: a town of that name needs a cue."""
    return first_names() | last_names() | common_capitalised()


# The words after a name's first one, on the same line: " Delhi", " and Herzegovina".
_ELIDED_PARTICLE = compile_latin(r"[dl]['’][A-Z]")
_NEXT_WORDS = compile_latin(rf"(?: [^\s]+){{0,{MAX_WORDS - 1}}}")
_TRAILING = ".,;:!?)\"'’”"
# Lower-case words inside place names.
_PARTICLES = frozenset({"and", "of", "the", "de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al",
                        "upon", "on", "en", "sur", "am", "an", "der", "di", "y", "e", "es", "i", "du", "des", "aan"})


def _key(written: str, known) -> str:
    """The table's key for a name as written: case-folded, its apostrophes straight, and without
    accents where the table has none ("Huế" is the table's "Hue", "Côte d’Ivoire" its "Côte d'Ivoire")."""
    key = written.casefold().replace("’", "'")
    if key.isascii() or key in known:
        return key
    plain = folded(key)
    return plain if plain in known else key


def _match_at(text: str, start: int, word: str, in_compound: bool = False) -> tuple[int, Entry] | None:
    """The longest name of the table that text has at start, its first word being `word`: (end,
    entry). Outside a compound that the caller splits, a name must not run on with a hyphen
    ("Guinea" of "Guinea-Bissau")."""
    starts, short_forms, lines = _NAMES.get() or names()
    if _key(word, starts) not in starts and _key(word.rstrip(_TRAILING), starts) not in starts:
        return None
    rest = _NEXT_WORDS.match(text, start + len(word)).group()
    words = [word]
    for following in rest.split(" ")[1:] if rest else ():
        # a name goes on with capitalised words and particles ("Bosnia and Herzegovina", "Rio de
        # Janeiro"), and ends at a word with punctuation after it
        if not (following[:1].isupper() or following in _PARTICLES or _ELIDED_PARTICLE.match(following)):
            break  # (an elided particle goes on: "Côte d'Ivoire")
        if following.endswith(("'s", "’s")):
            words.append(following[:-2])  # "Saudi Arabia's minister": the name ends before its possessive
            break
        hyphen = following.find("-")
        if hyphen > 0 and hyphen_tail().match(following, hyphen):
            words.append(following[:hyphen])  # "Abu Dhabi-based", "Kuala Lumpur-listed": a known name's adjective
            break
        words.append(following)
        if following[-1:] in _TRAILING:
            break
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        for written in dict.fromkeys((candidate, candidate.rstrip(_TRAILING))):
            if not written:
                continue
            key = _key(written, lines) if written.casefold() not in short_forms else written.casefold()
            found = short_forms.get(key) or (entry(key) if key in lines else None)
            if found is None:
                continue
            end = start + len(written)
            if end < len(text) and (text[end].isalnum() or text[end] == "-" and not in_compound
                                    and text[end + 1:end + 2].isalnum() and not hyphen_tail().match(text, end)):
                continue
            if written != found.name and written != written.upper() and written != found.canonical and not _same_capitals(
                    written, found.name) and written not in alias_forms():
                continue  # "new delhi" is not the city; "NEW DELHI" in a headline is, and "KwaZulu-Natal" "Kwazulu-Natal"
            if found.after_the and not _THE_BEFORE.search(text, max(0, start - 5), start):
                continue
            return end, found
    return None


def _same_capitals(written: str, name: str) -> bool:
    """Whether each word of written begins as the name's word does ("KwaZulu-Natal", "Kwazulu-Natal")."""
    return all(folded(a[:1]) == b[:1] and not b.isupper() for a, b in zip(written.split(" "), name.split(" ")))  # not "Us" for "US"


def _runs_on(text: str, end: int) -> bool:
    """Whether a capitalised word follows that continues a name ("Delhi Capitals", "County Council");
    a title or a day does not ("Burkina Faso President Blaise Kaboré", "left Greece Thursday")."""
    after = _CAPITALISED.match(text, end + 1) if text[end:end + 1] == " " else None
    if after is None:
        return False
    word = after.group()
    if word in _heads() or word in common_capitalised() or word in calendar_words():
        return False
    if word.lower() in role_words():  # a title, unless an organisation's head follows ("Harrow Crown Court")
        head = _CAPITALISED.match(text, after.end() + 1) if text[after.end():after.end() + 1] == " " else None
        return head is not None and head.group() in org_heads()
    return True


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """Whether capitalised words run on after the match ("Georgia Tech") or before it ("South
    Sudan Government" seen from "Sudan"): the place is part of another name."""
    if _runs_on(text, end):
        return True
    if text[start - 1:start] != " ":
        return False
    window = max(0, start - 30)
    if _lower_word_before(text, start, window):
        return False
    before = _PREVIOUS_WORD.search(text, window, start)
    return bool(before) and before.end() == start and before.group(1)[0].isupper() and before.end(1) + 1 == start \
        and before.group(1) not in common_capitalised() and entry(before.group(1).casefold()) is None \
        and not _SENTENCE_START.search(text, max(0, before.start(1) - 3), before.start(1))


def _lower_word_before(text: str, start: int, window: int) -> bool:
    """Whether the word before the blank before start has no capital (only its part after window
    counts). Most words before a name have none ("in", "of"): this test passes over them before
    a search for a capitalised word there, which tries every position of its window."""
    space = text.rfind(" ", window, start - 1)
    return text[space + 1 if space >= 0 else window:start - 1].islower()


def _needs_cue(text: str, start: int, found: Entry, reading: Reading) -> bool:
    """A small town, or a town or region named like a person, read as a place only after a cue."""
    word = text[start:start + len(found.name)]
    if reading.kind in ("country", "area") or found.canonical != found.name:
        return False
    small = reading.kind == "city" and reading.population < LARGE_CITY and not reading.capital
    return small or " " not in word and (word in _person_words() or word.isupper() and len(word) <= 3)


def _has_cue(text: str, start: int, end: int | None = None) -> bool:
    """Whether a cue word is before start, start opens a line (or follows "PERTH/" of a dateline), a
    word such as "town of" is before it, a US state's abbreviation follows end ("Boulder, Colo.") or
    a hyphenated word that says where ("Porto-based")."""
    previous = _PREVIOUS_WORD.search(text, max(0, start - 20), start)
    if previous and previous.group(1).lower() in _cues():
        return True
    opens_line = start == 0 or text[start - 1] == "\n" or text[start - 1] == "/" and in_slashed_dateline(text, start)
    if opens_line and (end is None or _opens_dateline(text, end)):
        return True
    if end is not None and text[end:end + 2] == ", " and _state_pattern().match(text, end + 2) is not None:
        return True
    if end is not None and hyphen_tail(place=True).match(text, end) and not text[start:end].isupper():
        return True  # not "ILO-based figures": an acronym, not the town of Ilo
    return _after_of_head_word(text, start)


# What follows a town's name that opens a line as a dateline or heading does ("RAUB, May 21 -"),
# unlike a word opening a sentence ("Police said", "Union leaders").
_DATELINE_AFTER = compile_latin(r"[ \t]*(?:[,(:–—/]|-(?!\w)|\n|\Z)")


def _opens_dateline(text: str, end: int) -> bool:
    """Whether the name ending at end is followed as a dateline's or heading's name is."""
    return _DATELINE_AFTER.match(text, end) is not None


_BIG_CITY = 1_000_000  # people: a city news names bare, and whose name no company's short form takes


def _resolve(readings: tuple[Reading, ...], countries: dict[str, int]) -> Reading:
    """The likeliest reading: one in a country the article names, then countries before regions,
    capitals and large cities. A name that is a country is never read as a town named after it
    ("Lebanon" beside the US is not a US town): such towns are too small for news to name bare."""
    if len(readings) == 1:  # most names: nothing to choose
        return readings[0]
    if any(r.kind == "country" for r in readings):
        readings = tuple(r for r in readings if r.kind != "city")

    def score(r: Reading) -> tuple:
        named = countries.get(r.country, 0)
        prior = _KIND_PRIORS.get(r.kind, 2 if r.capital else 1 if r.population >= _BIG_CITY else 0)
        return (bool(named) and r.kind != "country" or r.kind == "country", named, prior, r.population)
    return max(readings, key=score)


# Of readings alike in the article's countries, countries first, then areas and capitals, regions,
# large cities, other towns.
_KIND_PRIORS = {"country": 3, "area": 2, "region": 1}


def _written_words(text: str) -> set[str]:
    """The distinct capitalised words of the text (_WORD), kept for the text being read."""
    cached = _WORDS.get()
    if cached is None or cached[0] is not text:
        cached = (text, set(_WORD.findall(text)))
        _WORDS.set(cached)
    return cached[1]


_WORDS: ContextVar[tuple[str, set[str]] | None] = ContextVar("extractor_place_words", default=None)


def _candidate_words(text: str, starts: frozenset[str]) -> list[tuple[int, str]]:
    """(position, word) of the capitalised words (_WORD) that may begin a place's name, in text
    order. Most words begin none: each distinct word is looked up once, and only the words that
    do are then found in the text (str.find), instead of a Python step for every capitalised word."""
    written = _written_words(text)
    hits = [w for w in written if (key := _key(w, starts)) in starts or "-" in w or key.rstrip(_TRAILING) in starts]
    # _WORD reads "St" of "St. Louis" without its full stop: a short word with one may begin a name
    hits += [w + "." for w in written if len(w) <= 3 and (w + ".").casefold() in starts]
    _, short_forms, lines = _NAMES.get()
    found = []
    size = len(text)
    for word in hits:
        # a word that only begins names ("The" of "The Hague", "New") needs a word of a name after it
        only_begins = "-" not in word and (key := _key(word, lines)) not in lines and key not in short_forms \
            and key.rstrip(_TRAILING) not in lines
        # (such a word is kept only before a blank: it is looked for with it, which passes over
        # the many words that merely begin with it, "A" of "April", "It" of "Italy")
        written_as = word + " " if only_begins else word
        i = text.find(written_as)
        while i >= 0:
            j = i + len(word)
            # where _WORD would read this very word: not inside another, not a longer compound
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")) and (
                    j >= size or not (text[j].isalnum() or text[j] == "_" or text[j] == "-"
                                      and text[j + 1:j + 2].isalnum() or text[j] == "." and word[-1:] == "."
                                      and text[j + 1:j + 2].isupper())):
                if not only_begins or text[j:j + 1] == " " and (
                        text[j + 1:j + 2].isupper() or text[j + 1:j + 5].split(" ", 1)[0] in _PARTICLES
                        or _ELIDED_PARTICLE.match(text, j + 1)):
                    found.append((i, word))
            i = text.find(written_as, j)
    # the few short forms that open with a small letter ("sub-Saharan Africa", "southern Africa")
    for form in _lower_forms():
        i = text.find(form)
        while i >= 0:
            if not (i and (text[i - 1].isalnum() or text[i - 1] == "-")):
                found.append((i, form.split(" ", 1)[0]))
            i = text.find(form, i + 1)
    found.sort()
    return found


@from_rules
def _lower_forms() -> tuple[str, ...]:
    """The short forms of place_aliases.tsv written with a small first letter, as written."""
    return tuple(form for form in alias_forms() if form[:1].islower())


# The names of the rules active in find_places, looked up once per text instead of once per word.
_NAMES: ContextVar[tuple | None] = ContextVar("extractor_place_names", default=None)


def find_places(text: str, blocked: list[tuple[int, int]], body: int = 0, people: list[tuple[int, int]] = ()) -> list[PlaceFound]:
    """Place mentions of text that do not overlap the blocked ranges (people, organisations).
    body: where the text begins after its header ("date 2025-05-21 "), which opens a line; people:
    the people's ranges, whose names end a place's run of capitalised words."""
    token = _NAMES.set(names())
    try:
        return _find_places(text, blocked, _BLANKS.match(text, body).end(), {s for s, _ in people})
    finally:
        _NAMES.reset(token)


def _find_places(text: str, blocked: list[tuple[int, int]], body: int, people_starts: set[int]) -> list[PlaceFound]:
    blocked = sorted(blocked)
    ends = [e for _, e in blocked]

    def is_blocked(start: int, end: int) -> bool:
        i = bisect_left(ends, start + 1)
        return i < len(blocked) and blocked[i][0] < end

    matches: list[tuple[int, int, Entry | None, str, str]] = []  # start, end, entry or None, construction kind, rule
    for start, word in _candidate_words(text, _NAMES.get()[0]):
        found = _match_at(text, start, word)
        if found is not None:
            titled = _with_title(text, start)
            if titled < start and (readings := tuple(r for r in found[1].readings if r.kind in ("country", "region"))):
                # "State of Nordia" is the state, not a town of that name
                matches.append((titled, found[0], found[1]._replace(readings=readings, name=text[titled:found[0]]), "",
                                TITLED))
            matches.append((start, found[0], found[1], "", GAZETTEER_RULE))
            suffixed = _with_suffix(text, found[0], found[1])
            if suffixed is not None:
                matches.append((start, suffixed[0], suffixed[1], "", SUFFIXED))
            prefixed = _with_prefix(text, start, found[1])
            if prefixed is not None:
                matches.append((prefixed[0], found[0], prefixed[1], "", PREFIXED))
        elif "-" in word:  # "India-US": each part that is a place
            # ("Indo-US" is not: a capitalised part that is no place makes the whole a compound word)
            offset, parts = start, []
            for part in word.split("-"):
                if part[:1].isupper():
                    part_match = _match_at(text, offset, part, in_compound=True)
                    last = offset + len(part) == start + len(word)  # "Chad-Burkina Faso": the last part may run on
                    if part_match is None or part_match[0] != offset + len(part) and not (
                            last and part_match[0] > start + len(word)):
                        break
                    parts.append((offset, part_match[0], part_match[1], "", COMPOUND_PART))
                offset += len(part) + 1
            else:
                matches += parts
    constructed = _constructions(text, _written_words(text), body)
    matches += constructed
    # a known name its context makes a place ("the Savannah and Volta regions") needs no other cue
    read_from_context = {(m[0], m[1]) for m in constructed}
    towns, beside = _towns_by_known_places(text, {m[0]: m for m in matches if m[2] is not None and m[4] == GAZETTEER_RULE})
    matches += [town for town, _ in towns]
    town_countries = {(town[0], town[1]): country for town, country in towns}
    # longest first, then leftmost; no overlaps
    kept: list[tuple[int, int, Entry | None, str, str]] = []
    taken = bytearray(len(text) + 1)  # characters of the names kept so far
    for match in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if not any(taken[match[0]:match[1]]):
            # a blocked name still covers its words: "Macedonia" of a blocked "Republic of North Macedonia" is not kept
            kept.append(match + (is_blocked(match[0], match[1]),))
            taken[match[0]:match[1]] = b"\x01" * (match[1] - match[0])
    kept = sorted(k[:5] for k in kept if not k[5])
    def cued(start: int, end: int, found: Entry, reading: Reading) -> bool:
        return not _needs_cue(text, start, found, reading) or start == body and _opens_dateline(text, end) \
            or _has_cue(text, start, end) or (start, end) in beside \
            or (start, end) in read_from_context

    countries: dict[str, int] = {}
    for start, end, found, _, _ in kept:
        # a town read only with a cue names its country only with one ("Union leaders" names no US)
        if found is not None and len({r.country for r in found.readings}) == 1 and cued(start, end, found, found.readings[0]):
            code = found.readings[0].country
            countries[code] = countries.get(code, 0) + 1
    places = []
    for start, end, found, kind, rule in kept:
        if found is None:
            country = "US" if rule == TOWN_STATE else town_countries.get((start, end)) or _construction_country(
                text[start:end], countries)
            places.append(PlaceFound(start, end, text[start:end], kind, country, rule))
            continue
        reading = _resolve(found.readings, countries)
        if text[start:end] in calendar_words() and reading.kind != "country":
            continue  # a town named March: "in March" is a month
        if text[end:end + 1] == "$" or _in_longer_name(text, start, end) and text[start:end] != text[start:end].upper() \
                and (end + 1) not in people_starts:  # "Governor of Kaduna State Usman Garba": a person's name follows
            continue
        if not cued(start, end, found, reading):
            continue
        if (" " not in found.name and reading.kind != "country" and found.canonical == found.name
                and _SENTENCE_START.search(text, max(0, start - 3), start) and text[start:end] in _person_words()):
            continue
        city_too = reading.kind == "country" and any(r.kind == "city" and r.capital and r.country == reading.country
                                                     for r in found.readings)
        places.append(PlaceFound(start, end, found.canonical, reading.kind, reading.country or None, rule, city_too))
    return places


def _constructions(text: str, words_written: set[str], body: int = 0) -> list[tuple[int, int, None, str, str]]:
    """Names closed by a geographic head ("Varrow County") or opened by one ("Gulf of Aden").
    words_written: the text's capitalised words (_WORD), so that only texts with a head or an
    opener in them are scanned for one; body: where the text begins after its header."""
    heads = _heads()
    found = []
    for m in _head_pattern().finditer(text) if not words_written.isdisjoint(heads) else ():
        kind = heads[m.group()]
        if _runs_on(text, m.end()):
            continue
        start = m.start()
        words = 0
        while words < 3:
            before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
            if not before or not before.group(1)[0].isupper() or text[before.end(1):start].strip(" ") \
                    or before.group(1) in common_capitalised():
                break
            start, words = before.start(1), words + 1
        if words:
            found.append((start, m.end(), None, kind, HEAD))
    for m in _openers().finditer(text) if not words_written.isdisjoint(_opener_words()) else ():
        found.append((m.start(), m.end(), None, "area", OPENER))
    found += _named_by(text) + _after_of_head(text) + _town_states(text) + _datelines(text, body)
    return found


# A word of a name that these constructions read: capitalised, not a possessive's "'s".
_NAME_WORD = rf"[{UPPER}][\w’'-]*?(?:[’']s\b)?"
_NAME_PARTICLES = "de|del|la|el|al|da|do|dos|du|di|van|von|upon|on|sur|am"


def _name_words_before(text: str, end: int) -> int:
    """Where the one to three capitalised words that end at end begin (end if there are none):
    sentence words ("The"), geographic heads and nationality adjectives ("Chinese") are not
    part of a name."""
    offset = max(0, end - 120)
    chunk = text[offset:end] + " "  # _PREVIOUS_WORD reads a word before a blank
    start, words = len(chunk) - 1, 0
    while words < 3:
        before = _PREVIOUS_WORD.search(chunk, max(0, start - 40), start if words else start + 1)
        # a word inside a compound ("mainly-Moslem", "al-Akhdar") is not a name's first
        if not before or not before.group(1)[0].isupper() or chunk[before.end(1):start].strip(" ") \
                or not _is_name_word(before.group(1)) or chunk[before.start(1) - 1:before.start(1)] in ("-", "’", "'"):
            break
        start, words = before.start(1), words + 1
    return offset + start


def _is_name_word(word: str) -> bool:
    """A capitalised word that may be part of a place's name read from its context."""
    return word not in common_capitalised() and word not in _heads() and word not in calendar_words() and not (
        word in lexicon_places() and entry(word.casefold()) is None)


@from_rules
def _named_by_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """A capitalised word, a blank and a head of place_named_by.txt (group 1); the heads' kinds.
    The pattern opens with its capital so that the regex engine skips ahead to capitals."""
    kinds = {head: kind for head, kind in current().table("place_named_by.txt", 2)}
    heads = "|".join(sorted(map(re.escape, kinds), key=len, reverse=True))
    return compile_latin(rf"[A-Z][\w’'.-]* ({heads})(?![\w-])"), kinds


def _named_by(text: str) -> list[tuple[int, int, None, str, str]]:
    """Capitalised words before a lower-case geographic head: "Permian" of "the Permian basin"."""
    pattern, kinds = _named_by_pattern()
    found = []
    for m in pattern.finditer(text):
        i = m.start(1) - 1
        start = _name_words_before(text, i)
        if start == i:
            continue
        # one word opening a sentence may be any capitalised word ("Police district"), unless a place
        if " " not in text[start:i] and _SENTENCE_START.search(text, max(0, start - 3), start) \
                and entry(text[start:i].casefold()) is None:
            continue
        found.append((start, i, None, kinds[m.group(1)], NAMED_BY))
        # a plural head names the two places before it: "the Volta and Savannah regions"
        if m.group(1).endswith("s") and text.endswith(" and ", 0, start) \
                and (first := _name_words_before(text, start - 5)) < start - 5:
            found.append((first, start - 5, None, kinds[m.group(1)], NAMED_BY))
    return found


@from_rules
def _of_heads() -> dict[str, str]:
    """Words before "of" and a place's name -> the kind of the name (place_of_heads.txt)."""
    return {head: kind for head, kind in current().table("place_of_heads.txt", 2)}


@from_rules
def _of_head_pattern() -> re.Pattern:
    """ " of " and one to four capitalised words (group 1): the word before is checked to be a head
    (a scan for the literal " of " is much faster than for an alternation of heads)."""
    return compile_latin(rf" of ({_NAME_WORD}(?: (?:(?:{_NAME_PARTICLES}) )?{_NAME_WORD}){{0,3}})(?![\w-])")


_TOWN = rf"[{UPPER}][\w'’-]+(?:[ \t]+[{UPPER}][\w'’-]+)?"
# Read back from a known place's start: "at Onne, in Rivers State", "in Nyankpala, in Ghana's Northern Region"
_TOWN_IN_BEFORE = compile_latin(rf"\b(?:in|at|near|outside|from)[ \t]+(?P<town>{_TOWN}),[ \t]+in[ \t]+(?:the[ \t]+)?"
                                rf"(?:[{UPPER}][\w-]*['’]s[ \t]+)?$")
# "between Kaolack and Kidira", "linking A and B", "from Piura to Pasaje", read around the known one
_PAIR_OPENER = r"\b(?:between|linking|connecting|through)[ \t]+"
_FIRST_OF_PAIR = compile_latin(rf"{_PAIR_OPENER}$|\bfrom[ \t]+$")
_SECOND_OF_PAIR = compile_latin(rf"(?:{_PAIR_OPENER}(?P<a>{_TOWN})[ \t]+and|\bfrom[ \t]+(?P<from>{_TOWN})[ \t]+to)[ \t]+$")
_OTHER_AFTER = {"and": compile_latin(rf"[ \t]+and[ \t]+(?P<town>{_TOWN})(?![\w'’-])"),
                "to": compile_latin(rf"[ \t]+to[ \t]+(?P<town>{_TOWN})(?![\w'’-])")}
# The last words, before blanks, of _TOWN_IN_BEFORE ("in", "the", a possessive's "s"), of
# _FIRST_OF_PAIR and of _SECOND_OF_PAIR.
_TOWN_IN_ENDS = ("in", "the", "s")
_PAIR_OPENERS = ("between", "linking", "connecting", "through", "from")
_PAIR_LINKS = (" and", "\tand", " to", "\tto")
# "the towns of Aguas Verdes and Huaquillas": both towns, whether known or not
_TOWNS_PLURALS = ("towns", "cities", "villages", "ports")
_TOWNS_OF_WORDS = tuple(f"{plural} of" for plural in _TOWNS_PLURALS)
_TOWNS_OF = compile_latin(rf"\b(?:{'|'.join(_TOWNS_PLURALS)}) of[ \t]+(?P<a>{_TOWN})[ \t]+and[ \t]+(?P<b>{_TOWN})(?![\w'’-])")


def _towns_by_known_places(text: str, known: dict) -> tuple[list[tuple[tuple[int, int, None, str, str], str | None]],
                                                          set[tuple[int, int]]]:
    """Towns the gazetteer lacks, read from a known place beside them (known: its matches by start),
    each with the country of that place: "at Onne, in Rivers State", "between Kaolack and Kidira",
    "the towns of Aguas Verdes and Huaquillas"; and the ranges of every town so read, known ones
    too, for which that construction is the cue a small town needs. Each construction is read
    around the few known places, not scanned for over the text."""
    found = []
    beside: set[tuple[int, int]] = set()

    def town(start: int, end: int, country: str | None) -> None:
        beside.add((start, end))
        words = text[start:end].split()
        if start not in known and all(_is_name_word(w) and w not in _person_words() for w in words):
            found.append(((start, end, None, "city", BESIDE_PLACE), country))

    for start, match in known.items():
        window = max(0, start - 80)
        # each construction ends in a word of its own and blanks before the known place ("in ",
        # "between ", "and "): the words before are tested so, and only then searched with the
        # patterns, each of which tries every position of its window
        stem = text[window:start].rstrip(" \t")
        if len(stem) == start - window:
            continue
        if stem.endswith(_TOWN_IN_ENDS) and "," in stem and (m := _TOWN_IN_BEFORE.search(text, window, start)) is not None:
            town(*m.span("town"), _only_country(match[2]))
        if stem.endswith(_PAIR_OPENERS) and (m := _FIRST_OF_PAIR.search(text, max(0, start - 12), start)) is not None:
            other = _OTHER_AFTER["to" if m.group().startswith("from") else "and"].match(text, match[1])
            if other is not None:
                town(*other.span("town"), _only_country(match[2]))
        if stem.endswith(_PAIR_LINKS) and (m := _SECOND_OF_PAIR.search(text, window, start)) is not None:
            town(*m.span("a" if m.group("a") else "from"), _only_country(match[2]))
    # (the pattern opens with an alternation, which the regex engine tries at every position)
    if any(words in text for words in _TOWNS_OF_WORDS):
        for m in _TOWNS_OF.finditer(text):
            town(*m.span("a"), None)
            town(*m.span("b"), None)
    return found, beside


def _only_country(found: Entry) -> str | None:
    """The country of all of a name's readings (None if they lie in several, or in none)."""
    codes = {r.country for r in found.readings}
    return codes.pop() or None if len(codes) == 1 else None


def _after_of_head_word(text: str, start: int) -> bool:
    """Whether "town of ", "village of " or the like stands right before start."""
    if text[start - 4:start] != " of ":
        return False
    return text[text.rfind(" ", max(0, start - 24), start - 4) + 1:start - 4] in _of_heads()


def _after_of_head(text: str) -> list[tuple[int, int, None, str, str]]:
    """Capitalised words after "town of", "village of", ...: "Bunia" of "the town of Bunia"."""
    found = []
    heads = _of_heads()
    for m in _of_head_pattern().finditer(text):
        head = text[text.rfind(" ", max(0, m.start() - 20), m.start()) + 1:m.start()]
        if head not in heads:
            continue
        start, end = m.span(1)
        words = m.group(1).split(" ")
        # a particle and a word that is no name's end it before them: "Villa Alta on Monday"
        cut = next((i for i in range(1, len(words) - 1) if words[i].islower() and not _is_name_word(words[i + 1])), None)
        if cut is not None:
            end = start + len(" ".join(words[:cut]))
        elif m.group(1)[-2:] in ("'s", "’s"):
            end -= 2
        if _runs_on(text, end) or not all(_is_name_word(w) for w in text[start:end].split() if w[0].isupper()):
            continue
        found.append((start, end, None, heads[head], OF_HEAD))
    return found


@from_rules
def _state_abbreviations() -> dict[str, Entry]:
    """A US state's abbreviation -> its entry (us_state_abbreviations.tsv), with the state's readings
    of the table (the District of Columbia, which the table lacks, a region of the US)."""
    found = {}
    for form, state in current().table("us_state_abbreviations.tsv", 2):
        named = entry(state.casefold())
        readings = tuple(r for r in named.readings if r.kind == "region" and r.country == "US") if named else ()
        found[form] = Entry(form, state, readings or (Reading("region", "US"),))
    return found


@from_rules
def _state_pattern() -> re.Pattern:
    """A state's abbreviation where it ends: "N.J." before a comma or a blank; "NJ" only before a
    ZIP code ("Director, MD" is a managing director, "Smith, CA" an accountant)."""
    dotted = sorted((f for f in _state_abbreviations() if f.endswith(".")), key=len, reverse=True)
    postal = sorted(f for f in _state_abbreviations() if not f.endswith("."))
    return compile_latin(rf"(?:{'|'.join(map(re.escape, dotted))})(?![\w.-])"
                         rf"|(?:{'|'.join(postal)})(?= \d{{5}}\b)")


def _town_states(text: str) -> list[tuple[int, int, Entry | None, str, str]]:
    """A town and a US state's abbreviation after it: "Boulder" and "Colo." of "Boulder, Colo."."""
    found = []
    abbreviations = _state_abbreviations()
    for m in _town_state_pattern().finditer(text):
        start = _name_words_before(text, m.start())
        # in capitals (a headline) a comma and two letters are no state's ("TALKS, IN BRIEF")
        if start < m.start() and not text[start:m.start()].isupper():
            found.append((start, m.start(), None, "city", TOWN_STATE))
            found.append((m.start(1), m.end(1), abbreviations[m.group(1)], "", STATE_ABBREVIATION))
    return found


@from_rules
def _town_state_pattern() -> re.Pattern:
    """A comma and a state's abbreviation (group 1), scanned for in one pass."""
    return compile_latin(rf", ({_state_pattern().pattern})")


@from_rules
def _dateline_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A line opened by a place, a comma and a date ("Bunia, March 3"), optionally with its country
    between ("BUNIA, Congo, March 3"), or by a place and an agency in brackets ("BUNIA (Reuters)"):
    at the text's start, and after a newline (a pattern that opens with a literal is scanned for at
    C speed; one that opens with "^" in multi-line mode is tried at every position)."""
    months = "|".join(sorted((line.split("\t")[0] for line in current().lines("months.txt")), key=len, reverse=True))
    line = (rf"(?:({_NAME_WORD}(?: {_NAME_WORD}){{0,2}})(?:, [A-Z][\w-]*(?: [A-Z][\w-]*)?)?"
            rf"(?:, (?:(?:{months})\.? \d|\d{{1,2}} (?:{months})\b)| \([A-Z][\w ]*\) [-–—:])"
            # a town in capitals that says it is one, before a dash alone: "DAVAO CITY —" (not "BREAKING —",
            # nor a club: "Hull City - Arsenal 2-1")
            rf"|([{UPPER}][{UPPER}'’-]+(?: [{UPPER}][{UPPER}'’-]+)? CITY) [-–—] )")
    return compile_latin(line), compile_latin("\n" + line)


def _datelines(text: str, body: int = 0) -> list[tuple[int, int, None, str, str]]:
    """The place that opens a dateline: "Bunia" of "Bunia, March 3 -"."""
    found = []
    at_start, after_newline = _dateline_patterns()
    first = at_start.match(text, body)
    for m in ([first] if first else []) + list(after_newline.finditer(text)):
        if m.group(2):  # "DAVAO CITY": says it is a town
            found.append((m.start(2), m.end(2), None, "city", DATELINE))
            continue
        words = m.group(1).split()
        if all(_is_name_word(w) for w in words) and not (len(words) > 1 and words[0] in first_names()):
            found.append((m.start(1), m.end(1), None, "city", DATELINE))
    return found


@from_rules
def _opener_words() -> frozenset[str]:
    """The first words of the openers ("Gulf", "Lake")."""
    return frozenset(opener.split()[0] for opener in place_openers())


def _construction_country(name: str, countries: dict[str, int]) -> str | None:
    """The country of a named area when its first words name a place of one country."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        found = entry(" ".join(words[:n]).casefold())
        if found is not None:
            codes = {r.country for r in found.readings if r.kind != "area"}
            if len(codes) == 1:
                return codes.pop() or None
    return None


class PlaceFinder(RuleComponent):
    """Adds place mentions to doc.spans[span_key] (canonical name, kind, country), and removes
    organisation and person mentions that are a place's name and nothing more."""

    data_files = PLACE_FILES

    def __init__(self, nlp: Language, name: str, span_key: str, people_key: str, organisations_key: str,
                 agreements_key: str):
        self.name = name
        self.agreements_key = agreements_key
        self.span_key = span_key
        self.people_key = people_key
        self.organisations_key = organisations_key

    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        header = (0, doc_value(doc, "header_end"))
        # a place only in an agreement's name is not one ("framework for India-Peru Trade")
        names = span_ranges(doc, self.agreements_key) + [header]
        ranges = {key: span_ranges(doc, key) for key in (self.people_key, self.organisations_key)}
        found = find_places(text, ranges[self.people_key] + ranges[self.organisations_key] + names, header[1],
                            ranges[self.people_key])
        if self._drop_places(doc, text, {p.country for p in found if p.kind == "country"}, ranges):
            people = span_ranges(doc, self.people_key)
            found = find_places(text, people + span_ranges(doc, self.organisations_key) + names, header[1], people)
        for place in found:
            add_span(doc, self.span_key, place.start, place.end, "PLACE", rule=place.rule,
                     canonical=place.name, kind=place.kind, country=place.country,
                     **({"city_too": True} if place.city_too else {}))
        return doc

    def _drop_places(self, doc: Doc, text: str, countries: set[str], ranges: dict[str, list[tuple[int, int]]]) -> bool:
        """Drop organisation and person mentions that are only a place's name: a country's, or a
        region's of a country the article names ("Sindh" beside Pakistan; "Bono" with no Ghana
        around is the singer). A short mention of a longer name ("Shiga" after "Kenji Shiga")
        stays; an organisation found to be a town is no agreement's party either. ranges: each group's
        mentions. Whether any was dropped."""
        values = span_values(doc)
        dropped = False
        towns: set[str] = set()  # organisations' mentions found to be towns after "in", "near" …
        _, short_forms, lines = names()
        for key in (self.organisations_key, self.people_key):
            if key not in doc.spans:
                continue
            # an organisation read only from its neighbours that one of its mentions shows to be a town
            # ("in Olomouc and the Lakeside Institute"): the town, wherever else it is named
            located = set()
            if key == self.organisations_key:
                located = {text[s:e] for s, e in ranges[key] if _town_after_locative(text, s, e, span_value(values, "rule", s, e))}
                located -= {text[s:e] for s, e in ranges[key]  # not one that a mention shows to be a company
                            if span_value(values, "rule", s, e) not in _WEAK_ORGANISATION_RULES}
            named_as_town = {(s, e) for s, e in ranges[key] if key == self.people_key and (
                _after_of_head_word(text, s) or _inside_town_name(text, s, e)
                or span_value(values, "rule", s, e) in _READ_FROM_ITS_WORDS and _is_town(text[s:e]))
                or key == self.organisations_key and text[s:e] in located
                and span_value(values, "rule", s, e) in _WEAK_ORGANISATION_RULES}
            if not named_as_town and not any((k := text[s:e].casefold()) in lines or k in short_forms
                                             for s, e in ranges[key]):
                continue  # no mention is a place's name: leave the group's spans alone
            group = doc.spans[key]
            # words of the longer names: "Shiga" alone is the person "Kenji Shiga" named before
            name_words = {w for span in group for w in text[span.start_char:span.end_char].split()[1:]}
            # and a name that has an honorific anywhere ("Mr Shiga") is a person's everywhere
            name_words |= {text[span.start_char:span.end_char] for span in group
                           if (honorific := span_value(values, "honorific", span.start_char, span.end_char))
                           and not _is_town(f"{honorific} {text[span.start_char:span.end_char]}")}  # not "General Santos"
            # a town or region of the article's countries that only weak readings made an organisation
            # ("Ogun" of "Ogun Electricity Company", "the Paraná farm cooperative" after an "and")
            strong = {text[s.start_char:s.end_char] for s in group if key == self.organisations_key
                      and span_value(values, "rule", s.start_char, s.end_char) not in _WEAK_ORGANISATION_RULES}
            keep = []
            for span in group:
                start, end = span.start_char, span.end_char
                written = text[start:end]
                found = entry(written.casefold())
                if (key == self.organisations_key and found is not None and written == found.name and written not in strong
                        and span_value(values, "rule", start, end) in _WEAK_ORGANISATION_RULES
                        and (reading := _resolve(found.readings, dict.fromkeys(countries, 1))).country in countries
                        and (reading.kind == "region" or reading.kind == "city" and reading.population >= _BIG_CITY)):
                    # (a smaller town lends its name to companies more often: "Asahi" of "Asahi Breweries")
                    dropped = True
                    continue
                honorific = span_value(values, "honorific", start, end)
                if (start, end) in named_as_town and written not in name_words \
                        and (honorific is None or _is_town(f"{honorific} {written}")):
                    dropped = True  # "the city of Villa Alta": no person's name; "in General Santos": the town
                    if key == self.organisations_key:
                        towns.add(written)
                    continue
                if (found is not None and written == found.name and written not in name_words
                        and not _in_longer_name(text, start, end) and span_value(values, "honorific", start, end) is None
                        and (span_value(values, "canonical", start, end) or written) == written
                        and all(r.kind == "country" or r.kind == "region" and r.country in countries
                                for r in found.readings)):
                    dropped = True
                    continue
                keep.append(span)
            if len(keep) < len(group):
                set_group(doc, key, keep)
        if towns:
            self._drop_town_parties(doc, values, towns)
        return dropped

    def _drop_town_parties(self, doc: Doc, values, towns: set[str]) -> None:
        """Take the towns that organisations' mentions were found to be out of the agreements'
        parties and their evidence ("the university in Olomouc and the institute signed")."""
        for span in doc.spans.get(self.agreements_key, ()):
            start, end = span.start_char, span.end_char
            parties = span_value(values, "parties", start, end)
            if parties and towns.intersection(parties):
                set_span_value(doc, start, end, "parties", [p for p in parties if p not in towns])
                evidence = span_value(values, "evidence", start, end)
                if evidence and evidence.get("parties"):
                    kept = {name: at for name, at in evidence["parties"].items() if name not in towns}
                    set_span_value(doc, start, end, "evidence", {**evidence, "parties": kept})


_CAPITALISED_BEFORE = compile_latin(rf"[{UPPER}][\w]*[ \t]$")
# Organisation mentions read from their neighbours, not from their own words.
_WEAK_ORGANISATION_RULES = frozenset({"organisations:short_form", "organisations:coordinated", "organisations:repeat"})
_CAPITALISED_AFTER = compile_latin(rf"[ \t][{UPPER}][\w]*")


# People read only from the words of their name (a surname written first, a given name) or from a
# list they stand in: a town's name of two words or more that reads so ("Chiang Mai") is the town.
_READ_FROM_ITS_WORDS = frozenset({"people:surname_first", "people:given_name", "people:known_surname",
                                  "people:list_neighbour"})


_LOCATIVE_BEFORE = compile_latin(r"\b(?:in|near|outside|at|from|to|around)[ \t]+$")


def _town_after_locative(text: str, start: int, end: int, rule: str | None) -> bool:
    """Whether an organisation's mention read from its neighbours (a short form, a repeat, a name
    beside another: "in Olomouc and the Lakeside Institute") is a town's name after "in", "near" …: "Kabwe"
    of "Kabwe Solar Power Ltd" in "a plant near Kabwe" is the town the company is named after."""
    if rule not in _WEAK_ORGANISATION_RULES or not _LOCATIVE_BEFORE.search(
            text, max(0, start - 10), start):
        return False
    found = entry(text[start:end].casefold())
    return found is not None and found.name == text[start:end] and any(r.kind == "city" for r in found.readings)


def _is_town(name: str) -> bool:
    """Whether a name of two words or more is a town's, as the gazetteer writes it."""
    found = entry(name.casefold()) if " " in name else None
    return found is not None and found.name == name and any(r.kind == "city" for r in found.readings)


def _inside_town_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised words around a name, with it, are a town's name ("Chi Minh" of "Ho
    Chi Minh City", read as a person's by its given name)."""
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    after = _CAPITALISED_AFTER.match(text, end)
    lefts = (before.start(), start) if before else (start,)
    rights = (end, after.end()) if after else (end,)
    return any((left, right) != (start, end) and _is_town(text[left:right]) for left in lefts for right in rights)


@Language.factory(
    "extractor_places",
    assigns=["doc.spans", "span._.canonical", "span._.kind", "span._.country", "span._.city_too", "span._.rule"],
    requires=["doc.spans", "doc._.header_end"],  # people, organisations, agreements: places in their names are not
    default_config={"span_key": "places", "people_key": "people", "organisations_key": "organisations",
                    "agreements_key": "agreements"},
)
def make_places(nlp: Language, name: str, span_key: str, people_key: str, organisations_key: str,
                agreements_key: str) -> PlaceFinder:
    """Factory for the place finder."""
    return PlaceFinder(nlp, name, span_key, people_key, organisations_key, agreements_key)
