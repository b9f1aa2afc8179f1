"""A listed page: what it holds before it is opened, and what opening it adds to it alone."""

from __future__ import annotations

import pickle
from pathlib import Path

from helpers.pages import write_page
from rxcombo.library import load_library


def test_pages_share_one_empty_metadata_and_problems_until_one_is_opened(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    write_page(root, "testazepam.md", "Testazepam", layout="minimal")
    write_page(root, "fakeprofen.md", "Fakeprofen", layout="minimal-medicine")
    write_page(root, "mockacillin.md", "Mockacillin")
    for loaded in (load_library(root), load_library(root)):  # read, then from the cache
        first, second, third = sorted(loaded.documents, key=lambda d: d.title)
        assert first.metadata is second.metadata is third.metadata and not first.metadata
        assert first.problems is second.problems is third.problems == ()
        first.body()  # opened: its own front matter, the others' unchanged
        assert first.metadata["layout"] == "minimal-medicine" and first.layout == "minimal-medicine"
        assert not second.metadata and not third.metadata and third.layout is None
        again = pickle.loads(pickle.dumps(second))  # as the worker processes send pages
        assert again.metadata is second.metadata and again.problems is second.problems
