"""Throughput of --cluster local:2 against --jobs 2 and --jobs 1, and the client's memory on a cluster.

    python bench/cluster.py                       # 2,000 corpus articles, 3 rounds
    python bench/cluster.py --limit 500 --repeat 1  # a quicker run
    python bench/cluster.py --before /tmp/venv-main/bin/python  # a venv with main installed, too

Each run is `extract FEED --jsonl --quiet -o OUT` with one way of running, in its own process
(wall seconds include starting the cluster). A round runs every way once, in an order that turns
each round, so that the load of a shared machine falls on all of them; the figures are each way's
median over the rounds, and the ratio is of medians (each round's ratio is shown too). CPU seconds
are the process's and its workers' (words per CPU second: what a core gives when it is all yours). --before PYTHON adds `--cluster local:2` run by another
interpreter's extractor, to compare code before and after in the same rounds. The client's peak RSS is
measured with the feed at 1x and 8x its size on the cluster (os.wait4; a LocalCluster's workers
are the client's children, so the peak is of the client or its largest worker).
Bar: the cluster within 15 % of --jobs 2; the 8x peak within 20 % of the 1x peak.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from newsfeed import corpus_path
from runs import measured_usage

WAYS = {"--jobs 1": ["--jobs", "1"], "--jobs 2": ["--jobs", "2"], "--cluster local:2": ["--cluster", "local:2"]}
BEFORE = "--cluster local:2 (before)"


def run(feed: Path, way: list[str], output: Path, python: str | None = None) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MB, CPU seconds) of one extract run."""
    return measured_usage([str(feed), "--jsonl", "--quiet", "-o", str(output), *way], python)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=2000, help="corpus articles to use (default 2,000)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of every way (default 3)")
    parser.add_argument("--before", metavar="PYTHON", help="also run --cluster local:2 with this interpreter's extractor")
    options = parser.parse_args()
    with corpus_path().open("rb") as corpus:
        lines = [line for _, line in zip(range(options.limit), corpus)]
    ways = [(name, way, None) for name, way in WAYS.items()]
    if options.before:
        ways.append((BEFORE, WAYS["--cluster local:2"], options.before))
    with tempfile.TemporaryDirectory() as folder:
        feed, big, output = Path(folder) / "feed.jsonl", Path(folder) / "feed8.jsonl", Path(folder) / "out.jsonl"
        feed.write_bytes(b"".join(lines))
        big.write_bytes(b"".join(lines) * 8)
        rounds: list[dict[str, tuple[float, float, float]]] = []
        for number in range(options.repeat):
            turned = ways[number % len(ways):] + ways[:number % len(ways)]
            rounds.append({name: run(feed, way, output, python) for name, way, python in turned})
        words = sum(len(line.split()) for line in lines)
        print(f"{len(lines):,} articles, {words:,} words; median of {options.repeat} rounds "
              "(wall time, cluster start-up included)")
        median = {name: statistics.median(round_[name][0] for round_ in rounds) for name, _, _ in ways}
        for name, _, _ in ways:
            cpu = statistics.median(round_[name][2] for round_ in rounds)
            print(f"  {name:28} {median[name]:6.1f} s  {words / median[name]:9,.0f} words/s  "
                  f"cpu {cpu:5.1f} s: {words / cpu:7,.0f} words per CPU second")
        for name in ["--cluster local:2"] + ([BEFORE] if options.before else []):
            ratio = median[name] / median["--jobs 2"]
            each = ", ".join(f"{round_[name][0] / round_['--jobs 2'][0]:.2f}" for round_ in rounds)
            print(f"  {name} / --jobs 2: {ratio:.2f}x the time (rounds: {each}) "
                  f"({'met' if ratio <= 1.15 else 'MISSED'}; bar <= 1.15)")
        one = run(feed, WAYS["--cluster local:2"], output)[1]
        eight = run(big, WAYS["--cluster local:2"], output)[1]
        print(f"  peak RSS on the cluster: 1x {one:.0f} MB, 8x {eight:.0f} MB: {eight / one:.2f}x "
              f"({'flat' if eight / one <= 1.2 else 'GROWS'}; bar <= 1.2)")


if __name__ == "__main__":
    main()
