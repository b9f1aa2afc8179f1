"""Fixtures of the window tests: the real window on the seed pages, and on the corpus."""

from __future__ import annotations

import pytest

from helpers.gui import launch, wait_loaded
from rxcombo.library import load_library


@pytest.fixture
def window(qtbot, seeds_dir):
    launcher = launch(qtbot, seeds_dir)
    assert launcher.window is not None
    wait_loaded(qtbot, launcher.window)
    yield launcher.window
    launcher.window.close()


@pytest.fixture(scope="module")
def corpus_library(corpus_dir):
    return load_library(corpus_dir, bodies=True)


@pytest.fixture
def corpus_window(qtbot, corpus_dir):
    launcher = launch(qtbot, corpus_dir)
    wait_loaded(qtbot, launcher.window)
    yield launcher.window
    launcher.window.close()


# Made-up pages for the full-text search in the window: the core tests' pages, and a brand
# name that only pages' text holds (as real brand names are).
BRAND_PAGES = {
    "Mockarin": {
        "Usage": "Sold under the made-up brand Fakecoumadin.",
        "Precautions": "Pretend drowsiness in some made-up people.",
    },
    "Testazepam + Mockarin": {
        "Combined Use of Testazepam and Mockarin": "Fakecoumadin users should ask about pretend bleeding.",
    },
}


@pytest.fixture
def text_pages(tmp_path):
    from helpers.fulltext import write_library

    root = write_library(tmp_path / "pages")
    return write_library(root, BRAND_PAGES)


@pytest.fixture
def text_window(qtbot, text_pages, monkeypatch):
    """The window on made-up pages, once their text is indexed (built at once, not after
    the few seconds a real start leaves it)."""
    monkeypatch.setattr("rxcombo.ui.window.text_search.BUILD_DELAY_MS", 0)
    launcher = launch(qtbot, text_pages)
    window = launcher.window
    assert window is not None
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.search_pane.text_mode.state.complete, timeout=60_000)
    yield window
    window.close()
