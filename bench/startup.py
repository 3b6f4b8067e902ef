"""Start-up time of `extract`: --help, and a one-article run beside importing spaCy alone.

    python bench/startup.py            # best of 5 runs each
    python bench/startup.py --runs 10

Bars: `extract --help` under 0.3 s (it must not import spaCy); `extract seeds/ --json`
within 0.3 s of `python -c "import spacy; spacy.blank('en')"`, both measured in this run; the
place data (places, teams and events, which read it) adds under 0.2 s to a one-article run.
Each line gives the best wall time and the best CPU time (user + system of the child): on a
busy machine the CPU time is the fairer figure (the verdicts use it); on an idle one they agree.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

from runs import extract_program

ROOT = Path(__file__).resolve().parents[1]
HELP_BAR = 0.3
OVER_SPACY_BAR = 0.3
PLACES_BAR = 0.2
PLACE_COMPONENTS = ("extractor_places", "extractor_teams", "extractor_events")
# one seed article through the default pipeline, with or without the components that load place data
ONE_ARTICLE = """
import sys
from pathlib import Path
from extractor.io.sources import Article
from extractor.pipeline import build
if sys.argv[1] == "without":
    build.COMPONENTS = tuple(c for c in build.COMPONENTS if c not in {places})
path = sorted(Path("seeds").glob("*.txt"))[0]
list(build.process(build.build_pipeline(), [Article(source=str(path), text=path.read_text(encoding="utf-8"))]))
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_seconds(argv: list[str], runs: int) -> tuple[float, float]:
    """The fastest (wall, CPU) seconds of runs runs of argv (the least disturbed by other work)."""
    return best_of_each([argv], runs)[0]


def best_of_each(argvs: list[list[str]], runs: int) -> list[tuple[float, float]]:
    """The fastest (wall, CPU) seconds of each argv over runs rounds that run them in turn, so
    that a pair compared is timed under the same load."""
    walls, cpus = [[] for _ in argvs], [[] for _ in argvs]
    for _ in range(runs):
        for i, argv in enumerate(argvs):
            start, cpu = time.perf_counter(), _children_cpu()
            subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            walls[i].append(time.perf_counter() - start)
            cpus[i].append(_children_cpu() - cpu)
    return [(min(w), min(c)) for w, c in zip(walls, cpus)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (default 5); the best counts")
    runs = parser.parse_args().runs

    help_time = best_seconds(extract_program() + ["--help"], runs)
    spacy_time = best_seconds([sys.executable, "-c", "import spacy; spacy.blank('en')"], runs)
    seeds_time = best_seconds(extract_program() + ["seeds/", "--json"], runs)
    print(f"{'':42} {'wall':>7} {'CPU':>7}")
    print(f"{'extract --help':42} {help_time[0]:6.2f}s {help_time[1]:6.2f}s"
          f"  bar < {HELP_BAR} s: {'met' if help_time[1] < HELP_BAR else 'MISSED'}")
    print(f"{'python -c import spacy; spacy.blank(en)':42} {spacy_time[0]:6.2f}s {spacy_time[1]:6.2f}s")
    over = [seeds - alone for seeds, alone in zip(seeds_time, spacy_time)]
    print(f"{'extract seeds/ --json':42} {seeds_time[0]:6.2f}s {seeds_time[1]:6.2f}s"
          f"  over spaCy alone: {over[0]:+.2f} s wall, {over[1]:+.2f} s CPU"
          f" (bar {OVER_SPACY_BAR} s: {'met' if over[1] <= OVER_SPACY_BAR else 'MISSED'})")
    script = ONE_ARTICLE.format(places=PLACE_COMPONENTS)
    with_places, without_places = best_of_each([[sys.executable, "-c", script, "with"],
                                                [sys.executable, "-c", script, "without"]], runs)
    grown = [w - wo for w, wo in zip(with_places, without_places)]
    print(f"{'one seed article, without place components':42} {without_places[0]:6.2f}s {without_places[1]:6.2f}s")
    print(f"{'one seed article, with them (the default)':42} {with_places[0]:6.2f}s {with_places[1]:6.2f}s"
          f"  place data: {grown[0]:+.2f} s wall, {grown[1]:+.2f} s CPU"
          f" (bar {PLACES_BAR} s: {'met' if grown[1] < PLACES_BAR else 'MISSED'})")


if __name__ == "__main__":
    main()
