"""Throughput of --cluster local:2 against --jobs 2 and --jobs 1, and the client's memory on a cluster.

    python bench/cluster.py               # 2,000 corpus articles
    python bench/cluster.py --limit 500   # a quicker run

Each run is `extract FEED --jsonl --quiet -o OUT` with one way of running, in turn, in its own
process (wall seconds include starting the cluster). The client's peak RSS is measured with the
feed at 1x and 8x its size on the cluster (os.wait4; the workers are not the client's children
that count: a LocalCluster's workers are, so the peak is of the client or its largest worker).
Bar: the cluster within 15 % of --jobs 2; the 8x peak within 20 % of the 1x peak.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from newsfeed import corpus_path
from runs import measured_run

WAYS = {"--jobs 1": ["--jobs", "1"], "--jobs 2": ["--jobs", "2"], "--cluster local:2": ["--cluster", "local:2"]}


def run(feed: Path, way: list[str], output: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one extract run."""
    return measured_run([str(feed), "--jsonl", "--quiet", "-o", str(output), *way])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=2000, help="corpus articles to use (default 2,000)")
    options = parser.parse_args()
    with corpus_path().open("rb") as corpus:
        lines = [line for _, line in zip(range(options.limit), corpus)]
    with tempfile.TemporaryDirectory() as folder:
        feed, big, output = Path(folder) / "feed.jsonl", Path(folder) / "feed8.jsonl", Path(folder) / "out.jsonl"
        feed.write_bytes(b"".join(lines))
        big.write_bytes(b"".join(lines) * 8)
        seconds = {name: run(feed, way, output)[0] for name, way in WAYS.items()}
        words = sum(len(line.split()) for line in lines)
        print(f"{len(lines):,} articles, {words:,} words (wall time, cluster start-up included)")
        for name, wall in seconds.items():
            print(f"  {name:18} {wall:6.1f} s  {words / wall:9,.0f} words/s")
        ratio = seconds["--cluster local:2"] / seconds["--jobs 2"]
        print(f"  cluster / jobs 2: {ratio:.2f}x the time ({'met' if ratio <= 1.15 else 'MISSED'}; bar <= 1.15)")
        one = run(feed, WAYS["--cluster local:2"], output)[1]
        eight = run(big, WAYS["--cluster local:2"], output)[1]
        print(f"  peak RSS on the cluster: 1x {one:.0f} MB, 8x {eight:.0f} MB: {eight / one:.2f}x "
              f"({'flat' if eight / one <= 1.2 else 'GROWS'}; bar <= 1.2)")


if __name__ == "__main__":
    main()
