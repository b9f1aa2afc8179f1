"""A fingerprint of functions' code: whether the standard library code a speed-up mirrors
is the very code it was written and tested against.

RxCombo's start makes Qt's enums and compiles regular expressions faster than Python 3.11
does by doing what some of ``enum``'s and ``re``'s functions do (:mod:`rxcombo.app.qt_enums`,
:mod:`rxcombo.support.regex_code`). Those functions change between bug-fix releases (3.11.2's
``enum`` has no ``_singles_mask_``, 3.11.7's has): a speed-up is only switched on when the
functions it mirrors have the fingerprint of a release it was checked on, and stock Python
runs otherwise. Running with ``-OO`` (no docstrings among the constants) changes the
fingerprints too, and the speed-ups are simply off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import CodeType
from typing import Any

from rxcombo.support.digests import sha256


def _parts(code: CodeType) -> Iterator[bytes]:
    yield code.co_code
    yield code.co_exceptiontable  # where each try block's handler is
    yield repr((code.co_names, code.co_varnames, code.co_flags)).encode()
    yield repr((code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)).encode()
    for constant in code.co_consts:
        if isinstance(constant, CodeType):  # a nested function: its own code, not its address
            yield from _parts(constant)
        elif isinstance(constant, frozenset):  # `in {...}`: its order changes with the hash seed
            yield repr(sorted(repr(item) for item in constant)).encode()
        else:
            yield repr(constant).encode()


def fingerprint(*functions: Callable[..., Any]) -> str:
    """The first 16 hex digits of a SHA-256 over the functions' bytecode, exception table,
    names, flags, argument counts, constants and default values."""
    digest = sha256()
    for function in functions:
        code = getattr(function, "__code__", None)
        if not isinstance(code, CodeType):
            return ""  # not Python code any more: nothing to compare
        for part in _parts(code):
            digest.update(part + b"\0")
        defaults = (getattr(function, "__defaults__", None), getattr(function, "__kwdefaults__", None))
        digest.update(repr(defaults).encode() + b"\0")
    return str(digest.hexdigest())[:16]
