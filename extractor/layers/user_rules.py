"""--patterns and --gazetteer: the user's own rules, checked on load, winning over ours.

A patterns file uses spaCy's rule format, one {"label", "pattern", "id"} object per line:
a string pattern matches that exact text (PhraseMatcher), a list of token objects is a
Matcher pattern. A gazetteer is a plain-text list of names, one per line, given as LABEL:FILE.
Labels are ORG, PERSON, DATE and AGREEMENT. The optional "id" is the canonical name the
mentions of an ORG or PERSON are grouped under, or the ISO value of a DATE.

Policy: a user match replaces whatever our rules or a model found that conflicts with it
(conflicts as defined in entity_layer); overlapping user matches keep the longest.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..common.component import RuleComponent
from .entities import ENTITY_ATTRIBUTES, ENTITY_FILES, ENTITY_REQUIRES, add_entity, remove_conflicts, spans_in

LABELS = {"ORG": "organisations", "PERSON": "people", "DATE": "dates", "AGREEMENT": "agreements"}
NAME_LABELS = {"ORG": "organisations", "PERSON": "people", "DATE": "dates"}
AGREEMENT_LABELS = {"AGREEMENT": "agreements"}
KEYS = ("label", "pattern", "id")
SPANS_KEY = "user_rules"


class RuleFileError(ValueError):
    """A user rule file that cannot be used; the message names the file, line and reason."""


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise RuleFileError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        raise RuleFileError(f"{path}: {(err.strerror or str(err)).lower()}") from None


def pattern_problem(record: object) -> str | None:
    """Why one pattern record cannot be used, or None when it can."""
    if not isinstance(record, dict):
        return "expected a JSON object with label and pattern"
    unknown = [key for key in record if key not in KEYS]
    if unknown:
        return f"unknown key {unknown[0]!r} (allowed: {', '.join(KEYS)})"
    if record.get("label") not in LABELS:
        return f"label {record.get('label')!r} is not one of {', '.join(LABELS)}"
    pattern = record.get("pattern")
    if isinstance(pattern, str):
        if not pattern.strip():
            return "empty pattern"
    elif isinstance(pattern, list) and pattern:
        errors = validate_token_pattern(pattern)
        if errors:
            return "invalid token pattern: " + "; ".join(errors)
    else:
        return "pattern must be a string or a non-empty list of token objects"
    if "id" in record and not (isinstance(record["id"], str) and record["id"].strip()):
        return "id must be a non-empty string"
    return None


def read_patterns(path: str) -> list[dict]:
    """The pattern records of a JSONL file; RuleFileError at the first bad line."""
    patterns = []
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise RuleFileError(f"{path}:{number}: not valid JSON ({err.msg})") from None
        problem = pattern_problem(record)
        if problem:
            raise RuleFileError(f"{path}:{number}: {problem}")
        patterns.append(record)
    if not patterns:
        raise RuleFileError(f"{path}: no patterns in file")
    return patterns


def read_gazetteer(spec: str) -> list[dict]:
    """Phrase patterns from "LABEL:FILE", one name per line ('#' starts a comment line)."""
    label, _, path = spec.partition(":")
    label = label.strip().upper()
    if not path:
        raise RuleFileError(f"{spec}: expected LABEL:FILE, for example ORG:agencies.txt")
    if label not in LABELS:
        raise RuleFileError(f"{spec}: label {label!r} is not one of {', '.join(LABELS)}")
    names = (line.strip() for line in _lines(path))
    patterns = [{"label": label, "pattern": name} for name in names if name and not name.startswith("#")]
    if not patterns:
        raise RuleFileError(f"{path}: no names in file")
    return patterns


def read_user_rules(pattern_files: Iterable[str] = (), gazetteers: Iterable[str] = ()) -> list[dict]:
    """Every pattern of the given pattern files and LABEL:FILE gazetteers, validated."""
    return ([p for path in pattern_files for p in read_patterns(path)]
            + [p for spec in gazetteers for p in read_gazetteer(spec)])


class UserEntities(RuleComponent):
    """Moves the user's matches from doc.spans[spans_key] into our groups, replacing conflicts."""

    data_files = ENTITY_FILES

    def __init__(self, nlp: Language, name: str, spans_key: str, labels: dict[str, str]):
        self.name = name
        self.spans_key = spans_key
        self.labels = labels

    def process(self, doc: Doc) -> Doc:
        matches = [s for s in spans_in(doc, self.spans_key) if s.label_ in self.labels and s.start_char >= doc._.header_end]
        for span in filter_spans(matches):
            key = self.labels[span.label_]
            remove_conflicts(doc, key, span.start_char, span.end_char)
            add_entity(doc, key, span.start_char, span.end_char, f"user:{span.id_ or span.label_}", span.id_ or None)
        return doc


@Language.factory("extractor_user_entities", assigns=ENTITY_ATTRIBUTES, requires=ENTITY_REQUIRES,
                  default_config={"spans_key": SPANS_KEY, "labels": None})
def make_user_entities(nlp: Language, name: str, spans_key: str, labels: dict[str, str] | None) -> UserEntities:
    """Factory for the user-rule layer; labels maps span labels to our groups (None: the names, NAME_LABELS)."""
    # None rather than NAME_LABELS as the default: spaCy merges a given dict into a default dict,
    # so the agreement layer's {"AGREEMENT": ...} would also take every name label.
    return UserEntities(nlp, name, spans_key, labels or NAME_LABELS)


def add_user_rules(nlp: Language, patterns: list[dict]) -> None:
    """Match the patterns, then merge names and dates before roles are read and agreements after ours."""
    # First in the pipeline, so that adding phrase patterns runs only the tokenizer on them.
    ruler = nlp.add_pipe("span_ruler", name="extractor_user_patterns", first=True,
                         config={"spans_key": SPANS_KEY, "validate": True})
    ruler.add_patterns(patterns)
    nlp.add_pipe("extractor_user_entities", before="extractor_roles")
    nlp.add_pipe("extractor_user_entities", name="extractor_user_agreements", config={"labels": AGREEMENT_LABELS})
