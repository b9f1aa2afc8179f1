"""Getting a list's report out of the window: copied as text, exported as Markdown or CSV, printed.

The words are those of ``rxcombo combos`` (search.combos_export): every export ends with
where the pages come from and the app's disclaimer line, and a printed report carries the
disclaimer on every sheet, as a printed page does (shared/guides/safety.md, rule 4).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QFileDialog, QWidget

from rxcombo import APP_NAME, wording
from rxcombo.content.names import slugify
from rxcombo.search.combos import CombinationReport
from rxcombo.search.combos_export import report_csv, report_markdown, report_text
from rxcombo.support.atomic import atomic_write_text

if TYPE_CHECKING:
    from rxcombo.ui.window.main_window import MainWindow

MARKDOWN_FILTER = "Markdown (*.md)"
MESSAGE_MS = 5000
CSV_FILTER = "CSV (*.csv)"


def copy_report(report: CombinationReport) -> None:
    QGuiApplication.clipboard().setText(report_text(report))


def choose_export_path(parent: QWidget, title: str) -> Path | None:
    """Where to export; the filter chosen gives the suffix when none was typed."""
    suggested = str(Path.home() / f"{slugify(title) or 'drug-list'}.md")
    name, chosen = QFileDialog.getSaveFileName(
        parent, f"Export Report — {APP_NAME}", suggested, f"{MARKDOWN_FILTER};;{CSV_FILTER}"
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".md", ".csv"):
        path = path.with_name(path.name + (".csv" if chosen == CSV_FILTER else ".md"))
    return path


def export_report(report: CombinationReport, title: str, path: Path) -> None:
    """Markdown, or CSV for a ``.csv`` file (raises OSError)."""
    text = report_csv(report) if path.suffix.lower() == ".csv" else report_markdown(report, title)
    atomic_write_text(path, text)


def print_report(parent: QWidget, report: CombinationReport, title: str) -> bool:
    """The print dialog, then the report with the disclaimer line on every sheet."""
    # QtPrintSupport is imported here: most sessions never print.
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from rxcombo.ui.page.export import paint_html

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_html(printer, report_html(report, title), report_footer(title, report.source))
    return True


def report_html(report: CombinationReport, title: str) -> str:
    document = QTextDocument()
    document.setMarkdown(report_markdown(report, title))
    return document.toHtml()


def report_footer(title: str, source: str, today: datetime.date | None = None) -> str:
    printed = (today or datetime.date.today()).isoformat()
    where = f"{APP_NAME}, pages from {Path(source).name}, printed {printed}"
    return f"{title} — {where}. {wording.APP_DISCLAIMER_LINE}"


class ReportOutput:
    """The Lists menu's Copy, Export and Print, on the open list's report."""

    def __init__(
        self, window: MainWindow, report: Callable[[], CombinationReport | None], title: Callable[[], str]
    ) -> None:
        self.window = window
        self._report = report
        self._title = title

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def _report_or_say(self) -> CombinationReport | None:
        report = self._report()
        if report is None:
            self._say("Open a list with drugs in it first (Lists > Show Drug Lists).")
        return report

    def copy(self) -> None:
        report = self._report_or_say()
        if report is not None:
            copy_report(report)
            self._say(f"Report on {self._title()} copied as text.")

    def export(self) -> None:
        report = self._report_or_say()
        path = choose_export_path(self.window, self._title()) if report is not None else None
        if report is None or path is None:
            return
        try:
            export_report(report, self._title(), path)
        except OSError as exc:
            self.window.show_notice(f"The report could not be saved to {path}: {exc.strerror or exc}.")
            return
        self._say(f"Saved {path}.")

    def print(self) -> None:
        report = self._report_or_say()
        if report is not None:
            print_report(self.window, report, self._title())
