"""A package's names imported when first used (PEP 562), for the packages a start imports.

A package's ``__init__`` that imports every module it re-exports makes each ``from
rxcombo.x import y`` load all of them. With :func:`exports`, the package lists where each
name lives, and the module defining it is imported on first use of the name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def exports(
    package: str, where: dict[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The package's ``__getattr__`` and ``__dir__``: ``where`` maps a name to the
    submodule (relative to ``package``) that defines it; ``namespace`` is the package's
    ``globals()``."""

    def get_attribute(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value  # the next lookup is an ordinary one
        return value

    def list_names() -> list[str]:
        return sorted({*namespace, *where})

    return get_attribute, list_names
