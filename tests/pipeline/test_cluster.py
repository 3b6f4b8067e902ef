"""--cluster and extractor.dask on a real LocalCluster (2 worker processes)."""
import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from extractor.cli.commands import app
from extractor.io.sources import Article
from extractor.pipeline.build import get_pipeline, process

distributed = pytest.importorskip("distributed", reason="needs dask[distributed] (pip install 'extractor[dask]')")

from extractor.pipeline.cluster import Cluster, ClusterError, process_on_cluster  # noqa: E402

runner = CliRunner()
PEOPLE = ["Ana Lima", "Kofi Mensah", "Mara Ellison", "Ivan Petrov", "Ines Okafor"]
BODIES = ["the Harbour Authority", "Castellan Freight Ltd", "the Coastal Research Institute", "Orvane Systems"]
MONTHS = ["March", "April", "May", "June"]


def _story(number):
    person, body, month = PEOPLE[number % 5], BODIES[number % 4], MONTHS[number % 4]
    return (f"Chief Executive {person} said on Monday that {body} signed a supply agreement "
            f"on {number % 27 + 1} {month} 2026. Story {number}.")


def _records(count):
    return [{"id": f"s{number}", "text": _story(number), "published": "2026-03-05"} for number in range(count)]


def _articles(records):
    return [Article(source=r["id"], text=r["text"], published=r["published"]) for r in records]


@pytest.fixture(scope="module")
def cluster():
    with Cluster("local:2") as started:
        yield started


def test_the_cluster_gives_what_one_process_gives_in_the_same_order(cluster):
    articles = _articles(_records(200))
    here = [result for _, result in process(get_pipeline(), articles)]
    there = list(process_on_cluster(cluster, articles, batch_size=16))
    assert [article.source for article, _ in there] == [article.source for article in articles]
    assert [result for _, result in there] == here


def test_a_worker_killed_mid_run_loses_nothing_and_repeats_nothing(cluster):
    articles = _articles(_records(300))
    here = [result for _, result in process(get_pipeline(), articles)]
    there = []
    for article, result in process_on_cluster(cluster, articles, batch_size=10):
        there.append((article.source, result))
        if len(there) == 20:
            pids = cluster.client.run(os.getpid)
            os.kill(next(iter(pids.values())), signal.SIGKILL)
    assert [source for source, _ in there] == [article.source for article in articles]
    assert [result for _, result in there] == here
    cluster.client.wait_for_workers(2, timeout=60)  # the nanny starts a new one for the next test


def test_the_cli_on_a_cluster_prints_what_jobs_1_prints_also_from_a_gz_archive(tmp_path):
    lines = "".join(json.dumps(record) + "\n" for record in _records(120))
    (tmp_path / "feed.jsonl").write_text(lines, encoding="utf-8")
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt", encoding="utf-8") as archive:
        archive.write(lines)
    local = runner.invoke(app, [str(tmp_path / "feed.jsonl"), "--jsonl", "-q"])
    on_cluster = runner.invoke(app, [str(tmp_path / "feed.jsonl.gz"), "--jsonl", "-q", "--cluster", "local:2"])
    assert (local.exit_code, on_cluster.exit_code) == (0, 0), on_cluster.stderr
    assert on_cluster.stdout == local.stdout and len(local.stdout.splitlines()) == 120


def test_an_unreachable_scheduler_is_one_line_and_exit_2_within_seconds(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(_story(1), encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "extractor", str(story), "--cluster", "tcp://127.0.0.1:9"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: --cluster tcp://127.0.0.1:9: cannot reach the scheduler")
    assert len(done.stderr.splitlines()) == 1
    assert time.monotonic() - started < 15


def test_cluster_and_jobs_together_are_a_usage_error(tmp_path):
    result = runner.invoke(app, ["x.txt", "--cluster", "local:2", "--jobs", "2"])
    assert (result.exit_code, result.stderr) == (2, "error: --cluster and --jobs both say where to run; choose one\n")


def test_without_dask_cluster_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now fails
    with pytest.raises(ClusterError, match=r"pip install 'extractor\[dask\]'"):
        Cluster("local:1")


def test_a_stopped_run_cancels_its_tasks_and_leaves_the_scheduler_running(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(record) + "\n" for record in _records(3000)), encoding="utf-8")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0") as scheduler, \
            distributed.Client(scheduler) as client:
        process = subprocess.Popen([sys.executable, "-m", "extractor", str(feed), "--jsonl", "-q",
                                    "--cluster", scheduler.scheduler_address],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=os.setpgrp,
                                   bufsize=0)  # unbuffered: communicate() reads on from the first line's end
        first = process.stdout.readline()  # articles are coming back
        os.killpg(process.pid, signal.SIGINT)
        rest, err = process.communicate(timeout=30)
        assert process.returncode == 130, err.decode()
        assert err.decode().splitlines()[-1] == "error: interrupted"
        for line in (first + rest).splitlines():
            assert json.loads(line)["source"], line[:200]
        ends = time.monotonic() + 20
        while client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) and time.monotonic() < ends:
            time.sleep(0.2)
        assert client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) == 0
        assert len(client.scheduler_info()["workers"]) == 1  # still there for the next job


def test_extract_bag_gives_the_objects_of_extract_many(cluster):
    import dask.bag as db

    from extractor import extract_many
    from extractor.dask import extract_bag

    records = _records(30)
    texts = [record["text"] for record in records]
    bag = db.from_sequence(records[:20] + texts[20:], npartitions=3)
    got = extract_bag(bag).compute(scheduler=cluster.client.get)
    expected = list(extract_many(texts[:20], published="2026-03-05", sources=[r["id"] for r in records[:20]]))
    assert got[:20] == expected
    assert [article["source"] for article in got[20:]] == [f"<partition 2 text {n}>" for n in range(10)]
    assert all(article["organisations"] for article in got)


def test_ctrl_c_stops_a_local_cluster_run_with_one_line_and_no_worker_tracebacks(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(record) + "\n" for record in _records(3000)), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "extractor", str(feed), "--jsonl", "-q", "--cluster", "local:2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=os.setpgrp, bufsize=0)
    first = process.stdout.readline()
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the workers are in the group too
    rest, err = process.communicate(timeout=60)
    assert (process.returncode, err.decode()) == (130, "error: interrupted\n")
    assert all(json.loads(line)["source"] for line in (first + rest).splitlines())
