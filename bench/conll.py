"""Exact-span PER, ORG and LOC precision/recall/F1 of the default pipeline on CoNLL-2003 dev.

    python bench/conll.py [PATH]        # default: ../shared/eval/conll2003/dev.jsonl

Our people mentions count as PER, organisation mentions as ORG, place mentions as LOC; a span counts only when its
start and end are exactly the gold ones. For reference, en_core_web_sm scores PER F1 0.72 and
ORG F1 0.33 on this file. Prints a message and exits 0 when the evaluation data is missing.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from extractor.common.doc_data import remember_text
from extractor.pipeline.build import get_pipeline

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "conll2003" / "dev.jsonl"
GROUPS = {"PER": "people", "ORG": "organisations", "LOC": "places"}


def predicted(nlp, records):
    """(record, {label: set of (start, end)}) for each record, through the whole pipeline."""

    def docs():
        for record in records:
            doc = nlp.make_doc(record["text"])
            remember_text(doc, record["text"])
            yield doc, record

    for doc, record in nlp.pipe(docs(), as_tuples=True, batch_size=32):
        yield record, {label: {(s.start_char, s.end_char) for s in doc.spans[key]} if key in doc.spans else set()
                       for label, key in GROUPS.items()}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.exists():
        print(f"CoNLL-2003 data not found at {path}; nothing to score.")
        return 0
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = {label: [0, 0, 0] for label in GROUPS}
    for record, found in predicted(get_pipeline(), records):
        for label in GROUPS:
            gold = {(s["start"], s["end"]) for s in record["spans"] if s["label"] == label}
            counts[label][0] += len(found[label] & gold)
            counts[label][1] += len(found[label] - gold)
            counts[label][2] += len(gold - found[label])
    print(f"{path.name}: {len(records)} documents, exact spans")
    print(f"{'type':<5} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for label, (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        print(f"{label:<5} {p:>6.3f} {r:>6.3f} {f:>6.3f}   {tp}/{fp}/{fn}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
