"""The tense of the clause around a date expression: does it look back or ahead?

Year-less dates and weekdays resolve before or after the publication date by it. The cue
nearest to the expression within its sentence decides; the cue words are data
(data/date_tense_cues.txt).
"""
from __future__ import annotations

import re

from ..agreements.lexicon import signing_verbs
from ..common.lexicon import speech_verbs
from ..common.rules import current, from_rules

TENSE_CUES_FILE = "date_tense_cues.txt"
TENSES = frozenset({"past", "future", "scheduled", "none"})


@from_rules
def tense_cues() -> dict[str, str]:
    """Cue word (lower case) to "past", "future", "report" or "none": the words of
    date_tense_cues.txt, the past speech verbs of speech_verbs.txt as "report" and the past
    signing verbs of agreements' signing_verbs.txt ("struck", "won") as "past"."""
    rules = current()
    listed = {**{verb: "speech_verbs.txt" for verb in speech_verbs()}, **{verb: "signing_verbs.txt" for verb in signing_verbs()}}
    cues = {}
    for number, (word, cue) in rules.numbered_rows(TENSE_CUES_FILE, 2):
        word = " ".join(word.lower().split())
        if cue not in TENSES:
            raise rules.error(TENSE_CUES_FILE, number, f"cue {cue!r} is not one of {', '.join(sorted(TENSES))}")
        if word in listed:
            # one place for each word: two files could give it two tenses
            raise rules.error(TENSE_CUES_FILE, number, f"{word!r} is in {listed[word]}, which gives its tense")
        cues[word] = cue
    cues.update((verb, "past") for verb in signing_verbs(form="past"))
    cues.update((verb, "report") for verb in speech_verbs(tense="past"))
    return cues

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_TENSE_REACH = 12  # words on each side of the expression that may set its tense


def tense_at(text: str, start: int, end: int) -> str | None:
    """"past", "future" or None: the tense cue nearest to text[start:end] within its sentence
    (a reporting verb such as "said" only when there is no other cue)."""
    left = text[max(0, start - 160):start]
    boundaries = list(_SENTENCE_END.finditer(left))
    if boundaries:
        left = left[boundaries[-1].end():]
    right = text[end:end + 160]
    boundary = _SENTENCE_END.search(right)
    if boundary:
        right = right[:boundary.start()]
    before = _WORD.findall(left)[::-1][:_TENSE_REACH]
    after = _WORD.findall(right)[:_TENSE_REACH]
    # a relative clause after the date is another verb's: "signed an accord on Monday that will run"
    after = after[:next((i for i, w in enumerate(after) if w.lower() in _RELATIVES), len(after))]
    reported = False
    for distance in range(max(len(before), len(after))):
        # the word on the left first, then the one on the right; each word's previous word in
        # the text (the next one in `before`) tells whether a participle follows "be"
        for cue in (_cue(before, distance, distance + 1), _cue(after, distance, distance - 1)):
            if cue == "report":
                reported = True
            elif cue:
                return cue
    return "past" if reported else None


_AUXILIARIES = frozenset(("be", "being", "been"))
_RELATIVES = frozenset(("that", "which", "who", "whom", "whose", "where"))
_DETERMINERS = frozenset(("the", "a", "an", "its", "their", "his", "her", "this", "that", "each"))


def _cue(words: list[str], index: int, previous: int) -> str | None:
    """The cue of words[index] (None beyond the list), given the word at `previous` before it."""
    if index >= len(words):
        return None
    cue = _word_cue(words[index])
    if cue == "past" and 0 <= previous < len(words) and words[previous].lower() in _AUXILIARIES:
        return None  # "will be held": the participle says nothing, the auxiliary decides
    if cue == "scheduled":
        # "the talks end on Thursday" is a timetable; "at the close on Friday" is a noun; after the
        # date the verb is often another clause's ("which began on Monday, end on Thursday")
        before_date = previous > index
        noun = 0 <= previous < len(words) and words[previous].lower() in _DETERMINERS
        return "future" if before_date and not noun else None
    return cue


@from_rules(maxsize=8192)  # the same few hundred words recur around dates
def _word_cue(word: str) -> str | None:
    word = word.lower().replace("’", "'")
    if "'" in word:
        word = word[word.index("'"):] if word.endswith("'ll") else word
    cue = tense_cues().get(word) or ("past" if len(word) >= 5 and word.endswith("ed") else None)
    return None if cue == "none" else cue
