"""`extract eval`: scores extraction against gold files (NAME.txt beside NAME.json, GOLD_FORMAT.md).

For each article, ORG, PERSON, DATE and PLACE compare the distinct folded surfaces the
extractor output (every mention of every item) with the gold ones; ROLE compares (person, role)
pairs. AGREEMENT and EVENT are scored per item: an output item matches a gold entry when one of
its mention surfaces is the entry's text or an alias; each entry matches at most one item, so an
agreement split in two items counts one false positive. Counts are summed over articles
(micro-average). A matched DATE also scores its value; matched agreements score their
signatories and parties (precision and recall over names), date and status, matched events
their date and place.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table

TYPES = ("ORG", "PERSON", "DATE", "AGREEMENT", "ROLE", "PLACE", "EVENT")
ENTITY_TYPES = ("ORG", "PERSON", "DATE", "AGREEMENT")  # the "entities" total leaves roles out
SURFACE_KEYS = {"ORG": "organisations", "PERSON": "people", "DATE": "dates", "PLACE": "places"}
ITEM_KEYS = {"AGREEMENT": "agreements", "EVENT": "events"}
PLAIN_PUNCTUATION = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})


class GoldError(ValueError):
    """A gold folder or file that cannot be read; the message names it."""


def fold(surface: str | None) -> str:
    """A surface as compared: Unicode-normalized, plain quotes and dashes, case and spaces folded,
    punctuation at the edges and a leading "the" dropped."""
    text = unicodedata.normalize("NFKC", surface or "").translate(PLAIN_PUNCTUATION).casefold()
    text = " ".join(text.split()).strip(" .,;:")
    return text[len("the "):] if text.startswith("the ") else text


@dataclass
class Facts:
    """What one article says, as compared: folded surfaces per type and each date's value."""

    surfaces: dict[str, set] = field(default_factory=lambda: {t: set() for t in TYPES})
    date_values: dict[str, str | None] = field(default_factory=dict)
    items: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t: [] for t in ITEM_KEYS})


def _names(names: Any) -> list[frozenset[str]]:
    """People or parties, each as the set of its folded surfaces (gold may list several for one)."""
    return [frozenset(fold(n) for n in ([name] if isinstance(name, str) else name)) for name in names or []]


def _name_counts(got: list[frozenset[str]], want: list[frozenset[str]]) -> tuple[int, int, int]:
    """(tp, fp, fn) of two name lists: a name is right when it is one of a wanted name's surfaces."""
    used: set[int] = set()
    for wanted in want:
        hit = next((i for i, name in enumerate(got) if i not in used and name & wanted), None)
        if hit is not None:
            used.add(hit)
    return len(used), len(got) - len(used), len(want) - len(used)


def _item(surfaces: Any, entry: dict[str, Any]) -> dict[str, Any]:
    """An agreement or event as compared: its folded surfaces and the facts scored on a match."""
    return {"surfaces": {fold(text) for text in surfaces if text}, "name": entry.get("name") or entry.get("text"),
            "signatories": _names(entry.get("signatories")), "parties": _names(entry.get("parties")),
            "date": entry.get("date"), "status": entry.get("status"), "place": fold(entry.get("place"))}


def gold_facts(gold: dict[str, Any]) -> Facts:
    """The facts of one gold annotation."""
    facts = Facts()
    annotations = gold.get("gold") or {}
    for kind in ("ORG", "PERSON", "PLACE"):
        facts.surfaces[kind] = {fold(s) for s in annotations.get(kind, [])}
    for date in annotations.get("DATE", []):
        facts.surfaces["DATE"].add(fold(date["text"]))
        facts.date_values[fold(date["text"])] = date.get("value")
    for kind in ITEM_KEYS:
        facts.items[kind] = [_item([entry["text"], *entry.get("aliases", [])], entry)
                             for entry in annotations.get(kind, [])]
    facts.surfaces["ROLE"] = {(fold(r["person"]), fold(r["role"])) for r in annotations.get("ROLE", [])}
    return facts


def _item_surfaces(item: dict[str, Any]) -> list[str]:
    """Every mention text of an output item, or its name when it has no mentions."""
    texts = [m["text"] for m in item.get("mentions") or [] if m.get("text")]
    return texts or [t for t in (item.get("name") or item.get("text"),) if t]


def article_facts(article: dict[str, Any]) -> Facts:
    """The facts of one article object of the output contract."""
    facts = Facts()
    for kind, key in SURFACE_KEYS.items():
        for item in article.get(key) or []:
            for surface in _item_surfaces(item):
                facts.surfaces[kind].add(fold(surface))
                if kind == "DATE":
                    facts.date_values[fold(surface)] = item.get("value")
    for kind, key in ITEM_KEYS.items():
        facts.items[kind] = [_item(_item_surfaces(item), item) for item in article.get(key) or []]
    for person in article.get("people") or []:
        for role in person.get("roles") or []:
            title = role.get("role") if isinstance(role, dict) else role
            if title:
                facts.surfaces["ROLE"].add((fold(person.get("name")), fold(title)))
    return facts


def read_gold(gold_dir: str | Path) -> dict[str, dict[str, Any]]:
    """Gold annotations by article name: every NAME.json that has a NAME.txt beside it."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise GoldError(f"{gold_dir}: not a folder")
    golds = {}
    for path in sorted(folder.glob("*.json")):
        if not path.with_suffix(".txt").is_file():
            continue
        try:
            golds[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise GoldError(f"{path}: not a gold JSON file ({err})") from None
    if not golds:
        raise GoldError(f"{gold_dir}: no NAME.txt + NAME.json pairs")
    return golds


def unpaired_files(gold_dir: str | Path) -> list[str]:
    """One message per NAME.txt without its NAME.json and per NAME.json without its NAME.txt."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        return []
    messages = []
    for path in sorted([*folder.glob("*.txt"), *folder.glob("*.json")]):
        partner = path.with_suffix(".json" if path.suffix == ".txt" else ".txt")
        if path.is_file() and not partner.is_file():
            messages.append(f"{path}: no {partner.name} beside it; not scored")
    return messages


def _ratios(tp: int, fp: int, fn: int) -> dict[str, Any]:
    if not tp + fp + fn:  # no gold and no predictions: nothing to score, which is not a score of 0
        return {"precision": None, "recall": None, "f1": None, "tp": 0, "fp": 0, "fn": 0}
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def _readable(surface) -> str:
    return " / ".join(surface) if isinstance(surface, tuple) else surface


def matched(found: list[dict[str, Any]], wanted: list[dict[str, Any]]) -> dict[int, int]:
    """A largest matching of output items to gold entries that share a surface: {item: entry}."""
    options = [[j for j, entry in enumerate(wanted) if item["surfaces"] & entry["surfaces"]] for item in found]
    owner: dict[int, int] = {}  # entry → item

    def take(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or take(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(found)):
        take(i, set())
    return {i: j for j, i in owner.items()}


class _Tally:
    """Counts of the facts of matched items: names (tp, fp, fn) and values (right, scored)."""

    def __init__(self) -> None:
        self.names = {"signatories": [0, 0, 0], "parties": [0, 0, 0]}
        self.values = {"date": [0, 0], "status": [0, 0], "place": [0, 0]}

    def add(self, item: dict[str, Any], entry: dict[str, Any], values: tuple[str, ...], names: tuple[str, ...]) -> None:
        """Count one matched pair."""
        for key in names:
            for i, n in enumerate(_name_counts(item[key], entry[key])):
                self.names[key][i] += n
        for key in values:
            self.values[key][0] += item[key] == entry[key]
            self.values[key][1] += 1

    def result(self, values: tuple[str, ...], names: tuple[str, ...]) -> dict[str, Any]:
        """F1 of each name list and accuracy of each value (None when nothing was scored)."""
        out: dict[str, Any] = {f"{key} f1": _ratios(*self.names[key])["f1"] for key in names}
        out.update({f"{key} accuracy": round(right / scored, 3) if scored else None
                    for key, (right, scored) in ((k, self.values[k]) for k in values)})
        return out


AGREEMENT_FACTS = (("date", "status"), ("signatories", "parties"))
EVENT_FACTS = (("date", "place"), ())


def score(golds: dict[str, dict[str, Any]], articles: dict[str, dict[str, Any]], by_doc: bool = False) -> dict[str, Any]:
    """Scores of article objects (by article name) against gold annotations (by article name)."""
    counts = {t: [0, 0, 0] for t in TYPES}
    dates_scored = dates_right = 0
    tallies = {"AGREEMENT": _Tally(), "EVENT": _Tally()}
    documents = []
    for name, gold in sorted(golds.items()):
        expected, found = gold_facts(gold), article_facts(articles.get(name, {}))
        detail: dict[str, Any] = {"doc": name}
        for kind, facts in (("AGREEMENT", AGREEMENT_FACTS), ("EVENT", EVENT_FACTS)):
            items, entries = found.items[kind], expected.items[kind]
            pairs = matched(items, entries)
            for i, n in enumerate((len(pairs), len(items) - len(pairs), len(entries) - len(pairs))):
                counts[kind][i] += n
            for i, j in pairs.items():
                tallies[kind].add(items[i], entries[j], *facts)
            detail[kind] = {"missed": sorted(e["name"] for j, e in enumerate(entries) if j not in pairs.values()),
                            "spurious": sorted(item["name"] for i, item in enumerate(items) if i not in pairs)}
        for kind in TYPES:
            if kind in ITEM_KEYS:
                continue
            right, wanted = found.surfaces[kind], expected.surfaces[kind]
            for i, n in enumerate((len(right & wanted), len(right - wanted), len(wanted - right))):
                counts[kind][i] += n
            detail[kind] = {"missed": sorted(map(_readable, wanted - right)),
                            "spurious": sorted(map(_readable, right - wanted))}
        for surface in found.surfaces["DATE"] & expected.surfaces["DATE"]:
            dates_scored += 1
            dates_right += found.date_values.get(surface) == expected.date_values.get(surface)
        documents.append(detail)
    totals = [sum(counts[t][i] for t in ENTITY_TYPES) for i in range(3)]
    result = {
        "documents": len(golds),
        "types": {t: _ratios(*counts[t]) for t in TYPES},
        "entities": _ratios(*totals),
        "date_value_accuracy": round(dates_right / dates_scored, 3) if dates_scored else None,
        "dates_scored": dates_scored,
        "agreement_facts": tallies["AGREEMENT"].result(*AGREEMENT_FACTS),
        "event_facts": tallies["EVENT"].result(*EVENT_FACTS),
    }
    if by_doc:
        result["by_doc"] = documents
    return result


def evaluate(gold_dir: str | Path, nlp, by_doc: bool = False) -> tuple[dict[str, Any], list[str]]:
    """Extract every gold article's text with nlp and score it; also one message per unreadable text.

    A text is read as `extract` reads it; the gold file's "published" date, when given,
    is its publication date, as `--published` would set it.
    """
    from ..pipeline.build import process
    from ..io.sources import read_path

    golds = read_gold(gold_dir)
    texts = (read_path(Path(gold_dir) / f"{name}.txt", name, gold.get("published")) for name, gold in golds.items())
    articles, errors = {}, []
    for article, result in process(nlp, texts):
        if result is None:
            errors.append(f"{Path(gold_dir) / article.source}.txt: {article.error}")
        else:
            articles[article.source] = result
    return score(golds, articles, by_doc), errors


def score_table(result: dict[str, Any]) -> Table:
    """Per-type precision, recall and F1 as a Rich table, date-value accuracy in the caption."""
    facts = "; ".join(f"{key} {_figure(value)}" for key, value in result["agreement_facts"].items())
    events = "; ".join(f"{key} {_figure(value)}" for key, value in result["event_facts"].items())
    table = Table(title=_count(result["documents"], "document"),
                  caption=f"date value accuracy: {_figure(result['date_value_accuracy'])}"
                          f" ({_count(result['dates_scored'], 'matched date')})\n"
                          f"matched agreements: {facts}\nmatched events: {events}")
    for column in ("Type", "Precision", "Recall", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="left" if column == "Type" else "right")
    rows = [*result["types"].items(), ("ALL (entities)", result["entities"])]
    for kind, m in rows:
        table.add_row(kind, *(_figure(m[key]) for key in ("precision", "recall", "f1")),
                      str(m["tp"]), str(m["fp"]), str(m["fn"]), end_section=kind in ("ROLE", "EVENT"))
    return table


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def by_doc_table(result: dict[str, Any]) -> Table:
    """What each document missed and got wrong, one row per document and type."""
    table = Table(title="by document")
    for column in ("Document", "Type", "Missed", "Spurious"):
        table.add_column(column)
    for detail in result.get("by_doc", []):
        for kind in TYPES:
            missed, spurious = detail[kind]["missed"], detail[kind]["spurious"]
            if missed or spurious:
                table.add_row(detail["doc"], kind, "; ".join(missed), "; ".join(spurious))
    return table
