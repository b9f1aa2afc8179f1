"""A big library read on worker processes gives the same library as one read here, bad
pages included, and reports its progress to the last page."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.pages import write_page

from rxcombo.library import load_library, parallel


def _library(root: Path) -> Path:
    for number in range(40):
        title = f"Testazepam{number} + Fakeprofen" if number % 3 else f"Mockacillin{number}"
        write_page(root, f"{chr(97 + number % 5)}/page-{number}.md", title)
    (root / "a" / "broken.md").write_bytes(b"\x00binary")
    write_page(root, "b/twin.md", "Mockacillin0")  # a duplicate title: the ids must agree
    return root


def _summary(root: Path, cache: Path) -> tuple[object, ...]:
    progress: list[tuple[int, int]] = []
    library = load_library(root, progress=lambda done, total: progress.append((done, total)), cache_dir=cache)
    return (
        [(d.id, d.title, d.drugs, d.source) for d in library.documents],
        sorted(str(p) for p in library.problems),
        [(drug.key, drug.page_ids) for drug in library.drugs],
        progress[-1],
    )


def test_workers_read_the_same_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _library(tmp_path / "pages")
    here = _summary(root, tmp_path / "cache-here")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10)
    monkeypatch.setattr(parallel, "CHUNK", 7)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    assert parallel.workers_for(42) == 2

    def not_here(path: str) -> object:
        raise AssertionError(f"{path} was read in this process, not by a worker")

    monkeypatch.setattr(parallel, "read_one", not_here)  # spawned workers import their own
    on_workers = _summary(root, tmp_path / "cache-workers")
    assert on_workers == here
    assert here[-1] == (42, 42)  # every file counted, the unreadable one too
    assert any("binary" in problem for problem in here[1])


def test_without_worker_processes_the_pages_are_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _library(tmp_path / "pages")
    here = _summary(root, tmp_path / "cache-here")

    def no_processes(*_args: object, **_kwargs: object) -> None:
        raise OSError("no process support here")

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "_pool", no_processes)
    assert _summary(root, tmp_path / "cache-fallback") == here
