"""How a run ends when it is told to: SIGTERM as Ctrl-C, a reader that goes away, an output
file that is one of the inputs. Real processes: signals and pipes cannot be faked in CliRunner."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from extractor.cli.commands import app

STORY = "Acme Holdings Ltd said on Monday that Jane Doe, its chief executive, signed the accord.\n"

posix_only = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX signals and process groups")


def _articles(folder, count):
    paths = []
    for number in range(count):
        path = folder / f"{number:04d}.txt"
        path.write_text(STORY, encoding="utf-8")
        paths.append(str(path))
    return paths


def _start(args, sigint=signal.SIG_DFL, stdout=subprocess.PIPE):
    def own_group():
        os.setpgrp()
        signal.signal(signal.SIGINT, sigint)

    return subprocess.Popen([sys.executable, "-m", "extractor", *args], stdout=stdout,
                            stderr=subprocess.PIPE, preexec_fn=own_group)


@posix_only
@pytest.mark.parametrize("fmt", ["table", "json", "jsonl"])
@pytest.mark.parametrize("sigint", [signal.SIG_DFL, signal.SIG_IGN], ids=["sigint-default", "sigint-ignored"])
def test_a_reader_that_goes_away_ends_every_format_with_141(tmp_path, fmt, sigint):
    process = _start([*_articles(tmp_path, 300), "--format", fmt], sigint)
    process.stdout.readline()  # like `| head -1`: read a little, then go away
    process.stdout.close()
    assert process.wait(timeout=120) == 141
    assert process.stderr.read() == b""
    process.stderr.close()


def _group_gone(pgid, within=5.0):
    ends = time.monotonic() + within
    while time.monotonic() < ends:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _stall_at(fifo, process, within=60.0):
    """Wait until the run opens the named pipe, then hold it open unwritten: the run waits there."""
    ends = time.monotonic() + within
    while time.monotonic() < ends:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # no reader yet
            time.sleep(0.02)
    raise AssertionError("the run never reached the stalled input")


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


@posix_only
@needs_fifo
def test_sigterm_to_the_main_process_alone_stops_its_workers_and_keeps_the_old_output(tmp_path):
    # What Kubernetes does: SIGTERM to the main process only, not to its group.
    out = tmp_path / "facts.jsonl"
    out.write_text("yesterday's facts\n", encoding="utf-8")
    (tmp_path / "in").mkdir()
    inputs = _articles(tmp_path / "in", 50)
    stalled = tmp_path / "in" / "stalled.txt"
    os.mkfifo(stalled)
    process = _start([*inputs, str(stalled), "--jsonl", "-q", "--jobs", "2", "-o", str(out)])
    writer = _stall_at(stalled, process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    os.close(writer)
    assert (process.returncode, err.decode()) == (143, f"error: interrupted; {out} left unchanged\n")
    assert out.read_text(encoding="utf-8") == "yesterday's facts\n"
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]
    assert _group_gone(process.pid), "a worker outlived the run"


@posix_only
@needs_fifo
def test_sigterm_while_writing_json_leaves_a_closed_array(tmp_path):
    stalled = tmp_path / "stalled.txt"
    os.mkfifo(stalled)
    with open(tmp_path / "stdout.json", "wb") as stdout:  # a file, not a pipe nobody reads while it waits
        process = _start([*_articles(tmp_path, 100), str(stalled), "--json", "-q"], stdout=stdout)
        writer = _stall_at(stalled, process)
        process.send_signal(signal.SIGTERM)
        try:
            _, err = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            state = _signal_state(process.pid)
            process.kill()
            raise AssertionError(f"the run did not stop; its threads' signal state: {state}") from None
    os.close(writer)
    assert (process.returncode, err) == (143, b"error: interrupted\n")
    articles = json.loads((tmp_path / "stdout.json").read_bytes())
    # Articles go through in batches of 64: the first batch was done before the stall and is kept.
    assert len(articles) >= 64 and all(article["source"].endswith(".txt") for article in articles)


@posix_only
@needs_fifo
@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads thread signal masks from /proc (Linux)")
def test_only_the_main_thread_takes_the_stop_signals(tmp_path):
    # A signal the kernel hands to another thread (numpy's BLAS pool, started when spaCy is
    # imported) would not wake a main thread blocked reading a pipe: the run would never stop.
    stalled = tmp_path / "stalled.txt"
    os.mkfifo(stalled)
    process = _start([str(stalled), "--json", "-q"])
    writer = _stall_at(stalled, process)
    masks = {}
    for task in os.listdir(f"/proc/{process.pid}/task"):
        with open(f"/proc/{process.pid}/task/{task}/status", encoding="ascii") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        masks[int(task)] = int(fields["SigBlk"], 16)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    os.close(writer)
    stops = (1 << (signal.SIGINT - 1)) | (1 << (signal.SIGTERM - 1))
    assert masks.pop(process.pid) & stops == 0  # the main thread's task id is the process id
    assert all(mask & stops == stops for mask in masks.values())
    assert process.returncode == 143


def _signal_state(pid):
    """Each thread's blocked, pending and caught signal masks and where it waits (Linux), for a failure message."""
    try:
        state = {}
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/status", encoding="ascii") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
            with open(f"/proc/{pid}/task/{task}/wchan", encoding="ascii") as wchan:
                state[task] = {k: fields[k].strip() for k in ("SigBlk", "SigPnd", "ShdPnd", "SigCgt")} | {"wchan": wchan.read()}
        return state
    except OSError as err:
        return f"unreadable ({err})"


runner = CliRunner()


def test_an_output_file_that_is_an_input_is_refused_and_left_alone(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, [str(story), "--jsonl", "-o", str(story)])
    assert result.exit_code == 2
    assert result.stderr == f"error: --output {story}: is that input ({story}); nothing was written\n"
    assert story.read_text(encoding="utf-8") == STORY


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_an_output_file_reached_through_a_link_is_refused(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(story)
    result = runner.invoke(app, [str(link), "--json", "-o", str(story)])
    assert result.exit_code == 2 and story.read_text(encoding="utf-8") == STORY


def test_an_output_file_the_input_folder_would_read_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, [str(tmp_path), "--jsonl", "-o", str(tmp_path / "facts.txt")])
    assert result.exit_code == 2
    assert "is inside that input folder" in result.stderr
    assert not (tmp_path / "facts.txt").exists()


def test_an_output_file_the_input_folder_would_not_read_is_written(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, [str(tmp_path), "--jsonl", "-o", str(tmp_path / "facts.jsonl")])
    assert result.exit_code == 0
    assert json.loads((tmp_path / "facts.jsonl").read_text(encoding="utf-8"))["source"].endswith("a.txt")
