"""RuleComponent: a batch at a time under nlp.pipe, with its own rules active."""
import spacy
from spacy.language import Language

from extractor.common.component import RuleComponent
from extractor.pipeline.build import build_pipeline

TEXTS = [
    "Defence Minister Tarun Kapoor said on Monday that the Ministry of Defence signed an MoU.",
    "The World Bank and the IMF met in March 2025.",
    "",
    "Dr Asha Rao, chief executive of Orbis Labs, spoke yesterday.",
    "India and Japan signed a trade agreement on 4 June 2024.",
]


def spans_of(doc):
    return {key: [(s.start_char, s.end_char, s.label_) for s in group] for key, group in doc.spans.items()}


def test_nlp_pipe_gives_what_one_doc_at_a_time_gives():
    nlp = build_pipeline()
    piped = [spans_of(doc) for doc in nlp.pipe(TEXTS, batch_size=2)]
    assert piped == [spans_of(nlp(text)) for text in TEXTS]
    assert any(piped)


def test_a_batch_goes_through_one_component_before_the_next():
    calls = []

    class Recorder(RuleComponent):
        def __init__(self, name):
            self.name = name

        def process(self, doc):
            calls.append((self.name, doc.text))
            return doc

    @Language.factory("test_recorder")
    def make_recorder(nlp, name):
        return Recorder(name)

    nlp = spacy.blank("en")
    nlp.add_pipe("test_recorder", name="first")
    nlp.add_pipe("test_recorder", name="second")
    assert [doc.text for doc in nlp.pipe(["a", "b", "c"], batch_size=2)] == ["a", "b", "c"]
    assert calls == [("first", "a"), ("first", "b"), ("second", "a"), ("second", "b"),
                     ("first", "c"), ("second", "c")]
