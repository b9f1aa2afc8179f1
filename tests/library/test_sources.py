"""Several sources in one library: every page listed once per source, ids unique and stable,
pages sharing a title told apart by their source, a missing or empty source reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.pages import bump, write_page
from rxcombo.library import BUNDLED_NAME, Library, Source, load_library, load_sources
from rxcombo.library.sources import NO_PAGES, cached_sources_snapshot, load_sources_deferred


@pytest.fixture
def first(tmp_path: Path) -> Path:
    root = tmp_path / "first"
    write_page(root, "testazepam.md", "Testazepam")
    write_page(root, "combo.md", "Testazepam + Fakeprofen")
    write_page(root, "mock.md", "Mockacillin")
    return root


@pytest.fixture
def second(tmp_path: Path) -> Path:
    root = tmp_path / "second"
    write_page(root, "a/testazepam.md", "Testazepam", text="The second source's own text.")
    write_page(root, "b/sham.md", "Shamoxetine")
    write_page(root, "b/combo.md", "Shamoxetine + Fakeprofen")
    return root


def both(first: Path, second: Path) -> list[Source]:
    return [Source("First", first), Source("Second pages", second)]


def by_title(library: Library, title: str) -> list[str]:
    return [d.id for d in library.documents if d.title == title]


def test_every_enabled_source_is_listed_and_searched(first: Path, second: Path) -> None:
    library = load_sources(both(first, second))
    assert len(library.documents) == 6
    assert [f.name for f in library.sources] == ["First", "Second pages"]
    assert [f.pages for f in library.sources] == [3, 3]
    assert {hit.title for hit in library.index.search("fakepro")} == {
        "Testazepam + Fakeprofen",
        "Shamoxetine + Fakeprofen",
    }
    drug = library.drug("fakeprofen")
    assert drug is not None and len(drug.page_ids) == 2
    assert library.source_of("shamoxetine") == "Second pages"
    assert library.source_of("mockacillin") == "First"
    assert library.source_of("nothing-here") is None


def test_a_title_in_two_sources_is_kept_twice_and_told_apart(first: Path, second: Path) -> None:
    library = load_sources(both(first, second))
    twins = by_title(library, "Testazepam")
    assert twins == ["testazepam", "testazepam-second-pages"]  # the first source keeps the plain id
    assert [library.source_of(page_id) for page_id in twins] == ["First", "Second pages"]
    assert [library.hint(page_id) for page_id in twins] == ["First", "Second pages"]
    assert library.hint("mockacillin") is None
    hits = [hit.id for hit in library.index.search("testazepam")]
    assert set(twins) <= set(hits)
    second_page = library.get("testazepam-second-pages")
    assert second_page is not None and "second source's own text" in second_page.sections[1].markdown
    # Not a warning: two sources holding a page each is what sources are for.
    assert not any("duplicate" in p.message for p in library.problems)


def test_each_source_keeps_its_own_ids_in_its_own_cache(first: Path, second: Path) -> None:
    load_sources(both(first, second))
    alone = load_library(second)
    assert by_title(alone, "Testazepam") == ["testazepam"]


def test_a_title_twice_in_one_source_and_once_in_another(first: Path, second: Path) -> None:
    write_page(second, "c/again.md", "Testazepam")
    library = load_sources(both(first, second))
    twins = by_title(library, "Testazepam")
    assert len(twins) == 3 and len(set(twins)) == 3
    hints = sorted(library.hint(page_id) or "" for page_id in twins)
    assert hints == ["First", "Second pages: a/testazepam.md", "Second pages: c/again.md"]


def test_an_id_taken_in_the_later_source_itself_is_not_reused(first: Path, second: Path) -> None:
    write_page(second, "d/odd.md", "Testazepam Second Pages")  # its own id is testazepam-second-pages
    library = load_sources(both(first, second))
    ids = [d.id for d in library.documents]
    assert len(ids) == len(set(ids)) == 7
    assert library.get("testazepam-second-pages") is not None
    assert library.get("testazepam-second-pages").title == "Testazepam Second Pages"  # type: ignore[union-attr]


def test_find_follows_a_page_when_the_order_of_sources_changes(first: Path, second: Path) -> None:
    library = load_sources(both(first, second))
    saved = [(page_id, library.source_of(page_id)) for page_id in by_title(library, "Testazepam")]
    swapped = load_sources([Source("Second pages", second), Source("First", first)])
    for page_id, source in saved:
        found = swapped.find(page_id, source)
        assert found is not None and swapped.source_of(found.id) == source, (page_id, source)
    # Without a source (favorites saved before sources existed) the id alone decides.
    assert swapped.find("testazepam") is swapped.get("testazepam")


def test_a_page_of_another_source_with_the_same_id_is_not_found(first: Path, second: Path) -> None:
    library = load_sources([Source("Second pages", second)])
    assert library.find("testazepam", "First") is None
    assert library.find("testazepam", "Second pages") is not None


def test_disabled_sources_and_a_folder_listed_twice(first: Path, second: Path) -> None:
    library = load_sources(
        [Source("First", first), Source("Second pages", second, enabled=False), Source("Again", first)]
    )
    assert [f.name for f in library.sources] == ["First"]
    assert len(library.documents) == 3
    assert load_sources([Source("Off", first, enabled=False)]).documents == []


def test_a_source_that_vanishes_between_starts_is_reported_and_the_others_load(
    first: Path, second: Path
) -> None:
    load_sources(both(first, second))
    shutil.rmtree(second)
    library = load_sources(both(first, second))
    assert len(library.documents) == 3
    facts = library.source("Second pages")
    assert facts is not None and facts.pages == 0
    assert [(p.path, p.message) for p in facts.problems] == [
        (second, "content folder does not exist or is not a folder")
    ]
    assert library.errors and library.errors[0].path == second
    assert library.find("shamoxetine", "Second pages") is None


def test_an_emptied_source_says_it_holds_no_page(first: Path, second: Path) -> None:
    load_sources(both(first, second))
    for page in second.rglob("*.md"):
        page.unlink()
    library = load_sources(both(first, second))
    facts = library.source("Second pages")
    assert facts is not None and [p.message for p in facts.problems] == [NO_PAGES]
    assert library.changes.known and len(library.changes.removed) == 3
    alone = load_sources([Source("Second pages", second)])
    assert [p.message for p in alone.problems] == [NO_PAGES]


def test_an_unreadable_source_is_reported(first: Path, second: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import rxcombo.library.files as files

    real = files.os.scandir

    def refuse(path):  # type: ignore[no-untyped-def]
        if str(path) == str(second):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(files.os, "scandir", refuse)
    library = load_sources(both(first, second))
    facts = library.source("Second pages")
    assert facts is not None
    assert [p.message for p in facts.problems] == ["cannot list folder: Permission denied"]
    assert len(library.documents) == 3


def test_a_warm_start_of_several_sources_reuses_the_combined_library(first: Path, second: Path) -> None:
    cold = load_sources(both(first, second))
    assert not cold.stats.snapshot and cold.stats.parsed == 6
    warm = load_sources(both(first, second))
    assert warm.stats.snapshot and warm.stats.parsed == 0
    assert [d.id for d in warm.documents] == [d.id for d in cold.documents]
    assert warm.source_of("testazepam-second-pages") == "Second pages"
    shown, contents = cached_sources_snapshot(both(first, second))
    assert shown is not None and [d.id for d in shown.documents] == [d.id for d in cold.documents]
    bump(second / "b/sham.md")
    checked, write = load_sources_deferred(both(first, second), cached=contents)
    assert not checked.stats.snapshot and checked.stats.parsed == 1 and write is not None
    assert [c.path for c in checked.changes.changed] == ["b/sham.md"]
    assert write()
    assert load_sources(both(first, second)).stats.snapshot


def test_progress_counts_every_source(first: Path, second: Path) -> None:
    seen: list[tuple[int, int]] = []
    load_sources(both(first, second), lambda done, total: seen.append((done, total)))
    assert seen[-1] == (6, 6)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_the_audit_reads_every_source(first: Path, second: Path, tmp_path: Path) -> None:
    library = load_sources([*both(first, second), Source("Gone", tmp_path / "gone")], bodies=True)
    assert len(library.documents) == 6
    assert all(d.parsed is not None for d in library.documents)
    assert library.folder_of(second / "b" / "sham.md") == second
    assert [p.path for p in library.errors] == [tmp_path / "gone"]


def test_the_bundled_pages_and_the_corpus_together(corpus_dir: Path, seeds_dir: Path, tmp_path: Path) -> None:
    sources = [Source(BUNDLED_NAME, seeds_dir, bundled=True), Source("RxHive", corpus_dir)]
    library = load_sources(sources, cache_dir=tmp_path / "cache")
    corpus = library.source("RxHive")
    assert corpus is not None and corpus.pages == 6447 and corpus.about_file == "SOURCE.txt"
    assert len(library.documents) == 6447 + 3
    # The three sample pages are also in the corpus: both copies are listed, told apart.
    for seed in load_library(seeds_dir, cache_dir=tmp_path / "cache").documents:
        twins = by_title(library, seed.title)
        assert len(twins) == 2, seed.title
        assert sorted(library.hint(page_id) or "" for page_id in twins) == [BUNDLED_NAME, "RxHive"]
        assert library.source_of(seed.id) == BUNDLED_NAME
