"""The span helpers the components share: token alignment must equal spaCy's char_span."""
import random

import pytest
import spacy

from extractor.components.spans import char_span, remember_text, token_range

TEXTS = [
    "Dr. Rao met  the U.N. envoy\n\n in Geneva on Monday, (EFE).- said  ",
    "  leading spaces and a trailing line\n",
    "one",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_token_range_is_that_of_spacys_expanding_char_span(text):
    nlp = spacy.blank("en")
    doc = nlp(text)
    remember_text(doc, text)
    for start in range(-1, len(text) + 2):
        for end in range(start + 1, len(text) + 2):
            expected = doc.char_span(start, end, alignment_mode="expand")
            got = token_range(doc, start, end)
            assert got == (None if expected is None else (expected.start, expected.end)), (start, end)


def test_char_span_labels_the_expanded_span_and_refuses_bare_whitespace():
    nlp = spacy.blank("en")
    text = "The  Ministry of Defence said"
    doc = nlp(text)
    span = char_span(doc, 6, 13, "ORG")
    assert (span.text, span.label_) == ("Ministry", "ORG")
    assert char_span(doc, 5, 11, "ORG").text == "Ministry"  # from inside the double space
    assert char_span(doc, 4, 5, "ORG") is None
    assert char_span(doc, 3, 30, "ORG") is None


def test_token_range_follows_a_doc_made_from_random_text():
    rng = random.Random(3)
    nlp = spacy.blank("en")
    words = ["Mr.", "Kaushik", "(", ")", "U.S.", "don't", "\n", "  ", "MoU.", "-", "2024", ","]
    text = " ".join(rng.choice(words) for _ in range(60))
    doc = nlp(text)
    for _ in range(2000):
        start = rng.randrange(len(text))
        end = rng.randrange(start + 1, len(text) + 1)
        expected = doc.char_span(start, end, alignment_mode="expand")
        assert token_range(doc, start, end) == (expected.start, expected.end)
