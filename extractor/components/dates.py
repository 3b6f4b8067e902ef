"""Date expressions found in text and normalized to ISO 8601 against the publication date.

Detection is a set of regular expressions over the document text (built from the
month and weekday lists in resources/), each paired with a resolver that turns the
match into an ISO value. Overlapping candidates are resolved longest-first.

Normalization policy (documented in the README):
- a year-less date takes the year that puts it nearest to the publication date;
- a weekday is the nearest such day on or before the publication date, or the next
  one after it when the sentence speaks of the future ("will", "next");
- "05/02/2022": the reading (month/day or day/month) nearest to the publication date;
- relative expressions without a publication date get value None.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from dateutil.relativedelta import relativedelta
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..resources import word_list
from .spans import add_span, doc_text, overlaps


def _table(name: str) -> dict[str, int]:
    pairs = (line.split("\t") for line in word_list(name))
    return {word.lower(): int(number) for word, number in pairs}


MONTHS = _table("months.txt")
WEEKDAYS = _table("weekdays.txt")
_MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + ")"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s*[-–—]\s*"
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}
_FUTURE = re.compile(r"\b(will|shall|next|upcoming|coming|scheduled|to be held|is to|are to)\b", re.I)


@dataclass(frozen=True)
class Found:
    """A date expression: character range and normalized value."""

    start: int
    end: int
    value: str | None


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def _iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: dt.date | None) -> int | None:
    """The year that puts month/day nearest to the publication date."""
    if published is None:
        return None
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            distance = abs((dt.date(year, month, day) - published).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _week(day: dt.date) -> str:
    monday = day - dt.timedelta(days=day.weekday())
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _shift(published: dt.date, unit: str, amount: int) -> str:
    unit = unit.rstrip("s")
    if unit == "day":
        return (published + dt.timedelta(days=amount)).isoformat()
    if unit == "week":
        return _week(published + dt.timedelta(weeks=amount))
    if unit == "month":
        return (published + relativedelta(months=amount)).strftime("%Y-%m")
    if unit == "year":
        return str(published.year + amount)
    if unit == "weekend":
        saturday = published + dt.timedelta(days=(5 - published.weekday()) + 7 * amount)
        if amount == 0 and published.weekday() < 5:
            saturday -= dt.timedelta(days=7)  # "the weekend" in news means the one just past
        return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"
    raise ValueError(unit)


# Each resolver gets (match, published, context) and returns an ISO value or None.
Resolver = Callable[[re.Match, "dt.date | None", str], "str | None"]


def _r_iso(m, published, context):
    return _iso_day(int(m["y"]), int(m["m"]), int(m["d"]))


def _r_numeric(m, published, context):
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    readings = [v for v in (_iso_day(year, a, b), _iso_day(year, b, a)) if v]
    if not readings:
        return None
    if published is not None:
        readings.sort(key=lambda v: abs((dt.date.fromisoformat(v) - published).days))
    return readings[0]


def _year_for(m, published, month, day=1):
    if m["y"]:
        return int(m["y"])
    return _nearest_year(month, day, published)


def _r_day_month(m, published, context):
    month = _month(m["mon"])
    year = _year_for(m, published, month, min(_day(m["d"]), 28))
    return _iso_day(year, month, _day(m["d"])) if year else None


def _r_day_range(m, published, context):
    month = _month(m["mon"])
    year = _year_for(m, published, month, min(_day(m["d1"]), 28))
    if not year:
        return None
    first, last = _iso_day(year, month, _day(m["d1"])), _iso_day(year, month, _day(m["d2"]))
    return f"{first}/{last}" if first and last else None


def _r_month_year(m, published, context):
    return f"{int(m['y']):04d}-{_month(m['mon']):02d}"


def _r_month_alone(m, published, context):
    month = _month(m["mon"])
    year = _nearest_year(month, 15, published)
    return f"{year:04d}-{month:02d}" if year else None


def _r_year(m, published, context):
    return m["y"]


def _r_half(m, published, context):
    year = m["y"]
    return f"{year}-01/{year}-06" if m["part"].lower() == "first" else f"{year}-07/{year}-12"


def _r_quarter(m, published, context):
    order = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
    number = order.get(m["q"].lower()) or int(m["q"][-1])
    return f"{m['y']}-Q{number}"


def _r_year_range(m, published, context):
    return f"{m['y1']}/{m['y2']}"


def _r_month_range(m, published, context):
    year = m["y"]
    return f"{year}-{_month(m['m1']):02d}/{year}-{_month(m['m2']):02d}"


def _r_weekday(m, published, context):
    if published is None:
        return None
    target = WEEKDAYS[m["wd"].lower()]
    if _FUTURE.search(context):
        ahead = (target - published.weekday()) % 7 or 7
        return (published + dt.timedelta(days=ahead)).isoformat()
    back = (published.weekday() - target) % 7
    return (published - dt.timedelta(days=back)).isoformat()


def _r_deictic(m, published, context):
    if published is None:
        return None
    word = m["w"].lower()
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
    return (published + dt.timedelta(days=offset)).isoformat()


def _r_relative(m, published, context):
    if published is None:
        return None
    which = m["which"].lower()
    amount = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
              "the": 0, "earlier this": 0, "later this": 0}[re.sub(r"\s+", " ", which)]
    return _shift(published, m["unit"].lower(), amount)


def _r_ago(m, published, context):
    if published is None:
        return None
    word = m["n"].lower()
    amount = _NUMBERS.get(word) or int(word)
    return _shift(published, m["unit"].lower(), -amount)


RULES: list[tuple[re.Pattern, Resolver]] = [
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), _r_iso),
    (re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b"), _r_numeric),
    (re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?"), _r_day_range),
    (re.compile(rf"\b(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?"), _r_day_range),
    (re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?"), _r_day_month),
    (re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*[-–—]?\s*\d)(?:,?\s+(?P<y>{_YEAR})\b)?"), _r_day_month),
    (re.compile(rf"\b(?:from\s+)?(?P<m1>{_MONTH})\s+(?:to|until|through|-|–)\s+(?P<m2>{_MONTH})\s+(?P<y>{_YEAR})\b"), _r_month_range),
    (re.compile(rf"\b(?:(?:early|mid|late|end of|the end of|beginning of|start of)[\s-]+)?(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b"), _r_month_year),
    (re.compile(rf"\b(?:the\s+)?(?P<part>first|second)\s+half\s+of\s+(?P<y>{_YEAR})\b", re.I), _r_half),
    (re.compile(rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?P<y>{_YEAR})\b", re.I), _r_quarter),
    (re.compile(rf"\b(?:between\s+(?P<y1>{_YEAR})\s+and\s+|from\s+(?P<y1b>{_YEAR})\s+(?:to|until)\s+)(?P<y2>{_YEAR})\b"),
     lambda m, p, c: f"{m['y1'] or m['y1b']}/{m['y2']}"),
    (re.compile(rf"\b(?:(?:early|mid|late|end of|the end of|beginning of|start of|fiscal)[\s-]+)(?P<y>{_YEAR})\b", re.I), _r_year),
    (re.compile(rf"(?<![\d$£€,.-])(?P<y>{_YEAR})\b(?![-–,.]?\d)(?!\s*(?:troops|people|soldiers|km|kilometres|miles|tonnes|units|jobs|doses|vehicles|aircraft|%))"), _r_year),
    (re.compile(rf"\b(?<=\s)(?P<mon>January|February|March|April|June|July|August|September|October|November|December)\b(?!\s+\d)"), _r_month_alone),
    (re.compile(rf"\b(?P<wd>{_WEEKDAY})\b"), _r_weekday),
    (re.compile(r"\b(?P<w>[Tt]oday|[Yy]esterday|[Tt]omorrow)\b"), _r_deictic),
    (re.compile(r"\b(?P<which>[Tt]his|[Ll]ast|[Pp]ast|[Nn]ext|[Pp]revious|[Cc]oming|[Ee]arlier this|[Ll]ater this|[Tt]he)\s+(?P<unit>week|month|year|weekend)\b"), _r_relative),
    (re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I), _r_ago),
]


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    return text[left:min(right_candidates) if right_candidates else len(text)]


def find_dates(text: str, published: dt.date | None) -> list[Found]:
    """Every date expression in text, non-overlapping, longest first, in text order."""
    candidates = []
    for pattern, resolve in RULES:
        for match in pattern.finditer(text):
            candidates.append((match.start(), match.end(), match, resolve))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    kept: list[Found] = []
    for start, end, match, resolve in candidates:
        if any(overlaps((start, end), (f.start, f.end)) for f in kept):
            continue
        value = resolve(match, published, _sentence_around(text, start, end))
        kept.append(Found(start, end, value))
    return sorted(kept, key=lambda f: f.start)


def parse_published(value: str | None) -> dt.date | None:
    """The publication date as a date, or None when absent or malformed."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


class DateFinder:
    """Adds every date expression to doc.spans[span_key] with span._.value set."""

    def __init__(self, nlp: Language, name: str, span_key: str):
        self.name = name
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        taken = [(s.start_char, s.end_char) for s in doc.spans[self.span_key]] if self.span_key in doc.spans else []
        published = parse_published(doc._.published)
        for found in find_dates(doc_text(doc), published):
            if any(overlaps((found.start, found.end), t) for t in taken):
                continue
            span = add_span(doc, self.span_key, found.start, found.end, "DATE")
            if span is not None:
                span._.value = found.value
        return doc


@Language.factory("extractor_dates", assigns=["doc.spans"], default_config={"span_key": "dates"})
def make_dates(nlp: Language, name: str, span_key: str) -> DateFinder:
    """Factory for the date finder."""
    return DateFinder(nlp, name, span_key)
