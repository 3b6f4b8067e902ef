"""`--format html`: one self-contained HTML report for people who do not use a shell.

Articles are written as they finish (each a collapsed section: its text with every mention
marked by type, then its fact tables), so memory stays flat over any batch; the batch summary
(counts, a searchable and sortable list of articles, who signed what, the most frequent
organisations and people) needs every article, so it is written last and shown first by CSS.
Style and script are inline: the file opens anywhere, with no network.
"""
from __future__ import annotations

from collections import Counter
from html import escape
from importlib import resources
from typing import IO, Any, Iterator

from .tables import columns, rows

# Fact type → (article object key, CSS class, label shown on a mark).
MARKED = (
    ("organisations", "org", "ORG"),
    ("people", "person", "PERSON"),
    ("dates", "date", "DATE"),
    ("agreements", "agreement", "AGREEMENT"),
    ("places", "place", "PLACE"),
    ("events", "event", "EVENT"),
)
ARTICLE_TABLES = ("organisations", "people", "roles", "dates", "agreements", "places", "events")
TOP = 20  # organisations and people listed in the summary
NETWORK_AGREEMENTS = 40  # agreements drawn in the network, those with the most links first


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("report_assets", name).read_text(encoding="utf-8")


def marked_text(text: str, article: dict[str, Any]) -> str:
    """The article text as HTML with each mention in a <mark> of its type; overlapping ones keep the first, longest."""
    spans = sorted(((m["start"], m["end"], css, label) for key, css, label in MARKED
                    for item in article.get(key, []) for m in item.get("mentions") or []),
                   key=lambda span: (span[0], -span[1]))
    parts, at = [], 0
    for start, end, css, label in spans:
        if start < at or end > len(text):
            continue
        parts.append(escape(text[at:start]))
        parts.append(f'<mark class="{css}" data-label="{label}">{escape(text[start:end])}</mark>')
        at = end
    parts.append(escape(text[at:]))
    return "".join(parts)


def _table(table: str, table_rows: list[dict[str, Any]], sortable: bool = False) -> str:
    names = columns(table)[1:]  # an article's own tables need no source column
    head = "".join(f"<th>{escape(name)}</th>" for name in names)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(row[name]))}</td>" for name in names) + "</tr>"
                   for row in table_rows)
    css = ' class="sortable"' if sortable else ""
    return f"<table{css}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class _Network:
    """Who signed what across the batch: organisations (parties) and people (signatories) to agreements."""

    def __init__(self) -> None:
        # An agreement is one article's ("the framework agreement" of two articles are two);
        # parties and signatories are one node per name across the batch.
        self.links: dict[tuple[str, str], set[tuple[str, str]]] = {}  # (source, name) → {(kind, name)}
        self.names: dict[tuple[str, str], str] = {}

    def add(self, article: dict[str, Any]) -> None:
        """Add the links of one article's agreements."""
        for agreement in article.get("agreements", []):
            key = (article["source"], agreement["name"])
            self.names[key] = agreement["name"]
            links = self.links.setdefault(key, set())
            links.update(("party", party) for party in agreement.get("parties") or [])
            links.update(("signatory", person) for person in agreement.get("signatories") or [])

    def svg(self) -> str:
        """A two-column SVG: parties and signatories on the left, agreements on the right."""
        drawn = sorted((key for key, links in self.links.items() if links),
                       key=lambda key: (-len(self.links[key]), key))[:NETWORK_AGREEMENTS]
        if not drawn:
            return '<p class="note">No agreement names a party or a signatory.</p>'
        entities = sorted({link for key in drawn for link in self.links[key]}, key=lambda link: (link[0], link[1]))
        step, top, width = 22, 20, 900
        height = top * 2 + step * max(len(entities), len(drawn))
        left_y = {link: top + step * (index + 0.5) for index, link in enumerate(entities)}
        right_y = {key: top + step * (index + 0.5) * max(len(entities), len(drawn)) / len(drawn)
                   for index, key in enumerate(drawn)}
        out = [f'<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" '
               f'width="{width}" height="{height:.0f}" role="img" aria-label="who signed what">']
        for key in drawn:
            for link in sorted(self.links[key]):
                out.append(f'<line class="{link[0]}" x1="300" y1="{left_y[link]:.1f}" x2="560" y2="{right_y[key]:.1f}"/>')
        for (kind, name), y in left_y.items():
            colour = "#6f42c1" if kind == "signatory" else "#0a7c86"
            out.append(f'<circle cx="300" cy="{y:.1f}" r="4" fill="{colour}"/><text x="290" y="{y + 4:.1f}" '
                       f'text-anchor="end">{escape(_clip(name))}<title>{escape(name)} ({kind})</title></text>')
        for key, y in right_y.items():
            out.append(f'<circle cx="560" cy="{y:.1f}" r="5" fill="#b08800"/><text x="572" y="{y + 4:.1f}">'
                       f'{escape(_clip(self.names[key]))}<title>{escape(self.names[key])} ({escape(key[0])})</title></text>')
        out.append("</svg>")
        more = len([key for key, links in self.links.items() if links]) - len(drawn)
        note = f'<p class="note">{more} more agreements with fewer links are in the tables.</p>' if more > 0 else ""
        return "".join(out) + note


def _clip(name: str, width: int = 44) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


class HtmlReportWriter:
    """Streams the report: articles as they finish, the summary at the close."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.count = 0
        self.totals: Counter[str] = Counter()
        self.list_rows: list[str] = []  # one short <tr> per article for the summary's list
        self.organisations: Counter[str] = Counter()  # name → articles naming it
        self.people: Counter[str] = Counter()
        self.network = _Network()
        out.write('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
                  '<meta name="viewport" content="width=device-width, initial-scale=1">'
                  f"<title>extractor report</title><style>{_asset('report.css')}</style></head>\n"
                  '<body>\n<main id="articles"><h2>Articles</h2>\n')

    def write(self, article: dict[str, Any], text: str | None = None) -> None:
        """Append one article's section and count its facts for the summary."""
        self.count += 1
        anchor = f"a{self.count}"
        counts = {key: len(article.get(key, [])) for key, _, _ in MARKED if key in article}
        self.totals.update(counts)
        # dict.fromkeys, not a set: ties in most_common keep the order names were first seen,
        # which must not depend on the interpreter's hash seed
        self.organisations.update(dict.fromkeys((item["name"] for item in article.get("organisations", [])), 1))
        self.people.update(dict.fromkeys((item["name"] for item in article.get("people", [])), 1))
        self.network.add(article)
        source, published = escape(article["source"]), escape(article.get("published") or "unknown")
        summary = ", ".join(f"{number} {key}" for key, number in counts.items() if number)
        parts = [f'<details class="article" id="{anchor}"{" open" if self.count == 1 else ""}>',
                 f'<summary>{source}<span class="meta">published {published}; {escape(summary) or "no facts"}</span></summary>']
        if text is not None:
            parts.append(f'<div class="text">{marked_text(text, article)}</div>')
        for table in ARTICLE_TABLES:
            table_rows = list(rows(table, article))
            if table_rows:
                parts.append(f"<h3>{table.capitalize()}</h3>{_table(table, table_rows)}")
        parts.append("</details>\n")
        self.out.write("".join(parts))
        words = " ".join([article["source"]] + [item.get("name") or item.get("text", "") for key, _, _ in MARKED for item in article.get(key, [])])
        cells = "".join(f"<td>{number}</td>" for number in (counts.get(key, 0) for key, _, _ in MARKED[:4]))
        self.list_rows.append(f'<tr data-article="{anchor}" data-search="{escape(words.lower())}">'
                              f'<td><a href="#{anchor}">{source}</a></td><td>{published}</td>{cells}</tr>')

    def close(self) -> None:
        """Write the batch summary and end the document."""
        self.out.write("</main>\n")
        self.out.write("".join(self._summary()))
        self.out.write(f"<script>{_asset('report.js')}</script>\n</body></html>\n")
        self.out.flush()

    def stop(self) -> None:
        """A stopped run: end the document, so that what was written still opens."""
        self.close()

    def _summary(self) -> Iterator[str]:
        yield '<section id="summary"><h1>extractor report</h1><ul class="counts">'
        yield f"<li><b>{self.count}</b>articles</li>"
        for key, _, _ in MARKED:
            if key in self.totals:
                yield f"<li><b>{self.totals[key]}</b>{key}</li>"
        yield "</ul><p class=\"key\">" + "".join(f'<span class="{css}">{label}</span>' for _, css, label in MARKED) + "</p>"
        yield "<h2>Articles</h2>"
        yield '<input type="search" id="search" placeholder="Filter by source, organisation, person…" aria-label="filter articles">'
        yield ('<table class="sortable" id="article-list"><thead><tr><th>source</th><th>published</th>'
               "<th>organisations</th><th>people</th><th>dates</th><th>agreements</th></tr></thead><tbody>")
        yield from self.list_rows
        yield "</tbody></table>"
        yield "<h2>Who signed what</h2>"
        yield '<p class="note">Parties (teal) and signatories (purple) linked to the agreements they are named in, across all articles.</p>'
        yield self.network.svg()
        for title, counter in (("Most frequent organisations", self.organisations), ("Most frequent people", self.people)):
            yield f'<h2>{title}</h2><table class="sortable"><thead><tr><th>name</th><th>articles</th></tr></thead><tbody>'
            for name, number in counter.most_common(TOP):
                yield f"<tr><td>{escape(name)}</td><td>{number}</td></tr>"
            yield "</tbody></table>"
        yield "</section>\n"


