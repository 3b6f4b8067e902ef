"""io.partitions: the parts a cluster's workers read give what iter_articles gives, errors and order included."""
import codecs
import gzip
import json
import random
from collections import deque

import pytest

from extractor.io import partitions
from extractor.io.partitions import FeedPart, FeedTally, TextFiles, plan
from extractor.io.sources import Article, iter_articles


def _read_as_workers(parts, part_bytes):
    """What a cluster run gives for parts, read here one after another in order."""
    tally = FeedTally(3, part_bytes)
    queue, out = deque(parts), []
    while queue:
        part = queue.popleft()
        if isinstance(part, Article):
            out.append(part)
            continue
        articles, end = part.read()
        out += articles
        if isinstance(part, FeedPart):
            rest, error = tally.after(part, end)
            queue.extendleft(reversed(rest))
            out += [error] if error else []
    return out


def _lines(count, start=0):
    return [json.dumps({"id": f"r{n}", "text": f"Story {n} " + "word " * (n % 37), "published": "2026-03-05"}) + "\n"
            for n in range(start, start + count)]


TRICKY = (codecs.BOM_UTF8.decode() + _lines(1)[0] + "\n   \n" + "".join(_lines(5, 1)) + "not json\n"
          + json.dumps({"text": "no id here"}) + "\n" + json.dumps({"id": "long", "text": "x " * 3000}) + "\n"
          + '{"id": "e", "text": "  "}\n' + "".join(_lines(40, 6)) + json.dumps({"id": "last", "text": "no newline"}))


@pytest.mark.parametrize("part_bytes", [1, 97, 500, 4096, 1 << 20])
@pytest.mark.parametrize("name", ["feed.jsonl", "feed.jsonl.gz"])
def test_parts_of_a_feed_give_what_reading_it_whole_gives(tmp_path, part_bytes, name):
    path = tmp_path / name
    data = TRICKY.encode()
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    parts = list(plan([str(path)], part_bytes=part_bytes))
    assert len(parts) == max(1, -(-len(data) // part_bytes))
    assert _read_as_workers(parts, part_bytes) == list(iter_articles([str(path)]))


def test_parts_read_in_any_order_on_fresh_or_reused_cursors_give_the_same_articles(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(TRICKY, encoding="utf-8")
    parts = list(plan([str(path)], part_bytes=300))
    order = list(range(len(parts)))
    random.Random(5).shuffle(order)
    read = {index: parts[index].read()[0] for index in order}
    assert [article for index in range(len(parts)) for article in read[index]] == list(iter_articles([str(path)]))


@pytest.mark.parametrize("content", [b"", b"\n  \n\n", b"not json\n"])
def test_a_feed_without_articles_is_one_error_as_when_read_whole(tmp_path, content):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(content)
    assert _read_as_workers(plan([str(path)], part_bytes=2), 2) == list(iter_articles([str(path)]))


def test_a_truncated_gz_or_missing_feed_is_the_error_at_the_line_a_local_run_names(tmp_path):
    whole = gzip.compress("".join(_lines(300)).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    paths = [str(tmp_path / "cut.jsonl.gz"), str(tmp_path / "missing.jsonl")]
    expected = list(iter_articles(paths))
    assert expected[-2].error == "compressed file ended early (truncated .gz)" and expected[-1].source == paths[1]
    for part_bytes in (50, 1000, 1 << 20):
        assert _read_as_workers(plan(paths, part_bytes=part_bytes), part_bytes) == expected


def test_a_gz_whose_size_hint_is_short_is_read_on_in_further_parts(tmp_path, monkeypatch):
    monkeypatch.setattr(partitions, "OPEN_LIMIT", 700)
    path = tmp_path / "members.jsonl.gz"  # two gzip members: the last four bytes give only the second's size
    path.write_bytes(gzip.compress("".join(_lines(200)).encode()) + gzip.compress("".join(_lines(2, 200)).encode()))
    parts = list(plan([str(path)], part_bytes=100))
    assert _read_as_workers(parts, 100) == list(iter_articles([str(path)]))
    assert parts[-1].end is None and len(parts) < 5


def test_folders_become_batches_of_paths_in_the_order_of_a_local_run(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(7):
        (folder / f"{number}.txt").write_text(f"Story {number} of Ana Lima.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "nothing").mkdir()
    paths = [str(folder), str(tmp_path / "nothing"), str(tmp_path / "absent.txt")]
    parts = list(plan(paths, published="2026-01-02", files_per_part=3))
    assert [len(part.files) for part in parts if isinstance(part, TextFiles)] == [3, 3, 2, 1]
    assert isinstance(parts[3], Article) and parts[3].error.startswith("no articles found")
    assert _read_as_workers(parts, 1) == list(iter_articles(paths, published="2026-01-02"))


def test_stdin_and_the_paths_to_read_here_are_read_by_the_client(tmp_path, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Ana Lima spoke.")))
    story = tmp_path / "story.txt"
    story.write_text("Kofi Mensah spoke.", encoding="utf-8")
    parts = list(plan(["-", str(story)], read_here=[str(story)]))
    assert parts == [Article(source="-", text="Ana Lima spoke."), Article(source=str(story), text="Kofi Mensah spoke.")]
