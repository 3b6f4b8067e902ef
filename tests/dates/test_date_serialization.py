"""A pipeline with the dateline and date components saved with nlp.to_disk loads with spacy.load."""
import re

import pytest
import spacy

from extractor.dateline import component as _dateline  # noqa: F401  (registers the factories)
from extractor.dates import component as _dates  # noqa: F401
from extractor.common.rules import RuleFileError

TEXTS = [
    "date 2026-03-02\nThe two ports agreed on Friday to share berths from 1 April 2026 until the end of 2027.",
    "date 2025-11-20\nFreight fell 4% in the third quarter and again last week, two years after the 2023 strike.",
    "No dateline here: the pact of 12 June 2019 was renewed in early summer 2024 and runs to 2030-31.",
    "date 2026-01-15\nThe board met yesterday and will vote next Tuesday; the 1990s were calmer.",
]


def dated(nlp):
    return [[(s.start_char, s.end_char, s.text, s._.value) for s in doc.spans.get("dates", [])]
            for doc in nlp.pipe(TEXTS)]


def pipeline(timeml_refs=False):
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_dateline")
    nlp.add_pipe("extractor_dates", config={"timeml_refs": timeml_refs})
    return nlp


@pytest.mark.parametrize("timeml_refs", [False, True])
def test_a_saved_pipeline_finds_the_same_dates_and_values(tmp_path, timeml_refs):
    nlp = pipeline(timeml_refs)
    expected = dated(nlp)
    assert all(expected)
    nlp.to_disk(tmp_path)
    assert (tmp_path / "extractor_dates" / "date_patterns.txt").is_file()
    assert dated(spacy.load(tmp_path)) == expected


def test_a_saved_pipeline_reads_its_own_copy_of_the_rules(tmp_path):
    nlp = pipeline()
    nlp.to_disk(tmp_path)
    months = tmp_path / "extractor_dates" / "months.txt"
    months.write_text(months.read_text(encoding="utf-8") + "Mrz\t3\n", encoding="utf-8")
    [doc] = spacy.load(tmp_path).pipe(["Berths open on 4 Mrz 2026."])
    assert [(s.text, s._.value) for s in doc.spans["dates"]] == [("4 Mrz 2026", "2026-03-04")]
    [doc] = nlp.pipe(["Berths open on 4 Mrz 2026."])
    assert [(s.text, s._.value) for s in doc.spans["dates"]] == [("2026", "2026")]


def test_to_bytes_and_back_gives_the_same_dates():
    nlp = pipeline()
    expected = dated(nlp)
    assert dated(pipeline().from_bytes(nlp.to_bytes())) == expected


def test_a_bad_line_in_a_saved_rule_file_names_the_file_and_line(tmp_path):
    pipeline().to_disk(tmp_path)
    months = tmp_path / "extractor_dates" / "months.txt"
    months.write_text(months.read_text(encoding="utf-8") + "Brumaire\n", encoding="utf-8")
    line = len(months.read_text(encoding="utf-8").splitlines())
    nlp = spacy.load(tmp_path)  # nothing is read before the first Doc
    with pytest.raises(RuleFileError, match=re.escape(f"{months}:{line}: expected 2 tab-separated columns")):
        dated(nlp)


def test_a_missing_saved_rule_file_is_named(tmp_path):
    pipeline().to_disk(tmp_path)
    (tmp_path / "extractor_dates" / "date_refs.txt").unlink()
    with pytest.raises(RuleFileError, match="date_refs.txt: missing rule file"):
        spacy.load(tmp_path)
