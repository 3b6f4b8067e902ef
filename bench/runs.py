"""One `extract` run as the benchmarks measure it: its own process, wall time and peak RSS."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time


def extract_program() -> list[str]:
    """The installed extract script, or python -m extractor."""
    script = shutil.which("extract")
    return [script] if script else [sys.executable, "-m", "extractor"]


def measured_run(args: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of `extract ARGS`; exits when it fails (a status other than
    0, or 1 for some input failed). The peak is the kernel's accounting of the process (os.wait4)."""
    start = time.perf_counter()
    process = subprocess.Popen(extract_program() + args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"extract {' '.join(args)} failed with status {code}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux
