"""What `extract` reads and what it says about bad input: damaged UTF-8, paths that yield no
article, JSONL feeds (by name, on stdin, with bad lines named FILE:LINE)."""
import json

from typer.testing import CliRunner

from extractor.cli.commands import app
from extractor.output.invariants import article_problems

runner = CliRunner()


def test_one_broken_byte_keeps_the_article_with_a_warning_and_true_offsets(tmp_path):
    path = tmp_path / "harbour.txt"
    data = "Minister José Núñez of the Ministry of Fisheries spoke … Bad ".encode("utf-8") + b"\xe2\x80" + \
        b" byte. Dr Lena Ortiz met the World Bank on 4 May 2025.\n"
    path.write_bytes(data)
    result = runner.invoke(app, [str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"warning: {path}: not valid UTF-8 at byte offset 66; "
                             "read as UTF-8 with U+FFFD for the bad bytes\n")
    article = json.loads(result.stdout)[0]
    text = data.decode("utf-8", "replace")
    assert article_problems(article, text) == []
    assert {"José Núñez", "Lena Ortiz"} <= {person["name"] for person in article["people"]}
