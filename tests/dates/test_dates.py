"""extractor_dates: detection and ISO 8601 values, one table per pattern family."""
import datetime as dt
import re

import pytest
import spacy

from extractor.dates import component as dates, scanner as date_scanner
from extractor.dates.tense import tense_at
from extractor.common.regex import prefixes, trie, words
from extractor.common.rules import RuleData, RuleFileError, current

THU = dt.date(2026, 2, 5)  # a Thursday


@pytest.fixture(autouse=True)
def date_rules():
    """The tests call the functions directly, with only the component's own rule files active."""
    with RuleData.from_package(dates.DATE_FILES).active() as rules:
        yield rules


def rules_with(name, text):
    """The component's shipped rules with file `name` replaced by text."""
    rules = RuleData.from_package(dates.DATE_FILES)
    return RuleData({**rules.texts, name: text}, rules.origins)


def word_list(name):
    return current().lines(name)


def found(text, published=THU, **options):
    """(surface, value) of every date find_dates reports."""
    return [(text[f.start:f.end], f.value) for f in dates.find_dates(text, published, **options)]


ABSOLUTE = [
    ("Talks opened on 5 February 2026.", [("5 February 2026", "2026-02-05")]),
    ("Talks opened on February 5, 2026.", [("February 5, 2026", "2026-02-05")]),
    ("Talks opened on Feb. 5 in Delhi.", [("Feb. 5", "2026-02-05")]),
    ("Filed 2026-02-05 by the ministry.", [("2026-02-05", "2026-02-05")]),
    ("It was signed on the 12th of November, 2025.", [("the 12th of November, 2025", "2025-11-12")]),
    ("It was signed on 12th Nov, 2025.", [("12th Nov, 2025", "2025-11-12")]),
]

NUMERIC = [
    # both readings valid: the one nearer the publication date
    ("Dated 05/02/2026.", THU, [("05/02/2026", "2026-02-05")]),
    ("Dated 02/05/2026.", THU, [("02/05/2026", "2026-02-05")]),
    # only one reading valid
    ("Dated 25/12/2025.", THU, [("25/12/2025", "2025-12-25")]),
    ("Dated 12/25/2025.", THU, [("12/25/2025", "2025-12-25")]),
    # no publication date: day/month
    ("Dated 05/02/2026.", None, [("05/02/2026", "2026-02-05")]),
    ("Dated 05.02.2026.", None, [("05.02.2026", "2026-02-05")]),
]

MONTHS_AND_YEARS = [
    ("The plan dates from October 2025.", [("October 2025", "2025-10")]),
    ("Sales rose in 2025.", [("2025", "2025")]),
    ("Work starts in mid-2025.", [("mid-2025", "2025")]),
    ("Work ends by the end of 2027.", [("the end of 2027", "2027")]),
    ("Profit fell in the first quarter of 2026.", [("the first quarter of 2026", "2026-Q1")]),
    ("Profit fell in Q3 2025.", [("Q3 2025", "2025-Q3")]),
    ("Revenue for fiscal 2025 rose.", [("fiscal 2025", "2025")]),
    ("Revenue for FY2025-26 rose.", [("FY2025-26", "2025/2026")]),
    ("Output doubled in the first half of 2019.", [("the first half of 2019", "2019-01/2019-06")]),
    ("Music of the 1990s and the '80s.", [("the 1990s", "1990/1999"), ("the '80s", "1980/1989")]),
    ("Wars of the 20th century.", [("the 20th century", "1900/1999")]),
    ("It opened in summer 2012.", [("summer 2012", "2012-06/2012-08")]),
    ("He left in June last year.", [("June last year", "2025-06")]),
    ("The fair moves to Quito in spring next year.", [("spring next year", "2027-03/2027-05")]),
    ("Exports start with the 2026/27 crop year and the 2025-26 academic year.",
     [("2026/27 crop year", "2026/2027"), ("2025-26 academic year", "2025/2026")]),
]

RANGES = [
    ("Talks ran on February 3-4.", [("February 3-4", "2026-02-03/2026-02-04")]),
    ("Talks ran on 3–4 February.", [("3–4 February", "2026-02-03/2026-02-04")]),
    ("Talks ran from January 30 to February 2.", [("January 30 to February 2", "2026-01-30/2026-02-02")]),
    ("Polls run from March to May 2025.", [("from March to May 2025", "2025-03/2025-05")]),
    ("Trade grew between 2020 and 2023.", [("between 2020 and 2023", "2020/2023")]),
    ("The 2009-2010 budget and the 1957-58 expedition.", [("2009-2010", "2009/2010"), ("1957-58", "1957/1958")]),
    # a season of two calendar years is one mention with its noun
    ("She joins the squad for the 2027/28 season.", [("2027/28 season", "2027/2028")]),
    ("He retired after the 1998-99 season ended.", [("1998-99 season", "1998/1999")]),
]

RELATIVE = [
    ("The minister said on Tuesday that talks went well.", [("Tuesday", "2026-02-03")]),
    ("Talks ended last week.", [("last week", "2026-01-26/2026-02-01")]),
    ("He arrived earlier this month.", [("earlier this month", "2026-02")]),
    ("Elections are due next year.", [("next year", "2027")]),
    ("The plant closed two years ago.", [("two years ago", "2024")]),
    ("The deal was signed yesterday.", [("yesterday", "2026-02-04")]),
    ("The deal is signed today.", [("today", "2026-02-05")]),
    ("Sales rose last quarter.", [("last quarter", "2025-Q4")]),
    ("Crowds gathered over the weekend.", [("the weekend", "2026-01-31/2026-02-01")]),
    ("The firm was founded a decade ago.", [("a decade ago", "2016")]),
    ("Fighting resumed late last July.", [("late last July", "2025-07")]),
]

WEEKDAYS_AND_YEARLESS = [
    # past context: on or before the publication date (a Thursday)
    ("The ministers met on Monday.", [("Monday", "2026-02-02")]),
    ("The ministers met on Thursday.", [("Thursday", "2026-02-05")]),
    # future context: on or after it
    ("The ministers will meet on Monday.", [("Monday", "2026-02-09")]),
    ("The deal is expected to be signed on Friday.", [("Friday", "2026-02-06")]),
    # a relative clause after the date is another verb's
    ("They signed a deal on Monday that will run for years.", [("Monday", "2026-02-02")]),
    # a timetable's present tense looks ahead; after a determiner the word is a noun
    ("The forum opens on Sunday in Nairobi.", [("Sunday", "2026-02-08")]),
    ("Registration closes on Monday, organisers said.", [("Monday", "2026-02-09")]),
    ("The talks, which began on Monday, end on Friday.", [("Monday", "2026-02-02"), ("Friday", "2026-02-06")]),
    ("Shares fell at the close on Tuesday.", [("Tuesday", "2026-02-03")]),
    # passive future: "be signed" is not a past-tense cue
    ("The accord will be signed on Saturday.", [("Saturday", "2026-02-07")]),
    ("They met last Thursday.", [("last Thursday", "2026-01-29")]),
    ("They meet next Thursday.", [("next Thursday", "2026-02-12")]),
    # a weekday followed by its date is one mention with that date; in brackets, two mentions
    ("Talks on Friday, 9 January 2026 ended.", [("Friday, 9 January 2026", "2026-01-09")]),
    ("The envoys met on Monday, February 2.", [("Monday, February 2", "2026-02-02")]),
    ("Voting ends on Saturday 14 February.", [("Saturday 14 February", "2026-02-14")]),
    ("The envoys met on Monday (2 February).", [("Monday", "2026-02-02"), ("2 February", "2026-02-02")]),
    # a year-less date that is not that weekday this year: the near year where it is
    ("The board met on Wednesday, 5 March.", [("Wednesday, 5 March", "2025-03-05")]),
    # year-less dates: the nearest sensible year
    ("The summit was held on November 14.", [("November 14", "2025-11-14")]),
    ("The summit will be held on November 14.", [("November 14", "2026-11-14")]),
    # within two months of the publication date the nearest occurrence wins, whatever the tense
    ("The talks were held on February 20.", [("February 20", "2026-02-20")]),
    ("Prices peaked in August.", [("August", "2025-08")]),
    ("Prices will peak in August.", [("August", "2026-08")]),
    ("Rates rise in May, the bank said.", [("May", "2025-05")]),
]

COMPOUND = [
    # a relative word, a comma and the date it names: one mention with the date's value
    ("The governor arrived yesterday, 4 February, for talks.", [("yesterday, 4 February", "2026-02-04")]),
    ("Polls open today, February 5, across the state.", [("today, February 5", "2026-02-05")]),
    # a date and the year it falls in, counted from the publication year
    ("The bridge opened on April 9 last year.", [("April 9 last year", "2025-04-09")]),
    ("The vote is set for 3 October next year.", [("3 October next year", "2027-10-03")]),
    ("The plant reopens on Nov. 30 this year.", [("Nov. 30 this year", "2026-11-30")]),
    # weeks of a month
    ("The league bulletin, Saturday, 7 March 1945 GMT kick-off.", [("Saturday, 7 March", "2026-03-07")]),  # 1945 GMT is a time
    ("Inspectors visit in the first week of May.", [("the first week of May", "2026-05-01/2026-05-07")]),
    ("Shops close for the last week of December 2026.", [("the last week of December 2026", "2026-12-25/2026-12-31")]),
    ("Exams fall in the third week of June.", [("the third week of June", "2026-06-15/2026-06-21")]),
    # early/mid/late narrow a decade, not a year
    ("The mill thrived in the early 1960s.", [("the early 1960s", "1960/1963")]),
    ("The mill closed in the late '70s.", [("the late '70s", "1977/1979")]),
    ("The mill was rebuilt in the mid-1980s and sold in late 2001.", [("the mid-1980s", "1984/1986"), ("late 2001", "2001")]),
    ("Disco was at its height in the 70s and faded by the early 80s.", [("the 70s", "1970/1979"), ("the early 80s", "1980/1983")]),
    # recent periods are dates without a calendar value
    ("Exports have grown in recent years and slowed in recent weeks.", [("recent years", None), ("recent weeks", None)]),
]

ANAPHORIC = [
    ("The mine opened in 2011. Later that year it flooded.", [("2011", "2011"), ("Later that year", "2011")]),
    ("The mine opened in May 2011 and closed the following year.", [("May 2011", "2011-05"), ("the following year", "2012")]),
    ("It was built in 1990; a year later it burned, and a year later again.",
     [("1990", "1990"), ("a year later", "1991"), ("a year later", "1992")]),
    ("The mine opened in 2011. By the end of that year it had 200 staff.", [("2011", "2011"), ("the end of that year", "2011")]),
    # with no year written in the paragraph, a comparison counts from the publication year
    ("Output rose 4% from a year earlier.", [("a year earlier", "2025")]),
    ("It was founded in 1950.\nSales fell from the previous year.", [("1950", "1950"), ("the previous year", "2025")]),
    # with no year at all, "that year" has no value
    ("Rain fell that year.", [("that year", None)]),
    # a month later in the same sentence is in that year; in the next sentence, the usual rules apply
    ("The firm listed in March 2019. Later the same year it opened in October.",
     [("March 2019", "2019-03"), ("Later the same year", "2019"), ("October", "2019-10")]),
    ("The firm listed in March 2019. Later the same year it grew. It opened in October.",
     [("March 2019", "2019-03"), ("Later the same year", "2019"), ("October", "2025-10")]),
]

NOT_DATES = [
    "The war lasted three years and cost 2,025 troops.",
    "The F-35 and F-16 fleets, priced at $2025 each.",
    "Call +1 202 555 2020 or 020 7946 2019 for details.",
    "The meeting began at 10:30 and ended at 1800 GMT.",
    "A 45-year-old man, aged 45, was hurt.",
    "Some 2025 soldiers and 1999 vehicles took part.",
    "The convoy of 2000 km crossed the border.",
    "Officials may meet, and June Carter sang.",
    "He scored 5-3 in the final.",
    "She is in her late 40s and he is in his 90s.",
    "It rose year-on-year, the same year-on-year pace.",
]


@pytest.mark.parametrize("text, expected", ABSOLUTE)
def test_absolute_dates(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, published, expected", NUMERIC)
def test_numeric_dates_follow_the_day_month_policy(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize("text, expected", MONTHS_AND_YEARS)
def test_months_years_quarters_and_periods(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", RANGES)
def test_ranges(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", RELATIVE)
def test_relative_expressions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", WEEKDAYS_AND_YEARLESS)
def test_weekdays_and_yearless_dates_follow_tense(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", COMPOUND)
def test_compound_dates_are_one_mention(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", ANAPHORIC)
def test_years_named_from_the_last_year_written(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_durations_times_ages_counts_and_numbers_are_not_dates(text):
    assert found(text) == []


def test_without_publication_date_relative_dates_are_null_and_absolute_ones_resolve():
    text = "On September 9, 2016 the firm said on Tuesday that it had agreed last month; the deal closed on November 23."
    assert found(text, None) == [
        ("September 9, 2016", "2016-09-09"),
        ("Tuesday", None),
        ("last month", None),
        ("November 23", "2016-11-23"),  # the last year written before it
    ]


def test_yearless_date_without_any_year_is_null():
    assert found("The deal closed on November 18.", None) == [("November 18", None)]


def test_vague_references_only_with_timeml_refs():
    text = "Prices are now falling, as they have recently."
    assert found(text) == []
    assert found(text, timeml_refs=True) == [("now", "PRESENT_REF"), ("recently", "PAST_REF")]


def test_tense_comes_from_the_nearest_cue():
    text = "The agency on Friday announced it will close the towers."
    start = text.index("Friday")
    assert tense_at(text, start, start + 6) == "past"
    text = "The towers will close on Friday, officials said."
    start = text.index("Friday")
    assert tense_at(text, start, start + 6) == "future"


def test_component_adds_spans_with_values_and_skips_the_header_date():
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_dateline")
    nlp.add_pipe("extractor_dates")
    doc = nlp("date 2026-02-05\nThe accord was signed on Tuesday, weeks after talks in January.")
    assert [(s.text, s._.value) for s in doc.spans["dates"]] == [
        ("2026-02-05", "2026-02-05"),
        ("Tuesday", "2026-02-03"),
        ("January", "2026-01"),
    ]


def test_component_option_turns_on_vague_references():
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_dates", config={"timeml_refs": True})
    doc = nlp("Prices are now falling.")
    assert [(s.text, s._.value) for s in doc.spans["dates"]] == [("now", "PRESENT_REF")]


def test_offsets_point_into_the_text():
    text = "Signed on 5 February 2026, ratified on February 9 and in force by March."
    for item in dates.find_dates(text, THU):
        assert text[item.start:item.end].strip() == text[item.start:item.end]


def test_every_pattern_line_has_a_lookahead_gate():
    # a line whose first characters cannot be listed would be tried at every word start
    fills = date_scanner.placeholders()
    for line in word_list(date_scanner.PATTERNS_FILE):
        template = line.split("\t", 2)[2]
        starts = prefixes(date_scanner._PLACEHOLDER.sub(lambda m: fills[m.group(1)], template), 3)
        assert starts and "" not in starts, line


def test_prefixes_and_trie():
    assert prefixes(r"(?:[Tt]he\s+)?(?:early|mid)[\s-]", 3) == {"The", "the", "ear", "mid"}
    assert prefixes(r"ab?", 3) == {"a", "ab"}
    assert prefixes(r"\w+", 3) is None
    pattern = trie(["last", "late", "this past"], either_case_first=True)
    assert [w for w in ("last", "Late", "this  past", "lat") if re.fullmatch(pattern, w)] == ["last", "Late", "this  past"]


@pytest.mark.parametrize("line, message", [
    ("weekly\tweekly\t(?P<wd>{WEEKDAY})", "unknown resolver 'weekly'"),
    ("weekday\tweekday\t(?P<wd>{WEEKDAYS})", "unknown placeholder ['WEEKDAYS']"),
    ("weekday\tweekday\t(?P<wd>{WEEKDAY}", "missing ), unterminated subpattern"),
    ("weekday\t(?P<wd>{WEEKDAY})", "expected id <TAB> resolver <TAB> regular expression"),
    ("Weekday\tweekday\t(?P<wd>{WEEKDAY})", "bad rule id 'Weekday' (a-z, 0-9, _)"),
])
def test_a_bad_pattern_line_fails_naming_itself(line, message):
    with rules_with(date_scanner.PATTERNS_FILE, "# one rule\n" + line + "\n").active():
        with pytest.raises(RuleFileError, match=re.escape(f"date_patterns.txt:2: {message}")) as error:
            date_scanner.scanner()
    assert repr(line) in str(error.value)


def test_a_changed_word_list_changes_the_expression():
    modifiers = word_list(date_scanner.MODIFIERS_FILE)
    with rules_with(date_scanner.MODIFIERS_FILE, "\n".join(modifiers + ("very early",))).active():
        built = date_scanner.scanner()
    assert [m.group() for m in built.regex.finditer("It opened in very early 2020.")] == ["very early 2020"]
    shipped = date_scanner.scanner()
    assert [m.group() for m in shipped.regex.finditer("It opened in very early 2020.")] == ["early 2020"]


SCAN_TEXTS = [row[0] for table in (ABSOLUTE, NUMERIC, MONTHS_AND_YEARS, RANGES, RELATIVE, WEEKDAYS_AND_YEARLESS)
              for row in table] + [
    "The firm said on Tuesday that the remainder of the   last  fiscal year was weak, as in mid - 2020.",
    "Prices rose 2.5% to $11.1bn; FY2025-26 and Q3 2025 and H1 2024 were at the turn of the century.",
    "The day before yesterday, two days ago, the '90s and the 1990s; in Chicago ago 5th; now and currently.",
    "Between March and May 2020, from 2019 to 2021, earlier this week and later this month.",
]


@pytest.mark.parametrize("timeml_refs", [False, True])
def test_scanning_near_anchors_finds_what_a_full_scan_finds(timeml_refs):
    scan = dates.scanner(timeml_refs)
    for text in SCAN_TEXTS:
        full = [(m.span(), m.lastgroup) for m in scan.regex.finditer(text)]
        assert full, text
        assert [(m.span(), m.lastgroup) for m in dates.scan_dates(scan, text)] == full, text



def _found(match):
    return match and (match.span(), match.lastgroup, {k: v for k, v in match.groupdict().items() if v is not None})


@pytest.mark.parametrize("timeml_refs", [False, True])
def test_at_a_digit_the_digit_start_expression_matches_as_the_whole_one(timeml_refs):
    scan = dates.scanner(timeml_refs)
    for text in SCAN_TEXTS + ["On ٣/٤/2020 and ١٢ May, 2nd-3rd June, 1990s-2000s, 3 weeks and 12 months ago."]:
        for at, char in enumerate(text):
            if char.isdecimal():
                assert _found(scan.digit_start.match(text, at)) == _found(scan.regex.match(text, at)), text[at:]


def test_words_lists_the_letter_runs_a_pattern_can_match():
    expected = {"the", "day", "days", "week", "weeks", "ago"}  # not the lookahead's words
    assert words(r"(?:[Tt]he\s+)?(?P<u>day|week)s?\s+ago(?=\s+[A-Z]\w+)") == expected
    assert words(r"[Mm]id-?(?P<d>\d\d)(?P=d)") == {"mid"}
    assert words(r"[a-z]+ed") is None


def test_a_date_names_its_pattern_line():
    text = "Talks ran from March 3 to March 5, 2026, and again 7-9 April; the deal was signed on 2026-02-01."
    assert [(text[f.start:f.end], f.rule) for f in dates.find_dates(text, THU)] == [
        ("March 3 to March 5, 2026", "dates:month_day_to_month_day"), ("7-9 April", "dates:day_to_day_month"),
        ("2026-02-01", "dates:iso_day")]


def test_every_pattern_line_has_its_own_id():
    ids = [line.split("\t", 1)[0] for line in word_list(date_scanner.PATTERNS_FILE)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)
    built = date_scanner.scanner(True)
    assert sorted(rule.rule for rule in built.rules.values()) == sorted(f"dates:{i}" for i in ids)


@pytest.mark.parametrize("text, expected", [
    ("Trials run between June and September next year.", [("between June and September next year", "2027-06/2027-09")]),
    ("The forum is on May 19 and 20 in Accra.", [("May 19 and 20", "2026-05-19/2026-05-20")]),
    ("The commission met on Monday and Tuesday.", [("Monday and Tuesday", "2026-02-02/2026-02-03")]),
    ("On May 19 and 20 delegates came.", [("May 19", "2025-05-19")]),  # a count after "and", not a day
])
def test_coordinated_months_days_and_weekdays_are_one_range(text, expected):
    assert found(text) == expected
