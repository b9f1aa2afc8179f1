"""Low-level file safety: where files go, atomic replacement, setting damaged files aside."""

from __future__ import annotations

import errno
import os
import sys
from datetime import datetime
from pathlib import Path

import platformdirs
import pytest

from rxcombo.dirs import config_dir, data_dir, favorites_path, settings_path
from rxcombo.support.atomic import atomic_write_text, remove_leftover_temp_files
from rxcombo.userdata import set_aside


@pytest.fixture
def user_dirs(tmp_path, monkeypatch):
    data_home = tmp_path / "xdg-data"
    config_home = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    if not sys.platform.startswith("linux"):
        # XDG variables only steer platformdirs on Linux; elsewhere redirect it directly.
        monkeypatch.setattr(platformdirs, "user_data_dir", lambda app, **_: str(data_home / app))
        monkeypatch.setattr(
            platformdirs, "user_config_dir", lambda app, **_: str(config_home / app)
        )
    return data_home, config_home


def temp_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_user_folders_follow_platformdirs_and_are_not_created(user_dirs):
    data_home, config_home = user_dirs
    assert data_dir() == data_home / "RxCombo"
    assert config_dir() == config_home / "RxCombo"
    assert favorites_path().parent == data_dir()
    assert settings_path().parent == config_dir()
    # Asking where the folders are must not create them.
    assert not data_home.exists()
    assert not config_home.exists()


def test_atomic_write_replaces_content(tmp_path):
    target = tmp_path / "f.json"
    target.write_text("old", encoding="utf-8")
    atomic_write_text(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert temp_leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_atomic_write_failure_leaves_original_and_no_debris(tmp_path, monkeypatch, failing):
    target = tmp_path / "f.json"
    target.write_text("old", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "fsync":
        monkeypatch.setattr(os, "fsync", boom)
    else:
        monkeypatch.setattr(Path, "replace", boom)
    with pytest.raises(OSError) as caught:
        atomic_write_text(target, "new")
    assert caught.value.errno == errno.ENOSPC
    assert target.read_text(encoding="utf-8") == "old"
    assert temp_leftovers(tmp_path) == []


def test_atomic_write_into_missing_folder_raises(tmp_path):
    with pytest.raises(OSError):
        atomic_write_text(tmp_path / "missing" / "f.json", "x")
    assert list(tmp_path.iterdir()) == []


def test_leftover_temp_files_of_that_file_only_are_removed(tmp_path):
    (tmp_path / ".favorites.json.abc123.tmp").write_text("half", encoding="utf-8")
    (tmp_path / ".settings.json.abc123.tmp").write_text("other file's", encoding="utf-8")
    (tmp_path / "notes.tmp").write_text("user's", encoding="utf-8")
    assert remove_leftover_temp_files(tmp_path / "favorites.json") == 1
    assert temp_leftovers(tmp_path) == [".settings.json.abc123.tmp", "notes.tmp"]


def test_set_aside_renames_with_timestamp_and_keeps_bytes(tmp_path):
    damaged = tmp_path / "favorites.json"
    damaged.write_bytes(b"\x00garbage")
    moved = set_aside(damaged, now=datetime(2024, 5, 6, 7, 8, 9))
    assert moved == tmp_path / "favorites.json.damaged-20240506-070809"
    assert moved.read_bytes() == b"\x00garbage"
    assert not damaged.exists()


def test_set_aside_never_overwrites_an_earlier_damaged_copy(tmp_path):
    when = datetime(2024, 5, 6, 7, 8, 9)
    damaged = tmp_path / "favorites.json"
    damaged.write_text("first", encoding="utf-8")
    first = set_aside(damaged, now=when)
    damaged.write_text("second", encoding="utf-8")
    second = set_aside(damaged, now=when)
    damaged.write_text("third", encoding="utf-8")
    third = set_aside(damaged, now=when)
    assert len({first, second, third}) == 3
    assert second.name.startswith(first.name)
    assert [p.read_text(encoding="utf-8") for p in (first, second, third)] == [
        "first",
        "second",
        "third",
    ]


def test_set_aside_of_missing_file_raises(tmp_path):
    with pytest.raises(OSError):
        set_aside(tmp_path / "absent.json")
