"""Patterns rebuilt from a stored program behave exactly like freshly compiled ones."""
import json
import re

from extractor.dates import stored_regex

PATTERN = r"(?P<day>\d{1,2})\s+(?P<month>Jan(?:uary)?|Feb(?:ruary)?)(?:,?\s+(?P<year>\d{4}))?(?!\w)"
TEXTS = ["Signed 5 January 2026 and 17 Feb, not 5 Janus.", "", "31 February, 1999"]


def test_a_stored_program_gives_the_compiled_pattern():
    stored = json.loads(json.dumps(stored_regex.program(PATTERN)))  # as read back from a file
    loaded = stored_regex.load(PATTERN, stored)
    assert loaded == re.compile(PATTERN)  # Pattern equality compares the generated code too
    for text in TEXTS:
        expected = [(m.span(), m.groupdict()) for m in re.finditer(PATTERN, text)]
        assert [(m.span(), m.groupdict()) for m in loaded.finditer(text)] == expected


def test_another_engine_or_a_damaged_program_means_compiling():
    stored = stored_regex.program(PATTERN)
    for damaged in ({**stored, "engine": "elsewhere"}, {**stored, "code": stored["code"][:5]},
                    {**stored, "groups": "x"}, None, {}):
        assert stored_regex.load(PATTERN, damaged) == re.compile(PATTERN)
