"""Favorites: round trip, newest first, and several windows adding and removing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from .favorites_helpers import ids, loaded, write_doc

# -- round trip and order --------------------------------------------------------------


def test_round_trip_keeps_ids_titles_and_times(fav_path):
    store = loaded(fav_path)
    store.add("aspirin", "Aspirin")
    store.add("ibuprofen+paracetamol", "Ibuprofen + paracetamol — ÅÉ")
    assert store.dirty
    assert store.save()
    assert not store.dirty
    again = loaded(fav_path)
    assert again.items() == store.items()
    for favorite in again.items():
        assert favorite.added.tzinfo is not None
        assert favorite.added.utcoffset() == timedelta(0)
    doc = json.loads(fav_path.read_text(encoding="utf-8"))
    assert doc["format"] == "rxcombo-favorites"
    assert doc["version"] == 2
    assert {e["id"] for e in doc["favorites"]} == {"aspirin", "ibuprofen+paracetamol"}


def test_items_are_newest_first_before_and_after_reload(fav_path):
    store = loaded(fav_path)
    for page in ["a", "b", "c", "d"]:
        store.add(page, page.upper())
    assert ids(store) == ["d", "c", "b", "a"]
    store.remove("b")
    store.add("b", "B")
    assert ids(store) == ["b", "d", "c", "a"]
    assert store.save()
    assert ids(loaded(fav_path)) == ["b", "d", "c", "a"]


def test_add_remove_toggle_contains(fav_path):
    store = loaded(fav_path)
    assert store.toggle("x", "X") is True
    assert store.contains("x")
    assert store.add("x", "X again") is False
    assert store.items()[0].title == "X"
    assert store.toggle("x", "X") is False
    assert not store.contains("x")
    assert store.remove("x") is False
    assert store.save()
    assert ids(loaded(fav_path)) == []


def test_unknown_pages_are_kept(fav_path):
    # The store cannot know which pages exist; a favorite of a page absent from the
    # current library must survive being loaded and saved by this version.
    write_doc(fav_path, [{"id": "gone-page", "title": "Old", "added": "2020-01-01T00:00:00Z"}])
    store = loaded(fav_path)
    store.add("new", "New")
    assert store.save()
    assert set(ids(loaded(fav_path))) == {"gone-page", "new"}


# -- two windows on one file ------------------------------------------------------------


def test_two_windows_adding_different_favorites_keep_both(fav_path):
    first = loaded(fav_path)
    second = loaded(fav_path)
    first.add("aspirin", "Aspirin")
    second.add("warfarin", "Warfarin")
    assert first.save()
    assert second.save()
    assert set(ids(loaded(fav_path))) == {"aspirin", "warfarin"}
    # The later saver also sees the other's favorite without restarting.
    assert set(ids(second)) == {"aspirin", "warfarin"}
    assert first.save()  # not dirty: no write, and nothing to lose
    assert set(ids(loaded(fav_path))) == {"aspirin", "warfarin"}


@pytest.mark.parametrize("remover_saves_first", [True, False])
def test_removal_in_one_window_is_not_undone_by_the_other(fav_path, remover_saves_first):
    seed = loaded(fav_path)
    seed.add("aspirin", "Aspirin")
    seed.add("warfarin", "Warfarin")
    assert seed.save()

    remover = loaded(fav_path)
    other = loaded(fav_path)
    remover.remove("aspirin")
    other.add("heparin", "Heparin")  # still holds aspirin in memory
    order = [remover, other] if remover_saves_first else [other, remover]
    for store in order:
        assert store.save()
    assert set(ids(loaded(fav_path))) == {"warfarin", "heparin"}
    # A third save by the stale window must not bring it back either.
    other.add("x", "X")
    assert other.save()
    assert set(ids(loaded(fav_path))) == {"warfarin", "heparin", "x"}


def test_re_adding_after_a_removal_elsewhere_wins(fav_path):
    seed = loaded(fav_path)
    seed.add("aspirin", "Aspirin")
    assert seed.save()
    first = loaded(fav_path)
    first.remove("aspirin")
    assert first.save()
    second = loaded(fav_path)
    second.add("aspirin", "Aspirin")
    assert second.save()
    assert first.save()
    assert ids(loaded(fav_path)) == ["aspirin"]


def test_old_tombstones_are_pruned_recent_ones_kept(fav_path):
    now = datetime.now(UTC)
    write_doc(
        fav_path,
        [],
        removed=[
            {"id": "ancient", "removed": (now - timedelta(days=400)).isoformat()},
            {"id": "recent", "removed": (now - timedelta(days=10)).isoformat()},
        ],
    )
    store = loaded(fav_path)
    store.add("a", "A")
    assert store.save()
    doc = json.loads(fav_path.read_text(encoding="utf-8"))
    assert [e["id"] for e in doc["removed"]] == ["recent"]


def test_timestamp_with_z_and_without_offset_are_read_as_utc(fav_path):
    write_doc(
        fav_path,
        [
            {"id": "z", "title": "Z", "added": "2024-01-02T03:04:05Z"},
            {"id": "naive", "title": "N", "added": "2024-01-01T00:00:00"},
        ],
    )
    store = loaded(fav_path)
    assert ids(store) == ["z", "naive"]
    assert store.items()[0].added == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
