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
    ("Floods hit Turkana County again.", [("Turkana County", "places:head")]),
    ("Pirates roam the Gulf of Aden.", [("Gulf of Aden", "places:opener")]),
    ("Officials of the State of Colorado spoke.", [("State of Colorado", "places:titled")]),
])
def test_each_way_of_finding_a_place_names_its_rule(text, expected):
    assert [(text[p.start:p.end], p.rule) for p in find_places(text, [])] == expected
