"""The place table: names (from data/gazetteer.tsv and data/place_aliases.tsv) and their readings."""
from __future__ import annotations

from typing import NamedTuple

from ..common.rules import RuleFileError, current, from_rules

GAZETTEER = "gazetteer.tsv"
ALIASES = "place_aliases.tsv"
NOT_PLACES = "not_places.txt"  # names of the table that alone are ordinary words
KINDS = frozenset({"country", "region", "city", "area"})


class Reading(NamedTuple):
    """One thing a name may be: kind, ISO 3166-1 alpha-2 country ("" if none), population, capital."""

    kind: str
    country: str
    population: int = 0
    capital: bool = False


class Entry(NamedTuple):
    """A name of the table: as the data writes it, its canonical name, its readings, and whether
    the text must have "the" before it."""

    name: str
    canonical: str
    readings: tuple[Reading, ...]
    after_the: bool = False


def parse_readings(cells: str, where: tuple[str, int]) -> tuple[Reading, ...]:
    """ "city:IN:317797:capital country:IN" -> Readings; a malformed one is a RuleFileError."""
    found = []
    for cell in cells.split():
        kind, _, rest = cell.partition(":")
        parts = rest.split(":") if rest else [""]
        if kind not in KINDS or not (parts[0] == "" or (len(parts[0]) == 2 and parts[0].isupper())):
            raise current().error(where[0], where[1], f"bad reading {cell!r} (kind:CC[:population][:capital])")
        population = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
        found.append(Reading(kind, parts[0], population, parts[-1] == "capital"))
    if not found:
        raise current().error(where[0], where[1], "a name without readings")
    return tuple(found)


@from_rules
def _gazetteer_lines() -> dict[str, str]:
    """Case-folded name -> its line: readings are parsed when looked up, so that start-up reads
    the table's forty thousand lines without parsing them."""
    text = current().texts[GAZETTEER]
    lines = [line for line in text.splitlines() if line and line[0] != "#"]
    not_places = current().words(NOT_PLACES, lower=True)
    try:
        table = {line[:line.index("\t")].casefold(): line for line in lines}
    except ValueError:
        bad = next(line for line in lines if "\t" not in line)
        raise current().error(GAZETTEER, _line_number(text, bad), "expected a name, a tab and its readings") from None
    for word in not_places & table.keys():
        del table[word]
    return table


def _line_number(text: str, line: str) -> int:
    """The number of a line of text (for error messages only)."""
    return text[:text.find(line)].count("\n") + 1


@from_rules(maxsize=16384)
def _gazetteer_entry(key: str) -> Entry | None:
    line = _gazetteer_lines().get(key)
    if line is None:
        return None
    name, _, cells = line.partition("\t")
    try:
        return Entry(name, name, parse_readings(cells, (GAZETTEER, 0)))
    except RuleFileError:
        where = (GAZETTEER, _line_number(current().texts[GAZETTEER], line))
        return Entry(name, name, parse_readings(cells, where))


@from_rules
def _alias_entries() -> tuple[Entry, ...]:
    """The entry of each line of place_aliases.tsv, checked against the table."""
    found = []
    for number, (form, target) in current().numbered_rows(ALIASES, 2):
        after_the = form.startswith("the ")
        form = form[4:] if after_the else form
        if ":" in target:
            found.append(Entry(form, form, parse_readings(target, (ALIASES, number)), after_the))
        else:
            named = _gazetteer_entry(target.casefold())
            if named is None:
                raise current().error(ALIASES, number, f"{target!r} is not a name of {GAZETTEER}")
            found.append(Entry(form, named.name, named.readings, after_the))
    return tuple(found)


@from_rules
def aliases() -> dict[str, Entry]:
    """Case-folded short form -> Entry; of one name written in two cases ("Sub-Saharan Africa",
    "sub-Saharan Africa"), the first."""
    found: dict[str, Entry] = {}
    for entry in _alias_entries():
        found.setdefault(entry.name.casefold(), entry)
    return found


@from_rules
def alias_forms() -> frozenset[str]:
    """Every short form as place_aliases.tsv writes it."""
    return frozenset(entry.name for entry in _alias_entries())


def entry(key: str) -> Entry | None:
    """The table's entry for a case-folded name, short forms first, or None."""
    return aliases().get(key) or (_gazetteer_entry(key) if key in _gazetteer_lines() else None)


def names() -> tuple[frozenset[str], dict[str, Entry], dict[str, str]]:
    """(first words, short forms, table lines) of the active rules, for a loop over a text's words
    to look up without a rules lookup per word."""
    return first_words(), aliases(), _gazetteer_lines()


@from_rules
def first_words() -> frozenset[str]:
    """The case-folded first words of every name: most capitalised words begin none, and are
    passed over with one set lookup."""
    return frozenset(key.split(" ", 1)[0] for key in _gazetteer_lines()) | frozenset(
        key.split(" ", 1)[0] for key in aliases())


# The most words a name of the table or a short form has ("Saint Vincent and the Grenadines").
MAX_WORDS = 7
