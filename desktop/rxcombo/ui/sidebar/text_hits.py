"""The rows of a full-text search: one page each, with the section the words were found in.

A list model over the :class:`~rxcombo.search.fulltext.TextHit` list the index returns
(at most a page of results, so a plain reset per search costs nothing); snippets are made
by the hits themselves when a row is first painted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from rxcombo.ui.plain_text import plain_tip
from rxcombo.ui.roles import NOTE_ROLE, PAGE_ID_ROLE

if TYPE_CHECKING:  # the full-text search (and SQLite) is imported after the first paint
    from rxcombo.search.fulltext import TextHit

AnyIndex = QModelIndex | QPersistentModelIndex
TEXT_HIT_ROLE = Qt.ItemDataRole.UserRole + 40  # the TextHit itself (the delegate paints its snippet)


class TextHitsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[TextHit] = []

    def set_hits(self, hits: Sequence[TextHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hits(self) -> list[TextHit]:
        return list(self._hits)

    def hit(self, row: int) -> TextHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == PAGE_ID_ROLE:
            return hit.page_id
        if role == NOTE_ROLE:
            return hit.section
        if role == TEXT_HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{hit.title}\n{hit.section}\n\n{hit.snippet.text}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.title}, {hit.section}: {hit.snippet.text}"
        return None
