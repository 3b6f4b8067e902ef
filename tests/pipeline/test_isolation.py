"""One article that trips a bug in a component costs that article only, never the batch."""
from spacy.language import Language

from extractor.pipeline.build import build_pipeline, process
from extractor.io.sources import Article


@Language.component("test_explodes_on_boom")
def _explodes_on_boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("rule bug")
    return doc


def test_a_failing_article_becomes_an_error_and_the_rest_are_extracted():
    nlp = build_pipeline()
    nlp.add_pipe("test_explodes_on_boom", first=True)
    articles = [Article(source=f"a{i}.txt", text=text) for i, text in enumerate(
        ["The World Bank met in March 2021.", "BOOM went the parser.", "Reuters reported it on 5 May 2020."])]
    results = list(process(nlp, articles, batch_size=8))
    assert [article.source for article, _ in results] == ["a0.txt", "a1.txt", "a2.txt"]
    assert results[1][1] is None
    assert results[1][0].error == "extraction failed (RuntimeError: rule bug)"
    assert results[0][1]["dates"][0]["value"] == "2021-03"
    assert results[2][1]["dates"][0]["value"] == "2020-05-05"
