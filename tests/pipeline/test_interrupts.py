"""Stopping a `--jobs 2` run with SIGINT or SIGTERM at any moment: it exits at once, with the
signal's status, whole lines and no temporary file, and an existing --output file unchanged.

Each run is its own process group with SIGINT as a terminal gives it, and the signal goes to
the whole group, workers included, as Ctrl-C in a terminal does.
"""
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

RUNS = 30
AT_ONCE = 3
EXIT_WITHIN = 5.0
ARTICLE = ("Dr Mara Ellison, director of the Northfield Water Authority, said on Tuesday that the "
           "authority and Calder Pumps Ltd signed a memorandum of understanding on 3 March 2026.")

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(20_000):  # far more than a run gets through before it is stopped
            out.write(json.dumps({"id": f"a{number}", "text": ARTICLE, "published": "2026-03-05"}) + "\n")
    return path


def start(args):
    """`extract ARGS` as a terminal starts it: its own process group, SIGINT at its default."""
    def as_in_a_terminal():
        os.setpgrp()
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    return subprocess.Popen([sys.executable, "-m", "extractor", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=as_in_a_terminal)


def wait_for_handlers(process):
    """Wait until the process catches SIGTERM: from then on every moment is one the CLI handles.

    Before that the interpreter is still starting, and a signal ends it as it ends any program."""
    status = f"/proc/{process.pid}/status"
    for _ in range(400):
        try:
            with open(status) as lines:
                caught = next(int(line.split()[1], 16) for line in lines if line.startswith("SigCgt:"))
        except (OSError, StopIteration):
            time.sleep(0.5)  # no /proc: the start-up is long over by then
            return
        if caught & (1 << (signal.SIGTERM - 1)):
            return
        time.sleep(0.01)


def check_stopped(process, signum, signalled_at, output, folder):
    """The run ended as a stopped run must."""
    out, err = process.communicate(timeout=60)
    took = time.monotonic() - signalled_at
    assert took < EXIT_WITHIN, f"exited {took:.1f} s after signal {signum} with {process.returncode}: {err.decode()[-1000:]}"
    text = err.decode()
    assert process.returncode == 128 + signum, (process.returncode, text)
    assert text.splitlines()[-1].startswith("error: interrupted"), text
    assert "Traceback" not in text and "Error" not in text, text
    assert out == b"" or out.endswith(b"\n")
    for line in out.splitlines():
        json.loads(line)
    if output:
        assert output.read_text() == "before\n"  # the run never completed: the old file as it was
        assert not [name for name in os.listdir(folder) if name.startswith(f".{output.name}.")]


def test_sigint_and_sigterm_at_random_moments_end_every_run_at_once(feed, tmp_path):
    chosen = random.Random(20261204)
    # From 0 s (the pipeline is still being built) to 2.5 s (articles are streaming out).
    moments = [chosen.uniform(0.0, 2.5) for _ in range(RUNS)]
    for first in range(0, RUNS, AT_ONCE):
        runs = []
        for index in range(first, min(first + AT_ONCE, RUNS)):
            output = tmp_path / f"out{index}.jsonl" if index % 3 == 0 else None
            if output:
                output.write_text("before\n")
            args = [str(feed), "--jsonl", "-q", "--jobs", "2"] + (["-o", str(output)] if output else [])
            signum = signal.SIGINT if index % 2 else signal.SIGTERM
            runs.append((start(args), moments[index], signum, output))
        for process, *_ in runs:
            wait_for_handlers(process)
        started = time.monotonic()
        for process, moment, signum, output in sorted(runs, key=lambda run: run[1]):
            time.sleep(max(0.0, started + moment - time.monotonic()))
            os.killpg(process.pid, signum)
            check_stopped(process, signum, time.monotonic(), output, tmp_path)
