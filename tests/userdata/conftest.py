"""The user's data and config folders for the userdata tests, under the test's own home."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest


@pytest.fixture
def user_dirs(isolated_user_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """``(data_home, config_home)``: where platformdirs puts RxCombo's folders; not created."""
    data_home = isolated_user_dirs["XDG_DATA_HOME"]
    config_home = isolated_user_dirs["XDG_CONFIG_HOME"]
    if not sys.platform.startswith("linux"):
        # XDG variables only steer platformdirs on Linux; elsewhere redirect it directly.
        monkeypatch.setattr(platformdirs, "user_data_dir", lambda app, **_: str(data_home / app))
        monkeypatch.setattr(platformdirs, "user_config_dir", lambda app, **_: str(config_home / app))
    return data_home, config_home


@pytest.fixture
def fav_path(tmp_path: Path) -> Path:
    return tmp_path / "userdata" / "favorites.json"
