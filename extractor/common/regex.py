"""Helpers that make one big alternation cheap for Python's regex engine.

At every word start the engine tries each alternative in turn. Three things keep that cheap:
word lists written as a trie (one character compared per branch instead of one per word); a
lookahead on the first three characters any alternative can begin with, so that most word
starts are rejected by a single trie walk; and the same lookahead per alternative, so the
engine does not descend into optional prefixes ("(?:the )?(?:early|mid|...)?") that cannot
match. The first characters are read from the parsed pattern (`prefixes`), and so are the
words a match can contain (`words`), which tell a caller where trying the expression is useless.
"""
from __future__ import annotations

import re
import string
from functools import lru_cache

try:  # the parser behind re.compile: re._parser since Python 3.11, sre_parse before
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p


def _letter_class(test) -> str:
    """The Latin letters that pass test, as the inside of a regex character class of ranges."""
    # Latin-1, Latin Extended-A and -B, IPA-free Latin Extended Additional (Vietnamese): the letters
    # of names written in Latin script, "Łukasz", "Öztürk", "Trần Đức Lương", beyond ASCII.
    chars = [c for block in ((0x41, 0x5B), (0x61, 0x7B), (0xC0, 0x250), (0x1E00, 0x1F00))
             for c in map(chr, range(*block)) if c.isalpha() and test(c)]
    ranges, start = [], None
    for i, c in enumerate(chars):
        if start is None:
            start = c
        if i + 1 == len(chars) or ord(chars[i + 1]) != ord(c) + 1:
            ranges.append(re.escape(start) if start == c else f"{re.escape(start)}-{re.escape(c)}")
            start = None
    return "".join(ranges)


# Capital and small Latin letters, accented ones included, for character classes: "[" + UPPER + "]".
UPPER = _letter_class(str.isupper)
LOWER = _letter_class(str.islower)
ACCENTED_UPPER = _letter_class(lambda c: c.isupper() and not c.isascii())  # UPPER without A-Z


def compile_latin(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern) with the range A-Z of its character classes widened to every Latin capital,
    so that a name written with an accented one ("Łódź", "Özgür Holding", "ÖÇH") is read as a plain one is.
    Only capitals: a range a-z stays ASCII (the letters after a capital are mostly matched by \\w)."""
    return re.compile(pattern.replace("A-Z", UPPER), flags)


def alternation(words) -> str:
    """The words as one regex alternation (no group), longest first, in a fixed order."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def trie(words, either_case_first: bool = False, space: str = r"\s+") -> str:
    """A regex matching exactly the given words, branching one character at a time.

    Spaces inside a word match the regex `space` (any whitespace by default); either_case_first
    also accepts the first letter in upper case ("last" matches "Last"), as at the start of a sentence.
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict, first: bool) -> str:
        branches = []
        for char in sorted(k for k in node if k):
            if first and either_case_first and char.isalpha():
                head = f"[{char.upper()}{char.lower()}]"
            else:
                head = space if char == " " else r"\d" if char == DIGIT else re.escape(char)
            branches.append(head + build(node[char], False))
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(root, True)


def word_trie(words, not_after: str = r"[\w-]", space: str = " ") -> str:
    r"""trie(words), matching only where no character of the class `not_after` stands before.

    The check follows each word's first letter ("M(?<![\w-]M)eeting"): before it, a lookbehind
    hides the first letters from the regex engine, which then tries every position of the text.
    Spaces inside a word match `space` (a plain space by default)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(f"{re.escape(first)}(?<!{not_after}{re.escape(first)}){trie(rest, space=space)}"
                            for first, rest in sorted(rests.items())) + ")"


DIGIT = "\0"  # in prefix sets and tries: any digit


class _Unbounded(Exception):
    """The prefixes cannot be listed: any character, or too many strings."""


_MAX_PREFIXES = 5000


def prefixes(pattern: str, length: int) -> set[str] | None:
    """Every string of `length` characters a match of pattern can begin with (shorter strings
    for matches that end sooner), or None when that set is unknown or too large."""
    try:
        return _sequence(_parse(pattern).data, length)
    except Exception:  # _Unbounded, or an internal parser we cannot read: no gate, still correct
        return None


@lru_cache(maxsize=256)
def _parse(pattern: str):
    """The parsed pattern, shared by prefixes() and words() (parsing is the slow part)."""
    return _p.parse(pattern)


def lookahead(starts: set[str] | None) -> str:
    """A lookahead that fails fast unless the text goes on with one of `starts` ("" if unusable)."""
    if not starts or "" in starts:
        return ""
    return f"(?={trie(starts)})"


_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}


def _sequence(items, room: int) -> set[str]:
    """Prefixes of at most `room` characters of a parsed sequence (complete or cut at room)."""
    out = {""}
    for op, arg in items:
        grown = set()
        for head in out:
            if len(head) == room:
                grown.add(head)
            else:
                grown.update(head + tail for tail in _op(op, arg, room - len(head)))
        out = grown
        if len(out) > _MAX_PREFIXES:
            raise _Unbounded
    return out


def _op(op, arg, room: int) -> set[str]:
    if op in _ZERO_WIDTH:
        return {""}
    if op is _c.LITERAL:
        return {chr(arg)}
    if op is _c.IN:
        return _charset(arg)
    if op is _c.SUBPATTERN:
        return _sequence(arg[-1].data, room)
    if op is _c.BRANCH:
        return set().union(*(_sequence(branch.data, room) for branch in arg[1]))
    if op in _REPEATS:
        low, high, body = arg
        out, current, count = set(), {""}, 0
        while True:
            # after `count` copies: complete if enough copies, and cut-off prefixes in any case
            out |= current if count >= low else {h for h in current if len(h) == room}
            if count == high or count > room + low or all(len(h) == room for h in current):
                return out
            current = {h + t for h in current if len(h) < room for t in _sequence(body.data, room - len(h))}
            if len(current) > _MAX_PREFIXES:
                raise _Unbounded
            count += 1
    raise _Unbounded


def _charset(items) -> set[str]:
    chars: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            chars.add(chr(arg))
        elif op is _c.RANGE:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        elif op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT:
            chars.add(DIGIT)
        elif op is _c.CATEGORY and arg is _c.CATEGORY_SPACE:
            chars.add(" ")  # trie() writes a space as \s+, which covers all whitespace
        else:
            raise _Unbounded
    if set(string.digits) <= chars:  # one stand-in for "any digit" keeps the prefix sets small
        chars = (chars - set(string.digits)) | {DIGIT}
    return chars


_WORDS_CAP = 20000  # shapes kept while listing words; beyond it the words are not listed


def words(pattern: str) -> set[str] | None:
    """Every run of letters (lower-cased) a match of pattern can contain, lookarounds aside,
    or None when that set is unknown or unbounded ("[a-z]+")."""
    inner: set[str] = set()
    try:
        shapes = _word_shapes(_parse(pattern).data, inner, {})
    except Exception:  # _Unbounded, or an internal parser we cannot read
        return None
    for shape in shapes:
        inner.update(shape[1:])
    return inner - {""}


# A shape is ("w", letters) for a match made of letters only, or ("s", first run, last run)
# for one with a non-letter inside; complete inner runs go to `inner`.
_SEPARATOR = ("s", "", "")


def _join(left: set, right: set, inner: set[str]) -> set:
    out = set()
    for a in left:
        for b in right:
            if a[0] == "w":
                out.add(("w", a[1] + b[1]) if b[0] == "w" else ("s", a[1] + b[1], b[2]))
            elif b[0] == "w":
                out.add(("s", a[1], a[2] + b[1]))
            else:
                inner.add(a[2] + b[1])
                out.add(("s", a[1], b[2]))
    if len(out) > _WORDS_CAP:
        raise _Unbounded
    return out


def _word_shapes(items, inner: set[str], groups: dict) -> set:
    out = {("w", "")}
    for op, arg in items:
        out = _join(out, _item_shapes(op, arg, inner, groups), inner)
    return out


def _char_shape(char: str) -> tuple:
    return ("w", char.lower()) if char.isalpha() else _SEPARATOR


def _item_shapes(op, arg, inner: set[str], groups: dict) -> set:
    if op in _ZERO_WIDTH:
        return {("w", "")}
    if op is _c.LITERAL:
        return {_char_shape(chr(arg))}
    if op is _c.IN:
        return {_char_shape(DIGIT if c == DIGIT else c) for c in _charset(arg)}
    if op is _c.SUBPATTERN:
        shapes = _word_shapes(arg[-1].data, inner, groups)
        if arg[0] is not None:
            groups[arg[0]] = shapes
        return shapes
    if op is _c.GROUPREF:
        return groups[arg]
    if op is _c.BRANCH:
        return set().union(*(_word_shapes(branch.data, inner, groups) for branch in arg[1]))
    if op in _REPEATS:
        low, high, body = arg
        one = _word_shapes(body.data, inner, groups)
        out, current = set(), {("w", "")}
        for count in range(high + 1 if high < 10 else 10**9):
            if count >= low:
                if current <= out:  # nothing new: more copies repeat what is there
                    return out
                out |= current
            if count > low + 8:
                raise _Unbounded  # letters that can repeat without end
            current = _join(current, one, inner)
        return out
    raise _Unbounded
