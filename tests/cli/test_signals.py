"""Signals in the process itself: a stop is raised once, and not lost where Python drops exceptions."""
import os
import signal
import time
import weakref

import pytest

from extractor.cli.signals import Stopped, raise_if_stopped, restore_signals, stop_on_signals

posix_only = pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="needs POSIX signals")


@pytest.fixture
def stopping():
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    stop_on_signals()
    yield
    restore_signals()
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def _wait_for_stop(seconds=2.0):
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        time.sleep(0.01)


@posix_only
def test_sigterm_raises_stopped_with_status_143(stopping):
    with pytest.raises(Stopped) as stopped:
        os.kill(os.getpid(), signal.SIGTERM)
        _wait_for_stop()
    assert stopped.value.status == 143
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # a second Ctrl-C cannot break the clean-up


@posix_only
def test_a_stop_inside_a_weakref_callback_is_raised_again_at_the_next_check(stopping, capsys):
    class Thing:
        pass

    thing = Thing()

    def callback(ref):
        signal.raise_signal(signal.SIGINT)  # handled in here, where Python drops any exception

    ref = weakref.ref(thing, callback)
    del thing
    assert ref() is None
    with pytest.raises(Stopped) as stopped:
        raise_if_stopped()
    assert stopped.value.status == 130
    assert "Stopped" not in capsys.readouterr().err  # dropped quietly, not printed as an error


@posix_only
def test_a_stop_that_code_swallowed_is_raised_again_at_the_next_check(stopping):
    # as C code that clears every error does (a Cython module's start-up trying an optional import)
    try:
        signal.raise_signal(signal.SIGTERM)
    except BaseException:  # noqa: BLE001
        pass
    with pytest.raises(Stopped) as stopped:
        raise_if_stopped()
    assert stopped.value.status == 143


def test_no_stop_no_raise(stopping):
    raise_if_stopped()
