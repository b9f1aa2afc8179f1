"""The loader's warm-up after a start: computed once for a library, then read back at the
next starts while its pages are unchanged, and computed again when they change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from helpers.fake_library import write_fake_library
from rxcombo.app.loader import LibraryLoader
from rxcombo.library import Library, Source
from rxcombo.library.sources import sources_cache_path
from rxcombo.library.warm_answers import answers_path
from rxcombo.search import SearchIndex


def _start(qtbot: QtBot, sources: list[Source], cache_dir: Path) -> Library:
    """One start's loader, run to its end as the window runs it (painted at once)."""
    loader = LibraryLoader(sources, cache_dir)
    shown: list[Library] = []
    loader.loaded.connect(shown.append)
    with qtbot.waitSignal(loader.finished, timeout=30_000):
        loader.start()
        loader.window_painted()
    return shown[-1]


@pytest.fixture
def ranked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many queries the warm-up ranked (rather than read back)."""
    counted: list[int] = []
    real = SearchIndex._ranked

    def counting(self: SearchIndex, *args: Any, **kwargs: Any) -> Any:
        counted.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SearchIndex, "_ranked", counting)
    return counted


def test_a_warm_start_reads_the_answers_the_last_one_computed(
    qtbot: QtBot, tmp_path: Path, ranked: list[int]
) -> None:
    sources = [Source("Test pages", write_fake_library(tmp_path / "pages"))]
    cache_dir = tmp_path / "cache"
    _start(qtbot, sources, cache_dir)  # first start: reads the pages, caches the library
    cache_path = sources_cache_path(sources, cache_dir)
    assert cache_path is not None and cache_path.is_file()
    path = answers_path(cache_path)
    ranked.clear()
    _start(qtbot, sources, cache_dir)  # the cached library, reused: warmed up and kept
    assert ranked and path.is_file()
    ranked.clear()
    library = _start(qtbot, sources, cache_dir)
    assert ranked == []  # every answer read back
    kept = library.index.warm_answers()
    assert {("t",), ("f",), ("m",)} <= kept.keys()
    for words in kept:  # each is the order a fresh ranking gives (search() always ranks)
        query = " ".join(words)
        assert list(library.index.search_rows(query)) == [hit.index for hit in library.index.search(query)]


def test_changed_pages_are_warmed_up_again(qtbot: QtBot, tmp_path: Path, ranked: list[int]) -> None:
    pages = write_fake_library(tmp_path / "pages")
    sources = [Source("Test pages", pages)]
    cache_dir = tmp_path / "cache"
    for _ in range(2):
        _start(qtbot, sources, cache_dir)  # cached, then warmed up and kept
    (pages / "testozolam.md").write_text("---\ntitle: Testozolam\n---\n## Usage\nA made-up page.\n")
    _start(qtbot, sources, cache_dir)  # the pages changed: the library is read and cached again
    ranked.clear()
    library = _start(qtbot, sources, cache_dir)
    assert ranked  # the kept answers were the old library's: ranked again
    assert "Testozolam" in [hit.title for hit in library.index.search("testoz")]
    assert list(library.index.search_rows("t")) == [hit.index for hit in library.index.search("t")]


def test_several_sources_rebuilt_from_their_own_caches_are_shown_and_ranked_again(
    qtbot: QtBot, tmp_path: Path, ranked: list[int]
) -> None:
    """Two sources, then one of them alone after its pages changed, then both again: the
    combined cache is stale while each source's own is current. The library made from them
    is a new one: shown (not the stale combined list), and not given the old answers."""
    first = write_fake_library(tmp_path / "first")
    second = write_fake_library(tmp_path / "second")
    both = [Source("First", first), Source("Second", second)]
    cache_dir = tmp_path / "cache"
    for _ in range(2):
        _start(qtbot, both, cache_dir)  # cached, then warmed up and kept
    (first / "testozolam.md").write_text("---\ntitle: Testozolam\n---\n## Usage\nA made-up page.\n")
    _start(qtbot, [both[0]], cache_dir)  # the first source alone: its own cache is current again
    ranked.clear()
    library = _start(qtbot, both, cache_dir)
    assert "Testozolam" in [hit.title for hit in library.index.search("testoz")]  # the new library shown
    assert ranked  # not the stale combined library's answers
    for query in ("t", "f", "m"):
        assert list(library.index.search_rows(query)) == [hit.index for hit in library.index.search(query)]
