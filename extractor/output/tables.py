"""Article objects as flat fact tables: one row per fact, each with its article's source.

The CSV files and the HTML report's tables are both made from these rows, so a column means
the same thing in both.
"""
from __future__ import annotations

from typing import Any, Callable, Iterator

Row = dict[str, Any]
JOIN = "; "  # between the values of a list in one cell: names hold commas, never "; "


def _joined(values: Any) -> str:
    return JOIN.join(str(value) for value in values or [])


def _mentions(item: dict[str, Any]) -> int:
    return len(item.get("mentions") or [])


def _organisations(article: dict[str, Any]) -> Iterator[Row]:
    for item in article.get("organisations", []):
        yield {"name": item["name"], "acronym": item.get("acronym") or "", "mentions": _mentions(item)}


def _people(article: dict[str, Any]) -> Iterator[Row]:
    for item in article.get("people", []):
        roles = _joined(role["role"] for role in item.get("roles") or [])
        yield {"name": item["name"], "honorific": item.get("honorific") or "", "roles": roles,
               "mentions": _mentions(item)}


def _roles(article: dict[str, Any]) -> Iterator[Row]:
    for item in article.get("people", []):
        for role in item.get("roles") or []:
            yield {"person": item["name"], "role": role["role"], "organisation": role.get("organisation") or ""}


def _dates(article: dict[str, Any]) -> Iterator[Row]:
    for item in article.get("dates", []):
        yield {"text": item["text"], "value": item.get("value") or "", "mentions": _mentions(item)}


def _agreements(article: dict[str, Any]) -> Iterator[Row]:
    for item in article.get("agreements", []):
        yield {"name": item["name"], "kind": item.get("kind") or "", "status": item.get("status") or "",
               "parties": _joined(item.get("parties")), "signatories": _joined(item.get("signatories")),
               "date": item.get("date") or "", "signed_at": item.get("signed_at") or "",
               "place": item.get("place") or "", "sentence": item.get("sentence") or "", "mentions": _mentions(item)}


def _signatories(article: dict[str, Any]) -> Iterator[Row]:
    for item in article.get("agreements", []):
        for signatory in item.get("signatories") or []:
            yield {"agreement": item["name"], "signatory": signatory, "date": item.get("date") or ""}


def _places(article: dict[str, Any]) -> Iterator[Row]:
    for item in article.get("places", []):
        yield {"name": item["name"], "kind": item.get("kind") or "", "country": item.get("country") or "",
               "mentions": _mentions(item)}


def _events(article: dict[str, Any]) -> Iterator[Row]:
    for item in article.get("events", []):
        place = item.get("place")
        yield {"name": item["name"], "kind": item.get("kind") or "", "date": item.get("date") or "",
               "place": (place.get("name", "") if isinstance(place, dict) else place) or "",
               "chairs": _joined(item.get("chairs")), "participants": _joined(item.get("participants")),
               "mentions": _mentions(item)}


# Table name → (columns after "source", rows of one article).
TABLES: dict[str, tuple[tuple[str, ...], Callable[[dict[str, Any]], Iterator[Row]]]] = {
    "organisations": (("name", "acronym", "mentions"), _organisations),
    "people": (("name", "honorific", "roles", "mentions"), _people),
    "roles": (("person", "role", "organisation"), _roles),
    "dates": (("text", "value", "mentions"), _dates),
    "agreements": (("name", "kind", "status", "parties", "signatories", "date", "signed_at", "place", "sentence",
                    "mentions"), _agreements),
    "signatories": (("agreement", "signatory", "date"), _signatories),
    "places": (("name", "kind", "country", "mentions"), _places),
    "events": (("name", "kind", "date", "place", "chairs", "participants", "mentions"), _events),
}


def columns(table: str) -> tuple[str, ...]:
    """The columns of a table, source first."""
    return ("source",) + TABLES[table][0]


def rows(table: str, article: dict[str, Any]) -> Iterator[Row]:
    """The rows of one article in a table, each starting with the article's source."""
    for row in TABLES[table][1](article):
        yield {"source": article["source"], **row}
