"""Loading of the rule data shipped in each component's data/ folder (read once, cached)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files

_OWNERS = ("common", "dates", "organisations", "agreements")


@lru_cache(maxsize=None)
def _read(name: str) -> str:
    for owner in _OWNERS:
        path = files("extractor").joinpath(owner, "data", name)
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(name)


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """Lines of a plain-text list, without blanks and '#' comments."""
    lines = (line.strip() for line in _read(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=None)
def word_set(name: str, lower: bool = False) -> frozenset[str]:
    """A plain-text list as a set, optionally lower-cased."""
    words = word_list(name)
    return frozenset(w.lower() for w in words) if lower else frozenset(words)


@lru_cache(maxsize=None)
def jsonl(name: str) -> tuple[dict, ...]:
    """Records of a JSONL file; a bad line fails naming the file and line."""
    records = []
    for number, line in enumerate(_read(name).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as err:
            raise ValueError(f"resources/{name}:{number}: {err.msg}") from err
    return tuple(records)


def article_schema() -> str:
    """The JSON Schema of an article object, as shipped (output/article.schema.json)."""
    return files("extractor").joinpath("output", "article.schema.json").read_text(encoding="utf-8")
