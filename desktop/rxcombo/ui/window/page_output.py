"""Getting the open page out of the window: PDF, print, and copying as Markdown or text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from rxcombo import APP_NAME
from rxcombo.content.page_text import page_markdown
from rxcombo.ui.page.compare_view import CompareView
from rxcombo.ui.page.export import paint_pages, write_pdf
from rxcombo.ui.page.page_view import PageView

MESSAGE_MS = 5000


class PageOutput:
    def __init__(
        self, window: QWidget, page_view: PageView, status_bar: QStatusBar, source: Callable[[str], str]
    ) -> None:
        """``source(page_id)``: the name of the source the page comes from, printed under it."""
        self._window = window
        self._page_view = page_view
        self._status = status_bar
        self._source = source

    def _open(self) -> bool:
        if self._page_view.document is None or not self._page_view.showing_page():
            comparing = isinstance(self._page_view.stack.currentWidget(), CompareView)
            text = (
                "Close the comparison (Esc) to print or export one page."
                if comparing
                else "Open a page first."
            )
            self._status.showMessage(text, MESSAGE_MS)
            return False
        return True

    def export_pdf(self) -> None:
        document = self._page_view.document
        if not self._open() or document is None:
            return
        suggested = str(Path.home() / f"{document.id}.pdf")
        name, _filter = QFileDialog.getSaveFileName(
            self._window, f"Export as PDF — {APP_NAME}", suggested, "PDF (*.pdf)"
        )
        if name:
            sheets = write_pdf(Path(name), document, self._source(document.id))
            self._status.showMessage(f"Saved {name} ({sheets} page{'s' if sheets != 1 else ''}).", MESSAGE_MS)

    def print_page(self) -> None:
        document = self._page_view.document
        if not self._open() or document is None:
            return
        # QtPrintSupport is imported here: most sessions never print.
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self._window)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            paint_pages(printer, document, self._source(document.id))

    def copy_markdown(self) -> None:
        document = self._page_view.document
        if self._open() and document is not None:
            QGuiApplication.clipboard().setText(page_markdown(document, self._page_view.shown))
            self._status.showMessage("Page copied as Markdown.", MESSAGE_MS)

    def copy_section(self) -> None:
        browser = self._page_view.tabs.currentWidget()
        if self._open() and browser is not None and hasattr(browser, "toPlainText"):
            QGuiApplication.clipboard().setText(browser.toPlainText())
            self._status.showMessage("Section copied as text.", MESSAGE_MS)
