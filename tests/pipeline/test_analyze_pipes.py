"""Each component declares what it assigns and requires, and the declarations are true."""
import pytest

from extractor.common.doc_data import EXTENSION
from extractor.pipeline.build import build_pipeline

TEXT = (
    "date 2026-05-04\n"
    "Dr Helen Marsh, chief executive of the Coastal Freight Authority (CFA), said on Monday that "
    "the authority and Port Vellar Holdings signed a memorandum of understanding on 2 May 2026. "
    "Minister Ruben Ostrova signed the agreement for the government."
)


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def test_analyze_pipes_finds_no_problem(nlp):
    analysis = nlp.analyze_pipes()
    assert all(problems == [] for problems in analysis["problems"].values()), analysis["problems"]


def _written(doc):
    """What a Doc holds, as (attribute, where): its spans by group, Doc and span extension values."""
    found = {("doc.spans", (key, span.start_char, span.end_char)) for key in doc.spans for span in doc.spans[key]}
    for key in doc.user_data:
        if isinstance(key, tuple) and len(key) == 4 and key[0] == EXTENSION:
            found.add((f"doc._.{key[1]}" if key[2] is None else f"span._.{key[1]}", key[2:]))
    return found


def test_every_component_writes_only_what_it_declares(nlp):
    doc = nlp.make_doc(TEXT)
    written_by = {}
    before = _written(doc)
    for name, component in nlp.pipeline:
        doc = component(doc)
        after = _written(doc)
        written_by[name] = after - before
        assigns = set(nlp.get_pipe_meta(name).assigns)
        for attribute, where in after - before:
            assert attribute in assigns, f"{name} writes {attribute} at {where} but assigns only {sorted(assigns)}"
        before = after
    # the text exercises every component, so an empty row means the test no longer checks it
    for name in ("extractor_dateline", "extractor_dates", "extractor_people", "extractor_organisations",
                 "extractor_roles", "extractor_agreements"):
        assert written_by[name], f"{name} wrote nothing on the test text"
