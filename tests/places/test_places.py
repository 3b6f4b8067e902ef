"""Places from our own sentences: countries, short forms, ambiguous names, places inside names."""
import pytest

from extractor.io.sources import Article
from extractor.pipeline.build import process


def places(nlp, text):
    """(name, kind, country, surfaces) of each place item."""
    (_, article), = process(nlp, [Article(source="t", text=text)])
    return [(p["name"], p["kind"], p["country"], [m["text"] for m in p["mentions"]]) for p in article["places"]]


def article(nlp, text):
    (_, found), = process(nlp, [Article(source="t", text=text)])
    return found


def test_country_short_and_full_forms_are_one_item(nlp):
    found = places(nlp, "Talks between Chile and the US resumed. The United States sent envoys to Santiago.")
    assert ("United States", "country", "US", ["US", "United States"]) in found
    assert ("Chile", "country", "CL", ["Chile"]) in found
    assert any(name == "Santiago" and kind == "city" and country == "CL" for name, kind, country, _ in found)


def test_subdivision_and_folded_accents(nlp):
    found = places(nlp, "Farmers in Arunachal Pradesh and Ontario face floods.")
    assert [(n, k, c) for n, k, c, _ in found] == [("Arunachal Pradesh", "region", "IN"), ("Ontario", "region", "CA")]


def test_georgia_by_context(nlp):
    us = places(nlp, "The storm moved from Alabama into Georgia on Sunday, then towards Atlanta.")
    assert ("Georgia", "region", "US", ["Georgia"]) in us
    caucasus = places(nlp, "Georgia and Armenia signed a border protocol in Tbilisi.")
    assert ("Georgia", "country", "GE", ["Georgia"]) in caucasus


def test_a_country_is_not_read_as_a_town_named_after_it(nlp):
    # small towns of the US bear these names: the US named beside them must not make them towns
    found = places(nlp, "Flights from the United States to Jamaica and Lebanon resumed; Mexico objected.")
    assert [(n, k, c) for n, k, c, _ in found] == [
        ("United States", "country", "US"), ("Jamaica", "country", "JM"), ("Lebanon", "country", "LB"),
        ("Mexico", "country", "MX")]


def test_the_us_capital_with_its_district(nlp):
    found = places(nlp, "The envoys met in Washington DC and later in Washington D.C. again.")
    assert [(k, c, s) for _, k, c, s in found] == [("city", "US", ["Washington DC"]), ("city", "US", ["Washington D.C."])]


def test_a_town_named_as_one_is_a_place_not_a_person(nlp):
    # both words are given names: the people finder reads a person, "the hill town of" a town
    found = article(nlp, "The envoys met in the hill town of Villa Rosa on Monday.")
    assert [p["name"] for p in found["people"]] == []
    assert [p["name"] for p in found["places"]] == ["Villa Rosa"]
    kept = article(nlp, "Dr Villa Rosa spoke. Later, Villa Rosa left for the town of Villa Rosa.")
    assert [p["name"] for p in kept["people"]] == ["Villa Rosa"]


def test_a_city_whose_name_holds_a_given_name_is_a_place_not_a_person(nlp):
    found = article(nlp, "Investors gathered in Ho Chi Minh City on Monday. Quezon City followed.")
    assert found["people"] == []
    assert [p["name"] for p in found["places"]] == ["Ho Chi Minh City", "Quezon City"]
    # a town's whole name read as a person's only from its words ("Belo" a given name)
    found = article(nlp, "Sales rose in Belo Horizonte and Chiang Mai. Dr Ana Lima agreed.")
    assert [p["name"] for p in found["people"]] == ["Ana Lima"]
    assert [p["name"] for p in found["places"]] == ["Belo Horizonte", "Chiang Mai"]


def test_jordan_the_person_is_not_a_place(nlp):
    # a capitalised name before it makes "Jordan" part of a longer name
    assert places(nlp, "Mr Michael Jordan praised the squad.") == []
    assert places(nlp, "Officials from Jordan praised the squad.")[0][:3] == ("Jordan", "country", "JO")


def test_places_inside_organisation_names_are_not_places(nlp):
    found = places(nlp, "The Bank of Ghana and the University of Lagos opened a joint office in Accra.")
    assert [name for name, *_ in found] == ["Accra"]


def test_nationality_adjectives_are_not_places(nlp):
    assert places(nlp, "Kenyan and Peruvian officials met Brazilian investors.") == []


def test_hyphenated_pairs_and_compound_words(nlp):
    found = places(nlp, "The Kenya-Uganda railway and the Indo-Pacific strategy were discussed, not Sino-Japanese ties.")
    assert [name for name, *_ in found] == ["Kenya", "Uganda", "Indo-Pacific"]


def test_small_towns_need_a_cue(nlp):
    # a town of that name exists, but a capitalised word alone is not read as it
    assert places(nlp, "Republic Services reported higher profits.") == []
    assert [n for n, *_ in places(nlp, "The convoy left from Bodø before dawn.")] == ["Bodø"]


def test_a_known_name_its_context_makes_a_place_needs_no_other_cue(nlp):
    # "Savannah" is a given name as well as a region: the plural head says which
    found = places(nlp, "Clinics opened in the Volta and Savannah regions of Ghana.")
    assert [(name, country) for name, _, country, _ in found] == [("Volta", "GH"), ("Savannah", "GH"), ("Ghana", "GH")]


def test_named_areas_by_their_heads_and_formal_names(nlp):
    found = places(nlp, "Drought hit Marsabit County and the Gulf of Aden route; the Republic of Kenya sent aid.")
    names = [(name, surfaces) for name, _, _, surfaces in found]
    assert ("Marsabit County", ["Marsabit County"]) in names
    assert ("Gulf of Aden", ["Gulf of Aden"]) in names
    assert any(surfaces == ["Republic of Kenya"] for _, surfaces in names)


def test_currency_and_months_are_not_places(nlp):
    assert places(nlp, "The loan of US$40 million is due in March.") == []


def test_a_place_read_as_an_organisation_is_a_place(nlp):
    found = article(nlp, "Nigeria will host the talks, Nigeria said.")
    assert [o["name"] for o in found["organisations"]] == []
    assert [p["name"] for p in found["places"]] == ["Nigeria"]


@pytest.mark.parametrize("text", ["Barges left St. Louis on Friday.", "Barges left St Louis on Friday.",
                                  "Barges left Saint Louis on Friday."])
def test_saint_is_written_three_ways(nlp, text):
    assert [(k, c) for _, k, c, _ in places(nlp, text)] == [("city", "US")]


def test_a_saint_spelling_keeps_the_readings_of_the_others(nlp):
    # the data has Russia's city only as "Saint Petersburg" and Florida's only as "St. Petersburg"
    assert [(n, c) for n, _, c, _ in places(nlp, "The ballet returned to St. Petersburg.")] == [("St. Petersburg", "RU")]
    assert ("St. Petersburg", "city", "US", ["St. Petersburg"]) in places(
        nlp, "Storms hit Tampa and St. Petersburg in Florida.")


def test_english_names_of_regions_the_data_writes_in_their_own_language(nlp):
    found = places(nlp, "Floods hit Bavaria and Tuscany, and Wales had snow.")
    assert [(n, k, c) for n, k, c, _ in found] == [("Bavaria", "region", "DE"), ("Tuscany", "region", "IT"),
                                                   ("Wales", "region", "GB")]


def test_english_names_of_provinces_and_islands_the_data_writes_in_their_own_language(nlp):
    # the English name is a mention of the province the data names ("Central Kalimantan", "Kalimantan Tengah")
    found = places(nlp, "Mills in Central Kalimantan and Kalimantan Tengah closed; Kalimantan had rain.")
    assert found == [("Kalimantan Tengah", "region", "ID", ["Central Kalimantan", "Kalimantan Tengah"]),
                     ("Kalimantan", "area", "ID", ["Kalimantan"])]


def test_former_country_names_news_still_writes(nlp):
    found = places(nlp, "Envoys from East Timor and Swaziland arrived.")
    assert [(n, c) for n, _, c, _ in found] == [("Timor-Leste", "TL"), ("Eswatini", "SZ")]


@pytest.mark.parametrize("written, names", [
    ("Girona [Gerona]", ("Girona", "Gerona")),
    ("Wales [Cymru GB-CYM]", ("Wales",)),
    ("Lugo [Lugo]", ("Lugo",)),
    ("Stockholms län [SE-01]", ("Stockholms län",)),
    ("Ontario", ("Ontario",)),
])
def test_the_table_reads_bracketed_names_of_the_data(written, names):
    from extractor.places.gazetteer import _names_of
    assert _names_of(written) == names


def test_a_region_the_data_writes_with_its_number_is_named_without_it(nlp):
    from extractor.places.gazetteer import _NUMBERED
    assert _NUMBERED.sub("", "Ilocos (Region I)") == "Ilocos"
    assert _NUMBERED.sub("", "Capital Territory (Honiara)") == "Capital Territory (Honiara)"  # a name, not a number
    assert _NUMBERED.sub("", "Tarfaya (EH-partial)") == "Tarfaya (EH-partial)"  # a country code, kept apart
    found = places(nlp, "Floods hit Western Visayas and Ilocos last year.")
    assert [(n, k, c) for n, k, c, _ in found] == [("Western Visayas", "region", "PH"), ("Ilocos", "region", "PH")]


def test_direction_words_the_data_has_as_regions_are_no_places_alone(nlp):
    assert places(nlp, "Central bankers and Western diplomats met; Southern farmers stayed home.") == []
    assert [n for n, _, _, _ in places(nlp, "North Korea and West Africa traded.")] == ["North Korea", "West Africa"]


def test_a_town_named_like_a_word_opening_a_sentence_is_that_word(nlp):
    # Police is a Polish town; a line that opens with it as a dateline still names the town
    assert places(nlp, "Bombs were found.\nPolice said the house was empty.") == []
    assert [n for n, _, _, _ in places(nlp, "Officials met.\nPolice, Poland - Workers struck.")][:1] == ["Police"]


def test_a_town_read_without_a_cue_names_no_country(nlp):
    # "Union" (a US town) is no place in "Union leaders", so Geneva stays Switzerland's
    assert places(nlp, "Union leaders met in Geneva.") == [("Geneva", "city", "CH", ["Geneva"])]


def test_a_title_or_a_day_after_a_country_does_not_make_a_longer_name(nlp):
    found = [n for n, _, _, _ in places(nlp, "Chad President Ana Lima met envoys who left Greece Thursday.")]
    assert found == ["Chad", "Greece"]
    assert places(nlp, "He was sentenced at Harrow Crown Court on Monday.") == []


def test_inner_capitals_and_acronyms(nlp):
    assert places(nlp, "Violence flared in KwaZulu-Natal.") == [("Kwazulu-Natal", "region", "ZA", ["KwaZulu-Natal"])]
    assert places(nlp, "Us magazine printed the photos.") == []


def test_former_city_names_name_todays_city(nlp):
    found = places(nlp, "Flights from Bombay and Kiev landed in Cologne.")
    assert [(n, c, s) for n, _, c, s in found] == [("Mumbai", "IN", ["Bombay"]), ("Kyiv", "UA", ["Kiev"]),
                                                   ("Cologne", "DE", ["Cologne"])]


def test_a_region_with_the_word_of_its_formal_name_after_it(nlp):
    found = places(nlp, "Floods cut roads in Kano State, and Lagos State sent boats.")
    assert [(name, kind, country, surfaces) for name, kind, country, surfaces in found] == [
        ("Kano", "region", "NG", ["Kano State"]), ("Lagos", "region", "NG", ["Lagos State"])]


def test_a_us_state_before_state_is_no_formal_name(nlp):
    # "Ohio State" is a university or its team; "Lagos State University" is an organisation
    found = article(nlp, "Ohio State beat Michigan. Lagos State University signed a deal.")
    assert all("State" not in m["text"] for p in found["places"] for m in p["mentions"])
    assert "Lagos State University" in [o["name"] for o in found["organisations"]]


def test_capitals_with_letters_beyond_ascii_and_compass_areas(nlp):
    found = places(nlp, "Trains from Łódź reached Central Jakarta and West Africa.")
    assert [(name, surfaces) for name, _, _, surfaces in found] == [
        ("Łódź", ["Łódź"]), ("Central Jakarta", ["Central Jakarta"]), ("West Africa", ["West Africa"])]


@pytest.mark.parametrize("text, expected", [
    ("A terminal opened at Ombeko, in Rivers State, on Monday.", ("Ombeko", "city", "NG")),
    ("The road between Tambacounda and Sarakodi was paved.", ("Sarakodi", "city", "SN")),
    ("A canal runs between the towns of Vella Nueva and Koralu.", ("Koralu", "city", None)),
])
def test_a_town_the_data_lacks_read_from_a_known_place_beside_it(nlp, text, expected):
    assert expected in [(name, kind, country) for name, kind, country, _ in places(nlp, text)]


def test_short_english_forms_the_data_lacks(nlp):
    found = places(nlp, "Trade fairs in Frankfurt and East Java drew buyers from Korea.")
    assert [(surfaces, country) for _, _, country, surfaces in found] == [
        (["Frankfurt"], "DE"), (["East Java"], "ID"), (["Korea"], "KR")]


def test_names_written_with_accents_the_table_lacks_and_elided_particles(nlp):
    found = places(nlp, "Envoys from Côte d’Ivoire met in Huế and Đà Nẵng, then flew to São Tomé and Príncipe.")
    assert [(name, country) for name, _, country, _ in found] == [
        ("Côte d'Ivoire", "CI"), ("Hue", "VN"), ("Da Nang", "VN"), ("Sao Tome and Principe", "ST")]


def test_a_dateline_with_a_dash_is_a_place_not_an_organisation(nlp):
    found = article(nlp, "GABORONE — The vote passed on Monday.")
    assert found["organisations"] == [] and [p["name"] for p in found["places"]] == ["Gaborone"]


@pytest.mark.parametrize("text, expected", [
    # lower-case particles inside a town's name
    ("The envoy flew on to Dar es Salaam.", ("Dar es Salaam", "city", "TZ")),
    ("A plant opened in Mo i Rana.", ("Mo i Rana", "city", "NO")),
])
def test_particles_inside_a_towns_name(nlp, text, expected):
    assert [(n, k, c) for n, k, c, _ in places(nlp, text)] == [expected]


def test_a_companys_short_form_after_in_or_near_is_the_town_it_is_named_after(nlp):
    found = article(nlp, "Kabwe Solar Power Ltd will build a plant near Kabwe, its owners said.")
    assert [p["name"] for p in found["places"]] == ["Kabwe"]
    assert [[m["text"] for m in o["mentions"]] for o in found["organisations"]] == [["Kabwe Solar Power Ltd"]]


@pytest.mark.parametrize("text, expected", [
    ("It was opened by Saudi Arabia's investment minister.", ("Saudi Arabia", "country", "SA")),
    ("South Africa’s rand fell.", ("South Africa", "country", "ZA")),
])
def test_a_place_of_two_words_before_its_possessive(nlp, text, expected):
    assert [(n, k, c) for n, k, c, _ in places(nlp, text)] == [expected]


@pytest.mark.parametrize("text, surface", [
    # a short form written with a small first letter, and the same name capitalised
    ("Its first deal in sub-Saharan Africa was signed.", "sub-Saharan Africa"),
    ("Trade with Sub-Saharan Africa rose.", "Sub-Saharan Africa"),
])
def test_a_short_form_in_either_case(nlp, text, surface):
    assert [(k, s) for _, k, _, s in places(nlp, text)] == [("area", [surface])]


def test_a_region_that_only_weak_readings_made_an_organisation_is_a_place(nlp):
    found = article(nlp, "date 2025-09-16\nNorgrid signed a power purchase agreement with the Ogun Electricity "
                         "Distribution Company (OEDC). The plants in Ogun and Oyo states will add power to Nigeria. "
                         "Ogun will gain most.")
    assert [m["text"] for p in found["places"] if p["name"] == "Ogun" for m in p["mentions"]] == ["Ogun", "Ogun"]
    assert [o["name"] for o in found["organisations"]][-1] == "Ogun Electricity Distribution Company"
    assert all(m["text"] != "Ogun" for o in found["organisations"] for m in o["mentions"])


def test_a_small_town_named_like_a_companys_short_form_stays_the_company(nlp):
    found = article(nlp, "date 2025-09-16\nAccording to Asahi Breweries, sales of beer in Japan fell. Asahi is "
                         "coming late to the market.")
    assert "Asahi" in [m["text"] for o in found["organisations"] for m in o["mentions"]]


def test_a_town_whose_name_opens_with_a_rank_is_the_town(nlp):
    found = article(nlp, "date 2025-11-20\nArnel Dalisay, president of the federation, said members in General "
                         "Santos expected higher catches.")
    assert [p["name"] for p in found["places"]] == ["General Santos"]
    assert [p["name"] for p in found["people"]] == ["Arnel Dalisay"]


@pytest.mark.parametrize("text, expected", [
    ("It hired Porto-based Ribeira Têxtil.", ["Porto"]),  # a town that needs a cue
    ("It hired Kuala Lumpur-based Nusa Halal and a Rio de Janeiro-born banker.", ["Kuala Lumpur", "Rio de Janeiro"]),
    ("The Mercedes-backed team won again.", []),  # a backer, no place
    ("Weather was mild. Nairobi-based Orvana said its sales rose.", ["Nairobi"]),
    ("Jobs rose, and ILO-based figures agree.", []),  # an acronym, not a town of its letters
])
def test_a_place_before_a_hyphenated_adjective(nlp, text, expected):
    found = article(nlp, text)
    assert [p["name"] for p in found["places"]] == expected
    assert not any(p["name"].endswith(("-based", "-born")) for p in found["people"])


def test_geographic_names_opened_by_spanish_words(nlp):
    found = article(nlp, "The firm gains the Salar de Uyuni, near the Cerro Blanco and Laguna Verde.")
    assert [p["name"] for p in found["places"]][-3:] == ["Salar de Uyuni", "Cerro Blanco", "Laguna Verde"]
    assert found["people"] == []


def test_a_dateline_of_towns_joined_by_a_slash(nlp):
    found = article(nlp, "date 2025-07-30\nHOBART/VALDIVIA, May 2 – Kestrel Resources Ltd agreed to buy it.")
    assert [p["name"] for p in found["places"]] == ["Hobart", "Valdivia"]


def test_a_town_read_as_an_organisation_beside_one_is_the_town_and_no_party(nlp):
    text = ("The Lakeside Technical University in Olomouc and the Coastal Institute of Soil Science signed a "
            "framework agreement on Monday. Students will move between Olomouc and Pune.")
    found = article(nlp, text)
    assert "Olomouc" not in [o["name"] for o in found["organisations"]]
    assert ("Olomouc", "city", "CZ") in [(p["name"], p["kind"], p["country"]) for p in found["places"]]
    (agreement,) = found["agreements"]
    assert "Olomouc" not in agreement["parties"]
    assert "Olomouc" not in [e["name"] for e in agreement["evidence"]["parties"]]


def test_a_company_named_like_a_town_stays_a_company_where_a_mention_says_so(nlp):
    text = ("Talks on a merger between Valencia and Banco Lusitano went on in Madrid. Valencia's chairman said "
            "the bank in Valencia and Banco Lusitano would save money.")
    assert "Valencia" in [o["name"] for o in article(nlp, text)["organisations"]]


@pytest.mark.parametrize("text, name", [
    # a region whose data name opens with the Arabic article is written without it
    ("Officials from Anbar met their counterparts in Iraq's capital on Monday.", "Anbar"),
    ("Egypt said officials from Fayyum would attend.", "Fayyum"),
])
def test_a_region_named_without_its_arabic_article(nlp, text, name):
    assert name in [p["name"] for p in article(nlp, text)["places"]]


def test_a_town_in_capitals_that_says_it_is_a_city_opens_a_dateline(nlp):
    found = article(nlp, "date 2025-09-05\n\nPort deal signed\n\nDAVAO CITY — The port authority signed a deal.\n")
    assert ("DAVAO CITY", "city") in [(p["mentions"][0]["text"], p["kind"]) for p in found["places"]]
    assert "CITY" not in [o["name"] for o in found["organisations"]]


def test_a_place_of_two_words_before_a_hyphen_tail_is_the_place(nlp):
    found = article(nlp, "A unit of Kuala Lumpur-listed Warisan Tenaga Bhd will lead the work.")
    assert [p["name"] for p in found["places"]] == ["Kuala Lumpur"]


@pytest.mark.parametrize("line", ["Hull City - Arsenal 2-1", "Manchester City — the champions won again."])
def test_a_club_named_city_opening_a_line_is_no_dateline(nlp, line):
    found = article(nlp, f"date 2025-09-05\n\nResults\n\n{line}\n")
    assert not any(p["mentions"][0]["text"].endswith("City") for p in found["places"])
