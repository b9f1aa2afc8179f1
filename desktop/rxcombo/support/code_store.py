"""What the start-up code caches share: a file of entries kept between runs and versions.

Each cache (:mod:`~rxcombo.support.dataclass_code`, :mod:`~rxcombo.support.regex_code`)
keeps what one Python made from a text (a compiled method, a compiled pattern) under that
text, in a :mod:`~rxcombo.support.marshal_file`. The file also holds the interpreter's
bytecode magic number and optimisation level: one from another Python's bytecode reads as
empty (an entry that depends on more, as a pattern's program does, says so itself).
An entry the cache's own check rejects is left out. A run that learnt something writes
back what it used with what the file held (the window and a command such as ``rxcombo
favorites`` need different entries: neither should make the other's again). The file
also names the version of RxCombo that wrote it: the first save by another version keeps
only what its run used, so entries that no longer serve do not pile up.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from rxcombo import __version__
from rxcombo.support import marshal_file

_FLAVOUR_KEY = "python"  # the file's interpreter: its entries only serve that one
_VERSION_KEY = "rxcombo"  # the version that wrote it: another's entries go at the next save
_ENTRIES_KEY = "code"

Key = TypeVar("Key")
Value = TypeVar("Value")


def flavour() -> bytes:
    """The running interpreter, as the file records it."""
    return importlib.util.MAGIC_NUMBER + bytes([sys.flags.optimize])


class CodeStore(Generic[Key, Value]):
    """The entries read from one cache file (``cached``), and those this run used."""

    def __init__(self, path: Path, accept: Callable[[object, object], bool]) -> None:
        self.path = path
        self.cached: dict[Key, Value] = {}
        self.used: dict[Key, Value] = {}
        self._unsaved = False
        loaded = marshal_file.read_dict(path)
        entries = loaded.get(_ENTRIES_KEY)
        if loaded.get(_FLAVOUR_KEY) == flavour() and isinstance(entries, dict):
            self.cached = {key: value for key, value in entries.items() if accept(key, value)}
        # What the file keeps besides this run's own (all of it, but another version's).
        self._kept = dict(self.cached) if loaded.get(_VERSION_KEY) == __version__ else {}

    def find(self, key: Key) -> Value | None:
        """The entry for ``key`` (marked as used), or None."""
        found = self.used.get(key)
        if found is None:
            found = self.cached.get(key)
            if found is not None:
                self.used[key] = found
        return found

    def forget(self, key: Key) -> None:
        """Drop the entry for ``key``: it was found unusable (not kept at the next save)."""
        self.used.pop(key, None)
        self.cached.pop(key, None)
        if self._kept.pop(key, None) is not None:
            self._unsaved = True  # the next save writes the file without it

    def learn(self, key: Key, value: Value) -> None:
        """Keep ``value`` for ``key``: made this run, saved at the next :meth:`save`."""
        self.used[key] = value
        self._unsaved = True

    def save(self) -> None:
        """Write what this run used with what the file held, if anything was learnt since
        the last save (another version's entries go: see the module's docstring)."""
        if not self._unsaved:
            return
        self._unsaved = False
        self._kept.update(self.used)
        payload: dict[str, object] = {
            _FLAVOUR_KEY: flavour(),
            _VERSION_KEY: __version__,
            _ENTRIES_KEY: dict(self._kept),
        }
        marshal_file.write_dict(self.path, payload)
