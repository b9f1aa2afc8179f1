"""Paints a full-text result: the page title (the words in bold) with its section at the
right, then two lines of the section's text around the words, the words in bold.

The name list's delegate (:mod:`.delegate`) draws the title line, as there; the snippet
wraps at word boundaries with QTextLayout, its words marked with format ranges.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QWidget

from rxcombo.ui.sidebar.delegate import PADDING, HighlightDelegate
from rxcombo.ui.sidebar.text_hits import TEXT_HIT_ROLE

if TYPE_CHECKING:  # the full-text search (and SQLite) is imported after the first paint
    from rxcombo.search.fulltext import TextHit

SNIPPET_LINES = 2
ROW_MARGIN = 4


def row_height(metrics: QFontMetrics) -> int:
    """A title line and the snippet's lines, with a margin above and below."""
    return metrics.height() + SNIPPET_LINES * metrics.lineSpacing() + 2 * ROW_MARGIN + 2


class TextHitDelegate(HighlightDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(option.rect.width(), row_height(option.fontMetrics))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        hit: TextHit | None = index.data(TEXT_HIT_ROLE)
        if hit is None:
            super().paint(painter, option, index)
            return
        from rxcombo.search.fulltext.snippet import highlight  # loaded by then: no cost

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(PADDING // 2, ROW_MARGIN, -PADDING // 2, -ROW_MARGIN)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        marked = color if selected else palette.color(QPalette.ColorRole.Link)
        metrics = QFontMetrics(opt.font)

        fonts = self._row_fonts(opt.font, missing=False, demibold=True)  # made once per view font
        title_width = fonts.plain.metrics.horizontalAdvance(hit.title)
        title_rect = QRect(rect.left(), rect.top(), rect.width(), metrics.height() + 2)
        title_rect = self._draw_trailer(
            painter, title_rect, hit.section, opt, color if selected else None, title_width
        )
        painter.save()
        spans = highlight(hit.title, hit.query)
        self._draw_segments(painter, title_rect, hit.title, spans, (fonts.plain, color), (fonts.bold, marked))
        snippet_top = title_rect.bottom() + 1
        self._draw_snippet(
            painter,
            QRect(rect.left(), snippet_top, rect.width(), rect.bottom() - snippet_top),
            hit,
            opt.font,
            (color, marked),
        )
        painter.restore()

    @staticmethod
    def _draw_snippet(
        painter: QPainter, rect: QRect, hit: TextHit, font: QFont, colors: tuple[QColor, QColor]
    ) -> None:
        snippet = hit.snippet
        layout = QTextLayout(snippet.text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        ranges = []
        for start, end in snippet.spans:
            marked = QTextLayout.FormatRange()
            marked.start, marked.length = start, end - start
            char_format = QTextCharFormat()
            char_format.setFontWeight(QFont.Weight.Bold)
            char_format.setForeground(colors[1])
            marked.format = char_format
            ranges.append(marked)
        layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        for _ in range(SNIPPET_LINES):  # the rest of the text is left out: the tooltip has it all
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(rect.width())
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        painter.setPen(colors[0])
        painter.setClipRect(rect)
        layout.draw(painter, QPointF(rect.left(), rect.top()))
