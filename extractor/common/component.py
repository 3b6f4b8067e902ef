"""The base of our spaCy components: rule data they own, and a batch at a time.

Each component owns a RuleData (common/rules.py): its data files, read from the package the
first time they are needed, or restored by from_disk (so a pipeline saved with nlp.to_disk
loads with spacy.load and needs no package data). It runs with those rules active.

Without a `pipe` method, nlp.pipe hands each Doc through every component before taking the
next one, so each component's regular expressions and word lists are pushed out of the CPU's
caches by the others' for every article. Running one component over a whole batch first
keeps them warm: the pipeline measured about a sixth faster, with the same results.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import srsly
from spacy.tokens import Doc
from spacy.util import minibatch

from .rules import DataFile, RuleData


class RuleComponent:
    """A component whose `process(doc)` handles one Doc with the component's rules active."""

    data_files: tuple[DataFile, ...] = ()  # what the component reads; set by each subclass
    _rules: RuleData | None = None

    @property
    def rules(self) -> RuleData:
        """The component's rule data (read from the package on first use unless restored)."""
        if self._rules is None:
            self._rules = RuleData.from_package(self.data_files)
        return self._rules

    def process(self, doc: Doc) -> Doc:
        """Find what the component finds in one Doc (the rules are active)."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        with self.rules.active():
            return self.process(doc)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """The Docs, each processed, a batch at a time (spaCy's nlp.pipe calls this)."""
        rules = self.rules
        for batch in minibatch(docs, batch_size):
            with rules.active():  # not across a yield: the caller must not run with our rules
                done = [self.process(doc) for doc in batch]
            yield from done

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the rule files into folder path (nlp.to_disk calls this)."""
        self.rules.to_disk(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RuleComponent:
        """Restore the rule files saved by to_disk (spacy.load calls this)."""
        self._rules = RuleData.from_disk(path, [file.name for file in self.data_files])
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The rule files as bytes (nlp.to_bytes calls this)."""
        return srsly.msgpack_dumps(self.rules.texts)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> RuleComponent:
        """Restore the rule files from to_bytes."""
        self._rules = RuleData(srsly.msgpack_loads(data))
        return self
