"""`extract explain`: each fact beside the sentence it was read from, and the output's evidence it reads."""
import json

from typer.testing import CliRunner

from extractor.cli.commands import app
from extractor.cli.explain import CUE, FACT, ITEM, Explainer
from extractor.output.invariants import article_problems

runner = CliRunner()

STORY = ("date 2026-05-20 The Lagoon Water Board and Tessaro Pumps Ltd signed a supply agreement on Monday. "
         "The weather was mild.\n"
         "The agreement was signed by board chair Amara Osei and Tessaro chief executive Luca Ferri. "
         "The third Lagoon Utilities Forum, chaired by Amara Osei, met in Accra on Tuesday.\n")


def invoke(args):
    """The command line run in this process, under its installed name."""
    return runner.invoke(app, args, prog_name="extract")


def article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = invoke([str(path), "--json"])
    assert result.exit_code == 0, result.output
    return path, json.loads(result.stdout)[0]


def test_every_fact_has_evidence_that_holds_it(tmp_path):
    _, found = article(tmp_path)
    (agreement,) = found["agreements"]
    assert set(agreement["signatories"]) == {"Amara Osei", "Luca Ferri"}
    signed_by = STORY.index("The agreement was signed by")
    for entry in agreement["evidence"]["signatories"]:
        assert entry["start"] <= signed_by < entry["end"]  # the later sentence, not the first
    assert agreement["evidence"]["date"]["start"] < STORY.index("Monday") < agreement["evidence"]["date"]["end"]
    assert article_problems(found, STORY) == []
    assert all(m["rule"] for key in ("organisations", "people", "dates", "agreements", "places", "events")
               for item in found[key] for m in item["mentions"])


def test_explain_prints_each_fact_beside_its_sentence(tmp_path):
    path, _ = article(tmp_path)
    result = invoke(["explain", str(path)])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())  # Rich wraps lines at the terminal's width
    assert "signatory Luca Ferri" in out
    assert "The agreement was signed by board chair Amara Osei" in out
    assert "The weather was mild" not in out  # a sentence no fact was read from stays out


def test_the_deciding_words_are_marked():
    text = "The Reef Council and Ondo Fisheries signed a grant agreement. Nothing else happened."
    signatory = {"name": "Ondo Fisheries", "start": 0, "end": 61}
    item = {"name": "Reef grant agreement", "kind": "agreement", "status": "signed", "date": None,
            "parties": ["Ondo Fisheries"], "signatories": [], "evidence": {"parties": [signatory], "signatories": [],
                                                                        "date": None, "status": None},
            "mentions": [{"text": "grant agreement", "start": 45, "end": 60, "rule": "agreements:head_word"}]}
    explainer = Explainer({"source": "x", "published": None, "agreements": [item]}, text, frozenset({"signed"}))
    shown = explainer.sentence(0, 61, ["Ondo Fisheries"], [(45, 60)])
    marks = {(span.start, span.end): str(span.style) for span in shown.spans}
    assert marks[(text.index("Ondo"), text.index(" signed"))] == FACT
    assert marks[(45, 60)] == ITEM
    assert marks[(text.index("signed"), text.index("signed") + 6)] == CUE


def test_a_bad_input_is_one_error_line_and_the_rest_goes_on(tmp_path):
    path, _ = article(tmp_path)
    result = invoke(["explain", str(tmp_path / "missing.txt"), str(path)])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr and "signatory" in result.stdout
