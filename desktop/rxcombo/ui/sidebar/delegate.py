"""Paints list rows with the letters the query matched in bold, and a star on favorites.

Like Zeal's search delegate: seeing why a row matched makes a ranked list readable.
Text is drawn segment by segment (QTextDocument per row would be slower and cannot elide).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from rxcombo.search import Query, highlight_spans
from rxcombo.ui.icons import icon
from rxcombo.ui.roles import DRUG_KEY_ROLE, FAVORITE_ROLE, MISSING_ROLE

STAR_SIZE = 14
PADDING = 6


class HighlightDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._query = Query.parse("")

    def set_query(self, query: Query) -> None:
        """The parsed query, shared with the filters: painting a row never splits it again."""
        self._query = query

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 10))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text: str = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(PADDING // 2, 0, -PADDING // 2, 0)
        if index.data(FAVORITE_ROLE):
            star_rect = QRect(
                rect.right() - STAR_SIZE, rect.center().y() - STAR_SIZE // 2, STAR_SIZE, STAR_SIZE
            )
            icon("star").paint(painter, star_rect)
            rect.setRight(star_rect.left() - PADDING)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        group = (
            QPalette.ColorGroup.Normal
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        color = palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        base_font = QFont(opt.font)
        if index.data(MISSING_ROLE):
            base_font.setItalic(True)
            if not selected:
                color = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            text = f"{text} (not in this library)"
        bold_font = QFont(base_font)
        bold_font.setBold(True)
        if index.data(DRUG_KEY_ROLE):
            base_font.setWeight(QFont.Weight.DemiBold)

        painter.save()
        painter.setPen(color)
        spans = highlight_spans(text, self._query) if self._query.words else []
        highlight = color if selected else palette.color(QPalette.ColorRole.Link)
        self._draw_segments(painter, rect, text, spans, (base_font, color), (bold_font, highlight))
        painter.restore()

    def _draw_segments(
        self,
        painter: QPainter,
        rect: QRect,
        text: str,
        spans: list[tuple[int, int]],
        plain: tuple[QFont, QColor],
        matched: tuple[QFont, QColor],
    ) -> None:
        segments: list[tuple[str, bool]] = []
        position = 0
        for start, end in spans:
            if start > position:
                segments.append((text[position:start], False))
            segments.append((text[start:end], True))
            position = end
        if position < len(text):
            segments.append((text[position:], False))
        x = rect.left()
        right = rect.right()
        ellipsis = "…"
        for segment, bold in segments:
            font, color = matched if bold else plain
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(segment)
            painter.setFont(font)
            painter.setPen(color)
            if x + width > right:
                elided = metrics.elidedText(segment, Qt.TextElideMode.ElideRight, max(0, right - x))
                if not elided:
                    elided = ellipsis
                painter.drawText(
                    QRect(x, rect.top(), right - x, rect.height()),
                    Qt.AlignmentFlag.AlignVCenter,
                    elided,
                )
                return
            painter.drawText(
                QRect(x, rect.top(), width + 1, rect.height()),
                Qt.AlignmentFlag.AlignVCenter,
                segment,
            )
            x += width
