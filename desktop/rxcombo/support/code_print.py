"""A fingerprint of functions' code: whether the standard library code a speed-up mirrors
is the very code it was written and tested against.

RxCombo's start makes Qt's enums and compiles regular expressions faster than Python 3.11
does by doing what some of ``enum``'s and ``re``'s functions do (:mod:`rxcombo.app.qt_enums`,
:mod:`rxcombo.support.regex_code`). Those functions change between bug-fix releases (3.11.2's
``enum`` has no ``_singles_mask_``, 3.11.4's has): a speed-up is only switched on when the
functions it mirrors have the fingerprint of the release it was checked on, and stock Python
runs otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import CodeType
from typing import Any

from rxcombo.support.digests import sha256


def _parts(code: CodeType) -> Iterator[bytes]:
    yield code.co_code
    yield repr(code.co_names).encode()
    for constant in code.co_consts:
        if isinstance(constant, CodeType):  # a nested function: its own code, not its address
            yield from _parts(constant)
        elif isinstance(constant, frozenset):  # `in {...}`: its order changes with the hash seed
            yield repr(sorted(repr(item) for item in constant)).encode()
        else:
            yield repr(constant).encode()


def fingerprint(*functions: Callable[..., Any]) -> str:
    """The first 16 hex digits of a SHA-256 over the functions' bytecode, names and constants."""
    digest = sha256()
    for function in functions:
        code = getattr(function, "__code__", None)
        if not isinstance(code, CodeType):
            return ""  # not Python code any more: nothing to compare
        for part in _parts(code):
            digest.update(part + b"\0")
    return str(digest.hexdigest())[:16]
