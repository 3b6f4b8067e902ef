"""The agreement rule data: head words with their kinds, and the cue word sets around them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..common.lexicon import speech_verbs, word_list
from ..common.regex import trie, word_trie
from ..common.rules import current, from_rules, having
from ..common.text import lower_in_place

CUE_FILE = "agreement_cues.jsonl"
SIGNING_FILE = "signing_verbs.txt"
# The facets of signing_verbs.txt, in column order, with the values each may take.
SIGNING_FACETS = {"form": frozenset({"base", "present", "past", "ing"}), "act": frozenset({"signs", "makes", "wins", "awards"})}
CUE_KEYS = {"cue", "words", "status"}
CUE_NAMES = {
    "definite", "indefinite", "not_specific", "skipped_adjective", "not_modifier", "tail_preposition", "named_tail_preposition", "tail_stop", "compound_follower",
    "idiom", "signatory_cut", "onlooker", "go_between", "conversation_noun", "same_occasion", "quantity", "status", "set_quantifier", "generic_follower", "distinct", "approximation", "gerund_preposition", "possessive",
    "group_modifier", "group_noun", "party_noun", "sides_noun", "signers_noun", "duration_unit", "result_verb", "lending_word", "supply_word", "forming_verb", "succession_verb",
}
FLAGS = {"plural", "weak", "named", "general", "reference", "relation"}


@dataclass(frozen=True)
class HeadWord:
    """A word that names an agreement: "MoU", "treaty", "letter of intent"."""

    word: str
    kind: str
    flags: frozenset[str]

    @property
    def cased(self) -> bool:
        """Matched only as written (acronyms such as MoU, FTA)."""
        return self.word != self.word.lower()


@from_rules
def head_words() -> dict[str, HeadWord]:
    """Head words keyed by their matching form: as written if cased, else lower-case."""
    heads, rules = {}, current()
    for number, line in rules.numbered_lines("agreement_words.txt"):
        parts = line.split("\t")
        if len(parts) not in (2, 3):
            raise rules.error("agreement_words.txt", number, "expected 'word<TAB>kind[<TAB>flags]'")
        flags = frozenset(f for f in (parts[2].split(",") if len(parts) == 3 else []) if f)
        if flags - FLAGS:
            raise rules.error("agreement_words.txt", number, f"unknown flag {sorted(flags - FLAGS)}")
        head = HeadWord(parts[0], parts[1], flags)
        heads[head.word if head.cased else head.word.lower()] = head
    return heads


@from_rules
def reference_kinds() -> frozenset[str]:
    """Kinds of words that only refer back to an agreement named before ("the documents")."""
    return frozenset(h.kind for h in head_words().values() if "reference" in h.flags)


@from_rules
def relation_kinds() -> frozenset[str]:
    """Kinds whose head words name a relationship ("joint venture", "partnership"): no document."""
    return frozenset(h.kind for h in head_words().values() if "relation" in h.flags)


@from_rules
def general_kinds() -> frozenset[str]:
    """Kinds whose head word may refer back to an agreement of any kind ("the deal")."""
    return frozenset(h.kind for h in head_words().values() if "general" in h.flags)


def lookup_head(surface: str) -> HeadWord | None:
    """The head word a matched surface stands for ("Memorandum  of Understanding" → mou)."""
    key = " ".join(surface.split())
    heads = head_words()
    if key in heads and heads[key].cased:
        return heads[key]
    head = heads.get(key.lower())
    return head if head is not None and not head.cased else None


def _head_trie() -> str:
    """Every head word, lower-cased, as one regex."""
    return trie(sorted({w.lower() for w in head_words()}), space=r"[ \t]+")


@from_rules
def head_pattern() -> re.Pattern:
    """Every head word, to be matched against the lower-cased text (lookup_head then checks the case)."""
    return re.compile(rf"\b{_head_trie()}\b")


@from_rules
def _head_anywhere() -> re.Pattern:
    """The head words without the word boundaries, which the engine would test at every position."""
    return re.compile(_head_trie())


def head_matches(low: str, start: int) -> Iterator[re.Match]:
    """head_pattern().finditer(low, start), found faster: the pattern without boundaries skips to
    each place a head word may start (every head word match is also one of its matches), and
    only there is the pattern with boundaries tried, instead of testing them at every position."""
    anywhere, bounded = _head_anywhere(), head_pattern()
    position = start
    while (candidate := anywhere.search(low, position)) is not None:
        match = bounded.match(low, candidate.start())  # \b still sees the character before
        if match is None:
            position = candidate.start() + 1  # "according", "impact": no head word starts here
        else:
            yield match
            position = match.end()


def first_head(low: str, start: int) -> re.Match | None:
    """The first head word that can name an agreement (not "documents", which only refers to one):
    most articles have none at all."""
    references = _reference_words()
    return next((m for m in head_matches(low, start) if m.group() not in references), None)


@from_rules
def _reference_words() -> frozenset[str]:
    return frozenset(w for w, h in head_words().items() if "reference" in h.flags)


@from_rules(maxsize=16)
def lowered(text: str) -> str:
    """text lower-cased with every character at its offset, kept for the text's several scans."""
    return lower_in_place(text)


def _validated_cues() -> tuple[dict, ...]:
    rules = current()
    records = rules.records(CUE_FILE)
    for (number, _), record in zip(rules.numbered_lines(CUE_FILE), records):
        unknown = set(record) - CUE_KEYS
        if unknown:
            raise rules.error(CUE_FILE, number, f"unknown key {sorted(unknown)}")
        if record.get("cue") not in CUE_NAMES:
            raise rules.error(CUE_FILE, number, f"unknown cue {record.get('cue')!r}")
    return records


@from_rules
def cue_words(cue: str) -> frozenset[str]:
    """The lower-case words of one cue set ("definite", "tail_stop", ...)."""
    if cue not in CUE_NAMES:
        raise KeyError(cue)
    return frozenset(w.lower() for r in _validated_cues() if r["cue"] == cue for w in r["words"])


@from_rules
def determiners() -> frozenset[str]:
    """Words that end a walk back over modifiers: definite, indefinite and non-specific determiners."""
    return cue_words("definite") | cue_words("indefinite") | cue_words("not_specific")


@from_rules
def clause_starts() -> frozenset[str]:
    """Words after "and" that begin a new phrase rather than continue a topic."""
    return cue_words("definite") | cue_words("indefinite") | cue_words("tail_stop")


def _word_alternation(words) -> str:
    """Regex alternation of cue words; a trailing '*' allows any word ending."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        stem = r"\s+".join(re.escape(p) for p in word.rstrip("*").split())
        parts.append(stem + (r"\w*" if word.endswith("*") else ""))
    return "|".join(parts)


@from_rules
def status_pattern() -> re.Pattern:
    """All status cues in one regex over lowered() text, each status a named group, in order of progress."""
    groups = []
    for index, record in enumerate(r for r in _validated_cues() if r["cue"] == "status"):
        groups.append(f"(?P<s{index}>{_word_alternation(record['words'])})")
    return re.compile(rf"\b(?:{'|'.join(groups)})\b")


@from_rules
def statuses() -> tuple[str, ...]:
    """Status names in order of progress (proposed … signed, ratified, terminated)."""
    return tuple(r["status"] for r in _validated_cues() if r["cue"] == "status")


def further(status: str, than: str | None) -> bool:
    """Whether status is a later stage than `than` (any status is, than none)."""
    order = statuses()
    return than is None or order.index(status) > order.index(than)


@from_rules
def phrase_pattern(cue: str) -> re.Pattern:
    """A regex matching any word or phrase of a cue set as whole words in lowered() text."""
    return re.compile(rf"\b(?:{_word_alternation(cue_words(cue))})\b")


@from_rules
def signing_verbs(**wanted: str) -> frozenset[str]:
    """Verbs that sign or make an agreement (signing_verbs.txt); with facets, those that have them
    (signing_verbs(form="past", act="signs"): "signed", "inked", "initialled", ...)."""
    return having(current().facets(SIGNING_FILE, SIGNING_FACETS), **wanted)


@from_rules
def signing_pattern() -> re.Pattern:
    """Any signing verb as a whole word in lowered() text."""
    return re.compile(rf"\b(?:{_word_alternation(signing_verbs())})\b")


@from_rules
def formed_before() -> re.Pattern:
    """A verb that forms a relation right before the agreement's words ("will form a joint venture",
    "established the partnership"), read to the end of the lowered() text searched."""
    return re.compile(rf"\b(?:{_word_alternation(cue_words('forming_verb'))})\s+(?:an?|the|their|its)\s+(?:[\w-]+\s+)?$")


@from_rules
def signed_pattern(after: str) -> re.Pattern:
    """A past form of a verb that signs, then the words of the regex `after` ("by", "for"), in lowered() text."""
    return re.compile(rf"\b(?:{_word_alternation(signing_verbs(form='past', act='signs'))})\s+(?:{after})\b")


@from_rules
def _signed_verb_openings() -> tuple[str, ...]:
    """The first word of each past form of a verb that signs ("signed", "put" of "put pen to paper"):
    every match of signed_pattern() and signed_by_pattern() begins with one."""
    return tuple(sorted({verb.rstrip("*").split()[0] for verb in signing_verbs(form="past", act="signs")}))


@from_rules(maxsize=16)
def _signed_verb_starts(low: str) -> list[int]:
    """The offsets in lowered() text where one of _signed_verb_openings() is written, in order."""
    starts = set()
    for word in _signed_verb_openings():
        at = low.find(word)
        while at >= 0:
            starts.add(at)
            at = low.find(word, at + 1)
    return sorted(starts)


def signed_verb_matches(pattern: re.Pattern, low: str, start: int) -> Iterator[re.Match]:
    """pattern.finditer(low, start) for a pattern that opens with a past form of a verb that signs
    (signed_pattern(), signed_by_pattern()), found faster: tried only where such a verb is written,
    found with str.find, instead of at every position (a pattern opening with \\b makes the
    engine test each one)."""
    done = start
    for at in _signed_verb_starts(low):
        if at >= done:
            match = pattern.match(low, at)  # \b still sees the character before
            if match:
                yield match
                done = match.end()


@from_rules
def signer_pattern() -> re.Pattern:
    """A verb whose subject puts its name to the agreement, in a form that says it did or does
    ("signed", "inks", "signing"; not "to sign", "will sign", nor "won" or "announced")."""
    return re.compile(rf"\b(?:{_word_alternation(signing_verbs(act='signs') - signing_verbs(form='base'))})\b")


@from_rules
def prospective_pattern() -> re.Pattern:
    """A signing verb still to come ("to sign", "will conclude", "hopes to reach", "will be signed",
    "is expected to be inked"): the agreement is proposed, whatever "agreed" or "plans" stands
    further off, in lowered() text."""
    verbs = _word_alternation(signing_verbs(form="base"))
    past = _word_alternation(signing_verbs(form="past"))
    return re.compile(rf"\b(?:to|will|would|shall|could|may|might)\s+(?:(?:soon|formally|also|eventually|jointly)\s+)?"
                      rf"(?:{verbs}|be\s+(?:(?:soon|formally|also|eventually|jointly)\s+)?(?:{past}))\b")


def _signed_by(gap_words: int, and_in_gap: bool) -> re.Pattern:
    """A past form of a verb that signs, up to gap_words words of place, time and side, none that
    opens another clause ("and" only if and_in_gap), then "by" or "between", in lowered() text."""
    verbs = _word_alternation(signing_verbs(form="past", act="signs"))
    stops = "by|between|but|which|that|who|was|were|is|are|has|have|had" + ("" if and_in_gap else "|and")
    gap = rf"(?!(?:{stops})\b)[\w'’()-]+"
    # "concluded after talks in Accra between A and B": that "between" is the talks', not the signers'
    talks = _word_alternation(cue_words("conversation_noun"))
    gap_before_between = rf"(?!(?:{stops}|{talks})\b)[\w'’()-]+"
    # commas around a date or place ("signed in Porto on Monday, 9 March, by") stay inside the gap
    return re.compile(rf"\b(?:{verbs})(?:(?:,?\s+{gap}){{0,{gap_words}}}?,?\s+by"
                      rf"|(?:,?\s+{gap_before_between}){{0,{gap_words}}}?,?\s+between)\b")


@from_rules
def signed_by_pattern() -> re.Pattern:
    """ "signed by", "signed in Beijing on Monday by", "initialled between": a past form of a verb that
    signs, up to a dozen words of place, time and side ("signed at a ceremony in Abuja on behalf of
    the NPA by"), then "by" or "between", in lowered() text."""
    return _signed_by(12, and_in_gap=False)


@from_rules
def signed_by_across_names_pattern() -> re.Pattern:
    """signed_by_pattern() with up to sixteen words and "and" among them, for a gap whose "and"s are
    inside names ("signed at the Ministry of Energy and Power Infrastructure in Accra by"): the caller checks them."""
    return _signed_by(16, and_in_gap=True)


@from_rules
def reporting_pattern() -> re.Pattern:
    """Any speech verb (common/data/speech_verbs.txt) as a whole word in lowered() text."""
    return re.compile(rf"\b(?:{_word_alternation(speech_verbs())})\b")


@from_rules
def party_names() -> frozenset[str]:
    """Countries, states and blocs that are parties to agreements, as written."""
    return frozenset(word_list("agreement_parties.txt"))


@from_rules
def party_pattern() -> re.Pattern:
    """The party names as whole words, the longest that fits."""
    names = word_trie(party_names(), not_after=r"[\w.-]")
    return re.compile(rf"{names}(?![\w-])")


@from_rules
def group_pattern() -> re.Pattern:
    """A group of unnamed parties ("other countries", "foreign oil companies"), in lowered() text."""
    return re.compile(rf"\b(?:{_word_alternation(cue_words('group_modifier'))})\s+(?:[a-z-]+\s+)?"
                      rf"(?:{_word_alternation(cue_words('group_noun'))})\b")


@from_rules
def group_noun_after() -> re.Pattern:
    """A group noun right after a name, which then only modifies it ("US companies", "UK oil firms")."""
    return re.compile(rf"\s+(?:[a-z-]+\s+)?(?:{_word_alternation(cue_words('group_noun'))})\b")
