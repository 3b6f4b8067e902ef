"""Ctrl-C and SIGTERM end a run the same way: one `error: interrupted` line, status 128 + signal.

SIGTERM is what systemd, Kubernetes and batch schedulers send; treating it as Ctrl-C means the
same guarantees hold for it: whole lines on stdout, --output FILE unchanged, no temporary file.
"""
from __future__ import annotations

import os
import signal
import sys

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
_stopped_by: int | None = None  # the signal that stopped the run, once one has


def _stop(signum: int, frame) -> None:
    global _stopped_by
    if os.getpid() != _owner_pid:
        # A worker forked before it reset its handlers: end as the signal would, without a traceback.
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    for number in STOP_SIGNALS:  # one stop at a time: a second Ctrl-C must not break the bounded clean-up
        if signal.getsignal(number) is _stop:
            signal.signal(number, signal.SIG_IGN)
    _stopped_by = signum
    raise Stopped(signum)


def raise_if_stopped() -> None:
    """Raise Stopped again if a signal stopped the run but its Stopped never arrived.

    A signal's exception can be lost on the way: C code that clears every error (a Cython module's
    start-up, while spaCy is imported, tries an optional import and clears what it raised), or a
    weakref callback or __del__, whose exceptions Python prints and drops. The CLI calls this
    where the run goes on after such code: once its pipeline is built, and after every article."""
    if _stopped_by is not None and os.getpid() == _owner_pid:
        raise Stopped(_stopped_by)


def _quiet_stop(unraisable) -> None:
    # A stop raised inside a weakref callback or __del__ is not a bug to print: raise_if_stopped
    # raises it again in the code that was running.
    if not isinstance(unraisable.exc_value, Stopped) or os.getpid() != _owner_pid:
        _previous_hook(unraisable)


_previous_hook = sys.unraisablehook


def stop_on_signals() -> None:
    """Make SIGINT and SIGTERM raise Stopped in this process, unless whoever started it ignores them."""
    global _owner_pid, _previous_hook, _stopped_by
    _owner_pid, _stopped_by = os.getpid(), None
    _previous_hook, sys.unraisablehook = sys.unraisablehook, _quiet_stop
    for signum in STOP_SIGNALS:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            _previous[signum] = signal.signal(signum, _stop)


def restore_signals() -> None:
    """Give SIGINT and SIGTERM back the handlers stop_on_signals found (main() called from Python)."""
    global _stopped_by
    if _owner_pid != os.getpid():
        return
    _stopped_by = None
    sys.unraisablehook = _previous_hook
    for signum, handler in list(_previous.items()):
        if handler is not None:  # None: a handler installed outside Python, which we cannot put back
            signal.signal(signum, handler)
        del _previous[signum]
