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
flags and programs are (``Pattern.__eq__``): a test compares every pattern the window's
modules compile as they are imported, made both ways. Entries are kept as
:mod:`~rxcombo.support.code_store` keeps them, each with the Python release and the
``re`` engine's magic number it was made by (a bug-fix release may change the parser).
An entry's names and group count are checked to agree before use, and ``_sre`` checks the
program: one it rejects is compiled again. A Python whose ``re._compiler.compile`` is not
the one this follows (its fingerprint is checked) keeps its own compiler.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rxcombo.dirs import cache_dir
from rxcombo.support.code_print import fingerprint
from rxcombo.support.code_store import CodeStore

CACHE_NAME = "regex-code.marshal"
MAX_GROUPS = 100_000  # far above any real pattern's; a damaged count could ask for gigabytes
Key = tuple[str | bytes, int]
# What _sre.compile takes after the pattern: flags, program, groups - 1, names, names by
# index; then the Python release and re engine the program was made by.
Parts = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...], tuple[int, int]]

# re's internals as Python 3.11 has them, looked up here so that a Python without them
# only goes without the cache (install() checks _FOLLOWED).
_sre: Any = getattr(getattr(re, "_compiler", None), "_sre", None)  # re's engine
_stock_compile: Any = getattr(getattr(re, "_compiler", None), "compile", None)
_parse: Any = getattr(getattr(re, "_parser", None), "parse", None)
_program: Any = getattr(getattr(re, "_compiler", None), "_code", None)
# The parser and compiler are Python code that a bug-fix release may change: the release
# is part of what an entry was made by, with the engine's magic number.
_MADE_BY = (sys.hexversion, getattr(getattr(re, "_constants", None), "MAGIC", 0))
# Module imports run through this function of importlib's, whatever the loader (a reload
# or a lazy loader's module does not: its patterns are only compiled again).
_LOADING: Any = getattr(
    getattr(getattr(importlib, "_bootstrap", None), "_load_unlocked", None), "__code__", None
)
# The fingerprint (rxcombo.support.code_print) of re._compiler.compile, which compile()
# below follows, as Python 3.11.2 and 3.11.7 have it.
_CHECKED = {"1173e94b3e088e0c": "3.11.2, 3.11.7"}
_FOLLOWED = (
    sys.version_info[:2] == (3, 11)
    and None not in (_sre, _stock_compile, _parse, _program, _LOADING)
    and fingerprint(_stock_compile) in _CHECKED
)


def _is_entry(key: object, value: object) -> bool:
    """Whether a read entry has the shape ``_sre.compile`` takes, its names and group count
    agreeing (``_sre`` checks the program itself, not these)."""
    if not (type(key) is tuple and len(key) == 2 and type(key[0]) in (str, bytes) and type(key[1]) is int):
        return False
    if not (type(value) is tuple and len(value) == 6 and value[5] == _MADE_BY):
        return False
    flags, program, groups, groupindex, indexgroup, _ = value
    text = type(key[0]) is str  # a text pattern is Unicode or ASCII, a bytes one never Unicode
    return (
        type(flags) is int and flags & key[1] == key[1] and type(program) is list
        and (bool(flags & re.ASCII) != bool(flags & re.UNICODE) if text else not flags & re.UNICODE)
        and type(groups) is int and 0 <= groups < MAX_GROUPS
        and type(indexgroup) is tuple and len(indexgroup) == groups + 1
        and type(groupindex) is dict
        and all(type(name) is str and type(i) is int and 0 < i <= groups and indexgroup[i] == name
                for name, i in groupindex.items())
        and sum(name is not None for name in indexgroup) == len(groupindex)
    )  # fmt: skip


def importing() -> bool:
    """Whether a module is being imported somewhere up the calling stack."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is _LOADING:
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _made(pattern: str | bytes, parts: Parts) -> Any:
    return _sre.compile(pattern, parts[0], parts[1], parts[2], dict(parts[3]), parts[4])


class RegexCode(CodeStore[Key, Parts]):
    """The compiled patterns read from one cache file, and those compiled since."""

    def __init__(self, path: Path, keeps: Callable[[], bool] = importing) -> None:
        super().__init__(path, _is_entry)
        self.keeps = keeps  # asked on a miss: whether this pattern is one to keep
        self.compiled = 0  # compiled this run and kept (not found in the cache)

    def compile(self, pattern: Any, flags: Any = 0) -> Any:
        """``re._compiler.compile``: the same pattern object, the compiling done once. (A
        pattern read back is not parsed, so warnings its parsing gives, such as ``[[``'s
        FutureWarning, come only when it is compiled.)"""
        if type(pattern) not in (str, bytes) or type(flags) is not int or flags & re.DEBUG:
            return _stock_compile(pattern, flags)  # compiled patterns, debug output: re's own way
        key = (pattern, flags)
        parts = self.find(key)
        if parts is not None:
            try:
                return _made(pattern, parts)
            except (RuntimeError, TypeError, ValueError, OverflowError):  # a program _sre rejects
                self.forget(key)
        # As re._compiler.compile does it, at the same depth (re's warnings name the caller).
        parsed = _parse(pattern, flags)
        groupindex: dict[str, int] = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = [
            int(op) for op in _program(parsed, flags)
        ]  # opcodes are int subclasses: marshal needs ints
        groups = parsed.state.groups - 1
        parts = (flags | parsed.state.flags, program, groups, groupindex, tuple(indexgroup), _MADE_BY)
        made = _made(pattern, parts)
        if self.keeps():  # a module's own pattern, not one made from what a user typed
            self.compiled += 1
            self.learn(key, parts)  # once _sre has taken it
        return made


_installed: RegexCode | None = None


def install(path: Path | None = None) -> RegexCode | None:
    """Serve ``re``'s compiles from the cache from now on (once per process, and only where
    ``re._compiler.compile`` is the code this follows: see _CHECKED)."""
    global _installed
    if _installed is None and _FOLLOWED:
        _installed = RegexCode(path if path is not None else cache_dir() / CACHE_NAME)
        re._compiler.compile = _installed.compile  # type: ignore[attr-defined]
    return _installed


def save() -> None:
    """Keep what this run compiled for the next one (no-op if not installed)."""
    if _installed is not None:
        _installed.save()
