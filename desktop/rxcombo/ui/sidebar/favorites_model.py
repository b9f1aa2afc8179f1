"""The favorites view: starred pages, newest first, including pages this library lacks."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from rxcombo.content import fold
from rxcombo.library import Library
from rxcombo.search import Query, SearchIndex
from rxcombo.ui.roles import DRUGS_ROLE, FAVORITE_ROLE, MISSING_ROLE, NOTE_ROLE, PAGE_ID_ROLE, SIMILAR_ROLE
from rxcombo.userdata import Favorite

AnyIndex = QModelIndex | QPersistentModelIndex


class FavoritesModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._favorites: list[Favorite] = []
        self._library: Library | None = None

    def set_favorites(self, favorites: list[Favorite], library: Library | None) -> None:
        self.beginResetModel()
        self._favorites = list(favorites)
        self._library = library
        self.endResetModel()

    def favorite(self, row: int) -> Favorite:
        return self._favorites[row]

    def is_missing(self, row: int) -> bool:
        return self._library is None or self._library.get(self._favorites[row].page_id) is None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._favorites)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._favorites):
            return None
        favorite = self._favorites[index.row()]
        missing = self.is_missing(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return favorite.title
        if role == Qt.ItemDataRole.ToolTipRole:
            added = favorite.added.astimezone().strftime("%Y-%m-%d %H:%M")
            state = "\nNot in the open library" if missing else ""
            return f"{favorite.title}\nAdded {added}{state}"
        if role == PAGE_ID_ROLE:
            return favorite.page_id
        if role == FAVORITE_ROLE:
            return True
        if role == MISSING_ROLE:
            return missing
        if role == NOTE_ROLE and self._library is not None:
            return self._library.hint(favorite.page_id)
        if role == DRUGS_ROLE and self._library is not None:
            document = self._library.get(favorite.page_id)
            return list(document.drugs) if document else []
        return None


class FavoritesFilter(QSortFilterProxyModel):
    """Favorites matching the query: pages the search found, or titles of missing pages."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.similar = False  # the query matched similar spellings only: every row is marked
        self._index: SearchIndex | None = None
        self._pages: AbstractSet[str] | None = None
        self._words: tuple[str, ...] = ()

    def set_index(self, index: SearchIndex) -> None:
        self._index = index

    def set_query(self, query: Query) -> None:
        """Filter by the pages the engine finds for ``query``; a blank query shows all."""
        if self._index is None:
            return
        pages = None if not str(query) else {hit.id for hit in self._index.search(query)}
        self.beginFilterChange()
        self._pages = pages
        self._words = query.words  # for the titles of pages the engine does not have
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._pages is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(PAGE_ID_ROLE) in self._pages:
            return True
        if index.data(MISSING_ROLE):
            title_words = fold(str(index.data(Qt.ItemDataRole.DisplayRole))).replace("+", " ").split()
            return all(any(w.startswith(q) for w in title_words) for q in self._words)
        return False

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SIMILAR_ROLE:
            return self.similar and index.isValid()
        return super().data(index, role)
