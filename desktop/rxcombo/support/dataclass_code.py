"""Dataclasses' generated methods compiled once, kept between starts as a ``.pyc`` keeps a module's.

Python 3.11 (Debian 12's) builds each method a dataclass gets (``__init__``, ``__repr__``,
``__eq__``, a frozen class's ``__setattr__``...) by compiling its source text with
``exec``: six compiles for a frozen dataclass, about 1 ms a class on this project's
machine, 25 ms for the 30 classes a window defines before its first paint. Python 3.13
compiles a class's methods in one go; no library offers this cache.

:func:`install` gives the ``dataclasses`` module an ``exec`` of its own (a module global,
which the builtin's name resolves to first) that looks the text up in the cache before
compiling it as ``exec`` would: under the name ``<string>``, with no ``__future__`` flags
(``dataclasses`` has none to pass on). The cache is keyed by the text itself and kept as
:mod:`~rxcombo.support.code_store` keeps its entries.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import CodeType
from typing import Any

from rxcombo.dirs import cache_dir
from rxcombo.support.code_store import CodeStore

CACHE_NAME = "dataclass-code.marshal"


def _is_code_entry(key: object, value: object) -> bool:
    return isinstance(key, str) and isinstance(value, CodeType)


class DataclassCode(CodeStore[str, CodeType]):
    """The compiled methods read from one cache file, and those compiled since."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, _is_code_entry)
        self.compiled = 0  # compiled this run (not found in the cache)

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        """``exec`` for ``dataclasses``: the same result, the compiling done once."""
        if not isinstance(source, str):
            exec(source, globals, locals)  # what dataclasses asked for, unchanged
            return
        code = self.find(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.compiled += 1
            self.learn(source, code)
        exec(code, globals, locals)


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
