"""The list of all pages (a source model) and the search-results proxy over it.

The proxy is a ``QAbstractProxyModel`` that maps result rows straight to source rows from
the search engine's ranked list, instead of a ``QSortFilterProxyModel``: the latter calls
back into Python once per row to filter and O(n log n) times to sort on every keystroke
(tens of milliseconds at 6,447 pages), while here a new query costs one model reset.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from rxcombo.search import Query, SearchIndex
from rxcombo.search.index import Searchable
from rxcombo.ui.plain_text import plain_tip
from rxcombo.ui.roles import DRUGS_ROLE, FAVORITE_ROLE, NOTE_ROLE, PAGE_ID_ROLE, SIMILAR_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
FavoriteCheck = Callable[[str], bool]
HintOf = Callable[[str], str | None]


class PageListModel(QAbstractListModel):
    """Every page of the library, alphabetical: one row per page."""

    # What data() answers; the proxy answers the rest (a dozen roles per painted row, that
    # Qt's delegate asks) itself, rather than through mapToSource and this model in Python.
    ROLES = frozenset(
        int(role)  # Qt passes data() a plain int
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, PAGE_ID_ROLE, DRUGS_ROLE)
    ) | {FAVORITE_ROLE, NOTE_ROLE}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: Sequence[Searchable] = ()
        self._rows_of: dict[str, int] | None = {}  # page id -> row, made when first asked
        self._is_favorite: FavoriteCheck = lambda _page_id: False
        self._hint_of: HintOf = lambda _page_id: None

    def set_hints(self, hint_of: HintOf) -> None:
        """Where a page comes from, for titles two pages share (Library.hint)."""
        self._hint_of = hint_of

    def set_documents(self, documents: Sequence[Searchable]) -> None:
        """The library's pages in list order (or a preview's rows: see SearchPane.show_preview)."""
        self.beginResetModel()
        self._documents = documents
        self._rows_of = None
        self.endResetModel()

    @property
    def _row_of(self) -> dict[str, int]:
        if self._rows_of is None:
            self._rows_of = {document.id: row for row, document in enumerate(self._documents)}
        return self._rows_of

    def set_favorite_check(self, check: FavoriteCheck) -> None:
        self._is_favorite = check

    def row_of(self, page_id: str) -> int | None:
        return self._row_of.get(page_id)

    def refresh_page(self, page_id: str) -> None:
        row = self._row_of.get(page_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [FAVORITE_ROLE])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.row_data(index.row(), role) if index.isValid() else None

    def row_data(self, row: int, role: int) -> Any:
        """What data() answers for ``row``; the proxy asks here directly (see SearchResultsProxy.data)."""
        if not 0 <= row < len(self._documents):
            return None
        document = self._documents[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return document.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(document.title if len(document.drugs) < 2 else "\n".join(document.drugs))
        if role == PAGE_ID_ROLE:
            return document.id
        if role == DRUGS_ROLE:
            return list(document.drugs)
        if role == FAVORITE_ROLE:
            return self._is_favorite(document.id)
        if role == NOTE_ROLE:
            return self._hint_of(document.id)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class SearchResultsProxy(QAbstractProxyModel):
    """Shows the source rows the search engine returned, in its ranking order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[int] = []
        self._proxy_rows_of: dict[int, int] | None = {}  # source row -> row, made when first asked
        self._index: SearchIndex | None = None
        self._notes: dict[int, str] = {}  # source row -> what it covers of the asked drugs
        self._similar = False
        self._pages: PageListModel | None = None  # the source model, as setSourceModel took it

    def set_index(self, index: SearchIndex) -> None:
        """The engine that ranks the source model's rows (its pages, in the same order)."""
        self._index = index

    def set_query(self, query: Query) -> Sequence[int]:
        """Show the rows the engine returns for ``query``, best first (all, A-Z, when blank)."""
        rows: Sequence[int] = self._index.search_rows(query) if self._index is not None else ()
        self.set_rows(rows)
        return rows

    def set_answer_rows(self, rows: Sequence[int], notes: dict[int, str], *, similar: bool) -> None:
        """Rows that go with a notice: related pages, each with what it covers, or results
        that matched only a similar spelling (marked on every row)."""
        self.set_rows(rows, notes, similar=similar)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SIMILAR_ROLE:
            return self._similar and index.isValid()
        source = self._pages
        if role not in PageListModel.ROLES or source is None or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        # Straight to the source row: through mapToSource, a QModelIndex and the source's
        # data() it was three calls into Python for each of the dozen roles a painted row asks.
        source_row = self._rows[index.row()]
        if role == NOTE_ROLE and self._notes:
            note = self._notes.get(source_row)
            hint = source.row_data(source_row, role)  # the file, when two pages share the title
            if note is not None:
                return f"{note} · {hint}" if hint else note
        return source.row_data(source_row, role)

    def setSourceModel(self, source: PageListModel) -> None:  # type: ignore[override]
        previous = self.sourceModel()
        if previous is not None:
            previous.dataChanged.disconnect(self._source_data_changed)
            previous.modelReset.disconnect(self._source_reset)
        self.beginResetModel()
        super().setSourceModel(source)
        self._pages = source
        self._rows = list(range(source.rowCount()))
        self._proxy_rows_of = None
        self.endResetModel()
        source.dataChanged.connect(self._source_data_changed)
        source.modelReset.connect(self._source_reset)

    def set_rows(
        self, rows: Sequence[int], notes: dict[int, str] | None = None, *, similar: bool = False
    ) -> None:
        """Show exactly these source rows, in this order."""
        self._notes = notes or {}
        self._similar = similar
        self.beginResetModel()
        self._rows = list(rows)
        self._proxy_rows_of = None  # 100,000 rows when cleared: made when a source row is mapped
        self.endResetModel()

    @property
    def _proxy_row_of(self) -> dict[int, int]:
        if self._proxy_rows_of is None:
            self._proxy_rows_of = {source: proxy for proxy, source in enumerate(self._rows)}
        return self._proxy_rows_of

    def source_rows(self) -> list[int]:
        return list(self._rows)

    def _source_reset(self) -> None:
        source = self.sourceModel()
        self.set_rows(range(source.rowCount() if source is not None else 0))

    def _source_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: list[int]
    ) -> None:
        for source_row in range(top_left.row(), bottom_right.row() + 1):
            proxy_row = self._proxy_row_of.get(source_row)
            if proxy_row is not None:
                index = self.index(proxy_row, 0)
                self.dataChanged.emit(index, index, roles)

    def index(self, row: int, column: int = 0, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or column != 0 or not 0 <= row < len(self._rows):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._rows)

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:
        source = self.sourceModel()
        if source is None or not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._rows):
            return QModelIndex()
        return source.index(self._rows[proxy_index.row()], 0)

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        proxy_row = self._proxy_row_of.get(source_index.row())
        return QModelIndex() if proxy_row is None else self.index(proxy_row, 0)
