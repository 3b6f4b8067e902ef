"""Throughput of the full default pipeline beside a tokenizer-only spacy.blank("en") pass.

    python bench/throughput.py                # words/s: tokenizer, pipeline (1 and 2 processes), ratio
    python bench/throughput.py --limit 1000   # on the first 1000 articles only
    python bench/throughput.py --profile      # where the time goes: tokenizer, each component, facts

Both passes run in this process over the same texts of ../shared/corpus/news.jsonl and share
one vocabulary, filled by an untimed warm-up pass first, so that neither pays for creating
lexemes. The pipeline pass is extractor.pipeline.build.process(): Docs to article objects, as the
CLI runs it (without JSON writing). Bar: ratio >= 0.4.

One-process figures are CPU seconds of this process (time.process_time), so that other work
on the machine does not skew the ratio; on an idle machine they equal wall time. On a shared
machine the speed of a core drifts by a third within a minute, so the two passes alternate over
slices of 100 articles for --rounds rounds, and each slice keeps its fastest time of each kind:
both kinds are then timed under the same conditions. The scaling line is wall time, the only
fair measure across processes.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import Counter

import spacy

from extractor.common.doc_data import remember_text
from extractor.output.facts import article_from_doc
from extractor.pipeline.parallel import cpu_count
from extractor.pipeline.build import get_pipeline, process
from extractor.io.sources import Article
from newsfeed import read_texts, word_count

RATIO_BAR = 0.4


def tokenizer_seconds(tokenizer, texts: list[str]) -> float:
    """CPU time of a tokenizer-only pass (spacy.blank("en") has nothing but the tokenizer)."""
    start = time.process_time()
    for _ in tokenizer.pipe(texts, batch_size=64):
        pass
    return time.process_time() - start


def pipeline_seconds(nlp, texts: list[str], jobs: int, clock=time.process_time) -> float:
    """Time of the full pipeline, Docs to article objects (use a wall clock when jobs > 1)."""
    articles = (Article(source=str(number), text=text) for number, text in enumerate(texts))
    start = clock()
    for _ in process(nlp, articles, jobs=jobs):
        pass
    return clock() - start


def interleaved_seconds(tokenizer, nlp, texts: list[str], rounds: int, size: int = 100) -> tuple[float, float]:
    """Tokenizer and pipeline CPU seconds over the texts, alternating slice by slice, best of rounds."""
    slices = [texts[i:i + size] for i in range(0, len(texts), size)]
    best = [[float("inf"), float("inf")] for _ in slices]
    for _ in range(max(1, rounds)):
        for times, part in zip(best, slices):
            times[0] = min(times[0], tokenizer_seconds(tokenizer, part))
            times[1] = min(times[1], pipeline_seconds(nlp, part, 1))
    return sum(t for t, _ in best), sum(p for _, p in best)


def stage_seconds(nlp, texts: list[str], size: int = 64) -> Counter:
    """Seconds spent in the tokenizer, in each component and in facts.py, a batch of `size`
    Docs at a time per stage, as nlp.pipe runs the components (common/component.py)."""
    seconds: Counter = Counter()
    clock = time.process_time
    for first in range(0, len(texts), size):
        batch = texts[first:first + size]
        start = clock()
        docs = [nlp.make_doc(text) for text in batch]
        seconds["tokenizer"] += clock() - start
        for doc, text in zip(docs, batch):
            remember_text(doc, text)
        for name, component in nlp.pipeline:
            start = clock()
            docs = [component(doc) for doc in docs]
            seconds[name] += clock() - start
        start = clock()
        for doc in docs:
            article_from_doc(doc, "bench")
        seconds["facts.py"] += clock() - start
    return seconds


def profile(nlp, texts: list[str], total: float) -> None:
    """Print each stage's share, then the functions that cost most (cProfile, own time)."""
    seconds = stage_seconds(nlp, texts)
    seconds["plumbing (nlp.pipe, process)"] = max(0.0, total - sum(seconds.values()))
    print(f"\n{'stage':34} {'seconds':>8} {'x tokenizer':>12} {'share':>6}")
    for stage, spent in seconds.most_common():
        print(f"{stage:34} {spent:8.2f} {spent / seconds['tokenizer']:12.2f} {spent / total:6.0%}")
    profiler = cProfile.Profile()
    profiler.runcall(pipeline_seconds, nlp, texts[:500], 1)
    print("\nTop functions by own time (cProfile, first 500 articles):")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--profile", action="store_true", help="also show where the pipeline's time goes")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the scaling line (default 2; 1: skip)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating passes of each kind, fastest kept per slice (default 3)")
    options = parser.parse_args()

    texts = read_texts(options.limit)
    words = word_count(texts)
    nlp = get_pipeline()
    tokenizer = spacy.blank("en", vocab=nlp.vocab)
    tokenizer_seconds(tokenizer, texts)  # warm-up: fills the shared vocabulary
    print(f"corpus: {len(texts):,} articles, {words:,} words; {cpu_count()} cores")

    tokenizer_time, pipeline_time = interleaved_seconds(tokenizer, nlp, texts, options.rounds)
    print(f"{'tokenizer only, spacy.blank(en)':34} {words / tokenizer_time:10,.0f} words/s (CPU)")
    ratio = tokenizer_time / pipeline_time
    verdict = "meets" if ratio >= RATIO_BAR else "below"
    print(f"{'full pipeline, 1 process':34} {words / pipeline_time:10,.0f} words/s (CPU)"
          f"   ratio {ratio:.2f} ({verdict} the {RATIO_BAR} bar)")
    if options.jobs > 1:
        wall = {jobs: pipeline_seconds(nlp, texts, jobs, time.perf_counter) for jobs in (1, options.jobs)}
        print(f"{'full pipeline, 1 process, wall':34} {words / wall[1]:10,.0f} words/s")
        print(f"{f'full pipeline, {options.jobs} processes, wall':34} {words / wall[options.jobs]:10,.0f} words/s"
              f"   {wall[1] / wall[options.jobs]:.2f}x 1 process")
    if options.profile:
        profile(nlp, texts, pipeline_time)


if __name__ == "__main__":
    main()
