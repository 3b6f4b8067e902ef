"""Web-page input: `extract` on N pages beside the same texts as plain text files, in one run.

    python bench/html.py               # the first 200 articles of ../shared/corpus/news.jsonl
    python bench/html.py --limit 500 --rounds 3

Each corpus text is written twice into a temporary folder: as a .txt file, and as an .html page
that puts its lines, one <p> each, in a news-site template of our own (cookie banner, header,
menus, trending links, share buttons, related stories, newsletter form, comments, footer, a
JSON-LD block and scripts: about 5 KB around each story). Both folders go through the installed
`extract` (`--jsonl --quiet -o FILE`, one process each, start-up included), alternately for
--rounds rounds; each keeps its best wall time and its best CPU time (user + system of the
child: on a shared machine the fairer figure). Printed: both times and articles/s of each, the
time a page adds, and in how many pages the organisations and people are those of the text (the
boilerplate kept out, the story kept in). Exits 0 with a message when ../shared is not there.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape  # not the html module: this script is html.py, first on sys.path

from newsfeed import read_texts
from runs import measured_run

HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article"><meta property="og:site_name" content="Bench Herald">
<meta property="article:published_time" content="2025-06-{day:02d}T07:30:00Z">
<link rel="canonical" href="https://herald.example/news/story-{number}">
<link rel="stylesheet" href="/static/site.css"><style>.cookie{{position:fixed;bottom:0}}.ad{{min-height:90px}}</style>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "datePublished": "2025-06-{day:02d}T07:30:00Z", "publisher": {{"@type": "Organization", "name": "Bench Herald"}}}}</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"pageType": "article", "story": {number}}});</script>
</head><body>
<div class="cookie" id="cookie-consent"><p>We and our partners use cookies to personalise content and adverts and to
measure traffic. Choose "Accept all" to agree or "Manage" to choose.</p><button>Accept all</button><button>Manage</button></div>
<header><a class="logo" href="/"><img src="/logo.svg" alt="Bench Herald"></a>
<div class="account"><a href="/login">Sign in</a> <a href="/subscribe">Subscribe</a></div>
<nav><ul>{menu}</ul></nav>
<div class="trending"><span>Trending:</span> <a href="/t/1">Weather warning</a> <a href="/t/2">Election count</a>
<a href="/t/3">Transfer window</a></div></header>
<div class="ad" id="ad-top"></div>
<main><nav class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a></nav>
<article><div class="share"><a href="/s/fb">Facebook</a> <a href="/s/x">X</a> <a href="/s/mail">Email</a></div>
<div class="story-body">
"""
TAIL = """</div></article>
<aside class="newsletter"><h3>The morning briefing</h3><form><input type="email"><button>Sign up</button></form></aside>
<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>
<section class="comments"><h3>Comments (3)</h3>
<div class="comment"><p>Well written, thank you.</p></div><div class="comment"><p>Not the whole story, as usual.</p></div>
<div class="comment"><p>Shared this with my family.</p></div></section></main>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy</a></li>
<li><a href="/terms">Terms</a></li><li><a href="/ads">Advertise</a></li></ul><p>© 2025 Bench Herald. All rights reserved.</p></footer>
<script src="/static/site.js"></script></body></html>
"""
MENU = "".join(f'<li><a href="/{word.lower()}">{word}</a></li>' for word in
               ("News", "World", "Business", "Sport", "Culture", "Science", "Travel", "Opinion", "Video", "Podcasts"))
RELATED = "".join(f'<li><a href="/news/r{n}"><img src="/img/r{n}.jpg" alt=""><span>{title}</span></a></li>' for n, title in
                  enumerate(("Heatwave to ease by the weekend", "Rail fares frozen for another year",
                             "Five walks for the long evenings", "Local team wins cup final on penalties",
                             "New library opens in the old post office")))


def page(text: str, number: int) -> str:
    """text in the template, one <p> for each non-empty line."""
    story = "".join(f"<p>{escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return HEAD.format(day=number % 28 + 1, number=number, menu=MENU) + story + TAIL.format(related=RELATED)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def names(path: Path) -> dict[str, tuple]:
    """source stem → (organisation names, people names) of an extract --jsonl output file."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        found[Path(article["source"]).stem] = (sorted(o["name"] for o in article["organisations"]),
                                               sorted(p["name"] for p in article["people"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=200, help="articles of the corpus (default 200)")
    parser.add_argument("--rounds", type=int, default=2, help="alternate runs of each kind; the best counts (default 2)")
    options = parser.parse_args()
    texts = read_texts(options.limit)
    with tempfile.TemporaryDirectory(prefix="bench-html-") as temporary:
        root = Path(temporary)
        (root / "txt").mkdir()
        (root / "html").mkdir()
        page_bytes = 0
        for number, text in enumerate(texts):
            (root / "txt" / f"{number:05d}.txt").write_text(text, encoding="utf-8")
            written = page(text, number).encode("utf-8")
            (root / "html" / f"{number:05d}.html").write_bytes(written)
            page_bytes += len(written)
        best = {"txt": [float("inf")] * 2, "html": [float("inf")] * 2}  # wall, CPU
        for _ in range(options.rounds):
            for kind, times in best.items():
                cpu = _children_cpu()
                wall, _ = measured_run([str(root / kind), "--jsonl", "--quiet", "-o", str(root / f"{kind}.jsonl")])
                times[:] = min(times[0], wall), min(times[1], _children_cpu() - cpu)
        as_text, as_pages = names(root / "txt.jsonl"), names(root / "html.jsonl")
    same = sum(as_pages.get(stem) == facts for stem, facts in as_text.items())
    count = len(texts)
    print(f"{count} corpus articles; pages {page_bytes / count / 1000:.1f} KB on average; best of {options.rounds} rounds, "
          "start-up included")
    print(f"  {'':20} {'wall':>8} {'articles/s':>11} {'CPU':>8} {'articles/s':>11}")
    for kind, label in (("txt", "plain text (.txt)"), ("html", "web pages (.html)")):
        wall, cpu = best[kind]
        print(f"  {label:20} {wall:7.2f}s {count / wall:11.1f} {cpu:7.2f}s {count / cpu:11.1f}")
    for index, clock in enumerate(("wall", "CPU")):
        pages, text = best["html"][index], best["txt"][index]
        print(f"  {clock:>4}: pages / text {pages / text:.2f}x; a page adds {(pages - text) / count * 1000:.1f} ms")
    print(f"  same organisations and people as the text: {same} of {count} pages")
    if len(as_pages) < count:
        print(f"  pages without an article object: {count - len(as_pages)}", file=sys.stderr)


if __name__ == "__main__":
    main()
