"""Inputs in parts that a cluster's workers read themselves: batches of text files, byte ranges of feeds.

The client plans the parts from names and sizes alone (a folder's listing, os.stat, a .gz file's
last four bytes) and never reads an article; a worker reads its part with the readers of
io.sources, so every article and every error comes out as a local run gives it. The files must
be readable on the workers at the same path, as on a shared filesystem (a LocalCluster's workers
see what the client sees).
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Union

from .sources import Article, empty_feed, expand, file_lines, is_feed, iter_articles, read_feed_lines, read_path

PART_BYTES = 1 << 17  # a feed's part: about 30 news articles, a task's worth of work (0.2 to 0.4 s)
FILES_PER_PART = 64
# An open-ended last part (a .gz file's size is only a hint) reads this far, then hands on the rest.
OPEN_LIMIT = 4 * PART_BYTES
GZ_RATIO = 32  # the most a .gz feed's size hint may exceed its file's size: news text packs 3 to 10 times
_KEPT_OPEN = 4  # feed files a worker thread keeps open between parts


class PartEnd(NamedTuple):
    """What a feed part says of its feed: whether it gave any article, its bytes, where the rest starts."""

    given: bool
    size: int
    rest: int | None = None  # an open-ended part that stopped at OPEN_LIMIT: the offset it stopped at


@dataclass(frozen=True)
class TextFiles:
    """Files for a worker to read, one article each (text or web page): (source, absolute path) pairs."""

    files: tuple[tuple[str, str], ...]
    published: str | None
    input_format: str = "auto"

    def read(self) -> tuple[list[Article], None]:
        """The articles of these files, read as a local run reads them."""
        return [read_path(Path(path), source, self.published, self.input_format) for source, path in self.files], None


@dataclass(frozen=True)
class FeedPart:
    """The lines of a JSONL feed (plain or .gz) that start in bytes [start, end) of its content;
    end None: to its end. path is absolute, name the feed as the user named it."""

    path: str
    name: str
    start: int
    end: int | None
    published: str | None

    def read(self) -> tuple[list[Article], PartEnd]:
        """The articles of this part, numbered as in the whole feed; a read error is the part's
        whose line it stopped at, as read_feed gives it."""
        cursor = _cursor(self.path, self.start)
        try:
            cursor.skip_to(self.start)
        except OSError:
            pass
        if cursor.broken:  # it stopped at a line that starts before this part: the part before says so
            return [], PartEnd(False, 0)
        size = 0
        rest = None
        limit = self.start + OPEN_LIMIT if self.end is None else None

        def own() -> Iterator[bytes]:
            nonlocal size, rest
            while self.end is None or cursor.offset < self.end:
                if limit is not None and cursor.offset >= limit:
                    rest = cursor.offset
                    return
                line = cursor.next_line()
                if not line:
                    return
                size += len(line)
                yield line

        articles = list(read_feed_lines(own(), self.name, self.published, first=cursor.count + 1, whole=False))
        return articles, PartEnd(bool(articles), size, rest)


Part = Union[list, TextFiles, FeedPart]  # a list: articles read by the client, shipped with the task


class _Cursor:
    """A feed file read line by line and kept open, so that the next part starts where this one ended."""

    def __init__(self, path: str):
        self.lines = file_lines(Path(path))
        self.offset = 0  # where the next line starts
        self.count = 0  # lines before it
        self.before = -1  # where the line before it starts
        self.broken = False

    def next_line(self) -> bytes:
        """The next line (b"" at the end); OSError when the file cannot be read on."""
        try:
            line = next(self.lines, b"")
        except OSError:
            self.broken = True
            raise
        if line:
            self.before, self.offset, self.count = self.offset, self.offset + len(line), self.count + 1
        return line

    def skip_to(self, start: int) -> None:
        """Read on to the first line that starts at start or later (or to the end)."""
        while self.offset < start and self.next_line():
            pass


_open = threading.local()  # each worker thread its own cursors: a cursor is not shared


def _cursor(path: str, start: int) -> _Cursor:
    """An open cursor on path that has not passed the first line at start or later, else a new one."""
    cursors: dict[str, _Cursor] = _open.__dict__.setdefault("cursors", {})
    cursor = cursors.pop(path, None)
    # A cursor that stopped at an error before start stays: the parts after it have nothing to read.
    if cursor is None or cursor.before >= start or (cursor.broken and cursor.offset >= start):
        if cursor is not None:
            cursor.lines.close()
        cursor = _Cursor(path)
    cursors[path] = cursor  # the most recently used last
    while len(cursors) > _KEPT_OPEN:
        cursors.pop(next(iter(cursors))).lines.close()
    return cursor


def content_size(path: Path) -> int:
    """A feed file's size, a .gz one's uncompressed as a hint for planning its parts; 0 when it cannot
    be read (the worker says why).

    A .gz file's last four bytes give its size when it is whole, one gzip member and below 4 GiB; a
    hint that is short is made up for by reading on (PartEnd.rest), and one that is too long (a cut
    file's last bytes are any bytes) is capped, as each part past the end is a task for nothing."""
    try:
        size = path.stat().st_size
        if not path.name.lower().endswith(".gz") or size < 4:
            return size
        with open(path, "rb") as stream:
            stream.seek(-4, os.SEEK_END)
            return min(int.from_bytes(stream.read(4), "little"), size * GZ_RATIO)
    except OSError:
        return 0


def feed_parts(path: str, name: str, published: str | None, start: int, size: int,
               part_bytes: int = PART_BYTES) -> Iterator[FeedPart]:
    """The parts of a feed from start, for size more bytes of it; the last one open-ended."""
    ends = range(start + part_bytes, start + size, part_bytes)
    begin = start
    for end in ends:
        yield FeedPart(path, name, begin, end, published)
        begin = end
    yield FeedPart(path, name, begin, None, published)


class FeedTally:
    """A client's account of the feed whose parts it takes, in order: the parts of the rest of it when
    an open-ended part stopped short, and its error when its last part is taken and none gave an article."""

    def __init__(self, ahead: int, part_bytes: int = PART_BYTES):
        self.ahead = ahead  # parts planned at once for a rest
        self.part_bytes = part_bytes
        self.given, self.size = False, 0

    def after(self, part: FeedPart, end: PartEnd) -> tuple[list[FeedPart], Article | None]:
        """The parts to take next, and the feed's error, once part is taken."""
        self.given |= end.given
        self.size += end.size
        if end.rest is not None:
            size = self.ahead * self.part_bytes
            return list(feed_parts(part.path, part.name, part.published, end.rest, size, self.part_bytes)), None
        if part.end is not None:
            return [], None
        given, size = self.given, self.size
        self.given, self.size = False, 0
        return [], None if given else empty_feed(part.name, part.published, size)


def plan(paths: Iterable[str], published: str | None = None, input_format: str = "auto",
         read_here: Iterable[str] = (), part_bytes: int = PART_BYTES,
         files_per_part: int = FILES_PER_PART) -> Iterator[Article | TextFiles | FeedPart]:
    """iter_articles' inputs in the same order, as parts for workers to read, and the Articles the
    client reads itself: errors found while listing folders, stdin, and the paths in read_here."""
    read_here = set(read_here)
    files: list[tuple[str, str]] = []

    def batch() -> Iterator[TextFiles]:
        if files:
            yield TextFiles(tuple(files), published, input_format)
            files.clear()

    for arg in paths:
        if arg == "-" or arg in read_here:
            yield from batch()
            yield from iter_articles([arg], published, input_format)
            continue
        for source, path, error in expand([arg]):
            if error is None and not is_feed(path, input_format):
                files.append((source, os.path.abspath(path)))
                if len(files) == files_per_part:
                    yield from batch()
                continue
            yield from batch()
            if error is not None:
                yield Article(source=source, published=published, error=error)
            else:
                yield from feed_parts(os.path.abspath(path), source, published, 0, content_size(path), part_bytes)
    yield from batch()
