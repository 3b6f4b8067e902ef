"""The merge policy shared by user rules and a model, on Docs whose spans the test sets itself."""
import pytest
import spacy

from extractor.layers.entities import add_entity, conflicts, remove_conflicts
from extractor.layers.user_rules import UserEntities

TEXT = "Engineers at March Networks signed the Kestrel Accord in May 2025."


def at(surface):
    """The character range of surface in TEXT."""
    start = TEXT.index(surface)
    return start, start + len(surface)


@pytest.fixture
def doc():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(TEXT)
    doc.spans["dates"] = [doc.char_span(*at("March"), label="DATE")]  # a wrong date
    doc.spans["agreements"] = [doc.char_span(*at("Kestrel Accord"), label="AGREEMENT")]
    return doc


def test_names_and_dates_conflict_with_each_other(doc):
    assert conflicts(doc, "organisations", *at("March Networks"))
    assert conflicts(doc, "people", *at("March Networks"))
    assert not conflicts(doc, "organisations", *at("Networks"))


def test_agreements_conflict_only_with_agreements(doc):
    assert not conflicts(doc, "agreements", *at("March Networks"))  # agreement names contain names
    assert conflicts(doc, "agreements", *at("the Kestrel"))
    assert not conflicts(doc, "organisations", *at("Kestrel Accord"))


def test_remove_conflicts_drops_only_overlapping_spans(doc):
    remove_conflicts(doc, "organisations", *at("March Networks"))
    assert list(doc.spans["dates"]) == [] and len(doc.spans["agreements"]) == 1


def test_add_entity_sets_what_our_components_set(doc):
    org = add_entity(doc, "organisations", *at("March Networks"), "model:ORG")
    assert (org.text, org.label_, org._.canonical, org._.rule) == ("March Networks", "ORG", "March Networks", "model:ORG")
    date = add_entity(doc, "dates", *at("May 2025"), "model:DATE")
    assert (date.text, date._.value) == ("May 2025", "2025-05")
    assert add_entity(doc, "people", *at("Engineers"), "user:team", name="Eng. Team")._.canonical == "Eng. Team"


def test_user_matches_replace_conflicts_longest_first(doc):
    doc.spans["user_rules"] = [doc.char_span(*at("March"), label="ORG"),
                               doc.char_span(*at("March Networks"), label="ORG", span_id="MN")]
    UserEntities(None, "user", "user_rules", {"ORG": "organisations"})(doc)
    assert [(s.text, s._.canonical) for s in doc.spans["organisations"]] == [("March Networks", "MN")]
    assert list(doc.spans["dates"]) == []
