"""--cluster: batches of articles run on a Dask cluster, their results streamed back in input order.

The client reads the inputs as a local run does (streamed, never whole) and submits batches of
articles as tasks; only 2 x the cluster's threads batches are in flight, so the client's memory
stays flat. Each worker process builds the pipeline once (get_pipeline is cached per process).
A worker that dies loses nothing: the scheduler reruns its tasks elsewhere, and each result is
taken once, in order, so every article appears exactly once.
"""
from __future__ import annotations

import logging
import signal
import threading
from collections import deque
from typing import Any, Iterable, Iterator

from ..io.sources import Article
from .build import batches, get_pipeline, objects_of, with_errors
from .parallel import cpu_count

CONNECT_TIMEOUT = "3s"  # then one clear line: a run that waits on a dead scheduler helps nobody
INSTALL = "pip install 'extractor[dask]'"


class ClusterError(Exception):
    """A cluster that cannot be used: Dask missing, a bad address, a scheduler out of reach."""


class Cluster:
    """A Dask client for 'local', 'local:N' (a LocalCluster of N worker processes) or a scheduler address."""

    def __init__(self, address: str):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ClusterError(f"--cluster needs Dask, which is not installed: {INSTALL}") from None
        self.local = None
        if address == "local" or address.startswith("local:"):
            workers = address.partition(":")[2]
            if workers and not (workers.isdigit() and int(workers) > 0):
                raise ClusterError(f"--cluster {address}: N in local:N must be a whole number above 0")
            # The workers are in our process group: Ctrl-C there would print their tracebacks. They
            # inherit an ignored SIGINT; the run stops them when it stops. A Ctrl-C in these
            # seconds of start-up is lost, as it would be to any program still starting.
            ignored = signal.signal(signal.SIGINT, signal.SIG_IGN) if _main_thread() else None
            try:
                # One thread per worker process: the pipeline holds the GIL, threads would only queue.
                self.local = LocalCluster(n_workers=int(workers or cpu_count()), threads_per_worker=1,
                                          processes=True, dashboard_address=":0",  # any free port: 8787 may be taken
                                          silence_logs=logging.CRITICAL)  # a cancelled task, a closing heartbeat: no news
            finally:
                if ignored is not None:
                    signal.signal(signal.SIGINT, ignored)
            self.client = Client(self.local)
        else:
            try:
                self.client = Client(address, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as err:
                raise ClusterError(f"--cluster {address}: cannot reach the scheduler ({err})") from None

    def threads(self) -> int:
        """Worker threads in the cluster now (at least 1)."""
        return max(1, sum(self.client.nthreads().values()))

    def prepare(self, options: tuple) -> None:
        """Have every worker build the pipeline now, while the client still starts up (nothing waits for it)."""
        from distributed import fire_and_forget

        for worker in self.client.scheduler_info()["workers"]:
            fire_and_forget(self.client.submit(_build_pipeline, options, workers=[worker], pure=False))

    def close(self) -> None:
        """Let go of the cluster; one we started is shut down, a scheduler we joined keeps running."""
        self.client.close()
        if self.local is not None:
            self.local.close()

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _build_pipeline(options: tuple) -> None:
    get_pipeline(*options)


def _run_batch(articles: list[Article], options: tuple) -> list[tuple[str | None, dict | None]]:
    """On a worker: the article objects of one batch, with the pipeline this process built once."""
    return objects_of(get_pipeline(*options), articles)


def process_on_cluster(cluster: Cluster, articles: Iterable[Article], options: tuple = (None, (), ()),
                       batch_size: int = 64) -> Iterator[tuple[Article, dict | None]]:
    """(input, article object) pairs in input order, computed on the cluster.

    options are get_pipeline's (model, patterns, gazetteers); the files they name must be readable
    on the workers. A batch whose task fails for good (its workers keep dying) becomes one error
    per article, and the rest goes on."""
    client = cluster.client
    in_flight = 2 * cluster.threads()  # asked once: each ask is a round trip to the scheduler
    pending: deque = deque()
    try:
        for batch in batches(articles, batch_size):
            pending.append((batch, client.submit(_run_batch, batch, options, pure=False)))
            if len(pending) >= in_flight:
                yield from _results(*pending.popleft())
        while pending:
            yield from _results(*pending.popleft())
    finally:
        if pending:  # stopped, or the reader went away: the scheduler drops what is left
            client.cancel([future for _, future in pending])


def _results(batch: list[Article], future: Any) -> Iterator[tuple[Article, dict | None]]:
    try:
        outcomes = future.result()
    except Exception as err:  # noqa: BLE001  (KilledWorker and the like: this batch only)
        reason = f"failed on the cluster ({type(err).__name__}: {err})"
        outcomes = [(article.error or reason, None) for article in batch]
    yield from with_errors(batch, outcomes)
