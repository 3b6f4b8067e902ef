"""Interrupting a `--jobs 2` run at any moment: it exits at once, with whole lines and no temporary file.

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


def _start(feed, output):
    def as_in_a_terminal():
        os.setpgrp()
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    args = [sys.executable, "-m", "extractor", str(feed), "--jsonl", "-q", "--jobs", "2"]
    if output:
        args += ["-o", str(output)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=as_in_a_terminal)


def _check(process, signalled_at, output, folder):
    out, err = process.communicate(timeout=60)
    took = time.monotonic() - signalled_at
    assert took < EXIT_WITHIN, f"exited {took:.1f} s after the signal"
    if process.returncode == 0:  # it finished before the signal: nothing to check but the output
        return
    assert process.returncode == 130, (process.returncode, err.decode())
    assert err.decode().splitlines()[-1].startswith("error: interrupted"), err.decode()
    assert b"Traceback" not in err
    assert out == b"" or out.endswith(b"\n")
    for line in out.splitlines():
        json.loads(line)
    if output:
        assert not output.exists()  # the run never completed: no file, not a partial one
    assert not [name for name in os.listdir(folder) if name.endswith(".tmp")]


def test_interrupts_at_random_moments_end_every_run_at_once(feed, tmp_path):
    moments = random.Random(20261204).sample([i / 10 for i in range(5, 60)], RUNS)
    # two runs at a time (one worker pair each) keep the test inside a minute or so
    for first in range(0, RUNS, 2):
        runs = []
        for index in range(first, min(first + 2, RUNS)):
            output = tmp_path / f"out{index}.jsonl" if index % 3 == 0 else None
            runs.append((_start(feed, output), moments[index], output))
        started = time.monotonic()
        for process, moment, output in sorted(runs, key=lambda run: run[1]):
            time.sleep(max(0.0, started + moment - time.monotonic()))
            os.killpg(process.pid, signal.SIGINT)
            run_signalled = time.monotonic()
            _check(process, run_signalled, output, tmp_path)
