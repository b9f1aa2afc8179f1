"""The by-drug view: every drug A–Z with its page count, its pages under it.

Two levels are encoded in the index's internal id (0 for a drug row, drug row + 1 for a
page row), so the model keeps no per-node Python objects alive for Qt to point at.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from rxcombo.content.names import tokens
from rxcombo.library import Drug, Library
from rxcombo.search import Query
from rxcombo.ui.plain_text import plain_tip
from rxcombo.ui.roles import (
    COUNT_ROLE,
    DRUG_KEY_ROLE,
    DRUGS_ROLE,
    FAVORITE_ROLE,
    NOTE_ROLE,
    PAGE_ID_ROLE,
    SIMILAR_ROLE,
)
from rxcombo.ui.sidebar.page_models import FavoriteCheck

AnyIndex = QModelIndex | QPersistentModelIndex


class DrugTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self._drugs: list[Drug] = []
        self._row_of: dict[str, int] = {}
        self._is_favorite: FavoriteCheck = lambda _page_id: False

    def set_library(self, library: Library) -> None:
        self.beginResetModel()
        self._library = library
        self._drugs = library.drugs
        self._row_of = {drug.key: row for row, drug in enumerate(self._drugs)}
        self.endResetModel()

    def set_favorite_check(self, check: FavoriteCheck) -> None:
        self._is_favorite = check

    def drug_row(self, key: str) -> int | None:
        return self._row_of.get(key)

    def refresh_page(self, page_id: str) -> None:
        """A favorite changed: repaint the page's rows under each of its drugs."""
        if self._library is None:
            return
        document = self._library.get(page_id)
        if document is None:
            return
        for key in document.drug_keys:
            row = self._row_of.get(key)
            if row is None:
                continue
            children = self._drugs[row].page_ids
            if page_id in children:
                child = self.index(children.index(page_id), 0, self.index(row, 0))
                self.dataChanged.emit(child, child, [FAVORITE_ROLE])

    def index(self, row: int, column: int = 0, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._drugs) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._drugs):
            return QModelIndex()
        if row >= len(self._drugs[parent.row()].page_ids):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        drug_row = child.internalId() - 1
        if drug_row < 0:
            return QModelIndex()
        return self.createIndex(drug_row, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._drugs)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._drugs[parent.row()].page_ids)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != 0:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._library is None:
            return None
        if index.internalId() == 0:
            drug = self._drugs[index.row()]
            count = len(drug.page_ids)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{drug.name} ({count})"
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tip(f"{drug.name}: {count} page{'s' if count != 1 else ''}")
            if role == DRUG_KEY_ROLE:
                return drug.key
            if role == COUNT_ROLE:
                return count
            return None
        drug = self._drugs[index.internalId() - 1]
        page_id = drug.page_ids[index.row()]
        document = self._library.get(page_id)
        if document is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return document.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip("\n".join(document.drugs))
        if role == PAGE_ID_ROLE:
            return page_id
        if role == DRUGS_ROLE:
            return list(document.drugs)
        if role == FAVORITE_ROLE:
            return self._is_favorite(page_id)
        if role == NOTE_ROLE:
            return self._library.hint(page_id)
        return None


class DrugTreeFilter(QSortFilterProxyModel):
    """Narrows the tree to the drugs a query named and the pages it found.

    The sets are computed once per query by the search engine; the per-row callbacks only
    look them up. Children are filtered lazily, when a drug is expanded.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self._drugs: AbstractSet[str] | None = None
        self._pages: AbstractSet[str] | None = None
        self.page_count = 0  # pages the tree lists, for the status bar
        self.similar = False  # the query matched similar spellings only: every row is marked
        self.setDynamicSortFilter(False)

    def set_library(self, library: Library) -> None:
        self._library = library

    def set_query(self, query: Query) -> None:
        """The drugs a word of ``query`` names that have a page the engine found for it."""
        library = self._library
        if library is None:
            return
        if not str(query):
            self.set_filter(None, None)
            self.page_count = len(library.documents)
            return
        pages = {hit.id for hit in library.index.search(query)}
        words = library.index.matched_vocabulary(query)
        drugs = {
            drug.key
            for drug in library.drugs
            if any(word in words for word in tokens(drug.key))  # the drug's name, not the query
            and any(page_id in pages for page_id in drug.page_ids)
        }
        self.set_filter(drugs, pages)
        # Every page the search found sits under at least one of its drugs that a query
        # word matched, so the tree lists exactly the hits; walking the tree to count them
        # would force Qt to filter every drug's children on each keystroke.
        self.page_count = len(pages)

    def set_filter(self, drugs: AbstractSet[str] | None, pages: AbstractSet[str] | None) -> None:
        """``None`` shows everything."""
        self.beginFilterChange()
        self._drugs = drugs
        self._pages = pages
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A drug row counts the pages the filter shows under it, not all of the drug's pages."""
        if role == SIMILAR_ROLE:
            return self.similar and index.isValid()
        if (
            self._pages is not None
            and self._library is not None
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, COUNT_ROLE)
            and index.isValid()
            and not index.parent().isValid()
        ):
            drug = self._library.drug(str(super().data(index, DRUG_KEY_ROLE)))
            if drug is not None:
                shown = sum(1 for page_id in drug.page_ids if page_id in self._pages)
                if role == COUNT_ROLE:
                    return shown
                if role == Qt.ItemDataRole.DisplayRole:
                    return f"{drug.name} ({shown})"
                return f"{drug.name}: {shown} of {len(drug.page_ids)} pages match"
        return super().data(index, role)

    def index_of_drug(self, key: str) -> QModelIndex:
        """The shown row of the drug with this folded key (invalid if it is not shown)."""
        for row in range(self.rowCount()):
            index = self.index(row, 0)
            if index.data(DRUG_KEY_ROLE) == key:
                return index
        return QModelIndex()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._drugs is None or self._pages is None:
            return True
        model = self.sourceModel()
        if not source_parent.isValid():
            key = model.index(source_row, 0).data(DRUG_KEY_ROLE)
            return key in self._drugs
        page_id = model.index(source_row, 0, source_parent).data(PAGE_ID_ROLE)
        return page_id in self._pages
