"""Accent folding of the shared word lists."""
from extractor.common.text import FoldedSet, folded


def test_folded_drops_accents_and_spells_out_letters_unicode_does_not_decompose():
    assert [folded(w) for w in ("Luíza", "Łukasz", "Đức", "Øster", "Smith")] == ["Luiza", "Lukasz", "Duc", "Oster", "Smith"]


def test_a_folded_set_holds_the_accented_forms_of_its_plain_words_only():
    names = FoldedSet({"Luiza", "Joao"})
    assert "Luíza" in names and "João" in names and "Luiza" in names
    assert "Luíz" not in names and "joão" not in names and 3 not in names


def test_a_press_release_label_above_the_headline_is_not_it():
    from extractor.common.text import headline_bounds
    text = "date 2026-01-14 PRESS RELEASE\n\nTarvo and Kestrel sign licensing deal\n\nTarvo Biotech said on Monday that it had signed."
    start, end = headline_bounds(text)
    assert text[start:end] == "Tarvo and Kestrel sign licensing deal"


def test_a_summary_above_a_dateline_whose_town_opens_with_an_accented_capital():
    from extractor.common.text import headline_bounds
    text = ("date 2025-09-05\nThe city's operator has ordered 24 trams from a local maker.\n\n"
            "ŁÓDŹ, Sept 4 — The operator signed the contract on Thursday.")
    start, end = headline_bounds(text, summary=True)
    assert text[start:end] == "The city's operator has ordered 24 trams from a local maker."
