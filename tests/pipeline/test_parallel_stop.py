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


class _Signalled(Exception):
    pass


def _slow(item):
    time.sleep(3)
    return item


def _raise(signum, frame):
    raise _Signalled()


def test_a_signal_another_thread_received_stops_the_wait_for_a_result():
    import threading
    from extractor.pipeline.parallel import map_in_order
    previous = signal.signal(signal.SIGUSR1, _raise)
    # a thread that takes the signal, as a thread the process did not block it in would
    helper = threading.Thread(target=time.sleep, args=(2,))
    try:
        helper.start()
        results = map_in_order(_slow, [1], 1, lambda: None)
        threading.Timer(0.5, signal.pthread_kill, (helper.ident, signal.SIGUSR1)).start()
        started = time.monotonic()
        with pytest.raises(_Signalled):
            list(results)
        assert time.monotonic() - started < 2.5  # handled within a round, not when the 3 s result arrives
    finally:
        signal.signal(signal.SIGUSR1, previous)
        helper.join()
