"""Inputs: files, folders (recursive), stdin → Article records in input order."""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .decoding import BINARY, decode, has_unpaired_surrogate, looks_binary

TEXT_SUFFIXES = {".txt", ".md", ".text"}
# Read this much first: a NUL byte in it stops reading binaries (and /dev/zero) early.
_SNIFF_BYTES = 1 << 16


@dataclass
class Article:
    """One input: where it came from, its text as read, and its publication date if given."""

    source: str
    text: str = ""
    published: str | None = None
    error: str | None = None
    note: str | None = None  # how the text was decoded, when that is worth telling the user


def _reason(err: OSError) -> str:
    """An OSError as a short lower-case reason ("permission denied")."""
    return (err.strerror or str(err)).lower()


def _read_bytes(path: Path) -> bytes:
    """The bytes of a file; a binary file is refused after its first block."""
    with open(path, "rb") as stream:
        head = stream.read(_SNIFF_BYTES)
        if looks_binary(head):
            raise ValueError(BINARY)
        return head + stream.read()


def article_from_bytes(data: bytes, source: str, published: str | None) -> Article:
    """Decode the bytes of one input into an Article, or an Article carrying the reason it failed."""
    try:
        decoded = decode(data)
    except ValueError as err:
        return Article(source=source, published=published, error=str(err))
    if not decoded.text.strip():
        empty = "empty input" if source == "-" else "empty file"
        return Article(source=source, published=published, error=empty if not decoded.text else "only whitespace")
    return Article(source=source, text=decoded.text, published=published, note=decoded.note)


def read_path(path: Path, source: str, published: str | None) -> Article:
    """Read one file into an Article, recording the reason when it cannot be read."""
    try:
        data = _read_bytes(path)
    except ValueError as err:
        return Article(source=source, published=published, error=str(err))
    except OSError as err:
        reason = "broken symbolic link" if isinstance(err, FileNotFoundError) and path.is_symlink() else _reason(err)
        return Article(source=source, published=published, error=reason)
    return article_from_bytes(data, source, published)


def read_stdin(published: str | None) -> Article:
    """Standard input as one Article ("-"), or the reason it cannot be read."""
    if sys.stdin is None:
        return Article(source="-", published=published, error="standard input is closed")
    try:
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    except OSError as err:
        return Article(source="-", published=published, error=_reason(err))
    except ValueError:  # reading a closed file object
        return Article(source="-", published=published, error="standard input is closed")
    return article_from_bytes(data, "-", published)


def walk_folder(folder: Path) -> list[tuple[str, Path, str | None]]:
    """(source, path, error) for the text files under folder, recursively, sorted by path.

    Symlinked folders are followed, each real folder once, so a symlink loop ends; hidden
    files and folders (".git", "._x.txt") are skipped; an unreadable folder is one error.
    """
    found: list[tuple[str, Path, str | None]] = []
    seen: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            status = current.stat()
            if (status.st_dev, status.st_ino) in seen:
                continue
            seen.add((status.st_dev, status.st_ino))
            with os.scandir(current) as entries:
                children = [entry for entry in entries if not entry.name.startswith(".")]
        except OSError as err:
            found.append((str(current), current, _reason(err)))
            continue
        for entry in children:
            path = Path(entry.path)
            if _is_dir(entry):
                pending.append(path)
            elif path.suffix.lower() in TEXT_SUFFIXES:
                found.append((str(path), path, None))
    return sorted(found, key=lambda item: item[0])


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link to itself fails with ELOOP; reading it reports that
        return False


def expand(paths: Iterable[str]) -> Iterator[tuple[str, Path | None, str | None]]:
    """Each argument as (source name, path or None for stdin, error), folders expanded."""
    for arg in paths:
        if arg == "-":
            yield "-", None, None
            continue
        path = Path(arg)
        if path.is_dir():
            yield from walk_folder(path)
        else:
            yield arg, path, None


def _feed_date(value: object) -> str:
    """A feed's "published" as YYYY-MM-DD (a timestamp keeps its date); ValueError otherwise."""
    if not isinstance(value, str):
        raise ValueError
    return dt.date.fromisoformat(value[:10]).isoformat()


def article_from_feed_line(line: bytes, name: str, number: int, published: str | None) -> Article | None:
    """One JSONL feed line {"id", "text", "published"} as an Article (source = id); None if blank."""
    if not line.strip():
        return None
    where = f"{name}:{number}"
    try:
        record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError:
        return Article(source=where, published=published, error="not valid UTF-8")
    except json.JSONDecodeError as err:
        return Article(source=where, published=published, error=f"not valid JSON ({err.msg})")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return Article(source=where, published=published, error='not an object with a "text" string')
    source = str(record["id"]) if record.get("id") is not None else where
    if published is None and record.get("published") is not None:
        try:
            published = _feed_date(record["published"])
        except ValueError:
            return Article(source=source, error='"published" is not a date of the form YYYY-MM-DD')
    if not record["text"].strip():
        return Article(source=source, published=published, error="empty text")
    if has_unpaired_surrogate(record["text"]):  # spaCy's tokenizer cannot hash it
        return Article(source=source, published=published, error='"text" has an unpaired surrogate escape')
    return Article(source=source, text=record["text"], published=published)


def _feed_lines(path: Path | None) -> Iterator[bytes]:
    if path is None:
        if sys.stdin is None:
            raise OSError(0, "standard input is closed")
        yield from sys.stdin.buffer
        return
    with open(path, "rb") as stream:
        yield from stream


def read_feed(path: Path | None, name: str, published: str | None) -> Iterator[Article]:
    """The articles of a JSONL feed file (None: stdin), streamed line by line."""
    number = 0
    try:
        for number, line in enumerate(_feed_lines(path), start=1):
            article = article_from_feed_line(line, name, number, published)
            if article is not None:
                yield article
    except OSError as err:
        yield Article(source=f"{name}:{number + 1}" if number else name, published=published, error=_reason(err))


def is_feed(path: Path | None, input_format: str) -> bool:
    """Whether an input (None: stdin) is read as a JSONL feed of articles."""
    return input_format == "jsonl" or (input_format == "auto" and path is not None and path.suffix.lower() == ".jsonl")


def count_articles(paths: Iterable[str], input_format: str = "auto") -> int | None:
    """How many articles iter_articles will give, or None when a JSONL feed makes it unknown."""
    inputs = list(expand(paths))
    if any(is_feed(path, input_format) for _, path, _ in inputs):
        return None
    return len(inputs)


def iter_articles(paths: Iterable[str], published: str | None = None, input_format: str = "auto") -> Iterator[Article]:
    """Articles for every input argument; unreadable ones carry an error instead of text.

    input_format "jsonl" reads every file and stdin as a JSONL feed, "text" none, and
    "auto" the files whose name ends in .jsonl.
    """
    for source, path, error in expand(paths):
        if error is not None:
            yield Article(source=source, published=published, error=error)
        elif is_feed(path, input_format):
            yield from read_feed(path, source, published)
        elif path is None:
            yield read_stdin(published)
        else:
            yield read_path(path, source, published)
