"""Time, peak memory and size of the HTML report and the CSV tables, against --format jsonl.

    python bench/report.py               # the first 1,000 corpus articles
    python bench/report.py --limit 200   # a quicker run

Each format is one `extract FEED --format F -o OUT --quiet` process, run twice in turn with
the others (the faster of the two counts, as the machine's speed drifts); the peak RSS is the
kernel's accounting of that process (os.wait4). Goal: html and csv within 1.3x of jsonl.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from newsfeed import corpus_path
from runs import measured_run

FORMATS = ("jsonl", "html", "csv")
GOAL = 1.3


def run(feed: Path, fmt: str, output: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one extract run."""
    return measured_run([str(feed), "--format", fmt, "-o", str(output), "--quiet"])


def size_mb(output: Path) -> float:
    """The size of a file, or of all files in a folder, in MB."""
    files = output.iterdir() if output.is_dir() else [output]
    return sum(path.stat().st_size for path in files) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles of the corpus to use (default 1,000)")
    options = parser.parse_args()
    with corpus_path().open("rb") as corpus:
        lines = [line for _, line in zip(range(options.limit), corpus)]
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.jsonl"
        feed.write_bytes(b"".join(lines))
        outputs = {"jsonl": Path(folder) / "out.jsonl", "html": Path(folder) / "report.html",
                   "csv": Path(folder) / "tables"}
        best: dict[str, tuple[float, float]] = {}
        for _ in range(2):
            for fmt in FORMATS:
                seconds, rss = run(feed, fmt, outputs[fmt])
                old = best.get(fmt)
                best[fmt] = (min(seconds, old[0]), max(rss, old[1])) if old else (seconds, rss)
        print(f"{len(lines):,} articles")
        base = best["jsonl"][0]
        for fmt in FORMATS:
            seconds, rss = best[fmt]
            verdict = "" if fmt == "jsonl" else f"  {seconds / base:.2f}x jsonl ({'met' if seconds / base <= GOAL else 'MISSED'}; goal <= {GOAL})"
            print(f"  {fmt:5}  {seconds:6.1f} s  peak RSS {rss:6.1f} MB  output {size_mb(outputs[fmt]):6.1f} MB{verdict}")


if __name__ == "__main__":
    main()
