"""Organisation names built on head words: "Ministry of Defence", "X of Y" chains, lists split into members."""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import word_set
from .lexicon import WORD, calendar_words, common_capitalised, honorifics, is_acronym, org_heads, places, role_words
from .spans import overlaps

CONNECTORS = frozenset({"of", "for", "on", "and", "&", "the", "de", "du", "da", "del", "der", "des", "la", "le",
                        "van", "von", "al", "el"})
CHAIN_STARTS = frozenset({"of", "for", "on"})
_CONNECTOR = "|".join(sorted(CONNECTORS, key=len, reverse=True))
# Capitalised words joined by little words, on one line: the raw material of a name.
ORG_PHRASE = re.compile(rf"(?<![\w-]){WORD}(?:(?:[ \t]+(?:{_CONNECTOR}))*[ \t]+{WORD})*")
_WORDS = rf"{WORD}(?:[ \t]+{WORD})*"
# ", Small and Medium Enterprises" after "Ministry of Micro": a name's own comma list.
LIST_TAIL = re.compile(rf"(?:,[ \t]+{_WORDS})*,?[ \t]+and[ \t]+(?:the[ \t]+)?{_WORDS}")
_NUMBER = re.compile(r"[\d.,]+(?:st|nd|rd|th)?|Million|Billion|Trillion")

Word = tuple[str, int, int]


@lru_cache(maxsize=None)
def final_heads() -> frozenset[str]:
    """Heads that make a name only as its last word."""
    return word_set("org_heads_final.txt")


@lru_cache(maxsize=None)
def non_heads() -> frozenset[str]:
    """Last words of names that are not organisations (projects, laws, events, places)."""
    return word_set("org_non_heads.txt")


@lru_cache(maxsize=None)
def generic_phrases() -> frozenset[str]:
    """Capitalised descriptions that are not names ("Armed Forces"), lower-cased."""
    return word_set("org_generic.txt", lower=True)


def bare(word: str) -> str:
    """The word without a possessive ending or a final dot."""
    return re.sub(r"(?:['’]s?)$", "", word).rstrip(".")


def is_place(name: str) -> bool:
    """A country, region, city or nationality ("India", "U.S.", "Indian", "South Sudan")."""
    return name in places() or name.rstrip(".") in places() or (name.isupper() and name.title() in places())


def is_strong_head(word: str) -> bool:
    """A head word that can sit anywhere in a name: "Ministry", "Tri-Services"."""
    word = bare(word)
    if word in final_heads():
        return False
    return word in org_heads() or ("-" in word and word.rsplit("-", 1)[1] in org_heads())


def _is_role(word: str) -> bool:
    return word.lower() in role_words() and bare(word) not in org_heads()


def _head_at(words: list[Word], k: int) -> bool:
    """Whether words[k] heads a name here (final heads only at the end or before a title)."""
    word, n = words[k][0], len(words)
    nxt = words[k + 1][0] if k + 1 < n else None
    if bare(word) in final_heads():
        return nxt is None or _is_role(nxt)
    if not is_strong_head(word):
        return False
    # "National Treasury Cabinet Secretary": "Cabinet" belongs to the title, "Treasury" ends the name
    return not (nxt is not None and _is_role(nxt) and k > 0 and is_strong_head(words[k - 1][0]))


def _possessive(word: str) -> bool:
    return bool(re.search(r"['’]s$", word))


def _chain_end(words: list[Word], head: int) -> int:
    """End (exclusive) of an "X of Y for Z" chain that starts after words[head]."""
    n, k = len(words), head + 1
    while k < n:
        word = words[k][0]
        if word in CONNECTORS:
            j = k + 1
            while j < n and words[j][0] == "the":
                j += 1
            nxt = words[j][0] if j < n else ""
            if word in ("and", "&") and (j > k + 1 or _starts_name(words, j)):
                break  # "Department of War and the Department of State"
            if word in CHAIN_STARTS and k > head + 1 and (_starts_name(words, j) or bare(nxt) in calendar_words()):
                break  # "Cluster of the Ministry of ...", "of KU", "News of Friday"
            k = j
            continue
        if _possessive(word):
            return k + 1
        k += 1
    end = k
    if bare(words[end - 1][0]) in non_heads():
        # "Conti Group for the Accra Drains Project": the chain stops before the project
        cut = max((i for i in range(head + 1, end - 1) if words[i][0] in CHAIN_STARTS), default=head + 1)
        end = cut
    while end > head + 1 and words[end - 1][0] in CONNECTORS:
        end -= 1
    return end


def _starts_name(words: list[Word], j: int) -> bool:
    """Whether words[j:] starts a name of its own: a head word or an acronym that is not a place."""
    if j >= len(words):
        return False
    word = bare(words[j][0])
    return is_strong_head(word) or (is_acronym(word) and not is_place(word))


def _begin(words: list[Word], start: int, head: int) -> int:
    """First word of the name whose head is words[head]."""
    begin = start
    for k in range(start, head):
        word = words[k][0]
        if _is_role(word) or (_possessive(word) and is_place(bare(word))):
            begin = k + 1  # "Director General DRDO", "UK's Defence Science ..."
        elif word in ("and", "&") and k + 1 < head:
            left = " ".join(w[0] for w in words[begin:k])
            if words[k + 1][0] == "the" or is_place(left) or is_acronym(left):
                begin = k + 1  # "Kenya and the World Bank"
    while begin < head and (words[begin][0] in CONNECTORS or words[begin][0] in common_capitalised()
                            or _NUMBER.fullmatch(words[begin][0]) or bare(words[begin][0]) in calendar_words()):
        begin += 1
    return begin


def names_in_words(words: list[Word]) -> list[tuple[int, int]]:
    """(begin, end) word ranges of the names in a run of capitalised words."""
    names, i, n = [], 0, len(words)
    while i < n:
        head = next((k for k in range(i, n) if _head_at(words, k)), None)
        if head is None:
            break
        # the name runs to the last head of its run of words: "Omnicom Group Global Agency"
        k = head + 1
        while k < n and words[k][0] not in CONNECTORS and not _is_role(words[k][0]) and not _possessive(words[k - 1][0]):
            if _head_at(words, k):
                head = k
            k += 1
        begin = _begin(words, i, head)
        if bare(words[head][0]) not in final_heads() and head + 1 < n and words[head + 1][0] in CHAIN_STARTS:
            end = _chain_end(words, head)
        else:
            end = head + 1
        if _is_name(words[begin:end]):
            names.append((begin, end))
        i = end
    return names


def _is_name(words: list[Word]) -> bool:
    phrase = " ".join(w[0] for w in words)
    if not words or phrase.lower() in generic_phrases() or is_place(phrase):
        return False
    return not (len(words) == 1 and bare(words[0][0]) in org_heads())  # a bare "Office" or "Government"


def _segments(phrase: re.Match, blocked: list[tuple[int, int]]):
    """Word runs of a capitalised phrase, cut at blocked ranges (people) and honorifics."""
    segment: list[Word] = []
    for m in re.finditer(r"\S+", phrase.group()):
        word, start, end = m.group(), phrase.start() + m.start(), phrase.start() + m.end()
        if word in honorifics() or word.rstrip(".") in honorifics() or any(overlaps((start, end), b) for b in blocked):
            if segment:
                yield segment
            segment = []
            continue
        segment.append((word, start, end))
    if segment:
        yield segment


def head_names(text: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges of the organisation names built on head words in text."""
    found = []
    for phrase in ORG_PHRASE.finditer(text):
        for words in _segments(phrase, blocked):
            for begin, end in names_in_words(words):
                start, stop = words[begin][1], words[end - 1][2]
                stop -= len(words[end - 1][0]) - len(bare(words[end - 1][0]).rstrip("."))
                if end - begin > 2 and any(w[0] in CHAIN_STARTS for w in words[begin:end]) and end == len(words):
                    stop = _list_tail(text, stop, blocked)
                found.append((start, stop))
    return found


def _list_tail(text: str, end: int, blocked: list[tuple[int, int]]) -> int:
    """Extend "Ministry of Micro" over ", Small and Medium Enterprises" when the items are no names."""
    m = LIST_TAIL.match(text, end)
    if not m or any(overlaps(m.span(), b) for b in blocked):
        return end
    items = re.split(r",?[ \t]+and[ \t]+(?:the[ \t]+)?|,[ \t]+", m.group().strip(", \t"))
    for item in items:
        words = item.split()
        if not words or any(is_strong_head(w) or bare(w) in final_heads() or is_place(w) or _is_role(w)
                            for w in words) or is_place(item):
            return end
    return m.end()
