"""Web pages as input (io/html.py): main text without boilerplate, title, URL, publication date
from the page's metadata, legacy charsets, pages without article text, huge and broken pages."""
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli.commands import app
from extractor.io.html import (MAX_PAGE_BYTES, NO_TEXT, article_text, declared_encoding, decode_page, looks_like_html,
                               read_page)
from extractor.io.sources import iter_articles, walk_folder
from extractor.output.invariants import article_problems

runner = CliRunner()
DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "000_be1291e90014e5a5.txt"

LEAD = "The Port Authority of Velmora signed a memorandum of understanding with Kestrel Shipping Ltd on Tuesday."
SECOND = "Chief executive Ana Ferreira said the first cranes would reach the harbour before the monsoon."
NAV = ('<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
       '<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>')
COOKIES = ('<div class="cookie-banner" id="cookie-consent"><p>We use cookies to show you relevant adverts and to '
           "measure how the Grey Heron Gazette is read.</p><button>Accept all cookies</button></div>")
RELATED = ('<aside class="related"><h3>More from the Gazette</h3><ul><li><a href="/a">Lighthouse keepers '
           'honoured by the Maritime Guild</a></li><li><a href="/b">Ferry fares rise again</a></li></ul></aside>')
COMMENTS = ('<section class="comments"><h3>Comments</h3><div class="comment"><p>Orlan Trust should buy the '
            "port instead, said a reader.</p></div></section>")
FOOTER = '<footer><p>© 2024 Grey Heron Gazette Media Group. All rights reserved.</p><a href="/privacy">Privacy</a></footer>'


def page(article: str, head: str = "", charset: str = "utf-8") -> str:
    """A news page of our own: the article between the boilerplate of a real site."""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="{charset}">{head}'
            "<style>.cookie-banner{position:fixed}</style><script>var section = 'World Desk Ltd';</script>"
            f"</head><body>{NAV}{COOKIES}<main><article>{article}</article>{RELATED}{COMMENTS}</main>{FOOTER}"
            "</body></html>\n")


STORY = f"<h1>Velmora harbour deal signed</h1><p>{LEAD}</p><p>{SECOND}</p>"


def mentions(value):
    """Every dict with text, start and end anywhere in an article object."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and "end" in value and "text" in value:
            yield value
        for inner in value.values():
            yield from mentions(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from mentions(inner)


def extract_json(*args: str, stdin: str | bytes | None = None) -> tuple[int, list, str]:
    result = runner.invoke(app, [*args, "--json"], input=stdin)
    return result.exit_code, json.loads(result.stdout) if result.stdout else [], result.stderr


# --- the text -------------------------------------------------------------------------------

def test_the_text_is_the_title_and_the_article_paragraphs_without_menus_banners_comments_or_footer():
    found = read_page(page(STORY, '<title>Velmora harbour deal signed | Grey Heron Gazette</title>').encode())
    assert found.text == f"Velmora harbour deal signed\n\n{LEAD}\n\n{SECOND}"
    assert found.title == "Velmora harbour deal signed"


def test_a_headline_outside_the_main_text_is_put_first_once():
    assert article_text("Harbour deal", "Harbour deal\nThe port signed.") == "Harbour deal\n\nThe port signed."
    assert article_text("Harbour deal", "The port signed.\nCranes follow.") == "Harbour deal\n\nThe port signed.\n\nCranes follow."
    assert article_text(None, "The port signed.\n\n  \nCranes follow.") == "The port signed.\n\nCranes follow."


def test_the_title_and_url_come_from_the_pages_metadata():
    head = ('<meta property="og:title" content="Velmora signs harbour deal">'
            '<link rel="canonical" href="https://gazette.example/world/velmora-harbour-deal">')
    found = read_page(page(f"<p>{LEAD}</p><p>{SECOND}</p>", head).encode())
    assert (found.title, found.url) == ("Velmora signs harbour deal", "https://gazette.example/world/velmora-harbour-deal")
    assert found.text.startswith("Velmora signs harbour deal\n\n" + LEAD)


# --- the publication date -------------------------------------------------------------------

@pytest.mark.parametrize("head, byline, url, expected", [
    ('<meta property="article:published_time" content="2024-03-12T08:00:00Z">'
     '<meta property="article:modified_time" content="2024-03-20T10:00:00Z">', "", None, "2024-03-12"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
     '"headline": "Velmora harbour deal signed", "datePublished": "2023-11-07T10:00:00+00:00", '
     '"dateModified": "2023-11-09T12:00:00+00:00"}</script>', "", None, "2023-11-07"),
    ('<link rel="canonical" href="https://gazette.example/2022/05/17/velmora-harbour-deal">', "",
     "https://gazette.example/2022/05/17/velmora-harbour-deal", "2022-05-17"),
    ("", '<p class="byline">Published <time datetime="2024-03-12T09:30">12 March 2024</time></p>', None, "2024-03-12"),
    ("", "", None, None),  # the footer's "© 2024" is not a publication date
], ids=["article:published_time", "json-ld", "date-in-url-only", "time-element", "no-date"])
def test_the_original_publication_date_is_read_from_the_page(head, byline, url, expected):
    found = read_page(page(byline + STORY, head).encode())
    assert (found.published, found.url) == (expected, url)
    assert LEAD in found.text


# --- decoding ---------------------------------------------------------------------------------

def test_a_windows_1252_page_is_read_in_the_charset_it_declares_without_a_warning():
    story = "<p>“Velmora’s harbour café reopens — at last,” said Mayor Renée Duval on Tuesday.</p>"
    data = page(story, charset="windows-1252").encode("cp1252")
    found = read_page(data)
    assert "“Velmora’s harbour café reopens — at last,” said Mayor Renée Duval" in found.text
    assert found.note is None


def test_iso_8859_1_in_a_content_type_meta_is_read_as_windows_1252_as_browsers_do():
    head = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    data = f"<html><head>{head}</head><body><p>“Curly” quotes and a naïve café.</p></body></html>".encode("cp1252")
    assert declared_encoding(data) == "cp1252"
    assert decode_page(data).text.endswith("<p>“Curly” quotes and a naïve café.</p></body></html>")


def test_a_page_that_misstates_its_charset_or_has_none_is_decoded_as_a_text_file_is():
    assert declared_encoding(b'<meta charset="no-such-thing">') is None
    assert decode_page('<meta charset="utf-8"><p>café</p>'.encode("cp1252")).note.startswith("not UTF-8; read as")
    assert decode_page("\ufeff<p>café</p>".encode("utf-8")).text == "<p>café</p>"


@pytest.mark.parametrize("data, expected", [
    (b"<!DOCTYPE html><html>", True), (b"\xef\xbb\xbf\n  <!doctype HTML>", True), (b"<html lang='en'>", True),
    (b"<HTML>", True), (b"<htmlish>", False), (b"date 2026-02-05 The <html> tag", False), (b"{\"text\": 1}", False),
])
def test_content_that_starts_like_an_html_document_is_a_page(data, expected):
    assert looks_like_html(data) is expected


# --- pages without article text, broken and huge pages ----------------------------------------

LOGIN_WALL = ("<html><head><title>Sign in | Grey Heron Gazette</title></head><body>" + NAV +
              '<div class="paywall"><h2>Subscribe to keep reading</h2><form action="/login"><label>Email</label>'
              '<input name="email"><label>Password</label><input type="password"><button>Log in</button></form>'
              '<p><a href="/subscribe">Subscribe now</a> for unlimited access.</p></div>' + FOOTER + "</body></html>")
INDEX_PAGE = ("<html><head><title>World | Grey Heron Gazette</title></head><body>" + NAV + "<main><h1>World</h1><ul>" +
              "".join(f'<li><a href="/world/{n}">Story {n}: the harbour, the ferries and the port board</a></li>'
                      for n in range(25)) + "</ul></main>" + FOOTER + "</body></html>")
SCRIPTS_ONLY = ("<!doctype html><html><head><style>p{color:red}</style><script>document.write('The Ministry of "
                "Ports signed a deal.')</script></head><body><script>var a = 1;</script><noscript>Turn on "
                "JavaScript</noscript></body></html>")


@pytest.mark.parametrize("html", [LOGIN_WALL, INDEX_PAGE, SCRIPTS_ONLY, "<html></html>", "<!doctype html>"],
                         ids=["login-wall", "index-page", "scripts-and-styles", "empty-html", "doctype-only"])
def test_a_page_without_article_text_is_refused(html):
    with pytest.raises(ValueError, match=NO_TEXT):
        read_page(html.encode())


def test_malformed_html_is_read_as_far_as_it_goes():
    broken = ("<html><body><article><p>The Ministry of Ports <b>signed <i>a deal</p></b> with the Kestrel "
              "Shipping Company on <div>Monday, the minister said.<table><tr><td>tonnage</html")
    found = read_page(broken.encode())
    assert "The Ministry of Ports" in found.text and "Monday" in found.text


TAG_SOUP = st.lists(st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<b>", "</i>", "<article>", "<table><tr><td>", "<!--", "-->", "<script>",
    "</script>", "<style>", "<br>", "<h1>", "&amp;", "&#x0;", "&bogus;", "<", ">", "\"", "\x00", "\ufeff",
    "The Ministry of Ports signed a deal.", "Kestrel Shipping Ltd", "on Tuesday", "é", " ", "\n",
]), max_size=40)


@settings(max_examples=60, deadline=None)
@given(TAG_SOUP, st.booleans())
def test_any_tag_soup_gives_a_text_or_the_reason_there_is_none(parts, as_document):
    soup = "".join(parts)
    data = (f"<!doctype html><html><body>{soup}" if as_document else soup).encode("utf-8", "surrogatepass")
    try:
        found = read_page(data)
    except ValueError as err:
        assert str(err) == NO_TEXT or str(err).startswith("binary data")
    else:
        assert found.text.strip() and "\x00" not in found.text


def test_a_page_over_20_mb_is_refused_before_it_is_parsed(tmp_path):
    huge = tmp_path / "huge.html"
    paragraph = f"<p>{LEAD}</p>\n".encode()
    with open(huge, "wb") as stream:
        stream.write(b"<!doctype html><html><body>")
        stream.write(paragraph * (MAX_PAGE_BYTES // len(paragraph) + 1))
    started = time.monotonic()
    [article] = iter_articles([str(huge)])
    assert article.error == "page too large (20.1 MB > 20 MB)"
    with pytest.raises(ValueError, match=r"page too large \(20.1 MB > 20 MB\)"):
        read_page(huge.read_bytes())  # the same on stdin, where there is no size to look at first
    assert time.monotonic() - started < 5
    code, articles, stderr = extract_json(str(huge))
    assert (code, articles, stderr) == (1, [], f"error: {huge}: page too large (20.1 MB > 20 MB)\n")


# --- the CLI ------------------------------------------------------------------------------------

def test_the_article_object_of_a_page_has_its_title_url_and_published_source_and_true_offsets(tmp_path):
    head = ('<title>Velmora harbour deal signed</title><meta property="article:published_time" content="2024-03-12">'
            '<link rel="canonical" href="https://gazette.example/world/velmora-harbour-deal">')
    (tmp_path / "deal.html").write_text(page(STORY, head), encoding="utf-8")
    code, [article], stderr = extract_json(str(tmp_path / "deal.html"), "--include-text")
    assert (code, stderr) == (0, "")
    assert list(article)[:5] == ["source", "published", "title", "url", "published_source"]
    assert (article["published"], article["title"], article["url"], article["published_source"]) == (
        "2024-03-12", "Velmora harbour deal signed", "https://gazette.example/world/velmora-harbour-deal",
        "page-metadata")
    assert list(article)[-1] == "text"
    assert article_problems(article, article["text"]) == []
    found = list(mentions(article))
    assert found and all(article["text"][m["start"]:m["end"]] == m["text"] for m in found)
    assert {"Ana Ferreira"} == {person["name"] for person in article["people"]}
    names = {org["name"] for org in article["organisations"]}
    assert {"Port Authority of Velmora", "Kestrel Shipping Ltd"} <= names
    assert not names & {"Grey Heron Gazette", "Grey Heron Gazette Media Group", "Orlan Trust", "Maritime Guild",
                        "World Desk Ltd"}


def test_published_says_where_it_came_from(tmp_path):
    dated = tmp_path / "dated.html"
    dated.write_text(page(STORY, '<meta property="article:published_time" content="2024-03-12">'), encoding="utf-8")
    header = tmp_path / "header.html"
    # A header line is what a text article gives; htmldate, which takes no date before 1995, leaves it.
    header.write_text("<html><body><article><p>date 1994-05-06 The Port Authority of Velmora met on Tuesday.</p>"
                      "</article></body></html>", encoding="utf-8")
    undated = tmp_path / "undated.html"
    undated.write_text(page(STORY), encoding="utf-8")
    code, articles, _ = extract_json(str(dated), str(header), str(undated))
    assert code == 0
    assert [(a["published"], a["published_source"]) for a in articles] == [
        ("2024-03-12", "page-metadata"), ("1994-05-06", "header line"), (None, None)]
    tuesday = next(d for d in articles[1]["dates"] if d["text"] == "Tuesday")
    assert tuesday["value"] == "1994-05-03"
    code, articles, _ = extract_json(str(dated), str(header), "--published", "2025-01-02")
    assert [(a["published"], a["published_source"]) for a in articles] == [("2025-01-02", "option")] * 2


def test_a_page_without_article_text_is_one_error_line_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_login.html").write_text(LOGIN_WALL, encoding="utf-8")
    (tmp_path / "b_story.txt").write_text(f"{LEAD} {SECOND}\n", encoding="utf-8")
    (tmp_path / "c_scripts.htm").write_bytes(SCRIPTS_ONLY.encode())
    code, articles, stderr = extract_json(str(tmp_path))
    assert code == 1
    assert stderr == (f"error: {tmp_path / 'a_login.html'}: {NO_TEXT}\n"
                      f"error: {tmp_path / 'c_scripts.htm'}: {NO_TEXT}\n")
    assert [a["source"] for a in articles] == [str(tmp_path / "b_story.txt")]


def test_a_folder_is_searched_for_html_and_htm_pages_too(tmp_path):
    for name in ("b.htm", "a.html", "c.HTML", "d.txt", "e.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [Path(source).name for source, _, _ in walk_folder(tmp_path)] == ["a.html", "b.htm", "c.HTML", "d.txt"]


def test_stdin_that_starts_like_a_page_is_one_and_input_format_decides_otherwise():
    code, [article], _ = extract_json("-", "--include-text", stdin=page(STORY))
    assert (code, article["source"], article["text"]) == (0, "-", f"Velmora harbour deal signed\n\n{LEAD}\n\n{SECOND}")
    fragment = f"<div><p>{LEAD}</p></div>"  # no doctype, no <html>: text unless told
    code, [article], _ = extract_json("-", "--include-text", "--input-format", "html", stdin=fragment)
    assert article["text"] == LEAD and article["published_source"] is None
    code, [article], _ = extract_json("-", "--include-text", "--input-format", "text", stdin=page(STORY))
    assert article["text"] == page(STORY) and "title" not in article


def test_input_format_html_reads_any_file_as_a_page_and_text_reads_a_page_as_text(tmp_path):
    saved = tmp_path / "saved_page"
    saved.write_text(page(STORY), encoding="utf-8")
    articles = list(iter_articles([str(saved)]))
    assert articles[0].page is not None and articles[0].text.startswith("Velmora harbour deal signed")
    [as_text] = list(iter_articles([str(saved)], input_format="text"))
    assert (as_text.page, as_text.text) == (None, page(STORY))
    (tmp_path / "story.txt").write_text(f"<p>{LEAD}</p>", encoding="utf-8")
    [as_page] = list(iter_articles([str(tmp_path / "story.txt")], input_format="html"))
    assert as_page.text == LEAD


def test_include_text_gives_text_inputs_their_text_and_without_it_text_output_is_unchanged(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(f"date 2024-03-12 {LEAD}\r\n\r\n{SECOND}\n", encoding="utf-8", newline="")
    code, [plain], _ = extract_json(str(story))
    code, [with_text], _ = extract_json(str(story), "--include-text")
    assert list(plain) == ["source", "published", "organisations", "people", "dates", "agreements", "places", "events"]
    assert with_text == {**plain, "text": f"date 2024-03-12 {LEAD}\r\n\r\n{SECOND}\n"}
    assert article_problems(with_text, with_text["text"]) == []
    assert all(with_text["text"][m["start"]:m["end"]] == m["text"] for m in mentions(with_text))


def test_the_seed_in_a_news_page_template_gives_the_facts_of_the_plain_seed(tmp_path):
    code, [plain], _ = extract_json(str(SEED))
    code, [article], stderr = extract_json(str(DATA / "seed_page.html"), "--include-text")
    assert (code, stderr) == (0, "")
    assert (article["published"], article["published_source"]) == (plain["published"], "page-metadata")
    assert article["title"] == "India, US hold 24th Joint Technical Group Plenary in New Delhi"
    assert article["url"] == "https://newsroom.example/india/india-us-joint-technical-group-plenary-new-delhi"

    def facts(items):
        """The items without their mentions and evidence ranges (the page's headline is a sentence
        the plain seed has not, so the ranges differ; article_problems checks that they hold their facts)."""
        def bare(value):
            if isinstance(value, dict):
                return {k: bare(v) for k, v in value.items() if k not in ("mentions", "sentence", "evidence")}
            return [bare(v) for v in value] if isinstance(value, list) else value
        return [bare(item) for item in items]

    for key in ("organisations", "people", "agreements", "events", "places"):
        assert facts(article[key]) == facts(plain[key]), key
    # The seed's "date 2026-02-05" header line is in the page as metadata (published), not as text.
    header = [d for d in plain["dates"] if d["mentions"][0]["start"] < 20]
    assert [d["value"] for d in header] == ["2026-02-05"]
    assert facts(article["dates"]) == facts([d for d in plain["dates"] if d not in header])
    assert all(article["text"][m["start"]:m["end"]] == m["text"] for m in mentions(article))
    for boilerplate in ("cookies", "Related Stories", "reader_42", "All rights reserved", "Also Read", "Sign in"):
        assert boilerplate not in article["text"]
    assert article_problems(article, article["text"]) == []


def test_the_html_libraries_are_not_imported_for_text_inputs():
    code = ("import sys; from typer.testing import CliRunner; from extractor.cli.commands import app; "
            "result = CliRunner().invoke(app, ['seeds/', '--json']); assert result.exit_code == 0, result.output; "
            "print(sorted(m for m in ('trafilatura', 'htmldate', 'justext') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (0, "[]\n"), done.stderr
