"""The names offered while a drug is typed into a list: drugs, then combination products.

Fed by :meth:`rxcombo.search.drug_names.DrugNames.suggest`, the search's own matching. A
similar spelling is shown marked as one, with the tooltip that it may be a different drug
(shared/guides/safety.md): it is offered, never put in the list in place of what was typed.
What a row puts in the field (EditRole) is the name alone, without the mark.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from rxcombo import wording
from rxcombo.search.answer import Match
from rxcombo.search.drug_names import Suggestion
from rxcombo.ui.roles import SIMILAR_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
PRODUCT_MARK = "combination product"


def suggestion_label(suggestion: Suggestion) -> str:
    """``Amitriptyline (similar name)``, ``Aceclofenac + Paracetamol (combination product)``."""
    marks = [PRODUCT_MARK] if suggestion.product else []
    if suggestion.match is Match.SIMILAR:
        marks.append(wording.SIMILAR_MARK)
    return f"{suggestion.text} ({', '.join(marks)})" if marks else suggestion.text


class CompletionModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._suggestions: list[Suggestion] = []

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        self.beginResetModel()
        self._suggestions = list(suggestions)
        self.endResetModel()

    def suggestions(self) -> list[Suggestion]:
        return list(self._suggestions)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._suggestions)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._suggestions):
            return None
        suggestion = self._suggestions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return suggestion_label(suggestion)
        if role == Qt.ItemDataRole.EditRole:
            return suggestion.text
        if role == Qt.ItemDataRole.ToolTipRole and suggestion.match is Match.SIMILAR:
            return wording.SIMILAR_TOOLTIP
        if role == SIMILAR_ROLE:
            return suggestion.match is Match.SIMILAR
        return None
