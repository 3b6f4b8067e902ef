"""Web pages → article text: the main text and title (trafilatura), the canonical URL and the
original publication date (htmldate, through trafilatura's metadata step).

trafilatura and htmldate take about 0.3 s to import, so they are imported only when a page is
read; a run on text files never loads them.

Policy (README, "Web pages"):
- the text is the page's headline, then each block of its main text (paragraph, heading, list
  item, table row), separated by blank lines as a plain-text article's paragraphs are; navigation,
  menus, cookie banners, related links, comments and footers are left out;
- trafilatura runs in its precision mode without its fallback extractors, which on a login wall
  or an index page would return the menus and links as text: such a page has no article text;
- bytes are decoded by a byte-order mark, else the charset the page declares in a <meta> tag
  (ISO-8859-1 and ASCII meaning Windows-1252, as browsers read them), else as a text file is.
"""
from __future__ import annotations

import codecs
import logging
import math
import re
from typing import NamedTuple

from .decoding import Decoded, decode

HTML_SUFFIXES = (".html", ".htm")
MAX_PAGE_BYTES = 20_000_000  # trafilatura's own MAX_FILE_SIZE: it refuses larger pages
NO_TEXT = "no article text found"

_DOCTYPE = re.compile(rb"\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
# The HTML standard's prescan looks at the first 1024 bytes; pages with long <head>s put it later.
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# Labels that browsers decode as Windows-1252 (the WHATWG Encoding Standard): pages that say
# ISO-8859-1 routinely hold its curly quotes and dashes in bytes 0x80-0x9f.
_WINDOWS_1252 = {"latin1", "iso8859-1", "iso-8859-1", "iso_8859-1", "l1", "cp819", "ibm819", "ascii", "us-ascii",
                 "windows-1252", "cp1252", "x-cp1252"}
# htmldate's extensive search falls back to the copyright year, or any year the page names, as
# 1 January of it: a wrong day that every relative date would be resolved against. Its default
# search reads meta tags, JSON-LD, the URL, <time> elements and dates written like timestamps.
_DATE_SEARCH = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


class Page(NamedTuple):
    """What a web page gives: its article text, title, URL and publication date (None when not found)."""

    text: str
    title: str | None
    url: str | None
    published: str | None
    note: str | None = None


def is_html_name(name: str) -> bool:
    """Whether a file's name says it is a web page (.html, .htm)."""
    return name.lower().endswith(HTML_SUFFIXES)


def looks_like_html(data: bytes) -> bool:
    """Whether data starts (after a UTF-8 byte-order mark and white space) like an HTML document."""
    return _DOCTYPE.match(data.removeprefix(codecs.BOM_UTF8)) is not None


def too_large(size: int) -> str | None:
    """The reason a page of size bytes is refused, or None."""
    if size <= MAX_PAGE_BYTES:
        return None
    return f"page too large ({math.ceil(size / 100_000) / 10} MB > {MAX_PAGE_BYTES // 1_000_000} MB)"  # never "20 > 20"


def declared_encoding(data: bytes) -> str | None:
    """The Python codec of the charset a page's <meta> declares near its start, or None."""
    match = _META_CHARSET.search(data, 0, _PRESCAN_BYTES)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_page(data: bytes) -> Decoded:
    """The bytes of a page as text; raises ValueError with the reason, as decoding.decode does."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = declared_encoding(data)
        if encoding:
            try:
                return Decoded(data.decode(encoding))
            except UnicodeDecodeError:
                pass  # the page misstates its charset: read it as any text is
    return decode(data)


def _quiet_loggers() -> None:
    # Both libraries log "discarding data" and the like at WARNING; without a handler of their
    # own, Python would print those on stderr, where one line per problem is all we write.
    for name in ("trafilatura", "htmldate", "courlan"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == b.casefold()


def article_text(title: str | None, main_text: str) -> str:
    """The text of a page's article: its title, then each line of the main text, a blank line apart."""
    blocks = [line.strip() for line in main_text.splitlines() if line.strip()]
    if title and not (blocks and _same(blocks[0], title)):
        blocks.insert(0, title)
    return "\n\n".join(blocks)


def read_page(data: bytes) -> Page:
    """The article of a web page's bytes; raises ValueError with the reason when it has none."""
    reason = too_large(len(data))
    if reason:
        raise ValueError(reason)
    decoded = decode_page(data)
    _quiet_loggers()
    from trafilatura import bare_extraction  # only once a page is read: see the module docstring

    html = decoded.text
    if "html" not in html[:50].lower():  # trafilatura takes a fragment without <html> for no HTML at all
        html = f"<html><body>{html}</body></html>"
    document = bare_extraction(html, favor_precision=True, fast=True, include_comments=False,
                               with_metadata=True, date_extraction_params=_DATE_SEARCH)
    if document is None or not (document.text or "").strip():
        raise ValueError(NO_TEXT)
    title = " ".join((document.title or "").split()) or None
    return Page(article_text(title, document.text), title, document.url or None, document.date or None, decoded.note)
