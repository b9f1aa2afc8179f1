"""Shared fixtures: no test touches the real home, Qt runs offscreen, the corpus is optional."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rxcombo.app import qt_enums

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The window's Qt enums are made as the app makes them (rxcombo.app.qt_enums), so every
# GUI test runs on them: pytest-qt imports PySide6 later, when pytest configures it.
qt_enums.install()

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "data"
SHARED_DIR = ROOT.parent / "shared"
CORPUS_DIR = SHARED_DIR / "corpus"


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Path]:
    """platformdirs resolves under these on Linux; the real home is never read or written."""
    base = tmp_path_factory.mktemp("home")
    dirs = {
        "XDG_DATA_HOME": base / "data",
        "XDG_CONFIG_HOME": base / "config",
        "XDG_CACHE_HOME": base / "cache",
        "XDG_STATE_HOME": base / "state",
        "XDG_RUNTIME_DIR": base / "runtime",
    }
    for name, path in dirs.items():
        monkeypatch.setenv(name, str(path))
    dirs["XDG_RUNTIME_DIR"].mkdir(mode=0o700)
    monkeypatch.setenv("HOME", str(base / "home"))
    return dirs


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not (CORPUS_DIR / "composition").is_dir():
        pytest.skip(f"shared corpus not present at {CORPUS_DIR}")
    return CORPUS_DIR


@pytest.fixture
def xvfb():
    """The display of a private X server for this test (skipped without Xvfb and xdotool)."""
    from helpers.x11 import Xvfb, have_x11_tools

    if not have_x11_tools():
        pytest.skip("needs Xvfb and xdotool (apt-get install xvfb xdotool)")
    server = Xvfb()
    yield server.display
    server.stop()
