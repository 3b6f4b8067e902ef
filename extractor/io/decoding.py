"""Bytes → text, with a policy that keeps an article whenever its text can be recovered.

Policy (documented in the README, "Input" and "Bad input"):
- a UTF-32 or UTF-16 byte-order mark selects that encoding; the mark is not part of the text;
- NUL bytes otherwise mean binary data (only UTF-16/32 text holds them): refused;
- UTF-8 is read as UTF-8 (a UTF-8 byte-order mark is dropped);
- bytes that are not UTF-8 and hold control bytes are binary data: refused;
- UTF-8 but for a few bad sequences is read as UTF-8 with U+FFFD for each bad sequence, and
  a note naming their byte offsets: one broken byte never costs the article, and never turns
  the rest of a real UTF-8 text into mojibake; with many, a UTF-8 byte-order mark is refused;
- anything else is given to charset-normalizer, which names the legacy encoding (among its
  equally good guesses Windows-1252, the legacy encoding of Western news, is preferred);
  the result carries a note naming the encoding; when nothing fits, the input is refused.
Line endings are left alone ("\\r\\n" stays two characters) so that offsets index the text
exactly as it was decoded.
"""
from __future__ import annotations

import codecs
import re
from typing import NamedTuple, NoReturn

BINARY = "binary data (NUL bytes)"
CONTROL_BYTES = "binary data (control bytes)"
LEGACY_NOTE = "not UTF-8; read as Windows-1252 (detected by charset-normalizer)"

# Longest marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
          (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Control bytes that plain text does not contain (tab, newlines, form feed and escape are allowed).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# A well-formed multi-byte UTF-8 character: evidence that text with bad bytes is damaged UTF-8.
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# "A few": more bad sequences than this and the bytes are more likely another encoding.
_MAX_BAD_SEQUENCES = 10
_SHOWN_OFFSETS = 5
# C1 controls: what a legacy decoding that does not fit turns bytes 0x80-0x9f into.
_C1 = re.compile("[\x80-\x9f]")
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
    except UnicodeDecodeError as err:  # utf-8-sig counts from after the mark
        first_bad = err.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
    if _CONTROL.search(data):
        raise ValueError(CONTROL_BYTES)
    damaged = _damaged_utf8(data)
    if damaged is None and data.startswith(codecs.BOM_UTF8):  # it says it is UTF-8: never guess another
        _refuse(data, first_bad)
    return damaged or _detected(data) or _refuse(data, first_bad)


def bad_utf8_sequences(data: bytes, limit: int) -> list[tuple[int, int]]:
    """(start, end) byte offsets of the sequences that are not UTF-8, at most limit + 1 of them.

    Each is what Python's decoder (and errors="replace") takes as one bad sequence, so the
    list and the U+FFFD characters of data.decode("utf-8", "replace") correspond one to one.
    """
    bad: list[tuple[int, int]] = []
    position = 0
    while len(bad) <= limit:
        try:
            data[position:].decode("utf-8")
            break
        except UnicodeDecodeError as err:
            bad.append((position + err.start, position + err.end))
            position += err.end
    return bad


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 text with a few bad sequences, each as U+FFFD, noted by byte offset; else None."""
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    bad = [(a + start, b + start) for a, b in bad_utf8_sequences(data[start:], _MAX_BAD_SEQUENCES)]
    if len(bad) > _MAX_BAD_SEQUENCES:
        return None
    # The UTF-8 evidence: characters that decode, or bad sequences that are a UTF-8 character
    # cut short (a lead byte with its continuation bytes), which single-byte text rarely makes.
    characters = len(_UTF8_CHARACTER.findall(data, start))
    if characters < len(bad) and not all(end - begin > 1 for begin, end in bad):
        return None
    offsets = [str(begin) for begin, _ in bad[:_SHOWN_OFFSETS]]
    if len(bad) > _SHOWN_OFFSETS:
        offsets.append(f"{len(bad) - _SHOWN_OFFSETS} more")
    where = offsets[0] if len(offsets) == 1 else ", ".join(offsets[:-1]) + " and " + offsets[-1]
    plural = "s" if len(bad) > 1 else ""
    note = f"not valid UTF-8 at byte offset{plural} {where}; read as UTF-8 with U+FFFD for the bad bytes"
    return Decoded(data[start:].decode("utf-8", "replace"), note)


def _label(encoding: str) -> str:
    """A codec name as users know it: cp1252 → Windows-1252."""
    return f"Windows-{encoding[2:]}" if re.fullmatch(r"cp125\d", encoding) else encoding


def _detected(data: bytes) -> Decoded | None:
    """The text in the legacy encoding charset-normalizer detects, with a note naming it; else None."""
    from charset_normalizer import from_bytes  # imported only for the rare file that is not UTF-8

    candidates = []
    for match in from_bytes(data):  # best first: least "mess", then most coherent
        try:
            text = data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _C1.search(text):
            candidates.append((match.chaos, match.encoding, text))
    if not candidates:
        return None
    least_mess = candidates[0][0]
    # On a short text many single-byte encodings fit equally well (cp775 and cp1006 decode
    # "Café" without mess); the detector then picks by chance, so Windows-1252 breaks the tie.
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if any(chaos <= least_mess and (encoding == "cp1252" or text == western) for chaos, encoding, text in candidates):
        return Decoded(western, LEGACY_NOTE)
    _, encoding, text = candidates[0]
    return Decoded(text, f"not UTF-8; read as {_label(encoding)} (detected by charset-normalizer)")


def _refuse(data: bytes, first_bad: int) -> NoReturn:
    """Raise the reason for bytes that are neither (nearly) UTF-8 nor a detectable legacy encoding."""
    fits = "it has a UTF-8 byte-order mark" if data.startswith(codecs.BOM_UTF8) else "no other encoding fits"
    raise ValueError(f"not valid UTF-8 text (byte 0x{data[first_bad]:02x} at offset {first_bad}) "
                     f"and {fits}; save it as UTF-8")
