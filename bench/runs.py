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
    wall, peak, _ = measured_usage(args)
    return wall, peak


def measured_usage(args: list[str], python: str | None = None) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MB, CPU seconds) of `extract ARGS`, as measured_run; the CPU time is
    the process's and its children's (a LocalCluster's workers). python: another interpreter, whose
    installed extractor runs as `python -m extractor` (e.g. a venv with main's code, for a before/after)."""
    program = extract_program() if python is None else [python, "-P", "-m", "extractor"]  # -P: not the code here
    start = time.perf_counter()
    process = subprocess.Popen(program + args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    exit_code = os.waitstatus_to_exitcode(status)
    if exit_code not in (0, 1):
        sys.exit(f"extract {' '.join(args)} failed with status {exit_code}")
    # ru_maxrss is in KiB on Linux
    return time.perf_counter() - start, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
