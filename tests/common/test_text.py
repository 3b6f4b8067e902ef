"""Accent folding of the shared word lists."""
from extractor.common.text import FoldedSet, folded


def test_folded_drops_accents_and_spells_out_letters_unicode_does_not_decompose():
    assert [folded(w) for w in ("Luíza", "Łukasz", "Đức", "Øster", "Smith")] == ["Luiza", "Lukasz", "Duc", "Oster", "Smith"]


def test_a_folded_set_holds_the_accented_forms_of_its_plain_words_only():
    names = FoldedSet({"Luiza", "Joao"})
    assert "Luíza" in names and "João" in names and "Luiza" in names
    assert "Luíz" not in names and "joão" not in names and 3 not in names
