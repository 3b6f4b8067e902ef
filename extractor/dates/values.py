"""ISO 8601 values for matched date expressions, resolved against the publication date.

Each resolver takes the named groups of one match (`parts`) and a `Context` (publication date,
tense of the surrounding clause, last explicit year in the text) and returns the value, None when
it cannot be resolved, or raises NotADate when the match turns out not to be a date.

Values: day 2026-02-03, month 2025-10, year 2025, quarter 2026-Q1, week or other range START/END
(a week runs Monday to Sunday), decade 1990/1999, century 1900/1999, season as its months
(summer 2012 = 2012-06/2012-08). Vague references found with timeml_refs keep TimeML's
PRESENT_REF / PAST_REF / FUTURE_REF.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cached_property

from dateutil.relativedelta import relativedelta

from ..common.rules import RuleFileError, current, from_rules
from .tense import tense_at


class NotADate(Exception):
    """The match looked like a date but its context says otherwise ("2025 troops")."""


def table(name: str) -> dict[str, str]:
    """A two-column rule file of the active rules as {first column lower-cased: second column}."""
    return {" ".join(key.lower().split()): value for key, value in current().table(name, 2)}


def _numbers(name: str) -> dict[str, int]:
    """A two-column rule file whose second column is a number, as {first column: number}."""
    pairs = table(name)
    try:
        return {key: int(value) for key, value in pairs.items()}
    except ValueError as err:
        raise _bad_number(name, err) from None


def _bad_number(name: str, err: ValueError) -> RuleFileError:
    """The error naming the first line of file `name` whose number columns do not read."""
    rules = current()
    for number, line in rules.numbered_lines(name):
        for cell in line.split("\t")[1:]:
            try:
                int(cell)
            except ValueError:
                return rules.error(name, number, f"expected a whole number, found {cell.strip()!r}")
    return rules.error(name, 0, str(err))


@from_rules
def months() -> dict[str, int]:
    """Month name or abbreviation (lower case) to 1-12 (months.txt)."""
    return _numbers("months.txt")


@from_rules
def weekdays() -> dict[str, int]:
    """Weekday name (lower case) to its ISO index, Monday = 0 (weekdays.txt)."""
    return _numbers("weekdays.txt")


@from_rules
def shifts() -> dict[str, int]:
    """"last", "this", "next"... (lower case, single spaces) to -1/0/+1 (date_shifts.txt)."""
    return _numbers("date_shifts.txt")


@from_rules
def numbers() -> dict[str, int]:
    """Number words of "two years ago" to their value (date_numbers.txt)."""
    return _numbers("date_numbers.txt")


@from_rules
def ordinals() -> dict[str, int]:
    """Ordinal words of quarters, halves and centuries to their value (date_ordinals.txt)."""
    return _numbers("date_ordinals.txt")


@from_rules
def seasons() -> dict[str, tuple[int, int]]:
    """Season name (lower case) to its (first month, last month) (date_seasons.txt)."""
    rows = current().table("date_seasons.txt", 3)
    try:
        return {" ".join(name.lower().split()): (int(first), int(last)) for name, first, last in rows}
    except ValueError as err:
        raise _bad_number("date_seasons.txt", err) from None


@from_rules
def decade_parts() -> dict[str, tuple[int, int]]:
    """"early", "mid", "late" to the years of a decade they keep, (0, 3)... (date_decade_parts.txt)."""
    rows = current().table("date_decade_parts.txt", 3)
    try:
        return {name.lower(): (int(first), int(last)) for name, first, last in rows}
    except ValueError as err:
        raise _bad_number("date_decade_parts.txt", err) from None


@from_rules
def week_ordinals() -> dict[str, int]:
    """"first".."fourth" to 1-4 and "last" to -1 in "the second week of June" (date_week_ordinals.txt)."""
    return _numbers("date_week_ordinals.txt")


@from_rules
def anaphors() -> dict[str, int]:
    """"later that year", "the following year"... to their offset from the last year written (date_anaphors.txt)."""
    return _numbers("date_anaphors.txt")


@from_rules
def references() -> dict[str, str]:
    """Vague references ("now", "recently") to TimeML's value (date_refs.txt)."""
    return table("date_refs.txt")


@from_rules
def year_blockers() -> dict[str, str]:
    """Words that make a neighbouring four-digit number no year, to "before" or "after"."""
    return table("date_year_blockers.txt")


_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
NEAR_DAYS = 60  # a year-less date this close to the publication date is that one, whatever the tense


class Context:
    """What a resolver may use beyond the match: publication date, tense, last explicit year, and
    the year a "later that year" earlier in the sentence named (year_hint)."""

    def __init__(self, text: str, start: int, end: int, published: dt.date | None, last_year: int | None,
                 year_hint: int | None = None, last_year_at: int = 0):
        self.text, self.start, self.end = text, start, end
        self.published = published
        self.last_year = last_year
        self.last_year_at = last_year_at  # where the mention of last_year ended
        self.year_hint = year_hint

    def last_year_in_paragraph(self) -> bool:
        """Whether the last year written lies in this paragraph (no line break since it)."""
        return self.last_year is not None and self.text.find("\n", self.last_year_at, self.start) < 0

    @cached_property
    def tense(self) -> str | None:
        """Tense of the clause around the expression (computed only when a resolver asks)."""
        return tense_at(self.text, self.start, self.end)


# ---- calendar helpers -------------------------------------------------------------------------

def year_text(year: int) -> str:
    """A year as ISO 8601 writes it (four digits); ValueError outside 1-9999."""
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} out of range")
    return f"{year:04d}"


def iso_day(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD, or None for an impossible date."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def week(day: dt.date) -> str:
    """The Monday-to-Sunday week containing day, as a range."""
    monday = day - dt.timedelta(days=day.weekday())
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _span(year: int, first: tuple[int, int], last: tuple[int, int]) -> tuple[dt.date, dt.date] | None:
    """The dates of a (month, day)-(month, day) period starting in year; day 0 = the month's end."""
    end_year = year + (last < first)
    try:
        start = dt.date(year, first[0], first[1] or 1)
        end = dt.date(end_year, last[0], last[1]) if last[1] else _month_end(end_year, last[0])
    except ValueError:
        return None
    return start, end


def pick_year(first: tuple[int, int], last: tuple[int, int], ctx: Context, shift: int | None = None) -> int | None:
    """The year a year-less period (given as (month, day) bounds, day 0 = whole month) falls in.

    With a publication date: shift -1 ("last July") the latest occurrence that ended before it,
    +1 the first that starts after it, 0 ("this July") the one containing it or in its year; no
    shift: an occurrence within NEAR_DAYS of the publication date, else by the tense of the
    clause the latest occurrence starting on or before the publication date (past) or the first
    ending on or after it (future), else the nearest one. Without a publication date: the last
    year written before it in the text, else None.
    """
    if shift is None and ctx.year_hint is not None:  # "later that year, in August": that year's August
        return ctx.year_hint
    published = ctx.published
    if published is None:
        return ctx.last_year
    candidates = [(y, s) for y in (published.year - 1, published.year, published.year + 1) if (s := _span(y, first, last))]
    if not candidates:
        return None
    if shift == 0:
        inside = [y for y, (start, end) in candidates if start <= published <= end]
        return inside[0] if inside else published.year
    if shift is not None and shift < 0:
        return max((y for y, (_, end) in candidates if end < published), default=None)
    if shift is not None and shift > 0:
        return min((y for y, (start, _) in candidates if start > published), default=None)
    def distance(item):
        start, end = item[1]
        return max((start - published).days, (published - end).days, 0), -item[0] if start > published else item[0]

    nearest = min(candidates, key=distance)
    if distance(nearest)[0] <= NEAR_DAYS:
        return nearest[0]
    tense = ctx.tense
    if tense == "past":
        return max((y for y, (start, _) in candidates if start <= published), default=None)
    if tense == "future":
        return min((y for y, (_, end) in candidates if end >= published), default=None)
    return nearest[0]


def shifted(published: dt.date, unit: str, amount: int, tense: str | None = None) -> str:
    """The period amount units away from the publication date's ("last week" = -1 week)."""
    if unit == "day":
        return (published + dt.timedelta(days=amount)).isoformat()
    if unit == "week":
        return week(published + dt.timedelta(weeks=amount))
    if unit == "month":
        moved = published + relativedelta(months=amount)
        return f"{year_text(moved.year)}-{moved.month:02d}"
    if unit == "quarter":
        moved = published + relativedelta(months=3 * amount)
        return f"{year_text(moved.year)}-Q{(moved.month - 1) // 3 + 1}"
    if unit == "year":
        return year_text(published.year + amount)
    if unit == "decade":
        first = (published.year // 10 + amount) * 10
        return f"{year_text(first)}/{year_text(first + 9)}"
    if unit == "weekend":
        return _weekend(published, amount, tense)
    raise ValueError(unit)


def _weekend(published: dt.date, amount: int, tense: str | None) -> str:
    """Saturday/Sunday: "last" the one before the publication week's, "next" the coming one,
    "this"/"the" the current one on a weekend, else the coming one in future context and
    the one just past otherwise."""
    saturday = published + dt.timedelta(days=5 - published.weekday())
    on_weekend = published.weekday() >= 5
    if amount < 0 or (amount == 0 and not on_weekend and tense != "future"):
        saturday -= dt.timedelta(days=7)
    elif amount > 0 and on_weekend:
        saturday += dt.timedelta(days=7)
    return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"


# ---- group readers ----------------------------------------------------------------------------

def month_number(word: str) -> int:
    """1-12 from a month name or abbreviation ("Feb." = 2)."""
    return months()[word.rstrip(".").lower()]


def day_number(word: str) -> int:
    """The day of month in "5", "05" or "5th"."""
    return int(re.match(r"\d+", word).group())


def ordinal(word: str) -> int:
    """3 from "third" or "3rd"."""
    return day_number(word) if word[0].isdigit() else ordinals()[word.lower()]


def shift_amount(word: str | None) -> int | None:
    """-1/0/+1 for last/this/next and their synonyms, None when absent."""
    return None if word is None else shifts()[" ".join(word.lower().split())]


def shifted_year(parts, ctx) -> int | None:
    """The year "next year", "last year" names (group yshift), from the publication date; None without one."""
    return ctx.published.year + shift_amount(parts["yshift"]) if ctx.published else None


def _second_year(first: int, written: str) -> int:
    """The end year of a range written "2009-10" or "2009-2010"."""
    return int(written) if len(written) == 4 else first // 100 * 100 + int(written)


# ---- resolvers: one per rule family in data/date_patterns.txt ----------------------------

def iso_day_value(parts, ctx):
    """2026-02-05."""
    return iso_day(int(parts["y"]), int(parts["m"]), int(parts["d"]))


def numeric_day_value(parts, ctx):
    """05/02/2026: the valid reading; if both are valid, the one nearer the publication date,
    and without a publication date day/month."""
    a, b, year = int(parts["a"]), int(parts["b"]), int(parts["y"])
    readings = [v for v in (iso_day(year, b, a), iso_day(year, a, b)) if v]
    if not readings:
        raise NotADate
    if ctx.published is not None:
        readings.sort(key=lambda v: abs((dt.date.fromisoformat(v) - ctx.published).days))
    return readings[0]


def day_value(parts, ctx):
    """5 February 2026, February 5, Feb. 5, October 3 next year: a year-less date takes pick_year's year."""
    month, day = month_number(parts["mon"]), day_number(parts["d"])
    if parts.get("y"):
        year = int(parts["y"])
    elif parts.get("yshift"):
        year = shifted_year(parts, ctx)
    else:
        year = pick_year((month, day), (month, day), ctx)
    return iso_day(year, month, day) if year else None


def _written_day(parts, ctx) -> str | None:
    """The day written after a weekday or "yesterday" ("Friday, 9 March"), None when there is none."""
    if not (parts.get("mon") or parts.get("mon2")):
        return None
    return day_value({"mon": parts.get("mon") or parts["mon2"], "d": parts.get("d") or parts["d2"],
                      "y": parts.get("y"), "yshift": parts.get("yshift")}, ctx)


def day_range_value(parts, ctx):
    """February 3-4, 3–4 February, February 28 - March 3, 2026."""
    month = month_number(parts["mon"])
    month2 = month_number(parts["mon2"]) if parts.get("mon2") else month
    first, last = (month, day_number(parts["d"])), (month2, day_number(parts["d2"]))
    if last <= first and month2 == month:
        raise NotADate  # "March 5-3": a score or a count, not a range
    year = int(parts["y"]) if parts["y"] else pick_year(first, last, ctx)
    if not year:
        return None
    start, end = iso_day(year, *first), iso_day(year + (last < first), *last)
    return f"{start}/{end}" if start and end else None


def month_value(parts, ctx):
    """October 2025, early March 2021, June last year."""
    month = month_number(parts["mon"])
    if parts.get("shift"):
        if ctx.published is None:
            return None
        year = ctx.published.year + shift_amount(parts["shift"])
    else:
        year = int(parts["y"])
    return f"{year_text(year)}-{month:02d}"


def month_range_value(parts, ctx):
    """from March to May 2025, March 2024 - May 2025, between June and September next year."""
    month, month2 = month_number(parts["mon"]), month_number(parts["mon2"])
    if parts.get("y2") or parts.get("y"):
        year2 = int(parts.get("y2") or parts["y"])
    elif parts.get("yshift"):
        year2 = shifted_year(parts, ctx)
        if year2 is None:
            return None
    else:
        year2 = pick_year((month2, 0), (month2, 0), ctx)
        if not year2:
            return None
    year = int(parts["y"]) if parts.get("y2") else year2 - (month2 < month)
    return f"{year}-{month:02d}/{year2}-{month2:02d}"


def month_alone_value(parts, ctx):
    """December, early December, last July, this September (see pick_year)."""
    month = month_number(parts["mon"])
    year = pick_year((month, 0), (month, 0), ctx, shift_amount(parts.get("shift")))
    return f"{year_text(year)}-{month:02d}" if year else None


def year_value(parts, ctx):
    """2025, mid-2025, fiscal 2025, FY26; raises NotADate for counts and codes ("2025 troops")."""
    if parts.get("yy"):
        return str(2000 + int(parts["yy"]))
    _check_year_neighbours(ctx)
    return parts["y"]


def _check_year_neighbours(ctx: Context) -> None:
    before = _WORD.findall(ctx.text[max(0, ctx.start - 20):ctx.start])
    after = _WORD.match(ctx.text[ctx.end:ctx.end + 20].lstrip())
    blockers = year_blockers()
    if before and blockers.get(before[-1].lower()) == "before":
        raise NotADate
    if after and blockers.get(after.group().lower()) == "after":
        raise NotADate


def year_range_value(parts, ctx):
    """2009-2010, 1957-58, between 2020 and 2023, FY2025-26."""
    first = int(parts["y"])
    last = _second_year(first, parts["y2"])
    if last <= first:
        raise NotADate
    return f"{first}/{last}"


def quarter_value(parts, ctx):
    """the first quarter of 2026, Q1 2026, third-quarter, this year's third quarter."""
    number = int(parts["q"]) if parts.get("q") else ordinal(parts["ord"])
    year = next((int(parts[k]) for k in ("y", "y2", "y3") if parts.get(k)), None)
    if year is None and parts.get("shift"):
        year = ctx.published.year + shift_amount(parts["shift"]) if ctx.published else None
    elif year is None:
        year = pick_year((3 * number - 2, 0), (3 * number, 0), ctx)
    return f"{year_text(year)}-Q{number}" if year else None


def half_value(parts, ctx):
    """the first half of 2019, H2 2025: the half's months as a range."""
    second = parts.get("q") == "2" or (parts.get("ord") or "").lower() in ("second", "2nd", "latter")
    if parts.get("y"):
        year = int(parts["y"])
    elif ctx.published is None:
        return None
    else:
        year = ctx.published.year + (shift_amount(parts["shift"]) if parts.get("shift") else 0)
    year = year_text(year)
    return f"{year}-07/{year}-12" if second else f"{year}-01/{year}-06"


def decade_value(parts, ctx):
    """the 1990s = 1990/1999; the '80s = 1980/1989 ('00s and '10s are this century's); the early
    1990s = 1990/1993 (date_decade_parts.txt)."""
    if parts.get("decade"):
        first = int(parts["decade"])
    else:
        tens = int(parts["tens"])
        first = (2000 if tens < 2 else 1900) + 10 * tens
    low, high = decade_parts()[parts["part"].lower()] if parts.get("part") else (0, 9)
    return f"{first + low}/{first + high}"


def week_of_month_value(parts, ctx):
    """the second week of June = June 8-14, the last week of March = March 25-31 (of the year
    written, or pick_year's for the month)."""
    month, number = month_number(parts["mon"]), week_ordinals()[parts["ord"].lower()]
    year = int(parts["y"]) if parts.get("y") else pick_year((month, 0), (month, 0), ctx, shift_amount(parts.get("shift")))
    if not year:
        return None
    last_day = calendar.monthrange(year, month)[1]
    first = last_day - 6 if number < 0 else 7 * number - 6
    return f"{iso_day(year, month, first)}/{iso_day(year, month, first + 6)}"


def anaphoric_year_value(parts, ctx):
    """later that year = the last year written before it; the following year = that year + 1, counted
    from the publication year when no year was written in the paragraph ("up from a year earlier"
    compares with the present, not with a year three paragraphs back); "that year" with none: null."""
    offset = anaphors()[" ".join(parts["phrase"].lower().split())]
    base = ctx.last_year
    if offset and not ctx.last_year_in_paragraph():
        base = ctx.published.year if ctx.published is not None else None
    return year_text(base + offset) if base is not None else None


def vague_value(parts, ctx):
    """recent years, recent weeks: a date with no calendar value."""
    return None


def century_value(parts, ctx):
    """the 20th century = 1900/1999."""
    number = int(parts["n"]) if parts.get("n") else ordinal(parts["ord"])
    first = (number - 1) * 100
    return f"{first:04d}/{first + 99:04d}"


def season_value(parts, ctx):
    """summer 2012 = 2012-06/2012-08; last winter = the months of the winter before publication;
    autumn next year = the autumn of the year after publication."""
    first, last = seasons()[parts["season"].lower()]
    if parts.get("yshift"):
        year = shifted_year(parts, ctx)
    else:
        year = int(parts["y"]) if parts.get("y") else pick_year((first, 0), (last, 0), ctx, shift_amount(parts.get("shift")))
    if not year:
        return None
    return f"{year_text(year)}-{first:02d}/{year_text(year + (last < first))}-{last:02d}"


def relative_value(parts, ctx):
    """last week, earlier this month, next year, the end of the year, the weekend."""
    if ctx.published is None:
        return None
    amount = shift_amount(parts.get("shift")) or 0
    return shifted(ctx.published, parts["unit"].lower(), amount, ctx.tense if parts["unit"].lower() == "weekend" else None)


def weekday_value(parts, ctx):
    """Tuesday: the date written right after it if that is a Tuesday; else the nearest Tuesday on
    or before the publication date, or on or after it when the clause speaks of the future;
    "last Tuesday" strictly before, "next Tuesday" strictly after."""
    target = weekdays()[parts["wd"].lower()]
    written = _written_day(parts, ctx)  # "Monday, 14 June 2021": the date that follows
    if written:
        day = dt.date.fromisoformat(written)
        if day.weekday() != target and not (parts.get("y") or parts.get("yshift")):
            # a year-less date is in the nearest year where it falls on that weekday, if one is near
            fits = [d for y in (day.year, day.year - 1, day.year + 1) if (d := _on(y, day)) and d.weekday() == target]
            day = fits[0] if fits else day
        return day.isoformat()  # a date that disagrees with its weekday: the date is the more precise
    published = ctx.published
    if published is None:
        return None
    shift = shift_amount(parts.get("shift"))
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if shift is not None and shift < 0:
        return (published - dt.timedelta(days=back or 7)).isoformat()
    if shift is not None and shift > 0:
        return (published + dt.timedelta(days=ahead or 7)).isoformat()
    if ctx.tense == "future":
        return (published + dt.timedelta(days=ahead)).isoformat()
    return (published - dt.timedelta(days=back)).isoformat()


def weekday_range_value(parts, ctx):
    """Monday and Tuesday, Tuesday to Thursday: from the first day (weekday_value) to the next day
    that is the second weekday."""
    first = weekday_value(parts, ctx)
    if first is None:
        return None
    start = dt.date.fromisoformat(first)
    days = (weekdays()[parts["wd2"].lower()] - start.weekday()) % 7
    if not days:
        raise NotADate  # "Monday and Monday"
    return f"{first}/{(start + dt.timedelta(days=days)).isoformat()}"


def _on(year: int, day: dt.date) -> dt.date | None:
    """The same month and day in another year, None for 29 February in a common year."""
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def deictic_value(parts, ctx):
    """today, yesterday, tomorrow, the day before yesterday; "yesterday, 12 October" the date written."""
    written = _written_day(parts, ctx)  # "yesterday, 12 October": the date the text gives
    if written:
        return written
    if ctx.published is None:
        return None
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[parts["word"].lower()]
    if parts.get("rel"):
        offset += -1 if parts["rel"] == "before" else 1
    return (ctx.published + dt.timedelta(days=offset)).isoformat()


def ago_value(parts, ctx):
    """two years ago = the publication year minus two; days, weeks, months, decades alike."""
    if ctx.published is None:
        return None
    amount = numbers().get(parts["num"].lower()) or int(parts["num"])
    unit = parts["unit"].lower()
    if unit == "decade":
        return year_text(ctx.published.year - 10 * amount)
    return shifted(ctx.published, unit, -amount)


def reference_value(parts, ctx):
    """now, recently, the future: TimeML's PRESENT_REF, PAST_REF, FUTURE_REF."""
    return references()[" ".join(parts["ref"].lower().split())]


RESOLVERS = {
    "iso_day": iso_day_value,
    "numeric_day": numeric_day_value,
    "day": day_value,
    "day_range": day_range_value,
    "month": month_value,
    "month_range": month_range_value,
    "month_alone": month_alone_value,
    "year": year_value,
    "year_range": year_range_value,
    "quarter": quarter_value,
    "half": half_value,
    "decade": decade_value,
    "century": century_value,
    "season": season_value,
    "relative": relative_value,
    "weekday": weekday_value,
    "weekday_range": weekday_range_value,
    "deictic": deictic_value,
    "ago": ago_value,
    "reference": reference_value,
    "week_of_month": week_of_month_value,
    "anaphoric_year": anaphoric_year_value,
    "vague": vague_value,
}
