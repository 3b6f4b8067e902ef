"""A progress bar on stderr for batches: for people watching a terminal, never mixed into the data."""
from __future__ import annotations

import sys
from typing import Any

# Up to this many inputs finish too fast for a bar to help.
FEW = 3


def wanted(quiet: bool, to_file: bool) -> bool:
    """Whether to show a bar: stderr is a terminal and the data does not go to that terminal too."""
    return not quiet and sys.stderr.isatty() and (to_file or not sys.stdout.isatty())


class BatchProgress:
    """Counts finished articles; shows a Rich bar once there are more than FEW inputs.

    total is the number of inputs when known beforehand (files), None for a stream (a feed),
    which gets a bar without an end once more than FEW articles have finished.
    """

    def __init__(self, enabled: bool, total: int | None):
        self.enabled = enabled and (total is None or total > FEW)
        self.total = total
        self.done = 0
        self.bar: Any = None

    def __enter__(self) -> BatchProgress:
        return self

    def advance(self) -> None:
        """One more article finished."""
        self.done += 1
        if self.bar is None and self.enabled and (self.total is not None or self.done > FEW):
            self._start()
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done)

    def _start(self) -> None:
        # Imported here: a run without a bar does not pay for Rich's progress machinery.
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        columns = [TextColumn("extracting"), BarColumn(), MofNCompleteColumn() if self.total else TextColumn("{task.completed} articles"),
                   TimeElapsedColumn()] + ([TimeRemainingColumn()] if self.total else [])
        self.bar = Progress(*columns, console=Console(file=sys.stderr), redirect_stdout=False, transient=True)
        self.task = self.bar.add_task("extract", total=self.total)
        self.bar.start()

    def __exit__(self, *exc_info: object) -> None:
        if self.bar is not None:
            self.bar.stop()
