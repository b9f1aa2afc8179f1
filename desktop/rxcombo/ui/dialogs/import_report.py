"""What an import of favorites did, entry by entry: added, updated (which fields) or
skipped (why). A table over the report (Qt model/view); titles from the file are plain text."""

from __future__ import annotations

from collections.abc import Sized
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
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

from rxcombo import APP_NAME
from rxcombo.ui.dialogs.titled_table import AnyIndex, TitledTableModel
from rxcombo.ui.plain_text import plain_tip
from rxcombo.userdata import ImportReport, Outcome

COLUMNS = ("Result", "Title", "Details", "Line")
OUTCOME_WORDS = {Outcome.ADDED: "Added", Outcome.UPDATED: "Updated", Outcome.SKIPPED: "Skipped"}


class ImportReportModel(TitledTableModel):
    def __init__(self, report: ImportReport, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self._entries = list(report.entries)

    def _items(self) -> Sized:
        return self._entries

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._entries[index.row()]
        detail = entry.detail
        if entry.outcome is Outcome.UPDATED and detail:
            detail = f"changed: {detail}"
        values = (OUTCOME_WORDS[entry.outcome], entry.title or entry.page_id, detail, entry.line or "")
        value = str(values[index.column()])
        return plain_tip(value) if role == Qt.ItemDataRole.ToolTipRole else value


class ImportReportDialog(QDialog):
    def __init__(self, path: Path, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(f"Favorites Imported — {APP_NAME}")
        self.summary = QLabel(f"{path.name}: {report.summary()}.")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.model = ImportReportModel(report, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(640, 360)
