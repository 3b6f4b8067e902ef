"""The role finder on short texts written for these tests (organisations given explicitly)."""
import pytest
import spacy

from extractor.people.component import canonical_names, find_people
from extractor.roles.component import SENTENCE_REACH, PersonMention, find_roles, role_sentence
from extractor.output.facts import people as people_facts


def found_roles(text, orgs=()):
    """The roles found, with the organisations given as strings of the text."""
    found = find_people(text)
    mentions = [PersonMention(p.start, p.end, name, p.honorific)
                for p, name in zip(found, canonical_names(text, found))]
    spans = [(text.index(o), text.index(o) + len(o), o) for o in orgs]
    return find_roles(text, mentions, spans)


def roles(text, orgs=()):
    """(person, title, organisation) triples."""
    return [(r.person, r.title or text[r.start:r.end], r.organisation) for r in found_roles(text, orgs)]


@pytest.mark.parametrize("text, orgs, expected", [
    ("Defence Minister Tarun Kapoor held talks.", (), [("Tarun Kapoor", "Defence Minister", None)]),
    ("Talks with the US Secretary of Commerce Paul Hendricks ended.", (),
     [("Paul Hendricks", "US Secretary of Commerce", None)]),
    ("It was led by Director General (Naval Systems & Materials), NMRO Dr Meera Pillai today.", ("NMRO",),
     [("Meera Pillai", "Director General (Naval Systems & Materials)", "NMRO")]),
    ("It was co-chaired by Deputy Secretary of Energy for Fusion, Office of Science Mr Daniel Roe.",
     ("Office of Science",), [("Daniel Roe", "Deputy Secretary of Energy for Fusion", "Office of Science")]),
    ("It was co-chaired by Assistant Secretary of Energy for Grids, Office of the Under Secretary for Science "
     "Mr Daniel Roe and Director General (Labs), NSRO Dr Meera Pillai.", (),
     [("Daniel Roe", "Assistant Secretary of Energy for Grids", "Office of the Under Secretary for Science"),
      ("Meera Pillai", "Director General (Labs)", "NSRO")]),
    ("She saw the African Development Bank Regional Director Ms. Aminata Diallo at noon.", ("African Development Bank",),
     [("Aminata Diallo", "Regional Director", "African Development Bank")]),
    ("Lakeside University (LU) Vice-Chancellor (Acting) Professor Dr Karim Hossain spoke.",
     ("Lakeside University",), [("Karim Hossain", "Vice-Chancellor (Acting)", "Lakeside University")]),
    ("Members of the Guild of Welsh Potters in Chile and Registrar Prof Anil Verma signed it.",
     ("Guild of Welsh Potters in Chile",), [("Anil Verma", "Registrar", None)]),
    ("It followed a request by Deputy Secretary for Water Policy ,Ministry of Water, Estonia, Dr.Mart Tamm.",
     ("Ministry of Water",), [("Mart Tamm", "Deputy Secretary for Water Policy", "Ministry of Water")]),
])
def test_titles_before_the_name(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, orgs, expected", [
    ("The deal was signed by Aditya Rao, Director, Coastal Research Centre (CRC) on Monday.",
     ("Coastal Research Centre",), [("Aditya Rao", "Director", "Coastal Research Centre")]),
    ("“It is a good day,” said Jean-Marc Dubois, CEO and Chairman of Lindqvist.", ("Lindqvist",),
     [("Jean-Marc Dubois", "CEO and Chairman", "Lindqvist")]),
    ("Paula Reyes, Aeris' Chief Commercial Officer for Europe, said so.", ("Aeris",),
     [("Paula Reyes", "Chief Commercial Officer for Europe", "Aeris")]),
    ("Present was Professor Dr Nasir Uddin, Executive Director of IER & Former Rector of KTU today.", ("IER", "KTU"),
     [("Nasir Uddin", "Executive Director", "IER"), ("Nasir Uddin", "Former Rector", "KTU")]),
    ("The Minister of State at the Department for Transport, Helen Carver MP, was pleased.",
     ("Department for Transport",), [("Helen Carver", "Minister of State", "Department for Transport"),
                                     ("Helen Carver", "MP", None)]),
    ("Amina Keter spoke first. Keter, who is also the Minister for Health, agreed.", (),
     [("Amina Keter", "Minister for Health", None)]),
])
def test_titles_after_the_name(text, orgs, expected):
    assert roles(text, orgs)[:len(expected)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Kwame Asante, deputy minister of finance, said so.", [("Kwame Asante", "deputy minister of finance", None)]),
    ("Lena Ruiz, the minister for trade and industry, said so.", [("Lena Ruiz", "minister for trade and industry", None)]),
    # a verb after the words is no complement of the title
    ("Lena Ruiz, minister for economic affairs added, said so.", []),
])
def test_a_lower_case_title_keeps_its_lower_case_complement(text, expected):
    assert roles(text) == expected


def test_plural_title_is_given_to_each_of_two_people():
    text = "“Service comes first,” said Maya Joglekar and Kiran Dutt, co-founders of Orbis."
    assert roles(text, ("Orbis",)) == [("Maya Joglekar", "co-founder", "Orbis"), ("Kiran Dutt", "co-founder", "Orbis")]


def test_rank_used_as_honorific_is_also_a_role():
    text = "Guests included Major General (R) Asif Malik and Vice Admiral Omar Farooqui."
    assert ("Asif Malik", "Major General (R)", None) in roles(text)
    assert ("Omar Farooqui", "Vice Admiral", None) in roles(text)


def test_apposition_of_the_previous_person_is_not_taken():
    text = "Present were Dr Salma Akter Khan, Adviser to BOG, NCU, Farida Haque, Director, CRT."
    assert roles(text, ("NCU", "CRT")) == [("Salma Akter Khan", "Adviser to BOG", "NCU"),
                                           ("Farida Haque", "Director", "CRT")]


def test_title_does_not_cross_a_sentence_end():
    text = "The lunch was given by a trust in Lusaka CBD. President Kofi Mensah spoke."
    assert roles(text) == [("Kofi Mensah", "President", None)]


@pytest.mark.parametrize("text, orgs, expected", [
    ("Elections were held in March and President Kofi Mensah won.", (), [("Kofi Mensah", "President", None)]),
    ("It was signed by Li Wenhua and Vice President Zhao Mingde.", (),
     [("Zhao Mingde", "Vice President", None)]),
    ("Sami Haddad, a spokesperson for the NRWA, said so.", ("NRWA",), [("Sami Haddad", "spokesperson", "NRWA")]),
    # when the sentence says, before the title, is not the title's
    ("But on Wednesday Prime Minister Ana Vidal said the plan would go ahead.", (), [("Ana Vidal", "Prime Minister", None)]),
    ("In March President Tomas Berg visited Accra.", (), [("Tomas Berg", "President", None)]),
])
def test_coordination_and_articles_stay_out_of_the_title(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text", [
    "After talks with the finance ministers, Kofi Mensah said it worked.",
    "After a meeting of the regional health ministers in Harare, Kofi Mensah said the plan worked.",
])
def test_a_plural_title_before_a_name_is_the_groups(text):
    assert roles(text) == []


def test_no_title_no_role():
    assert roles("Grant Holloway arrived in London on Tuesday.") == []


def test_facts_keep_one_entry_per_title_and_drop_bare_repeats(nlp):
    text = ("Transport Minister Helen Carver and the Governor of Oregon, Dana Whitfield, met. "
            "Minister Carver and Governor Whitfield agreed.")
    people = {p["name"]: [r["role"] for r in p["roles"]] for p in people_facts(nlp(text))}
    assert people == {"Helen Carver": ["Transport Minister"], "Dana Whitfield": ["Governor of Oregon"]}


def test_factory_reads_configured_span_keys():
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_people", config={"span_key": "persons"})
    nlp.add_pipe("extractor_roles", config={"span_key": "titles", "people_key": "persons", "orgs_key": "none"})
    doc = nlp("Defence Minister Tarun Kapoor spoke.")
    assert [(s.text, s._.person) for s in doc.spans["titles"]] == [("Defence Minister", "Tarun Kapoor")]


@pytest.mark.parametrize("left", [
    "", "no stop here ", "He spoke. Minister ", "U.S. Secretary ", "said on Monday.\nPresident ",
    "A.B. Chairman ", "ended. Then line\nand more. Director ", "x.  \tY", "e.g. the ", "Ltd.\n", "end.",
    "one. Two. three ", "In 2020. ", "Mr. Smith. Dr. ",
])
def test_last_sentence_end_matches_the_regex(left):
    from extractor.roles.component import SENTENCE_END, _after_last_sentence_end

    matches = list(SENTENCE_END.finditer(left))
    assert _after_last_sentence_end(left) == (matches[-1].end() if matches else 0)


@pytest.mark.parametrize("after", [
    ", Director of X", " as the Chair", " MP said", " said", "'s office", ". Then", "\nNext", "  ,  CEO",
    " (Retd)", "\tas\tadviser", " asked", ",", " a", "", " and Y",
])
def test_role_after_start_holds_for_every_role_after(after):
    from extractor.roles.component import ROLE_AFTER, ROLE_AFTER_START, TITLE_AFTER

    if ROLE_AFTER.match(after) or TITLE_AFTER.match(after):
        assert ROLE_AFTER_START.match(after)


@pytest.mark.parametrize("text,honorific", [
    ("He met Finance Minister Jane Doe.", None),
    ("He met the minister Jane Doe.", None),
    ("It said. Director Jane Doe spoke.", None),
    ("Acme Corp CEO Jane Doe spoke.", None),
    ("He thanked Acme Corp, Jane Doe said.", None),
    ("Major General (R) Jane Doe spoke.", "Major General"),
    ("said Dr. Jane Doe.", "Dr"),
    ("Acme Corp\nJane Doe spoke.", None),
])
def test_untitled_shortcut_finds_what_the_full_reading_finds(text, honorific):
    from extractor.roles.component import roles_before

    start = text.index("Jane")
    person = PersonMention(start, start + len("Jane Doe"), "Jane Doe", honorific)
    orgs = [(text.index("Acme"), text.index("Acme") + len("Acme Corp"), "Acme Corp")] if "Acme" in text else []
    by_end = {end: (s, name) for s, end, name in orgs}
    by_start = {s: (end, name) for s, end, name in orgs}
    full = roles_before(text, person, 0, by_end, by_start)
    assert roles_before(text, person, 0, by_end, by_start, sorted(by_end)) == full


# lower-case titles, before and after names, without the organisation's name or a possessive

@pytest.mark.parametrize("text, orgs, expected", [
    ("Orvana chief executive Kwame Asante said so.", ("Orvana",), [("Kwame Asante", "chief executive", "Orvana")]),
    ("Orvana's chief executive, Kwame Asante, said so.", ("Orvana",),
     [("Kwame Asante", "chief executive", "Orvana")]),
    ("The country's deputy foreign minister, Lars Eklund, said so.", (),
     [("Lars Eklund", "deputy foreign minister", None)]),
    ("They met finance minister Kwame Asante on Monday.", (), [("Kwame Asante", "finance minister", None)]),
    ("Chief executive Kwame Asante said so.", (), [("Kwame Asante", "Chief executive", None)]),
    ("He wanted it after the death of president Kwame Asante.", (), [("Kwame Asante", "president", None)]),
])
def test_a_lower_case_title_before_a_name(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, orgs, expected", [
    ("Kwame Asante, the finance secretary, said so.", (), [("Kwame Asante", "finance secretary", None)]),
    ("Kwame Asante, Orvana's chief executive, said so.", ("Orvana",),
     [("Kwame Asante", "chief executive", "Orvana")]),
    ("The firm hired Kwame Asante as chief financial officer.", (),
     [("Kwame Asante", "chief financial officer", None)]),
    ("Kwame Asante, the bank's chief operating officer, said so.", (),
     [("Kwame Asante", "chief operating officer", None)]),
    ("Kwame Asante, the ministry's permanent secretary, and Ana Lima met.", (),
     [("Kwame Asante", "permanent secretary", None)]),
    ('"We will appeal," the agency quoted Kwame Asante as saying via his lawyers.', (), []),
    ("The board named Kwame Asante, currently finance director of Orvana, as its head.", ("Orvana",),
     [("Kwame Asante", "finance director", "Orvana")]),
])
def test_a_lower_case_title_after_a_name(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, expected", [
    ("It was signed by Norland's Minister of Water, Sanitation and Forests, Ana Lima, and others.",
     [("Ana Lima", "Minister of Water, Sanitation and Forests", None)]),
    ("Norland's Cabinet Secretary for Roads, Ports and Housing, Kofi Mensah, spoke.",
     [("Kofi Mensah", "Cabinet Secretary for Roads, Ports and Housing", None)]),
])
def test_a_title_whose_complement_is_a_comma_list_before_a_name(text, expected):
    assert roles(text) == expected


def test_a_title_closing_the_last_sentence_is_no_title_of_the_next_name():
    text = "The talks were led by Ana Lima, High Commissioner to Norland. Kofi Mensah spoke."
    assert roles(text) == [("Ana Lima", "High Commissioner to Norland", None)]


def test_an_owners_possessive_between_a_title_and_its_organisation():
    text = "Ana Lima, Chairman of Norland's Tarvo Holdings, agreed."
    assert roles(text, ("Tarvo Holdings",)) == [("Ana Lima", "Chairman", "Tarvo Holdings")]


def test_a_title_is_written_without_the_possessive_before_it():
    assert roles("Norland's Minister of Defence Kwame Asante said so.") == [
        ("Kwame Asante", "Minister of Defence", None)]


@pytest.mark.parametrize("text, orgs, expected", [
    ("Defence Minister Tarun Kapoor held talks.", (), [("Defence Minister", "roles:title_before")]),
    ("Tarun Kapoor, Director, Coastal Research Centre, spoke.", (), [("Director", "roles:apposition")]),
    ("It named Dr Helen Carver as Chief Adviser.", (), [("Chief Adviser", "roles:as_title")]),
    ("Helen Carver MP spoke.", (), [("MP", "roles:title_after")]),
    ("Major General Asif Malik spoke.", (), [("Major General", "roles:rank")]),
    ("Orvana chief executive Ana Ferreira spoke.", ("Orvana",), [("chief executive", "roles:lower_title_before")]),
    ("Ana Ferreira, the director of Orvana, spoke.", ("Orvana",), [("director", "roles:lower_apposition")]),
    ("Ana Ferreira, the finance secretary, spoke.", (), [("finance secretary", "roles:apposition_title")]),
    ("Orvana named Ana Ferreira as its chief financial officer.", (), [("chief financial officer", "roles:lower_title_after")]),
    ("Ana Ferreira and Helen Carver, co-founders of Orbis, spoke.", ("Orbis",),
     [("co-founder", "roles:shared"), ("co-founder", "roles:lower_apposition")]),
])
def test_a_role_names_the_construction_it_was_read_from(text, orgs, expected):
    assert [(r.title or text[r.start:r.end], r.rule) for r in found_roles(text, orgs)] == expected


def test_a_role_s_evidence_is_its_sentence(nlp):
    text = "Talks ended early. Later, Defence Minister Tarun Kapoor met Ana Ferreira, the finance secretary. Both left."
    doc = nlp(text)
    second = (text.index("Later"), text.index("Both") - 1)
    for span in doc.spans["roles"]:
        assert span._.evidence == second
        assert second[0] <= span.start_char and span.end_char <= second[1]
    assert {s.text for s in doc.spans["roles"]} == {"Defence Minister", "finance secretary"}
    people = {p["name"]: p["roles"] for p in people_facts(doc)}
    assert people["Tarun Kapoor"][0]["evidence"] == {"start": second[0], "end": second[1]}


@pytest.mark.parametrize("text, sentence", [
    ("Helen Carver MP spoke", "Helen Carver MP spoke"),  # no full stop: to the end of the line
    ("HEADLINE\nHelen Carver MP spoke.  \nMore.", "Helen Carver MP spoke."),
    ("The U.S. Secretary of State Paul Hendricks left. Later.", "The U.S. Secretary of State Paul Hendricks left."),
])
def test_a_role_s_sentence_ends_at_a_full_stop_or_a_line_break(text, sentence):
    (role,) = found_roles(text)
    start, end = role_sentence(text, role)
    assert text[start:end] == sentence


def test_a_role_s_sentence_is_looked_for_only_near_it():
    text = "x " * 3000 + "Helen Carver MP spoke " + "y " * 3000
    (role,) = found_roles(text)
    start, end = role_sentence(text, role)
    assert role.start - start <= SENTENCE_REACH and end - role.end <= SENTENCE_REACH


@pytest.mark.parametrize("text, expected", [
    ("Prices will rise, said Tomas Ferri, chief currency strategist at the bank.", ("Tomas Ferri", "chief currency strategist")),
    ("Rhona Bell, the election coordinator, said the plan worked.", ("Rhona Bell", "election coordinator")),
    ("Kofi Adjei, a senior consultant, agreed.", ("Kofi Adjei", "senior consultant")),
])
def test_occupations_in_apposition_are_roles(text, expected):
    assert expected in [(person, title) for person, title, _ in roles(text)]


@pytest.mark.parametrize("text, title", [
    ("Orvana marketing director Ana Souza said sales grew.", "marketing director"),
    ("The housing minister Tom Reid spoke first.", "housing minister"),
    ("The visiting director Ana Souza spoke.", "director"),  # an "-ing" word of the sentence, not a field
])
def test_a_field_ending_in_ing_belongs_to_the_title(text, title):
    assert [t for _, t, _ in roles(text)] == [title]


def test_joint_titles_and_capitalised_short_titles_after_the_name(nlp):
    from extractor.io.sources import Article
    from extractor.pipeline.build import process

    text = ("Tomas Reyes, chairman and chief executive of Vellmar Holdings, spoke. Ana Lima, the interim CEO of "
            "Orvane Group, and Mark Tan, a spokesman for Halden Rail, did not.")
    (_, article), = process(nlp, [Article(source="t", text=text)])
    found = {(p["name"], r["role"], r["organisation"]) for p in article["people"] for r in p["roles"]}
    assert found == {("Tomas Reyes", "chairman and chief executive", "Vellmar Holdings"),
                     ("Ana Lima", "interim CEO", "Orvane Group"), ("Mark Tan", "spokesman", "Halden Rail")}


@pytest.mark.parametrize("text, orgs, expected", [
    ("Tomas Lind, director of sales, service and training at the Velmar Group, spoke.", ("Velmar Group",),
     [("Tomas Lind", "director of sales, service and training", "Velmar Group")]),
    ("Ama Owusu, deputy minister for water policy at the Ministry of Works (MoW), spoke.", ("Ministry of Works",),
     [("Ama Owusu", "deputy minister for water policy", "Ministry of Works")]),
    ("Rosa Vidal, the Orbis Bank's country director for Ghana, spoke.", ("Orbis Bank",),
     [("Rosa Vidal", "country director for Ghana", "Orbis Bank")]),
    ("Ines Mora, mayor of Villanueva, spoke.", (), [("Ines Mora", "mayor of Villanueva", None)]),
    ("Carlos Ruiz, minister of energy and mines of Peru, spoke.", (), [("Carlos Ruiz", "minister of energy and mines of Peru", None)]),
    ("Sam Okoro, chief executive of Tarvo Lines. Under the deal, it grows.", (),
     [("Sam Okoro", "chief executive", "Tarvo Lines")]),
    ("Sara Holm, managing partner at Brightwater Capital Partners, said so.", ("Brightwater Capital Partners",),
     [("Sara Holm", "managing partner", "Brightwater Capital Partners")]),
])
def test_a_lower_case_title_after_the_name_with_its_complement_and_organisation(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, expected", [
    ("It was witnessed by the Dutch ambassador to Ghana, Anna Visser.", [("Anna Visser", "Dutch ambassador to Ghana", None)]),
    ("Kenya's consul general in Mumbai, David Otieno, attended.", [("David Otieno", "consul general in Mumbai", None)]),
    ("Chile's minister of science, technology and innovation, Ana Rojas, spoke.",
     [("Ana Rojas", "minister of science, technology and innovation", None)]),
    ("It was signed by its managing director, Peter Obi-Nwosu.", [("Peter Obi-Nwosu", "managing director", None)]),
    ("Vellmar South Africa chief executive Mike Dube said so.", [("Mike Dube", "chief executive", None)]),
])
def test_a_lower_case_title_before_the_name_with_its_place_and_nationality(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, orgs, expected", [
    # a singular title after "X and Y," is Y's alone; a plural one is both's
    ("Club president Marek Nowak and Joanna Lis, chief executive of Zenit, signed.", ("Zenit",),
     [("Marek Nowak", "president", None), ("Joanna Lis", "chief executive", "Zenit")]),
    # the title before an honorific, a bracketed complement, a place after a possessive
    ("It was signed by Orbis's group managing director, Datuk Ahmad Faizal.", ("Orbis",),
     [("Ahmad Faizal", "group managing director", "Orbis")]),
    ("It was signed by Kolli Devi, special chief secretary (dairy and fisheries), for the state.", (),
     [("Kolli Devi", "special chief secretary (dairy and fisheries)", None)]),
    ("Orbis's Kenya country manager, David Otieno, declined to comment.", ("Orbis",),
     [("David Otieno", "Kenya country manager", "Orbis")]),
    ("It was signed by Ana Lima, Orbis's director of sales, and by Tom Berg.", ("Orbis",),
     [("Ana Lima", "director of sales", "Orbis")]),
])
def test_titles_around_coordinated_names_honorifics_and_possessives(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, orgs, expected", [
    # a place after an office held for one is the title's, with or without "the"
    ("It was witnessed by Chile's ambassador to the Netherlands, Rosa Quiroga Diaz.", (),
     [("Rosa Quiroga Diaz", "ambassador to the Netherlands", None)]),
    ("The mayor of Szeged, Anna Kovacs Toth, signed it.", (), [("Anna Kovacs Toth", "mayor of Szeged", None)]),
    # another title's "of" names its organisation
    ("The chief executive of Orvana, Ana Lima, said so.", ("Orvana",), [("Ana Lima", "chief executive", "Orvana")]),
    ("The director of the Kestrel Institute, Ana Lima, said so.", (), [("Ana Lima", "director", "Kestrel Institute")]),
    # "for" a region or country is the title's; the organisation is the possessive's
    ("Tomas Rey, the IMF's mission chief for Chile, said so.", ("IMF",), [("Tomas Rey", "mission chief for Chile", "IMF")]),
    # the idioms that close a title
    ("It was witnessed by Paulo Reyes, the Chilean Navy's flag officer in command.", ("Chilean Navy",),
     [("Paulo Reyes", "flag officer in command", "Chilean Navy")]),
    # the organisation a few words on, after its description
    ("\"It is good,\" said Jorge Ruiz, head of research at Lisbon brokerage Banco Tejo.", ("Banco Tejo",),
     [("Jorge Ruiz", "head of research", "Banco Tejo")]),
    ("Budget Undersecretary Clarita Mangubat said so.", (), [("Clarita Mangubat", "Budget Undersecretary", None)]),
])
def test_titles_with_their_complements_and_organisations(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, orgs, expected", [
    # "who heads Y as its title": the title, with the organisation named in Y
    ("Paula Ruiz, who heads Tarvo Energy as its chief executive, spoke.", ("Tarvo Energy",),
     [("Paula Ruiz", "chief executive", "Tarvo Energy")]),
    ("Ama Owusu, who runs the Kestrel Bank office in Accra as country manager, agreed.", ("Kestrel Bank",),
     [("Ama Owusu", "country manager", "Kestrel Bank")]),
    ("Paula Ruiz, who chairs the Lakeside Council as its secretary general, spoke.", ("Lakeside Council",),
     [("Paula Ruiz", "secretary general", "Lakeside Council")]),
    # an office before a style of the name: "the Governor of X, Prince Y"
    ("The Governor of Norland State, Prince Oladele Akande, witnessed it.", (),
     [("Oladele Akande", "Governor of Norland State", None)]),
    # an organisation before a lower-case title of two words
    ("It was signed by VEDA director general Ana Lima.", ("VEDA",), [("Ana Lima", "director general", "VEDA")]),
    # a portfolio of two industries joined by "and" is one title
    ("The Minister for Energy and Power, Ama Owusu, agreed.", (), [("Ama Owusu", "Minister for Energy and Power", None)]),
    ("The Deputy Minister for Energy and Power Infrastructure, Akosua Frimpong, said so.", (),
     [("Akosua Frimpong", "Deputy Minister for Energy and Power Infrastructure", None)]),
])
def test_titles_of_what_a_person_heads_after_a_style_of_two_words_and_of_two_portfolios(text, orgs, expected):
    assert roles(text, orgs) == expected


def test_a_title_of_an_organisation_written_with_its_acronym_before_an_honorific_and_name():
    text = "He stood beside the Managing Director of the Kestrel Water Board (KWB), Engr. Ada Obi."
    assert roles(text, ("Kestrel Water Board", "KWB")) == [("Ada Obi", "Managing Director", "Kestrel Water Board")]


@pytest.mark.parametrize("text, orgs, expected", [
    # a portfolio list right before the name, without a comma: the list is the title's
    ("Minister of Water, Forestry and Fisheries Tomas Rey said so.", (),
     [("Tomas Rey", "Minister of Water, Forestry and Fisheries", None)]),
    # a list item that ends in an industry word is the portfolio's, not an organisation after the title
    ("Tomas Rey, Minister of Trade, Tourism and Energy, spoke.", (),
     [("Tomas Rey", "Minister of Trade, Tourism and Energy", None)]),
    ("Tomas Rey, Minister for Housing, Ports, Roads and Energy, spoke.", (),
     [("Tomas Rey", "Minister for Housing, Ports, Roads and Energy", None)]),
    # a comma part after a plain title still names its organisation
    ("Ana Diaz, Chief Executive, Norvik Energy and Power, spoke.", (),
     [("Ana Diaz", "Chief Executive", "Norvik Energy and Power")]),
])
def test_a_title_whose_portfolio_is_a_comma_list(text, orgs, expected):
    assert roles(text, orgs) == expected


def test_a_name_word_the_people_finder_missed_is_not_the_portfolio_lists_last_word():
    text = "Minister of Forests, Rivers and Energy Kwesi Kofi Mensah opened the dam."
    start = text.index("Kofi")
    person = PersonMention(start, start + len("Kofi Mensah"), "Kofi Mensah")
    found = find_roles(text, [person], [])
    assert [text[r.start:r.end] for r in found] == ["Minister of Forests, Rivers and Energy"]


@pytest.mark.parametrize("text, orgs, expected", [
    ("The talks were led by Marta Silva, chair of the board, and Rui Costa.", (),
     [("Marta Silva", "chair of the board", None)]),
    ("Marta Silva, chairman of the supervisory board, said so.", (),
     [("Marta Silva", "chairman of the supervisory board", None)]),
    ("Marta Silva, chairman of the board of Tarvo Energy, said so.", ("Tarvo Energy",),
     [("Marta Silva", "chairman of the board", "Tarvo Energy")]),
    ("It was signed by Marta Silva, Chairman of the Board of Tarvo Holdings, and others.", ("Tarvo Holdings",),
     [("Marta Silva", "Chairman of the Board", "Tarvo Holdings")]),
    # an adverb of time before the title is the sentence's, also before a described organisation
    ("Orvana hired Piet Jansen, currently sales director of Belgian brewer Brenmoor NV, last week.",
     ("Brenmoor NV",), [("Piet Jansen", "sales director", "Brenmoor NV")]),
])
def test_offices_on_a_board_and_a_time_adverb_before_the_title(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, orgs, expected", [
    # a title kept or taken up after "who … as"
    ("Lars Halvik, who remains as president of the Orvana Rowing Club, welcomed it.", ("Orvana Rowing Club",),
     [("Lars Halvik", "president", "Orvana Rowing Club")]),
    ("Ana Lima, who joins as chief financial officer, starts in May.", (), [("Ana Lima", "chief financial officer", None)]),
    # an office named for the cabinet is one title, with the nationality and portfolio written into it
    ("Health Cabinet Secretary Amina Waweru opened the clinic.", (),
     [("Amina Waweru", "Health Cabinet Secretary", None)]),
    # a region named by its compass point after "for" is the title's
    ("Mira Solberg, the OECD's senior economist for West Africa, spoke.", ("OECD",),
     [("Mira Solberg", "senior economist for West Africa", "OECD")]),
])
def test_titles_taken_up_cabinet_offices_and_regions(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lucia Ferro, a former adviser at the ministry, agreed.", [("Lucia Ferro", "adviser", None)]),
    ("Ines Moura, the former health minister, spoke.", [("Ines Moura", "health minister", None)]),
    ("Deputy Akim Dana Tulegenova visited the plant.", [("Dana Tulegenova", "Deputy Akim", None)]),
])
def test_former_is_no_part_of_the_title_and_an_akim_is_one(text, expected):
    assert roles(text) == expected


def test_a_title_right_before_a_name_in_a_list_is_that_names():
    text = "Guests included Ana Ruiz, Deputy Trade Commissioner Tom Berg and a banker."
    assert roles(text) == [("Tom Berg", "Deputy Trade Commissioner", None)]


def test_a_title_closing_a_line_stays_with_the_name_before():
    text = "Speakers:\nAna Ruiz, Director of Communications\nTom Berg, Head of Sales\n"
    assert roles(text) == [("Ana Ruiz", "Director of Communications", None), ("Tom Berg", "Head of Sales", None)]


@pytest.mark.parametrize("text, orgs, expected", [
    ("The board thanks the staff.\n\nIssued by:\nNomvula Thandeka Dube\nChief Communications Officer\nLakeside Water Board\n",
     ("Lakeside Water Board",), [("Nomvula Thandeka Dube", "Chief Communications Officer", "Lakeside Water Board")]),
    ("Issued by:\nNomvula Thandeka Dube\nHead of Media Relations", (),
     [("Nomvula Thandeka Dube", "Head of Media Relations", None)]),
    ("Issued by:\nNomvula Thandeka Dube\nMonday, 4 May", (), []),  # a line without a title word
    ("Issued by:\nNomvula Thandeka Dube, \nHead of Media Relations", (),  # a comma and blanks closing the name's line
     [("Nomvula Thandeka Dube", "Head of Media Relations", None)]),
])
def test_the_title_under_a_statements_signature(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, orgs, expected", [
    # "the academy": the organisation named before by that word
    ("The Lakeside Institute of Soils signed. It was signed by Dr Ana Lima, deputy director of the institute.",
     ("Lakeside Institute of Soils",), [("Ana Lima", "deputy director", "Lakeside Institute of Soils")]),
    ("It was signed by Ana Lima, deputy director of the institute.", (), []),  # none named: the title alone is no role
    # whom a person spoke to is no title
    ("Tavira's treasurer, Ana Lima, told economists at a briefing.", ("Tavira",), [("Ana Lima", "treasurer", "Tavira")]),
    # a title taken up or kept, said of the person outright
    ("Tom Reed will remain as an independent adviser until June.", (), [("Tom Reed", "independent adviser", None)]),
    ("Ana Lima is to join the Tavira Holdings board as a director in March.", ("Tavira Holdings",),
     [("Ana Lima", "director", None)]),
    ("Tom Reed will meet the board as soon as possible.", (), []),
    ("Prices will fall, according to Ana Lima, senior water specialist at the Lakeside Bank.", ("Lakeside Bank",),
     [("Ana Lima", "senior water specialist", "Lakeside Bank")]),
])
def test_titles_of_an_apposition_described_organisation_and_a_future_tenure(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, orgs, expected", [
    # a capital with an accent opens a name as a plain one does
    ("It was signed by Ana Lima, president of the management board of ŁKM, and others.", ("ŁKM",),
     [("Ana Lima", "president of the management board", "ŁKM")]),
    ("Deputy Mayor of Łódź Rui Vaz attended.", (), [("Rui Vaz", "Deputy Mayor of Łódź", None)]),
    ("Ülkü Şahin, Minister of Economy of Élanie, spoke.", (), [("Ülkü Şahin", "Minister of Economy of Élanie", None)]),
])
def test_titles_with_accented_capitals(text, orgs, expected):
    assert roles(text, orgs) == expected


@pytest.mark.parametrize("text, expected", [
    ("The MoU was signed by Peter Langat, High Commissioner of Kenya in Sri Lanka, and Ana Lima.",
     [("Peter Langat", "High Commissioner of Kenya in Sri Lanka", None)]),
    ("It was signed by Ana Ruiz, Consul General of Peru in Chennai.", [("Ana Ruiz", "Consul General of Peru in Chennai", None)]),
    # not an office held for a place: "in" opens what the person did
    ("It was signed by Ana Ruiz, Director of Research in Lisbon on Monday.", [("Ana Ruiz", "Director of Research", None)]),
    # a month is when, not where
    ("John Kamau, High Commissioner of Kenya in March, said the talks went well.",
     [("John Kamau", "High Commissioner of Kenya", None)]),
])
def test_an_office_held_for_a_place_keeps_where_it_is_held(text, expected):
    assert roles(text) == expected


def test_a_possessive_of_a_described_organisation_before_a_title_after_the_name():
    assert roles("Omar Saleh, the Qatari lender's chief executive, said so.") == [("Omar Saleh", "chief executive", None)]


@pytest.mark.parametrize("text, title", [
    ("The MoU was signed for Tarvo Bank by its deputy CEO, Mrs Leila Haddad.", "deputy CEO"),
    ("The MoU was signed for Tarvo Bank by their assistant CFO, Mrs Leila Haddad.", "assistant CFO"),
])
def test_a_rank_in_lower_case_before_a_capitalised_title_is_the_titles(text, title):
    assert roles(text) == [("Leila Haddad", title, None)]
