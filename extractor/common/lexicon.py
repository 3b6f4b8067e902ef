"""Word lists and the capitalised-phrase scanner shared by the name components."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from .regex import UPPER, alternation, compile_latin, trie as regex_trie
from .rules import current, data_files, from_rules, having
from .text import FoldedSet, folded

# The files the functions below read: every component that uses them lists these in its data_files.
LEXICON_FILES = data_files(
    "extractor.common", "ambiguous_honorifics.txt", "calendar_names.txt", "common_capitalised.txt", "first_names.txt", "honorifics.txt",
    "last_names.txt", "legal_suffixes.txt", "name_connectors.txt", "name_particles.txt", "name_prefixes.txt", "not_acronyms.txt", "not_names.txt", "org_heads.txt", "org_industries.txt", "org_opening_heads.txt", "org_names.txt", "patronymic_particles.txt", "patronymic_endings.txt", "person_clause_verbs.txt", "surname_openers.txt", "person_nouns.txt",
    "place_combining_forms.txt", "place_heads.txt", "place_openers.txt", "places.txt", "ranks.txt", "role_words.txt", "speech_verbs.txt", "surname_first.txt", "surname_first_words.txt", "title_surnames.txt",
    "given_name_words.txt", "name_abbreviations.txt", "portfolio_titles.txt", "hyphen_tails.txt", "honorific_given_names.txt",
) + data_files("extractor.dates", "months.txt", "weekdays.txt")


def word_set(name: str, lower: bool = False) -> frozenset[str]:
    """A list of the active rules as a set."""
    return current().words(name, lower)


def word_list(name: str) -> tuple[str, ...]:
    """A list of the active rules, in file order."""
    return current().lines(name)

# A capitalised word: "Ministry", "NRMO", "Inter-Services", "O'Neill", "U.S.", "S.p.A.", "SkyJet".
# A dot is kept only in dotted acronyms and in short abbreviations before another name word ("Dr. Kaushik").
# WORD_TAIL is what follows the first capital; a pattern that opens with "[A-Z]" (and checks what
# comes before in a lookbehind after it) lets the regex engine skip ahead to capitals quickly.
# The capital may carry an accent ("Łukasz", "Öztürk", "A.Ş."): names written with one are read as plain ones.
CAPITAL = f"[{UPPER}]"
WORD_TAIL = rf"(?:/[A-Z](?![\w/])|\.(?:[a-z]\.)*(?:{CAPITAL}\.)+|[a-z]{{0,3}}\.(?=[ \t]+[A-Z])|[\w'’&-]*[\w]|)"
WORD = rf"{CAPITAL}{WORD_TAIL}"
# WORD where the character before is no word character or hyphen, checked after the capital:
# the engine then skips ahead to capitals instead of trying a leading lookbehind everywhere.
WORD_AFTER_BOUNDARY = rf"{CAPITAL}(?<![\w-]{CAPITAL}){WORD_TAIL}"


def trie(words) -> str:
    """The words as one regex branching a character at a time (spaces match a single space)."""
    return regex_trie(words, space=" ")


def words_not_after(words, before: str) -> str:
    """Any of the words where the character before is not in the class `before` ("[\\w-]").

    The lookbehind comes after each word's first character, so that the pattern opens with
    literal characters and the regex engine skips straight to them instead of trying every
    position of the text (a leading lookbehind is several times slower on long texts)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(f"{re.escape(c)}(?<!{before}{re.escape(c)}){trie(rest)}"
                            for c, rest in sorted(rests.items())) + ")"


def matches_at(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """pattern.finditer(text) when every match begins at one of the ascending positions `starts`.

    A cheap scan for those positions and a match tried only there beat the regex engine trying
    the pattern at every position of the text (it cannot skip ahead to lower-case words)."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()
            yield match


@from_rules
def name_particles() -> frozenset[str]:
    """Lower-case particles inside names ("von", "bin", "da"), for people and organisations alike."""
    return word_set("name_particles.txt")


@from_rules
def patronymic() -> re.Pattern:
    """A patronymic by its ending ("Rustamovich", "Bahodirovna", "Serikbayuly": patronymic_endings.txt)."""
    endings = sorted(word_list("patronymic_endings.txt"), key=len, reverse=True)
    return re.compile(rf"[A-Z][a-z]{{2,}}(?:{'|'.join(endings)})")


# The particles of name_particles.txt that join two surnames as "and" does: "Almeida e Silva", "Ortega y Gasset".
JOINING_PARTICLES = frozenset({"e", "y"})


@from_rules
def surname_openers() -> frozenset[str]:
    """Capitalised words opening a surname of two words ("Abu Nasser", "Al Harthy")."""
    # (not "E" or "Y": the particles that join two surnames open none)
    return word_set("surname_openers.txt") | frozenset(p[:1].upper() + p[1:] for p in name_particles() - JOINING_PARTICLES)


@from_rules
def patronymic_particles() -> frozenset[str]:
    """Particles meaning "son of", "daughter of": a parent's name follows, even a title word ("bin Sultan")."""
    return word_set("patronymic_particles.txt")


@from_rules
def name_prefixes() -> tuple[str, ...]:
    """Small-letter prefixes joined to a capitalised name word: by a hyphen ("al-", "el-") or as an
    elided article ("d'", "l'")."""
    return tuple(sorted(word_set("name_prefixes.txt"), key=len, reverse=True))


@from_rules
def name_prefix_pattern() -> str:
    """name_prefixes() as an optional regex group, to put before a name's capital."""
    return f"(?:{alternation(name_prefixes())})?"


@from_rules
def name_connectors() -> frozenset[str]:
    """Lower-case words that join a name's capitalised words ("of", "and", "&")."""
    return word_set("name_connectors.txt")


@from_rules
def name_joiners() -> frozenset[str]:
    """The lower-case words a capitalised phrase may hold between its words: connectors and particles."""
    return name_connectors() | name_particles()


@from_rules
def joiner_pattern() -> str:
    """name_joiners() as one regex group, longest first (to build phrase patterns with)."""
    return f"(?:{alternation(name_joiners())})"


# The facets of speech_verbs.txt, in column order, with the values each may take.
SPEECH_FACETS = {"tense": frozenset({"past", "present"}), "after": frozenset({"speaker", "listener", "neither"})}


@from_rules
def speech_verb_table() -> dict[str, dict[str, str]]:
    """Speech verbs with their facets: verb -> {"tense": ..., "after": ...} (speech_verbs.txt)."""
    return current().facets("speech_verbs.txt", SPEECH_FACETS)


@from_rules
def speech_verbs(**wanted: str) -> frozenset[str]:
    """Verbs that report speech ("said", "told", "noted"), for every component; with facets, those
    that have them (speech_verbs(after="speaker"): the verbs a speaker's name may follow)."""
    return having(speech_verb_table(), **wanted)


@from_rules
def honorifics() -> frozenset[str]:
    """Honorifics and ranks, as written."""
    return word_set("honorifics.txt") | ranks()


# asked for every word of every capitalised phrase: cached, bounded so that a long feed does not grow memory
@from_rules(maxsize=65536)
def is_honorific(word: str) -> bool:
    """Whether a word, with or without its full stop, is an honorific or rank."""
    return word in honorifics() or word.rstrip(".") in honorifics()


@from_rules
def ranks() -> frozenset[str]:
    """Military and police ranks: honorifics that are also a role."""
    return word_set("ranks.txt")


@from_rules
def ambiguous_honorifics() -> frozenset[str]:
    """Honorifics that are also ordinary capitalised words ("General", "Major", "Justice")."""
    return word_set("ambiguous_honorifics.txt")


@from_rules
def places() -> frozenset[str]:
    """Countries, regions and major cities, one or two words, and the combining forms of their adjectives."""
    return word_set("places.txt") | place_combining_forms()


@from_rules
def place_combining_forms() -> frozenset[str]:
    """ "Indo", "Sino": forms of place adjectives written only in compounds ("Indo-US")."""
    return word_set("place_combining_forms.txt")


@from_rules
def not_names() -> frozenset[str]:
    """Capitalised words that are never part of a person's name."""
    return word_set("not_names.txt") | places() | place_heads() | calendar_words()


@from_rules
def place_heads() -> frozenset[str]:
    """Words that close a place name ("Avenue", "Islands", "Road")."""
    return word_set("place_heads.txt")


@from_rules
def calendar_words() -> frozenset[str]:
    """Month and weekday names (the first column of months.txt and weekdays.txt)."""
    return frozenset(line.split("\t")[0] for name in ("months.txt", "weekdays.txt") for line in word_list(name))


@from_rules
def calendar_names() -> tuple[str, ...]:
    """Month names that are also given names or surnames ("Theresa May", "Jan Kowalski")."""
    return word_list("calendar_names.txt")


@from_rules
def first_names() -> frozenset[str]:
    """Given names from many cultures (and the ones that are also English words), minus words that are
    titles, places or organisation heads."""
    return FoldedSet(_names_only("first_names.txt") | _names_only("given_name_words.txt"))


def _names_only(file: str) -> frozenset[str]:
    """The names of a name list that are not also honorifics, titles, organisation heads,
    sentence words or other non-names."""
    excluded = _names_excluded()
    return FoldedSet(n for n in word_set(file) if n not in excluded and n.lower() not in role_words())


@from_rules
def _names_excluded() -> frozenset[str]:
    """Honorifics, titles, organisation heads, sentence words and other non-names: never in a name list."""
    return honorifics() | org_heads() | common_capitalised() | not_names()


@from_rules
def org_heads() -> frozenset[str]:
    """Organisation-type head words."""
    return word_set("org_heads.txt") | legal_suffixes() | org_opening_heads()


@from_rules
def org_opening_heads() -> frozenset[str]:
    """Heads in other languages that open a name ("Banco Meridional")."""
    return word_set("org_opening_heads.txt")


@from_rules
def legal_suffixes() -> frozenset[str]:
    """Legal forms that end a company's name in many countries ("ASA", "Oyj", "S.p.A.")."""
    return word_set("legal_suffixes.txt")


@from_rules
def role_words() -> frozenset[str]:
    """Title and office words ("minister", "cabinet secretary"), lower-cased."""
    return word_set("role_words.txt", lower=True)


@from_rules
def lower_title_heads() -> frozenset[str]:
    """The title heads of role_words.txt as news writes them in lower case ("minister", "chief executive")."""
    return frozenset(w for w in role_words() if w.islower() and w[0].isalpha())


@from_rules
def org_industries() -> frozenset[str]:
    """Industries a company is named for ("Tessaro Aerospace"): heads of a name only as its last word."""
    return word_set("org_industries.txt")


@from_rules
def common_capitalised() -> frozenset[str]:
    """Sentence-initial words that never start a name."""
    return word_set("common_capitalised.txt")


@from_rules
def not_acronyms() -> frozenset[str]:
    """All-capital words that are not organisations, in capitals ("PhD" is listed as written and
    kept as "PHD": an acronym is compared in capitals)."""
    return frozenset(w.upper() for w in word_set("not_acronyms.txt"))


@from_rules
def org_names() -> tuple[str, ...]:
    """Well-known organisation names without an organisation-type word."""
    return word_list("org_names.txt")


@from_rules
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes (organisations/data/currency_codes.txt, listed by each component that reads them):
    beside an amount a code is money ("SEK 6.9 billion"), not an organisation, nor part of an agreement's name."""
    return word_set("currency_codes.txt")


@from_rules
def portfolio_titles() -> frozenset[str]:
    """Titles of offices, and bodies, that hold a portfolio ("minister", "ministry"), lower-cased."""
    return word_set("portfolio_titles.txt", lower=True)


# "Minister of Trade, " before "Tourism and Energy", "Minister of " before "Agriculture and Energy":
# a portfolio title's "of" or "for", maybe with the first items of its list
_PORTFOLIO_TITLE_BEFORE = compile_latin(r"(?<![\w'’-])([A-Z][\w-]*)[ \t]+(?:of|for)[ \t]+(?P<the>the[ \t]+)?"
                                        r"(?:[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*(?:,[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*)*,[ \t]+)?$")


@from_rules
def place_openers() -> tuple[str, ...]:
    """Words that open a geographic name ("Gulf of", "Lake", "Salar de"), longest first."""
    return tuple(sorted(word_list("place_openers.txt"), key=len, reverse=True))


@from_rules
def hyphen_tail(place: bool = False) -> re.Pattern:
    """ "-based" of "Valencia-based": a hyphen and a word that make the compound an adjective (with
    place, only those that say where: "-based", not "-backed")."""
    rules = current()
    rows = list(rules.numbered_rows("hyphen_tails.txt", (1, 2)))
    for number, row in rows:
        if row[1:] not in ((), ("place",)):
            raise rules.error("hyphen_tails.txt", number, f"unknown kind {row[1]!r} (only 'place')")
    return re.compile("-" + trie([row[0] for _, row in rows if not place or row[1:] == ("place",)]) + r"\b")


def portfolio_title_before(text: str, position: int) -> re.Match | None:
    """The portfolio title whose complement or list text[position:] goes on ("Minister of Trade, "
    before "Tourism and Energy", "Minister of " before "Digital Media"), its "the" in group "the"; else None."""
    opening = _PORTFOLIO_TITLE_BEFORE.search(text, max(0, position - 120), position)
    return opening if opening is not None and opening.group(1).lower() in portfolio_titles() else None


def after_portfolio_title(text: str, position: int) -> bool:
    """Whether text[position:] goes on a portfolio title's complement or its list: the title's words,
    not an organisation's name."""
    return portfolio_title_before(text, position) is not None


@from_rules
def honorific_given_names() -> frozenset[str]:
    """Honorifics that are also given names, and so stand inside a name ("Kumari", "Sri")."""
    return word_set("honorific_given_names.txt")


@from_rules
def name_abbreviations() -> frozenset[str]:
    """Given names written short, with a full stop ("Ma.", "Mohd.")."""
    return word_set("name_abbreviations.txt")


@from_rules
def last_names() -> frozenset[str]:
    """Surnames common outside the English-speaking world ("Sharma", "Otieno", "Rossi"), minus non-names."""
    return _names_only("last_names.txt")


@from_rules
def surname_first() -> frozenset[str]:
    """Surnames of the traditions that write them first ("Wang Yi", "Park Ji-hoon", "Trần Quốc Vương")."""
    return _names_only("surname_first.txt")


@from_rules
def surname_first_plain() -> frozenset[str]:
    """surname_first() and the plain letters news often writes them in ("Dang" of "Đặng", "Le" of
    "Lê"): only where a name must follow, after a title or before given names ("Le Thi Minh Chau"),
    since some are words elsewhere ("Le Monde")."""
    names = surname_first()
    return FoldedSet(names | {plain for name in names if (plain := folded(name)) not in _names_excluded()})


@from_rules
def surnames_before_hyphenated_given() -> frozenset[str]:
    """Every surname written first, also those that are words ("Song", "Park"): before a hyphenated
    given name ("Song Min-ho", "Park Ji-hoon") they are surnames."""
    return word_set("surname_first.txt") | word_set("surname_first_words.txt")


@from_rules
def title_surnames() -> frozenset[str]:
    """Surnames that are also titles or ranks ("King", "Major"): a name's last word after a given name."""
    return word_set("title_surnames.txt")


@from_rules
def person_clause_verbs() -> tuple[str, ...]:
    """What a relative clause after a name says only of a person ("who heads", "who was elected")."""
    return word_list("person_clause_verbs.txt")


def person_nouns() -> frozenset[str]:
    """Lower-case nouns for people that can stand right before a name ("striker", "counterpart")."""
    return word_set("person_nouns.txt")


_NEXT_WORD = compile_latin(r" ([A-Z][\w'’-]+)")


# A surname written with a Celtic prefix: "O'Neill", "MacLeod", "McKenzie".
CELTIC_SURNAME = re.compile(r"(?:O['’]|Mac|Mc)[A-Z]")


def given_then_surname(given: str, surname: str) -> bool:
    """Whether two words are a listed given name, even one that is also a place's or an organisation's
    ("Jordan", "Rafael"), and a known surname after it ("Jordan O'Neill", "Rafael Ortega")."""
    return given in word_set("first_names.txt") and surname not in org_heads() and (
        surname in last_names() or CELTIC_SURNAME.match(surname) is not None)


def given_name_before_surname(text: str, start: int, end: int) -> bool:
    """Whether the word text[start:end], a given name, opens a person's name here: a known surname
    follows ("Rafael Ortega" is a person, though "Rafael" alone may be the defence company)."""
    following = _NEXT_WORD.match(text, end)
    return following is not None and given_then_surname(text[start:end], following.group(1))


def is_acronym(word: str) -> bool:
    """An all-capital word of 2-8 letters (dots and & allowed), e.g. NRMO, U.N., R&AW."""
    letters = word.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()
