"""Where the bundled pages and resources live.

Three layouts are supported: a source checkout (``desktop/rxcombo`` beside the top-level
``data/`` and ``resources/``), an installed wheel (both copied into ``rxcombo/_bundled/``)
and a PyInstaller bundle (``sys._MEIPASS`` holding ``data/`` and ``resources/``).
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / name)
    found.append(_PACKAGE_DIR / "_bundled" / name)
    found.append(_PACKAGE_DIR.parent.parent / name)
    return found


def _locate(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _candidates(name))
    raise FileNotFoundError(f"bundled folder {name!r} not found (looked in {tried})")


def bundled_content_dir() -> Path:
    """The folder of pages shipped with the app."""
    return _locate("data")


def resources_dir() -> Path:
    """The folder of icons, the disclaimer text and desktop integration files."""
    return _locate("resources")
