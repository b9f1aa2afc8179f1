"""Favorites > Export Favorites… and Import Favorites…: files in and out of the window.

Export writes JSON (every field) or CSV (``title, drugs, folder, note, added``). Import reads
a JSON or CSV file as untrusted text, whole, before anything changes: a file it refuses
(too big, malformed, wrongly typed, hostile) gets one clear message and changes nothing.
A file it accepts is merged as ``rxcombo favorites import`` merges it (new ones added,
existing ones updated only where the file is newer, nothing removed), saved through the
window's SaveRetry, and reported entry by entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from rxcombo import APP_NAME
from rxcombo.userdata import ImportFileError, read_import
from rxcombo.userdata.favorites_export import write_export
from rxcombo.userdata.sources import title_resolver

if TYPE_CHECKING:
    from rxcombo.ui.window.main_window import MainWindow

JSON_FILTER = "JSON (*.json)"
CSV_FILTER = "CSV (*.csv)"
MESSAGE_MS = 5000


class FavoritesFiles:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last_message: QMessageBox | None = None  # the last refusal shown (tests read it)
        self.last_report: QDialog | None = None

    def export(self) -> None:
        window = self.window
        suggested = str(Path.home() / "rxcombo-favorites.json")
        name, chosen = QFileDialog.getSaveFileName(
            window, f"Export Favorites — {APP_NAME}", suggested, f"{JSON_FILTER};;{CSV_FILTER}"
        )
        if name:
            self.export_to(Path(name), "csv" if chosen == CSV_FILTER else "json")

    def export_to(self, path: Path, kind: str = "json") -> None:
        window = self.window
        if path.suffix.lower() in (".csv", ".json"):
            kind = path.suffix.lower()[1:]  # the name typed wins over the filter picked
        if path.resolve() == window.favorites.path.resolve():
            self._refuse(f"{path} is the favorites file itself; export to another file.")
            return
        favorites = window.favorites.items(window.favorite_control.sort())
        try:
            write_export(favorites, path, kind)
        except OSError as exc:
            self._refuse(f"Could not write {path}: {exc.strerror or exc}")
            return
        count = len(favorites)
        window.statusBar().showMessage(
            f"{count} favorite{'s' if count != 1 else ''} exported to {path}", MESSAGE_MS
        )

    def import_(self) -> None:
        name, _chosen = QFileDialog.getOpenFileName(
            self.window,
            f"Import Favorites — {APP_NAME}",
            str(Path.home()),
            f"{JSON_FILTER};;{CSV_FILTER};;All files (*)",
        )
        if name:
            self.import_from(Path(name))

    def import_from(self, path: Path) -> None:
        window = self.window
        store = window.favorites
        if store.read_only:
            self._refuse(
                f"The favorites file {store.path} was written by a newer {APP_NAME}: nothing imported."
            )
            return
        library = window.library
        resolve = title_resolver(library) if library is not None else None
        try:
            entries = read_import(path, store.items(), resolve)
        except ImportFileError as exc:
            self._refuse(str(exc))
            return
        report = store.merge_import(entries)
        if report.added or report.updated:
            window.saving.save_favorites()
            window.favorite_control.refresh_list()
            for entry in (*report.added, *report.updated):
                window.search_pane.refresh_page(entry.page_id)
            current = window.current_page_id()
            if current is not None:
                window.favorite_control.page_shown(current)
        from rxcombo.ui.dialogs.import_report import ImportReportDialog  # only when importing

        dialog = ImportReportDialog(path, report, window)
        dialog.open()
        self.last_report = dialog

    def _refuse(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("favoritesFileMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes an untrusted file
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = box
