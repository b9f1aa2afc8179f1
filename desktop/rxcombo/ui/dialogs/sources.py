"""File > Sources…: the content folders the window reads, with where their pages come from.

A table of the sources (name, folder, pages, drugs, newest and oldest content date, where
the dates come from, problems), each on or off, in the user's order; the about text of
the selected source (its ``SOURCE.txt``, ``README`` or licence file) below. OK keeps the
changes (the window saves them and reloads the library); Cancel forgets them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rxcombo import APP_NAME, wording
from rxcombo.library import Library, Source
from rxcombo.ui.dialogs.sources_model import SourcesModel

INTRO = (
    "Every enabled source is searched and listed together; a page says which source it "
    "comes from. Dates are the content's own dates, not review dates: "
    "the pages are AI-generated and unreviewed."
)


class SourcesDialog(QDialog):
    def __init__(
        self, sources: Sequence[Source], library: Library | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesDialog")
        self.setWindowTitle(f"Sources — {APP_NAME}")
        self.model = SourcesModel(sources, library, self)
        self.table = QTableView()
        self.table.setObjectName("sourcesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.add_button = QPushButton("&Add Folder…")
        self.remove_button = QPushButton("&Remove")
        self.up_button = QPushButton("Move &Up")
        self.down_button = QPushButton("Move &Down")
        self.add_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
        row.addStretch(1)

        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.about_label = QLabel()
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)
        self.about = QPlainTextEdit()
        self.about.setObjectName("sourceAbout")
        self.about.setReadOnly(True)  # a file from the folder: shown as text, never run or rendered
        self.about.setMaximumHeight(160)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.about_label)
        layout.addWidget(self.about)
        layout.addWidget(buttons)
        self.resize(900, 480)
        self.select(0)

    def sources(self) -> list[Source]:
        return self.model.sources()

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
        self._show_about(row)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, f"Add Content Folder — {APP_NAME}")
        if folder:
            self.add_folder(Path(folder))

    def add_folder(self, folder: Path) -> None:
        self.select(self.model.add(folder))

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self.model.remove(row)
            self.select(min(row, self.model.rowCount() - 1))

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row >= 0:
            self.select(self.model.move(row, step))

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_about(self.selected_row())

    def _show_about(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            self.about_label.setText("")
            self.about.setPlainText("")
            self.remove_button.setEnabled(False)
            return
        source = self.model.source(row)
        facts = self.model.facts(row)
        self.remove_button.setText("Turn &Off" if source.bundled else "&Remove")
        self.remove_button.setEnabled(not source.bundled or source.enabled)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(row < self.model.rowCount() - 1)
        if facts is None:
            self.about_label.setText(f"About “{source.name}”: shown once it is enabled and loaded.")
            self.about.setPlainText("")
            return
        dates = wording.content_dates(
            facts.newest.isoformat() if facts.newest else None,
            facts.oldest.isoformat() if facts.oldest else None,
            facts.dates_from,
        )
        where = (
            f"from {facts.about_file}"
            if facts.about_file
            else "no SOURCE.txt, README or licence file in the folder"
        )
        self.about_label.setText(f"About “{source.name}” ({where}). {dates}.")
        self.about.setPlainText(facts.about or "")
