"""Reading pipes, FIFOs and terminals: whole texts and lines, and a stop that always ends the wait."""
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from extractor.io.decoding import BINARY
from extractor.io.pipes import is_pipe, lines_of
from extractor.io.sources import file_lines, read_path, read_stdin

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo") or not hasattr(signal, "SIGUSR1"),
                                reason="needs named pipes and POSIX signals")
STALL_SECONDS = 30  # how long the writer holds the pipe open and silent before it gives up


@pytest.mark.parametrize("blocks, lines", [
    ([b"one\ntwo\n"], [b"one\n", b"two\n"]),
    ([b"one\ntw", b"o\nthree"], [b"one\n", b"two\n", b"three"]),
    ([b"a long ", b"", b"line\n"], [b"a long line\n"]),
    ([b"\n\n"], [b"\n", b"\n"]),
    ([], []),
], ids=["whole-lines", "line-across-blocks", "empty-block", "empty-lines", "nothing"])
def test_lines_of_blocks_keep_their_newlines(blocks, lines):
    assert list(lines_of(blocks)) == lines


def test_a_regular_file_is_not_a_pipe(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with open(path, "rb") as stream:
        assert not is_pipe(stream)


class Stop(Exception):
    pass


@pytest.fixture
def usr1_stops():
    def stop(signum, frame):
        raise Stop

    previous = signal.signal(signal.SIGUSR1, stop)
    yield
    signal.signal(signal.SIGUSR1, previous)


def _silent_writer(open_writer, text=b""):
    """A thread that opens the pipe's writing end, raises SIGUSR1 in itself and stays silent.

    A signal raised in another thread is the race a stop signal can lose: Python notes it for the
    main thread, but the main thread's read is not interrupted. Only a read that gives the
    interpreter control while it waits runs the handler before the writer gives up."""
    done, gave_up = threading.Event(), threading.Event()

    def write():
        fd = open_writer()
        try:
            os.write(fd, text)
            time.sleep(0.2)  # for the main thread to be waiting in its read
            signal.raise_signal(signal.SIGUSR1)
            if not done.wait(STALL_SECONDS):
                gave_up.set()
        finally:
            os.close(fd)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread, done, gave_up


def _stopped_while_stalled(read, open_writer, text=b""):
    thread, done, gave_up = _silent_writer(open_writer, text)
    try:
        with pytest.raises(Stop):
            read()
    finally:
        done.set()
        thread.join()
    return not gave_up.is_set()


@posix_only
def test_a_stop_ends_a_wait_on_a_stalled_named_pipe(tmp_path, usr1_stops):
    fifo = tmp_path / "stalled.txt"
    os.mkfifo(fifo)
    assert _stopped_while_stalled(lambda: read_path(fifo, "stalled.txt", None),
                                  lambda: os.open(fifo, os.O_WRONLY), b"The first half of a stor")


@posix_only
def test_a_stop_ends_a_wait_on_a_stalled_feed_pipe(tmp_path, usr1_stops):
    fifo = tmp_path / "stalled.jsonl"
    os.mkfifo(fifo)
    assert _stopped_while_stalled(lambda: list(file_lines(fifo)), lambda: os.open(fifo, os.O_WRONLY),
                                  b'{"id": "1", "text": "One story."}\n')


@posix_only
def test_a_stop_ends_a_wait_on_stalled_standard_input(monkeypatch, usr1_stops):
    reading, writing = os.pipe()
    with open(reading, "r", encoding="utf-8") as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        assert _stopped_while_stalled(lambda: read_stdin(None), lambda: writing)


@posix_only
def test_a_named_pipe_is_read_whole_as_it_comes(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    parts = [b"Jane Doe ", b"spoke on Monday.\n" * 5000]  # more than a pipe holds at once

    def write():
        with open(fifo, "wb", buffering=0) as stream:
            for part in parts:
                stream.write(part)

    thread = threading.Thread(target=write)
    thread.start()
    article = read_path(fifo, "story.txt", None)
    thread.join()
    assert article.error is None and article.text == b"".join(parts).decode()


@posix_only
def test_a_binary_device_is_refused_after_its_first_block(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("needs /dev/zero")
    article = read_path(Path("/dev/zero"), "/dev/zero", None)
    assert article.error == BINARY


@posix_only
def test_standard_input_from_a_pipe_is_read_line_by_line_to_its_end(monkeypatch):
    reading, writing = os.pipe()
    os.write(writing, b"Jane Doe spoke.\nShe left.")
    os.close(writing)
    with open(reading, "r", encoding="utf-8") as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        article = read_stdin(None)
    assert (article.error, article.text) == (None, "Jane Doe spoke.\nShe left.")
