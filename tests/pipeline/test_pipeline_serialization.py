"""The whole pipeline saved with nlp.to_disk loads with spacy.load and gives the same output,
with the package's own data files out of reach."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import extractor
from extractor.io.sources import Article
from extractor.pipeline.build import build_pipeline, process

TEXTS = [
    "date 2026-03-10\nNAIROBI — Dr Wanjiru Kamau, Director General of the Kenya Maritime Research "
    "Authority (KMRA), and Mr Tomas Lindqvist, chief executive of Nordhavn Shipping AB, signed a "
    "memorandum of understanding on port data last Tuesday. The MoU was signed in the presence of "
    "Transport Minister Ali Hassan Joho.",
    "The Ministry of Agriculture and the Inter-American Development Bank (IDB) agreed on 4 June 2025 "
    "to extend their loan agreement until March 2027, the bank said on Monday.",
    "Brigadier General Sofia Marquez said the framework agreement between Chile and Peru would be "
    "ratified next month.",
]

LOAD_AND_RUN = """
import json, sys
import spacy
import extractor
assert extractor.__file__.startswith(sys.argv[2]), extractor.__file__
from extractor.io.sources import Article
from extractor.pipeline.build import process
nlp = spacy.load(sys.argv[1])
texts = json.load(sys.stdin)
articles = [Article(source=f"t{i}", text=text) for i, text in enumerate(texts)]
print(json.dumps([result for _, result in process(nlp, articles)]))
"""


def run_here(nlp):
    articles = [Article(source=f"t{i}", text=text) for i, text in enumerate(TEXTS)]
    return [result for _, result in process(nlp, articles)]


def package_without_data(into: Path) -> Path:
    """A copy of the extractor package with every data file left out."""
    source = Path(extractor.__file__).parent
    shutil.copytree(source, into / "extractor",
                    ignore=shutil.ignore_patterns("*.txt", "*.jsonl", "*.json", "__pycache__"))
    assert not [p for p in (into / "extractor").rglob("*") if p.suffix in (".txt", ".jsonl", ".json")]
    return into


def test_saved_pipeline_loads_without_package_data_and_gives_the_same_output(tmp_path):
    nlp = build_pipeline()
    expected = run_here(nlp)
    assert any(article["agreements"] for article in expected) and any(article["people"] for article in expected)
    nlp.to_disk(tmp_path / "saved")
    code = package_without_data(tmp_path / "code")
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run([sys.executable, "-c", LOAD_AND_RUN, str(tmp_path / "saved"), str(code)],
                          input=json.dumps(TEXTS), capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout) == expected


def test_saved_pipeline_loads_in_process_with_the_same_output(tmp_path):
    import spacy

    nlp = build_pipeline()
    nlp.to_disk(tmp_path)
    assert run_here(spacy.load(tmp_path)) == run_here(nlp)


def test_a_bad_line_in_a_saved_rule_file_names_the_file_and_line(tmp_path):
    import spacy

    from extractor.common.rules import RuleFileError

    build_pipeline().to_disk(tmp_path)
    table = tmp_path / "extractor_dates" / "months.txt"
    table.write_text(table.read_text(encoding="utf-8") + "Brumaire\n", encoding="utf-8")
    line = len(table.read_text(encoding="utf-8").splitlines())
    with pytest.raises(RuleFileError, match=rf"months\.txt:{line}: expected 2 tab-separated columns"):
        run_here(spacy.load(tmp_path))
