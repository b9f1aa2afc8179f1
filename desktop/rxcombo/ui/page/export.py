"""A page on paper: PDF and print, with a footer on every sheet, and the page as Markdown.

Every sheet carries the page title, the app's disclaimer sentence, the content folder's
name and the date it was printed (shared/guides/safety.md, rule 4): a printed page travels
without the app around it. Qt draws it (QTextDocument laid out page by page on a
QPdfWriter or QPrinter), so no other library is needed.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from rxcombo import APP_NAME, wording
from rxcombo.content import Document
from rxcombo.content.page_text import page_html

FOOTER_POINTS = 7.5
MARGIN_MM = 16


def footer_text(document: Document, folder_name: str, today: datetime.date | None = None) -> str:
    printed = (today or datetime.date.today()).isoformat()
    where = f"{APP_NAME}, pages from {folder_name}, printed {printed}"
    return f"{document.title} — {where}. {wording.APP_DISCLAIMER_LINE}"


def paint_pages(device: QPagedPaintDevice, document: Document, folder_name: str) -> int:
    """Lay the page out on ``device`` sheet by sheet with the footer; returns the sheet count."""
    return paint_html(device, page_html(document), footer_text(document, folder_name))


def paint_html(device: QPagedPaintDevice, html: str, footer: str) -> int:
    """Any printable text (a page, a list's report) with ``footer`` on every sheet."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(device)
    try:
        rect = painter.viewport()
        footer_height = rect.height() * 0.06
        body = QTextDocument()
        body.documentLayout().setPaintDevice(device)  # point sizes at the sheet's resolution
        body.setDefaultStyleSheet("body { color: #000000; } h1 { font-size: 150%; } h2 { font-size: 120%; }")
        body.setHtml(html)
        body.setPageSize(QSizeF(rect.width(), rect.height() - footer_height))
        sheets = body.pageCount()
        font = QFont(painter.font())
        font.setPointSizeF(FOOTER_POINTS)
        for sheet in range(sheets):
            if sheet:
                device.newPage()
            painter.save()
            painter.translate(0, -sheet * (rect.height() - footer_height))
            body.drawContents(
                painter,
                QRectF(
                    0, sheet * (rect.height() - footer_height), rect.width(), rect.height() - footer_height
                ),
            )
            painter.restore()
            painter.setFont(font)
            area = QRectF(0, rect.height() - footer_height, rect.width(), footer_height)
            painter.drawText(
                area,
                int(Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap),
                f"{footer}  ({sheet + 1}/{sheets})",
            )
        return sheets
    finally:
        painter.end()


def write_pdf(path: Path, document: Document, folder_name: str) -> int:
    writer = QPdfWriter(str(path))
    writer.setTitle(document.title)
    writer.setCreator(APP_NAME)
    writer.setResolution(150)
    return paint_pages(writer, document, folder_name)
