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
