"""Keeping the full-text index up to date: only changed pages are read again, a cancelled
build goes on where it stopped, and a damaged or foreign index is replaced, never trusted."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from helpers.fulltext import PAGES, damage_table, index_library, write_library, write_page
from rxcombo.library import load_library
from rxcombo.library.fulltext import open_text_index, text_index_path, update_text_index
from rxcombo.search.fulltext import DamagedIndexError, FullTextError, store


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_library(tmp_path / "pages")


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def titles_for(root: Path, cache: Path, query: str) -> list[str]:
    return sorted(hit.title for hit in open_text_index(root, cache).search(query, limit=None))


def test_the_index_lives_in_the_cache_folder(root: Path, isolated_user_dirs: dict[str, Path]) -> None:
    library = load_library(root)
    update_text_index(library)
    path = text_index_path(root)
    assert path.parent == isolated_user_dirs["XDG_CACHE_HOME"] / "RxCombo" / "fulltext"
    assert path.is_file() and text_index_path(root / ".." / root.name) == path


def test_nothing_changed_nothing_read(root: Path, cache: Path) -> None:
    _library, first, _index = index_library(root, cache)
    assert (first.indexed, first.unchanged, first.rebuilt, first.complete) == (len(PAGES), 0, False, True)
    calls: list[tuple[int, int]] = []
    _library, second, _index = index_library(root, cache, progress=lambda *call: calls.append(call))
    assert (second.indexed, second.removed, second.unchanged, second.complete) == (0, 0, len(PAGES), True)
    assert calls == []  # no work, no progress to show


def test_a_changed_page_is_read_again(root: Path, cache: Path) -> None:
    index_library(root, cache)
    write_page(root, "Shamoxetine", {"Usage": "Now it treats pretend hiccups."})
    calls: list[tuple[int, int]] = []
    _library, stats, index = index_library(root, cache, progress=lambda *call: calls.append(call))
    assert (stats.indexed, stats.unchanged, stats.complete) == (1, len(PAGES) - 1, True)
    assert calls == [(0, 1), (1, 1)]
    assert [hit.title for hit in index.search("hiccups")] == ["Shamoxetine"]
    assert index.search("receptor") == []  # the old text is gone
    assert index.section_titles()  # and the other pages are still there
    assert titles_for(root, cache, "rhabdomyolysis") == ["Testazepam"]


def test_added_and_removed_pages(root: Path, cache: Path) -> None:
    index_library(root, cache)
    write_page(root, "Mockolol", {"Usage": "Mockolol soothes pretend rhabdomyolysis."}, "sub/mockolol.md")
    (root / "testazepam.md").unlink()
    _library, stats, index = index_library(root, cache)
    assert (stats.indexed, stats.removed, stats.complete) == (1, 1, True)
    assert [hit.title for hit in index.search("rhabdomyolysis")] == ["Mockolol"]
    assert index.search("rhabdomyolysis")[0].key == "sub/mockolol.md"
    assert index.page_count() == len(PAGES)


def test_a_page_whose_id_changed_keeps_its_words(root: Path, cache: Path) -> None:
    index_library(root, cache)
    # A page of the same title earlier in path order takes the plain id.
    write_page(root, "Shamoxetine", {"Usage": "An older copy."}, "a-first/shamoxetine.md")
    library, stats, index = index_library(root, cache)
    assert stats.indexed == 1  # the new page; the old one is not read again
    (hit,) = index.search("receptor")
    assert (
        hit.page_id
        == library.documents[[d.source for d in library.documents].index(str(root / "shamoxetine.md"))].id
    )
    assert hit.page_id != "shamoxetine"


def test_a_cancelled_build_goes_on_where_it_stopped(root: Path, cache: Path, monkeypatch) -> None:
    from rxcombo.search.fulltext import build

    monkeypatch.setattr(build, "BATCH_PAGES", 2)
    library = load_library(root, cache_dir=cache)
    seen: list[tuple[int, int]] = []
    stats = update_text_index(
        library, progress=lambda *call: seen.append(call), interrupted=lambda: len(seen) >= 2, cache_dir=cache
    )
    assert (stats.indexed, stats.complete) == (2, False)
    index = open_text_index(root, cache)
    assert not index.complete and index.page_count() == 2
    stats = update_text_index(library, cache_dir=cache)
    assert (stats.indexed, stats.unchanged, stats.complete) == (len(PAGES) - 2, 2, True)
    assert index.complete and index.page_count() == len(PAGES)
    assert titles_for(root, cache, "pretend") == [
        "Démoxine",
        "Fakarin",
        "Fakeprofen + Mockacillin",
        "Shamoxetine",
        "Testazepam",
    ]


def test_a_page_unreadable_since_loading_has_no_words(root: Path, cache: Path) -> None:
    library = load_library(root, cache_dir=cache)
    (root / "fakarin.md").write_bytes(b"\x00\x01binary")
    stats = update_text_index(library, cache_dir=cache)
    assert (stats.indexed, stats.unreadable, stats.complete) == (len(PAGES), 1, True)
    assert titles_for(root, cache, "anticoagulant") == []


def damage_garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database\n" * 100)


def damage_foreign(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE notes (text TEXT)")
        other.execute("INSERT INTO notes VALUES ('someone else''s file')")


def damage_truncated(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 3)


def damage_old_version(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '0.0.1' WHERE key = 'rxcombo'")


@pytest.mark.parametrize("damage", [damage_garbage, damage_foreign, damage_truncated, damage_old_version])
def test_a_damaged_or_foreign_index_is_rebuilt_not_trusted(root: Path, cache: Path, damage) -> None:
    index_library(root, cache)
    reader = open_text_index(root, cache)
    assert [hit.title for hit in reader.search("rhabdomyolysis")] == ["Testazepam"]
    checkpoint(root, cache)
    damage(text_index_path(root, cache))
    with contextlib.suppress(DamagedIndexError):  # never trusted: an error or nothing
        assert reader.search("rhabdomyolysis") == [] and not reader.available
    _library, stats, index = index_library(root, cache)
    assert stats.rebuilt and stats.complete and stats.indexed == len(PAGES)
    assert [hit.title for hit in index.search("rhabdomyolysis")] == ["Testazepam"]
    assert [hit.title for hit in reader.search("rhabdomyolysis")] == ["Testazepam"]  # reopened


def checkpoint(root: Path, cache: Path) -> None:
    with sqlite3.connect(text_index_path(root, cache)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_damage_inside_the_file_is_found_by_the_build(root: Path, cache: Path) -> None:
    index_library(root, cache)
    checkpoint(root, cache)
    damage_table(text_index_path(root, cache), "pages")
    _library, stats, index = index_library(root, cache)
    assert stats.rebuilt and stats.complete
    assert [hit.title for hit in index.search("rhabdomyolysis")] == ["Testazepam"]


@pytest.mark.parametrize("table", ["fts_data", "sections"])
def test_damage_found_by_a_search_is_repaired_by_a_rebuild(root: Path, cache: Path, table: str) -> None:
    library, _stats, index = index_library(root, cache)
    checkpoint(root, cache)
    damage_table(text_index_path(root, cache), table)
    with pytest.raises(DamagedIndexError):
        index.search("rhabdomyolysis")
    stats = update_text_index(library, cache_dir=cache, rebuild=True)
    assert stats.rebuilt and stats.complete
    assert [hit.title for hit in index.search("rhabdomyolysis")] == ["Testazepam"]


def test_a_damaged_stored_text_is_damage_too(root: Path, cache: Path) -> None:
    library, _stats, index = index_library(root, cache)
    with sqlite3.connect(text_index_path(root, cache)) as connection:
        connection.execute("UPDATE pages SET text = x'00ff00ff'")
    (hit,) = index.search("rhabdomyolysis")  # found by the index; its text is read when shown
    with pytest.raises(DamagedIndexError):
        hit.snippet  # noqa: B018
    write_page(root, "Testazepam", {"Usage": "Changed: its old words must be removed."})
    stats = update_text_index(load_library(root, cache_dir=cache), cache_dir=cache)
    assert stats.rebuilt and stats.complete  # removing the old words needed the text
    assert index.search("rhabdomyolysis") == [] and len(index.search("changed")) == 1
    assert library.root == root


def test_an_index_of_another_folder_is_not_used(root: Path, cache: Path, tmp_path: Path) -> None:
    index_library(root, cache)
    other = tmp_path / "other"
    shutil.copytree(root, other)
    (other / "testazepam.md").unlink()
    shutil.copy(text_index_path(root, cache), text_index_path(other, cache))
    assert not open_text_index(other, cache).available
    _library, stats, index = index_library(other, cache)
    assert stats.rebuilt and index.search("rhabdomyolysis") == []


def test_without_fts5_the_reason_is_said(root: Path, cache: Path, monkeypatch) -> None:
    monkeypatch.setattr(store, "fts5_missing", lambda: "no FTS5 here")
    library = load_library(root, cache_dir=cache)
    with pytest.raises(FullTextError, match="no FTS5 here"):
        update_text_index(library, cache_dir=cache)
    assert not open_text_index(root, cache).available


def test_fts5_is_present_in_this_python() -> None:
    assert store.fts5_missing() is None


def test_the_vocabulary_of_prefixes_is_the_same_built_either_way(
    root: Path, cache: Path, monkeypatch
) -> None:
    from rxcombo.search.fulltext import build

    queries = ["rhab", "fak", "pret", "anticoag", "folic", "zzz", "side eff", '"pretend ble']
    _library, _stats, index = index_library(root, cache)
    page_by_page = {query: [hit.title for hit in index.search(query)] for query in queries}
    monkeypatch.setattr(build, "BULK_TERMS", 0)  # words read from FTS5 at the end
    monkeypatch.setattr(build, "BATCH_PAGES", 2)
    _library, stats, index = index_library(root, cache, rebuild=True)
    assert stats.complete and index._reader.state("terms") == "complete"
    assert {query: [hit.title for hit in index.search(query)] for query in queries} == page_by_page
    # Cancelled before the vocabulary was read: prefixes are left to FTS5, found all the same.
    calls: list[tuple[int, int]] = []
    _library, stats, index = index_library(
        root,
        cache,
        rebuild=True,
        progress=lambda *call: calls.append(call),
        interrupted=lambda: len(calls) > 1,
    )
    assert not stats.complete and index._reader.state("terms") == "stale"
    assert index.page_count() == 2 and [hit.title for hit in index.search("anticoag")] == ["Fakarin"]
    _library, stats, index = index_library(root, cache)
    assert stats.complete and index._reader.state("terms") == "complete"
    assert {query: [hit.title for hit in index.search(query)] for query in queries} == page_by_page


def test_section_titles_follow_the_pages(root: Path, cache: Path) -> None:
    _library, _stats, index = index_library(root, cache)
    before = {item.title: item.pages for item in index.section_titles()}
    (root / "fakarin.md").unlink()
    write_page(root, "Mockolol", {"Warnings": "Made up."})
    index_library(root, cache)
    after = {item.title: item.pages for item in index.section_titles()}
    assert after["Usage"] == before["Usage"] - 1 and after["Warnings"] == 1
    assert "Precautions" not in after and "FAQs" not in after


def test_a_cancelled_merge_after_a_large_build_leaves_a_complete_index(
    root: Path, cache: Path, monkeypatch
) -> None:
    from rxcombo.search.fulltext import build

    monkeypatch.setattr(build, "BULK_TERMS", 0)  # a "large" build: vocabulary refilled, index merged
    monkeypatch.setattr(build, "PROGRESS_STEPS", 1)
    finished: list[bool] = []
    library = load_library(root, cache_dir=cache)
    stats = update_text_index(
        library,
        progress=lambda done, total: finished.append(done == total),
        interrupted=lambda: bool(finished and finished[-1]),  # cancelled once every page is in
        cache_dir=cache,
    )
    assert stats.complete and stats.indexed == len(PAGES) and not stats.merged
    index = open_text_index(root, cache)
    assert index.complete and [hit.title for hit in index.search("rhabdo")] == ["Testazepam"]
    stats = update_text_index(library, cache_dir=cache, rebuild=True)
    assert stats.complete and stats.merged


def test_a_paused_build_waits_then_goes_on(root: Path, cache: Path, monkeypatch) -> None:
    from rxcombo.search.fulltext import build

    monkeypatch.setattr(build, "PAUSE_STEP_S", 0.001)
    asked: list[bool] = []

    def pause() -> bool:  # "the user is typing" for the first 30 looks
        asked.append(len(asked) < 30)
        return asked[-1]

    library = load_library(root, cache_dir=cache)
    stats = update_text_index(library, cache_dir=cache, pause=pause)
    assert stats.complete and stats.indexed == len(PAGES)
    assert asked.count(True) == 30 and len(asked) > 30
