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
from extractor.io.sources import Article, iter_articles
from extractor.pipeline.build import get_pipeline, process

distributed = pytest.importorskip("distributed", reason="needs dask[distributed] (pip install 'extractor[dask]')")

from extractor.pipeline.cluster import Cluster, ClusterError, extract_on_cluster, process_on_cluster  # noqa: E402

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


def _feed(path, records):
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_a_worker_killed_mid_run_loses_nothing_and_repeats_nothing(cluster, tmp_path):
    feed = _feed(tmp_path / "feed.jsonl", _records(300))
    here = [(article.source, result) for article, result in process(get_pipeline(), iter_articles([str(feed)]))]
    there = []
    for article, result in extract_on_cluster(cluster, [str(feed)], part_bytes=2000):  # parts of about 12 articles
        there.append((article.source, result))
        if len(there) == 20:
            pids = cluster.client.run(os.getpid)
            os.kill(next(iter(pids.values())), signal.SIGKILL)
    assert there == here
    cluster.client.wait_for_workers(2, timeout=60)  # the nanny starts a new one for the next test


def test_inputs_are_read_on_the_workers_with_the_errors_and_order_of_jobs_1(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(80):
        (folder / f"{number:03}.txt").write_text(_story(number), encoding="utf-8")
    (folder / "040b.txt").write_bytes(b"\x00binary")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "page.html").write_text("<!DOCTYPE html><html><head><title>Harbour news</title></head><body><article>"
                                      + "".join(f"<p>{_story(n)}</p>" for n in range(4)) + "</article></body></html>",
                                      encoding="utf-8")
    lines = [json.dumps(record) + "\n" for record in _records(120)]
    lines[7], lines[50] = "not json\n", json.dumps({"id": "x", "text": 3}) + "\n"
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt", encoding="utf-8") as archive:
        archive.write("".join(lines))
    args = [str(folder), str(tmp_path / "feed.jsonl.gz"), str(tmp_path / "missing.txt"), "--jsonl", "-q"]
    local = runner.invoke(app, args)
    on_cluster = runner.invoke(app, args + ["--cluster", "local:2"])
    assert (local.exit_code, on_cluster.exit_code) == (1, 1), on_cluster.stderr
    assert len(local.stdout.splitlines()) == 199 and len(local.stderr.splitlines()) == 5
    assert (on_cluster.stdout, on_cluster.stderr) == (local.stdout, local.stderr)


def test_a_path_a_worker_cannot_see_is_read_here_and_shipped_with_a_warning(cluster, tmp_path, monkeypatch):
    feed = _feed(tmp_path / "feed.jsonl", _records(30))
    assert cluster.unseen([str(feed), "-", str(tmp_path / "missing")]) == []  # a LocalCluster sees our files
    monkeypatch.setattr(cluster, "unseen", lambda paths: [str(feed)])
    warnings = []
    there = list(extract_on_cluster(cluster, [str(feed)], warn=warnings.append))
    assert there == list(process(get_pipeline(), iter_articles([str(feed)])))
    assert warnings == [f"--cluster: {feed} is not on every worker's filesystem; it is read here and its texts sent"]


def test_an_article_that_makes_the_extractor_raise_is_one_error_and_the_rest_completes(cluster, tmp_path):
    def explode_on_boom(on):  # nested: sent to the workers by value
        from extractor.pipeline import build

        original = build.__dict__.setdefault("unpatched_article_from_doc", build.article_from_doc)

        def exploding(doc, source):
            if "BOOM" in doc.text:
                raise RuntimeError("rule bug")
            return original(doc, source)
        build.article_from_doc = exploding if on else original

    records = _records(40)
    records[25]["text"] = "BOOM went the parser."
    feed = _feed(tmp_path / "feed.jsonl", records)
    cluster.client.run(explode_on_boom, True)
    try:
        there = list(extract_on_cluster(cluster, [str(feed)], part_bytes=1500))
    finally:
        cluster.client.run(explode_on_boom, False)
    here = list(process(get_pipeline(), iter_articles([str(feed)])))
    assert [article.source for article, _ in there] == [article.source for article, _ in here]
    assert there[25][0].error == "extraction failed (RuntimeError: rule bug)" and there[25][1] is None
    assert [result for _, result in there[:25] + there[26:]] == [result for _, result in here[:25] + here[26:]]


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
    feed = _feed(tmp_path / "feed.jsonl", _records(2000))
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
    feed = _feed(tmp_path / "feed.jsonl", _records(2000))
    process = subprocess.Popen([sys.executable, "-m", "extractor", str(feed), "--jsonl", "-q", "--cluster", "local:2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=os.setpgrp, bufsize=0)
    first = process.stdout.readline()
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the workers are in the group too
    rest, err = process.communicate(timeout=60)
    assert (process.returncode, err.decode()) == (130, "error: interrupted\n")
    assert all(json.loads(line)["source"] for line in (first + rest).splitlines())
