"""The "date YYYY-MM-DD" header line that opens an article: publication date."""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..common.doc_data import doc_value, set_doc_value
from ..common.component import RuleComponent
from ..common.doc_data import add_span, doc_text
from ..common.text import DATE_HEADER


def find_header(text: str) -> re.Match | None:
    """Match the header at the start of text, or None (also when its date is not a real day)."""
    match = DATE_HEADER.match(text)
    try:
        return match if match and dt.date.fromisoformat(match.group(1)) else None
    except ValueError:  # "date 2026-13-45" would make an invalid publication date
        return None


class Dateline(RuleComponent):
    """Reads the header: sets doc._.published (unless already set) and marks the date."""

    def __init__(self, nlp: Language, name: str, span_key: str):
        self.name = name
        self.span_key = span_key

    def process(self, doc: Doc) -> Doc:
        match = find_header(doc_text(doc))
        if match:
            value = match.group(1)
            if doc_value(doc, "published") is None:
                set_doc_value(doc, "published", value)
            set_doc_value(doc, "header_end", match.end())
            add_span(doc, self.span_key, match.start(1), match.end(1), "DATE", rule="dateline:header", value=value)
        return doc


@Language.factory(
    "extractor_dateline",
    assigns=["doc._.published", "doc._.header_end", "doc.spans", "span._.value", "span._.rule"],
    default_config={"span_key": "dates"},
)
def make_dateline(nlp: Language, name: str, span_key: str) -> Dateline:
    """Factory for the header reader."""
    return Dateline(nlp, name, span_key)
