"""extractor_sentences: spaCy's sentence splitting, done only for the Docs that ask for it."""
import pytest
import spacy

import extractor.sentences.component  # noqa: F401  (registers the factory)

TEXTS = [
    'The ministry signed the deal. "It is done," he said! Talks resume on Monday?\n\nNew paragraph here.',
    "No final stop here",
    "Dr. Rao arrived... Then (briefly) she left.) And that was all.",
    "",
]


def pipelines(**config):
    ours = spacy.blank("en")
    ours.add_pipe("extractor_sentences", config=config)
    theirs = spacy.blank("en")
    theirs.add_pipe("sentencizer", config=config)
    return ours, theirs


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_are_those_of_spacys_sentencizer(text):
    ours, theirs = pipelines()
    mine, reference = ours(text), theirs(text)
    assert [s.text for s in mine.sents] == [s.text for s in reference.sents]
    for start in range(len(reference)):
        assert mine[start:start + 2].sent.text == reference[start:start + 2].sent.text
    assert [t.is_sent_start for t in mine] == [t.is_sent_start for t in reference]


def test_nothing_is_split_until_a_sentence_is_asked_for():
    doc = pipelines()[0]("One sentence. Another one.")
    assert doc[3].is_sent_start is None
    assert doc[4:5].sent.text == "Another one."
    assert doc[3].is_sent_start is True


def test_punct_chars_are_configurable_like_the_sentencizer():
    ours, theirs = pipelines(punct_chars=[";"])
    text = "First part; second part. Still second."
    assert [s.text for s in ours(text).sents] == [s.text for s in theirs(text).sents] == [
        "First part;", "second part. Still second."]


def test_random_punctuation_sequences_split_like_the_sentencizer():
    # The split is computed on arrays, not token by token: compare it on many awkward sequences.
    import random

    rng = random.Random(7)
    pieces = [".", "!", "?", "(", ")", '"', "word", "Word", "...", "…", "。", "\n", ";", "-"]
    ours, theirs = pipelines()
    for _ in range(500):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 25)))
        mine, reference = ours(text), theirs(text)
        assert [s.start for s in mine.sents] == [s.start for s in reference.sents], text
        assert [t.is_sent_start for t in mine] == [t.is_sent_start for t in reference], text
