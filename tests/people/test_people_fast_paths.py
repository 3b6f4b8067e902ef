"""The person finder's shortcuts give what the plain way gives, on short texts written for these tests."""
import re
import pytest
from spacy.tokens import Span

from extractor.people import component as people
from extractor.common.lexicon import WORD, WORD_TAIL, joiner_pattern, name_prefix_pattern
from extractor.people.names import RETIRED

TEXTS = [
    "Dr.Lina Berg met Lt Gen Shahzad Ul Haq Malik (Retd.) and Major General (R) Asif Malik.",
    "The U.S. Army and U.N. envoy Kofi Mensah-Boateng spoke; O'Neill's aide J. Russell left.",
    "Minister for Water Resources of the Sultanate of Oman Khalid Al Harthy\tsigned.",
    "Abc-Def Ghi's team, the AT&T unit and McDonald’s Fries Ltd. Inc. were there. X Y. Z",
    'He said: "We won." " Eitel said, then ” Breen added , and "said Kowalski. ”',
    "Jean-Luc Martineau  and  Ingrid Solberg of the Von Trapp family , New York City",
    "ALL CAPS HEADLINE Here\nNext Line Starts Here. Dr. Ama Owusu, 45, said so.",
    "veteran striker Tomas Vrana ( Czech Republic ) and anti-striker Paul Eze-Obi",
]


def test_name_phrase_matches_the_plain_pattern():
    plain = re.compile(rf"[A-Z](?<![\w-].){WORD_TAIL}"
                       rf"(?:(?:(?:[ \t]+{joiner_pattern()})*[ \t]+|\.(?=[A-Z][a-z])|[ \t]*{RETIRED}[ \t]*){name_prefix_pattern()}{WORD})+")
    for text in TEXTS:
        assert [m.span() for m in people.name_phrase().finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_one_pattern_per_quotation_mark_matches_the_pattern_with_both():
    both = re.compile(r'[\"”]' + people.speaker_after_quote())
    for text in TEXTS:
        expected = [(m.start(), m["before"], m["after"]) for m in both.finditer(text)]
        found = sorted((m.start(), m["before"], m["after"])
                       for pattern in people.quoted_speaker_patterns() for m in pattern.finditer(text))
        assert found == expected


def test_cheap_tests_before_a_phrase_never_reject_a_signal():
    for text in TEXTS:
        for start in range(len(text) + 1):
            if people._person_noun_before(text, start) or people._speech_verb_before(text, start):
                assert people._may_follow_signal_word(text, start)
            if people._signal_after(text, start):
                assert people._may_signal_after(text, start)


def test_separator_test_never_rejects_a_previous_list_item():
    texts = TEXTS + ["Squad : Omar Mir , Fahad Shafiq , Dolan , Quinlan and\nTariq Malik ."]
    for text in texts:
        for start in range(len(text) + 1):
            if people.PREVIOUS_ITEM.search(text, max(0, start - 60), start):
                assert people._after_separator(text, start)


def _canonical_by_pairs(text, found):
    """canonical_names the plain way: every mention compared with every other."""
    names = [text[p.start:p.end] for p in found]
    folded = [name.casefold() for name in names]
    result = []
    for index, name in enumerate(names):
        words = folded[index].split()
        longer = [k for k, full in enumerate(names) if len(full.split()) > len(words)
                  and (folded[k].split()[-len(words):] == words or folded[k].split()[:len(words)] == words)]
        same = next(full for full, fold in zip(names, folded) if fold == folded[index])
        if longer:
            earlier = [k for k in longer if k < index]
            same = result[earlier[-1]] if earlier else names[longer[0]]  # the full name of the longer one
        result.append(same)
    return result


@pytest.mark.parametrize("names", [
    ["Mehta", "Arjun Mehta", "Mehta", "R P Mehta", "Mehta", "arjun", "Arjun"],
    ["Shahzad Ul Haq Malik", "Shahzad ul Haq Malik", "Haq Malik", "Malik", "Shahzad"],
    ["Paul Hendricks", "HENDRICKS", "Hendricks", "Paul", "Paul Hendricks Jr", "Straße", "STRASSE"],
    ["Ana", "Ana Ana", "Ana Ana Ana", "Ana"],
])
def test_canonical_names_match_comparing_every_pair(names):
    text = " . ".join(names)
    starts = []
    offset = 0
    for name in names:
        starts.append(offset)
        offset += len(name) + 3
    found = [people.PersonFound(start, start + len(name), "people:test") for start, name in zip(starts, names)]
    assert people.canonical_names(text, found) == _canonical_by_pairs(text, found)


def test_honorific_and_canonical_are_plain_attributes():
    # PersonFinder writes their values to doc.user_data, as span._ would for such attributes
    for name in ("honorific", "canonical"):
        default, method, getter, setter = Span.get_extension(name)
        assert (method, getter, setter) == (None, None, None)


def test_values_written_are_read_back_through_span_extensions(nlp):
    doc = nlp("Dr Amrita Menon spoke. Later Menon left with Mr. Paul Hendricks.")
    assert [(s.text, s._.honorific, s._.canonical) for s in doc.spans["people"]] == [
        ("Amrita Menon", "Dr", "Amrita Menon"), ("Menon", None, "Amrita Menon"),
        ("Paul Hendricks", "Mr.", "Paul Hendricks")]
