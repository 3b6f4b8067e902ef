"""The shared news corpus the benchmarks run on (../shared/corpus/news.jsonl), read once."""
from __future__ import annotations

import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news.jsonl"


def corpus_path() -> Path:
    """The corpus file; exits 0 with a message when it is not there (benchmarks are optional)."""
    if not CORPUS.is_file():
        print(f"{CORPUS} not found: nothing to benchmark.")
        sys.exit(0)
    return CORPUS


def read_texts(limit: int | None = None) -> list[str]:
    """The article texts of the corpus, the first limit of them if given."""
    texts = []
    with corpus_path().open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(texts) >= limit:
                break
            texts.append(json.loads(line)["text"])
    return texts


def word_count(texts: list[str]) -> int:
    """Whitespace-separated words, the unit of words/s."""
    return sum(len(text.split()) for text in texts)
