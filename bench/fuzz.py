"""Fuzz the extractor with real articles, shuffled, cut and concatenated.

    python bench/fuzz.py                     # 400 mutated texts from the news corpus, seed 0
    python bench/fuzz.py --count 2000 --seed 7

Every text must extract without an exception into an object that keeps the invariants
(extractor/invariants.py): true offsets, ISO 8601 date values, valid against the shipped
JSON Schema; and the same texts must give the same output twice. Exits 1 listing the first
failures (with the seed to reproduce them), 0 when all hold or when the corpus is missing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time

from newsfeed import read_texts

from extractor import extract_many
from extractor.output.invariants import article_problems


def _cut(rng: random.Random, text: str) -> str:
    start = rng.randrange(len(text) + 1)
    return text[start:start + rng.randrange(1, 3000)]


def _shuffle_paragraphs(rng: random.Random, text: str) -> str:
    paragraphs = text.split("\n")
    rng.shuffle(paragraphs)
    return "\n".join(paragraphs)


def _shuffle_sentences(rng: random.Random, text: str) -> str:
    sentences = text.replace("\n", " ").split(". ")
    rng.shuffle(sentences)
    return ". ".join(sentences)


def _header(rng: random.Random, text: str) -> str:
    day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(10_000))
    return "date " + day.isoformat() + rng.choice(["\n", "\r\n", " "]) + text


MUTATIONS = {
    "as is": lambda rng, texts: rng.choice(texts),
    "concatenated": lambda rng, texts: rng.choice(["\n\n", "\n", " ", ""]).join(rng.sample(texts, rng.randint(2, 4))),
    "cut": lambda rng, texts: _cut(rng, rng.choice(texts)),
    "paragraphs shuffled": lambda rng, texts: _shuffle_paragraphs(rng, rng.choice(texts)),
    "sentences shuffled": lambda rng, texts: _shuffle_sentences(rng, rng.choice(texts)),
    "CRLF": lambda rng, texts: rng.choice(texts).replace("\n", "\r\n"),
    "dated": lambda rng, texts: _header(rng, rng.choice(texts)),
    "upper case": lambda rng, texts: rng.choice(texts).upper(),
}


def mutated(rng: random.Random, texts: list[str], count: int) -> list[tuple[str, str]]:
    """count (mutation name, text) pairs drawn from the corpus texts."""
    names = sorted(MUTATIONS)
    return [(name, MUTATIONS[name](rng, texts)) for name in (rng.choice(names) for _ in range(count))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=400, help="mutated texts to check")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=1000, help="corpus articles to draw from")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    cases = mutated(rng, read_texts(args.limit), args.count)
    published = [rng.choice([None, "2026-02-05", "1999-12-31", "2024-02-29"]) for _ in cases]
    started = time.perf_counter()
    failures = []
    outputs = []
    for (name, text), article in zip(cases, extract_many(t for _, t in cases)):
        outputs.append(json.dumps(article, ensure_ascii=False))
        failures += [f"{name} #{len(outputs) - 1}: {problem}" for problem in article_problems(article, text)]
    for index, ((name, text), date) in enumerate(zip(cases, published)):
        article = next(extract_many([text], published=date, sources=[f"<text {index}>"]))
        failures += [f"{name} #{index} (published {date}): {problem}" for problem in article_problems(article, text)]
    again = [json.dumps(a, ensure_ascii=False) for a in extract_many(t for _, t in cases)]
    failures += [f"{cases[i][0]} #{i}: output differs between two runs" for i, (a, b) in enumerate(zip(outputs, again))
                 if a != b]
    seconds = time.perf_counter() - started
    print(f"{len(cases)} mutated texts (seed {args.seed}), {sum(len(t) for _, t in cases):,} characters, "
          f"3 passes in {seconds:.1f} s: {len(failures)} problems")
    for failure in failures[:20]:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
