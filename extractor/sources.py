"""Inputs: files, folders (recursive), stdin → Article records in input order."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

TEXT_SUFFIXES = {".txt", ".md", ".text"}


@dataclass
class Article:
    """One input: where it came from, its text as read, and its publication date if given."""

    source: str
    text: str = ""
    published: str | None = None
    error: str | None = None


def decode(data: bytes) -> str:
    """Bytes of a text file as str; raises ValueError with a reason a user can act on."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ValueError("not valid UTF-8 text (binary?)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("not valid UTF-8 text (binary?)") from None


def read_path(path: Path, source: str, published: str | None) -> Article:
    """Read one file into an Article, recording the reason when it cannot be read."""
    try:
        text = decode(path.read_bytes())
    except (OSError, ValueError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        return Article(source=source, published=published, error=reason.lower() if isinstance(err, OSError) else reason)
    if not text.strip():
        return Article(source=source, published=published, error="empty file")
    return Article(source=source, text=text, published=published)


def expand(paths: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """Each argument as (source name, path), folders expanded recursively in sorted order."""
    for arg in paths:
        if arg == "-":
            yield "-", None
            continue
        path = Path(arg)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()):
                yield str(child), child
        else:
            yield arg, path


def iter_articles(paths: Iterable[str], published: str | None = None) -> Iterator[Article]:
    """Articles for every input argument; unreadable ones carry an error instead of text."""
    for source, path in expand(paths):
        if path is None:
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
            try:
                text = decode(data)
            except ValueError as err:
                yield Article(source="-", published=published, error=str(err))
                continue
            if not text.strip():
                yield Article(source="-", published=published, error="empty input")
            else:
                yield Article(source="-", text=text, published=published)
        elif not path.exists():
            yield Article(source=source, published=published, error="no such file or directory")
        else:
            yield read_path(path, source, published)
