"""A tree whose rows wrap to the pane's width: a report's sentences are read whole, never cut.

Qt's item views measure a row before they know its width, so a wrapped row would be given
one line's height (and its sentence elided). The delegate here measures each row at the
width the view gives it, and the view lays the rows out again when its width changes.
The safety sentences of a report must be read in full, not "No page covers A with …".
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex
PADDING = 6  # above and below a row's text


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        style = self._view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1
        view = self._view
        # Measured as if the scroll bar were shown: it appears once the rows are measured.
        inside = view.width() - 2 * view.frameWidth() - view.verticalScrollBar().sizeHint().width()
        width = inside - view.indentation() * (depth + 1) - 2 * margin - 4
        bounds = item.fontMetrics.boundingRect(
            QRect(0, 0, max(width, 40), 100_000), int(Qt.TextFlag.TextWordWrap), item.text
        )
        return QSize(max(width, 40), bounds.height() + PADDING)


class WrappingTree(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(WrappingDelegate(self))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # rows wrap anew at the new width
