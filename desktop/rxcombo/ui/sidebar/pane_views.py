"""The pane's three views of the library, each a model, a filter proxy and an item view:
all pages (ranked list), by drug (tree) and favorites. The pane wires them to the query."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTableView, QTreeView

from rxcombo.ui.sidebar.drug_tree_model import DrugTreeFilter, DrugTreeModel
from rxcombo.ui.sidebar.favorites_model import FavoritesFilter, FavoritesModel
from rxcombo.ui.sidebar.item_views import make_list_view, make_tree_view
from rxcombo.ui.sidebar.page_models import PageListModel, SearchResultsProxy
from rxcombo.ui.sidebar.views import View

if TYPE_CHECKING:
    from rxcombo.search import Query


class PaneViews(NamedTuple):
    page_model: PageListModel
    results: SearchResultsProxy
    all_view: QTableView
    drug_model: DrugTreeModel
    drug_filter: DrugTreeFilter
    drug_view: QTreeView
    favorites_model: FavoritesModel
    favorites_filter: FavoritesFilter
    favorites_view: QTableView

    def item_views(self) -> Iterator[QTableView | QTreeView]:
        """In the order of the views' tabs (rxcombo.ui.sidebar.views.View)."""
        yield from (self.all_view, self.drug_view, self.favorites_view)

    def shown_count(self, view: View) -> int:
        """Pages ``view`` lists (for the status bar)."""
        if view is View.ALL:
            return self.results.rowCount()
        if view is View.FAVORITES:
            return self.favorites_filter.rowCount()
        return self.drug_filter.page_count  # taken from the hits: see DrugTreeFilter.set_query

    def filter_by_drug(self, query: Query, similar: bool) -> None:
        self.drug_filter.similar = similar
        self.drug_filter.set_query(query)
        if str(query) and self.drug_filter.rowCount() <= 3:
            self.drug_view.expandAll()

    def filter_favorites(self, query: Query, similar: bool) -> None:
        self.favorites_filter.similar = similar
        self.favorites_filter.set_query(query)


def make_views(parent: QObject) -> PaneViews:
    page_model = PageListModel(parent)
    results = SearchResultsProxy(parent)
    results.setSourceModel(page_model)
    all_view = make_list_view("allPagesView")
    all_view.setModel(results)

    drug_model = DrugTreeModel(parent)
    drug_filter = DrugTreeFilter(parent)
    drug_filter.setSourceModel(drug_model)
    drug_view = make_tree_view("drugTreeView")
    drug_view.setModel(drug_filter)

    favorites_model = FavoritesModel(parent)
    favorites_filter = FavoritesFilter(parent)
    favorites_filter.setSourceModel(favorites_model)
    favorites_view = make_list_view("favoritesView")
    favorites_view.setModel(favorites_filter)

    for view, name in ((all_view, "All pages"), (drug_view, "Drugs"), (favorites_view, "Favorites")):
        view.setAccessibleName(name)
    return PaneViews(
        page_model, results, all_view, drug_model, drug_filter, drug_view,
        favorites_model, favorites_filter, favorites_view,
    )  # fmt: skip
