"""`--format csv -o DIR`: one CSV file per fact table, for spreadsheets and pandas.read_csv.

Each file is written under a temporary name in DIR and renamed over DIR/TABLE.csv only when
the run completes, so an interrupted run leaves every older file as it was.
"""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import IO, Any

from .files import new_file_mode
from .tables import TABLES, columns, rows


class CsvWriter:
    """Writes the rows of every article into DIR/organisations.csv, DIR/people.csv, …"""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.temps: dict[str, str] = {}
        self.streams: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}
        for table in TABLES:
            handle, temp = tempfile.mkstemp(prefix=f".{table}.csv.", suffix=".tmp", dir=folder)
            self.temps[table] = temp
            # newline="": the csv module writes its own \r\n and quotes newlines inside values.
            self.streams[table] = open(handle, "w", encoding="utf-8", newline="")
            self.writers[table] = csv.DictWriter(self.streams[table], fieldnames=columns(table))
            self.writers[table].writeheader()

    def write(self, article: dict[str, Any], text: str | None = None) -> None:
        """Add one article's rows to every table."""
        for table, writer in self.writers.items():
            writer.writerows(rows(table, article))

    def close(self) -> None:
        """Replace each DIR/TABLE.csv with its finished file."""
        for table, stream in self.streams.items():
            stream.flush()
            os.fsync(stream.fileno())
            stream.close()
            target = self.folder / f"{table}.csv"
            os.chmod(self.temps[table], new_file_mode(target))
            os.replace(self.temps[table], target)
        self.temps.clear()

    def stop(self) -> None:
        """A stopped run: keep nothing of it."""
        self.discard()

    def discard(self) -> None:
        """Remove the unfinished files: a stopped run leaves the older ones as they were."""
        for table, stream in self.streams.items():
            stream.close()
            if table in self.temps and os.path.exists(self.temps[table]):
                os.unlink(self.temps[table])
        self.temps.clear()
