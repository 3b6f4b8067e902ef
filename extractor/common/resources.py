"""Rule data read by name from the active component's rules (common/rules.py).

Transitional: outside any component (code not yet converted) the file is read from the package.
"""
from __future__ import annotations

from functools import lru_cache

from .rules import DataFile, RuleData, _ACTIVE

_OWNERS = ("extractor.common", "extractor.dates", "extractor.organisations", "extractor.agreements")


@lru_cache(maxsize=None)
def _shipped(name: str) -> RuleData:
    from importlib.resources import files

    for owner in _OWNERS:
        if files(owner).joinpath("data", name).is_file():
            return RuleData.from_package([DataFile(owner, name)])
    raise FileNotFoundError(name)


def _rules(name: str) -> RuleData:
    rules = _ACTIVE.get(None)
    return rules if rules is not None and name in rules.texts else _shipped(name)


def word_list(name: str) -> tuple[str, ...]:
    """Lines of a plain-text list, without blanks and '#' comments."""
    return _rules(name).lines(name)


def word_set(name: str, lower: bool = False) -> frozenset[str]:
    """A plain-text list as a set, optionally lower-cased."""
    return _rules(name).words(name, lower)


def jsonl(name: str) -> tuple[dict, ...]:
    """Records of a JSONL file; a bad line fails naming the file and line."""
    return _rules(name).records(name)


def article_schema() -> str:
    """The JSON Schema of an article object, as shipped (output/article.schema.json)."""
    from importlib.resources import files

    return files("extractor").joinpath("output", "article.schema.json").read_text(encoding="utf-8")
