"""The user's content sources in settings: defaults, the old content folder, names, order,
what ``--content`` stands for, and favorites pointing into a source that is off."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers.pages import write_page
from rxcombo import dirs, wording
from rxcombo.library import BUNDLED_NAME, Source, load_sources
from rxcombo.userdata import Favorite, SettingsStore
from rxcombo.userdata.options import SavedSource
from rxcombo.userdata.sources import (
    add_folder,
    command_line_sources,
    favorite_mark,
    remove_source,
    saved_sources,
    store_sources,
    unique_name,
)


@pytest.fixture
def settings(tmp_path: Path) -> SettingsStore:
    store = SettingsStore(tmp_path / "config" / "settings.json")
    assert store.load().message is None
    return store


def reloaded(settings: SettingsStore) -> SettingsStore:
    assert settings.save()
    again = SettingsStore(settings.path)
    assert again.load().message is None
    return again


def test_by_default_the_bundled_pages(settings: SettingsStore) -> None:
    assert saved_sources(settings) == [Source(BUNDLED_NAME, dirs.bundled_content_dir(), bundled=True)]


def test_the_folder_an_earlier_version_opened_becomes_a_second_source(
    settings: SettingsStore, tmp_path: Path
) -> None:
    settings.content_dir = str(tmp_path / "RxHive pages")
    assert [(s.name, s.folder, s.enabled) for s in saved_sources(settings)] == [
        (BUNDLED_NAME, dirs.bundled_content_dir(), True),
        ("RxHive pages", tmp_path / "RxHive pages", True),
    ]
    settings.content_dir = str(dirs.bundled_content_dir())
    assert len(saved_sources(settings)) == 1


def test_sources_are_kept_with_names_order_and_state(settings: SettingsStore, tmp_path: Path) -> None:
    sources, added = add_folder(saved_sources(settings), tmp_path / "pages")
    sources, _ = add_folder(sources, tmp_path / "other" / "pages")  # the same name: numbered
    sources = [sources[2], replace(sources[0], enabled=False), sources[1]]
    store_sources(settings, sources)
    again = reloaded(settings)
    assert [(s.name, s.enabled, s.bundled) for s in saved_sources(again)] == [
        ("pages (2)", True, False),
        (BUNDLED_NAME, False, True),
        ("pages", True, False),
    ]
    assert added.folder == tmp_path / "pages"
    raw = json.loads(settings.path.read_text(encoding="utf-8"))["settings"]["sources"]
    assert raw[1] == {"name": BUNDLED_NAME, "bundled": True, "enabled": False}  # no installation path kept
    assert raw[0] == {"name": "pages (2)", "folder": str(tmp_path / "other" / "pages"), "enabled": True}


def test_a_folder_added_twice_is_enabled_where_it_stands(settings: SettingsStore, tmp_path: Path) -> None:
    sources, _ = add_folder(saved_sources(settings), tmp_path / "pages", name="Mine")
    sources = [sources[0], Source("Mine", tmp_path / "pages", enabled=False)]
    again, found = add_folder(sources, tmp_path / "pages" / ".." / "pages")
    assert found.name == "Mine" and found.enabled and len(again) == 2


def test_removing_keeps_the_bundled_pages_turned_off(settings: SettingsStore, tmp_path: Path) -> None:
    sources, _ = add_folder(saved_sources(settings), tmp_path / "pages")
    assert [s.name for s in remove_source(sources, "pages")] == [BUNDLED_NAME]
    bundled_off = remove_source(sources, BUNDLED_NAME)
    assert [(s.name, s.enabled) for s in bundled_off] == [(BUNDLED_NAME, False), ("pages", True)]


def test_a_saved_list_without_the_bundled_pages_lists_them_off(
    settings: SettingsStore, tmp_path: Path
) -> None:
    settings.sources = [SavedSource("Mine", str(tmp_path))]
    assert [(s.name, s.enabled) for s in saved_sources(settings)] == [("Mine", True), (BUNDLED_NAME, False)]


def test_names_must_be_unique(settings: SettingsStore, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unique"):
        store_sources(settings, [Source("A", tmp_path), Source("A", tmp_path / "x")])
    assert unique_name("A", [Source("A", tmp_path), Source("A (2)", tmp_path)]) == "A (3)"


def test_hand_edited_entries_of_the_wrong_shape_are_left_out(settings: SettingsStore, tmp_path: Path) -> None:
    settings.set(
        "sources",
        [
            {"name": "Good", "folder": str(tmp_path)},
            {"name": "Good", "folder": "/elsewhere"},  # a name twice: the first is kept
            {"name": "No folder"},
            {"name": "", "folder": "/x"},
            {"name": "x" * 1000, "folder": "/x"},
            {"name": "Bad state", "folder": "/x", "enabled": "yes"},
            "just text",
            {"name": "Bundled", "bundled": True, "enabled": False},
            {"name": "Bundled again", "bundled": True},
        ],
    )
    assert [(s.name, s.enabled) for s in saved_sources(settings)] == [("Good", True), ("Bundled", False)]


def test_command_line_folders_take_their_saved_names(settings: SettingsStore, tmp_path: Path) -> None:
    saved, _ = add_folder(saved_sources(settings), tmp_path / "pages", name="My pages")
    saved = [saved[0], Source("My pages", tmp_path / "pages", enabled=False)]
    given = command_line_sources([tmp_path / "pages", tmp_path / "new", dirs.bundled_content_dir()], saved)
    assert [(s.name, s.enabled, s.bundled) for s in given] == [
        ("My pages", True, False),
        ("new", True, False),
        (BUNDLED_NAME, True, True),
    ]


def test_a_favorite_into_a_source_that_is_off_is_marked_and_kept(tmp_path: Path) -> None:
    mine, other = tmp_path / "mine", tmp_path / "other"
    write_page(mine, "t.md", "Testazepam")
    write_page(other, "t.md", "Testazepam")
    favorite = Favorite("testazepam", "Testazepam", datetime.now(UTC), source="Mine")
    both = load_sources([Source("Mine", mine), Source("Other", other)])
    assert favorite_mark(both, favorite) is None
    other_only = load_sources([Source("Mine", mine, enabled=False), Source("Other", other)])
    # The other source's page has the same id, but it is not the page the favorite is of.
    assert favorite_mark(other_only, favorite) == wording.NOT_IN_ANY_ENABLED_SOURCE
    old = Favorite("testazepam", "Testazepam", datetime.now(UTC))  # saved before sources: id only
    assert favorite_mark(other_only, old) is None
