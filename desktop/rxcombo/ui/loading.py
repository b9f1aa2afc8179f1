"""Loading a library off the UI thread, with progress.

A plain ``QThread`` running one function is enough here; ``QThreadPool``/``QRunnable``
would add a second object per job for no gain. Results cross back to the UI thread
through queued signals, so no widget is ever touched from the worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from rxcombo.catalog import Catalog, load_catalog

LoadedLibrary = Catalog  # what the window holds: library, search index, load figures


class LibraryLoader(QThread):
    """Loads one folder; ``progress(done, total)`` then ``loaded(Catalog)``."""

    progress = Signal(int, int)
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, root: Path, cache_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.cache_dir = cache_dir
        self._last_reported = -1

    def _report(self, done: int, total: int) -> None:
        # Hundreds of signals per second would flood the UI thread's queue; 1% steps suffice.
        step = max(1, total // 100)
        if done == total or done - self._last_reported >= step:
            self._last_reported = done
            self.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = load_catalog(self.root, self._report, self.cache_dir, self.isInterruptionRequested)
        except Exception as exc:  # reported to the user, never lost in a thread
            self.failed.emit(f"Could not load {self.root}: {exc}")
            return
        if self.isInterruptionRequested():
            return
        self.loaded.emit(result)
        # The window is usable now; meanwhile answer the costliest queries (one letter, and
        # a typo, which loads rapidfuzz) so the first keystrokes find them ready.
        self.setPriority(QThread.Priority.LowPriority)
        result.index.warm_up(WARM_UP_QUERIES)


WARM_UP_QUERIES = [*"abcdefghijklmnopqrstuvwxyz", "zzzzq"]
