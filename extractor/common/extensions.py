"""Every custom Doc and Span attribute the components use, declared once."""
from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_ATTRIBUTES = {
    "published": None,  # ISO date of publication (header line, --published or API)
    "header_end": 0,  # character offset where the "date YYYY-MM-DD" header ends
}
SPAN_ATTRIBUTES = {
    "value": None,  # dates: ISO 8601 value or None
    "canonical": None,  # organisations/people/agreements: the name mentions are grouped under
    "acronym": None,  # organisations: acronym linked to the full name
    "honorific": None,  # people: "Dr", "Mr", ...
    "person": None,  # roles: canonical name of the person holding the role
    "organisation": None,  # roles: organisation the role belongs to
    "kind": None,  # agreements: mou, agreement, framework, treaty, contract, deal, ...
    "status": None,  # agreements: signed, announced, ...
    "parties": None,  # agreements: list of party names
    "signatories": None,  # agreements: list of person names
    "date": None,  # agreements: ISO date of signing/announcement
    "sentence": None,  # agreements: the sentence it was found in
}


def doc_value(doc: Doc, name: str):
    """doc._.<name>, read where spaCy keeps it: each doc._ access builds an Underscore object,
    which costs more than a dictionary lookup (these attributes have no getter)."""
    return doc.user_data.get(("._.", name, None, None), DOC_ATTRIBUTES[name])


def set_doc_value(doc: Doc, name: str, value) -> None:
    """doc._.<name> = value, written where spaCy keeps it (see doc_value)."""
    doc.user_data[("._.", name, None, None)] = value


def register() -> None:
    """Declare the extensions (idempotent)."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_ATTRIBUTES.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
