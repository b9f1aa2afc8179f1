"""The left pane: the search field above three views of the library.

All pages (a flat list in ranking order), by drug (a tree), and favorites. Every
keystroke re-runs the engine's search; only the visible view is re-filtered, the others
catch up when shown.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rxcombo.content import fold
from rxcombo.content.names import tokens
from rxcombo.library import Library
from rxcombo.search import SearchIndex
from rxcombo.ui.icons import icon
from rxcombo.ui.roles import DRUG_KEY_ROLE, FAVORITE_ROLE, MISSING_ROLE, PAGE_ID_ROLE
from rxcombo.ui.sidebar.delegate import HighlightDelegate
from rxcombo.ui.sidebar.drug_tree_model import DrugTreeFilter, DrugTreeModel
from rxcombo.ui.sidebar.favorites_model import FavoritesFilter, FavoritesModel
from rxcombo.ui.sidebar.page_models import PageListModel, SearchResultsProxy
from rxcombo.userdata import Favorite

PLACEHOLDER = "Search drugs…"
_NAVIGATION_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}


class View(IntEnum):
    ALL = 0
    BY_DRUG = 1
    FAVORITES = 2


VIEW_NAMES = {View.ALL: "all", View.BY_DRUG: "by-drug", View.FAVORITES: "favorites"}
VIEW_LABELS = {View.ALL: "All pages", View.BY_DRUG: "By drug", View.FAVORITES: "Favorites"}


class SearchPane(QWidget):
    page_activated = Signal(str)
    favorite_toggle_requested = Signal(str, str)  # page id, title
    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.index: SearchIndex | None = None
        self._stale: set[View] = set()
        self._tree_pages = 0  # pages the by-drug tree lists, set with its filter

        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(PLACEHOLDER)
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.textChanged.connect(self._on_query_changed)
        self.search_field.installEventFilter(self)

        self.view_bar = QTabBar()
        self.view_bar.setObjectName("viewBar")
        self.view_bar.setExpanding(True)
        self.view_bar.setDocumentMode(True)
        for each in View:
            self.view_bar.addTab(VIEW_LABELS[each])
        self.view_bar.currentChanged.connect(self._on_view_changed)

        self.delegate = HighlightDelegate(self)

        self.page_model = PageListModel(self)
        self.results = SearchResultsProxy(self)
        self.results.setSourceModel(self.page_model)
        self.all_view = self._make_list_view("allPagesView")
        self.all_view.setModel(self.results)

        self.drug_model = DrugTreeModel(self)
        self.drug_filter = DrugTreeFilter(self)
        self.drug_filter.setSourceModel(self.drug_model)
        self.drug_view = QTreeView()
        self.drug_view.setObjectName("drugTreeView")
        self.drug_view.setHeaderHidden(True)
        self.drug_view.setUniformRowHeights(True)
        self.drug_view.setModel(self.drug_filter)
        self._setup_view(self.drug_view)

        self.favorites_model = FavoritesModel(self)
        self.favorites_filter = FavoritesFilter(self)
        self.favorites_filter.setSourceModel(self.favorites_model)
        self.favorites_view = self._make_list_view("favoritesView")
        self.favorites_view.setModel(self.favorites_filter)

        self.stack = QStackedWidget()
        for item_view in (self.all_view, self.drug_view, self.favorites_view):
            self.stack.addWidget(item_view)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(16)
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 4)
        layout.setSpacing(6)
        layout.addWidget(self.search_field)
        layout.addWidget(self.view_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.empty_label, 1)

    # -- construction helpers ----------------------------------------------------------

    def _make_list_view(self, name: str) -> QTableView:
        """A one-column table rather than a QListView: after a model reset QListView lays
        out every row (300 ms at 100,000 pages), a table with fixed row heights only the
        visible ones (1-3 ms)."""
        view = QTableView()
        view.setObjectName(name)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.horizontalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.setTabKeyNavigation(False)
        self._setup_view(view)
        return view

    def _setup_view(self, view: QAbstractItemView) -> None:
        view.setItemDelegate(self.delegate)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))
        view.activated.connect(self._open_index)
        view.clicked.connect(self._open_index)

    # -- data --------------------------------------------------------------------------

    def set_library(self, library: Library, is_favorite: object) -> None:
        self.library = library
        self.index = library.index
        self.page_model.set_favorite_check(is_favorite)  # type: ignore[arg-type]
        self.drug_model.set_favorite_check(is_favorite)  # type: ignore[arg-type]
        self.page_model.set_documents(library.documents)
        self.drug_model.set_library(library)
        self._stale = set(View)
        self._apply_query()

    def set_favorites(self, favorites: list[Favorite]) -> None:
        self.favorites_model.set_favorites(favorites, self.library)
        self._stale.add(View.FAVORITES)
        if self.current_view() is View.FAVORITES:
            self._apply_query()
        else:
            self._update_empty_state()

    def refresh_page(self, page_id: str) -> None:
        self.page_model.refresh_page(page_id)
        self.drug_model.refresh_page(page_id)

    # -- query -------------------------------------------------------------------------

    def query(self) -> str:
        return self.search_field.text()

    def set_query(self, text: str) -> None:
        self.search_field.setText(text)

    def _on_query_changed(self, _text: str) -> None:
        self._stale = set(View)
        self._apply_query()

    def _apply_query(self) -> None:
        view = self.current_view()
        if view not in self._stale:
            self._update_empty_state()
            return
        self._stale.discard(view)
        query = self.search_field.text()
        self.delegate.set_query(query)
        if self.index is None or self.library is None:
            self._update_empty_state()
            return
        blank = not query.strip()
        if view is View.ALL:
            # No row is selected after a new query: Enter opens the first one, and selecting
            # here would cost more than the search itself on long lists.
            self.results.set_rows(self.index.search_rows(query))
        elif view is View.BY_DRUG:
            if blank:
                self.drug_filter.set_filter(None, None)
                self._tree_pages = len(self.library.documents)
            else:
                pages = {hit.id for hit in self.index.search(query)}
                words = self.index.matched_vocabulary(query)
                drugs = {
                    drug.key
                    for drug in self.library.drugs
                    if any(word in words for word in tokens(drug.key))
                    and any(page_id in pages for page_id in drug.page_ids)
                }
                self.drug_filter.set_filter(drugs, pages)
                self._tree_pages = len(pages)
                if self.drug_filter.rowCount() <= 3:
                    self.drug_view.expandAll()
        else:
            pages_or_all = None if blank else {hit.id for hit in self.index.search(query)}
            self.favorites_filter.set_filter(pages_or_all, query)
        self._update_empty_state()

    def shown_count(self) -> int:
        """Pages the current view lists (for the status bar)."""
        view = self.current_view()
        if view is View.ALL:
            return self.results.rowCount()
        if view is View.FAVORITES:
            return self.favorites_filter.rowCount()
        # Every page the search found sits under at least one of its drugs that a query
        # word matched, so the tree lists exactly the hits; walking the tree to count them
        # would force Qt to filter every drug's children on each keystroke.
        return self._tree_pages

    def _update_empty_state(self) -> None:
        view = self.current_view()
        model = self.current_item_view().model()
        empty = model is None or model.rowCount() == 0
        query = self.search_field.text().strip()
        if empty and self.library is None:
            message = "Loading pages…"
        elif empty and view is View.FAVORITES and not query:
            message = "No favorites yet.\nOpen a page and press Ctrl+D, or click its star, to keep it here."
        elif empty and query:
            where = " in your favorites" if view is View.FAVORITES else ""
            message = f"No page matches '{query}'{where}."
        elif empty:
            message = "This library has no pages."
        else:
            message = ""
        self.empty_label.setText(message)
        self.empty_label.setVisible(empty)
        self.stack.setVisible(not empty)
        total = len(self.library.documents) if self.library else 0
        self.counts_changed.emit(self.shown_count() if not empty else 0, total)

    # -- views -------------------------------------------------------------------------

    def current_view(self) -> View:
        return View(max(0, self.view_bar.currentIndex()))

    def set_view(self, view: View) -> None:
        self.view_bar.setCurrentIndex(int(view))

    def current_item_view(self) -> QAbstractItemView:
        widget = self.stack.widget(int(self.current_view()))
        assert isinstance(widget, QAbstractItemView)
        return widget

    def _on_view_changed(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self._apply_query()

    def show_drug(self, name: str) -> None:
        """List a drug's pages: the by-drug view, narrowed to it and expanded."""
        self.set_view(View.BY_DRUG)
        self.set_query(name)
        key = fold(name)
        for row in range(self.drug_filter.rowCount()):
            index = self.drug_filter.index(row, 0)
            if index.data(DRUG_KEY_ROLE) == key:
                self.drug_view.expand(index)
                self.drug_view.setCurrentIndex(index)
                self.drug_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
                break

    def select_page(self, page_id: str) -> None:
        """Make the open page the current row of the flat list, if it is shown."""
        row = self.page_model.row_of(page_id)
        if row is None:
            return
        proxy_index = self.results.mapFromSource(self.page_model.index(row, 0))
        if proxy_index.isValid():
            self.all_view.setCurrentIndex(proxy_index)
            self.all_view.scrollTo(proxy_index)

    # -- keyboard and activation -------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._search_key(event)
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        view = self.current_item_view()
        if key == Qt.Key.Key_Escape:
            if self.search_field.text():
                self.search_field.clear()
                return True
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return True
        if key in _NAVIGATION_KEYS and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            model = view.model()
            if model is None or model.rowCount() == 0:
                return True
            if not view.currentIndex().isValid():
                view.setCurrentIndex(model.index(0, 0))
                return True
            forwarded = QKeyEvent(event.type(), key, event.modifiers(), event.text())
            QApplication.sendEvent(view, forwarded)
            return True
        return False

    def open_current(self) -> None:
        """Enter: open the selected row, or the first one when none is selected."""
        view = self.current_item_view()
        model = view.model()
        if model is None or model.rowCount() == 0:
            return
        index = view.currentIndex()
        if not index.isValid():
            index = model.index(0, 0)
            view.setCurrentIndex(index)
        self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        page_id = index.data(PAGE_ID_ROLE)
        if page_id is None and index.data(DRUG_KEY_ROLE) is not None:
            # A drug row: open its first page (the drug's own page when it has one).
            model = index.model()
            if model.rowCount(index):
                self.drug_view.expand(index)
                page_id = model.index(0, 0, index).data(PAGE_ID_ROLE)
        if page_id is not None:
            self.page_activated.emit(str(page_id))

    def _context_menu(self, view: QAbstractItemView, position: QPoint) -> None:
        index = view.indexAt(position)
        page_id = index.data(PAGE_ID_ROLE) if index.isValid() else None
        if page_id is None:
            return
        title = str(index.data(Qt.ItemDataRole.DisplayRole))
        menu = QMenu(self)
        open_action = QAction("Open", menu)
        open_action.setEnabled(not index.data(MISSING_ROLE))
        open_action.triggered.connect(lambda: self.page_activated.emit(str(page_id)))
        favorite = bool(index.data(FAVORITE_ROLE))
        star = QAction(
            icon("star" if not favorite else "star-outline"),
            "Remove from Favorites" if favorite else "Add to Favorites",
            menu,
        )
        star.setShortcut(QKeySequence("Ctrl+D"))
        star.triggered.connect(lambda: self.favorite_toggle_requested.emit(str(page_id), title))
        menu.addAction(open_action)
        menu.addAction(star)
        menu.exec(view.viewport().mapToGlobal(position))
