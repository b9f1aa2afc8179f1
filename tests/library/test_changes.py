"""What changed since the last start: pages added, removed and changed, per source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.pages import bump, write_page
from rxcombo.library import ChangeKind, Source, cached_snapshot, load_library, load_sources
from rxcombo.library.loader import load_library_deferred


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    write_page(folder, "a/testazepam.md", "Testazepam")
    write_page(folder, "b/fakeprofen.md", "Fakeprofen")
    write_page(folder, "c/mock.md", "Mockacillin")
    return folder


def summary(changes) -> list[tuple[str, str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(c.kind.value, c.path, c.title, c.page_id) for c in changes.pages]


def test_the_first_start_has_nothing_to_compare_with(root: Path) -> None:
    changes = load_library(root, name="Mine").changes
    assert not changes.known and changes.unknown == ("Mine",) and changes.count == 0


def test_nothing_changed(root: Path) -> None:
    load_library(root)
    changes = load_library(root).changes
    assert changes.known and changes.count == 0


def test_pages_added_removed_and_changed_between_starts(root: Path) -> None:
    load_library(root)
    write_page(root, "d/sham.md", "Shamoxetine")
    (root / "b/fakeprofen.md").unlink()
    write_page(root, "c/mock.md", "Mockacillin Forte", text="Changed, longer fake text.")
    bump(root / "c/mock.md")
    (root / "e.md").write_text("---\ntitle: [oops\n---\nBody.\n", encoding="utf-8")
    changes = load_library(root, name="Mine").changes
    assert changes.known
    assert summary(changes) == [
        ("removed", "b/fakeprofen.md", "Fakeprofen", "fakeprofen"),
        ("changed", "c/mock.md", "Mockacillin Forte", "mockacillin-forte"),
        ("added", "d/sham.md", "Shamoxetine", "shamoxetine"),
        ("added", "e.md", None, None),  # unreadable, yet a file that came
    ]
    assert {c.source for c in changes.pages} == {"Mine"}
    assert changes.lost("fakeprofen") is not None and changes.lost("testazepam") is None
    assert [c.path for c in changes.added] == ["d/sham.md", "e.md"]
    assert [c.kind for c in changes.changed] == [ChangeKind.CHANGED]
    # Reported once: the next start compares with this one.
    assert load_library(root).changes.count == 0


def test_the_windows_warm_start_sees_the_changes(root: Path) -> None:
    load_library(root)
    write_page(root, "d/sham.md", "Shamoxetine")
    shown, contents = cached_snapshot(root)
    assert shown is not None and shown.changes.count == 0  # nothing checked yet
    checked, write = load_library_deferred(root, cached=contents)
    assert [c.path for c in checked.changes.added] == ["d/sham.md"]
    assert write is not None and write()


def test_changes_over_several_sources_name_their_source(root: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    write_page(other, "testazepam.md", "Testazepam")
    sources = [Source("Mine", root), Source("Other", other)]
    first = load_sources(sources)
    assert not first.changes.known and set(first.changes.unknown) == {"Mine", "Other"}
    assert load_sources(sources).changes.known
    write_page(other, "new.md", "Placebonol")
    (other / "testazepam.md").unlink()
    (root / "a/testazepam.md").unlink()
    changes = load_sources(sources).changes
    assert changes.known
    assert sorted((c.source, c.kind.value, c.page_id) for c in changes.pages) == [
        ("Mine", "removed", "testazepam"),
        ("Other", "added", "placebonol"),
        ("Other", "removed", "testazepam"),  # its id in its own source
    ]
    # Listed as testazepam-other beside Mine's page: a favorite saved so is known lost.
    lost = changes.lost("testazepam-other", "Other")
    assert lost is not None and lost.path == "testazepam.md"
    assert changes.lost("testazepam", "Mine") is not None
    assert changes.lost("testazepam", "Nobody") is None
    assert changes.lost("placebonol", "Other") is None  # added, not lost


def test_a_vanished_source_is_not_a_list_of_removed_pages(root: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    write_page(other, "testazepam.md", "Testazepam")
    sources = [Source("Mine", root), Source("Other", other)]
    load_sources(sources)
    load_sources(sources)
    shutil.rmtree(other)
    library = load_sources(sources)
    assert library.changes.count == 0
    assert library.source("Other") is not None
    assert library.source("Other").problems  # type: ignore[union-attr]


def test_a_new_source_is_unknown_not_all_added(root: Path, tmp_path: Path) -> None:
    load_sources([Source("Mine", root)])
    other = tmp_path / "other"
    write_page(other, "testazepam.md", "Testazepam")
    changes = load_sources([Source("Mine", root), Source("Other", other)]).changes
    assert changes.unknown == ("Other",) and changes.count == 0


def test_the_audit_compares_with_nothing(root: Path) -> None:
    load_library(root)
    assert not load_library(root, bodies=True).changes.known
