"""The Sources dialog's table: each content source with its facts (Qt model/view).

The rows are the user's sources being edited (order, on/off, added, removed); the facts
are those of the library now shown, so a source just added or turned on says "not loaded"
until the dialog's changes are applied and the library reloads.
"""

from __future__ import annotations

from collections.abc import Sequence, Sized
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt

from rxcombo import wording
from rxcombo.library import Library, Source, SourceFacts
from rxcombo.ui.dialogs.titled_table import AnyIndex, TitledTableModel
from rxcombo.ui.plain_text import plain_tip
from rxcombo.userdata.sources import add_folder, remove_source

COLUMNS = ("Name", "Folder", "Pages", "Drugs", "Newest", "Oldest", "Dates from", "Problems")
NOT_LOADED = "not loaded"


class SourcesModel(TitledTableModel):
    def __init__(
        self, sources: Sequence[Source], library: Library | None, parent: QObject | None = None
    ) -> None:
        super().__init__(COLUMNS, parent)
        self._sources = list(sources)
        self._facts = {facts.name: facts for facts in library.sources} if library is not None else {}

    # -- what the dialog edits -----------------------------------------------------------

    def sources(self) -> list[Source]:
        return list(self._sources)

    def source(self, row: int) -> Source:
        return self._sources[row]

    def facts(self, row: int) -> SourceFacts | None:
        source = self._sources[row]
        return self._facts.get(source.name) if source.enabled else None

    def _reset(self, sources: list[Source]) -> None:
        self.beginResetModel()
        self._sources = sources
        self.endResetModel()

    def add(self, folder: Path) -> int:
        """Add ``folder`` (or turn it on, when listed); returns its row."""
        sources, added = add_folder(self._sources, folder)
        self._reset(sources)
        return next(row for row, source in enumerate(sources) if source.name == added.name)

    def remove(self, row: int) -> None:
        """Remove a source (the bundled pages are turned off instead)."""
        self._reset(remove_source(self._sources, self._sources[row].name))

    def move(self, row: int, step: int) -> int:
        """Move a row up (-1) or down (+1); returns where it is now."""
        target = row + step
        if not (0 <= row < len(self._sources) and 0 <= target < len(self._sources)):
            return row
        sources = list(self._sources)
        sources[row], sources[target] = sources[target], sources[row]
        self._reset(sources)
        return target

    # -- Qt ------------------------------------------------------------------------------

    def _items(self) -> Sized:
        return self._sources

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        enabled = Qt.CheckState(value) == Qt.CheckState.Checked
        row = index.row()
        self._sources[row] = replace(self._sources[row], enabled=enabled)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sources):
            return None
        source = self._sources[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if source.enabled else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 7:
            facts = self.facts(index.row())
            return (
                plain_tip("\n".join(p.format(facts.folder) for p in facts.problems[:20])) if facts else None
            )
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        cell = self._cell(source, self.facts(index.row()), index.column())
        return plain_tip(cell) if role == Qt.ItemDataRole.ToolTipRole else cell

    @staticmethod
    def _cell(source: Source, facts: SourceFacts | None, column: int) -> str:
        if column == 0:
            return source.name
        if column == 1:
            return str(source.folder)
        if facts is None:
            return "off" if not source.enabled else NOT_LOADED
        values = (
            str(facts.pages),
            str(facts.drugs),
            facts.newest.isoformat() if facts.newest else "—",
            facts.oldest.isoformat() if facts.oldest else "—",
            wording.DATES_FROM_WORDS.get(facts.dates_from or "", "—"),
            str(len(facts.problems)),
        )
        return values[column - 2]
