"""Provenance of events: the rule of each mention and the sentence each fact was read from."""
from extractor.io.sources import Article
from extractor.pipeline.build import build_pipeline, process

COMMISSION = ("The 5th Kenya-Norway Joint Water Commission met in Kisumu on 4 June 2025. "
              "The commission was co-chaired by Dr Amina Odhiambo and Mr Lars Haugen.")
MEETING = ("Officials from Kenya attended a bilateral meeting in Nairobi on 4 June 2025. "
           "The meeting was chaired by Mr Lars Haugen.")


def article(nlp, text):
    (_, found), = process(nlp, [Article(source="t", text=text)])
    return found


def sentences(text, evidence):
    return {e["name"]: text[e["start"]:e["end"]] for e in evidence}


def sentence(text, found):
    return text[found["start"]:found["end"]]


def test_chairs_date_and_place_have_the_sentences_they_were_read_from(nlp):
    (event,) = article(nlp, COMMISSION)["events"]
    first, second = COMMISSION.split(". ")
    assert [m["rule"] for m in event["mentions"]] == ["events:named", "events:reference"]
    assert sentences(COMMISSION, event["evidence"]["chairs"]) == {"Amina Odhiambo": second, "Lars Haugen": second}
    assert sentence(COMMISSION, event["evidence"]["date"]) == first + "."
    assert sentence(COMMISSION, event["evidence"]["place"]) == first + "."
    assert event["evidence"]["participants"] == []


def test_participants_of_a_lower_case_event(nlp):
    (event,) = article(nlp, MEETING)["events"]
    first, second = MEETING.split(". ")
    assert [m["rule"] for m in event["mentions"]] == ["events:generic", "events:reference"]
    assert sentences(MEETING, event["evidence"]["participants"]) == {"Kenya": first + "."}
    assert sentences(MEETING, event["evidence"]["chairs"]) == {"Lars Haugen": second}


def test_no_evidence_for_facts_not_given(nlp):
    (event,) = article(nlp, "Delegates attended the Annual Water Summit.")["events"]
    assert event["evidence"] == {"chairs": [], "participants": [], "date": None, "place": None}


def test_event_evidence_of_a_long_article_split_in_pieces_is_of_the_whole_text():
    short = build_pipeline()
    short.max_length = 300
    filler = "Officials met again and talked about trade, rates and the weather. " * 3
    text = "\n\n".join([filler.strip()] * 3 + [COMMISSION]) + "\n"
    split = article(short, text)
    assert split == article(build_pipeline(), text)
    (event,) = split["events"]
    assert event["evidence"]["date"]["start"] > 2 * short.max_length
    assert sentence(text, event["evidence"]["place"]).startswith("The 5th Kenya-Norway")
    assert sentences(text, event["evidence"]["chairs"]) == {
        "Amina Odhiambo": "The commission was co-chaired by Dr Amina Odhiambo and Mr Lars Haugen.",
        "Lars Haugen": "The commission was co-chaired by Dr Amina Odhiambo and Mr Lars Haugen."}


def test_a_venue_a_town_and_a_headline_date_have_sentences_that_hold_them(nlp):
    from extractor.output.invariants import article_problems

    text = ("date 2025-06-01 Ministry of Trade\n\nJoint Statement: Okello – Brandt Meeting\n\n"
            "Trade Minister Ann Okello welcomed Governor Tom Brandt yesterday, 31 May.\n\n"
            "The rector presided over the ceremony held at Riverside Campus, Eastgate. "
            "Envoys met for a summit in the lakeside city of Port Amberley.\n")
    found = article(nlp, text)
    assert article_problems(found, text) == []
    places = {e["name"]: (e["place"], sentence(text, e["evidence"]["place"])) for e in found["events"]
              if e["kind"] != "meeting"}  # the meeting takes the summit's place, as a part of it
    assert places == {"ceremony": ("Riverside Campus", "The rector presided over the ceremony held at Riverside Campus, Eastgate."),
                      "summit": ("Port Amberley", "Envoys met for a summit in the lakeside city of Port Amberley.")}
    (meeting,) = [e for e in found["events"] if e["kind"] == "meeting"]
    assert "yesterday" in sentence(text, meeting["evidence"]["date"])
