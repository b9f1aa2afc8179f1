"""The file mechanics under the stores: where the files go, atomic replacement, JsonFile."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from rxcombo.dirs import config_dir, data_dir, favorites_path, settings_path
from rxcombo.support.atomic import atomic_write_text, remove_leftover_temp_files
from rxcombo.userdata import FileLockError, JsonFile, jsonfile, messages
from rxcombo.userdata.jsonfile import FileState


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


# -- JsonFile: classified reads, the lock, the written text ------------------------------


def json_file(path: Path) -> JsonFile:
    return JsonFile(path, format_name="rxcombo-test", version=2)


def test_read_of_a_missing_file_or_folder_is_missing(tmp_path):
    assert json_file(tmp_path / "absent.json").read().state is FileState.MISSING
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    assert json_file(blocker / "f.json").read().state is FileState.MISSING


def test_read_accepts_a_byte_order_mark_and_older_versions(tmp_path):
    path = tmp_path / "f.json"
    path.write_bytes(b'\xef\xbb\xbf{"format": "rxcombo-test", "version": 1, "x": "\xc3\x84"}')
    result = json_file(path).read()
    assert result.state is FileState.OK
    assert result.version == 1
    assert result.document == {"format": "rxcombo-test", "version": 1, "x": "Ä"}


def test_read_of_a_newer_version_keeps_the_document(tmp_path):
    path = tmp_path / "f.json"
    path.write_text('{"format": "rxcombo-test", "version": 3, "new": true}', encoding="utf-8")
    result = json_file(path).read()
    assert result.state is FileState.NEWER
    assert result.version == 3
    assert result.document is not None
    assert result.document["new"] is True


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"  \n", "it is empty"),
        (b"\xff", "it is not text (undecodable byte at offset 0)"),
        (b"{", "invalid JSON at line 1, column 2: Expecting property name enclosed in double quotes"),
        (b"[]", "expected a JSON object at the top, found a list"),
        (b'{"format": "other", "version": 1}', '"format" is "other", expected "rxcombo-test"'),
        (b'{"format": "rxcombo-test", "version": true}', '"version" is true, expected a whole number'),
    ],
)
def test_read_says_what_is_wrong_with_a_damaged_file(tmp_path, content, problem):
    path = tmp_path / "f.json"
    path.write_bytes(content)
    result = json_file(path).read()
    assert result.state is FileState.DAMAGED
    assert result.problem == problem
    assert result.document is None


def test_write_is_readable_utf8_with_a_final_newline(tmp_path):
    file = json_file(tmp_path / "f.json")
    file.write({"format": "rxcombo-test", "version": 2, "title": "Ärzte"})
    text = file.path.read_text(encoding="utf-8")
    assert "Ärzte" in text
    assert text.endswith("}\n")
    assert text.startswith('{\n  "format"')
    assert file.read().state is FileState.OK


def test_the_lock_is_beside_the_file_and_refuses_a_second_holder(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonfile, "LOCK_WAIT_MS", 50)
    file = json_file(tmp_path / "f.json")
    assert file.lock_path == tmp_path / "f.json.lock"
    with file.locked():
        assert file.lock_path.exists()
        other = QLockFile(str(file.lock_path))
        assert not other.tryLock(0)
        with pytest.raises(FileLockError) as caught, json_file(tmp_path / "f.json").locked():
            pass
        assert caught.value.errno == errno.EAGAIN
        assert caught.value.strerror == messages.LOCK_BUSY
    assert not file.lock_path.exists()
