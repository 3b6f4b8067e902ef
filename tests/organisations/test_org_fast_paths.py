"""The organisation finder's fast paths give what the plain scans they replace give, on made-up texts."""
import re

import pytest

from extractor.common.rules import RuleData
from extractor.organisations.component import ORGANISATION_FILES
from extractor.organisations import component as organisations, context as org_context, phrases as org_phrases
from extractor.organisations.acronyms import ACRONYM
from extractor.common.lexicon import WORD, matches_at

BASE_TEXTS = [
    "The cargo carrier SkyJet said its chief executive of Brightwave, Jane Roe, met the CEO of Zentrix.",
    "airline Orvalis opened. Co-founder of Veltra Group and board of directors at Kestrel Dynamics Corp met.",
    "xairline Foo, start-up Bar and the rival  \tQuill Labs spoke; the group CEO\tof Acme Holdings left.",
    "The ministry of coal and mines (MCM) and the department  for\twater affairs met the bank of Ruritania.",
    "Officials of the Ministry of Defence, the Northern Grid Authority (NGA) and U.S. R&AW met the MoD.",
    "Add Lake Basin Times as a Trusted Source\nSource: Coast Wire\n(Hill Post) - Talks began (NYSE: GBX).",
    "Zentrix's shares fell; Kestrel’s chairman spoke. Chile's Andeco and O'Neill's board of directors met.",
    "Director General (Production & Services) and Minister\n(Trade) spoke; Acme and the Army met Quill & Co.",
    "NGOs and MoUs are not names. FOOTBALL - CITY WIN\nLONDON 1996-08-30\nThe Ruritanian Army and the Army.",
    "A Commission-based plan; the European Commission and Commission President met. Senate-backed Senate",
    "Özgür Çelik Holding (ÖÇH) and Łaska Holdings met the Élan Group; ŁKM's chief and ÉDF spoke.",
]


def variants(text):
    """The text as written, in capitals, in lower case, title-cased and with other blanks."""
    return [text, text.upper(), text.lower(), text.title(), text.replace(" ", "\t"), text.replace(" ", "  ")]


TEXTS = [v for text in BASE_TEXTS for v in variants(text)]


def spans(matches):
    return [m.span() for m in matches]


@pytest.mark.parametrize("text", TEXTS)
def test_described_and_officer_nouns_from_the_reversed_text(text):
    starts = org_context._noun_starts(text)
    assert starts == sorted(starts)
    for pattern in (org_context.described(), org_context.officer_of()):
        assert spans(matches_at(pattern, text, starts)) == spans(pattern.finditer(text))


@pytest.mark.parametrize("text", TEXTS)
def test_one_scan_of_capitals_finds_heads_known_names_and_acronyms(text):
    starts = [m.start() for m in organisations._capitalised_starts().finditer(text)]
    for pattern in (org_phrases.head_words(), org_context.known_names_pattern(), ACRONYM):
        assert spans(matches_at(pattern, text, starts)) == spans(pattern.finditer(text))


@pytest.mark.parametrize("text", TEXTS)
def test_lower_case_heads_from_the_reversed_text(text):
    pattern = organisations.lower_case_names()
    starts = organisations._heads_before_of_for(text)
    assert spans(matches_at(pattern, text, starts)) == spans(pattern.finditer(text))


@pytest.mark.parametrize("text", TEXTS)
def test_openings_found_by_str_find(text):
    for pattern, openings in ((org_context.CREDIT, org_context.CREDIT_OPENINGS),
                              (org_context.possessive_context(), org_context.APOSTROPHES),
                              (org_context._OWNED, org_context.APOSTROPHES)):
        starts = org_context._positions_of(text, openings)
        assert spans(matches_at(pattern, text, starts)) == spans(pattern.finditer(text))


@pytest.mark.parametrize("text", TEXTS)
def test_phrases_scanned_from_the_break_before_a_head(text):
    heads = [m.start() for m in org_phrases.head_words().finditer(text)]
    whole_text = [p for p in org_phrases.org_phrase().finditer(text) if any(p.start() <= h < p.end() for h in heads)]
    assert spans(org_phrases._phrases_with(text, heads)) == spans(whole_text)


@pytest.mark.parametrize("text", TEXTS)
def test_word_before_read_from_the_reversed_window(text):
    word_before = re.compile(r"(?P<word>[\w-]+)[ \t]*$")
    for end in range(len(text) + 1):
        found = word_before.search(text, max(0, end - 30), end)
        assert organisations._word_before(text, end) == (found and found.group("word"))


@pytest.mark.parametrize("text", TEXTS)
def test_and_before_is_only_searched_after_and(text):
    name = rf"{WORD}(?:[ \t]+(?:&[ \t]+)?{WORD}){{0,3}}"
    and_before = re.compile(rf"(?<![\w-])(?P<name>{name})[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?$")
    for start in range(len(text) + 1):
        window = (text, max(0, start - 60), start)
        expected = and_before.search(*window)
        found = org_context._AND_BEFORE.search(*window)
        assert (found and found.span("name")) == (expected and expected.span("name"))
        assert org_context._after_and(text, start) or not expected


@pytest.mark.parametrize("text", TEXTS)
def test_name_before_checks_its_boundary_after_the_capital(text):
    name = rf"{WORD}(?:[ \t]+(?:&[ \t]+)?{WORD}){{0,3}}"
    name_before = re.compile(rf"(?<![\w-])(?P<name>{name})[ \t]*$")
    for end in range(len(text) + 1):
        expected = name_before.search(text, max(0, end - 80), end)
        assert org_context._name_before(text, end) == ([expected.span("name")] if expected else [])


@pytest.mark.parametrize("text", TEXTS)
def test_whole_word_pattern_opens_with_the_word(text):
    for head in org_context.standalone_heads():
        plain = re.compile(rf"(?<![\w-]){re.escape(head)}(?![\w-])")
        assert spans(org_context._whole_word(head).finditer(text)) == spans(plain.finditer(text))


def test_dedupe_keeps_longer_ranges_first():
    def plain(ranges):
        kept = []
        for start, end in sorted(set(ranges), key=lambda r: (r[0] - r[1], r[0])):
            if end > start and not any(start < e and s < end for s, e in kept):
                kept.append((start, end))
        return sorted(kept)

    cases = [[], [(3, 3)], [(0, 5), (2, 8), (6, 9)], [(0, 4), (4, 8), (2, 6), (1, 7)],
             [(5, 9), (0, 3), (5, 9), (8, 12)], [(i, i + n) for i in range(0, 60, 3) for n in (1, 4, 7)]]
    for ranges in cases:
        assert organisations._dedupe(ranges) == plain(ranges)


def test_nouns_that_end_other_nouns_fall_back_to_the_plain_scan(monkeypatch):
    monkeypatch.setattr(org_context, "descriptors", lambda: ("group", "media group"))
    with RuleData.from_package(ORGANISATION_FILES).active():  # fresh rules: nothing built from them yet
        assert org_context._noun_before_name() is None  # two nouns can end before "Quill Labs"
        text = "The media group Quill Labs and the xmedia group Veltra spoke."
        pattern = org_context.described()
        assert spans(matches_at(pattern, text, org_context._noun_starts(text))) == spans(pattern.finditer(text))
