"""The `extract` command line."""
from __future__ import annotations

import sys
from typing import List, Optional

from .signals import Stopped, restore_signals, stop_on_signals


def main(argv: Optional[List[str]] = None) -> None:
    """Console-script entry point: `extract [run] PATH...`, `extract eval GOLD_DIR`, `extract --version`."""
    # Signals are ours before the first heavy import, so that a stop at any moment ends the same way.
    stop_on_signals()
    try:
        from .commands import app

        app(args=argv, prog_name="extract")
    except Stopped as stopped:
        print("error: interrupted", file=sys.stderr, flush=True)
        sys.exit(stopped.status)
    finally:
        # The run is over: a signal during the interpreter's exit ends it as it ends any program.
        restore_signals()


__all__ = ["main"]
