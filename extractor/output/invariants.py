"""What every article object must satisfy, whatever the input; checked by the property
tests and by bench/fuzz.py.

- every mention slices the text it was extracted from: text[start:end] == mention text;
- every date value (and `published`, and an agreement's date) is valid ISO 8601 or null:
  a year, month, day, week or quarter (2026-Q1), or an interval START/END of those with START <= END;
- every evidence range is a span of the text that holds its fact: a mention of the signatory,
  party, chair or participant of that name (or the name as written; a party also by its
  nationality, "Kazakh" for Kazakhstan), of the date, of the person whose role it is;
- the object validates against the shipped JSON Schema (output/article.schema.json;
  needs the jsonschema package, a test extra).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from typing import Any, Iterator

from ..common.text import shared_beginning


_POINT = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?|-W(?P<week>\d\d)|-Q(?P<quarter>[1-4]))?")
ENTITY_KEYS = ("organisations", "people", "dates", "agreements", "places", "events")
# TimeML's values for "now", "recently", "the future": dates' values with --vague-dates, no calendar date
TIMEML_REFERENCES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


def _bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of one ISO 8601 year, month, day or week, or a quarter (2026-Q1); None if invalid."""
    match = _POINT.fullmatch(value)
    if not match:
        return None
    year = int(match["year"])
    try:
        if match["week"]:
            first = dt.date.fromisocalendar(year, int(match["week"]), 1)
            return first, first + dt.timedelta(days=6)
        if match["quarter"]:
            first = dt.date(year, 3 * int(match["quarter"]) - 2, 1)
            last_month = 3 * int(match["quarter"])
            following = dt.date(year + last_month // 12, last_month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        if match["day"]:
            day = dt.date(year, int(match["month"]), int(match["day"]))
            return day, day
        if match["month"]:
            month = int(match["month"])
            first = dt.date(year, month, 1)
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def is_iso_value(value: str | None) -> bool:
    """Whether value is null or a valid ISO 8601 date, month, year, week or ordered interval."""
    if value is None:
        return True
    parts = value.split("/")
    if len(parts) > 2:
        return False
    bounds = [_bounds(part) for part in parts]
    if any(b is None for b in bounds):
        return False
    return bounds[0][0] <= bounds[-1][1]


def _date_values(article: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    yield "published", article.get("published")
    for item in article.get("dates", []):
        if item.get("value") not in TIMEML_REFERENCES:
            yield f"dates[{item.get('text')!r}].value", item.get("value")
    for item in article.get("agreements", []):
        yield f"agreements[{item.get('name')!r}].date", item.get("date")
    for item in article.get("events", []):
        yield f"events[{item.get('name')!r}].date", item.get("date")


@lru_cache(maxsize=1)
def _validator():
    import jsonschema  # a test extra: only the checks need it

    return jsonschema.Draft202012Validator(json.loads(article_schema()))


def article_problems(article: dict[str, Any], text: str) -> list[str]:
    """Every way article breaks the invariants for the text it came from (empty when none)."""
    problems = [f"schema: {err.json_path}: {err.message}" for err in _validator().iter_errors(article)]
    for key in ENTITY_KEYS:
        for item in article.get(key, []):
            for mention in item.get("mentions", []):
                found = text[mention["start"]:mention["end"]]
                if found != mention["text"]:
                    problems.append(f"{key}: mention {mention!r} slices {found!r}")
    problems += _evidence_problems(article, text)
    problems += [f"{where}: {value!r} is not ISO 8601" for where, value in _date_values(article)
                 if not (value is None or isinstance(value, str) and is_iso_value(value))]
    return problems


def _mentions_by_name(article: dict[str, Any]) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = {}
    for key in ENTITY_KEYS:
        for item in article.get(key, []):
            for name in {item.get("name"), item.get("value"), item.get("acronym")} - {None}:
                found.setdefault(name, []).extend((m["start"], m["end"]) for m in item.get("mentions", []))
    return found


def _adjectives(text: str, where: dict | None, name: str) -> list[str]:
    """The capitalised words of text[where] that begin as the name does, four letters or more
    ("Kazakh" of Kazakhstan, "Jordanian" of Jordan, "Turkish" of Türkiye)."""
    if not where:
        return []
    return [word for word in re.findall(r"[A-Z][\w-]+", text[where["start"]:where["end"]]) if shared_beginning(word, name) >= 4]


def _holds(text: str, where: dict | None, names: list[str], mentions: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether text[where] has a mention of one of names, or one of them as written."""
    if not where or not 0 <= where["start"] < where["end"] <= len(text):
        return False
    start, end = where["start"], where["end"]
    return any(start <= s and e <= end for name in names for s, e in mentions.get(name, ())) \
        or any(name.casefold().replace("-", " ") in text[start:end].casefold().replace("-", " ") for name in names)


def _evidence_problems(article: dict[str, Any], text: str) -> list[str]:
    mentions = _mentions_by_name(article)
    # a signatory or chair read from their title ("the Vice Chancellor of X signed") is held by the
    # title's head words, however the role was written in full ("Vice-Chancellor (Acting)")
    titles = {person["name"]: [" ".join(role["role"].replace("-", " ").split()[:2]) for role in person.get("roles", [])]
              for person in article.get("people", [])}
    dates = {}
    for item in article.get("dates", []):
        dates.setdefault(item.get("value"), []).append(item["text"])
    problems = []
    for key, named, single in (("agreements", ("signatories", "parties"), ("date", "status")),
                               ("events", ("chairs", "participants"), ("date", "place"))):
        for item in article.get(key, []):
            evidence = item.get("evidence") or {}
            for fact in named:
                given = {entry["name"]: entry for entry in evidence.get(fact, [])}
                for name in item.get(fact, []):
                    # a party read off a nationality ("Kazakh officials" for Kazakhstan) is held by its adjective
                    held_by = [name] + titles.get(name, []) + (_adjectives(text, given.get(name), name) if fact == "parties" else [])
                    if not _holds(text, given.get(name), held_by, mentions):
                        problems.append(f"{key}[{item['name']!r}].{fact}: no evidence holds {name!r}")
            for fact in single:
                value, where = item.get(fact), evidence.get(fact)
                if value is None:
                    continue
                names = dates.get(value, []) + [value] if fact == "date" else [] if fact == "status" else [value]
                if where is None or names and not _holds(text, where, names, mentions):
                    problems.append(f"{key}[{item['name']!r}].{fact}: no evidence holds {value!r}")
    for person in article.get("people", []):
        for role in person.get("roles", []):
            if not _holds(text, role.get("evidence"), [person["name"], role["role"]], mentions):
                problems.append(f"people[{person['name']!r}].roles[{role['role']!r}]: no evidence holds it")
    return problems


def article_schema() -> str:
    """The JSON Schema of an article object, as shipped (output/article.schema.json)."""
    from importlib.resources import files

    return files("extractor.output").joinpath("article.schema.json").read_text(encoding="utf-8")
