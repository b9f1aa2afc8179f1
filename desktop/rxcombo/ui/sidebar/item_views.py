"""Builds the pane's item views: one-column tables with fixed row heights, and the drug tree."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView, QTreeView

from rxcombo.ui.roles import DRUG_KEY_ROLE, PAGE_ID_ROLE

OpenIndex = Callable[[QModelIndex], None]
ContextMenu = Callable[[QAbstractItemView, QPoint], None]


def make_list_view(name: str) -> QTableView:
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
    return view


def make_tree_view(name: str) -> QTreeView:
    view = QTreeView()
    view.setObjectName(name)
    view.setHeaderHidden(True)
    view.setUniformRowHeights(True)  # as the tables' fixed rows: only visible rows are measured
    return view


def set_up_view(
    view: QAbstractItemView,
    delegate: QStyledItemDelegate,
    open_index: OpenIndex,
    context_menu: ContextMenu,
) -> None:
    """What every view of the pane shares: the delegate, single selection, no editing,
    a row opens on click or Enter, a page row has a context menu."""
    view.setItemDelegate(delegate)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(lambda pos, v=view: context_menu(v, pos))
    view.activated.connect(open_index)
    view.clicked.connect(open_index)


def page_id_at(index: QModelIndex, expand: Callable[[QModelIndex], None]) -> str | None:
    """The page a row opens: its own, or for a drug row the drug's first page (its own page
    when it has one), expanding the row to show it."""
    if not index.isValid():
        return None
    page_id = index.data(PAGE_ID_ROLE)
    if page_id is None and index.data(DRUG_KEY_ROLE) is not None:
        model = index.model()
        if model.rowCount(index):
            expand(index)
            page_id = model.index(0, 0, index).data(PAGE_ID_ROLE)
    return None if page_id is None else str(page_id)
