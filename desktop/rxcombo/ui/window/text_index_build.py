"""The thread that brings a library's full-text index up to date.

Imported by :mod:`.text_search` on the main thread when the first build starts, which
imports :mod:`rxcombo.library.fulltext` (and SQLite with it) there: a worker never
imports (rxcombo.support.lazy). Results cross back through queued signals.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from rxcombo.library import Library
from rxcombo.library.fulltext import update_text_index


class TextIndexBuild(QThread):
    """``progress(done, total)`` in 1% steps, then ``built(BuildStats)`` or ``failed(str)``."""

    progress = Signal(int, int)
    built = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        library: Library,
        pause: Callable[[], bool],
        *,
        rebuild: bool = False,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self._pause = pause
        self.rebuild = rebuild
        self._cache_dir = cache_dir
        self._last_reported = -1

    def _report(self, done: int, total: int) -> None:
        # As the library loader: a signal per page would flood the UI thread's queue.
        step = max(1, total // 100)
        if done in (0, total) or done - self._last_reported >= step:
            self._last_reported = done
            self.progress.emit(done, total)

    def run(self) -> None:
        self.setPriority(QThread.Priority.LowPriority)
        try:
            stats = update_text_index(
                self.library,
                self._report,
                self.isInterruptionRequested,
                self._cache_dir,
                rebuild=self.rebuild,
                pause=self._pause,
            )
        except Exception as exc:  # told to the user, never lost in a thread
            self.failed.emit(f"The text of the pages could not be indexed: {exc}")
            return
        self.built.emit(stats)
