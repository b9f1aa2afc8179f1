"""One tab's content: a read-only browser that never loads anything by itself.

``loadResource`` refuses every URL: pages may reference images, stylesheets or remote
files, and nothing in the app may touch the network or the disk on a page's behalf.
Links are reported through ``anchorClicked``; the window asks before opening them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QResizeEvent, QTextFrameFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

# Comfortable reading measure: about 70-80 characters of body text per line, i.e. ~36 em.
READING_WIDTH_EM = 36
TEXT_SCALE = 1.1
STYLE_SHEET = """
body { line-height: 145%; }
p { margin-top: 0px; margin-bottom: 10px; }
ul, ol { margin-top: 2px; margin-bottom: 10px; margin-left: 4px; }
li { margin-bottom: 4px; }
h1, h2, h3, h4 { margin-top: 14px; margin-bottom: 6px; }
h1 { font-size: 150%; } h2 { font-size: 130%; } h3 { font-size: 115%; } h4 { font-size: 105%; }
a.external { text-decoration: underline; }
pre { white-space: pre-wrap; }
"""

DISCLAIMER_BOX = (
    '<table width="100%" cellspacing="0" cellpadding="12" '
    'style="background-color:#FFF7E0; border: 1px solid #E0A100;"><tr><td>{}</td></tr></table>'
)


class SectionBrowser(QTextBrowser):
    blocked_requests: list[str]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blocked_requests = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.document().setDefaultStyleSheet(STYLE_SHEET)
        self.document().setDocumentMargin(16)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * TEXT_SCALE)
        self.setFont(font)

    def set_section_html(self, body_html: str, *, disclaimer: bool = False) -> None:
        html = DISCLAIMER_BOX.format(body_html) if disclaimer else body_html
        self.setHtml(html)
        self._fit_measure()

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
