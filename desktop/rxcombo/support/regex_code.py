"""Regular expressions compiled once, kept between starts as a ``.pyc`` keeps a module's code.

Python's ``re`` compiles a pattern in Python code: it parses the text, then turns the parse
into the matcher's program (a list of integers) and hands that to ``_sre.compile``. Its
cache lives only as long as the process. A window's start compiles about 50 patterns
(PySide6's signature parser, ``string``, ``json``, ``tokenize``, Markdown's and RxCombo's
own), 20 to 30 ms before the first paint; the same program read back costs microseconds.

:func:`install` puts :meth:`RegexCode.compile` in place of ``re._compiler.compile``, the
step ``re`` calls on a miss of its own cache: it looks the pattern and flags up in the
cache file and gives ``_sre.compile`` what Python 3.11's ``re._compiler.compile`` would
(the pattern, the flags with those set inline, the program, the group count and names).
On a miss it computes them the same way and keeps them, if the pattern was compiled
while a module was being imported: a module's own patterns, the same at every start. A
pattern made at run time, such as the full-text search's from the words a user typed, is
compiled by ``re`` as before and never written down. Patterns are equal when their
flags and programs are (``Pattern.__eq__``): a test compares every pattern the window
compiles made both ways. Entries are kept as :mod:`~rxcombo.support.code_store` keeps
them, each with the ``re`` engine's magic number; ``_sre`` checks a program before using
it, and one it rejects is compiled again. Any Python but 3.11 keeps its own compiler.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

from rxcombo.dirs import cache_dir
from rxcombo.support.code_store import CodeStore

CACHE_NAME = "regex-code.marshal"
_sre: Any = re._compiler._sre  # type: ignore[attr-defined]  # re's engine, handed the program
_stock_compile = re._compiler.compile  # type: ignore[attr-defined]
_parse = re._parser.parse  # type: ignore[attr-defined]
_program = re._compiler._code  # type: ignore[attr-defined]
_ENGINE = re._constants.MAGIC  # type: ignore[attr-defined]
# Every module import runs through this function of importlib's, whatever the loader.
_LOADING: CodeType = importlib._bootstrap._load_unlocked.__code__  # type: ignore[attr-defined]
Key = tuple[str | bytes, int]
# What _sre.compile takes after the pattern: flags, program, groups - 1, names, names by
# index; then the engine's magic number the program was made for.
Parts = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...], int]


def _is_entry(key: object, value: object) -> bool:
    return (
        type(key) is tuple and len(key) == 2 and type(key[0]) in (str, bytes) and type(key[1]) is int
        and type(value) is tuple and len(value) == 6 and value[5] == _ENGINE
        and type(value[0]) is int and type(value[1]) is list  # _sre checks the program itself
        and type(value[2]) is int and type(value[3]) is dict and type(value[4]) is tuple
    )  # fmt: skip


def _parts(pattern: str | bytes, flags: int) -> Parts:
    """What Python 3.11's ``re._compiler.compile`` gives ``_sre.compile`` for ``pattern``."""
    parsed = _parse(pattern, flags)
    groupindex: dict[str, int] = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = [int(op) for op in _program(parsed, flags)]  # opcodes are int subclasses: marshal needs ints
    return (
        flags | parsed.state.flags,
        program,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
        _ENGINE,
    )


def importing() -> bool:
    """Whether a module is being imported somewhere up the calling stack."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is _LOADING:
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


class RegexCode(CodeStore[Key, Parts]):
    """The compiled patterns read from one cache file, and those compiled since."""

    def __init__(self, path: Path, keeps: Callable[[], bool] = importing) -> None:
        super().__init__(path, _is_entry)
        self.keeps = keeps  # asked on a miss: whether this pattern is one to keep
        self.compiled = 0  # compiled this run and kept (not found in the cache)

    def compile(self, pattern: Any, flags: Any = 0) -> Any:
        """``re._compiler.compile``: the same pattern object, the compiling done once."""
        if type(pattern) not in (str, bytes) or type(flags) is not int or flags & re.DEBUG:
            return _stock_compile(pattern, flags)  # compiled patterns, debug output: re's own way
        key = (pattern, flags)
        parts = self.find(key)
        if parts is not None:
            try:
                return _sre.compile(pattern, parts[0], parts[1], parts[2], dict(parts[3]), parts[4])
            except (RuntimeError, TypeError, ValueError, OverflowError):  # a program _sre rejects
                pass
        if not self.keeps():
            return _stock_compile(pattern, flags)
        parts = _parts(pattern, flags)
        self.compiled += 1
        self.learn(key, parts)
        return _sre.compile(pattern, parts[0], parts[1], parts[2], dict(parts[3]), parts[4])


_installed: RegexCode | None = None


def install(path: Path | None = None) -> RegexCode | None:
    """Serve ``re``'s compiles from the cache from now on (once per process, Python 3.11
    only: its ``re`` internals are what this follows)."""
    global _installed
    if _installed is None and sys.version_info[:2] == (3, 11):
        _installed = RegexCode(path if path is not None else cache_dir() / CACHE_NAME)
        re._compiler.compile = _installed.compile  # type: ignore[attr-defined]
    return _installed


def save() -> None:
    """Keep what this run compiled for the next one (no-op if not installed)."""
    if _installed is not None:
        _installed.save()
