"""The window's full-text search: the index built after the first paint, its progress in
the status bar with a way to stop it, and a result opened on its section.

The build runs on a :class:`~.text_index_build.TextIndexBuild` thread at low priority and
waits while the user types (``pause``: half a second after each keystroke), so typing
stays as fast as without it. Searches read the index from the main thread, each batch the
build commits visible at once; until the build is done the results say so
(:mod:`rxcombo.ui.sidebar.text_mode`). A damaged index is built again from nothing.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

from rxcombo.ui.sidebar.text_mode import IndexState

if TYPE_CHECKING:  # imported after the first paint, on the main thread (see start_build)
    from rxcombo.search.fulltext import BuildStats, FullTextIndex, TextHit
    from rxcombo.ui.window.main_window import MainWindow
    from rxcombo.ui.window.text_index_build import TextIndexBuild

PAUSE_AFTER_KEY_S = 0.5
# The build starts a few seconds after the first paint, or at once when the text search is
# used: the first moments after a start are for the look-up the user came for (a build
# in them cost a warm start 2 s of CPU and a status bar changing for seconds).
BUILD_DELAY_MS = 3000
PROGRESS_FORMAT = "Indexing text %p%"
STOP_TIP = "Stop indexing the text of the pages (Edit > Index Page Text goes on later)"


class TextSearchControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._mode = window.search_pane.text_mode
        self._index: FullTextIndex | None = None
        self._build: TextIndexBuild | None = None
        self._running: list[TextIndexBuild] = []  # a stopped build may still be ending
        self._state = IndexState()
        self._typing_until = 0.0
        self._closed = False  # the window closed: a first paint still queued starts nothing

        self.progress_box = QWidget()
        self.progress = QProgressBar()
        self.progress.setObjectName("textIndexProgress")
        self.progress.setFormat(PROGRESS_FORMAT)
        # Room for its words at 100%: the count label beside it would squeeze them away.
        self.progress.setFixedWidth(self.progress.fontMetrics().horizontalAdvance(PROGRESS_FORMAT) + 40)
        self.stop_button = QToolButton()
        self.stop_button.setObjectName("stopTextIndexButton")
        self.stop_button.setText("✕")
        self.stop_button.setAutoRaise(True)
        self.stop_button.setToolTip(STOP_TIP)
        self.stop_button.setAccessibleName("Stop indexing page text")
        self.stop_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self.progress_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.progress)
        row.addWidget(self.stop_button)
        self.progress_box.hide()
        window.statusBar().addPermanentWidget(self.progress_box)

        window.search_pane.search_field.textChanged.connect(self._typed)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self.start_build)
        window.loading.first_painted.connect(self._after_first_paint)
        self._mode.hit_activated.connect(self.open_hit)
        self._mode.index_damaged.connect(self._on_damaged)
        self._mode.searched.connect(self._show_count)
        self._mode.mode_changed.connect(self._on_mode)
        QTimer.singleShot(0, self._attach)  # the window's actions are made after this

    def _attach(self) -> None:
        action = self._window.window_actions["text_search"]
        self._mode.set_shortcut_text(action.shortcut().toString())

    # -- the mode ----------------------------------------------------------------------

    def toggle_mode(self) -> None:
        """Ctrl+Shift+F and Edit > Search Page Text: the text search, or back to names."""
        self._mode.set_sticky(not self._mode.on)
        self._window.focus_search()

    def _on_mode(self, on: bool) -> None:
        self._window.window_actions["text_search"].setChecked(on)
        if on and self._delay.isActive():
            self.start_build()  # wanted now: no need to wait

    def _after_first_paint(self) -> None:
        if not self._closed:
            self._delay.start(BUILD_DELAY_MS)

    def _show_count(self, text: str) -> None:
        self._window.count_label.setText(text)

    def _typed(self, _text: str) -> None:
        self._typing_until = time.monotonic() + PAUSE_AFTER_KEY_S

    def _typing(self) -> bool:
        """Asked by the build's thread before each page: a float read, no lock needed."""
        return time.monotonic() < self._typing_until

    def open_hit(self, hit: TextHit) -> None:
        self._window.open_page(hit.page_id)
        from rxcombo.ui.window.text_hit_open import show_hit  # after the first paint: no cost then

        show_hit(self._window.page_view, hit)

    # -- the build ---------------------------------------------------------------------

    def start_build(self, *, rebuild: bool = False) -> None:
        """After the first paint (and Edit > Index Page Text): bring the index up to date."""
        self._delay.stop()
        library = self._window.library
        if library is None or self._closed:
            return
        from rxcombo.search.fulltext import fts5_missing

        missing = fts5_missing()
        if missing is not None:
            self._publish(IndexState(message=missing))
            return
        # Here, on the main thread, SQLite and the build are imported (a worker never imports).
        from rxcombo.library.fulltext import open_text_index
        from rxcombo.ui.window.text_index_build import TextIndexBuild

        self.cancel()
        if self._index is None or self._index.root != str(library.root.resolve()):
            if self._index is not None:
                self._index.close()
            self._index = open_text_index(library.root)
        build = TextIndexBuild(library, self._typing, rebuild=rebuild, parent=self)
        build.progress.connect(self._on_progress)
        build.built.connect(self._on_built)
        build.failed.connect(self._on_failed)
        build.finished.connect(self._on_finished)
        self._build = build
        self._running.append(build)
        self._set_stop_enabled(True)
        complete = not rebuild and self._index.complete  # the last run's, until work shows up
        self._publish(IndexState(percent=100 if complete else 0, complete=complete))
        build.start()

    def cancel(self) -> None:
        """The stop button and Edit > Stop Indexing: what is indexed stays, and is searched."""
        build, self._build = self._build, None
        if build is not None:
            build.requestInterruption()
            self.progress_box.hide()
            self._set_stop_enabled(False)
            if not self._state.complete:
                self._publish(IndexState(self._state.percent, stopped=True))

    def running(self) -> bool:
        """A build's thread is running (perhaps one stopped but not yet ended)."""
        return any(build.isRunning() for build in self._running)

    def stop(self) -> None:
        """The window closes: end every build (Qt aborts if a running QThread is destroyed)."""
        self._closed = True
        self._delay.stop()
        self.cancel()
        for build in self._running:
            build.requestInterruption()
        for build in self._running:
            build.wait()
        self._running = []

    def _on_progress(self, done: int, total: int) -> None:
        if self.sender() is not self._build or total <= 0:
            return
        percent = min(99, done * 100 // total)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress_box.show()
        if self._state.complete or percent != self._state.percent:
            self._publish(IndexState(percent))

    def _on_built(self, stats: BuildStats) -> None:
        if self.sender() is not self._build:
            return  # stopped: cancel() said so already
        self._build = None
        self.progress_box.hide()
        self._set_stop_enabled(False)
        self._publish(IndexState(100, complete=stats.complete, stopped=not stats.complete))

    def _on_failed(self, message: str) -> None:
        if self.sender() is self._build:
            self._build = None
            self.progress_box.hide()
            self._set_stop_enabled(False)
            self._publish(IndexState(message=message))

    def _on_finished(self) -> None:
        self._running = [build for build in self._running if build.isRunning()]

    def _on_damaged(self) -> None:
        if self._build is None or not self._build.rebuild:
            self.start_build(rebuild=True)

    def _publish(self, state: IndexState) -> None:
        self._state = state
        self._mode.set_index(self._index, state)

    def _set_stop_enabled(self, enabled: bool) -> None:
        actions = getattr(self._window, "window_actions", None)
        if actions is not None:
            actions["stop_index_text"].setEnabled(enabled)
            actions["index_text"].setEnabled(not enabled)
