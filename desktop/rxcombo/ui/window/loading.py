"""Loading the content sources for the window: the loader threads, the progress bar, the first paint.

The window owns one :class:`ContentLoading` and talks to the loaders only through it;
it uses nothing of :class:`~rxcombo.app.loader.LibraryLoader` but its public calls
(``start``, the ``progress``/``loaded``/``failed`` signals, ``window_painted``, ``stop``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QProgressBar, QStatusBar, QWidget

from rxcombo.app.loader import LibraryLoader
from rxcombo.content import rendering
from rxcombo.library import Library, ListPreview, Source, cached_sources_preview
from rxcombo.library.cache import CacheContents
from rxcombo.library.loader import Snapshot
from rxcombo.support import gc_pause, lazy, timing

# What reading pages needs: a warm start imports it after its first paint (and a cold one
# before its loader starts), on the main thread, as only the main thread imports (see
# rxcombo.support.lazy): the loader thread reads pages with it.
PAGE_READING = ("rxcombo.content.reader", "rxcombo.content.meta")
# What the first page opened needs (its file read again, what it shows worked out, its
# Markdown rendered and cleaned): imported just after the first paint rather than on the
# first Enter, which they made 50 ms slower.
AFTER_FIRST_PAINT = (
    *PAGE_READING,
    "rxcombo.content.frontmatter_yaml",
    "rxcombo.content.shown",
    "markdown",
    "nh3",
    # The page pane's parts made on first use (rxcombo.ui.page.page_parts): their modules
    # now, so that the first notice or find costs its keystroke no import.
    "rxcombo.ui.page.notice_panel",
    "rxcombo.ui.page.find_bar",
    "rxcombo.ui.sidebar.text_results",  # the text search's panel (rxcombo.ui.sidebar.text_mode)
)


# The preview's library is read just after its first paint, or after this in any case.
READ_PREVIEWED_AT_THE_LATEST_MS = 2000


class ContentLoading(QObject):
    """One set of sources loading at a time; a warm start's loader is kept until the first paint."""

    loaded = Signal(object)  # a Library to show (twice at most on a warm start: cached, then checked)
    previewed = Signal(object)  # a ListPreview: a warm start's first frame, its library read after
    preview_withdrawn = Signal()  # the preview's library could not be read after all: it loads
    failed = Signal(str)  # a message for the user
    first_painted = Signal()  # the window has painted what it was given: a library, its preview

    def __init__(
        self,
        window: QWidget,
        progress: QProgressBar,
        status: QStatusBar,
        previews: Callable[[], bool] = lambda: True,
    ) -> None:
        """``previews``: whether the window's first frame can be painted from a preview (it
        has one of the all-pages list only: another view shown needs the library itself)."""
        super().__init__(window)
        self._window = window
        self._previews = previews
        self._progress = progress
        self._status = status
        self._loader: LibraryLoader | None = None
        self._warm_loader: LibraryLoader | None = None
        self._loaders: list[LibraryLoader] = []
        self._awaiting_paint = False
        self._previewed: tuple[Sequence[Source], Snapshot] | None = None
        self._reading_previewed = False
        self._expose_watch: _ExposeWatch | None = None

    def load(self, sources: Sequence[Source]) -> None:
        """Load a library off the UI thread; the window stays usable meanwhile."""
        for previous in (self._loader, self._warm_loader):
            if previous is not None:
                previous.stop()
        self._warm_loader = None
        if self._previewed is not None:  # another load before the preview was painted
            self._previewed = None
            self.preview_withdrawn.emit()
        if self._window.isVisible():  # a start's first frame holds the list: others load
            self._start(sources, None, None)
            return
        preview, snapshot = self._preview_before_showing(sources)
        if preview is not None and self._previews():
            self._previewed = (sources, snapshot)  # read once the preview is painted
            self.previewed.emit(preview)
            # A window that never paints (minimized at start) reads its library anyway.
            QTimer.singleShot(READ_PREVIEWED_AT_THE_LATEST_MS, self._read_previewed)
            return
        self._start(sources, *self._read(snapshot))

    def _start(self, sources: Sequence[Source], shown: Library | None, cached: CacheContents | None) -> None:
        """``shown``: the cached library, checked by the loader once painted; else it loads."""
        if shown is None:
            lazy.preload(*PAGE_READING)  # the loader reads pages at once (a warm one after the paint)
            self._progress.setRange(0, 0)
            self._progress.setFormat("Loading pages… %p%")
            self._progress.show()
            self._status.showMessage("Loading pages…")
        loader = LibraryLoader(sources, parent=self._window, cached=cached if shown is not None else None)
        self._loaders = [running for running in self._loaders if running.isRunning()] + [loader]
        loader.progress.connect(self._on_progress)
        loader.loaded.connect(self._on_loaded)
        loader.failed.connect(self._on_failed)
        self._loader = loader
        if shown is not None:
            self._on_loaded(shown)  # shown at once: the window's next frame holds the list
        loader.start()

    @staticmethod
    def _preview_before_showing(sources: Sequence[Source]) -> tuple[ListPreview | None, Snapshot]:
        """A warm start whose window is not on screen yet reads the cached list's preview
        here, on the UI thread, so that the first frame shows the list (as a bare list of
        titles would) rather than an empty list that a thread fills in a moment later; the
        cached library itself is read just after that frame (:meth:`update_done`)."""
        try:
            preview, snapshot = cached_sources_preview(sources)
        except Exception:  # the thread's own read reports what is wrong
            return None, lambda: (None, None)
        return (preview if preview is not None and preview.ids else None), snapshot

    @staticmethod
    def _read(snapshot: Snapshot) -> tuple[Library | None, CacheContents | None]:
        try:
            return snapshot()
        except Exception:  # the thread's own read reports what is wrong
            return None, None

    def _on_progress(self, done: int, total: int) -> None:
        self._progress.setRange(0, max(total, 1))
        self._progress.setValue(done)

    def _on_loaded(self, library: Library) -> None:
        if self._loader is not None:  # a warm start may deliver twice: cached, then checked
            self._warm_loader = self._loader  # it warms up the search after the first paint
            self._loader = None
        self._progress.hide()
        self._status.clearMessage()
        self.loaded.emit(library)

    def _on_failed(self, message: str) -> None:
        self._loader = None
        self._progress.hide()
        self.failed.emit(message)

    # -- the first paint ----------------------------------------------------------------

    def list_shown(self) -> None:
        """The window shows a new library or preview: report when it has been painted (the
        library that follows a painted preview shows the same list: nothing to report)."""
        if self._reading_previewed:
            return
        timing.mark("list-ready")
        self._awaiting_paint = True
        self._window.update()

    def update_requested(self) -> None:
        """The window is about to paint (its UpdateRequest)."""
        if self._progress.isVisible():
            timing.mark("progress-shown")

    def update_done(self) -> None:
        """The window has painted: the first time after a new library, the list is on screen
        (once the window is exposed: see _ExposeWatch)."""
        if self._awaiting_paint:
            handle = self._window.windowHandle()
            if handle is not None and not handle.isExposed():
                self._expose_watch = self._expose_watch or _ExposeWatch(handle, self._exposed)
                return
            self._awaiting_paint = False
            timing.mark("first-paint")
            self._read_previewed()  # still without collections: it unpickles the library
            QTimer.singleShot(0, self._after_first_paint)
        gc_pause.resume()  # the start is over once anything is on screen

    def _exposed(self) -> None:
        self._expose_watch = None
        self.update_done()

    def _read_previewed(self) -> None:
        """The preview is on screen: read its library now, in the same turn of the event loop
        as the paint, so no input queued after it reaches the preview's rows (input queued
        before it finds a window without a library: typing withdraws the rows, a click opens
        nothing). It lists the same rows, so the frame that follows looks the same. A cache
        that fails to read now loads as a first start would."""
        if self._previewed is None:
            return
        (sources, snapshot), self._previewed = self._previewed, None
        if not self._window.isVisible():  # closed meanwhile: its loaders are stopped
            return
        shown, cached = self._read(snapshot)
        timing.mark("library-ready")
        if shown is None:
            self.preview_withdrawn.emit()
        self._reading_previewed = True
        try:
            self._start(sources, shown, cached)
        finally:
            self._reading_previewed = False

    def _after_first_paint(self) -> None:
        """Now prepare what typing will need, off the critical path."""
        self.first_painted.emit()
        self._preload(AFTER_FIRST_PAINT)

    def _preload(self, names: tuple[str, ...]) -> None:
        """One module per turn of the event loop: a key pressed meanwhile waits for one
        import at most, not all of them."""
        if names:
            lazy.preload(names[0])
            QTimer.singleShot(0, partial(self._preload, names[1:]))
            return
        if self._warm_loader is not None:
            self._warm_loader.window_painted()
            self._warm_loader = None
        QTimer.singleShot(0, rendering.prepare)  # a turn of its own, as each import above

    # -- the end -------------------------------------------------------------------------

    def busy(self) -> bool:
        """A loading or warm-up thread still runs (its cache may not be written yet)."""
        return any(loader.isRunning() for loader in self._loaders)

    def stop_all(self) -> None:
        """End every loading or warm-up thread: Qt aborts if a running QThread is destroyed
        with the window that owns it. A preview's library is no longer read."""
        self._previewed = None
        for loader in self._loaders:
            loader.stop()
        for loader in self._loaders:
            loader.wait()
        self._loaders = [loader for loader in self._loaders if loader.isRunning()]


class _ExposeWatch(QObject):
    """When a window painted before it was exposed is on screen.

    On X11 the paint that ``show()`` asks for comes before the server has exposed the window:
    Qt paints into its backing store, and shows that on the Expose event, painting without
    an UpdateRequest. Taken as on screen then, the first frame was 80 ms early under Xvfb,
    and reading a preview's library right after it delayed the frame the user sees.
    """

    def __init__(self, handle: QWindow, exposed: Callable[[], None]) -> None:
        super().__init__(handle)
        self._exposed = exposed
        handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._exposed)  # once Qt has painted and flushed it
            self.deleteLater()
        return False
