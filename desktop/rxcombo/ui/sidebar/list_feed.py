"""What the pane's models are given: a library, or a warm start's preview of its list just
before it; the by-drug tree only once that view is shown.

The preview (rxcombo.library.preview) fills the all-pages list for the start's first frame;
the library, read just after that frame, fills it again with the same rows. The by-drug
tree costs a start about 5 ms of 6,447 pages and most starts never show it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rxcombo.library import Library, ListPreview
    from rxcombo.search import SearchIndex
    from rxcombo.ui.sidebar.page_models import FavoriteCheck
    from rxcombo.ui.sidebar.pane_views import PaneViews


class ListFeed:
    def __init__(self, views: PaneViews) -> None:
        self._views = views
        self.previewing = False  # the list holds a preview's rows, not a library's
        self._drugs_pending: Library | None = None
        self._index: SearchIndex | None = None
        self.drug_count: int | None = None  # of the library or preview listed, for the status bar

    def show_library(self, library: Library, is_favorite: FavoriteCheck) -> None:
        views = self._views
        self.previewing = False
        self.drug_count = len(library.drugs)
        views.page_model.set_favorite_check(is_favorite)
        views.drug_model.set_favorite_check(is_favorite)
        views.page_model.set_hints(library.hint)
        views.page_model.set_documents(library.documents)
        self._drugs_pending = library
        if views.drug_model.rowCount():  # shown before: kept current, not the old library alive
            self.fill_drug_tree()
        views.results.set_index(library.index)
        views.favorites_filter.set_index(library.index)
        self._index = library.index

    def show_preview(self, preview: ListPreview, is_favorite: FavoriteCheck) -> None:
        model = self._views.page_model
        model.set_favorite_check(is_favorite)
        model.set_hints(preview.hint)
        model.set_documents(preview.rows())
        self.previewing = True
        self.drug_count = preview.drug_count

    def withdraw_preview(self) -> bool:
        """Empty the list if it holds a preview's rows; whether it did."""
        if not self.previewing:
            return False
        self.previewing = False
        self.drug_count = None  # no count of pages or drugs until a library comes
        self._views.page_model.set_documents(())
        return True

    def fill_drug_tree(self) -> None:
        """Give the by-drug view the library it has not shown yet (call before showing it)."""
        library, self._drugs_pending = self._drugs_pending, None
        if library is not None:
            self._views.drug_model.set_library(library)
            self._views.drug_filter.set_library(library)

    def prepare_search(self) -> None:
        """Make the first keystroke's search ready (a cached index unpacks its tables)."""
        if self._index is not None:
            self._index.unpack()
