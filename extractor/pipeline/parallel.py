"""Work spread over worker processes: results in input order, a bounded number in flight."""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, TypeVar

Item = TypeVar("Item")

# How long a stopped run waits for the pool to wind down, and then for killed workers to go.
STOP_GRACE = 1.0


def cpu_count() -> int:
    """Cores this process may run on (the affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def stops_held() -> Iterator[None]:
    """SIGINT and SIGTERM blocked inside the block, delivered when it ends (POSIX; elsewhere nothing).

    Around whatever starts threads or processes: the pool, numpy's BLAS threads (spaCy's import),
    Rich's refresh thread. They start with the signals blocked, so a signal to the process always
    lands in the main thread: one that landed in another thread would not wake a main thread
    blocked reading a pipe, and the run would never stop. And a stop in the middle of Pool()
    would leave a half-built pool that nothing stops, whose finalizer can hang the exit."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _start_worker(initializer: Callable[..., None], args: tuple) -> None:
    # Ctrl-C is the parent's to handle: it stops the pool; workers would only print tracebacks.
    # SIGTERM (from Pool.terminate, or sent to the whole group) ends a worker at once, quietly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # blocked while the pool was made: a held SIGTERM ends it here
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    initializer(*args)


def map_in_order(work: Callable[[Item], Any], items: Iterable[Item], jobs: int,
                 initializer: Callable[..., None], args: tuple = ()) -> Iterator[tuple[Item, Any]]:
    """(item, work(item)) pairs in input order, computed by jobs worker processes.

    Only 2 x jobs items are read ahead of the one being returned (Pool.imap would read the
    whole input at once), so memory stays flat however long the input is.
    """
    pool = None
    completed = False
    try:
        with stops_held():
            pool = multiprocessing.get_context().Pool(jobs, _start_worker, (initializer, args))
        pending: deque = deque()
        for item in items:
            pending.append((item, pool.apply_async(work, (item,))))
            if len(pending) >= 2 * jobs:
                item, result = pending.popleft()
                yield item, _result_of(result)
        while pending:
            item, result = pending.popleft()
            yield item, _result_of(result)
        completed = True
    finally:
        if completed:
            pool.close()
            pool.join()
        elif pool is not None:  # interrupted, a reader gone, an error: the workers' results are not wanted
            stop(pool)


# How long the main thread waits on a result before it looks for a stop signal again.
SIGNAL_CHECK = 0.2


def _result_of(result) -> Any:
    """result.get(), waited for in rounds: a stop signal that another thread received (Python runs
    its handler only in the main thread, between bytecodes) is handled within a round, where a
    wait without end could sleep through it for good."""
    while True:
        try:
            return result.get(timeout=SIGNAL_CHECK)
        except multiprocessing.TimeoutError:
            continue


def stop(pool) -> None:
    """Stop a pool within about 3 x STOP_GRACE seconds, whatever state its workers are in.

    Pool.terminate() can block for good when a worker is stopped while it holds the pool's
    queue lock; it runs in a daemon thread, and the workers still alive after the grace time
    are killed, which frees whatever they held. So is a worker the pool started again just before
    (it replaces one that ended): forked with SIGTERM still blocked, it would outlive terminate()'s
    SIGTERM, and the interpreter's exit would wait for it for good."""
    ending = threading.Thread(target=pool.terminate, daemon=True)
    ending.start()
    ending.join(STOP_GRACE)
    for worker in multiprocessing.active_children():  # the pool's workers: we start no other child
        worker.kill()
    ending.join(STOP_GRACE)
    for worker in multiprocessing.active_children():
        worker.join(STOP_GRACE)
