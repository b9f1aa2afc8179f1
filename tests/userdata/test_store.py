"""The store policy, seen through the favorites: nothing lost, nothing overwritten.

Nothing is written until needed; damaged and newer files are never overwritten; a failed
save keeps every change and the next save retries.
"""

from __future__ import annotations

import errno
import json
import os

import pytest

from rxcombo.dirs import favorites_path, settings_path
from rxcombo.userdata import FavoritesStore, SettingsStore, is_accepted, jsonfile
from rxcombo.userdata import store as store_policy

from .favorites_helpers import damaged_copies, ids, loaded

# -- nothing written until needed ------------------------------------------------------


def test_quitting_at_the_disclaimer_writes_nothing(user_dirs):
    data_home, config_home = user_dirs
    settings = SettingsStore(settings_path())
    assert settings.load().ok
    assert not is_accepted(settings, "Not medical advice.")
    favorites = FavoritesStore(favorites_path())
    assert favorites.load().ok
    # The app saves on quit; with nothing changed that must still write nothing.
    assert settings.save()
    assert favorites.save()
    assert not data_home.exists()
    assert not config_home.exists()


def test_first_real_save_creates_the_folder(user_dirs):
    store = FavoritesStore(favorites_path())
    store.load()
    store.add("aspirin", "Aspirin")
    assert store.save()
    assert favorites_path().is_file()


# -- damaged files -----------------------------------------------------------------------


def test_invalid_json_is_moved_aside_reported_once_and_never_overwritten(fav_path):
    fav_path.parent.mkdir(parents=True)
    broken = b'{\n  "format": "rxcombo-favorites",\n  "version": 1\n  "favorites": []\n}\n'
    fav_path.write_bytes(broken)
    store = FavoritesStore(fav_path)
    report = store.load()
    assert report.damaged
    assert report.damaged_moved_to is not None
    assert report.damaged_moved_to.read_bytes() == broken
    assert str(fav_path) in report.message
    assert str(report.damaged_moved_to) in report.message
    assert "line 4" in report.message
    assert store.items() == []

    store.add("aspirin", "Aspirin")
    assert store.save()
    assert report.damaged_moved_to.read_bytes() == broken
    assert damaged_copies(fav_path) == [report.damaged_moved_to]

    # Shown once: the next start finds a good file and has nothing to report.
    next_start = FavoritesStore(fav_path)
    assert next_start.load().message is None
    assert ids(next_start) == ["aspirin"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not text"),
        (b"[1, 2, 3]", "list"),
        (b'{"format": "something-else", "version": 1, "favorites": []}', "format"),
        (b'{"version": 1, "favorites": []}', "format"),
        (b'{"format": "rxcombo-favorites", "version": "1", "favorites": []}', "version"),
        (b'{"format": "rxcombo-favorites", "version": 1, "favorites": {}}', "favorites"),
        (b'{"format": "rxcombo-favorites", "version": 1, "favorites": [{"title": "x"}]}', "id"),
        (
            b'{"format": "rxcombo-favorites", "version": 1, "favorites": '
            b'[{"id": "a", "title": "A", "added": "yesterday"}]}',
            "added",
        ),
    ],
)
def test_wrong_shape_is_moved_aside_with_a_reason(fav_path, content, words):
    fav_path.parent.mkdir(parents=True)
    fav_path.write_bytes(content)
    store = FavoritesStore(fav_path)
    report = store.load()
    assert report.damaged
    assert words in report.message
    assert report.damaged_moved_to.read_bytes() == content
    assert not fav_path.exists()
    assert store.items() == []


def test_damaged_file_that_cannot_be_moved_is_left_alone(fav_path, monkeypatch):
    fav_path.parent.mkdir(parents=True)
    fav_path.write_bytes(b"{not json")

    def refuse(path, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(store_policy, "set_aside", refuse)
    store = FavoritesStore(fav_path)
    report = store.load()
    assert report.damaged
    assert report.damaged_moved_to is None
    assert "could not be moved aside" in report.message
    store.add("aspirin", "Aspirin")
    assert store.save() is False
    assert "Permission denied" in store.last_error
    assert fav_path.read_bytes() == b"{not json"
    assert store.dirty

    monkeypatch.undo()
    assert store.save()
    assert ids(loaded(fav_path)) == ["aspirin"]
    assert [p.read_bytes() for p in damaged_copies(fav_path)] == [b"{not json"]


def test_file_damaged_while_running_is_moved_aside_by_save_and_noticed_once(fav_path):
    store = loaded(fav_path)
    store.add("a", "A")
    assert store.save()
    fav_path.write_bytes(b"\x00\x00\x00")
    store.add("b", "B")
    assert store.save()
    notices = store.take_notices()
    assert len(notices) == 1
    assert str(fav_path) in notices[0]
    assert store.take_notices() == []
    assert [p.read_bytes() for p in damaged_copies(fav_path)] == [b"\x00\x00\x00"]
    assert set(ids(loaded(fav_path))) == {"a", "b"}


def test_newer_version_is_shown_but_never_overwritten(fav_path):
    fav_path.parent.mkdir(parents=True)
    newer = {
        "format": "rxcombo-favorites",
        "version": 3,
        "favorites": [{"id": "a", "title": "A", "added": "2030-01-01T00:00:00+00:00"}],
        "folders": ["future feature"],
    }
    fav_path.write_text(json.dumps(newer), encoding="utf-8")
    before = fav_path.read_bytes()
    store = FavoritesStore(fav_path)
    report = store.load()
    assert report.read_only
    assert not report.damaged
    assert "newer version" in report.message
    assert store.read_only
    assert ids(store) == ["a"]
    store.add("b", "B")
    assert store.save() is False
    assert "newer version" in store.last_error
    assert fav_path.read_bytes() == before
    assert damaged_copies(fav_path) == []


def test_newer_version_written_by_another_window_is_not_overwritten(fav_path):
    store = loaded(fav_path)
    store.add("a", "A")
    fav_path.parent.mkdir(parents=True)
    fav_path.write_text(
        json.dumps({"format": "rxcombo-favorites", "version": 7, "something": []}),
        encoding="utf-8",
    )
    before = fav_path.read_bytes()
    assert store.save() is False
    assert store.read_only
    assert fav_path.read_bytes() == before
    assert ids(store) == ["a"]


# -- failed saves ------------------------------------------------------------------------


def test_save_fails_when_folder_cannot_exist_and_retry_succeeds(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file where the data folder should be", encoding="utf-8")
    path = blocker / "RxCombo" / "favorites.json"
    store = FavoritesStore(path)
    assert store.load().ok
    store.add("aspirin", "Aspirin")
    store.add("warfarin", "Warfarin")
    assert store.save() is False
    assert store.dirty
    assert str(path) in store.last_error
    assert "directory" in store.last_error.lower()
    assert ids(store) == ["warfarin", "aspirin"]

    # Still usable while failing, and a second failure keeps everything too.
    store.add("heparin", "Heparin")
    assert store.save() is False

    blocker.unlink()
    assert store.save() is True
    assert store.last_error is None
    assert not store.dirty
    assert ids(loaded(path)) == ["heparin", "warfarin", "aspirin"]


def test_disk_full_keeps_old_file_and_state_until_space_returns(fav_path, monkeypatch):
    store = loaded(fav_path)
    store.add("a", "A")
    assert store.save()
    saved = fav_path.read_bytes()

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    store.add("b", "B")
    store.remove("a")
    assert store.save() is False
    assert "No space left on device" in store.last_error
    assert str(fav_path) in store.last_error
    assert fav_path.read_bytes() == saved
    assert [p.name for p in fav_path.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert ids(store) == ["b"]

    monkeypatch.undo()
    assert store.save()
    assert ids(loaded(fav_path)) == ["b"]


def test_path_that_is_a_directory_is_reported_and_left_alone(fav_path):
    fav_path.mkdir(parents=True)
    (fav_path / "keep.txt").write_text("user's", encoding="utf-8")
    store = FavoritesStore(fav_path)
    report = store.load()
    assert report.unreadable
    assert str(fav_path) in report.message
    store.add("a", "A")
    assert store.save() is False
    assert str(fav_path) in store.last_error
    assert (fav_path / "keep.txt").read_text(encoding="utf-8") == "user's"


def test_lock_held_by_another_window_fails_the_save_without_losing_it(fav_path, monkeypatch):
    from PySide6.QtCore import QLockFile

    monkeypatch.setattr(jsonfile, "LOCK_WAIT_MS", 50)
    store = loaded(fav_path)
    store.add("a", "A")
    fav_path.parent.mkdir(parents=True)
    other = QLockFile(str(fav_path) + ".lock")
    assert other.tryLock(0)
    try:
        assert store.save() is False
        assert "another RxCombo window" in store.last_error
        assert not fav_path.exists()
    finally:
        other.unlock()
    assert store.save()
    assert ids(loaded(fav_path)) == ["a"]


def test_save_cleans_temp_files_left_by_a_killed_writer(fav_path):
    fav_path.parent.mkdir(parents=True)
    leftover = fav_path.parent / ".favorites.json.k1ll3d.tmp"
    leftover.write_text('{"half', encoding="utf-8")
    store = loaded(fav_path)
    store.add("a", "A")
    assert store.save()
    assert not leftover.exists()
