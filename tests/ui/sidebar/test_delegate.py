"""The list rows' text: drawn segment by segment at its baseline, it must sit exactly where
Qt centres a line of it (the trailer beside it still is centred by Qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from rxcombo.ui.sidebar.delegate import HighlightDelegate, TextFont

TEXT = "Alprazolam + Gjpq"


def _drawn(draw, ratio: float) -> QImage:
    image = QImage(int(220 * ratio), int(50 * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    painter = QPainter(image)
    draw(painter)
    painter.end()
    return image


@pytest.mark.parametrize("ratio", [1.0, 1.25, 1.5, 2.0])
@pytest.mark.parametrize("points", [7.5, 9, 10.5, 11, 12.5, 14])
def test_row_text_sits_where_qt_centres_a_line(qapp, points: float, ratio: float) -> None:
    font = QFont(qapp.font())
    font.setPointSizeF(points)
    black = QColor("black")
    delegate = HighlightDelegate()
    line = TextFont.of(font).metrics.height()
    for height in range(line + 4, line + 16):  # a row is its line and 10 px (sizeHint)
        rect = QRect(4, 2, 200, height)

        def by_qt(painter: QPainter, rect: QRect = rect) -> None:
            painter.setFont(font)
            painter.setPen(black)
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, TEXT)

        def by_row(painter: QPainter, rect: QRect = rect) -> None:
            style = (TextFont.of(font), black)
            delegate._draw_segments(painter, rect, TEXT, [], style, style)

        assert _drawn(by_row, ratio) == _drawn(by_qt, ratio), (points, ratio, height)
