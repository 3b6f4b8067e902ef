"""Events from our own sentences: one item however mentioned, chairs, hosts, signed agreements."""
import pytest
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


@pytest.mark.parametrize("text, places", [
    ("Chile and Peru signed a fisheries accord and an MoU on ports on Monday in Lima.", ["Lima", "Lima"]),
    ("Ministers Ana Ruiz and Luca Bianchi signed the accord on visa waivers in Valparaiso on 4 June.", ["Valparaiso"]),
    ("The accord, signed in Portugal last year, took effect.", ["Portugal"]),
    # a place of something else in the sentence: a project's, a member's
    ("Orvana signed a deal to develop gas projects in Patagonia.", [None]),
    ("Chile signed deals with its trading partners in Southeast Asia.", [None]),
])
def test_an_agreement_signed_in_a_place_has_that_place(nlp, text, places):
    assert [a["place"] for a in article(nlp, text)["agreements"]] == places


def test_an_ordinal_in_figures_and_ordinary_belong_to_the_mention(nlp):
    text = "The Lakeside Council held its 12th ordinary session in Accra on 3 June 2025. The session was long."
    (event,) = article(nlp, text)["events"]
    assert event["name"] == "12th ordinary session" and event["place"] == "Accra" and event["date"] == "2025-06-03"


@pytest.mark.parametrize("text, name", [
    ("The accord was signed during the third session of the Norland–Kestria Joint Commission on Fisheries.",
     "third session of the Norland–Kestria Joint Commission on Fisheries"),
    ("The ministers met at the second meeting of the Lakeside Trade Council on Monday.",
     "second meeting of the Lakeside Trade Council"),
])
def test_a_meeting_of_a_body_is_named_by_the_whole_body(nlp, text, name):
    assert [e["name"] for e in article(nlp, "date 2025-06-10\n" + text)["events"]] == [name]


def test_a_headline_event_is_the_named_one_of_the_body_and_a_call_of_another_word_is_its_own(nlp):
    text = ("date 2025-06-10 Norland and Kestria hold joint commission\n"
            "LUSAKA, June 10 - The third session of the Norland-Kestria Joint Commission on Fisheries ended in Lusaka "
            "on Tuesday with a quota deal. On Monday the visiting minister paid a courtesy call on the president.")
    events = {e["name"]: [m["text"] for m in e["mentions"]] for e in article(nlp, text)["events"]}
    name = "third session of the Norland-Kestria Joint Commission on Fisheries"
    assert events[name] == ["joint commission", name]
    assert events["courtesy call"] == ["courtesy call"]


@pytest.mark.parametrize("text, name", [
    ("She leads a Norland delegation on a five-day visit to Chile.", "five-day visit"),
    ("The 10-day summit opens in Lima next week.", "10-day summit"),
])
def test_how_long_an_event_lasts_opens_its_mention(nlp, text, name):
    assert [e["name"] for e in article(nlp, "date 2023-06-15\n" + text)["events"]] == [name]


def test_a_named_event_runs_over_its_capitalised_topic_but_not_its_day(nlp):
    text = ("date 2023-06-15\nThe Lakeside-Norland Workshop on Soil Carbon opens on Thursday. "
            "The Harbour Forum on Monday drew crowds.")
    assert [e["name"] for e in article(nlp, text)["events"]] == ["Lakeside-Norland Workshop on Soil Carbon", "Harbour Forum"]


def test_an_event_described_in_apposition_is_the_same_event(nlp):
    text = ("date 2023-11-28\nThe grid deal was signed at the Harbour Energy Forum, a three-day meeting that "
            "closes on Friday. Two utilities used the meeting to sign a supply contract.")
    (event,) = article(nlp, text)["events"]
    assert [m["text"] for m in event["mentions"]] == ["Harbour Energy Forum", "three-day meeting", "meeting"]


def test_a_lower_case_mention_joins_the_event_its_word_names():
    from extractor.common.rules import RuleData
    from extractor.events.component import EventFinder, Mention, group_mentions
    text = "The Lakeside Investment Forum opened. A press conference followed. The forum closed on Friday."
    at = lambda words, kind, named: Mention(text.index(words), text.index(words) + len(words), kind, named, "t")
    mentions = [at("Lakeside Investment Forum", "conference", True), at("press conference", "conference", False),
                at("forum", "conference", False)]
    with RuleData.from_package(EventFinder.data_files).active():
        groups = [[text[m.start:m.end] for m in event] for event in group_mentions(text, mentions)]
    assert groups == [["Lakeside Investment Forum", "forum"], ["press conference"]]


@pytest.mark.parametrize("text, names", [
    ("The G5 Trade Ministers meeting will take place in Mombasa next month. The meeting is the first.",
     ["G5 Trade Ministers meeting"]),
    ("The June summit was cancelled.", []),  # when, not which
    ("Fans left the Harbour Cup meeting early.", []),  # a race meeting
])
def test_a_name_before_a_lower_case_event_noun(nlp, text, names):
    assert [e["name"] for e in article(nlp, "date 2025-06-10\n" + text)["events"]] == names


def test_the_place_an_agreement_was_signed_is_not_in_its_name(nlp):
    (agreement,) = article(nlp, "Ana Ruiz and Luca Bianchi signed the agreement on visa exemption in Bamako.")["agreements"]
    assert agreement["name"] == "agreement on visa exemption" and agreement["place"] == "Bamako"


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


def test_a_venue_named_after_the_event_is_its_place_unless_a_city_follows_it(nlp):
    (held,) = article(nlp, "The rector presided over the ceremony held at Riverside Campus, Eastgate, Kampala.")["events"]
    assert held["place"] == "Riverside Campus"
    (hotel,) = article(nlp, "The signing ceremony took place at the Grand Lakeview Hotel in Kampala.")["events"]
    assert hotel["place"] == "Kampala"


def test_a_town_the_gazetteer_does_not_know_is_read_after_city_of(nlp):
    (event,) = article(nlp, "The leaders will meet in the lakeside city of Port Amberley on 20 March "
                            "for the 3rd Joint Permanent Commission.")["events"]
    assert event["place"] == "Port Amberley"


def test_a_meeting_with_an_indefinite_article_is_another_event_and_keeps_its_date(nlp):
    found = article(nlp, "date 2025-03-10\nThe leaders will attend the 3rd Joint Permanent Commission. "
                         "In a meeting on 28 July last year, the two leaders agreed to hold the "
                         "3rd Joint Permanent Commission soon.")
    dates = {e["name"]: e["date"] for e in found["events"]}
    assert dates == {"3rd Joint Permanent Commission": None, "meeting": "2024-07-28"}


def test_a_date_before_an_event_that_is_followed_up_is_not_its_date(nlp):
    (dialogue,) = article(nlp, "date 2025-03-10\nOn Monday, Norland and Vestria signed a memorandum of understanding "
                               "following the Norland-Vestria Strategic Dialogue.")["events"]
    assert dialogue["date"] is None


def test_an_event_named_in_the_headline_takes_the_day_its_lead_gives(nlp):
    text = ("date 2025-06-01 Ministry of Trade\n\nJoint Statement: Okello – Brandt Meeting\n\n"
            "Trade Minister Ann Okello welcomed Governor Tom Brandt yesterday, 31 May, to discuss trade.\n")
    (meeting,) = article(nlp, text)["events"]
    assert meeting["name"] == "Okello – Brandt Meeting" and meeting["date"] == "2025-05-31"


def test_dinners_and_missions_with_their_modifiers(nlp):
    (dinner,) = article(nlp, "The president spoke at a business dinner hosted in his honour in Kampala.")["events"]
    assert dinner["name"] == "business dinner" and dinner["place"] == "Kampala"
    (mission,) = article(nlp, "A trade mission from Vestria arrived in Kampala on Sunday.")["events"]
    assert mission["kind"] == "visit"
    assert article(nlp, "Their mission is to track debris in orbit.")["events"] == []


def test_in_news_of_a_signing_the_event_and_the_ceremony_are_one(nlp):
    found = article(nlp, "date 2025-06-12\nThe Lakeside Institute and Harbor Polytechnic signed an MoU on Tuesday. "
                         "At the event, the rector spoke. The dean presided over the ceremony.")
    (event,) = found["events"]
    assert [m["text"] for m in event["mentions"]] == ["event", "ceremony"]


def test_a_town_referred_back_to_is_the_place(nlp):
    found = article(nlp, "date 2025-04-02\nThe ministers signed a protocol during a meeting held in Mombasa. "
                         "It came on the sidelines of the annual summit, which is underway in this coastal city.")
    assert {e["kind"]: e["place"] for e in found["events"]} == {"meeting": "Mombasa", "summit": "Mombasa"}


def test_a_town_after_capital_is_the_place(nlp):
    (visit,) = article(nlp, "The president arrived in the Zambian capital, Lusaka, for a two-day official visit.")["events"]
    assert visit["place"] == "Lusaka"


def test_the_dateline_town_is_the_place_of_the_event_reported_that_day(nlp):
    text = ("date 2025-03-05\nKisumu, March 4\n\nThe Lakeside Institute and Harbor Polytechnic signed an MoU on "
            "Tuesday. The rector spoke on the occasion. The two sides held their first talks in June.")
    found = article(nlp, text)
    places = {e["kind"]: e["place"] for e in found["events"]}
    assert places == {"ceremony": "Kisumu", "talks": None}
    (ceremony,) = [e for e in found["events"] if e["kind"] == "ceremony"]
    evidence = ceremony["evidence"]["place"]
    assert text[evidence["start"]:evidence["end"]] == "Kisumu, March 4"


def test_here_is_the_dateline_town(nlp):
    text = "date 2025-03-05\nKISUMU (Lakeside News) - Regional leaders opened a two-day summit here on Tuesday.\n"
    (summit,) = article(nlp, text)["events"]
    assert summit["place"] == "KISUMU"
    (summit,) = article(nlp, "date 2025-03-05\nRegional leaders opened a two-day summit here on Tuesday.\n")["events"]
    assert summit["place"] is None


def test_a_ceremony_during_a_visit_is_on_the_visits_days_not_a_later_signing_day(nlp):
    # the report's day is the agreement's date: the ceremony was held days before, during the visit
    text = ("date 2025-09-22\nKisumu, 22 September: The two ministries have signed a memorandum of understanding.\n\n"
            "It was signed during the visit of the minister, who was in Lisbon on September 18-19.\n\n"
            "In a ceremony at the ministry, both sides signed the memorandum.")
    kinds = {e["kind"]: e["date"] for e in article(nlp, text)["events"]}
    assert kinds == {"visit": "2025-09-18/2025-09-19", "ceremony": "2025-09-18/2025-09-19"}


def test_a_place_after_another_events_mention_is_that_events(nlp):
    text = ("date 2025-03-05\nThe premier, on an official visit to Kenya, spoke at a business dinner hosted "
            "by the chamber in Mombasa.")
    assert {e["kind"]: e["place"] for e in article(nlp, text)["events"]} == {"visit": "Kenya", "meeting": "Mombasa"}
    text = "date 2025-03-05\nLeaders attended the 4th Lakes Summit and the Energy Forum in Kampala."
    assert [e["place"] for e in article(nlp, text)["events"]] == ["Kampala", "Kampala"]


def test_a_date_bounding_a_span_of_time_dates_no_event(nlp):
    found = article(nlp, "date 2025-05-20\nIt is the first time since 1987 that the league has chosen Eastport "
                         "to host the annual meeting.")
    (event,) = found["events"]
    assert event["date"] is None
    found = article(nlp, "date 2025-05-20\nStaff will fall to 9,000 by 2030, the chief executive told the "
                         "conference in Eastport.")
    (event,) = found["events"]
    assert event["date"] is None


def test_a_year_before_the_first_mention_in_its_paragraph_dates_no_event(nlp):
    found = article(nlp, "date 2025-05-20\nThe singer, who died in 2011, was honoured. Guests at the "
                         "ceremony included his children.")
    (event,) = found["events"]
    assert event["date"] is None


def test_an_agreement_signed_at_an_event_takes_the_day_the_text_gives_the_event(nlp):
    text = ("date 2025-03-04\nThe two trade ministers held talks in Eastport on Monday.\n\n"
            "The talks ended with the signing of a customs agreement.")
    (agreement,) = article(nlp, text)["agreements"]
    assert (agreement["signed_at"], agreement["date"]) == ("talks", "2025-03-03")
    assert agreement["evidence"]["date"] is not None


def test_the_news_day_of_the_lead_dates_an_agreement_signed_at_the_meeting_it_reports(nlp):
    text = ("date 2025-03-04\nNorland and Sudia agreed on Monday to cut tariffs, officials said.\n\n"
            "The ministers signed a joint statement during a meeting held in Eastport.")
    (agreement,) = [a for a in article(nlp, text)["agreements"] if a["signed_at"]]
    assert agreement["date"] == "2025-03-03"


def test_no_day_for_an_agreement_only_proposed_or_at_an_event_the_text_does_not_date(nlp):
    text = "date 2025-03-04\nAt the meeting in Eastport on Monday, the ministers proposed a customs agreement."
    assert [a["date"] for a in article(nlp, text)["agreements"]] == [None]
    text = ("date 2025-03-04 Business News of Tuesday, 4 March 2025\n\n"
            "At a business dinner in Eastport, the ministry and Orvana signed a supply agreement.")
    assert [a["date"] for a in article(nlp, text)["agreements"]] == [None]


@pytest.mark.parametrize("text, expected", [
    ("Shareholders will vote at an extraordinary general meeting in May.", ["extraordinary general meeting"]),
    ("It was signed in a brief ceremony after closed-door talks.", ["ceremony", "closed-door talks"]),
    ("The second Kenya–Chile Trade Forum opened.", ["second Kenya–Chile Trade Forum"]),
    ("Leaders closed the 9th Summit of Heads of State and Government on Friday.",
     ["9th Summit of Heads of State and Government"]),
])
def test_event_names_with_modifiers_dashes_ordinals_and_complements(nlp, text, expected):
    assert [e["name"] for e in article(nlp, text)["events"]] == expected


def test_a_country_named_like_its_capital_is_where_an_event_is_held(nlp):
    (event,) = article(nlp, "A trade forum was held in Singapore on Friday.")["events"]
    assert event["place"] == "Singapore"


def test_a_signing_ceremony_is_where_the_agreement_was_signed(nlp):
    text = ("date 2025-04-18\nKestrel Pharma signed a supply contract with the agency. The contract was signed in "
            "Copenhagen on April 17 by Ana Obi. The signing ceremony was attended by officials.")
    (event,) = article(nlp, text)["events"]
    assert (event["name"], event["place"]) == ("signing ceremony", "Copenhagen")


def test_rounds_of_negotiations_are_talks(nlp):
    found = article(nlp, "date 2026-05-20\nThe first round of negotiations was held in Lima in January. "
                         "A second round of talks took place in Manila on May 13-14.")
    assert [(e["name"], e["kind"], e["place"]) for e in found["events"]] == [
        ("first round of negotiations", "talks", "Lima"), ("second round of talks", "talks", "Manila")]


def test_a_signing_ceremony_is_on_the_day_of_the_signing_not_the_paragraphs_day(nlp):
    text = ("date 2025-06-13\nOn Thursday Kofi Mensah arrived in Accra for talks on a grid deal.\n\n"
            "The deal was signed on Wednesday by Kofi Mensah and Ana Lima, and a ceremony followed.")
    found = article(nlp, text)
    (agreement,) = found["agreements"]
    assert agreement["date"] == "2025-06-11"
    assert [e["date"] for e in found["events"] if e["kind"] == "ceremony"] == ["2025-06-11"]


def test_a_countrys_body_is_no_event_and_a_brief_ceremony_is_the_ceremony(nlp):
    found = article(nlp, "The pact was signed in a brief ceremony in Lima. It must now be ratified by Peru's Congress.")
    assert [e["name"] for e in found["events"]] == ["ceremony"]


def test_the_signing_standing_alone_is_a_ceremony_the_signing_of_an_agreement_is_not(nlp):
    found = article(nlp, "Ambassadors witnessed the signing in Accra. The signing ceremony was brief.")
    assert [(e["name"], e["kind"]) for e in found["events"]] == [("signing", "ceremony")]
    assert article(nlp, "The session ended with the signing of a supply agreement.")["events"][0]["name"] == "session"


def test_an_event_that_says_how_many_days_it_lasts_runs_from_the_day_it_opened_or_to_the_day_it_ended(nlp):
    found = article(nlp, "date 2026-04-23\nThe two-day conference opened in Almaty on Tuesday.")
    assert found["events"][0]["date"] == "2026-04-21/2026-04-22"
    found = article(nlp, "date 2026-04-23\nThe two-day conference ended in Almaty on Wednesday.")
    assert found["events"][0]["date"] == "2026-04-21/2026-04-22"
    found = article(nlp, "date 2026-04-23\nThe minister wrapped up a three-day visit to Almaty on Wednesday.")
    assert found["events"][0]["date"] == "2026-04-20/2026-04-22"


SESSIONS = ("date 2025-06-10\nLOMÉ – The 4th Session of the Ghana–Togo Permanent Joint Commission opened here on Monday. "
            "The previous session was held in Accra in 2023. The 4th session ended on Tuesday, and the ministers said "
            "the next session would be held in Kumasi in 2026. The meeting was co-chaired by Ama Owusu and Koffi Agbeko.")


def test_a_session_of_a_body_is_named_by_it_without_the_dateline(nlp):
    events = {e["name"]: e for e in article(nlp, SESSIONS)["events"]}
    session = events["4th Session of the Ghana–Togo Permanent Joint Commission"]
    assert [m["text"] for m in session["mentions"]][1:] == ["4th session", "meeting"]
    assert session["chairs"] == ["Ama Owusu", "Koffi Agbeko"]


def test_the_previous_and_the_next_session_are_events_of_their_own(nlp):
    events = {e["name"]: e for e in article(nlp, SESSIONS)["events"]}
    assert (events["previous session"]["date"], events["previous session"]["place"]) == ("2023", "Accra")
    assert (events["next session"]["date"], events["next session"]["place"]) == ("2026", "Kumasi")
    assert events["next session"]["chairs"] == []


def test_a_lower_case_meeting_of_a_named_body_takes_its_name(nlp):
    found = article(nlp, "date 2025-06-10\nThe two sides agreed to hold the fifth meeting of the Ghana–Togo Permanent "
                         "Joint Commission in Accra in the second half of 2025.")
    (event,) = found["events"]
    assert event["name"] == "fifth meeting of the Ghana–Togo Permanent Joint Commission"
    assert event["place"] == "Accra"


def test_named_events_sharing_words_stay_two_when_each_has_words_of_its_own(nlp):
    found = article(nlp, "date 2025-06-10\nOn Monday she opened the Lakeside–Norland Business Forum in Eastport. Norland "
                         "was a guest at the Lakeside–Africa Forum in Westport last year. The Business Forum closed on Tuesday.")
    events = {e["name"]: [m["text"] for m in e["mentions"]] for e in found["events"]}
    assert events == {"Lakeside–Norland Business Forum": ["Lakeside–Norland Business Forum", "Business Forum"],
                      "Lakeside–Africa Forum": ["Lakeside–Africa Forum"]}


def test_a_signing_ceremony_takes_the_day_of_the_signing_told_before_it_not_a_later_summits(nlp):
    found = article(nlp, "date 2025-09-17\nLakeside Bank signed its largest loan this year with Norgrid plc. The "
                         "loan agreement was signed in Eastport on Monday by Ana Lima and Kofi Mensah. The minister "
                         "witnessed the signing ceremony. \"We first met at the Westport Energy Summit in June 2023,\" "
                         "Lima said.")
    events = {e["name"]: e for e in found["events"]}
    assert events["signing ceremony"]["date"] == "2025-09-15"
    assert events["Westport Energy Summit"]["date"] == "2023-06"


def test_a_numbered_meeting_is_its_own_event_unless_it_is_the_first_for_a_while(nlp):
    found = article(nlp, "date 2025-06-10\nThe third meeting of the working group opened in Eastport on Monday. The "
                         "meeting ended on Tuesday. The second meeting had been held in Westport in 2024.")
    events = {e["name"]: [m["text"] for m in e["mentions"]] for e in found["events"]}
    assert events == {"third meeting": ["third meeting", "meeting"], "second meeting": ["second meeting"]}
    found = article(nlp, "date 2025-06-10\nThe 12th session of the Lakeside Joint Commission wrapped up on Monday. It "
                         "was the first meeting of the commission since it last convened in 2023.")
    assert len(found["events"]) == 1


@pytest.mark.parametrize("text, name", [
    ("More than 150 executives attended a Norland-Vessia business forum held in Eastport on Tuesday.",
     "Norland-Vessia business forum"),
    ("The two chief executives will present the deal at a joint press conference in Helsinki today.", "joint press conference"),
    ("On Wednesday the minister paid a courtesy call on the president.", "courtesy call"),
    ("Leaders gathered for the Lisbon summit on Friday.", "Lisbon summit"),
])
def test_lower_case_events_with_places_press_conferences_and_courtesy_calls(nlp, text, name):
    assert name in [e["name"] for e in article(nlp, "date 2026-03-19\n" + text)["events"]]


def test_a_lower_case_event_does_not_reach_into_the_sentence_before(nlp):
    found = article(nlp, "date 2026-03-19\nSales rose in the US. But meeting the target will be hard.")
    assert found["events"] == []


def test_a_named_event_and_its_name_with_an_acronym_are_one(nlp):
    found = article(nlp, "date 2025-11-05\nThe 12th Session of the Lakeside–Norland Intergovernmental Joint Economic "
                         "Commission (JEC) opened on Tuesday. Ministers said the 12th Session of the JEC would end on Wednesday.")
    (event,) = found["events"]
    assert [m["text"] for m in event["mentions"]][1:] == ["12th Session of the JEC"]


def test_a_visit_named_in_the_headline_and_again_in_the_lead_is_one(nlp):
    found = article(nlp, "date 2026-02-12 Norland and Vessia sign a defence pact during a visit to Eastport by "
                         "Vessia's defence minister.\n\nEASTPORT, Feb 12 — Norland and Vessia signed an agreement on "
                         "Wednesday during a two-day visit by Vessian Defence Minister Kang Min-seok that ends on Thursday.")
    visits = [e for e in found["events"] if e["kind"] == "visit"]
    assert [[m["text"] for m in e["mentions"]] for e in visits] == [["visit", "two-day visit"]]


def test_an_of_complement_takes_no_other_event_nor_people(nlp):
    found = article(nlp, "date 2026-03-19\nThe ceremony of the Lakeside Trade Summit opened. They held a meeting of "
                         "Ana Ruiz and Tom Berg.")
    assert [e["name"] for e in found["events"]] == ["ceremony", "Lakeside Trade Summit", "meeting"]


def test_a_headline_on_its_own_line_below_the_date_header(nlp):
    found = article(nlp, "date 2026-02-12\nNorland and Vessia sign a pact during a visit to Eastport\nEASTPORT, Feb 12 — "
                         "They signed an agreement on Wednesday during a two-day visit by Defence Minister Kang Min-seok.")
    assert [[m["text"] for m in e["mentions"]] for e in found["events"] if e["kind"] == "visit"] == [["visit", "two-day visit"]]


def test_an_of_complement_stops_short_of_a_groups_plural_noun(nlp):
    found = article(nlp, "date 2025-01-01\nThe targets set at the Lisbon summit of European Union leaders in 2000 failed. "
                         "The meeting of the G7 finance ministers ended. The meeting of the Lakeside Commission was held on Monday.")
    assert [e["name"] for e in found["events"]] == ["Lisbon summit", "meeting", "meeting of the Lakeside Commission"]


def test_an_of_complement_before_a_word_that_is_no_plural_noun(nlp):
    found = article(nlp, "date 2025-01-01\nLeaders met at the summit of the African Union this week.")
    assert [e["name"] for e in found["events"]] == ["summit of the African Union"]


@pytest.mark.parametrize("text", [
    # a commission or a congress standing alone is the body, not its meeting
    "The Brussels-based Nordic Fisheries Commission proposed new quotas. The commission said catches fell.",
    "Lawmakers in Ruritania voted on the budget, and the congress adjourned until March.",
    # a country's legislature named after its possessive is the organisation, not an event
    "Chile's National Workers' Congress approved the budget on Monday.",
    "The law was passed by Peru's Federal Congress on Monday.",
])
def test_a_body_is_not_an_event(nlp, text):
    assert article(nlp, text)["events"] == []


def test_the_commission_refers_to_a_joint_commission_named_before(nlp):
    found = article(nlp, "The third session of the Ghana-Togo Joint Commission opened in Lomé on Monday. "
                         "The commission agreed to reopen the border.")
    (event,) = found["events"]
    assert [m["text"] for m in event["mentions"]] == ["third session of the Ghana-Togo Joint Commission", "commission"]


def test_a_bad_use_in_the_event_nouns_table_names_its_line(tmp_path):
    from extractor.common.rules import RuleData, RuleFileError
    from extractor.events.component import _head_uses

    rules = RuleData({"event_heads.txt": "meeting\tmeeting\ncommission\tmeeting\tsometimes\n"})
    with rules.active(), pytest.raises(RuleFileError, match=r"event_heads.txt:2: use 'sometimes'"):
        _head_uses()


def test_an_event_named_with_accented_capitals(nlp):
    (event,) = article(nlp, "The third Élanie-Ödland Business Forum opened in Łódź on Monday.")["events"]
    assert event["name"] == "third Élanie-Ödland Business Forum" and event["place"] == "Łódź"


def test_a_signing_ceremony_during_a_visit_is_on_the_signing_day(nlp):
    # the visit's days are known only once "three-day" is read from the day it began
    found = article(nlp, "date 2025-03-14\nOrvana signs MoU with Kestrel\n\nOrvana on Thursday signed a memorandum of "
                         "understanding with Kestrel Dynamics. It was signed during a three-day visit by a Kestrel "
                         "delegation that began on Wednesday. Minister Kofi Mensah attended the signing ceremony.")
    dates = {e["name"]: e["date"] for e in found["events"]}
    assert dates == {"three-day visit": "2025-03-12/2025-03-14", "signing ceremony": "2025-03-13"}


def test_a_day_before_for_a_visit_is_the_visits_not_the_ceremonys_named_before(nlp):
    found = article(nlp, "date 2025-07-30\nOrvana signs loan\n\nOrvana and Kestrel signed a loan agreement on Tuesday. "
                         "The ceremony was witnessed by Ambassador Tomas Berg, who arrived in Maputo on Monday for a "
                         "four-day working visit.")
    dates = {e["name"]: e["date"] for e in found["events"]}
    assert dates == {"ceremony": "2025-07-29", "four-day working visit": "2025-07-28/2025-07-31"}


@pytest.mark.parametrize("text, expected", [
    ("Orvana's directors approved the deal at a board meeting in Lisbon on Monday.", ("board meeting", "Lisbon")),
    ("Executives held preliminary talks in Porto on Tuesday.", ("preliminary talks", "Porto")),
    ("Ana Lima, who is on a week-long visit to India, spoke.", ("week-long visit", "India")),
    ("Officials held a preparatory meeting in Doha on Sunday.", ("preparatory meeting", "Doha")),
])
def test_meetings_named_with_the_words_news_gives_them_and_their_place(nlp, text, expected):
    found = article(nlp, "date 2025-09-05\n" + text)
    assert [(e["name"], e["place"]) for e in found["events"]] == [expected]
