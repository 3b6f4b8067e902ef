"""Big regular expressions kept with their compiled program, so a start need not compile them.

re.compile parses a pattern and generates the program the regex engine runs, both in Python:
for the combined date expression (about 23,000 characters) that took a tenth of a second at
every start. program() records what re.compile generates; load() rebuilds the Pattern from it
with _sre.compile, the constructor re.compile itself ends with. A program belongs to the
engine that made it (Python version and the engine's own version number): with any other
engine, or anything amiss, load() simply compiles the pattern.
"""
from __future__ import annotations

import re
import sys

try:  # CPython's engine; other Pythons always compile
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    _sre = None

ENGINE = f"{sys.implementation.cache_tag}/sre-{getattr(_sre, 'MAGIC', '?')}-{getattr(_sre, 'CODESIZE', '?')}"


def program(pattern: str) -> dict | None:
    """What re.compile(pattern) generates, as JSON-ready data (None where it cannot be read)."""
    if _sre is None:
        return None
    parsed = _parser.parse(pattern, 0)
    return {"engine": ENGINE, "flags": parsed.state.flags, "code": _compiler._code(parsed, 0),
            "groups": parsed.state.groups, "groupindex": dict(parsed.state.groupdict)}


def load(pattern: str, stored: dict | None) -> re.Pattern:
    """The compiled pattern, from its stored program when this engine made it, else compiled now."""
    if _sre is not None and stored and stored.get("engine") == ENGINE:
        try:
            groupindex = stored["groupindex"]
            indexgroup = [None] * stored["groups"]
            for name, number in groupindex.items():
                indexgroup[number] = name
            return _sre.compile(pattern, stored["flags"], stored["code"], stored["groups"] - 1,
                                groupindex, tuple(indexgroup))
        except (KeyError, TypeError, ValueError, IndexError, RuntimeError):
            pass  # a damaged program: the engine refuses it, and compiling is always right
    return re.compile(pattern)
