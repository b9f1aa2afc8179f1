"""The installed commands' entry points: ``rxcombo``, ``rxcombo-gui``, ``python -m rxcombo``
and the frozen app. The start-up code caches are installed before the command line's
modules define their dataclasses and compile their patterns (see
:mod:`rxcombo.support.dataclass_code` and :mod:`rxcombo.support.regex_code`)."""

from __future__ import annotations

from collections.abc import Sequence

from rxcombo.support import dataclass_code, regex_code


def main(argv: Sequence[str] | None = None) -> int:
    dataclass_code.install()
    regex_code.install()
    from rxcombo.cli import main as run  # after the cache, on purpose

    try:
        return run(argv)
    finally:
        dataclass_code.save()
        regex_code.save()


def main_gui() -> int:
    return main()
