"""Settings: typed values, defaults, two windows, damage and failed saves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rxcombo.userdata import SettingsStore


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "config" / "settings.json"


def loaded(path: Path) -> SettingsStore:
    store = SettingsStore(path)
    report = store.load()
    assert report.message is None, report.message
    return store


def test_defaults_when_no_file(path):
    store = loaded(path)
    assert store.content_dir is None
    assert store.window_geometry is None
    assert store.splitter_state is None
    assert store.last_page_id is None
    assert store.list_view == "all"
    assert store.disclaimer_sha256 is None
    assert not store.dirty


def test_typed_values_round_trip(path):
    store = loaded(path)
    geometry = bytes(range(256))
    store.content_dir = "/home/u/Ärzte pages"
    store.window_geometry = geometry
    store.splitter_state = b"\x00\xff"
    store.last_page_id = "aspirin+warfarin"
    store.list_view = "favorites"
    assert store.save()
    again = loaded(path)
    assert again.content_dir == "/home/u/Ärzte pages"
    assert again.window_geometry == geometry
    assert again.splitter_state == b"\x00\xff"
    assert again.last_page_id == "aspirin+warfarin"
    assert again.list_view == "favorites"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "rxcombo-settings"
    assert doc["version"] == 1


def test_clearing_a_value_removes_it_from_the_file(path):
    store = loaded(path)
    store.last_page_id = "aspirin"
    assert store.save()
    store.last_page_id = None
    assert store.save()
    assert loaded(path).last_page_id is None


def test_values_of_the_wrong_type_read_as_unset(path):
    path.parent.mkdir(parents=True)
    path.write_text(
        json.dumps(
            {
                "format": "rxcombo-settings",
                "version": 1,
                "settings": {
                    "content_dir": 5,
                    "window_geometry": "not base64 !!",
                    "list_view": ["x"],
                    "future_key": {"kept": True},
                },
            }
        ),
        encoding="utf-8",
    )
    store = loaded(path)
    assert store.content_dir is None
    assert store.window_geometry is None
    assert store.list_view == "all"
    store.last_page_id = "a"
    assert store.save()
    # Keys this version does not know are kept for the version that wrote them.
    assert loaded(path).get("future_key") == {"kept": True}


def test_non_json_value_is_rejected_at_once(path):
    store = loaded(path)
    with pytest.raises(TypeError):
        store.set("geometry", b"raw bytes")
    assert not store.dirty


def test_two_windows_changing_different_settings_keep_both(path):
    first = loaded(path)
    second = loaded(path)
    first.content_dir = "/pages"
    second.window_geometry = b"geom"
    assert first.save()
    assert second.save()
    final = loaded(path)
    assert final.content_dir == "/pages"
    assert final.window_geometry == b"geom"
    # A window that saved earlier must not undo a later change it merely read back.
    first.list_view = "favorites"
    assert first.save()
    assert loaded(path).window_geometry == b"geom"


def test_damaged_settings_are_moved_aside(path):
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"format": "rxcombo-settings", "version": 1, "settings": [}')
    store = SettingsStore(path)
    report = store.load()
    assert report.damaged
    assert str(path) in report.message
    assert "line 1" in report.message
    assert report.damaged_moved_to.read_bytes().endswith(b"[}")
    assert store.list_view == "all"


def test_settings_save_failure_keeps_values(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    store = loaded(blocker / "settings.json")
    store.content_dir = "/pages"
    assert store.save() is False
    assert store.dirty
    assert "settings" in store.last_error
    assert store.content_dir == "/pages"
    blocker.unlink()
    assert store.save()
    assert loaded(blocker / "settings.json").content_dir == "/pages"
