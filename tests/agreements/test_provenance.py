"""Provenance of agreements: the rule of each mention and the sentence each fact was read from."""
import pytest
import spacy

from extractor.agreements.mentions import find_mentions
from extractor.io.sources import Article
from extractor.layers.entities import add_entity
from extractor.pipeline.build import build_pipeline, process


def rules(text):
    return [(text[m.start:m.end], m.rule) for m in find_mentions(text)]


@pytest.mark.parametrize("text, expected", [
    ("Officials signed a memorandum of understanding on Friday.",
     [("memorandum of understanding", "agreements:head_word")]),
    ("The Oslo Accords were signed in 1993.", [("Oslo Accords", "agreements:named_plural")]),
    ("Kenya and Peru signed an Investment Agreement (IA) in May. The IA opens markets.",
     [("Investment Agreement", "agreements:head_word"), ("IA", "agreements:acronym"), ("IA", "agreements:acronym_use")]),
    ("Kenya and Peru signed an MoU in May. The MoU opens markets.",
     [("MoU", "agreements:head_word"), ("MoU", "agreements:remention")]),
    ("Kenya and Peru signed a deal in May. The deal opens markets.",
     [("deal", "agreements:head_word"), ("deal", "agreements:reference")]),
    ("Nations reaffirmed the Biological Weapons Convention. The Convention bans germs.",
     [("Biological Weapons Convention", "agreements:head_word"), ("Convention", "agreements:definite_name")]),
    ("Kenya signed an MoU in May. It signed another MoU in June.",
     [("MoU", "agreements:head_word"), ("another MoU", "agreements:distinct")]),
    ("Harbour Builder Wins Navy Dock Contract\n\nThe firm said little.", [("Contract", "agreements:headline")]),
    ("Kenya and Peru signed two MoUs on trade.", [("two MoUs on trade", "agreements:set")]),
    ("They signed an agreement on a framework for water sharing.",
     [("agreement", "agreements:absorbed"), ("framework for water sharing", "agreements:weak_head")]),
])
def test_each_construction_names_its_rule(text, expected):
    assert rules(text) == expected


def article(nlp, text):
    (_, found), = process(nlp, [Article(source="t", text=text)])
    return found


def sentences(text, evidence):
    """The text of each evidence range, by value name."""
    return {e["name"]: text[e["start"]:e["end"]] for e in evidence}


def sentence(text, found):
    return text[found["start"]:found["end"]]


LATER_SIGNER = ("Kenya and Peru signed a memorandum of understanding on fisheries on 3 March 2025. "
                "Officials praised it. The agreement was signed by Dr Amina Odhiambo.")


def test_facts_read_in_different_sentences_have_their_own_evidence(nlp):
    (mou,) = article(nlp, LATER_SIGNER)["agreements"]
    first, last = "Kenya and Peru signed a memorandum of understanding on fisheries on 3 March 2025.", \
        "The agreement was signed by Dr Amina Odhiambo."
    evidence = mou["evidence"]
    assert mou["signatories"] == ["Amina Odhiambo"] and sentences(LATER_SIGNER, evidence["signatories"]) == {
        "Amina Odhiambo": last}
    assert sentences(LATER_SIGNER, evidence["parties"]) == {"Kenya": first, "Peru": first}
    assert mou["date"] == "2025-03-03" and sentence(LATER_SIGNER, evidence["date"]) == first
    assert sentence(LATER_SIGNER, evidence["status"]) == first  # "signed" twice: the first sentence kept
    assert [m["rule"] for m in mou["mentions"]] == ["agreements:head_word", "agreements:reference"]


def test_signers_named_for_each_side_in_a_later_sentence(nlp):
    text = ("Chile and the United States signed a trade agreement on Monday. "
            "Mr John Smith signed for the United States, and Ms Ana Rojas signed for Chile.")
    (deal,) = article(nlp, text)["agreements"]
    later = "Mr John Smith signed for the United States, and Ms Ana Rojas signed for Chile."
    assert sentences(text, deal["evidence"]["signatories"]) == {"John Smith": later, "Ana Rojas": later}
    assert set(sentences(text, deal["evidence"]["parties"]).values()) == {"Chile and the United States signed a trade agreement on Monday."}


def test_parties_shared_from_an_earlier_agreement_keep_its_sentence(nlp):
    text = "India and Japan signed an MoU on rail safety. A framework agreement on ports was also signed."
    mou, framework = article(nlp, text)["agreements"]
    assert framework["parties"] == ["India", "Japan"]
    assert framework["evidence"]["parties"] == mou["evidence"]["parties"]
    assert sentence(text, framework["evidence"]["status"]) == "A framework agreement on ports was also signed."
    assert framework["evidence"]["date"] is None and framework["date"] is None


def test_an_agreement_found_by_a_layer_has_the_evidence_of_its_sentence():
    text = "Talks went on. Dr Amina Odhiambo signed the Kestrel Accord in May 2025."
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    start = text.index("Dr Amina")
    doc.spans["people"] = [doc.char_span(start + 3, start + len("Dr Amina Odhiambo"), label="PERSON")]
    date = text.index("May 2025")
    doc.spans["dates"] = [doc.char_span(date, date + len("May 2025"), label="DATE")]
    doc.spans["dates"][0]._.value = "2025-05"
    accord = text.index("Kestrel Accord")
    span = add_entity(doc, "agreements", accord, accord + len("Kestrel Accord"), "model:LAW")
    second = (text.index("Dr Amina"), len(text))
    assert span._.rule == "model:LAW"
    assert span._.evidence == {"signatories": {"Amina Odhiambo": second}, "parties": {}, "date": second, "status": second}


def test_evidence_of_a_long_article_split_in_pieces_is_of_the_whole_text():
    short = build_pipeline()
    short.max_length = 300
    filler = "Officials met again and talked about trade, rates and the weather. " * 3
    late = ("Kenya and Peru signed a memorandum of understanding on fisheries on 3 March 2025. "
            "The agreement was signed by Dr Amina Odhiambo.")
    text = "\n\n".join([filler.strip()] * 3 + [late]) + "\n"
    split = article(short, text)
    assert split == article(build_pipeline(), text)
    (mou,) = split["agreements"]
    evidence = mou["evidence"]
    assert evidence["date"]["start"] > 2 * short.max_length
    assert sentence(text, evidence["date"]).startswith("Kenya and Peru signed") and "3 March 2025" in sentence(text, evidence["date"])
    assert sentences(text, evidence["signatories"]) == {"Amina Odhiambo": "The agreement was signed by Dr Amina Odhiambo."}
    assert all(name in found for name, found in sentences(text, evidence["parties"]).items())


@pytest.mark.parametrize("text, parties", [
    ("Officials met. Chile's treaty with Norway was signed on 3 March 2025.", ["Chile", "Norway"]),
    ("Officials met. It follows the deal that Chile struck with Norway in May 2025.", ["Chile", "Norway"]),
    ("Officials met. Chile has a fisheries agreement with Norway.", ["Chile", "Norway"]),
])
def test_parties_of_possessed_relative_and_held_agreements_have_their_sentence(nlp, text, parties):
    (item,) = article(nlp, text)["agreements"]
    assert item["parties"] == parties
    second = text[text.index(". ") + 2:]
    assert sentences(text, item["evidence"]["parties"]) == {name: second for name in parties}
