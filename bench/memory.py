"""Peak memory (RSS) of `extract` over 1x, 4x and 16x the news corpus, streamed as a JSONL feed.

    python bench/memory.py                 # the whole corpus, repeated 1, 4 and 16 times
    python bench/memory.py --limit 500     # a quicker run: the first 500 articles as "the corpus"
    python bench/memory.py --jobs 2        # the same through 2 worker processes

Each run is `extract - --input-format jsonl --jsonl --quiet` with the corpus piped into stdin
and the output thrown away; the peak RSS comes from the kernel's accounting of that process
(os.wait4): the largest of extract and its workers. Bar: the 16x peak within 20 % of the 1x peak.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time

from newsfeed import corpus_path
from runs import extract_program

FACTORS = (1, 4, 16)
FLAT_BAR = 1.2


def command(jobs: int) -> list[str]:
    """The extract command line that reads the feed from stdin."""
    return extract_program() + ["-", "--input-format", "jsonl", "--jsonl", "--quiet", "--jobs", str(jobs)]


def feed(stream, lines: list[bytes], copies: int) -> None:
    """Write the corpus copies times into stream, then close it."""
    try:
        for _ in range(copies):
            stream.writelines(lines)
    finally:
        stream.close()


def peak_rss_mb(lines: list[bytes], copies: int, jobs: int) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of one extract run over the corpus repeated copies times."""
    start = time.perf_counter()
    process = subprocess.Popen(command(jobs), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    writer = threading.Thread(target=feed, args=(process.stdin, lines, copies))
    writer.start()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    writer.join()
    if process.returncode not in (0, 1):
        sys.exit(f"extract failed with status {process.returncode}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="use only the first N articles as the corpus")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for extract (default 1)")
    options = parser.parse_args()

    with corpus_path().open("rb") as corpus:
        lines = [line for _, line in zip(range(options.limit or sys.maxsize), corpus)]
    print(f"corpus: {len(lines):,} articles; extract --jobs {options.jobs}")
    peaks = {}
    for factor in FACTORS:
        peaks[factor], seconds = peak_rss_mb(lines, factor, options.jobs)
        print(f"{factor:3}x  {factor * len(lines):8,} articles  peak RSS {peaks[factor]:7.1f} MB  ({seconds:.0f} s)")
    growth = peaks[FACTORS[-1]] / peaks[FACTORS[0]]
    verdict = "flat" if growth <= FLAT_BAR else "GROWS"
    print(f"16x / 1x = {growth:.2f} ({verdict}; bar <= {FLAT_BAR})")


if __name__ == "__main__":
    main()
