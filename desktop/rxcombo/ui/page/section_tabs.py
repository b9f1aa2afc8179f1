"""The row of section tabs: scrolling rather than eliding, and a menu of every section.

Qt elides every tab once they do not all fit ("Ove…", "Gabap…"); the row scrolls instead,
only long titles are shortened (the full title is the tooltip), and at the end of the row a
menu lists every section, so at 800x600 none hides behind the scroll arrows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QTabWidget, QToolButton, QWidget

MAX_TAB_CHARS = 30


def tab_label(title: str) -> str:
    """A tab's text: long titles shortened, ``&`` doubled (a lone one is a mnemonic)."""
    if len(title) > MAX_TAB_CHARS:
        title = title[: MAX_TAB_CHARS - 1].rstrip() + "…"
    return title.replace("&", "&&")


class SectionTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionTabs")
        self.setAccessibleName("Page sections")
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.sections_button = QToolButton()
        self.sections_button.setObjectName("sectionsMenuButton")
        self.sections_button.setText("☰")
        self.sections_button.setAccessibleName("All sections")
        self.sections_button.setToolTip("All sections of this page")
        self.sections_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sections_menu = QMenu(self.sections_button)
        self.sections_menu.aboutToShow.connect(self.fill_sections_menu)
        self.sections_button.setMenu(self.sections_menu)
        self.setCornerWidget(self.sections_button, Qt.Corner.TopRightCorner)

    def fill_sections_menu(self) -> None:
        self.sections_menu.clear()
        for number in range(self.count()):
            action = self.sections_menu.addAction(self.tabToolTip(number))
            action.triggered.connect(lambda _checked=False, n=number: self.setCurrentIndex(n))
