"""`extract explain`: each fact of an article beside the sentence it was read from.

The article object says where each fact came from (`evidence` ranges, each mention's `rule`);
this prints those sentences with the deciding words marked: the fact's own words in bold, the
item they belong to underlined, and the signing or chairing verbs that tied them together.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable, Iterator

from rich.console import Group
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

FACT = "bold yellow"  # the fact's own words: the signatory's name, the date
ITEM = "underline cyan"  # the agreement, event or person the fact is about
CUE = "italic magenta"  # the verb that decided it: "signed", "co-chaired"

ONE_OF = {"signatories": "signatory", "parties": "party", "chairs": "chair", "participants": "participant"}
ENTITY_KEYS = (("organisations", "organisation"), ("people", "person"), ("places", "place"), ("dates", "date"),
               ("agreements", "agreement"), ("events", "event"))


def cue_words(nlp) -> frozenset[str]:
    """The signing and chairing verbs of the pipeline's own rules (what decides a signatory or a chair)."""
    words: set[str] = set()
    if "extractor_agreements" in nlp.pipe_names:
        words |= {row[0] for row in nlp.get_pipe("extractor_agreements").rules.table("signing_verbs.txt", 3)}
    if "extractor_events" in nlp.pipe_names:
        words |= set(nlp.get_pipe("extractor_events").rules.lines("chair_verbs.txt"))
    return frozenset(w.lower() for w in words)


def _cue_pattern(cues: frozenset[str]) -> re.Pattern | None:
    if not cues:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


class Explainer:
    """Renders one article object against its text."""

    def __init__(self, article: dict[str, Any], text: str, cues: frozenset[str] = frozenset()):
        self.article, self.text = article, text
        self.cues = _cue_pattern(cues)
        # every mention of the article by its item's name, to mark a fact's words in a sentence
        self.mentions: dict[str, list[tuple[int, int]]] = {}
        for key, _ in ENTITY_KEYS:
            for item in article.get(key, []):
                name = item.get("name") or item.get("value") or item.get("text")
                for m in item["mentions"]:
                    self.mentions.setdefault(name, []).append((m["start"], m["end"]))

    def sentence(self, start: int, end: int, facts: Iterable[str], items: Iterable[tuple[int, int]] = ()) -> Text:
        """The sentence text[start:end] with the facts' mentions (or words), the items and the cues marked."""
        shown = Text(self.text[start:end].strip())
        lead = len(self.text[start:end]) - len(self.text[start:end].lstrip())
        offset = start + lead

        def mark(s: int, e: int, style: str) -> None:
            if start <= s and e <= end:
                shown.stylize(style, s - offset, e - offset)

        for s, e in items:
            mark(s, e, ITEM)
        for fact in facts:
            found = [(s, e) for s, e in self.mentions.get(fact, []) if start <= s and e <= end]
            if not found:  # a party written as a name no item has: its words as they stand
                found = [(m.start(), m.end()) for m in re.finditer(re.escape(fact), self.text[start:end])]
                found = [(s + start, e + start) for s, e in found]
            for s, e in found:
                mark(s, e, FACT)
        if self.cues is not None:
            for m in self.cues.finditer(self.text, start, end):
                mark(m.start(), m.end(), CUE)
        return shown

    def _fact_lines(self, label: str, value: str, where: dict | None, facts: list[str],
                    items: list[tuple[int, int]]) -> Iterator[Any]:
        yield Text.assemble((f"{label:12}", "bold"), value)
        if where is None:
            yield Padding(Text("(no sentence recorded)", style="dim"), (0, 0, 0, 12))
        else:
            yield Padding(self.sentence(where["start"], where["end"], facts, items), (0, 0, 0, 12))

    def _facts(self, item: dict[str, Any], many: tuple[str, ...], one: tuple[str, ...]) -> Iterator[Any]:
        items = [(m["start"], m["end"]) for m in item["mentions"]]
        evidence = item.get("evidence") or {}
        for fact in many:
            for entry in evidence.get(fact, []):
                yield from self._fact_lines(ONE_OF[fact], entry["name"], entry, [entry["name"]], items)
        for fact in one:
            value = item.get(fact)
            if value is None:
                continue
            shown = str(value)
            facts = [shown] + [d["text"] for d in self.article.get("dates", []) if d.get("value") == value] \
                if fact == "date" else [shown]
            yield from self._fact_lines(fact, shown, evidence.get(fact), facts, items)

    def agreements(self) -> Iterator[Any]:
        """Each agreement, then each signatory, party, date and status beside its sentence."""
        for item in self.article.get("agreements", []):
            yield Text.assemble(("agreement ", "bold"), (item["name"], ITEM),
                                f"  ({item.get('kind') or '?'}; found by {_rules(item)})")
            yield from self._facts(item, ("signatories", "parties"), ("date", "status"))

    def events(self) -> Iterator[Any]:
        """Each event, then each chair, participant, date and place beside its sentence."""
        for item in self.article.get("events", []):
            yield Text.assemble(("event ", "bold"), (item["name"], ITEM),
                                f"  ({item.get('kind') or '?'}; found by {_rules(item)})")
            yield from self._facts(item, ("chairs", "participants"), ("date", "place"))

    def roles(self) -> Iterator[Any]:
        """Each role of each person beside its sentence."""
        for person in self.article.get("people", []):
            for role in person.get("roles", []):
                title = role["role"] + (f", {role['organisation']}" if role.get("organisation") else "")
                where = role.get("evidence")
                yield Text.assemble(("role ", "bold"), (person["name"], ITEM), f": {title}")
                if where:
                    facts = [role["role"]] + ([role["organisation"]] if role.get("organisation") else [])
                    items = self.mentions.get(person["name"], [])
                    yield Padding(self.sentence(where["start"], where["end"], facts, items), (0, 0, 0, 12))

    def entities(self) -> Iterator[Any]:
        """One line per organisation, person, place and date: its name and the rules that found its mentions."""
        for key, label in ENTITY_KEYS[:4]:
            for item in self.article.get(key, []):
                name = item.get("name") or item.get("text")
                extra = f" = {item['value']}" if key == "dates" and item.get("value") else ""
                yield Text.assemble((f"{label:13}", "bold"), (name, FACT), extra, f"  ({_rules(item)})")

    def render(self) -> Group:
        """Everything, section by section (a section with nothing to show is left out)."""
        title = f"{self.article['source']}" + (f" (published {self.article['published']})" if self.article.get("published") else "")
        parts: list[Any] = [Rule(title)]
        for heading, lines in (("Agreements", self.agreements()), ("Events", self.events()),
                               ("Roles", self.roles()), ("Names and dates", self.entities())):
            lines = list(lines)
            if lines:
                parts += [Text(heading, style="bold underline"), *lines, Text("")]
        if len(parts) == 1:
            parts.append(Text("nothing found", style="dim"))
        return Group(*parts)


def _rules(item: dict[str, Any]) -> str:
    """The rule ids of an item's mentions, most used first, with counts above one."""
    counts = Counter(m.get("rule") or "?" for m in item.get("mentions", []))
    return ", ".join(rule if n == 1 else f"{rule} ×{n}" for rule, n in counts.most_common())
