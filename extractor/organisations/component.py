"""Organisations: head-word names, known names, names found from context, acronyms linked to full names."""
from __future__ import annotations

import re
import string
from bisect import bisect_right
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from ..common.doc_data import doc_value
from .acronyms import ACRONYM, LITTLE_WORDS, Definition, acronym_letters, find_definitions, spellings, spells
from ..common.lexicon import (CAPITAL, currency_codes, given_name_before_surname, honorifics, matches_at, not_acronyms, org_heads,
                              place_heads, role_words, trie, words_not_after)
from .context import (TICKER_CODE, capitalised_known_names, company_heads, context_names, coordinated, known_names_pattern,
                      legal_prefix, occurrences, overlap_test, short_forms, standalone, trim)
from .phrases import (CHAIN_STARTS, bare, capitalised_heads, connectors, head_names, is_place, is_strong_head,
                          known_name_set, legal_suffixes, name_final_words, names_in_words, non_heads)
from ..common.component import RuleComponent
from ..common.lexicon import LEXICON_FILES
from ..common.rules import current, data_files, from_rules
from ..common.regex import ACCENTED_UPPER, compile_latin, UPPER
from ..common.text import DATE_HEADER, in_slashed_dateline, line_bounds
from ..common.doc_data import add_span, doc_text, overlaps, set_group, span_ranges, span_value, span_values

URL = compile_latin(r"https?://\S+|www\.\S+")
EMAIL = compile_latin(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+")
# Lines without a lower-case letter are headlines or shouting, not acronyms: "CRICKET - LEICESTERSHIRE TAKE OVER".
_LOWER = compile_latin(r"[a-z]")
_CAPITALS_OPENING_LINE = compile_latin(r"(?:\A|\n)(?:[A-Z]{2,}[ \t]+)+\Z")
# what follows a town of several words in capitals in a dateline: its country and a dash, or a dash alone
_TOWN_DATELINE_AFTER = compile_latin(r",[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*[ \t]*(?:\([^()\n]*\)[ \t]*)?[–—-]|[ \t]+[–—-][ \t]")
# "HOBART/VALDIVIA, May 2": towns joined by a slash, each in capitals
_DATELINE_AFTER = compile_latin(rf"(?:[ \t]+[{UPPER}]{{2,}}|/[{UPPER}]{{2,}})*(?:,|[ \t]+\d{{4}}-\d\d-\d\d|[ \t]+\(|[ \t]+[–—-][ \t])")
_TOKEN = compile_latin(r"\S+")
# The word at the end of a window (before blanks, or blanks and a final line break), matched on the
# reversed window: a search for it on the window itself is tried from every position.
_WORD_AT_END_REVERSED = compile_latin(r"\n?[ \t]*(?P<word>[\w-]+)")
_PAREN = compile_latin(r"\([^()\n]{1,80}\)")
_ARTICLE_BEFORE = compile_latin(r"\b(?:a|an)[ \t]+$")
_CAPS_BEFORE = compile_latin(r"([A-Z]{2,})[ \t]+$")
_CAPS_AFTER = compile_latin(r"[ \t]+([A-Z]{2,})")
_ROMAN = compile_latin(r"[IVXLC]+")


class OrgFound(NamedTuple):
    """An organisation mention: range, canonical name, linked acronym and the id of the rule that found it."""

    start: int
    end: int
    canonical: str
    acronym: str | None
    rule: str


def _definitions(text: str) -> tuple[dict[str, tuple[int, int]], set[str], list[tuple[int, int]]]:
    """Short forms that name organisations (with the long form's range), and those that do not."""
    orgs: dict[str, tuple[int, int]] = {}
    others: set[str] = set()
    other_ranges = []
    for d in find_definitions(text):
        if re.fullmatch(TICKER_CODE, d.short):
            continue  # "Cobrell (CBG.L)": a stock code, no short name (context.TICKER reads it)
        long = _org_long_form(text, d)
        if long is not None:
            orgs.setdefault(d.short, long)
        elif d.short not in known_name_set() and not d.short[1:].islower():
            # "Gross Domestic Product (GDP)"; not "… million last year, according to the Ministry of Foreign
            # Trade and Tourism (Mincetur)": a short form written as a word is a name, whose letters only
            # happen to be found in that order
            others.add(d.short)
            other_ranges.append((d.long_start, d.long_end))
    # "a Special Mining Contract (CEM)": an agreement's short form, whatever its letters spell
    for m in _BRACKETED_SHORT.finditer(text):
        word = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if word and m.group("short") not in orgs and word.group(1).lower() in _agreement_heads():
            others.add(m.group("short"))
    return orgs, others, other_ranges


_BRACKETED_SHORT = compile_latin(r"\((?P<short>[A-Z][A-Za-z]{1,9})\)")
_WORD_BEFORE = compile_latin(r"([A-Za-z]+)[ \t]+$")
_PREFIX_BEFORE = compile_latin(r"(?<![\w-])[A-Z]{2,5}[ \t]+$")


def _org_long_form(text: str, d: Definition) -> tuple[int, int] | None:
    """The range of an organisation's name that the definition's long form ends with, or None."""
    words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, d.long_start, d.long_end)]
    while len(words) > 1 and words[0][0] in LITTLE_WORDS:
        words = words[1:]  # "and the Brazilian Space Agency (AEB)": the initials met a little word first
        d = Definition(d.short, words[0][1], d.long_end)
    if words[0][0][0].islower():
        # "ministry of coal and mines (MCM)"
        if len(words) > 2 and is_strong_head(words[0][0].title()) and words[1][0] in CHAIN_STARTS:
            return d.long_start, d.long_end
        return None
    names = names_in_words(words)
    if names and names[0][0] == 0 and spells(d.short, text[d.long_start:d.long_end]) and all(
            w[0][0].isupper() or w[0] in connectors() for w in words[names[0][1]:]):
        # "Lakeside University and Research (LUR)", "Kenya Power and Lighting Company (KPLC)": the short
        # form spells the whole, so it is one name
        return trim(text, d.long_start, d.long_end)
    if names and names[-1][1] == len(words):
        return trim(text, words[names[-1][0]][1], d.long_end)
    prefixed = _PREFIX_BEFORE.search(text, max(0, d.long_start - 12), d.long_start)
    if prefixed and legal_prefix().match(text, prefixed.start()):
        return trim(text, prefixed.start(), d.long_end)  # "PT Nusantara Persenjataan (NP)": the legal form's company
    if (not names and bare(words[-1][0]) not in place_heads() and bare(words[-1][0]) not in non_heads()
            and all(w[0][0].isupper() or w[0] in connectors() for w in words)
            and any(w[0] == "&" or any(is_place(part) for part in bare(w[0]).split("-")) for w in words)
            and any(spells(d.short, long) for long in (text[d.long_start:d.long_end], text[d.long_start:d.long_end].replace("-", " ")))):
        # "Korea Hydro & Nuclear Power (KHNP)", "Asia-Pacific Economic Cooperation (APEC)": a spelled
        # name with a place or an ampersand in it, not a concept ("Gross Domestic Product (GDP)")
        return trim(text, d.long_start, d.long_end)
    return None


def _blocked_ranges(text: str) -> list[tuple[int, int]]:
    """URLs, e-mail addresses and a title's parenthesis ("Director General (Production & Services)")."""
    blocked = [m.span() for m in URL.finditer(text)] if "://" in text or "www." in text else []
    if "@" in text:
        blocked += [m.span() for m in EMAIL.finditer(text)]
    for m in _PAREN.finditer(text):
        word = _word_before(text, m.start())
        if word and (word.lower() in role_words() or word in honorifics()):
            blocked.append(m.span())
    return blocked


def _word_before(text: str, end: int) -> str | None:
    """The word ([\\w-]+) that ends the 30 characters before end, but for blanks and a final line break."""
    found = _WORD_AT_END_REVERSED.match(text[max(0, end - 30):end][::-1])
    return found.group("word")[::-1] if found else None


def _in_shouting_line(text: str, position: int) -> bool:
    """Whether the line around position is a headline in capitals of two words or more (after the
    "date YYYY-MM-DD" header that opens it: "date 2025-09-26 PRESS RELEASE")."""
    start, end = line_bounds(text, position)
    header = DATE_HEADER.match(text) if start == 0 else None
    line = text[header.end() if header else start:end]
    return not _LOWER.search(line) and len(line.split()) >= 2


# Words in capitals run together (a heading run into the text: "KNIGHTS OF THE OLD REPUBLIC II Looks
# set"), and a section's label opening a line ("GEOGRAPHY: Mainland …").
_CAPITALS_BEFORE = compile_latin(r"(?:(?<![\w'’.-])[A-Z][A-Z'’-]*[ \t]+)+\Z")
_CAPITALS_AFTER = compile_latin(r"(?:[ \t]+[A-Z][A-Z'’-]*(?![\w'’.-]))+")
_LABEL_AFTER = compile_latin(r":[ \t]")
_HEADING_WORD = 5  # letters from which a word in capitals is as likely a heading's as an acronym


def _heading_word(text: str, start: int, end: int) -> bool:
    """Whether a word in capitals is one of a heading's words (beside others, one of them long) or a
    long one labelling a section, not an acronym."""
    before = _CAPITALS_BEFORE.search(text, max(0, start - 80), start)
    after = _CAPITALS_AFTER.match(text, end)
    run = (before.group().split() if before else []) + [text[start:end]] + (after.group().split() if after else [])
    if len(run) > 1:
        return any(len(word) >= _HEADING_WORD for word in run)
    return end - start >= _HEADING_WORD and (start == 0 or text[start - 1] == "\n") and _LABEL_AFTER.match(text, end) is not None


# An amount beside a currency code: "SEK 6.9 billion", "40m NOK"; not a year ("AMD 2024 revenue").
_AMOUNT_AFTER = compile_latin(r"[ \t]*(?!\d{4}(?![\d.,]))\d")
_AMOUNT_BEFORE = compile_latin(r"\d(?:[\d.,]*[ \t]*(?:thousand|million|billion|trillion|bn|m))?[ \t]+\Z")


def _money(text: str, m: re.Match) -> bool:
    """Whether an acronym is a currency's code beside an amount."""
    return m.group("acr") in currency_codes() and bool(
        _AMOUNT_AFTER.match(text, m.end()) or _AMOUNT_BEFORE.search(text, max(0, m.start() - 24), m.start()))


def _dateline(text: str, m: re.Match) -> bool:
    """ "ISLAMABAD, (...)", "BONN 1996-08-30", "GABORONE — " or "HOBART/VALDIVIA,": a place in capitals opening a
    line before a date or a dash."""
    if m.start() == 0 or text[m.start() - 1] == "\n" or in_slashed_dateline(text, m.start()):
        return bool(_DATELINE_AFTER.match(text, m.end()))
    # a town of several words in capitals: "KOTA KINABALU, Sabah —", "DAVAO CITY —" (not "US FDA, the drug regulator,")
    return bool(_CAPITALS_OPENING_LINE.search(text, max(0, m.start() - 40), m.start())) and bool(
        _TOWN_DATELINE_AFTER.match(text, m.end()))


def _in_place_name(text: str, m: re.Match) -> bool:
    """ "HONG KONG", "KUALA LUMPUR": a word of a two-word place name written in capitals."""
    before = _CAPS_BEFORE.search(text, max(0, m.start() - 20), m.start())
    after = _CAPS_AFTER.match(text, m.end())
    return (bool(before) and is_place(f"{before.group(1)} {m.group('acr')}".title())
            or bool(after) and is_place(f"{m.group('acr')} {after.group(1)}".title()))


@from_rules(maxsize=4096)
def _never_an_organisation(acronym: str) -> bool:
    """A common abbreviation, a place, a compound of a common abbreviation or a Roman numeral."""
    return (acronym.upper() in not_acronyms() or is_place(acronym) or _compound(acronym)
            or bool(_ROMAN.fullmatch(acronym)) or acronym in honorifics())  # "H.E." before a name


def _acronyms(text: str, blocked, not_orgs: set[str], starts: list[int] | None = None,
              defined: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Acronyms that may name organisations: not plurals, places, common abbreviations or tickers,
    unless the text defines one as an organisation's ("the Nigerian Ports Authority (NPA)").

    starts: ascending positions that include every place an acronym can begin, if known."""
    found = []
    is_blocked = overlap_test(blocked)
    for m in ACRONYM.finditer(text) if starts is None else matches_at(ACRONYM, text, starts):
        acr = m.group("acr")
        if (m.group("plural") or acr in not_orgs or _never_an_organisation(acr) and (acr not in defined or is_place(acr)) or _in_place_name(text, m)
                or _money(text, m)
                or _ARTICLE_BEFORE.search(text, max(0, m.start() - 4), m.start())):
            continue
        span = m.span("acr")
        if is_blocked(span) or _in_shouting_line(text, span[0]) or _dateline(text, m) and acr not in defined \
                or _heading_word(text, *span) and acr not in defined:
            continue  # (an acronym the text defined opens a paragraph as it does a dateline: "KASA, which …")
        found.append(span)
    return found


@from_rules
def _compound_endings() -> frozenset[str]:
    """Common abbreviations that end a longer non-organisation acronym ("KTMOU", "EPFTA")."""
    return frozenset(w for w in not_acronyms() if len(w) >= 3 and w.isalpha())


def _compound(acronym: str) -> bool:
    """ "KTMOU" ends with "MOU" and at least two more letters: a compound of a common abbreviation."""
    upper = acronym.upper()
    return any(upper[-n:] in _compound_endings() for n in range(3, len(upper) - 1))


def _dedupe(ranges) -> list[tuple[int, int]]:
    """Non-overlapping ranges, longer ones first."""
    kept: list[tuple[int, int]] = []  # in text order: only the ranges either side of a new one can overlap it
    starts: list[int] = []
    # longer ranges first, then the leftmost (sorted as tuples: no key function called per range)
    for _, start, end in sorted((start - end, start, end) for start, end in set(ranges)):
        i = bisect_right(starts, start)
        if end > start and (i == 0 or kept[i - 1][1] <= start) and (i == len(kept) or end <= starts[i]):
            starts.insert(i, start)
            kept.insert(i, (start, end))
    return kept


@from_rules
def _capitalised_starts() -> re.Pattern:
    """A capital, not after a word character, that may begin a head word, a well-known name or an acronym.

    The three patterns are then tried only where this one matched: one scan of the text instead of
    three, and most of a scan's time goes into skipping to the next capital. Each pattern refuses more
    characters before its first capital than this one does, so no match of theirs begins elsewhere.
    (Each branch opens with its capital, so that the engine skips ahead to capitals.)"""
    rests: dict[str, list[str]] = {c: [] for c in string.ascii_uppercase}
    for word in capitalised_heads() + capitalised_known_names():
        if word[0] in rests:  # an accented first letter ("École") is in the accented capitals' branch below
            rests[word[0]].append(word[1:])
    acronym = r"[A-Z&.]|[a-z][A-Z]"  # what an ACRONYM match has after its first capital
    branches = [f"{c}(?={trie(rest)}|{acronym})" if rest else f"{c}(?={acronym})" for c, rest in rests.items()]
    # a capital with an accent may open any of them ("ÖÇH", "Łaska Holdings"): rare, so tried at each
    branches.append(f"[{ACCENTED_UPPER}]")
    return compile_latin(rf"(?:{'|'.join(branches)})(?<!\w[A-Z])")


def find_organisations(text: str, people: list[tuple[int, int]]) -> list[OrgFound]:
    """Organisation mentions in text that do not overlap the given people."""
    boilerplate = _blocked_ranges(text)
    blocked = boilerplate + list(people)
    defined, not_orgs, not_org_ranges = _definitions(text)
    blocked_names = blocked + not_org_ranges
    starts = [m.start() for m in _capitalised_starts().finditer(text)]
    # the id of the rule that found each range; where several did, the first asked here
    rules: dict[tuple[int, int], str] = {span: rule for span, rule in head_names(text, blocked_names, starts).items()
                                         if not _agreement_subject(text, span)}
    # what a context says is a company ("shares of Veltrion Mobility (VLTM)") is one, even where a short
    # form in brackets after it made it look like a term ("Gross Domestic Product (GDP)")
    context, tickers = context_names(text, blocked)
    for span, rule in context.items():
        rules.setdefault(span, rule)
    blocked_names += tickers
    # a well-known name stays an organisation even where a person was (wrongly) read
    in_boilerplate = overlap_test(boilerplate)
    known = [m.span() for m in matches_at(known_names_pattern(), text, starts)
             if not in_boilerplate(m.span()) and not given_name_before_surname(text, *m.span())]
    # a name after a legal form is a company's even where a person was read inside it ("PT Sinar Jaya Abadi")
    person_ranges = set(people)
    prefixed = [r for m in legal_prefix().finditer(text) if not in_boilerplate(m.span())
                and (r := trim(text, *m.span())) not in person_ranges]  # "president PT Usha": a person's initials
    acronyms = _acronyms(text, blocked_names, not_orgs, starts, frozenset(defined))
    # only an acronym that ends in an agreement head's initial can be an agreement's: many texts are spared the scan
    if any(text[end - 1].upper() in _agreement_initial_endings() for _, end in acronyms):
        agreements = _agreement_initials(text)
        acronyms = [a for a in acronyms if text[a[0]:a[1]].upper() not in agreements or text[a[0]:a[1]] in defined]
    ranges = list(rules) + _found_by(rules, known, "organisations:known_name") + _found_by(rules, prefixed, "organisations:legal_prefix")
    ranges += _found_by(rules, acronyms, "organisations:acronym") + _found_by(rules, defined.values(), "organisations:defined")
    for span, longer in [(span, _with_second_legal_form(text, span)) for span in ranges]:
        if longer != span:
            rules.setdefault(longer, rules[span])
            ranges.append(longer)
    others = coordinated(text, ranges, blocked_names)
    for _ in range(2):  # "A & B and C Ltd and D Holdings": the other side of a side found so
        ranges += _found_by(rules, others, "organisations:coordinated")
        others = [r for r in coordinated(text, others, blocked_names) if r not in ranges]
    ranges += _found_by(rules, others, "organisations:coordinated")
    ranges = _split_where_a_side_stands_alone(text, ranges, rules)
    # (not a name read only inside a longer one: "Almeida" of "chairman of Almeida e Silva Participações")
    names = {text[s:e] for s, e in _dedupe(ranges) if e - s > 2 and not ACRONYM.fullmatch(text[s:e])}
    ranges += _found_by(rules, occurrences(text, names, blocked_names), "organisations:repeat")
    full_names = {text[s:e] for s, e in _dedupe(ranges)}
    # "Halvane Group Global Agency" is a company too: a company head inside the name; and one
    # named for its trade ("Tarvo Energy", "Tessaro Aerospace")
    companies = [n for n in sorted(full_names) if len(n.split()) > 1
                 and (any(bare(w) in company_heads() for w in n.split()[1:]) or n in known_name_set()
                      or bare(n.split()[-1]) in name_final_words())]
    canonical = short_forms(text, companies, blocked_names)
    heads_alone = standalone(text, sorted(full_names), blocked_names)
    _found_by(rules, heads_alone, "organisations:standalone_head")  # first: its canonical name wins below
    _found_by(rules, canonical, "organisations:short_form")
    canonical.update(heads_alone)
    kept = _dedupe(ranges + list(canonical))
    shorts = _short_names(text, kept, defined, blocked_names)
    if shorts:
        kept = _dedupe(kept + _found_by(rules, shorts, "organisations:short_name"))
    return link_acronyms(text, kept, defined, canonical, blocked_names, rules)


@from_rules
def _closing_heads() -> frozenset[str]:
    """The words that may close a coordination of two names: legal forms and heads."""
    return legal_suffixes() | org_heads()


def _split_where_a_side_stands_alone(text: str, ranges: list[tuple[int, int]],
                                     rules: dict[tuple[int, int], str]) -> list[tuple[int, int]]:
    """ "Orvana and Brenmoor Ltd" is two organisations where the text names "Orvana" alone elsewhere
    ("Orvana chief executive Ana Lima"): one legal form or head closing a coordination is the second side's
    ("Orvana and Deutsche Telekom")."""
    closing_heads = _closing_heads()
    alone: dict[str, tuple[int, int]] = {}
    for start, end in ranges:
        alone.setdefault(text[start:end], (start, end))
    kept = []
    for start, end in ranges:
        joint = text.find(" and ", start, end)
        first = text[start:joint] if joint > start else ""
        where = alone.get(first)
        if (where is None or where[0] < end and where[1] > start or " and " in text[joint + 5:end]
                or bare(text[start:end].split()[-1]) not in closing_heads or not first.istitle()):
            kept.append((start, end))
            continue
        second = (joint + 5, end)
        rules.setdefault((start, joint), rules.get(where, "organisations:coordinated"))
        rules.setdefault(second, rules.get((start, end), "organisations:coordinated"))
        kept += [(start, joint), second]
    return kept


_SHORT_NAME_AFTER = compile_latin(rf"[ \t]*\(({CAPITAL}[a-zà-ÿ]{{3,}}(?:[A-Z][a-z]+)?)\)")


def _short_names(text: str, found: list[tuple[int, int]], defined: dict[str, tuple[int, int]], blocked) -> list[tuple[int, int]]:
    """A name an organisation's bracket gives it, written as a word ("Ministry of Foreign Trade and
    Tourism (Mincetur)", "Federal Cartel Office (Bundeskartellamt)"): noted in defined, and each
    place the text uses it."""
    words = {short for short in defined if short[1:].islower()}  # defined already ("Cochilco" spells its long form)
    for start, end in found:
        m = _SHORT_NAME_AFTER.match(text, end)
        if m is None or " " not in text[start:end] or is_place(m.group(1)) or m.group(1) in defined:
            continue
        defined[m.group(1)] = (start, end)
        words.add(m.group(1))
    return occurrences(text, words, blocked) if words else []


def _legal_forms(forms) -> str:
    """Capitalised legal forms as one alternation, longest first ("Co" is a head, not a second form)."""
    kept = sorted((f for f in forms if f[0].isupper() and f.rstrip(".") != "Co"), key=len, reverse=True)
    return "|".join(map(re.escape, kept))


@from_rules
def _second_legal_form() -> re.Pattern:
    """ "., Ltd" after a company's "Co": a legal form after a comma that still belongs to the name."""
    return compile_latin(rf"\.?,[ \t]*(?:{_legal_forms(legal_suffixes())})(?![\w-])\.?")


@from_rules
def _legal_form_after_comma() -> re.Pattern:
    """ ", Inc.", ", S.A. de C.V." after a name: a legal form a comma sets off, still the name's (not
    the two capitals that are also initials or words: ", SA", ", AB")."""
    forms = _legal_forms(f for f in legal_suffixes() if len(f) > 2 or "." in f)
    return compile_latin(rf",[ \t]+(?:{forms})(?![\w-])\.?")


_COMPANY_BEFORE_SECOND_FORM = (" Co", " Co.", " Company")


def _with_second_legal_form(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The range of a name with the legal form a comma sets off after it ("Tarvo Systems, Inc."), or
    after its "Co" ("Hanjin Heavy Industries Co., Ltd.", as East Asian companies write themselves);
    else the range as it is."""
    if text.endswith(_COMPANY_BEFORE_SECOND_FORM, 0, span[1]):
        m = _second_legal_form().match(text, span[1])
    elif text.startswith(",", span[1]):
        m = _legal_form_after_comma().match(text, span[1])
    else:
        return span
    return (span[0], m.end()) if m else span


# What an agreement is on, right before a name: "Protocol on ", "Agreement concerning the ".
_SUBJECT_OF_AGREEMENT = compile_latin(r"(?<![\w-])([A-Z][a-z]+)[ \t]+(?:on|concerning|regarding)[ \t]+(?:the[ \t]+)?$")


def _agreement_subject(text: str, span: tuple[int, int]) -> bool:
    """Whether a name whose head may close a company's ("Data Exchange") is what an agreement the
    text names is on ("the Convention on Regional Seed Exchange"), not an organisation."""
    subject = _SUBJECT_OF_AGREEMENT.search(text, max(0, span[0] - 30), span[0])
    return subject is not None and subject.group(1).lower() in _agreement_heads() and not any(
        is_strong_head(word) for word in text[span[0]:span[1]].split())


@from_rules
def _agreement_heads() -> frozenset[str]:
    """The one-word agreement heads, in lower case ("agreement", "deal")."""
    return frozenset(row[0] for row in current().table("agreement_words.txt", (2, 3)) if row[0].isalpha() and row[0].islower())


@from_rules
def _agreement_initial_endings() -> frozenset[str]:
    """The letters that _agreement_initials() can end with: each head's own initial (any letter if a
    head is a little word, which the initials of the main words leave out)."""
    if _agreement_heads() & LITTLE_WORDS:
        return frozenset(string.ascii_uppercase)
    return frozenset(spellings(head)[1][-1:] for head in _agreement_heads())


@from_rules
def _agreement_head() -> re.Pattern:
    """A one-word agreement head in lower case after a blank. (The blank opens the pattern, so that
    the engine skips ahead to blanks instead of trying a lookbehind at every position.)"""
    return compile_latin(rf"[ \t](?P<head>{trie(sorted(_agreement_heads()))})(?![\w-])")


_LOWER_WORDS_BEFORE = compile_latin(r"(?:(?<![\w-])[a-z][\w-]*[ \t]+){1,4}$")


def _agreement_initials(text: str) -> set[str]:
    """The initials of the agreements the text names in lower case ("PPA" of "power purchase
    agreement"): an acronym that spells one is that agreement's, even where the text never defines it."""
    found = set()
    for head in _agreement_head().finditer(text):
        before = _LOWER_WORDS_BEFORE.search(text, max(0, head.start("head") - 60), head.start("head"))
        if before:
            words = (before.group() + head.group("head")).split()
            for k in range(2, len(words) + 1):
                found.update(spellings(" ".join(words[-k:]))[:2])
    return found


def _found_by(rules: dict[tuple[int, int], str], ranges, rule: str) -> list[tuple[int, int]]:
    """The ranges as a list, each noted in rules as found by rule unless an earlier rule found it."""
    ranges = list(ranges)
    for span in ranges:
        rules.setdefault(span, rule)
    return ranges


def link_acronyms(text: str, ranges: list[tuple[int, int]], defined: dict[str, tuple[int, int]],
                  canonical: dict[tuple[int, int], str], blocked, rules: dict[tuple[int, int], str]) -> list[OrgFound]:
    """Canonical names: "Long Name (LN)" defines LN; otherwise the initials of a full name in the
    text. rules: the id of the rule that found each range."""
    long_forms = {short: text[s:e] for short, (s, e) in defined.items()}
    names = list(dict.fromkeys(text[s:e] for s, e in ranges))
    written_out = [n for n in names if " " in n]
    lower_case: list[tuple[int, int]] | None = None
    extra: list[tuple[int, int]] = []
    for name in names:
        if not ACRONYM.fullmatch(name) or name in long_forms:
            continue
        letters = acronym_letters(name)  # what spells() compares, worked out once for every name tried
        full = next((n for n in written_out if letters in spellings(n)), None)
        if full is None and len(name) >= 3:
            if lower_case is None:
                lower_case = _lower_case_names(text, blocked)
            full_range = next((r for r in lower_case if letters in spellings(text[r[0]:r[1]])), None)
            if full_range is not None:
                full = text[full_range[0]:full_range[1]]
                extra.append(full_range)
                rules.setdefault(full_range, "organisations:spelled_lower_case")
        if full is not None:
            long_forms[name] = full
    if extra:
        ranges = _dedupe(ranges + extra)
    acronym_of = {full.casefold(): short for short, full in long_forms.items()}
    known = known_name_set()
    result = []
    for start, end in ranges:
        name = text[start:end]
        if len(name) == 2 and name not in long_forms and name not in known:
            continue  # an unexplained two-letter acronym ("JK", "NM") is too often something else
        full = canonical.get((start, end)) or long_forms.get(name) or name
        short = name if name in long_forms else acronym_of.get(full.casefold()) if acronym_of else None
        result.append(OrgFound(start, end, full, short, rules[start, end]))
    return result


@from_rules
def _lower_case_heads() -> frozenset[str]:
    """Head words that can open a name written in lower case: one word of letters."""
    return frozenset(h.lower() for h in org_heads() if h.isalpha() and not h.isupper() and "a" <= h[0].lower() <= "z")


@from_rules
def lower_case_names() -> re.Pattern:
    """A name written in lower case after a head: "ministry of coal and mines"."""
    return compile_latin(words_not_after(_lower_case_heads(), r"[\w-]")
                         + r"[ \t]+(?:of|for)(?:[ \t]+[a-z&][\w&-]*){1,6}")


@from_rules
def _head_before_of_for() -> re.Pattern:
    """On the reversed text: "of" or "for" after a blank, blanks, then a lower-case head read backwards up
    to a word boundary. (It opens with the "o" both words have second when reversed, so that the engine
    skips ahead to it; heads are single words of letters, so at most one can end before the blanks.)"""
    backwards = trie(sorted(h[::-1] for h in _lower_case_heads()))
    return compile_latin(rf"o(?:(?<=[ \t]fo)|(?<=[ \t]ro)f)[ \t]+(?=(?P<head>{backwards})(?![\w-]))")


def _heads_before_of_for(text: str) -> list[int]:
    """Where each lower-case head before blanks and "of"/"for" starts, ascending: the only places a
    lower_case_names() match can begin. Found on the reversed text, where the head follows "of"."""
    size = len(text)
    return [size - m.end("head") for m in _head_before_of_for().finditer(text[::-1])][::-1]


def _lower_case_names(text: str, blocked) -> list[tuple[int, int]]:
    """Every reading of a name written in lower case, shortest first ("ministry of home", "... home affairs")."""
    ranges = []
    for m in matches_at(lower_case_names(), text, _heads_before_of_for(text)):
        ends = [m.start() + w.end() for w in _TOKEN.finditer(m.group())][1:]
        ranges += [(m.start(), end) for end in ends if not any(overlaps((m.start(), end), b) for b in blocked)]
    return ranges


ORGANISATION_FILES = LEXICON_FILES + data_files(
    "extractor.organisations", "org_company_heads.txt", "org_descriptors.txt", "org_generic.txt", "org_heads_final.txt",
    "org_industry_modifiers.txt", "org_leader_verbs.txt", "org_legal_prefixes.txt", "org_non_heads.txt", "org_object_cues.txt", "org_officers.txt", "org_partner_cues.txt", "org_possessions.txt", "org_sale_verbs.txt", "org_speakers.txt",
    "org_sold_things.txt", "org_standalone_heads.txt", "org_subject_verbs.txt", "currency_codes.txt", "org_fields.txt",
    "org_title_adjectives.txt", "org_staff.txt", "org_abbreviations.txt",
    "org_adjective_endings.txt") + data_files(
    "extractor.agreements", "agreement_words.txt")  # an acronym of an agreement is none of an organisation


class OrganisationFinder(RuleComponent):
    """Adds organisation mentions to doc.spans[span_key] with canonical name and acronym."""

    data_files = ORGANISATION_FILES

    def __init__(self, nlp: Language, name: str, span_key: str, people_key: str):
        self.name = name
        self.span_key = span_key
        self.people_key = people_key

    def process(self, doc: Doc) -> Doc:
        people = span_ranges(doc, self.people_key)  # in the order of the group's spans
        found = find_organisations(doc_text(doc), people + [(0, doc_value(doc, "header_end"))])
        for org in found:
            add_span(doc, self.span_key, org.start, org.end, "ORG", rule=org.rule, canonical=org.canonical, acronym=org.acronym)
        # "Temir Zholy" of "Kazakhstan Temir Zholy (KTZ)", "Mohammed VI" of a university named after him:
        # a name inside an organisation's is no mention of a person (told from the ranges: the group's
        # spans are built only where one is dropped)
        inside = {i for i, (start, end) in enumerate(people)
                  if any(o.start <= start and end <= o.end and o.end - o.start > end - start for o in found)}
        prefixed = [o for o in found if o.rule == "organisations:legal_prefix"]
        if prefixed:
            # the name of a company that a legal form opens ("PT Karya Trafo Mandiri") is the company's
            # wherever it recurs: its other mentions are no person either
            text, values = doc_text(doc), span_values(doc)
            companies = {text[start:end] for i, (start, end) in enumerate(people) if i in inside and any(
                o.start <= start and end <= o.end for o in prefixed)} | {text[o.start:o.end].split(None, 1)[-1] for o in prefixed}
            inside |= {i for i, (start, end) in enumerate(people)
                       if (span_value(values, "canonical", start, end) or text[start:end]) in companies}
        if inside:
            group = doc.spans[self.people_key]
            set_group(doc, self.people_key, [span for i, span in enumerate(group) if i not in inside])
        return doc


@Language.factory(
    "extractor_organisations",
    assigns=["doc.spans", "span._.canonical", "span._.acronym", "span._.rule"],
    requires=["doc.spans", "doc._.header_end"],  # the people found, which are not organisations
    default_config={"span_key": "organisations", "people_key": "people"},
)
def make_organisations(nlp: Language, name: str, span_key: str, people_key: str) -> OrganisationFinder:
    """Factory for the organisation finder."""
    return OrganisationFinder(nlp, name, span_key, people_key)
