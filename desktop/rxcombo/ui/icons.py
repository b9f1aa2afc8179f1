"""SVG icons from ``resources/icons``, rendered sharp at any device pixel ratio."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from rxcombo.dirs import resources_dir


@cache
def icon(name: str) -> QIcon:
    """``icon("star")`` loads ``resources/icons/star.svg``; an empty icon if it is missing."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("rxcombo")
