"""Sports teams: a place or a name that a result, a league table or a fixture shows to be a team
("Eastport 2 Lakeside 1", "Eastport beat Lakeside by 40 runs") is an organisation, wherever the
article names it as one; a country stays a place (its national side is named for the country)."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..common.component import RuleComponent
from ..common.doc_data import add_span, doc_text, overlaps, set_group, span_ranges, span_values, span_value
from ..common.lexicon import LEXICON_FILES, calendar_words, common_capitalised, word_list, word_set, words_not_after
from ..common.rules import data_files, from_rules
from ..common.text import line_bounds

TEAM_FILES = LEXICON_FILES + data_files("extractor.teams", "national_sides.txt", "result_verbs.txt", "sport_words.txt")

# The rules (span._.rule) of the ways a team is found.
RESULT_LINE = "teams:result_line"  # a line of two names, each with its score: "Eastport 2 Lakeside 1"
TABLE_ROW = "teams:table_row"  # a row of a table of results: "Eastport 12 8 3 1 27"
FIXTURE = "teams:fixture"  # "v Lakeside", "EASTPORT AT LAKESIDE"
RESULT = "teams:result"  # "Eastport beat Lakeside 3-1"
SAME_TEAM = "teams:same_team"  # another mention of a team found by one of the above

_WORD = r"[A-Z][^\W\d_]*(?:[-'’.][^\W\d_]+)*\.?"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
_CAPITALS = r"[A-Z][A-Z.'’-]*"


class _Lines:
    """A pattern of whole lines, found as a line break and the line (and at the text's start): one
    that opens with "^" in multi-line mode is tried at every position, one that opens with a
    literal only where the literal is."""

    def __init__(self, line: str):
        self.first = re.compile(line, re.MULTILINE)
        self.after_break = re.compile("\n" + line, re.MULTILINE)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The lines that match, in text order."""
        first = self.first.match(text)
        if first:
            yield first
        yield from self.after_break.finditer(text)

    def search(self, text: str) -> re.Match | None:
        """The first line that matches."""
        return next(self.finditer(text), None)


_RESULT_LINE = _Lines(rf"[ \t]*(?P<a>{_NAME})[ \t]+\d{{1,3}}[ \t]+(?P<b>{_NAME})[ \t]+\d{{1,3}}"
                      r"(?:[ \t]*\([^)\n]*\))?[ \t]*$")
_TABLE_ROW = _Lines(rf"[ \t]*(?P<a>{_NAME})(?:[ \t]+(?:\d{{1,3}}|\.\d{{3}}|-)){{3,}}[ \t]*$")
# "v Lakeside", "vs. Lakeside": the lookbehind after the "v" lets the engine skip ahead to v's
_VERSUS = re.compile(rf"v(?<![\w.]v)(?:s\.?)?[ \t]+(?P<b>{_NAME})")
_AT_LINE = _Lines(rf"[ \t]*(?P<c>{_CAPITALS}(?:[ \t]+{_CAPITALS}){{0,2}})[ \t]+AT[ \t]+"
                  rf"{_CAPITALS}(?:[ \t]+{_CAPITALS}){{0,2}}[ \t]*$")
# the name just before a fixture's "v" or a result's verb
_NAME_BEFORE = re.compile(rf"(?<![\w.'’-])(?P<a>{_NAME})[ \t]+\Z")
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
# What follows a dateline's town: a comma, or the date.
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,|\d{4}-\d\d-\d\d)")
# A name after these is where something happens ("in Eastport"), not a team.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|near|outside|IN|AT|FROM)[ \t]+\Z")


@from_rules
def _result_words() -> tuple[str, ...]:
    """The first words of the result verbs: a text with none of them has no result (str.find is
    much faster than the pattern, whose verbs begin with common letters)."""
    return tuple(dict.fromkeys(v.split()[0] for v in word_list("result_verbs.txt")))


def _has_result(text: str) -> bool:
    return any(word in text for word in _result_words()) and _result_pattern().search(text) is not None


@from_rules
def _result_pattern() -> re.Pattern:
    verbs = "|".join(re.escape(v).replace(r"\ ", r"[ \t]+") for v in sorted(word_list("result_verbs.txt"), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{verbs})[ \t]+(?P<b>{_NAME})")


@from_rules
def _sport_words() -> re.Pattern:
    return re.compile(words_not_after(sorted(word_list("sport_words.txt"), key=len, reverse=True), r"[\w-]") + r"(?![\w-])",
                      re.IGNORECASE)


def _name_before(text: str, position: int) -> tuple[int, int] | None:
    """The range of the capitalised name that ends just before position on its line, if any."""
    before = _NAME_BEFORE.search(text, line_bounds(text, position)[0], position)
    return before.span("a") if before else None


class TeamFinder(RuleComponent):
    """Moves the places that are teams to the organisations, and adds the teams no list names."""

    data_files = TEAM_FILES

    def __init__(self, nlp: Language, name: str, places_key: str, organisations_key: str, people_key: str):
        self.name = name
        self.places_key = places_key
        self.organisations_key = organisations_key
        self.people_key = people_key

    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if not (any(pattern.search(text) for pattern in (_RESULT_LINE, _TABLE_ROW, _VERSUS, _AT_LINE))
                or _has_result(text)):
            return doc  # no result, table or fixture: the article names no team this way
        values = span_values(doc)
        nations = word_set("national_sides.txt")
        places = {(s, e): span_value(values, "kind", s, e) for s, e in span_ranges(doc, self.places_key)}
        taken = span_ranges(doc, self.people_key) + span_ranges(doc, self.organisations_key)
        teams: set[str] = set()  # their names, case folded
        sites: dict[tuple[int, int], str] = {}  # the mentions the constructions read -> their rule

        def side(start: int | None, end: int | None) -> tuple[int, int] | None:
            """The name a construction's side holds, less leading sentence words; None for a
            person, a country or no name."""
            if start is None:
                return None
            words = list(re.finditer(r"\S+", text[start:end]))
            while words and (words[0].group() in common_capitalised() or words[0].group() in calendar_words()):
                words.pop(0)
            if not words:
                return None
            start, end = start + words[0].start(), start + words[-1].end()
            if any(overlaps((start, end), t) for t in taken):
                return None
            kind = next((k for p, k in places.items() if overlaps(p, (start, end))), None)
            return None if kind == "country" or text[start:end].title() in nations else (start, end)

        def is_place(found: tuple[int, int] | None) -> bool:
            return found is not None and found in places

        def add(found: tuple[int, int] | None, rule: str) -> None:
            if found is not None:
                teams.add(text[found[0]:found[1]].casefold())
                sites.setdefault(found, rule)

        line_starts = [m.end() for m in re.finditer("\n", text)]

        def line_number(position: int) -> int:
            return bisect_right(line_starts, position)

        rows = {line_number(m.start("a")): m for m in _TABLE_ROW.finditer(text)}
        results = list(_RESULT_LINE.finditer(text))
        tabled = set(rows) | {line_number(m.start("a")) for m in results}
        for line, match in rows.items():
            if line - 1 in tabled or line + 1 in tabled:  # a row among rows or results: one alone may be anything
                add(side(*match.span("a")), TABLE_ROW)
        for match in results:
            add(side(*match.span("a")), RESULT_LINE)
            add(side(*match.span("b")), RESULT_LINE)
        for match in _AT_LINE.finditer(text):
            add(side(*match.span("c")), FIXTURE)  # the visitors: "AT LAKESIDE" is where they play
        for match in _VERSUS.finditer(text):
            a = side(*(_name_before(text, match.start()) or (None, None)))
            b = side(*match.span("b"))
            if is_place(a) or is_place(b):  # "Roe v Wade" is no fixture
                add(a, FIXTURE)
                add(b, FIXTURE)
        for match in _result_pattern().finditer(text):
            line = text[slice(*line_bounds(text, match.start()))]
            score = _SCORE.search(line)
            if score or _sport_words().search(line):
                a = side(*(_name_before(text, match.start()) or (None, None)))
                b = side(*match.span("b"))
                if is_place(a) or is_place(b) or (a and b and score):
                    add(a, RESULT)
                    add(b, RESULT)
        if teams:
            self._make_teams(doc, text, teams, sites, places, taken)
        return doc

    def _make_teams(self, doc: Doc, text: str, teams: set[str], sites: dict, places: dict, taken: list) -> None:
        """Every mention of a team: a place mention moves to the organisations, an unmarked one is added."""
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in sorted(teams, key=len, reverse=True))
                             + r")(?![\w-])", re.IGNORECASE)
        moved = set()
        for match in pattern.finditer(text):
            found = match.span()
            if found not in sites and (not text[found[0]].isupper()
                                       or _LOCATIVE_BEFORE.search(text, max(0, found[0] - 8), found[0])
                                       # the town a report is filed from: "EASTPORT, Lakeland 1996-08-30"
                                       or text[found[0] - 1:found[0]] in ("", "\n") and _DATELINE_AFTER.match(text, found[1])):
                continue
            if found in places:
                if places[found] == "country":  # "Georgia" the team of a state, here the country
                    continue
                moved.add(found)
            elif any(overlaps(found, other) for other in list(places) + taken):
                continue
            add_span(doc, self.organisations_key, *found, "ORG", rule=sites.get(found, SAME_TEAM), canonical=match.group())
        if moved:
            set_group(doc, self.places_key, [span for span in doc.spans[self.places_key]
                                             if (span.start_char, span.end_char) not in moved])


@Language.factory(
    "extractor_teams",
    assigns=["doc.spans", "span._.canonical", "span._.rule"],
    requires=["doc.spans"],  # places, people and organisations
    default_config={"places_key": "places", "organisations_key": "organisations", "people_key": "people"},
)
def make_teams(nlp: Language, name: str, places_key: str, organisations_key: str, people_key: str) -> TeamFinder:
    """Factory for the team finder."""
    return TeamFinder(nlp, name, places_key, organisations_key, people_key)
