"""Score the date finder against TempEval-3 DATE timexes (strict/relaxed span P/R/F1, value accuracy).

    python bench/tempeval.py                    # platinum test set (the scored set)
    python bench/tempeval.py --split train      # TBAQ training set (for tuning)
    python bench/tempeval.py --errors           # also list every miss, spurious and wrong value

Each document runs through the whole pipeline as `extract` runs it, with its document creation
time (DCT) as the publication date, twice: with the default settings, and with --vague-dates
(the dates component's timeml_refs), which also marks the vague references TimeML counts as
DATE ("now", "currently", "recently"). Gold is the TIMEX3 elements of type DATE. Definitions:

- strict match: a system date span with exactly the gold extent; relaxed match: overlapping
  extents (TempEval-3 Task A). Precision counts system spans, recall counts gold timexes.
- A system span that overlaps no DATE timex but does overlap a timex of another type (DURATION,
  TIME, SET) is neither right nor wrong for a DATE-only score: it is left out of precision and
  counted on the "other type" line.
- value accuracy: over the gold DATE timexes that have a relaxed match, the share whose
  TIMEX3 value equals ours after rewriting ours into TIMEX3 notation (`timex_value`): a
  Monday-Sunday range becomes the ISO week "2013-W11", a Saturday-Sunday one "2013-W11-WE",
  "2020-01/2020-06" "2020-H1", a season's months "2012-06/2012-08" "2012-SU", a decade
  "1990/1999" "199" and a century "1900/1999" "19"; and a range that TimeML splits into two timexes ("2009-2010")
  is compared endpoint by endpoint. A null value never counts as right.
  value F1 as TempEval-3 reports it = relaxed F1 x value accuracy.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "eval" / "tempeval3"
HALVES = {("01", "06"): "H1", ("07", "12"): "H2"}
SEASONS = {("03", "05"): "SP", ("06", "08"): "SU", ("09", "11"): "FA", ("12", "02"): "WI"}


def load(split: str) -> list[dict] | None:
    """The documents of one TempEval-3 split, or None when the data is not there."""
    path = DATA / f"{split}.jsonl"
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def system_dates(docs: list[dict], vague_dates: bool) -> list[list[tuple[int, int, str | None]]]:
    """(start, end, value) of every date mention in the article objects `extract` makes of each
    document (the full default pipeline, as `extract [--vague-dates]` runs it)."""
    sys.path.insert(0, str(HERE.parent))
    from extractor.io.sources import Article
    from extractor.pipeline.build import get_pipeline, process

    nlp = get_pipeline(vague_dates=vague_dates)
    articles = (Article(source=d["id"], text=d["text"], published=d["dct"]) for d in docs)
    found = []
    for _, article in process(nlp, articles):
        found.append(sorted((m["start"], m["end"], item["value"]) for item in article["dates"]
                            for m in item["mentions"] if m["rule"] != "dateline:header"))
    return found


def timex_value(value: str | None) -> str | None:
    """Our ISO 8601 value in TIMEX3 notation where the two differ: weeks, weekends, halves,
    seasons, decades ("1990/1999" = "199") and centuries ("1900/1999" = "19")."""
    if not value or "/" not in value:
        return value
    first, last = value.split("/")
    if len(first) == len(last) == 10:
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        year, week, weekday = start.isocalendar()
        if weekday == 1 and (end - start).days == 6:
            return f"{year}-W{week:02d}"
        if weekday == 6 and (end - start).days == 1:
            return f"{year}-W{week:02d}-WE"
    if len(first) == len(last) == 7 and int(last[:4]) - int(first[:4]) == (last[5:] < first[5:]):
        months = (first[5:], last[5:])
        if months in HALVES and first[:4] == last[:4]:
            return f"{first[:4]}-{HALVES[months]}"
        if months in SEASONS:
            return f"{first[:4]}-{SEASONS[months]}"
    if len(first) == len(last) == 4 and first.isdigit() and last.isdigit():
        if int(last) - int(first) == 9 and first.endswith("0"):
            return first[:3]
        if int(last) - int(first) == 99 and first.endswith("00"):
            return first[:2]
    return value


def value_matches(gold: dict, start: int, end: int, value: str | None) -> bool:
    """Whether our value for span [start, end) is right for the overlapping gold timex."""
    converted = timex_value(value)
    if converted is None:
        return False
    if converted == gold["value"]:
        return True
    if "/" in converted and not (gold["start"] <= start and end <= gold["end"]):
        # our one range spans several timexes: each is one endpoint
        first, last = converted.split("/")
        return gold["value"] == (first if gold["start"] <= start else last)
    return False


def prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score(docs: list[dict], found: list[list[tuple]], errors: bool) -> dict:
    """Strict and relaxed span P/R/F1 and value accuracy over DATE timexes."""
    n_gold = n_sys = other = 0
    strict_p = strict_r = relaxed_p = relaxed_r = value_right = 0
    for doc, spans in zip(docs, found):
        dates = [t for t in doc["timexes"] if t["type"] == "DATE"]
        others = [t for t in doc["timexes"] if t["type"] != "DATE"]
        ours = [{"start": s, "end": e, "v": v} for s, e, v in spans]

        def overlapping(start, end, timexes):
            return [t for t in timexes if t["start"] < end and start < t["end"]]

        for start, end, value in spans:
            hit = overlapping(start, end, dates)
            if not hit and overlapping(start, end, others):
                other += 1
                continue
            n_sys += 1
            relaxed_p += bool(hit)
            strict_p += any(t["start"] == start and t["end"] == end for t in hit)
            if errors and not hit:
                print(f"  spurious {doc['id']}: {doc['text'][start:end]!r} -> {value}")
        for gold in dates:
            n_gold += 1
            hit = overlapping(gold["start"], gold["end"], ours)
            if not hit:
                if errors:
                    print(f"  missed   {doc['id']} (dct {doc['dct']}): {gold['text']!r} = {gold['value']}")
                continue
            relaxed_r += 1
            strict_r += any(h["start"] == gold["start"] and h["end"] == gold["end"] for h in hit)
            right = any(value_matches(gold, h["start"], h["end"], h["v"]) for h in hit)
            value_right += right
            if errors and not right:
                mine = [(doc["text"][h["start"]:h["end"]], h["v"]) for h in hit]
                print(f"  value    {doc['id']} (dct {doc['dct']}): {gold['text']!r} = {gold['value']}, ours {mine}")
            elif errors and not any(h["start"] == gold["start"] and h["end"] == gold["end"] for h in hit):
                mine = [doc["text"][h["start"]:h["end"]] for h in hit]
                print(f"  extent   {doc['id']}: gold {gold['text']!r}, ours {mine}")
    return {
        "gold": n_gold, "system": n_sys, "other_type": other,
        "strict": prf(strict_p, n_sys, strict_r, n_gold),
        "relaxed": prf(relaxed_p, n_sys, relaxed_r, n_gold),
        "value_accuracy": value_right / relaxed_r if relaxed_r else 0.0,
        "value_counts": (value_right, relaxed_r),
    }


def report(title: str, result: dict) -> None:
    """Print one result table."""
    print(f"{title}: {result['system']} system dates "
          f"({result['other_type']} more overlap only non-DATE timexes, not scored)")
    print(f"  {'match':<8} {'P':>6} {'R':>6} {'F1':>6}")
    for name in ("strict", "relaxed"):
        p, r, f = result[name]
        print(f"  {name:<8} {p:6.3f} {r:6.3f} {f:6.3f}")
    right, total = result["value_counts"]
    print(f"  value accuracy {result['value_accuracy']:.3f} ({right}/{total} relaxed matches), "
          f"value F1 {result['relaxed'][2] * result['value_accuracy']:.3f}")


def main(argv: list[str]) -> int:
    """Run the benchmark in both settings and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "train"), default="test")
    parser.add_argument("--errors", action="store_true",
                        help="list misses, spurious spans and wrong values (--vague-dates)")
    args = parser.parse_args(argv)
    docs = load(args.split)
    if docs is None:
        print(f"TempEval-3 data not found at {DATA}: nothing to score.")
        return 0
    gold = sum(t["type"] == "DATE" for d in docs for t in d["timexes"])
    print(f"TempEval-3 {args.split}: {len(docs)} documents, {gold} DATE timexes")
    report("extract (default)", score(docs, system_dates(docs, vague_dates=False), errors=False))
    report("extract --vague-dates", score(docs, system_dates(docs, vague_dates=True), args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
