"""--format html: a self-contained report whose marks are the mentions, in place."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest
from typer.testing import CliRunner

from extractor.cli.commands import app
from extractor.output.report import HtmlReportWriter, marked_text

runner = CliRunner()

STORIES = [
    "date 2026-03-02\n\nThe Harbour Authority of Velmora and Castellan Freight Ltd signed a memorandum of "
    "understanding on Monday. Chief Executive Dr Ines Okafor signed for Castellan Freight Ltd.\n",
    "date 2026-04-10\n\nFinance Minister Kofi Mensah said on Friday that the Northern Grid Company <b>& partners</b> "
    "would sign a supply agreement in May 2026.\n",
]


def _write(folder, texts):
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"story{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _parse(markup):
    return html5lib.parse(markup, namespaceHTMLElements=False)


SEED = Path(__file__).resolve().parents[2] / "seeds"
KEYS = ("organisations", "people", "dates", "agreements", "places", "events")


def _check_marks(paths, tmp_path):
    """The report of paths parses, and each article's marks are its mentions, in place."""
    report = tmp_path / "report.html"
    result = runner.invoke(app, [*paths, "--format", "html", "-o", str(report)])
    assert result.exit_code == 0, result.stderr
    articles = json.loads(runner.invoke(app, [*paths, "--json"]).stdout)
    document = _parse(report.read_text(encoding="utf-8"))
    texts = document.findall(".//div[@class='text']")
    assert len(texts) == len(articles)
    for text_block, article in zip(texts, articles):
        position, marks = len(text_block.text or ""), []
        for node in text_block:
            marks.append((position, "".join(node.itertext()), node.get("data-label")))
            position += len("".join(node.itertext())) + len(node.tail or "")
        every = sorted((m["start"], -m["end"], m["text"]) for key in KEYS for item in article.get(key, [])
                       for m in item["mentions"])
        shown, end = [], 0
        for start, minus_end, text in every:  # where mentions overlap, the first, longest is marked
            if start >= end:
                shown.append((start, text))
                end = -minus_end
        assert [(start, text) for start, text, _ in marks] == shown
        assert all(label in {"ORG", "PERSON", "DATE", "AGREEMENT", "PLACE", "EVENT"} for *_, label in marks)
    return report, texts


def test_the_report_parses_and_marks_every_mention_in_place(tmp_path):
    report, texts = _check_marks(_write(tmp_path, STORIES), tmp_path)
    assert ["".join(block.itertext()) for block in texts] == STORIES  # the text as read, markup in it as text
    assert "<b>" not in report.read_text(encoding="utf-8").split('<div class="text">')[2].split("</div>")[0]


def test_the_report_of_the_seed_marks_every_mention_in_place(tmp_path):
    _check_marks([str(SEED)], tmp_path)


def test_the_summary_counts_lists_and_links_the_batch(tmp_path):
    paths = _write(tmp_path, STORIES)
    report = tmp_path / "report.html"
    assert runner.invoke(app, [*paths, "--format", "html", "-o", str(report)]).exit_code == 0
    document = _parse(report.read_text(encoding="utf-8"))
    summary = document.find(".//section[@id='summary']")
    assert "2articles" in "".join(summary.find(".//ul").itertext()).replace(" ", "")
    listed = summary.findall(".//table[@id='article-list']/tbody/tr")
    assert [row.find(".//a").get("href") for row in listed] == ["#a1", "#a2"]
    assert document.find(".//details[@id='a1']") is not None
    svg = next((node for node in summary.iter() if str(node.tag).endswith("svg")), None)
    assert svg is not None and "Ines Okafor" in "".join(svg.itertext())
    assert not document.findall(".//script[@src]") and not document.findall(".//link")  # nothing from the network


def test_overlapping_mentions_keep_the_first_longest_and_text_is_escaped():
    article = {"organisations": [{"mentions": [{"start": 0, "end": 8}]}],
               "people": [{"mentions": [{"start": 4, "end": 8}]}]}
    assert marked_text("A&B Corp <x>", article) == '<mark class="org" data-label="ORG">A&amp;B Corp</mark> &lt;x&gt;'


def test_a_stopped_report_is_still_a_whole_document(tmp_path):
    from io import StringIO

    out = StringIO()
    writer = HtmlReportWriter(out)
    writer.write({"source": "a", "published": None, "organisations": [], "people": [], "dates": [], "agreements": []}, "a")
    writer.stop()
    assert out.getvalue().rstrip().endswith("</html>")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(not CHROMIUM, reason="needs Chromium (apt-get install chromium); .ci/run installs it")
def test_the_report_of_twenty_articles_renders_in_chromium_without_errors(tmp_path):
    texts = [STORIES[number % 2].replace("Monday", f"Monday {number}") for number in range(20)]
    report = tmp_path / "report.html"
    assert runner.invoke(app, [*_write(tmp_path, texts), "--format", "html", "-o", str(report)]).exit_code == 0
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120)
    assert 'data-ready="1"' in dom.stdout  # the script ran to its end
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line]
    assert not console, console
    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1200,900", f"--screenshot={shot}", report.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.stat().st_size > 10_000
    assert Path(shot).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_report_is_the_same_whatever_the_hash_seed(tmp_path):
    # names named in as many articles as each other are listed in the order first seen, not in a
    # set's order, which changes with the interpreter's hash seed
    companies = ", ".join(f"{name} Ltd" for name in ("Orvana", "Kestrel", "Meridia", "Veltrix", "Calder", "Norvik"))
    (tmp_path / "one.txt").write_text(f"{companies} and Lumen Ltd signed a supply agreement on Monday.\n", encoding="utf-8")
    reports = [subprocess.run([sys.executable, "-m", "extractor", str(tmp_path), "--format", "html", "-q"],
                              env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True).stdout
               for seed in ("1", "2", "3", "4")]
    assert len(set(reports)) == 1
