"""The span helper the components share: character ranges expanded to whole tokens."""
import spacy

from extractor.common.doc_data import add_span, char_span


def test_char_span_labels_the_expanded_span_and_refuses_bare_whitespace():
    doc = spacy.blank("en")("The  Ministry of Defence said")
    span = char_span(doc, 6, 13, "ORG")
    assert (span.text, span.label_) == ("Ministry", "ORG")
    assert char_span(doc, 5, 11, "ORG").text == "Ministry"  # from inside the double space
    assert char_span(doc, 4, 5, "ORG") is None
    assert char_span(doc, 3, 30, "ORG") is None


def test_add_span_appends_to_the_group_in_order():
    doc = spacy.blank("en")("The Ministry of Defence and the Home Office met.")
    add_span(doc, "orgs", 4, 23, "ORG", rule="test:org")
    add_span(doc, "orgs", 32, 43, "ORG", rule="test:org")
    assert [s.text for s in doc.spans["orgs"]] == ["Ministry of Defence", "Home Office"]


def test_add_span_sets_extension_values_as_span_underscore_reads_them():
    import extractor.common.doc_data  # noqa: F401  (declares the span attributes)

    doc = spacy.blank("en")("Talks resume on 4 March 2026 in Delhi.")
    span = add_span(doc, "dates", 16, 28, "DATE", rule="test:date", value="2026-03-04")
    assert doc.spans["dates"][0]._.value == span._.value == "2026-03-04"
    assert add_span(doc, "dates", 33, 38, "DATE", rule="test:date")._.value is None


def test_every_span_attribute_is_a_plain_value_that_add_span_may_write():
    # add_span writes values where span._ keeps them: only right without getters and setters
    from spacy.tokens import Span

    from extractor.common.doc_data import SPAN_ATTRIBUTES

    for name in SPAN_ATTRIBUTES:
        default, method, getter, setter = Span.get_extension(name)
        assert (default, method, getter, setter) == (SPAN_ATTRIBUTES[name], None, None, None), name
