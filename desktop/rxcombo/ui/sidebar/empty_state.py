"""What the pane says in place of an empty list: loading, no favorites yet, no match, no pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from rxcombo.search import Query
from rxcombo.ui.sidebar.views import View

NO_FAVORITES = "No favorites yet.\nOpen a page and press Ctrl+D, or click its star, to keep it here."


def empty_message(view: View, query: Query, *, loading: bool) -> str:
    """The text shown when ``view`` lists nothing for ``query``."""
    # The typed text, stripped, decides (not the parsed words): "+" still says it matched nothing.
    typed = str(query)
    if loading:
        return "Loading pages…"
    if view is View.FAVORITES and not typed:
        return NO_FAVORITES
    if typed:
        where = " in your favorites" if view is View.FAVORITES else ""
        return f"No page matches '{typed}'{where}."
    return "This library has no pages."


class EmptyStateLabel(QLabel):
    """Takes the list's place, same size, when the list is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyLabel")
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWordWrap(True)
        self.setMargin(16)
        self.hide()

    def show_state(self, empty: bool, view: View, query: Query, *, loading: bool) -> None:
        """Shown, with its message, only while ``view`` is empty."""
        self.setText(empty_message(view, query, loading=loading) if empty else "")
        self.setVisible(empty)
