"""Loading a library off the UI thread, with progress, then warming up the search.

The window talks to a loader through four calls: ``start()``, the ``progress``/``loaded``/
``failed`` signals, :meth:`LibraryLoader.window_painted` once the list is on screen, and
:meth:`LibraryLoader.stop`.

A plain ``QThread`` running one function is enough here; ``QThreadPool``/``QRunnable``
would add a second object per job for no gain. Results cross back to the UI thread
through queued signals, so no widget is ever touched from the worker.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal

from rxcombo.library import Library, Source, cached_sources_snapshot, load_sources_deferred
from rxcombo.library.cache import CacheContents
from rxcombo.library.sources import sources_cache_path
from rxcombo.library.warm_answers import answers_key, answers_path, read_answers, write_answers
from rxcombo.search import warm_up_queries
from rxcombo.support import lazy, timing


class _MainThreadImporter(QObject):
    """Receives a worker's request to import a module, on the main thread (rxcombo.support.lazy)."""

    requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.requested.connect(lazy.preload, Qt.ConnectionType.QueuedConnection)


_importer: _MainThreadImporter | None = None


def _install_importer() -> None:
    global _importer
    if _importer is None:
        _importer = _MainThreadImporter()
        lazy.set_requester(_importer.requested.emit)


class LibraryLoader(QThread):
    """Loads the enabled sources into one library; ``progress(done, total)`` then ``loaded(Library)``.

    A warm start emits ``loaded`` twice at most: the cached library at once, then the
    checked one if files changed since the last run."""

    progress = Signal(int, int)
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        sources: Sequence[Source],
        cache_dir: Path | None = None,
        parent: QObject | None = None,
        *,
        cached: CacheContents | None = None,
    ) -> None:
        """``cached``: the cache the caller has read and shown already (a warm start, just
        before or after its first frame: see ContentLoading): only the check runs."""
        super().__init__(parent)
        _install_importer()
        self.sources = list(sources)
        self._given = cached
        self.cache_dir = cache_dir
        self._last_reported = -1
        self._painted = threading.Event()  # see window_painted

    def window_painted(self) -> None:
        """The window has painted the list: checking files and warming up may start (they
        would compete with the first paint for the GIL)."""
        self._painted.set()

    def stop(self) -> None:
        """Ask the thread to end soon and deliver nothing more (it may still be running)."""
        if self.isRunning():
            with contextlib.suppress(RuntimeError, TypeError):  # nothing was connected
                self.loaded.disconnect()
            self.requestInterruption()
            self._painted.set()

    def _report(self, done: int, total: int) -> None:
        # Hundreds of signals per second would flood the UI thread's queue; 1% steps suffice.
        step = max(1, total // 100)
        if done == total or done - self._last_reported >= step:
            self._last_reported = done
            self.progress.emit(done, total)

    def run(self) -> None:
        try:
            shown: Library | None = None
            # Taken, not kept: the contents (and the page entries, if read) are garbage once checked.
            cached, self._given = self._given, None
            given = cached is not None
            if cached is not None:
                self._painted.wait(WARM_UP_DELAY_LIMIT)  # shown already: check once painted
            else:
                shown, cached = cached_sources_snapshot(self.sources, self.cache_dir)
            if shown is not None:
                # Warm start: show what the last run saw now, and check the files once the
                # window has painted it (the check would compete with painting for the GIL).
                self.loaded.emit(shown)
                self._painted.wait(WARM_UP_DELAY_LIMIT)
            if self.isInterruptionRequested():
                # Stopped before the paint (the window closed): the check would import the
                # page reader, which a worker asks the main thread for, and the main thread
                # is waiting for this thread to end.
                return
            result, write_cache = load_sources_deferred(
                self.sources, self._report, self.cache_dir, self.isInterruptionRequested, cached
            )
            key = cached.snapshot_key if cached is not None else ""
            del cached  # the check is done: the entries it read, if any, are garbage now
        except Exception as exc:  # reported to the user, never lost in a thread
            folders = ", ".join(str(source.folder) for source in self.sources if source.enabled)
            self.failed.emit(f"Could not load {folders}: {exc}")
            return
        if self.isInterruptionRequested():
            return
        # The very library the cache held (several sources rebuilt from their own caches are
        # "all from caches" too, but a new library, to show and to cache again).
        reused = result.stats.snapshot and write_cache is None
        if (shown is None and not given) or not reused:
            self.loaded.emit(result)  # first load, or files changed since the last run
        stats = result.stats
        timing.mark(
            "catalog-loaded", f"parsed={stats.parsed} reused={stats.reused} snapshot={int(stats.snapshot)}"
        )
        if write_cache is not None:
            # Once the list is on screen: pickling the library holds the GIL from start to
            # end (1.5 s at 100,000 pages), and showing the list needs the GIL too. A loader
            # stopped before that paint (a newer load, the window closed) writes nothing.
            self._painted.wait(WARM_UP_DELAY_LIMIT)
            if not self.isInterruptionRequested():
                write_cache()
        # Once the window has painted the list, answer the costliest
        # queries ahead of the user: one and two letters.
        self.setPriority(QThread.Priority.LowPriority)
        if self._painted.wait(WARM_UP_DELAY_LIMIT) and not self.isInterruptionRequested():
            self._warm_up(result, key if reused else "")
        timing.mark("warm-up-done")

    def _warm_up(self, library: Library, library_key: str) -> None:
        """Warm the search up, from the answers the last start of this same library kept
        when there are some (``library_key``: the reused cache's; see warm_answers)."""
        index = library.index
        cache_path = sources_cache_path(self.sources, self.cache_dir)
        key = answers_key(library_key, cache_path) if cache_path is not None else None
        path = answers_path(cache_path) if cache_path is not None else None
        if path is not None and key is not None:
            index.keep_warm_answers(read_answers(path, key, len(index)))
        ranked = index.warm_up(warm_up_queries(index), self.isInterruptionRequested)
        if path is not None and key is not None and ranked and not self.isInterruptionRequested():
            write_answers(path, key, index.warm_answers())


WARM_UP_DELAY_LIMIT = 30.0
