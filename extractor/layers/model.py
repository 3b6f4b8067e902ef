"""--model: the user's spaCy pipeline runs first; its entities fill the gaps our rules leave.

Policy: our rules (and the user's) win every conflict; a model ORG, PERSON or DATE is added
only where no organisation, person or date was found, and a model LAW becomes an agreement
only where no agreement was found (conflicts as defined in entity_layer).
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..common.component import RuleComponent
from .entities import ENTITY_ATTRIBUTES, ENTITY_FILES, ENTITY_REQUIRES, add_entity, conflicts

NAME_LABELS = {"ORG": "organisations", "PERSON": "people", "DATE": "dates"}
AGREEMENT_LABELS = {"LAW": "agreements"}
INSTALL_HINT = "install one with `python -m spacy download en_core_web_sm`, or give the folder of a pipeline saved with nlp.to_disk"


class ModelError(ValueError):
    """A --model that cannot be loaded; the message says how to get one."""


def load_model(name_or_path: str) -> Language:
    """A spaCy pipeline by package name or folder, or ModelError with an install hint."""
    try:
        return spacy.load(name_or_path)
    except OSError as err:
        raise ModelError(f"cannot load spaCy pipeline {name_or_path!r}: {INSTALL_HINT}") from err


def sets_sentences(nlp: Language) -> bool:
    """Whether some component of nlp (parser, senter, sentencizer) marks sentence starts."""
    return any("token.is_sent_start" in nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names)


class ModelEntities(RuleComponent):
    """Copies doc.ents with the mapped labels into our span groups where nothing conflicts."""

    data_files = ENTITY_FILES

    def __init__(self, nlp: Language, name: str, labels: dict[str, str]):
        self.name = name
        self.labels = labels

    def process(self, doc: Doc) -> Doc:
        for ent in doc.ents:
            key = self.labels.get(ent.label_)
            if key and ent.start_char >= doc._.header_end and not conflicts(doc, key, ent.start_char, ent.end_char):
                add_entity(doc, key, ent.start_char, ent.end_char, f"model:{ent.label_}")
        return doc


@Language.factory("extractor_model_entities", assigns=ENTITY_ATTRIBUTES, requires=["doc.ents", *ENTITY_REQUIRES],
                  default_config={"labels": None})
def make_model_entities(nlp: Language, name: str, labels: dict[str, str] | None) -> ModelEntities:
    """Factory for the model-entity layer; labels maps entity labels to our groups (None: NAME_LABELS)."""
    # None, not NAME_LABELS: spaCy would merge the agreement layer's {"LAW": ...} into the default.
    return ModelEntities(nlp, name, labels or NAME_LABELS)


def add_model_layer(nlp: Language) -> None:
    """Model names and dates before roles are read (so roles can use them); LAW after agreements."""
    nlp.add_pipe("extractor_model_entities", before="extractor_roles")
    nlp.add_pipe("extractor_model_entities", name="extractor_model_agreements", config={"labels": AGREEMENT_LABELS})
