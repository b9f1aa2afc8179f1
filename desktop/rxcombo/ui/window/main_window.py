"""The main window: the search pane beside the page view, menus, status bar.

It wires widgets to the stores and the loader and holds no content logic of its own: its
actions are declared in ``actions.py``, loading in ``loading.py``, what it remembers in
``state.py``, failed saves in ``save_retry.py``, the status bar in ``status_bar.py``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from rxcombo import APP_NAME
from rxcombo.content import ContentError
from rxcombo.library import Library, ListPreview
from rxcombo.ui.icons import app_icon
from rxcombo.ui.page.page_view import PageView
from rxcombo.ui.sidebar.pane_layout import show_clear_button
from rxcombo.ui.sidebar.search_pane import SearchPane
from rxcombo.ui.sidebar.views import View
from rxcombo.ui.window import state
from rxcombo.ui.window.actions import build_actions
from rxcombo.ui.window.content_folders import ContentFolders
from rxcombo.ui.window.favorite_control import FavoriteControl
from rxcombo.ui.window.loading import ContentLoading
from rxcombo.ui.window.navigation import Navigation
from rxcombo.ui.window.open_requests import OpenRequests
from rxcombo.ui.window.save_retry import SaveRetry
from rxcombo.ui.window.search_notice import SearchNoticeShown
from rxcombo.ui.window.start import library_start, preview_start
from rxcombo.ui.window.status_bar import add_status_widgets, count_text, say_unreadable
from rxcombo.ui.window.text_search import TextSearchControl
from rxcombo.ui.window.window_dialogs import WindowDialogs
from rxcombo.ui.window.window_parts import PartsMadeOnFirstUse
from rxcombo.userdata import FavoritesStore, SettingsStore

if TYPE_CHECKING:  # links are imported when a request comes: most starts have none
    from PySide6.QtWidgets import QMessageBox

    from rxcombo.links import OpenRequest


class MainWindow(PartsMadeOnFirstUse, QMainWindow):
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
        self.last_notice: QMessageBox | None = None
        keep = settings.keep_history
        self.last_page = state.PageToReopen(
            settings.last_page_id if keep else None, settings.last_tab if keep else None
        )

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

        self.count_label, self.progress = add_status_widgets(self.statusBar())

        self.loading = ContentLoading(self, self.progress, self.statusBar(), self._lists_every_page)
        self.loading.loaded.connect(self._on_loaded)
        self.loading.previewed.connect(self._on_preview)
        self.loading.preview_withdrawn.connect(self.search_pane.withdraw_preview)
        self.loading.failed.connect(self.show_notice)
        self.loading.first_painted.connect(partial(self.last_page.reopen, self.page_view, self.open_page))
        # Queued: each a turn of the event loop of its own, after the paint (see SectionTabs).
        queued = Qt.ConnectionType.QueuedConnection
        self.loading.first_painted.connect(self.page_view.tabs.prepare, queued)
        self.loading.first_painted.connect(self.page_view.prepare, queued)
        self.loading.first_painted.connect(self.search_pane.feed.prepare_search, queued)
        self.loading.first_painted.connect(partial(show_clear_button, self.search_pane.search_field), queued)
        self.saving = SaveRetry(favorites, settings, self.statusBar(), self.show_notice, self)

        self.navigation = Navigation(settings, self.page_view, self.open_page, lambda: self.library)
        self.connect_parts_made_later(settings)
        status, combos = self.statusBar(), lambda drugs: self.list_control.show_from_link(drugs)
        self.requests = OpenRequests(lambda: self.library, self.open_page, self.search_for, status, combos)
        self.favorite_control = FavoriteControl(self)
        self.dialogs = WindowDialogs(self)
        self.content_folders = ContentFolders(self)
        self.text_search = TextSearchControl(self)
        self.window_actions = build_actions(self)
        self.navigation.attach(self.window_actions)
        for name, action in self.window_actions.menu_actions.items():
            setattr(self, f"{name}_action", action)  # add_folder_action, quit_action, …
        self.toggle_favorite_action = self.window_actions["toggle_favorite"]
        self.window_actions["toggle_sidebar"].setChecked(True)

        self.search_pane.page_activated.connect(self.open_page)
        self.search_pane.favorite_toggle_requested.connect(self.favorite_control.toggle)
        self.search_pane.counts_changed.connect(self._show_counts)
        self.page_view.favorite_toggled.connect(self.toggle_favorite)
        self.page_view.drug_activated.connect(self.search_pane.show_drug)
        self.page_view.external_link_clicked.connect(self.dialogs.open_external_link)
        self.page_view.page_activated.connect(self.open_page)
        self.page_view.search_requested.connect(self.search_for)
        self.search_notice = SearchNoticeShown(
            self.search_pane, self.page_view, self.statusBar(), self._set_title
        )

        state.restore_layout(self, self.splitter, self.search_pane, settings)
        self.favorite_control.refresh_list()
        # Typing should go straight to the search, as in any dictionary app.
        self.search_pane.search_field.setFocus(Qt.FocusReason.OtherFocusReason)
        # Its height from the start: else a relayout just after the first paint moves a pixel
        # row between it and the panes, a second visible repaint of the whole window.
        self.statusBar().setFixedHeight(self.statusBar().sizeHint().height())

    # -- loading -----------------------------------------------------------------------

    def load_content(self, root: Path) -> None:
        """Load one folder off the UI thread (``content_folders`` loads the saved sources)."""
        self.content_folders.load_folder(root)

    def _on_preview(self, preview: ListPreview) -> None:
        """A warm start's first frame, from the cached list before its library is read just
        after it (see ContentLoading): what that frame shows of the library, the same."""
        self.search_pane.show_preview(preview, self.favorites.contains)
        say_unreadable(self.statusBar(), preview.errors)
        self.page_view.show_start(*preview_start(preview, self.navigation.history, self.favorites))
        self.loading.list_shown()

    def _on_loaded(self, library: Library) -> None:
        self.library = library
        self.search_pane.set_library(library, self.favorites.contains)
        self.page_view.set_notice_hints(library.hint)
        self.favorite_control.refresh_list()
        self.content_folders.library_shown(library)
        say_unreadable(self.statusBar(), len(library.errors))
        self.last_page.library_shown(library)
        if self.requests.library_shown():
            self.last_page.cancel()  # a request from outside wins over the last page
        self.show_start()
        self.loading.list_shown()
        self.library_loaded.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.windowHandle() is not None:
            # Mouse back/forward anywhere in the window: its native window sees each press
            # first. (An application-wide filter ran Python for every event: +25 ms to start.)
            self.windowHandle().installEventFilter(self.navigation)
        # The first paint after a library arrives is seen here, just after it is done.
        if event.type() != QEvent.Type.UpdateRequest:
            return super().event(event)
        self.loading.update_requested()
        painted = super().event(event)
        self.loading.update_done()
        return painted

    def _source_name(self, page_id: str) -> str:
        """Where a page comes from, as its printout says: its source's name."""
        name = self.library.source_of(page_id) if self.library is not None else None
        return name or self.content_dir.name

    def _show_counts(self, shown: int, total: int) -> None:
        self.count_label.setText(count_text(self.search_pane, self.search_pane.feed.drug_count, shown, total))

    def _lists_every_page(self) -> bool:
        """What a preview shows (see ContentLoading): all pages, A-Z, no search restored."""
        pane = self.search_pane
        return pane.current_view() is View.ALL and not str(pane.query()) and not pane.text_mode.on

    # -- pages -------------------------------------------------------------------------

    def open_page(self, page_id: str, *, record: bool = True) -> None:
        """Open a page; ``record``: a step in the history (Back and Forward do not record)."""
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
        if record:
            self.navigation.leaving()
        self.page_view.show_document(document)
        if record:
            self.navigation.history.visit(page_id)
        if previous is not None and previous is not document:
            previous.release_body()  # only the open page's text stays in memory
        self.favorite_control.page_shown(page_id)
        self.toggle_favorite_action.setEnabled(True)
        self.setWindowTitle(f"{document.title} — {APP_NAME}")
        if self.settings.keep_history:
            self.settings.last_page_id = page_id

    def show_start(self) -> None:
        if self.library is not None:
            self.page_view.show_start(*library_start(self.library, self.navigation.history, self.favorites))

    def open_request(self, request: OpenRequest) -> None:
        """``rxcombo open`` or an ``rxcombo:`` link, handed over by the launcher."""
        self.requests.request(request)

    def search_for(self, text: str) -> None:
        self.search_pane.set_query(text)
        self.focus_search()

    def _set_title(self, subject: str | None) -> None:
        self.setWindowTitle(f"{subject} — {APP_NAME}" if subject else APP_NAME)

    def current_page_id(self) -> str | None:
        document = self.page_view.document
        return document.id if document is not None else None

    def focus_search(self) -> None:
        self.search_pane.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_pane.search_field.selectAll()

    def toggle_sidebar(self) -> None:
        """F9: hide the search pane to read in a small window, or bring it back."""
        shown = not self.search_pane.isVisible()
        self.search_pane.setVisible(shown)
        self.window_actions["toggle_sidebar"].setChecked(shown)
        if shown:
            self.focus_search()

    def next_tab(self) -> None:
        self.page_view.next_tab(1)

    def previous_tab(self) -> None:
        self.page_view.next_tab(-1)

    # -- favorites ---------------------------------------------------------------------

    def toggle_favorite(self) -> None:
        self.favorite_control.toggle_open_page()

    def show_notice(self, text: str) -> QMessageBox:
        """A warning that does not block: the window keeps working behind it."""
        from PySide6.QtWidgets import QMessageBox  # on the first notice: most starts have none

        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("noticeBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # folder and source names are the user's text
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_notice = box
        return box

    # -- dialogs -----------------------------------------------------------------------

    def about_text(self) -> str:
        return self.dialogs.about_text()

    # -- state -------------------------------------------------------------------------

    def save_state(self) -> None:
        tab, _scroll = self.page_view.position()
        self.save_parts_state()
        state.save_layout(self, self.splitter, self.search_pane, self.settings, self.current_page_id(), tab)
        if self.favorites.dirty:
            self.favorites.save()

    def stop_loaders(self) -> None:
        """End every loading or warm-up thread (see ContentLoading.stop_all)."""
        self.loading.stop_all()
        self.text_search.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_loaders()
        self.save_state()
        event.accept()
