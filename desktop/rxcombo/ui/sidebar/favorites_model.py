"""The favorites view: starred pages with their folder and note, in the order the user
chose, including those no enabled source holds (kept, and marked so)."""

from __future__ import annotations

import re
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

from rxcombo import wording
from rxcombo.content import Document, fold
from rxcombo.library import Library
from rxcombo.search import Query, SearchIndex
from rxcombo.ui.plain_text import plain_tip
from rxcombo.ui.roles import (
    DRUGS_ROLE,
    FAVORITE_KEY_ROLE,
    FAVORITE_ROLE,
    FAVORITE_TEXT_ROLE,
    MISSING_ROLE,
    NOTE_ROLE,
    PAGE_ID_ROLE,
    SIMILAR_ROLE,
)
from rxcombo.userdata import Favorite
from rxcombo.userdata.sources import favorite_page

NOTE_TRAILER_CHARS = 60

AnyIndex = QModelIndex | QPersistentModelIndex
_WORDS = re.compile(r"\W+")


class FavoritesModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._favorites: list[Favorite] = []
        self._pages: list[Document | None] = []  # each favorite's page, found once per reset
        self._library: Library | None = None

    def set_favorites(self, favorites: list[Favorite], library: Library | None) -> None:
        self.beginResetModel()
        self._favorites = list(favorites)
        self._library = library
        self._pages = [favorite_page(library, f) if library is not None else None for f in self._favorites]
        self.endResetModel()

    def favorite(self, row: int) -> Favorite:
        return self._favorites[row]

    def is_missing(self, row: int) -> bool:
        return self._pages[row] is None

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
        document = self._pages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:  # the library's title: an import may say otherwise
            return document.title if document is not None else favorite.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(_tooltip(favorite, document is None))
        if role == PAGE_ID_ROLE:
            return document.id if document is not None else favorite.page_id
        if role == FAVORITE_KEY_ROLE:
            return favorite.page_id
        if role == FAVORITE_ROLE:
            return True
        if role == MISSING_ROLE:
            return document is None
        if role == NOTE_ROLE:
            hint = self._library.hint(document.id) if self._library and document else None
            return " · ".join(part for part in (favorite.folder, _first_line(favorite.note), hint) if part)
        if role == FAVORITE_TEXT_ROLE:
            return fold(f"{favorite.folder} {favorite.note}")
        if role == DRUGS_ROLE:
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
        # The folder and the note are searched too, and the title of a page no source holds.
        words = _WORDS.split(str(index.data(FAVORITE_TEXT_ROLE) or ""))
        if index.data(MISSING_ROLE):
            words += _WORDS.split(fold(str(index.data(Qt.ItemDataRole.DisplayRole))))
        return bool(self._words) and all(any(w.startswith(q) for w in words if w) for q in self._words)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SIMILAR_ROLE:
            return self.similar and index.isValid()
        return super().data(index, role)


def _first_line(note: str) -> str:
    line = note.strip().split("\n", 1)[0].strip()
    return line if len(line) <= NOTE_TRAILER_CHARS else line[: NOTE_TRAILER_CHARS - 1] + "…"


def _tooltip(favorite: Favorite, missing: bool) -> str:
    added = favorite.added.astimezone().strftime("%Y-%m-%d %H:%M")
    lines = [favorite.title, f"Added {added}"]
    if favorite.folder:
        lines.append(f"Folder: {favorite.folder}")
    if favorite.source:
        lines.append(f"Source: {favorite.source}")
    if missing:
        lines.append(wording.NOT_IN_ANY_ENABLED_SOURCE.capitalize())
    if favorite.note:
        lines.append(f"Note: {favorite.note[:500]}")
    return "\n".join(lines)
