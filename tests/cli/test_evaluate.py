"""`extract eval`: the scorer on hand-made gold, and the eval subcommand beside `extract PATH...`."""
import json

import pytest
from typer.testing import CliRunner

from extractor.cli import main
from extractor.cli.commands import app
from extractor.cli.evaluate import GoldError, fold, read_gold, score, score_table

GOLD = {"id": "story", "published": "2026-02-05", "gold": {
    "ORG": ["Naval Research & Materials Organisation", "NRMO", "Indian Navy"],
    "PERSON": ["Tarun Kapoor"],
    "DATE": [{"text": "Tuesday", "value": "2026-02-03"}, {"text": "October 2025", "value": "2025-10"}],
    "AGREEMENT": [{"text": "memorandum of understanding", "signatories": [], "date": "2025-10"}],
    "ROLE": [{"person": "Tarun Kapoor", "role": "Defence Minister", "org": None}],
}}
OUTPUT = {"source": "somewhere/story.txt", "organisations": [
    {"name": "Naval Research & Materials Organisation", "acronym": "NRMO",
     "mentions": [{"text": "NRMO"}, {"text": "Naval Research & Materials Organisation"}]},
    {"name": "Ministry", "mentions": [{"text": "Ministry"}]},
], "people": [
    {"name": "Tarun Kapoor", "roles": [{"role": "defence  minister", "organisation": None}],
     "mentions": [{"text": "Tarun Kapoor"}]},
], "dates": [
    {"text": "Tuesday", "value": "2026-02-03", "mentions": [{"text": "Tuesday"}]},
    {"text": "October 2025", "value": "2025-11", "mentions": [{"text": "October 2025"}]},
], "agreements": [
    {"name": "The Memorandum of Understanding", "mentions": []},
]}
STORY = ("date 2026-02-05 Defence Minister Tarun Kapoor met the Naval Research & Materials "
         "Organisation (NRMO) on Tuesday. The NRMO and the Indian Navy signed a memorandum of "
         "understanding in October 2025.\n")


@pytest.mark.parametrize("surface, folded", [
    ("The  Ministry of\nDefence", "ministry of defence"),
    ("\u201cMake in India\u201d", '"make in india"'),
    ("India\u2013UK  framework.", "india-uk framework"),
    ("Theatre Command", "theatre command"),
    (None, ""),
])
def test_fold(surface, folded):
    assert fold(surface) == folded


def test_score_counts_per_type_and_date_values():
    result = score({"story": GOLD}, {"story": OUTPUT})
    types = result["types"]
    assert (types["ORG"]["tp"], types["ORG"]["fp"], types["ORG"]["fn"]) == (2, 1, 1)
    assert types["ORG"]["precision"] == 0.667 and types["ORG"]["f1"] == 0.667
    assert (types["PERSON"]["tp"], types["PERSON"]["fp"], types["PERSON"]["fn"]) == (1, 0, 0)
    assert (types["AGREEMENT"]["tp"], types["AGREEMENT"]["fn"]) == (1, 0)  # name used when no mentions
    assert (types["ROLE"]["tp"], types["ROLE"]["fp"]) == (1, 0)
    assert result["entities"] == {"precision": 0.857, "recall": 0.857, "f1": 0.857, "tp": 6, "fp": 1, "fn": 1}
    assert result["date_value_accuracy"] == 0.5 and result["dates_scored"] == 2


def test_a_document_without_output_counts_as_all_missed():
    result = score({"story": GOLD}, {})
    assert result["entities"]["tp"] == 0 and result["entities"]["fn"] == 7
    assert result["date_value_accuracy"] is None


def test_by_doc_lists_missed_and_spurious():
    detail = score({"story": GOLD}, {"story": OUTPUT}, by_doc=True)["by_doc"][0]
    assert detail["doc"] == "story"
    assert detail["ORG"] == {"missed": ["indian navy"], "spurious": ["ministry"]}


@pytest.fixture
def gold_dir(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "story.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (folder / "orphan.json").write_text("{}", encoding="utf-8")  # no text beside it: not scored, a warning
    return folder


def test_read_gold_takes_pairs_only(gold_dir):
    assert list(read_gold(gold_dir)) == ["story"]


def test_read_gold_rejects_a_folder_without_pairs(tmp_path):
    with pytest.raises(GoldError, match="no NAME.txt"):
        read_gold(tmp_path)


def test_eval_json_scores_the_extractor(gold_dir):
    result = CliRunner().invoke(app, ["eval", str(gold_dir), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["documents"] == 1
    assert scores["types"]["DATE"]["tp"] == 2 and scores["date_value_accuracy"] == 1.0
    assert set(scores["types"]) == {"ORG", "PERSON", "DATE", "AGREEMENT", "ROLE", "PLACE", "EVENT"}


def test_eval_table(gold_dir):
    result = CliRunner().invoke(app, ["eval", str(gold_dir), "--by-doc"])
    assert result.exit_code == 0, result.output
    for text in ("Precision", "AGREEMENT", "ALL (entities)", "date value accuracy: 1.000", "by document"):
        assert text in result.stdout


def test_eval_of_a_missing_folder_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and result.stderr == f"error: {tmp_path / 'nowhere'}: not a folder\n"


def test_main_dispatches_eval(gold_dir, capsys):
    with pytest.raises(SystemExit) as done:
        main(["eval", str(gold_dir), "--json"])
    assert done.value.code == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 1


def test_a_folder_named_eval_is_still_extracted(tmp_path, monkeypatch, capsys):
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "story.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as done:
        main(["./eval", "--json"])
    assert done.value.code == 0
    assert [a["source"] for a in json.loads(capsys.readouterr().out)] == ["eval/story.txt"]


def test_eval_help_has_examples(capsys):
    with pytest.raises(SystemExit) as done:
        main(["eval", "--help"])
    assert done.value.code == 0
    assert "extract eval gold/ --json --by-doc" in capsys.readouterr().out


def test_a_type_with_no_gold_and_no_predictions_is_n_a_not_zero():
    gold = {"id": "quiet", "gold": {"ORG": ["Indian Navy"], "PERSON": [], "DATE": [], "AGREEMENT": [], "ROLE": []}}
    quiet = score({"quiet": gold}, {"quiet": {"organisations": [{"name": "Indian Navy", "mentions": []}]}})
    assert quiet["types"]["PERSON"] == {"precision": None, "recall": None, "f1": None, "tp": 0, "fp": 0, "fn": 0}
    assert quiet["types"]["ORG"]["f1"] == 1.0
    table = score_table(quiet)
    assert table.title == "1 document" and table.caption.splitlines()[0] == "date value accuracy: n/a (0 matched dates)"
    assert table.caption.splitlines()[2] == "matched events: date accuracy n/a; place accuracy n/a"
    person = next(i for i, cell in enumerate(table.columns[0]._cells) if cell == "PERSON")
    assert [column._cells[person] for column in table.columns[1:4]] == ["n/a", "n/a", "n/a"]


def test_unpaired_texts_and_gold_files_are_one_warning_each(gold_dir):
    (gold_dir / "draft.txt").write_text("Dr Ana Ruiz spoke.", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold_dir)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"warning: {gold_dir / 'draft.txt'}: no draft.json beside it; not scored",
        f"warning: {gold_dir / 'orphan.json'}: no orphan.txt beside it; not scored",
    ]
    assert "1 document\n" in result.stdout or "1 document " in result.stdout
    assert "1 documents" not in result.stdout


def _agreement(name, *mentions, **facts):
    return {"name": name, "mentions": [{"text": text} for text in (name, *mentions)], **facts}


def test_agreements_and_events_are_scored_per_item_with_their_facts():
    gold = {"gold": {
        "AGREEMENT": [{"text": "supply agreement", "aliases": ["deal"], "signatories": ["Ana Lima"],
                       "parties": [["Orvana Holdings", "Orvana"], "Kestrel Dynamics"], "date": "2026-03-02",
                       "status": "signed"}],
        "EVENT": [{"text": "Harbour Summit", "aliases": ["summit"], "date": "2026-03-02", "place": "Velmora"}],
        "PLACE": ["Velmora"]}}
    article = {
        "agreements": [_agreement("supply agreement", signatories=["Ana Lima", "Kofi Mensah"],
                                  parties=["Orvana", "Kestrel Dynamics"], date="2026-03-02", status="agreed"),
                       _agreement("deal")],  # the same agreement split in two: one false positive
        "events": [{"name": "Harbour Summit", "mentions": [{"text": "the summit"}], "date": "2026-03-02",
                    "place": "Velmora"}],
        "places": [{"name": "Velmora", "mentions": [{"text": "Velmora"}]}]}
    scores = score({"a": gold}, {"a": article})
    assert {k: scores["types"]["AGREEMENT"][k] for k in ("tp", "fp", "fn")} == {"tp": 1, "fp": 1, "fn": 0}
    assert {k: scores["types"]["EVENT"][k] for k in ("tp", "fp", "fn")} == {"tp": 1, "fp": 0, "fn": 0}
    assert scores["types"]["PLACE"]["f1"] == 1.0
    assert scores["agreement_facts"] == {"signatories f1": 0.667, "parties f1": 1.0, "date accuracy": 1.0,
                                         "status accuracy": 0.0}
    assert scores["event_facts"] == {"date accuracy": 1.0, "place accuracy": 1.0}
