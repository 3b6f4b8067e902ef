"""--cluster: inputs read and extracted on a Dask cluster in parts, the results streamed back in input order.

The client plans the parts from a listing and file sizes (io.partitions): batches of text files
and byte ranges of JSONL feeds, which the workers read themselves; only stdin, and paths a worker
cannot see, are read here and shipped in batches. Only 2 x the cluster's threads parts are in
flight, so the client's memory stays flat. Each worker process builds the pipeline once
(get_pipeline is cached per process). A worker that dies loses nothing: the scheduler reruns its
tasks elsewhere, and each result is taken once, in order, so every article appears exactly once.
"""
from __future__ import annotations

import logging
import os
import signal
import threading
from collections import deque
from dataclasses import replace
from typing import Any, Callable, Iterable, Iterator

from ..io.partitions import PART_BYTES, FeedPart, FeedTally, Part, PartEnd, plan
from ..io.sources import Article
from .build import batches, get_pipeline, objects_of, with_errors
from .parallel import cpu_count

CONNECT_TIMEOUT = "3s"  # then one clear line: a run that waits on a dead scheduler helps nobody
INSTALL = "pip install 'extractor[dask]'"
BATCH_SIZE = 64  # articles read here (stdin) per task
# A local cluster's workers start as forks of this process, the pipeline built and warmed before
# (WARM_TEXT reads most rules): a spawned worker would import spaCy, Dask and us, then build and read
# them again, seconds of a short run. A worker that the nanny restarts later is spawned, as by default.
# Nor do they sample their stacks for Dask's profiler every 10 ms, which nothing here reads.
LOCAL_WORKERS = {"distributed.worker.multiprocessing-method": "fork", "distributed.worker.profile.enabled": False}
WARM_TEXT = ("date 2026-03-02\nOSLO (Reuters) - Chief Executive Ana Lima of Castellan Freight Ltd (CFL) said on "
             "Monday that the Harbour Authority signed a $2 billion supply agreement with Norway on 3 March 2026, "
             "after a meeting in Bergen chaired by Prime Minister Jonas Berg.")


class ClusterError(Exception):
    """A cluster that cannot be used: Dask missing, a bad address, a scheduler out of reach."""


def is_local(address: str) -> bool:
    """Whether --cluster asks for a LocalCluster ('local' or 'local:N') rather than a scheduler."""
    return address == "local" or address.startswith("local:")


class Cluster:
    """A Dask client for 'local', 'local:N' (a LocalCluster of N worker processes) or a scheduler address.

    options, get_pipeline's, are built and warmed here before a LocalCluster's workers fork."""

    def __init__(self, address: str, options: tuple | None = None):
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise ClusterError(f"--cluster needs Dask, which is not installed: {INSTALL}") from None
        self.local = None
        if is_local(address):
            workers = address.partition(":")[2]
            if workers and not (workers.isdigit() and int(workers) > 0):
                raise ClusterError(f"--cluster {address}: N in local:N must be a whole number above 0")
            if options is not None:
                _warm(options)
            # The workers are in our process group: Ctrl-C there would print their tracebacks. They
            # inherit an ignored SIGINT; the run stops them when it stops. A Ctrl-C in these
            # seconds of start-up is lost, as it would be to any program still starting.
            ignored = signal.signal(signal.SIGINT, signal.SIG_IGN) if _main_thread() else None
            try:
                with dask.config.set(LOCAL_WORKERS):
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

    def unseen(self, paths: Iterable[str]) -> list[str]:
        """The paths that the client sees and some worker does not (one round trip to the workers)."""
        named = [path for path in paths if path != "-" and os.path.exists(path)]
        if not named:
            return []
        missing = set().union(*self.client.run(_missing, [os.path.abspath(path) for path in named]).values())
        return [path for path in named if os.path.abspath(path) in missing]

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


def _warm(options: tuple) -> None:
    """Build the pipeline and run it once, so that it has read the rules it reads on first use."""
    objects_of(get_pipeline(*options), [Article(source="warm-up", text=WARM_TEXT)])


def _missing(paths: list[str]) -> list[str]:
    return [path for path in paths if not os.path.exists(path)]


def _run_part(part: Part, options: tuple) -> tuple[list[tuple[Article, dict | None]], PartEnd | None]:
    """On a worker: read the part (or take the articles shipped with it) and extract them with the
    pipeline this process built once; only the articles and their objects go back."""
    articles, end = _read(part)
    return list(with_errors(articles, objects_of(get_pipeline(*options), articles))), end


def _read(part: Part) -> tuple[list[Article], PartEnd | None]:
    return (part, None) if isinstance(part, list) else part.read()


def extract_on_cluster(cluster: Cluster, paths: list[str], published: str | None = None, input_format: str = "auto",
                       options: tuple = (None, (), ()), warn: Callable[[str], None] | None = None,
                       part_bytes: int = PART_BYTES) -> Iterator[tuple[Article, dict | None]]:
    """(input, article object) pairs for iter_articles' inputs, in its order, read and computed on the cluster.

    The workers read files, folders and feeds themselves (io.partitions); stdin, and a path that a
    worker cannot see, are read here and shipped (warn says so)."""
    read_here = cluster.unseen(paths)
    for path in read_here if warn is not None else ():
        warn(f"--cluster: {path} is not on every worker's filesystem; it is read here and its texts sent")
    parts = plan(paths, published, input_format, read_here, part_bytes)
    return _Run(cluster, options, part_bytes).results(_shipped_in_batches(parts, BATCH_SIZE))


def process_on_cluster(cluster: Cluster, articles: Iterable[Article], options: tuple = (None, (), ()),
                       batch_size: int = BATCH_SIZE) -> Iterator[tuple[Article, dict | None]]:
    """(input, article object) pairs in input order for articles read here, computed on the cluster.

    options are get_pipeline's (model, patterns, gazetteers, vague_dates); the files they name must be readable
    on the workers. A batch whose task fails for good (its workers keep dying) becomes one error
    per article, and the rest goes on."""
    return _Run(cluster, options).results(batches(articles, batch_size))


def _shipped_in_batches(parts: Iterable[Article | Part], size: int) -> Iterator[Article | Part]:
    """parts with the runs of readable Articles among them in batches of size (an error needs no worker)."""
    shipped: list[Article] = []
    for part in parts:
        if isinstance(part, Article) and part.error is None:
            shipped.append(part)
            if len(shipped) < size:
                continue
            part = None
        if shipped:
            yield shipped
            shipped = []
        if part is not None:
            yield part
    if shipped:
        yield shipped


class _Run:
    """One run's parts on the cluster: a bounded number in flight, their results taken in order."""

    def __init__(self, cluster: Cluster, options: tuple, part_bytes: int = PART_BYTES):
        self.client = cluster.client
        self.options = options
        self.in_flight = 2 * cluster.threads()  # asked once: each ask is a round trip to the scheduler
        self.pending: deque = deque()  # (part or Article, its future or None) in input order
        self.running = 0
        self.feeds = FeedTally(self.in_flight, part_bytes)

    def results(self, parts: Iterable[Article | Part]) -> Iterator[tuple[Article, dict | None]]:
        """(input, article object) pairs of parts, in order."""
        try:
            for part in parts:
                self.pending.append(self._submitted(part))
                while self.pending and (self.pending[0][1] is None or self.running >= self.in_flight):
                    yield from self._take()
            while self.pending:
                yield from self._take()
        finally:
            if self.pending:  # stopped, or the reader went away: the scheduler drops what is left
                self.client.cancel([future for _, future in self.pending if future is not None])

    def _submitted(self, part: Article | Part) -> tuple[Article | Part, Any]:
        if isinstance(part, Article):  # an input that could not be read: nothing to compute
            return part, None
        self.running += 1
        return part, self.client.submit(_run_part, part, self.options, pure=False)

    def _take(self) -> Iterator[tuple[Article, dict | None]]:
        part, future = self.pending.popleft()
        if future is None:
            yield part, None
            return
        self.running -= 1
        try:
            done, end = future.result()
        except Exception as err:  # noqa: BLE001  (KilledWorker and the like: this part only)
            reason = f"failed on the cluster ({type(err).__name__}: {err})"
            articles, end = _read(part)  # here, to name its articles
            done = [(article if article.error else replace(article, error=reason), None) for article in articles]
        yield from done
        if isinstance(part, FeedPart):
            rest, error = self.feeds.after(part, end)
            self.pending.extendleft(reversed([self._submitted(more) for more in rest]))
            if error is not None:
                yield error, None
