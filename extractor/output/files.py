"""Where results go: stdout, or a file that is replaced only when the run completes.

Two guarantees the CLI builds on: a Ctrl-C or SIGTERM never cuts an article's text in half (it is
held until the write ends), and `--output FILE` is written under a temporary name in
FILE's folder and renamed over FILE at the end (os.replace is atomic), so an interrupted
or failed run leaves the previous FILE as it was.
"""
from __future__ import annotations

import os
import signal
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


def output_problem(path: Path) -> str | None:
    """Why path cannot be an output file (a folder, a missing or read-only folder), else None."""
    if path.is_dir():
        return "is a directory"
    folder = path.parent
    if not folder.is_dir():
        return f"folder {str(folder)!r} does not exist"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"folder {str(folder)!r} is not writable"
    return None


def folder_problem(path: Path) -> str | None:
    """Why path cannot be an output folder (a file, a missing or read-only parent), else None."""
    if path.exists() and not path.is_dir():
        return "is not a directory"
    if path.is_dir():
        return None if os.access(path, os.W_OK | os.X_OK) else "is not writable"
    return output_problem(path)


def new_file_mode(path: Path) -> int:
    """The mode the file would get from a plain open(): the old file's, or 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def open_output(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or a temporary file beside path that replaces path only if the block completes."""
    if path is None:
        yield sys.stdout
        return
    temp = None
    try:
        with interrupts_held():  # a stop right after mkstemp must find temp named, to be removed below
            handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with open(handle, "w", encoding="utf-8") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, new_file_mode(path))
        os.replace(temp, path)
    finally:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)


HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold a SIGINT or SIGTERM that arrives inside the block and deliver it when the block ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = {signum: signal.getsignal(signum) for signum in HELD_SIGNALS}
    for signum, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(signum, lambda number, frame: held.append(number))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
    if held:
        # Delivered again, to whatever handles it outside: Stopped in the CLI, KeyboardInterrupt in Python.
        signal.raise_signal(held[0])


def silence_stdout() -> None:
    """Point stdout at /dev/null after its reader went away, so the exit flush cannot fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (tests): nothing to redirect
        pass
