"""The file mechanics under the stores: where the files go, atomic replacement, JsonFile."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from rxcombo.dirs import config_dir, data_dir, favorites_path, settings_path
from rxcombo.support.atomic import atomic_write_text, remove_leftover_temp_files


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
