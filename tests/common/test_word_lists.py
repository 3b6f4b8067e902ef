"""Name particles, name connectors, speech verbs and signing verbs: each is one data file, and
every code path that uses it reads that file (a word added there works everywhere)."""
import re

import pytest
import srsly

from extractor.agreements.component import AGREEMENT_FILES
from extractor.agreements.lexicon import reporting_pattern, signing_verbs
from extractor.common.component import RuleComponent
from extractor.common.lexicon import LEXICON_FILES, SPEECH_FACETS, speech_verbs
from extractor.common.rules import RuleData, RuleFileError, having
from extractor.dates.component import DATE_FILES
from extractor.dates.tense import tense_cues
from extractor.io.sources import Article
from extractor.pipeline.build import build_pipeline, process

PUBLISHED = "date 2026-03-02\n"  # a Monday


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pipeline_with(name: str, line: str):
    """The pipeline with `line` added to data file `name` in every component that reads it."""
    nlp = build_pipeline()
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, RuleComponent) and name in {f.name for f in pipe.data_files}:
            texts = dict(pipe.rules.texts)
            texts[name] = texts[name].rstrip("\n") + "\n" + line + "\n"
            pipe.from_bytes(srsly.msgpack_dumps(texts))
    return nlp


def extract(nlp, text: str) -> dict:
    return next(iter(process(nlp, [Article(source="t", text=PUBLISHED + text)])))[1]


def people(result) -> list[str]:
    return [p["name"] for p in result["people"]]


def signatories(result) -> list[str]:
    return [name for a in result["agreements"] for name in a["signatories"]]


def dates(result) -> dict[str, str]:
    return {d["text"]: d["value"] for d in result["dates"]}


# --- name particles and connectors --------------------------------------------------------

def test_a_name_with_particles_is_kept_whole_by_people_and_roles(nlp):
    sentence = "European Commission President Ursula von der Leyen visited Rome."
    result = extract(nlp, sentence)
    assert people(result) == ["Ursula von der Leyen"]
    evidence = {"start": len(PUBLISHED), "end": len(PUBLISHED) + len(sentence)}
    assert result["people"][0]["roles"] == [{"role": "President", "organisation": "European Commission", "evidence": evidence}]


def test_a_particle_of_the_shared_list_joins_a_name_phrase(nlp):
    # "di" was in the people's own particle list but not in their phrase pattern, so the name was cut
    assert people(extract(nlp, "Leonardo di Caprio said so.")) == ["Leonardo di Caprio"]


def test_a_particle_added_to_the_list_joins_people_and_organisation_names():
    person, organisation = "Dr Ines zu Rhona spoke.", "The Karl zu Rhona Foundation met."
    shipped, added = build_pipeline(), pipeline_with("name_particles.txt", "zu")
    assert people(extract(shipped, person)) == ["Ines"]
    assert [o["name"] for o in extract(shipped, organisation)["organisations"]] == ["Rhona Foundation"]
    assert people(extract(added, person)) == ["Ines zu Rhona"]
    assert [o["name"] for o in extract(added, organisation)["organisations"]] == ["Karl zu Rhona Foundation"]


def test_a_connector_added_to_the_list_joins_organisation_names():
    text = "Officials of the Haus zum Ritter Foundation met."
    assert [o["name"] for o in extract(build_pipeline(), text)["organisations"]] == ["Ritter Foundation"]
    result = extract(pipeline_with("name_connectors.txt", "zum"), text)
    assert [o["name"] for o in result["organisations"]] == ["Haus zum Ritter Foundation"]


# --- speech verbs --------------------------------------------------------------------------

def test_every_component_reads_the_speech_verb_table():
    for files in (LEXICON_FILES, AGREEMENT_FILES, DATE_FILES):
        assert "speech_verbs.txt" in {f.name for f in files}
    with RuleData.from_package(AGREEMENT_FILES + DATE_FILES).active():
        verbs = speech_verbs()
        assert {"said", "says", "told", "wrote"} <= verbs
        assert all(reporting_pattern().fullmatch(verb) for verb in verbs)
        assert {verb for verb, cue in tense_cues().items() if cue == "report"} == speech_verbs(tense="past")
        assert "told" not in speech_verbs(after="speaker")  # "told Reuters": a listener


def test_a_speech_verb_added_to_the_table_works_in_people_agreements_and_dates():
    nlp = pipeline_with("speech_verbs.txt", "quipped\tpast\tspeaker")
    assert people(extract(nlp, '"We are ready," quipped Kowalski.')) == ["Kowalski"]
    assert people(extract(build_pipeline(), '"We are ready," quipped Kowalski. The plan works, quipped Olek Vrana.')) == []
    assert people(extract(nlp, "The plan works, quipped Olek Vrana.")) == ["Olek Vrana"]
    # a reporting verb: the date it dates is no agreement's date, and the tense it gives is weak
    result = extract(nlp, "Dr Asha Rao and Mr Paul Eze signed the trade agreement, the bank quipped on Friday.")
    assert signatories(result) == ["Asha Rao", "Paul Eze"] and result["agreements"][0]["date"] is None
    assert dates(extract(nlp, "The office will close on Friday, officials quipped."))["Friday"] == "2026-03-06"


def test_a_past_speech_verb_is_a_weak_tense_cue(nlp):
    # "noted" ends in -ed, which alone would make the clause past
    assert dates(extract(nlp, "The office will close on Friday, officials noted."))["Friday"] == "2026-03-06"


def test_a_written_quote_names_its_speaker(nlp):
    assert people(extract(nlp, '"We are ready," wrote Maya Joglekar.')) == ["Maya Joglekar"]
    assert people(extract(nlp, '"We are ready," Kowalski noted.')) == ["Kowalski"]


def test_a_lone_word_before_a_listener_verb_after_a_quote_is_no_person(nlp):
    assert people(extract(nlp, '"Orvalis told us nothing," he said. "Analysts say so."')) == []


# --- signing verbs -------------------------------------------------------------------------

def test_every_path_reads_the_signing_verb_table():
    for files in (AGREEMENT_FILES, DATE_FILES):
        assert "signing_verbs.txt" in {f.name for f in files}
    with RuleData.from_package(AGREEMENT_FILES + DATE_FILES).active():
        assert {"signed", "sealed", "inked", "initialled", "ratified"} <= signing_verbs(form="past")
        assert all(tense_cues()[verb] == "past" for verb in signing_verbs(form="past"))


@pytest.mark.parametrize("text", [
    "The memorandum of understanding was sealed by Dr Asha Rao and Mr Paul Eze.",
    "Dr Asha Rao and Mr Paul Eze sealed the memorandum of understanding.",
    "Chile and Peru agreed a memorandum of understanding. Dr Asha Rao sealed for Chile, and Mr Paul Eze sealed for Peru.",
])
def test_a_signing_verb_gives_signatories_on_every_path(nlp, text):
    assert signatories(extract(nlp, text)) == ["Asha Rao", "Paul Eze"]


def test_a_signing_verb_dates_its_signing_in_the_past(nlp):
    assert dates(extract(nlp, "The trade agreement was struck on 12 May."))["12 May"] == "2025-05-12"
    assert dates(extract(nlp, "The trade agreement will be struck on 12 May."))["12 May"] == "2026-05-12"


def test_a_signing_verb_added_to_the_table_works_for_signatories_weak_heads_and_dates():
    nlp = pipeline_with("signing_verbs.txt", "countersigned\tpast\tsigns")
    assert signatories(extract(nlp, "The accord was countersigned by Dr Asha Rao and Mr Paul Eze.")) == ["Asha Rao", "Paul Eze"]
    assert signatories(extract(nlp, "Dr Asha Rao and Mr Paul Eze countersigned the accord.")) == ["Asha Rao", "Paul Eze"]
    assert [a["name"] for a in extract(nlp, "A framework was countersigned yesterday.")["agreements"]] == ["framework"]
    assert dates(extract(nlp, "The accord was countersigned on 12 May."))["12 May"] == "2025-05-12"


# --- the loaders ---------------------------------------------------------------------------

CHOICES = {"tense": frozenset({"past", "present"}), "after": frozenset({"speaker", "listener"})}


def table(text: str) -> RuleData:
    return RuleData({"verbs.txt": text}, {"verbs.txt": "pkg/data/verbs.txt"})


def test_a_facets_table_maps_each_word_to_its_facets():
    rules = table("# verb, tense, after\nsaid\tpast\tspeaker\ntold\tpast\tlistener\n\nsays\tpresent\tspeaker\n")
    found = rules.facets("verbs.txt", CHOICES)
    assert found["told"] == {"tense": "past", "after": "listener"}
    assert having(found, tense="past") == {"said", "told"}
    assert having(found, tense="past", after="speaker") == {"said"}
    assert having(found) == {"said", "told", "says"}
    with pytest.raises(KeyError):
        having(found, form="past")


@pytest.mark.parametrize("text, reason", [
    ("said\tpast\tspeaker\nsays\tpresent\n", "2: expected 3 tab-separated columns, found 2"),
    ("said\tpast\tspeaker\ntold\tpast\tlistner\n", "2: after 'listner' is not one of listener, speaker"),
    ("said\tpast\tspeaker\n# again\nsaid\tpast\tspeaker\n", "3: 'said' is listed twice (first on line 1)"),
])
def test_a_bad_line_of_a_facets_table_names_file_and_line(text, reason):
    with pytest.raises(RuleFileError, match=re.escape(f"pkg/data/verbs.txt:{reason}")):
        table(text).facets("verbs.txt", CHOICES)


def changed(files, name: str, line: str) -> RuleData:
    rules = RuleData.from_package(files)
    return RuleData({**rules.texts, name: rules.texts[name] + line + "\n"}, rules.origins)


@pytest.mark.parametrize("name, line, reason", [
    ("speech_verbs.txt", "quipped\tpast", "expected 3 tab-separated columns, found 2"),
    ("speech_verbs.txt", "quipped\tfuture\tspeaker", "tense 'future' is not one of past, present"),
    ("speech_verbs.txt", "said\tpast\tspeaker", "'said' is listed twice"),
    ("signing_verbs.txt", "countersigned\tpast\tseals", "act 'seals' is not one of awards, makes, signs, wins"),
    ("date_tense_cues.txt", "said\tpast", "'said' is in speech_verbs.txt, which gives its tense"),
    ("date_tense_cues.txt", "struck\tpast", "'struck' is in signing_verbs.txt, which gives its tense"),
    ("date_tense_cues.txt", "vowed\treport", "cue 'report' is not one of future, none, past"),
])
def test_a_bad_line_in_a_shared_list_fails_naming_file_and_line(name, line, reason):
    rules = changed(DATE_FILES, name, line)
    number = len(rules.texts[name].splitlines())
    with rules.active(), pytest.raises(RuleFileError, match=re.escape(f"{rules.origins[name]}:{number}: {reason}")):
        tense_cues()


def test_the_speech_verb_facets_are_the_columns_of_the_file():
    rules = RuleData.from_package(LEXICON_FILES)
    rows = rules.table("speech_verbs.txt", 3)
    assert all(value in allowed for row in rows for value, allowed in zip(row[1:], SPEECH_FACETS.values()))
