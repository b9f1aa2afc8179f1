"""One tab's content: a read-only browser that never loads anything by itself.

``loadResource`` refuses every URL: pages may reference images, stylesheets or remote
files, and nothing in the app may touch the network or the disk on a page's behalf.
Links are reported through ``anchorClicked``; the window asks before opening them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextFrameFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from rxcombo.ui.theme import page_colors

# Comfortable reading measure: about 70-80 characters of body text per line, i.e. ~36 em.
READING_WIDTH_EM = 36
TEXT_SCALE = 1.1
FOCUS_RING = 2


def style_sheet(palette: QPalette) -> str:
    """The page's CSS, every colour from the palette (see rxcombo.ui.theme)."""
    c = {name: color.name() for name, color in page_colors(palette).items()}
    return f"""
body {{ line-height: 145%; color: {c["text"]}; background-color: {c["base"]}; }}
p {{ margin-top: 0px; margin-bottom: 10px; }}
ul, ol {{ margin-top: 2px; margin-bottom: 10px; margin-left: 4px; }}
li {{ margin-bottom: 4px; }}
h1, h2, h3, h4 {{ margin-top: 14px; margin-bottom: 6px; color: {c["heading"]}; }}
h1 {{ font-size: 150%; }} h2 {{ font-size: 130%; }} h3 {{ font-size: 115%; }} h4 {{ font-size: 105%; }}
a {{ color: {c["link"]}; }}
a.external {{ text-decoration: underline; }}
pre {{ white-space: pre-wrap; }}
td, th {{ color: {c["text"]}; }}
"""


def disclaimer_box(palette: QPalette, body_html: str) -> str:
    c = page_colors(palette)
    return (
        f'<table width="100%" cellspacing="0" cellpadding="12" style="background-color:{c["box"].name()}; '
        f'border: 1px solid {c["box_border"].name()};"><tr><td>{body_html}</td></tr></table>'
    )


class SectionBrowser(QTextBrowser):
    blocked_requests: list[str]
    zoom_requested = Signal(int)  # +1 larger, -1 smaller

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blocked_requests = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.document().setDocumentMargin(16)
        self.setAccessibleName("Section text")
        self._base_point_size = self.font().pointSizeF() * TEXT_SCALE
        self.set_zoom(100)
        self._html = ""
        self._disclaimer = False

    def set_zoom(self, percent: int) -> None:
        """Text size as a percent of normal; every tab gets the same from the page view."""
        font = self.font()
        font.setPointSizeF(self._base_point_size * percent / 100)
        self.setFont(font)

    def set_section_html(self, body_html: str, *, disclaimer: bool = False) -> None:
        self._html, self._disclaimer = body_html, disclaimer
        palette = self.palette()
        self.document().setDefaultStyleSheet(style_sheet(palette))
        self.setHtml(disclaimer_box(palette, body_html) if disclaimer else body_html)
        self._fit_measure()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            # A visible focus ring on the page text, in the palette's highlight colour (drawn,
            # not a style sheet: a style sheet would stop the theme's palette reaching it).
            painter = QPainter(self.viewport())
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
            pen.setWidth(FOCUS_RING)
            painter.setPen(pen)
            painter.drawRect(self.viewport().rect().adjusted(1, 1, -FOCUS_RING, -FOCUS_RING))
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._html:
            self.set_section_html(self._html, disclaimer=self._disclaimer)  # a theme switch, live

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Ctrl+wheel zooms every tab at once (the window keeps it): not this one only.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        # Record, then refuse: the tests assert nothing was fetched.
        self.blocked_requests.append(name.toString() if isinstance(name, QUrl) else name)
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_measure()

    def _fit_measure(self) -> None:
        """Centre the text in a column of readable width on wide windows."""
        measure = self.fontMetrics().height() * READING_WIDTH_EM
        spare = max(0, self.viewport().width() - measure)
        side = 16 + spare // 2
        root = self.document().rootFrame()
        frame_format: QTextFrameFormat = root.frameFormat()
        if frame_format.leftMargin() != side:
            frame_format.setLeftMargin(side)
            frame_format.setRightMargin(side)
            root.setFrameFormat(frame_format)
