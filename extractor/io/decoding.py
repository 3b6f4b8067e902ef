"""Bytes → text, with a policy that never produces garbage: decode, or refuse with a reason.

Policy (documented in the README, "Bad input"):
- a UTF-32 or UTF-16 byte-order mark selects that encoding; the mark is not part of the text;
- otherwise the bytes must be UTF-8 (a UTF-8 byte-order mark is dropped);
- bytes that are not UTF-8 are read as Windows-1252 (a superset of Latin-1) only when they
  look like Western European text: no control bytes, no UTF-8 sequences (which would mean
  a damaged UTF-8 file, not Latin-1), few non-ASCII bytes and never three in a row (accented
  letters sit among ASCII ones), none undefined in Windows-1252;
  the result carries a note saying so;
- anything else is refused: NUL or other control bytes as "binary?", the rest with the
  offset of the first byte that is not UTF-8.
Line endings are left alone ("\\r\\n" stays two characters) so that offsets index the text
exactly as `open(path, encoding=..., newline="")` reads it.
"""
from __future__ import annotations

import codecs
import re
from typing import NamedTuple

BINARY = "not valid UTF-8 text (binary?)"
LEGACY_NOTE = "not UTF-8; read as Windows-1252 (Latin-1)"

# Longest marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
          (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Control bytes that plain text does not contain (tab, newlines, form feed and escape are allowed).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# A well-formed multi-byte UTF-8 character: its presence means UTF-8 text with damage, not Latin-1.
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]{3}")
# Western European text has a few accented letters and typographic quotes, not a majority.
_MAX_NON_ASCII_SHARE = 0.2
_SURROGATE = re.compile("[\ud800-\udfff]")


class Decoded(NamedTuple):
    """Text read from bytes, and a note for the user when it was not plain UTF-8."""

    text: str
    note: str | None = None


def looks_binary(data: bytes) -> bool:
    """Whether data (or its first block) is binary: a NUL byte, which only UTF-16/32 text holds."""
    return b"\x00" in data and not data.startswith(tuple(mark for mark, _ in _MARKS))


def has_unpaired_surrogate(text: str) -> bool:
    """Whether text holds a lone surrogate (a JSON "\\ud800" escape makes one): no UTF can encode it."""
    return _SURROGATE.search(text) is not None


def decode(data: bytes) -> Decoded:
    """Bytes of a text file as text; raises ValueError with a reason a user can act on."""
    for mark, encoding in _MARKS:
        if data.startswith(mark):
            try:
                return Decoded(data[len(mark):].decode(encoding))
            except UnicodeDecodeError as err:
                name = encoding[:-3].upper()
                raise ValueError(f"not valid {name} text (bad bytes at offset {err.start + len(mark)})") from None
    if looks_binary(data):
        raise ValueError(BINARY)
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        return _legacy(data, err)


def _legacy(data: bytes, err: UnicodeDecodeError) -> Decoded:
    """Windows-1252 text, or ValueError when the bytes do not look like it."""
    if _CONTROL.search(data):
        raise ValueError(BINARY)
    invalid = f"not valid UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})"
    if (_UTF8_CHARACTER.search(data) or _NON_ASCII_RUN.search(data)
            or len(_NON_ASCII.findall(data)) > _MAX_NON_ASCII_SHARE * len(data)):
        raise ValueError(invalid)
    try:
        return Decoded(data.decode("cp1252"), LEGACY_NOTE)
    except UnicodeDecodeError:
        raise ValueError(invalid) from None
