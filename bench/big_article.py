"""Wall time and peak memory (RSS) of `extract` on one big article, against the same text as a feed.

    python bench/big_article.py               # one 50 MB article made of corpus articles
    python bench/big_article.py --mb 10       # a quicker run

The big article is the corpus's texts joined by blank lines until it reaches the size; the
baseline, measured in the same run, is the same texts as a JSONL feed of ordinary articles.
Each run is `extract FILE --jsonl --quiet -o OUT` in its own process; the peak RSS is the
kernel's accounting of that process (os.wait4). The ratio big / feed says what being one
article costs beyond the text itself.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from newsfeed import corpus_path
from runs import measured_run


def texts_of_size(size: int) -> list[str]:
    """Corpus texts, repeated as often as needed, until their joined length reaches size characters."""
    with corpus_path().open(encoding="utf-8") as lines:
        corpus = [json.loads(line)["text"] for line in lines]
    texts, length = [], 0
    while length < size:
        for text in corpus:
            texts.append(text)
            length += len(text) + 2
            if length >= size:
                break
    return texts


def measure(path: Path, output: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one extract run on path."""
    return measured_run([str(path), "--jsonl", "--quiet", "-o", str(output)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the big article in MB (default 50)")
    options = parser.parse_args()
    texts = texts_of_size(int(options.mb * 1_000_000))
    with tempfile.TemporaryDirectory() as folder:
        big, feed, output = Path(folder) / "big.txt", Path(folder) / "feed.jsonl", Path(folder) / "out.jsonl"
        big.write_text("\n\n".join(texts), encoding="utf-8")
        with feed.open("w", encoding="utf-8") as lines:
            for number, text in enumerate(texts):
                lines.write(json.dumps({"id": f"a{number}", "text": text}) + "\n")
        print(f"one article of {big.stat().st_size / 1e6:.1f} MB ({len(texts):,} corpus articles joined)")
        big_seconds, big_rss = measure(big, output)
        print(f"  one article: peak RSS {big_rss:7.1f} MB, {big_seconds:6.1f} s")
        feed_seconds, feed_rss = measure(feed, output)
        print(f"  as a feed:   peak RSS {feed_rss:7.1f} MB, {feed_seconds:6.1f} s")
        print(f"  one article / feed: memory {big_rss / feed_rss:.2f}x, time {big_seconds / feed_seconds:.2f}x")


if __name__ == "__main__":
    main()
