"""extractor_dateline: the "date YYYY-MM-DD" header sets the publication date."""
import spacy

from extractor.dateline.component import find_header


def pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_dateline")
    return nlp


def test_header_sets_published_and_marks_the_date():
    doc = pipeline()("date 2026-02-05\nTalks ended.")
    assert doc._.published == "2026-02-05"
    assert doc._.header_end == len("date 2026-02-05")
    assert [(s.text, s._.value) for s in doc.spans["dates"]] == [("2026-02-05", "2026-02-05")]


def test_given_publication_date_wins_over_the_header():
    nlp = pipeline()
    doc = nlp.make_doc("date 2026-02-05\nTalks ended.")
    doc._.published = "2026-03-01"
    doc = nlp(doc)
    assert doc._.published == "2026-03-01"


def test_no_header_leaves_published_unset():
    doc = pipeline()("Talks ended on 2026-02-05.")
    assert doc._.published is None
    assert "dates" not in doc.spans


def test_header_only_at_the_start():
    assert find_header("  date 2026-02-05\n") is not None
    assert find_header("Up to date 2026-02-05") is None


def test_impossible_header_date_is_neither_published_nor_a_date():
    doc = pipeline()("date 2026-13-45\nTalks ended.")
    assert doc._.published is None
    assert "dates" not in doc.spans
