"""Keys typed in the search field that act on the list below it, as in Zeal or a browser's address bar.

Esc clears the field, Enter opens the selected row (or the first), and the arrow and page
keys move through the list while the focus stays in the field, so typing can go on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

NAVIGATION_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}


class SearchFieldKeys(QObject):
    """An event filter on the search field; it lives as long as the field."""

    def __init__(
        self,
        field: QLineEdit,
        current_view: Callable[[], QAbstractItemView],
        open_current: Callable[[], None],
    ) -> None:
        super().__init__(field)
        self._field = field
        self._current_view = current_view
        self._open_current = open_current
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._search_key(event)
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        view = self._current_view()
        if key == Qt.Key.Key_Escape:
            if self._field.text():
                self._field.clear()
                return True
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_current()
            return True
        if key in NAVIGATION_KEYS and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            model = view.model()
            if model is None or model.rowCount() == 0:
                return True
            if not view.currentIndex().isValid():
                view.setCurrentIndex(model.index(0, 0))
                return True
            forwarded = QKeyEvent(event.type(), key, event.modifiers(), event.text())
            QApplication.sendEvent(view, forwarded)
            return True
        return False
