"""Bytes → text: byte-order marks, UTF-8 with a few bad bytes, legacy encodings, binary data."""
import codecs

import pytest

from extractor.io.decoding import BINARY, LEGACY_NOTE, bad_utf8_sequences, decode

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
TEXT = "The Ministry of Defence signed a contract on 3 March 2025 – “a good deal”, said Dr Ana Müller."
REPLACED = "read as UTF-8 with U+FFFD for the bad bytes"


@pytest.mark.parametrize("data, text", [
    (TEXT.encode("utf-8"), TEXT),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT),
    (TEXT.encode("utf-16"), TEXT),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT),
    (TEXT.encode("utf-32"), TEXT),
    (b"line one\r\nline two\r\n", "line one\r\nline two\r\n"),
], ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf32-bom", "crlf-kept"])
def test_text_encodings_are_decoded_without_their_byte_order_mark(data, text):
    assert decode(data) == (text, None)


def test_one_broken_sequence_in_utf8_is_one_replacement_character_with_its_offset():
    data = "Minister José Núñez spoke … Bad ".encode("utf-8") + b"\xe2\x80" + b" byte."
    assert decode(data) == ("Minister José Núñez spoke … Bad \ufffd byte.",
                            f"not valid UTF-8 at byte offset 37; {REPLACED}")


def test_a_cut_utf8_character_in_ascii_text_is_not_read_as_windows_1252():
    # Before: "â€" (Windows-1252), turning the damaged UTF-8 into mojibake.
    data = b"Minister Jose Nunez spoke. Bad \xe2\x80 byte."
    assert decode(data) == ("Minister Jose Nunez spoke. Bad \ufffd byte.", f"not valid UTF-8 at byte offset 31; {REPLACED}")


def test_several_bad_sequences_are_all_named_and_offsets_count_the_byte_order_mark():
    data = codecs.BOM_UTF8 + "Ärzte \xe9".encode("utf-8") + b"\xff" + " und \xfc".encode("utf-8") + b"\xc3 ok\xe2\x82"
    text, note = decode(data)
    assert text == "Ärzte é\ufffd und ü\ufffd ok\ufffd"
    assert note == f"not valid UTF-8 at byte offsets 12, 20 and 24; {REPLACED}"
    assert [data[start:end] for start, end in bad_utf8_sequences(data, 10)] == [b"\xff", b"\xc3", b"\xe2\x82"]


def test_more_than_five_offsets_are_counted_not_listed():
    data = "Café ".encode("utf-8") * 10 + b"\xe2\x80 " * 7
    assert decode(data).note == f"not valid UTF-8 at byte offsets 60, 63, 66, 69, 72 and 2 more; {REPLACED}"


@pytest.mark.parametrize("text", [
    "Café talks in Zürich – “progress”, said Mr Núñez.",
    "Caf\u00e9 society.",
    "The Banco de España met Señor José Núñez on Tuesday.",
], ids=["cp1252-quotes", "short", "latin-1"])
def test_western_text_that_is_not_utf8_is_read_as_windows_1252_with_a_note(text):
    # charset-normalizer alone calls "Café" cp1006 or cp775: equally good guesses go to Windows-1252.
    assert decode(text.encode("cp1252")) == (text, LEGACY_NOTE)


@pytest.mark.parametrize("text, encoding, name", [
    ("Министр обороны России встретился с коллегами во вторник в Москве.", "cp1251", "Windows-1251"),
    ("東京で会談が行われた。首相は記者団に語った。", "shift_jis", "cp932"),
])
def test_other_legacy_encodings_are_detected_and_named(text, encoding, name):
    # Before: refused as "not valid UTF-8 text".
    assert decode(text.encode(encoding)) == (text, f"not UTF-8; read as {name} (detected by charset-normalizer)")


@pytest.mark.parametrize("data, reason", [
    (PNG, "binary data (NUL bytes)"),
    (b"plain text\x00with a NUL", BINARY),
    (b"caf\xe9 \x01\x02\x03 control bytes", "binary data (control bytes)"),
    (codecs.BOM_UTF8 + b"\xff\xfe" * 20, "not valid UTF-8 text (byte 0xff at offset 3) and it has a UTF-8 "
                                          "byte-order mark; save it as UTF-8"),
    (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "not valid UTF-16 text (bad bytes at offset 4)"),
], ids=["png", "nul", "controls", "utf8-bom-many-bad", "bad-utf16"])
def test_bytes_that_would_decode_to_garbage_are_refused_with_a_reason(data, reason):
    with pytest.raises(ValueError) as err:
        decode(data)
    assert str(err.value) == reason
