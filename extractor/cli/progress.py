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
    which gets a bar without an end once more than FEW articles have finished. A long article,
    done in pieces, gets a bar of its own in characters, whatever the number of inputs.
    """

    def __init__(self, enabled: bool, total: int | None, console: Any = None):
        self.wanted = enabled
        self.enabled = enabled and (total is None or total > FEW)
        self.total = total
        self.done = 0
        self.console = console
        self.bar: Any = None
        self.task: Any = None
        self.piece_task: Any = None

    def __enter__(self) -> BatchProgress:
        return self

    def advance(self) -> None:
        """One more article finished."""
        self.done += 1
        if self.piece_task is not None:
            self.bar.remove_task(self.piece_task)
            self.piece_task = None
        if self.task is None and self.enabled and (self.total is not None or self.done > FEW):
            self._bar().add_task("extracting", total=self.total, count="")
            self.task = self.bar.task_ids[-1]
        if self.task is not None:
            self.bar.update(self.task, completed=self.done, count=self._count())

    def piece(self, article: Any, done: int) -> None:
        """Part of a long article finished: done of its characters."""
        if not self.wanted:
            return
        if self.piece_task is None:
            self.piece_task = self._bar().add_task(_short(article.source), total=len(article.text), count="")
        size = len(article.text)
        self.bar.update(self.piece_task, completed=done,
                        count=f"{done / 1e6:.1f}/{size / 1e6:.1f} M characters")

    def _count(self) -> str:
        return f"{self.done}/{self.total}" if self.total else f"{self.done} articles"

    def _bar(self) -> Any:
        if self.bar is None:
            # Imported here: a run without a bar does not pay for Rich's progress machinery.
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            columns = [TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[count]}"),
                       TimeElapsedColumn(), TimeRemainingColumn()]
            self.bar = Progress(*columns, console=self.console or Console(file=sys.stderr),
                                redirect_stdout=False, transient=True)
            from ..pipeline.parallel import stops_held

            with stops_held():  # its refresh thread must not take the signals the main thread waits for
                self.bar.start()
        return self.bar

    def __exit__(self, *exc_info: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _short(source: str, width: int = 30) -> str:
    """The end of a long path, which tells the files apart."""
    return source if len(source) <= width else "…" + source[-(width - 1):]
