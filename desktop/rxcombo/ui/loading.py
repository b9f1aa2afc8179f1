"""Loading a library off the UI thread, with progress.

A plain ``QThread`` running one function is enough here; ``QThreadPool``/``QRunnable``
would add a second object per job for no gain. Results cross back to the UI thread
through queued signals, so no widget is ever touched from the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from rxcombo.content import Library
from rxcombo.search import SearchIndex


@dataclass(frozen=True, slots=True)
class LoadedLibrary:
    library: Library
    index: SearchIndex


def load_library(root: Path, progress: object = None) -> LoadedLibrary:
    library = Library.load(root, progress=progress)  # type: ignore[arg-type]
    return LoadedLibrary(library, SearchIndex(library.documents))


class LibraryLoader(QThread):
    """Loads one folder; ``progress(done, total)`` then ``loaded(LoadedLibrary)``."""

    progress = Signal(int, int)
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self._last_reported = -1

    def _report(self, done: int, total: int) -> None:
        # Hundreds of signals per second would flood the UI thread's queue; 1% steps suffice.
        step = max(1, total // 100)
        if done == total or done - self._last_reported >= step:
            self._last_reported = done
            self.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = load_library(self.root, self._report)
        except Exception as exc:
            self.failed.emit(f"Could not load {self.root}: {exc}")
            return
        self.loaded.emit(result)
