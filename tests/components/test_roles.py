"""The role finder on short texts written for these tests (organisations given explicitly)."""
import pytest
import spacy

from extractor.components.people import canonical_names, find_people
from extractor.components.roles import PersonMention, find_roles
from extractor.facts import people as people_facts


def roles(text, orgs=()):
    """(person, title, organisation) triples, with the organisations given as strings of the text."""
    found = find_people(text)
    mentions = [PersonMention(p.start, p.end, name, p.honorific)
                for p, name in zip(found, canonical_names(text, found))]
    spans = [(text.index(o), text.index(o) + len(o), o) for o in orgs]
    return [(r.person, r.title or text[r.start:r.end], r.organisation) for r in find_roles(text, mentions, spans)]


@pytest.mark.parametrize("text, orgs, expected", [
    ("Defence Minister Rajnath Kapoor held talks.", (), [("Rajnath Kapoor", "Defence Minister", None)]),
    ("Talks with the US Secretary of War Paul Hendricks ended.", (),
     [("Paul Hendricks", "US Secretary of War", None)]),
    ("It was led by Director General (Missiles & Strategic Systems), DRDO Dr Meera Pillai today.", ("DRDO",),
     [("Meera Pillai", "Director General (Missiles & Strategic Systems)", "DRDO")]),
    ("It was co-chaired by Deputy Secretary of Energy for Fusion, Office of Science Mr Daniel Roe.",
     ("Office of Science",), [("Daniel Roe", "Deputy Secretary of Energy for Fusion", "Office of Science")]),
    ("It was co-chaired by Assistant Secretary of Energy for Grids, Office of the Under Secretary for Science "
     "Mr Daniel Roe and Director General (Labs), NSRO Dr Meera Pillai.", (),
     [("Daniel Roe", "Assistant Secretary of Energy for Grids", "Office of the Under Secretary for Science"),
      ("Meera Pillai", "Director General (Labs)", "NSRO")]),
    ("He met the World Bank Country Director Ms. Aminata Diallo at noon.", ("World Bank",),
     [("Aminata Diallo", "Country Director", "World Bank")]),
    ("Eastern University (EU) Vice-Chancellor (In Charge) Professor Dr Karim Hossain spoke.",
     ("Eastern University",), [("Karim Hossain", "Vice-Chancellor (In Charge)", "Eastern University")]),
    ("Guests of the Society of Tamils in Canada and Registrar Prof Anil Verma signed it.",
     ("Society of Tamils in Canada",), [("Anil Verma", "Registrar", None)]),
    ("It came at the invitation of State Secretary for Energy Policy ,Ministry of Energy, Hungary, Dr.Gabor Nagy.",
     ("Ministry of Energy",), [("Gabor Nagy", "State Secretary for Energy Policy", "Ministry of Energy")]),
])
def test_titles_before_the_name(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, orgs, expected", [
    ("The deal was signed by Aditya Rao, Director, Space Applications Centre (SAC) on Monday.",
     ("Space Applications Centre",), [("Aditya Rao", "Director", "Space Applications Centre")]),
    ("“We are proud,” said Karl-Heinz Bauer, CEO and Chairman of Lindqvist.", ("Lindqvist",),
     [("Karl-Heinz Bauer", "CEO and Chairman", "Lindqvist")]),
    ("John Leary, Airvia' Chief Operating Officer for Customers, said so.", ("Airvia",),
     [("John Leary", "Chief Operating Officer for Customers", "Airvia")]),
    ("Present was Professor Dr Rahim Uddin, Executive Director of CPR & Former VC of NSU today.", ("CPR", "NSU"),
     [("Rahim Uddin", "Executive Director", "CPR"), ("Rahim Uddin", "Former VC", "NSU")]),
    ("The Minister of State at the Department for Trade, Nigel Hurst MP, was pleased.",
     ("Department for Trade",), [("Nigel Hurst", "Minister of State", "Department for Trade"),
                                 ("Nigel Hurst", "MP", None)]),
    ("Musa Ruto spoke first. Ruto, who is also the Cabinet Secretary for Foreign Affairs, agreed.", (),
     [("Musa Ruto", "Cabinet Secretary for Foreign Affairs", None)]),
])
def test_titles_after_the_name(text, orgs, expected):
    assert roles(text, orgs)[:len(expected)] == expected


def test_plural_title_is_given_to_each_of_two_people():
    text = "“Low fares stay,” said Ravi Gangwar and Kiran Bhatt, co-founders of SkyGo."
    assert roles(text, ("SkyGo",)) == [("Ravi Gangwar", "co-founder", "SkyGo"), ("Kiran Bhatt", "co-founder", "SkyGo")]


def test_rank_used_as_honorific_is_also_a_role():
    text = "It was attended by Lieutenant General (R) Tariq Khan and Rear Admiral Imran Qureshi."
    assert ("Tariq Khan", "Lieutenant General (R)", None) in roles(text)
    assert ("Imran Qureshi", "Rear Admiral", None) in roles(text)


def test_apposition_of_the_previous_person_is_not_taken():
    text = "Present were Dr Salma Begum Chowdhury, Adviser to BOT, SEU, Farida Yasmin, Director, IRT."
    assert roles(text, ("SEU", "IRT")) == [("Salma Begum Chowdhury", "Adviser to BOT", "SEU"),
                                           ("Farida Yasmin", "Director", "IRT")]


def test_title_does_not_cross_a_sentence_end():
    text = "The dinner was hosted by a council in Washington DC. President Kofi Mensah spoke."
    assert roles(text) == [("Kofi Mensah", "President", None)]


@pytest.mark.parametrize("text, orgs, expected", [
    ("Elections were held in March and President Kofi Mensah won.", (), [("Kofi Mensah", "President", None)]),
    ("It was signed by Wu Bangguo and Vice President Zeng Qinghua.", (),
     [("Zeng Qinghua", "Vice President", None)]),
    ("Sami Haddad, a spokesperson for the NRWA, said so.", ("NRWA",), [("Sami Haddad", "spokesperson", "NRWA")]),
])
def test_coordination_and_articles_stay_out_of_the_title(text, orgs, expected):
    assert roles(text, orgs) == expected


def test_no_title_no_role():
    assert roles("Grant Holloway arrived in London on Tuesday.") == []


def test_facts_keep_one_entry_per_title_and_drop_bare_repeats(nlp):
    text = ("Trade Minister Nigel Hurst and the Governor of Colorado, Jared Pollard, met. "
            "Minister Hurst and Governor Pollard agreed.")
    people = {p["name"]: [r["role"] for r in p["roles"]] for p in people_facts(nlp(text))}
    assert people == {"Nigel Hurst": ["Trade Minister"], "Jared Pollard": ["Governor of Colorado"]}


def test_factory_reads_configured_span_keys():
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_people", config={"span_key": "persons"})
    nlp.add_pipe("extractor_roles", config={"span_key": "titles", "people_key": "persons", "orgs_key": "none"})
    doc = nlp("Defence Minister Rajnath Kapoor spoke.")
    assert [(s.text, s._.person) for s in doc.spans["titles"]] == [("Defence Minister", "Rajnath Kapoor")]
