"""Events from our own sentences: one item however mentioned, chairs, hosts, signed agreements."""
import spacy

from extractor.io.sources import Article
from extractor.pipeline.build import build_pipeline, process

THREE_WAYS = ("date 2025-05-20\nThe 7th Kenya-Norway Joint Fisheries Commission met in Mombasa on May 12-13. "
              "The commission was co-chaired by Dr Amina Odhiambo and Mr Lars Haugen. "
              "At the meeting, delegates reviewed quotas, and the session ended with the signing of a "
              "memorandum of understanding on port inspections.")


def article(nlp, text):
    (_, found), = process(nlp, [Article(source="t", text=text)])
    return found


def test_an_event_mentioned_three_ways_is_one_item_with_date_place_and_chairs(nlp):
    found = article(nlp, THREE_WAYS)
    (event,) = found["events"]
    assert event["name"] == "7th Kenya-Norway Joint Fisheries Commission"
    assert [m["text"] for m in event["mentions"]] == ["7th Kenya-Norway Joint Fisheries Commission", "commission",
                                                      "meeting", "session"]
    assert event["date"] == "2025-05-12/2025-05-13" and event["place"] == "Mombasa"
    assert event["chairs"] == ["Amina Odhiambo", "Lars Haugen"]


def test_an_agreement_signed_at_an_event(nlp):
    found = article(nlp, THREE_WAYS)
    (mou,) = [a for a in found["agreements"] if a["kind"] == "mou"]
    assert mou["signed_at"] == "7th Kenya-Norway Joint Fisheries Commission"


def test_a_visit_with_a_host_and_a_guest(nlp):
    found = article(nlp, "date 2025-03-04\nPresident Ruto hosted Chancellor Olaf Brandt during an official visit "
                         "to Nairobi on Monday.")
    (visit,) = found["events"]
    assert visit["kind"] == "visit" and visit["place"] == "Nairobi" and visit["date"] == "2025-03-03"
    assert "Ruto" in " ".join(visit["chairs"])


def test_no_event_without_one(nlp):
    assert article(nlp, "The striker scored twice in the final match of the season.")["events"] == []


def test_round_trip(tmp_path):
    nlp = build_pipeline()
    expected = article(nlp, THREE_WAYS)["events"]
    nlp.to_disk(tmp_path / "p")
    assert article(spacy.load(tmp_path / "p"), THREE_WAYS)["events"] == expected


def test_elections_disasters_and_organisations_are_not_events(nlp):
    found = article(nlp, "The European Commission said the election and the earthquake delayed the budget.")
    assert found["events"] == []


def test_the_occasion_of_a_signing_is_a_ceremony_on_the_signing_day(nlp):
    found = article(nlp, "date 2025-06-12\nThe Lakeside Institute and Harbor Polytechnic signed an MoU on "
                         "Tuesday. Senior staff were present on the occasion.")
    (event,) = found["events"]
    assert event["kind"] == "ceremony" and [m["text"] for m in event["mentions"]] == ["occasion"]


def test_a_meeting_and_a_ceremony_during_a_visit_take_its_date_and_place(nlp):
    found = article(nlp, "date 2025-09-20\nThe minister's visit to Lisbon on September 18-19 was her first. "
                         "In a ceremony at the ministry, both sides signed a protocol. "
                         "During the meeting, they discussed shipping.")
    kinds = {e["kind"]: e for e in found["events"]}
    assert set(kinds) == {"visit", "ceremony", "meeting"}
    assert all(e["date"] == "2025-09-18/2025-09-19" and e["place"] == "Lisbon" for e in kinds.values())


def test_an_event_name_read_as_a_person_keeps_the_person_as_it_was(nlp):
    # span values are kept by offsets: an event mention over a person's span would rename the person
    text = "The Global Trade Forum opened. Officials at the Global Trade Forum met Dr Ana Ruiz."
    with_events = article(nlp, text)
    names = {p["name"] for p in with_events["people"]}
    assert all(set(m["text"] for m in p["mentions"]) <= {p["name"], p["name"].split()[-1]}
               or p["name"] in names for p in with_events["people"])
    assert all(e["name"] for e in with_events["events"])
