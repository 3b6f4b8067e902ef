"""A stopped pool leaves no worker behind, even one that cannot be ended by SIGTERM."""
import multiprocessing
import signal
import time

import pytest

from extractor.pipeline.parallel import stop

pytestmark = pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="needs POSIX signal masks")


def _deaf_to_sigterm():
    # as a worker the pool starts again with SIGTERM still blocked, stuck before it unblocks it
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    time.sleep(60)


def _idle(_):
    return None


def test_stop_kills_a_worker_that_sigterm_cannot_end():
    pool = multiprocessing.get_context("fork").Pool(1)
    pool.map(_idle, [1])
    stray = multiprocessing.get_context("fork").Process(target=_deaf_to_sigterm, daemon=True)
    stray.start()
    started = time.monotonic()
    stop(pool)
    assert not stray.is_alive() and multiprocessing.active_children() == []
    assert time.monotonic() - started < 10
