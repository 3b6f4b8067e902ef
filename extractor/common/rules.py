"""Rule data owned by a component: its data files, read once, parsed on demand, saved with it.

A component holds one RuleData (built from its package's data/ folders, or restored by
from_disk) and runs with it active (`with rules.active():`, done by ByBatch). Code that needs
a word list or a pattern built from one reads it through `current()` or an `@from_rules`
function, whose result is kept on that RuleData: each component instance has its own rules,
nothing is cached per process, and two pipelines with different rules can run side by side.
"""
from __future__ import annotations

import inspect
import json
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache, wraps
from importlib.resources import files
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple, TypeVar

T = TypeVar("T")


class RuleFileError(ValueError):
    """A malformed rule file: the message is `file:line: reason`."""


class DataFile(NamedTuple):
    """A data file shipped in a package's data/ folder."""

    package: str  # "extractor.dates"
    name: str  # "months.txt"


def data_files(package: str, *names: str) -> tuple[DataFile, ...]:
    """The named files of package's data/ folder."""
    return tuple(DataFile(package, name) for name in names)


class RuleData:
    """The rule files of one component by file name, with everything parsed or built from them."""

    def __init__(self, texts: dict[str, str], origins: dict[str, str] | None = None):
        self.texts = dict(texts)
        self.origins = origins or {name: name for name in texts}  # for error messages
        self.built: dict[Any, Any] = {}

    @classmethod
    def from_package(cls, data: Iterable[DataFile]) -> RuleData:
        """The files as shipped in the packages' data/ folders."""
        texts, origins = {}, {}
        for package, name in data:
            path = files(package).joinpath("data", name)
            texts[name] = path.read_text(encoding="utf-8")
            origins[name] = f"{package.replace('.', '/')}/data/{name}"
        return cls(texts, origins)

    @classmethod
    def from_disk(cls, path: str | Path, names: Iterable[str]) -> RuleData:
        """The files saved by to_disk in folder path; a missing one is a RuleFileError."""
        path = Path(path)
        texts, origins = {}, {}
        for name in names:
            file = path / name
            if not file.is_file():
                raise RuleFileError(f"{file}: missing rule file")
            texts[name] = file.read_text(encoding="utf-8")
            origins[name] = str(file)
        return cls(texts, origins)

    def to_disk(self, path: str | Path) -> None:
        """Write every file into folder path (created if needed)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, text in self.texts.items():
            (path / name).write_text(text, encoding="utf-8")

    def error(self, name: str, number: int, reason: str) -> RuleFileError:
        """The error for line `number` of file `name`."""
        return RuleFileError(f"{self.origins.get(name, name)}:{number}: {reason}")

    def numbered_lines(self, name: str) -> Iterator[tuple[int, str]]:
        """(line number, stripped line) of a file, without blank lines and '#' comments."""
        if name not in self.texts:
            raise KeyError(f"rule file {name!r} is not among this component's data ({', '.join(sorted(self.texts))})")
        for number, line in enumerate(self.texts[name].splitlines(), start=1):
            line = line.strip()
            if line and not line.startswith("#"):
                yield number, line

    def lines(self, name: str) -> tuple[str, ...]:
        """The lines of a plain-text list, without blanks and '#' comments."""
        return self.build(("lines", name), lambda: tuple(line for _, line in self.numbered_lines(name)))

    def words(self, name: str, lower: bool = False) -> frozenset[str]:
        """A plain-text list as a set, optionally lower-cased."""
        return self.build(("words", name, lower),
                          lambda: frozenset(w.lower() for w in self.lines(name)) if lower else frozenset(self.lines(name)))

    def table(self, name: str, columns: int | tuple[int, int] = 2) -> tuple[tuple[str, ...], ...]:
        """The rows of a tab-separated file; `columns` is a count or a (least, most) range."""
        least, most = (columns, columns) if isinstance(columns, int) else columns
        return self.build(("table", name, least, most),
                          lambda: tuple(row for _, row in self.numbered_rows(name, (least, most))))

    def numbered_rows(self, name: str, columns: int | tuple[int, int] = 2) -> Iterator[tuple[int, tuple[str, ...]]]:
        """(line number, cells) of a tab-separated file, as table() checks them (not kept: for parsers that report lines)."""
        least, most = (columns, columns) if isinstance(columns, int) else columns
        for number, line in self.numbered_lines(name):
            row = tuple(cell.strip() for cell in line.split("\t"))
            if not least <= len(row) <= most:
                wanted = least if least == most else f"{least} to {most}"
                raise self.error(name, number, f"expected {wanted} tab-separated columns, found {len(row)}")
            yield number, row

    def facets(self, name: str, choices: dict[str, frozenset[str]]) -> dict[str, dict[str, str]]:
        """A table of words and their facets: each line a word, then one cell per facet (in the
        order of `choices`, facet name -> allowed values); word -> {facet: value}. A value not
        allowed, or a word listed twice, is a RuleFileError."""

        def parse() -> dict[str, dict[str, str]]:
            found: dict[str, dict[str, str]] = {}
            first_line: dict[str, int] = {}
            columns = 1 + len(choices)
            for number, (word, *cells) in self.numbered_rows(name, columns):
                if word in found:
                    raise self.error(name, number, f"{word!r} is listed twice (first on line {first_line[word]})")
                for (facet, allowed), value in zip(choices.items(), cells):
                    if value not in allowed:
                        raise self.error(name, number, f"{facet} {value!r} is not one of {', '.join(sorted(allowed))}")
                found[word] = dict(zip(choices, cells))
                first_line[word] = number
            return found

        return self.build(("facets", name, tuple((f, tuple(sorted(a))) for f, a in choices.items())), parse)

    def records(self, name: str) -> tuple[dict, ...]:
        """The objects of a JSONL file (one per line)."""

        def parse() -> tuple[dict, ...]:
            found = []
            for number, line in self.numbered_lines(name):
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    raise self.error(name, number, f"not JSON ({err.msg})") from None
                if not isinstance(record, dict):
                    raise self.error(name, number, "expected a JSON object")
                found.append(record)
            return tuple(found)

        return self.build(("records", name), parse)

    def build(self, key: Any, make: Callable[[], T]) -> T:
        """make(), once for these rules: the value is kept under key."""
        try:
            return self.built[key]
        except KeyError:
            value = self.built[key] = make()
            return value

    @contextmanager
    def active(self) -> Iterator[RuleData]:
        """Make these the rules that current() and @from_rules functions read, inside the block."""
        token = _ACTIVE.set(self)
        try:
            yield self
        finally:
            _ACTIVE.reset(token)


def having(table: dict[str, dict[str, str]], **wanted: str) -> frozenset[str]:
    """The words of a facets() table whose facets have the wanted values (all words without any)."""
    facets = next(iter(table.values()), {})
    unknown = set(wanted) - set(facets)
    if table and unknown:
        raise KeyError(f"no facet {sorted(unknown)} (facets: {', '.join(facets)})")
    return frozenset(word for word, values in table.items() if all(values[f] == v for f, v in wanted.items()))


_ACTIVE: ContextVar[RuleData] = ContextVar("extractor_rules")


def current() -> RuleData:
    """The rules of the component that is running."""
    try:
        return _ACTIVE.get()
    except LookupError:
        raise RuntimeError("no component's rules are active: call this inside `with rules.active():`") from None


def from_rules(make: Callable[..., T] | None = None, *, maxsize: int | None = None):
    """Decorate a function that builds a value from the active rules: the value is built once per
    RuleData and argument tuple, and kept there. With maxsize, a function of text (called with
    ever new arguments) keeps at most that many recent results per RuleData instead.

        @from_rules
        def honorifics() -> frozenset[str]: ...

        @from_rules(maxsize=8192)
        def tense_at(text: str, start: int) -> str: ...
    """
    if make is None:
        return lambda function: from_rules(function, maxsize=maxsize)
    if maxsize is not None:
        @wraps(make)
        def recent(*args):
            try:
                built = _ACTIVE.get().built  # not current(): these run per word, the call costs
            except LookupError:
                built = current().built
            cache = built.get(make)
            if cache is None:
                cache = built[make] = lru_cache(maxsize=maxsize)(make)
            return cache(*args)

        return recent

    if not inspect.signature(make).parameters:
        @wraps(make)
        def constant():
            # most of these are word lists asked for per word: the shortest path, no argument tuples
            try:
                return _ACTIVE.get().built[make]
            except LookupError:  # KeyError (not built yet) or no rules active (current() says so)
                built = current().built
                if make not in built:
                    built[make] = make()
                return built[make]

        return constant

    @wraps(make)
    def value(*args, **kwargs):
        try:
            built = _ACTIVE.get().built
        except LookupError:
            built = current().built
        key = (make, args, tuple(sorted(kwargs.items()))) if kwargs else (make, args) if args else make
        try:
            return built[key]
        except KeyError:
            result = built[key] = make(*args, **kwargs)
            return result

    return value
