"""Favorites grown up: a note and a folder each, their source, sorting, version 1 files."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from rxcombo.userdata import FavoriteSort, FavoritesStore
from rxcombo.userdata.favorites_file import MAX_FOLDER, MAX_NOTE

from .favorites_helpers import ids, loaded, write_doc


def test_notes_folders_and_sources_survive_a_reload(fav_path):
    store = loaded(fav_path)
    store.add("testazepam", "Testazepam", source="Bundled pages")
    store.add("fakeprofen", "Fakeprofen")
    assert store.set_note("testazepam", "Ask about the dose.\nSecond line\twith a tab.")
    assert store.set_folder("testazepam", "  Evening   meds ")
    assert store.save()
    again = loaded(fav_path)
    favorite = again.get("testazepam")
    assert favorite is not None
    assert (favorite.note, favorite.folder, favorite.source) == (
        "Ask about the dose.\nSecond line\twith a tab.",
        "Evening meds",
        "Bundled pages",
    )
    assert favorite.changed is not None and favorite.changed > favorite.added
    assert again.get("fakeprofen").note == ""  # type: ignore[union-attr]
    assert again.folders() == ["Evening meds"]
    doc = json.loads(fav_path.read_text(encoding="utf-8"))
    assert doc["version"] == 2
    entry = next(e for e in doc["favorites"] if e["id"] == "testazepam")
    assert set(entry) == {"id", "title", "added", "changed", "source", "folder", "note"}


def test_edits_of_a_non_favorite_or_the_same_value_change_nothing(fav_path):
    store = loaded(fav_path)
    assert not store.set_note("nothing", "x")
    store.add("a", "A")
    assert store.save()
    assert not store.set_note("a", "")
    assert not store.set_folder("a", "   ")
    assert not store.dirty
    with pytest.raises(ValueError, match="note is"):
        store.set_note("a", "x" * (MAX_NOTE + 1))
    with pytest.raises(ValueError, match="folder is"):
        store.set_folder("a", "x" * (MAX_FOLDER + 1))


def test_sorting_by_name_added_and_folder(fav_path):
    store = loaded(fav_path)
    for page_id, title, folder in [
        ("b", "Beta Fakeprofen", "Night"),
        ("a", "alpha Testazepam", ""),
        ("c", "Ceta Mockacillin", "morning"),
        ("d", "Delta Shamoxetine", "Night"),
    ]:
        store.add(page_id, title)
        store.set_folder(page_id, folder)
    assert ids(store) == ["d", "c", "a", "b"]  # newest first
    assert [f.page_id for f in store.items(FavoriteSort.NAME)] == ["a", "b", "c", "d"]
    assert [f.page_id for f in store.items(FavoriteSort.FOLDER)] == ["c", "b", "d", "a"]  # no folder last
    assert store.folders() == ["morning", "Night"]


def test_renaming_a_folder_and_a_source(fav_path):
    store = loaded(fav_path)
    for page_id in ("a", "b", "c"):
        store.add(page_id, page_id.upper(), source="Old name")
    store.set_folder("a", "X")
    store.set_folder("b", "X")
    assert store.rename_folder("X", "Y") == 2
    assert store.folders() == ["Y"]
    assert store.rename_source("Old name", "New name") == 3
    assert {f.source for f in store.items()} == {"New name"}


def test_a_version_1_file_reads_with_no_note_or_folder_and_is_written_as_version_2(fav_path):
    write_doc(fav_path, [{"id": "a", "title": "A", "added": "2024-01-02T03:04:05+00:00"}])
    store = loaded(fav_path)
    favorite = store.get("a")
    assert favorite is not None and (favorite.note, favorite.folder, favorite.source) == ("", "", "")
    assert favorite.changed == favorite.added == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    store.set_note("a", "Now with a note.")
    assert store.save()
    doc = json.loads(fav_path.read_text(encoding="utf-8"))
    assert doc["version"] == 2 and doc["favorites"][0]["note"] == "Now with a note."


def test_a_wrong_typed_note_is_a_damaged_file_set_aside(fav_path):
    write_doc(
        fav_path, [{"id": "a", "title": "A", "added": "2024-01-02T03:04:05+00:00", "note": 5}], version=2
    )
    store = FavoritesStore(fav_path)
    report = store.load()
    assert report.damaged and '"note"' in (report.message or "")


def test_two_windows_editing_different_favorites_keep_both_edits(fav_path):
    seed = loaded(fav_path)
    seed.add("a", "A")
    seed.add("b", "B")
    assert seed.save()
    first, second = loaded(fav_path), loaded(fav_path)
    first.set_note("a", "first window's note")
    second.set_folder("b", "second window's folder")
    assert first.save() and second.save() and first.save()
    final = loaded(fav_path)
    assert final.get("a").note == "first window's note"  # type: ignore[union-attr]
    assert final.get("b").folder == "second window's folder"  # type: ignore[union-attr]


def test_the_later_edit_of_one_favorite_wins_whole(fav_path):
    seed = loaded(fav_path)
    seed.add("a", "A")
    assert seed.save()
    first, second = loaded(fav_path), loaded(fav_path)
    first.set_note("a", "earlier")
    second.set_note("a", "later")
    assert second.save() and first.save()
    assert loaded(fav_path).get("a").note == "later"  # type: ignore[union-attr]


def test_a_removal_elsewhere_is_not_undone_by_an_older_edit(fav_path):
    seed = loaded(fav_path)
    seed.add("a", "A")
    assert seed.save()
    editor = loaded(fav_path)
    editor.set_note("a", "a note")
    remover = loaded(fav_path)
    remover.remove("a")
    assert editor.save() and remover.save() and editor.save()
    assert ids(loaded(fav_path)) == []
