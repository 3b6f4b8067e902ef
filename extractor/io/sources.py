"""Inputs: files, folders (recursive), stdin, web pages → Article records in input order."""
from __future__ import annotations

import codecs
import datetime as dt
import gzip
import itertools
import json
import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .decoding import BINARY, decode, has_unpaired_surrogate, looks_binary
from .html import HTML_SUFFIXES, is_html_name, looks_like_html, read_page, too_large
from .pipes import is_pipe, pipe_blocks, stream_lines

TEXT_SUFFIXES = (".txt", ".md", ".text")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES  # the files a folder is searched for, in the order messages list them
FEED_SUFFIX = ".jsonl"
FEED_ENDINGS = (".jsonl", ".jsonl.gz")  # a feed, or a feed compressed with gzip
# Read this much first: a NUL byte in it stops reading binaries (and /dev/zero) early.
_SNIFF_BYTES = 1 << 16
# Standard input is a feed when its first lines (this many, or this many bytes) all are feed records.
_SNIFF_LINES = 64
_SNIFF_LINE_BYTES = 1 << 20
_SHOWN_FEEDS = 3


@dataclass
class Article:
    """One input: where it came from, its text as read, and its publication date if given."""

    source: str
    text: str = ""
    published: str | None = None
    error: str | None = None
    note: str | None = None  # how the text was decoded, when that is worth telling the user
    page: dict | None = None  # a web page's title, url and published_source, for its article object


def _reason(err: OSError) -> str:
    """An OSError as a short lower-case reason ("permission denied")."""
    return (err.strerror or str(err)).lower()


def _read_bytes(path: Path) -> bytes:
    """The bytes of a file; a binary file is refused after its first block."""
    with open(path, "rb") as stream:
        if is_pipe(stream):
            return _pipe_bytes(stream.fileno())
        head = stream.read(_SNIFF_BYTES)
        if looks_binary(head):
            raise ValueError(BINARY)
        return head + stream.read()


def _pipe_bytes(fd: int) -> bytes:
    """What a named pipe or device gives until its end; a binary one is refused after its first block."""
    blocks = pipe_blocks(fd)
    head = bytearray()
    for block in blocks:
        head += block
        if len(head) >= _SNIFF_BYTES:
            break
    if looks_binary(bytes(head[:_SNIFF_BYTES])):
        raise ValueError(BINARY)
    return bytes(head) + b"".join(blocks)


def article_from_bytes(data: bytes, source: str, published: str | None, input_format: str = "text") -> Article:
    """Decode the bytes of one input into an Article, or an Article carrying the reason it failed.

    input_format "html" reads them as a web page, "auto" when they start like one, "text" never.
    """
    if input_format == "html" or (input_format == "auto" and (is_html_name(source) or looks_like_html(data))):
        return article_from_page(data, source, published)
    try:
        decoded = decode(data)
    except ValueError as err:
        return Article(source=source, published=published, error=str(err))
    if not decoded.text.strip():
        empty = "empty input" if source == "-" else "empty file"
        return Article(source=source, published=published, error=empty if not decoded.text else "only whitespace")
    return Article(source=source, text=decoded.text, published=published, note=decoded.note)


def article_from_page(data: bytes, source: str, published: str | None) -> Article:
    """A web page's bytes as an Article of its main text, or an Article carrying the reason it has none."""
    try:
        page = read_page(data)
    except ValueError as err:
        return Article(source=source, published=published, error=str(err))
    except Exception as err:  # noqa: BLE001  (a page that trips the HTML libraries must cost that page only)
        return Article(source=source, published=published, error=f"cannot read the page ({type(err).__name__}: {err})")
    # "header line" is decided once the text is read: see output.facts.with_input_fields.
    origin = "option" if published else "page-metadata" if page.published else None
    return Article(source=source, text=page.text, published=published or page.published, note=page.note,
                   page={"title": page.title, "url": page.url, "published_source": origin})


def read_path(path: Path, source: str, published: str | None, input_format: str = "text") -> Article:
    """Read one file into an Article, recording the reason when it cannot be read.

    input_format as for article_from_bytes; a page too large is refused before it is read.
    """
    try:
        if input_format == "html" or (input_format == "auto" and is_html_name(path.name)):
            reason = too_large(path.stat().st_size)
            if reason:
                raise ValueError(reason)
        data = _read_bytes(path)
    except ValueError as err:
        return Article(source=source, published=published, error=str(err))
    except OSError as err:
        reason = "broken symbolic link" if isinstance(err, FileNotFoundError) and path.is_symlink() else _reason(err)
        return Article(source=source, published=published, error=reason)
    return article_from_bytes(data, source, published, input_format)


def _stdin_bytes() -> Iterator[bytes]:
    """Standard input line by line, as bytes; OSError when it is closed or cannot be read."""
    if sys.stdin is None:
        raise OSError(0, "standard input is closed")
    try:
        if hasattr(sys.stdin, "buffer"):
            yield from stream_lines(sys.stdin.buffer)
        else:
            yield sys.stdin.read().encode()
    except ValueError:  # reading a closed file object
        raise OSError(0, "standard input is closed") from None


def read_stdin(published: str | None, input_format: str = "text") -> Article:
    """Standard input as one Article ("-"), or the reason it cannot be read; "html": as a web page."""
    try:
        data = b"".join(_stdin_bytes())
    except OSError as err:
        return Article(source="-", published=published, error=_reason(err))
    return article_from_bytes(data, "-", published, input_format)


def read_stdin_sniffed(published: str | None) -> Iterator[Article]:
    """Standard input as a JSONL feed when its first lines are feed records, else as one Article.

    Input that starts like a feed but has a line that is not a record is refused with a
    reason that names --input-format, rather than read as one article of JSON.
    """
    lines = _stdin_bytes()
    head: list[bytes] = []
    try:
        verdict = _sniff(lines, head)
        if verdict is None:
            yield from read_feed_lines(itertools.chain(head, lines), "-", published)
            return
        if verdict:
            yield Article(source="-", published=published, error=verdict)
            return
        data = b"".join(itertools.chain(head, lines))
    except OSError as err:
        yield Article(source="-", published=published, error=_reason(err))
        return
    yield article_from_bytes(data, "-", published, "auto")


def _sniff(lines: Iterator[bytes], head: list[bytes]) -> str | None:
    """Read the first lines into head: None for a feed, "" for text (or a page), else why it is almost a feed."""
    records, objects, size = 0, 0, 0
    problems: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        head.append(line)
        size += len(line)
        if not line.strip():
            continue
        if not records and not problems and not line.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
            return ""  # its first line is not a JSON object: text
        record, reason = parse_feed_line(line, number)
        if record is not None:
            records += 1
        else:
            problems.append((number, reason))
            objects += reason.startswith('"text"')  # an object, only without its text
        if records + len(problems) >= _SNIFF_LINES or size >= _SNIFF_LINE_BYTES:
            break
    if not problems:
        return None if records else ""
    if not records and not objects:
        return ""  # text that happens to start with "{"
    number, reason = problems[0]
    return (f"looks like a JSONL feed, but line {number}: {reason}; use --input-format jsonl to read it as a "
            "feed (each bad line an error) or --input-format text to read it as one article")


def walk_folder(folder: Path) -> list[tuple[str, Path, str | None]]:
    """(source, path, error) for the text files and web pages under folder, recursively, sorted by path.

    Symlinked folders are followed, each real folder once, so a symlink loop ends; hidden
    files and folders (".git", "._x.txt") are skipped; an unreadable folder is one error.
    """
    return _walk(folder)[0]


def _walk(folder: Path) -> tuple[list[tuple[str, Path, str | None]], list[Path]]:
    """walk_folder's list, and the JSONL feeds it passed over (sorted), which are read only when named."""
    found: list[tuple[str, Path, str | None]] = []
    feeds: list[Path] = []
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
            elif path.suffix.lower() in ARTICLE_SUFFIXES:
                found.append((str(path), path, None))
            elif is_feed_name(path):
                feeds.append(path)
    return sorted(found, key=lambda item: item[0]), sorted(feeds)


def no_articles(feeds: list[Path]) -> str:
    """Why a folder gives no article: what was looked for, and how to read the feeds it holds."""
    looked = f"no articles found (looked for {', '.join(ARTICLE_SUFFIXES)})"
    if not feeds:
        return looked
    named = " ".join(shlex.quote(str(feed)) for feed in feeds[:_SHOWN_FEEDS])
    more = f" … ({len(feeds)} feeds)" if len(feeds) > _SHOWN_FEEDS else ""
    return f"{looked}; its {FEED_SUFFIX} feeds are read when named: extract {named}{more}"


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
            found, feeds = _walk(path)
            yield from found or [(arg, path, no_articles(feeds))]
        else:
            yield arg, path, None


def _feed_date(value: object) -> str:
    """A feed's "published" as YYYY-MM-DD (a timestamp keeps its date); ValueError otherwise."""
    if not isinstance(value, str):
        raise ValueError
    return dt.date.fromisoformat(value[:10]).isoformat()


_NOT_JSON_OBJECT = "not a JSON object"


def parse_feed_line(line: bytes, number: int) -> tuple[dict | None, str | None]:
    """A feed line as (record, None) when it is a JSON object with a "text" string, else (None, reason)."""
    try:
        record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as err:
        return None, f"not valid UTF-8 (byte 0x{line[err.start]:02x} at offset {err.start} of the line)"
    except json.JSONDecodeError as err:
        return None, f"not valid JSON ({err.msg})"
    if not isinstance(record, dict):
        return None, _NOT_JSON_OBJECT
    if not isinstance(record.get("text"), str):
        what = '"text" is missing' if record.get("text") is None else '"text" is not a string'
        return None, what + _id_note(record)
    return record, None


def _id_note(record: dict) -> str:
    """' (id X)' naming a record's id in an error, or '' when it has none."""
    if record.get("id") is None:
        return ""
    label = str(record["id"])
    if has_unpaired_surrogate(label):  # printable on any stderr
        label = label.encode("utf-8", "backslashreplace").decode("utf-8")
    return f" (id {label})"


def article_from_feed_line(line: bytes, name: str, number: int, published: str | None) -> Article | None:
    """One JSONL feed line {"id", "text", "published"} as an Article (source = id); None if blank.

    A line that fails is named FILE:LINE, with the record's id when it has one: the id
    alone would not say where to look.
    """
    if not line.strip():
        return None
    where = f"{name}:{number}"
    record, reason = parse_feed_line(line, number)
    if record is None:
        return Article(source=where, published=published, error=reason)
    return article_from_record(record, where, published)


def article_from_record(record: dict, where: str, published: str | None = None) -> Article:
    """A {"id", "text", "published"} record (its "text" a str) as an Article; where names it
    when it has no id, and in errors. published, when given, overrides the record's."""
    if published is None and record.get("published") is not None:
        try:
            published = _feed_date(record["published"])
        except ValueError:
            return Article(source=where, error=f'"published": {record["published"]!r} is not a date (YYYY-MM-DD)'
                                               + _id_note(record))
    if not record["text"].strip():
        return Article(source=where, published=published, error="empty text" + _id_note(record))
    if has_unpaired_surrogate(record["text"]):  # spaCy's tokenizer cannot hash it
        return Article(source=where, published=published,
                       error='"text" has an unpaired surrogate escape' + _id_note(record))
    source = str(record["id"]) if record.get("id") is not None else where
    return Article(source=source, text=record["text"], published=published)


def is_feed_name(path: Path) -> bool:
    """Whether a file's name says it is a JSONL feed (.jsonl, or .jsonl.gz)."""
    return path.name.lower().endswith(FEED_ENDINGS)


def file_lines(path: Path) -> Iterator[bytes]:
    """The lines of a feed file as bytes, a .gz one decompressed; OSError when it cannot be read to its end."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as stream:
        try:
            yield from stream_lines(stream) if opener is open else stream  # a .gz stream's descriptor holds compressed bytes
        except EOFError:  # a .gz cut short: an OSError for read_feed_lines, which names the line
            raise OSError("compressed file ended early (truncated .gz)") from None


def read_feed(path: Path | None, name: str, published: str | None) -> Iterator[Article]:
    """The articles of a JSONL feed file (None: stdin), streamed line by line."""
    return read_feed_lines(_stdin_bytes() if path is None else file_lines(path), name, published)


def read_feed_lines(lines: Iterable[bytes], name: str, published: str | None,
                    first: int = 1, whole: bool = True) -> Iterator[Article]:
    """The articles of a JSONL feed's lines, numbered from first; a whole feed without any is one error,
    as an empty text file is (whole=False: the lines are a part of a feed, which may have none)."""
    number, size = first - 1, 0
    given = False
    try:
        for number, line in enumerate(lines, start=first):
            size += len(line)
            article = article_from_feed_line(line, name, number, published)
            if article is not None:
                given = True
                yield article
    except OSError as err:
        yield Article(source=f"{name}:{number + 1}" if number else name, published=published, error=_reason(err))
        return
    if whole and not given:
        yield empty_feed(name, published, size)


def empty_feed(name: str, published: str | None, size: int) -> Article:
    """The error of a feed of size bytes that holds no article."""
    empty = "empty input" if name == "-" else "empty file"
    return Article(source=name, published=published, error=empty if not size else "only whitespace")


def is_feed(path: Path | None, input_format: str) -> bool:
    """Whether an input (None: stdin) is read as a JSONL feed of articles."""
    return input_format == "jsonl" or (input_format == "auto" and path is not None and is_feed_name(path))


def count_articles(paths: Iterable[str], input_format: str = "auto") -> int | None:
    """How many articles iter_articles will give, or None when a JSONL feed makes it unknown."""
    inputs = list(expand(paths))
    if any(is_feed(path, input_format) or (path is None and input_format == "auto") for _, path, _ in inputs):
        return None  # stdin under "auto" may turn out to be a feed
    return len(inputs)


def iter_articles(paths: Iterable[str], published: str | None = None, input_format: str = "auto") -> Iterator[Article]:
    """Articles for every input argument; unreadable ones carry an error instead of text.

    input_format "jsonl" reads every file and stdin as a JSONL feed, "text" none, and
    "auto" the files whose name ends in .jsonl, and stdin when its lines are feed records;
    "html" reads every file and stdin as a web page, and "auto" the .html and .htm files and
    the inputs that start like an HTML document.
    """
    for source, path, error in expand(paths):
        if error is not None:
            yield Article(source=source, published=published, error=error)
        elif is_feed(path, input_format):
            yield from read_feed(path, source, published)
        elif path is None and input_format == "auto":
            yield from read_stdin_sniffed(published)
        elif path is None:
            yield read_stdin(published, input_format)
        else:
            yield read_path(path, source, published, input_format)
