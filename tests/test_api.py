"""The Python API (extract, extract_many) and the components as spaCy factories elsewhere."""
import datetime as dt
import json
import subprocess
import sys

import pytest

from extractor import extract, extract_many
from extractor.layers.user_rules import RuleFileError

TEXT = ("Defence Minister Tarun Kapoor met officials of the Naval Research & Materials "
        "Organisation (NRMO) on Tuesday. They signed a memorandum of understanding last week.")


def test_extract_returns_the_article_object_with_dates_resolved():
    article = extract(TEXT, published="2026-02-05")
    assert article["source"] == "<text>" and article["published"] == "2026-02-05"
    assert {"NRMO", "Tarun Kapoor"} <= {o.get("acronym") for o in article["organisations"]} | {
        p["name"] for p in article["people"]}
    values = {d["text"]: d["value"] for d in article["dates"]}
    assert values["Tuesday"] == "2026-02-03"
    assert values["last week"] == "2026-01-26/2026-02-01"


def test_extract_takes_a_date_object_and_rejects_a_malformed_date():
    assert extract(TEXT, published=dt.date(2026, 2, 5)) == extract(TEXT, published="2026-02-05")
    with pytest.raises(ValueError):
        extract(TEXT, published="5 Feb 2026")


def test_extract_many_keeps_input_order_and_source_names():
    texts = [TEXT, "date 2025-10-01 Nothing much happened on Monday.", ""]
    articles = list(extract_many(texts, sources=["a", "b", "c"]))
    assert [a["source"] for a in articles] == ["a", "b", "c"]
    assert articles[1]["published"] == "2025-10-01"
    assert {d["value"] for d in articles[1]["dates"]} >= {"2025-09-29"}
    assert articles[2]["organisations"] == []


def test_extract_many_default_sources_are_numbered():
    assert [a["source"] for a in extract_many(["One.", "Two."])] == ["<text 0>", "<text 1>"]


def test_extract_takes_the_clis_rule_options(tmp_path):
    gazetteer = tmp_path / "orgs.txt"
    gazetteer.write_text("Bluefin Orrery\n", encoding="utf-8")
    text = "Analysts from Bluefin Orrery met on Monday."
    assert extract(text)["organisations"] == []
    orgs = extract(text, gazetteers=[f"ORG:{gazetteer}"])["organisations"]
    assert [(o["name"], o["mentions"][0]["start"]) for o in orgs] == [("Bluefin Orrery", 14)]
    assert extract(text, gazetteers=f"ORG:{gazetteer}")["organisations"] == orgs  # one file as a string


def test_a_bad_rule_file_raises_before_any_text_is_read(tmp_path):
    with pytest.raises(RuleFileError):
        extract_many(iter(()), patterns=[str(tmp_path / "missing.jsonl")])


def _fresh_python(code: str) -> str:
    """Run code in a new interpreter (no extractor imported beforehand) and return its stdout."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_add_pipe_finds_our_factory_through_the_entry_point():
    out = _fresh_python(
        "import sys, spacy\n"
        "assert 'extractor' not in sys.modules\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('extractor_dates')\n"
        "doc = nlp('The talks ended on 5 February 2026.')\n"
        "print([(s.text, s._.value) for s in doc.spans['dates']])\n")
    assert out.strip() == "[('5 February 2026', '2026-02-05')]"


def test_our_pipeline_round_trips_through_disk_in_a_fresh_interpreter(tmp_path):
    from extractor.pipeline.build import build_pipeline

    build_pipeline().to_disk(tmp_path / "saved")
    out = _fresh_python(
        "import json, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'saved')!r})\n"
        f"doc = nlp({TEXT!r})\n"
        "print(json.dumps(sorted(s.text for key in ('organisations', 'people') for s in doc.spans[key])))\n")
    assert json.loads(out) == ["NRMO", "Naval Research & Materials Organisation", "Tarun Kapoor"]


def test_doc_values_read_and_write_what_doc_underscore_does():
    import spacy

    from extractor.common.doc_data import doc_value, set_doc_value

    doc = spacy.blank("en")("text")
    assert (doc_value(doc, "published"), doc_value(doc, "header_end")) == (None, 0)
    set_doc_value(doc, "published", "2026-02-05")
    doc._.header_end = 12
    assert (doc._.published, doc_value(doc, "header_end")) == ("2026-02-05", 12)


def test_bytes_raise_type_error_instead_of_returning_none():
    with pytest.raises(TypeError, match=r"^text must be str, not bytes; decode it first"):
        extract("Dr Ana Ruiz met the World Bank.".encode("utf-8"))
    with pytest.raises(TypeError, match=r"^text must be str, not NoneType$"):
        extract(None)


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_many_raises_type_error_at_the_text_after_giving_the_ones_before(jobs):
    articles = extract_many(["Dr Ana Ruiz spoke.", b"Mr Li Wei spoke."], jobs=jobs)
    assert next(articles)["people"][0]["name"] == "Ana Ruiz"
    with pytest.raises(TypeError, match=r"^texts\[1\] must be str, not bytes"):
        next(articles)


@pytest.mark.parametrize("published, error, message", [
    ("5 Feb 2026", ValueError, "published: '5 Feb 2026' is not a date (YYYY-MM-DD)"),
    ("2026-02-30", ValueError, "published: '2026-02-30' is not a date (YYYY-MM-DD)"),
    (20260205, TypeError, "published: must be a YYYY-MM-DD string or a datetime.date, not int"),
])
def test_a_bad_published_date_says_what_was_given(published, error, message):
    with pytest.raises(error) as raised:
        extract(TEXT, published=published)
    assert str(raised.value) == message
    with pytest.raises(error):
        extract_many([TEXT], published=published)  # before any text is read


def test_vague_dates_option_mirrors_the_cli():
    text = "Tarvo Holdings is now the largest maker of bicycles."
    assert [d["value"] for d in extract(text, published="2026-03-10")["dates"]] == []
    assert [d["value"] for d in extract(text, published="2026-03-10", vague_dates=True)["dates"]] == ["PRESENT_REF"]
