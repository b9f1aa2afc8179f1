"""What changed since the last start: the pages added, removed or changed in each source,
with the favorites whose page went away flagged. A table over ``Library.changes`` (Qt
model/view); opening a row opens its page, when the library still has it."""

from __future__ import annotations

from collections.abc import Sequence, Sized
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rxcombo import APP_NAME, wording
from rxcombo.library import ChangeKind, Library, PageChange
from rxcombo.ui.dialogs.titled_table import AnyIndex, TitledTableModel
from rxcombo.ui.plain_text import plain_tip
from rxcombo.ui.roles import PAGE_ID_ROLE
from rxcombo.userdata import Favorite

COLUMNS = ("Change", "Page", "Source", "File", "Favorite")
KIND_WORDS = {ChangeKind.ADDED: "Added", ChangeKind.REMOVED: "Removed", ChangeKind.CHANGED: "Changed"}
FAVORITE_GONE = "your favorite: page gone"


class ChangesModel(TitledTableModel):
    def __init__(
        self, library: Library, favorites: Sequence[Favorite], parent: QObject | None = None
    ) -> None:
        super().__init__(COLUMNS, parent)
        self._library = library
        order = {ChangeKind.REMOVED: 0, ChangeKind.ADDED: 1, ChangeKind.CHANGED: 2}
        self._changes = sorted(library.changes.pages, key=lambda c: (order[c.kind], c.source, c.path))
        self.lost: dict[PageChange, Favorite] = {}  # a removed page -> the favorite pointing at it
        for favorite in favorites:
            change = library.changes.lost(favorite.page_id, favorite.source or None)
            if change is not None and library.find(favorite.page_id, favorite.source or None) is None:
                self.lost[change] = favorite

    def change(self, row: int) -> PageChange:
        return self._changes[row]

    def _items(self) -> Sized:
        return self._changes

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def _openable(self, change: PageChange) -> bool:
        return change.page_id is not None and self._library.get(change.page_id) is not None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        change = self._changes[index.row()]
        if role == PAGE_ID_ROLE:
            return change.page_id if self._openable(change) else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        favorite = FAVORITE_GONE if change in self.lost else ""
        title = change.title or "(a file that could not be read)"
        values = (KIND_WORDS[change.kind], title, change.source, change.path, favorite)
        value = str(values[index.column()])
        return plain_tip(value) if role == Qt.ItemDataRole.ToolTipRole else value


def summary(library: Library, lost: int) -> str:
    changes = library.changes
    counts = ", ".join(
        f"{len(changes.of_kind(kind))} {KIND_WORDS[kind].lower()}"
        for kind in (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.CHANGED)
    )
    lines = [f"{wording.pages_changed(changes.count)}: {counts}."]
    if lost:
        lines.append(
            f"{lost} of your favorites point at pages that were removed: they are kept, and marked "
            f"“{wording.NOT_IN_ANY_ENABLED_SOURCE}” in the Favorites view."
        )
    if changes.unknown:
        lines.append(f"Nothing to compare with for: {', '.join(changes.unknown)} (no earlier start).")
    return "\n".join(lines)


class WhatChangedDialog(QDialog):
    page_activated = Signal(str)

    def __init__(
        self, library: Library, favorites: Sequence[Favorite], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("whatChanged")
        self.setWindowTitle(f"What Changed — {APP_NAME}")
        self.model = ChangesModel(library, favorites, self)
        self.summary = QLabel(summary(library, len(self.model.lost)))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("changesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self.open_row)
        hint = QLabel("Double-click a row (or press Enter) to open its page.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(720, 420)

    def open_row(self, index: QModelIndex) -> None:
        page_id = self.model.index(index.row(), 0).data(PAGE_ID_ROLE)
        if page_id:
            self.page_activated.emit(str(page_id))
