"""Paints list rows with the letters the query matched in bold, and a star on favorites.

Like Zeal's search delegate: seeing why a row matched makes a ranked list readable.
Text is drawn segment by segment (QTextDocument per row would be slower and cannot elide).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from rxcombo import wording
from rxcombo.search import Query, highlight_spans
from rxcombo.ui.icons import icon
from rxcombo.ui.roles import DRUG_KEY_ROLE, FAVORITE_ROLE, MISSING_ROLE, NOTE_ROLE, SIMILAR_ROLE
from rxcombo.ui.theme import dim_text

STAR_SIZE = 14
PADDING = 6
MAX_TRAILER_SHARE = 0.6  # the secondary text never takes more than this of the row
MIN_TRAILER_SHARE = 0.3  # … and it gives way to a long title down to this (a favorite's note)


class TextFont(NamedTuple):
    """A font with what drawing a segment needs of it, made once (see HighlightDelegate._fonts)."""

    font: QFont
    metrics: QFontMetrics
    rise: float  # baseline below a line's middle, as Qt.AlignVCenter places it (unrounded)

    @classmethod
    def of(cls, font: QFont) -> TextFont:
        exact = QFontMetricsF(font)
        return cls(font, QFontMetrics(font), (exact.ascent() - exact.descent()) / 2)


class _RowFonts(NamedTuple):
    plain: TextFont
    bold: TextFont


class HighlightDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._query = Query.parse("")
        # The fonts a row is drawn in and their metrics, made once per view font and row
        # kind rather than for every row painted (by the view font's key, italic, demibold).
        self._fonts: dict[tuple[str, bool, bool], _RowFonts] = {}

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
        missing = bool(index.data(MISSING_ROLE))
        if missing:
            if not selected:
                color = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            text = f"{text} ({wording.NOT_IN_ANY_ENABLED_SOURCE})"
        fonts = self._row_fonts(opt.font, missing=missing, demibold=bool(index.data(DRUG_KEY_ROLE)))

        trailer = self._trailer(index)
        if trailer:
            title_width = fonts.bold.metrics.horizontalAdvance(text) + PADDING
            rect = self._draw_trailer(painter, rect, trailer, opt, color if selected else None, title_width)

        painter.save()
        painter.setPen(color)
        spans = highlight_spans(text, self._query) if self._query.words else []
        highlight = color if selected else palette.color(QPalette.ColorRole.Link)
        self._draw_segments(painter, rect, text, spans, (fonts.plain, color), (fonts.bold, highlight))
        painter.restore()

    def _row_fonts(self, view_font: QFont, *, missing: bool, demibold: bool) -> _RowFonts:
        """A missing favorite in italics; a drug row (by-drug view) or a text hit's title in
        demibold; the letters the query matched in bold."""
        key = (view_font.key(), missing, demibold)
        fonts = self._fonts.get(key)
        if fonts is None:
            plain = QFont(view_font)
            if missing:
                plain.setItalic(True)
            bold = QFont(plain)
            bold.setBold(True)
            if demibold:
                plain.setWeight(QFont.Weight.DemiBold)
            fonts = self._fonts[key] = _RowFonts(TextFont.of(plain), TextFont.of(bold))
        return fonts

    @staticmethod
    def _trailer(index: QModelIndex | QPersistentModelIndex) -> str:
        """Secondary text after the title: a similar-name mark, what a row covers, its file."""
        parts = []
        if index.data(SIMILAR_ROLE):
            parts.append(wording.SIMILAR_MARK)
        note = index.data(NOTE_ROLE)
        if note:
            parts.append(str(note))
        return " · ".join(parts)

    @staticmethod
    def _draw_trailer(
        painter: QPainter,
        rect: QRect,
        text: str,
        opt: QStyleOptionViewItem,
        selected_color: QColor | None,
        title_width: int,
    ) -> QRect:
        """Right-aligned, dimmer and italic: read as a remark on the row, not as its title,
        which keeps the room it needs first."""
        font = QFont(opt.font)
        font.setItalic(True)
        metrics = QFontMetrics(font)
        room = max(int(rect.width() * MIN_TRAILER_SHARE), rect.width() - title_width)
        # +2: sub-pixel rounding would otherwise elide a text that fits.
        width = min(metrics.horizontalAdvance(text) + 2, int(rect.width() * MAX_TRAILER_SHARE), room)
        color = selected_color or dim_text(opt.palette)  # 4.5:1 on the base, in either theme
        area = QRect(rect.right() - width, rect.top(), width, rect.height())
        painter.save()
        painter.setFont(font)
        painter.setPen(color)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        painter.drawText(area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, elided)
        painter.restore()
        return QRect(rect.left(), rect.top(), max(0, rect.width() - width - PADDING), rect.height())

    def _draw_segments(
        self,
        painter: QPainter,
        rect: QRect,
        text: str,
        spans: list[tuple[int, int]],
        plain: tuple[TextFont, QColor],
        matched: tuple[TextFont, QColor],
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
        middle = rect.top() + rect.height() / 2
        ellipsis = "…"
        for segment, bold in segments:
            (font, metrics, rise), color = matched if bold else plain
            width = metrics.horizontalAdvance(segment)
            painter.setFont(font)
            painter.setPen(color)
            # At its baseline, where Qt.AlignVCenter puts it: a rectangle and flags make Qt
            # lay the text out again for every segment.
            baseline = QPointF(x, middle + rise)
            if x + width > right:
                elided = metrics.elidedText(segment, Qt.TextElideMode.ElideRight, max(0, right - x))
                painter.drawText(baseline, elided or ellipsis)
                return
            painter.drawText(baseline, segment)
            x += width
