"""The main window: the search pane beside the page view, menus, status bar.

It wires widgets to the stores and the loader and holds no content logic of its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QWidget,
)

from rxcombo import APP_NAME, __version__
from rxcombo.app.loader import LibraryLoader
from rxcombo.content import ContentError
from rxcombo.library import Library
from rxcombo.support import lazy, timing
from rxcombo.ui.dialogs.disclaimer import DisclaimerDialog, confirm_external_link
from rxcombo.ui.icons import app_icon, icon
from rxcombo.ui.page.page_view import PageView
from rxcombo.ui.sidebar.search_pane import SearchPane
from rxcombo.ui.sidebar.views import VIEW_NAMES, View
from rxcombo.userdata import FavoritesStore, SettingsStore

SAVE_RETRY_MS = 30_000


class MainWindow(QMainWindow):
    library_loaded = Signal()

    def __init__(
        self,
        settings: SettingsStore,
        favorites: FavoritesStore,
        content_dir: Path,
        disclaimer_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.favorites = favorites
        self.content_dir = content_dir
        self.disclaimer_text = disclaimer_text
        self.library: Library | None = None
        self._loader: LibraryLoader | None = None
        self._pending_page: str | None = settings.last_page_id
        self._reopen_page: str | None = None
        self._awaiting_paint = False
        self._warm_loader: LibraryLoader | None = None
        self._loaders: list[LibraryLoader] = []
        self.last_notice: QMessageBox | None = None

        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setMinimumSize(640, 480)

        self.search_pane = SearchPane()
        self.page_view = PageView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.search_pane)
        self.splitter.addWidget(self.page_view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 700])
        self.setCentralWidget(self.splitter)

        self.count_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.progress)

        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(SAVE_RETRY_MS)
        self._retry_timer.timeout.connect(self._retry_saves)

        self._build_menus()
        self._build_shortcuts()
        self.search_pane.page_activated.connect(self.open_page)
        self.search_pane.favorite_toggle_requested.connect(self._toggle_favorite_of)
        self.search_pane.counts_changed.connect(self._show_counts)
        self.page_view.favorite_toggled.connect(self.toggle_favorite)
        self.page_view.drug_activated.connect(self.search_pane.show_drug)
        self.page_view.external_link_clicked.connect(self._open_external)

        self._restore_state()
        self.search_pane.set_favorites(self.favorites.items())
        # Typing should go straight to the search, as in any dictionary app.
        self.search_pane.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- construction ------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_folder_action = QAction(icon("folder-open"), "&Open Content Folder…", self)
        self.open_folder_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_folder_action.triggered.connect(self.choose_content_folder)
        file_menu.addAction(self.open_folder_action)
        file_menu.addSeparator()
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        favorites_menu = self.menuBar().addMenu("F&avorites")
        self.toggle_favorite_action = QAction(icon("star"), "&Toggle Favorite", self)
        self.toggle_favorite_action.setShortcut(QKeySequence("Ctrl+D"))
        self.toggle_favorite_action.triggered.connect(self.toggle_favorite)
        self.toggle_favorite_action.setEnabled(False)
        favorites_menu.addAction(self.toggle_favorite_action)
        self.show_favorites_action = QAction("&Show Favorites", self)
        self.show_favorites_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.show_favorites_action.triggered.connect(lambda: self.search_pane.set_view(View.FAVORITES))
        favorites_menu.addAction(self.show_favorites_action)

        help_menu = self.menuBar().addMenu("&Help")
        self.disclaimer_action = QAction(icon("warning"), "&Disclaimer", self)
        self.disclaimer_action.triggered.connect(self.show_disclaimer)
        help_menu.addAction(self.disclaimer_action)
        self.about_action = QAction("&About RxCombo", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _build_shortcuts(self) -> None:
        def bind(sequence: str, slot: object) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

        bind("Ctrl+L", self.focus_search)
        bind("Ctrl+Tab", lambda: self.page_view.next_tab(1))
        bind("Ctrl+Shift+Tab", lambda: self.page_view.next_tab(-1))
        bind("Ctrl+Backtab", lambda: self.page_view.next_tab(-1))
        bind("Ctrl+PgDown", lambda: self.page_view.next_tab(1))
        bind("Ctrl+PgUp", lambda: self.page_view.next_tab(-1))

    # -- loading -----------------------------------------------------------------------

    def load_content(self, root: Path) -> None:
        """Load a library off the UI thread; the window stays usable meanwhile."""
        for previous in (self._loader, self._warm_loader):
            if previous is not None:
                previous.stop()
        self._warm_loader = None
        self.content_dir = root
        self.progress.setRange(0, 0)
        self.progress.setFormat("Loading pages… %p%")
        self.progress.show()
        self.statusBar().showMessage(f"Loading {root}…")
        loader = LibraryLoader(root, parent=self)
        self._loaders = [running for running in self._loaders if running.isRunning()] + [loader]
        loader.progress.connect(self._on_progress)
        loader.loaded.connect(self._on_loaded)
        loader.failed.connect(self._on_load_failed)
        self._loader = loader
        loader.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_loaded(self, library: Library) -> None:
        if self._loader is not None:  # a warm start may deliver twice: cached, then checked
            self._warm_loader = self._loader  # it warms up the search after the first paint
            self._loader = None
        self.library = library
        self.progress.hide()
        self.statusBar().clearMessage()
        self.search_pane.set_library(library, self.favorites.contains)
        self.search_pane.set_favorites(self.favorites.items())
        if library.errors:
            self.statusBar().showMessage(
                f"{len(library.errors)} page(s) could not be read; run 'rxcombo check' for details",
                10_000,
            )
        if self._pending_page and library.get(self._pending_page):
            # Reopen the last page once the list is on screen (see _after_first_paint):
            # searching can start while its tabs render (the first render also imports
            # Markdown, ~30 ms).
            self._reopen_page = self._pending_page
        self._pending_page = None
        timing.mark("list-ready")
        self._awaiting_paint = True
        self.update()
        self.library_loaded.emit()

    def _reopen(self) -> None:
        page_id, self._reopen_page = self._reopen_page, None
        if page_id and self.page_view.document is None:  # nothing else opened meanwhile
            self.open_page(page_id)

    def _on_load_failed(self, message: str) -> None:
        self._loader = None
        self.progress.hide()
        self.show_notice(message)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest and self.progress.isVisible():
            timing.mark("progress-shown")
        if self._awaiting_paint and event.type() == QEvent.Type.UpdateRequest:
            result = super().event(event)
            self._awaiting_paint = False
            timing.mark("first-paint")
            QTimer.singleShot(0, self._after_first_paint)
            return result
        return super().event(event)

    def _after_first_paint(self) -> None:
        """The list is on screen: now prepare what typing will need, off the critical path."""
        self._reopen()
        # rapidfuzz (3.4 MB) is left to the first typo: most sessions never make one.
        lazy.preload("markdown", "nh3")
        if self._warm_loader is not None:
            self._warm_loader.window_painted()
            self._warm_loader = None

    def _show_counts(self, shown: int, total: int) -> None:
        if self.library is None:
            self.count_label.setText("")
            return
        query = str(self.search_pane.query())  # the typed text, stripped
        drugs = len(self.library.drugs)
        if query:
            self.count_label.setText(f"{shown} of {total} pages match")
        else:
            self.count_label.setText(f"{total} pages, {drugs} drugs")

    # -- pages -------------------------------------------------------------------------

    def open_page(self, page_id: str) -> None:
        if self.library is None:
            return
        document = self.library.get(page_id)
        if document is None:
            self.statusBar().showMessage("That page is not in the open library.", 5000)
            return
        previous = self.page_view.document
        try:
            document.body()  # read and split now; rendering follows in show_document
        except ContentError as exc:
            self.page_view.show_message(f"This page cannot be shown.\n\n{exc}")
            self.setWindowTitle(APP_NAME)
            return
        self.page_view.show_document(document)
        if previous is not None and previous is not document:
            previous.release_body()  # only the open page's text stays in memory
        self.page_view.set_favorite(self.favorites.contains(page_id))
        self.toggle_favorite_action.setEnabled(True)
        self.setWindowTitle(f"{document.title} — {APP_NAME}")
        self.settings.last_page_id = page_id

    def current_page_id(self) -> str | None:
        document = self.page_view.document
        return document.id if document is not None else None

    def focus_search(self) -> None:
        self.search_pane.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_pane.search_field.selectAll()

    # -- favorites ---------------------------------------------------------------------

    def toggle_favorite(self) -> None:
        document = self.page_view.document
        if document is not None:
            self._toggle_favorite_of(document.id, document.title)

    def _toggle_favorite_of(self, page_id: str, title: str) -> None:
        state = self.favorites.toggle(page_id, title)
        self._save_favorites()
        if self.current_page_id() == page_id:
            self.page_view.set_favorite(state)
        self.search_pane.refresh_page(page_id)
        self.search_pane.set_favorites(self.favorites.items())
        verb = "Added to" if state else "Removed from"
        self.statusBar().showMessage(f"{verb} favorites: {title}", 4000)

    def _save_favorites(self) -> None:
        if not self.favorites.save():
            self.statusBar().showMessage(
                f"Favorites not saved yet ({self.favorites.last_error}); kept in memory, retrying.",
                10_000,
            )
            self._retry_timer.start()
        self._show_notices()

    def _retry_saves(self) -> None:
        done = True
        for store in (self.favorites, self.settings):
            if store.dirty and not store.save():
                done = False
        if done:
            self._retry_timer.stop()
            self.statusBar().showMessage("Favorites and settings saved.", 4000)

    def _show_notices(self) -> None:
        notices = self.favorites.take_notices() + self.settings.take_notices()
        if notices:
            self.show_notice("\n\n".join(notices))

    def show_notice(self, text: str) -> QMessageBox:
        """A warning that does not block: the window keeps working behind it."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("noticeBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_notice = box
        return box

    # -- dialogs -----------------------------------------------------------------------

    def choose_content_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, f"Open Content Folder — {APP_NAME}", str(self.content_dir)
        )
        if folder:
            self.open_content_folder(Path(folder))

    def open_content_folder(self, folder: Path) -> None:
        self.settings.content_dir = str(folder)
        self.settings.save()
        self.page_view.show_message("Loading…")
        self.setWindowTitle(APP_NAME)
        self.load_content(folder)

    def show_disclaimer(self) -> None:
        dialog = DisclaimerDialog(self.disclaimer_text, first_launch=False, parent=self)
        dialog.exec()

    def about_text(self) -> str:
        pages = len(self.library.documents) if self.library else 0
        drugs = len(self.library.drugs) if self.library else 0
        return (
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>An offline reference for drugs and drug combinations.</p>"
            f"<p><b>Content folder:</b> {self.content_dir}<br>"
            f"<b>Pages:</b> {pages} &nbsp; <b>Drugs:</b> {drugs}<br>"
            f"<b>Favorites stored in:</b> {self.favorites.path}</p>"
            "<p>The pages are AI-generated and unreviewed. They are not medical advice.</p>"
        )

    def show_about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", self.about_text())

    def _open_external(self, url: QUrl) -> None:
        if url.scheme() not in ("http", "https", "mailto"):
            return
        if confirm_external_link(self, url):
            QDesktopServices.openUrl(url)

    # -- state -------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1100, 720)
        splitter = self.settings.splitter_state
        if splitter:
            self.splitter.restoreState(QByteArray(splitter))
        names = {name: view for view, name in VIEW_NAMES.items()}
        self.search_pane.set_view(names.get(self.settings.list_view, View.ALL))

    def save_state(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().data())
        self.settings.splitter_state = bytes(self.splitter.saveState().data())
        self.settings.list_view = VIEW_NAMES[self.search_pane.current_view()]
        page_id = self.current_page_id()
        if page_id:
            self.settings.last_page_id = page_id
        self.settings.save()
        if self.favorites.dirty:
            self.favorites.save()

    def stop_loaders(self) -> None:
        """End every loading or warm-up thread: Qt aborts if a running QThread is destroyed
        with the window that owns it."""
        for loader in self._loaders:
            loader.stop()
        for loader in self._loaders:
            loader.wait()
        self._loaders = [loader for loader in self._loaders if loader.isRunning()]

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_loaders()
        self.save_state()
        event.accept()
