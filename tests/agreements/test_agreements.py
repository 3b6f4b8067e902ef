"""Agreements: which spans name one, how mentions link up, and the facts read around them."""
import pytest
import spacy

from extractor.agreements.facts import Entity, groups_in, places_in, read_facts, status_near
from extractor.agreements.lexicon import cue_words, lookup_head
from extractor.agreements.mentions import (ACRONYM, INTRO, REFERENCE, REMENTION, find_mentions,
                                                     is_title_line)
from extractor.agreements.component import link, merge
from extractor.common.doc_data import remember_text
from extractor.io.sources import Article
from extractor.pipeline.build import process
from extractor.output.facts import agreements as agreement_items
from extractor.output.invariants import article_problems


def named(text, cuts=()):
    """Surfaces of the mentions that name an agreement (reported in the output)."""
    return [text[m.start:m.end] for m in find_mentions(text, cuts) if m.role in (INTRO, REMENTION, ACRONYM)]


def roles(text):
    return [(text[m.start:m.end], m.role) for m in find_mentions(text)]


# --- kinds of agreement words -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Officials signed a memorandum of understanding on Friday.", ["memorandum of understanding"]),
    ("A MoU was signed on student exchanges.", ["MoU"]),
    ("The two firms inked a deal with the airline.", ["deal"]),
    ("The ministry awarded a contract to the builder.", ["contract"]),
    ("Both sides signed a letter of intent last week.", ["letter of intent"]),
    ("The leaders issued a joint declaration after the talks.", ["joint declaration"]),
    ("The rebels agreed to a peace treaty with the government.", ["peace treaty"]),
    ("The parties reached an accord after long talks.", ["accord"]),
    ("The neighbours signed a pact to share water.", ["pact"]),
])
def test_each_kind_of_agreement_word_is_found(text, expected):
    assert named(text) == expected


def test_kind_comes_from_the_head_word():
    mention = find_mentions("Ministers signed a memorandum of understanding.")[0]
    assert mention.kind == "mou"
    assert lookup_head("Letter of Intent").kind == "letter of intent"
    assert lookup_head("mou") is None  # acronyms match only as written


# --- named and described agreements ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Nations reaffirmed the Paris Agreement on Monday.", ["Paris Agreement"]),
    ("Talks under the Open Skies Agreement went well.", ["Open Skies Agreement"]),
    ("The country signed a free trade agreement with its neighbour.", ["free trade agreement"]),
    ("The state signed a financing agreement worth $100 million.", ["financing agreement"]),
    ("The firms announced a 12-year deal to supply coal.", ["12-year deal"]),
    ("It follows the recent 19-year deal struck by the rival.", ["19-year deal"]),
    ("The navy placed a $2 billion contract for 26 Rafale-M jets.", ["contract for 26 Rafale-M jets"]),
    ("The studio lands $3bn Navy Reserve contract.", ["Navy Reserve contract"]),
    ("They praised the Lagos Water framework in a speech.", ["Lagos Water framework"]),
    ("The Oslo Accords were signed in 1993.", ["Oslo Accords"]),
    ("The firm signed a licensing deal with a studio.", ["licensing deal"]),
    ("Gazprom signed a long-term gas supply deal with Serbia.", ["long-term gas supply deal"]),
    ("They signed a new long-term crude oil supply deal.", ["crude oil supply deal"]),
    ('The ministers signed the "Harbour Safety Agreement" today.', ["Harbour Safety Agreement"]),
    # a title joined inside by "and" stays whole; a side before "and" is not in it
    ("It builds on the Trade and Investment Framework Agreement of 2019.", ["Trade and Investment Framework Agreement"]),
    ("They honoured the Peace & Security Accord today.", ["Peace & Security Accord"]),
    ("They discussed how Chile and Peru Trade Agreement rules apply.", ["Peru Trade Agreement"]),
])
def test_named_and_described_agreements(text, expected):
    assert named(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("They signed a bilateral agreement on Coastal shipping that helps both.",
     ["bilateral agreement on Coastal shipping"]),
    ("The meeting followed the framework for Nordic-Baltic Energy Partnership signed by both ministers.",
     ["framework for Nordic-Baltic Energy Partnership"]),
    ("The mayor agreed to the pact for the building of the Harbour Project with the firm.",
     ["pact for the building of the Harbour Project"]),
    ("The rivals signed the Treaty of Lisbon.", ["Treaty of Lisbon"]),
    ("Ivory is banned under the Convention on International Trade in Endangered Species.",
     ["Convention on International Trade in Endangered Species"]),
    ("Norway ratified the International Convention Against Doping in Sport.",
     ["International Convention Against Doping in Sport"]),
])
def test_topic_after_the_head_belongs_to_the_name(text, expected):
    assert named(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Germany signed an agreement on Tuesday with France.", ["agreement"]),  # a date is no topic
    ("Okafor signed an agreement for the United States.", ["agreement"]),  # nor a country
    ("They signed an agreement for sharing data.", ["agreement"]),  # nor a purpose clause
    ("They signed a deal for $5 million.", ["deal"]),  # nor an amount
    ("Porto agreed a deal for Ajax's goalkeeper.", ["deal"]),  # nor someone else's
    ("Latvia met the tests of the Maastricht Treaty for the adoption of the euro.",
     ["Maastricht Treaty"]),  # nor a lower-case phrase after a name
    ("Without an accord on a new contract, supplies stop.", ["accord", "contract"]),  # nor another agreement
    ("We act under the European Convention on Human Rights and meet our duty.",
     ["European Convention on Human Rights"]),  # a title goes on in capitals
    ("They signed a Protocol Concerning Fisheries in Oslo.", ["Protocol Concerning Fisheries"]),  # nor a place
])
def test_what_is_not_a_topic(text, expected):
    assert named(text, cuts=[(text.find("Tuesday"), text.find("Tuesday") + 7)] if "Tuesday" in text else ()) == expected


# --- which mentions name an agreement -------------------------------------------------------

def test_definite_remention_refers_back_instead_of_naming():
    text = "Airbus signed a deal with the carrier. The deal is worth $2 billion."
    assert roles(text) == [("deal", INTRO), ("deal", REFERENCE)]


def test_definite_mention_with_nothing_before_introduces_one():
    text = "The deal, signed on Monday, opens the market. The deal runs for ten years."
    agreements = link(text, find_mentions(text))
    assert len(agreements) == 1
    assert [text[m.start:m.end] for m in agreements[0].mentions] == ["deal"]
    assert len(agreements[0].references) == 1


def test_evaluative_adjective_after_the_does_not_make_a_new_name():
    text = "Gas firms signed a deal. The landmark deal opens markets."
    assert named(text) == ["deal"]


@pytest.mark.parametrize("text", [
    "Neither side would accept any agreement on tariffs.",
    "There was no deal on the budget.",
    "They made a great deal of progress.",
    "The ministry will deal with complaints.",
    "Officials said several agreements were signed.",
    "The two countries hold talks on bilateral MoUs.",
    "It announced contract awards worth $1 billion.",
    "The laws provide a legal framework for trade.",
    "He acted of his own accord.",
    "Reforms happen within the framework of the constitution.",
    "The North Atlantic Treaty Organization met.",
    "The academy keeps 11 Memorandum of Understanding (MoUs) with clinics.",
    "Talks covered Regional Trade Agreements and tariffs.",
    "Fans met at a two-day Beatles convention in Leeds.",
    "The firms said in a joint statement that sales rose.",
    "There was no agreement on the future of the Senate.",
    "The square was renamed the Plaza of Unity and Accord.",
    "UK-Japan seeking deal on fish quotas",
    '"I deal with complaints myself," he said.',
    "The survey, paid for by Pact and the Arts Council, came out.",
])
def test_mentions_that_name_no_particular_agreement(text):
    assert named(text) == []


def test_appositive_describes_what_precedes():
    text = "The builder's win, a $40 million contract, covers road work."
    assert named(text) == []


def test_acronym_defined_in_brackets_and_its_later_uses():
    text = ("The agency signed a Cooperation Agreement (CA) with its partner. "
            "The CA was signed in Lisbon. Under the CA, crews train together.")
    assert roles(text) == [("Cooperation Agreement", INTRO), ("CA", ACRONYM), ("CA", ACRONYM), ("CA", ACRONYM)]


def test_acronym_head_after_the_is_a_remention():
    text = "A Memorandum of Understanding was signed. This MOU improves cooperation."
    assert roles(text) == [("Memorandum of Understanding", INTRO), ("MOU", REMENTION)]


def test_compound_head_is_one_mention():
    assert named("In May, a framework agreement was signed on oil.") == ["framework agreement"]


def test_framework_between_parties_names_an_agreement():
    assert named("They set up a strategic framework between Alpha and Beta.") == ["strategic framework"]


@pytest.mark.parametrize("text, expected", [
    # the topic's "between" is the topic's; a signing after the topic says it is an agreement
    ("Alpha and Beta signed an accord that sets up a framework for energy cooperation between them.", ["accord"]),
    ("It included a memorandum on grain shipments between Alpha Rail and Beta Freight, signed by their heads.",
     ["memorandum on grain shipments"]),
    ("The rules are in the closing protocol of the summit, which was signed on Friday by the two envoys.",
     ["closing protocol"]),
    # no signing, no parties: a protocol of medicine, not an agreement
    ("Doctors followed the hospital's treatment protocol.", []),
])
def test_a_weak_head_is_an_agreement_when_the_text_says_it_was_signed(text, expected):
    assert [item["name"] for item in items_of(text)] == expected


def test_the_weak_head_after_a_definite_article_is_the_one_named_before():
    text = ("Alpha Rail and Beta Freight signed a memorandum on grain shipments between the two firms. "
            "Under the freight memorandum, trains run weekly. The protocol was not mentioned.")
    (item,) = items_of(text)
    assert surfaces(item) == ["memorandum on grain shipments", "freight memorandum"]


def test_one_agreement_told_twice_in_other_words_is_one_item():
    text = ("Chile and Latvia signed a memorandum of understanding on solar power and grid cooperation. "
            "In Riga, the two signed a memorandum of understanding on cooperation in solar energy and grid links. "
            "A memorandum of understanding on cooperation in tourism was also signed.")
    first, second = items_of(text)
    assert len(first["mentions"]) == 2
    assert second["name"] == "memorandum of understanding on cooperation in tourism"


def test_the_letter_is_the_letter_of_intent_named_before_and_else_a_letter():
    text = ("Velmora signed a letter of intent on joint bids. The letter was signed by its chief executive. "
            "She later wrote a letter to the board.")
    (item,) = items_of(text)
    assert surfaces(item) == ["letter of intent on joint bids", "letter"]
    assert items_of("The letter was read out in parliament.") == []


def test_an_amount_in_brackets_before_the_head_is_no_end_of_the_name():
    (item,) = items_of("The ministry signed a 2 billion baht ($55 million) contract with Velmora on Monday.")
    assert item["name"] == "contract"


def test_a_bare_deal_introduced_again_is_another_deal():
    text = "Velmora signed a $6bn deal with Quistel. Separately, Harlow signed a $2bn deal with Tarvo."
    assert [len(i["mentions"]) for i in items_of(text)] == [1, 1]


def test_a_summary_lines_agreement_is_the_bodys_first_of_its_kind():
    text = ("date 2026-02-12 Norland and Vastra signed a contract for two ferries, officials said.\n\n"
            "OSLO, Feb 12 — The ministry signed a contract with Velmora Yards on Wednesday. "
            "The contract was signed by its chief executive. Velmora also won a contract for a dredger.")
    first, second = items_of(text)
    assert surfaces(first) == ["contract for two ferries", "contract", "contract"]
    assert surfaces(second) == ["contract for a dredger"]


@pytest.mark.parametrize("text, expected", [
    ("The bank is in talks on a $90 million loan to the project company.", [("loan", "loan")]),
    ("Exim signed a line of credit with the treasury.", [("line of credit", "loan")]),
    # a loan word that modifies another noun, or sits inside a compound, names none
    ("Home loan approvals rose in May.", []),
    ("The firm rejected a loan-for-oil deal.", [("loan-for-oil deal", "deal")]),
    ("Mortgage loans rose by 4%.", []),
])
def test_loans_are_agreements(text, expected):
    assert [(i["name"], i["kind"]) for i in items_of(text)] == expected


def test_a_weak_head_that_the_sides_signed_is_an_agreement():
    (item,) = items_of("The plan builds on a joint statement on grain trade that Chile and Latvia signed in March 2024.")
    assert (item["name"], item["status"]) == ("joint statement on grain trade", "signed")


def test_memorandums_of_understanding_are_a_set():
    (item,) = items_of("Officials signed four memorandums of understanding on Monday.")
    assert item["name"] == "four memorandums of understanding"


def test_agreement_on_a_framework_is_that_framework():
    text = "Chile reached an agreement with Peru on a broad framework for fisheries cooperation."
    assert roles(text) == [("agreement", REFERENCE),
                           ("broad framework for fisheries cooperation", INTRO)]


def test_title_case_headline_only_names_what_the_body_does_not():
    text = ("Harbour Builder Wins $900 Million Navy Dock Contract\n"
            "The firm won the Navy Dock contract on Monday.")
    assert [text[m.start:m.end] for a in link(text, find_mentions(text)) for m in a.mentions] == ["Navy Dock contract"]
    assert is_title_line("Harbour Builder Wins $900 Million Navy Dock Contract")
    assert not is_title_line("The firm won the Navy Dock contract on Monday.")


def test_headline_mention_kept_when_the_body_has_none_of_its_kind():
    text = "Joint Statement on Rail Links: Ministers Meet\nThe minister hopes to conclude a Memorandum of Understanding."
    names = [a.mentions[0] for a in link(text, find_mentions(text))]
    assert [text[m.start:m.end] for m in names] == ["Joint Statement on Rail Links", "Memorandum of Understanding"]


def test_head_inside_a_name_is_skipped():
    text = "Senator Nathan Deal spoke."
    start = text.find("Nathan")
    assert named(text, cuts=[(start, start + len("Nathan Deal") + 1)]) == []


# --- linking mentions into agreements -------------------------------------------------------

def test_link_groups_surface_acronym_and_references():
    text = ("They signed a memorandum of understanding (MOU) on trade. The MOU was signed by the ministers. "
            "The agreement runs for five years. Another MOU was signed later.")
    first, another = link(text, find_mentions(text))
    assert [text[m.start:m.end] for m in first.mentions] == ["memorandum of understanding", "MOU", "MOU"]
    assert [text[m.start:m.end] for m in first.references] == ["agreement"]
    assert [text[m.start:m.end] for m in another.mentions] == ["Another MOU"]  # "another" names a new one


def test_definite_capitalised_head_refers_to_the_named_one():
    text = "The Biological Weapons Convention was reviewed. The Convention bans germ weapons."
    agreements = link(text, find_mentions(text))
    assert [text[a.mentions[0].start:a.mentions[0].end] for a in agreements] == ["Biological Weapons Convention"]
    assert [text[m.start:m.end] for m in agreements[0].references] == ["Convention"]


def test_acronym_remention_after_another_kind_only_refers():
    text = "Ghana signed a strategic framework between Ghana and Oman. The MOU was signed by ministers."
    agreements = link(text, find_mentions(text))
    assert len(agreements) == 1
    assert [text[m.start:m.end] for m in agreements[0].references] == ["MOU"]


# --- facts from the sentence ----------------------------------------------------------------

def entity(text, surface, name=None):
    start = text.index(surface)
    return Entity(start, start + len(surface), name or surface)


def facts_for(text, mention, people=(), parties=(), dates=()):
    start = text.index(mention)
    people = [entity(text, p) for p in people]
    named = [entity(text, p) for p in parties] + places_in(text, 0, len(text), people)
    parties = sorted(named + groups_in(text, 0, len(text), people + named), key=lambda e: e.start)
    dates = [entity(text, d, v) for d, v in dates]
    return read_facts(text, (0, len(text)), start, start + len(mention), people, parties, dates)


def test_signed_by_gives_signatories_and_date():
    text = "The framework was signed by Minister Ana Lopez and Secretary Tom Reed in October 2025."
    facts = facts_for(text, "framework", people=["Ana Lopez", "Tom Reed"], dates=[("October 2025", "2025-10")])
    assert facts.signatories == ["Ana Lopez", "Tom Reed"]
    assert facts.date == "2025-10"
    assert facts.status == "signed"
    assert facts.signed_by


def test_witnesses_are_not_signatories():
    text = "The MoU was signed by Ana Lopez in the presence of Prime Minister Raj Patel."
    assert facts_for(text, "MoU", people=["Ana Lopez", "Raj Patel"]).signatories == ["Ana Lopez"]


@pytest.mark.parametrize("text, people, parties, expected", [
    ("The MoU was signed by the Harbour Authority and Orvana Holdings on Monday.", [],
     ["Harbour Authority", "Orvana Holdings"], ["Harbour Authority", "Orvana Holdings"]),
    ("The MoU was signed by Ana Lopez on behalf of Orvana Holdings.", ["Ana Lopez"], ["Orvana Holdings"],
     ["Orvana Holdings"]),
])
def test_organisations_that_signed_are_parties_never_signatories(text, people, parties, expected):
    facts = facts_for(text, "MoU", people=people, parties=parties)
    assert facts.parties == expected and not set(facts.signatories) & set(parties)


@pytest.mark.parametrize("text, people, signatories", [
    ("Ana Lopez and Raj Patel witnessed the signing, while ministers Kofi Boateng and Lina Haddad signed the MoU.",
     ["Ana Lopez", "Raj Patel", "Kofi Boateng", "Lina Haddad"], ["Kofi Boateng", "Lina Haddad"]),
    ("President Raj Patel looked on as Ana Lopez signed the MoU.", ["Raj Patel", "Ana Lopez"], ["Ana Lopez"]),
    ("Ana Lopez, as well as Raj Patel, signed the MoU.", ["Ana Lopez", "Raj Patel"], ["Ana Lopez", "Raj Patel"]),
])
def test_who_watched_while_others_signed_did_not_sign(text, people, signatories):
    assert facts_for(text, "MoU", people=people).signatories == signatories


def test_subject_of_signing_verb_signs():
    text = "Ana Lopez and Tom Reed signed the MoU at the ministry."
    assert facts_for(text, "MoU", people=["Ana Lopez", "Tom Reed"]).signatories == ["Ana Lopez", "Tom Reed"]


def test_reporter_is_not_a_signatory():
    text = "Raj Patel said Ana Lopez signed the MoU."
    assert facts_for(text, "MoU", people=["Raj Patel", "Ana Lopez"]).signatories == ["Ana Lopez"]


def test_signing_with_a_person():
    text = "On signing the agreement with Director Mary Okafor, the minister smiled."
    assert facts_for(text, "agreement", people=["Mary Okafor"]).signatories == ["Mary Okafor"]


def test_parties_between_countries():
    text = "An agreement between India and Japan was signed."
    facts = facts_for(text, "agreement")
    assert facts.parties == ["India", "Japan"]
    assert facts.between


def test_country_names_are_not_verbs():
    text = "Today, the United States and Chile signed a treaty on energy."
    assert facts_for(text, "treaty on energy").parties == ["United States", "Chile"]


def test_parties_subject_and_with():
    text = "Acme Corp inked a deal with Globex Ltd to supply steel."
    assert facts_for(text, "deal", parties=["Acme Corp", "Globex Ltd"]).parties == ["Acme Corp", "Globex Ltd"]


def test_parties_from_hyphenated_name():
    text = "They followed the framework for Japan-Chile Energy Partnership."
    assert facts_for(text, "framework for Japan-Chile Energy Partnership").parties == ["Japan", "Chile"]


def test_places_that_are_locations_or_possessives_are_not_parties():
    text = "Meeting in Tokyo, Egypt's broadcaster and the Philippines signed a pact in India."
    assert [e.name for e in places_in(text, 0, len(text), [])] == ["Philippines"]


@pytest.mark.parametrize("text, mention, status", [
    ("Both sides continued negotiations on a trade deal.", "deal", "under negotiation"),
    ("The company announced a deal with its rival.", "deal", "announced"),
    ("They are seeking a Memorandum of Understanding.", "Memorandum of Understanding", "proposed"),
    ("The government scrapped the deal.", "deal", "terminated"),
    ("The treaty, signed in 1990, was ratified by parliament.", "treaty", "signed"),
    ("The universities have to sign separate agreements.", "separate agreements", "proposed"),
    ("The ministers will formally sign the accord next week.", "accord", "proposed"),
    ("The accord will be signed in the capital next month.", "accord", "proposed"),
    ("The accord is expected to be inked soon.", "accord", "proposed"),
    ("The builder won a contract to pave the road.", "contract", "agreed"),
    ("The navy awarded the contract to a shipyard.", "contract", "agreed"),
    ("The airline struck a deal with the planemaker.", "deal", "agreed"),
])
def test_status_is_the_nearest_status_word(text, mention, status):
    start = text.index(mention)
    assert status_near(text, (0, len(text)), start, start + len(mention)) == status


def test_date_of_a_said_is_skipped():
    text = "The agency on Thursday said it signed an agreement on November 20."
    facts = facts_for(text, "agreement", dates=[("Thursday", "2024-11-21"), ("November 20", "2024-11-20")])
    assert facts.date == "2024-11-20"


def test_merge_prefers_furthest_status_and_stated_facts():
    text = "Acme announced a deal with Globex. The deal was signed by Ana Lopez and Tom Reed."
    start = text.index("deal")
    first = read_facts(text, (0, 34), start, start + 4, [], [entity(text, "Acme"), entity(text, "Globex")], [])
    second = read_facts(text, (35, len(text)), 39, 43, [entity(text, "Ana Lopez"), entity(text, "Tom Reed")], [], [])
    merged = merge([first, second])
    assert merged.status == "signed"
    assert merged.signatories == ["Ana Lopez", "Tom Reed"]
    assert merged.parties == ["Acme", "Globex"]


def test_cue_sets_are_known():
    assert "the" in cue_words("definite")
    with pytest.raises(KeyError):
        cue_words("no_such_cue")


# --- the component in a pipeline ------------------------------------------------------------

def run_component(text, people=(), orgs=(), dates=False):
    """The agreements component over text, the people and organisations given as strings of it
    (and, with dates, the dates component's dates)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    if dates:
        nlp.add_pipe("extractor_dates")
    nlp.add_pipe("extractor_agreements")
    doc = nlp.make_doc(text)
    remember_text(doc, text)
    for key, names in (("people", people), ("organisations", orgs)):
        doc.spans[key] = [doc.char_span(text.index(n), text.index(n) + len(n)) for n in names]
        for span in doc.spans[key]:
            span._.canonical = span.text
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def test_component_groups_mentions_under_one_name_with_facts():
    text = ("India and Japan signed a memorandum of understanding (MoU) on ports. "
            "The MoU was signed by Ana Lopez and Tom Reed.")
    items = agreement_items(run_component(text, people=["Ana Lopez", "Tom Reed"]))
    assert len(items) == 1
    item = items[0]
    assert item["name"] == "memorandum of understanding"
    assert item["kind"] == "mou"
    assert item["status"] == "signed"
    assert item["parties"] == ["India", "Japan"]
    assert item["signatories"] == ["Ana Lopez", "Tom Reed"]
    assert [m["text"] for m in item["mentions"]] == ["memorandum of understanding", "MoU", "MoU"]
    assert all(text[m["start"]:m["end"]] == m["text"] for m in item["mentions"])


def test_signed_for_sentences_add_signatories():
    text = ("The United States and Chile signed a treaty on energy. "
            "Ana Lopez signed for the United States, and Tom Reed signed for Chile.")
    items = agreement_items(run_component(text, people=["Ana Lopez", "Tom Reed"]))
    assert items[0]["signatories"] == ["Ana Lopez", "Tom Reed"]


def test_text_without_agreements_gets_none():
    assert agreement_items(run_component("The minister visited the port on Monday.")) == []


def test_default_pipeline_finds_the_agreement(nlp):
    text = "date 2025-01-10\nThe two ministries signed a defence cooperation agreement on Friday."
    result = article_of(nlp, text, "2025-01-10")
    assert [a["name"] for a in result["agreements"]] == ["defence cooperation agreement"]


# --- one item per agreement: sets, repeated and shortened names, references as aliases -------

def items_of(text, people=(), orgs=()):
    return agreement_items(run_component(text, people=list(people), orgs=list(orgs)))


def article_of(nlp, text, published):
    """The article object the whole default pipeline makes of text."""
    ((_, result),) = list(process(nlp, [Article("story.txt", text, published)]))
    return result


def surfaces(item):
    return [m["text"] for m in item["mentions"]]


def test_full_name_acronym_and_references_are_one_item():
    text = ("The memorandum of understanding was signed on Friday. The MoU covers training. "
            "Officials said the agreement would run for five years.")
    (item,) = items_of(text)
    assert surfaces(item) == ["memorandum of understanding", "MoU", "agreement"]


def test_a_definite_name_with_fewer_modifiers_is_the_one_named_before():
    text = ("The lenders signed a five-year regional fuel hedging agreement on Monday. "
            "The regional hedging agreement (RHA) takes effect in May.")
    (item,) = items_of(text)
    assert surfaces(item) == ["regional fuel hedging agreement", "regional hedging agreement", "RHA"]


def test_a_topic_runs_over_a_number_with_thousands_separators():
    (item,) = items_of("The city signed a deal for the delivery of 12,500 bicycles on Monday.")
    assert item["name"] == "deal for the delivery of 12,500 bicycles"
    (item,) = items_of("The city signed a deal for the delivery of 12,500, officials said.")
    assert item["name"] == "deal for the delivery of 12,500"


def test_acronym_defined_later_joins_the_bare_acronym_of_a_headline():
    text = "Port signs MoU with bank\nThe port on Monday signed a memorandum of understanding (MoU) with the bank."
    (item,) = items_of(text)
    assert surfaces(item) == ["MoU", "memorandum of understanding", "MoU"]


def test_two_agreements_named_together_stay_two():
    names = [i["name"] for i in items_of("Ghana signed a trade pact and a visa accord with Togo on Monday.")]
    assert names == ["trade pact", "visa accord"]


def test_another_of_the_same_name_is_its_own_item():
    text = ("A MoU was signed between Alpha and Beta. Another MoU was signed between Gamma and Delta. "
            "Jane Roe and John Doe signed the MoU.")
    first, second = items_of(text, people=["Jane Roe", "John Doe"])
    assert first["signatories"] == [] and second["signatories"] == ["Jane Roe", "John Doe"]


def test_shorter_name_of_the_same_agreement_joins_it():
    text = "The firms signed a preliminary supply agreement in May. The supply agreement runs for ten years."
    (item,) = items_of(text)
    assert surfaces(item) == ["preliminary supply agreement", "supply agreement"]


def test_name_with_its_topic_joins_the_name_without():
    text = "Ghana and Togo signed a Framework Accord. The Framework Accord for the Promotion of Fisheries covers boats."
    (item,) = items_of(text)
    assert surfaces(item) == ["Framework Accord", "Framework Accord for the Promotion of Fisheries"]


def test_definite_agreement_with_a_new_modifier_is_another_one():
    text = ("The two countries signed a Memorandum of Understanding. "
            "It replaces the framework agreement concluded earlier.")
    assert [i["name"] for i in items_of(text)] == ["Memorandum of Understanding", "framework agreement"]


@pytest.mark.parametrize("text, expected", [
    ("Ministers signed three MoUs on Monday. The MoUs cover trade.", ["three MoUs", "MoUs"]),
    ("The ministry signed two landmark agreements with Japan.", ["two landmark agreements"]),
    ("The firm hopes to sign separate deals with its partners.", ["separate deals"]),
    ("The academy keeps 11 Memorandum of Understanding (MoUs) with clinics.", ["11 Memorandum of Understanding", "MoUs"]),
    ("The firm signed two MOU with the state.", ["two MOU"]),
    ("They signed two Memoranda of Understanding for close to $1 billion.", ["two Memoranda of Understanding"]),
])
def test_a_set_of_agreements_is_one_item(text, expected):
    (item,) = items_of(text)
    assert surfaces(item) == expected


@pytest.mark.parametrize("text", [
    "Bilateral MoUs are tools of diplomacy.",
    "Neither side wanted any deals.",
    '"Lasting partnerships like this one take years," she said.',
    "Regional accords such as these rarely survive elections.",
])
def test_plurals_that_name_no_particular_agreements(text):
    assert items_of(text) == []


def test_set_and_its_members_are_separate_items():
    text = "Two agreements were signed: a MoU on pilot training and a Letter of Arrangement with the lab."
    assert [i["name"] for i in items_of(text)] == ["Two agreements", "MoU on pilot training", "Letter of Arrangement"]


def test_sentence_full_stop_is_not_part_of_a_mention():
    text = "Ghana signed an MoU with Togo. Officials praised the MoU."
    (item,) = items_of(text)
    assert surfaces(item) == ["MoU", "MoU"]


@pytest.mark.parametrize("text, expected", [
    ("The firms signed a MoU and a letter of intent. The third agreement covers training.",
     ["MoU", "letter of intent", "third agreement"]),
    ("The firms signed a letter of intent. It is the nation's second agreement with a Chinese firm.",
     ["letter of intent"]),
])
def test_ordinal_names_one_more_unless_counted_by_its_party(text, expected):
    assert [i["name"] for i in items_of(text)] == expected


def test_gerund_before_a_plural_is_a_verb_not_a_modifier():
    (item,) = items_of("They agreed a mechanism for reviewing Memoranda of Understanding with Oman.")
    assert item["name"] == "Memoranda of Understanding"


def test_quoted_sentence_initial_determiner_is_a_determiner():
    assert items_of('"Any agreements between the firms stand," he said.') == []


def test_status_word_inside_the_name_is_not_its_status():
    (item,) = items_of("The paper described a letter of intent from the firm.")
    assert item["status"] is None


# --- signatories are the people who signed -----------------------------------------------------

def test_witness_of_the_signing_is_not_a_signatory():
    text = ("President John Doe witnessed the signing of the agreement between Ghana and Togo. "
            "The agreement was signed by Kofi Mensah and Ama Owusu.")
    (item,) = items_of(text, people=["John Doe", "Kofi Mensah", "Ama Owusu"])
    assert item["signatories"] == ["Kofi Mensah", "Ama Owusu"]
    assert item["parties"] == ["Ghana", "Togo"]


def test_host_who_announces_an_intended_agreement_signs_nothing():
    text = "Governor Jane Roe welcomed Minister John Doe to announce the intent to pursue a Memorandum of Understanding."
    (item,) = items_of(text, people=["Jane Roe", "John Doe"])
    assert item["signatories"] == []


def test_sentence_opening_with_its_signers():
    text = "Signed in Accra on Monday by Kofi Mensah and Ama Owusu, the agreement covers trade."
    (item,) = items_of(text, people=["Kofi Mensah", "Ama Owusu"])
    assert item["signatories"] == ["Kofi Mensah", "Ama Owusu"]


def test_signed_with_place_and_time_before_by():
    text = "A Memorandum of Understanding was signed in Accra on Tuesday by Kofi Mensah and Ama Owusu."
    (item,) = items_of(text, people=["Kofi Mensah", "Ama Owusu"])
    assert item["signatories"] == ["Kofi Mensah", "Ama Owusu"]


@pytest.mark.parametrize("tail, expected", [
    ("with Ama Owusu.", ["Kofi Mensah", "Ama Owusu"]),
    ("with Ama Owusu looking on.", ["Kofi Mensah"]),
    ("with Ama Owusu and the board chair in attendance.", ["Kofi Mensah"]),
])
def test_people_after_with_sign_unless_they_look_on(tail, expected):
    text = f"Kofi Mensah signed a supply contract on Friday {tail}"
    (item,) = items_of(text, people=["Kofi Mensah", "Ama Owusu"])
    assert item["signatories"] == expected


def test_signed_with_commas_around_its_date_before_by():
    text = ("The contract was signed in Tamale on Friday, 6 June 2025, by Kofi Mensah, managing director, "
            "on behalf of Volta Grain, and by Ama Owusu on behalf of the board.")
    (item,) = items_of(text, people=["Kofi Mensah", "Ama Owusu"])
    assert item["signatories"] == ["Kofi Mensah", "Ama Owusu"]


def test_signed_on_behalf_of_goes_to_the_agreement_named_just_before():
    text = ("A Basic Agreement was signed on Friday, where Minister Kofi Mensah signed on behalf of Ghana "
            "and Director Ama Owusu signed on behalf of the agency. The agreement is a milestone.")
    (item,) = items_of(text, people=["Kofi Mensah", "Ama Owusu"])
    assert item["signatories"] == ["Kofi Mensah", "Ama Owusu"]


def test_the_documents_refer_to_the_set_named_before():
    text = ("Ghana and Togo signed two agreements. These documents will help trade. "
            "The documents were signed by Kofi Mensah and Ama Owusu.")
    (item,) = items_of(text, people=["Kofi Mensah", "Ama Owusu"])
    assert surfaces(item) == ["two agreements", "documents", "documents"]
    assert item["signatories"] == ["Kofi Mensah", "Ama Owusu"]


def test_documents_with_no_agreement_before_are_none():
    assert items_of("Police seized the documents on Monday.") == []


# --- date of signing --------------------------------------------------------------------------

def test_date_comes_from_the_sentence_that_says_it_was_signed(nlp):
    text = ("date 2025-03-12\nThe two countries held talks on Monday on a free trade agreement. "
            "The agreement was signed on 3 March 2025 in Accra.")
    (item,) = agreement_items(nlp(text))
    assert item["date"] == "2025-03-03"


def test_a_year_before_the_name_dates_an_agreement_that_was_ended(nlp):
    text = ("date 2025-03-12\nNorland and Kestria signed a trade accord on Monday. It supersedes the 2011 "
            "Convention on Inland Fisheries, which both governments revoked in February.")
    items = {item["name"]: item for item in agreement_items(nlp(text))}
    assert (items["trade accord"]["status"], items["trade accord"]["date"]) == ("signed", "2025-03-10")
    assert (items["Convention on Inland Fisheries"]["status"], items["Convention on Inland Fisheries"]["date"]) == (
        "terminated", "2011")


def test_no_date_when_only_talks_are_dated(nlp):
    text = "date 2025-03-12\nThe two countries agreed on Monday to conclude a free trade agreement by June."
    (item,) = agreement_items(nlp(text))
    assert item["date"] is None


# --- parties ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Budget airline Skyvia expects more passengers. The low-cost airline has signed a deal with Orvana Holdings.",
     ["Skyvia", "Orvana Holdings"]),
    ("Skyvia, a low-cost airline based in Lima, grew. The airline has signed a deal with Orvana Holdings.",
     ["Skyvia", "Orvana Holdings"]),
    # nothing earlier is described as an airline: the subject stays unknown
    ("Kestrel Dynamics grew. The airline has signed a deal with Orvana Holdings.", ["Orvana Holdings"]),
])
def test_the_party_a_definite_description_stands_for_was_described_so_before(nlp, text, expected):
    (item,) = agreement_items(nlp(text))
    assert item["parties"] == expected


def test_parties_between_names_with_their_acronyms():
    text = "A Memorandum of Understanding was signed between Alpha University (AU) and Beta College (BC)."
    facts = facts_for(text, "Memorandum of Understanding", parties=["Alpha University", "AU", "Beta College", "BC"])
    assert facts.parties == ["Alpha University", "AU", "Beta College", "BC"]


def test_between_that_names_no_parties_leaves_subject_and_with():
    text = "Alpha Gas has announced a 14-year deal with Beta Oil worth between 7 and 9 billion dollars."
    facts = facts_for(text, "14-year deal", parties=["Alpha Gas", "Beta Oil"])
    assert facts.parties == ["Alpha Gas", "Beta Oil"]


@pytest.mark.parametrize("said", ["said it has", "said on Wednesday it had", "said last week that it had"])
def test_speaker_who_says_it_signed_is_a_party(said):
    text = f"The Alpha Agency {said} signed an Implementation Agreement with the Beta Agency."
    facts = facts_for(text, "Implementation Agreement", parties=["Alpha Agency", "Beta Agency"])
    assert facts.parties == ["Alpha Agency", "Beta Agency"]


def test_put_pen_to_paper_signs(nlp):
    text = "Finance Minister Kofi Mensah and Trade Minister Ama Owusu put pen to paper on the deal on Monday."
    (item,) = items_of(text, people=["Kofi Mensah", "Ama Owusu"])
    assert item["signatories"] == ["Kofi Mensah", "Ama Owusu"]
    assert item["status"] == "signed"


def test_initialled_it_on_behalf_of_signs():
    text = "Kofi Mensah sealed the accord for Ghana, and Ama Owusu initialled it on behalf of Togo."
    (item,) = items_of(text, people=["Kofi Mensah", "Ama Owusu"])
    assert item["signatories"] == ["Kofi Mensah", "Ama Owusu"]


def test_name_runs_to_the_end_of_its_complement_and_a_later_date_is_no_signing_date(nlp):
    text = "date 2025-03-12\nGhana signed an agreement on the supply of 30 patrol boats, which will be delivered in 2026."
    (item,) = agreement_items(nlp(text))
    assert item["name"] == "agreement on the supply of 30 patrol boats"
    assert item["date"] is None


def test_while_signing_the_main_clause_subject_signs():
    text = "While signing the agreement with Director Jane Roe, Secretary John Doe said the credit would help."
    (item,) = items_of(text, people=["Jane Roe", "John Doe"])
    assert item["signatories"] == ["Jane Roe", "John Doe"]


def test_with_reaches_only_its_own_phrase():
    text = "Dr Kofi Mensah signed for the pact with Alpha Group, whiles Ms Ama Owusu signed with Beta Corp for rails."
    (item,) = items_of(text, people=["Kofi Mensah", "Ama Owusu"])
    assert item["signatories"] == ["Kofi Mensah"]


def test_agreement_with_no_parties_of_its_own_shares_those_named_before():
    text = ("India and Japan signed a memorandum of understanding on ports. "
            "It replaces the framework agreement concluded earlier.")
    mou, framework = items_of(text)
    assert mou["parties"] == ["India", "Japan"]
    assert framework["parties"] == ["India", "Japan"]


def test_date_goes_to_the_agreement_it_stands_by(nlp):
    text = ("date 2021-07-09\nThe agreement between Alpha and Beta will help implement the "
            "Forward Purchase Commitment signed between Gamma and Beta in March 2021.")
    agreement, commitment = agreement_items(nlp(text))
    assert agreement["date"] is None
    assert commitment["date"] == "2021-03"


def test_agreements_named_together_or_in_a_set_share_the_date(nlp):
    text = ("date 2025-03-12\nThe leaders signed today two landmark agreements: the Strategic "
            "Partnership Agreement and the Economic Partnership Agreement.")
    items = agreement_items(nlp(text))
    assert [i["date"] for i in items] == ["2025-03-12"] * 3


# --- names whole and bounded ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The firms signed a research and development agreement.", ["research and development agreement"]),
    ('In particular, "Addendum to the harbour agreement" was signed by the two ministers.',
     ["Addendum to the harbour agreement"]),
    ('The board approved the agreement "On connection to the grid" on Monday.', ['agreement "On connection to the grid"']),
    ("Ghana signed an MoU and a trade agreement with Togo.", ["MoU", "trade agreement"]),
])
def test_names_joined_by_and_or_quoted_stay_whole(text, expected):
    assert [i["name"] for i in items_of(text)] == expected
    assert [m["text"] for i in items_of(text) for m in i["mentions"]] == expected


def test_documents_signed_by_sign_the_set_and_its_members():
    text = ("Ghana and Togo signed two agreements: a trade pact and a visa accord. "
            "The deals were approved.The documents were signed by Kofi Mensah and Ama Owusu.")
    items = items_of(text, people=["Kofi Mensah", "Ama Owusu"])
    assert [i["name"] for i in items] == ["two agreements", "trade pact", "visa accord"]
    assert all(i["signatories"] == ["Kofi Mensah", "Ama Owusu"] for i in items)


def test_between_after_another_agreement_is_that_ones(nlp):
    text = ("Ghana and Togo signed two agreements. A MoU was signed on pilot training and a Letter of "
            "Arrangement between Alpha Lab and Beta Lab on research.")
    _, mou, letter = agreement_items(nlp(text))
    assert letter["parties"] == ["Alpha Lab", "Beta Lab"]
    assert mou["parties"] == ["Ghana", "Togo"]  # none of its own: those of the set before it


def test_signers_given_by_title_are_the_people_who_hold_it(nlp):
    text = ("Alpha University (AU) and Beta University (BU) signed a memorandum of understanding. "
            "Kofi Mensah, Vice-Chancellor of Alpha University, and Ama Owusu, Vice-Chancellor of Beta "
            "University, attended. The Vice Chancellor of AU and Vice Chancellor of BU signed the MoU.")
    (item,) = agreement_items(nlp(text))
    assert item["signatories"] == ["Kofi Mensah", "Ama Owusu"]


def test_a_title_two_people_hold_with_no_organisation_names_nobody(nlp):
    text = ("Alpha University and Beta University signed a memorandum of understanding. Kofi Mensah, "
            "Vice-Chancellor of Alpha University, and Ama Owusu, Vice-Chancellor of Beta University, "
            "were there. The Vice Chancellor signed the MoU.")
    (item,) = agreement_items(nlp(text))
    assert item["signatories"] == []


def test_news_agency_credit_is_no_party(nlp):
    text = "Cairo, July 19 (Reuters) - Alpha Gas has announced a 14-year deal with Beta Oil Corp to supply gas."
    (item,) = agreement_items(nlp(text))
    assert "Reuters" not in item["parties"]


# --- parties of possessed, held, relative and modified agreements ------------------------------

def test_possessor_and_with_are_parties():
    text = "Kestrel Dynamics's agreement with Orvana Systems covers radar parts."
    facts = facts_for(text, "agreement", parties=["Kestrel Dynamics", "Orvana Systems"])
    assert facts.parties == ["Kestrel Dynamics", "Orvana Systems"]


def test_possessive_pronoun_leaves_the_other_side():
    text = "Officials praised its deal with Orvana Systems on Monday."
    assert facts_for(text, "deal", parties=["Orvana Systems"]).parties == ["Orvana Systems"]


def test_country_possessor_is_a_party():
    text = "Chile's treaty with Norway covers fishing."
    assert facts_for(text, "treaty").parties == ["Chile", "Norway"]


def test_who_has_an_agreement_with_another_is_a_party():
    text = "Kestrel Dynamics has a supply agreement with Orvana Systems, officials said."
    facts = facts_for(text, "supply agreement", parties=["Kestrel Dynamics", "Orvana Systems"])
    assert facts.parties == ["Kestrel Dynamics", "Orvana Systems"]


@pytest.mark.parametrize("text", [
    "It follows the recent deal neighbouring Chile struck with Orvana Systems.",
    "It follows the deal that Chile signed with Orvana Systems.",
])
def test_subject_of_a_relative_clause_made_the_agreement(text):
    assert facts_for(text, "deal", parties=["Orvana Systems"]).parties == ["Chile", "Orvana Systems"]


def test_a_party_after_with_is_no_relative_subject():
    text = "Kestrel Dynamics welcomed the deal with Orvana Systems signed in May."
    facts = facts_for(text, "deal", parties=["Kestrel Dynamics", "Orvana Systems"])
    assert facts.parties == []


def test_organisation_named_before_the_head_is_a_party():
    text = "Harbour firm receives $4bn Kestrel Navy contract."
    start = text.index("Kestrel Navy contract")
    parties = [entity(text, "Kestrel Navy")]
    facts = read_facts(text, (0, len(text)), start, start + len("Kestrel Navy contract"), [], parties, [],
                       head_start=text.index("contract"))
    assert facts.parties == ["Kestrel Navy"]


def test_between_a_party_and_anothers_body():
    text = "A letter was signed and a Letter of Arrangement between Alpha Lab (AL) and Norway's Beta Institute (BI)."
    facts = facts_for(text, "Letter of Arrangement", parties=["Alpha Lab", "AL", "Beta Institute", "BI"])
    assert facts.parties == ["Alpha Lab", "AL", "Beta Institute", "BI"]


# --- status of agreements in one sentence, and of a set's members -----------------------------

def test_status_word_of_another_agreements_clause_is_not_its_own():
    text = "Orvana has a trade agreement with Chile but is seeking to sign separate deals with Peru."
    others = [(text.index("separate deals"), text.index("separate deals") + len("separate deals"))]
    start = text.index("trade agreement")
    assert status_near(text, (0, len(text)), start, start + len("trade agreement"), others) is None
    assert status_near(text, (0, len(text)), *others[0], [(start, start + len("trade agreement"))]) == "proposed"


def test_a_signing_verb_shared_by_two_agreements_gives_both_the_status():
    text = "A MoU was signed on pilot training and a letter of intent on research."
    mou, letter = (text.index("MoU"), text.index("MoU") + 3), (text.index("letter of intent"), text.index(" on research"))
    assert status_near(text, (0, len(text)), *letter, [mou]) == "signed"


def test_a_date_after_two_agreements_named_together_dates_both(nlp):
    text = "date 2025-06-10\nPeru signed a trade pact with Chile and an energy deal with Bolivia on Saturday."
    assert [(a["name"], a["date"]) for a in agreement_items(nlp(text))] == [
        ("trade pact", "2025-06-07"), ("energy deal", "2025-06-07")]


@pytest.mark.parametrize("second, signatories", [
    ("It was signed by Energy Minister Ana Ruiz and Luca Bianchi.", ["Ana Ruiz", "Luca Bianchi"]),
    ("It was welcomed by Energy Minister Ana Ruiz.", []),
])
def test_it_was_signed_by_names_the_signatories_of_the_agreement_before(nlp, second, signatories):
    text = "date 2025-06-10\nChile and Peru signed a pipeline deal last week. " + second
    (item,) = agreement_items(nlp(text))
    assert item["signatories"] == signatories


def test_approved_is_agreed_not_ratified():
    text = "The board approved the merger agreement."
    assert facts_for(text, "merger agreement").status == "agreed"


def test_members_of_a_set_the_documents_signed_are_signed():
    text = ("Ghana and Togo inked agreements on power. The purchase agreement and the land lease agreement "
            "were also approved. The documents were signed by Kofi Mensah.")
    items = items_of(text, people=["Kofi Mensah"])
    assert [i["status"] for i in items] == ["signed"] * 3
    assert all(i["signatories"] == ["Kofi Mensah"] for i in items)


# --- date: of the signing, not of the announcement ---------------------------------------------

def test_date_of_signing_beats_date_of_announcement():
    text = ("date 2025-07-16\nOrvana announced on Tuesday a deal with Chile. "
            "The deal was struck on Saturday, officials said.")
    from extractor.pipeline.build import build_pipeline, process
    from extractor.io.sources import Article
    ((_, result),) = list(process(build_pipeline(), [Article("story.txt", text, "2025-07-16")]))
    (deal,) = result["agreements"]
    assert deal["date"] == "2025-07-12"


def test_a_signing_dates_the_agreement_before_its_ratification(nlp):
    text = ("date 2025-07-16\nParliament on Tuesday ratified the fishing treaty with Sudan. "
            "The treaty was signed on 3 March 2024 in Khartoum.")
    (item,) = agreement_items(nlp(text))
    assert (item["status"], item["date"]) == ("ratified", "2024-03-03")


@pytest.mark.parametrize("text, expected", [
    # both sentences date the signing to a day: the one that says who signed wins
    ("date 2025-07-16\nTamale, Ghana, 16 July 2025 - Volta Grain Ltd today announced that it has signed a supply "
     "contract with Orvana Holdings.\n\nThe contract was signed in Tamale on Monday, 14 July 2025, by Kofi Mensah "
     "and Ama Owusu.", "2025-07-14"),
    # a day after the signers dates something else ("a visit that ends on Thursday")
    ("date 2025-07-16\nVolta Grain and Orvana Holdings signed a supply contract on Tuesday. The contract was "
     "signed in Tamale by Kofi Mensah, who is on a visit that ended on Monday.", "2025-07-15"),
    # a day beats a week that holds it
    ("date 2025-07-16\nVolta Grain signed a supply contract with Orvana Holdings this week. "
     "Kofi Mensah and Ama Owusu signed the contract on Monday.", "2025-07-14"),
])
def test_the_most_precise_signing_date_then_the_one_with_its_signers(text, expected):
    from extractor.pipeline.build import build_pipeline, process
    from extractor.io.sources import Article
    ((_, result),) = list(process(build_pipeline(), [Article("story.txt", text, "2025-07-16")]))
    (deal,) = result["agreements"]
    assert deal["date"] == expected


# --- parties: groups, clauses, coordinated and unnamed members ------------------------------------

def test_unnamed_groups_are_parties_after_between_and_with():
    text = "Auditors will examine accords between Norland and partner governments or regional banks."
    facts = facts_for(text, "accords", parties=["Norland"])
    assert facts.parties == ["Norland", "partner governments", "regional banks"]
    text = "Alpha Rail already has 7 MoUs with overseas operators."
    assert facts_for(text, "7 MoUs", parties=["Alpha Rail"]).parties == ["Alpha Rail", "overseas operators"]


def test_country_that_only_describes_is_no_party():
    text = "Benin signs three MoUs with UK companies."
    assert facts_for(text, "MoUs").parties == ["Benin"]
    text = "Alpha Radio, Public Broadcaster of Peru, has signed a deal with Beta TV."
    assert facts_for(text, "deal", parties=["Alpha Radio", "Beta TV"]).parties == ["Alpha Radio", "Beta TV"]


def test_last_member_of_between_needs_no_entity():
    text = "The MoU will deepen ties between the United Kingdom and the State of Nordia."
    assert facts_for(text, "MoU").parties == ["United Kingdom", "State of Nordia"]
    text = "The accord was signed between Alpha Corp and Minister Jane Roe."
    assert facts_for(text, "accord", people=["Jane Roe"], parties=["Alpha Corp"]).parties == ["Alpha Corp"]


def test_clause_of_its_own_before_the_verb_has_its_own_subject():
    text = "The Alpha Committee observed that the Government has signed deals with Beta Corp."
    assert facts_for(text, "deals", parties=["Alpha Committee", "Beta Corp"]).parties == ["Beta Corp"]
    text = "Alpha Air said in a statement, although the company has signed contracts worth more."
    assert facts_for(text, "contracts", parties=["Alpha Air"]).parties == ["Alpha Air"]


def test_they_stands_for_the_parties_named_together():
    text = "Alpha Corp and Beta Ltd said that they had entered into a definitive agreement."
    facts = facts_for(text, "definitive agreement", parties=["Alpha Corp", "Beta Ltd"])
    assert facts.parties == ["Alpha Corp", "Beta Ltd"]


def test_with_takes_parties_joined_by_and():
    text = "Ghana signed a pact with Alpha Corp and Beta Ltd on Monday."
    assert facts_for(text, "pact", parties=["Alpha Corp", "Beta Ltd"]).parties == ["Ghana", "Alpha Corp", "Beta Ltd"]


def test_hyphenated_country_and_region_are_parties():
    text = "They issued a Joint Statement on Chile-Ontario Trade."
    assert facts_for(text, "Joint Statement on Chile-Ontario Trade").parties == ["Chile", "Ontario"]


# --- who gives a contract, who buys what an agreement sells ---------------------------------

def test_giver_of_an_awarded_contract_is_a_party():
    text = "Alpha Ministry awarded Beta Corp a contract to build a bridge."
    assert facts_for(text, "contract", parties=["Alpha Ministry", "Beta Corp"]).parties == ["Alpha Ministry", "Beta Corp"]


def test_winner_and_the_side_it_won_from_are_parties():
    text = "Beta Corp won a contract from Alpha Ministry last week."
    assert facts_for(text, "contract", parties=["Alpha Ministry", "Beta Corp"]).parties == ["Beta Corp", "Alpha Ministry"]
    text = "Beta Corp was awarded a contract by Alpha Ministry."
    assert facts_for(text, "contract", parties=["Alpha Ministry", "Beta Corp"]).parties == ["Beta Corp", "Alpha Ministry"]


def test_buyer_of_what_an_agreement_sells_is_a_party():
    text = "Alpha Corp signed an agreement to sell its shipping unit to Beta Ltd for $2 million."
    assert facts_for(text, "agreement", parties=["Alpha Corp", "Beta Ltd"]).parties == ["Alpha Corp", "Beta Ltd"]
    text = "Alpha Corp struck a deal to buy a stake in a mine from Beta Ltd."
    assert facts_for(text, "deal", parties=["Alpha Corp", "Beta Ltd"]).parties == ["Alpha Corp", "Beta Ltd"]
    text = "Alpha Corp signed a $9 million contract (about 8 million euros) to ship 40 buses to Beta Ltd."
    assert facts_for(text, "contract", parties=["Alpha Corp", "Beta Ltd"]).parties == ["Alpha Corp", "Beta Ltd"]
    text = "Alpha Corp signed a deal to export its surplus grain to Beta Ltd."
    assert facts_for(text, "deal", parties=["Alpha Corp", "Beta Ltd"]).parties == ["Alpha Corp", "Beta Ltd"]


# --- partnerships: agreements when made, relationships otherwise ----------------------------

@pytest.mark.parametrize("text, expected", [
    ("The club has entered into a partnership with a brewer.", ["partnership"]),
    ("The two carriers first signed a partnership in 2019.", ["partnership"]),
    ("The carriers inked a partnership on Monday.", ["partnership"]),
    ("The partnership between the two market leaders has grown for years.", []),
    ("Their partnerships with schools are popular.", []),
])
def test_partnership_is_an_agreement_only_when_made(text, expected):
    assert named(text) == expected


def test_partnership_first_signed_is_an_agreement():
    assert roles("The partnership was first signed in 2019.") == [("partnership", REFERENCE)]
    assert roles("The partnership has grown since 2019.") == []


def test_number_of_years_before_a_head_is_its_length_not_a_count():
    text = "The bank entered into a five year partnership with the league."
    assert roles(text) == [("five year partnership", INTRO)]
    text = "The city signed a 10 year deal with the builder. The deal runs to 2035."
    agreements = link(text, find_mentions(text))
    assert len(agreements) == 1 and not agreements[0].is_set


@pytest.mark.parametrize("text, status", [
    ("Tarvo Holdings defeated Lindmark Group to win a contract for ten ferries.", "agreed"),
    ("Tarvo Holdings beat two rivals to sign a supply deal with the Navy.", "signed"),
    ("Tarvo Holdings hopes to win a contract for ten ferries.", "proposed"),
])
def test_a_rival_beaten_to_win_it_is_no_plan(text, status):
    mention = "contract" if "contract" in text else "supply deal"
    start = text.index(mention)
    assert status_near(text, (0, len(text)), start, start + len(mention)) == status


def test_maker_of_what_an_agreement_buys_and_the_company_it_acquires_are_parties():
    text = "Beta Airlines signed an agreement to buy 40 Alpha Aerospace jets on Monday."
    facts = facts_for(text, "agreement", parties=["Beta Airlines", "Alpha Aerospace"])
    assert facts.parties == ["Beta Airlines", "Alpha Aerospace"]
    text = "Beta Holdings signed a deal to acquire Alpha Corp for $3 billion."
    assert facts_for(text, "deal", parties=["Beta Holdings", "Alpha Corp"]).parties == ["Beta Holdings", "Alpha Corp"]
    text = "Beta Holdings signed a deal to buy new offices near the Alpha Corp plant."
    assert facts_for(text, "deal", parties=["Beta Holdings", "Alpha Corp"]).parties == ["Beta Holdings"]


def test_signed_by_after_words_of_place_and_side():
    text = ("The port authority signed a concession contract on Tuesday. The contract was signed at a ceremony in "
            "Lagos on behalf of the authority by its director, Ana Obi, and by Tom Lind for the operator.")
    (item,) = items_of(text, people=["Ana Obi", "Tom Lind"])
    assert item["signatories"] == ["Ana Obi", "Tom Lind"]


def test_witnesses_who_did_not_sign_are_no_signatories():
    text = ("Kestra and Orvane signed a supply contract. It was signed by Ana Obi and Tom Lind. "
            "The ceremony was witnessed by Mia Holt and Sam Reyes, neither of whom signed the document.")
    (item,) = items_of(text, people=["Ana Obi", "Tom Lind", "Mia Holt", "Sam Reyes"])
    assert item["signatories"] == ["Ana Obi", "Tom Lind"]


def test_a_headline_modifier_found_in_the_body_names_topic_is_one_agreement():
    text = ("Kestra and Orvane sign turbine supply MoU\n\nKestra and Orvane signed a memorandum of understanding "
            "on the turbine supply chain on Monday.")
    (item,) = items_of(text)
    assert surfaces(item) == ["turbine supply MoU", "memorandum of understanding on the turbine supply chain"]


def test_a_member_named_after_its_set_was_signed_with_it(nlp):
    text = ("Nordia and Vellmar signed six agreements on 3 March 2025. One covers fisheries: the agreement on "
            "fisheries, which sets quotas for ten years.")
    article = article_of(nlp, text, "2025-03-04")
    facts = {a["name"]: (a["date"], a["status"]) for a in article["agreements"]}
    assert facts == {"six agreements": ("2025-03-03", "signed"), "agreement on fisheries": ("2025-03-03", "signed")}


def test_a_pronoun_signing_sentence_gives_its_day():
    text = "Kestra signed a supply contract. It was signed on 4 May 2025 by Ana Obi and Tom Lind."
    (item,) = agreement_items(run_component(text, people=["Ana Obi", "Tom Lind"], dates=True))
    assert (item["signatories"], item["date"]) == (["Ana Obi", "Tom Lind"], "2025-05-04")


def test_the_sides_a_signing_names_on_behalf_of_are_the_parties():
    text = ("The port authority signed a concession contract with a consortium. The contract was signed on behalf of "
            "Tarvo Ports by Ana Obi and on behalf of Vellmar Lines by Tom Lind.")
    (item,) = items_of(text, people=["Ana Obi", "Tom Lind"], orgs=["Tarvo Ports", "Vellmar Lines"])
    assert (item["parties"], item["signatories"]) == (["Tarvo Ports", "Vellmar Lines"], ["Ana Obi", "Tom Lind"])


def test_a_lower_case_arrangement_is_an_agreement_when_it_is_signed():
    assert named("The two agencies on Tuesday signed an implementing arrangement on lunar science.") == [
        "implementing arrangement on lunar science"]
    assert named("Under the current arrangement, staff work from home.") == []


def test_a_demonstrative_refers_back_whatever_word_it_uses():
    text = ("In 2023 Norland and Vellmar signed a framework agreement on space cooperation. "
            "That umbrella accord lets their agencies sign projects.")
    (item,) = items_of(text)
    assert surfaces(item) == ["framework agreement on space cooperation", "umbrella accord"]


def test_an_agreement_word_that_opens_an_event_name_names_no_agreement():
    assert named("The project was first discussed at the Partnership Summit in Visakhapatnam.") == []


# --- one item however a text describes it --------------------------------------------------------

def test_two_namings_that_share_a_measure_are_one_item():
    text = ("Orvana has signed a 25-year power purchase agreement with Brenmoor. The 25-year solar deal "
            "starts in May. It also signed a 10-year supply deal and a separate 25-year lease agreement.")
    assert [surfaces(i) for i in items_of(text)] == [
        ["25-year power purchase agreement", "25-year solar deal"], ["10-year supply deal"],
        ["25-year lease agreement"]]


def test_a_later_naming_with_a_word_of_the_first_sentence_is_the_same_agreement():
    text = ("Arvenia has reached an agreement in principle with its official creditors. "
            "The creditor agreement was a milestone. A pipeline deal was also signed.")
    assert [surfaces(i) for i in items_of(text)] == [["agreement in principle", "creditor agreement"], ["pipeline deal"]]


@pytest.mark.parametrize("text", [
    "Negotiators reached agreement on Friday on the wording.",
    "Kestrel was the first city to sign such an agreement with a Polish town.",
])
def test_agreeing_and_a_kind_of_agreement_are_no_item(text):
    assert items_of(text) == []


def test_a_headlines_general_naming_is_the_agreement_the_body_names_first():
    text = ("date 2025-01-01 Fiji and Samoa agree tuna access deal\n\n"
            "Fiji and Samoa have agreed the text of a new Sustainable Fisheries Agreement (SFA). "
            "The deal runs for six years.")
    (item,) = items_of(text)
    assert surfaces(item)[:2] == ["tuna access deal", "Sustainable Fisheries Agreement"]
    assert item["parties"] == ["Fiji", "Samoa"]
    # a first line that is the article's first sentence is no headline
    text = ("date 2025-01-01 Orvana has signed a 14-year deal with Brenmoor.\n"
            "Separately, Kestrel signed a 27-year deal with Tarvo.")
    assert len(items_of(text)) == 2


@pytest.mark.parametrize("text", [
    # the date header on its own line, the headline below it
    "date 2026-03-18\n\nPeru, Latvia seal copper deal\n\nLIMA, March 17 - Peru and Latvia on Tuesday sealed a "
    "copper supply contract worth $90 million.",
    # no date header: the first line is the headline
    "Peru, Latvia seal copper deal\n\nPeru and Latvia on Tuesday sealed a copper supply contract worth $90 million.",
])
def test_a_headline_below_the_header_or_without_one_is_the_bodys_agreement(text):
    (item,) = items_of(text)
    assert surfaces(item) == ["copper deal", "copper supply contract"]
    # the headline's shorthand gives way to the body's naming
    assert (item["name"], item["kind"]) == ("copper supply contract", "contract")


def test_a_headlines_naming_stays_the_name_when_the_body_says_less():
    text = "Tarvo reviews foreign deals\n\nTarvo is to review all existing contracts with foreign firms."
    (item,) = items_of(text)
    assert item["name"] == "foreign deals"


@pytest.mark.parametrize("text, parties", [
    ("Orvana and Brenmoor Ltd agreed a supply deal on Monday.", ["Orvana", "Brenmoor Ltd"]),
    ("Orvana and Brenmoor Ltd have negotiated a supply deal.", ["Orvana", "Brenmoor Ltd"]),
])
def test_the_subject_that_agrees_or_negotiates_is_a_party(text, parties):
    (item,) = items_of(text, orgs=["Orvana", "Brenmoor Ltd"])
    assert item["parties"] == parties


def test_a_datelines_day_is_the_reports_not_the_signings():
    text = ("ACCRA, June 12, 2025 (Gulf Wire) - Orvana has signed a supply deal with Brenmoor Ltd, the company said. "
            "The deal was signed in Kumasi by Kofi Mensah.")
    (item,) = agreement_items(run_component(text, people=["Kofi Mensah"], orgs=["Orvana", "Brenmoor Ltd"], dates=True))
    assert item["date"] is None


def test_the_most_precise_date_of_the_signing_wins():
    text = ("date 2025-03-05 Orvana has signed a supply deal with Brenmoor Ltd, its largest this year. "
            "Officials signed the deal on March 3, 2025.")
    (item,) = agreement_items(run_component(text, orgs=["Orvana", "Brenmoor Ltd"], dates=True))
    assert item["date"] == "2025-03-03"


def test_a_separate_agreement_is_one_more_named_without_the_word():
    text = "Orvana signed a commercial agreement. It also signed a separate commercial agreement and a separate deal."
    assert [surfaces(i) for i in items_of(text)] == [["commercial agreement"], ["commercial agreement"], ["separate deal"]]


def test_the_memorandum_refers_back_and_a_memorandum_to_staff_is_none():
    text = ("Officials highlighted a memorandum of understanding on grids. "
            "Ana Lima and Tom Reed put pen to paper on the memorandum on Friday.")
    (item,) = items_of(text, people=["Ana Lima", "Tom Reed"])
    assert surfaces(item) == ["memorandum of understanding on grids", "memorandum"]
    assert item["signatories"] == ["Ana Lima", "Tom Reed"] and item["status"] == "signed"
    assert items_of("The ministry sent a memorandum to staff.") == []


def test_the_term_an_agreement_runs_for_names_the_one_before_unless_another_term_was_given():
    text = "Orvana and Kestrel signed a memorandum of understanding. Under the three-year agreement, Orvana builds a clinic."
    (item,) = items_of(text)
    assert surfaces(item) == ["memorandum of understanding", "three-year agreement"]
    text = "Orvana signed a 14-year deal with Kestrel. Tarvo signed the 27-year deal with Brenmoor in May."
    assert len(items_of(text)) == 2


def test_a_definite_naming_by_a_party_of_the_news_is_that_agreement():
    text = ("Orvana signed a joint venture agreement with Kestrel Mining (KM) on Monday. "
            "Analysts said the KM deal would lift output. The Tarvo deal is another matter.")
    items = items_of(text)
    assert surfaces(items[0]) == ["joint venture agreement", "KM deal"]
    assert surfaces(items[1]) == ["Tarvo deal"]


def test_a_names_head_in_lower_case_refers_back_to_the_name():
    text = ("The Quito Charter on River Basins was adopted on Monday. "
            "The charter was signed by Kofi Mensah and Ama Owusu.")
    (item,) = items_of(text, people=["Kofi Mensah", "Ama Owusu"])
    assert surfaces(item) == ["Quito Charter on River Basins", "charter"]
    assert item["signatories"] == ["Kofi Mensah", "Ama Owusu"]
    # with no name of its kind before, it is no agreement
    assert items_of("The declaration of a curfew came on Monday. The declaration was read by Kofi Mensah.",
                    people=["Kofi Mensah"]) == []


def test_a_headlines_name_is_the_bodys_first_agreement_of_its_kind():
    text = ("date 2025-01-01 Senate ratifies Lake Tana water treaty with Sudan\n\n"
            "The Senate on Tuesday ratified a river treaty with Sudan. The water treaty sets quotas.")
    (item,) = items_of(text)
    assert surfaces(item)[:2] == ["Lake Tana water treaty", "river treaty"]
    # unless the body names it so itself: then the body's first is another
    text = ("date 2025-01-01 Senate ratifies Lake Tana water treaty\n\n"
            "The Senate ratified a border treaty. It also ratified the Lake Tana water treaty.")
    assert len(items_of(text)) == 2


@pytest.mark.parametrize("text, expected", [
    ("Voltra Grid and Kesta Power will form a joint venture to run the line.", ["joint venture"]),
    ("The firms agreed to establish a joint venture in Lagos.", ["joint venture"]),
    ("Profits at the joint venture rose.", []),  # the company, not an agreement
    ("She praised the lasting partnership between the two leaders.", []),
])
def test_a_joint_venture_formed_is_an_agreement(text, expected):
    assert [i["name"] for i in items_of(text)] == expected


def test_the_makers_of_a_joint_venture_are_its_parties():
    (item,) = items_of("Voltra Energy and Kesta Power will form a joint venture to run the line.",
                       orgs=["Voltra Energy", "Kesta Power"])
    assert (item["parties"], item["status"]) == (["Voltra Energy", "Kesta Power"], "proposed")


def test_a_headlines_short_form_again_in_the_body_is_still_the_bodys_first():
    text = ("date 2026-04-16 Norland, Kestia sign MoU on cross-border power line\n\n"
            "Norland and Kestia signed a memorandum of understanding on Wednesday to build a line.\n\n"
            "The MoU was signed in Dakar by ministers.")
    (item,) = items_of(text)
    assert surfaces(item) == ["MoU on cross-border power line", "memorandum of understanding", "MoU"]


def test_a_headline_verb_before_a_name_is_not_the_agreements():
    text = "date 2025-01-01 Harrow Rovers lands Orvana shirt deal\n\nThe club signed the deal on Monday."
    assert surfaces(items_of(text)[0])[0] == "Orvana shirt deal"
    assert [surfaces(i) for i in items_of("It is negotiating two further LNG contracts with Kestrel.")] == [
        ["two further LNG contracts"]]


def test_it_that_signs_is_the_organisation_the_sentence_before_opens_with():
    text = ("Orvana, founded in 2019, has ties with Kestrel Ltd and Tarvo Group. "
            "In January it signed a supply deal with Brenmoor Holdings.")
    (item,) = items_of(text, orgs=["Orvana", "Kestrel Ltd", "Tarvo Group", "Brenmoor Holdings"])
    assert item["parties"] == ["Orvana", "Brenmoor Holdings"]


@pytest.mark.parametrize("text", [
    "Orvana and Kestrel agreed a supply deal on Monday. Ana Lima and Tom Reed signed it in Accra.",
    "The supply deal, which Ana Lima and Tom Reed signed in Accra, covers ports.",
    "Ana Lima and Tom Reed put their signatures to the supply deal in Accra.",
])
def test_signers_of_it_of_a_relative_clause_and_of_their_signatures(text):
    (item,) = items_of(text, people=["Ana Lima", "Tom Reed"])
    assert item["signatories"] == ["Ana Lima", "Tom Reed"] and item["status"] == "signed"


def test_a_relative_clause_that_says_it_was_signed_gives_its_status_and_date():
    text = "date 2026-06-12 The talks build on a rescue agreement that the two coast guards signed on 14 May 2024."
    (item,) = agreement_items(run_component(text, dates=True))
    assert (item["status"], item["date"]) == ("signed", "2024-05-14")
    text = "date 2026-06-12 Orvana plans a deal that would be signed in May."
    (item,) = agreement_items(run_component(text, dates=True))
    assert item["status"] == "proposed"


@pytest.mark.parametrize("text, expected", [
    # a headline's naming that shares a word with the body's
    ("date 2025-01-01 Orvana signs solar power deal with Brenmoor\n\n"
     "Orvana has signed a power purchase agreement with Brenmoor Ltd.",
     ["solar power deal", "power purchase agreement"]),
    # a later stage written before the head
    ("Orvana and Brenmoor renewed their memorandum of understanding on student exchange for a further "
     "five years. The renewed MoU was signed on Monday.",
     ["memorandum of understanding on student exchange", "MoU"]),
    # a headline's naming of the body's own kind
    ("date 2025-01-01 Orvana and Kestrel sign memorandum on shale\n\n"
     "Orvana said it signed a memorandum of understanding with Kestrel on Wednesday.",
     ["memorandum on shale", "memorandum of understanding"]),
    # a measure shared with the headline, even capitalised
    ("date 2025-01-01 Navy signs P21.6-billion deal for patrol boats\n\n"
     "The navy has signed a P21.6-billion contract with Harrow Marine for six boats.",
     ["P21.6-billion deal for patrol boats", "P21.6-billion contract"]),
    # what the agreement is described as
    ("Orvana signed a cooperation agreement. That agreement, which officials described as an offset deal, runs long.",
     ["cooperation agreement", "agreement", "offset deal"]),
])
def test_namings_of_one_agreement_are_one_item(text, expected):
    (item,) = items_of(text)
    assert surfaces(item) == expected


@pytest.mark.parametrize("signing, parties", [
    # a nationality written into the title stands for the party the text names; a possessive is one
    ("The protocol was signed by Kazakh Deputy Prime Minister Aliya Nurlanova and Peru's trade minister, Rosa Quispe.",
     ["Kazakhstan", "Peru"]),
    # an organisation before the title
    ("The protocol was signed by Velmora chief executive Ana Lima and Quistel chairman Tom Reed.", ["Velmora", "Quistel"]),
    # a nationality of two words
    ("The protocol was signed by South Korean Trade Minister Kim Do-yun and Peru's trade minister, Rosa Quispe.",
     ["South Korea", "Peru"]),
])
def test_a_signed_agreement_without_named_parties_is_between_the_signatories_sides(nlp, signing, parties):
    text = ("date 2025-10-30 Kazakhstan, South Korea and Peru held talks on trade.\n\n"
            "Velmora and Quistel agreed to cooperate. Officials discussed rail links. " + signing)
    result = article_of(nlp, text, "2025-10-30")
    (item,) = result["agreements"]
    assert item["parties"] == parties
    assert article_problems(result, text) == []  # each side's evidence holds it, or its nationality


@pytest.mark.parametrize("text, parties", [
    # the coordinated subject of a relative clause that signed it
    ("The plan builds on a memorandum on grain trade that Chile and Latvia signed in 2024.", ["Chile", "Latvia"]),
    # nationality adjectives of the subject stand for the parties the text names
    ("Chilean and Latvian officials began negotiating a grain protocol. Chile and Latvia are old partners.",
     ["Chile", "Latvia"]),
])
def test_parties_from_the_sides_that_made_it(text, parties):
    assert items_of(text)[0]["parties"] == parties


def test_the_two_companies_are_the_last_two_named():
    text = ("Velmora KK agreed to buy Quistel Oyj for $2bn. "
            "Velmora KK said the two companies had signed a combination agreement on Sunday.")
    (item,) = items_of(text, orgs=["Velmora KK", "Quistel Oyj"])
    assert sorted(item["parties"]) == ["Quistel Oyj", "Velmora KK"]


def test_the_two_ministers_who_signed_are_the_last_two_people_named():
    text = ("Trade minister Ana Lima hosted her counterpart Tom Reed in Lima. "
            "After the talks, the two ministers signed a memorandum of understanding on port links.")
    (item,) = items_of(text, people=["Ana Lima", "Tom Reed"])
    assert item["signatories"] == ["Ana Lima", "Tom Reed"]


def test_a_summary_agreement_referred_to_in_its_own_line_is_still_the_bodys_first():
    text = ("date 2026-03-19 Chile has ratified a copper supply agreement with Latvia, clearing the way for the accord "
            "to enter into force.\n\nSANTIAGO, March 19 — Chile's Senate on Wednesday ratified an agreement with Latvia "
            "that secures copper sales.")
    (item,) = items_of(text)
    assert surfaces(item) == ["copper supply agreement", "accord", "agreement"]


def test_a_head_of_several_words_before_a_general_head_is_one_mention_of_its_kind():
    text = "Exim and the treasury signed a $90 million line of credit agreement. The line of credit runs to 2030."
    (item,) = items_of(text)
    assert (item["name"], item["kind"]) == ("line of credit agreement", "loan")
    assert surfaces(item) == ["line of credit agreement", "line of credit"]


def test_the_signers_of_a_clause_with_its_own_subject_are_its_own():
    text = ("President Ana Lima held talks with President Tom Reed in Lima, where ministers signed a trade accord.")
    (item,) = items_of(text, people=["Ana Lima", "Tom Reed"])
    assert item["signatories"] == []


def test_the_side_that_terminates_a_contract_with_another_names_both():
    text = "Velmora Transit terminated a contract for 40 buses with Quistel Motors NV after delays."
    (item,) = items_of(text, orgs=["Velmora Transit", "Quistel Motors NV"])
    assert (item["parties"], item["status"]) == (["Velmora Transit", "Quistel Motors NV"], "terminated")


@pytest.mark.parametrize("text, orgs, parties", [
    # those who brought the sides together are no parties
    ("Chad and Niger signed a border treaty on Monday after mediation by Angola and Gabon.", [], ["Chad", "Niger"]),
    # a "between" in another clause is that clause's
    ("Shannon Hospital and Kyoto Medical University signed a research agreement on Monday, in what officials "
     "called the first link between Ireland and Japan.", ["Shannon Hospital", "Kyoto Medical University"],
     ["Shannon Hospital", "Kyoto Medical University"]),
    # a country's government is the country; places where a side is active are no parties
    ("Mali's government and the Sahel Front, a group active near the borders with Niger and Chad, signed a "
     "ceasefire accord.", ["Sahel Front"], ["Mali", "Sahel Front"]),
])
def test_who_is_no_party_of_the_sentence(text, orgs, parties):
    (item,) = items_of(text, orgs=orgs)
    assert item["parties"] == parties


def test_a_full_stop_inside_a_name_does_not_end_the_sentence_that_named_the_agreement():
    text = ("Velmora will supply batteries to Quistel S.A. under a contract worth $40 million. "
            "The supply contract was signed on Tuesday.")
    (item,) = items_of(text, orgs=["Velmora", "Quistel S.A."])
    assert surfaces(item) == ["contract", "supply contract"]


def test_an_agreement_signed_at_the_same_ceremony_was_signed_that_day(nlp):
    text = ("date 2025-07-09 Velmora and Quistel signed a power purchase agreement in Lusaka on Tuesday.\n\n"
            "At the same ceremony, the minister signed an implementation agreement with Velmora.")
    result = article_of(nlp, text, "2025-07-09")
    assert [(a["name"], a["date"]) for a in result["agreements"]] == [
        ("power purchase agreement", "2025-07-08"), ("implementation agreement", "2025-07-08")]


def test_a_date_before_a_coordinated_subject_is_no_place():
    (item,) = items_of("In January Kenya and Uganda signed a trade agreement.")
    assert item["parties"] == ["Kenya", "Uganda"]


def test_signatories_of_one_side_make_it_one_party(nlp):
    text = ("date 2025-10-30 Peru and Chile held talks.\n\nThe protocol was signed by Peru's trade minister, Rosa Quispe, "
            "Peru's farm minister, Ana Lima, and Chilean Deputy Foreign Minister Diego Soto.")
    result = article_of(nlp, text, "2025-10-30")
    (item,) = result["agreements"]
    assert item["parties"] == ["Peru", "Chile"]
    assert article_problems(result, text) == []


@pytest.mark.parametrize("text, day", [
    ("Halvorsen Chemie today announced that it has entered into a definitive agreement with Brightwater "
     "Capital to acquire Ostmark Coatings. The agreement was signed on Monday.", "2025-05-19"),
    ("Norland and Vessia signed two MoUs, their ministries said today. The MoUs were formally signed in Eastport "
     "last Friday.", "2025-05-16"),
])
def test_a_later_sentence_that_the_agreement_was_signed_on_a_day_dates_it(nlp, text, day):
    (item,) = article_of(nlp, text, "2025-05-20")["agreements"]
    assert item["date"] == day


def test_a_counted_set_is_signed_by_everyone_who_signed_a_member(nlp):
    text = ("Norland and Vessia signed three memoranda of understanding on Tuesday. The memorandum on port "
            "training was signed by Ana Lima and Kofi Mensah. The MoU on fisheries was signed by Ewa Nowak "
            "and Ana Lima.")
    items = {item["name"]: item for item in article_of(nlp, text, "2025-05-20")["agreements"]}
    assert items["three memoranda of understanding"]["signatories"] == ["Ana Lima", "Kofi Mensah", "Ewa Nowak"]


def test_agreements_named_after_an_uncounted_plural_are_not_its_members(nlp):
    text = ("Officials said follow-up of agreements was weak. The MoU on fisheries was signed by Ewa Nowak "
            "and Ana Lima in Eastport.")
    items = {item["name"]: item["signatories"] for item in article_of(nlp, text, "2025-05-20")["agreements"]}
    assert items == {"agreements": [], "MoU on fisheries": ["Ewa Nowak", "Ana Lima"]}


@pytest.mark.parametrize("text, name", [
    ("The agencies signed an MoU on trade. Norrail signed a 180-million-dollar contract to supply bogies.",
     "180-million-dollar contract"),
    ("The agencies signed an MoU on trade. Orvana signed a 2.5-billion-euro deal with the state.", "2.5-billion-euro deal"),
])
def test_an_amount_written_as_one_hyphenated_word_modifies_the_agreement(text, name):
    assert name in [surfaces(item)[0] for item in items_of(text)]


@pytest.mark.parametrize("text, name", [
    ("Both universities signed a memorandum on joint master's programmes in fisheries.",
     "memorandum on joint master's programmes in fisheries"),
    ("The regulators signed a memorandum on air services intended to prepare direct flights.", "memorandum on air services"),
    ("Norland and Vessia signed four MoUs. The first, a memorandum on plant quarantine, was signed by Ana Lima.",
     "memorandum on plant quarantine"),
])
def test_a_topic_keeps_a_lower_case_possessive_and_stops_at_a_clause_about_the_agreement(text, name):
    assert name in [surfaces(item)[0] for item in items_of(text)]


def test_signers_with_their_titles_in_apposition_and_the_name_before_whose(nlp):
    text = ("Ana Lima, director of the Norland Aviation Authority, and Ewa Nowak, who heads the Vessia Air Board "
            "as its secretary general, signed a memorandum on air services. The project is co-financed by the "
            "Lakeside Infrastructure Bank Plc (LIB), whose 60 million dollar facility agreement with the Norland "
            "State Government was signed last month.")
    items = {item["name"]: item for item in article_of(nlp, text, "2025-06-12")["agreements"]}
    assert items["memorandum on air services"]["signatories"] == ["Ana Lima", "Ewa Nowak"]
    assert items["facility agreement"]["parties"] == ["Lakeside Infrastructure Bank Plc", "Norland State Government"]


@pytest.mark.parametrize("text, name", [
    ("The lenders signed a revised supply contract with the port.", "revised supply contract"),
    ("It is arranging a ₦45 billion syndicated loan led by a local bank.", "syndicated loan"),
])
def test_a_participle_after_an_article_or_an_amount_modifies_the_agreement(text, name):
    assert name in [surfaces(item)[0] for item in items_of("The board met on Monday. " + text + " It was signed on Friday.")]


def test_a_loans_facility_agreement_is_the_loan_and_a_supply_agreement_is_another(nlp):
    text = ("The Lakeside Bank has signed a $180 million credit line with Norgrid plc. The facility agreement was "
            "signed in Eastport on Monday by Ana Lima and Kofi Mensah. The supply agreement will follow.")
    items = article_of(nlp, text, "2025-09-16")["agreements"]
    assert [surfaces(item) for item in items] == [["credit line", "facility agreement"], ["supply agreement"]]
    assert items[0]["signatories"] == ["Ana Lima", "Kofi Mensah"]


@pytest.mark.parametrize("text, parties", [
    # "it" after "X said" is X
    ("To fill the gap, VTA said it was negotiating a leasing agreement with Czech operator Morava Bus s.r.o.",
     ["VTA", "Morava Bus s.r.o."]),
    # a party described in apposition between the two
    ("The largest was a memorandum of understanding between Rimsa Utilities Company, a Lakeside-based "
     "developer, and Peru's Ministry of Energy for a solar plant.", ["Rimsa Utilities Company", "Ministry of Energy"]),
    # with no verb before it, the subject of "under which" makes it; with one, the verb's subject does
    ("The largest was a $310 million joint venture agreement under which Hanro Chemical Co. will build a "
     "gas plant in Kulim with Malaysia's Perdana Gas Sdn Bhd.", ["Hanro Chemical Co.", "Perdana Gas Sdn Bhd"]),
    ("Merlo Group and Sigmat Corp entered into a definitive agreement under which Merlo Group would acquire Sigmat Corp.",
     ["Merlo Group", "Sigmat Corp"]),
])
def test_parties_read_around_the_mention(nlp, text, parties):
    (item,) = article_of(nlp, text, "2025-10-10")["agreements"]
    assert item["parties"] == parties


def test_the_side_discussing_an_agreement_with_another_is_a_party(nlp):
    text = ("For the plant, the Vessia Export Bank (VEB) is discussing a concessional loan of about 40 million euros "
            "with the Water Authority of Norland (WAN).")
    (item,) = article_of(nlp, text, "2025-10-10")["agreements"]
    assert (item["parties"], item["status"]) == (["Vessia Export Bank", "Water Authority of Norland"], "under negotiation")


def test_the_signing_day_written_with_commas_and_a_participle_after_an_amount_written_with_capitals(nlp):
    text = ("Halvorsen Chemie today announced that it has entered into a definitive agreement with Brightwater "
            "Capital. The agreement was signed on Monday, 19 May, in Berlin.")
    (item,) = article_of(nlp, text, "2025-05-20")["agreements"]
    assert item["date"] == "2025-05-19"
    assert "syndicated loan" in [surfaces(i)[0] for i in items_of("The board met. It is arranging a US$180m syndicated "
                                                                   "loan with banks. It was signed on Friday.")]


def test_the_communique_refers_back_and_a_name_with_and_stays_in_the_signing_gap(nlp):
    text = ("Ministers signed a joint communiqué on Thursday. The communiqué was signed by Ana Lima and Kofi Mensah. "
            "Norgrid signed a power purchase agreement with Sunfields Ltd on Tuesday. The agreement was signed at a "
            "ceremony at the Ministry of Energy and Power Infrastructure in Accra by Ewa Nowak and Ama Owusu.")
    items = {item["name"]: item for item in article_of(nlp, text, "2026-02-05")["agreements"]}
    assert items["joint communiqué"]["signatories"] == ["Ana Lima", "Kofi Mensah"]
    assert items["power purchase agreement"]["signatories"] == ["Ewa Nowak", "Ama Owusu"]


def test_a_licence_agreement_after_a_licensing_agreement_is_the_same(nlp):
    text = ("Tarvo Biotech and Kestrel Pharma signed an exclusive licensing agreement for a liver drug. The licence "
            "agreement was signed on 12 January in Tokyo by Ana Lima and Kofi Mensah.")
    (item,) = article_of(nlp, text, "2026-01-14")["agreements"]
    assert surfaces(item) == ["exclusive licensing agreement for a liver drug", "licence agreement"]


def test_one_of_the_superlative_plurals_names_no_set():
    assert items_of("Ghana had one of the clearest procurement frameworks in the region, she said.") == []
    assert [surfaces(i)[0] for i in items_of("They signed one of two agreements on Monday.")] == ["two agreements"]


def test_a_definite_name_names_the_treaty_just_introduced(nlp):
    text = ("The two countries signed a treaty to jointly manage fish stocks on Wednesday. The Lakeside Sea Fisheries "
            "Cooperation Treaty was signed by Ana Lima and Kofi Mensah.")
    (item,) = article_of(nlp, text, "2025-11-20")["agreements"]
    assert (item["name"], item["signatories"]) == ("Lakeside Sea Fisheries Cooperation Treaty", ["Ana Lima", "Kofi Mensah"])


def test_the_body_names_the_headlines_treaty_in_full(nlp):
    text = ("date 2025-11-20 Norland, Vessia seal Lakeside Sea fisheries treaty at summit\n\nNorland and Vessia on "
            "Wednesday signed a treaty to jointly manage fish stocks. The Lakeside Sea Fisheries Cooperation Treaty "
            "was signed by Ana Lima and Kofi Mensah.")
    (item,) = article_of(nlp, text, "2025-11-20")["agreements"]
    assert item["signatories"] == ["Ana Lima", "Kofi Mensah"]
    assert "Lakeside Sea fisheries treaty" in surfaces(item)


def test_a_separate_agreement_on_a_topic_is_named_by_its_topic():
    assert [surfaces(i)[0] for i in items_of("Officials have begun negotiating a separate protocol on joint patrols.")] == [
        "protocol on joint patrols"]


@pytest.mark.parametrize("text, count", [
    ("Norland and Vessia signed an agreement on Monday. The Paris Agreement, which both ratified in 2016, was cited.", 2),
    ("Norland and Vessia signed an agreement on Monday. The agreement replaces the Nile Waters Agreement of 1929.", 2),
])
def test_a_definite_name_of_another_agreement_is_not_the_one_just_signed(nlp, text, count):
    assert len(article_of(nlp, text, "2025-11-20")["agreements"]) == count


def test_the_loan_agreement_is_the_loan_named_before_and_its_lender_a_party(nlp):
    text = ("Orvana Ports will fund the new crane with a €30 million loan from the Brenmoor Savings Bank. "
            "Ana Lima and Tom Reed signed the loan agreement in Porto on June 2.")
    (loan,) = article_of(nlp, text, "2026-06-20")["agreements"]
    assert surfaces(loan) == ["loan", "loan agreement"]
    assert loan["signatories"] == ["Ana Lima", "Tom Reed"] and loan["date"] == "2026-06-02"
    assert loan["parties"] == ["Brenmoor Savings Bank"]


def test_an_agreement_of_another_kind_after_a_loan_is_its_own():
    text = "Tarvo took a loan from Orvana Bank. The supply agreement was signed on Monday."
    assert [i["name"] for i in items_of(text)] == ["loan", "supply agreement"]


def test_an_abbreviated_amount_is_no_modifier_of_the_name():
    assert named("Tarvo won a €95 mln bridge repair contract.") == ["bridge repair contract"]


def test_the_loan_after_a_loan_agreement_is_that_agreement(nlp):
    text = ("Kestrel Rail agreed a loan agreement worth $60 million with Orvana Bank in May. "
            "Ana Lima signed the loan on Friday.")
    (item,) = article_of(nlp, text, "2026-06-20")["agreements"]
    assert surfaces(item) == ["loan agreement", "loan"] and item["signatories"] == ["Ana Lima"]


def test_between_the_two_countries_names_the_countries_named_before(nlp):
    text = ("Ghana and Togo opened a border post. The Ghana Revenue Authority and Kestrel Logistics signed a "
            "memorandum of understanding on scanners. It builds on the customs pact concluded between the two "
            "countries in 2019.")
    items = {a["name"]: a for a in article_of(nlp, text, "2026-06-20")["agreements"]}
    assert items["customs pact"]["parties"] == ["Ghana", "Togo"]
    assert items["memorandum of understanding on scanners"]["parties"] == [
        "Ghana Revenue Authority", "Kestrel Logistics"]


def test_the_document_is_the_letter_of_intent_not_the_joint_venture_it_is_to_form(nlp):
    text = ("Under a letter of intent agreed on Monday, Tarvo Cables plc and Kestrel Grid AG will form a joint "
            "venture for cable recycling. Ana Lima and Tom Reed signed the document in Accra.")
    letter, venture = article_of(nlp, text, "2026-06-20")["agreements"]
    assert surfaces(letter) == ["letter of intent", "document"] and letter["signatories"] == ["Ana Lima", "Tom Reed"]
    assert venture["signatories"] == []


def test_a_name_given_as_the_document_is_known_is_the_agreement_just_named():
    text = ("Ten mayors signed a joint declaration on river cleanup in Vienna. "
            "They hope the Danube Declaration, as the text was called, will draw funds.")
    (item,) = items_of(text)
    assert surfaces(item) == ["joint declaration on river cleanup", "Danube Declaration"]


def test_the_first_of_a_set_is_its_own_item_as_the_second_is():
    text = ("Chile and Peru signed three memoranda of understanding on mining, ports and skills. The first MoU, "
            "between Tarvo Mining and Kestrel Institute, covers lithium. The second MoU covers cranes.")
    assert [i["name"] for i in items_of(text)] == ["three memoranda of understanding", "first MoU", "second MoU"]


def test_an_agreement_without_parties_borrows_none_from_one_named_far_after(nlp):
    filler = "Analysts said the market for cranes had grown quickly over the past decade. " * 10
    text = ("Both boards approved the merger agreement on Friday, a statement said. " + filler
            + "Separately, Tarvo Cranes extended its supply agreement with Kestrel Steel AB.")
    merger, supply = article_of(nlp, text, "2026-05-20")["agreements"]
    assert merger["parties"] == [] and "Kestrel Steel AB" in supply["parties"]


def test_the_declaration_is_the_joint_declaration_called_by_a_declarations_name(nlp):
    text = ("Ten mayors signed a joint declaration on river cleanup in Vienna. They hope the Danube Declaration, "
            "as the document is known, will draw funds. Two more mayors, Ana Lima and Tom Reed, also signed the "
            "declaration on Friday.")
    (item,) = article_of(nlp, text, "2026-06-20")["agreements"]
    assert surfaces(item)[-1] == "declaration" and item["signatories"] == ["Ana Lima", "Tom Reed"]


# --- one agreement named in other words, and who signed it in a sentence of its own ---------------

def test_a_contract_for_goods_is_the_supply_contract_and_the_order():
    text = ("Norvik Rail on Tuesday signed a contract for 40 electric trams, its biggest order in years. "
            "The supply contract was signed in Oslo by Anna Berg. Analysts said the tram contract would help.")
    (item,) = items_of(text, people=["Anna Berg"])
    assert surfaces(item) == ["contract for 40 electric trams", "supply contract", "tram contract"]
    assert item["signatories"] == ["Anna Berg"]


def test_a_headline_word_of_another_kind_does_not_hide_the_body_name():
    text = ("Chile and Peru sign mining survey pact\n"
            "Chile and Peru on Monday signed a memorandum of understanding on copper mapping and a separate "
            "visa accord. The memorandum of understanding (MoU) was signed by Ana Ruiz. "
            "Officials said the survey deal would start in May.")
    items = items_of(text, people=["Ana Ruiz"])
    assert [i["name"] for i in items] == ["memorandum of understanding on copper mapping", "visa accord"]
    assert surfaces(items[0])[-1] == "survey deal"
    assert items[0]["signatories"] == ["Ana Ruiz"]


def test_an_apposition_names_the_agreement_an_ordinal_introduces():
    text = ("Kenya signed a port accord and a separate credit agreement on Monday. "
            "The second agreement, a $40 million credit agreement with Vesta Bank, funds a dock.")
    items = items_of(text)
    assert [i["name"] for i in items] == ["port accord", "credit agreement"]
    assert "second agreement" in surfaces(items[1])
    # a noun phrase of another head between: no apposition of the agreement
    names = [i["name"] for i in items_of("Kenya signed a port accord, a first step toward a free trade agreement.")]
    assert names == ["port accord", "free trade agreement"]


def test_signing_for_a_side_were_the_people_named_after():
    text = ("Norvik Rail won a contract for 40 trains from Ostrava Vagony. "
            "Signing on behalf of the makers were Jana Novak and Petr Cerny. Also signing for Norvik was Anna Berg.")
    (item,) = items_of(text, people=["Jana Novak", "Petr Cerny", "Anna Berg"])
    assert item["signatories"] == ["Jana Novak", "Petr Cerny", "Anna Berg"]


def test_numbered_members_of_a_set_are_each_their_own(nlp):
    text = ("date 2025-03-12\nKestria and Norland signed four memoranda of understanding on Tuesday. The documents "
            "were signed at the ministry. Under the first memorandum, Kestria Rail and Norland Steel Ltd will build "
            "a depot. The MoU was signed by Ana Lima and Tom Reed. The second memorandum, a tourism promotion MoU, "
            "lets Norland Tours sell packages. " + "Officials praised the talks. " * 70 +
            "Both sides welcomed the documents. The fourth MoU, between Lakeside College and Norland Polytechnic, "
            "covers exchanges. Separately, an updated MoU on customs is under negotiation.")
    items = {item["name"]: item for item in agreement_items(nlp(text))}
    assert surfaces(items["first memorandum"]) == ["first memorandum", "MoU"]
    assert surfaces(items["tourism promotion MoU"]) == ["second memorandum", "tourism promotion MoU"]
    # a member named far from the set's first mention, but near its last, was signed with it
    assert (items["fourth MoU"]["status"], items["fourth MoU"]["date"]) == ("signed", "2025-03-11")
    # one under negotiation was not
    assert items["updated MoU on customs"]["date"] is None


@pytest.mark.parametrize("text, expected", [
    ("Last year Tavira ended its lease agreement with Norvik Ports, signed in 2016, citing costs.", ("terminated", "2016")),
    ("Tavira extended its supply deal, signed in March 2021, on Monday.", ("signed", "2021-03")),
])
def test_a_participle_clause_dates_the_signing_whatever_became_of_the_agreement(nlp, text, expected):
    (item,) = agreement_items(nlp("date 2024-03-12\n" + text))
    assert (item["status"], item["date"]) == expected


def test_under_the_agreement_with_a_new_word_is_the_one_just_named():
    text = ("Norvik has agreed to buy copper from Tavira Mining under a ten-year agreement. Under the purchase "
            "agreement, Tavira will deliver 9,000 tonnes a year. The contract was signed by Ana Lima and Tom Reed.")
    (item,) = items_of(text, people=["Ana Lima", "Tom Reed"])
    assert surfaces(item) == ["ten-year agreement", "purchase agreement", "contract"]
    assert item["signatories"] == ["Ana Lima", "Tom Reed"]


def test_the_one_whose_predecessor_signed_is_no_signatory(nlp):
    text = ("Tom Reed leads Orvana. The joint venture agreement was signed in 2020 by Ana Lima and Reed's "
            "predecessor, Marta Silva.")
    (item,) = agreement_items(nlp(text))
    assert item["signatories"] == ["Ana Lima", "Marta Silva"]


def test_a_headlines_shorthand_is_the_agreement_the_body_names_with_more_words():
    text = ("Norland quits Kestria fisheries pact\nNORVIK - Norland said on Monday it had withdrawn from the 2008 "
            "regional fisheries pact with Kestria. The pact had set quotas.")
    (item,) = items_of(text)
    assert surfaces(item) == ["Kestria fisheries pact", "2008 regional fisheries pact", "pact"]


def test_a_possessive_owner_with_new_words_names_another_agreement():
    text = ("Norland wants a new double taxation treaty with Kestria. Tavira said the company's 2017 exploration "
            "contract with the ministry still applies. Lawyers await the replacement treaty.")
    items = items_of(text)
    assert [surfaces(item) for item in items] == [["double taxation treaty", "treaty"], ["2017 exploration contract"]]
    # a place's or a day's possessive describes the one told of
    (item,) = items_of("Two insurers agreed a deal in July. Regulators cleared the deal. The tie-up - which will be "
                       "Chile's largest-ever insurance deal - closes in May.")
    assert surfaces(item) == ["deal", "deal", "largest-ever insurance deal"]


def test_a_headlines_head_word_inside_the_bodys_naming_of_another_kind_is_that_agreement():
    text = ("Two colleges sign teaching framework\nOLOMOUC - Lakeside College and Norland Polytechnic signed a "
            "framework agreement on research cooperation on Wednesday. The framework agreement runs five years.")
    (item,) = items_of(text)
    assert surfaces(item) == ["teaching framework", "framework agreement on research cooperation", "framework agreement"]


def test_what_it_is_said_to_be_is_the_agreement_told_of():
    text = ("Tavira signed a share sale agreement with Norvik on Monday. \"It is a modest deal, given our "
            "size,\" an analyst said.")
    (item,) = items_of(text)
    assert surfaces(item) == ["share sale agreement", "modest deal"]


def test_the_bodies_of_two_countries_are_the_parties_the_text_names_them_by(nlp):
    text = ("The central banks of Peru and Chile signed a currency swap agreement on Monday. It was signed by Ana "
            "Lima, Governor of the Central Bank of Peru, and Tom Reed of the Central Bank of Chile.")
    (item,) = agreement_items(nlp(text))
    assert item["parties"] == ["Central Bank of Peru", "Central Bank of Chile"]
    assert {e["name"] for e in item["evidence"]["parties"]} == {"Central Bank of Peru", "Central Bank of Chile"}
    # with no such bodies named, the countries
    (item,) = agreement_items(nlp("The central banks of Peru and Chile signed a currency swap agreement on Monday."))
    assert item["parties"] == ["Peru", "Chile"]


def test_the_exchange_of_a_ticker_is_no_party(nlp):
    text = ("Shares of Norvik Foods plc (LSE: NVK) rose after the food maker said it had signed a supply agreement "
            "with Tavira Farms.")
    (item,) = agreement_items(nlp(text))
    assert "LSE" not in item["parties"] and "Tavira Farms" in item["parties"]


def test_a_year_before_the_name_gives_way_to_the_signing_day(nlp):
    text = "date 2025-03-12\nThe 2024 fisheries agreement was signed by Ana Lima and Tom Reed on 3 March 2025."
    (item,) = agreement_items(nlp(text))
    assert item["date"] == "2025-03-03"


def test_under_an_agreement_named_before_is_that_one_not_the_latest():
    text = ("Kestria signed a visa agreement with Norland in 2019. On Monday the two signed a trade agreement. "
            "Under the visa agreement, tourists need no visa.")
    assert [surfaces(item) for item in items_of(text)] == [["visa agreement", "visa agreement"], ["trade agreement"]]


def test_a_headline_shorthand_must_share_a_word_with_the_bodys_naming(nlp):
    text = ("date 2025-03-12 Norland signs trade deal with Kestria\nNORVIK - Norland on Monday scrapped the 1995 "
            "investment deal with Kestria and signed a new one.")
    assert sorted(item["name"] for item in agreement_items(nlp(text))) == ["1995 investment deal", "trade deal"]


def test_an_agreement_that_ends_something_is_not_ended(nlp):
    (item,) = agreement_items(nlp("date 2024-03-12\nThe trade deal ended a decade of tariffs."))
    assert item["status"] != "terminated"


@pytest.mark.parametrize("text, name", [
    # an amount written with a currency's code or its usual abbreviation before the number
    ("Orvana on Thursday signed a EUR 412 million contract with Kestrel for 24 trams.", "contract"),
    ("Orvana on Thursday signed a PLN 90 million contract with Kestrel.", "contract"),
    ("Orvana on Thursday signed a N45 billion loan agreement with the Harbour Bank.", "loan agreement"),
    ("Orvana on Thursday signed a Rs 500 crore contract with Kestrel.", "contract"),
    ("Orvana on Thursday signed a Rp 1.9 trillion contract with Kestrel.", "contract"),
    ("Orvana on Thursday signed a RM 50 million contract with Kestrel.", "contract"),
])
def test_an_amount_with_a_currency_code_before_the_head_is_not_the_name(nlp, text, name):
    found = article_of(nlp, text, "2025-09-05")
    assert [(a["name"], a["date"]) for a in found["agreements"]] == [(name, "2025-09-04")]


def test_a_pair_of_names_with_accented_capitals_names_an_agreement(nlp):
    # "Élanie-Ödland" is read as "Elanie-Odland" would be
    found = article_of(nlp, "The Élanie-Ödland trade pact was signed on Monday.", "2025-09-05")
    assert [a["name"] for a in found["agreements"]] == ["Élanie-Ödland trade pact"]


@pytest.mark.parametrize("later", ['"These three agreements give our students a chance," the rector said.',
                                   "The three agreements give students a chance."])
def test_a_set_counted_again_after_a_definite_determiner_is_the_same_set(nlp, later):
    found = article_of(nlp, "The university signed three memoranda of understanding on Monday. " + later, "2025-09-05")
    assert [a["name"] for a in found["agreements"]] == ["three memoranda of understanding"]


def test_the_people_of_talks_between_are_not_the_signers_named_after(nlp):
    text = ("Norland and Vessia on Monday signed a ten-year gas supply agreement.\n\nThe deal was concluded at the "
            "end of talks in Oslo between Norland's energy minister, Peter Holm, and Vessia's mines minister, Jan Berg."
            "\n\nThe supply agreement itself was signed by Maria Lund, chief executive of Norgas Ltd, and Anna Vik, "
            "managing director of Vessia Power Company. The two ministers witnessed the signing.")
    (item,) = article_of(nlp, text, "2025-09-05")["agreements"]
    assert item["signatories"] == ["Maria Lund", "Anna Vik"]


def test_initialled_between_two_people_names_its_signers(nlp):
    (item,) = article_of(nlp, "The accord was initialled in Oslo on Monday between Peter Holm and Jan Berg.",
                         "2025-09-05")["agreements"]
    assert item["signatories"] == ["Peter Holm", "Jan Berg"]


def test_an_amount_after_a_currencys_letter_is_no_name_and_links_a_headline(nlp):
    text = ("Cebu seals P4.1-B solar power deal with Sunpeak\n\nThe Provincial Government of Cebu has signed a "
            "P4.1-billion solar power supply contract with Sunpeak Energy Corp. to light ten towns.\n\n"
            "Governor Ana Dizon and Sunpeak president Mario Lim signed the 20-year contract on Monday.")
    (item,) = article_of(nlp, text, "2025-09-05")["agreements"]
    assert surfaces(item)[:2] == ["P4.1-B solar power deal", "P4.1-billion solar power supply contract"]
    assert item["signatories"] == ["Ana Dizon", "Mario Lim"]


def test_an_agreement_told_of_by_its_head_is_the_one_named_next(nlp):
    text = ("Karsten Foods said on Monday it had signed an agreement to acquire a 60% stake in Milena Dairy for "
            "€8 million.\n\nThe share purchase agreement was signed in Sofia on Friday by Karsten chief executive "
            "Ivan Petrov and Elena Dimitrova, the dairy's founder.")
    (item,) = article_of(nlp, text, "2025-09-08")["agreements"]
    assert item["name"] == "share purchase agreement"
    assert surfaces(item) == ["agreement", "share purchase agreement"]
    assert item["signatories"] == ["Ivan Petrov", "Elena Dimitrova"]


@pytest.mark.parametrize("later", ["The new supply agreement was signed on Friday by Ivan Petrov.",
                                   "Separately, the supply agreement with Orvana was signed on Friday by Ivan Petrov."])
def test_a_new_or_separate_naming_after_a_bare_agreement_is_another(nlp, later):
    text = "Karsten Foods said it had signed an agreement with Milena Dairy last year.\n\n" + later
    assert len(article_of(nlp, text, "2025-09-08")["agreements"]) == 2


def test_a_long_topic_runs_to_its_comma(nlp):
    text = ("Norland and Vessia signed a memorandum on ports. The two sides also signed an agreement on the mutual "
            "recognition of driving licences for professional drivers, officials said.")
    names = [a["name"] for a in article_of(nlp, text, "2025-09-08")["agreements"]]
    assert names == ["memorandum on ports", "agreement on the mutual recognition of driving licences for professional drivers"]


def test_an_agreement_of_a_year_past_is_its_own_and_dated_so(nlp):
    text = "On Monday Norland and Vessia signed a protocol amending the 2001 agreement on air services."
    found = article_of(nlp, text, "2025-09-08")["agreements"]
    assert [(a["name"], a["date"]) for a in found] == [("protocol", "2025-09-08"), ("2001 agreement on air services", "2001")]


def test_a_weak_head_listed_after_and_is_signed_with_the_rest(nlp):
    text = "The two sides also signed an agreement on trade and a protocol on air services."
    names = [a["name"] for a in article_of(nlp, text, "2025-09-08")["agreements"]]
    assert names == ["agreement on trade", "protocol on air services"]


def test_both_agreements_signed_by_gives_each_its_signers_and_an_amount_between_them_keeps_the_date(nlp):
    text = ("Norland and the Harbour Fund on Wednesday signed a $45 million loan agreement and a $3 million grant "
            "agreement to rebuild ports.\n\nBoth agreements were signed at State House by Minister of Finance Ana Lima "
            "and fund director Tom Reed.")
    found = article_of(nlp, text, "2025-09-05")["agreements"]
    assert [(a["name"], a["signatories"], a["date"]) for a in found] == [
        ("loan agreement", ["Ana Lima", "Tom Reed"], "2025-09-03"), ("grant agreement", ["Ana Lima", "Tom Reed"], "2025-09-03")]


def test_a_headlines_loan_is_the_bodys_loan_agreement_whatever_second_loan_follows(nlp):
    text = ("Norland signs $45 million loan to rebuild ports\n\nNORVIK – Norland and the Harbour Fund on Wednesday "
            "signed a US$45 million loan agreement to rebuild ports.\n\nAna Lima said a second loan, for a sewer "
            "scheme, was under negotiation with the fund.")
    found = article_of(nlp, text, "2025-09-05")["agreements"]
    assert [surfaces(a) for a in found] == [["loan", "loan agreement"], ["second loan"]]


def test_a_concession_signed_is_an_agreement_and_the_headlines_named_one_is_the_bodys(nlp):
    text = ("Norland port authority signs Vik terminal concession\n\nNORVIK, March 4 – The Norland Ports Authority "
            "on Monday signed a 25-year concession agreement with Kestrel Terminals Ltd for a terminal at Vik.\n\n"
            "The concession was signed in Oslo by Ola Berg and Lars Holm.\n\nThe government offered tax concessions "
            "to investors.")
    (item,) = article_of(nlp, text, "2025-03-04")["agreements"]
    assert surfaces(item) == ["Vik terminal concession", "25-year concession agreement", "concession"]
    assert item["signatories"] == ["Ola Berg", "Lars Holm"]


@pytest.mark.parametrize("text, names", [
    ("The two sides also signed an executive programme for cultural cooperation for 2026-2028.",
     ["executive programme for cultural cooperation"]),
    ("The university runs a study abroad programme with Kestrel College.", []),
])
def test_an_executive_programme_signed_is_an_agreement_not_any_programme(nlp, text, names):
    assert [a["name"] for a in article_of(nlp, text, "2025-09-05")["agreements"]] == names


def test_signed_by_the_two_co_chairs_names_the_two_named_before(nlp):
    text = ("Norland and Vessia signed two agreements at a joint committee co-chaired by Ana Lima, Norland's trade "
            "minister, and Omar Saleh, Vessia's minister of state. The first was an agreement on the promotion of "
            "investments, signed by the two co-chairs.")
    items = {a["name"]: a for a in article_of(nlp, text, "2025-09-05")["agreements"]}
    assert items["agreement on the promotion of investments"]["signatories"] == ["Ana Lima", "Omar Saleh"]


def test_what_an_agreement_replaces_is_an_agreement(nlp):
    text = "The maritime agreement replaces a 2012 shipping protocol, which the two governments terminated."
    found = article_of(nlp, text, "2025-09-05")["agreements"]
    assert [(a["name"], a["status"], a["date"]) for a in found] == [
        ("maritime agreement", None, None), ("2012 shipping protocol", "terminated", "2012")]


def test_it_was_signed_by_marks_the_agreement_signed(nlp):
    text = "Orvana and Kestrel drew up a memorandum of understanding on ferries. It was signed by Ana Lima and Tom Reed."
    (item,) = article_of(nlp, text, "2025-09-05")["agreements"]
    assert (item["signatories"], item["status"]) == (["Ana Lima", "Tom Reed"], "signed")


@pytest.mark.parametrize("text, count", [
    ("Norland signed a deal with Vessia on Monday. The nuclear deal with Iran was also discussed.", 2),
    ("Norland signed an agreement with Vessia on Monday. The free trade agreement the two countries signed in "
     "2010 expires next year.", 2),
])
def test_a_later_naming_that_tells_of_no_signing_is_not_the_bare_agreement_before(nlp, text, count):
    assert len(article_of(nlp, text, "2025-09-05")["agreements"]) == count


def test_the_year_inside_a_coordinated_naming_dates_only_that_one(nlp):
    found = article_of(nlp, "Norland signed a $45 million loan and a 2019 grant agreement.", "2025-09-05")["agreements"]
    assert [(a["name"], a["date"]) for a in found] == [("loan", None), ("2019 grant agreement", "2019")]


def test_both_treaties_were_signed_by_signs_the_two_named_before(nlp):
    text = "Norland signed a treaty on rivers and a treaty on roads. Both treaties were signed by Ana Lima and Tom Reed."
    found = article_of(nlp, text, "2025-09-05")["agreements"]
    assert [a["signatories"] for a in found] == [["Ana Lima", "Tom Reed"], ["Ana Lima", "Tom Reed"]]


def test_a_weak_head_listed_after_a_relative_clauses_signing_is_not_signed(nlp):
    text = "Norland, which signed a trade deal last year, wants an agreement on trade and a protocol on air services."
    assert "protocol on air services" not in [a["name"] for a in article_of(nlp, text, "2025-09-05")["agreements"]]
