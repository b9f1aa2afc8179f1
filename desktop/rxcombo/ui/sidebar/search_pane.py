"""The left pane: the search field above three views of the library, and the drug lists.

All pages (ranked), by drug (a tree), favorites, and the drug lists with their reports
(lists_panel, made when first shown). Each keystroke parses the text once into a
:class:`~rxcombo.search.Query` handed to the delegate and the visible view's filter, as
qutebrowser's completion hands one pattern to each category; the others catch up when shown.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Signal
from PySide6.QtWidgets import QAbstractItemView, QStackedWidget, QWidget

from rxcombo.content import fold
from rxcombo.library import Library, ListPreview
from rxcombo.search import Query
from rxcombo.search.answer import Notice
from rxcombo.ui.sidebar.delegate import HighlightDelegate
from rxcombo.ui.sidebar.empty_state import EmptyStateLabel
from rxcombo.ui.sidebar.favorites_sort import FavoritesSortBox
from rxcombo.ui.sidebar.item_views import page_id_at, set_up_view
from rxcombo.ui.sidebar.list_feed import ListFeed
from rxcombo.ui.sidebar.notice import NoticeBanner, NoticeState, related_rows
from rxcombo.ui.sidebar.page_models import FavoriteCheck
from rxcombo.ui.sidebar.pane_layout import lay_out_pane, make_search_field, make_view_bar, swap_in
from rxcombo.ui.sidebar.pane_views import make_views
from rxcombo.ui.sidebar.search_keys import SearchFieldKeys
from rxcombo.ui.sidebar.text_mode import TextSearchMode
from rxcombo.ui.sidebar.views import VIEW_LABELS, View
from rxcombo.userdata import Favorite

if TYPE_CHECKING:
    from rxcombo.ui.sidebar.lists_panel import DrugListsPanel

PLACEHOLDER = "Search drugs…"


class SearchPane(QWidget):
    page_activated = Signal(str)
    favorite_toggle_requested = Signal(str, str)  # page id, title
    compare_requested = Signal(str)  # a row's page, beside the open page
    link_copy_requested = Signal(str)  # a row's page
    favorite_note_requested = Signal(str)  # a favorite's page id as saved: edit its note
    favorite_folder_requested = Signal(str)  # … move it to another folder
    counts_changed = Signal(int, int)  # shown, total
    notice_changed = Signal(object, object, bool)  # Notice | None, related pages, any page found
    choice_needed = Signal()  # Enter with a notice and no row picked: nothing opened
    lists_needed = Signal()  # the lists view is asked for: the window makes what drives it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self._query = Query.parse("")
        self._stale: set[View] = set()
        self._notices = NoticeState()

        self.search_field = make_search_field(PLACEHOLDER)
        self.search_field.textChanged.connect(self._on_query_changed)
        self.search_keys = SearchFieldKeys(self.search_field, self._keyed_view, self.open_current)
        # The words of every page ("?" or the toggle); its panel, made on first use, is put in its place.
        self.text_mode = TextSearchMode(self.search_field, lambda panel: swap_in(self.modes, 1, panel), self)
        self.text_mode.retake.connect(lambda: self._on_query_changed(self.search_field.text()))
        self._notices.count_mentions = self.text_mode.count_mentions  # "3 pages mention 'coumadin'"

        self.view_bar = make_view_bar([VIEW_LABELS[each] for each in View])
        self.view_bar.currentChanged.connect(self._on_view_changed)

        self.delegate = HighlightDelegate(self)

        (
            self.page_model, self.results, self.all_view,
            self.drug_model, self.drug_filter, self.drug_view,
            self.favorites_model, self.favorites_filter, self.favorites_view,
        ) = self.views = views = make_views(self)  # fmt: skip
        self.feed = ListFeed(views)
        self.favorites_sort = FavoritesSortBox()  # shown with the favorites view
        self.stack = QStackedWidget()
        for item_view in views.item_views():
            set_up_view(item_view, self.delegate, self._open_index, self._context_menu)
            self.stack.addWidget(item_view)
        self.stack.addWidget(QWidget())  # View.LISTS: the lists panel, made when first shown

        self.empty_label = EmptyStateLabel()
        self.notice_banner = NoticeBanner()
        self.notice_banner.setAccessibleName("Search notice")

        self.notice_banner.mentions_requested.connect(lambda: self.text_mode.set_sticky(True))

        self.modes = lay_out_pane(
            self,
            self.search_field,
            self.text_mode.button,
            (
                (self.view_bar, 0),
                (self.favorites_sort, 0),
                (self.notice_banner, 0),
                (self.stack, 1),
                (self.empty_label, 1),
            ),
        )
        self.text_mode.mode_changed.connect(lambda on: self.modes.setCurrentIndex(int(on)))

    # -- data --------------------------------------------------------------------------

    def set_library(self, library: Library, is_favorite: FavoriteCheck) -> None:
        self.library = library
        self.feed.show_library(library, is_favorite)
        self._stale = set(View)
        self._update_notice()
        self._apply_query()

    def show_preview(self, preview: ListPreview, is_favorite: FavoriteCheck) -> None:
        """A warm start's first frame: the cached list's rows, before its library (which
        :meth:`set_library` gives just after that frame, with the same rows)."""
        self.feed.show_preview(preview, is_favorite)
        self._update_empty_state()

    def withdraw_preview(self) -> None:
        """The preview's rows go (its library could not be read, or text was typed first):
        until a library comes, the list says it is loading rather than list rows unfiltered."""
        if self.feed.withdraw_preview():
            self._update_empty_state()

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

    def query(self) -> Query:
        """The search field's text, as parsed once when it last changed."""
        return self._query

    def set_query(self, text: str) -> None:
        self.search_field.setText(text)

    def _on_query_changed(self, text: str) -> None:
        self.withdraw_preview()  # no search before the library: never rows that do not match
        if self.text_mode.take(text):  # the text search answers; names rest, blank (no notice)
            if not str(self._query):
                return
            text = ""
        self._query = Query.parse(text)  # the only parse: everything below shares this value
        self.delegate.set_query(self._query)
        self._stale = set(View)
        self._update_notice()
        self._apply_query()

    def _update_notice(self) -> None:
        if self._notices.update(self.library, self._query):
            self.notice_changed.emit(self._notices.notice, self._notices.related, self._notices.found)
        self.notice_banner.show_notice(self._notices.notice)

    def notice(self) -> Notice | None:
        return self._notices.notice

    def shows_related(self) -> bool:
        """The all-pages list holds related pages (nothing matched), not results."""
        return self.current_view() is View.ALL and not self._notices.found and bool(self._notices.related)

    def _apply_query(self) -> None:
        """Re-filter the visible view if it is stale."""
        view = self.current_view()
        if view not in self._stale:
            self._update_empty_state()
            return
        self._stale.discard(view)
        if self.library is None:
            self._update_empty_state()
            return
        if view is View.ALL:
            # No row is selected after a new query: Enter opens the first one, and selecting
            # here would cost more than the search itself on long lists.
            rows = self.results.set_query(self._query)
            if not self._notices.found and self._notices.related:
                shown, notes = related_rows(self._notices.related, self.page_model.row_of)
                self.results.set_answer_rows(shown, notes, similar=False)
            elif self._notices.similar_only:
                self.results.set_answer_rows(rows, {}, similar=True)
        elif view is View.BY_DRUG:
            self.feed.fill_drug_tree()
            self.views.filter_by_drug(self._query, self._notices.similar_only)
        else:
            self.views.filter_favorites(self._query, self._notices.similar_only)
        self._update_empty_state()

    def shown_count(self) -> int:
        """Pages the current view lists (for the status bar)."""
        return self.views.shown_count(self.current_view())

    def _update_empty_state(self) -> None:
        if self.current_view() is View.LISTS:  # the lists panel says itself what it holds
            self.empty_label.hide()
            self.stack.show()
            return
        model = self.current_item_view().model()
        empty = model is None or model.rowCount() == 0
        noticed = self._notices.notice is not None  # the banner already says why the list is empty
        self.empty_label.show_state(
            empty and not noticed, self.current_view(), self._query, loading=self.library is None
        )
        self.stack.setVisible(not empty)
        total = self.page_model.rowCount()  # the library's pages (or its preview's)
        self.counts_changed.emit(self.shown_count() if not empty else 0, total)

    # -- views -------------------------------------------------------------------------

    def current_view(self) -> View:
        return View(max(0, self.view_bar.currentIndex()))

    def set_view(self, view: View) -> None:
        self.view_bar.setCurrentIndex(int(view))

    @cached_property
    def lists_panel(self) -> DrugListsPanel:
        """The lists view (driven by the window's ListControl), made on first use."""
        from rxcombo.ui.sidebar.lists_panel import DrugListsPanel

        panel = DrugListsPanel()
        panel.connect_rows(self._open_index, self._context_menu)
        swap_in(self.stack, View.LISTS, panel)
        return panel

    def current_item_view(self) -> QAbstractItemView:
        if self.current_view() is View.LISTS:
            return self.lists_panel.report_view
        widget = self.stack.widget(int(self.current_view()))
        assert isinstance(widget, QAbstractItemView)
        return widget

    def _on_view_changed(self, index: int) -> None:
        if index == View.LISTS:
            self.lists_needed.emit()
        self.stack.setCurrentIndex(index)
        self.favorites_sort.setVisible(index == View.FAVORITES)
        self._apply_query()

    def show_drug(self, name: str) -> None:
        """List a drug's pages: the by-drug view, narrowed to it and expanded."""
        self.text_mode.set_sticky(False)  # a drug's pages: a name search
        self.set_view(View.BY_DRUG)
        self.set_query(name)
        index = self.drug_filter.index_of_drug(fold(name))  # its key: a name, not a query
        if index.isValid():
            self.drug_view.expand(index)
            self.drug_view.setCurrentIndex(index)
            self.drug_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    # -- activation --------------------------------------------------------------------

    def _keyed_view(self) -> QAbstractItemView:
        """The list the arrow keys in the field move through."""
        return self.text_mode.view if self.text_mode.on else self.current_item_view()

    def open_current(self) -> None:
        """Enter: open the selected row, or the first one when none is selected."""
        if self.text_mode.on:
            self.text_mode.open_current()
            return
        view = self.current_item_view()
        model = view.model()
        if model is None or model.rowCount() == 0:
            return
        index = view.currentIndex()
        if not index.isValid() and self._notices.notice is not None:
            # Not an answer to what was typed (a similar name, a related page): the user picks.
            self.choice_needed.emit()
            return
        if not index.isValid():
            index = model.index(0, 0)
            view.setCurrentIndex(index)
        self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        page_id = page_id_at(index, self.drug_view.expand)
        if page_id is not None:
            self.page_activated.emit(page_id)

    def _context_menu(self, view: QAbstractItemView, position: QPoint) -> None:
        from rxcombo.ui.sidebar.page_menu import show_page_menu  # its QAction enums: not at start

        note, folder = self.favorite_note_requested.emit, self.favorite_folder_requested.emit
        items = [("Edit &Note…", note), ("&Move to Folder…", folder)] if view is self.favorites_view else []
        show_page_menu(
            self, view, position, self.page_activated.emit, self.favorite_toggle_requested.emit, items,
            compare=self.compare_requested.emit, copy_link=self.link_copy_requested.emit,
        )  # fmt: skip
