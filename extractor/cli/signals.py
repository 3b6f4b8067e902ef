"""Ctrl-C and SIGTERM end a run the same way: one `error: interrupted` line, status 128 + signal.

SIGTERM is what systemd, Kubernetes and batch schedulers send; treating it as Ctrl-C means the
same guarantees hold for it: whole lines on stdout, --output FILE unchanged, no temporary file.
"""
from __future__ import annotations

import os
import signal
import sys
import threading

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(BaseException):
    """A run stopped by a signal.

    A BaseException, so that no `except Exception` on the way swallows it, and not a
    KeyboardInterrupt, which Typer turns into a silent exit 130 whatever the signal was."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def status(self) -> int:
        """The exit status a shell gives a process the signal ended: 128 + its number."""
        return 128 + self.signum


_owner_pid = 0
_previous: dict[int, object] = {}


def _stop(signum: int, frame) -> None:
    if os.getpid() != _owner_pid:
        # A worker forked before it reset its handlers: end as the signal would, without a traceback.
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    for number in STOP_SIGNALS:  # one stop at a time: a second Ctrl-C must not break the bounded clean-up
        if signal.getsignal(number) is _stop:
            signal.signal(number, signal.SIG_IGN)
    raise Stopped(signum)


def _redeliver(unraisable) -> None:
    # A stop raised inside a weakref callback or __del__ (an import lock's, say) is printed and
    # dropped by Python: deliver it again, to land in the code that was running instead.
    stopped = unraisable.exc_value
    if not isinstance(stopped, Stopped) or os.getpid() != _owner_pid:
        _previous_hook(unraisable)
        return
    signal.signal(stopped.signum, _stop)
    # From another thread, a moment later: a signal raised in here would be handled in here.
    threading.Timer(0.01, os.kill, (_owner_pid, stopped.signum)).start()


_previous_hook = sys.unraisablehook


def stop_on_signals() -> None:
    """Make SIGINT and SIGTERM raise Stopped in this process, unless whoever started it ignores them."""
    global _owner_pid, _previous_hook
    _owner_pid = os.getpid()
    _previous_hook, sys.unraisablehook = sys.unraisablehook, _redeliver
    for signum in STOP_SIGNALS:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            _previous[signum] = signal.signal(signum, _stop)


def restore_signals() -> None:
    """Give SIGINT and SIGTERM back the handlers stop_on_signals found (main() called from Python)."""
    if _owner_pid != os.getpid():
        return
    sys.unraisablehook = _previous_hook
    for signum, handler in list(_previous.items()):
        if handler is not None:  # None: a handler installed outside Python, which we cannot put back
            signal.signal(signum, handler)
        del _previous[signum]
