"""Sports teams from our own sentences: results, tables and fixtures make places and names teams."""
import spacy

from extractor.io.sources import Article
from extractor.pipeline.build import process


def found(nlp, text):
    """(organisation names, place names) of the article."""
    (_, article), = process(nlp, [Article(source="t", text="date 2025-05-20\n" + text)])
    return [o["name"] for o in article["organisations"]], [p["name"] for p in article["places"]]


def test_a_result_line_makes_both_towns_teams(nlp):
    orgs, places = found(nlp, "Premier results:\nLiverpool 3 Southampton 1\nLeeds 0 Brighton 2\n")
    assert orgs == ["Liverpool", "Southampton", "Leeds", "Brighton"]
    assert places == []


def test_a_table_of_results_names_teams_but_one_row_alone_does_not(nlp):
    orgs, _ = found(nlp, "Standings:\nDenver 12 8 3 1\nPhoenix 12 7 2 3\n")
    assert orgs == ["Denver", "Phoenix"]
    orgs, places = found(nlp, "Prices fell in Denver.\nDenver 12 8 3 1\n")
    assert orgs == [] and places == ["Denver"]


def test_a_result_with_a_score_or_a_sport_word(nlp):
    orgs, _ = found(nlp, "Leicester beat Norwich 2-1 on Saturday.")
    assert orgs == ["Leicester", "Norwich"]
    orgs, _ = found(nlp, "Yorkshire beat Somerset by an innings and 12 runs.")
    assert orgs == ["Yorkshire", "Somerset"]
    orgs, places = found(nlp, "London beat Paris to host the fair.")
    assert orgs == [] and places == ["London", "Paris"]


def test_a_team_is_a_team_elsewhere_but_not_where_it_is_the_venue(nlp):
    text = "Leicester beat Norwich 2-1.\nLeicester now lead the table. The next game is in Norwich."
    (_, article), = process(nlp, [Article(source="t", text=text)])
    assert [(o["name"], [m["rule"] for m in o["mentions"]]) for o in article["organisations"]] == [
        ("Leicester", ["teams:result", "teams:same_team"]), ("Norwich", ["teams:result"])]
    assert [p["name"] for p in article["places"]] == ["Norwich"]


def test_countries_and_home_nations_stay_places(nlp):
    orgs, places = found(nlp, "England beat Portugal 2-0 in the qualifier.")
    assert orgs == [] and places == ["England", "Portugal"]


def test_fixtures_need_a_place_and_a_court_case_is_none(nlp):
    orgs, _ = found(nlp, "Fixtures:\nJune 12 v Somerset\n")
    assert orgs == ["Somerset"]
    orgs, _ = found(nlp, "Judges cited Roe v Wade in the ruling.")
    assert orgs == []


def test_the_visitors_of_a_schedule_line_are_the_team_the_host_town_the_venue(nlp):
    orgs, places = found(nlp, "Schedule:\nBOSTON AT SEATTLE\n")
    assert orgs == ["BOSTON"] and places == ["Seattle"]


def test_a_dateline_town_stays_a_place(nlp):
    orgs, places = found(nlp, "DENVER, Colorado 2025-05-19\nDenver beat Phoenix 104-99 in overtime.")
    assert orgs == ["Denver", "Phoenix"]
    assert "DENVER" in places or "Denver" in places


def test_the_component_on_its_own():
    nlp = spacy.blank("en")
    for name in ("extractor_people", "extractor_organisations", "extractor_places", "extractor_teams"):
        nlp.add_pipe(name)
    doc = nlp("Chester 1 Wigan 4")
    assert [s.text for s in doc.spans["organisations"]] == ["Chester", "Wigan"]
    assert [doc.user_data[("._.", "rule", s.start_char, s.end_char)] for s in doc.spans["organisations"]] == \
        ["teams:result_line", "teams:result_line"]
