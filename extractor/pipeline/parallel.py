"""Work spread over worker processes: results in input order, a bounded number in flight."""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from typing import Any, Callable, Iterable, Iterator, TypeVar

Item = TypeVar("Item")


def cpu_count() -> int:
    """Cores this process may run on (the affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _start_worker(initializer: Callable[..., None], args: tuple) -> None:
    # Ctrl-C is the parent's to handle: it stops the pool; workers would only print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    initializer(*args)


def map_in_order(work: Callable[[Item], Any], items: Iterable[Item], jobs: int,
                 initializer: Callable[..., None], args: tuple = ()) -> Iterator[tuple[Item, Any]]:
    """(item, work(item)) pairs in input order, computed by jobs worker processes.

    Only 2 x jobs items are read ahead of the one being returned (Pool.imap would read the
    whole input at once), so memory stays flat however long the input is.
    """
    with multiprocessing.get_context().Pool(jobs, _start_worker, (initializer, args)) as pool:
        pending: deque = deque()
        for item in items:
            pending.append((item, pool.apply_async(work, (item,))))
            if len(pending) >= 2 * jobs:
                item, result = pending.popleft()
                yield item, result.get()
        while pending:
            item, result = pending.popleft()
            yield item, result.get()
