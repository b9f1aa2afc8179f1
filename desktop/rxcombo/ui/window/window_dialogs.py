"""The window's Help dialogs and the question before an external link opens.

Each dialog's module is imported when it is first asked for: a start that opens none of
them pays nothing for their widgets (each Qt class touched costs its enums' creation).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl

if TYPE_CHECKING:
    from rxcombo.ui.window.main_window import MainWindow


class WindowDialogs:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def show_disclaimer(self) -> None:
        from rxcombo.ui.dialogs.disclaimer import DisclaimerDialog

        DisclaimerDialog(self.window.disclaimer_text, first_launch=False, parent=self.window).exec()

    def about_text(self) -> str:
        from rxcombo.ui.dialogs import about

        return about.about_text(self.window.library, self.window.favorites.path)

    def show_about(self) -> None:
        from rxcombo.ui.dialogs import about

        about.show_about(self.window, self.about_text())

    def show_shortcuts(self) -> None:
        from rxcombo.ui.dialogs import shortcuts

        shortcuts.show_shortcuts(self.window)

    def open_external_link(self, url: QUrl) -> None:
        from rxcombo.ui.dialogs import links

        links.open_external_link(self.window, url)
