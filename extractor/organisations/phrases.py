"""Organisation names built on head words: "Ministry of Defence", "X of Y" chains, lists split into members."""
from __future__ import annotations

import itertools
import re

from ..common.lexicon import legal_suffixes as lexicon_legal_suffixes, word_list, word_set
from ..common.lexicon import (JOINING_PARTICLES, WORD, WORD_AFTER_BOUNDARY, after_portfolio_title, portfolio_title_before, ambiguous_honorifics, calendar_words, common_capitalised, is_acronym, is_honorific, matches_at,
                      name_joiners, name_particles, name_prefixes, not_names, org_heads, place_combining_forms, org_industries, org_opening_heads, place_heads, places, role_words, words_not_after)
from ..common.doc_data import overlaps
from ..common.regex import alternation, compile_latin, UPPER
from ..common.rules import from_rules

CHAIN_STARTS = frozenset({"of", "for", "on"})  # "Ministry of Defence", "Commission on Human Rights"
FOREIGN_AND = JOINING_PARTICLES | {"et", "i", "und", "ve"}  # joins words only in a foreign name ("Sanayi ve Ticaret A.Ş.")


@from_rules
def connectors() -> frozenset[str]:
    """The little words inside an organisation's name: the shared name connectors and particles,
    and "on", which chains only organisation names ("Commission on Human Rights"), and the "and"
    of the languages whose heads open a name ("Ministerio de Economía y Finanzas")."""
    return name_joiners() | CHAIN_STARTS | FOREIGN_AND


@from_rules
def org_phrase() -> re.Pattern:
    """Capitalised words joined by little words, on one line: the raw material of a name."""
    # an unspaced en dash joins two names into one word: "Ghana–Togo"; a plural's possessive stays
    # inside a name before its next word: "Farmers' Union", "Pune Software Exporters' Association"
    tail = r"(?:–{0})*(?:(?<=s)['’](?=[ \t]+[A-Z]))?".format(WORD)
    # a small-letter prefix joined to a later word, as in people's names: "Dar al-Hikma University"
    article = rf"(?:{'|'.join(map(re.escape, name_prefixes()))})?"
    return compile_latin(rf"{WORD_AFTER_BOUNDARY}{tail}(?:(?:[ \t]+(?:{alternation(connectors())}))*[ \t]+{article}{WORD}{tail})*")


# A character no org_phrase() match holds (it holds word characters, blanks and . ' ’ & - – /).
_PHRASE_BREAK = compile_latin(r"[^\w.'’&\-– \t/]")
_WORDS = rf"{WORD}(?:[ \t]+{WORD})*"
# ", Sports and Tourism" after "Ministry of Culture": a name's own comma list.
LIST_TAIL = compile_latin(rf"(?:,[ \t]+{_WORDS})*,?[ \t]+and[ \t]+(?:the[ \t]+)?{_WORDS}")
_TOKEN = compile_latin(r"\S+")
_POSSESSIVE_END = compile_latin(r"['’]s?$")
_NUMBER = compile_latin(r"[\d.,]+(?:st|nd|rd|th)?|Million|Billion|Trillion|First|Second|Third|Fourth|Fifth")

Word = tuple[str, int, int]  # a word of a phrase and its range
Words = tuple[str, ...]  # the words of a phrase, which the rules that find names in it read


@from_rules
def final_heads() -> frozenset[str]:
    """Heads that make a name only as its last word."""
    return word_set("org_heads_final.txt")


@from_rules
def name_final_words() -> frozenset[str]:
    """Words that end a name only (final heads and industries): "Tarvo FC", "Tarvo Energy"."""
    return final_heads() | org_industries()


@from_rules
def legal_suffixes() -> frozenset[str]:
    """Abbreviated company suffixes ("Inc", "Ltd", "NV"), which end a name."""
    return frozenset(h for h in word_set("org_company_heads.txt") if len(h.rstrip(".")) <= 4 or h == "GmbH") | (
        lexicon_legal_suffixes())


@from_rules
def _dotted_legal_forms() -> tuple[str, ...]:
    """Legal forms whose last letter closes with a full stop after others ("S.A.", "sp. z o.o.")."""
    return tuple(f for f in lexicon_legal_suffixes() if f.endswith(".") and "." in f[:-1])


def with_legal_stop(text: str, start: int, end: int) -> int:
    """The end of the name text[start:end], one further where it closes with a dotted legal form
    whose last full stop follows it ("Tarvo S.A." of "Tarvo S.A", "Velmor sp. z o.o.")."""
    name = text[start:end]
    if text.startswith(".", end) and any(name == form[:-1] or name.endswith(" " + form[:-1]) for form in _dotted_legal_forms()):
        return end + 1
    if text.startswith(".", end) and _INSIDE_SENTENCE.match(text, end + 1) and name.rsplit(" ", 1)[-1] + "." in _abbreviated_heads():
        return end + 1  # "Hanro Chemical Co. will build …": the abbreviation's stop, the sentence goes on
    return end


# After an abbreviation's full stop, what says the sentence goes on: a comma, a bracket, a lower-case word.
_INSIDE_SENTENCE = compile_latin(r"[,;:)]|[ \t]+(?:[a-z]|\()")


@from_rules
def _abbreviated_heads() -> frozenset[str]:
    """Company heads written with a full stop ("Co.", "Inc.", "Ltd.")."""
    return frozenset(h for h in word_set("org_company_heads.txt") if h.endswith("."))


def known_name_set() -> frozenset[str]:
    """Well-known organisation names (common/data/org_names.txt) as a set."""
    return word_set("org_names.txt")


@from_rules
def _abbreviations() -> frozenset[str]:
    """Short words written with a full stop inside a name: company heads ("Co.") and
    org_abbreviations.txt ("St.", "Dept.")."""
    return word_set("org_abbreviations.txt") | _abbreviated_heads()


@from_rules
def title_adjectives() -> frozenset[str]:
    """Title words that are adjectives inside a body's name ("Federal Executive Council")."""
    return word_set("org_title_adjectives.txt")


@from_rules
def non_heads() -> frozenset[str]:
    """Last words of names that are not organisations (projects, laws, events, places)."""
    return word_set("org_non_heads.txt")


@from_rules
def generic_phrases() -> frozenset[str]:
    """Capitalised descriptions that are not names ("Armed Forces"), lower-cased."""
    return word_set("org_generic.txt", lower=True)


@from_rules(maxsize=16384)  # asked again and again for the same words
def bare(word: str) -> str:
    """The word without a possessive ending or a final dot."""
    if "'" in word or "’" in word:
        word = _POSSESSIVE_END.sub("", word)
    return word.rstrip(".")


@from_rules(maxsize=16384)  # asked again and again for the same words
def is_place(name: str) -> bool:
    """A country, region, city or nationality ("India", "U.S.", "Indian", "South Sudan")."""
    return name in places() or name.rstrip(".") in places() or (name.isupper() and name.title() in places())


_COMPOUND_JOIN = compile_latin(r"[-–]")


def is_place_compound(word: str) -> bool:
    """ "Indo-US", "Kenya-Ontario", "EU-Japan": places joined by hyphens or an en dash."""
    parts = _COMPOUND_JOIN.split(bare(word))
    return len(parts) > 1 and all(is_place(p) or p in known_name_set() for p in parts)


def is_describing_compound(word: str) -> bool:
    """ "Indo-US", "Sino-Indian": a place compound with a combining form, which describes ("Indo-US
    ties"); one of whole place names may open a body's name ("Ghana–Togo Joint Commission")."""
    return is_place_compound(word) and any(p in place_combining_forms() for p in _COMPOUND_JOIN.split(bare(word)))


def is_hyphen_modifier(word: str) -> bool:
    """ "California-based", "Trouble-hit", "State-owned": a describing compound, never part of a name."""
    return "-" in word and word.rsplit("-", 1)[1].islower()


@from_rules(maxsize=16384)  # asked again and again for the same words
def is_strong_head(word: str) -> bool:
    """A head word that can sit anywhere in a name: "Ministry", "Inter-Services"."""
    word = bare(word)
    if word in final_heads():
        return False
    return word in org_heads() or ("-" in word and word.rsplit("-", 1)[1] in org_heads())


def _is_role(word: str) -> bool:
    return word.lower() in role_words() and bare(word) not in org_heads()


def _head_at(words: Words, k: int) -> bool:
    """Whether words[k] heads a name here (final heads only at the end or before a title)."""
    word, n = words[k], len(words)
    bare_word = bare(word)
    nxt = words[k + 1] if k + 1 < n else None
    if nxt in ("on", "in") and k + 2 < n and bare(words[k + 2]) in calendar_words():
        nxt = None  # "Tarvo Holdings on Friday": the phrase ran on into a date
    if bare_word in org_industries():
        # "Tessaro Aerospace": last, after a name's words, not after "and", "of" or a comma
        listed = nxt in ("and", "&") and k + 2 < n and bare(words[k + 2]) not in org_industries() \
            and _headed_after(words, k + 2)  # "Norland Oil and Orvana Gas", not "Oil and Gas"
        # "Norland Oil and Gas": two trades of one company, a name's words before the first
        paired = k >= 2 and words[k - 1] in ("and", "&") and bare(words[k - 2]) in org_industries() \
            and _named_before(words, k - 2)
        return (nxt is None or _is_role(nxt) or listed) and (_named_before(words, k) or paired)
    if bare_word in final_heads():
        # "Oman Energy", "Oman Energy CEO", "Farmers Network of the Ministry of ..."
        after = k + 2 + (k + 2 < n and words[k + 2] == "the")
        # "Tarvo FC and Lindmark FC": two names, each ending in its head
        last, ends = bare(words[-1]), name_final_words()
        listed = nxt in ("and", "&") and k + 2 < n and (last in ends or is_strong_head(last) or words[k + 2] == "the") \
            and bare(words[k + 2]) not in ends and _named_before(words, k)  # "Kenya Airways and the carrier …"
        return nxt is None or _is_role(nxt) or listed or (nxt in CHAIN_STARTS and _starts_name(words, after))
    if not is_strong_head(word):
        return False
    # "Water Ministry Cabinet Secretary": "Cabinet" belongs to the title, "Ministry" ends the name
    return not (nxt is not None and _is_role(nxt) and k > 0 and is_strong_head(words[k - 1]))


def _headed_after(words: Words, j: int) -> bool:
    """Whether the words from words[j] to the next little word are a name with a head of its own:
    "Qatar Airways on Monday", not the "Exchange Commission" of "Securities and Exchange Commission"."""
    little = connectors()
    if bare(words[j]) in org_heads():
        return False
    for word in itertools.takewhile(lambda w: w not in little, words[j:]):
        if bare(word) in name_final_words() or is_strong_head(word):
            return True
    return False


def _named_before(words: Words, k: int) -> bool:
    """Whether a name's own words come before words[k]: not a little word or a comma, except the
    "and" of a list of such companies ("Norland Oil and Orvana Gas")."""
    j = k - 1
    while j >= 0 and words[j] not in ("and", "&", "the") and words[j] not in CHAIN_STARTS \
            and not words[j].endswith(","):
        j -= 1
    last = words[k - 1]
    if j == k - 1 or last in common_capitalised() or last in word_set("org_industry_modifiers.txt") or last.endswith("-") \
            or "-and" in last:  # "Bio-and Biosciences"
        return False
    if any(w.endswith(".") and w.count(".") == 1 and len(w) > 2 for w in words[j + 1:k]):
        return False  # a sentence ends before: "Iran. Oil prices", "Halvane Bros. Kestrel Dynamics"
    return j < 0 or words[j] in ("and", "&") and j > 0 and bare(words[j - 1]) in org_industries()


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))  # "Kenya's", "Los Angeles'"


def _place_owner(words: Words, k: int) -> int:
    """How many words the place written as a possessive at words[k] has ("UK's": 1, "Western Sahara's": 2)."""
    if not _possessive(words[k]):
        return 0
    if is_place(bare(words[k])):
        return 1
    return 2 if k > 0 and is_place(f"{words[k - 1]} {bare(words[k])}") else 0


def _chain_end(words: Words, head: int) -> int:
    """End (exclusive) of an "X of Y for Z" chain that starts after words[head]."""
    n, k = len(words), head + 1
    little = connectors()
    while k < n:
        word = words[k]
        if word in little:
            j = k + 1
            while j < n and words[j] == "the":
                j += 1
            nxt = words[j] if j < n else ""
            if word in ("and", "&") and (j > k + 1 or _starts_name(words, j) or _company_follows(words, j)
                                         or _headed_name_follows(words, j)):
                break  # "Department of Trade and the Department of Health", "... and Veltrix OJSC"
            if word in CHAIN_STARTS and (k > head + 1 and (word == "on" or _starts_name(words, j)
                                                           or bare(nxt) in calendar_words())
                                         or (is_acronym(bare(nxt)) and not is_place(bare(nxt)))):
                break  # "Network of the Ministry of ...", "of KU", "of Friday", "on Coastal shipping"
            if word in ("for", "on") and _of_place_before(words, head, k):
                break  # "Government of Kenya for the Promotion of Trade": the purpose is the agreement's
            k = j
            continue
        if _possessive(word):
            size = _place_owner(words, k)
            if size:  # "Institute for the Future and Western Sahara's Polisario Front"
                k -= size - 1
                break
            return k + 1
        k += 1
    end = _without_connectors(words, head, k)
    if bare(words[end - 1]) in non_heads():
        # "Acme Group for the Harbour Bridge Project": the chain stops before the project
        cut = max((i for i in range(head + 1, end - 1) if words[i] in CHAIN_STARTS), default=head + 1)
        end = _without_connectors(words, head, cut)
    return end


def _of_place_before(words: Words, head: int, k: int) -> bool:
    """Whether the chain after words[head] ends at k with "of" and a place ("of the Republic of
    Kenya"): a body named for its place takes no "for" or "on" after it, a body named for its
    purpose does ("Agency for …", "Office of the Commissioner for …")."""
    of = next((i for i in range(k - 1, head, -1) if words[i] == "of"), None)
    if of is None:
        return False
    first = next((i for i in range(of + 1, k) if words[i] != "the"), k)
    return first < k and is_place(bare(" ".join(words[first:k])))


_COMPANY_WORDS = ("Company", "Corporation", "Group")  # heads that, like a legal form, end a company's name


def _company_before(words: Words, begin: int, k: int) -> bool:
    """Whether words[begin:k] are a company's own name, with its industry or head, and another
    company's follows the "and" at words[k] ("Kestrel Dynamics and Orvana Holdings"; not "Iraqi
    Telecommunications and Post Company", "US Securities and Exchange Commission")."""
    while begin < k and (words[begin] in common_capitalised() or words[begin] == "the"):
        begin += 1
    last, first = bare(words[k - 1]), bare(words[begin]) if begin < k else ""
    if k - begin < 2 or is_place(first) or first in places() or not (
            last in org_industries() or last in legal_suffixes() or last in _COMPANY_WORDS):
        return False
    end = next((j for j in range(k + 1, len(words)) if words[j] in connectors()), len(words))
    after = bare(words[end - 1])
    return end - k > 2 and (after in org_industries() or after in legal_suffixes() or after in final_heads())


def _company_follows(words: Words, j: int) -> bool:
    """Whether a company's name, one that ends in a legal form, opens at words[j]: "Veltrix OJSC"."""
    little = connectors()
    k = j
    while k < len(words) and words[k] not in little:
        if k > j and (bare(words[k]) in legal_suffixes() or bare(words[k]) in _COMPANY_WORDS):
            return True
        k += 1
    return False


def _headed_name_follows(words: Words, j: int) -> bool:
    """Whether a name of two capitalised words or more that ends in a head opens at words[j]:
    "Makerere University" of "University of Nairobi and Makerere University"."""
    k = j
    while k < len(words) and words[k][:1].isupper() and words[k] not in connectors():
        k += 1
    last = bare(words[k - 1]) if k > j else ""
    # a plural head is the whole chain's: "Federation of the Red Cross and Red Crescent Societies"
    singular = last[:-3] + "y" if last.endswith("ies") else last[:-1] if last.endswith("s") else None
    shared = singular is not None and singular in org_heads()
    return k - j >= 2 and (last in org_heads() or last in org_industries()) and not shared


def _without_connectors(words: Words, head: int, end: int) -> int:
    """The end of a chain without the little words it ends with."""
    little = connectors()
    while end > head + 1 and words[end - 1] in little:
        end -= 1
    return end


def _starts_name(words: Words, j: int) -> bool:
    """Whether words[j:] starts a name of its own: a head word or an acronym that is not a place."""
    if j >= len(words):
        return False
    word = bare(words[j])
    return is_strong_head(word) or (is_acronym(word) and not is_place(word))


_TOWN_HEADS_BEFORE_OF = frozenset({"Port", "City", "Municipality", "Borough"})


def _begin(words: Words, start: int, head: int) -> int:
    """First word of the name whose head is words[head]."""
    begin = start
    ands = [k for k in range(start, head) if words[k] == "and"]
    for k in range(start, head):
        word = words[k]
        # a title's first word before its next ("Prime Minister’s Office") is the name's, as that one is
        title_goes_on = k + 1 < head and _is_role(bare(words[k + 1]))
        # "Harrow General Hospital", "General Assembly": a rank that is also an adjective, right before a
        # head word, is the name's (before an acronym it is a title's: "Director General NRMO")
        title_goes_on |= k + 1 == head and word in ambiguous_honorifics() and not is_acronym(bare(words[head]))
        # "Federal Executive Council": an adjective of titles after the name's first word
        title_goes_on |= k + 1 == head and k > begin and words[k - 1] not in connectors() \
            and word in title_adjectives() and is_strong_head(words[head])
        # "Port of Rotterdam Authority", "City of Harare Council": a place named by its head opens the name
        town_of = word == "of" and k > start and words[k - 1] in _TOWN_HEADS_BEFORE_OF
        if _is_role(word) and not title_goes_on or _place_owner(words, k) or word in CHAIN_STARTS and not town_of \
                or is_hyphen_modifier(word) or _possessive(word) and is_acronym(bare(word)):
            # "Director General NRMO", "UK's Defence ...", "Officials of the", "California-based",
            # "NASA's Jet Propulsion Laboratory" (a name's own possessive is a word's: "People's Bank")
            begin = k + 1
        elif word in ("and", "&"):
            left = " ".join(words[begin:k])
            if (words[k + 1] == "the" or is_place(left) or is_acronym(left) or left in known_name_set()
                    or len(ands) > 1 and k == ands[-1] or _company_before(words, begin, k)
                    or word == "and" and k - begin == 1 and head - k > 2 and bare(words[head]) in legal_suffixes()
                    # "Ford and General Motors": one word, then a company's name of two
                    or word == "and" and k - begin == 1 and head - k == 2 and bare(words[head]) in word_set("org_company_heads.txt")
                    and bare(words[head]) not in legal_suffixes()):
                # "Peru and the World Bank"; "A & B and C Dynamics and D Holdings": a list, one "and"
                # is part of a name as often as not ("Securities and Exchange Commission"), two are not
                begin = k + 1
    little = connectors()
    while begin < head and (words[begin] in little or words[begin] in common_capitalised()
                            or _NUMBER.fullmatch(words[begin]) or bare(words[begin]) in calendar_words()
                            or is_describing_compound(words[begin])):
        begin += 1
    return begin


def _chains(words: Words, head: int) -> bool:
    """Whether an "of" chain follows the head: not after a legal suffix ("Inc of Texas") or before a date."""
    head_word, n = bare(words[head]), len(words)
    if head_word in final_heads() or head_word in legal_suffixes() or head + 2 >= n:
        return False
    if head_word == "Company" and words[head + 1] == "of" and _place_follows(words, head + 2):
        return False  # "Kestrel Company of the United Arab Emirates" is "Kestrel Company" of a country
    return words[head + 1] in CHAIN_STARTS and bare(words[head + 2]) not in calendar_words()


@from_rules
def _elided_article() -> re.Pattern:
    """An elided article of name_prefixes.txt before a capital: "d'Électricité"."""
    elided = [p for p in name_prefixes() if p[-1] in "'’"]
    return compile_latin(rf"(?:{'|'.join(map(re.escape, elided))})[{UPPER}]")


def _opened_name_end(words: Words, head: int) -> int:
    """End of a name that a head in another language opens: its capitalised words, and those
    joined by a particle, "de", "des", … ("Compagnie Générale des Eaux")."""
    k, n = head + 1, len(words)
    particles, joined = name_particles(), False
    while k < n:
        word = words[k]
        if word in particles and word not in FOREIGN_AND or joined and word in FOREIGN_AND and not _opens_name(words, k + 1):
            # "de la Nación", "van der Berg"; "de Economía y Finanzas" once a particle has joined
            after = k + 1 + (k + 2 < n and words[k + 1] in particles)
            if after >= n or not words[after][:1].isupper():
                break
            joined, k = True, after
        elif not (word[:1].isupper() or _elided_article().match(word)) or _is_role(word):
            break  # "Société Ivoirienne d'Électricité": an elided article joins the next word
        k += 1
        if _possessive(words[k - 1]):
            break
    return k


def _opens_name(words: Words, k: int) -> bool:
    """Whether words[k] is a head that opens a name of its own ("Banco de España y Banco de Portugal")."""
    return k < len(words) and bare(words[k]) in org_opening_heads()


def _place_follows(words: Words, j: int) -> bool:
    """Whether the words from words[j] (after a "the") to the next little word are a place: "the
    United Arab Emirates", "Kenya" in "Kenya on Monday"."""
    if j < len(words) and words[j] == "the":
        j += 1
    little = connectors()
    end = next((k for k in range(j, len(words)) if words[k] in little), len(words))
    return end > j and is_place(bare(" ".join(words[j:end])))


def _place_name(words: Words) -> bool:
    """Whether the words are a place's name ("Malaysia", "South Africa"), not an adjective ("Indian")."""
    name = " ".join(bare(w) for w in words)
    return is_place(name) and not name.endswith(_adjective_endings())


@from_rules
def _adjective_endings() -> tuple[str, ...]:
    """Endings of nationality adjectives (org_adjective_endings.txt)."""
    return word_list("org_adjective_endings.txt")


def _opens_title(words: Words, k: int) -> bool:
    """Whether the head at words[k] and the word after it are one title ("Cabinet Secretary")."""
    return k + 1 < len(words) and f"{bare(words[k])} {bare(words[k + 1])}".lower() in role_words()


def names_in_words(words: list[Word]) -> list[tuple[int, int]]:
    """(begin, end) word ranges of the names in a run of capitalised words."""
    return list(_names_in(tuple(word for word, _, _ in words)))


@from_rules(maxsize=8192)  # the same phrases come again and again ("Ministry of Finance")
def _names_in(words: Words) -> tuple[tuple[int, int], ...]:
    """names_in_words(), read from the words alone: where they are does not matter."""
    names, i, n = [], 0, len(words)
    little = connectors()
    while i < n:
        head = next((k for k in range(i, n) if _head_at(words, k) and not _opens_title(words, k)), None)
        if head is None:
            break
        # the name runs to the last head of its run of words: "Veltra Group Global Agency"
        k = head + 1
        while (k < n and words[k] not in little and not _is_role(words[k])
               and not _possessive(words[k - 1])):
            if _head_at(words, k):
                head = k
            k += 1
        if head + 2 < n and words[head + 1] in ambiguous_honorifics() and words[head + 2] in CHAIN_STARTS:
            head += 1  # "Directorate General of Customs Control": the rank is the head's
        begin = _begin(words, i, head)
        opened = _opened_name_end(words, head) if bare(words[head]) in org_opening_heads() else head + 1
        if opened > head + 1:
            # "Banco Nacional de Fomento", "Banque du Caire"; from the opening head right before: "Cooperativa Pesquera del Sur"
            begin, end = head, opened
            while begin > i and bare(words[begin - 1]) in org_opening_heads():
                begin -= 1
        elif _chains(words, head):
            end = _chain_end(words, head)
        else:
            end = head + 1
            if end < n and bare(words[end]) in place_heads():
                i = end + 1  # "Edwards Air Force Base" is a place
                continue
            # "Securities Commission Malaysia", "Tarvo Bank Ghana": a place closing the run names the unit
            end = next((end + size for size in (1, 2) if end + size == n and _place_name(words[end:])), end)
        if _is_name(words[begin:end]):
            names.append((begin, end))
        i = end
    return tuple(names)


def _is_name(words: Words) -> bool:
    """Whether the words found around a head are a name, not a place or a description."""
    phrase = " ".join(words)
    if not words or phrase.lower() in generic_phrases() or is_place(phrase):
        return False
    return not (len(words) == 1 and bare(words[0]) in org_heads())  # a bare "Office" or "Government"


def _opens_a_person(tokens: list[re.Match], i: int) -> bool:
    """Whether the token at i is an honorific that opens a person's name, so that a phrase's
    organisation names stop before it ("Dr", "President")."""
    word = tokens[i].group()
    if not is_honorific(word):
        return False
    before = tokens[i - 1].group() if i else None
    after = tokens[i + 1].group() if i + 1 < len(tokens) else None
    if after is None and before in ("of", "for"):
        return False  # "Department of Justice": a title word ending the phrase after "of" names no person
    if word in ambiguous_honorifics() and (after is not None and bare(after) in org_heads()
                                           or before is not None and bare(before) in org_heads()):
        return False  # a rank that is also an adjective before a head ("Harrow General Hospital") or the
        # head's after it ("Directorate General of Customs"): the name's
    # a place's first word: "Sri Lanka-Norland Trade Council"
    return not (after is not None and is_place(f"{word} {after.split('-')[0]}"))


def _segments(phrase: re.Match, blocked: list[tuple[int, int]]):
    """Word runs of a capitalised phrase, cut at blocked ranges (people) and honorifics."""
    segment: list[Word] = []
    first, last = phrase.span()
    near = [b for b in blocked if b[0] < last and first < b[1]]  # the blocked ranges that overlap the phrase
    tokens = list(_TOKEN.finditer(phrase.string, first, last))
    for i, m in enumerate(tokens):
        word, (start, end) = m.group(), m.span()
        if _opens_a_person(tokens, i) or (near and any(overlaps((start, end), b) for b in near)):
            if segment:
                yield segment
            segment = []
            continue
        if word[-1] == "." and i + 1 < len(tokens) and "." not in word[:-1] and word not in _abbreviations():
            # "University of Oulu. Kalvatek said": a short word's full stop before a capital ends a sentence
            yield segment + [(word[:-1], start, end - 1)]
            segment = []
            continue
        if word[-1] == "." and i + 1 < len(tokens) and tokens[i + 1].group() in common_capitalised():
            # "… Brenmoor Rail S.A. He starts in May": a dotted form's stop, then the next sentence's first word
            yield segment + [(word, start, end)]
            segment = []
            continue
        segment.append((word, start, end))
    if segment:
        yield segment


def capitalised_heads() -> list[str]:
    """The head words written with a capital, which head_words() finds."""
    return [h for h in org_heads() | org_industries() if h[0].isupper()]


@from_rules
def head_words() -> re.Pattern:
    """Any head word, also at the end of a hyphenated word ("Inter-Services") or before a possessive."""
    return compile_latin(words_not_after(capitalised_heads(), r"\w") + r"(?!\w)")


def head_names(text: str, blocked: list[tuple[int, int]], starts: list[int] | None = None) -> dict[tuple[int, int], str]:
    """Character ranges of the organisation names built on head words in text, each with the id of
    the construction: a head word ("Ministry"), a legal suffix ("Inc"), an "of" chain ("Ministry of
    Defence") or a chain with its list ("Ministry of Culture, Sports and Tourism").

    starts: ascending positions that include every place a head word can begin, if known."""
    found: dict[tuple[int, int], str] = {}
    heads = [m.start() for m in (head_words().finditer(text) if starts is None
                                 else matches_at(head_words(), text, starts))]
    for phrase in _phrases_with(text, heads):
        for words in _segments(phrase, blocked):
            for begin, end in names_in_words(words):
                start, stop = words[begin][1], words[end - 1][2]
                last = bare(words[end - 1][0])
                stop = with_legal_stop(text, start, stop - (len(words[end - 1][0]) - len(last)))
                if end - begin > 2 and any(w[0] in CHAIN_STARTS for w in words[begin:end]):
                    rule = "organisations:of_chain"
                    organ = _BOARD_OF.match(text, start, stop)
                    if organ and _OFFICE_ON_BOARD.search(text, max(0, start - 40), start) \
                            and text[organ.end():stop].split()[0] not in not_names():  # not "the Board of Investment"
                        start = organ.end()  # "Chairman of the Board of Tarvo Holdings": the board is Tarvo's
                    listed = _list_tail(text, stop, blocked) if end == len(words) else stop
                    if listed > stop:
                        rule, stop = "organisations:list_tail", listed
                else:
                    rule = "organisations:legal_suffix" if last in legal_suffixes() else "organisations:head_word"
                    if " and " in text[start:stop] and after_portfolio_title(text, start) \
                            or rule == "organisations:head_word" and (title := portfolio_title_before(text, start)) \
                            and not (title["the"] and any(is_strong_head(w[0]) for w in words[begin:end])):
                        continue  # "Minister of Agriculture and Energy", "Minister of Trade, Tourism and Energy",
                        # "Deputy Minister of Digital Media Ana Lima", "Minister of Territorial Administration": a
                        # portfolio, whatever its head (not "Secretary of the National Security Council")
                found.setdefault((start, stop), rule)
    return found


# A company's board named with an office on it: "member of the Supervisory Board of ", "Chairman of the Board of "
_BOARD_OF = compile_latin(r"(?:(?:Supervisory|Management|Executive)[ \t]+)?Board(?:[ \t]+of[ \t]+Directors)?[ \t]+of[ \t]+(?:the[ \t]+)?(?=[A-Z])")
_OFFICE_ON_BOARD = compile_latin(r"(?i:chair(?:man|woman|person)?|vice[ -]chair(?:man|woman|person)?|member|members|president|secretary)"
                                 r"[ \t]+of[ \t]+the[ \t]+$")


def _phrases_with(text: str, heads: list[int]):
    """The org_phrase() matches that contain one of the head positions.

    A phrase never holds a comma, a bracket or a line break, so a scan that starts right after the
    last such character before a head finds the same phrase there as a scan of the whole text."""
    backwards = text[::-1]  # to find that character with a forward search
    covered = 0  # the end of the last phrase found
    for head in heads:
        if head < covered:
            continue  # in the phrase found last
        stop = _PHRASE_BREAK.search(backwards, len(text) - head)
        for phrase in org_phrase().finditer(text, len(text) - stop.start() if stop else 0):
            if phrase.end() > head:
                if phrase.start() <= head:
                    covered = phrase.end()
                    yield phrase
                break


def _list_tail(text: str, end: int, blocked: list[tuple[int, int]]) -> int:
    """Extend "Ministry of Culture" over ", Sports and Tourism" when the items are no names."""
    limit = min((b[0] for b in blocked if b[0] >= end), default=len(text))
    m = LIST_TAIL.match(text, end, limit)
    if not m:
        return end
    items = re.split(r",?[ \t]+and[ \t]+(?:the[ \t]+)?|,[ \t]+", m.group().strip(", \t"))
    for item in items:
        words = item.split()
        # a head that closes names ("Energy" of "Tarvo Energy") is a portfolio when it stands alone
        # an honorific opens a person's name: ", and H.E. Ahmed Zahir" is the next one present
        if not words or any(is_strong_head(w) or bare(w) in final_heads() and len(words) > 1 or is_place(w) or _is_role(w)
                            or is_honorific(w) for w in words) or is_place(item):
            return end
    return m.end()
