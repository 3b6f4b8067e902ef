"""Reading inputs: files, folders, feeds and stdin, and the reason for every failure."""
import codecs
import io
import os
import sys

import pytest

from extractor.io import sources
from extractor.io.decoding import BINARY, LEGACY_NOTE
from extractor.io.sources import iter_articles, read_path, read_stdin, walk_folder

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


@pytest.mark.parametrize("data, error", [
    (b"", "empty file"),
    (b" \n\t\r\n ", "only whitespace"),
    (codecs.BOM_UTF8, "empty file"),
    (PNG * 10000, BINARY),
], ids=["empty", "whitespace", "bom-only", "large-binary"])
def test_files_without_text_carry_a_reason(tmp_path, data, error):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    article = read_path(path, "x.txt", None)
    assert (article.error, article.text) == (error, "")


def test_utf16_file_longer_than_the_first_block_is_read_whole(tmp_path):
    text = "a" * 32766 + "😀 Dr Jane Doe spoke."  # the emoji's surrogate pair straddles the 64 KiB block
    path = tmp_path / "x.txt"
    path.write_bytes(text.encode("utf-16"))
    article = read_path(path, "x.txt", None)
    assert (article.error, article.text) == (None, text)


def test_a_file_is_read_with_its_note_and_publication_date(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("Caf\u00e9 society.".encode("latin-1"))
    article = read_path(path, "x.txt", "2026-02-05")
    assert (article.text, article.note, article.published, article.error) == ("Café society.", LEGACY_NOTE,
                                                                              "2026-02-05", None)


def test_missing_file_and_directory_are_reported_by_reason(tmp_path):
    assert read_path(tmp_path / "nope.txt", "nope.txt", None).error == "no such file or directory"
    assert read_path(tmp_path, "dir", None).error == "is a directory"


def test_unreadable_file_is_reported_as_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")

    def denied(file, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(sources, "open", denied, raising=False)
    assert read_path(path, "secret.txt", None).error == "permission denied"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_and_folder_with_real_permissions(tmp_path):
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.txt").write_text("text", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("text", encoding="utf-8")
    secret.chmod(0)
    (tmp_path / "closed").chmod(0)
    try:
        errors = {source: error for source, _, error in walk_folder(tmp_path)}
        assert errors[str(tmp_path / "closed")] == "permission denied"
        assert read_path(secret, "secret.txt", None).error == "permission denied"
    finally:
        (tmp_path / "closed").chmod(0o755)


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_other_files(tmp_path):
    (tmp_path / "b" / "notes.txt").mkdir(parents=True)  # a folder named like a file is walked, not read
    (tmp_path / "b" / "notes.txt" / "inner.md").write_text("x", encoding="utf-8")
    (tmp_path / "a.TXT").write_text("x", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(PNG)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "._a.txt").write_bytes(PNG)
    found = [(os.path.relpath(source, tmp_path), error) for source, _, error in walk_folder(tmp_path)]
    assert found == [("a.TXT", None), (os.path.join("b", "notes.txt", "inner.md"), None)]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loops_end_and_broken_links_are_reported(tmp_path):
    (tmp_path / "a.txt").write_text("The World Bank lent money.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)  # folder loop: followed once
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # file loop
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    articles = {os.path.basename(a.source): a.error for a in iter_articles([str(tmp_path)])}
    assert articles == {"a.txt": None, "gone.txt": "broken symbolic link",
                        "self.txt": "too many levels of symbolic links"}


def test_many_small_files_are_all_found_in_order(tmp_path):
    for i in range(10_000):
        (tmp_path / f"{i:05d}.txt").write_bytes(b"x")
    found = walk_folder(tmp_path)
    assert len(found) == 10_000
    assert [source for source, _, _ in found] == sorted(str(tmp_path / f"{i:05d}.txt") for i in range(10_000))


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize("data, text, error", [
    (b"", "", "empty input"),
    (b"\n\n", "", "only whitespace"),
    (codecs.BOM_UTF16_LE + "Hello".encode("utf-16-le"), "Hello", None),
    (PNG, "", BINARY),
])
def test_stdin_is_decoded_like_a_file(monkeypatch, data, text, error):
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    article = read_stdin(None)
    assert (article.source, article.text, article.error) == ("-", text, error)


def test_closed_stdin_is_an_error_not_a_crash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    assert read_stdin(None).error == "standard input is closed"
    closed = _Stdin(b"")
    closed.buffer.close()
    monkeypatch.setattr(sys, "stdin", closed)
    assert read_stdin(None).error == "standard input is closed"


def test_a_folder_without_articles_is_one_error_listing_the_suffixes_looked_for(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "map.png").write_bytes(PNG)
    for folder in ("empty", "images"):
        articles = list(iter_articles([str(tmp_path / folder)]))
        assert [(a.source, a.error) for a in articles] == [
            (str(tmp_path / folder), "no articles found (looked for .txt, .md, .text, .html, .htm)")]


def test_a_folder_of_feeds_says_how_to_read_them(tmp_path):
    (tmp_path / "wire").mkdir()
    for name in ("b.jsonl", "a feed.jsonl"):
        (tmp_path / "wire" / name).write_text('{"text": "Dr Ana Ruiz spoke."}\n', encoding="utf-8")
    [article] = iter_articles([str(tmp_path / "wire")])
    assert article.error == ("no articles found (looked for .txt, .md, .text, .html, .htm); its .jsonl feeds are read when "
                             f"named: extract '{tmp_path / 'wire' / 'a feed.jsonl'}' {tmp_path / 'wire' / 'b.jsonl'}")
    for name in ("c.jsonl", "d.jsonl"):
        (tmp_path / "wire" / name).write_text("", encoding="utf-8")
    [article] = iter_articles([str(tmp_path / "wire")])
    assert article.error.endswith(f"{tmp_path / 'wire' / 'c.jsonl'} … (4 feeds)")


@pytest.mark.parametrize("data, error", [(b"", "empty file"), (b"\n  \n\r\n", "only whitespace")])
def test_a_feed_without_articles_is_an_error_like_an_empty_text_file(tmp_path, data, error):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(data)
    assert [(a.source, a.error) for a in iter_articles([str(feed)])] == [(str(feed), error)]


def test_bad_feed_lines_name_the_file_the_line_and_the_id(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"id": "a1", "text": "Mr Omar Haddad spoke."}\n'
                     b'{"id": "a2", "text": \n'
                     b'\n'
                     b'{"id": "a3", "text": " "}\n'
                     b'{"id": "a4", "body": "no text"}\n'
                     b'{"id": 5, "text": "Ms Ines Duarte spoke.", "published": "Tuesday"}\n'
                     b'{"text": 7}\n'
                     b'["a list"]\n'
                     b'{"id": "a8", "text": "caf\xe9"}\n')
    errors = [(a.source, a.error) for a in iter_articles([str(feed)]) if a.error]
    where = str(feed)
    assert errors == [
        (f"{where}:2", "not valid JSON (Expecting value)"),
        (f"{where}:4", "empty text (id a3)"),
        (f"{where}:5", '"text" is missing (id a4)'),
        (f"{where}:6", "\"published\": 'Tuesday' is not a date (YYYY-MM-DD) (id 5)"),
        (f"{where}:7", '"text" is not a string'),
        (f"{where}:8", "not a JSON object"),
        (f"{where}:9", "not valid UTF-8 (byte 0xe9 at offset 25 of the line)"),
    ]


FEED = b'{"id": "w1", "text": "Dr Ana Ruiz spoke."}\n\n{"id": "w2", "text": "Mr Li Wei spoke."}\n'


@pytest.mark.parametrize("data, sources, errors", [
    (FEED, ["w1", "w2"], [None, None]),
    (codecs.BOM_UTF8 + FEED, ["w1", "w2"], [None, None]),
    (b"{Updated} Dr Ana Ruiz spoke.\n{and again}\n", ["-"], [None]),
    (b'Dr Ana Ruiz said:\n{"text": "x"}\n', ["-"], [None]),
    (b'{"id": "w1", "text": "Dr Ana Ruiz spoke."}\n{"id": "w2", "txt": "Mr Li Wei"}\n', ["-"],
     ['looks like a JSONL feed, but line 2: "text" is missing (id w2); use --input-format jsonl to read it as a '
      "feed (each bad line an error) or --input-format text to read it as one article"]),
    (b'{"id": "w1", "text": "Dr Ana Ruiz spoke."}\nand then prose\n', ["-"],
     ["looks like a JSONL feed, but line 2: not valid JSON (Expecting value); use --input-format jsonl to read it as "
      "a feed (each bad line an error) or --input-format text to read it as one article"]),
], ids=["feed", "feed-bom", "text-with-braces", "text-then-json", "almost-feed", "feed-then-prose"])
def test_stdin_is_read_as_a_feed_when_every_line_is_a_record(monkeypatch, data, sources, errors):
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    articles = list(iter_articles(["-"]))
    assert ([a.source for a in articles], [a.error for a in articles]) == (sources, errors)


def test_stdin_sniffing_reads_only_the_first_lines_and_a_later_bad_line_is_a_feed_error(monkeypatch):
    lines = [b'{"id": "%d", "text": "Dr Ana Ruiz spoke."}\n' % n for n in range(100)]
    lines[80] = b"{broken\n"
    monkeypatch.setattr(sys, "stdin", _Stdin(b"".join(lines)))
    articles = list(iter_articles(["-"]))
    assert len(articles) == 100 and articles[-1].source == "99"
    assert [(a.source, a.error) for a in articles if a.error] == [
        ("-:81", "not valid JSON (Expecting property name enclosed in double quotes)")]


def test_stdin_as_text_is_never_sniffed_and_makes_the_count_unknown_only_under_auto(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin(FEED))
    assert [a.source for a in iter_articles(["-"], input_format="text")] == ["-"]
    assert sources.count_articles(["-"], "text") == 1
    assert sources.count_articles(["-"]) is None
