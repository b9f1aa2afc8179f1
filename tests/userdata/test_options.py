"""The table of settings: defaults, kinds, bad values in the file, keys kept for others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rxcombo.userdata import SettingsStore
from rxcombo.userdata.options import BYTES, TEXT, Option, SettingOptions

OPTIONS = SettingOptions.options()
# A value of the wrong kind for each kind of option: what a hand edit or another version
# might leave in the file.
WRONG = {
    "text": [5, 1.5, True, ["x"], {"a": 1}],
    "bytes": [5, "not base64 !!", ["AA=="], {}],
    "sources": [5, "x", {"a": 1}, [], [5], [{"name": 5, "folder": "/x"}], [{"name": "A"}]],
    "int": ["100", 1.5, True, [1], {}],
    "bool": [1, 0, "true", None.__class__.__name__, [True]],
    "text-list": ["a", 5, [1, "a"], {"a": 1}],
}


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "config" / "settings.json"


def write_settings(path: Path, values: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"format": "rxcombo-settings", "version": 1, "settings": values}
    path.write_text(json.dumps(doc), encoding="utf-8")


def loaded(path: Path) -> SettingsStore:
    store = SettingsStore(path)
    report = store.load()
    assert report.message is None, report.message
    return store


def test_the_table_holds_every_setting_the_app_uses():
    assert [option.key for option in OPTIONS] == [
        "content_dir",
        "sources",
        "window_geometry",
        "splitter_state",
        "last_page_id",
        "list_view",
        "disclaimer_sha256",
        "last_tab",
        "last_query",
        "zoom",
        "theme",
        "keep_history",
        "history",
        "compare_page_id",
        "favorites_sort",
    ]
    # A store inherits the table: asking the store gives the same options.
    assert SettingsStore.options() == OPTIONS
    for option in OPTIONS:
        assert getattr(SettingsStore, option.key) is option


def test_keys_are_unique():
    keys = [option.key for option in OPTIONS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("option", OPTIONS, ids=lambda o: o.key)
def test_each_option_reads_its_default_when_the_file_has_none(path, option):
    store = loaded(path)
    assert getattr(store, option.key) == option.default


@pytest.mark.parametrize("option", OPTIONS, ids=lambda o: o.key)
def test_a_wrong_typed_value_falls_back_to_the_default(path, option):
    for wrong in WRONG[option.kind.name]:
        write_settings(path, {option.key: wrong})
        store = loaded(path)
        assert getattr(store, option.key) == option.default, wrong
        # Reading a bad value neither rewrites nor forgets it.
        assert not store.dirty
        assert store.get(option.key) == wrong


def test_a_wrong_typed_value_is_replaced_once_the_setting_is_set(path):
    write_settings(path, {"content_dir": 5})
    store = loaded(path)
    store.content_dir = "/pages"
    assert store.save()
    assert loaded(path).content_dir == "/pages"


def test_an_unknown_key_in_the_file_is_kept_on_save(path):
    write_settings(path, {"zoom_percent": 125, "future": {"nested": [1, 2]}})
    store = loaded(path)
    store.list_view = "favorites"
    assert store.save()
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["settings"] == {"future": {"nested": [1, 2]}, "list_view": "favorites", "zoom_percent": 125}


def test_bytes_are_base64_text_in_the_file(path):
    store = loaded(path)
    store.splitter_state = b"\x00\xff\x10"
    assert store.save()
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["settings"]["splitter_state"] == "AP8Q"
    assert loaded(path).splitter_state == b"\x00\xff\x10"


def test_an_empty_list_view_reads_as_the_default(path):
    write_settings(path, {"list_view": ""})
    assert loaded(path).list_view == "all"


def test_assigning_none_removes_the_key_and_restores_the_default(path):
    store = loaded(path)
    store.list_view = "favorites"
    store.window_geometry = b"geom"
    assert store.keys() == ["list_view", "window_geometry"]
    store.list_view = None
    store.window_geometry = None
    assert store.keys() == []
    assert store.list_view == "all"
    assert store.window_geometry is None


def test_assigning_the_same_value_changes_nothing(path):
    write_settings(path, {"last_page_id": "aspirin"})
    store = loaded(path)
    store.last_page_id = "aspirin"
    assert not store.dirty


def test_a_new_setting_is_one_line():
    class WithFont(SettingsStore):
        font = Option("font", "serif", TEXT)

    store = WithFont(Path("unused.json"))
    assert store.font == "serif"
    store.font = "sans"
    assert store.get("font") == "sans"
    assert store.dirty
    assert [o.key for o in WithFont.options()] == [*(o.key for o in OPTIONS), "font"]


def test_numbers_flags_and_lists_keep_their_kind_and_range(path):
    write_settings(path, {"zoom": 400, "theme": "neon", "keep_history": False, "history": ["a", "b"]})
    store = loaded(path)
    assert store.zoom == 100 and store.theme == "system"  # out of range, unknown: defaults
    assert store.keep_history is False and store.history == ["a", "b"]


def test_option_kinds_decode_only_their_own_values():
    assert TEXT.decode("x") == "x"
    assert TEXT.decode(1) is None
    assert BYTES.decode(BYTES.encode(b"\x01\x02")) == b"\x01\x02"
    assert BYTES.decode("") == b""
    assert BYTES.decode("%%%") is None
    assert repr(SettingOptions.list_view) == "Option('list_view', 'all', text)"
