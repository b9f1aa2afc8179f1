"""The installed commands' entry points: ``rxcombo``, ``rxcombo-gui``, ``python -m rxcombo``
and the frozen app. The dataclass code cache is installed before the command line's
modules define their dataclasses (see :mod:`rxcombo.support.dataclass_code`)."""

from __future__ import annotations

from collections.abc import Sequence

from rxcombo.support import dataclass_code


def main(argv: Sequence[str] | None = None) -> int:
    dataclass_code.install()
    from rxcombo.cli import main as run  # after the cache, on purpose

    try:
        return run(argv)
    finally:
        dataclass_code.save()


def main_gui() -> int:
    return main()
