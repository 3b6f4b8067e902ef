"""The date component's rules: read from its own files when needed, per component, never at import."""
import datetime as dt
import re
import subprocess
import sys

import pytest
import spacy

from extractor.common.rules import RuleData, RuleFileError
from extractor.dates import component as dates, scanner as date_scanner
from extractor.dates.tense import tense_at

MON = dt.date(2026, 3, 2)  # a Monday


def shipped() -> RuleData:
    return RuleData.from_package(dates.DATE_FILES)


def changed(name: str, edit) -> RuleData:
    """The shipped date rules with file `name` replaced by edit(its text)."""
    rules = shipped()
    return RuleData({**rules.texts, name: edit(rules.texts[name])}, rules.origins)


def found(rules: RuleData, text: str, published=MON, **options):
    with rules.active():
        return [(text[f.start:f.end], f.value) for f in dates.find_dates(text, published, **options)]


def test_importing_the_package_reads_no_rule_file():
    code = """
import extractor.common.rules as rules
read = []
original = rules.RuleData.numbered_lines
rules.RuleData.numbered_lines = lambda self, name: read.append(name) or original(self, name)
from extractor.dates import component, scanner, tense, values
dated = sorted(set(read) & {f.name for f in component.DATE_FILES} - {"months.txt", "weekdays.txt"})
print(",".join(dated))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_adding_the_component_reads_nothing_until_the_first_doc():
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("extractor_dates")
    assert finder._rules is None
    nlp("Signed on 3 March 2026.")
    assert finder._rules is not None


def test_the_scanner_is_built_once_per_rule_data():
    first, second = shipped(), shipped()
    with first.active():
        scan = date_scanner.scanner(False)
        assert date_scanner.scanner(False) is scan
        assert date_scanner.scanner(True) is not scan
    with second.active():
        assert date_scanner.scanner(False) is not scan


def test_two_rule_sets_side_by_side():
    # a month abbreviation one rule set knows and the other does not
    extra = changed("months.txt", lambda text: text + "Mrz\t3\n")
    text = "Talks resumed on 4 Mrz 2026."
    assert found(extra, text) == [("4 Mrz 2026", "2026-03-04")]
    assert found(shipped(), text) == [("2026", "2026")]
    assert found(extra, text) == [("4 Mrz 2026", "2026-03-04")]


def test_a_changed_tense_cue_changes_a_weekday_value():
    text = "The board mulls the sale on Friday."
    with shipped().active():
        start = text.index("Friday")
        assert tense_at(text, start, start + 6) is None
    cue = changed("date_tense_cues.txt", lambda text: text + "mulls\tfuture\n")
    with cue.active():
        assert tense_at(text, start, start + 6) == "future"
    assert found(shipped(), text) == [("Friday", "2026-02-27")]
    assert found(cue, text) == [("Friday", "2026-03-06")]


def test_a_changed_shift_word_is_read_by_the_scanner_and_the_values():
    shift = changed("date_shifts.txt", lambda text: text + "yon\t-1\n")
    assert found(shift, "Sales fell yon week.") == [("yon week", "2026-02-23/2026-03-01")]
    assert found(shipped(), "Sales fell yon week.") == []


def test_a_reference_value_comes_from_the_file():
    refs = changed("date_refs.txt", lambda text: text + "lately\tPAST_REF\n")
    assert found(refs, "Prices have risen lately.", timeml_refs=True) == [("lately", "PAST_REF")]
    assert found(shipped(), "Prices have risen lately.", timeml_refs=True) == []


@pytest.mark.parametrize("name, line, reason", [
    ("months.txt", "Brumaire", "expected 2 tab-separated columns, found 1"),
    ("weekdays.txt", "Caturday\t5\textra", "expected 2 tab-separated columns, found 3"),
    ("weekdays.txt", "Caturday\tfive", "expected a whole number, found 'five'"),
    ("date_seasons.txt", "monsoon\t6", "expected 3 tab-separated columns, found 2"),
    ("date_seasons.txt", "monsoon\tjune\t9", "expected a whole number, found 'june'"),
    ("date_tense_cues.txt", "vowed", "expected 2 tab-separated columns, found 1"),
    ("date_patterns.txt", "weekly\tweekly\t(?P<wd>{WEEKDAY})", "unknown resolver 'weekly'"),
    ("date_patterns.txt", "weekday\t(?P<wd>{WEEKDAY})", "expected id <TAB> resolver <TAB> regular expression"),
    ("date_patterns.txt", "ago\tago\t(?P<num>\\d+)\\s+moons\\s+ago", "rule id 'ago' is used twice"),
    ("date_placeholders.txt", "DAY\t\\d+", "{DAY} is defined twice"),
    ("date_placeholders.txt", "SHIFT\t\\d+", "{SHIFT} is defined twice"),
    ("date_placeholders.txt", "lower\t\\d", "expected NAME <TAB> regular expression"),
    ("date_placeholders.txt", "OPEN\t(x", "missing ), unterminated subpattern"),
])
def test_a_bad_line_fails_naming_file_and_line(name, line, reason):
    bad = changed(name, lambda text: text.rstrip("\n") + "\n" + line + "\n")
    number = len(bad.texts[name].splitlines())
    with pytest.raises(RuleFileError, match=re.escape(f"extractor/dates/data/{name}:{number}: {reason}")):
        found(bad, "Sales fell on Friday in early summer 2025, vowed the chief.", published=MON)


def test_a_placeholder_written_in_its_file_shapes_every_rule_that_uses_it():
    text = "The lease runs until 2150, as agreed in 2099."
    assert found(shipped(), text) == [("2099", "2099")]
    wider = changed("date_placeholders.txt", lambda text: text.replace("|20\\d\\d)", "|2[01]\\d\\d)"))
    assert found(wider, text) == [("2150", "2150"), ("2099", "2099")]
