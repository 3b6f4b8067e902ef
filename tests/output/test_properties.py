"""Properties over generated text: no exception, true offsets, ISO dates, schema-valid output.

Examples are bounded so that the suite stays fast; bench/fuzz.py runs the same checks over
real articles, shuffled and concatenated.
"""
import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract, extract_many
from extractor.io.decoding import decode
from extractor.output.invariants import article_problems, is_iso_value

pytest.importorskip("jsonschema")

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of news text, recombined: the rules see names, organisations, dates and agreements
# in orders and neighbourhoods no hand-written test has.
HONORIFICS = ["Dr", "Dr.", "Mr", "Mrs.", "Ms", "Prof.", "Gen.", "Sir", "President", "Prime Minister", "Minister"]
FIRST = ["Ana", "John", "Li", "Olu", "Maria-José", "Jean", "Ahmed", "O'Neil", "Zoë"]
LAST = ["Smith", "Okafor", "van der Berg", "Müller", "Núñez", "Li", "Al-Hassan", "McDonald"]
ORGS = ["Ministry of Defence", "World Bank", "Acme Corp", "Northern Steel Ltd", "United Nations",
        "Institute of Applied Physics", "Department of Health", "European Commission", "Reuters"]
ACRONYMS = ["MoD", "WB", "UN", "IAP", "DOH", "EC", "NATO", "AU"]
MONTHS = ["January", "Feb.", "March", "Sept", "December", "May"]
DATE_TEMPLATES = ["{d} {m} {y}", "{m} {d}, {y}", "{m} {y}", "{m} {d}-{d2}", "{y}-{mm}-{dd}", "{dd}/{mm}/{y}",
                  "last week", "next year", "on Tuesday", "this month", "the weekend", "{y}"]
AGREEMENTS = ["signed a memorandum of understanding", "agreed a framework", "inked a deal", "concluded a treaty",
              "is negotiating a contract", "announced a partnership agreement", "signed the accord"]
GLUE = [" ", ", ", ". ", " and ", " with ", " of the ", " said ", " on ", "\n", "\r\n", "\n\n", " (", ") ", " – ",
        "“", "” ", "'s ", " in "]


@st.composite
def dates(draw):
    return draw(st.sampled_from(DATE_TEMPLATES)).format(
        d=draw(st.integers(0, 39)), d2=draw(st.integers(0, 39)), m=draw(st.sampled_from(MONTHS)),
        y=draw(st.integers(1899, 2101)), mm=f"{draw(st.integers(0, 13)):02d}", dd=f"{draw(st.integers(0, 32)):02d}")


PIECES = st.one_of(
    st.builds(lambda h, f, l: f"{h} {f} {l}", st.sampled_from(HONORIFICS), st.sampled_from(FIRST), st.sampled_from(LAST)),
    st.sampled_from(LAST),
    st.sampled_from(ORGS),
    st.builds(lambda o, a: f"{o} ({a})", st.sampled_from(ORGS), st.sampled_from(ACRONYMS)),
    st.sampled_from(ACRONYMS),
    dates(),
    st.sampled_from(AGREEMENTS),
    st.sampled_from(GLUE),
)


@st.composite
def news_text(draw):
    header = draw(st.sampled_from(["", "date 2026-02-05\n", "date 2026-13-45\n", "date 2024-02-29\r\n", "  date 1999-12-31 "]))
    return header + "".join(draw(st.lists(PIECES, max_size=60)))


PUBLISHED = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def _check(text, published):
    article = extract(text, published=published)
    assert article_problems(article, text) == []


@FAST
@given(text=st.text(max_size=400), published=PUBLISHED)
def test_any_unicode_text(text, published):
    _check(text, published)


@FAST
@given(text=news_text(), published=PUBLISHED)
def test_news_like_text(text, published):
    _check(text, published)


@settings(max_examples=20, deadline=None)
@given(texts=st.lists(news_text(), min_size=2, max_size=6), published=PUBLISHED)
def test_an_article_gets_the_same_facts_alone_and_in_a_batch(texts, published):
    alone = [extract(text, published=published, source=f"s{i}") for i, text in enumerate(texts)]
    together = list(extract_many(texts, published=published, sources=[f"s{i}" for i in range(len(texts))]))
    assert together == alone


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=300))
def test_decoding_any_bytes_gives_text_or_a_reason(data):
    try:
        text, note = decode(data)
    except ValueError as err:
        assert str(err).startswith(("not valid", "binary data"))
        return
    assert isinstance(text, str) and (note is None or note.startswith(("not UTF-8; read as", "not valid UTF-8 at")))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=["Cs"])),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_text_in_any_unicode_encoding_round_trips(text, encoding):
    data = text.encode(encoding)
    if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
        text = text[1:]  # a leading U+FEFF in UTF-8 is read as a byte-order mark
    assert decode(data) == (text, None)


@pytest.mark.parametrize("value, valid", [
    (None, True), ("2026", True), ("2026-02", True), ("2026-02-29", False), ("2024-02-29", True),
    ("2026-W05", True), ("2026-W54", False), ("2026-02-03/2026-02-04", True), ("2026-02-04/2026-02-03", False),
    ("2026-13", False), ("26-02-03", False), ("2026-02-03/", False), ("a/b/c", False),
])
def test_iso_value_check(value, valid):
    assert is_iso_value(value) is valid
