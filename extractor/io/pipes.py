"""Reading pipes, FIFOs and terminals so that a stop signal always ends the wait.

Python runs a signal's handler when the interpreter next gets control. A signal that lands
just before a blocking read() starts, after the interpreter's last look, is noted but not
acted on, and a read from a stalled pipe never gives control back: Ctrl-C or SIGTERM would be
ignored until the writer writes. So reads from such inputs first wait in short select()
rounds, and between two rounds the interpreter runs whatever handler is due.
"""
from __future__ import annotations

import os
import select
import stat
from typing import IO, Iterable, Iterator

BLOCK_BYTES = 1 << 16
_ROUND_SECONDS = 0.2  # the longest a stop waits, in the worst case, before its handler runs


def is_pipe(stream: IO) -> bool:
    """Whether a stream's reads can wait for a writer: a pipe, FIFO, socket or terminal (POSIX)."""
    if os.name != "posix":
        return False
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError, AttributeError):  # no file descriptor (a test's stdin): nothing to wait on
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


def pipe_blocks(fd: int) -> Iterator[bytes]:
    """The bytes of a file descriptor as they come, until its end; a stop signal ends any wait."""
    while True:
        while not select.select([fd], [], [], _ROUND_SECONDS)[0]:
            pass
        block = os.read(fd, BLOCK_BYTES)
        if not block:
            return
        yield block


def stream_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The lines of a binary stream; from a pipe, read so that a stop signal ends any wait."""
    return lines_of(pipe_blocks(stream.fileno())) if is_pipe(stream) else iter(stream)


def lines_of(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """Lines, each with its newline (the last one may have none), from blocks of bytes."""
    rest = b""
    for block in blocks:
        rest += block
        if b"\n" not in block:
            continue
        *lines, rest = rest.split(b"\n")
        for line in lines:
            yield line + b"\n"
    if rest:
        yield rest
