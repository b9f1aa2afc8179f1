"""Choosing the content folder the window reads (File > Open Content Folder…)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from rxcombo import APP_NAME

if TYPE_CHECKING:
    from rxcombo.ui.window.main_window import MainWindow


class ContentFolders:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def choose(self) -> None:
        window = self.window
        folder = QFileDialog.getExistingDirectory(
            window, f"Open Content Folder — {APP_NAME}", str(window.content_dir)
        )
        if folder:
            self.open(Path(folder))

    def open(self, folder: Path) -> None:
        window = self.window
        window.settings.content_dir = str(folder)
        window.settings.save()
        window.page_view.show_message("Loading…")
        window.setWindowTitle(APP_NAME)
        window.load_content(folder)
