"""Where agreements are mentioned, and which mentions name one rather than refer back to it.

An agreement mention is a head word ("MoU", "deal", "framework") with the modifiers written
before it ("free trade", "Innovation Bridge", "14-year") and a topic after it ("on Defence
cooperation", "for India-US Major Defence Partnership"). Whether it introduces an agreement
is read from the determiner, as a reader would: "a deal" and "the Paris Agreement" name one,
"the deal" refers back to one already named, "any deal" and "deals" name none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .agreement_lexicon import HeadWord, cue_words, head_pattern, lookup_head
from .lexicon import common_capitalised, org_heads

INTRO = "intro"  # names an agreement: reported, starts an item or joins one with the same surface
REMENTION = "remention"  # an acronym head after a determiner ("the MoU"): reported, joins the last one of its kind
ACRONYM = "acronym"  # an acronym defined for an agreement ("(IA)") or a later use of it: reported, joins it
REFERENCE = "reference"  # "the deal": not reported, its sentence adds facts to the agreement it refers to
HEADLINE = "headline"  # in a title-case line: reported only when the body names no agreement of its kind
PENDING = "pending"  # a weak head ("framework") that names an agreement only if an agreement is on it

WORD = re.compile(r"\S+")
CAPITALISED = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][\w'’&.-]*")
LOWER_MODIFIER = re.compile(r"[a-z][a-z-]*[a-z]")
NUMERIC_MODIFIER = re.compile(r"\d+(?:\.\d+)?-[a-z]+")
QUANTITY = re.compile(r"(?:[A-Z]{0,3}[$€£₹¥]|Rs\.?)?\d[\d,.]*(?:bn|mn|m|k|b|cr)?|[A-Z]{0,3}[$€£₹¥][\d,.]*\w*")
CLOSING = ",;:.!?)]\"”’'"
QUOTES = "\"“‘'"
TAIL_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w$€£₹][\w'’&-]*(?:\.\d+)?|\S")
ACRONYM_AFTER = re.compile(r"[ \t]*\([ \t]*([A-Z][A-Za-z&.-]{1,11})[ \t]*\)")
WEAK_EVIDENCE_AFTER = re.compile(
    r"[ \t]+(?:between\b|(?:(?:was|were|is|are|has been|have been|had been|will be|to be)[ \t]+)?(?:signed|inked|agreed)\b)")
TAIL_CONNECTORS = {"of", "in", "and", "&", "the", "a", "an", "for", "on"}
MAX_TAIL_WORDS = 8
MAX_LOWER_MODIFIERS = 3
ABSORB_WINDOW = 10  # words between "an agreement" and the framework it is on


@dataclass
class Mention:
    """One agreement mention: its span, its kind and how it relates to the agreements named so far."""

    start: int
    end: int
    kind: str
    role: str
    head_start: int
    head_end: int
    named: bool = False
    defined_by: "Mention | None" = None  # for ACRONYM: the mention the acronym was defined for
    absorbed_by: "Mention | None" = None  # "an agreement … on a framework": the framework it is


@dataclass
class _Left:
    """What stands before a head word: where its modifiers begin, and the determiner before them."""

    start: int
    determiner: str | None = None
    before_determiner: str | None = None
    capitalised: bool = False
    numeric: bool = False
    modified: bool = False
    quoted: bool = False
    in_apposition: bool = False  # "Lockheed's award, a $914.7 million contract": describes what precedes


def line_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the line holding position."""
    end = text.find("\n", position)
    return text.rfind("\n", 0, position) + 1, len(text) if end < 0 else end


def is_title_line(line: str) -> bool:
    """A headline in title case ("Lockheed Martin Defeats Raytheon to Win Contract")."""
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= 3 and capitalised >= 0.8 * len(long_words) and not line.rstrip().endswith(".")


def _left(text: str, line_start: int, head_start: int) -> _Left:
    """Walk back from a head word over its modifiers to the determiner."""
    left = _Left(head_start)
    prefix_start = max(line_start, head_start - 200)
    prefix = text[prefix_start:head_start]
    if prefix and not prefix[-1].isspace():
        glued = re.search(r"\S+$", prefix).group()
        if not all(c in QUOTES for c in glued):
            return left
        left.quoted = True
        prefix = prefix[: -len(glued)]
    words = list(WORD.finditer(prefix))
    outside = left.quoted  # once set, words are context, not part of the name
    lower = 0
    for index in range(len(words) - 1, max(-1, len(words) - 9), -1):
        word = words[index].group()
        lowered = word.lower()
        previous = words[index - 1].group().lower() if index > 0 else None
        if word[-1] in CLOSING and not re.fullmatch(r"(?:[A-Z]\.){2,}", word):
            return left
        if word.endswith(("'s", "’s")):
            left.determiner = "'s"
            return left
        if QUANTITY.fullmatch(word) or lowered in cue_words("quantity"):
            outside = True
            continue
        if lowered in cue_words("definite") | cue_words("indefinite") | cue_words("not_specific"):
            left.determiner, left.before_determiner = lowered, previous
            left.in_apposition = previous is not None and previous.endswith(",")
            return left
        if word[0].isupper() and CAPITALISED.fullmatch(word):
            if word in common_capitalised() or outside:
                left.determiner, left.before_determiner = lowered, previous
                return left
            left.start, left.capitalised = prefix_start + words[index].start(), True
            continue
        if lowered in cue_words("skipped_adjective"):
            outside = True
            continue
        if not outside and NUMERIC_MODIFIER.fullmatch(word):
            left.start, left.numeric, left.modified = prefix_start + words[index].start(), True, True
            continue
        if (not outside and lower < MAX_LOWER_MODIFIERS and LOWER_MODIFIER.fullmatch(word)
                and lowered not in cue_words("not_modifier") and not lowered.endswith(("ly", "ed"))):
            left.start, left.modified = prefix_start + words[index].start(), True
            lower += 1
            continue
        left.determiner, left.before_determiner = lowered, previous
        return left
    return left


def _tail(text: str, head_end: int, line_end: int, cuts: list[tuple[int, int]], places: frozenset[str]) -> tuple[int, bool]:
    """End of the topic after a head ("on Defence cooperation") and whether it is capitalised."""
    match = re.match(r"[ \t]+(\w+)[ \t]+", text[head_end:line_end])
    if not match:
        return head_end, False
    preposition = match.group(1).lower()
    named_only = preposition in cue_words("named_tail_preposition")
    if preposition not in cue_words("tail_preposition") and not named_only:
        return head_end, False
    start = head_end + match.end()
    if any(s < start < e for s, e in cuts):
        return head_end, False
    limit = min([line_end] + [s for s, _ in cuts if start <= s < line_end])  # a date or name ends the topic
    tokens = [(m.group(), start + m.start(), start + m.end()) for m in TAIL_TOKEN.finditer(text[start:limit])]
    words: list[tuple[str, int, int]] = []
    for index, (token, _, _) in enumerate(tokens):
        lowered = token.lower()
        if not (token[0].isalnum() or token[0] in "$€£₹") or lowered in cue_words("tail_stop"):
            break
        if lookup_head(token) is not None:
            break
        if not words or all(w[0].lower() in TAIL_CONNECTORS for w in words):
            content = lowered not in TAIL_CONNECTORS
            if content and (lowered.endswith(("ing", "ed")) or QUANTITY.fullmatch(token) or lowered in cue_words("quantity")):
                return head_end, False
        if lowered == "and" and index + 1 < len(tokens) and tokens[index + 1][0].lower() in (
                cue_words("definite") | cue_words("indefinite") | cue_words("tail_stop")):
            break
        words.append(tokens[index])
        if len(words) > MAX_TAIL_WORDS:
            return head_end, False
    while words and words[-1][0].lower() in TAIL_CONNECTORS:
        words.pop()
    content = [w for w in words if w[0].lower() not in TAIL_CONNECTORS]
    if not content:
        return head_end, False
    capitalised = any(w[0][0].isupper() for w in content)
    topic = text[content[0][1]:words[-1][2]]
    if (named_only and not content[0][0][0].isupper()) or topic in places:
        return head_end, False
    return words[-1][2], capitalised


def _role(head: HeadWord, left: _Left, named: bool, acronym: bool, tailed: bool) -> str | None:
    """INTRO, REMENTION, REFERENCE, or None when the mention names no particular agreement."""
    if head.cased:
        definite = left.determiner in cue_words("definite") or left.determiner == "'s"
        return REMENTION if definite and not left.modified and not left.capitalised else INTRO
    if named or acronym:
        return INTRO
    determiner = left.determiner
    if determiner in cue_words("not_specific"):
        return None
    if determiner in cue_words("indefinite"):
        bare = not (left.modified or left.capitalised or tailed)
        return REFERENCE if bare and left.in_apposition else INTRO
    if determiner in cue_words("definite") or determiner == "'s":
        return INTRO if left.numeric else REFERENCE
    if determiner in cue_words("signing_verb"):
        return INTRO
    return None


def classify(text: str, head_start: int, head_end: int, cuts: list[tuple[int, int]] = (),
             places: frozenset[str] = frozenset()) -> tuple[Mention, tuple[int, int] | None] | None:
    """The mention around one head word and the range of an acronym defined for it, or None."""
    head = lookup_head(text[head_start:head_end])
    line_start, line_end = line_bounds(text, head_start)
    if head is None or "plural" in head.flags and head.cased:
        return None
    after = text[head_end:line_end]
    following = re.match(r"[ \t]+([A-Za-z][\w-]*)", after)
    if following and (following.group(1) in cue_words("compound_follower") or following.group(1) in org_heads()):
        return None
    if is_title_line(text[line_start:line_end]):
        if "plural" in head.flags:
            return None
        return Mention(head_start, head_end, head.kind, HEADLINE, head_start, head_end), None
    left = _left(text, line_start, head_start)
    if " ".join(text[left.start:head_end].lower().split()[-2:]) in cue_words("idiom"):
        return None
    if "plural" in head.flags:
        if not left.capitalised:
            return None
        return Mention(left.start, head_end, head.kind, INTRO, head_start, head_end, named=True), None
    end, tail_capitalised = _tail(text, head_end, line_end, list(cuts), places)
    before = text[line_start:left.start].rstrip()
    sentence_start = left.quoted or not before or before[-1] in ".!?:(" + QUOTES
    named = left.capitalised or tail_capitalised or (text[head_start].isupper() and not head.cased and not sentence_start)
    acronym_match = ACRONYM_AFTER.match(text, end)
    acronym = None
    if acronym_match and sum(c.isupper() for c in acronym_match.group(1)) >= 2:
        if re.search(r"[A-Z]s$", acronym_match.group(1)):
            return None  # "39 Memorandum of Understanding (MoUs)": several agreements
        acronym = acronym_match.span(1)
    if "named" in head.flags and not named:
        return None
    role = _role(head, left, named, acronym is not None, end > head_end)
    if "weak" in head.flags and not named and role != REFERENCE and not (
            end == head_end and WEAK_EVIDENCE_AFTER.match(after)
            or left.determiner in cue_words("signing_verb") or left.before_determiner in cue_words("signing_verb")):
        role = PENDING
    if role is None:
        return None
    return Mention(left.start, end, head.kind, role, head_start, head_end, named=named), acronym


def _absorbs(text: str, earlier: Mention | None, weak: Mention) -> bool:
    """Whether a bare "an agreement" just before is the agreement on this framework."""
    if earlier is None or earlier.role != INTRO or earlier.named or (earlier.start, earlier.end) != (earlier.head_start, earlier.head_end):
        return False
    gap = text[earlier.end:weak.start]
    words = gap.split()
    if re.search(r"[.;!?\n]", gap) or len(words) > ABSORB_WINDOW:
        return False
    while words and words[-1].lower() in cue_words("indefinite") | cue_words("definite"):
        words.pop()
    return bool(words) and words[-1].lower() in cue_words("tail_preposition")


def find_mentions(text: str, cuts: list[tuple[int, int]] = (), places: frozenset[str] = frozenset(),
                  start: int = 0) -> list[Mention]:
    """Every agreement mention after start, with acronym definitions and their later uses, in text order."""
    cuts = sorted(cuts)
    mentions: list[Mention] = []
    acronyms: list[tuple[str, Mention, int]] = []
    covered = start
    for match in head_pattern().finditer(text, start):
        if match.start() < covered or any(s <= match.start() and match.end() <= e and e != match.end() for s, e in cuts):
            continue
        found = classify(text, match.start(), match.end(), cuts, places)
        if found is None:
            continue
        mention, acronym = found
        if mention.role == PENDING:
            earlier = next((m for m in reversed(mentions) if m.role != ACRONYM), None)
            if not _absorbs(text, earlier, mention):
                continue
            mention.role = INTRO
            earlier.role, earlier.absorbed_by = REFERENCE, mention
        mentions.append(mention)
        covered = mention.end
        if acronym is not None:
            definition = Mention(acronym[0], acronym[1], mention.kind, ACRONYM, *acronym, defined_by=mention)
            mentions.append(definition)
            acronyms.append((text[acronym[0]:acronym[1]], mention, acronym[1]))
            covered = acronym[1]
    taken = [(m.start, m.end) for m in mentions]
    for acronym, defined_by, after in acronyms:
        for use in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text[after:]):
            span = (after + use.start(), after + use.end())
            if not any(s < span[1] and span[0] < e for s, e in taken):
                mentions.append(Mention(*span, defined_by.kind, ACRONYM, *span, defined_by=defined_by))
                taken.append(span)
    return sorted(mentions, key=lambda m: m.start)
