"""A cached library's preview: what a warm start's first frame shows of it, read before the
rest of the cache, and saying what the library read just after it says."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.pages import cut_cached_library_short, write_page
from rxcombo import dirs
from rxcombo.library import Library, Source, cached_sources_preview, cached_sources_snapshot, load_sources


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    write_page(root, "a/testazepam.md", "Testazepam")
    write_page(root, "b/testazepam.md", "Testazepam")  # the same title: told apart by a hint
    write_page(root, "fakeprofen-mockacillin.md", "Fakeprofen + Mockacillin")
    write_page(root, "shamoxetine.md", "Shamoxetine")
    (root / "broken.md").write_text("---\ntitle: [unclosed\n---\n# Broken\n", encoding="utf-8")
    return root


def _check_preview_says_what_the_library_says(sources: list[Source], library: Library) -> None:
    preview, snapshot = cached_sources_preview(sources)
    assert preview is not None
    documents = library.documents
    assert preview.ids == [d.id for d in documents]
    assert [row.title for row in preview.rows()] == [d.title for d in documents]
    assert [preview.hint(d.id) for d in documents] == [library.hint(d.id) for d in documents]
    assert preview.drug_count == len(library.drugs)
    assert preview.errors == len(library.errors) == 1
    assert preview.example == "Fakeprofen Mockacillin"
    assert [preview.title_of(d.id) for d in documents] == [d.title for d in documents]
    assert preview.title_of("no-such-page") is None
    shown, contents = snapshot()  # the rest, read after the preview: the same library
    assert shown is not None and contents is not None
    assert [d.id for d in shown.documents] == preview.ids


def test_the_preview_lists_what_the_cached_library_lists(pages: Path) -> None:
    sources = [Source("Fake pages", pages)]
    library = load_sources(sources)
    assert sum(1 for d in library.documents if library.hint(d.id)) == 2
    _check_preview_says_what_the_library_says(sources, library)


def test_several_sources_have_one_preview_of_their_combined_list(pages: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    write_page(other, "testazepam.md", "Testazepam")  # a third one, from another source
    write_page(other, "placebex.md", "Placebex")
    sources = [Source("Fake pages", pages), Source("Other fakes", other)]
    library = load_sources(sources)
    assert len(library.documents) == 6
    _check_preview_says_what_the_library_says(sources, library)


def test_without_a_cache_there_is_no_preview(pages: Path) -> None:
    preview, snapshot = cached_sources_preview([Source("Fake pages", pages)])
    assert preview is None
    assert snapshot() == (None, None)


def test_a_cache_damaged_after_its_preview_reads_as_no_cache_and_is_rebuilt(pages: Path) -> None:
    sources = [Source("Fake pages", pages)]
    load_sources(sources)
    (found,) = sorted((dirs.cache_dir() / "libraries").glob("*.pickle"))
    cut_cached_library_short(found)  # the preview is intact, the library cut short
    preview, snapshot = cached_sources_preview(sources)
    assert preview is not None
    assert snapshot() == (None, None)
    assert not found.exists()  # a cache only costs time: dropped, the next load reads the pages
    again = load_sources(sources)
    assert again.stats.parsed == 5 and not again.stats.snapshot  # every file, the broken one too
    assert cached_sources_snapshot(sources)[0] is not None


def test_a_cache_replaced_after_its_preview_was_read_is_not_mixed_with_it(pages: Path) -> None:
    # Another window rewrote the cache between this window's preview and its library.
    sources = [Source("Fake pages", pages)]
    load_sources(sources)
    preview, snapshot = cached_sources_preview(sources)
    assert preview is not None and "Placebex" not in preview.titles
    write_page(pages, "placebex.md", "Placebex")
    assert "Placebex" in [d.title for d in load_sources(sources).documents]  # the cache rewritten
    assert snapshot() == (None, None)  # not the new contents under the old preview
    shown, _contents = cached_sources_snapshot(sources)
    assert shown is not None and "Placebex" in [d.title for d in shown.documents]


def test_reading_the_contents_twice_gives_them_twice_and_keeps_the_cache(pages: Path) -> None:
    sources = [Source("Fake pages", pages)]
    load_sources(sources)
    _preview, snapshot = cached_sources_preview(sources)
    first, second = snapshot(), snapshot()
    assert first[0] is not None and second[0] is not None
    assert [d.id for d in first[0].documents] == [d.id for d in second[0].documents]
    assert len(list((dirs.cache_dir() / "libraries").glob("*.pickle"))) == 1
