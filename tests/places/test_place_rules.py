"""The rule that found each place mention."""
import pytest

from extractor.common.rules import RuleData
from extractor.places.component import PLACE_FILES, find_places


@pytest.fixture(autouse=True)
def place_rules():
    with RuleData.from_package(PLACE_FILES).active():
        yield


@pytest.mark.parametrize("text, expected", [
    ("Ministers met in Nairobi on Monday.", [("Nairobi", "places:gazetteer")]),
    ("The India-Peru talks resumed.", [("India", "places:compound_part"), ("Peru", "places:compound_part")]),
    ("Floods hit Varrow County again.", [("Varrow County", "places:head")]),
    ("Barges sail down the Orlanka River at night.", [("Orlanka River", "places:head")]),
    ("Storms hit the Orlanka River Valley.", [("Orlanka River Valley", "places:head")]),  # one name, two heads
    ("Pirates roam the Gulf of Aden.", [("Gulf of Aden", "places:opener")]),
    ("Officials of the State of Oregon spoke.", [("State of Oregon", "places:titled")]),
    ("House prices rose in Greater Kampala.", [("Greater Kampala", "places:prefixed")]),
])
def test_each_way_of_finding_a_place_names_its_rule(text, expected):
    assert [(text[p.start:p.end], p.rule) for p in find_places(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Drilling resumed in the Permian basin last year.", [("Permian", "places:named_by")]),
    ("Output from the Leviathan gas field rose.", [("Leviathan", "places:named_by")]),
    ("Rebels held the Jebel Marra region.", [("Jebel Marra", "places:named_by")]),
    ("Floods hit the Korvaan and Upper Dessa provinces.",
     [("Korvaan", "places:named_by"), ("Upper Dessa", "places:named_by")]),
    ("Unrest in the mainly-Moslem Caucasus region.", [("Caucasus", "places:named_by")]),  # not "Moslem"
    ("Troops entered the village of Ain Zhalta at dawn.", [("Ain Zhalta", "places:of_head")]),
    ('He said: "Several districts reported floods."', []),  # a quoted sentence's first word is any word
    ("The plant is near Hollins Ferry, Md., and employs 40.",
     [("Hollins Ferry", "places:town_state"), ("Md.", "places:state_abbreviation")]),
    ("Qarawiya, March 3 - Fighting resumed.", [("Qarawiya", "places:dateline")]),
    ("QARAWIYA (Reuters) - Fighting resumed.", [("QARAWIYA", "places:dateline")]),
])
def test_context_constructions_name_their_rule(text, expected):
    assert [(text[p.start:p.end], p.rule) for p in find_places(text, [])] == expected


@pytest.mark.parametrize("text", [
    "The Chinese region grew fast.",  # a nationality adjective
    "The Democratic field narrowed.",  # bare "field" is no head
    "Jane Roe, MD, spoke.",  # a managing director: a postal code only before a ZIP code
    "A Kansas City, Mo.-based bank grew.",
    "Police district officers came.",  # one word opening a sentence
    "Jane Roe, March 3, 2020",  # a byline's name
])
def test_context_constructions_leave_other_words(text):
    found = [(text[p.start:p.end], p.rule) for p in find_places(text, [])]
    assert all(rule == "places:gazetteer" for _, rule in found), found


def test_a_state_abbreviation_is_a_cue_for_a_small_town():
    text = "Springdale, Ark., hosts the firm."
    assert [(text[p.start:p.end], p.name, p.country) for p in find_places(text, [])] == [
        ("Springdale", "Springdale", "US"), ("Ark.", "Arkansas", "US")]


def test_a_construction_does_not_take_a_blocked_name():
    text = "Officials of the town of Acme Mills said."
    start = text.index("Acme")
    assert find_places(text, [(start, start + len("Acme Mills"))]) == []


def test_a_prefix_makes_an_area_of_the_place_country_and_all():
    text = "Floods hit Metro Cebu; Greater Lebanon, a dream of some, was not mentioned."
    assert [(text[p.start:p.end], p.kind, p.country) for p in find_places(text, [])] == [
        ("Metro Cebu", "area", "PH"), ("Greater Lebanon", "area", "LB")]
    text = "Greater Kampala Police arrested two men."  # a longer name: no place
    assert find_places(text, []) == []


def test_a_small_town_opening_the_text_after_its_header_is_read():
    # "date ..." is the header, and the town opens the article's first line
    text = "date 2025-05-21 RAUB, May 21 - Officials met."
    assert [(text[p.start:p.end], p.name) for p in find_places(text, [(0, 15)], 15)] == [("RAUB", "Raub")]
    assert find_places(text, [(0, 15)]) == []


def test_a_place_before_a_persons_name_ends_there():
    text = "Governor of Kaduna State Usman Bala Garba witnessed the signing."
    person = text.index("Usman")
    found = [(text[p.start:p.end], p.kind) for p in find_places(text, [(person, person + len("Usman Bala Garba"))],
                                                                   people=[(person, person + len("Usman Bala Garba"))])]
    assert found == [("Kaduna State", "region")]
    assert find_places(text, [(person, person + len("Usman Bala Garba"))]) == []  # without the people: one long name
