"""Imports on first use, made by the main thread only (rxcombo.support.lazy)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from rxcombo.support import lazy


@pytest.fixture
def module_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(lazy, "_requester", None)
    yield tmp_path
    for name in ("fake_lazy_one", "fake_lazy_two"):
        sys.modules.pop(name, None)
        lazy._done.pop(name, None)
        lazy._ready.pop(name, None)


def _on_worker(name: str) -> list[object]:
    got: list[object] = []
    worker = threading.Thread(target=lambda: got.append(lazy.module(name)))
    worker.start()
    return [worker, got]


def test_a_worker_waits_for_the_main_thread_to_import(module_dir: Path) -> None:
    (module_dir / "fake_lazy_one.py").write_text("VALUE = 1\n", encoding="utf-8")
    asked: list[str] = []
    lazy.set_requester(asked.append)
    worker, got = _on_worker("fake_lazy_one")
    for _ in range(200):
        if asked:
            break
        threading.Event().wait(0.01)
    assert asked == ["fake_lazy_one"] and "fake_lazy_one" not in sys.modules  # not imported there
    lazy.preload("fake_lazy_one")  # the main thread, as the window does on the request
    worker.join(10)
    assert got[0].VALUE == 1


def test_a_module_imported_already_is_not_asked_for(module_dir: Path) -> None:
    # A plain import made it (not lazy.preload): a worker must not wait for the main
    # thread then, which may itself be waiting for that worker to end.
    (module_dir / "fake_lazy_two.py").write_text("VALUE = 2\n", encoding="utf-8")
    import fake_lazy_two  # noqa: F401

    asked: list[str] = []
    lazy.set_requester(asked.append)
    worker, got = _on_worker("fake_lazy_two")
    worker.join(10)
    assert not worker.is_alive() and asked == []
    assert got[0].VALUE == 2
