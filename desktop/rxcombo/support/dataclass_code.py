"""Dataclasses' generated methods compiled once, kept between starts as a ``.pyc`` keeps a module's.

Python 3.11 (Debian 12's) builds each method a dataclass gets (``__init__``, ``__repr__``,
``__eq__``, a frozen class's ``__setattr__``...) by compiling its source text with
``exec``: six compiles for a frozen dataclass, about 1 ms a class on this project's
machine, 25 ms for the 30 classes a window defines before its first paint. Python 3.13
compiles a class's methods in one go; no library offers this cache.

:func:`install` gives the ``dataclasses`` module an ``exec`` of its own (a module global,
which the builtin's name resolves to first) that looks the text up in the cache before
compiling it as ``exec`` would: under the name ``<string>``, with no ``__future__`` flags
(``dataclasses`` has none to pass on). The cache is keyed by the text itself; the file
also holds the interpreter's bytecode magic number and optimisation level, and one from
another Python reads as empty. A run that compiled something writes back what it used with
what the file held (the window and a command such as ``rxcombo favorites`` define different
classes: neither should compile the other's again). The file also names the version of
RxCombo that wrote it: the first save by another version keeps only what its run used, so
entries for classes that no longer exist do not pile up. A damaged file is compiled over.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from rxcombo import __version__
from rxcombo.dirs import cache_dir
from rxcombo.support import marshal_file

CACHE_NAME = "dataclass-code.marshal"
_FLAVOUR_KEY = "python"  # the file's interpreter: a code object only runs on its own
_VERSION_KEY = "rxcombo"  # the version that wrote it: another's entries go at the next save
_CODE_KEY = "code"


def _flavour() -> bytes:
    return importlib.util.MAGIC_NUMBER + bytes([sys.flags.optimize])


class DataclassCode:
    """The compiled methods read from one cache file, and those compiled since."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.cached: dict[str, CodeType] = {}
        self.used: dict[str, CodeType] = {}
        self.compiled = 0  # compiled this run (not found in the cache)
        self._unsaved = False
        loaded = marshal_file.read_dict(path)
        code = loaded.get(_CODE_KEY)
        if loaded.get(_FLAVOUR_KEY) == _flavour() and isinstance(code, dict):
            self.cached = marshal_file.code_objects(code)
        # What the file keeps besides this run's own (all of it, but another version's).
        self._kept = dict(self.cached) if loaded.get(_VERSION_KEY) == __version__ else {}

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        """``exec`` for ``dataclasses``: the same result, the compiling done once."""
        if not isinstance(source, str):
            exec(source, globals, locals)  # what dataclasses asked for, unchanged
            return
        code = self.used.get(source) or self.cached.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.compiled += 1
            self._unsaved = True
        self.used[source] = code
        exec(code, globals, locals)

    def save(self) -> None:
        """Write what this run used with what the file held, if anything was compiled since
        the last save (another version's entries go: see the module's docstring)."""
        if not self._unsaved:
            return
        self._unsaved = False
        self._kept.update(self.used)
        payload: dict[str, object] = {
            _FLAVOUR_KEY: _flavour(),
            _VERSION_KEY: __version__,
            _CODE_KEY: dict(self._kept),
        }
        marshal_file.write_dict(self.path, payload)


_installed: DataclassCode | None = None


def install(path: Path | None = None) -> DataclassCode:
    """Serve ``dataclasses``' compiles from the cache from now on (once per process)."""
    global _installed
    if _installed is None:
        _installed = DataclassCode(path if path is not None else cache_dir() / CACHE_NAME)
        dataclasses.exec = _installed.exec  # type: ignore[attr-defined]
    return _installed


def save() -> None:
    """Keep what this run compiled for the next one (no-op if not installed)."""
    if _installed is not None:
        _installed.save()
