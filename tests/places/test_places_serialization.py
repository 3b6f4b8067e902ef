"""The place finder saved with its pipeline (to_disk) loads with spacy.load and finds the same places."""
import spacy

from extractor.io.sources import Article
from extractor.pipeline.build import build_pipeline, process

TEXT = ("Ministers from Georgia and Azerbaijan met in Baku; the State of Qatar and the US sent observers "
        "to the Caspian Sea talks.")


def run(nlp):
    (_, article), = process(nlp, [Article(source="t", text=TEXT)])
    return article["places"]


def test_round_trip(tmp_path):
    nlp = build_pipeline()
    expected = run(nlp)
    assert expected
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "extractor_places" / "gazetteer.tsv").is_file()
    assert run(spacy.load(tmp_path / "pipeline")) == expected


def test_bad_table_line_names_file_and_line(tmp_path):
    import pytest
    from extractor.common.rules import RuleFileError

    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    table = tmp_path / "pipeline" / "extractor_places" / "place_aliases.tsv"
    table.write_text("# short forms\nUSA\tNowhere Land\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"place_aliases.tsv:2: 'Nowhere Land' is not a name"):
        run(spacy.load(tmp_path / "pipeline"))
